//! Helm, the Kubernetes package manager, as an embeddable library.
//!
//! `helmcore` is the pure core: charts and their values, the template engine (Go's
//! text/template with Sprig's and Helm's functions), rendering and lint. It does no I/O
//! beyond reading the chart it is given; reaching a cluster (`lookup`, installs) belongs to
//! `helmcore-kube`.
//!
//! The module names follow Helm's packages so that a Helm user finds their way:
//! [`value`] is the dynamic data model every other module shares.

pub mod chart;
pub mod engine;
pub mod gofmt;
pub mod gopath;
pub mod gourl;
mod hash;
pub mod json;
pub mod jsonpath;
pub mod lint;
pub mod render;
pub mod semver;
pub mod slog;
pub mod sprig;
#[cfg(test)]
mod testing;
pub mod toml;
pub mod value;
pub mod values;
pub mod yaml;
