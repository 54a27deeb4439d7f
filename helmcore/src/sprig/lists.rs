//! Sprig's list functions.
//!
//! The plain forms (`first`) panic where the `must` forms (`mustFirst`) return an error;
//! Go's template executor turns either into the same `error calling first: ...`, so both
//! share one body here.

use std::borrow::Cow;

use crate::engine::func::{Func, Param as P};
use crate::value::{Elem, Elements, List, Value};

use super::args::{any, int, rest};
use super::cast::to_int64;
use super::defaults::is_empty;
use super::{func, Res};

/// Go's panic text for a nil pointer dereference (`reflect.TypeOf(nil).Kind()`, a nil
/// `*semver.Version` argument).
pub(super) const NIL_DEREF: &str =
    "runtime error: invalid memory address or nil pointer dereference";

/// The items of a value of kind `slice` as Sprig's reflection sees them: a list's own, or
/// the elements of a named slice type (`.Capabilities.APIVersions`, a `VersionSet`; a
/// `[]byte`); `None` for every other value.
pub(super) fn slice_items(v: &Value) -> Option<Cow<'_, [Value]>> {
    match v {
        Value::List(items) => Some(Cow::Borrowed(&items[..])),
        Value::Object(o) => match o.elements() {
            Some(Elements::List(items)) => Some(Cow::Owned(items)),
            _ => None,
        },
        _ => None,
    }
}

/// The items of a list argument, or Sprig's `Cannot <what> on type <kind>` error.
fn items<'a>(v: &'a Value, what: &str) -> Result<Cow<'a, [Value]>, String> {
    match v {
        Value::Nil => Err(NIL_DEREF.into()),
        other => slice_items(other)
            .ok_or_else(|| format!("Cannot {what} type {}", other.kind().as_str())),
    }
}

fn list(a: Vec<Value>) -> Res {
    Ok(Value::list(a))
}

fn push(a: Vec<Value>) -> Res {
    let mut out = items(any(&a, 0), "push on")?.to_vec();
    out.push(any(&a, 1).clone());
    Ok(Value::list(out))
}

fn prepend(a: Vec<Value>) -> Res {
    let old = items(any(&a, 0), "prepend on")?;
    let mut out = Vec::with_capacity(old.len() + 1);
    out.push(any(&a, 1).clone());
    out.extend_from_slice(&old);
    Ok(Value::list(out))
}

/// Go's `int(f)` on amd64: truncation, with NaN and out-of-range values becoming the
/// minimum int.
fn go_int(f: f64) -> i64 {
    super::cast::float_to_int(f)
}

const MAKESLICE: &str = "runtime error: makeslice: len out of range";

fn chunk(a: Vec<Value>) -> Res {
    let size = int(&a, 0);
    let list = items(any(&a, 1), "chunk")?;
    let len = list.len() as i64;
    // Sprig computes the chunk count in floating point; a zero or negative size gives
    // Go's makeslice panic.
    let count = go_int(((len - 1) as f64 / size as f64).floor() + 1.0);
    if count < 0 {
        return Err(MAKESLICE.into());
    }
    let mut out = Vec::new();
    for c in 0..count {
        let mut clen = size;
        if c == count - 1 {
            clen = go_int((len as f64 % size as f64).floor());
            if clen == 0 {
                clen = size;
            }
        }
        if clen < 0 {
            return Err(MAKESLICE.into());
        }
        let mut part = Vec::new();
        for j in 0..clen {
            let ix = c.saturating_mul(size).saturating_add(j);
            let item = usize::try_from(ix)
                .ok()
                .and_then(|ix| list.get(ix))
                .ok_or_else(|| "reflect: slice index out of range".to_string())?;
            part.push(item.clone());
        }
        out.push(Value::list(part));
    }
    Ok(Value::List(List::typed(out, Elem::Slice)))
}

fn last(a: Vec<Value>) -> Res {
    Ok(items(any(&a, 0), "find last on")?
        .last()
        .cloned()
        .unwrap_or_default())
}

fn first(a: Vec<Value>) -> Res {
    Ok(items(any(&a, 0), "find first on")?
        .first()
        .cloned()
        .unwrap_or_default())
}

// `rest` and `initial` of an empty list are Sprig's `return nil`: a nil slice.
fn rest_fn(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "find rest on")?;
    if list.is_empty() {
        return Ok(Value::List(List::nil(Elem::Interface)));
    }
    Ok(Value::list(list[1..].to_vec()))
}

fn initial(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "find initial on")?;
    if list.is_empty() {
        return Ok(Value::List(List::nil(Elem::Interface)));
    }
    Ok(Value::list(
        list.get(..list.len().saturating_sub(1))
            .unwrap_or(&[])
            .to_vec(),
    ))
}

