//! YAML exactly as Helm reads and writes it.
//!
//! Helm reads YAML through `sigs.k8s.io/yaml`: go-yaml v2 (a Go port of libyaml) decodes
//! with YAML 1.1 rules (`yes`, `on`, `y` are booleans; `0777` is octal; `1_000` is an
//! int), the result is converted to JSON and decoded again by `encoding/json`. So every
//! number of a values file is a `float64` and every map key a string (`n: 1` has the key
//! `"false"`). [`from_str`] does all of that in one pass over libyaml's events.
//!
//! ```
//! use helmcore::value::Value;
//! let v = helmcore::yaml::from_str("replicas: 3\nenabled: yes\nn: x\n").unwrap();
//! assert_eq!(v.get("replicas"), Some(Value::Float(3.0)));
//! assert_eq!(v.get("enabled"), Some(Value::Bool(true)));
//! assert_eq!(v.get("false"), Some(Value::from("x")));
//! ```

mod build;
mod docs;
mod emit;
mod encode;
mod error;
mod events;
mod order;
mod resolve;
mod strict;
mod utf8;

pub(crate) use docs::split_document_bytes;
pub use docs::{
    load_values, load_values_slice, split_documents, split_manifest_bytes, split_manifests,
};
pub use encode::EncodeError;
pub use error::{DecodeError, ValuesError, YamlError};
pub use strict::strict_duplicate_keys;
pub use utf8::go_lossy as go_lossy_utf8;

/// How deeply decoded YAML and JSON may nest (see `docs/yaml.md`: Go allows 10000).
pub const MAX_NESTING: usize = build::MAX_DEPTH;

use crate::value::{Map, Value};
use build::Mode;

/// `sigs.k8s.io/yaml.Marshal`: what Helm's `toYaml` prints (before trimming the final
/// newline) and how `helm` prints computed values. Keys in go-yaml's order, go-yaml
/// v2's quoting, literal blocks for multi-line strings, long lines folded at 80 columns,
/// integral numbers as ints.
///
/// ```
/// use helmcore::value::{Map, Value};
/// let m = Map::new();
/// m.insert("big", Value::Float(1e6));
/// m.insert("list", Value::list(vec![Value::from("yes"), Value::from("a: b")]));
/// m.insert("text", Value::from("line 1\nline 2\n"));
/// assert_eq!(
///     helmcore::yaml::to_string(&Value::Map(m)).unwrap(),
///     "big: 1000000\nlist:\n- \"yes\"\n- 'a: b'\ntext: |\n  line 1\n  line 2\n"
/// );
/// ```
pub fn to_string(v: &Value) -> Result<String, EncodeError> {
    encode::encode(v, encode::Flavor::Sigs)
}

/// What Helm's `toYamlPretty` prints (before trimming the final newline): go-yaml v3's
/// encoder with indent 2 on the value itself, without the JSON round trip. Sequences are
/// indented under their key, long lines are not folded, floats keep Go's `%g` form.
///
/// ```
/// use helmcore::value::{Map, Value};
/// let m = Map::new();
/// m.insert("big", Value::Float(1e6));
/// m.insert("list", Value::list(vec![Value::from("on")]));
/// assert_eq!(helmcore::yaml::to_string_pretty(&Value::Map(m)).unwrap(), "big: 1e+06\nlist:\n  - \"on\"\n");
/// ```
pub fn to_string_pretty(v: &Value) -> Result<String, EncodeError> {
    encode::encode(v, encode::Flavor::V3)
}

/// `sigs.k8s.io/yaml.Unmarshal` into an `interface{}`: the first document of `src`, with
/// numbers as `float64` and map keys as strings. An empty document is `Nil`.
pub fn from_str(src: &str) -> Result<Value, YamlError> {
    from_slice(src.as_bytes())
}

/// [`from_str`] over bytes; invalid UTF-8 is reported as go-yaml reports it.
pub fn from_slice(src: &[u8]) -> Result<Value, YamlError> {
    build::decode(src, Mode::Json)
}

/// `sigs.k8s.io/yaml.Unmarshal` into a `map[string]interface{}` (a values document,
/// `fromYaml`): a document that is not a mapping is an error. An empty or `null`
/// document gives `None`: Go then holds a *nil* map (`toJson` prints `null`).
///
/// ```
/// let err = helmcore::yaml::from_str_map("- a\n").unwrap_err();
/// assert_eq!(err.to_string(), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}");
/// ```
pub fn from_str_map(src: &str) -> Result<Option<Map>, YamlError> {
    map_target(from_str(src)?)
}

