//! The head of a rendered Kubernetes object (apiVersion, kind, metadata name and
//! namespace), decoded as Helm decodes it: sigs.k8s.io/yaml into a small Go struct, so
//! scalars bound for its string fields become strings, keys match fields without regard
//! to case, and a value of the wrong shape fails with encoding/json's message.

use crate::json::object_members;
use crate::render::Compat;
use crate::value::{Map, Value};
use crate::yaml;
use crate::yaml::json_kind;

/// The Go struct each document is decoded into, as encoding/json names it in its
/// errors: helm3 exported it, helm4 does not.
fn struct_name(compat: Compat) -> &'static str {
    match compat {
        Compat::V4 => "k8sYamlStruct",
        Compat::V3 => "K8sYamlStruct",
    }
}

/// What lint reads from each rendered document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ObjectHead {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub namespace: String,
}

/// An error as Helm prints it after `unable to parse YAML: `, with go-yaml's line within
/// the document where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeFailure {
    pub text: String,
    pub line: Option<usize>,
}

impl DecodeFailure {
    fn json(text: String) -> DecodeFailure {
        DecodeFailure {
            text: format!("error unmarshaling JSON: while decoding JSON: {text}"),
            line: None,
        }
    }
}

/// Decodes one YAML document into the object head; `None` for an empty document.
pub(crate) fn decode(doc: &str, compat: Compat) -> Result<Option<ObjectHead>, DecodeFailure> {
    let v = yaml::from_str_native(doc).map_err(|e| DecodeFailure {
        line: e.line(),
        text: e.to_string(),
    })?;
    // The YAML-to-JSON step turns scalars for the string fields into strings; anything
    // else must be valid JSON.
    if let Value::Map(m) = &v {
        if let Some(bad) = non_finite_outside_targets(m) {
            return Err(DecodeFailure {
                text: format!("error converting YAML to JSON: json: unsupported value: {bad}"),
                line: None,
            });
        }
    }
    head_of(&v, true, struct_name(compat)).map_err(DecodeFailure::json)
}

/// Decodes one value of a JSON stream, `v` as read from its text `src`, as Go's decoder
/// into the struct does: no YAML conversion, so a number where a string belongs is an
/// error, and of several errors the first in document order is reported (a map's keys
/// are sorted, so the members are read from the text). The error is encoding/json's.
pub(crate) fn decode_json(
    src: &[u8],
    v: &Value,
    compat: Compat,
) -> Result<Option<ObjectHead>, String> {
    let target = struct_name(compat);
    match object_members(src) {
        Some(members) => fill_head(
            members.into_iter().map(|(k, v, text)| (k, v, Some(text))),
            false,
            target,
        ),
        None => head_of(v, false, target),
    }
}

/// Fills the head from a decoded document; `lenient` scalars become strings. `target`
/// is the Go struct's name.
fn head_of(v: &Value, lenient: bool, target: &str) -> Result<Option<ObjectHead>, String> {
    let m = match v {
        Value::Nil => return Ok(None),
        Value::Map(m) => m,
        other => {
            return Err(format!(
                "json: cannot unmarshal {} into Go value of type rules.{target}",
                json_kind(other)
            ))
        }
    };
    fill_head(
        m.entries()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v, None)),
        lenient,
        target,
    )
}

/// Sets the struct's fields from an object's members, in the order given, as Go's
/// decoder does: each key to the field it names, the first error reported. A member's
/// text, where known, gives the order of the metadata's own members.
fn fill_head<'a>(
    members: impl Iterator<Item = (String, Value, Option<&'a [u8]>)>,
    lenient: bool,
    target: &str,
) -> Result<Option<ObjectHead>, String> {
    let mut head = ObjectHead::default();
    let mut first_error: Option<String> = None;
    for (key, value, text) in members {
        let err = match field_of(&key, &["apiVersion", "Kind", "Metadata"]) {
            Some("apiVersion") => set_string(
                &value,
                &format!("{target}.apiVersion"),
                lenient,
                &mut head.api_version,
            ),
            Some("Kind") => set_string(&value, &format!("{target}.Kind"), lenient, &mut head.kind),
            Some(_) => match text.and_then(object_members) {
                Some(fields) => fields
                    .into_iter()
                    .filter_map(|(k, v, _)| metadata_field(&k, &v, lenient, &mut head))
                    .next(),
                None => decode_metadata(&value, lenient, target, &mut head),
            },
            None => None,
        };
        if first_error.is_none() {
            first_error = err;
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(Some(head)),
    }
}

fn decode_metadata(
    v: &Value,
    lenient: bool,
    target: &str,
    head: &mut ObjectHead,
) -> Option<String> {
    let m = match v {
        Value::Nil => return None,
        Value::Map(m) => m,
        other => {
            return Some(format!(
                "json: cannot unmarshal {} into Go struct field {target}.Metadata of type rules.k8sYamlMetadata",
                json_kind(other)
            ))
        }
    };
    let mut first = None;
    for (key, value) in m.entries() {
        let err = metadata_field(&key, &value, lenient, head);
        if first.is_none() {
            first = err;
        }
    }
    first
}

/// Sets the metadata field `key` names, if any; the error of a value of the wrong type.
fn metadata_field(
    key: &str,
    value: &Value,
    lenient: bool,
    head: &mut ObjectHead,
) -> Option<String> {
    match field_of(key, &["Namespace", "Name"]) {
        Some("Namespace") => set_string(
            value,
            "k8sYamlMetadata.Metadata.Namespace",
            lenient,
            &mut head.namespace,
        ),
        Some(_) => set_string(
            value,
            "k8sYamlMetadata.Metadata.Name",
            lenient,
            &mut head.name,
        ),
        None => None,
    }
}

/// encoding/json's field match: the exact name first, then one equal without regard to
/// case.
fn field_of<'f>(key: &str, fields: &[&'f str]) -> Option<&'f str> {
    fields
        .iter()
        .find(|f| **f == key)
        .or_else(|| fields.iter().find(|f| f.eq_ignore_ascii_case(key)))
        .copied()
}

