//! TOML documents to [`Value`]s, as BurntSushi/toml's `Unmarshal` into a
//! `map[string]interface{}` gives them: integers are `int64`, floats `float64`, tables
//! maps, arrays lists, date-times `time.Time`. Parsing is [`super::parse`]'s, which
//! accepts and words errors as BurntSushi does.

use super::lex::Flavor;
use super::parse::{Tbl, V};
use super::TomlError;
use crate::value::{Map, Value};

pub(crate) fn decode(src: &[u8], flavor: Flavor) -> Result<Map, TomlError> {
    // BurntSushi skips a byte-order mark (UTF-16 ones too), then refuses a NUL in the
    // first six bytes as a sign of UTF-16.
    let src = if src.starts_with(b"\xff\xfe") || src.starts_with(b"\xfe\xff") {
        &src[2..]
    } else {
        src.strip_prefix(b"\xef\xbb\xbf").unwrap_or(src)
    };
    if src[..src.len().min(6)].contains(&0) {
        return Err(TomlError::Parse(
            "toml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8"
                .into(),
        ));
    }
    let root = super::parse::parse(src, flavor).map_err(|e| TomlError::Parse(e.to_string()))?;
    Ok(table(&root))
}

fn table(t: &Tbl) -> Map {
    let mut entries: Vec<_> = t
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), value(v)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Map::from_entries(entries.into_iter().map(|(k, v)| (k.as_str().into(), v)))
}

fn value(v: &V) -> Value {
    stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || value_here(v))
}

fn value_here(v: &V) -> Value {
    match v {
        V::Table(t) => Value::Map(table(t)),
        V::Tables(ts) => Value::list(ts.iter().map(|t| Value::Map(table(t))).collect()),
        V::Array(items) => Value::list(items.iter().map(value).collect()),
        V::Scalar(s) => s.clone(),
    }
}
