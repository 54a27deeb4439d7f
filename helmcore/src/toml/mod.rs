//! TOML for the `toToml` and `fromToml` template functions: the encoder writes what
//! BurntSushi/toml v1.6 writes (plain keys before tables, each in byte order, two-space
//! indentation per table level, `1.0` for integral floats); the decoder gives the types
//! BurntSushi gives.
//!
//! ```
//! use helmcore::value::{Map, Value};
//! let inner = Map::new();
//! inner.insert("port", Value::Float(80.0));
//! let m = Map::new();
//! m.insert("name", Value::from("web"));
//! m.insert("server", Value::Map(inner));
//! assert_eq!(helmcore::toml::to_string(&Value::Map(m)).unwrap(), "name = \"web\"\n\n[server]\n  port = 80.0\n");
//! ```

mod datetime;
mod decode;
mod encode;
mod lex;
mod parse;

use crate::value::{Map, Value};

/// A TOML failure. `toToml` prints the message in place of the document; `fromToml`
/// puts it under the `Error` key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TomlError {
    #[error("toml: cannot encode array with nil element")]
    NilElement,
    #[error("toml: top-level values must be Go maps or structs")]
    NoKey,
    /// helmcore's guard against a map that contains itself (Go would not return).
    #[error("toml: value nested too deeply")]
    TooDeep,
    /// The document does not parse: `toml: line N: ...` or `toml: line N (last key
    /// "k"): ...`, BurntSushi's text.
    #[error("{0}")]
    Parse(String),
}

/// BurntSushi's `Encoder.Encode` (`toToml`).
pub fn to_string(v: &Value) -> Result<String, TomlError> {
    encode::encode(v, encode::Floats::Shortest)
}

/// [`to_string`] as helm3's BurntSushi v1.4 writes it: floats in plain decimals
/// (`1e21` as `1000000000000000000000.0`, `1e-7` as `0.0000001`).
///
/// ```
/// use helmcore::value::{Map, Value};
/// let m = Map::new();
/// m.insert("big", Value::Float(1e21));
/// assert_eq!(helmcore::toml::to_string_helm3(&Value::Map(m)).unwrap(), "big = 1000000000000000000000.0\n");
/// ```
pub fn to_string_helm3(v: &Value) -> Result<String, TomlError> {
    encode::encode(v, encode::Floats::Decimal)
}

/// [`to_string`] as the Go string `toToml` returns: a byte string's invalid bytes kept.
pub(crate) fn to_go_string(v: &Value) -> Result<Value, TomlError> {
    encode::encode_go(v, encode::Floats::Shortest)
}

/// [`to_string_helm3`] as the Go string helm3's `toToml` returns.
pub(crate) fn to_go_string_helm3(v: &Value) -> Result<Value, TomlError> {
    encode::encode_go(v, encode::Floats::Decimal)
}

/// BurntSushi's `Unmarshal` into `map[string]interface{}` (`fromToml`). Integers come
/// out as `int64`; date-times as RFC 3339 strings (Go has a `time.Time` there).
///
/// ```
/// use helmcore::value::Value;
/// let m = helmcore::toml::from_str("a = 1\nb = 1.5\n[t]\nk = \"v\"\n").unwrap();
/// assert_eq!(m.get("a"), Some(Value::int64(1)));
/// assert_eq!(m.get("t").unwrap().get("k"), Some(Value::from("v")));
/// ```
pub fn from_str(src: &str) -> Result<Map, TomlError> {
    from_slice(src.as_bytes())
}

/// [`from_str`] over a Go string's bytes (invalid UTF-8 is BurntSushi's error).
pub fn from_slice(src: &[u8]) -> Result<Map, TomlError> {
    decode::decode(src, lex::Flavor::V1_6)
}

/// [`from_slice`] as helm3's BurntSushi v1.4 reads TOML 1.0: no newlines or trailing
/// commas in inline tables, no `\e` or `\x` escapes, no times without seconds; a
/// key holding an array may be redefined; errors at the end of input name the line
/// before.
///
/// ```
/// let e = helmcore::toml::from_slice_helm3(b"a = {b = 1,}").unwrap_err();
/// assert_eq!(e.to_string(), "toml: line 1 (last key \"a.b\"): trailing comma not allowed in inline tables");
/// ```
pub fn from_slice_helm3(src: &[u8]) -> Result<Map, TomlError> {
    decode::decode(src, lex::Flavor::V1_4)
}

#[cfg(test)]
mod decode_tests;
#[cfg(test)]
mod tests;
