//! Sprig's JSON functions (`toPrettyJson`, `toRawJson`, `mustFromJson` and their `must`
//! forms) on [`crate::json`], Go's `encoding/json`. Helm's own `toJson`, `mustToJson` and
//! `fromJson` replace Sprig's and belong to the engine.

use crate::engine::func::{Func, Param as P};
use crate::json;
use crate::value::Value;

use super::args::{any, bytes};
use super::{func, Res};

/// `toPrettyJson` swallows the error and prints nothing, as Sprig does.
fn to_pretty_json(a: Vec<Value>) -> Res {
    Ok(json::to_string_pretty(any(&a, 0))
        .unwrap_or_default()
        .into())
}

fn must_to_pretty_json(a: Vec<Value>) -> Res {
    Ok(json::to_string_pretty(any(&a, 0))
        .map_err(|e| e.to_string())?
        .into())
}

/// Sprig's `toRawJson` panics on an error; the template then fails with it, as here.
fn to_raw_json(a: Vec<Value>) -> Res {
    Ok(json::to_string_raw(any(&a, 0))
        .map_err(|e| e.to_string())?
        .into())
}

fn must_from_json(a: Vec<Value>) -> Res {
    json::from_slice(bytes(&a, 0)).map_err(|e| e.to_string())
}

pub(super) const FUNCS: &[Func] = &[
    func("toPrettyJson", &[P::Any], None, to_pretty_json),
    func("mustToPrettyJson", &[P::Any], None, must_to_pretty_json),
    func("toRawJson", &[P::Any], None, to_raw_json),
    func("mustToRawJson", &[P::Any], None, to_raw_json),
    func("mustFromJson", &[P::BytesString], None, must_from_json),
];
