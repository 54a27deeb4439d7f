//! Sprig's template functions.

pub mod crypto;
