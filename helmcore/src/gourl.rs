//! Go's `net/url` parsing, escaping and printing (Go 1.25): `url.Parse` and
//! `url.ParseRequestURI` succeed or fail exactly as Go's do, with Go's messages, and a
//! parsed URL prints as Go's `URL.String()` prints it. Helm reads chart arguments and
//! values-file names as URLs first; Sprig's `urlParse` and `urlJoin` and `helm lint`'s
//! URL checks of Chart.yaml stand on it too.
//!
//! ```
//! let u = helmcore::gourl::parse("https://example.com/a%20b?q=1#top").unwrap();
//! assert_eq!((u.scheme.as_str(), u.path.as_str()), ("https", "/a b"));
//! assert_eq!(u.to_string(), "https://example.com/a%20b?q=1#top");
//! assert_eq!(
//!     helmcore::gourl::parse("values%zz.yaml").unwrap_err().to_string(),
//!     r#"parse "values%zz.yaml": invalid URL escape "%zz""#
//! );
//! ```

use crate::gofmt::{quote, quote_bytes};
use crate::sprig::netip::{parse_addr, Family};
use crate::sprig::strings::from_bytes;
use crate::value::escape::{holds_escapes, unescape_bytes};

/// Which part of a URL is being escaped or unescaped (Go's `encoding` modes).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Mode {
    Path,
    Host,
    Zone,
    UserPassword,
    Fragment,
}

/// A parsed URL: the fields of Go's `url.URL`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Url {
    /// Lower-cased.
    pub scheme: String,
    /// What follows `scheme:` when it does not start with a slash (`mailto:x`).
    pub opaque: String,
    /// The user name and optional password, %-decoded.
    pub user: Option<(String, Option<String>)>,
    /// `host[:port]`, %-decoded (`[fe80::1%en0]:80`).
    pub host: String,
    /// %-decoded.
    pub path: String,
    /// The path as written, when that is not how Go would escape `path`.
    pub raw_path: String,
    /// A `scheme:/path` URL, printed back without `//`.
    pub omit_host: bool,
    /// A lone `?` ended the URL: printed back.
    pub force_query: bool,
    pub raw_query: String,
    /// %-decoded.
    pub fragment: String,
    /// The fragment as written, when that is not how Go would escape `fragment`.
    pub raw_fragment: String,
}

/// Go's `*url.Error` for a parse: `parse "URL": reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("parse {}: {reason}", quote_text(.url))]
pub struct UrlError {
    /// The text Go names: the URL without its fragment, unless the fragment failed.
    pub url: String,
    pub reason: String,
}

/// Go's `url.Parse`: a reference (relative or absolute), with an optional fragment.
pub fn parse(raw: &str) -> Result<Url, UrlError> {
    let (rest, frag) = match raw.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (raw, None),
    };
    let mut url = parse_reference(rest, false).map_err(|reason| UrlError {
        url: rest.to_string(),
        reason,
    })?;
    if let Some(f) = frag {
        url.fragment = unescape(f, Mode::Fragment).map_err(|reason| UrlError {
            url: raw.to_string(),
            reason,
        })?;
        if escape(&url.fragment, Mode::Fragment) != f {
            url.raw_fragment = f.to_string();
        }
    }
    Ok(url)
}

/// Go's `url.ParseRequestURI`: the whole text is an absolute URI or an absolute path,
/// with no fragment.
pub fn parse_request_uri(raw: &str) -> Result<Url, UrlError> {
    parse_reference(raw, true).map_err(|reason| UrlError {
        url: raw.to_string(),
        reason,
    })
}

/// Go's unexported `parse(rawURL, viaRequest)`.
fn parse_reference(raw: &str, via_request: bool) -> Result<Url, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    if raw.is_empty() && via_request {
        return Err("empty url".into());
    }
    let mut url = Url::default();
    if raw == "*" {
        url.path = "*".into();
        return Ok(url);
    }
    let (scheme, mut rest) = split_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    // A lone trailing '?' is a forced empty query; otherwise the query starts at the first.
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        url.force_query = true;
        rest = &rest[..rest.len() - 1];
    } else if let Some((r, q)) = rest.split_once('?') {
        url.raw_query = q.to_string();
        rest = r;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            // A rootless path after a scheme is opaque (`mailto:x`).
            url.opaque = rest.to_string();
            return Ok(url);
        }
        if via_request {
            return Err("invalid URI for request".into());
        }
        if rest.split('/').next().is_some_and(|seg| seg.contains(':')) {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    let authority_follows = !url.scheme.is_empty() || (!via_request && !rest.starts_with("///"));
    if authority_follows && rest.starts_with("//") {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        let (userinfo, host) = match authority.rfind('@') {
            Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
            None => (None, authority),
        };
        url.host = parse_host(host)?;
        if let Some(info) = userinfo {
            if !valid_userinfo(info) {
                return Err("net/url: invalid userinfo".into());
            }
            url.user = Some(match info.split_once(':') {
                Some((u, p)) => (
                    unescape(u, Mode::UserPassword)?,
                    Some(unescape(p, Mode::UserPassword)?),
                ),
                None => (unescape(info, Mode::UserPassword)?, None),
            });
        }
        rest = path;
    } else if !url.scheme.is_empty() && rest.starts_with('/') {
        url.omit_host = true;
    }
    url.path = unescape(rest, Mode::Path)?;
    if escape(&url.path, Mode::Path) != rest {
        url.raw_path = rest.to_string();
    }
    Ok(url)
}

