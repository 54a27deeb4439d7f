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

/// Compiles one of the grammar's fixed, ASCII-only expressions. Byte classes: in Unicode
/// mode even `[0-9]` compiles through a UTF-8 automaton builder that allocates hundreds
/// of kilobytes, for every process that checks a version.
fn ascii_regex(pattern: &str) -> regex::Regex {
    regex::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .expect("the semver grammar is a valid ASCII regex")
}

#[cfg(test)]
mod tests;
