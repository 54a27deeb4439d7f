//! `snakecase`, `kebabcase` and `camelcase` as huandu/xstrings v1.5 does them
//! (`ToSnakeCase`, `ToKebabCase`, `ToPascalCase`): words are found by character class
//! (upper-case runs, lower-case runs, numbers, connectors `-` `_` and spaces,
//! punctuation) and re-joined with rules about where a number belongs.

use super::unicode::{is_letter, is_number, is_punct, is_space, is_upper, to_lower, to_upper};

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
    /// The end of the input.
    End,
    Number,
    Upper,
    Alphabet,
    Connector,
    Punct,
    Other,
}

/// The first word of `s`, its kind, and the rest.
fn next_word(s: &str) -> (Word, &str, &str) {
    let mut chars = s.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return (Word::End, "", "");
    };
    // The byte length of the longest prefix (after the first char) whose chars satisfy
    // `keep`.
    let run = |keep: &dyn Fn(char) -> bool| -> usize {
        let mut end = first.len_utf8();
        for c in s[end..].chars() {
            if !keep(c) {
                break;
            }
            end += c.len_utf8();
        }
        end
    };
    let (kind, len) = if is_connector(first) {
        (Word::Connector, run(&is_connector))
    } else if is_punct(first) {
        (Word::Punct, run(&is_punct))
    } else if is_upper(first) {
        let after = first.len_utf8();
        match s[after..].chars().next() {
            Some(c) if is_upper(c) => {
                // An upper-case run; in "HTTPServer" the last capital starts the next word.
                let mut end = after;
                let mut last_len = 0;
                let mut next = None;
                for c in s[after..].chars() {
                    if !is_upper(c) {
                        next = Some(c);
                        break;
                    }
                    last_len = c.len_utf8();
                    end += last_len;
                }
                if next.is_some_and(is_alphabet) {
                    end -= last_len;
                }
                (Word::Upper, end)
            }
            Some(c) if is_alphabet(c) => (Word::Upper, run(&|c| is_alphabet(c) && !is_upper(c))),
            _ => (Word::Upper, after),
        }
    } else if is_alphabet(first) {
        (Word::Alphabet, run(&|c| is_alphabet(c) && !is_upper(c)))
    } else if is_number(first) {
        (Word::Number, run(&is_number))
    } else {
        (
            Word::Other,
            run(&|c| !(is_connector(c) || is_alphabet(c) || is_number(c) || is_punct(c))),
        )
    };
    (kind, &s[..len], &s[len..])
}

/// Writes a word: upper-case and connector words are lowered (connectors become
/// `sep`); other words are written as they are.
fn emit(out: &mut String, kind: Word, word: &str, sep: char) {
    if kind != Word::Upper && kind != Word::Connector {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        if is_connector(c) {
            out.push(sep);
        } else if is_upper(c) {
            out.push(to_lower(c));
        } else {
            out.push(c);
        }
    }
}

/// xstrings' `camelCaseToLowerCase`: words joined by `sep`, where a number stays
/// attached to the word before it unless letters follow it (`version2Update` →
/// `version2_update`, `a1b2` → `a_1b2`).
pub(super) fn to_lower_case(s: &str, sep: char) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let (mut kind, mut word, mut rest) = next_word(s);
    let ends_word = |k: Word| matches!(k, Word::End | Word::Punct | Word::Connector);
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
                    out.push(sep);
                }
            }
            Word::Connector => emit(&mut out, prev, last, sep),
            Word::Punct => {}
            _ if kind != Word::Number => {
                if !matches!(kind, Word::Connector | Word::Punct) {
                    out.push(sep);
                }
            }
            _ if rest.is_empty() => {}
            _ => {
                let number = word;
                (kind, word, rest) = next_word(rest);
                if kind != Word::Alphabet {
                    emit(&mut out, Word::Number, number, sep);
                    if !matches!(kind, Word::Connector | Word::Punct) {
                        out.push(sep);
                    }
                } else {
                    out.push(sep);
                    emit(&mut out, Word::Number, number, sep);
                    while matches!(kind, Word::Alphabet | Word::Number) {
                        emit(&mut out, kind, word, sep);
                        (kind, word, rest) = next_word(rest);
                    }
                    if !ends_word(kind) {
                        out.push(sep);
                    }
                }
            }
        }
    }
    emit(&mut out, kind, word, sep);
    out
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
