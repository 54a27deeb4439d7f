//! `snakecase`, `kebabcase` and `camelcase` as huandu/xstrings v1.5 does them
//! (`ToSnakeCase`, `ToKebabCase`, `ToPascalCase`): words are found by character class
//! (upper-case runs, lower-case runs, numbers, connectors `-` `_` and spaces,
//! punctuation) and re-joined with rules about where a number belongs.

use super::unicode::{is_letter, is_number, is_punct, is_space, is_upper, to_lower, to_upper};
use crate::gofmt::decode_rune;

fn is_connector(c: char) -> bool {
    c == '-' || c == '_' || is_space(c)
}

/// A letter that is not a CJK ideograph (which xstrings treats as "other"). xstrings
/// knows three ranges of ideographs; kana, hangul and the compatibility ideographs are
/// letters like any other (so `日本語テキスト` is two words).
fn is_alphabet(c: char) -> bool {
    let ideograph = matches!(c as u32, 0x4E00..=0x9FCC | 0x3400..=0x4D85 | 0x20000..=0x2B81D);
    is_letter(c) && !ideograph
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Word {
    /// Nothing valid: the end of the input, or an input of invalid UTF-8 only.
    Invalid,
    Number,
    Upper,
    Alphabet,
    Connector,
    Punct,
    Other,
}

/// xstrings' `nextValidRune`: the first rune of `s` that is not U+FFFD, and the length
/// of `s` up to its end; `prev` and the whole length when there is none. Invalid bytes
/// (and U+FFFD itself) never decide where a word ends: they join the word of the rune
/// after them, or at the end of the input the word before them.
fn next_valid(s: &[u8], prev: char) -> (char, usize) {
    let mut size = 0;
    while let Some(rest) = s.get(size..).filter(|r| !r.is_empty()) {
        let (r, n) = decode_rune(rest);
        size += n;
        if r != char::REPLACEMENT_CHARACTER {
            return (r, size);
        }
    }
    (prev, size)
}

/// Extends a word of `s` that ends at `len` (its last rune `prev`) while the next valid
/// rune satisfies `keep`; returns the new end and the rune that stopped it.
fn extend(s: &[u8], mut len: usize, mut prev: char, keep: impl Fn(char) -> bool) -> (usize, char) {
    while let Some(rest) = s.get(len..).filter(|r| !r.is_empty()) {
        let (r, n) = next_valid(rest, prev);
        prev = r;
        if !keep(r) {
            break;
        }
        len += n;
    }
    (len, prev)
}

/// The first word of `s`, its kind, and the rest.
fn next_word(s: &[u8]) -> (Word, &[u8], &[u8]) {
    let (first, start) = next_valid(s, char::REPLACEMENT_CHARACTER);
    if first == char::REPLACEMENT_CHARACTER {
        return (Word::Invalid, s, b"");
    }
    let (kind, len) = if is_connector(first) {
        (Word::Connector, extend(s, start, first, is_connector).0)
    } else if is_punct(first) {
        (Word::Punct, extend(s, start, first, is_punct).0)
    } else if is_upper(first) {
        (Word::Upper, upper_word(s, start, first))
    } else if is_alphabet(first) {
        let lower = |c| is_alphabet(c) && !is_upper(c);
        (Word::Alphabet, extend(s, start, first, lower).0)
    } else if is_number(first) {
        (Word::Number, extend(s, start, first, is_number).0)
    } else {
        let other = |c| !(is_connector(c) || is_alphabet(c) || is_number(c) || is_punct(c));
        (Word::Other, extend(s, start, first, other).0)
    };
    s.split_at_checked(len)
        .map_or((kind, s, &[][..]), |(word, rest)| (kind, word, rest))
}

/// The end of a word that starts with a capital (ending at `start`): a run of capitals,
/// less the last when a letter follows it (in "HTTPServer" the `S` starts the next
/// word), or the capital and the small letters after it.
fn upper_word(s: &[u8], start: usize, first: char) -> usize {
    let Some(rest) = s.get(start..).filter(|r| !r.is_empty()) else {
        return start;
    };
    let (r, n) = next_valid(rest, first);
    if is_upper(r) {
        let (mut len, mut last) = (start + n, n);
        let mut prev = r;
        while let Some(rest) = s.get(len..).filter(|r| !r.is_empty()) {
            let (r, n) = next_valid(rest, prev);
            prev = r;
            if !is_upper(r) {
                break;
            }
            (len, last) = (len + n, n);
        }
        if len < s.len() && is_alphabet(prev) {
            len -= last;
        }
        len
    } else if is_alphabet(r) {
        extend(s, start + n, r, |c| is_alphabet(c) && !is_upper(c)).0
    } else {
        start
    }
}

/// Writes a word: upper-case and connector words rune by rune, lowered (connectors
/// become `sep`, an invalid byte U+FFFD); other words byte for byte.
fn emit(out: &mut Vec<u8>, kind: Word, word: &[u8], sep: char) {
    if kind != Word::Upper && kind != Word::Connector {
        out.extend_from_slice(word);
        return;
    }
    let mut i = 0;
    while let Some(rest) = word.get(i..).filter(|r| !r.is_empty()) {
        let (c, n) = decode_rune(rest);
        i += n;
        let c = if is_connector(c) {
            sep
        } else if is_upper(c) {
            to_lower(c)
        } else {
            c
        };
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// xstrings' `camelCaseToLowerCase`: words joined by `sep`, where a number stays
/// attached to the word before it unless letters follow it (`version2Update` →
/// `version2_update`, `a1b2` → `a_1b2`). Works on a Go string's bytes, invalid UTF-8
/// included.
pub(super) fn to_lower_case(s: &[u8], sep: char) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 4);
    let (mut kind, mut word, mut rest) = next_word(s);
    let ends_word = |k: Word| matches!(k, Word::Invalid | Word::Punct | Word::Connector);
    while !rest.is_empty() {
        if kind != Word::Connector {
            emit(&mut out, kind, word, sep);
        }
        let (prev, last) = (kind, word);
        (kind, word, rest) = next_word(rest);
        match prev {
            Word::Number => {
                while matches!(kind, Word::Alphabet | Word::Number) {
                    emit(&mut out, kind, word, sep);
                    (kind, word, rest) = next_word(rest);
                }
                if !ends_word(kind) {
                    push_sep(&mut out, sep);
                }
            }
            Word::Connector => emit(&mut out, prev, last, sep),
            Word::Punct => {}
            _ if kind != Word::Number => {
                if !matches!(kind, Word::Connector | Word::Punct) {
                    push_sep(&mut out, sep);
                }
            }
            _ if rest.is_empty() => {}
            _ => {
                let number = word;
                (kind, word, rest) = next_word(rest);
                if kind != Word::Alphabet {
                    emit(&mut out, Word::Number, number, sep);
                    if !matches!(kind, Word::Connector | Word::Punct) {
                        push_sep(&mut out, sep);
                    }
                } else {
                    push_sep(&mut out, sep);
                    emit(&mut out, Word::Number, number, sep);
                    while matches!(kind, Word::Alphabet | Word::Number) {
                        emit(&mut out, kind, word, sep);
                        (kind, word, rest) = next_word(rest);
                    }
                    if !ends_word(kind) {
                        push_sep(&mut out, sep);
                    }
                }
            }
        }
    }
    emit(&mut out, kind, word, sep);
    out
}

fn push_sep(out: &mut Vec<u8>, sep: char) {
    out.extend_from_slice(sep.encode_utf8(&mut [0; 4]).as_bytes());
}

/// xstrings' `ToPascalCase`: connectors are dropped (one of a run of them is kept for
/// each extra connector), the letter after a connector is capitalised, and a word that
/// starts with a capital has the capitals that follow it lowered (`HTTPServer` →
/// `Httpserver`, `FOO_BAR` → `FooBar`).
pub(super) fn to_pascal_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    let mut upper_run = false;
    let mut started = false;
    for c in chars.by_ref() {
        if is_connector(c) {
            out.push(c);
            continue;
        }
        upper_run = is_upper(c);
        out.push(to_upper(c));
        started = true;
        break;
    }
    if !started {
        // Only connectors: Go writes the last one a second time.
        if let Some(last) = s.chars().last() {
            out.push(last);
        }
        return out;
    }
    let mut pending: Option<char> = None;
    for c in chars {
        if is_connector(c) {
            if let Some(p) = pending {
                out.push(p);
            }
            pending = Some(c);
            continue;
        }
        if pending.take().is_some() {
            upper_run = is_upper(c);
            out.push(to_upper(c));
        } else if upper_run && is_upper(c) {
            out.push(to_lower(c));
        } else {
            upper_run = false;
            out.push(c);
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_lower_case;

    /// Invalid UTF-8 (and U+FFFD itself) never ends a word: it joins the word of the rune
    /// after it (at the end, the word before it), kept as bytes in small-letter, number
    /// and other words, written as U+FFFD in capital and connector words (helm v4.1.4,
    /// `kebabcase` of `.Files.Get` of a binary file).
    #[test]
    fn invalid_utf8_as_helm() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"ok\xff\xfe caf\xe9 \xe2\x82",
                "ok\u{FFFD}\u{FFFD}-caf\u{FFFD}-\u{FFFD}\u{FFFD}",
            ),
            (b"\xff", "\\xff"),
            (b"\xffabc", "\\xffabc"),
            (b"abc\xff", "abc\\xff"),
            (b"ABC\xffdef", "ab-c\u{FFFD}def"),
            (b"a\xffB", "a-\u{FFFD}b"),
            (b"1\xff2", "1\\xff2"),
            (b"a1\xffb", "a-1\\xffb"),
            (b"\xff-\xff", "\u{FFFD}-\u{FFFD}"),
            (b"HTTP\xffServer", "http-\u{FFFD}server"),
            (b"x\xff\xff", "x\\xff\\xff"),
            (b"\xe9t\xe9", "\\xe9t\\xe9"),
            (b"a.\xffb", "a.\\xffb"),
            (b"A\xff", "a\u{FFFD}"),
            (b"9\xffa", "9\\xffa"),
            (b"\xff 1", "\u{FFFD}-1"),
            ("a\u{FFFD}b".as_bytes(), "a\u{FFFD}b"),
        ];
        for (input, want) in cases {
            let got = to_lower_case(input, '-');
            let mut shown = String::new();
            for chunk in got.utf8_chunks() {
                shown.push_str(chunk.valid());
                for b in chunk.invalid() {
                    shown.push_str(&format!("\\x{b:02x}"));
                }
            }
            assert_eq!(shown, *want, "kebabcase of {input:?}");
        }
    }
}
