//! `values.schema.json` errors as Helm 3 reports them (`--compat v3`).
//!
//! Helm 3 validates with xeipuuv/gojsonschema and prints one line per error,
//! `- FIELD: DESCRIPTION`: the field is the instance path joined with dots (`list.0.name`,
//! `(root)` for the document), the description gojsonschema's English text. The list is
//! flat: `anyOf`/`oneOf` add their line and then the errors of the branch that came
//! closest, `allOf` adds its line after its branches' errors, `then`/`else` add theirs
//! before them. A failed `type` ends the evaluation of its subschema. Numbers in limits
//! print with Go's `%v` of a float64 (`100`, `1e+06`); `enum`/`const` values as Go's
//! `json.Marshal` writes them.
//!
//! helmcore rebuilds these lines from the `jsonschema` crate's errors, in the crate's
//! order except where Helm 3's most frequent order differs (see `in_helm3_order`): Helm
//! 3's order of errors under different properties is random (Go map iteration), most
//! often the schema's document order.

use std::collections::{BTreeMap, HashMap};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::ValidationError;

use super::schema::pointer_tokens;
use super::schema_order::DocOrder;
use crate::json::encode::{float_text, write_string};
use crate::value::format_float_v;

/// The report: one `- FIELD: DESCRIPTION` line per error, each ending in a newline.
pub(super) fn report(
    errors: &[ValidationError],
    schema: &serde_json::Value,
    instance: &serde_json::Value,
    order: Option<&DocOrder>,
) -> String {
    let mut out = String::new();
    for line in lines(errors, schema, instance, 0, order) {
        out.push_str("- ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A keyword location and instance location, as tokens.
struct Located<'e, 'a> {
    e: &'e ValidationError<'a>,
    schema: Vec<String>,
    instance: Vec<String>,
}

/// The lines for `errors`, whose schema locations share their first `base` tokens (an
/// `anyOf`/`oneOf` branch): wrappers (`allOf`, `then`, `else`) are looked for below it.
fn lines(
    errors: &[ValidationError],
    root: &serde_json::Value,
    instance: &serde_json::Value,
    base: usize,
    order: Option<&DocOrder>,
) -> Vec<String> {
    let mut located: Vec<Located> = errors
        .iter()
        .map(|e| Located {
            e,
            schema: pointer_tokens(e.schema_path().as_str()),
            instance: pointer_tokens(e.instance_path().as_str()),
        })
        .collect();
    in_helm3_order(&mut located, order);
    // gojsonschema stops at a failed `type`: nothing else of that subschema (at that
    // instance, or below it) is reported.
    let stopped: Vec<(Vec<String>, Vec<String>)> = located
        .iter()
        .filter(|l| matches!(l.e.kind(), ValidationErrorKind::Type { .. }))
        .map(|l| (l.schema[..l.schema.len() - 1].to_vec(), l.instance.clone()))
        .collect();
    let kept: Vec<&Located> = located
        .iter()
        .filter(|l| {
            let is_type = matches!(l.e.kind(), ValidationErrorKind::Type { .. });
            !stopped.iter().any(|(s, i)| {
                // (the failed `type` itself stays; one below it, in a property or a
                // branch, goes with the rest)
                let own = is_type && l.schema.len() == s.len() + 1;
                !own && l.schema.len() > s.len()
                    && l.schema.starts_with(s)
                    && l.instance.starts_with(i)
            })
        })
        .collect();
    let wrappers: Vec<Vec<Wrapper>> = kept.iter().map(|l| wrappers_of(l, base, root)).collect();
    let mut last_of: HashMap<(Vec<String>, Vec<String>), usize> = HashMap::new();
    for (i, ws) in wrappers.iter().enumerate() {
        for w in ws.iter().filter(|w| w.keyword == "allOf") {
            last_of.insert((w.schema.clone(), w.instance.clone()), i);
        }
    }
    let mut opened = Vec::new();
    let mut out = Vec::new();
    for (i, l) in kept.iter().enumerate() {
        for w in wrappers[i].iter().filter(|w| w.keyword != "allOf") {
            let key = (w.schema.clone(), w.instance.clone());
            if !opened.contains(&key) {
                let what = if w.keyword == "then" {
                    r#"Must validate "then" as "if" was valid"#
                } else {
                    r#"Must validate "else" as "if" was not valid"#
                };
                out.push(format!("{}: {what}", field(&w.instance)));
                opened.push(key);
            }
        }
        out.extend(error_lines(l, root, instance, order));
        // Innermost `allOf` first: its line follows its own branches' errors.
        for w in wrappers[i].iter().rev().filter(|w| w.keyword == "allOf") {
            if last_of.get(&(w.schema.clone(), w.instance.clone())) == Some(&i) {
                out.push(format!(
                    "{}: Must validate all the schemas (allOf)",
                    field(&w.instance)
                ));
            }
        }
    }
    out
}

/// Puts the crate's errors in helm3's most frequent order: the errors under `properties`
/// in the schema's document order of the names (gojsonschema keeps them as it read
/// them; Go's map then iterates a rotation of that order), those under
/// `patternProperties` by property (gojsonschema visits the instance's properties, whose
/// map comes from sorted JSON), and for one property the patterns in document order;
/// everything else as the crate gives it. Helm v3.17.1, 20 runs: four sibling properties
/// in document order 15 times (27 in 40), each other rotation 3 or fewer; four patterns
/// of one property in document order 10 times, the others 7 or fewer.
///
/// Each error gets a key that orders, level by level of its subschema steps, first the
/// keyword's group of errors by its first place in the crate's list (so the crate's
/// order of keywords is kept), then within `properties` and `patternProperties` the
/// name and document index.
fn in_helm3_order(located: &mut Vec<Located>, order: Option<&DocOrder>) {
    if located.len() < 2 {
        return;
    }
    // A group of errors: schema and instance tokens they share.
    type Id = (Vec<String>, Vec<String>);
    // Per error and level: the keyword group's id, the step's id and where the step
    // stands (name, document index).
    type Level = (Id, Id, (String, usize));
    // One level's part of the sort key: the group's first place in the crate's list,
    // the name and document index, the step's first place.
    type KeyPart = (usize, String, usize, usize);
    let mut levels: Vec<Vec<Level>> = Vec::with_capacity(located.len());
    let mut first: HashMap<Id, usize> = HashMap::new();
    for (i, l) in located.iter().enumerate() {
        let (steps, _) = super::schema::split_location_tokens(&l.schema, &l.instance);
        let mut at = 0;
        let mut mine = Vec::with_capacity(steps.len());
        for (path_len, keyword, moved) in steps {
            let before = at;
            at += moved;
            let step_id = (l.schema[..path_len].to_vec(), l.instance[..at].to_vec());
            let written = || {
                order
                    .and_then(|o| o.index_of(&l.schema[..path_len]))
                    .unwrap_or(usize::MAX)
            };
            let (group_id, place) = match keyword.as_str() {
                "properties" => (
                    (
                        l.schema[..path_len - 1].to_vec(),
                        l.instance[..before].to_vec(),
                    ),
                    (String::new(), written()),
                ),
                "patternProperties" => (
                    (
                        l.schema[..path_len - 1].to_vec(),
                        l.instance[..before].to_vec(),
                    ),
                    (l.instance[before..at].join("/"), written()),
                ),
                _ => (step_id.clone(), (String::new(), 0)),
            };
            first.entry(group_id.clone()).or_insert(i);
            first.entry(step_id.clone()).or_insert(i);
            mine.push((group_id, step_id, place));
        }
        levels.push(mine);
    }
    let keys: Vec<Vec<KeyPart>> = levels
        .into_iter()
        .enumerate()
        .map(|(i, mine)| {
            let mut key: Vec<KeyPart> = mine
                .into_iter()
                .map(|(group, step, (name, written))| (first[&group], name, written, first[&step]))
                .collect();
            // The error itself, after its subschema's steps.
            key.push((i, String::new(), 0, 0));
            key
        })
        .collect();
    let mut keyed: Vec<(Vec<KeyPart>, Located)> = keys.into_iter().zip(located.drain(..)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    located.extend(keyed.into_iter().map(|(_, l)| l));
    in_gojsonschema_keyword_order(located);
}

/// gojsonschema checks one subschema's own keywords on one value in a fixed order: the
/// type's checks (for a number `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`,
/// `exclusiveMinimum`, `format`), then `const` and `enum`, then the string checks
/// (`minLength`, `maxLength`, `pattern`, `format`). Errors of one subschema and value
/// that stand next to each other are put in that order.
fn in_gojsonschema_keyword_order(located: &mut [Located]) {
    const ORDER: &[&str] = &[
        "not",
        "dependencies",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "number format",
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
        "minProperties",
        "maxProperties",
        "required",
        "additionalProperties",
        "propertyNames",
        "const",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
    ];
    // Where the keyword stands: the crate gives a `propertyNames` error the location of
    // the name's own error, below the keyword.
    let keyword_at = |l: &Located| match l.e.kind() {
        ValidationErrorKind::PropertyNames { .. } => {
            l.schema.iter().rposition(|t| t == "propertyNames")
        }
        _ => l.schema.len().checked_sub(1),
    };
    let rank = |l: &Located| {
        let keyword = keyword_at(l).map_or("", |at| l.schema[at].as_str());
        let keyword = match (keyword, l.e.instance().as_ref()) {
            ("format", serde_json::Value::Number(_)) => "number format",
            (k, _) => k,
        };
        ORDER.iter().position(|k| *k == keyword)
    };
    let same_place = |a: &Located, b: &Located| {
        let (ka, kb) = (keyword_at(a).unwrap_or(0), keyword_at(b).unwrap_or(0));
        a.schema[..ka] == b.schema[..kb] && a.instance == b.instance
    };
    let mut start = 0;
    while start < located.len() {
        let mut end = start + 1;
        while end < located.len() && same_place(&located[start], &located[end]) {
            end += 1;
        }
        let run = &mut located[start..end];
        if run.len() > 1 && run.iter().all(|l| rank(l).is_some()) {
            run.sort_by_key(|l| rank(l));
        }
        start = end;
    }
}

/// An `allOf`, `then` or `else` an error was found under.
struct Wrapper {
    keyword: String,
    /// The keyword's location.
    schema: Vec<String>,
    /// The instance it applies to.
    instance: Vec<String>,
}

fn wrappers_of(l: &Located, base: usize, root: &serde_json::Value) -> Vec<Wrapper> {
    // The crate names an error in a `$ref`d definition by the definition's location; the
    // wrappers are on the way to the `$ref` that led there.
    let through = super::schema::through_ref(&l.schema, &l.instance, root, 0);
    let schema = through.as_deref().unwrap_or(&l.schema);
    let (steps, _) = super::schema::split_location_tokens(schema, &l.instance);
    let mut out = Vec::new();
    let mut at = 0;
    for (path_len, keyword, moved) in steps {
        if path_len > base && matches!(keyword.as_str(), "allOf" | "then" | "else") {
            let end = if keyword == "allOf" {
                path_len - 1
            } else {
                path_len
            };
            out.push(Wrapper {
                keyword,
                schema: schema[..end].to_vec(),
                instance: l.instance[..at].to_vec(),
            });
        }
        at += moved;
    }
    out
}

/// gojsonschema's lines for one error.
fn error_lines(
    l: &Located,
    root: &serde_json::Value,
    instance: &serde_json::Value,
    order: Option<&DocOrder>,
) -> Vec<String> {
    use ValidationErrorKind as K;
    let at = field(&l.instance);
    let got = l.e.instance();
    let one = |d: String| vec![format!("{at}: {d}")];
    match l.e.kind() {
        K::Type { kind } => one(format!(
            "Invalid type. Expected: {}, given: {}",
            expected_types(kind, &l.schema, root),
            given_type(got)
        )),
        K::Required { property } => {
            let name = property
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| property.to_string());
            // The array form of `dependencies` (the crate ends its location there).
            let n = l.schema.len();
            let dependency = l.schema.last().is_some_and(|k| k == "dependencies")
                || (n >= 2 && l.schema[n - 2] == "dependencies");
            if dependency {
                one(format!("Has a dependency on {name}"))
            } else {
                one(format!("{name} is required"))
            }
        }
        K::Enum { options } => {
            let all = match options.as_ref() {
                serde_json::Value::Array(a) => a.iter().map(go_json).collect::<Vec<_>>(),
                other => vec![go_json(other)],
            };
            one(format!(
                "{at} must be one of the following: {}",
                all.join(", ")
            ))
        }
        K::Constant { expected_value } => {
            one(format!("{at} does not match: {}", go_json(expected_value)))
        }
        K::Minimum { limit } => one(format!("Must be greater than or equal to {}", num(limit))),
        K::Maximum { limit } => one(format!("Must be less than or equal to {}", num(limit))),
        K::ExclusiveMinimum { limit } => one(format!("Must be greater than {}", num(limit))),
        K::ExclusiveMaximum { limit } => one(format!("Must be less than {}", num(limit))),
        K::MultipleOf { multiple_of } => one(format!(
            "Must be a multiple of {}",
            format_float_v(*multiple_of)
        )),
        K::MinLength { limit } => one(format!(
            "String length must be greater than or equal to {limit}"
        )),
        K::MaxLength { limit } => one(format!(
            "String length must be less than or equal to {limit}"
        )),
        K::Pattern { pattern } => one(format!("Does not match pattern '{pattern}'")),
        K::Format { format } => one(format!("Does not match format '{format}'")),
        K::MinItems { limit } => one(format!("Array must have at least {limit} items")),
        K::MaxItems { limit } => one(format!("Array must have at most {limit} items")),
        K::UniqueItems => unique_pairs(got)
            .into_iter()
            .map(|(i, j)| format!("{at}: array items[{i},{j}] must be unique"))
            .collect(),
        K::AdditionalItems { .. } => one("No additional items allowed on array".into()),
        K::Contains => one("At least one of the items must match".into()),
        K::MinProperties { limit } => one(format!("Must have at least {limit} properties")),
        K::MaxProperties { limit } => one(format!("Must have at most {limit} properties")),
        K::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|p| format!("{at}: Additional property {p} is not allowed"))
            .collect(),
        // Without `properties` the crate reports `additionalProperties: false` as a false
        // schema failing at the object; gojsonschema names each property it refuses.
        K::FalseSchema if l.schema.last().is_some_and(|k| k == "additionalProperties") => {
            // The crate's error holds the first property's value; the object is in the
            // instance at the error's path.
            let object = l.instance.iter().try_fold(instance, |v, k| match v {
                serde_json::Value::Object(m) => m.get(k),
                serde_json::Value::Array(a) => a.get(k.parse::<usize>().ok()?),
                _ => None,
            });
            let parent = resolve(root, &l.schema[..l.schema.len() - 1]);
            let refused = object.map_or_else(Vec::new, |o| refused_properties(o, parent));
            if refused.is_empty() {
                one("False always fails validation".into())
            } else {
                refused
                    .iter()
                    .map(|p| format!("{at}: Additional property {p} is not allowed"))
                    .collect()
            }
        }
        K::FalseSchema => one("False always fails validation".into()),
        K::Not { .. } => one("Must not validate the schema (not)".into()),
        K::AnyOf { context } => branch(
            format!("{at}: Must validate at least one schema (anyOf)"),
            context,
            l,
            root,
            instance,
            order,
        ),
        K::OneOfNotValid { context } => branch(
            format!("{at}: Must validate one and only one schema (oneOf)"),
            context,
            l,
            root,
            instance,
            order,
        ),
        K::OneOfMultipleValid { .. } => one("Must validate one and only one schema (oneOf)".into()),
        K::PropertyNames { error } => {
            let name = match error.instance().as_ref() {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let mut out = one(format!("Property name of \"{name}\" does not match"));
            let inner = Located {
                e: error,
                schema: pointer_tokens(error.schema_path().as_str()),
                instance: l.instance.clone(),
            };
            out.extend(error_lines(&inner, root, instance, order));
            out
        }
        // Not reproduced: the crate's text.
        _ => one(l.e.to_string()),
    }
}

/// An `anyOf`/`oneOf` failure: its line, then the errors of the branch gojsonschema
/// scores best. Its score grows with each check a branch passes; a branch whose `type`
/// fails at the instance itself passes none, so the first other branch is taken.
fn branch(
    head: String,
    context: &[Vec<ValidationError<'static>>],
    l: &Located,
    root: &serde_json::Value,
    instance: &serde_json::Value,
    order: Option<&DocOrder>,
) -> Vec<String> {
    let type_failed = |errs: &Vec<ValidationError<'static>>| {
        errs.iter().any(|e| {
            matches!(e.kind(), ValidationErrorKind::Type { .. })
                && pointer_tokens(e.instance_path().as_str()) == l.instance
        })
    };
    let best = context
        .iter()
        .find(|errs| !type_failed(errs))
        .or(context.first());
    let mut out = vec![head];
    if let Some(errs) = best {
        out.extend(lines(errs, root, instance, l.schema.len(), order));
    }
    out
}

/// gojsonschema's field: the instance path joined with dots, `(root)` for none.
fn field(instance: &[String]) -> String {
    if instance.is_empty() {
        "(root)".into()
    } else {
        instance.join(".")
    }
}

/// The types the schema asks for, in its own order (`[string,integer]` for several).
fn expected_types(kind: &TypeKind, location: &[String], root: &serde_json::Value) -> String {
    let written = resolve(root, location).and_then(|v| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(a) => {
            let names: Option<Vec<&str>> = a.iter().map(serde_json::Value::as_str).collect();
            names.map(|n| {
                if n.len() == 1 {
                    n[0].to_string()
                } else {
                    format!("[{}]", n.join(","))
                }
            })
        }
        _ => None,
    });
    written.unwrap_or_else(|| match kind {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set.iter().map(|t| t.to_string()).collect();
            format!("[{}]", names.join(","))
        }
    })
}

/// The properties of `instance` that neither `properties` nor a `patternProperties`
/// pattern of `schema` covers, sorted (gojsonschema's most frequent order).
fn refused_properties(
    instance: &serde_json::Value,
    schema: Option<&serde_json::Value>,
) -> Vec<String> {
    let Some(object) = instance.as_object() else {
        return Vec::new();
    };
    let named = schema
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.as_object());
    let patterns: Vec<regex::Regex> = schema
        .and_then(|s| s.get("patternProperties"))
        .and_then(|p| p.as_object())
        .map(|p| p.keys().filter_map(|k| regex::Regex::new(k).ok()).collect())
        .unwrap_or_default();
    let mut refused: Vec<String> = object
        .keys()
        .filter(|k| !named.is_some_and(|n| n.contains_key(*k)))
        .filter(|k| !patterns.iter().any(|re| re.is_match(k)))
        .cloned()
        .collect();
    refused.sort();
    refused
}

