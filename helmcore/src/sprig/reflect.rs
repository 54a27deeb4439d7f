//! Sprig's reflection functions: Go's `%T` type names and `reflect.Kind` names.

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::{any, string};
use super::{func, Res};

fn type_of(a: Vec<Value>) -> Res {
    Ok(any(&a, 0).type_name().into())
}

fn type_is(a: Vec<Value>) -> Res {
    Ok((string(&a, 0) == any(&a, 1).type_name()).into())
}

fn type_is_like(a: Vec<Value>) -> Res {
    let (target, t) = (string(&a, 0), any(&a, 1).type_name());
    Ok((t == target || t.strip_prefix('*') == Some(target)).into())
}

fn kind_of(a: Vec<Value>) -> Res {
    Ok(any(&a, 0).kind().as_str().into())
}

fn kind_is(a: Vec<Value>) -> Res {
    Ok((string(&a, 0) == any(&a, 1).kind().as_str()).into())
}

fn deep_equal(a: Vec<Value>) -> Res {
    Ok((any(&a, 0) == any(&a, 1)).into())
}

pub(super) const FUNCS: &[Func] = &[
    func("typeOf", &[P::Any], None, type_of),
    func("typeIs", &[P::String, P::Any], None, type_is),
    func("typeIsLike", &[P::String, P::Any], None, type_is_like),
    func("kindOf", &[P::Any], None, kind_of),
    func("kindIs", &[P::String, P::Any], None, kind_is),
    func("deepEqual", &[P::Any, P::Any], None, deep_equal),
];
