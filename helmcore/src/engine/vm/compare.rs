//! Go's comparison builtins (`eq`, `ne`, `lt`, `le`, `gt`, `ge`) with their type rules.

use super::Rv;
use crate::engine::error::TemplateError;
use crate::engine::GoRelease;
use crate::gofmt::sprintf;
use crate::value::Value;

#[derive(PartialEq, Eq, Clone, Copy)]
enum BasicKind {
    Invalid,
    Bool,
    Int,
    Float,
    String,
}

fn basic_kind(v: &Rv) -> BasicKind {
    match v.value() {
        _ if !v.is_valid() => BasicKind::Invalid,
        Value::Bool(_) => BasicKind::Bool,
        Value::Int(..) => BasicKind::Int,
        Value::Float(_) => BasicKind::Float,
        Value::String(_) | Value::Bytes(_) => BasicKind::String,
        _ => BasicKind::Invalid,
    }
}

fn err(msg: impl Into<String>) -> TemplateError {
    TemplateError::Message(msg.into())
}

fn incompatible(a: &Rv, b: &Rv, go: GoRelease) -> TemplateError {
    match go {
        GoRelease::Go1_25 => err(format!(
            "incompatible types for comparison: {} and {}",
            a.type_name(),
            b.type_name()
        )),
        GoRelease::Go1_23 => err("incompatible types for comparison"),
    }
}

/// Go's `isNil` on an evaluated value.
fn is_nil(v: &Rv) -> bool {
    !v.is_valid()
}

fn comparable(v: &Value) -> bool {
    !matches!(v, Value::List(_) | Value::Map(_))
}

/// Go's `eq arg1 arg2...`: true when arg1 equals any of the others.
pub(super) fn eq(arg1: &Rv, rest: &[Rv], go: GoRelease) -> Result<bool, TemplateError> {
    let a = arg1.indirect_interface();
    if rest.is_empty() {
        return Err(err("missing argument for comparison"));
    }
    let k1 = basic_kind(&a);
    for arg in rest {
        let b = arg.indirect_interface();
        let k2 = basic_kind(&b);
        let truth = if k1 != k2 {
            if a.is_valid() && b.is_valid() {
                return Err(incompatible(&a, &b, go));
            }
            false
        } else {
            match (a.value(), b.value()) {
                (Value::Bool(x), Value::Bool(y)) if k1 == BasicKind::Bool => x == y,
                (Value::Int(x, _), Value::Int(y, _)) => x == y,
                (Value::Float(x), Value::Float(y)) => x == y,
                (Value::String(x), Value::String(y)) => x == y,
                // Go compares strings byte by byte; a byte string is never valid UTF-8.
                (x, y) if k1 == BasicKind::String => x.go_bytes() == y.go_bytes(),
                (x, y) => {
                    // Both are non-basic (or nil): only nil-ness or identity compares.
                    if a.is_valid() && b.is_valid() && x.kind() != y.kind() {
                        return Err(err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            sprintf("%s", std::slice::from_ref(x)),
                            a.type_name(),
                            b.type_name(),
                            sprintf("%v", std::slice::from_ref(y))
                        )));
                    }
                    if is_nil(&a) || is_nil(&b) {
                        is_nil(&a) == is_nil(&b)
                    } else {
                        if !comparable(y) {
                            return Err(err(format!(
                                "non-comparable type {}: {}",
                                sprintf("%s", std::slice::from_ref(y)),
                                b.type_name()
                            )));
                        }
                        x == y
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Go's `lt`.
pub(super) fn lt(arg1: &Rv, arg2: &Rv, go: GoRelease) -> Result<bool, TemplateError> {
    let a = arg1.indirect_interface();
    let b = arg2.indirect_interface();
    let k1 = basic_kind(&a);
    let k2 = basic_kind(&b);
    if k1 == BasicKind::Invalid || k2 == BasicKind::Invalid {
        return Err(err("invalid type for comparison"));
    }
    if k1 != k2 {
        return Err(incompatible(&a, &b, go));
    }
    Ok(match (a.value(), b.value()) {
        (Value::Int(x, _), Value::Int(y, _)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::String(x), Value::String(y)) => x < y,
        (x, y) if k1 == BasicKind::String => x.go_bytes() < y.go_bytes(),
        _ => return Err(err("invalid type for comparison")),
    })
}

/// Go's `le`: `lt` or `eq`.
pub(super) fn le(arg1: &Rv, arg2: &Rv, go: GoRelease) -> Result<bool, TemplateError> {
    if lt(arg1, arg2, go)? {
        return Ok(true);
    }
    eq(arg1, std::slice::from_ref(arg2), go)
}
