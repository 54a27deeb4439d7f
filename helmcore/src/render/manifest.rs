//! Rendered files into manifests and hooks, as Helm's `releaseutil.SortManifests` does:
//! each file split into YAML documents, each document's head (`apiVersion`, `kind`,
//! `metadata.name`, `metadata.annotations`) decoded the way Helm decodes it into its
//! `SimpleHead` struct, `helm.sh/hook` documents set aside as hooks, everything sorted
//! into Helm's install order by kind.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::value::{Map, Value};
use crate::yaml::{json_kind, YamlError};

use super::hooks::{Hook, HookEvent};
use super::precheck::Prechecked;
use super::Compat;

/// One rendered Kubernetes object (a YAML document of a template's output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The template it came from, e.g. `mychart/templates/deployment.yaml`.
    pub path: String,
    /// The document, trimmed.
    pub content: String,
    pub head: Head,
}

/// What Helm reads of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    /// `metadata.namespace` (not read by Helm; given for convenience).
    pub namespace: String,
    /// `metadata.annotations`, sorted by key; `None` when absent or null.
    pub annotations: Option<BTreeMap<String, String>>,
}

/// A document that is not valid YAML, or whose head does not fit Helm's `SimpleHead`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("YAML parse error on {path}: {error}")]
pub struct ManifestError {
    pub path: String,
    pub error: YamlError,
}

/// Helm's `InstallOrder`. helm4 added the two webhook configuration kinds at the end;
/// kinds not listed come after all listed ones, alphabetically.
const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// helm3's order lacks the webhook kinds.
const HELM3_ORDER_LEN: usize = INSTALL_ORDER.len() - 2;

/// A kind's place in the install order; `None` for kinds Helm does not know.
pub fn install_rank(kind: &str, compat: Compat) -> Option<usize> {
    let order = match compat {
        Compat::V4 => INSTALL_ORDER,
        Compat::V3 => &INSTALL_ORDER[..HELM3_ORDER_LEN],
    };
    order.iter().position(|k| *k == kind)
}

/// Helm's `lessByKind`: known kinds in install order, unknown ones after them sorted by
/// name; the sort is stable, so equal kinds keep their order.
fn sort_by_kind<T>(items: &mut [T], kind: impl Fn(&T) -> &str, compat: Compat) {
    items.sort_by(|a, b| {
        let (ka, kb) = (kind(a), kind(b));
        match (install_rank(ka, compat), install_rank(kb, compat)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => ka.cmp(kb),
        }
    });
}

/// What [`sort_manifests`] found.
#[derive(Debug, Clone, Default)]
pub struct Sorted {
    /// Hook documents, sorted by kind.
    pub hooks: Vec<Hook>,
    /// Every other document, sorted by kind.
    pub manifests: Vec<Manifest>,
    /// `helm.sh/hook` values naming no known event: Helm drops those documents.
    pub unknown_hooks: Vec<String>,
}

/// A failed sort, with the hooks found before the failing document (helm's `--debug`
/// prints them) and the unknown hooks skipped before it (helm has logged those).
#[derive(Debug, Clone)]
pub struct SortError {
    pub error: ManifestError,
    pub hooks: Vec<Hook>,
    pub unknown_hooks: Vec<String>,
}

/// Helm's `SortManifests(files, _, InstallOrder)`: files by path (partials and
/// whitespace-only files skipped), each split into documents in order.
///
/// `invalid_utf8` holds the bytes of the outputs that are not valid UTF-8 (their text in
/// `files` is lossy): the first such document fails as go-yaml fails on it.
pub fn sort_manifests(
    files: &BTreeMap<String, String>,
    invalid_utf8: &BTreeMap<String, Arc<[u8]>>,
    compat: Compat,
) -> Result<Sorted, SortError> {
    sort_prechecked(files, invalid_utf8, compat, &Prechecked::new(compat))
}

