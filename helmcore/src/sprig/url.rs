//! `urlParse` and `urlJoin`: Go's `net/url` parsing and printing.

use crate::engine::func::{Func, Param as P};
use crate::value::{Map, Value};

use super::args::{map, string};
use super::strings::from_bytes;
use super::unicode::quote;
use super::{func, Res};

/// Which part of a URL is being escaped or unescaped (Go's `encoding` modes).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Path,
    Host,
    UserPassword,
    Fragment,
}

/// Go's `shouldEscape`.
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if mode == Mode::Host && b"!$&'()*+,;=:[]<>\"".contains(&c) {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => {
            return match mode {
                Mode::Path => c == b'?',
                Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
                Mode::Fragment => false,
                Mode::Host => true,
            }
        }
        _ => {}
    }
    if mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*') {
        return false;
    }
    true
}

/// Go's `url.escape`.
fn escape(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
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

/// Go's `url.unescape`; the error is the inner message.
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
                    return Err(format!(
                        "invalid URL escape {}",
                        quote(&from_bytes(&b[i..end]))
                    ));
                };
                if mode == Mode::Host && h < 8 && &b[i..i + 3] != b"%25" {
                    return Err(format!(
                        "invalid URL escape {}",
                        quote(&from_bytes(&b[i..i + 3]))
                    ));
                }
                out.push(h << 4 | l);
                i += 3;
            }
            c => {
                if mode == Mode::Host && c < 0x80 && should_escape(c, mode) {
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
    Ok(from_bytes(&out))
}

/// The fields `urlParse` reports.
#[derive(Default)]
struct Url {
    scheme: String,
    opaque: String,
    user: Option<(String, Option<String>)>,
    host: String,
    path: String,
    raw_query: String,
    fragment: String,
}

/// Go's `getScheme`: `None` for "no scheme", an error for a leading colon.
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

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
        None => port.is_empty(),
    }
}

fn parse_host(host: &str) -> Result<String, String> {
    if let Some(rest) = host.strip_prefix('[') {
        let Some(end) = rest.find(']') else {
            return Err("missing ']' in host".into());
        };
        let port = &rest[end + 1..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {} after host", quote(port)));
        }
        let inside = &rest[..end];
        return Ok(format!("[{}]{port}", unescape(inside, Mode::Host)?));
    }
    if let Some(i) = host.rfind(':') {
        let port = &host[i..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {} after host", quote(port)));
        }
    }
    unescape(host, Mode::Host)
}

fn valid_userinfo(s: &str) -> bool {
    s.bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&c))
}

/// Go's `url.Parse`; the error is the inner message (without `parse "URL": `).
fn parse(raw: &str) -> Result<Url, String> {
    let (rest, frag) = match raw.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (raw, None),
    };
    if rest.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut url = Url::default();
    if rest == "*" {
        url.path = "*".into();
    } else {
        let (scheme, mut rest) = split_scheme(rest)?;
        url.scheme = scheme.to_ascii_lowercase();
        if rest.ends_with('?') && rest.matches('?').count() == 1 {
            rest = &rest[..rest.len() - 1];
        } else if let Some((r, q)) = rest.split_once('?') {
            url.raw_query = q.to_string();
            rest = r;
        }
        if !rest.starts_with('/') {
            if !url.scheme.is_empty() {
                url.opaque = rest.to_string();
                return finish(url, frag);
            }
            if let Some(colon) = rest.find(':') {
                if rest.find('/').is_none_or(|slash| colon < slash) {
                    return Err("first path segment in URL cannot contain colon".into());
                }
            }
        }
        if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
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
        }
        url.path = unescape(rest, Mode::Path)?;
    }
    finish(url, frag)
}

fn finish(mut url: Url, frag: Option<&str>) -> Result<Url, String> {
    if let Some(f) = frag {
        url.fragment = unescape(f, Mode::Fragment)?;
    }
    Ok(url)
}

fn userinfo_string(user: &(String, Option<String>)) -> String {
    let mut s = escape(&user.0, Mode::UserPassword);
    if let Some(p) = &user.1 {
        s.push(':');
        s.push_str(&escape(p, Mode::UserPassword));
    }
    s
}

/// Go's `URL.Hostname`.
fn hostname(host: &str) -> String {
    let host = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') => &host[..i],
        _ => host,
    };
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
        .to_string()
}

fn url_parse(a: Vec<Value>) -> Res {
    let raw = string(&a, 0);
    let url = parse(raw).map_err(|e| format!("unable to parse url: parse {}: {e}", quote(raw)))?;
    let out = Map::new();
    out.insert("scheme", url.scheme.into());
    out.insert("host", url.host.as_str().into());
    out.insert("hostname", hostname(&url.host).into());
    out.insert("path", url.path.into());
    out.insert("query", url.raw_query.into());
    out.insert("opaque", url.opaque.into());
    out.insert("fragment", url.fragment.into());
    out.insert(
        "userinfo",
        url.user
            .as_ref()
            .map(userinfo_string)
            .unwrap_or_default()
            .into(),
    );
    Ok(Value::Map(out))
}

/// A string entry of the `urlJoin` dict; another type is Sprig's panic.
fn dict_string(d: Option<&Map>, key: &str) -> Result<String, String> {
    match d.and_then(|m| m.get(key)) {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.to_string()),
        Some(Value::Nil) => Err(super::lists::NIL_DEREF.into()),
        Some(other) => Err(format!(
            "unable to parse {key} key, must be of type string, but {} found",
            other.kind().as_str()
        )),
    }
}

/// Go's `URL.String()`.
fn url_join(a: Vec<Value>) -> Res {
    let d = map(&a, 0);
    let scheme = dict_string(d, "scheme")?;
    let host = dict_string(d, "host")?;
    let path = dict_string(d, "path")?;
    let query = dict_string(d, "query")?;
    let opaque = dict_string(d, "opaque")?;
    let fragment = dict_string(d, "fragment")?;
    let userinfo = dict_string(d, "userinfo")?;
    let user = if userinfo.is_empty() {
        None
    } else {
        let probe = format!("proto://{userinfo}@host");
        let parsed = parse(&probe).map_err(|e| {
            format!(
                "unable to parse userinfo in dict: parse {}: {e}",
                quote(&probe)
            )
        })?;
        parsed.user
    };
    let mut out = String::new();
    if !scheme.is_empty() {
        out.push_str(&scheme);
        out.push(':');
    }
    if !opaque.is_empty() {
        out.push_str(&opaque);
    } else {
        if !scheme.is_empty() || !host.is_empty() || user.is_some() {
            if !host.is_empty() || !path.is_empty() || user.is_some() {
                out.push_str("//");
            }
            if let Some(u) = &user {
                out.push_str(&userinfo_string(u));
                out.push('@');
            }
            if !host.is_empty() {
                out.push_str(&escape(&host, Mode::Host));
            }
        }
        let escaped = if path == "*" {
            path.clone()
        } else {
            escape(&path, Mode::Path)
        };
        if !escaped.is_empty() && !escaped.starts_with('/') && !host.is_empty() {
            out.push('/');
        }
        if out.is_empty()
            && escaped
                .split('/')
                .next()
                .is_some_and(|seg| seg.contains(':'))
        {
            out.push_str("./");
        }
        out.push_str(&escaped);
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(&escape(&fragment, Mode::Fragment));
    }
    Ok(out.into())
}

pub(super) const FUNCS: &[Func] = &[
    func("urlParse", &[P::String], None, url_parse),
    func("urlJoin", &[P::Map], None, url_join),
];
