//! Go's `path` functions (`base`, `dir`, `clean`, `ext`, `isAbs`) and their `filepath`
//! twins (`osBase`...), which on Linux, where Helm runs, behave the same.

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::bytes;
use super::{func, Res};
use crate::gopath::clean_bytes;

/// Go's `path.Base`: the last element, ignoring trailing slashes.
fn base(path: &[u8]) -> &[u8] {
    if path.is_empty() {
        return b".";
    }
    let end = path.iter().rposition(|&b| b != b'/').map_or(0, |i| i + 1);
    let trimmed = &path[..end];
    if trimmed.is_empty() {
        return b"/";
    }
    match trimmed.iter().rposition(|&b| b == b'/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

/// Go's `path.Dir`: everything up to the last slash, cleaned.
fn dir(path: &[u8]) -> Vec<u8> {
    let head = match path.iter().rposition(|&b| b == b'/') {
        Some(i) => &path[..=i],
        None => b"",
    };
    clean_bytes(head)
}

/// Go's `path.Ext`: the suffix from the last dot of the last element.
fn ext(path: &[u8]) -> &[u8] {
    for (i, &b) in path.iter().enumerate().rev() {
        match b {
            b'/' => break,
            b'.' => return &path[i..],
            _ => {}
        }
    }
    b""
}

fn base_fn(a: Vec<Value>) -> Res {
    Ok(Value::from_go_slice(base(bytes(&a, 0))))
}

fn dir_fn(a: Vec<Value>) -> Res {
    Ok(Value::from_go_bytes(dir(bytes(&a, 0))))
}

fn clean_fn(a: Vec<Value>) -> Res {
    Ok(Value::from_go_bytes(clean_bytes(bytes(&a, 0))))
}

fn ext_fn(a: Vec<Value>) -> Res {
    Ok(Value::from_go_slice(ext(bytes(&a, 0))))
}

fn is_abs(a: Vec<Value>) -> Res {
    Ok(bytes(&a, 0).starts_with(b"/").into())
}

pub(super) const FUNCS: &[Func] = &[
    func("base", &[P::BytesString], None, base_fn),
    func("dir", &[P::BytesString], None, dir_fn),
    func("clean", &[P::BytesString], None, clean_fn),
    func("ext", &[P::BytesString], None, ext_fn),
    func("isAbs", &[P::BytesString], None, is_abs),
    func("osBase", &[P::BytesString], None, base_fn),
    func("osDir", &[P::BytesString], None, dir_fn),
    func("osClean", &[P::BytesString], None, clean_fn),
    func("osExt", &[P::BytesString], None, ext_fn),
    func("osIsAbs", &[P::BytesString], None, is_abs),
];
