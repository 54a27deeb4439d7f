//! Go's number parsing (`strconv`) and spf13/cast's conversions, which Sprig's `int`,
//! `int64`, `float64` and arithmetic apply to any value.

use crate::value::{fmt_v, IntKind, Value};

/// Why Go's `strconv` rejected a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumError {
    Syntax,
    /// Out of range; holds the value Go clamps to.
    Range(i64),
}

/// Go's `strconv.ParseInt(s, base, 64)` for `base` 0 (Go literal syntax: `0x`, `0o`,
/// `0b` and leading-`0` octal prefixes, `_` separators) or an explicit base 2..=36.
pub(crate) fn parse_int(s: &str, base: u32) -> Result<i64, NumError> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let magnitude = parse_uint(body, base)?;
    if neg {
        if magnitude > 1u64 << 63 {
            return Err(NumError::Range(i64::MIN));
        }
        Ok((magnitude as i64).wrapping_neg())
    } else if magnitude > i64::MAX as u64 {
        Err(NumError::Range(i64::MAX))
    } else {
        Ok(magnitude as i64)
    }
}

/// Go's `strconv.ParseUint` (without sign) for the bases [`parse_int`] takes; a range
/// error clamps to `u64::MAX`, reported as `i64::MAX` by callers that need an `int64`.
fn parse_uint(s: &str, base: u32) -> Result<u64, NumError> {
    if s.is_empty() {
        return Err(NumError::Syntax);
    }
    let (base, digits, separators) = if base == 0 {
        let lower = s.get(..2).map(str::to_ascii_lowercase);
        match lower.as_deref() {
            Some("0x") => (16, &s[2..], true),
            Some("0o") => (8, &s[2..], true),
            Some("0b") => (2, &s[2..], true),
            _ if s.len() > 1 && s.starts_with('0') => (8, &s[1..], true),
            _ => (10, s, true),
        }
    } else {
        (base, s, false)
    };
    if separators && s.contains('_') && !underscores_ok(s) {
        return Err(NumError::Syntax);
    }
    let mut n: u64 = 0;
    let mut any = false;
    let mut overflow = false;
    for c in digits.chars() {
        if c == '_' && separators {
            continue;
        }
        let d = c.to_digit(base).ok_or(NumError::Syntax)?;
        any = true;
        match n
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) => n = m,
            None => overflow = true,
        }
    }
    if !any {
        return Err(NumError::Syntax);
    }
    if overflow {
        return Err(NumError::Range(i64::MAX));
    }
    Ok(n)
}

/// Go's rule for `_` in number literals: each underscore sits between digits, where a
/// `0x`/`0o`/`0b` prefix counts as a digit.
fn underscores_ok(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut prev_digit = false;
    let mut hex = false;
    if bytes.len() >= 2 && bytes[0] == b'0' && matches!(bytes[1] | 0x20, b'b' | b'o' | b'x') {
        i = 2;
        prev_digit = true;
        hex = bytes[1] | 0x20 == b'x';
    }
    let mut prev_underscore = false;
    for &b in &bytes[i..] {
        let digit = b.is_ascii_digit()
            || (hex && (b | 0x20).is_ascii_hexdigit() && b.is_ascii_alphabetic());
        if digit {
            prev_digit = true;
            prev_underscore = false;
        } else if b == b'_' {
            if !prev_digit {
                return false;
            }
            prev_digit = false;
            prev_underscore = true;
        } else {
            if prev_underscore {
                return false;
            }
            prev_digit = false;
        }
    }
    !prev_underscore
}

/// Go's `strconv.Atoi`: decimal only; out-of-range values clamp (Sprig's `atoi` keeps
/// the clamped value and drops the error), bad syntax gives 0.
pub(crate) fn atoi(s: &str) -> i64 {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    match parse_int(s, 10) {
        Ok(n) => n,
        Err(NumError::Range(_)) => {
            if neg {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Err(NumError::Syntax) => 0,
    }
}

/// Go's `strconv.ParseFloat(s, 64)`: decimal and hex (`0x1p-2`) forms, `_` separators,
/// `inf`/`infinity`/`nan` in any case. Out-of-range values are an error.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let neg = s.starts_with('-');
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" if body.len() == s.len() => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty() {
        return None;
    }
    if body.contains('_') && !underscores_ok(s) {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let magnitude = if clean.len() > 2 && clean.as_bytes()[..2].eq_ignore_ascii_case(b"0x") {
        parse_hex_float(&clean[2..])?
    } else {
        let b = clean.as_bytes();
        let ok = !clean.starts_with(['+', '-'])
            && b.iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
            && b.iter().any(u8::is_ascii_digit);
        if !ok {
            return None;
        }
        let f: f64 = clean.parse().ok()?;
        if f.is_infinite() {
            return None;
        }
        f
    };
    Some(if neg { -magnitude } else { magnitude })
}

/// The mantissa and mandatory `p` exponent of a Go hex float, after `0x`.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = s.split_once(['p', 'P'])?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars().chain(frac_part.chars()) {
        value = value * 16.0 + c.to_digit(16)? as f64;
    }
    let shift = exp - 4 * frac_part.len() as i32;
    let f = value * 2f64.powi(shift);
    if f.is_infinite() {
        None
    } else {
        Some(f)
    }
}

