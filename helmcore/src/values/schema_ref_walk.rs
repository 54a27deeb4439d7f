//! The `$ref`s Helm's validator loads, in the order it loads them.
//!
//! santhosh-tekuri/jsonschema (Helm 4) compiles a schema breadth first from its root:
//! each subschema taken from a queue enqueues its own subschemas keyword by keyword, and
//! a `$ref` to another document loads that document on the spot. So Helm loads only the
//! documents some evaluation path reaches (a broken `$ref` in unused `definitions` is
//! never loaded, nor one beside a `$ref` before draft 2019-09, whose siblings are
//! ignored), and when several fail it reports the first met in that order. The
//! `jsonschema` crate resolves every reference it finds, in an order of its own; this walk
//! gives Helm's answer first. Keyword maps are walked in the schema's document order when
//! `order` is given (Go's small maps iterate mostly in insertion order: helm4 names the
//! first failing `$ref` of two sibling properties in document order 18 runs in 20), in
//! key order otherwise.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::Value as Json;

use super::schema_order::DocOrder;
use super::schema_refs::{percent_decode, FetchError, Retriever};

/// The draft of a schema without `$schema`: santhosh's default, the latest.
const DEFAULT_DRAFT: u32 = 2020;

/// A `$ref` whose document did not load.
pub(super) struct LoadFailure {
    /// The document's URL, without the fragment.
    pub uri: String,
    /// The fragment the `$ref` asked for, without `#`.
    pub fragment: String,
    /// Why it did not load.
    pub why: FetchError,
    /// Whether the `$ref` was relative and resolved against a `file:` base (the schema's
    /// own), which helm3's gojsonschema refuses before loading anything.
    pub relative_to_file: bool,
}

impl LoadFailure {
    /// Helm's report: helm4's `failing loading "URL": why`; helm3's gojsonschema gives
    /// the bare cause, or `Reference PATH must be canonical` for a relative `$ref`.
    pub(super) fn message(&self, compat: crate::render::Compat) -> String {
        match compat {
            crate::render::Compat::V4 => format!("failing loading {:?}: {}", self.uri, self.why),
            crate::render::Compat::V3 if self.relative_to_file => {
                let path = self.uri.strip_prefix("file://").unwrap_or(&self.uri);
                match self.fragment.as_str() {
                    "" => format!("Reference {path} must be canonical"),
                    f => format!("Reference {path}#{f} must be canonical"),
                }
            }
            crate::render::Compat::V3 => self.why.text_for(compat),
        }
    }
}

/// Whether a `$ref` names no scheme (`defs.json`, `/x.json`, `#/a`).
fn is_relative(reference: &str) -> bool {
    let end = reference.find(['/', '?', '#']).unwrap_or(reference.len());
    !reference[..end].contains(':')
}

/// The first `$ref` Helm fails to load, walking from `schema` at `base`; `None` when
/// every reachable one loads. `order` is the document order of `schema`'s keys, if known.
pub(super) fn first_load_failure(
    schema: &Json,
    base: &str,
    retriever: &Retriever,
    order: Option<&DocOrder>,
) -> Option<LoadFailure> {
    // Only a reference can fail to load. Most schemas hold none, and this runs on every
    // render: one scan instead of a copy of the schema and the walk.
    if !has_reference(schema) {
        return None;
    }
    // Shared, so a document stays readable while the walk loads others.
    let mut docs: HashMap<String, Rc<Doc>> = HashMap::new();
    docs.insert(base.to_string(), Rc::new(Doc::new(schema.clone(), base)));
    let mut queue: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut push = |queue: &mut Vec<(String, String)>, url: &str, ptr: String| {
        if seen.insert((url.to_string(), ptr.clone())) {
            queue.push((url.to_string(), ptr));
        }
    };
    push(&mut queue, base, String::new());
    let mut next = 0;
    while next < queue.len() {
        let (url, ptr) = queue[next].clone();
        next += 1;
        let Some(doc) = docs.get(&url).cloned() else {
            continue;
        };
        let Some(node) = doc.value.pointer(&ptr) else {
            continue;
        };
        let at = context_at(&doc.value, &url, &ptr);
        // Compiling a subschema enqueues the resource holding it first.
        push(&mut queue, &url, at.resource.clone());
        let Some(obj) = node.as_object() else {
            continue;
        };
        let mut refs = vec!["$ref"];
        if at.draft >= 2019 {
            refs.push("$recursiveRef");
        }
        if at.draft >= 2020 {
            refs.push("$dynamicRef");
        }
        for key in refs {
            let Some(r) = obj.get(key).and_then(Json::as_str) else {
                continue;
            };
            let Some((target, frag)) = resolve(&at.base, r) else {
                continue;
            };
            // A resource of this document (`url` itself or an embedded `$id`), else
            // another document, loaded now.
            let (doc_url, res_ptr) = match doc.ids.get(&target) {
                Some(p) => (url.clone(), p.clone()),
                None if target == url => (url.clone(), String::new()),
                None => {
                    if !docs.contains_key(&target) {
                        match retriever.fetch(&target) {
                            Ok(v) => {
                                docs.insert(target.clone(), Rc::new(Doc::new(v, &target)));
                            }
                            Err(why) => {
                                return Some(LoadFailure {
                                    relative_to_file: is_relative(r) && target.starts_with("file:"),
                                    uri: target,
                                    fragment: frag,
                                    why,
                                })
                            }
                        }
                    }
                    (target, String::new())
                }
            };
            // Anchors (`#name`) are left to the validator.
            if frag.is_empty() || frag.starts_with('/') {
                push(&mut queue, &doc_url, res_ptr + &percent_decode(&frag));
            }
        }
        if at.draft < 2019 && obj.contains_key("$ref") {
            continue; // siblings of `$ref` are ignored before 2019-09
        }
        // Only the schema itself has its document order at hand.
        let order = order.filter(|_| url == base);
        for child in subschemas(obj, at.draft, order.map(|o| (o, ptr.as_str()))) {
            push(&mut queue, &url, format!("{ptr}{child}"));
        }
    }
    None
}