/// [`from_str_map`] over bytes.
pub fn from_slice_map(src: &[u8]) -> Result<Option<Map>, YamlError> {
    map_target(from_slice(src)?)
}

/// helm3's read of a values file (a `-f` file or a chart's values.yaml): its first
/// document only (a later one is not even parsed), an empty one as no values; the error
/// is the decoder's, without helm4's `cannot unmarshal yaml document: ` (see
/// [`load_values_slice`]).
pub fn load_values_first_slice(src: &[u8]) -> Result<Map, YamlError> {
    Ok(from_slice_map(src)?.unwrap_or_default())
}

/// The JSON step into a `map[string]interface{}`.
fn map_target(v: Value) -> Result<Option<Map>, YamlError> {
    match v {
        Value::Map(m) => Ok(Some(m)),
        Value::Nil => Ok(None),
        other => Err(type_mismatch(&other, "map[string]interface {}")),
    }
}

/// `sigs.k8s.io/yaml.Unmarshal` into a `[]interface{}` (`fromYamlArray`); `None` for an
/// empty document (a nil slice).
pub fn from_str_list(src: &str) -> Result<Option<Vec<Value>>, YamlError> {
    match from_str(src)? {
        Value::List(l) => Ok(Some(l.to_vec())),
        Value::Nil => Ok(None),
        other => Err(type_mismatch(&other, "[]interface {}")),
    }
}

/// go-yaml's own decode, before the JSON round trip: integers stay Go `int`s
/// (`Value::Int(_, IntKind::Int)`), NaN and infinities are allowed; keys are still
/// converted to strings as `sigs.k8s.io/yaml` converts them. For decoding into Go structs
/// (Chart.yaml's string fields see the YAML's int, see [`string_field`]). Integers beyond
/// `int64` become floats.
///
/// ```
/// use helmcore::value::Value;
/// let v = helmcore::yaml::from_str_native("a: 1\nb: 1.0\n").unwrap();
/// assert_eq!(v.get("a"), Some(Value::int(1)));
/// assert_eq!(v.get("b"), Some(Value::Float(1.0)));
/// ```
pub fn from_str_native(src: &str) -> Result<Value, YamlError> {
    from_slice_native(src.as_bytes())
}

/// [`from_str_native`] over a file's bytes: invalid UTF-8 is go-yaml's error.
pub fn from_slice_native(src: &[u8]) -> Result<Value, YamlError> {
    build::decode(src, Mode::Native)
}

/// What a Go `string` struct field receives from a YAML scalar through
/// `sigs.k8s.io/yaml` (Chart.yaml's `version: 1.10` is the string `"1.1"`): ints in
/// decimal, floats as `float32` shortest digits, booleans as words, strings as they are.
/// `None` for nil and collections (those leave the field empty or fail to unmarshal).
///
/// ```
/// use helmcore::value::Value;
/// use helmcore::yaml::string_field;
/// assert_eq!(string_field(&Value::Float(1.10)).as_deref(), Some("1.1"));
/// assert_eq!(string_field(&Value::int(10)).as_deref(), Some("10"));
/// assert_eq!(string_field(&Value::Float(1e6)).as_deref(), Some("1e+06"));
/// ```
pub fn string_field(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.to_string()),
        Value::Int(n, _) => Some(n.to_string()),
        Value::Float(f) => Some(build::format_float_32(*f)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The error `sigs.k8s.io/yaml.Unmarshal` gives when the decoded document does not fit
/// the Go type `into`, for callers decoding into their own types (a rendered manifest
/// into `util.SimpleHead`, Chart.yaml into `chart.Metadata`).
///
/// ```
/// use helmcore::value::Value;
/// let e = helmcore::yaml::type_mismatch(&Value::from("x"), "util.SimpleHead");
/// assert_eq!(e.to_string(), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type util.SimpleHead");
/// ```
pub fn type_mismatch(v: &Value, into: &str) -> YamlError {
    YamlError::Unmarshal(format!(
        "json: cannot unmarshal {} into Go value of type {into}",
        json_kind(v)
    ))
}

/// How `encoding/json` names a JSON value's kind in its errors: `null`, `bool`,
/// `number`, `string`, `array`, `object`.
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "bool",
        Value::Int(..) | Value::Float(_) => "number",
        Value::String(_) | Value::Bytes(_) => "string",
        Value::List(_) => "array",
        Value::Map(_) | Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests;
