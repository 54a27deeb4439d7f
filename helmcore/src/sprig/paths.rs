//! Go's `path` functions (`base`, `dir`, `clean`, `ext`, `isAbs`) and their `filepath`
//! twins (`osBase`...), which on Linux, where Helm runs, behave the same.

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::string;
use super::{func, Res};

/// Go's `path.Clean`: lexical clean-up of `.`, `..` and repeated slashes.
pub(crate) fn clean(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `path.Base`: the last element, ignoring trailing slashes.
pub(crate) fn base(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    match trimmed.rfind('/') {
        Some(i) => trimmed[i + 1..].to_string(),
        None => trimmed.to_string(),
    }
}

/// Go's `path.Dir`: everything up to the last slash, cleaned.
pub(crate) fn dir(path: &str) -> String {
    let head = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    clean(head)
}

/// Go's `path.Ext`: the suffix from the last dot of the last element.
pub(crate) fn ext(path: &str) -> String {
    for (i, b) in path.bytes().enumerate().rev() {
        match b {
            b'/' => break,
            b'.' => return path[i..].to_string(),
            _ => {}
        }
    }
    String::new()
}

fn base_fn(a: Vec<Value>) -> Res {
    Ok(base(string(&a, 0)).into())
}

fn dir_fn(a: Vec<Value>) -> Res {
    Ok(dir(string(&a, 0)).into())
}

fn clean_fn(a: Vec<Value>) -> Res {
    Ok(clean(string(&a, 0)).into())
}

fn ext_fn(a: Vec<Value>) -> Res {
    Ok(ext(string(&a, 0)).into())
}

fn is_abs(a: Vec<Value>) -> Res {
    Ok(string(&a, 0).starts_with('/').into())
}

pub(super) const FUNCS: &[Func] = &[
    func("base", &[P::String], None, base_fn),
    func("dir", &[P::String], None, dir_fn),
    func("clean", &[P::String], None, clean_fn),
    func("ext", &[P::String], None, ext_fn),
    func("isAbs", &[P::String], None, is_abs),
    func("osBase", &[P::String], None, base_fn),
    func("osDir", &[P::String], None, dir_fn),
    func("osClean", &[P::String], None, clean_fn),
    func("osExt", &[P::String], None, ext_fn),
    func("osIsAbs", &[P::String], None, is_abs),
];