/// Whether any object in `v` has a `$ref`, `$recursiveRef` or `$dynamicRef` key.
fn has_reference(v: &Json) -> bool {
    match v {
        Json::Object(m) => m.iter().any(|(k, x)| {
            matches!(k.as_str(), "$ref" | "$recursiveRef" | "$dynamicRef") || has_reference(x)
        }),
        Json::Array(a) => a.iter().any(has_reference),
        _ => false,
    }
}

/// A loaded document and the resources it holds: absolute `$id` to pointer.
struct Doc {
    value: Json,
    ids: HashMap<String, String>,
}

impl Doc {
    fn new(value: Json, url: &str) -> Self {
        let mut ids = HashMap::new();
        // Draft 4 names resources by `id`, the later drafts by `$id`.
        let draft = value
            .get("$schema")
            .and_then(Json::as_str)
            .and_then(draft_of);
        let key = if draft == Some(4) { "id" } else { "$id" };
        collect_ids(&value, url, "", key, &mut ids);
        Doc { value, ids }
    }
}

fn collect_ids(v: &Json, base: &str, ptr: &str, key: &str, out: &mut HashMap<String, String>) {
    let esc = |k: &str| k.replace('~', "~0").replace('/', "~1");
    match v {
        Json::Object(m) => {
            let mut base = base.to_string();
            if let Some(id) = m.get(key).and_then(Json::as_str) {
                if let Some((u, _)) = resolve(&base, id) {
                    out.entry(u.clone()).or_insert_with(|| ptr.to_string());
                    base = u;
                }
            }
            for (k, x) in m {
                collect_ids(x, &base, &format!("{ptr}/{}", esc(k)), key, out);
            }
        }
        Json::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                collect_ids(x, base, &format!("{ptr}/{i}"), key, out);
            }
        }
        _ => {}
    }
}

/// Where a subschema stands: the base URI of its resource, that resource's pointer, and
/// its draft.
struct Context {
    base: String,
    resource: String,
    draft: u32,
}

fn context_at(doc: &Json, url: &str, ptr: &str) -> Context {
    let mut at = Context {
        base: url.to_string(),
        resource: String::new(),
        draft: DEFAULT_DRAFT,
    };
    let mut node = Some(doc);
    let mut walked = String::new();
    let mut tokens = ptr.split('/').skip(1);
    while let Some(Json::Object(m)) = node {
        if let Some(d) = m.get("$schema").and_then(Json::as_str).and_then(draft_of) {
            at.draft = d;
        }
        let id = if at.draft == 4 { "id" } else { "$id" };
        if let Some(id) = m.get(id).and_then(Json::as_str) {
            if let Some((u, _)) = resolve(&at.base, id) {
                at.base = u;
                at.resource = walked.clone();
            }
        }
        let Some(t) = tokens.next() else { break };
        walked.push('/');
        walked.push_str(t);
        let key = t.replace("~1", "/").replace("~0", "~");
        node = match m.get(&key) {
            Some(Json::Array(a)) => match tokens.next() {
                Some(i) => {
                    walked.push('/');
                    walked.push_str(i);
                    i.parse::<usize>().ok().and_then(|i| a.get(i))
                }
                None => None,
            },
            other => other,
        };
    }
    at
}

