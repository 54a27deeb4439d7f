//! Rendered files and CRD files read document by document as Kubernetes'
//! `YAMLOrJSONDecoder` reads them: split on `---` lines, each document decoded into the
//! object head, a bad separator failing where the reader meets it.

use crate::lint::object::{decode, DecodeFailure, ObjectHead};

/// One step of the stream: a decoded document (`None` for an empty one) or the error
/// that ends the stream. `first_line` is the document's first line in the file (1-based).
pub(crate) enum Step {
    Object(Option<ObjectHead>),
    Failed(DecodeFailure),
}

/// Reads every document of `content`, stopping after the first failure.
pub(crate) fn documents(content: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut buf = String::new();
    let mut buf_start = 1;
    let mut line_no = 0;
    let mut rest = content;
    let flush = |buf: &mut String, start: usize, steps: &mut Vec<Step>| -> bool {
        let doc = std::mem::take(buf);
        match decode(&doc) {
            Ok(head) => {
                steps.push(Step::Object(head));
                true
            }
            Err(mut f) => {
                f.line = f.line.map(|l| l + start - 1);
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
                    line: Some(line_no),
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
        documents(content)
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
        // helm v4.1.4: "unable to parse YAML: invalid Yaml document separator: -"
        assert_eq!(
            summary("kind: A\n----\na: b\n"),
            ["A/", "error@Some(2): invalid Yaml document separator: -"]
        );
        // The error's line counts from the file's first line.
        assert_eq!(
            summary("kind: A\n---\nkind: B\nx: [\n"),
            ["A/", "error@Some(4): error converting YAML to JSON: yaml: line 2: did not find expected node content"]
        );
    }
}
