//! Multi-document text: Helm splits YAML streams on `---` lines as text, before any YAML
//! parsing, in two different ways.

use super::error::ValuesError;
use crate::value::{Map, Value};

/// Splits a values file into documents as Kubernetes' `YAMLReader` does (Helm 4 reads
/// values files with it): line by line, a line starting with `---` ends the current
/// document and may only be followed by spaces or a `#` comment. Line endings `\r\n`
/// become `\n`. A `---` line before any content stays in the first document's text, so
/// go-yaml's line numbers count it.
///
/// ```
/// use helmcore::yaml::split_documents;
/// assert_eq!(split_documents("a: 1\n---\nb: 2\n").unwrap(), vec!["a: 1\n", "b: 2\n"]);
/// assert_eq!(
///     split_documents("a: 1\n--- b: 2\n").unwrap_err().to_string(),
///     "error reading yaml document: invalid Yaml document separator: b: 2"
/// );
/// ```
pub fn split_documents(src: &str) -> Result<Vec<String>, ValuesError> {
    // Splitting only cuts at line ends, so valid UTF-8 stays valid.
    Ok(split_bytes(src.as_bytes())?
        .into_iter()
        .map(|d| String::from_utf8_lossy(&d).into_owned())
        .collect())
}

/// [`split_documents`] over output that may not be valid UTF-8; `None` for a bad
/// separator line.
pub(crate) fn split_document_bytes(src: &[u8]) -> Option<Vec<Vec<u8>>> {
    split_bytes(src).ok()
}

/// [`split_documents`] over raw bytes (a file that may not be valid UTF-8).
fn split_bytes(src: &[u8]) -> Result<Vec<Vec<u8>>, ValuesError> {
    let mut docs = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    let mut rest = src;
    while !rest.is_empty() {
        let (line, after) = match rest.iter().position(|&b| b == b'\n') {
            // bufio's ReadLine drops a `\r` only before a `\n`.
            Some(i) => (
                rest[..i].strip_suffix(b"\r").unwrap_or(&rest[..i]),
                &rest[i + 1..],
            ),
            None => (rest, &rest[rest.len()..]),
        };
        rest = after;
        if let Some(tail) = line.strip_prefix(b"---") {
            let tail = String::from_utf8_lossy(tail);
            let trimmed = tail.trim();
            if !trimmed.is_empty() && !trimmed.starts_with('#') {
                return Err(ValuesError::Separator(trimmed.to_owned()));
            }
            if !buf.is_empty() {
                docs.push(std::mem::take(&mut buf));
                continue;
            }
        }
        buf.extend_from_slice(line);
        buf.push(b'\n');
    }
    if !buf.is_empty() {
        docs.push(buf);
    }
    Ok(docs)
}

/// Reads a values file as Helm 4's `loader.LoadValues` does: every document decoded into
/// a map and merged into the previous ones (nested maps merge, anything else replaces).
///
/// helm4 prints the error after `cannot load values.yaml: ` (a chart's values) or
/// `failed to parse FILE: ` (`-f FILE`). Helm 3 reads only the first document, with
/// [`from_str_map`](super::from_str_map), and prints its [`YamlError`](super::YamlError)
/// after the same prefixes (no `cannot unmarshal yaml document: `); `helm lint` prints
/// `values.yaml: unable to parse YAML: ` + that `YamlError`.
///
/// ```
/// use helmcore::yaml::load_values;
/// let v = load_values("a: {x: 1}\n---\na: {y: 2}\n").unwrap();
/// assert_eq!(v.get("a").unwrap().as_map().unwrap().len(), 2);
/// let err = load_values("a: 1\n b: 2\n").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
/// );
/// ```
pub fn load_values(src: &str) -> Result<Map, ValuesError> {
    load_values_slice(src.as_bytes())
}

/// [`load_values`] over the file's bytes: invalid UTF-8 is reported as go-yaml reports
/// it (`yaml: invalid leading UTF-8 octet`), even inside a comment.
///
/// ```
/// let err = helmcore::yaml::load_values_slice(b"a: 1\n# \xff\n").unwrap_err();
/// assert_eq!(err.to_string(), "cannot unmarshal yaml document: error converting YAML to JSON: yaml: invalid leading UTF-8 octet");
/// ```
pub fn load_values_slice(src: &[u8]) -> Result<Map, ValuesError> {
    let mut values = Map::new();
    for doc in split_bytes(src)? {
        if let Some(current) = super::map_target(super::from_slice(&doc)?)? {
            values = merge_maps(&values, &current);
        }
    }
    Ok(values)
}

/// Helm's `MergeMaps`: a new map with `b`'s entries over `a`'s, recursing where both hold
/// a map.
pub(crate) fn merge_maps(a: &Map, b: &Map) -> Map {
    let out = Map::from_entries(a.entries());
    for (k, v) in b.entries() {
        if let (Value::Map(bm), Some(Value::Map(am))) = (&v, out.get(&k)) {
            out.insert(k, Value::Map(merge_maps(&am, bm)));
            continue;
        }
        out.insert(k, v);
    }
    out
}