fn draft_of(uri: &str) -> Option<u32> {
    [
        ("draft-04", 4),
        ("draft-06", 6),
        ("draft-07", 7),
        ("2019-09", 2019),
        ("2020-12", 2020),
    ]
    .iter()
    .find(|(k, _)| uri.contains(k))
    .map(|&(_, d)| d)
}

/// The pointer suffixes of a subschema's own subschemas, in the order santhosh enqueues
/// them (its `compileDraft4` ... `compileDraft2020`). Map keywords are in the document
/// order of `order` (the document's index and `obj`'s pointer in it), else in key order;
/// Go's is a random rotation of the document's, most often the document's itself.
fn subschemas(
    obj: &serde_json::Map<String, Json>,
    draft: u32,
    order: Option<(&DocOrder, &str)>,
) -> Vec<String> {
    let mut out = Vec::new();
    let esc = |k: &str| k.replace('~', "~0").replace('/', "~1");
    let prop = |out: &mut Vec<String>, k: &str| {
        if obj.contains_key(k) {
            out.push(format!("/{k}"));
        }
    };
    let arr = |out: &mut Vec<String>, k: &str| {
        if let Some(Json::Array(a)) = obj.get(k) {
            out.extend((0..a.len()).map(|i| format!("/{k}/{i}")));
        }
    };
    let map = |out: &mut Vec<String>, k: &str, schemas_only: bool| {
        if let Some(Json::Object(m)) = obj.get(k) {
            let written = order.and_then(|(o, ptr)| o.keys_at(&format!("{ptr}/{}", esc(k))));
            let names: Vec<&str> = match written {
                Some(names) if names.len() == m.len() => names,
                _ => m.keys().map(String::as_str).collect(),
            };
            for name in names {
                if !(schemas_only && m.get(name).is_some_and(Json::is_array)) {
                    out.push(format!("/{k}/{}", esc(name)));
                }
            }
        }
    };
    let additional = |out: &mut Vec<String>, k: &str| {
        if obj.get(k).is_some_and(|v| !v.is_boolean()) {
            prop(out, k);
        }
    };
    arr(&mut out, "allOf");
    arr(&mut out, "anyOf");
    arr(&mut out, "oneOf");
    prop(&mut out, "not");
    if draft < 2020 {
        match obj.get("items") {
            Some(Json::Array(_)) => {
                arr(&mut out, "items");
                additional(&mut out, "additionalItems");
            }
            Some(_) => prop(&mut out, "items"),
            None => {}
        }
    }
    map(&mut out, "properties", false);
    map(&mut out, "patternProperties", false);
    additional(&mut out, "additionalProperties");
    if draft < 2019 {
        map(&mut out, "dependencies", true);
    }
    if draft >= 6 {
        prop(&mut out, "contains");
        prop(&mut out, "propertyNames");
    }
    if draft >= 7 {
        if let Some(cond) = obj.get("if") {
            out.push("/if".into());
            if cond.as_bool() != Some(false) {
                prop(&mut out, "then");
            }
            if cond.as_bool() != Some(true) {
                prop(&mut out, "else");
            }
        }
    }
    if draft >= 2019 {
        map(&mut out, "dependentSchemas", false);
        prop(&mut out, "unevaluatedItems");
        prop(&mut out, "unevaluatedProperties");
    }
    if draft >= 2020 {
        arr(&mut out, "prefixItems");
        prop(&mut out, "items");
    }
    out
}