fn reverse(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "find reverse on")?;
    Ok(Value::list(list.iter().rev().cloned().collect()))
}

fn compact(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "compact on")?;
    Ok(Value::list(
        list.iter().filter(|v| !is_empty(v)).cloned().collect(),
    ))
}

fn uniq(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "find uniq on")?;
    let mut out: Vec<Value> = Vec::new();
    for v in list.iter() {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    Ok(Value::list(out))
}

fn without(a: Vec<Value>) -> Res {
    let list = items(any(&a, 0), "find without on")?;
    let omit = rest(&a, 1);
    Ok(Value::list(
        list.iter().filter(|v| !omit.contains(v)).cloned().collect(),
    ))
}

fn has(a: Vec<Value>) -> Res {
    let haystack = any(&a, 1);
    if haystack.is_nil() {
        return Ok(false.into());
    }
    let list = items(haystack, "find has on")?;
    Ok(list.contains(any(&a, 0)).into())
}

fn slice(a: Vec<Value>) -> Res {
    let list = match any(&a, 0) {
        Value::Nil => return Err(NIL_DEREF.into()),
        other => slice_items(other).ok_or_else(|| {
            format!(
                "list should be type of slice or array but {}",
                other.kind().as_str()
            )
        })?,
    };
    if list.is_empty() {
        return Ok(Value::Nil);
    }
    let indices = rest(&a, 1);
    let start = indices.first().map_or(0, to_int64);
    let end = match indices.get(1) {
        Some(v) => to_int64(v),
        None => list.len() as i64,
    };
    if start < 0 || end < start || end > list.len() as i64 {
        return Err("reflect.Value.Slice: slice index out of bounds".into());
    }
    let part = list[start as usize..end as usize].to_vec();
    // Go's reflection slices keep the slice type (`[]string` stays `[]string`, a
    // `[]byte` a `[]byte`).
    match any(&a, 0) {
        Value::List(l) => Ok(Value::List(l.with_items(part))),
        Value::Object(o) => Ok(match o.as_go_bytes() {
            Some(bytes) => crate::value::byte_slice::value(&bytes[start as usize..end as usize]),
            None => Value::list(part),
        }),
        _ => Ok(Value::list(part)),
    }
}

fn concat(a: Vec<Value>) -> Res {
    let mut out = Vec::new();
    for v in &a {
        match v {
            Value::Nil => return Err(NIL_DEREF.into()),
            other => match slice_items(other) {
                Some(items) => out.extend(items.iter().cloned()),
                None => {
                    return Err(format!(
                        "Cannot concat type {} as list",
                        other.kind().as_str()
                    ))
                }
            },
        }
    }
    // Sprig appends to a nil slice: nothing to append leaves it nil.
    if out.is_empty() {
        return Ok(Value::List(List::nil(Elem::Interface)));
    }
    Ok(Value::list(out))
}

pub(super) const FUNCS: &[Func] = &[
    func("list", &[], Some(P::Any), list),
    func("tuple", &[], Some(P::Any), list),
    func("append", &[P::Any, P::Any], None, push),
    func("push", &[P::Any, P::Any], None, push),
    func("mustAppend", &[P::Any, P::Any], None, push),
    func("mustPush", &[P::Any, P::Any], None, push),
    func("prepend", &[P::Any, P::Any], None, prepend),
    func("mustPrepend", &[P::Any, P::Any], None, prepend),
    func("first", &[P::Any], None, first),
    func("mustFirst", &[P::Any], None, first),
    func("rest", &[P::Any], None, rest_fn),
    func("mustRest", &[P::Any], None, rest_fn),
    func("last", &[P::Any], None, last),
    func("mustLast", &[P::Any], None, last),
    func("initial", &[P::Any], None, initial),
    func("mustInitial", &[P::Any], None, initial),
    func("reverse", &[P::Any], None, reverse),
    func("mustReverse", &[P::Any], None, reverse),
    func("uniq", &[P::Any], None, uniq),
    func("mustUniq", &[P::Any], None, uniq),
    func("without", &[P::Any], Some(P::Any), without),
    func("mustWithout", &[P::Any], Some(P::Any), without),
    func("has", &[P::Any, P::Any], None, has),
    func("mustHas", &[P::Any, P::Any], None, has),
    func("slice", &[P::Any], Some(P::Any), slice),
    func("mustSlice", &[P::Any], Some(P::Any), slice),
    func("concat", &[], Some(P::Any), concat),
    func("chunk", &[P::Int, P::Any], None, chunk),
    func("mustChunk", &[P::Int, P::Any], None, chunk),
    func("compact", &[P::Any], None, compact),
    func("mustCompact", &[P::Any], None, compact),
];
