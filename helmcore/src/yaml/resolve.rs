//! YAML 1.1 scalar resolution as go-yaml v2 does it: `yes`/`on`/`y` are booleans, `0777`
//! is octal, `1_000` is an int, timestamps stay strings, tags are checked.
//!
//! Written without regexes: every scalar of a values file goes through here.

use crate::value::Str;

pub(crate) const STR_TAG: &str = "tag:yaml.org,2002:str";
pub(crate) const BOOL_TAG: &str = "tag:yaml.org,2002:bool";
pub(crate) const INT_TAG: &str = "tag:yaml.org,2002:int";
pub(crate) const FLOAT_TAG: &str = "tag:yaml.org,2002:float";
pub(crate) const NULL_TAG: &str = "tag:yaml.org,2002:null";
pub(crate) const TIMESTAMP_TAG: &str = "tag:yaml.org,2002:timestamp";
pub(crate) const BINARY_TAG: &str = "tag:yaml.org,2002:binary";
pub(crate) const MERGE_TAG: &str = "tag:yaml.org,2002:merge";

/// A scalar as go-yaml decodes it into `interface{}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    /// Go `int` (64-bit).
    Int(i64),
    /// Go `uint64`: positive integers beyond `int64`.
    Uint(u64),
    Float(f64),
    Str(Str),
}

/// go-yaml's `shortTag`: `tag:yaml.org,2002:int` is printed `!!int`.
pub(crate) fn short_tag(tag: &str) -> String {
    match tag.strip_prefix("tag:yaml.org,2002:") {
        Some(rest) => format!("!!{rest}"),
        None => tag.to_owned(),
    }
}

/// Resolves a scalar node: `tag` is the node's (expanded) tag, `implicit` libyaml's
/// plain-implicit flag. `Err` carries go-yaml's failure text (`cannot decode ...`).
pub(crate) fn resolve_node(
    tag: Option<&str>,
    value: &Str,
    implicit: bool,
) -> Result<Scalar, String> {
    let tag = match tag {
        None if !implicit => return Ok(Scalar::Str(value.clone())),
        None => "",
        Some(t) => t,
    };
    if tag == BINARY_TAG {
        return decode_binary(value);
    }
    if !matches!(
        tag,
        "" | STR_TAG | BOOL_TAG | INT_TAG | FLOAT_TAG | NULL_TAG | TIMESTAMP_TAG
    ) {
        return Ok(Scalar::Str(value.clone()));
    }
    let (rtag, out) = resolve(tag, value);
    let out = out.unwrap_or_else(|| Scalar::Str(value.clone()));
    if tag.is_empty() || tag == rtag || tag == STR_TAG {
        return Ok(out);
    }
    if tag == FLOAT_TAG && rtag == INT_TAG {
        if let Scalar::Int(n) = out {
            return Ok(Scalar::Float(n as f64));
        }
    }
    Err(format!(
        "cannot decode {} `{}` as a {}",
        short_tag(rtag),
        value,
        short_tag(tag)
    ))
}

/// The resolved tag and value of `value` under `tag` (one of the resolvable tags);
/// `None` stands for the string itself, so that no copy is made.
fn resolve(tag: &str, value: &str) -> (&'static str, Option<Scalar>) {
    let hint = match value.as_bytes().first() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => 0,
    };
    if hint != 0 && tag != STR_TAG {
        if let Some((t, v)) = lookup(value) {
            return (t, Some(v));
        }
        match hint {
            b'.' => {
                if let Some(f) = parse_dot_float(value) {
                    return (FLOAT_TAG, Some(Scalar::Float(f)));
                }
            }
            b'D' | b'S' => {
                if (tag.is_empty() || tag == TIMESTAMP_TAG) && is_timestamp(value) {
                    return (TIMESTAMP_TAG, None);
                }
                if let Some((t, n)) = number(value) {
                    return (t, Some(n));
                }
            }
            _ => {}
        }
    }
    (STR_TAG, None)
}