impl Url {
    /// Go's `URL.EscapedPath`: the path as written when that spells it validly, else
    /// escaped.
    pub fn escaped_path(&self) -> String {
        if raw_spells(&self.raw_path, &self.path, Mode::Path) {
            return self.raw_path.clone();
        }
        if self.path == "*" {
            return "*".into();
        }
        escape(&self.path, Mode::Path)
    }

    /// Go's `URL.EscapedFragment`.
    pub fn escaped_fragment(&self) -> String {
        if raw_spells(&self.raw_fragment, &self.fragment, Mode::Fragment) {
            return self.raw_fragment.clone();
        }
        escape(&self.fragment, Mode::Fragment)
    }
}

/// Whether `raw`, as written, is a valid spelling of `decoded` (Go prints it back then).
fn raw_spells(raw: &str, decoded: &str, mode: Mode) -> bool {
    !raw.is_empty() && valid_encoded(raw, mode) && unescape(raw, mode).is_ok_and(|d| d == decoded)
}

/// Go's `URL.String()`.
impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let user = self.user.as_ref().map(userinfo_string);
        let out = write_url(&Parts {
            scheme: self.scheme.as_bytes(),
            opaque: self.opaque.as_bytes(),
            user: user.as_deref(),
            host: self.host.as_bytes(),
            omit_host: self.omit_host,
            escaped_path: &self.escaped_path(),
            force_query: self.force_query,
            raw_query: self.raw_query.as_bytes(),
            escaped_fragment: &self.escaped_fragment(),
        });
        f.write_str(&String::from_utf8_lossy(&out))
    }
}

/// What Go's `URL.String()` prints, as bytes: Sprig's `urlJoin` builds URLs from any
/// bytes.
pub(crate) struct Parts<'a> {
    pub scheme: &'a [u8],
    pub opaque: &'a [u8],
    /// Escaped already (see [`userinfo_string`]).
    pub user: Option<&'a str>,
    /// Escaped here.
    pub host: &'a [u8],
    pub omit_host: bool,
    pub escaped_path: &'a str,
    pub force_query: bool,
    pub raw_query: &'a [u8],
    pub escaped_fragment: &'a str,
}

/// Go's `URL.String()` over [`Parts`].
pub(crate) fn write_url(p: &Parts<'_>) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    if !p.scheme.is_empty() {
        out.extend_from_slice(p.scheme);
        out.push(b':');
    }
    if !p.opaque.is_empty() {
        out.extend_from_slice(p.opaque);
    } else {
        let authority = !p.scheme.is_empty() || !p.host.is_empty() || p.user.is_some();
        let omitted = p.omit_host && p.host.is_empty() && p.user.is_none();
        if authority && !omitted {
            if !p.host.is_empty() || !p.escaped_path.is_empty() || p.user.is_some() {
                out.extend_from_slice(b"//");
            }
            if let Some(u) = p.user {
                out.extend_from_slice(u.as_bytes());
                out.push(b'@');
            }
            out.extend_from_slice(escape(p.host, Mode::Host).as_bytes());
        }
        let path = p.escaped_path;
        if !path.is_empty() && !path.starts_with('/') && !p.host.is_empty() {
            out.push(b'/');
        }
        if out.is_empty() && path.split('/').next().is_some_and(|seg| seg.contains(':')) {
            out.extend_from_slice(b"./");
        }
        out.extend_from_slice(path.as_bytes());
    }
    if p.force_query || !p.raw_query.is_empty() {
        out.push(b'?');
        out.extend_from_slice(p.raw_query);
    }
    if !p.escaped_fragment.is_empty() {
        out.push(b'#');
        out.extend_from_slice(p.escaped_fragment.as_bytes());
    }
    out
}

