//! Flag groups that several helm commands share.

use crate::flags::{Kind, Spec};

/// The values flags of `template`, `install`, `upgrade`, `lint` (helm's `addValueOptionsFlags`).
/// Helm applies them by kind, not by position: `-f` files in order, then `--set-json`,
/// `--set`, `--set-string`, `--set-file`, `--set-literal`.
pub fn value_flags() -> Vec<Spec> {
    vec![
        Spec::new("values", Kind::StringSlice).short('f'),
        Spec::new("set", Kind::StringArray),
        Spec::new("set-string", Kind::StringArray),
        Spec::new("set-file", Kind::StringArray),
        Spec::new("set-json", Kind::StringArray),
        Spec::new("set-literal", Kind::StringArray),
    ]
}
