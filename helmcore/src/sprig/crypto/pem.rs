//! PEM blocks as Go's `encoding/pem` finds and writes them.
//!
//! Sprig takes the *first* well-formed block of a string (`pem.Decode`), skipping any text
//! before it and any malformed block; the block type decides how a key is parsed.

use super::gobase64;

/// A decoded PEM block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: String,
    pub bytes: Vec<u8>,
}

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"\n-----END ";
const DASHES: &[u8] = b"-----";

/// Writes a block: 64-column base64 between BEGIN and END lines, each ending in `\n`.
pub(crate) fn encode(kind: &str, bytes: &[u8]) -> String {
    let b64 = gobase64::encode(bytes);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * kind.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(kind);
    out.push_str("-----\n");
    for line in b64.as_bytes().chunks(64) {
        // base64 output is ASCII, so every chunk is valid UTF-8.
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(kind);
    out.push_str("-----\n");
    out
}

/// The first well-formed block in `data`, as Go's `pem.Decode` finds it.
pub(crate) fn decode(data: &[u8]) -> Option<Block> {
    let mut rest = data;
    loop {
        // A block starts at the very beginning or right after a newline.
        if rest.starts_with(BEGIN) {
            rest = &rest[BEGIN.len()..];
        } else {
            let at = find(rest, b"\n-----BEGIN ")?;
            rest = &rest[at + 1 + BEGIN.len()..];
        }
        let (type_line, after_type) = get_line(rest);
        rest = after_type;
        let Some(kind) = type_line.strip_suffix(DASHES) else {
            continue;
        };

        // Optional `Key: Value` header lines.
        let mut has_headers = false;
        loop {
            if rest.is_empty() {
                return None;
            }
            let (line, next) = get_line(rest);
            if !line.contains(&b':') {
                break;
            }
            has_headers = true;
            rest = next;
        }

        let (end_index, trailer_index) = if !has_headers && rest.starts_with(&END[1..]) {
            (0, END.len() - 1)
        } else {
            match find(rest, END) {
                Some(i) => (i, i + END.len()),
                None => continue,
            }
        };
        let trailer = &rest[trailer_index..];
        let trailer_len = kind.len() + DASHES.len();
        if trailer.len() < trailer_len {
            continue;
        }
        let (end_line, after_end) = trailer.split_at(trailer_len);
        if !end_line.starts_with(kind) || !end_line.ends_with(DASHES) {
            continue;
        }
        if !get_line(after_end).0.is_empty() {
            continue;
        }
        let body: Vec<u8> = rest[..end_index]
            .iter()
            .copied()
            .filter(|b| *b != b' ' && *b != b'\t')
            .collect();
        let Ok(body) = std::str::from_utf8(&body) else {
            continue;
        };
        let Ok(decoded) = gobase64::decode(body) else {
            continue;
        };
        return Some(Block {
            kind: String::from_utf8_lossy(kind).into_owned(),
            bytes: decoded.bytes,
        });
    }
}

/// The first line (without `\r\n` or `\n`, trailing spaces and tabs trimmed) and the rest.
fn get_line(data: &[u8]) -> (&[u8], &[u8]) {
    let (mut line, rest) = match data.iter().position(|b| *b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    if let Some(stripped) = line.strip_suffix(b"\r") {
        line = stripped;
    }
    while let Some(stripped) = line.strip_suffix(b" ").or_else(|| line.strip_suffix(b"\t")) {
        line = stripped;
    }
    (line, rest)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_line_breaks() {
        let bytes: Vec<u8> = (0..100u8).collect();
        let text = encode("TEST", &bytes);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "-----BEGIN TEST-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines.last(), Some(&"-----END TEST-----"));
        assert!(text.ends_with("-----\n"));
        assert_eq!(
            decode(text.as_bytes()),
            Some(Block {
                kind: "TEST".into(),
                bytes
            })
        );
    }

    #[test]
    fn empty_block_has_no_body_line() {
        assert_eq!(encode("X", &[]), "-----BEGIN X-----\n-----END X-----\n");
        assert_eq!(
            decode(b"-----BEGIN X-----\n-----END X-----\n").map(|b| b.bytes),
            Some(vec![])
        );
    }

    #[test]
    fn skips_preamble_headers_and_bad_blocks() {
        let text = b"junk\n-----BEGIN A-----\n!!!\n-----END A-----\n-----BEGIN B-----\nProc-Type: 4\n\nYWJj\n-----END B-----  \n";
        assert_eq!(
            decode(text),
            Some(Block {
                kind: "B".into(),
                bytes: b"abc".to_vec()
            })
        );
    }

    #[test]
    fn no_block() {
        assert_eq!(decode(b""), None);
        assert_eq!(decode(b"-----BEGIN A-----\nYWJj\n-----END B-----\n"), None);
        assert_eq!(decode(b" -----BEGIN A-----\nYWJj\n-----END A-----\n"), None);
    }
}
