//! Go's `strconv` quoting and unquoting (`Quote`, `QuoteToASCII`, `QuoteRune`,
//! `Unquote`, `UnquoteChar`, `CanBackquote`).

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII
/// space, by general category (an unassigned code point is not printable).
///
/// ```
/// assert!(helmcore::gofmt::is_print('é'));
/// assert!(!helmcore::gofmt::is_print('\u{378}')); // unassigned
/// assert!(!helmcore::gofmt::is_print('\u{a0}'));
/// ```
pub fn is_print(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::PrivateUse
            | G::Surrogate
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if ascii_only {
        if c.is_ascii() && is_print(c) {
            out.push(c);
            return;
        }
    } else if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        _ => {
            let u = c as u32;
            if u < 0x20 || u == 0x7f {
                out.push_str("\\x");
                out.push(LOWERHEX[(u >> 4) as usize] as char);
                out.push(LOWERHEX[(u & 0xf) as usize] as char);
            } else if u < 0x10000 {
                out.push_str("\\u");
                for s in (0..=12).rev().step_by(4) {
                    out.push(LOWERHEX[((u >> s) & 0xf) as usize] as char);
                }
            } else {
                out.push_str("\\U");
                for s in (0..=28).rev().step_by(4) {
                    out.push(LOWERHEX[((u >> s) & 0xf) as usize] as char);
                }
            }
        }
    }
}

/// Go's `strconv.Quote`.
///
/// ```
/// assert_eq!(helmcore::gofmt::quote("a\"b\n"), r#""a\"b\n""#);
/// ```
pub fn quote(s: &str) -> String {
    quote_with(s, '"', false)
}

/// Go's `strconv.QuoteToASCII`.
pub fn quote_ascii(s: &str) -> String {
    quote_with(s, '"', true)
}

fn quote_with(s: &str, q: char, ascii_only: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        push_escaped(&mut out, c, q, ascii_only);
    }
    out.push(q);
    out
}

/// Go's `strconv.Quote` (`QuoteToASCII` with `ascii_only`) of a string's bytes: each byte
/// that does not start a valid UTF-8 sequence is written `\xNN`.
///
/// ```
/// let q = helmcore::gofmt::quote_bytes(b"\xe2\x82\xac\xe2\x82\n", false);
/// assert_eq!(q, "\"\u{20ac}\\xe2\\x82\\n\"");
/// ```
pub fn quote_bytes(bytes: &[u8], ascii_only: bool) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for chunk in bytes.utf8_chunks() {
        let (valid, bad) = (chunk.valid(), chunk.invalid());
        for c in valid.chars() {
            push_escaped(&mut out, c, '"', ascii_only);
        }
        for &b in bad {
            out.push_str("\\x");
            out.push(LOWERHEX[(b >> 4) as usize] as char);
            out.push(LOWERHEX[(b & 0xf) as usize] as char);
        }
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteRune` (`QuoteRuneToASCII` with `ascii_only`).
pub fn quote_rune(c: char, ascii_only: bool) -> String {
    let mut out = String::from('\'');
    push_escaped(&mut out, c, '\'', ascii_only);
    out.push('\'');
    out
}

/// Go's `strconv.CanBackquote`.
pub fn can_backquote(s: &str) -> bool {
    s.chars()
        .all(|c| c != '`' && c != '\u{FEFF}' && (c == '\t' || !(c < ' ' || c == '\x7f')))
}

/// Go's `%#U` of a rune: `U+0041 'A'`.
pub fn fmt_unicode_hash(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// Go's `strconv.ErrSyntax` text.
const SYNTAX: &str = "invalid syntax";

/// Go's `strconv.UnquoteChar` for a quoted literal's body: the first (possibly escaped)
/// character of `s` and the rest. `\x` and octal escapes above 0x7f stand for single bytes
/// in Go; Rust strings hold only UTF-8, so they become U+FFFD.
pub fn unquote_char(s: &str, quote: char) -> Result<(char, &str), &'static str> {
    let mut chars = s.chars();
    let c = chars.next().ok_or(SYNTAX)?;
    if c == quote && (quote == '\'' || quote == '"') {
        return Err(SYNTAX);
    }
    if c != '\\' {
        return Ok((c, chars.as_str()));
    }
    let e = chars.next().ok_or(SYNTAX)?;
    let rest = chars.as_str();
    let simple = match e {
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        '\\' => Some('\\'),
        '\'' | '"' => {
            if e != quote {
                return Err(SYNTAX);
            }
            Some(e)
        }
        _ => None,
    };
    if let Some(v) = simple {
        return Ok((v, rest));
    }
    match e {
        'x' | 'u' | 'U' => {
            let n = match e {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let digits = rest.get(..n).ok_or(SYNTAX)?;
            let v = u32::from_str_radix(digits, 16).map_err(|_| SYNTAX)?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(SYNTAX);
            }
            let c = if e == 'x' {
                if v < 0x80 {
                    char::from(v as u8)
                } else {
                    '\u{FFFD}'
                }
            } else {
                char::from_u32(v).ok_or(SYNTAX)?
            };
            Ok((c, &rest[n..]))
        }
        '0'..='7' => {
            let digits = rest.get(..2).ok_or(SYNTAX)?;
            let mut v = e as u32 - '0' as u32;
            for b in digits.bytes() {
                if !(b'0'..=b'7').contains(&b) {
                    return Err(SYNTAX);
                }
                v = v << 3 | (b - b'0') as u32;
            }
            if v > 255 {
                return Err(SYNTAX);
            }
            Ok((
                if v < 0x80 {
                    char::from(v as u8)
                } else {
                    '\u{FFFD}'
                },
                &rest[2..],
            ))
        }
        _ => Err(SYNTAX),
    }
}

