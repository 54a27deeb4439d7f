//! `urlParse` and `urlJoin`: Go's `net/url` parsing ([`super::neturl`]) and printing.

use crate::engine::func::{Func, Param as P};
use crate::value::{Map, Value};

use super::args::{map, string};
use super::neturl::{escape, hostname, parse, Mode};
use super::{func, Res};

fn userinfo_string(user: &(String, Option<String>)) -> String {
    let mut s = escape(&user.0, Mode::UserPassword);
    if let Some(p) = &user.1 {
        s.push(':');
        s.push_str(&escape(p, Mode::UserPassword));
    }
    s
}

fn url_parse(a: Vec<Value>) -> Res {
    let raw = string(&a, 0);
    let url = parse(raw).map_err(|e| format!("unable to parse url: {e}"))?;
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

/// A string entry of the `urlJoin` dict, as bytes (a Go string need not be UTF-8);
/// another type is Sprig's panic.
fn dict_string(d: Option<&Map>, key: &str) -> Result<Vec<u8>, String> {
    let Some(v) = d.and_then(|m| m.get(key)) else {
        return Ok(Vec::new());
    };
    match v.go_bytes() {
        Some(b) => Ok(b.to_vec()),
        None if v.is_nil() => Err(super::lists::NIL_DEREF.into()),
        None => Err(format!(
            "unable to parse {key} key, must be of type string, but {} found",
            v.kind().as_str()
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
        let probe = format!("proto://{}@host", String::from_utf8_lossy(&userinfo));
        let parsed = parse(&probe).map_err(|e| format!("unable to parse userinfo in dict: {e}"))?;
        parsed.user
    };
    let mut out: Vec<u8> = Vec::new();
    if !scheme.is_empty() {
        out.extend_from_slice(&scheme);
        out.push(b':');
    }
    if !opaque.is_empty() {
        out.extend_from_slice(&opaque);
    } else {
        if !scheme.is_empty() || !host.is_empty() || user.is_some() {
            if !host.is_empty() || !path.is_empty() || user.is_some() {
                out.extend_from_slice(b"//");
            }
            if let Some(u) = &user {
                out.extend_from_slice(userinfo_string(u).as_bytes());
                out.push(b'@');
            }
            if !host.is_empty() {
                out.extend_from_slice(escape(&host, Mode::Host).as_bytes());
            }
        }
        let escaped = if path == b"*" {
            "*".to_string()
        } else {
            escape(&path, Mode::Path)
        };
        if !escaped.is_empty() && !escaped.starts_with('/') && !host.is_empty() {
            out.push(b'/');
        }
        if out.is_empty()
            && escaped
                .split('/')
                .next()
                .is_some_and(|seg| seg.contains(':'))
        {
            out.extend_from_slice(b"./");
        }
        out.extend_from_slice(escaped.as_bytes());
    }
    if !query.is_empty() {
        out.push(b'?');
        out.extend_from_slice(&query);
    }
    if !fragment.is_empty() {
        out.push(b'#');
        out.extend_from_slice(escape(&fragment, Mode::Fragment).as_bytes());
    }
    Ok(Value::from_go_bytes(out))
}

pub(super) const FUNCS: &[Func] = &[
    func("urlParse", &[P::String], None, url_parse),
    func("urlJoin", &[P::Map], None, url_join),
];
