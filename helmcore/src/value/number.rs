//! Go's float formatting (`strconv.FormatFloat` and `fmt`'s `%v`), which differs from
//! Rust's: `1e+06`, `1.5e-07`, `+Inf`.

/// Go's `fmt.Sprint` of a `float64` (`%v`): the shortest digits that read back as `f`, in
/// exponent form when the decimal exponent is below -4 or at least 6 — that is
/// `strconv.FormatFloat(f, 'g', -1, 64)`, and why a values-file `1000000` prints `1e+06`.
///
/// ```
/// use helmcore::value::format_float_v;
/// assert_eq!(format_float_v(1000000.0), "1e+06");
/// assert_eq!(format_float_v(123456.0), "123456");
/// assert_eq!(format_float_v(0.0001), "0.0001");
/// assert_eq!(format_float_v(0.00001), "1e-05");
/// assert_eq!(format_float_v(f64::INFINITY), "+Inf");
/// ```
pub fn format_float_v(f: f64) -> String {
    format_float(f, 'g', -1)
}

/// Go's `strconv.FormatFloat(f, fmt, prec, 64)` for `fmt` in `e`, `E`, `f`, `g`, `G`;
/// `prec` -1 asks for the fewest digits that read back as `f`.
///
/// ```
/// use helmcore::value::format_float;
/// assert_eq!(format_float(2.5, 'f', 2), "2.50");
/// assert_eq!(format_float(1234.5678, 'e', 3), "1.235e+03");
/// assert_eq!(format_float(1.0, 'g', 3), "1");
/// assert_eq!(format_float(1e21, 'f', -1), "1000000000000000000000");
/// ```
pub fn format_float(f: f64, fmt: char, prec: i32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = f.is_sign_negative();
    let a = f.abs();
    let shortest = prec < 0;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let upper = fmt == 'E' || fmt == 'G';
    match fmt {
        'f' if !shortest => {
            // Rust caps formatting precision at u16::MAX; a float has no non-zero digit
            // past the 1074th decimal place, so the rest is zeros.
            let p = (prec as usize).min(EXACT_DIGITS);
            out.push_str(&format!("{:.*}", p, a));
            out.extend(std::iter::repeat_n('0', prec as usize - p));
            return out;
        }
        _ => {}
    }
    // Decimal digits (no leading zeros, no trailing zeros for shortest) and the position
    // of the decimal point relative to them (Go's `decimalSlice.dp`).
    let (mut digits, mut dp) = if shortest {
        decimal_digits(&format!("{:e}", a))
    } else {
        let n = match fmt {
            'e' | 'E' => prec as usize + 1,
            'g' | 'G' => prec.max(1) as usize,
            _ => unreachable_fmt(fmt),
        };
        // Digits past a float's exact decimal expansion are zeros (`digit_at` supplies
        // them), and Rust caps formatting precision at u16::MAX.
        decimal_digits(&format!("{:.*e}", (n - 1).min(EXACT_DIGITS), a))
    };
    if a == 0.0 {
        digits.clear();
        dp = 0;
    }
    let nd = digits.len() as i32;
    let mut prec = prec;
    if shortest {
        prec = match fmt {
            'e' | 'E' => (nd - 1).max(0),
            'f' => (nd - dp).max(0),
            _ => nd,
        };
    } else if fmt == 'g' || fmt == 'G' {
        // %g drops trailing zeros, like Go's rounded decimal does.
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        if prec == 0 {
            prec = 1;
        }
    }
    let nd = digits.len() as i32;
    match fmt {
        'e' | 'E' => fmt_e(&mut out, &digits, dp, prec, upper),
        'f' => fmt_f(&mut out, &digits, dp, prec),
        'g' | 'G' => {
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                let p = prec.min(nd);
                fmt_e(&mut out, &digits, dp, p - 1, upper)
            } else {
                let p = if prec > dp { nd } else { prec };
                fmt_f(&mut out, &digits, dp, (p - dp).max(0))
            }
        }
        _ => unreachable_fmt(fmt),
    }
    out
}

/// More decimal digits than any float's exact expansion has (at most 767 significant
/// digits, 1074 places after the point).
const EXACT_DIGITS: usize = 1100;

fn unreachable_fmt(fmt: char) -> ! {
    panic!("format_float: unsupported format {fmt:?} (callers pass e, E, f, g or G)")
}

/// Splits Rust's `{:e}` output (`1.2345e6`) into digits `12345` and decimal point `7`.
fn decimal_digits(e: &str) -> (String, i32) {
    let (mant, exp) = e.split_once('e').unwrap_or((e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

fn digit_at(digits: &str, i: i32) -> char {
    if i >= 0 && (i as usize) < digits.len() {
        digits.as_bytes()[i as usize] as char
    } else {
        '0'
    }
}

fn fmt_e(out: &mut String, digits: &str, dp: i32, prec: i32, upper: bool) {
    out.push(if digits.is_empty() {
        '0'
    } else {
        digit_at(digits, 0)
    });
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(digit_at(digits, i));
        }
    }
    out.push(if upper { 'E' } else { 'e' });
    let exp = if digits.is_empty() { 0 } else { dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, digits: &str, dp: i32, prec: i32) {
    if dp > 0 {
        for i in 0..dp {
            out.push(digit_at(digits, i));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(digit_at(digits, dp + i - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_g_matches_go() {
        let cases = [
            (0.0, "0"),
            (-0.0, "-0"),
            (1.0, "1"),
            (1.5, "1.5"),
            (100000.0, "100000"),
            (1e6, "1e+06"),
            (1234567.0, "1.234567e+06"),
            (123456789.0, "1.23456789e+08"),
            (0.1, "0.1"),
            (1e-5, "1e-05"),
            (1.5e300, "1.5e+300"),
            (-2.25, "-2.25"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Inf"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float(f, 'g', -1), want, "{f}");
        }
    }

    #[test]
    fn huge_precision_pads_with_zeros() {
        let f = format_float(0.5, 'f', 70000);
        assert_eq!(f.len(), 70002);
        assert!(f.starts_with("0.5000") && f.ends_with('0'));
        let e = format_float(1.5, 'e', 70000);
        assert!(e.starts_with("1.5000") && e.ends_with("e+00"));
    }

    #[test]
    fn fixed_precision_matches_go() {
        assert_eq!(format_float(0.25, 'f', 1), "0.2");
        assert_eq!(format_float(2.4, 'f', 0), "2");
        assert_eq!(format_float(1e6, 'e', -1), "1e+06");
        assert_eq!(format_float(0.0, 'e', 2), "0.00e+00");
        assert_eq!(format_float(123.456, 'g', 4), "123.5");
        assert_eq!(format_float(123456.0, 'g', 3), "1.23e+05");
        assert_eq!(format_float(1e-7, 'f', -1), "0.0000001");
        assert_eq!(format_float(1.5, 'E', 1), "1.5E+00");
    }
}
