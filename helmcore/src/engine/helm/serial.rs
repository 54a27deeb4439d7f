//! Helm's serialization functions (`toYaml`, `fromYaml`, `toJson`, `toToml`, ...) with
//! Helm's error handling: the `to*` forms swallow errors (`toToml` returns the error
//! text), the `must*` forms fail the template, the `from*` forms put the error into the
//! result (`Error` key, or the only list item).

use crate::engine::func::{Func, Param};
use crate::value::{Map, Value};

type Res = Result<Value, String>;

const ANY: &[Param] = &[Param::Any];
/// A string go-yaml reads as bytes: invalid UTF-8 is its error.
const BYTES: &[Param] = &[Param::BytesString];

const fn f(name: &'static str, params: &'static [Param], call: fn(Vec<Value>) -> Res) -> Func {
    Func {
        name,
        params,
        variadic: None,
        call,
    }
}

/// Helm's serialization functions, in Helm's registration order.
pub(crate) const FUNCS: &[Func] = &[
    f("toToml", ANY, to_toml),
    f("fromToml", BYTES, from_toml),
    f("toYaml", ANY, to_yaml),
    f("mustToYaml", ANY, must_to_yaml),
    f("toYamlPretty", ANY, to_yaml_pretty),
    f("fromYaml", BYTES, from_yaml),
    f("fromYamlArray", BYTES, from_yaml_array),
    f("toJson", ANY, to_json),
    f("mustToJson", ANY, must_to_json),
    f("fromJson", BYTES, from_json),
    f("fromJsonArray", BYTES, from_json_array),
];

fn arg(args: Vec<Value>) -> Value {
    args.into_iter().next().unwrap_or_default()
}

fn str_arg(args: Vec<Value>) -> String {
    arg(args).go_str_lossy().unwrap_or_default().into_owned()
}

/// Helm trims exactly one final newline from YAML output.
fn trim_nl(mut s: String) -> String {
    if s.ends_with('\n') {
        s.pop();
    }
    s
}

fn to_yaml(args: Vec<Value>) -> Res {
    Ok(Value::from(
        crate::yaml::to_string(&arg(args))
            .map(trim_nl)
            .unwrap_or_default(),
    ))
}

fn must_to_yaml(args: Vec<Value>) -> Res {
    crate::yaml::to_string(&arg(args))
        .map(|s| Value::from(trim_nl(s)))
        .map_err(|e| e.to_string())
}

fn to_yaml_pretty(args: Vec<Value>) -> Res {
    Ok(Value::from(
        crate::yaml::to_string_pretty(&arg(args))
            .map(trim_nl)
            .unwrap_or_default(),
    ))
}

fn error_map(msg: String) -> Value {
    let m = Map::new();
    m.insert("Error", Value::from(msg));
    Value::Map(m)
}

/// A map decoded by `fromJson`: Go's nil map (from a `null` document) has no `Value` of
/// its own and is given as nil.
fn map_result(src: &[u8], r: Option<Map>) -> Value {
    match r {
        Some(m) => Value::Map(m),
        // An empty document leaves Helm's initialised map as it was.
        None if src.trim_ascii().is_empty() => Value::Map(Map::new()),
        // `encoding/json` decodes `null` into a map by setting it to nil.
        None => Value::Map(Map::new().named(&crate::value::NIL_MAP)),
    }
}

/// go-yaml's error on a byte string (`yaml: invalid leading UTF-8 octet`).
fn bytes_error(args: &[Value]) -> Option<String> {
    match args.first() {
        Some(Value::Bytes(b)) => crate::yaml::from_slice(b).err().map(|e| e.to_string()),
        _ => None,
    }
}

fn from_yaml(args: Vec<Value>) -> Res {
    if let Some(e) = bytes_error(&args) {
        return Ok(error_map(e));
    }
    let src = str_arg(args);
    Ok(match crate::yaml::from_str_map(&src) {
        // A null document (`null`, `~`, only comments) leaves Helm's initialised map
        // empty: sigs.k8s.io/yaml decodes the JSON `null` into its own copy of the
        // target, not into the map.
        Ok(m) => Value::Map(m.unwrap_or_default()),
        Err(e) => error_map(e.to_string()),
    })
}

