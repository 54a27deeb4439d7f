//! Go's reading of UTF-8, which never fails: a byte that does not start a valid sequence
//! is one rune, U+FFFD, as `utf8.DecodeRune` and `for range` over a string see it.

/// Go's `utf8.DecodeRune`: the first rune of `b` and its width; an invalid or cut
/// sequence is U+FFFD of width 1, an empty slice U+FFFD of width 0.
pub(crate) fn decode_rune(b: &[u8]) -> (char, usize) {
    let want = match b.first() {
        None => return (char::REPLACEMENT_CHARACTER, 0),
        Some(&lead) if lead < 0x80 => return (lead as char, 1),
        Some(0xC2..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(0xF0..=0xF4) => 4,
        Some(_) => return (char::REPLACEMENT_CHARACTER, 1),
    };
    b.get(..want)
        .and_then(|seq| std::str::from_utf8(seq).ok())
        .and_then(|s| s.chars().next())
        .map_or((char::REPLACEMENT_CHARACTER, 1), |c| (c, want))
}

/// Go's `utf8.DecodeLastRune`: the last rune of `b` and its width, read as
/// [`decode_rune`] reads it.
pub(crate) fn decode_last_rune(b: &[u8]) -> (char, usize) {
    let Some(&last) = b.last() else {
        return (char::REPLACEMENT_CHARACTER, 0);
    };
    if last < 0x80 {
        return (last as char, 1);
    }
    let end = b.len();
    let lim = end.saturating_sub(4);
    // The nearest byte that can start a character, at most four back.
    let start = (lim..end - 1)
        .rev()
        .find(|&i| b[i] & 0xC0 != 0x80)
        .unwrap_or(lim);
    match decode_rune(&b[start..]) {
        (c, n) if start + n == end => (c, n),
        _ => (char::REPLACEMENT_CHARACTER, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode_last_rune, decode_rune};

    #[test]
    fn decodes_last_as_go_does() {
        assert_eq!(decode_last_rune(b""), ('\u{FFFD}', 0));
        assert_eq!(decode_last_rune(b"\xffa"), ('a', 1));
        assert_eq!(decode_last_rune("x\u{e9}".as_bytes()), ('\u{e9}', 2));
        assert_eq!(decode_last_rune(b"\xe2\x82"), ('\u{FFFD}', 1));
        assert_eq!(decode_last_rune(b"\xc3\xa9\xa9"), ('\u{FFFD}', 1));
        assert_eq!(decode_last_rune(b"\x80\x80\x80\x80\x80"), ('\u{FFFD}', 1));
        assert_eq!(decode_last_rune("\u{1F600}".as_bytes()), ('\u{1F600}', 4));
    }

    #[test]
    fn decodes_as_go_does() {
        assert_eq!(decode_rune(b""), ('\u{FFFD}', 0));
        assert_eq!(decode_rune(b"a\xff"), ('a', 1));
        assert_eq!(decode_rune("é!".as_bytes()), ('é', 2));
        assert_eq!(decode_rune("\u{FFFD}".as_bytes()), ('\u{FFFD}', 3));
        assert_eq!(decode_rune(b"\xe2\x82"), ('\u{FFFD}', 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), ('\u{FFFD}', 1)); // a surrogate
        assert_eq!(decode_rune(b"\xc0\x80"), ('\u{FFFD}', 1)); // overlong
        assert_eq!(decode_rune(b"\xf4\x90\x80\x80"), ('\u{FFFD}', 1)); // past U+10FFFF
        assert_eq!(decode_rune("\u{10FFFF}".as_bytes()), ('\u{10FFFF}', 4));
    }
}