/// go-yaml's fixed table of YAML 1.1 words.
fn lookup(v: &str) -> Option<(&'static str, Scalar)> {
    Some(match v {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            (BOOL_TAG, Scalar::Bool(true))
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            (BOOL_TAG, Scalar::Bool(false))
        }
        "" | "~" | "null" | "Null" | "NULL" => (NULL_TAG, Scalar::Null),
        ".nan" | ".NaN" | ".NAN" => (FLOAT_TAG, Scalar::Float(f64::NAN)),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            (FLOAT_TAG, Scalar::Float(f64::INFINITY))
        }
        "-.inf" | "-.Inf" | "-.INF" => (FLOAT_TAG, Scalar::Float(f64::NEG_INFINITY)),
        _ => return None,
    })
}

/// Whether a plain scalar would resolve to something other than a string (go-yaml's
/// test for whether a string must be quoted when encoded).
pub(crate) fn is_plain_non_string(value: &str) -> bool {
    resolve("", value).0 != STR_TAG
}

/// An int, uint or float from a `D`/`S`-hinted scalar, as go-yaml tries them in turn.
fn number(value: &str) -> Option<(&'static str, Scalar)> {
    let owned;
    let plain = if value.contains('_') {
        owned = value.replace('_', "");
        owned.as_str()
    } else {
        value
    };
    if let Some(n) = go_parse_int(plain) {
        return Some((INT_TAG, Scalar::Int(n)));
    }
    if let Some(n) = go_parse_uint_base0(plain) {
        return Some((INT_TAG, Scalar::Uint(n)));
    }
    if is_yaml_float(plain) {
        if let Some(f) = parse_finite(plain) {
            return Some((FLOAT_TAG, Scalar::Float(f)));
        }
    }
    if let Some(bits) = plain.strip_prefix("0b") {
        if let Some(n) = parse_signed_radix(bits, 2) {
            return Some((INT_TAG, Scalar::Int(n)));
        }
        if let Some(n) = parse_digits(bits, 2) {
            return Some((INT_TAG, Scalar::Uint(n)));
        }
    } else if let Some(bits) = plain.strip_prefix("-0b") {
        if let Some(n) = parse_signed_radix(&format!("-{bits}"), 2) {
            return Some((INT_TAG, Scalar::Int(n)));
        }
    }
    None
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, go-yaml's float syntax.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat` for a scalar that starts with `.`: only `\.[0-9]+` with an
/// optional exponent parses.
fn parse_dot_float(s: &str) -> Option<f64> {
    if s.starts_with('.') && is_yaml_float(s) {
        parse_finite(s)
    } else {
        None
    }
}

/// Parses decimal float syntax already checked; `None` when Go reports a range error.
fn parse_finite(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, `0x`/`0o`/`0b`/`0` prefixes.
pub(crate) fn go_parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let u = go_parse_uint_base0(body)?;
    if neg {
        if u <= 1u64 << 63 {
            Some((u as i64).wrapping_neg())
        } else {
            None
        }
    } else {
        i64::try_from(u).ok()
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)` (no sign accepted).
fn go_parse_uint_base0(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    if b[0] == b'0' && b.len() >= 3 {
        match b[1] {
            b'b' | b'B' => return parse_digits(&s[2..], 2),
            b'o' | b'O' => return parse_digits(&s[2..], 8),
            b'x' | b'X' => return parse_digits(&s[2..], 16),
            _ => {}
        }
    }
    if b[0] == b'0' {
        if b.len() == 1 {
            return Some(0);
        }
        return parse_digits(&s[1..], 8);
    }
    parse_digits(s, 10)
}

/// Go's `strconv.ParseInt(s, radix, 64)` with an optional sign.
fn parse_signed_radix(s: &str, radix: u32) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let u = parse_digits(body, radix)?;
    if neg {
        (u <= 1u64 << 63).then(|| (u as i64).wrapping_neg())
    } else {
        i64::try_from(u).ok()
    }
}

/// Unsigned digits in `radix`, no sign, no prefix; `None` on overflow or a bad digit.
fn parse_digits(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for c in s.chars() {
        let d = c.to_digit(radix)?;
        n = n.checked_mul(radix as u64)?.checked_add(d as u64)?;
    }
    Some(n)
}

/// go-yaml's `!!binary`: standard base64 (Go's decoder skips line breaks).
fn decode_binary(value: &str) -> Result<Scalar, String> {
    use base64::Engine;
    let clean: String = value.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    match base64::engine::general_purpose::STANDARD.decode(clean.as_bytes()) {
        Ok(bytes) => Ok(Scalar::Str(super::utf8::go_lossy(&bytes).into())),
        Err(_) => Err("!!binary value contains invalid base64 data".into()),
    }
}

/// Whether `s` parses with one of go-yaml's timestamp layouts (`2006-1-2`,
/// `2006-1-2T15:4:5.999999999Z07:00` and its lower-case `t` form,
/// `2006-1-2 15:4:5.999999999`), as Go's `time.Parse` reads them.
pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let year: u32 = s[..4].parse().unwrap_or(0);
    let mut i = 5;
    let Some(month) = num12(b, &mut i).filter(|m| (1..=12).contains(m)) else {
        return false;
    };
    if b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    let Some(day) = num12(b, &mut i) else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day < 1 || day > days {
        return false;
    }
    if i == b.len() {
        return true;
    }
    match b[i] {
        b'T' | b't' => {
            i += 1;
            time_of_day(b, &mut i) && zone(b, &mut i) && i == b.len()
        }
        b' ' => {
            while b.get(i) == Some(&b' ') {
                i += 1;
            }
            time_of_day(b, &mut i) && i == b.len()
        }
        _ => false,
    }
}

/// One or two digits (Go's `getnum` for non-padded layout fields).
fn num12(b: &[u8], i: &mut usize) -> Option<u32> {
    let d1 = b.get(*i).filter(|c| c.is_ascii_digit())?;
    *i += 1;
    let mut n = (d1 - b'0') as u32;
    if let Some(d2) = b.get(*i).filter(|c| c.is_ascii_digit()) {
        n = n * 10 + (d2 - b'0') as u32;
        *i += 1;
    }
    Some(n)
}

/// `15:4:5` with an optional `.fraction`.
fn time_of_day(b: &[u8], i: &mut usize) -> bool {
    let ok = num12(b, i).is_some_and(|h| h < 24)
        && b.get(*i) == Some(&b':')
        && {
            *i += 1;
            num12(b, i).is_some_and(|m| m < 60)
        }
        && b.get(*i) == Some(&b':')
        && {
            *i += 1;
            num12(b, i).is_some_and(|s| s < 60)
        };
    if ok && matches!(b.get(*i), Some(b'.' | b',')) && b.get(*i + 1).is_some_and(u8::is_ascii_digit)
    {
        *i += 1;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
    }
    ok
}

/// `Z07:00`: `Z` or `±hh:mm`.
fn zone(b: &[u8], i: &mut usize) -> bool {
    match b.get(*i) {
        Some(b'Z') => {
            *i += 1;
            true
        }
        Some(b'+' | b'-') => {
            let z = b.get(*i + 1..*i + 6);
            let ok = z.is_some_and(|z| {
                z[0].is_ascii_digit()
                    && z[1].is_ascii_digit()
                    && z[2] == b':'
                    && z[3].is_ascii_digit()
                    && z[4].is_ascii_digit()
            });
            if ok {
                *i += 6;
            }
            ok
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: &str) -> Scalar {
        resolve_node(None, &Str::from(v), true).unwrap()
    }

    #[test]
    fn yaml11_words() {
        for t in [
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE",
        ] {
            assert_eq!(plain(t), Scalar::Bool(true), "{t}");
        }
        for f in ["n", "N", "no", "NO", "off", "Off", "false", "FALSE"] {
            assert_eq!(plain(f), Scalar::Bool(false), "{f}");
        }
        for n in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(n), Scalar::Null, "{n}");
        }
        assert_eq!(plain("yES"), Scalar::Str("yES".into()));
        assert_eq!(plain("<<"), Scalar::Str("<<".into()));
    }

    #[test]
    fn numbers_as_go_yaml_reads_them() {
        // Expectations from helm4 (toJson of a values file holding these).
        assert_eq!(plain("0x1F"), Scalar::Int(31));
        assert_eq!(plain("0777"), Scalar::Int(511));
        assert_eq!(plain("1_000"), Scalar::Int(1000));
        assert_eq!(plain("0b101"), Scalar::Int(5));
        assert_eq!(plain("0o17"), Scalar::Int(15));
        assert_eq!(plain("-0"), Scalar::Int(0));
        assert_eq!(plain("+12"), Scalar::Int(12));
        assert_eq!(
            plain("12345678901234567890"),
            Scalar::Uint(12345678901234567890)
        );
        assert_eq!(plain("08"), Scalar::Float(8.0));
        assert_eq!(plain("1e3"), Scalar::Float(1000.0));
        assert_eq!(plain(".5"), Scalar::Float(0.5));
        assert_eq!(plain("+.5"), Scalar::Float(0.5));
        assert_eq!(plain("1."), Scalar::Float(1.0));
        assert_eq!(plain("1e400"), Scalar::Str("1e400".into()));
        assert_eq!(plain("0o8"), Scalar::Str("0o8".into()));
        assert_eq!(plain("3:25:45"), Scalar::Str("3:25:45".into()));
        assert_eq!(plain("2001-12-14"), Scalar::Str("2001-12-14".into()));
        assert!(matches!(plain(".NaN"), Scalar::Float(f) if f.is_nan()));
        assert_eq!(plain("-.inf"), Scalar::Float(f64::NEG_INFINITY));
        assert_eq!(plain("0x_1F"), Scalar::Int(31));
        assert_eq!(plain("-0b11"), Scalar::Int(-3));
        assert_eq!(plain("99999999999999999999999"), Scalar::Float(1e23));
    }

    #[test]
    fn tags() {
        let t = |tag: &str, v: &str| resolve_node(Some(tag), &Str::from(v), false);
        assert_eq!(t(FLOAT_TAG, "1"), Ok(Scalar::Float(1.0)));
        assert_eq!(t(STR_TAG, "1"), Ok(Scalar::Str("1".into())));
        assert_eq!(t(INT_TAG, "12"), Ok(Scalar::Int(12)));
        assert_eq!(t("!foo", "bar"), Ok(Scalar::Str("bar".into())));
        assert_eq!(t(BINARY_TAG, "aGVsbG8="), Ok(Scalar::Str("hello".into())));
        // helm4: the same texts.
        assert_eq!(
            t(INT_TAG, "1.5"),
            Err("cannot decode !!float `1.5` as a !!int".into())
        );
        assert_eq!(
            t(NULL_TAG, "foo"),
            Err("cannot decode !!str `foo` as a !!null".into())
        );
        assert_eq!(
            t(TIMESTAMP_TAG, "foo"),
            Err("cannot decode !!str `foo` as a !!timestamp".into())
        );
        assert_eq!(
            t(TIMESTAMP_TAG, "2001-12-14t21:59:43.10-05:00"),
            Ok(Scalar::Str("2001-12-14t21:59:43.10-05:00".into()))
        );
        assert_eq!(
            t(BINARY_TAG, "!!"),
            Err("!!binary value contains invalid base64 data".into())
        );
    }

    #[test]
    fn timestamps() {
        assert!(is_timestamp("2001-12-14"));
        assert!(is_timestamp("2001-1-2T3:04:05Z"));
        assert!(is_timestamp("2001-12-14 21:59:43.10"));
        assert!(!is_timestamp("2001-02-30"));
        assert!(!is_timestamp("2001-12-14T21:59:43"));
        assert!(!is_timestamp("201-12-14"));
    }
}
