//! Go's `%v` (`fmt.Sprint`) formatting of values.

use super::{format_float_v, Value};

/// Nesting beyond this is printed as `...`: a map that contains itself (possible through
/// `set`) must not overflow the stack.
const MAX_DEPTH: usize = 1000;

/// Go's `fmt.Sprint(v)`: `map[a:1 b:[x y]]`, `1e+06`, `<nil>`.
///
/// ```
/// use helmcore::value::{fmt_v, Map, Value};
/// let m = Map::new();
/// m.insert("b", Value::list(vec![Value::from("x"), Value::Nil]));
/// m.insert("a", Value::Float(1e6));
/// assert_eq!(fmt_v(&Value::Map(m)), "map[a:1e+06 b:[x <nil>]]");
/// ```
pub fn fmt_v(v: &Value) -> String {
    let mut out = String::new();
    write_v(&mut out, v);
    out
}

/// Appends Go's `%v` formatting of `v` to `out`.
pub fn write_v(out: &mut String, v: &Value) {
    write_depth(out, v, 0)
}

fn write_depth(out: &mut String, v: &Value, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n, k) => match k.go_string(*n) {
            Some(s) => out.push_str(&s),
            None => out.push_str(&n.to_string()),
        },
        Value::Float(f) => out.push_str(&format_float_v(*f)),
        Value::String(s) => out.push_str(s),
        // A `String` cannot hold the raw bytes: callers that write them
        // (`gofmt`, the template output) handle `Bytes` before reaching here.
        Value::Bytes(b) => out.push_str(&crate::yaml::go_lossy_utf8(b)),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_depth(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push_str("map[");
            for (i, (k, item)) in m.entries().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_depth(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(o) => o.format(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    #[test]
    fn self_containing_map_terminates() {
        let m = Map::new();
        m.insert("self", Value::Map(m.clone()));
        let s = fmt_v(&Value::Map(m));
        assert!(s.starts_with("map[self:map[self:"));
        assert!(s.contains("..."));
    }

    #[test]
    fn nested_lists_and_ints() {
        let v = Value::list(vec![
            Value::int(1),
            Value::list(vec![Value::from(true)]),
            Value::from(""),
        ]);
        assert_eq!(fmt_v(&v), "[1 [true] ]");
    }
}
