//! Go's `time.Duration`: `String()` and `time.ParseDuration`.

use super::time_quote as quote;

pub(crate) const NANOSECOND: i64 = 1;
pub(crate) const MICROSECOND: i64 = 1_000;
pub(crate) const MILLISECOND: i64 = 1_000_000;
pub(crate) const SECOND: i64 = 1_000_000_000;
pub(crate) const MINUTE: i64 = 60 * SECOND;
pub(crate) const HOUR: i64 = 60 * MINUTE;

/// Go's `Duration.String()`: `1h2m3.5s`, `1.5µs`, `0s`.
pub(crate) fn format_duration(d: i64) -> String {
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < SECOND as u64 {
        if u == 0 {
            return "0s".into();
        }
        let (scaled, digits, unit) = if u < MICROSECOND as u64 {
            (u, 0, "ns")
        } else if u < MILLISECOND as u64 {
            (u, 3, "µs")
        } else {
            (u, 6, "ms")
        };
        out.push_str(&fixed(scaled, digits));
        out.push_str(unit);
    } else {
        let secs = u / SECOND as u64;
        let frac = u % SECOND as u64;
        let s = secs % 60;
        let m = secs / 60 % 60;
        let h = secs / 3600;
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        out.push_str(&fixed(s * SECOND as u64 + frac, 9));
        out.push('s');
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

/// `v / 10^digits` printed with its fraction, trailing zeros (and a bare point) removed.
fn fixed(v: u64, digits: u32) -> String {
    let scale = 10u64.pow(digits);
    let (whole, frac) = (v / scale, v % scale);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{:0width$}", frac, width = digits as usize);
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// Go's `time.ParseDuration`: `[-+]` then one or more `number unit` pairs, where a
/// number may have a fraction and a unit is `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m` or
/// `h`; a bare `0` is allowed. Errors are Go's texts.
pub(crate) fn parse_duration(s: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", quote(s));
    let mut rest = s;
    let mut neg = false;
    if let Some(r) = rest.strip_prefix('-') {
        neg = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    }
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let first = rest.as_bytes()[0];
        if !(first == b'.' || first.is_ascii_digit()) {
            return Err(invalid());
        }
        // Integer part.
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let mut v: u64 = 0;
        for b in rest[..int_len].bytes() {
            v = v
                .checked_mul(10)
                .and_then(|x| x.checked_add((b - b'0') as u64))
                .filter(|x| *x <= 1 << 63)
                .ok_or_else(invalid)?;
        }
        let had_int = int_len > 0;
        rest = &rest[int_len..];
        // Fraction.
        let mut frac: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut had_frac = false;
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
            let frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for b in rest[..frac_len].bytes() {
                if overflow {
                    continue;
                }
                match frac
                    .checked_mul(10)
                    .and_then(|x| x.checked_add((b - b'0') as u64))
                {
                    Some(x) if x <= 1 << 63 => {
                        frac = x;
                        scale *= 10.0;
                    }
                    _ => overflow = true,
                }
            }
            had_frac = frac_len > 0;
            rest = &rest[frac_len..];
        }
        if !had_int && !had_frac {
            return Err(invalid());
        }
        let unit_len = rest
            .bytes()
            .take_while(|b| *b != b'.' && !b.is_ascii_digit())
            .count();
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", quote(s)));
        }
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let unit_ns: u64 = match unit {
            "ns" => NANOSECOND as u64,
            "us" | "µs" | "μs" => MICROSECOND as u64,
            "ms" => MILLISECOND as u64,
            "s" => SECOND as u64,
            "m" => MINUTE as u64,
            "h" => HOUR as u64,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    quote(unit),
                    quote(s)
                ))
            }
        };
        if v > (1u64 << 63) / unit_ns {
            return Err(invalid());
        }
        v *= unit_ns;
        if frac > 0 {
            v = v
                .checked_add((frac as f64 * (unit_ns as f64 / scale)) as u64)
                .ok_or_else(invalid)?;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        total = total
            .checked_add(v)
            .filter(|t| *t <= 1 << 63)
            .ok_or_else(invalid)?;
    }
    if neg {
        return Ok((total as i64).wrapping_neg());
    }
    if total > i64::MAX as u64 {
        return Err(invalid());
    }
    Ok(total as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_duration_strings() {
        assert_eq!(format_duration(0), "0s");
        assert_eq!(format_duration(1500), "1.5µs");
        assert_eq!(format_duration(90 * SECOND), "1m30s");
        assert_eq!(format_duration(HOUR), "1h0m0s");
        assert_eq!(format_duration(-1_500_000_000), "-1.5s");
        assert_eq!(format_duration(i64::MIN), "-2562047h47m16.854775808s");
    }

    #[test]
    fn go_duration_parsing() {
        assert_eq!(parse_duration("1h30m"), Ok(90 * MINUTE));
        assert_eq!(parse_duration("1.5s"), Ok(1_500_000_000));
        assert_eq!(parse_duration("-0"), Ok(0));
        assert_eq!(
            parse_duration("1"),
            Err("time: missing unit in duration \"1\"".into())
        );
        assert_eq!(
            parse_duration("1d"),
            Err("time: unknown unit \"d\" in duration \"1d\"".into())
        );
        assert_eq!(
            parse_duration(""),
            Err("time: invalid duration \"\"".into())
        );
    }
}
