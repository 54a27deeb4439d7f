//! `values.schema.json` validation, reported as Helm 4 reports it (Helm 3's wording,
//! under `--compat v3`, is in `schema_v3`).
//!
//! Helm validates with santhosh-tekuri/jsonschema v6 and prints its error tree:
//! `- at '/replicas': got string, want integer`, with `validation failed` groups where one
//! subschema failed in several ways. helmcore validates with the `jsonschema` crate and
//! rebuilds that tree from the crate's flat errors and their keyword locations,
//! following santhosh's rules: a failed `type`, `const`, `enum` or `format` ends the
//! subschema's evaluation; a subschema with one error reports it, with several a group;
//! numbers are printed as Go's x/text printer does (`10,000`, `1×10⁰⁶`).
//!
//! A subschema applied to several items or properties is one evaluation per instance
//! location; failing `allOf` branches sit under `'allOf' failed`; `dependentRequired`
//! names the property that required the missing ones; `unevaluatedProperties: false`
//! fails each property on its own.
//!
//! Sibling errors come in santhosh's keyword order, and within a keyword in the order
//! Helm prints most often (its own is random, from Go map iteration; see [`Place`]).
//!
//! Known differences: the reasons given for `format`
//! failures, the causes under a failed `contains` (Helm lists each item's error; the
//! crate reports none), a `$schema` naming an unknown URL (Helm fetches it as a
//! metaschema; here the latest draft applies), and the wording of errors in the schema
//! itself (metaschema violations: Helm prints `jsonschema validation failed with
//! 'https://json-schema.org/draft/2020-12/schema#'` and santhosh's error tree; here the
//! crate's one-line message follows).

use std::collections::BTreeMap;
use std::sync::Arc;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::ValidationError;

use crate::chart::Chart;
use crate::render::Compat;
use crate::value::{format_float_v, Map, Value};

use super::schema_order::DocOrder;
use super::schema_refs::{urn_warning, FetchError, Retriever};
pub use super::schema_refs::{SchemaLoadError, SchemaLoader};
use super::Warning;

/// The header Helm puts before the per-chart schema errors.
pub const SCHEMA_ERROR_HEADER: &str =
    "values don't meet the specifications of the schema(s) in the following chart(s):";

/// A failed validation: the per-chart report, without Helm's header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{SCHEMA_ERROR_HEADER}\n{report}")]
pub struct SchemaError {
    pub report: String,
}

/// Helm's `ValidateAgainstSchema`: the chart's schema against `values`, then each
/// subchart's schema against its section of `values`, recursively. `$ref`s to `http(s)`
/// URLs fail: see [`validate_against_schema_with`].
pub fn validate_against_schema(chart: &Chart, values: &Map) -> Result<(), SchemaError> {
    validate_against_schema_with(chart, values, None, &mut Vec::new())
}

/// [`validate_against_schema`], with `loader` fetching the `http(s)` documents that
/// schemas refer to, and Helm's warnings (a `urn:` reference allowing anything) appended
/// to `warnings`, once each.
///
/// ```
/// use helmcore::values::schema::{validate_against_schema_with, SchemaLoadError, SchemaLoader};
/// # use helmcore::chart::Chart;
/// struct NoNetwork;
/// impl SchemaLoader for NoNetwork {
///     fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
///         let cause = "offline".to_string();
///         Err(SchemaLoadError::Request { url: url.to_string(), cause })
///     }
/// }
/// # fn check(chart: &Chart, values: &helmcore::value::Map) {
/// let loader: std::sync::Arc<dyn SchemaLoader> = std::sync::Arc::new(NoNetwork);
/// let mut warnings = Vec::new();
/// validate_against_schema_with(chart, values, Some(&loader), &mut warnings).unwrap();
/// # }
/// ```
pub fn validate_against_schema_with(
    chart: &Chart,
    values: &Map,
    loader: Option<&Arc<dyn SchemaLoader>>,
    warnings: &mut Vec<Warning>,
) -> Result<(), SchemaError> {
    validate_against_schema_for(chart, values, loader, warnings, Compat::V4)
}

/// [`validate_against_schema_with`], with the errors worded as `compat`'s Helm words
/// them: Helm 3 validates with gojsonschema (see `schema_v3`).
pub fn validate_against_schema_for(
    chart: &Chart,
    values: &Map,
    loader: Option<&Arc<dyn SchemaLoader>>,
    warnings: &mut Vec<Warning>,
    compat: Compat,
) -> Result<(), SchemaError> {
    let mut report = String::new();
    collect(chart, values, loader, warnings, &mut report, 0, compat);
    if report.is_empty() {
        Ok(())
    } else {
        Err(SchemaError { report })
    }
}

const MAX_DEPTH: usize = 64;

fn collect(
    chart: &Chart,
    values: &Map,
    loader: Option<&Arc<dyn SchemaLoader>>,
    warnings: &mut Vec<Warning>,
    out: &mut String,
    depth: usize,
    compat: Compat,
) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(schema) = &chart.schema {
        if let Err(e) = validate_single_for(values, schema, loader, warnings, compat) {
            out.push_str(&format!("{}:\n{e}", chart.name()));
        }
    }
    for sub in &chart.dependencies {
        match values.get(sub.name()) {
            None | Some(Value::Nil) => {}
            Some(Value::Map(m)) => collect(sub, &m, loader, warnings, out, depth + 1, compat),
            Some(other) => out.push_str(&format!(
                "{}:\ninvalid type for values: expected object (map), got {}\n",
                sub.name(),
                other.type_name()
            )),
        }
    }
}

/// Validates values against one schema document; the error is Helm's text for it (the
/// error lines, ending in a newline, or the schema's own problem).
pub fn validate_single(values: &Map, schema_json: &[u8]) -> Result<(), String> {
    validate_single_with(values, schema_json, None, &mut Vec::new())
}

/// [`validate_single`], with `loader` fetching the `http(s)` documents the schema refers
/// to and Helm's warnings appended to `warnings`, once each.
pub fn validate_single_with(
    values: &Map,
    schema_json: &[u8],
    loader: Option<&Arc<dyn SchemaLoader>>,
    warnings: &mut Vec<Warning>,
) -> Result<(), String> {
    validate_single_for(values, schema_json, loader, warnings, Compat::V4)
}

