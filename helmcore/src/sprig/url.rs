//! `urlParse` and `urlJoin`: Go's `net/url` parsing and printing ([`crate::gourl`]).

use crate::engine::func::{Func, Param as P};
use crate::value::escape::{push_escaped, unescape_bytes};
use crate::value::{Map, Value};

use super::args::{bytes, map};
use super::{func, Res};
use crate::gourl::{escape, hostname, parse, userinfo_string, write_url, Mode, Parts};

/// Sprig's `urlParse`. Go parses the string's bytes: a byte string goes through the
/// parser as escape characters (which it treats as it treats any non-ASCII byte, and
/// quotes in its errors as the bytes they stand for), and its fields come back as bytes.
fn url_parse(a: Vec<Value>) -> Res {
    let raw = bytes(&a, 0);
    let mut text = String::with_capacity(raw.len());
    push_escaped(&mut text, raw);
    let url = parse(&text).map_err(|e| format!("unable to parse url: {e}"))?;
    let field = |s: &str| Value::from_go_bytes(unescape_bytes(s));
    let out = Map::new();
    out.insert("scheme", field(&url.scheme));
    out.insert("host", field(&url.host));
    out.insert("hostname", field(&hostname(&url.host)));
    out.insert("path", field(&url.path));
    out.insert("query", field(&url.raw_query));
    out.insert("opaque", field(&url.opaque));
    out.insert("fragment", field(&url.fragment));
    let userinfo = url.user.as_ref().map(userinfo_string).unwrap_or_default();
    out.insert("userinfo", field(&userinfo));
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
    let escaped_path = if path == b"*" {
        "*".to_string()
    } else {
        escape(&path, Mode::Path)
    };
    let user = user.as_ref().map(userinfo_string);
    let out = write_url(&Parts {
        scheme: &scheme,
        opaque: &opaque,
        user: user.as_deref(),
        host: &host,
        omit_host: false,
        escaped_path: &escaped_path,
        force_query: false,
        raw_query: &query,
        escaped_fragment: &escape(&fragment, Mode::Fragment),
    });
    Ok(Value::from_go_bytes(out))
}

pub(super) const FUNCS: &[Func] = &[
    func("urlParse", &[P::BytesString], None, url_parse),
    func("urlJoin", &[P::Map], None, url_join),
];
