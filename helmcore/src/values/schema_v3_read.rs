//! Where Helm 3's gojsonschema (v1.2.0) reads a schema otherwise than the `jsonschema`
//! crate does, under `--compat v3`.
//!
//! - `format`: gojsonschema checks a format on strings and also on numbers: its
//!   checkers of the formats it knows accept only strings, so a number under
//!   `"format": "uri"` fails (`- port: Does not match format 'uri'`), and a `then`
//!   guarded by such an `if` is not applied. Booleans, objects, arrays and null pass, and
//!   so does any value under a format it does not know. The crate checks strings only;
//!   helmcore replaces its `format` keyword with one that leaves strings to the crate's
//!   checkers and fails numbers under a known format with the crate's own `Format` error.
//! - Bounds: a schema without `$schema` is read in gojsonschema's "hybrid" draft, which
//!   takes draft 4's boolean `exclusiveMinimum`/`exclusiveMaximum` (beside `minimum`/
//!   `maximum`) as well as draft 6's numbers. The crate reads such a schema as draft 7,
//!   whose metaschema refuses a boolean: the draft 4 form is rewritten into draft 6's
//!   first.

use jsonschema::paths::Location;
use jsonschema::{Keyword, ValidationError, Validator};
use serde_json::{json, Map, Value};

/// The formats gojsonschema v1.2.0 registers.
const GOJSONSCHEMA_FORMATS: &[&str] = &[
    "date",
    "time",
    "date-time",
    "hostname",
    "email",
    "idn-email",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uri-template",
    "uuid",
    "regex",
    "json-pointer",
    "relative-json-pointer",
];

/// The `format` keyword of one subschema.
struct Format {
    /// `{"format": NAME}` with the crate's checkers, for strings.
    strings: Validator,
    /// For a number under a known format: a validator whose check always fails, so the
    /// error is the crate's `Format` error that the v3 report already words.
    numbers: Option<Validator>,
}

/// Registers the keyword on `options`; `dialect` is the root's `$schema`, if any, so
/// that the strings are checked with the draft's formats as before.
pub(super) fn register_format(
    options: jsonschema::ValidationOptions,
    dialect: Option<Value>,
) -> jsonschema::ValidationOptions {
    options.with_keyword(
        "format",
        move |_parent: &Map<String, Value>, value: &Value, _: Location| {
            compile(value, dialect.as_ref()).map(|f| Box::new(f) as Box<dyn for<'i> Keyword<'i>>)
        },
    )
}

fn compile(value: &Value, dialect: Option<&Value>) -> Result<Format, ValidationError<'static>> {
    let mut schema = json!({ "format": value });
    if let Some(d) = dialect {
        schema["$schema"] = d.clone();
    }
    let mut options = jsonschema::options().should_validate_formats(true);
    if dialect.is_none() {
        options = options.with_draft(jsonschema::Draft::Draft7);
    }
    let strings = options
        .build(&schema)
        .map_err(|e| ValidationError::custom(e.to_string()))?;
    let numbers = match value.as_str() {
        Some(name) if GOJSONSCHEMA_FORMATS.contains(&name) => Some(
            jsonschema::options()
                .should_validate_formats(true)
                .with_format(name, |_: &str| false)
                .build(&json!({ "format": name }))
                .map_err(|e| ValidationError::custom(e.to_string()))?,
        ),
        _ => None,
    };
    Ok(Format { strings, numbers })
}

impl<'i> Keyword<'i> for Format {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        match (instance, &self.numbers) {
            (Value::String(_), _) => self.strings.validate(instance),
            (Value::Number(_), Some(fails)) => fails.validate(&json!("")).map_err(|e| e.to_owned()),
            _ => Ok(()),
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        match instance {
            Value::String(_) => self.strings.is_valid(instance),
            Value::Number(_) => self.numbers.is_none(),
            _ => true,
        }
    }
}

/// Rewrites draft 4's exclusive bounds in every subschema of `schema` into draft 6's:
/// `{"minimum": 5, "exclusiveMinimum": true}` is `{"exclusiveMinimum": 5}`, and a `false`
/// goes. A boolean without its bound is left for the metaschema to refuse, as
/// gojsonschema refuses it.
pub(super) fn hybrid_bounds(schema: &mut Value) {
    let Value::Object(m) = schema else { return };
    for (bound, exclusive) in [
        ("minimum", "exclusiveMinimum"),
        ("maximum", "exclusiveMaximum"),
    ] {
        if let (Some(Value::Bool(on)), Some(limit)) = (m.get(exclusive), m.get(bound)) {
            if limit.is_number() {
                if *on {
                    let limit = m.remove(bound).expect("present");
                    m.insert(exclusive.to_string(), limit);
                } else {
                    m.remove(exclusive);
                }
            }
        }
    }
    for (key, value) in m.iter_mut() {
        match (key.as_str(), value) {
            (
                "properties" | "patternProperties" | "definitions" | "$defs" | "dependencies",
                Value::Object(children),
            ) => children.values_mut().for_each(hybrid_bounds),
            ("items" | "allOf" | "anyOf" | "oneOf", Value::Array(children)) => {
                children.iter_mut().for_each(hybrid_bounds)
            }
            (
                "items"
                | "additionalItems"
                | "additionalProperties"
                | "contains"
                | "propertyNames"
                | "not"
                | "if"
                | "then"
                | "else",
                child,
            ) => hybrid_bounds(child),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(schema: Value, instance: Value) -> Vec<String> {
        let v = register_format(jsonschema::options(), None)
            .build(&schema)
            .unwrap();
        v.iter_errors(&instance)
            .map(|e| format!("{} {:?}", e.instance_path().as_str(), e.kind()))
            .collect()
    }

    #[test]
    fn numbers_fail_a_known_format_and_pass_an_unknown_one() {
        let s = json!({"properties": {"a": {"format": "uri"}, "b": {"format": "bogus"}}});
        let e = errors(s.clone(), json!({"a": 2.5, "b": 1}));
        assert_eq!(e, vec!["/a Format { format: \"uri\" }"]);
        assert!(errors(s, json!({"a": true, "b": [1]})).is_empty());
    }

    #[test]
    fn draft4_bounds_become_draft6_bounds() {
        let mut s = json!({"properties": {"a": {"minimum": 5, "exclusiveMinimum": true,
            "maximum": 9, "exclusiveMaximum": false, "enum": [{"minimum": 1, "exclusiveMinimum": true}]}},
            "exclusiveMaximum": true});
        hybrid_bounds(&mut s);
        assert_eq!(
            s,
            json!({"properties": {"a": {"exclusiveMinimum": 5, "maximum": 9,
            "enum": [{"minimum": 1, "exclusiveMinimum": true}]}}, "exclusiveMaximum": true})
        );
    }

    #[test]
    fn strings_are_still_checked() {
        let s = json!({"format": "ipv4"});
        assert_eq!(errors(s.clone(), json!("x")).len(), 1);
        assert!(errors(s, json!("10.0.0.1")).is_empty());
    }
}