/// Go's `strconv.Unquote` for `"..."`, `` `...` `` and `'.'` literals.
///
/// ```
/// assert_eq!(helmcore::gofmt::unquote(r#""a\tb""#).unwrap(), "a\tb");
/// assert_eq!(helmcore::gofmt::unquote("`a\\tb`").unwrap(), "a\\tb");
/// assert!(helmcore::gofmt::unquote(r#""\q""#).is_err());
/// ```
pub fn unquote(s: &str) -> Result<String, &'static str> {
    let q = s.chars().next().ok_or(SYNTAX)?;
    if s.len() < 2 || !s.ends_with(q) {
        return Err(SYNTAX);
    }
    let body = &s[1..s.len() - 1];
    match q {
        '`' => {
            if body.contains('`') {
                return Err(SYNTAX);
            }
            Ok(body.replace('\r', ""))
        }
        '"' | '\'' => {
            if body.contains('\n') {
                return Err(SYNTAX);
            }
            let mut out = String::with_capacity(body.len());
            let mut rest = body;
            while !rest.is_empty() {
                let (c, tail) = unquote_char(rest, q)?;
                out.push(c);
                rest = tail;
                if q == '\'' {
                    break;
                }
            }
            if q == '\'' && (!rest.is_empty() || out.is_empty()) {
                return Err(SYNTAX);
            }
            Ok(out)
        }
        _ => Err(SYNTAX),
    }
}

/// The bytes of a double-quoted Go string literal with `\x` or octal escapes above 0x7f,
/// each of which is one byte in Go (so `"\xc3\xa9"` is `é`, and `"\xff"` is not UTF-8);
/// `None` for any other literal, whose text [`unquote`] gives exactly.
///
/// ```
/// use helmcore::gofmt::unquote_bytes;
/// assert_eq!(unquote_bytes(r#""a\xff\303""#), Some(b"a\xff\xc3".to_vec()));
/// assert_eq!(unquote_bytes(r#""\xc3\xa9""#), Some("é".as_bytes().to_vec()));
/// assert_eq!(unquote_bytes(r#""\x41\n""#), None);
/// ```
pub fn unquote_bytes(s: &str) -> Option<Vec<u8>> {
    let body = s.strip_prefix('"')?.strip_suffix('"')?;
    if !body.contains('\\') {
        return None;
    }
    let mut out = Vec::with_capacity(body.len());
    let mut high = false;
    let mut rest = body;
    while !rest.is_empty() {
        let b = rest.as_bytes();
        let byte = match b {
            [b'\\', b'x', h, l, ..] if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                u8::from_str_radix(&rest[2..4], 16).ok().map(|v| (v, 4))
            }
            [b'\\', d @ b'0'..=b'7', e @ b'0'..=b'7', f @ b'0'..=b'7', ..] => {
                let v =
                    (u32::from(d - b'0') << 6) | (u32::from(e - b'0') << 3) | u32::from(f - b'0');
                u8::try_from(v).ok().map(|v| (v, 4))
            }
            _ => None,
        };
        match byte {
            Some((v, n)) => {
                high |= v >= 0x80;
                out.push(v);
                rest = &rest[n..];
            }
            None => {
                let (c, tail) = unquote_char(rest, '"').ok()?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                rest = tail;
            }
        }
    }
    high.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_matches_go() {
        assert_eq!(quote("héllo\x01\u{a0}"), "\"héllo\\x01\\u00a0\"");
        assert_eq!(quote_ascii("é"), "\"\\u00e9\"");
        assert_eq!(quote_rune('a', false), "'a'");
        assert_eq!(quote_rune('\'', false), "'\\''");
        assert_eq!(quote("\u{1F600}"), "\"\u{1F600}\"");
        assert!(can_backquote("a\tb"));
        assert!(!can_backquote("a`b"));
        // Unassigned code points and format characters are escaped (helm v4.1.4,
        // `printf "%q" "\u0378\U000E01F0\u2065"`).
        assert_eq!(
            quote("\u{378}\u{E01F0}\u{2065}"),
            "\"\\u0378\\U000e01f0\\u2065\""
        );
    }

    #[test]
    fn unquoting_matches_go() {
        assert_eq!(unquote("\"\\u00e9\\x41\\101\"").unwrap(), "éAA");
        assert_eq!(unquote("'a'").unwrap(), "a");
        assert!(unquote("'ab'").is_err());
        assert!(unquote("\"\\'\"").is_err());
        assert_eq!(unquote("`a\r\nb`").unwrap(), "a\nb");
    }
}