/// Go's `Userinfo.String()`: the name and password escaped.
pub(crate) fn userinfo_string(user: &(String, Option<String>)) -> String {
    let mut s = escape(unescape_bytes(&user.0), Mode::UserPassword);
    if let Some(p) = &user.1 {
        s.push(':');
        s.push_str(&escape(unescape_bytes(p), Mode::UserPassword));
    }
    s
}

/// Go's `validEncoded`: may the raw form be printed as it was written?
fn valid_encoded(s: &str, mode: Mode) -> bool {
    s.bytes()
        .all(|c| b"!$&'()*+,;=:@[]%".contains(&c) || !should_escape(c, mode))
}

/// Go's `getScheme`: letters, then letters, digits, `+`, `-` or `.`, ended by `:`. A
/// colon first is an error; any other character means there is no scheme.
fn split_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("missing protocol scheme".into()),
            b':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

/// `""`, or `:` and digits.
fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
        None => port.is_empty(),
    }
}

/// Go's `parseHost`: a bracketed IP literal must hold an IPv6 address (its zone after
/// `%25` may use any escape that gives a host byte); other hosts may only escape
/// non-ASCII bytes.
fn parse_host(host: &str) -> Result<String, String> {
    if !host.starts_with('[') {
        if let Some(i) = host.rfind(':') {
            let port = &host[i..];
            if !valid_optional_port(port) {
                return Err(format!("invalid port {} after host", quote_text(port)));
            }
        }
        return unescape(host, Mode::Host);
    }
    let Some(close) = host.rfind(']') else {
        return Err("missing ']' in host".into());
    };
    let port = &host[close + 1..];
    if !valid_optional_port(port) {
        return Err(format!("invalid port {} after host", quote_text(port)));
    }
    let literal = match host[..close].find("%25") {
        Some(zone) => {
            unescape(&host[..zone], Mode::Host)? + &unescape(&host[zone..close], Mode::Zone)?
        }
        None => unescape(&host[..close], Mode::Host)?,
    };
    let address = literal.strip_prefix('[').unwrap_or(&literal);
    match parse_addr(address) {
        Ok(Family::V6) => {}
        Ok(Family::V4) => return Err("invalid IP-literal".into()),
        Err(e) => return Err(format!("invalid host: {e}")),
    }
    Ok(literal + &unescape(&host[close..], Mode::Host)?)
}

fn valid_userinfo(s: &str) -> bool {
    s.bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&c))
}

/// Go's `shouldEscape`.
pub(crate) fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if matches!(mode, Mode::Host | Mode::Zone) && b"!$&'()*+,;=:[]<>\"".contains(&c) {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => {
            return match mode {
                Mode::Path => c == b'?',
                Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
                Mode::Fragment => false,
                Mode::Host | Mode::Zone => true,
            }
        }
        _ => {}
    }
    if mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*') {
        return false;
    }
    true
}

/// Go's `url.escape`. Every byte from 0x80 up is escaped, so any bytes give ASCII.
pub(crate) fn escape(s: impl AsRef<[u8]>, mode: Mode) -> String {
    let s = s.as_ref();
    let mut out = String::with_capacity(s.len());
    for &b in s {
        if should_escape(b, mode) {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

fn unhex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Go's `url.unescape`; the error is Go's reason.
fn unescape(s: &str, mode: Mode) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let (Some(h), Some(l)) = (
                    b.get(i + 1).and_then(|&c| unhex(c)),
                    b.get(i + 2).and_then(|&c| unhex(c)),
                ) else {
                    let end = (i + 3).min(b.len());
                    return Err(escape_error(&b[i..end]));
                };
                let v = h << 4 | l;
                let is_25 = &b[i..i + 3] == b"%25";
                // A host escapes only non-ASCII bytes; a zone may escape anything that
                // could stand there unescaped (and spaces, which Windows zones hold).
                let refused = match mode {
                    Mode::Host => h < 8 && !is_25,
                    Mode::Zone => !is_25 && v != b' ' && should_escape(v, Mode::Host),
                    _ => false,
                };
                if refused {
                    return Err(escape_error(&b[i..i + 3]));
                }
                out.push(v);
                i += 3;
            }
            c => {
                if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && should_escape(c, mode) {
                    return Err(format!(
                        "invalid character {} in host name",
                        quote(&(c as char).to_string())
                    ));
                }
                out.push(c);
                i += 1;
            }
        }
    }
    // Bytes that are not UTF-8 (`%ff`) stay bytes, as escape characters.
    Ok(crate::value::escape::escape_invalid(&out))
}

/// Go's `%q` of text that may hold escape characters (a byte string that
/// `urlParse` parses): each stands for its byte, quoted as `\xNN`.
fn quote_text(s: &str) -> String {
    if holds_escapes(s) {
        quote_bytes(&unescape_bytes(s), false)
    } else {
        quote(s)
    }
}

