//! Go's `netip.ParseAddr`, as far as `net/url` needs it: whether the text inside a URL's
//! brackets is an IP address, and Go's reason when it is not. The messages are the ones
//! Go 1.25 prints (checked against helm v4.1.4's `urlParse`).

use crate::gofmt::quote;

/// Which family an address parsed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    V4,
    V6,
}

/// `netip.ParseAddr(s)`: the family, or Go's error text (`ParseAddr("s"): reason`).
pub(crate) fn parse_addr(s: &str) -> Result<Family, String> {
    let fail = |msg: &str, at: Option<&str>| {
        let mut e = format!("ParseAddr({}): {msg}", quote(s));
        if let Some(at) = at {
            e.push_str(&format!(" (at {})", quote(at)));
        }
        e
    };
    // The first separator decides the family.
    for b in s.bytes() {
        match b {
            b'.' => return ipv4(s).map(|()| Family::V4).map_err(|(m, at)| fail(m, at)),
            b':' => return ipv6(s).map(|()| Family::V6).map_err(|(m, at)| fail(m, at)),
            b'%' => return Err(fail("missing IPv6 address", None)),
            _ => {}
        }
    }
    Err(fail("unable to parse IP", None))
}

/// A reason, and the rest of the text it was found at (when Go names it).
type Failure<'a> = (&'static str, Option<&'a str>);

/// Four dotted decimal fields, each 0..=255 without leading zeros.
fn ipv4(s: &str) -> Result<(), Failure<'_>> {
    let b = s.as_bytes();
    let (mut fields, mut value, mut digits) = (0, 0u32, 0);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                if digits == 1 && value == 0 {
                    return Err(("IPv4 field has octet with leading zero", None));
                }
                value = value * 10 + u32::from(c - b'0');
                digits += 1;
                if value > 255 {
                    return Err(("IPv4 field has value >255", None));
                }
            }
            b'.' => {
                if i == 0 || i == b.len() - 1 || b[i - 1] == b'.' {
                    return Err(("IPv4 field must have at least one digit", Some(&s[i..])));
                }
                if fields == 3 {
                    return Err(("IPv4 address too long", None));
                }
                fields += 1;
                value = 0;
                digits = 0;
            }
            _ => return Err(("unexpected character", Some(&s[i..]))),
        }
    }
    if fields < 3 {
        return Err(("IPv4 address too short", None));
    }
    Ok(())
}

