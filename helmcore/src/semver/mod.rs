//! Semantic versions and version constraints, as Helm uses them through
//! Masterminds/semver v3: Chart.yaml `version` and `kubeVersion`, dependency version
//! ranges, and the `semver`/`semverCompare` template functions.
//!
//! ```
//! use helmcore::semver::{Constraints, Version};
//! let kube = Version::parse("v1.19.0").unwrap();
//! let needs = Constraints::parse(">=1.20").unwrap();
//! assert!(!needs.check(&kube));
//! assert_eq!(needs.validate(&kube).unwrap_err(), vec!["1.19.0 is less than 1.20".to_string()]);
//! ```

mod constraints;
mod error;
mod version;

pub use constraints::Constraints;
pub use error::SemverError;
pub use version::Version;

/// Compiles one of the grammar's fixed, ASCII-only expressions, with regex-lite: the
/// inputs are a few characters long, and `regex` spent more building its engines for the
/// five expressions (2.5 M instructions, hundreds of allocations) than a render spends
/// matching versions.
fn ascii_regex(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern).expect("the semver grammar is a valid regex")
}

#[cfg(test)]
mod tests;
