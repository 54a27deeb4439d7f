//! The template engine: Go's text/template with Sprig's and Helm's functions.

pub mod func;