/// Eight colon-separated hex fields (`::` standing for one or more zero fields, an IPv4
/// address for the last two), then an optional non-empty `%zone`.
fn ipv6(full: &str) -> Result<(), Failure<'_>> {
    let mut s = full;
    if let Some(i) = s.find('%') {
        if i + 1 == s.len() {
            return Err(("zone must be a non-empty string", None));
        }
        s = &s[..i];
    }
    // Counted in bytes of the address, as Go counts them: two per field.
    let mut filled = 0;
    let mut ellipsis = false;
    if s.starts_with("::") {
        ellipsis = true;
        s = &s[2..];
        if s.is_empty() {
            return Ok(());
        }
    }
    while filled < 16 {
        let digits = s.bytes().take_while(u8::is_ascii_hexdigit).count();
        if digits > 4 {
            return Err(("each group must have 4 or less digits", Some(s)));
        }
        if digits == 0 {
            return Err((
                "each colon-separated field must have at least one digit",
                Some(s),
            ));
        }
        if s.as_bytes().get(digits) == Some(&b'.') {
            if !ellipsis && filled != 12 {
                return Err((
                    "embedded IPv4 address must replace the final 2 fields of the address",
                    Some(s),
                ));
            }
            if filled + 4 > 16 {
                return Err((
                    "too many hex fields to fit an embedded IPv4 at the end of the address",
                    Some(s),
                ));
            }
            ipv4(s)?;
            filled += 4;
            s = "";
            break;
        }
        filled += 2;
        s = &s[digits..];
        if s.is_empty() {
            break;
        }
        if !s.starts_with(':') {
            return Err(("unexpected character, want colon", Some(s)));
        }
        if s.len() == 1 {
            return Err(("colon must be followed by more characters", Some(s)));
        }
        s = &s[1..];
        if s.starts_with(':') {
            if ellipsis {
                return Err(("multiple :: in address", Some(s)));
            }
            ellipsis = true;
            s = &s[1..];
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return Err(("trailing garbage after address", Some(s)));
    }
    match (filled < 16, ellipsis) {
        (true, false) => Err(("address string too short", None)),
        (false, true) => Err(("the :: must expand to at least one field of zeros", None)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each error is what helm v4.1.4 printed after `invalid host: ` for
    // `urlParse "http://[X]/"`.
    #[test]
    fn go_reasons() {
        for (addr, want) in [
            ("abc", "ParseAddr(\"abc\"): unable to parse IP"),
            ("", "ParseAddr(\"\"): unable to parse IP"),
            ("%x", "ParseAddr(\"%x\"): missing IPv6 address"),
            ("1.2.3.256", "ParseAddr(\"1.2.3.256\"): IPv4 field has value >255"),
            ("::1.2.3.256", "ParseAddr(\"::1.2.3.256\"): IPv4 field has value >255"),
            ("::01.2.3.4", "ParseAddr(\"::01.2.3.4\"): IPv4 field has octet with leading zero"),
            ("::1.2.3", "ParseAddr(\"::1.2.3\"): IPv4 address too short"),
            ("::1..2.3", "ParseAddr(\"::1..2.3\"): IPv4 field must have at least one digit (at \".2.3\")"),
            ("::1.2.3.4.5", "ParseAddr(\"::1.2.3.4.5\"): IPv4 address too long"),
            ("::1.2.3.4x", "ParseAddr(\"::1.2.3.4x\"): unexpected character (at \"x\")"),
            ("1.2.3.4%en0", "ParseAddr(\"1.2.3.4%en0\"): unexpected character (at \"%en0\")"),
            (".1.2.3", "ParseAddr(\".1.2.3\"): IPv4 field must have at least one digit (at \".1.2.3\")"),
            ("1.2.3.", "ParseAddr(\"1.2.3.\"): IPv4 field must have at least one digit (at \".\")"),
            ("12345::", "ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")"),
            ("1:2:3:4:5:6:7", "ParseAddr(\"1:2:3:4:5:6:7\"): address string too short"),
            ("1::2::3", "ParseAddr(\"1::2::3\"): multiple :: in address (at \":3\")"),
            ("1:2:3:4:5:6:7:8:9", "ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")"),
            ("1:2:3:4:5:6:7::8", "ParseAddr(\"1:2:3:4:5:6:7::8\"): the :: must expand to at least one field of zeros"),
            ("1:2:3:4:5:6:7:8::", "ParseAddr(\"1:2:3:4:5:6:7:8::\"): the :: must expand to at least one field of zeros"),
            ("::1:2:3:4:5:6:7:8", "ParseAddr(\"::1:2:3:4:5:6:7:8\"): the :: must expand to at least one field of zeros"),
            ("1:", "ParseAddr(\"1:\"): colon must be followed by more characters (at \":\")"),
            ("::1:", "ParseAddr(\"::1:\"): colon must be followed by more characters (at \":\")"),
            (":1", "ParseAddr(\":1\"): each colon-separated field must have at least one digit (at \":1\")"),
            ("::g", "ParseAddr(\"::g\"): each colon-separated field must have at least one digit (at \"g\")"),
            ("1:2:3:4:5:6:7:1.2.3.4", "ParseAddr(\"1:2:3:4:5:6:7:1.2.3.4\"): embedded IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")"),
            ("1:1.2.3.4", "ParseAddr(\"1:1.2.3.4\"): embedded IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")"),
            ("::1]x", "ParseAddr(\"::1]x\"): unexpected character, want colon (at \"]x\")"),
            ("fe80::1%", "ParseAddr(\"fe80::1%\"): zone must be a non-empty string"),
        ] {
            assert_eq!(parse_addr(addr).unwrap_err(), want, "{addr}");
        }
    }

    #[test]
    fn accepted() {
        for (addr, family) in [
            ("1.2.3.4", Family::V4),
            ("::", Family::V6),
            ("::1", Family::V6),
            ("fe80::1%en0", Family::V6),
            ("::ffff:1.2.3.4", Family::V6),
            ("1:2:3:4:5:6:1.2.3.4", Family::V6),
            ("1::2:1.2.3.4", Family::V6),
            ("1:2:3:4:5:6:7:8", Family::V6),
        ] {
            assert_eq!(parse_addr(addr), Ok(family), "{addr}");
        }
    }
}
