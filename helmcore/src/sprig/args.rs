//! Reading a function's arguments.
//!
//! The executor converts arguments to the declared parameter types before a function
//! runs, so these accessors only fall back to Go's zero value when a caller outside the
//! executor (a test, another module) passes something else: a body never panics.

use crate::value::{Elem, List, Map, Value};

/// The argument at `i`, or nil.
pub(super) fn any(args: &[Value], i: usize) -> &Value {
    static NIL: Value = Value::Nil;
    args.get(i).unwrap_or(&NIL)
}

/// A `string` parameter.
pub(super) fn string(args: &[Value], i: usize) -> &str {
    args.get(i).and_then(Value::as_str).unwrap_or("")
}

/// A [`Param::BytesString`](crate::engine::func::Param::BytesString) parameter's bytes.
pub(super) fn bytes(args: &[Value], i: usize) -> &[u8] {
    args.get(i).and_then(Value::go_bytes).unwrap_or_default()
}

/// An `int` (or `int64`) parameter.
pub(super) fn int(args: &[Value], i: usize) -> i64 {
    match args.get(i) {
        Some(Value::Int(n, _)) => *n,
        _ => 0,
    }
}

/// A `bool` parameter.
pub(super) fn boolean(args: &[Value], i: usize) -> bool {
    matches!(args.get(i), Some(Value::Bool(true)))
}

/// A `map[string]interface{}` parameter; `None` for a nil map.
pub(super) fn map(args: &[Value], i: usize) -> Option<&Map> {
    args.get(i).and_then(Value::as_map)
}

/// The variadic arguments from index `from` on.
pub(super) fn rest(args: &[Value], from: usize) -> &[Value] {
    args.get(from..).unwrap_or(&[])
}

/// A `[]string` result.
/// A Go `[]string`.
pub(super) fn string_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Value {
    let items = items.into_iter().map(|s| Value::from(s.as_ref())).collect();
    Value::List(List::typed(items, Elem::String))
}

/// A Go `[]string` that is nil when it has no items: Go's `regexp` methods build their
/// results by appending to a nil slice.
pub(super) fn appended_strings<S: AsRef<str>>(items: Vec<S>) -> Value {
    if items.is_empty() {
        return Value::List(List::nil(Elem::String));
    }
    string_list(items)
}