pub(crate) fn validate_single_for(
    values: &Map,
    schema_json: &[u8],
    loader: Option<&Arc<dyn SchemaLoader>>,
    warnings: &mut Vec<Warning>,
    compat: Compat,
) -> Result<(), String> {
    // Go's decoder first, for its error texts on a malformed schema. santhosh reads with
    // a json.Decoder, which says `EOF` for no input and `unexpected EOF` for a cut one.
    if schema_json.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("EOF".into());
    }
    crate::json::from_slice(schema_json).map_err(|e| match e.to_string().as_str() {
        "unexpected end of JSON input" => "unexpected EOF".to_string(),
        // santhosh reads one value, then refuses any further token without naming it.
        other if other.ends_with(" after top-level value") => {
            "invalid character after top-level value".to_string()
        }
        other => other.to_string(),
    })?;
    let mut schema: serde_json::Value =
        serde_json::from_slice(schema_json).map_err(|e| e.to_string())?;
    if compat == Compat::V3 {
        super::schema_v3_read::read_as_gojsonschema(&mut schema)?;
    }
    let urns: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();
    let mut retriever = Retriever::new(loader.cloned(), Arc::clone(&urns));
    // Helm's loads first: which documents, in which order (see `schema_ref_walk`). The
    // document order of the keys matters only when a load fails: then the walk is made
    // again in that order, for the failure (and the URNs met before it) Helm reports.
    let walk = super::schema_ref_walk::first_load_failure;
    let mut failed = walk(&schema, BASE_URI, &retriever, None);
    if failed.is_some() {
        if let Some(order) = DocOrder::parse(schema_json) {
            urns.lock().unwrap_or_else(|e| e.into_inner()).clear();
            failed = walk(&schema, BASE_URI, &retriever, Some(&order));
        }
    }
    for urn in urns.lock().unwrap_or_else(|e| e.into_inner()).iter() {
        let w = urn_warning(urn);
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    if let Some(e) = failed {
        return Err(e.message(compat));
    }
    retriever.lenient = true;
    let mut options = jsonschema::options()
        .with_base_uri(BASE_URI)
        .with_retriever(retriever);
    if compat == Compat::V3 {
        // gojsonschema checks formats, and reads a schema without `$schema` as draft 7
        // (with the keywords of drafts 4 and 6): array `items`, `$ref` hiding its
        // siblings.
        options = options.should_validate_formats(true);
        options = super::schema_v3_read::register_format(options);
        if schema.get("$schema").is_none() {
            options = options.with_draft(jsonschema::Draft::Draft7);
        }
    }
    let validator = options
        .build(&schema)
        .map_err(|e| schema_problem(&e, &schema, compat))?;
    let instance = to_json(&Value::Map(values.clone()), 0);
    let errors: Vec<ValidationError> = validator.iter_errors(&instance).collect();
    if errors.is_empty() {
        return Ok(());
    }
    // The schema parsed a second time, for the order of its keys (only on failure).
    let order = DocOrder::parse(schema_json);
    if compat == Compat::V3 {
        return Err(super::schema_v3::report(
            &errors,
            &schema,
            &instance,
            order.as_ref(),
        ));
    }
    let tree = build(&errors, &instance, &schema, order.as_ref());
    // santhosh: a root with a single group error reports the group's causes.
    let causes = match tree {
        Some(Node {
            kind: NodeKind::Group,
            children,
            ..
        }) => children,
        Some(n) => vec![n],
        None => return Ok(()),
    };
    let mut out = String::new();
    for c in &causes {
        c.display(&mut out, 1);
    }
    Err(out.trim_start_matches('\n').to_string() + "\n")
}

/// Where Helm places the schema, for resolving relative `$ref`s.
const BASE_URI: &str = "file:///values.schema.json";

fn schema_problem(e: &ValidationError, schema: &serde_json::Value, compat: Compat) -> String {
    use jsonschema::ReferencingError as R;
    match e.kind() {
        ValidationErrorKind::Referencing(
            R::PointerToNowhere { pointer } | R::InvalidArrayIndex { pointer, .. },
        ) if compat == Compat::V3 && ref_naming(schema, pointer).starts_with(BASE_URI) => {
            gojsonpointer_error(schema, pointer)
        }
        ValidationErrorKind::Referencing(R::Unretrievable { uri, source }) => {
            let why = match source.downcast_ref::<FetchError>() {
                Some(why) => why.text_for(compat),
                None => source.to_string(),
            };
            match compat {
                Compat::V4 => format!("failing loading {uri:?}: {why}"),
                Compat::V3 => why,
            }
        }
        ValidationErrorKind::Referencing(
            R::PointerToNowhere { pointer } | R::InvalidArrayIndex { pointer, .. },
        ) => {
            format!(
                "json-pointer in {:?} not found",
                ref_naming(schema, pointer)
            )
        }
        _ => format!("\"{BASE_URI}#\" is not valid against metaschema: {e}"),
    }
}

/// Why a JSON pointer into `doc` finds nothing, worded as helm3's gojsonpointer words
/// it: the first step that fails.
fn gojsonpointer_error(doc: &serde_json::Value, pointer: &str) -> String {
    let mut node = doc;
    for token in pointer_tokens(pointer) {
        node = match node {
            serde_json::Value::Object(m) => match m.get(&token) {
                Some(v) => v,
                None => return format!("Object has no key '{token}'"),
            },
            serde_json::Value::Array(a) => match token.parse::<i64>() {
                Err(_) => return format!("Invalid array index '{token}'"),
                Ok(i) => match usize::try_from(i).ok().and_then(|i| a.get(i)) {
                    Some(v) => v,
                    None => return format!("Out of bound array[0,{}] index '{i}'", a.len()),
                },
            },
            _ => return format!("Invalid token reference '{token}'"),
        };
    }
    format!("json-pointer in {:?} not found", ref_naming(doc, pointer))
}

/// The `$ref` (made absolute) whose fragment is `pointer`: the validator's error names
/// only the pointer, Helm's the whole reference.
fn ref_naming(schema: &serde_json::Value, pointer: &str) -> String {
    fn find<'a>(v: &'a serde_json::Value, pointer: &str) -> Option<&'a str> {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                    if r.split_once('#').is_some_and(|(_, f)| f == pointer) {
                        return Some(r);
                    }
                }
                m.values().find_map(|x| find(x, pointer))
            }
            serde_json::Value::Array(a) => a.iter().find_map(|x| find(x, pointer)),
            _ => None,
        }
    }
    let Some(r) = find(schema, pointer) else {
        return format!("{BASE_URI}#{pointer}");
    };
    let base = schema
        .get("$id")
        .and_then(|v| v.as_str())
        .unwrap_or(BASE_URI);
    let base = jsonschema::uri::from_str(base).or_else(|_| jsonschema::uri::from_str(BASE_URI));
    match base.and_then(|b| jsonschema::uri::resolve_against(&b.borrow(), r)) {
        Ok(u) => u.as_str().to_string(),
        Err(_) => r.to_string(),
    }
}

