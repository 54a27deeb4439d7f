//! Between helmcore's Go-typed [`Value`] and the JSON the `handlebars` crate navigates.
//!
//! Templates navigate JSON, but Helm's functions want Go-typed values (`typeOf`, `int`
//! against `int64`, `%v` of a float64, `.Capabilities` methods). So the JSON is only a
//! view: a value a template names by path is read again from the original [`Value`]
//! ([`resolve_path`]), and only values that exist nowhere else (a block parameter, a
//! literal) are converted back from JSON ([`from_json`]).

use std::collections::BTreeSet;

use serde_json::{Map as JsonMap, Number, Value as Json};

use crate::value::{Field, Kind, Value};

/// How deep a value may nest before conversion gives up (values files never come near;
/// a map that `set` made contain itself does).
pub(crate) const MAX_DEPTH: usize = 256;

/// Why a value could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TooDeep;

impl std::fmt::Display for TooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "value nested more than {MAX_DEPTH} levels deep (does a map contain itself?)"
        )
    }
}

/// The field and method names templates use, so Go objects (which cannot list their
/// fields) show those as JSON keys.
#[derive(Debug, Default, Clone)]
pub(crate) struct Probes(BTreeSet<String>);

impl Probes {
    pub(crate) fn insert(&mut self, name: &str) {
        if !name.is_empty() && !self.0.contains(name) {
            self.0.insert(name.to_string());
        }
    }

    pub(crate) fn extend(&mut self, other: &Probes) {
        for n in &other.0 {
            self.insert(n);
        }
    }

    /// Whether every name of `other` is here too.
    pub(crate) fn contains_all(&self, other: &Probes) -> bool {
        other.0.is_subset(&self.0)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// The JSON view of `v`.
pub(crate) fn to_json(v: &Value, probes: &Probes) -> Result<Json, TooDeep> {
    conv(v, probes, 0)
}

fn conv(v: &Value, probes: &Probes, depth: usize) -> Result<Json, TooDeep> {
    if depth > MAX_DEPTH {
        return Err(TooDeep);
    }
    Ok(match v {
        Value::Nil => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(n, _) => Json::Number(Number::from(*n)),
        Value::Float(f) => match Number::from_f64(*f) {
            Some(n) => Json::Number(n),
            // JSON has no NaN or infinities: show them as Go prints them.
            None => Json::String(crate::value::fmt_v(v)),
        },
        Value::String(s) => Json::String(s.to_string()),
        // JSON text is UTF-8: a byte string shows as Go's `for range` reads it.
        Value::Bytes(b) => Json::String(crate::yaml::go_lossy_utf8(b)),
        Value::List(items) => Json::Array(
            items
                .iter()
                .map(|x| conv(x, probes, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Value::Map(m) => {
            let mut out = JsonMap::new();
            for (k, x) in m.entries() {
                out.insert(k.to_string(), conv(&x, probes, depth + 1)?);
            }
            Json::Object(out)
        }
        Value::Object(o) => {
            // Named slice and map types (`VersionSet`) are their data; structs show the
            // fields and argument-less methods templates ask for, as Go's `.Field` does.
            let struct_like = !matches!(o.kind(), Kind::Slice | Kind::Map);
            let mut out = JsonMap::new();
            if struct_like {
                for name in probes.iter() {
                    if let Some(x) = object_member(&**o, name) {
                        out.insert(name.to_string(), conv(&x, probes, depth + 1)?);
                    }
                }
            }
            if !out.is_empty() {
                Json::Object(out)
            } else {
                match o.to_data() {
                    Some(d) => conv(&d, probes, depth + 1)?,
                    None => Json::Object(out),
                }
            }
        }
    })
}

/// `obj.Name` as Go's template executor reads it: a field, or an argument-less method's
/// result.
fn object_member(o: &dyn crate::value::Object, name: &str) -> Option<Value> {
    match o.field(name) {
        Field::Value(v) => Some(v),
        Field::Method => o.call(name, &[]).ok(),
        Field::Missing => None,
    }
}

/// The original value at a JSON context path (`["Values", "items", "0", "name"]`);
/// `None` when the path does not lead anywhere in `root` (a view built from
/// `to_data()`, say).
pub(crate) fn resolve_path(root: &Value, path: &[String]) -> Option<Value> {
    let mut cur = root.clone();
    for seg in path {
        cur = match &cur {
            Value::Map(m) => m.get(seg)?,
            Value::List(l) => l.get(seg.parse::<usize>().ok()?)?.clone(),
            Value::Object(o) => match o.kind() {
                Kind::Slice | Kind::Map => {
                    let d = o.to_data()?;
                    resolve_path(&d, std::slice::from_ref(seg))?
                }
                _ => object_member(&**o, seg)?,
            },
            _ => return None,
        };
    }
    Some(cur)
}

/// A value that exists only as JSON (a literal, a block parameter): JSON integers
/// become Go `int64` (what `--set` and Sprig's arithmetic give), other numbers
/// `float64`.
pub(crate) fn from_json(j: &Json) -> Value {
    from_json_depth(j, 0)
}

fn from_json_depth(j: &Json, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Nil;
    }
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::int64(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Value::from(s.as_str()),
        Json::Array(a) => Value::list(a.iter().map(|x| from_json_depth(x, depth + 1)).collect()),
        Json::Object(m) => {
            let out = crate::value::Map::new();
            for (k, x) in m {
                out.insert(k.as_str(), from_json_depth(x, depth + 1));
            }
            Value::Map(out)
        }
    }
}
