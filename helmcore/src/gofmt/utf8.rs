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

#[cfg(test)]
mod tests {
    use super::decode_rune;

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
