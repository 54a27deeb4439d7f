//! Base64 as Go's `encoding/base64.StdEncoding` reads and writes it.
//!
//! Go's decoder differs from a strict RFC 4648 one in ways templates can observe: it skips
//! `\r` and `\n` anywhere, ignores non-zero trailing bits, and reports the byte offset of
//! the first bad character (`illegal base64 data at input byte 4`). `decryptAES` also
//! depends on the capacity Go allocates for the result (see [`Decoded::capacity`]).

use base64::Engine as _;

/// Go's `base64.CorruptInputError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("illegal base64 data at input byte {0}")]
pub(crate) struct CorruptInput(pub usize);

/// A successful decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub bytes: Vec<u8>,
    /// The capacity of the slice Go's `DecodeString` returns (`len(input) / 4 * 3`), which
    /// can exceed the decoded length when the input holds newlines.
    pub capacity: usize,
}

/// Standard base64 with padding.
pub(crate) fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes as Go's `base64.StdEncoding.DecodeString` does.
pub(crate) fn decode(input: &str) -> Result<Decoded, CorruptInput> {
    let src = input.as_bytes();
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0;
    while si < src.len() {
        si = decode_quantum(src, si, &mut out)?;
    }
    Ok(Decoded {
        bytes: out,
        capacity: src.len() / 4 * 3,
    })
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn skip_newlines(src: &[u8], mut si: usize) -> usize {
    while si < src.len() && matches!(src[si], b'\n' | b'\r') {
        si += 1;
    }
    si
}

/// Decodes one group of up to four characters starting at `si`, appending its bytes;
/// returns where the next group starts.
fn decode_quantum(src: &[u8], mut si: usize, out: &mut Vec<u8>) -> Result<usize, CorruptInput> {
    let mut digits = [0u8; 4];
    let mut n = 0;
    while n < 4 {
        let Some(&c) = src.get(si) else {
            return match n {
                0 => Ok(si),
                _ => Err(CorruptInput(si - n)),
            };
        };
        si += 1;
        if let Some(d) = sextet(c) {
            digits[n] = d;
            n += 1;
            continue;
        }
        if c == b'\n' || c == b'\r' {
            continue;
        }
        if c != b'=' || n < 2 {
            return Err(CorruptInput(si - 1));
        }
        // Padding: "==" after two digits, "=" after three, then only newlines.
        if n == 2 {
            si = skip_newlines(src, si);
            match src.get(si) {
                None => return Err(CorruptInput(src.len())),
                Some(b'=') => si += 1,
                Some(_) => return Err(CorruptInput(si - 1)),
            }
        }
        si = skip_newlines(src, si);
        if si < src.len() {
            return Err(CorruptInput(si));
        }
        break;
    }
    let v = u32::from(digits[0]) << 18
        | u32::from(digits[1]) << 12
        | u32::from(digits[2]) << 6
        | u32::from(digits[3]);
    let bytes = v.to_be_bytes();
    out.extend_from_slice(&bytes[1..n]);
    Ok(si)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> String {
        decode(s).unwrap_err().to_string()
    }

    #[test]
    fn decodes_like_go() {
        assert_eq!(decode("aGVsbG8=").unwrap().bytes, b"hello");
        assert_eq!(decode("aGVs\nbG8=\r\n").unwrap().bytes, b"hello");
        assert_eq!(decode("").unwrap().bytes, b"");
        // Non-zero trailing bits are accepted by the non-strict StdEncoding.
        assert_eq!(decode("YR==").unwrap().bytes, b"a");
    }

    #[test]
    fn capacity_counts_newlines() {
        let d = decode("YWJj\n\n\n\n").unwrap();
        assert_eq!((d.bytes.len(), d.capacity), (3, 6));
    }

    #[test]
    fn error_offsets_match_go() {
        // Each expectation is what helm4's `b64dec` printed for the same input.
        // helm4: decryptAES "k" "YQ" -> illegal base64 data at input byte 0
        assert_eq!(err("YQ"), "illegal base64 data at input byte 0");
        assert_eq!(err("YWJjZA"), "illegal base64 data at input byte 4");
        assert_eq!(err("!!"), "illegal base64 data at input byte 0");
        assert_eq!(err("YW!j"), "illegal base64 data at input byte 2");
        assert_eq!(err("YQ=x"), "illegal base64 data at input byte 2");
        assert_eq!(err("YQ="), "illegal base64 data at input byte 3");
        assert_eq!(err("YWI=YWI="), "illegal base64 data at input byte 4");
        assert_eq!(err("Y==="), "illegal base64 data at input byte 1");
        assert_eq!(err("YQ==\n\nx"), "illegal base64 data at input byte 6");
        assert_eq!(decode("YQ=\n=").unwrap().bytes, b"a");
    }
}