/// [`sort_manifests`], taking the heads of the outputs `prechecked` already decoded.
pub(crate) fn sort_prechecked(
    files: &BTreeMap<String, String>,
    invalid_utf8: &BTreeMap<String, Arc<[u8]>>,
    compat: Compat,
    prechecked: &Prechecked,
) -> Result<Sorted, SortError> {
    let mut docs: Vec<(&String, String)> = Vec::new();
    // Heads decoded while the templates executed, by index in `docs`.
    let mut known: Vec<Option<Result<Head, YamlError>>> = Vec::new();
    // Documents (by index in `docs`) whose bytes are not UTF-8, with go-yaml's error.
    let mut forced = Vec::new();
    for (path, content) in files {
        if is_partial(path) || content.trim().is_empty() {
            continue;
        }
        // Which document (counted as the text is split) holds invalid UTF-8, and
        // go-yaml's error on it.
        let bad = invalid_utf8.get(path).and_then(|raw| {
            crate::yaml::split_manifest_bytes(raw)
                .into_iter()
                .enumerate()
                .find(|(_, d)| std::str::from_utf8(d).is_err())
                .and_then(|(i, d)| crate::yaml::from_slice(d).err().map(|e| (i, e)))
        });
        let split = crate::yaml::split_manifests(content);
        let mut checked = prechecked
            .take(path)
            .filter(|h| h.len() == split.len())
            .map(Vec::into_iter);
        for (i, doc) in split.into_iter().enumerate() {
            if let Some((_, e)) = bad.as_ref().filter(|(at, _)| *at == i) {
                forced.push((docs.len(), e.clone()));
            }
            docs.push((path, doc.to_owned()));
            known.push(checked.as_mut().and_then(Iterator::next));
        }
    }
    let heads = decode_missing(&docs, known, compat);
    let mut out = Sorted::default();
    for (k, ((path, doc), head)) in docs.into_iter().zip(heads).enumerate() {
        let head = match forced.iter().find(|(at, _)| *at == k) {
            Some((_, e)) => Err(e.clone()),
            None => head,
        };
        let head = match head {
            Ok(h) => h,
            Err(error) => {
                return Err(SortError {
                    error: ManifestError {
                        path: path.clone(),
                        error,
                    },
                    hooks: out.hooks,
                    unknown_hooks: out.unknown_hooks,
                })
            }
        };
        let hook_value = head
            .annotations
            .as_ref()
            .and_then(|a| a.get(super::hooks::HOOK_ANNOTATION).cloned());
        match hook_value {
            Some(value) => match Hook::from_document(path, doc, head, &value) {
                Some(h) => out.hooks.push(h),
                None => out.unknown_hooks.push(value),
            },
            None => out.manifests.push(Manifest {
                path: path.clone(),
                content: doc,
                head,
            }),
        }
    }
    sort_by_kind(&mut out.hooks, |h| &h.kind, compat);
    sort_by_kind(&mut out.manifests, |m| &m.head.kind, compat);
    Ok(out)
}

/// Below this much rendered YAML, a second thread costs more than it saves.
const PARALLEL_CHECK_BYTES: usize = 128 * 1024;

/// Every document's head, in order. Checking a document (a full YAML parse) is the
/// costliest step after rendering and documents are independent, so a big output is
/// split in two halves by size, the second decoded on another thread.
fn decode_heads(docs: &[&str], compat: Compat) -> Vec<Result<Head, YamlError>> {
    let decode_all = |part: &[&str]| -> Vec<Result<Head, YamlError>> {
        part.iter().map(|d| decode_head(d, compat)).collect()
    };
    let total: usize = docs.iter().map(|d| d.len()).sum();
    let parallel = total >= PARALLEL_CHECK_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !parallel {
        return decode_all(docs);
    }
    let mut acc = 0;
    let split = docs
        .iter()
        .position(|d| {
            acc += d.len();
            acc * 2 >= total
        })
        .map_or(docs.len(), |i| i + 1);
    let (first, second) = docs.split_at(split);
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .spawn_scoped(scope, || decode_all(second))
            .ok();
        let mut heads = decode_all(first);
        match other.map(|h| h.join()) {
            Some(Ok(rest)) => heads.extend(rest),
            // No thread, or (on no input) a panic in it: decode the half here.
            _ => heads.extend(decode_all(second)),
        }
        heads
    })
}

