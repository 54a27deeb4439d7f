//! The one place chart loading reads YAML: `crate::yaml` with Helm's semantics.

use crate::value::Value;

use super::error::ChartError;

/// Decodes a document bound for a Go struct (Chart.yaml, a lock file): go-yaml's native
/// scalars, so that a string field sees an int as an int (`version: 010` is `"8"`).
pub(crate) fn parse_struct_doc(data: &[u8]) -> Result<Value, ChartError> {
    let text = crate::yaml::go_lossy_utf8(data);
    crate::yaml::from_str_native(&text).map_err(ChartError::from)
}
