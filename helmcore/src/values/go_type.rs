//! `.Values` as templates see it: Helm's named map type `common.Values`
//! (`chartutil.Values` in Helm 3), with its methods.
//!
//! The type shows through in charts: `typeOf .Values` names it, Sprig's `dig` rejects it
//! (it asserts a plain `map[string]interface{}`), `deepCopy` keeps it, and a field access
//! tries its methods before the map's keys, so `.Values.AsMap`, `.Values.Table "a.b"`,
//! `.Values.PathValue "a.b"` and `.Values.YAML` are calls, not lookups.
//!
//! ```
//! use helmcore::value::{Map, Value};
//! use helmcore::values::go_type::COMMON_VALUES;
//! let values = Map::new().named(&COMMON_VALUES);
//! assert_eq!(Value::Map(values).type_name(), "common.Values");
//! ```

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::engine::func::Param;
use crate::gofmt::quote;
use crate::value::{write_v, Field, Kind, Map, NamedMap, Object, Value};

/// Helm 4's `common.Values`.
pub static COMMON_VALUES: NamedMap = NamedMap {
    name: "common.Values",
    method: bind,
    generic: true,
    nil: false,
};

/// Helm 3's `chartutil.Values`: the same methods under another package name.
pub static CHARTUTIL_VALUES: NamedMap = NamedMap {
    name: "chartutil.Values",
    method: bind,
    generic: true,
    nil: false,
};

fn bind(map: &Map, name: &str) -> Option<Arc<dyn Object>> {
    // A `match` (not a table scan): every `.Values.x` access asks, and most keys are not
    // method names.
    let (name, params): (&'static str, &'static [Param]) = match name {
        "AsMap" => ("AsMap", &[]),
        "Encode" => ("Encode", &[Param::Struct("io.Writer")]),
        "PathValue" => ("PathValue", &[Param::String]),
        "Table" => ("Table", &[Param::String]),
        "YAML" => ("YAML", &[]),
        _ => return None,
    };
    Some(Arc::new(Method {
        values: map.clone(),
        name,
        params,
    }))
}

/// One method of a `Values` map, bound to its receiver.
#[derive(Debug)]
struct Method {
    values: Map,
    name: &'static str,
    params: &'static [Param],
}

impl Object for Method {
    fn type_name(&self) -> Cow<'_, str> {
        self.values.named_type().map_or("", |t| t.name).into()
    }
    fn kind(&self) -> Kind {
        Kind::Map
    }
    fn field(&self, name: &str) -> Field {
        if name == self.name {
            Field::Method
        } else {
            Field::Missing
        }
    }
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        (name == self.name).then_some(self.params)
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let arg = || args.first().and_then(Value::as_str).unwrap_or_default();
        match name {
            "AsMap" => Ok(Value::Map(as_map(&self.values))),
            "PathValue" => path_value(&self.values, arg()),
            "Table" => table(&self.values, arg()).map(Value::Map),
            "YAML" => crate::yaml::to_string(&Value::Map(self.values.clone()))
                .map(Value::from)
                .map_err(|e| e.to_string()),
            // No template value is an `io.Writer`: the argument check fails first.
            _ => Err(format!(
                "can't call method {name} on type {}",
                self.type_name()
            )),
        }
    }
    fn format(&self, out: &mut String) {
        write_v(out, &Value::Map(self.values.clone()));
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `AsMap`: the same entries as a plain map; an empty `Values` gives a new map.
fn as_map(values: &Map) -> Map {
    if values.is_empty() {
        Map::new()
    } else {
        values.unnamed()
    }
}

/// `Table "a.b"`: the map at a dotted path, as the receiver's type.
fn table(values: &Map, path: &str) -> Result<Map, String> {
    let mut cur = values.clone();
    for key in path.split('.') {
        match cur.get(key) {
            Some(Value::Map(next)) => cur = next,
            _ => return Err(format!("{} is not a table", quote(key))),
        }
    }
    Ok(match values.named_type() {
        Some(t) => cur.named(t),
        None => cur,
    })
}

/// `PathValue "a.b"`: the value at a dotted path, which must not be a map.
fn path_value(values: &Map, path: &str) -> Result<Value, String> {
    if path.is_empty() {
        return Err("YAML path cannot be empty".into());
    }
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (table(values, parent).ok(), key),
        None => (Some(values.clone()), path),
    };
    // Helm's "is a table" test is a plain-map assertion, as `dig`'s.
    match parent.and_then(|t| t.get(key)) {
        Some(Value::Map(m)) if m.named_type().is_none() => {}
        Some(v) => return Ok(v),
        None => {}
    }
    Err(format!("{} is not a value", quote(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Map {
        let c = Map::new();
        c.insert("d", Value::from("x"));
        let a = Map::new();
        a.insert("b", Value::Float(1.0));
        a.insert("c", Value::Map(c));
        let v = Map::new();
        v.insert("a", Value::Map(a));
        v.insert("s", Value::from("str"));
        v.named(&COMMON_VALUES)
    }

    #[test]
    fn table_keeps_the_type_and_names_the_missing_key() {
        let t = table(&values(), "a.c").unwrap();
        assert_eq!(Value::Map(t).type_name(), "common.Values");
        assert_eq!(
            table(&values(), "a.zz.q").unwrap_err(),
            r#""zz" is not a table"#
        );
        assert_eq!(table(&values(), "s").unwrap_err(), r#""s" is not a table"#);
        assert_eq!(table(&values(), "").unwrap_err(), r#""" is not a table"#);
    }

    #[test]
    fn path_value_refuses_tables_and_names_the_last_key() {
        assert_eq!(path_value(&values(), "a.b").unwrap(), Value::Float(1.0));
        assert_eq!(path_value(&values(), "s").unwrap(), Value::from("str"));
        assert_eq!(
            path_value(&values(), "a").unwrap_err(),
            r#""a" is not a value"#
        );
        assert_eq!(
            path_value(&values(), "a.c").unwrap_err(),
            r#""c" is not a value"#
        );
        assert_eq!(
            path_value(&values(), "q.r.s").unwrap_err(),
            r#""s" is not a value"#
        );
        assert_eq!(
            path_value(&values(), "").unwrap_err(),
            "YAML path cannot be empty"
        );
    }

    #[test]
    fn as_map_is_plain_and_shares_entries() {
        let v = values();
        let m = as_map(&v);
        assert_eq!(Value::Map(m.clone()).type_name(), "map[string]interface {}");
        assert!(m.ptr_eq(&v));
        assert!(!as_map(&Map::new().named(&COMMON_VALUES)).ptr_eq(&v));
    }
}