/// `r` resolved against `base`: the absolute URL without its fragment, and the fragment.
fn resolve(base: &str, r: &str) -> Option<(String, String)> {
    let b = jsonschema::uri::from_str(base).ok()?;
    let u = jsonschema::uri::resolve_against(&b.borrow(), r).ok()?;
    let s = u.as_str();
    Some(match s.split_once('#') {
        Some((a, f)) => (a.to_string(), f.to_string()),
        None => (s.to_string(), String::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::has_reference;
    use crate::value::Map;
    use crate::values::schema::validate_single_with;

    fn check(schema: &str) -> Result<(), String> {
        validate_single_with(&Map::new(), schema.as_bytes(), None, &mut Vec::new())
    }

    fn missing(name: &str) -> Result<(), String> {
        Err(format!(
            "failing loading \"file:///nonexistent/{name}.json\": open /nonexistent/{name}.json: no such file or directory"
        ))
    }

    // Expectations: helm v4.1.4 on a chart with each schema (the same on every run).
    #[test]
    fn the_first_reference_met_breadth_first_is_reported() {
        let schema = r##"{
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {"ok": {"type": "object"}},
          "properties": {
            "a": {"properties": {"x": {"$ref": "file:///nonexistent/a.json"}}},
            "c": {"items": {"$ref": "file:///nonexistent/c.json"}},
            "d": {"$ref": "#/definitions/ok", "properties": {"z": {"$ref": "file:///nonexistent/z.json"}}},
            "b": {"$ref": "file:///nonexistent/b.json"}
          }
        }"##;
        for _ in 0..5 {
            assert_eq!(check(schema), missing("b"));
        }
        // Through the schema's own `$id`: `e` is reached at depth 2, `d` at depth 3.
        let schema = r##"{"$id": "https://example.com/root.json",
          "properties": {"p": {"$ref": "#/definitions/d"}, "q": {"$ref": "root.json#/definitions/e"}},
          "definitions": {"d": {"properties": {"x": {"$ref": "file:///nonexistent/d.json"}}},
                          "e": {"$ref": "file:///nonexistent/e.json"}}}"##;
        assert_eq!(check(schema), missing("e"));
    }

    // helm v4.1.4, 20 runs: the first in the schema's document order 18 times.
    #[test]
    fn sibling_references_are_loaded_in_document_order() {
        let schema = r#"{"properties": {"zeta": {"$ref": "file:///nonexistent/zeta.json"},
          "alpha": {"$ref": "file:///nonexistent/alpha.json"}}}"#;
        assert_eq!(check(schema), missing("zeta"));
    }

    #[test]
    fn references_no_evaluation_reaches_are_not_loaded() {
        // Unused definitions, siblings of a draft-07 `$ref`, `examples` and `default`.
        let schema = r##"{
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {"ok": {"type": "object"}, "deep": {"properties": {"q": {"$ref": "file:///nonexistent/deep.json"}}}},
          "properties": {
            "d": {"$ref": "#/definitions/ok", "properties": {"z": {"$ref": "file:///nonexistent/z.json"}}},
            "e": {"examples": [{"$ref": "file:///nonexistent/ex.json"}], "default": {"$ref": "file:///nonexistent/def.json"}}
          }
        }"##;
        assert_eq!(check(schema), Ok(()));
        // From draft 2019-09 on (the default), a `$ref`'s siblings are evaluated too.
        let schema = r##"{"properties": {"d": {"$ref": "#/$defs/ok",
          "properties": {"z": {"$ref": "file:///nonexistent/z.json"}}}}, "$defs": {"ok": {}}}"##;
        assert_eq!(check(schema), missing("z"));
    }

    #[test]
    fn a_loaded_document_is_walked_from_the_referenced_subschema() {
        let dir = std::env::temp_dir().join(format!("helmcore-walk-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("defs.json"),
            r#"{"definitions": {"used": {"$ref": "missing-used.json"}, "unused": {"$ref": "missing-unused.json"}}}"#,
        )
        .unwrap();
        let d = dir.display();
        let schema = format!(
            r#"{{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {{"p": {{"$ref": "file://{d}/defs.json#/definitions/used"}}, "q": {{"type": "object"}}}}}}"#
        );
        assert_eq!(
            check(&schema),
            Err(format!(
                "failing loading \"file://{d}/missing-used.json\": open {d}/missing-used.json: no such file or directory"
            ))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn references_are_found_at_any_depth() {
        let none = serde_json::json!({"properties": {"a": {"items": [{"type": "string"}]}}});
        assert!(!has_reference(&none));
        let deep = serde_json::json!({"properties": {"a": {"items": [{"$dynamicRef": "#x"}]}}});
        assert!(has_reference(&deep));
        assert!(has_reference(
            &serde_json::json!({"allOf": [{"$ref": "a.json"}]})
        ));
    }

    /// helm v3.17.1's gojsonschema refuses a relative `$ref` of a schema read from bytes
    /// before loading anything, and gives a file's error bare.
    #[test]
    fn helm3_words_load_failures_as_gojsonschema() {
        let v3 = |schema: &str| {
            crate::values::schema::validate_single_for(
                &Map::new(),
                schema.as_bytes(),
                None,
                &mut Vec::new(),
                crate::render::Compat::V3,
            )
        };
        assert_eq!(
            v3(r#"{"properties": {"a": {"$ref": "sub/x.json#/a"}}}"#),
            Err("Reference /sub/x.json#/a must be canonical".into())
        );
        assert_eq!(
            v3(r#"{"properties": {"a": {"$ref": "/abs.json"}}}"#),
            Err("Reference /abs.json must be canonical".into())
        );
        assert_eq!(
            v3(r#"{"properties": {"a": {"$ref": "file:///nonexistent/x.json"}}}"#),
            Err("open /nonexistent/x.json: no such file or directory".into())
        );
    }
}
