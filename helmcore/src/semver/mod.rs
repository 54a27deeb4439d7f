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

#[cfg(test)]
mod tests;
