//! Rendered files and CRD files read document by document as Kubernetes'
//! `YAMLOrJSONDecoder` reads them: split on `---` lines, each document decoded into the
//! object head, a bad separator failing where the reader meets it.

use crate::json::{decode_prefix, StreamError};
use crate::lint::object::{decode, decode_json, DecodeFailure, ObjectHead};
use crate::render::Compat;

/// One step of the stream: a decoded document (`None` for an empty one) or the error
/// that ends the stream. `first_line` is the document's first line in the file (1-based).
pub(crate) enum Step {
    Object(Option<ObjectHead>),
    Failed(DecodeFailure),
}

/// Reads every document of `content`, stopping after the first failure.
///
/// Text that starts (after white space) with `{` is read as a JSON stream first, as the
/// Kubernetes decoder does: values one after another, and at the first value JSON
/// refuses, YAML takes over from the end of the last good value; if YAML fails on that
/// same value the JSON error is the one reported. After two good JSON values the
/// stream counts as JSON and its errors are reported as they are.
///
/// helm3's decoder (apimachinery before 0.33) never falls back to YAML: a JSON stream is
/// JSON to its end, and a syntax error always carries its offset.
pub(crate) fn documents(content: &str, compat: Compat) -> Vec<Step> {
    if !content.trim_start().starts_with('{') {
        return yaml_documents(content, 0, None, compat);
    }
    let mut steps = Vec::new();
    let Some((pos, failure)) = json_values(content, compat, &mut steps) else {
        return steps;
    };
    if compat == Compat::V3 || steps.len() > 1 {
        let text = match compat {
            Compat::V3 => failure.with_offset(),
            Compat::V4 => failure.bare(),
        };
        steps.push(Step::Failed(DecodeFailure { text, line: None }));
        return steps;
    }
    // YAML from the end of the last good value, after the white space up to and
    // including the first line break.
    let mut from = pos;
    for (i, c) in content[pos..].char_indices() {
        if !c.is_whitespace() {
            break;
        }
        if c == '\n' {
            from = pos + i + 1;
            break;
        }
    }
    let line_offset = content[..from].matches('\n').count();
    steps.extend(yaml_documents(
        &content[from..],
        line_offset,
        Some(failure.with_offset()),
        compat,
    ));
    steps
}

/// Why a JSON stream stopped before its end.
enum JsonFailure {
    Eof,
    /// A syntax error and its offset (Go's: bytes read, the bad one included).
    Syntax {
        message: String,
        offset: usize,
    },
    /// A value that does not fit the struct.
    Struct(String),
}

impl JsonFailure {
    /// As the decoder reports it on the stream's first value.
    fn with_offset(self) -> String {
        match self {
            JsonFailure::Eof => "unexpected EOF".to_string(),
            JsonFailure::Syntax { message, offset } => format!("json: offset {offset}: {message}"),
            JsonFailure::Struct(e) => e,
        }
    }

    /// As helm4's decoder reports it once the stream counts as JSON.
    fn bare(self) -> String {
        match self {
            JsonFailure::Syntax { message, .. } => message,
            other => other.with_offset(),
        }
    }
}

/// Reads the JSON values of `content` into `steps`; at the first failure, the byte
/// position of the last good value's end and the failure.
fn json_values(
    content: &str,
    compat: Compat,
    steps: &mut Vec<Step>,
) -> Option<(usize, JsonFailure)> {
    let mut pos = 0;
    loop {
        let rest = &content[pos..];
        let start = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
        if start == rest.len() {
            return None;
        }
        let text = &rest.as_bytes()[start..];
        let failure = match decode_prefix(text) {
            // A number beyond float64 fails only where the struct has a field for it.
            Ok((value, used)) | Err(StreamError::Value { value, used, .. }) => {
                match decode_json(&text[..used], &value, compat) {
                    Ok(head) => {
                        steps.push(Step::Object(head));
                        pos += start + used;
                        continue;
                    }
                    Err(e) => JsonFailure::Struct(e),
                }
            }
            Err(StreamError::UnexpectedEof) => JsonFailure::Eof,
            Err(StreamError::Syntax { message, at }) => JsonFailure::Syntax {
                message,
                offset: pos + start + at + 1,
            },
        };
        return Some((pos, failure));
    }
}