fn set_string(v: &Value, field: &str, lenient: bool, out: &mut String) -> Option<String> {
    match v {
        Value::Nil => None,
        Value::String(s) => {
            *out = s.to_string();
            None
        }
        scalar @ (Value::Bool(_) | Value::Int(..) | Value::Float(_)) if lenient => {
            *out = yaml::string_field(scalar).unwrap_or_default();
            None
        }
        other => Some(format!(
            "json: cannot unmarshal {} into Go struct field {field} of type string",
            json_kind(other)
        )),
    }
}

/// The first NaN or infinity, in JSON key order, that is not bound for one of the
/// struct's string fields (those become the strings "NaN", "+Inf"...).
fn non_finite_outside_targets(top: &Map) -> Option<&'static str> {
    for (k, v) in top.entries() {
        match field_of(&k, &["apiVersion", "Kind", "Metadata"]) {
            Some("apiVersion" | "Kind") if !matches!(v, Value::List(_) | Value::Map(_)) => {}
            Some("Metadata") => {
                if let Value::Map(m) = &v {
                    for (mk, mv) in m.entries() {
                        let target = field_of(&mk, &["Namespace", "Name"]).is_some();
                        if target && !matches!(mv, Value::List(_) | Value::Map(_)) {
                            continue;
                        }
                        if let Some(bad) = first_non_finite(&mv, 0) {
                            return Some(bad);
                        }
                    }
                } else if let Some(bad) = first_non_finite(&v, 0) {
                    return Some(bad);
                }
            }
            _ => {
                if let Some(bad) = first_non_finite(&v, 0) {
                    return Some(bad);
                }
            }
        }
    }
    None
}

fn first_non_finite(v: &Value, depth: usize) -> Option<&'static str> {
    if depth > yaml::MAX_NESTING {
        return None;
    }
    match v {
        Value::Float(f) if f.is_nan() => Some("NaN"),
        Value::Float(f) if f.is_infinite() => Some(if *f > 0.0 { "+Inf" } else { "-Inf" }),
        Value::List(items) => items.iter().find_map(|i| first_non_finite(i, depth + 1)),
        Value::Map(m) => m
            .entries()
            .iter()
            .find_map(|(_, i)| first_non_finite(i, depth + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(doc: &str) -> String {
        decode(doc, Compat::V4).unwrap_err().text
    }

    // Expected texts: helm v4.1.4 after "[ERROR] templates/t.yaml: unable to parse YAML: ".
    #[test]
    fn wrong_shapes_fail_as_encoding_json_says() {
        assert_eq!(err("apiVersion: v1\nkind: [a]\nmetadata:\n  name: x\n"), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field k8sYamlStruct.Kind of type string");
        assert_eq!(err("apiVersion: v1\nkind: ConfigMap\nmetadata: foo\n"), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata");
        assert_eq!(err("- a\n- b\n"), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type rules.k8sYamlStruct");
        assert_eq!(err("foo\n"), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type rules.k8sYamlStruct");
        assert_eq!(err("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: [a]\n"), "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field k8sYamlMetadata.Metadata.Namespace of type string");
        assert_eq!(
            err("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {x: .nan}\n"),
            "error converting YAML to JSON: json: unsupported value: NaN"
        );
        let e = decode(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  a: [\n",
            Compat::V4,
        )
        .unwrap_err();
        assert_eq!(
            e.text,
            "error converting YAML to JSON: yaml: line 5: did not find expected node content"
        );
        assert_eq!(e.line, Some(5));
    }

    #[test]
    fn scalars_become_strings_and_keys_fold_case() {
        let h = decode(
            "apiVersion: v1\nKIND: Service\nMetaData:\n  NAME: X\n",
            Compat::V4,
        )
        .unwrap()
        .unwrap();
        assert_eq!((h.kind.as_str(), h.name.as_str()), ("Service", "X"));
        for (doc, name) in [
            ("123456789", "123456789"),
            ("1e3", "1000"),
            ("true", "true"),
            (".nan", "NaN"),
        ] {
            let h = decode(
                &format!("kind: ConfigMap\nmetadata:\n  name: {doc}\n"),
                Compat::V4,
            )
            .unwrap()
            .unwrap();
            assert_eq!(h.name, name);
        }
        assert_eq!(decode("# only a comment\n", Compat::V4).unwrap(), None);
    }
}
