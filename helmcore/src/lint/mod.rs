//! `helm lint`: Helm's checks of a chart, with Helm's severities and messages.

mod deprecations;
mod goquote;
mod gourl;
mod names;
mod support;
mod validator;

pub use deprecations::{deprecation_warning, Lifecycle, TABLE as DEPRECATED_APIS};
pub use names::{validate_metadata_name, NameRule};
pub use support::{Message, Severity};
