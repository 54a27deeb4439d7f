//! The two semver questions chart loading asks (Masterminds semver, `crate::semver`).

use crate::semver::{Constraints, Version};

/// Whether `v` parses as a Masterminds semver version (Helm's check for `version:`).
pub(crate) fn is_valid_version(v: &str) -> bool {
    Version::parse(v).is_ok()
}

/// Helm's `IsCompatibleRange(constraint, version)`: whether `version` satisfies the
/// constraint; false when either does not parse.
pub(crate) fn is_compatible_range(constraint: &str, version: &str) -> bool {
    match (Version::parse(version), Constraints::parse(constraint)) {
        (Ok(v), Ok(c)) => c.check(&v),
        _ => false,
    }
}
