//! JSON exactly as Go's `encoding/json` writes and reads it: the `toJson`, `toPrettyJson`,
//! `toRawJson`, `fromJson` and `fromJsonArray` template functions, and the JSON half of
//! `sigs.k8s.io/yaml`.
//!
//! ```
//! use helmcore::value::{Map, Value};
//! let m = Map::new();
//! m.insert("b", Value::from("<x>"));
//! m.insert("a", Value::Float(1e6));
//! let v = Value::Map(m);
//! assert_eq!(helmcore::json::to_string(&v).unwrap(), r#"{"a":1000000,"b":"\u003cx\u003e"}"#);
//! assert_eq!(helmcore::json::to_string_raw(&v).unwrap(), r#"{"a":1000000,"b":"<x>"}"#);
//! assert_eq!(helmcore::json::to_string_pretty(&v).unwrap(), "{\n  \"a\": 1000000,\n  \"b\": \"\\u003cx\\u003e\"\n}");
//! ```

mod decode;

pub(crate) use decode::{decode_prefix, object_members, StreamError};
pub(crate) mod encode;
pub(crate) use encode::string_body;

use crate::value::{Map, Value};
use encode::Style;

/// A JSON failure, worded as `encoding/json` words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// A value JSON cannot represent: `json: unsupported value: NaN`.
    #[error("json: unsupported value: {0}")]
    UnsupportedValue(String),
    /// Malformed input: `invalid character 'x' looking for beginning of value`,
    /// `unexpected end of JSON input` (Go prints these without a `json:` prefix).
    #[error("{0}")]
    Syntax(String),
    /// Well-formed input of the wrong type: `json: cannot unmarshal array into Go value of
    /// type map[string]interface {}`.
    #[error("json: cannot unmarshal {value} into Go value of type {into}")]
    UnmarshalType { value: String, into: String },
}

/// Go's `json.Marshal`: compact, keys sorted, `<`, `>`, `&` escaped as `\u003c`....
pub fn to_string(v: &Value) -> Result<String, JsonError> {
    encode::encode(
        v,
        Style {
            escape_html: true,
            indent: None,
        },
    )
}

/// Go's `json.MarshalIndent(v, "", "  ")` (`toPrettyJson`).
pub fn to_string_pretty(v: &Value) -> Result<String, JsonError> {
    encode::encode(
        v,
        Style {
            escape_html: true,
            indent: Some("  "),
        },
    )
}

/// A `json.Encoder` with `SetEscapeHTML(false)`, its trailing newline trimmed
/// (Sprig's `toRawJson`).
pub fn to_string_raw(v: &Value) -> Result<String, JsonError> {
    encode::encode(
        v,
        Style {
            escape_html: false,
            indent: None,
        },
    )
}

/// Go's `json.Unmarshal` into `interface{}`.
///
/// ```
/// use helmcore::value::Value;
/// assert_eq!(helmcore::json::from_str("[1, true]").unwrap(), Value::list(vec![Value::Float(1.0), Value::Bool(true)]));
/// assert_eq!(helmcore::json::from_str("{").unwrap_err().to_string(), "unexpected end of JSON input");
/// ```
pub fn from_str(src: &str) -> Result<Value, JsonError> {
    decode::decode(src.as_bytes())
}

/// [`from_str`] over bytes.
pub fn from_slice(src: &[u8]) -> Result<Value, JsonError> {
    decode::decode(src)
}

/// Go's `json.Unmarshal` into a `map[string]interface{}` (`fromJson`). `null` gives
/// `None`: Go then holds a *nil* map, which `toJson` prints as `null` (helm4:
/// `{{ fromJson "null" | toJson }}` is `null`).
pub fn from_str_map(src: &str) -> Result<Option<Map>, JsonError> {
    match from_str(src)? {
        Value::Map(m) => Ok(Some(m)),
        Value::Nil => Ok(None),
        other => Err(mismatch(&other, "map[string]interface {}")),
    }
}

/// [`from_str_map`] keeping what Go's `Unmarshal` fills in when the only trouble is a
/// number beyond float64: that number is nil, the rest of the document is decoded, and
/// the error comes with the map (`fromJson` then adds it under `Error`). Syntax errors
/// and a document that is not an object leave no map.
///
/// It takes a Go string's bytes: Go reports a byte that is not valid UTF-8 as the
/// character of the same number (`invalid character 'ÿ'` for `\xff`).
pub fn from_str_map_partial(
    src: impl AsRef<[u8]>,
) -> Result<(Option<Map>, Option<JsonError>), JsonError> {
    let (v, range_error) = decode::decode_lenient(src.as_ref())?;
    match v {
        Value::Map(m) => Ok((Some(m), range_error)),
        // A nil document with a range error was that number alone.
        Value::Nil if range_error.is_some() => {
            Err(mismatch(&Value::Float(0.0), "map[string]interface {}"))
        }
        Value::Nil => Ok((None, None)),
        // Go skips a value of the wrong type without converting its numbers.
        other => Err(mismatch(&other, "map[string]interface {}")),
    }
}

/// Go's `json.Unmarshal` into a `[]interface{}` (`fromJsonArray`); `null` gives `None`
/// (a nil slice). Like [`from_str_map_partial`] it takes a Go string's bytes.
pub fn from_str_list(src: impl AsRef<[u8]>) -> Result<Option<Vec<Value>>, JsonError> {
    match decode::decode(src.as_ref())? {
        Value::List(l) => Ok(Some(l.to_vec())),
        Value::Nil => Ok(None),
        other => Err(mismatch(&other, "[]interface {}")),
    }
}

fn mismatch(v: &Value, into: &str) -> JsonError {
    JsonError::UnmarshalType {
        value: crate::yaml::json_kind(v).into(),
        into: into.into(),
    }
}

/// Go's `strconv.Quote`.
pub(crate) fn go_quote(s: &str) -> String {
    crate::gofmt::quote(s)
}

fn push_quoted_char(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{b}' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if c.is_control() || c == '\u{a0}' || c == '\u{ad}' => {
            if (c as u32) < 0x10000 {
                out.push_str(&format!("\\u{:04x}", c as u32))
            } else {
                out.push_str(&format!("\\U{:08x}", c as u32))
            }
        }
        c => out.push(c),
    }
}

/// Go's `encoding/json` `quoteChar`: how its syntax errors show the offending byte.
pub(crate) fn go_quote_byte(b: u8) -> String {
    match b {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        _ => {
            let mut s = String::from("'");
            push_quoted_char(&mut s, char::from(b));
            s.push('\'');
            s
        }
    }
}

#[cfg(test)]
mod tests;