/// One reported error: where, what, and its causes.
#[derive(Debug, Clone)]
struct Node {
    at: String,
    kind: NodeKind,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum NodeKind {
    Group,
    /// A `$ref` whose target failed in several ways: printed as a group, but not one
    /// (santhosh's `kind.Reference`), so the root does not unwrap it.
    Reference,
    Message(String),
}

impl Node {
    fn display(&self, out: &mut String, indent: usize) {
        out.push('\n');
        for _ in 0..indent.saturating_sub(1) {
            out.push_str("  ");
        }
        let msg = match &self.kind {
            NodeKind::Group | NodeKind::Reference => "validation failed",
            NodeKind::Message(m) => m,
        };
        out.push_str(&format!("- at {}: {msg}", quote(&self.at)));
        for c in &self.children {
            c.display(out, indent + 1);
        }
    }
}

/// A failed keyword, placed in the schema tree.
struct Failure {
    /// For `required` and `dependentRequired`: the missing properties (reported
    /// together).
    missing: Vec<String>,
    /// For `dependentRequired` (and `dependencies`): the property that requires them.
    dependent: Option<String>,
    /// Steps from the root schema to the subschema that holds the keyword.
    schema: Vec<Step>,
    /// The keyword (`type`, `required`...).
    keyword: String,
    instance: Vec<String>,
    node: Node,
}

/// One step into a subschema: the schema path so far, the keyword that leads into it,
/// and the instance tokens it moves over (an array index, a property name). A subschema
/// applied to two items is two evaluations, each stopping at its own failed `type`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Step {
    path: Vec<String>,
    keyword: String,
    instance_tokens: usize,
    instance: Vec<InstanceToken>,
}

/// An instance path token, ordered as santhosh visits them: array indexes by number.
#[derive(Debug, Clone, PartialEq, Eq)]
struct InstanceToken(String);

impl InstanceToken {
    fn index(&self) -> Option<usize> {
        self.0.parse().ok()
    }
}

impl Ord for InstanceToken {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.index(), other.index()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.0.cmp(&other.0),
        }
    }
}

impl PartialOrd for InstanceToken {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Keywords that lead into a subschema, with the number of path tokens they take and
/// whether they move into the instance.
fn subschema_step(tokens: &[String]) -> Option<(usize, usize)> {
    let k = tokens.first()?.as_str();
    let has_arg = tokens.len() > 1;
    match k {
        "properties" | "patternProperties" if has_arg => Some((2, 1)),
        "dependencies" | "dependentSchemas" | "definitions" | "$defs" if has_arg => Some((2, 0)),
        "allOf" | "anyOf" | "oneOf" if has_arg => Some((2, 0)),
        "prefixItems" if has_arg => Some((2, 1)),
        "items" if has_arg && tokens[1].bytes().all(|b| b.is_ascii_digit()) => Some((2, 1)),
        "items"
        | "additionalItems"
        | "additionalProperties"
        | "unevaluatedProperties"
        | "unevaluatedItems"
        | "contains"
            if has_arg =>
        {
            Some((1, 1))
        }
        "not" | "if" | "then" | "else" | "propertyNames" | "$ref" | "$dynamicRef" if has_arg => {
            Some((1, 0))
        }
        _ => None,
    }
}

/// Splits a keyword location into subschema steps and the failing keyword with its
/// arguments (`dependentRequired`, `port`), walking the instance location alongside.
fn split_location(tokens: &[String], instance: &[String]) -> (Vec<Step>, Vec<String>) {
    let mut steps = Vec::new();
    let mut rest = tokens;
    let mut inst_rest = instance;
    let mut consumed = Vec::new();
    let mut jump = canonical_jump(tokens, instance);
    while let Some((n, inst)) = subschema_step(rest) {
        let inst = jump.take().unwrap_or(inst);
        consumed.extend_from_slice(&rest[..n]);
        let moved = inst.min(inst_rest.len());
        steps.push(Step {
            path: consumed.clone(),
            keyword: rest[0].clone(),
            instance_tokens: inst,
            instance: inst_rest[..moved]
                .iter()
                .map(|t| InstanceToken(t.clone()))
                .collect(),
        });
        inst_rest = &inst_rest[moved..];
        rest = &rest[n..];
    }
    (steps, rest.to_vec())
}

/// For a location starting in `$defs` or `definitions`, the instance tokens its first
/// step stands for. The crate gives a subschema that several `$ref`s share its own
/// location, not the path through the `$ref` that reached it: that subschema applies at
/// the error's instance location less the tokens its later steps move over. Without
/// this, two properties failing through one shared definition would be one evaluation
/// (and its failed `type` would hide the other's; helm v4.1.4 reports both).
fn canonical_jump(tokens: &[String], instance: &[String]) -> Option<usize> {
    if !matches!(
        tokens.first().map(String::as_str),
        Some("$defs" | "definitions")
    ) {
        return None;
    }
    let (first_len, _) = subschema_step(tokens)?;
    let mut rest = &tokens[first_len..];
    let mut later = 0;
    while let Some((n, inst)) = subschema_step(rest) {
        later += inst;
        rest = &rest[n..];
    }
    Some(instance.len().saturating_sub(later))
}

/// The path through the one `$ref` that can have reached an error the crate names by its
/// definition's own location (`/definitions/d/items/type`): `/allOf/0/$ref/items/type`.
/// santhosh reports by that path, so the error sits under the `allOf` that led to it.
/// `None` when the location is not in `definitions`/`$defs`, or when no `$ref`, or more
/// than one, fits the error's instance location.
pub(super) fn through_ref(
    tokens: &[String],
    instance: &[String],
    schema: &serde_json::Value,
    depth: usize,
) -> Option<Vec<String>> {
    if depth > 8 || tokens.len() < 2 || !matches!(tokens[0].as_str(), "definitions" | "$defs") {
        return None;
    }
    let target = format!("#{}", pointer(&tokens[..2]));
    // The definition applies where its later steps leave the instance tokens they move.
    let applies_at = canonical_jump(tokens, instance)?;
    let mut refs = Vec::new();
    collect_refs(schema, &mut Vec::new(), &mut refs, 0);
    let mut fits = refs.into_iter().filter_map(|(at, r)| {
        let r = r.strip_prefix(BASE_URI).unwrap_or(&r);
        if r != target {
            return None;
        }
        let mut path = at;
        path.push("$ref".to_string());
        path.extend_from_slice(&tokens[2..]);
        let path = match through_ref(&path, instance, schema, depth + 1) {
            Some(p) => p,
            None if matches!(path[0].as_str(), "definitions" | "$defs") => return None,
            None => path,
        };
        // The `$ref` (and the path to it) ends where the definition's own tokens begin.
        let site = path.len() - (tokens.len() - 2);
        (fits_instance(&path[..site], instance) == Some(applies_at)).then_some(path)
    });
    let path = fits.next()?;
    fits.next().is_none().then_some(path)
}

/// The locations of the schema's `$ref`s (outside `definitions`/`$defs` too), with their
/// values.
fn collect_refs(
    v: &serde_json::Value,
    at: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                out.push((at.clone(), r.clone()));
            }
            for (k, child) in m {
                at.push(k.clone());
                collect_refs(child, at, out, depth + 1);
                at.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                at.push(i.to_string());
                collect_refs(child, at, out, depth + 1);
                at.pop();
            }
        }
        _ => {}
    }
}

/// How many of `instance`'s tokens the subschema steps of `tokens` (a path to a `$ref`)
/// move over, if each step that names a property or an index names the instance's token
/// there; `None` if one does not.
fn fits_instance(tokens: &[String], instance: &[String]) -> Option<usize> {
    let mut rest = tokens;
    let mut inst = instance;
    let mut moved = 0;
    while let Some((n, moves)) = subschema_step(rest) {
        if moves > 0 {
            let (first, tail) = inst.split_first()?;
            let named = matches!(rest[0].as_str(), "properties" | "prefixItems")
                || (rest[0] == "items" && n == 2);
            if named && rest[1] != *first {
                return None;
            }
            inst = tail;
            moved += 1;
        }
        rest = &rest[n..];
    }
    Some(moved)
}