fn escape_error(escape: &[u8]) -> String {
    format!("invalid URL escape {}", quote(&from_bytes(escape)))
}

/// Go's `URL.Hostname`: the host without port and brackets.
pub(crate) fn hostname(host: &str) -> String {
    let host = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') => &host[..i],
        _ => host,
    };
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Accepted and refused as helm v4.1.4's `urlParse` (Go 1.25's `url.Parse`).
    #[test]
    fn ip_literals() {
        let host = |u: &str| parse(u).map(|u| u.host).map_err(|e| e.to_string());
        assert_eq!(
            host("http://[fe80::1%25en0]:80/").unwrap(),
            "[fe80::1%en0]:80"
        );
        assert_eq!(host("http://[fe80::1%25%41]/").unwrap(), "[fe80::1%A]");
        assert_eq!(
            host("http://[fe80::1%25en%200]/").unwrap(),
            "[fe80::1%en 0]"
        );
        assert_eq!(host("http://[::1%25a%25b]/").unwrap(), "[::1%a%b]");
        assert_eq!(
            host("http://[::ffff:1.2.3.4]/").unwrap(),
            "[::ffff:1.2.3.4]"
        );
        for (url, err) in [
            ("http://[abc]/", "parse \"http://[abc]/\": invalid host: ParseAddr(\"abc\"): unable to parse IP"),
            ("http://[abc]/#f", "parse \"http://[abc]/\": invalid host: ParseAddr(\"abc\"): unable to parse IP"),
            ("http://[1.2.3.4]/", "parse \"http://[1.2.3.4]/\": invalid IP-literal"),
            ("http://[::1]x]:80/", "parse \"http://[::1]x]:80/\": invalid host: ParseAddr(\"::1]x\"): unexpected character, want colon (at \"]x\")"),
            ("http://[fe80::1%25]/", "parse \"http://[fe80::1%25]/\": invalid host: ParseAddr(\"fe80::1%\"): zone must be a non-empty string"),
            ("http://[::1%25a%0Ab]/", "parse \"http://[::1%25a%0Ab]/\": invalid URL escape \"%0A\""),
            ("http://[%3A%3A1]/", "parse \"http://[%3A%3A1]/\": invalid URL escape \"%3A\""),
            ("http://[::1]%3A80/", "parse \"http://[::1]%3A80/\": invalid port \"%3A80\" after host"),
            ("http://x/#%zz", "parse \"http://x/#%zz\": invalid URL escape \"%zz\""),
        ] {
            assert_eq!(host(url).unwrap_err(), err, "{url}");
        }
    }

    // Refused by Go 1.25's `url.Parse` (and so by `urlParse` and lint's URL checks).
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
            assert!(parse(bad).is_err(), "{bad}");
        }
        let u = parse("https://user:pw@example.com:8080/a%20b?q#f").unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.host.as_str(), u.path.as_str()),
            ("https", "example.com:8080", "/a b")
        );
    }

    // Go's `url.ParseRequestURI`, as `helm lint` uses it for Chart.yaml's sources and icon.
    #[test]
    fn request_uris() {
        assert!(parse_request_uri("/just/a/path").is_ok_and(|u| u.scheme.is_empty()));
        assert_eq!(
            parse_request_uri("notaurl").unwrap_err().to_string(),
            "parse \"notaurl\": invalid URI for request"
        );
        assert_eq!(
            parse_request_uri("").unwrap_err().to_string(),
            "parse \"\": empty url"
        );
        // No fragment: '#' is part of the path.
        assert_eq!(parse_request_uri("http://h/a#b").unwrap().path, "/a#b");
        // `///x` has no authority in a request URI.
        assert_eq!(parse_request_uri("///x").unwrap().path, "///x");
    }

    // Go 1.25's `URL.String()` of what `url.Parse` read: the path and fragment as
    // written when that spelling is valid, `OmitHost` and `ForceQuery` kept.
    #[test]
    fn printed_back_as_go_prints() {
        for (raw, want) in [
            ("file:/x", "file:/x"),
            ("file:///x", "file:///x"),
            ("http://h", "http://h"),
            ("a?", "a?"),
            ("%41/b", "%41/b"),
            ("a b", "a%20b"),
            ("a#%41", "a#%41"),
            ("a#b c", "a#b%20c"),
            ("mailto:x@y", "mailto:x@y"),
            ("http://u:p%40@h/p?q#f", "http://u:p%40@h/p?q#f"),
            ("é", "%C3%A9"),
            ("*", "*"),
        ] {
            assert_eq!(parse(raw).unwrap().to_string(), want, "{raw}");
        }
    }
}