/// Splits rendered template output into manifests as Helm's `releaseutil.SplitManifests`
/// does: on the pattern `(?:^|\s*\n)---\s*` over the trimmed text, dropping empty pieces
/// and trimming each. Note that `---` needs only to start a line: `---foo` splits too.
///
/// ```
/// use helmcore::yaml::split_manifests;
/// assert_eq!(split_manifests("---\na: 1\n---\n\nb: 2\n"), vec!["a: 1", "b: 2"]);
/// ```
pub fn split_manifests(text: &str) -> Vec<&str> {
    // Pieces are cut at ASCII whitespace and trimmed of whole characters, so each is a
    // slice of `text` on character boundaries: no copy, no second UTF-8 check.
    let base = text.as_ptr() as usize;
    split_manifest_bytes(text.as_bytes())
        .into_iter()
        .map(|p| {
            let start = p.as_ptr() as usize - base;
            &text[start..start + p.len()]
        })
        .collect()
}

/// [`split_manifests`] over output that may not be valid UTF-8 (a template that printed
/// a binary file).
pub fn split_manifest_bytes(text: &[u8]) -> Vec<&[u8]> {
    let b = trim_space(text);
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let space_run = |mut i: usize| {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        i
    };
    let mut pieces = Vec::new();
    let mut last = 0;
    let mut i = 0;
    if b.starts_with(b"---") {
        last = space_run(3);
        i = last;
    }
    while i < b.len() {
        if !is_space(b[i]) {
            i += 1;
            continue;
        }
        let end = space_run(i);
        if b[end - 1] == b'\n' && b[end..].starts_with(b"---") {
            pieces.push(&b[last..i]);
            last = space_run(end + 3);
            i = last;
        } else {
            i = end;
        }
    }
    pieces.push(&b[last..]);
    pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(trim_space)
        .collect()
}

/// Go's `strings.TrimSpace` over bytes: Unicode white space at both ends; an invalid
/// UTF-8 byte is not space.
fn trim_space(mut b: &[u8]) -> &[u8] {
    let char_at = |b: &[u8], front: bool| -> Option<(char, usize)> {
        (1..=4.min(b.len())).find_map(|n| {
            let part = if front { &b[..n] } else { &b[b.len() - n..] };
            std::str::from_utf8(part)
                .ok()
                .and_then(|s| s.chars().next())
                .map(|c| (c, n))
        })
    };
    while let Some((_, n)) = char_at(b, true).filter(|(c, _)| c.is_whitespace()) {
        b = &b[n..];
    }
    while let Some((_, n)) = char_at(b, false).filter(|(c, _)| c.is_whitespace()) {
        b = &b[..b.len() - n];
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_split_over_invalid_utf8() {
        // Invalid bytes are not space: they stay in their piece, untrimmed.
        let docs = split_manifest_bytes(b"\n a: \xff\n---\n\xe2\x80\x83b: \xc3\n\n");
        assert_eq!(docs, vec![&b"a: \xff"[..], &b"b: \xc3"[..]]);
        assert_eq!(split_manifest_bytes(b"\xff \n---"), vec![&b"\xff"[..]]);
    }

    #[test]
    fn reader_keeps_a_leading_separator_and_drops_later_ones() {
        assert_eq!(
            split_documents("---\na: 1\n---\nb: 2").unwrap(),
            vec!["---\na: 1\n", "b: 2\n"]
        );
        assert_eq!(
            split_documents("a\n---\n---\nb\n").unwrap(),
            vec!["a\n", "---\nb\n"]
        );
        assert_eq!(
            split_documents("a\r\n--- # c\r\nb\r\n").unwrap(),
            vec!["a\n", "b\n"]
        );
        assert_eq!(split_documents("").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn values_documents_merge() {
        // helm4: `x: 1\n---\ny: 2` gives {"true":2,"x":1} (`y` is a YAML 1.1 boolean).
        let v = load_values("x: 1\n---\ny: 2\n").unwrap();
        assert_eq!(
            v.keys(),
            vec!["true".into(), "x".into()] as Vec<crate::value::Str>
        );
        // helm4: errors in later documents count lines from that document.
        assert_eq!(
            load_values("a: 1\n---\nb: 2\n c: 3\n").unwrap_err().to_string(),
            "cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
        );
    }

    #[test]
    fn manifests_split_like_helm() {
        assert_eq!(split_manifests("a\n---\n---\nb"), vec!["a", "---\nb"]);
        assert_eq!(split_manifests("a: ---\n---foo"), vec!["a: ---", "foo"]);
        assert_eq!(split_manifests("\n\n  \n"), Vec::<String>::new());
        assert_eq!(
            split_manifests("# Source: x\n---\n# Source: y\nb: 1"),
            vec!["# Source: x", "# Source: y\nb: 1"]
        );
    }
}
