//! `urlParse` and `urlJoin`: Go's `net/url` parsing and printing ([`crate::gourl`]).

use crate::engine::func::{Func, Param as P};
use crate::value::{Map, Value};

use super::args::{map, string};
use super::{func, Res};
use crate::gourl::{escape, hostname, parse, userinfo_string, write_url, Mode, Parts};

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
    func("urlParse", &[P::String], None, url_parse),
    func("urlJoin", &[P::Map], None, url_join),
];
