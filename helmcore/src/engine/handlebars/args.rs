//! Helper arguments to the Go types a function declares, as Go's template executor
//! converts them: literals convert to the parameter's type (`5` to `int` or `int64`,
//! `2.0` to an integer too), values must already have it (`wrong type for value;
//! expected int; got float64`).

use serde_json::Value as Json;

use super::error::Failure;
use super::exec::Arg;
use crate::engine::func::Param;
use crate::engine::funcs::Builtin;
use crate::engine::vm::{assignable, call_builtin, can_be_nil, coerce, param_type_name, Rv, PT};
use crate::value::Value;

/// A literal as Go's untyped constant would be for an `interface{}` parameter: integers
/// are `int`, other numbers `float64`.
fn literal(j: &Json) -> Value {
    match j {
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        other => super::convert::from_json(other),
    }
}

/// The argument as an `interface{}`: nil for a missing value.
pub(crate) fn plain(a: Arg) -> Value {
    match a {
        Arg::Lit(j) => literal(&j),
        Arg::Missing(_) => Value::Nil,
        Arg::Data(v) | Arg::Result(v) => v,
    }
}

/// The argument as the executor's `reflect.Value`: a literal `null` is invalid, a value
/// read from a map an interface, a function result a concrete value (nil: a nil
/// interface).
fn rv(a: Arg) -> Rv {
    match a {
        Arg::Lit(Json::Null) => Rv::Invalid,
        Arg::Lit(j) => Rv::Val(literal(&j)),
        Arg::Missing(_) => Rv::Iface(Value::Nil),
        Arg::Data(v) => Rv::Iface(v),
        Arg::Result(v) => Rv::result(v),
    }
}

/// An integral JSON number as Go's ideal constant: `2` and `2.0` both are integers.
fn integer(j: &serde_json::Number) -> Option<i64> {
    if let Some(i) = j.as_i64() {
        return Some(i);
    }
    let f = j.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i64)
}

/// Converts a literal to a Go-typed parameter.
fn convert_literal(j: &Json, p: Param) -> Result<Value, String> {
    let t = param_type_name(PT::Go(p));
    let found = || j.to_string();
    match (p, j) {
        (_, Json::Null) if can_be_nil(PT::Go(p)) => Ok(Value::Nil),
        (_, Json::Null) => Err(format!("cannot assign nil to {t}")),
        (Param::Any, j) => Ok(literal(j)),
        (Param::Bool, Json::Bool(b)) => Ok(Value::Bool(*b)),
        (Param::Bool, _) => Err(format!("expected bool; found {}", found())),
        (Param::String | Param::BytesString, Json::String(s)) => Ok(Value::from(s.as_str())),
        (Param::String | Param::BytesString, _) => {
            Err(format!("expected string; found {}", found()))
        }
        (Param::Int | Param::Int64 | Param::Duration, Json::Number(n)) => match integer(n) {
            Some(i) if p == Param::Int => Ok(Value::int(i)),
            Some(i) if p == Param::Duration => Ok(Value::Int(i, crate::value::IntKind::Duration)),
            Some(i) => Ok(Value::int64(i)),
            None => Err(format!("expected integer; found {}", found())),
        },
        (Param::Int | Param::Int64 | Param::Duration, _) => {
            Err(format!("expected integer; found {}", found()))
        }
        (Param::Float64, Json::Number(n)) => Ok(Value::Float(n.as_f64().unwrap_or(f64::NAN))),
        (Param::Float64, _) => Err(format!("expected float; found {}", found())),
        (Param::Uint32, Json::Number(n)) => match integer(n) {
            Some(i) if i >= 0 => Ok(Value::int(i64::from(i as u32))),
            _ => Err(format!("expected unsigned integer; found {}", found())),
        },
        (Param::Uint32, _) => Err(format!("expected unsigned integer; found {}", found())),
        // Array and object literals are data, as a value would be.
        (Param::Map | Param::List | Param::StringList, Json::Array(_) | Json::Object(_)) => {
            let v = super::convert::from_json(j);
            if assignable(&v, p) {
                Ok(v)
            } else {
                Err(format!(
                    "wrong type for value; expected {t}; got {}",
                    v.type_name()
                ))
            }
        }
        (Param::Map | Param::List | Param::StringList | Param::Struct(_), _) => {
            Err(format!("can't handle {} for arg of type {t}", found()))
        }
    }
}

/// Converts one argument to a Go-typed parameter.
fn convert_one(a: Arg, p: Param) -> Result<Value, String> {
    let t = param_type_name(PT::Go(p));
    match a {
        Arg::Lit(j) => convert_literal(&j, p),
        Arg::Missing(_) | Arg::Data(Value::Nil) | Arg::Result(Value::Nil) => {
            if p == Param::Any {
                Ok(Value::Nil)
            } else {
                Err(format!(
                    "wrong type for value; expected {t}; got interface {{}}"
                ))
            }
        }
        Arg::Data(v) | Arg::Result(v) => {
            if assignable(&v, p) {
                Ok(coerce(v, p))
            } else {
                Err(format!(
                    "wrong type for value; expected {t}; got {}",
                    v.type_name()
                ))
            }
        }
    }
}

/// Checks the count and converts every argument of a call of `name`.
pub(crate) fn convert(
    name: &str,
    params: &[Param],
    variadic: Option<Param>,
    argv: Vec<Arg>,
) -> Result<Vec<Value>, Failure> {
    let n = params.len();
    match variadic {
        None if argv.len() != n => {
            return Err(Failure::Plain(format!(
                "wrong number of args for {name}: want {n} got {}",
                argv.len()
            )))
        }
        Some(_) if argv.len() < n => {
            return Err(Failure::Plain(format!(
                "wrong number of args for {name}: want at least {n} got {}",
                argv.len()
            )))
        }
        _ => {}
    }
    argv.into_iter()
        .enumerate()
        .map(|(i, a)| {
            let p = params.get(i).copied().or(variadic).unwrap_or(Param::Any);
            convert_one(a, p)
                .map_err(|m| Failure::Plain(format!("{name}: argument {}: {m}", i + 1)))
        })
        .collect()
}

/// One of Go's builtins.
pub(crate) fn builtin(name: &str, b: Builtin, argv: Vec<Arg>) -> Result<Value, Failure> {
    match b {
        // `and` / `or`: the first false (true) argument, else the last one.
        Builtin::And | Builtin::Or => {
            if argv.is_empty() {
                return Err(Failure::Plain(format!(
                    "wrong number of args for {name}: want at least 1 got 0"
                )));
            }
            let want = b == Builtin::Or;
            let mut last = Value::Nil;
            for a in argv {
                let v = plain(a);
                if v.is_truthy() == want {
                    return Ok(v);
                }
                last = v;
            }
            Ok(last)
        }
        _ => {
            let rvs: Vec<Rv> = argv.into_iter().map(rv).collect();
            call_builtin(b, rvs)
                .map(Rv::into_value)
                .map_err(|e| Failure::Plain(format!("error calling {name}: {e}")))
        }
    }
}