/// Go's `int64(f)` conversion as amd64 does it: truncation, with NaN and out-of-range
/// values becoming the minimum int64.
pub(crate) fn float_to_int(f: f64) -> i64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() || !(-TWO_63..TWO_63).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// cast's `trimZeroDecimal`: `"3.00"` → `"3"`; other strings unchanged.
fn trim_zero_decimal(s: &str) -> &str {
    let mut found_zero = false;
    for (i, b) in s.bytes().enumerate().rev() {
        match b {
            b'.' if found_zero => return &s[..i],
            b'.' => {}
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// `cast.ToInt64E`; `None` where cast reports an error (Sprig then uses 0).
pub(crate) fn to_int64_checked(v: &Value) -> Option<i64> {
    match v {
        Value::Nil => Some(0),
        Value::Bool(b) => Some(*b as i64),
        // cast knows `time.Month` and `time.Weekday` but not `time.Duration`.
        Value::Int(_, IntKind::Duration) => None,
        Value::Int(n, _) => Some(*n),
        Value::Float(f) => Some(float_to_int(*f)),
        Value::String(s) => parse_int(trim_zero_decimal(s), 0).ok(),
        _ => None,
    }
}

/// `cast.ToInt64` (and `ToInt`): errors become 0.
pub(crate) fn to_int64(v: &Value) -> i64 {
    to_int64_checked(v).unwrap_or(0)
}

/// `cast.ToFloat64E`; `None` where cast reports an error.
pub(crate) fn to_float64_checked(v: &Value) -> Option<f64> {
    match v {
        Value::Nil => Some(0.0),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Int(_, IntKind::Duration) => None,
        Value::Int(n, _) => Some(*n as f64),
        Value::Float(f) => Some(*f),
        Value::String(s) => parse_float(s),
        _ => None,
    }
}

/// `cast.ToFloat64`: errors become 0.
pub(crate) fn to_float64(v: &Value) -> f64 {
    to_float64_checked(v).unwrap_or(0.0)
}

/// Sprig's `strval`: a string as is, a `Stringer` through `String()`, anything else with
/// `%v` — all of which [`fmt_v`] gives.
pub(crate) fn strval(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        Value::Bytes(b) => crate::yaml::go_lossy_utf8(b),
        Value::Object(o) => match o.as_go_bytes() {
            Some(b) => crate::yaml::go_lossy_utf8(b),
            None => fmt_v(v),
        },
        other => fmt_v(other),
    }
}

/// [`strval`] as the Go string it gives: a byte string, or a `[]byte` (`string(v)` in
/// Sprig) that is not valid UTF-8, keeps its bytes.
pub(crate) fn strval_value(v: &Value) -> Value {
    match v {
        Value::String(_) | Value::Bytes(_) => v.clone(),
        Value::Object(o) => match o.as_go_bytes() {
            Some(b) => Value::from_go_slice(b),
            None => Value::from(fmt_v(v)),
        },
        Value::List(_) | Value::Map(_) => crate::gofmt::sprint_value(std::slice::from_ref(v)),
        other => Value::from(fmt_v(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_int_syntax() {
        assert_eq!(parse_int("0x1F", 0), Ok(31));
        assert_eq!(parse_int("0x_1F", 0), Ok(31));
        assert_eq!(parse_int("1_000", 0), Ok(1000));
        assert_eq!(parse_int("010", 0), Ok(8));
        assert_eq!(parse_int("08", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("_1", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("1__0", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("1_", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("0x", 0), Err(NumError::Syntax));
        assert_eq!(parse_int("-9223372036854775808", 0), Ok(i64::MIN));
        assert_eq!(
            parse_int("9223372036854775808", 0),
            Err(NumError::Range(i64::MAX))
        );
        assert_eq!(parse_int("777", 8), Ok(511));
        assert_eq!(parse_int("1_0", 8), Err(NumError::Syntax));
    }

    #[test]
    fn go_float_syntax() {
        assert_eq!(parse_float("0x1p-2"), Some(0.25));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_float("1e400"), None);
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float(" 7"), None);
        assert!(parse_float("NaN").is_some_and(f64::is_nan));
        assert_eq!(parse_float("-Inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("0x"), None);
    }
}