/// [`split_location`] for `schema_v3`: each step's path length, keyword and the number
/// of instance tokens it moves over.
pub(super) fn split_location_tokens(
    tokens: &[String],
    instance: &[String],
) -> (Vec<(usize, String, usize)>, Vec<String>) {
    let (steps, rest) = split_location(tokens, instance);
    let steps = steps
        .into_iter()
        .map(|s| (s.path.len(), s.keyword, s.instance.len()))
        .collect();
    (steps, rest)
}

/// santhosh's evaluation order of keywords within one subschema.
fn keyword_rank(k: &str) -> usize {
    const ORDER: &[&str] = &[
        "type",
        "const",
        "enum",
        "format",
        "$ref",
        "minProperties",
        "maxProperties",
        "required",
        "dependencies",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "dependentRequired",
        "dependentSchemas",
        "minItems",
        "maxItems",
        "uniqueItems",
        "items",
        "additionalItems",
        "prefixItems",
        "contains",
        "minLength",
        "maxLength",
        "pattern",
        "contentEncoding",
        "contentMediaType",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "not",
        "allOf",
        "anyOf",
        "oneOf",
        "if",
        "then",
        "else",
        "unevaluatedProperties",
        "unevaluatedItems",
    ];
    ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len())
}

fn tokens_of(loc: &jsonschema::paths::Location) -> Vec<String> {
    pointer_tokens(loc.as_str())
}

/// The unescaped tokens of a JSON pointer (`/a~1b/0` is `["a/b", "0"]`).
pub(super) fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Rebuilds santhosh's error tree from the crate's flat errors.
fn build(
    errors: &[ValidationError],
    root_instance: &serde_json::Value,
    root_schema: &serde_json::Value,
    order: Option<&DocOrder>,
) -> Option<Node> {
    build_under(errors, root_instance, root_schema, &[], order)
}

/// [`build`] for the errors of the subschema at `base` (an `anyOf`/`oneOf` branch):
/// their locations start with the path to it, which is evaluated as one subschema, not
/// as the steps (an enclosing `allOf` branch) that lead there.
fn build_under(
    errors: &[ValidationError],
    root_instance: &serde_json::Value,
    root_schema: &serde_json::Value,
    base: &[Step],
    order: Option<&DocOrder>,
) -> Option<Node> {
    let mut failures = Vec::new();
    for e in errors {
        let instance = tokens_of(e.instance_path());
        let tokens = tokens_of(e.schema_path());
        let tokens = through_ref(&tokens, &instance, root_schema, 0).unwrap_or(tokens);
        let (schema, keyword_path) = split_location(&tokens, &instance);
        let keyword = keyword_path.first().cloned().unwrap_or_default();
        let at = pointer(&instance);
        if let Some(names) = unevaluated_against_false(e, root_schema) {
            // santhosh checks each unevaluated property against `false` on its own.
            for name in names {
                let mut instance = instance.clone();
                instance.push(name.clone());
                failures.push(Failure {
                    missing: Vec::new(),
                    dependent: None,
                    schema: schema.clone(),
                    keyword: keyword.clone(),
                    node: Node {
                        at: pointer(&instance),
                        kind: NodeKind::Message("false schema".into()),
                        children: Vec::new(),
                    },
                    instance,
                });
            }
            continue;
        }
        let missing = match e.kind() {
            ValidationErrorKind::Required { property } => {
                vec![property.as_str().unwrap_or_default().to_string()]
            }
            _ => Vec::new(),
        };
        let dependent = match e.kind() {
            ValidationErrorKind::Required { .. } if is_dependent_required(&keyword_path) => {
                dependent_of(e, root_schema)
            }
            _ => None,
        };
        let msg = match &dependent {
            Some(_) => required_message(&missing, dependent.as_deref()),
            None => match message(e, &keyword_path, root_instance) {
                Some(m) => m,
                None => continue,
            },
        };
        // A `oneOf` that more than one subschema matched is reported without causes,
        // as santhosh reports it (the failing subschemas are not what went wrong).
        let children = match e.kind() {
            ValidationErrorKind::AnyOf { context }
            | ValidationErrorKind::OneOfNotValid { context } => context
                .iter()
                .enumerate()
                .filter_map(|(i, branch)| {
                    // Each alternative is its own subschema: one error, or a group. Its
                    // errors are named through the same `$ref` as this one.
                    let mut tokens = tokens.clone();
                    tokens.push(i.to_string());
                    let (base, _) = split_location(&tokens, &instance);
                    build_under(branch, root_instance, root_schema, &base, order)
                })
                .collect(),
            // The property name was validated as an instance of its own.
            ValidationErrorKind::PropertyNames { error } => {
                let keyword = tokens_of(error.schema_path());
                let at_names = keyword.iter().position(|t| t == "propertyNames");
                let inner = at_names.map_or(&keyword[..0], |i| &keyword[i + 1..]);
                message(error, inner, root_instance)
                    .map(|m| Node {
                        at: String::new(),
                        kind: NodeKind::Message(m),
                        children: Vec::new(),
                    })
                    .into_iter()
                    .collect()
            }
            _ => Vec::new(),
        };
        failures.push(Failure {
            missing,
            dependent,
            schema,
            keyword,
            instance,
            node: Node {
                at,
                kind: NodeKind::Message(msg),
                children,
            },
        });
    }
    merge_required(&mut failures);
    evaluate(&failures, base, 0, order)
}

/// santhosh reports all missing required properties of a subschema in one error.
fn merge_required(failures: &mut Vec<Failure>) {
    let mut merged: Vec<Failure> = Vec::new();
    for f in failures.drain(..) {
        if !f.missing.is_empty() {
            if let Some(prev) = merged.iter_mut().find(|p| {
                p.keyword == f.keyword
                    && p.dependent == f.dependent
                    && p.schema == f.schema
                    && p.instance == f.instance
            }) {
                prev.missing.extend(f.missing);
                prev.node.kind =
                    NodeKind::Message(required_message(&prev.missing, prev.dependent.as_deref()));
                continue;
            }
        }
        merged.push(f);
    }
    *failures = merged;
}