/// The YAML documents of `content` (which starts `line_offset` lines into the file).
/// With `first_error`, a failure of the first document reports that error instead.
fn yaml_documents(
    content: &str,
    line_offset: usize,
    first_error: Option<String>,
    compat: Compat,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut buf = String::new();
    let mut buf_start = 1;
    let mut line_no = 0;
    let mut rest = content;
    let mut first_error = first_error;
    let mut flush = |buf: &mut String, start: usize, steps: &mut Vec<Step>| -> bool {
        let doc = std::mem::take(buf);
        let replaced = first_error.take();
        match decode(&doc, compat) {
            Ok(head) => {
                steps.push(Step::Object(head));
                true
            }
            Err(f) => {
                let f = match replaced {
                    Some(text) => DecodeFailure { text, line: None },
                    None => DecodeFailure {
                        line: f.line.map(|l| l + start - 1 + line_offset),
                        text: f.text,
                    },
                };
                steps.push(Step::Failed(f));
                false
            }
        }
    };
    while !rest.is_empty() {
        let (line, after) = match rest.find('\n') {
            Some(i) => (
                rest[..i].strip_suffix('\r').unwrap_or(&rest[..i]),
                &rest[i + 1..],
            ),
            None => (rest, ""),
        };
        rest = after;
        line_no += 1;
        if let Some(tail) = line.strip_prefix("---") {
            let trimmed = tail.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                steps.push(Step::Failed(DecodeFailure {
                    text: format!("invalid Yaml document separator: {trimmed}"),
                    line: Some(line_no + line_offset),
                }));
                return steps;
            }
            if !buf.is_empty() {
                if !flush(&mut buf, buf_start, &mut steps) {
                    return steps;
                }
                buf_start = line_no + 1;
                continue;
            }
        }
        if buf.is_empty() {
            buf_start = line_no;
        }
        buf.push_str(line);
        buf.push('\n');
    }
    if !buf.is_empty() {
        flush(&mut buf, buf_start, &mut steps);
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(content: &str) -> Vec<String> {
        summary_as(content, Compat::V4)
    }

    fn summary_as(content: &str, compat: Compat) -> Vec<String> {
        documents(content, compat)
            .into_iter()
            .map(|s| match s {
                Step::Object(None) => "empty".to_string(),
                Step::Object(Some(h)) => format!("{}/{}", h.kind, h.name),
                Step::Failed(f) => format!("error@{:?}: {}", f.line, f.text),
            })
            .collect()
    }

    #[test]
    fn splits_and_stops_like_the_kubernetes_reader() {
        assert_eq!(
            summary("kind: A\nmetadata: {name: a}\n---\n# c\n---\n\n--- # x\nkind: B\nmetadata:\n  name: b\n"),
            ["A/a", "empty", "empty", "B/b"]
        );
        // helm v4.1.4: "unable to parse YAML: invalid Yaml document separator: -", and the
        // document before the bad separator is never decoded.
        assert_eq!(
            summary("kind: A\n----\na: b\n"),
            ["error@Some(2): invalid Yaml document separator: -"]
        );
        // The error's line counts from the file's first line.
        assert_eq!(
            summary("kind: A\n---\nkind: B\nx: [\n"),
            ["A/", "error@Some(4): error converting YAML to JSON: yaml: line 2: did not find expected node content"]
        );
    }

    // JSON streams: what helm v4.1.4 reported for templates rendering to these.
    #[test]
    fn json_streams_as_the_kubernetes_decoder_reads_them() {
        let one = r#"{"kind": "Service", "metadata": {"name": "A_1"}}"#;
        let two = r#"{"kind": "Service", "metadata": {"name": "B_2"}}"#;
        // A number for a name: JSON refuses, YAML reads it as the string "123".
        assert_eq!(
            summary("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": 123}}\n"),
            ["ConfigMap/123"]
        );
        assert_eq!(
            summary("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}\n"),
            ["error@None: unexpected EOF"]
        );
        assert_eq!(
            summary(&format!("{one}\n{two}\n")),
            ["Service/A_1", "Service/B_2"]
        );
        assert_eq!(
            summary(&format!(
                "{one}\n---\nkind: Service\nmetadata:\n  name: B_2\n"
            )),
            ["Service/A_1", "Service/B_2"]
        );
        assert_eq!(
            summary("{a: 1, kind: Service, metadata: {name: X_y}}\n"),
            ["Service/X_y"]
        );
        assert_eq!(
            summary("{\"a\": [}\n"),
            ["error@None: json: offset 8: invalid character '}' looking for beginning of value"]
        );
        assert_eq!(
            summary(&format!("{one}\n{two}\n{{\"a\": [}}\n")),
            [
                "Service/A_1",
                "Service/B_2",
                "error@None: invalid character '}' looking for beginning of value"
            ]
        );
        assert_eq!(
            summary(&format!("{one}\n{two}\n{{\"kind\": \"Service\", \"metadata\": {{\"name\": 5}}}}\n")),
            ["Service/A_1", "Service/B_2", "error@None: json: cannot unmarshal number into Go struct field k8sYamlMetadata.Metadata.Name of type string"]
        );
        assert_eq!(
            summary(&format!("{one}\n{{\"a\": [}}\n")),
            [
                "Service/A_1",
                "error@None: json: offset 57: invalid character '}' looking for beginning of value"
            ]
        );
    }

    // helm v4.1.4 (and v3.17.1 alike) where the input ends inside a value, and on
    // numbers beyond float64.
    #[test]
    fn json_stream_ends_and_huge_numbers() {
        for compat in [Compat::V4, Compat::V3] {
            for tail in ["-", "tru", "1.", "\"a\\", "\"a\\u12", "{\"a\": 1e"] {
                assert_eq!(
                    summary_as(&format!("{{\"kind\": \"A\"}} {tail}"), compat),
                    ["A/", "error@None: unexpected EOF"],
                    "{tail}"
                );
            }
        }
        assert_eq!(
            summary("{\"kind\": \"ConfigMap\", \"metadata\": 1e999}"),
            ["error@None: json: cannot unmarshal number into Go struct field k8sYamlStruct.Metadata of type rules.k8sYamlMetadata"]
        );
        assert_eq!(
            summary("{\"kind\": \"A\", \"metadata\": {\"name\": \"x\"}} 1e999 {\"kind\": \"B\"}"),
            ["A/x", "error@None: json: cannot unmarshal number into Go value of type rules.k8sYamlStruct"]
        );
    }

    // helm v3.17.1 on the same streams: JSON to the end, offsets on every syntax error.
    #[test]
    fn json_streams_as_helm3_reads_them() {
        let v3 = |c: &str| summary_as(c, Compat::V3);
        let one = r#"{"kind": "Service", "metadata": {"name": "A_1"}}"#;
        let two = r#"{"kind": "Service", "metadata": {"name": "B_2"}}"#;
        assert_eq!(
            v3("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": 123}}\n"),
            ["error@None: json: cannot unmarshal number into Go struct field k8sYamlMetadata.Metadata.Name of type string"]
        );
        assert_eq!(
            v3(&format!(
                "{one}\n---\nkind: Service\nmetadata:\n  name: B_2\n"
            )),
            [
                "Service/A_1",
                "error@None: json: offset 51: invalid character '-' in numeric literal"
            ]
        );
        assert_eq!(
            v3("{a: 1, kind: Service, metadata: {name: X_y}}\n"),
            ["error@None: json: offset 2: invalid character 'a' looking for beginning of object key string"]
        );
        assert_eq!(
            v3(&format!("{one}\n{two}\n{{\"a\": [}}\n")),
            [
                "Service/A_1",
                "Service/B_2",
                "error@None: json: offset 106: invalid character '}' looking for beginning of value"
            ]
        );
        assert_eq!(
            v3("{\"apiVersion\": 1}\n{\"kind\": [1]}"),
            ["error@None: json: cannot unmarshal number into Go struct field K8sYamlStruct.apiVersion of type string"]
        );
        assert_eq!(
            v3("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}\n"),
            ["error@None: unexpected EOF"]
        );
        // A number beyond float64 is refused only where the struct has a field for it.
        assert_eq!(
            v3("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\"}, \"spec\": [1e999]}"),
            ["ConfigMap/x"]
        );
        assert_eq!(
            v3("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": 1e999}}"),
            ["error@None: json: cannot unmarshal number into Go struct field k8sYamlMetadata.Metadata.Name of type string"]
        );
        // Of several errors, the first in the text is reported, not the first by key.
        assert_eq!(
            v3("{\"metadata\": {\"name\": 5}, \"kind\": 5}"),
            ["error@None: json: cannot unmarshal number into Go struct field k8sYamlMetadata.Metadata.Name of type string"]
        );
        assert_eq!(
            v3("{\"metadata\": {\"namespace\": 1, \"name\": 2}}"),
            ["error@None: json: cannot unmarshal number into Go struct field k8sYamlMetadata.Metadata.Namespace of type string"]
        );
        assert_eq!(
            v3("{\"kind\": \"A\", \"Kind\": \"B\", \"metadata\": {\"name\": \"x\"}}"),
            ["B/x"]
        );
        // YAML documents name the exported struct too.
        assert_eq!(
            v3("- a\n"),
            ["error@None: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type rules.K8sYamlStruct"]
        );
    }
}
