//! The parts of Go's `net/url` parsing that decide whether Helm accepts a URL in
//! Chart.yaml: `url.Parse` and `url.ParseRequestURI` succeed or fail exactly as Go
//! 1.25's do, and give the host and path Helm's validators look at.

/// What a successful parse yields, as far as the validators need it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub scheme: String,
    pub host: String,
    /// The path, %-decoded.
    pub path: String,
}

/// Go's `url.Parse`: a fragment after `#` is split off first and must %-decode.
pub(crate) fn parse(raw: &str) -> Option<Parsed> {
    let (u, frag) = raw.split_once('#').unwrap_or((raw, ""));
    let parsed = parse_reference(u, false)?;
    unescape(frag, Mode::Other)?;
    Some(parsed)
}

/// Go's `url.ParseRequestURI`: the whole text is the URI (no fragment), and it must be
/// absolute or an absolute path.
pub(crate) fn parse_request_uri(raw: &str) -> Option<Parsed> {
    parse_reference(raw, true)
}

fn parse_reference(raw: &str, via_request: bool) -> Option<Parsed> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    if raw.is_empty() && via_request {
        return None;
    }
    let mut out = Parsed::default();
    if raw == "*" {
        out.path = "*".into();
        return Some(out);
    }
    let (scheme, rest) = split_scheme(raw)?;
    out.scheme = scheme.to_ascii_lowercase();
    // A lone trailing '?' is a forced empty query; otherwise the query starts at the first.
    let rest = match rest.strip_suffix('?') {
        Some(r) if !r.contains('?') => r,
        _ => rest.split_once('?').map_or(rest, |(p, _)| p),
    };
    if !rest.starts_with('/') {
        if !out.scheme.is_empty() {
            // A rootless path after a scheme is opaque (`mailto:x`): accepted as is.
            return Some(out);
        }
        if via_request {
            return None;
        }
        let first_segment = rest.split('/').next().unwrap_or("");
        if first_segment.contains(':') {
            return None;
        }
    }
    let mut path = rest;
    let has_authority = (!out.scheme.is_empty() || (!via_request && !rest.starts_with("///")))
        && rest.starts_with("//");
    if has_authority {
        let authority = &rest[2..];
        let (auth, p) = match authority.find('/') {
            Some(i) => (&authority[..i], &authority[i..]),
            None => (authority, ""),
        };
        out.host = parse_authority(auth)?;
        path = p;
    }
    out.path = unescape(path, Mode::Other)?;
    Some(out)
}

/// A scheme is letters, then letters, digits, `+`, `-` or `.`, ended by `:`. A `:` first
/// is an error (`missing protocol scheme`); any other character means there is none.
fn split_scheme(raw: &str) -> Option<(&str, &str)> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return None,
            b':' => return Some((&raw[..i], &raw[i + 1..])),
            _ => return Some(("", raw)),
        }
    }
    Some(("", raw))
}

/// `[userinfo@]host[:port]`; returns the decoded host.
fn parse_authority(authority: &str) -> Option<String> {
    let (userinfo, host) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let host = parse_host(host)?;
    if let Some(u) = userinfo {
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._:~!$&'()*+,;=%@".contains(c);
        if !u.chars().all(allowed) {
            return None;
        }
        let (user, pass) = u.split_once(':').unwrap_or((u, ""));
        unescape(user, Mode::Other)?;
        unescape(pass, Mode::Other)?;
    }
    Some(host)
}

fn parse_host(host: &str) -> Option<String> {
    if let Some(inner) = host.strip_prefix('[') {
        let close = inner.rfind(']')?;
        if !valid_optional_port(&inner[close + 1..]) {
            return None;
        }
        let literal = &inner[..close];
        // An IP-literal must hold an IPv6 address, optionally with a %25-escaped zone.
        let (addr, zone) = match literal.find("%25") {
            Some(z) => (&literal[..z], Some(&literal[z..])),
            None => (literal, None),
        };
        addr.parse::<std::net::Ipv6Addr>().ok()?;
        let zone = match zone {
            Some(z) => unescape(z, Mode::Zone)?,
            None => String::new(),
        };
        let out = format!("[{addr}{zone}]{}", &inner[close + 1..]);
        return Some(out);
    }
    if let Some(i) = host.rfind(':') {
        if !valid_optional_port(&host[i..]) {
            return None;
        }
    }
    unescape(host, Mode::Host)
}

/// `""` or `:` followed by digits only.
fn valid_optional_port(port: &str) -> bool {
    port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Host,
    Zone,
    Other,
}

/// %-decodes `s`; `None` where Go reports an escape or host error.
fn unescape(s: &str, mode: Mode) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let hi = b.get(i + 1).copied().and_then(hex)?;
            let lo = b.get(i + 2).copied().and_then(hex)?;
            let is_25 = hi == 2 && lo == 5;
            // In a host, escapes are only for non-ASCII bytes (and %25 for zones).
            if mode == Mode::Host && hi < 8 && !is_25 {
                return None;
            }
            let v = (hi << 4) | lo;
            if mode == Mode::Zone && !is_25 && v != b' ' && host_needs_escape(v) {
                return None;
            }
            out.push(v);
            i += 3;
            continue;
        }
        if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && host_needs_escape(c) {
            return None;
        }
        out.push(c);
        i += 1;
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Whether an ASCII byte may not appear raw in a host.
fn host_needs_escape(c: u8) -> bool {
    !(c.is_ascii_alphanumeric() || b"!$&'()*+,;=:[]<>\"-_.~".contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_paths() {
        let u = parse("https://user:pw@example.com:8080/a%20b?q#f").unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.host.as_str(), u.path.as_str()),
            ("https", "example.com:8080", "/a b")
        );
        let u = parse("example.com").unwrap();
        assert_eq!((u.host.as_str(), u.path.as_str()), ("", "example.com"));
        assert_eq!(
            parse("http://[fe80::1%25en0]:80/").unwrap().host,
            "[fe80::1%en0]:80"
        );
    }

    #[test]
    fn go_refusals() {
        for bad in [
            ":foo",
            "http://[::1",
            "http://host:port/",
            "http://a b.com",
            "http://ex%41mple.com",
            "http://x/%zz",
            "http://x/#%zz",
            "http://[abc]/",
            "http://us{er@h/",
            "a\tb",
            "1a:b",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        assert!(parse_request_uri("/just/a/path").is_some_and(|u| u.scheme.is_empty()));
        assert!(parse_request_uri("notaurl").is_none());
        assert!(parse_request_uri("").is_none());
    }
}
