//! Where Helm 3's gojsonschema (v1.2.0) reads a schema otherwise than the `jsonschema`
//! crate does, under `--compat v3`.
//!
//! - `format`: gojsonschema checks a format on strings and also on numbers: its
//!   checkers of the formats it knows accept only strings, so a number under
//!   `"format": "uri"` fails (`- port: Does not match format 'uri'`), and a `then`
//!   guarded by such an `if` is not applied. Booleans, objects, arrays and null pass, and
//!   so does any value under a format it does not know (`duration`). The crate checks
//!   strings only, and a draft's own formats; helmcore replaces its `format` keyword with
//!   one that checks gojsonschema's formats only, strings with the crate's checkers, and
//!   fails numbers.
//! - Drafts: gojsonschema knows drafts 4, 6 and 7, named by `$schema` exactly as
//!   `http://json-schema.org/draft-07/schema` (with or without `#`). A schema without
//!   `$schema`, or naming anything else (draft 2020-12, `https://`...), is read in its
//!   "hybrid" draft: draft 7's keywords, no newer ones (`unevaluatedProperties`,
//!   `prefixItems`, `dependentRequired` are ignored, `$ref` hides its siblings), and
//!   draft 4's boolean `exclusiveMinimum`/`exclusiveMaximum` (beside `minimum`/`maximum`)
//!   as well as draft 6's numbers. helmcore drops such a `$schema`, so the crate reads
//!   draft 7, and rewrites the draft 4 bounds, which draft 7's metaschema refuses, into
//!   draft 6's.

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

/// The `format` keyword of one subschema: for a format gojsonschema knows, a validator
/// of `{"format": NAME}` with the crate's checker for strings, and one whose check
/// always fails for numbers (so the error is the crate's `Format` error, which the v3
/// report already words). Any other format accepts everything, as in gojsonschema.
struct Format(Option<(Validator, Validator)>);

/// Registers the keyword on `options`.
pub(super) fn register_format(
    options: jsonschema::ValidationOptions,
) -> jsonschema::ValidationOptions {
    options.with_keyword(
        "format",
        |_: &Map<String, Value>, value: &Value, _: Location| {
            compile(value).map(|f| Box::new(f) as Box<dyn for<'i> Keyword<'i>>)
        },
    )
}

fn compile(value: &Value) -> Result<Format, ValidationError<'static>> {
    let Some(name) = value.as_str().filter(|n| GOJSONSCHEMA_FORMATS.contains(n)) else {
        return Ok(Format(None));
    };
    let schema = json!({ "format": name });
    let built = |options: jsonschema::ValidationOptions| {
        options
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| ValidationError::custom(e.to_string()))
    };
    // The latest draft, whose checkers cover every format gojsonschema knows (draft 7's
    // lack `uuid`).
    let strings = built(jsonschema::options().with_draft(jsonschema::Draft::Draft202012))?;
    let numbers = built(jsonschema::options().with_format(name, |_: &str| false))?;
    Ok(Format(Some((strings, numbers))))
}

impl<'i> Keyword<'i> for Format {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        match (instance, &self.0) {
            (Value::String(_), Some((strings, _))) => strings.validate(instance),
            (Value::Number(_), Some((_, fails))) => {
                fails.validate(&json!("")).map_err(|e| e.to_owned())
            }
            _ => Ok(()),
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        match (instance, &self.0) {
            (Value::String(_), Some((strings, _))) => strings.is_valid(instance),
            (Value::Number(_), Some(_)) => false,
            _ => true,
        }
    }
}

/// The drafts gojsonschema tells apart.
#[derive(Clone, Copy, PartialEq)]
enum Draft {
    Four,
    SixOrSeven,
    Hybrid,
}

/// Prepares `schema` for the crate to read it as gojsonschema does (see the module), or
/// gives the error gojsonschema gives for its bounds (see [`bounds_error`]).
pub(super) fn read_as_gojsonschema(schema: &mut Value) -> Result<(), String> {
    let draft = match schema.get("$schema") {
        Some(Value::String(url)) => match url.strip_suffix('#').unwrap_or(url) {
            "http://json-schema.org/draft-04/schema" => Draft::Four,
            "http://json-schema.org/draft-06/schema" | "http://json-schema.org/draft-07/schema" => {
                Draft::SixOrSeven
            }
            _ => Draft::Hybrid,
        },
        _ => Draft::Hybrid,
    };
    if let Some(e) = bounds_error(schema, draft) {
        return Err(e);
    }
    if draft == Draft::Hybrid {
        if let Some(m) = schema.as_object_mut() {
            m.remove("$schema");
        }
        hybrid_bounds(schema);
    }
    Ok(())
}