/// Every document's head: those `known` already, the others decoded now.
fn decode_missing(
    docs: &[(&String, String)],
    known: Vec<Option<Result<Head, YamlError>>>,
    compat: Compat,
) -> Vec<Result<Head, YamlError>> {
    let missing: Vec<&str> = docs
        .iter()
        .zip(&known)
        .filter(|(_, k)| k.is_none())
        .map(|((_, d), _)| d.as_str())
        .collect();
    let mut decoded = decode_heads(&missing, compat).into_iter();
    known
        .into_iter()
        .zip(docs)
        .map(|(k, (_, doc))| {
            k.or_else(|| decoded.next())
                .unwrap_or_else(|| decode_head(doc, compat))
        })
        .collect()
}

/// Whether a template path names a partial (`_helpers.tpl`).
pub fn is_partial(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|b| b.starts_with('_'))
}

/// `sigs.k8s.io/yaml.Unmarshal(doc, &SimpleHead{})`: the YAML must convert to JSON, then
/// the JSON must fit the struct. String fields accept any scalar (the YAML-to-JSON step
/// turns it into a string, knowing the target type); keys match case-insensitively;
/// object keys are visited in sorted order and the first mismatch is the error.
pub fn decode_head(doc: &str, compat: Compat) -> Result<Head, YamlError> {
    let v = crate::yaml::from_str(doc)?;
    let mut head = Head::default();
    let top = match v {
        Value::Nil => return Ok(head),
        Value::Map(m) => m,
        other => {
            let ty = match compat {
                Compat::V4 => "util.SimpleHead",
                Compat::V3 => "releaseutil.SimpleHead",
            };
            return Err(mismatch(format!(
                "json: cannot unmarshal {} into Go value of type {ty}",
                json_kind(&other)
            )));
        }
    };
    let mut first_err: Option<YamlError> = None;
    let mut note = |e: YamlError| {
        if first_err.is_none() {
            first_err = Some(e);
        }
    };
    for (key, val) in top.entries() {
        match field(&key, &["apiVersion", "kind", "metadata"]) {
            Some("apiVersion") => match string_of(&val, "SimpleHead.apiVersion") {
                Ok(Some(s)) => head.api_version = s,
                Ok(None) => {}
                Err(e) => note(e),
            },
            Some("kind") => match string_of(&val, "SimpleHead.kind") {
                Ok(Some(s)) => head.kind = s,
                Ok(None) => {}
                Err(e) => note(e),
            },
            Some(_) => match &val {
                Value::Nil => {}
                Value::Map(m) => decode_metadata(m, &mut head, &mut note),
                other => note(mismatch(format!(
                    "json: cannot unmarshal {} into Go struct field SimpleHead.metadata of type {METADATA_TYPE}",
                    json_kind(other)
                ))),
            },
            None => {}
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(head),
    }
}

const METADATA_TYPE: &str = r#"struct { Name string "json:\"name\""; Annotations map[string]string "json:\"annotations\"" }"#;

fn decode_metadata(m: &Map, head: &mut Head, note: &mut impl FnMut(YamlError)) {
    for (key, val) in m.entries() {
        match field(&key, &["name", "annotations", "namespace"]) {
            Some("name") => match string_of(&val, ".metadata.name") {
                Ok(Some(s)) => head.name = s,
                Ok(None) => {}
                Err(e) => note(e),
            },
            // Not in Helm's struct: read leniently.
            Some("namespace") => {
                if let Some(s) = crate::yaml::string_field(&val) {
                    head.namespace = s;
                }
            }
            Some(_) => match &val {
                Value::Nil => head.annotations = None,
                Value::Map(a) => {
                    let mut out = head.annotations.take().unwrap_or_default();
                    for (k, v) in a.entries() {
                        match string_of(&v, ".metadata.annotations") {
                            Ok(s) => {
                                out.insert(k.to_string(), s.unwrap_or_default());
                            }
                            Err(e) => note(e),
                        }
                    }
                    head.annotations = Some(out);
                }
                other => note(mismatch(format!(
                    "json: cannot unmarshal {} into Go struct field .metadata.annotations of type map[string]string",
                    json_kind(other)
                ))),
            },
            None => {}
        }
    }
}

/// encoding/json's field matching: the exact name, else a case-insensitive match.
fn field<'f>(key: &str, fields: &[&'f str]) -> Option<&'f str> {
    fields
        .iter()
        .find(|f| **f == key)
        .or_else(|| fields.iter().find(|f| f.eq_ignore_ascii_case(key)))
        .copied()
}