fn from_yaml_array(args: Vec<Value>) -> Res {
    if let Some(e) = bytes_error(&args) {
        return Ok(Value::list(vec![Value::from(e)]));
    }
    let src = str_arg(args);
    Ok(match crate::yaml::from_str_list(&src) {
        Ok(l) => Value::list(l.unwrap_or_default()),
        Err(e) => Value::list(vec![Value::from(e.to_string())]),
    })
}

fn to_json(args: Vec<Value>) -> Res {
    Ok(Value::from(
        crate::json::to_string(&arg(args)).unwrap_or_default(),
    ))
}

fn must_to_json(args: Vec<Value>) -> Res {
    crate::json::to_string(&arg(args))
        .map(Value::from)
        .map_err(|e| e.to_string())
}

fn from_json(args: Vec<Value>) -> Res {
    let arg = arg(args);
    let src = arg.go_bytes().unwrap_or_default();
    Ok(match crate::json::from_str_map_partial(src) {
        Ok((m, None)) => map_result(src, m),
        // Go's map holds what was decoded before and after a number beyond float64.
        Ok((Some(m), Some(e))) => {
            m.insert("Error", Value::from(e.to_string()));
            Value::Map(m)
        }
        Ok((None, Some(e))) | Err(e) => error_map(e.to_string()),
    })
}

fn from_json_array(args: Vec<Value>) -> Res {
    let arg = arg(args);
    Ok(
        match crate::json::from_str_list(arg.go_bytes().unwrap_or_default()) {
            Ok(Some(l)) => Value::list(l),
            // `encoding/json` decodes `null` into a slice by setting it to nil.
            Ok(None) => Value::List(crate::value::List::nil(crate::value::Elem::Interface)),
            Err(e) => Value::list(vec![Value::from(e.to_string())]),
        },
    )
}

/// helm3's `toToml` (BurntSushi v1.4: floats in plain decimals), which
/// [`FuncTable::for_helm3`](crate::engine::FuncTable::for_helm3) puts in place of helm4's.
pub(crate) const TO_TOML_HELM3: Func = f("toToml", ANY, to_toml_helm3);

/// Whether `call` is helm4's `toToml` (a table's own replacement is kept).
pub(crate) fn is_helm4_to_toml(call: fn(Vec<Value>) -> Res) -> bool {
    std::ptr::fn_addr_eq(call, to_toml as fn(Vec<Value>) -> Res)
}

fn to_toml(args: Vec<Value>) -> Res {
    to_toml_with(args, crate::toml::to_go_string)
}

fn to_toml_helm3(args: Vec<Value>) -> Res {
    to_toml_with(args, crate::toml::to_go_string_helm3)
}

fn to_toml_with(
    args: Vec<Value>,
    encode: fn(&Value) -> Result<Value, crate::toml::TomlError>,
) -> Res {
    let v = arg(args);
    if v.is_nil() {
        // Go's TOML encoder panics on a nil interface (it asks the reflect value for its
        // type); the template engine turns the panic into the call's error.
        return Err("reflect: call of reflect.Value.Type on zero Value".into());
    }
    Ok(encode(&v).unwrap_or_else(|e| Value::from(e.to_string())))
}

fn from_toml(args: Vec<Value>) -> Res {
    from_toml_with(args, crate::toml::from_slice)
}

/// helm3's `fromToml` (BurntSushi v1.4: TOML 1.0, its own error lines), which
/// [`FuncTable::for_helm3`](crate::engine::FuncTable::for_helm3) puts in place of helm4's.
pub(crate) const FROM_TOML_HELM3: Func = f("fromToml", BYTES, from_toml_helm3);

/// Whether `call` is helm4's `fromToml` (a table's own replacement is kept).
pub(crate) fn is_helm4_from_toml(call: fn(Vec<Value>) -> Res) -> bool {
    std::ptr::fn_addr_eq(call, from_toml as fn(Vec<Value>) -> Res)
}

fn from_toml_helm3(args: Vec<Value>) -> Res {
    from_toml_with(args, crate::toml::from_slice_helm3)
}

/// The document is the string's bytes: invalid UTF-8 is BurntSushi's error to give.
fn from_toml_with(
    args: Vec<Value>,
    decode: fn(&[u8]) -> Result<Map, crate::toml::TomlError>,
) -> Res {
    let v = arg(args);
    Ok(match decode(v.go_bytes().unwrap_or_default()) {
        Ok(m) => Value::Map(m),
        Err(e) => error_map(e.to_string()),
    })
}
