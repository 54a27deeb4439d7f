//! Carrying the raw bytes of [`Value::Bytes`] through text buffers.
//!
//! Go writes a string's bytes as they are: `printf "%s"` of a binary file, a template
//! printing it, an `include` of such a template all yield the same bytes. helmcore's
//! printers build a Rust `String`, which cannot hold invalid UTF-8, so a printer writes
//! each byte that is not part of a valid UTF-8 sequence as one *escape character* from
//! the last 128 code points of Unicode's private use plane 16 (U+10FF80 + byte − 0x80),
//! notes that it did, and at the end turns its buffer back into bytes with
//! [`unescape`]. Only buffers that received a byte string are ever unescaped, and
//! valid characters of that range inside a byte string are escaped byte by byte, so
//! they round-trip too.
//!
//! An escape counts as one character, as Go counts an invalid byte as one rune (`%5s`
//! padding, `%.3s` truncation).

use super::Value;

/// The first escape character: it stands for byte 0x80.
const BASE: u32 = 0x10FF00;
/// Every escape character starts with this byte in UTF-8 (`F4 8F BE`/`F4 8F BF`).
const LEAD: u8 = 0xF4;

fn escape_char(b: u8) -> char {
    char::from_u32(BASE + b as u32).unwrap_or(char::REPLACEMENT_CHARACTER)
}

pub(crate) fn is_escape(c: char) -> bool {
    (BASE + 0x80..=BASE + 0xFF).contains(&(c as u32))
}

/// Whether `s` holds an escape character (or a character of their range).
pub(crate) fn holds_escapes(s: &str) -> bool {
    s.as_bytes().contains(&LEAD) && s.chars().any(is_escape)
}

/// Appends `bytes` to `out`: valid UTF-8 as is, every other byte as its escape.
pub(crate) fn push_escaped(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        let (valid, bad) = (chunk.valid(), chunk.invalid());
        if valid.as_bytes().contains(&LEAD) {
            for c in valid.chars() {
                if is_escape(c) {
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push(escape_char(b));
                    }
                } else {
                    out.push(c);
                }
            }
        } else {
            out.push_str(valid);
        }
        // Go reads each byte of a broken sequence as one rune.
        for &b in bad {
            out.push(escape_char(b));
        }
    }
}

/// The bytes a buffer written with [`push_escaped`] stands for.
pub(crate) fn unescape_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if is_escape(c) {
            out.push((c as u32 - BASE) as u8);
        } else {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// Text for bytes built from escaped text (escape characters copied as their UTF-8,
/// other bytes added): valid UTF-8 as is, escapes included, every other byte as its
/// escape.
pub(crate) fn escape_invalid(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(escape_char(b));
        }
    }
    out
}

/// The Go string a buffer written with [`push_escaped`] stands for.
pub(crate) fn unescape(s: String) -> Value {
    if !s.as_bytes().contains(&LEAD) {
        return Value::String(s.into());
    }
    Value::from_go_bytes(unescape_bytes(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_through_escapes() {
        let cases: [&[u8]; 5] = [
            b"plain",
            b"\x00\x01\xff\xfeabc\xc3\x28\xe2\x82\n",
            "caf\u{e9}\u{10FF80}\u{10FFFF}".as_bytes(),
            b"\xf4\x8f\xbe\x80\xff",
            b"\xe2\x82",
        ];
        for bytes in cases {
            let mut s = String::from("x");
            push_escaped(&mut s, bytes);
            let mut want = b"x".to_vec();
            want.extend_from_slice(bytes);
            assert_eq!(unescape_bytes(&s), want, "{bytes:?}");
        }
    }

    #[test]
    fn each_invalid_byte_is_one_character() {
        let mut s = String::new();
        push_escaped(&mut s, b"a\xe2\x82b");
        assert_eq!(s.chars().count(), 4);
        assert_eq!(unescape(s), Value::from_go_slice(b"a\xe2\x82b"));
        assert_eq!(unescape("ok".to_string()), Value::from("ok"));
    }
}
