//! The one place chart loading and values reading call the YAML decoder.
//!
//! Interim: until `crate::yaml` (Helm's exact go-yaml v2 + JSON semantics) is merged,
//! this decodes with serde_yaml and converts to Helm's shapes (float numbers, string
//! keys). Error texts and YAML 1.1 scalars differ from Helm's here.

use crate::value::{format_float_v, Map, Value};

/// Decodes one YAML document as sigs.k8s.io/yaml does into `interface{}`; the error is
/// the full text Helm prints after its own prefix (`error converting YAML to JSON: ...`).
pub(crate) fn parse(src: &str) -> Result<Value, String> {
    if src.trim().is_empty() {
        return Ok(Value::Nil);
    }
    let v: serde_yaml::Value =
        serde_yaml::from_str(src).map_err(|e| format!("error converting YAML to JSON: yaml: {e}"))?;
    Ok(convert(&v, 0))
}

fn convert(v: &serde_yaml::Value, depth: usize) -> Value {
    use serde_yaml::Value as Y;
    if depth > 10_000 {
        return Value::Nil;
    }
    match v {
        Y::Null => Value::Nil,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        Y::String(s) => Value::from(s.as_str()),
        Y::Sequence(items) => Value::list(items.iter().map(|i| convert(i, depth + 1)).collect()),
        Y::Mapping(m) => {
            let out = Map::new();
            for (k, val) in m {
                let key = match convert(k, depth + 1) {
                    Value::String(s) => s.to_string(),
                    Value::Float(f) => format_float_v(f),
                    Value::Bool(b) => b.to_string(),
                    Value::Nil => "null".into(),
                    other => crate::value::fmt_v(&other),
                };
                out.insert(key, convert(val, depth + 1));
            }
            Value::Map(out)
        }
        Y::Tagged(t) => convert(&t.value, depth + 1),
    }
}
