//! Sprig's emptiness rules and the functions built on them (`default`, `empty`,
//! `coalesce`, `all`, `any`, `ternary`).

use crate::engine::func::{Func, Param as P};
use crate::value::{Kind, Value};

use super::args::{any, boolean};
use super::{func, Res};

/// Sprig's `empty`: nil, `false`, zero numbers, and empty strings, lists and maps are
/// empty; structs (and non-nil pointers, such as a semver version) never are.
pub(crate) fn is_empty(v: &Value) -> bool {
    match v {
        Value::Nil => true,
        Value::Bool(b) => !b,
        Value::Int(n, _) => *n == 0,
        Value::Float(f) => *f == 0.0,
        Value::String(s) => s.is_empty(),
        Value::Bytes(b) => b.is_empty(),
        Value::List(l) => l.is_empty(),
        Value::Map(m) => m.is_empty(),
        Value::Object(o) => match o.kind() {
            Kind::Struct | Kind::Ptr | Kind::Func => false,
            _ => !o.is_truthy(),
        },
    }
}

fn default(a: Vec<Value>) -> Res {
    let given = any(&a, 1);
    if a.len() < 2 || is_empty(given) {
        Ok(any(&a, 0).clone())
    } else {
        Ok(given.clone())
    }
}

fn empty(a: Vec<Value>) -> Res {
    Ok(is_empty(any(&a, 0)).into())
}

fn coalesce(a: Vec<Value>) -> Res {
    Ok(a.into_iter().find(|v| !is_empty(v)).unwrap_or_default())
}

fn all(a: Vec<Value>) -> Res {
    Ok(a.iter().all(|v| !is_empty(v)).into())
}

fn any_fn(a: Vec<Value>) -> Res {
    Ok(a.iter().any(|v| !is_empty(v)).into())
}

fn ternary(a: Vec<Value>) -> Res {
    Ok(if boolean(&a, 2) {
        any(&a, 0).clone()
    } else {
        any(&a, 1).clone()
    })
}

pub(super) const FUNCS: &[Func] = &[
    func("default", &[P::Any], Some(P::Any), default),
    func("empty", &[P::Any], None, empty),
    func("coalesce", &[], Some(P::Any), coalesce),
    func("all", &[], Some(P::Any), all),
    func("any", &[], Some(P::Any), any_fn),
    func("ternary", &[P::Any, P::Any, P::Bool], None, ternary),
];