/// A string field's value: scalars as sigs.k8s.io/yaml turns them into strings, null
/// leaves the field alone, collections do not fit.
fn string_of(v: &Value, field: &str) -> Result<Option<String>, YamlError> {
    match v {
        Value::Nil => Ok(None),
        Value::List(_) | Value::Map(_) | Value::Object(_) => Err(mismatch(format!(
            "json: cannot unmarshal {} into Go struct field {field} of type string",
            json_kind(v)
        ))),
        scalar => Ok(crate::yaml::string_field(scalar)),
    }
}

fn mismatch(msg: String) -> YamlError {
    YamlError::Unmarshal(msg)
}

/// Hooks and manifests of the events Helm runs as tests.
pub fn is_test_hook(h: &Hook) -> bool {
    h.events.contains(&HookEvent::Test)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(doc: &str) -> String {
        format!(
            "YAML parse error on p2/templates/a.yaml: {}",
            decode_head(doc, Compat::V4).unwrap_err()
        )
    }

    // Every expectation is helm4's `Error:` line for a template holding the document.
    #[test]
    fn head_errors_as_helm_words_them() {
        let p = "YAML parse error on p2/templates/a.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ";
        assert_eq!(
            err("kind: [a]"),
            format!("{p}array into Go struct field SimpleHead.kind of type string")
        );
        assert_eq!(
            err("KIND: [a]"),
            format!("{p}array into Go struct field SimpleHead.kind of type string")
        );
        assert_eq!(
            err("kind: [a]\napiVersion: [b]"),
            format!("{p}array into Go struct field SimpleHead.apiVersion of type string")
        );
        assert_eq!(
            err("apiVersion: {a: 1}"),
            format!("{p}object into Go struct field SimpleHead.apiVersion of type string")
        );
        assert_eq!(
            err("metadata: x"),
            format!("{p}string into Go struct field SimpleHead.metadata of type struct {{ Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }}")
        );
        assert_eq!(
            err("metadata: {annotations: x}"),
            format!(
                "{p}string into Go struct field .metadata.annotations of type map[string]string"
            )
        );
        assert_eq!(
            err("metadata: {annotations: []}"),
            format!(
                "{p}array into Go struct field .metadata.annotations of type map[string]string"
            )
        );
        assert_eq!(
            err("metadata: {annotations: {a: [1]}}"),
            format!("{p}array into Go struct field .metadata.annotations of type string")
        );
        assert_eq!(
            err("metadata: {annotations: {b: [1], a: {x: 1}}}"),
            format!("{p}object into Go struct field .metadata.annotations of type string")
        );
        assert_eq!(
            err("Metadata: {Name: [a]}"),
            format!("{p}array into Go struct field .metadata.name of type string")
        );
        assert_eq!(
            err("- a"),
            format!("{p}array into Go value of type util.SimpleHead")
        );
        assert_eq!(
            err("3"),
            format!("{p}number into Go value of type util.SimpleHead")
        );
        assert_eq!(
            decode_head("- a", Compat::V3).unwrap_err().to_string(),
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type releaseutil.SimpleHead"
        );
        assert_eq!(
            err("x: .nan"),
            "YAML parse error on p2/templates/a.yaml: error converting YAML to JSON: json: unsupported value: NaN"
        );
    }

    #[test]
    fn heads_accept_scalars_for_strings() {
        let h = decode_head(
            "apiVersion: 1\nkind: 3\nmetadata: {name: 4, annotations: {a: 1e3, b: null}}",
            Compat::V4,
        )
        .unwrap();
        assert_eq!(
            (h.api_version.as_str(), h.kind.as_str(), h.name.as_str()),
            ("1", "3", "4")
        );
        let a = h.annotations.unwrap();
        assert_eq!(a.get("a").map(String::as_str), Some("1000"));
        assert_eq!(a.get("b").map(String::as_str), Some(""));
        // `Kind` sorts before `kind`; the later one wins.
        assert_eq!(
            decode_head("kind: Service\nKind: Deployment", Compat::V4)
                .unwrap()
                .kind,
            "Service"
        );
        assert_eq!(
            decode_head("# only a comment", Compat::V4).unwrap(),
            Head::default()
        );
    }

    // A big output is checked on two threads; the first bad document in file order must
    // still be the one reported, with the hooks found before it.
    #[test]
    fn big_outputs_report_the_first_bad_document() {
        let doc = format!(
            "kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"{}\"\n",
            "y".repeat(4000)
        );
        let mut files = BTreeMap::new();
        for i in 0..60 {
            files.insert(format!("c/templates/t{i:02}.yaml"), doc.clone());
        }
        files.insert(
            "c/templates/t00a.yaml".to_string(),
            "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install\n".to_string(),
        );
        files.insert("c/templates/t40.yaml".to_string(), "kind: [a]".to_string());
        files.insert(
            "c/templates/t50.yaml".to_string(),
            "metadata: x".to_string(),
        );
        let total: usize = files.values().map(String::len).sum();
        assert!(total > PARALLEL_CHECK_BYTES);
        let e = sort_manifests(&files, &BTreeMap::new(), Compat::V4).unwrap_err();
        assert_eq!(e.error.path, "c/templates/t40.yaml");
        assert_eq!(
            e.error.error,
            decode_head("kind: [a]", Compat::V4).unwrap_err()
        );
        assert_eq!(e.hooks.len(), 1);
        files.remove("c/templates/t40.yaml");
        files.remove("c/templates/t50.yaml");
        let ok = sort_manifests(&files, &BTreeMap::new(), Compat::V4).unwrap();
        // t40 and t50 were replaced by the bad documents, then removed.
        assert_eq!((ok.manifests.len(), ok.hooks.len()), (58, 1));
        assert_eq!(ok.manifests[0].path, "c/templates/t00.yaml");
        assert_eq!(ok.manifests[57].path, "c/templates/t59.yaml");
    }

    #[test]
    fn kinds_sort_in_install_order() {
        let mut kinds = vec![
            "Zed",
            "Deployment",
            "ValidatingWebhookConfiguration",
            "Alpha",
            "Service",
            "Namespace",
            "",
        ];
        sort_by_kind(&mut kinds, |k| k, Compat::V4);
        assert_eq!(
            kinds,
            [
                "Namespace",
                "Service",
                "Deployment",
                "ValidatingWebhookConfiguration",
                "",
                "Alpha",
                "Zed"
            ]
        );
        let mut kinds = vec!["ValidatingWebhookConfiguration", "Alpha", "Service"];
        sort_by_kind(&mut kinds, |k| k, Compat::V3);
        assert_eq!(
            kinds,
            ["Service", "Alpha", "ValidatingWebhookConfiguration"]
        );
    }
}