/// gojsonschema's error for a subschema's `minimum`/`exclusiveMinimum` (or maximum)
/// that its draft does not take: draft 4 wants a boolean beside its bound, drafts 6
/// and 7 a number, the hybrid draft either (a boolean beside its bound). It reads a
/// subschema's `definitions`, then the subschemas under `properties` to
/// `additionalItems`, then its own bounds, then `contains` to `else`, stopping at the
/// first error (where Go's map order leaves a choice, the document's order here), and
/// does not read past a `$ref`.
fn bounds_error(schema: &Value, draft: Draft) -> Option<String> {
    let Value::Object(m) = schema else {
        return None;
    };
    let children = |keys: &[&str]| -> Option<String> {
        for key in keys {
            let found = match m.get(*key) {
                Some(Value::Object(c))
                    if matches!(
                        *key,
                        "definitions" | "properties" | "patternProperties" | "dependencies"
                    ) =>
                {
                    c.values().find_map(|v| bounds_error(v, draft))
                }
                Some(Value::Array(c)) => c.iter().find_map(|v| bounds_error(v, draft)),
                Some(v) => bounds_error(v, draft),
                None => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    };
    if let Some(e) = children(&["definitions"]) {
        return Some(e);
    }
    if m.contains_key("$ref") {
        return None;
    }
    let before = [
        "properties",
        "additionalProperties",
        "patternProperties",
        "propertyNames",
        "dependencies",
        "items",
        "additionalItems",
    ];
    if let Some(e) = children(&before) {
        return Some(e);
    }
    for (bound, exclusive) in [
        ("minimum", "exclusiveMinimum"),
        ("maximum", "exclusiveMaximum"),
    ] {
        let limit = m.get(bound);
        if limit.is_some_and(|l| !l.is_number()) {
            return Some(format!("{bound} must be of a number"));
        }
        let without = || Some(format!("{exclusive} cannot be used without {bound}"));
        match (m.get(exclusive), draft) {
            (None, _) => {}
            (Some(Value::Bool(_)), Draft::Four | Draft::Hybrid) if limit.is_none() => {
                return without()
            }
            (Some(Value::Bool(_)), Draft::Four | Draft::Hybrid) => {}
            (Some(Value::Number(_)), Draft::SixOrSeven | Draft::Hybrid) => {}
            (Some(_), d) => {
                let expected = match d {
                    Draft::Four => "boolean",
                    Draft::SixOrSeven => "number",
                    Draft::Hybrid => "boolean/number",
                };
                return Some(format!(
                    "Invalid type. Expected: {expected}, given: {exclusive}"
                ));
            }
        }
    }
    children(&[
        "contains", "oneOf", "anyOf", "allOf", "not", "if", "then", "else",
    ])
}

/// Rewrites draft 4's exclusive bounds in every subschema of `schema` into draft 6's:
/// `{"minimum": 5, "exclusiveMinimum": true}` is `{"exclusiveMinimum": 5}`, and a `false`
/// goes. A boolean without its bound is left for the metaschema to refuse, as
/// gojsonschema refuses it.
fn hybrid_bounds(schema: &mut Value) {
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
        let v = register_format(jsonschema::options())
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

    /// helm v3.17.1's errors.
    #[test]
    fn bounds_a_draft_does_not_take() {
        let error = |s: Value| {
            let mut s = s;
            read_as_gojsonschema(&mut s).err()
        };
        let d4 = "http://json-schema.org/draft-04/schema#";
        let d7 = "http://json-schema.org/draft-07/schema#";
        assert_eq!(
            error(json!({"$schema": d4, "properties": {"a": {"exclusiveMinimum": 5}}})),
            Some("Invalid type. Expected: boolean, given: exclusiveMinimum".into())
        );
        assert_eq!(
            error(json!({"$schema": d4, "properties": {"a": {"exclusiveMaximum": true}}})),
            Some("exclusiveMaximum cannot be used without maximum".into())
        );
        assert_eq!(
            error(json!({"$schema": d7, "items": {"minimum": 1, "exclusiveMinimum": true}})),
            Some("Invalid type. Expected: number, given: exclusiveMinimum".into())
        );
        assert_eq!(
            error(json!({"properties": {"a": {"exclusiveMinimum": "x"}}})),
            Some("Invalid type. Expected: boolean/number, given: exclusiveMinimum".into())
        );
        assert_eq!(
            error(json!({"properties": {"a": {"minimum": 1, "exclusiveMinimum": true}}})),
            None
        );
    }

    #[test]
    fn strings_are_still_checked() {
        let s = json!({"format": "ipv4"});
        assert_eq!(errors(s.clone(), json!("x")).len(), 1);
        assert!(errors(s, json!("10.0.0.1")).is_empty());
    }
}