/// The result of evaluating the subschema at `prefix`: its own failures and those of
/// its subschemas, in keyword order (within a keyword, see [`Place`]); stops at a failed
/// type/const/enum/format.
fn evaluate(
    failures: &[Failure],
    prefix: &[Step],
    depth: usize,
    order: Option<&DocOrder>,
) -> Option<Node> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mine: Vec<&Failure> = failures
        .iter()
        .filter(|f| f.schema.len() >= prefix.len() && f.schema[..prefix.len()] == *prefix)
        .collect();
    if mine.is_empty() {
        return None;
    }
    let own: Vec<&Failure> = mine
        .iter()
        .copied()
        .filter(|f| f.schema.len() == prefix.len())
        .collect();
    if let Some(stop) = own
        .iter()
        .filter(|f| keyword_rank(&f.keyword) <= 3)
        .min_by_key(|f| keyword_rank(&f.keyword))
    {
        return Some(stop.node.clone());
    }
    // (rank, place, the step into a subschema, node) for own keywords and for each
    // direct subschema.
    let mut items: Vec<(usize, Place, Option<Step>, Node)> = own
        .iter()
        .map(|f| {
            (
                keyword_rank(&f.keyword),
                Place::of_failure(f, order),
                None,
                f.node.clone(),
            )
        })
        .collect();
    let mut subs: BTreeMap<Step, ()> = BTreeMap::new();
    for f in &mine {
        if f.schema.len() > prefix.len() {
            subs.insert(f.schema[prefix.len()].clone(), ());
        }
    }
    // santhosh puts the failing `allOf` branches under one `'allOf' failed`.
    let mut all_of = Vec::new();
    for step in subs.keys() {
        let mut p = prefix.to_vec();
        p.push(step.clone());
        if let Some(node) = evaluate(failures, &p, depth + 1, order) {
            if step.keyword == "allOf" {
                let branch = step.path.last().and_then(|i| i.parse::<usize>().ok());
                all_of.push((branch, node));
            } else {
                let place = Place::of_step(step, order);
                items.push((keyword_rank(&step.keyword), place, Some(step.clone()), node));
            }
        }
    }
    if !all_of.is_empty() {
        all_of.sort_by_key(|(branch, _)| *branch);
        let all_of = all_of.into_iter().map(|(_, node)| node).collect();
        items.push((
            keyword_rank("allOf"),
            Place::default(),
            None,
            Node {
                at: instance_at(&mine, prefix),
                kind: NodeKind::Message("'allOf' failed".into()),
                children: all_of,
            },
        ));
    }
    items.sort_by(|a, b| (a.0, &a.1, &a.2).cmp(&(b.0, &b.1, &b.2)));
    let mut nodes: Vec<Node> = items.into_iter().map(|(_, _, _, n)| n).collect();
    // A `$ref`'s target (reached through `$ref`, or named by its own location under
    // `definitions`): santhosh reports several errors, or one group, as a reference at
    // the `$ref`'s instance location holding them.
    let through_ref = prefix.last().is_some_and(|s| {
        matches!(
            s.keyword.as_str(),
            "$ref" | "$dynamicRef" | "definitions" | "$defs"
        )
    });
    if through_ref && nodes.len() == 1 && matches!(nodes[0].kind, NodeKind::Group) {
        nodes = std::mem::take(&mut nodes[0].children);
    }
    match nodes.len() {
        0 => None,
        1 => nodes.pop(),
        _ => Some(Node {
            at: instance_at(&mine, prefix),
            kind: if through_ref {
                NodeKind::Reference
            } else {
                NodeKind::Group
            },
            children: nodes,
        }),
    }
}

/// Where santhosh (Helm 4) reports an error among the others of its keyword. It visits
/// the instance's properties (a rotation of their sorted order: the sorted order here,
/// as the step's own ordering gives), and for each the matching `patternProperties` in
/// the schema's document order; `dependencies`, `dependentRequired` and
/// `dependentSchemas` in document order. (helm v4.1.4, 20 runs each: one property
/// matching four patterns, the document's order 7 times, each other rotation 6 times or
/// fewer; four `dependentRequired` keys, the document's order 9 times, others 4.) Other
/// keywords are left to the step's ordering (`Place::default()`).
#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    /// The instance property a pattern was applied to.
    property: Vec<String>,
    /// The key's index in the schema's document (unknown: last).
    written: usize,
}

impl Place {
    fn of_step(step: &Step, order: Option<&DocOrder>) -> Place {
        match step.keyword.as_str() {
            "patternProperties" => Place {
                property: step.instance.iter().map(|t| t.0.clone()).collect(),
                written: written_at(&step.path, order),
            },
            "dependencies" | "dependentSchemas" => Place {
                property: Vec::new(),
                written: written_at(&step.path, order),
            },
            _ => Place::default(),
        }
    }

    /// A `dependentRequired` (or array `dependencies`) failure, by the key requiring.
    fn of_failure(f: &Failure, order: Option<&DocOrder>) -> Place {
        let Some(dependent) = &f.dependent else {
            return Place::default();
        };
        let mut path = f.schema.last().map(|s| s.path.clone()).unwrap_or_default();
        path.push(f.keyword.clone());
        path.push(dependent.clone());
        Place {
            property: Vec::new(),
            written: written_at(&path, order),
        }
    }
}

fn written_at(path: &[String], order: Option<&DocOrder>) -> usize {
    order.and_then(|o| o.index_of(path)).unwrap_or(usize::MAX)
}

/// The instance location a subschema applies to.
fn instance_at(failures: &[&Failure], prefix: &[Step]) -> String {
    let moved: usize = prefix.iter().map(|s| s.instance_tokens).sum();
    let f = failures[0];
    // The failure's instance path holds the subschema's location as its first tokens,
    // except for the tokens of deeper steps into the instance.
    let deeper: usize = f.schema[prefix.len()..]
        .iter()
        .map(|s| s.instance_tokens)
        .sum();
    let keep = f
        .instance
        .len()
        .saturating_sub(deeper)
        .max(moved.min(f.instance.len()));
    pointer(&f.instance[..keep.min(f.instance.len())])
}

fn is_dependent_required(keyword: &[String]) -> bool {
    matches!(
        keyword.first().map(String::as_str),
        Some("dependentRequired" | "dependencies")
    )
}

/// The property whose presence required the missing one: the crate names only the
/// missing property, so this finds a present property whose list holds it.
fn dependent_of(e: &ValidationError, root_schema: &serde_json::Value) -> Option<String> {
    let ValidationErrorKind::Required { property } = e.kind() else {
        return None;
    };
    let rules = root_schema.pointer(e.schema_path().as_str())?.as_object()?;
    let present = e.instance().as_object()?;
    rules
        .iter()
        .find(|(prop, list)| {
            present.contains_key(prop.as_str())
                && list.as_array().is_some_and(|l| l.contains(property))
        })
        .map(|(prop, _)| prop.clone())
}

/// The properties of an `unevaluatedProperties: false` failure: santhosh validates each
/// against the `false` schema, one `false schema` error at each. A failure of any other
/// subschema there keeps the crate's one error.
fn unevaluated_against_false<'e>(
    e: &'e ValidationError,
    root_schema: &serde_json::Value,
) -> Option<&'e [String]> {
    let ValidationErrorKind::UnevaluatedProperties { unexpected } = e.kind() else {
        return None;
    };
    // The keyword's own location: only a path without `$ref` points into this document.
    let is_false =
        root_schema.pointer(e.schema_path().as_str()) == Some(&serde_json::Value::Bool(false));
    is_false.then_some(unexpected.as_slice())
}

