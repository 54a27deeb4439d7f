//! Go's `strconv.ParseInt`/`ParseUint`/`ParseFloat` with base 0, as the template parser
//! uses them to read number literals (`0x1F`, `0o17`, `1_000`, `1e3`, `0x1p-2`, `'a'`).

/// Go's `underscoreOK`: underscores only between digits or after a base prefix.
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let b = if !b.is_empty() && (b[0] == b'-' || b[0] == b'+') {
        &b[1..]
    } else {
        b
    };
    let mut saw = b'^';
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// `strconv.ParseUint(s, 0, 64)`.
pub fn parse_uint(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let s0 = s;
    let (base, digits) = if let Some(rest) = s.strip_prefix('0') {
        let b = rest.as_bytes();
        if s.len() >= 3 && matches!(b[0].to_ascii_lowercase(), b'b' | b'o' | b'x') {
            let base = match b[0].to_ascii_lowercase() {
                b'b' => 2,
                b'o' => 8,
                _ => 16,
            };
            (base, &rest[1..])
        } else {
            (8, rest)
        }
    } else {
        (10, s)
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    let mut any = base == 8 && digits.len() + 1 == s.len(); // the leading 0 is a digit
    for c in digits.chars() {
        if c == '_' {
            underscores = true;
            continue;
        }
        let d = c.to_digit(36)?;
        if d >= base {
            return None;
        }
        n = n.checked_mul(base as u64)?.checked_add(d as u64)?;
        any = true;
    }
    if !any || underscores && !underscore_ok(s0) {
        return None;
    }
    Some(n)
}

/// `strconv.ParseInt(s, 0, 64)`.
pub fn parse_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let u = parse_uint(body)?;
    if neg {
        if u > i64::MAX as u64 + 1 {
            return None;
        }
        Some((u as i64).wrapping_neg())
    } else {
        i64::try_from(u).ok()
    }
}

/// `strconv.ParseFloat(s, 64)` for the literal forms the lexer produces (decimal and
/// hexadecimal mantissas, optional exponent, underscores between digits). Go also
/// accepts an out-of-range value as ±Inf with an error, which the template parser
/// treats as a failure, as here.
pub fn parse_float(s: &str) -> Option<f64> {
    if s.contains('_') && !underscore_ok(s) {
        return None;
    }
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'+') => (false, &clean[1..]),
        Some(b'-') => (true, &clean[1..]),
        _ => (false, clean.as_str()),
    };
    let v = if body.len() > 2
        && body.as_bytes()[0] == b'0'
        && matches!(body.as_bytes()[1], b'x' | b'X')
    {
        parse_hex_float(&body[2..])?
    } else {
        if body.is_empty()
            || !body
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
        {
            return None;
        }
        body.parse::<f64>().ok()?
    };
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// The part after `0x` of a hexadecimal float: mantissa digits, optional point, and a
/// mandatory `p` exponent.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = s.split_once(['p', 'P'])?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_integer_syntax() {
        assert_eq!(parse_int("0x1F"), Some(31));
        assert_eq!(parse_int("0o17"), Some(15));
        assert_eq!(parse_int("017"), Some(15));
        assert_eq!(parse_int("0b101"), Some(5));
        assert_eq!(parse_int("1_000"), Some(1000));
        assert_eq!(parse_int("-0"), Some(0));
        assert_eq!(parse_int("08"), None);
        assert_eq!(parse_int("1__0"), None);
        assert_eq!(parse_int("9223372036854775808"), None);
        assert_eq!(parse_uint("9223372036854775808"), Some(9223372036854775808));
        assert_eq!(parse_uint("-1"), None);
        assert_eq!(parse_int("0"), Some(0));
    }

    #[test]
    fn go_float_syntax() {
        assert_eq!(parse_float("1.5"), Some(1.5));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("1e3"), Some(1000.0));
        assert_eq!(parse_float("0x1p-2"), Some(0.25));
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float("08"), Some(8.0));
        assert_eq!(parse_float("1e400"), None);
    }
}