/// The value at a keyword location, following local `$ref`s on the way.
fn resolve<'s>(root: &'s serde_json::Value, location: &[String]) -> Option<&'s serde_json::Value> {
    let mut at = root;
    for t in location {
        if t == "$ref" {
            let target = at.get("$ref")?.as_str()?;
            let pointer = target.strip_prefix('#')?;
            at = root.pointer(pointer)?;
            continue;
        }
        at = match at {
            serde_json::Value::Array(a) => a.get(t.parse::<usize>().ok()?)?,
            other => other.get(t)?,
        };
    }
    Some(at)
}

/// gojsonschema's name for a value's type: numbers with no fraction are integers.
fn given_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(n) => {
            if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) {
                "integer"
            } else {
                "number"
            }
        }
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// A limit as Go prints a float64 with `%v`.
fn num(v: &serde_json::Value) -> String {
    format_float_v(v.as_f64().unwrap_or(0.0))
}

/// Every item equal to an earlier one, paired with the last such earlier item.
fn unique_pairs(v: &serde_json::Value) -> Vec<(usize, usize)> {
    let Some(items) = v.as_array() else {
        return Vec::new();
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (j, item) in items.iter().enumerate() {
        let key = go_json(item);
        if let Some(i) = seen.get(&key) {
            out.push((*i, j));
        }
        seen.insert(key, j);
    }
    out
}

/// Go's `json.Marshal` of the value as gojsonschema holds it: numbers re-read as float64
/// (`1.0` is `1`), keys sorted, `<`, `>`, `&` escaped.
fn go_json(v: &serde_json::Value) -> String {
    let mut out = String::new();
    write_go_json(&mut out, v);
    out
}

fn write_go_json(out: &mut String, v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => write_string(out, s, true),
        serde_json::Value::Number(n) => out.push_str(&float_text(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(out, item);
            }
            out.push(']');
        }
        serde_json::Value::Object(o) => {
            let sorted: BTreeMap<&String, &serde_json::Value> = o.iter().collect();
            out.push('{');
            for (i, (k, item)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k, true);
                out.push(':');
                write_go_json(out, item);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use crate::render::Compat;

    fn report(schema: &str, values: &str) -> String {
        let values = crate::yaml::from_str_map(values)
            .unwrap()
            .unwrap_or_default();
        super::super::schema::validate_single_for(
            &values,
            schema.as_bytes(),
            None,
            &mut Vec::new(),
            Compat::V3,
        )
        .unwrap_err()
    }

    // helm v3.17.1's reports (the lines after `c:`), one property each where Go's map
    // order makes the order of siblings random.
    #[test]
    fn gojsonschema_lines() {
        let cases = [
            (r#"{"properties": {"port": {"type": "integer", "maximum": 100}}}"#, "port: 500",
             "- port: Must be less than or equal to 100\n"),
            (r#"{"properties": {"p": {"type": "string"}}}"#, "p: null",
             "- p: Invalid type. Expected: string, given: null\n"),
            (r#"{"properties": {"o": {"type": ["integer", "string"]}}}"#, "o: 1.5",
             "- o: Invalid type. Expected: [integer,string], given: number\n"),
            (r#"{"properties": {"k": {"type": "string"}}}"#, "k: 2.0",
             "- k: Invalid type. Expected: string, given: integer\n"),
            (r##"{"properties": {"a": {"$ref": "#/definitions/x"}}, "definitions": {"x": {"type": ["string", "integer"]}}}"##, "a: true",
             "- a: Invalid type. Expected: [string,integer], given: boolean\n"),
            // A failed `type` ends the subschema's checks.
            (r#"{"properties": {"a": {"type": "object", "required": ["x"], "enum": [1]}}}"#, "a: null",
             "- a: Invalid type. Expected: object, given: null\n"),
            // ... and what its properties and branches would say, a `type` among them.
            (r#"{"type": "integer", "properties": {"a": {"type": "object"}}}"#, "a: true",
             "- (root): Invalid type. Expected: integer, given: object\n"),
            (r#"{"type": "integer", "properties": {"a": {"allOf": [{"type": "object"}]}}}"#, "a: true",
             "- (root): Invalid type. Expected: integer, given: object\n"),
            (r#"{"required": ["a", "b"]}"#, "x: 1",
             "- (root): a is required\n- (root): b is required\n"),
            (r#"{"properties": {"x": {"required": ["q"]}}}"#, "x: {}", "- x: q is required\n"),
            (r#"{"properties": {"e": {"enum": ["a", 1, null, 1.5, true, {"k": "v"}, ["x"]]}}}"#, "e: zz",
             "- e: e must be one of the following: \"a\", 1, null, 1.5, true, {\"k\":\"v\"}, [\"x\"]\n"),
            (r#"{"properties": {"a": {"properties": {"b": {"enum": ["x<y"]}}}}}"#, "a: {b: 1}",
             "- a.b: a.b must be one of the following: \"x\\u003cy\"\n"),
            (r#"{"properties": {"e": {"const": {"k": [1, "a"]}}}}"#, "e: zz",
             "- e: e does not match: {\"k\":[1,\"a\"]}\n"),
            (r#"{"const": 1}"#, "a: 1", "- (root): (root) does not match: 1\n"),
            // Numbers as float64 in Go's JSON: `1.0` is `1`, `1e21` is `1e+21`.
            (r#"{"properties": {"m": {"enum": [1.0, 1e21, 0.0000001, {"b": 1, "a": [2.50]}]}}}"#, "m: x",
             "- m: m must be one of the following: 1, 1e+21, 1e-7, {\"a\":[2.5],\"b\":1}\n"),
            (r#"{"properties": {"c": {"const": 3.0}}}"#, "c: 2", "- c: c does not match: 3\n"),
            (r#"{"properties": {"a": {"minimum": 1000000}}}"#, "a: 1",
             "- a: Must be greater than or equal to 1e+06\n"),
            (r#"{"properties": {"g": {"minimum": 0.000001}}}"#, "g: 0",
             "- g: Must be greater than or equal to 1e-06\n"),
            (r#"{"properties": {"big": {"maximum": 12345678}}}"#, "big: 99999999",
             "- big: Must be less than or equal to 1.2345678e+07\n"),
            (r#"{"properties": {"f": {"minimum": 2.5}}}"#, "f: 1.5",
             "- f: Must be greater than or equal to 2.5\n"),
            (r#"{"properties": {"b": {"exclusiveMinimum": 5}}}"#, "b: 5", "- b: Must be greater than 5\n"),
            (r#"{"properties": {"c": {"exclusiveMaximum": 1}}}"#, "c: 1", "- c: Must be less than 1\n"),
            (r#"{"properties": {"d": {"multipleOf": 0.5}}}"#, "d: 0.3", "- d: Must be a multiple of 0.5\n"),
            (r#"{"properties": {"s": {"minLength": 3}}}"#, "s: ab",
             "- s: String length must be greater than or equal to 3\n"),
            (r#"{"properties": {"s": {"maxLength": 1}}}"#, "s: ab",
             "- s: String length must be less than or equal to 1\n"),
            (r#"{"properties": {"p": {"pattern": "^a+$"}}}"#, "p: bb", "- p: Does not match pattern '^a+$'\n"),
            (r#"{"properties": {"fm": {"format": "email"}}}"#, "fm: notmail",
             "- fm: Does not match format 'email'\n"),
            (r#"{"properties": {"fi": {"format": "ipv4"}}}"#, "fi: x", "- fi: Does not match format 'ipv4'\n"),
            (r#"{"properties": {"l": {"minItems": 3, "maxItems": 1}}}"#, "l: [1, 2]",
             "- l: Array must have at least 3 items\n- l: Array must have at most 1 items\n"),
            (r#"{"properties": {"u": {"uniqueItems": true}}}"#, "u: [1, 2, 1, 3, 3]",
             "- u: array items[0,2] must be unique\n- u: array items[3,4] must be unique\n"),
            (r#"{"properties": {"u": {"uniqueItems": true}}}"#, "u: [1, 1, 1]",
             "- u: array items[0,1] must be unique\n- u: array items[1,2] must be unique\n"),
            (r#"{"properties": {"li": {"type": "array", "items": {"type": "string"}}}}"#, "li: [a, 1, b, 2]",
             "- li.1: Invalid type. Expected: string, given: integer\n- li.3: Invalid type. Expected: string, given: integer\n"),
            (r#"{"properties": {"l": {"items": [{"type": "string"}], "additionalItems": false}}}"#, "l: [a, b]",
             "- l: No additional items allowed on array\n"),
            (r#"{"properties": {"f": false}}"#, "f: 1", "- f: False always fails validation\n"),
            (r#"{"additionalProperties": false, "properties": {"a": {}}}"#, "a: 1\nzz: 1",
             "- (root): Additional property zz is not allowed\n"),
            // Without `properties` (helm v3.17.1, 12/12 runs in this order).
            (r#"{"properties": {"sub": {"additionalProperties": false}}}"#, "sub: {zz: 1, b: 2}",
             "- sub: Additional property b is not allowed\n- sub: Additional property zz is not allowed\n"),
            (r#"{"properties": {"sub": {"patternProperties": {"^x": {}}, "additionalProperties": false}}}"#,
             "sub: {xa: 1, c: 3, b: 2}",
             "- sub: Additional property b is not allowed\n- sub: Additional property c is not allowed\n"),
            (r#"{"properties": {"l": {"items": {"additionalProperties": false}}}}"#, "l: [{q: 1}, {r: 2}]",
             "- l.0: Additional property q is not allowed\n- l.1: Additional property r is not allowed\n"),
            (r##"{"properties": {"sub": {"$ref": "#/definitions/d"}}, "definitions": {"d": {"additionalProperties": false}}}"##,
             "sub: {zz: 1}", "- sub: Additional property zz is not allowed\n"),
            (r#"{"properties": {"ap": {"additionalProperties": {"type": "string"}}}}"#, "ap: {k: 1}",
             "- ap.k: Invalid type. Expected: string, given: integer\n"),
            (r#"{"properties": {"o": {"minProperties": 2}}}"#, "o: {a: 1}", "- o: Must have at least 2 properties\n"),
            (r#"{"properties": {"o": {"maxProperties": 0}}}"#, "o: {a: 1}", "- o: Must have at most 0 properties\n"),
            (r#"{"properties": {"pn": {"propertyNames": {"pattern": "^a"}}}}"#, "pn: {b: 1, a: 2}",
             "- pn: Property name of \"b\" does not match\n- pn: Does not match pattern '^a'\n"),
            (r#"{"properties": {"a": {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 5}]}}}"#, "a: 1",
             "- a: Must validate at least one schema (anyOf)\n- a: Must be greater than or equal to 5\n"),
            (r#"{"properties": {"o": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}"#, "o: true",
             "- o: Must validate one and only one schema (oneOf)\n- o: Invalid type. Expected: string, given: boolean\n"),
            (r#"{"properties": {"o": {"oneOf": [{"type": "integer"}, {"minimum": 1}]}}}"#, "o: 3",
             "- o: Must validate one and only one schema (oneOf)\n"),
            (r#"{"properties": {"al": {"allOf": [{"type": "string"}, {"minimum": 1}]}}}"#, "al: 0",
             "- al: Invalid type. Expected: string, given: integer\n- al: Must be greater than or equal to 1\n- al: Must validate all the schemas (allOf)\n"),
            (r#"{"properties": {"nt": {"not": {"type": "integer"}}}}"#, "nt: 3",
             "- nt: Must not validate the schema (not)\n"),
            (r#"{"properties": {"i": {"if": {"type": "integer"}, "then": {"minimum": 5}, "else": {"type": "string"}}}}"#, "i: 1",
             "- i: Must validate \"then\" as \"if\" was valid\n- i: Must be greater than or equal to 5\n"),
            (r#"{"properties": {"j": {"if": {"type": "integer"}, "then": {"minimum": 5}, "else": {"type": "string"}}}}"#, "j: true",
             "- j: Must validate \"else\" as \"if\" was not valid\n- j: Invalid type. Expected: string, given: boolean\n"),
            (r#"{"dependencies": {"zz": ["qq", "rr"]}}"#, "zz: 1",
             "- (root): Has a dependency on qq\n- (root): Has a dependency on rr\n"),
            (r#"{"dependencies": {"yy": {"required": ["ww"]}}}"#, "yy: 1", "- (root): ww is required\n"),
            // gojsonschema v1.2.0 checks a known format on numbers too, and fails them,
            // so an `if` with one is not valid for a number.
            (r#"{"properties": {"num": {"format": "uri"}, "b": {"format": "email"}, "u": {"format": "bogus"}}}"#,
             "num: 2.5\nb: true\nu: 3", "- num: Does not match format 'uri'\n"),
            (r#"{"properties": {"b": {"type": "string"}, "c": {"if": {"minLength": 1, "format": "uri"}, "then": {"type": "array"}}}}"#,
             "c: 2.5\nb: 1", "- b: Invalid type. Expected: string, given: integer\n"),
            // A `then`/`allOf` line for an error in the `$ref`d definition it leads to.
            (r##"{"definitions": {"d": {"type": "string"}}, "properties": {"a": {"if": {"type": "integer"}, "then": {"$ref": "#/definitions/d"}}, "b": {"$ref": "#/definitions/d"}}}"##,
             "a: 1\nb: 2", "- a: Must validate \"then\" as \"if\" was valid\n- a: Invalid type. Expected: string, given: integer\n- b: Invalid type. Expected: string, given: integer\n"),
            (r##"{"definitions": {"d": {"minimum": 5}, "e": {"allOf": [{"$ref": "#/definitions/d"}]}}, "properties": {"a": {"$ref": "#/definitions/e"}}}"##,
             "a: 1", "- a: Must be greater than or equal to 5\n- a: Must validate all the schemas (allOf)\n"),
            // No `$schema`: gojsonschema's hybrid draft takes draft 4's boolean bounds.
            (r#"{"properties": {"a": {"minimum": 5, "exclusiveMinimum": true}, "b": {"items": {"maximum": 5, "exclusiveMaximum": true}}, "c": {"maximum": 5, "exclusiveMaximum": false}}}"#,
             "a: 5\nb: [5, 4, 6]\nc: 5", "- a: Must be greater than 5\n- b.0: Must be less than 5\n- b.2: Must be less than 5\n"),
            // A `$schema` gojsonschema does not know (2020-12, https): its hybrid draft,
            // without the newer keywords; its formats (`uuid`), not the draft's (`duration`).
            (r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"a": {"prefixItems": [{"type": "string"}]}, "u": {"format": "uuid"}, "d": {"format": "duration"}}, "unevaluatedProperties": false, "dependentRequired": {"a": ["zz"]}}"#,
             "a: [1]\nu: x\nd: x\nb: 1", "- u: Does not match format 'uuid'\n"),
            (r#"{"$schema": "https://json-schema.org/draft-07/schema#", "properties": {"a": {"minimum": 5, "exclusiveMinimum": true}}}"#,
             "a: 5", "- a: Must be greater than 5\n"),
            // One subschema's own keywords in gojsonschema's order.
            (r#"{"properties": {"a": {"format": "email", "minimum": 5, "maximum": 1, "multipleOf": 7}}}"#, "a: 3",
             "- a: Must be a multiple of 7\n- a: Must be less than or equal to 1\n- a: Must be greater than or equal to 5\n- a: Does not match format 'email'\n"),
            (r#"{"properties": {"a": {"format": "ipv4", "enum": [3]}}}"#, "a: 4",
             "- a: Does not match format 'ipv4'\n- a: a must be one of the following: 3\n"),
            (r#"{"properties": {"a": {"enum": ["x"], "format": "ipv4", "pattern": "^z", "maxLength": 2, "const": "y"}}}"#, "a: abc",
             "- a: a does not match: \"y\"\n- a: a must be one of the following: \"x\"\n- a: String length must be less than or equal to 2\n- a: Does not match pattern '^z'\n- a: Does not match format 'ipv4'\n"),
            (r#"{"properties": {"a": {"enum": [{}], "maxProperties": 1, "const": {}, "propertyNames": {"maxLength": 1}}}}"#, "a: {xx: 1}",
             "- a: Property name of \"xx\" does not match\n- a: String length must be less than or equal to 1\n- a: a does not match: {}\n- a: a must be one of the following: {}\n"),
        ];
        for (schema, values, want) in cases {
            assert_eq!(report(schema, values), want, "{schema} with {values}");
        }
    }

    // helm v3.17.1's majority over 20 runs of each (40 for the first; Go's map order makes
    // the order vary).
    #[test]
    fn sibling_order_follows_helm3s_majority() {
        let cases = [
            // Properties in the schema's document order (27/40, 15/20 nested).
            (r#"{"properties": {"zeta": {"type": "string"}, "alpha": {"type": "string"}, "mid": {"type": "string"}, "beta": {"type": "string"}}}"#,
             "mid: 2\nbeta: 4\nzeta: 3\nalpha: 1",
             "- zeta: Invalid type. Expected: string, given: integer\n- alpha: Invalid type. Expected: string, given: integer\n- mid: Invalid type. Expected: string, given: integer\n- beta: Invalid type. Expected: string, given: integer\n"),
            (r#"{"properties": {"outer": {"properties": {"zeta": {"type": "string"}, "alpha": {"type": "string"}, "mid": {"type": "string"}, "beta": {"type": "string"}}}}}"#,
             "outer:\n  mid: 2\n  beta: 4\n  zeta: 3\n  alpha: 1",
             "- outer.zeta: Invalid type. Expected: string, given: integer\n- outer.alpha: Invalid type. Expected: string, given: integer\n- outer.mid: Invalid type. Expected: string, given: integer\n- outer.beta: Invalid type. Expected: string, given: integer\n"),
            // Patterns: by property, sorted (12/20); one property's patterns in document
            // order (10/20).
            (r#"{"patternProperties": {"^z": {"type": "string"}, "^a": {"type": "string"}, "^m": {"type": "string"}, "^b": {"type": "string"}}}"#,
             "mid: 2\nzeta: 3\nalpha: 1\nbeta: 4",
             "- alpha: Invalid type. Expected: string, given: integer\n- beta: Invalid type. Expected: string, given: integer\n- mid: Invalid type. Expected: string, given: integer\n- zeta: Invalid type. Expected: string, given: integer\n"),
            (r#"{"patternProperties": {"z$": {"minimum": 10}, "^a": {"maximum": 0}, "^.z": {"multipleOf": 7}, "^az": {"minimum": 20}}}"#, "az: 1",
             "- az: Must be greater than or equal to 10\n- az: Must be less than or equal to 0\n- az: Must be a multiple of 7\n- az: Must be greater than or equal to 20\n"),
            // Additional properties sorted (14/20); `dependencies` by the instance's
            // sorted properties (12/20), not the schema's order.
            (r#"{"properties": {"a": {}}, "additionalProperties": false}"#, "a: 1\nzz: 1\nbb: 1\nmm: 1",
             "- (root): Additional property bb is not allowed\n- (root): Additional property mm is not allowed\n- (root): Additional property zz is not allowed\n"),
            (r#"{"$schema": "http://json-schema.org/draft-07/schema#", "dependencies": {"zeta": ["q"], "alpha": ["r"], "mid": ["s"], "beta": ["t"]}}"#,
             "zeta: 1\nalpha: 1\nmid: 1\nbeta: 1",
             "- (root): Has a dependency on r\n- (root): Has a dependency on t\n- (root): Has a dependency on s\n- (root): Has a dependency on q\n"),
        ];
        for (schema, values, want) in cases {
            assert_eq!(report(schema, values), want, "{schema} with {values}");
        }
    }
}