/// santhosh's `required` and `dependentRequired` messages.
fn required_message(missing: &[String], dependent: Option<&str>) -> String {
    let names: Vec<String> = missing.iter().map(|m| quote(m)).collect();
    match (dependent, names.as_slice()) {
        (Some(p), _) => format!(
            "properties {} required, if {} exists",
            names.join(", "),
            quote(p)
        ),
        (None, [one]) => format!("missing property {one}"),
        (None, _) => format!("missing properties {}", names.join(", ")),
    }
}

fn pointer(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// santhosh's message for one failed keyword.
fn message(e: &ValidationError, keyword: &[String], root: &serde_json::Value) -> Option<String> {
    let got = e.instance();
    use ValidationErrorKind as K;
    Some(match e.kind() {
        // Without `properties` and `patternProperties` every property is additional
        // (the crate then reports the first one's value).
        K::FalseSchema if keyword.first().map(String::as_str) == Some("additionalProperties") => {
            let names: Vec<String> = root
                .pointer(e.instance_path().as_str())
                .and_then(serde_json::Value::as_object)
                .map(|o| o.keys().map(|k| quote(k)).collect())
                .unwrap_or_default();
            format!("additional properties {} not allowed", names.join(", "))
        }
        K::Type { kind } => {
            let mut want: Vec<&str> = match kind {
                TypeKind::Single(t) => vec![json_type_name(&t.to_string())],
                TypeKind::Multiple(set) => {
                    set.iter().map(|t| json_type_name(&t.to_string())).collect()
                }
            };
            want.sort_by_key(|t| {
                [
                    "null", "boolean", "number", "integer", "string", "array", "object",
                ]
                .iter()
                .position(|x| x == t)
            });
            format!("got {}, want {}", type_of(got), want.join(" or "))
        }
        K::Constant { expected_value } => match &**expected_value {
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => "const failed".into(),
            v => format!("value must be {}", display(v)),
        },
        K::Enum { options } => match &**options {
            serde_json::Value::Array(items)
                if items.iter().all(|i| !i.is_array() && !i.is_object()) =>
            {
                if items.len() == 1 {
                    format!("value must be {}", display(&items[0]))
                } else {
                    format!(
                        "value must be one of {}",
                        items.iter().map(display).collect::<Vec<_>>().join(", ")
                    )
                }
            }
            _ => "enum failed".into(),
        },
        K::Format { format } => format!("{} is not valid {format}", display(got)),
        K::Required { property } => {
            required_message(&[property.as_str().unwrap_or_default().to_string()], None)
        }
        K::AdditionalProperties { unexpected } => {
            format!(
                "additional properties {} not allowed",
                unexpected
                    .iter()
                    .map(|s| quote(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        K::MinProperties { limit } => format!(
            "minProperties: got {}, want {}",
            len_of(got),
            group_int(*limit)
        ),
        K::MaxProperties { limit } => format!(
            "maxProperties: got {}, want {}",
            len_of(got),
            group_int(*limit)
        ),
        K::MinItems { limit } => {
            format!("minItems: got {}, want {}", len_of(got), group_int(*limit))
        }
        K::MaxItems { limit } => {
            format!("maxItems: got {}, want {}", len_of(got), group_int(*limit))
        }
        K::MinLength { limit } => {
            format!("minLength: got {}, want {}", len_of(got), group_int(*limit))
        }
        K::MaxLength { limit } => {
            format!("maxLength: got {}, want {}", len_of(got), group_int(*limit))
        }
        K::UniqueItems => {
            let (i, j) = duplicates(got).unwrap_or((0, 1));
            format!("items at {i} and {j} are equal")
        }
        K::Pattern { pattern } => {
            format!("{} does not match pattern {}", display(got), quote(pattern))
        }
        K::Minimum { limit } => format!("minimum: got {}, want {}", num(got), num(limit)),
        K::Maximum { limit } => format!("maximum: got {}, want {}", num(got), num(limit)),
        K::ExclusiveMinimum { limit } => {
            format!("exclusiveMinimum: got {}, want {}", num(got), num(limit))
        }
        K::ExclusiveMaximum { limit } => {
            format!("exclusiveMaximum: got {}, want {}", num(got), num(limit))
        }
        K::MultipleOf { multiple_of } => format!(
            "multipleOf: got {}, want {}",
            num(got),
            go_text_float(*multiple_of)
        ),
        K::Not { .. } => "'not' failed".into(),
        K::AnyOf { .. } => "'anyOf' failed".into(),
        K::OneOfNotValid { .. } => "'oneOf' failed, none matched".into(),
        K::OneOfMultipleValid { context } => {
            let matched: Vec<usize> = context
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_empty())
                .map(|(i, _)| i)
                .take(2)
                .collect();
            match matched.as_slice() {
                [a, b] => format!("'oneOf' failed, subschemas {a}, {b} matched"),
                _ => "'oneOf' failed".into(),
            }
        }
        K::FalseSchema => "false schema".into(),
        K::Contains => "no items match contains schema".into(),
        K::AdditionalItems { limit } => format!(
            "last {} additionalItem(s) not allowed",
            len_of(got).saturating_sub(*limit)
        ),
        K::PropertyNames { error } => format!("invalid propertyName {}", display(error.instance())),
        K::UnevaluatedProperties { unexpected } => {
            // (`unevaluatedProperties: false` is reported per property; see
            // `unevaluated_against_false`.)
            format!(
                "additional properties {} not allowed",
                unexpected
                    .iter()
                    .map(|s| quote(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        K::UnevaluatedItems { .. } => "unevaluatedItems failed".into(),
        other => {
            let _ = root;
            format!("{other:?}")
        }
    })
}

fn json_type_name(t: &str) -> &'static str {
    match t {
        "null" => "null",
        "boolean" => "boolean",
        "integer" => "integer",
        "number" => "number",
        "string" => "string",
        "array" => "array",
        _ => "object",
    }
}

fn type_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

fn len_of(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::String(s) => s.chars().count(),
        serde_json::Value::Array(a) => a.len(),
        serde_json::Value::Object(o) => o.len(),
        _ => 0,
    }
}

/// The first pair of equal items, as santhosh reports them.
fn duplicates(v: &serde_json::Value) -> Option<(usize, usize)> {
    let items = v.as_array()?;
    for j in 1..items.len() {
        for i in 0..j {
            if json_equal(&items[i], &items[j]) {
                return Some((i, j));
            }
        }
    }
    None
}

fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a, b) {
        (serde_json::Value::Number(x), serde_json::Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// santhosh's `quote`: Go's `%q` with single quotes.
fn quote(s: &str) -> String {
    let q = crate::gofmt::quote(s);
    let inner = &q[1..q.len() - 1];
    format!("'{}'", inner.replace("\\\"", "\"").replace('\'', "\\'"))
}

/// santhosh's `display` of a primitive: strings quoted, others with `%v`.
fn display(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => quote(s),
        serde_json::Value::Null => "<nil>".into(),
        serde_json::Value::Number(_) => num(v),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => "value".into(),
        serde_json::Value::Bool(b) => b.to_string(),
    }
}

fn num(v: &serde_json::Value) -> String {
    go_text_float(v.as_f64().unwrap_or(0.0))
}

/// An int as x/text's printer gives `%d`: thousands grouped with commas.
fn group_int(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A float64 as x/text's printer gives `%v`: Go's shortest form, the integer part
/// grouped, an exponent written `×10` with superscript digits.
fn go_text_float(f: f64) -> String {
    let s = format_float_v(f);
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, s),
    };
    let body = if let Some((mant, exp)) = s.split_once('e') {
        let sup = |c: char| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        };
        let exp: String = exp.trim_start_matches('+').chars().map(sup).collect();
        format!("{mant}×10{exp}")
    } else {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (s.clone(), None),
        };
        let grouped = int.parse::<u64>().map(group_int).unwrap_or(int);
        match frac {
            Some(f) => format!("{grouped}.{f}"),
            None => grouped,
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// Values as JSON for the validator: int64s stay integers, float64s floats.
fn to_json(v: &Value, depth: usize) -> serde_json::Value {
    use serde_json::Value as J;
    if depth > 10_000 {
        return J::Null;
    }
    match v {
        Value::Nil => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(n, _) => J::Number((*n).into()),
        // Helm hands santhosh its values as JSON text, where `80` from a YAML file is an
        // integer under every draft; the crate's draft 4 would call `80.0` a number only.
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => J::Number((*f as i64).into()),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.to_string()),
        Value::Bytes(b) => J::String(crate::yaml::go_lossy_utf8(b)),
        Value::List(l) => J::Array(l.iter().map(|i| to_json(i, depth + 1)).collect()),
        Value::Map(m) => J::Object(
            m.entries()
                .into_iter()
                .map(|(k, v)| (k.to_string(), to_json(&v, depth + 1)))
                .collect(),
        ),
        Value::Object(o) => o.to_data().map_or(J::Null, |d| to_json(&d, depth + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(schema: &str) -> String {
        validate_single(&Map::new(), schema.as_bytes()).unwrap_err()
    }

    // helm4's texts for broken schema files.
    #[test]
    fn malformed_schemas() {
        assert_eq!(
            check("{bad"),
            "invalid character 'b' looking for beginning of object key string"
        );
        assert_eq!(check("\n"), "EOF");
        assert_eq!(check("{"), "unexpected EOF");
        assert_eq!(
            check(r#"{"type": "object"} trailing"#),
            "invalid character after top-level value"
        );
    }

    // helm3 (gojsonschema) and helm4 (santhosh) on a `$ref` whose pointer finds nothing:
    // helm3 names the first step that fails.
    #[test]
    fn refs_to_nowhere() {
        let v3 = |schema: &str| {
            validate_single_for(
                &Map::new(),
                schema.as_bytes(),
                None,
                &mut Vec::new(),
                Compat::V3,
            )
            .unwrap_err()
        };
        let cases = [
            (
                r##"{"properties": {"a": {"$ref": "#/definitions/d"}}}"##,
                "Object has no key 'definitions'",
            ),
            (
                r##"{"definitions": {"x": {}}, "properties": {"a": {"$ref": "#/definitions/d"}}}"##,
                "Object has no key 'd'",
            ),
            (
                r##"{"definitions": {"c": {}}, "properties": {"a": {"$ref": "#/definitions/a~1b"}}}"##,
                "Object has no key 'a/b'",
            ),
            (
                r##"{"items": [{"$ref": "#/x/1"}], "x": [1]}"##,
                "Out of bound array[0,1] index '1'",
            ),
            (
                r##"{"properties": {"a": {"$ref": "#/x/a"}}, "x": [1]}"##,
                "Invalid array index 'a'",
            ),
            (
                r##"{"items": [{"$ref": "#/x/a"}], "x": 1}"##,
                "Invalid token reference 'a'",
            ),
        ];
        for (schema, want) in cases {
            assert_eq!(v3(schema), want, "{schema}");
        }
        assert_eq!(
            check(r##"{"properties": {"a": {"$ref": "#/x/a"}}, "x": [1]}"##),
            "json-pointer in \"file:///values.schema.json#/x/a\" not found"
        );
    }

    fn report(schema: &str, values: &str) -> String {
        let values = crate::yaml::from_str_map(values)
            .unwrap()
            .unwrap_or_default();
        validate_single(&values, schema.as_bytes()).unwrap_err()
    }

    // helm4's reports (the text after `sc:`), one property each where Go's map order
    // would make the order of siblings random.
    #[test]
    fn santhosh_error_trees() {
        let cases = [
            (r#"{"properties": {"list": {"type": "array", "items": {"type": "string"}}}}"#, "list: [1, a, 2]\n",
             "- at '/list/0': got number, want string\n- at '/list/2': got number, want string\n"),
            (r#"{"allOf": [{"required": ["x"]}, {"properties": {"port": {"type": "string"}}}]}"#, "port: 80\n",
             "- at '': 'allOf' failed\n  - at '': missing property 'x'\n  - at '/port': got number, want string\n"),
            (r#"{"dependentRequired": {"port": ["x", "y"]}}"#, "port: 80\n",
             "- at '': properties 'x', 'y' required, if 'port' exists\n"),
            (r#"{"dependencies": {"port": ["x"]}}"#, "port: 80\n",
             "- at '': properties 'x' required, if 'port' exists\n"),
            (r#"{"$schema": "http://json-schema.org/draft-04/schema#", "properties": {"port": {"type": "integer", "maximum": 80, "exclusiveMaximum": true}}}"#, "port: 80\n",
             "- at '/port': exclusiveMaximum: got 80, want 80\n"),
            (r#"{"additionalProperties": false}"#, "port: 80\n",
             "- at '': additional properties 'port' not allowed\n"),
            (r#"{"unevaluatedProperties": false, "properties": {"port": {}}}"#, "port: 80\nname: x\n",
             "- at '/name': false schema\n"),
            (r#"{"propertyNames": {"maxLength": 3}}"#, "port: 80\n",
             "- at '': invalid propertyName 'port'\n  - at '': maxLength: got 4, want 3\n"),
            // An `anyOf` inside an `allOf` branch: each alternative is evaluated as its
            // own subschema, not as the `allOf` steps that lead to it.
            (r#"{"allOf": [{"anyOf": [{"properties": {"a": {"properties": {"x": {"minLength": 1}}}}}, {"properties": {"c": {"type": "string"}}}, {"allOf": [{"required": ["zz"]}, {"properties": {"c": {"maximum": 0}}}]}]}, {"properties": {"c": {"minimum": 5}}}]}"#,
             "a: {x: \"\"}\nc: 1\n",
             "- at '': 'allOf' failed\n  - at '': 'anyOf' failed\n    - at '/a/x': minLength: got 0, want 1\n    - at '/c': got number, want string\n    - at '': 'allOf' failed\n      - at '': missing property 'zz'\n      - at '/c': maximum: got 1, want 0\n  - at '/c': minimum: got 1, want 5\n"),
            (r#"{"properties": {"s": {"oneOf": [{"allOf": [{"properties": {"a": {"type": "string"}}}]}, {"required": ["b"]}]}}}"#,
             "s: {a: 1}\n",
             "- at '/s': 'oneOf' failed, none matched\n  - at '/s': 'allOf' failed\n    - at '/s/a': got number, want string\n  - at '/s': missing property 'b'\n"),
            // Several errors of a `$ref`'s target, or its one group, are a reference at
            // the `$ref`'s location, which the root does not unwrap as it does a group.
            (r##"{"definitions": {"d": {"type": "array", "items": {"type": "null"}}}, "properties": {"a": {"$ref": "#/definitions/d"}}}"##,
             "a: [0, x]\n",
             "- at '/a': validation failed\n  - at '/a/0': got number, want null\n  - at '/a/1': got string, want null\n"),
            (r##"{"definitions": {"d": {"properties": {"x": {"items": {"type": "null"}}}}}, "properties": {"a": {"$ref": "#/definitions/d"}}}"##,
             "a: {x: [0, s]}\n",
             "- at '/a': validation failed\n  - at '/a/x/0': got number, want null\n  - at '/a/x/1': got string, want null\n"),
            (r##"{"$defs": {"d": {"type": "object", "minProperties": 5, "required": ["q"]}}, "$ref": "#/$defs/d"}"##,
             "a: 1\n",
             "- at '': validation failed\n  - at '': minProperties: got 1, want 5\n  - at '': missing property 'q'\n"),
            // The crate names a definition's errors by its own location; santhosh by the
            // path through the `$ref`, here inside `allOf`.
            (r##"{"properties": {"a": {"allOf": [{"$ref": "#/definitions/d"}, {"required": ["q"]}]}}, "definitions": {"d": {"type": "object", "properties": {"x": {"type": "string"}}}}}"##,
             "a: {x: 1}\n",
             "- at '/a': 'allOf' failed\n  - at '/a/x': got number, want string\n  - at '/a': missing property 'q'\n"),
            (r##"{"allOf": [{"$ref": "#/$defs/d"}], "$defs": {"d": {"properties": {"x": {"type": "null"}}}}}"##,
             "x: 1\n",
             "- at '': 'allOf' failed\n  - at '/x': got number, want null\n"),
            // The branches of an `anyOf`/`oneOf` in a `$ref`d definition, with their own
            // `$ref`s.
            (r##"{"definitions": {"d": {"oneOf": [{"type": "object"}, {"$ref": "#/definitions/e"}]}, "e": {"anyOf": [{"type": "string"}, {"minimum": 3}]}}, "properties": {"a": {"$ref": "#/definitions/d"}}}"##,
             "a: 1\n",
             "- at '/a': 'oneOf' failed, none matched\n  - at '/a': got number, want object\n  - at '/a': 'anyOf' failed\n    - at '/a': got number, want string\n    - at '/a': minimum: got 1, want 3\n"),
            // Two subschemas matched: no causes, the third's failure included.
            (r#"{"oneOf": [{"type": "object"}, {"type": "object", "additionalProperties": true}, {"const": 1}]}"#,
             "a: [1]\n",
             "- at '': 'oneOf' failed, subschemas 0, 1 matched\n"),
        ];
        for (schema, values, want) in cases {
            assert_eq!(report(schema, values), want, "{schema}");
        }
    }

    // helm v4.1.4's majority over 20 runs of each (Go's map order makes them vary): keyword
    // maps in the schema's document order, properties in sorted order.
    #[test]
    fn sibling_order_follows_helm4s_majority() {
        let cases = [
            // One property, two patterns: the patterns in document order (18/20).
            (r#"{"patternProperties": {"z$": {"minimum": 10}, "^a": {"maximum": 0}}}"#, "az: 1\n",
             "- at '/az': minimum: got 1, want 10\n- at '/az': maximum: got 1, want 0\n"),
            // `dependentRequired` and `dependencies` keys in document order (15/20, 17/20).
            (r#"{"dependentRequired": {"zeta": ["q"], "alpha": ["r"]}}"#, "zeta: 1\nalpha: 1\n",
             "- at '': properties 'q' required, if 'zeta' exists\n- at '': properties 'r' required, if 'alpha' exists\n"),
            (r#"{"$schema": "http://json-schema.org/draft-07/schema#", "dependencies": {"zeta": ["q"], "alpha": ["r"], "mid": ["s"], "beta": ["t"]}}"#,
             "zeta: 1\nalpha: 1\nmid: 1\nbeta: 1\n",
             "- at '': properties 'q' required, if 'zeta' exists\n- at '': properties 'r' required, if 'alpha' exists\n- at '': properties 's' required, if 'mid' exists\n- at '': properties 't' required, if 'beta' exists\n"),
            // Properties: santhosh visits the instance's, a rotation of the sorted names;
            // the sorted order itself most often (13/20), not the schema's.
            (r#"{"properties": {"zeta": {"type": "string"}, "alpha": {"type": "string"}}}"#, "zeta: 1\nalpha: 2\n",
             "- at '/alpha': got number, want string\n- at '/zeta': got number, want string\n"),
            // Two properties failing through one shared definition: both (sorted, 14/20).
            (r##"{"properties": {"zeta": {"$ref": "#/$defs/s"}, "alpha": {"$ref": "#/$defs/s"}}, "$defs": {"s": {"type": "string"}}}"##,
             "zeta: 1\nalpha: 2\n",
             "- at '/alpha': got number, want string\n- at '/zeta': got number, want string\n"),
            // Additional properties sorted (12/20); missing ones in `required`'s order (20/20).
            (r#"{"properties": {"a": {}}, "additionalProperties": false}"#, "a: 1\nzz: 1\nbb: 1\nmm: 1\n",
             "- at '': additional properties 'bb', 'mm', 'zz' not allowed\n"),
            (r#"{"required": ["zeta", "alpha", "mid"]}"#, "other: 1\n",
             "- at '': missing properties 'zeta', 'alpha', 'mid'\n"),
        ];
        for (schema, values, want) in cases {
            assert_eq!(report(schema, values), want, "{schema}");
        }
    }

    #[test]
    fn x_text_number_layout() {
        assert_eq!(group_int(10000), "10,000");
        assert_eq!(group_int(999), "999");
        assert_eq!(go_text_float(12345678.0), "1.2345678×10⁰⁷");
        assert_eq!(go_text_float(1e6), "1×10⁰⁶");
        assert_eq!(go_text_float(0.5), "0.5");
        assert_eq!(go_text_float(123456.5), "123,456.5");
        // helm4: `got -1×10⁻⁰⁶, want 1×10⁻⁰⁵`, `want -123,456.5`.
        assert_eq!(go_text_float(-1e-6), "-1×10⁻⁰⁶");
        assert_eq!(go_text_float(1e-5), "1×10⁻⁰⁵");
        assert_eq!(go_text_float(-123456.5), "-123,456.5");
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("it's"), "'it\\'s'");
        assert_eq!(quote("a\"b"), "'a\"b'");
    }
}
