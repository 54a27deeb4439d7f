//! Go's builtin template functions.

use super::compare;
use super::escape;
use super::Rv;
use crate::engine::error::TemplateError;
use crate::engine::funcs::Builtin;
use crate::engine::GoRelease;
use crate::gofmt;
use crate::value::{Elements, Value};

fn err(msg: impl Into<String>) -> TemplateError {
    TemplateError::Message(msg.into())
}

/// Builtins with `reflect.Value` parameters: they see invalid and nil-interface values
/// as such.
pub(super) fn call_rv(
    b: Builtin,
    args: Vec<Rv>,
    callee: Option<String>,
    go: GoRelease,
) -> Result<Rv, TemplateError> {
    let mut it = args.into_iter();
    let first = it.next().unwrap_or(Rv::Invalid);
    let rest: Vec<Rv> = it.collect();
    match b {
        Builtin::Not => Ok(Rv::Val(Value::Bool(!first.truth()))),
        Builtin::Len => length(&first).map(|n| Rv::Val(Value::int(n))),
        Builtin::Index => index(first, &rest),
        Builtin::Slice => slice(first, &rest),
        Builtin::Call => {
            let f = first.indirect_interface();
            if !f.is_valid() {
                return Err(err("call of nil"));
            }
            Err(err(format!(
                "non-function {} of type {}",
                callee.unwrap_or_default(),
                f.type_name()
            )))
        }
        Builtin::Eq => compare::eq(&first, &rest, go).map(|b| Rv::Val(Value::Bool(b))),
        Builtin::Ne => compare::eq(&first, &rest, go).map(|b| Rv::Val(Value::Bool(!b))),
        Builtin::Lt => compare::lt(&first, second(&rest), go).map(|b| Rv::Val(Value::Bool(b))),
        Builtin::Le => compare::le(&first, second(&rest), go).map(|b| Rv::Val(Value::Bool(b))),
        Builtin::Gt => compare::le(&first, second(&rest), go).map(|b| Rv::Val(Value::Bool(!b))),
        Builtin::Ge => compare::lt(&first, second(&rest), go).map(|b| Rv::Val(Value::Bool(!b))),
        // and/or are evaluated lazily by the executor; the rest take plain values.
        _ => Err(err(format!(
            "internal error: {b:?} called with reflect values"
        ))),
    }
}

fn second(rest: &[Rv]) -> &Rv {
    static INVALID: Rv = Rv::Invalid;
    rest.first().unwrap_or(&INVALID)
}

/// Builtins with `interface{}` parameters.
pub(super) fn call_values(b: Builtin, args: Vec<Value>) -> Result<Value, TemplateError> {
    Ok(match b {
        Builtin::Print => gofmt::sprint_value(&args),
        Builtin::Println => gofmt::sprintln_value(&args),
        Builtin::Printf => match args.split_first() {
            Some((Value::Bytes(format), rest)) => gofmt::sprintf_bytes_value(format, rest),
            Some((format, rest)) => gofmt::sprintf_value(format.as_str().unwrap_or_default(), rest),
            None => gofmt::sprintf_value("", &[]),
        },
        Builtin::Html => escape_args(&args, escape::html, false),
        Builtin::Js => escape_args(&args, escape::js, false),
        Builtin::UrlQuery => escape_args(&args, escape::query, true),
        _ => {
            return Err(err(format!(
                "internal error: {b:?} called with plain values"
            )))
        }
    })
}

/// `html`, `js` or `urlquery` (`f`) of the arguments. Where they print a byte string,
/// Go escapes each valid character and copies each invalid byte (`urlquery`
/// percent-encodes it, as it does every non-ASCII byte).
fn escape_args(args: &[Value], f: fn(&str) -> String, percent: bool) -> Value {
    if !args.iter().any(|a| matches!(a, Value::Bytes(_))) {
        return Value::from(f(&eval_args(args)));
    }
    let text = gofmt::sprint_value(&printable(args));
    let bytes = text.go_bytes().unwrap_or_default();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.extend_from_slice(f(chunk.valid()).as_bytes());
        for &b in chunk.invalid() {
            if percent {
                out.extend_from_slice(format!("%{b:02X}").as_bytes());
            } else {
                out.push(b);
            }
        }
    }
    Value::from_go_bytes(out)
}

/// Go's `evalArgs`: the arguments as `fmt.Sprint` prints them, nil ones as `<no value>`.
fn eval_args(args: &[Value]) -> String {
    if let [Value::String(s)] = args {
        return s.to_string();
    }
    gofmt::sprint(&printable(args))
}

/// The arguments as `evalArgs` prints them: nil ones as `<no value>`, a pointer to a
/// struct as the struct (Go dereferences it first; `%v` of the pointer would add `&`).
fn printable(args: &[Value]) -> Vec<Value> {
    args.iter()
        .map(|a| match a {
            _ if a.is_nil() => Value::from("<no value>"),
            Value::Object(o) if o.kind() == crate::value::Kind::Ptr => {
                let mut text = String::new();
                o.format(&mut text);
                match text.strip_prefix('&') {
                    // Still an operand that is not a string, for `Sprint`'s spacing.
                    Some(s) => Value::Object(std::sync::Arc::new(Printed {
                        text: s.to_string(),
                        type_name: o.type_name().into_owned(),
                    })),
                    None => a.clone(),
                }
            }
            _ => a.clone(),
        })
        .collect()
}

/// A dereferenced pointer's text.
#[derive(Debug)]
struct Printed {
    text: String,
    type_name: String,
}

impl crate::value::Object for Printed {
    fn type_name(&self) -> std::borrow::Cow<'_, str> {
        self.type_name.as_str().into()
    }
    fn kind(&self) -> crate::value::Kind {
        crate::value::Kind::Struct
    }
    fn field(&self, _name: &str) -> crate::value::Field {
        crate::value::Field::Missing
    }
    fn format(&self, out: &mut String) {
        out.push_str(&self.text);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn length(item: &Rv) -> Result<i64, TemplateError> {
    match item {
        Rv::Invalid => Err(err("reflect: call of reflect.Value.Type on zero Value")),
        Rv::Iface(Value::Nil) => Err(err("len of nil pointer")),
        Rv::Iface(v) | Rv::Val(v) => match v {
            Value::String(s) => Ok(s.len() as i64),
            Value::Bytes(b) => Ok(b.len() as i64),
            Value::List(l) => Ok(l.len() as i64),
            Value::Map(m) => Ok(m.len() as i64),
            Value::Object(o) => match o.elements() {
                Some(Elements::Map { entries, .. }) => Ok(entries.len() as i64),
                Some(Elements::List(l)) => Ok(l.len() as i64),
                None => match o.to_data() {
                    Some(Value::Map(m)) if o.kind() == crate::value::Kind::Map => {
                        Ok(m.len() as i64)
                    }
                    Some(Value::List(l)) if o.kind() == crate::value::Kind::Slice => {
                        Ok(l.len() as i64)
                    }
                    _ => Err(err(format!("len of type {}", deref_type_name(v)))),
                },
            },
            _ => Err(err(format!("len of type {}", v.type_name()))),
        },
    }
}

/// Go's `indexArg`.
fn index_arg(index: &Rv, cap: usize) -> Result<usize, TemplateError> {
    let x = match index {
        Rv::Val(Value::Int(n, _)) | Rv::Iface(Value::Int(n, _)) => *n,
        Rv::Invalid | Rv::Iface(Value::Nil) => {
            return Err(err("cannot index slice/array with nil"))
        }
        other => {
            return Err(err(format!(
                "cannot index slice/array with type {}",
                other.indirect_interface().type_name()
            )))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(err(format!("index out of range: {x}")));
    }
    Ok(x as usize)
}

/// The type Go names after following a pointer (`len` and `index` dereference their
/// argument first): `common.Capabilities` for `*common.Capabilities`.
fn deref_type_name(v: &Value) -> String {
    let name = v.type_name();
    match v {
        Value::Object(o) if o.kind() == crate::value::Kind::Ptr => {
            name.strip_prefix('*').unwrap_or(&name).to_string()
        }
        _ => name,
    }
}

/// A map index: Go converts it to the map's `string` key type.
fn map_key(ix: &Rv) -> Result<crate::value::Str, TemplateError> {
    match ix {
        Rv::Invalid => Err(err("value is nil; should be of type string")),
        Rv::Val(Value::String(k)) => Ok(k.clone()),
        // A byte string is a Go string too; map keys hold such bytes as their lossy
        // text (see docs/compatibility.md).
        Rv::Val(Value::Bytes(b)) => Ok(crate::yaml::go_lossy_utf8(b).into()),
        other => Err(err(format!(
            "value has type {}; should be string",
            other.type_name()
        ))),
    }
}

fn index(item: Rv, indexes: &[Rv]) -> Result<Rv, TemplateError> {
    let mut item = item.indirect_interface();
    if !item.is_valid() {
        return Err(err("index of untyped nil"));
    }
    for ix in indexes {
        let ix = ix.indirect_interface();
        let v = match &item {
            Rv::Iface(Value::Nil) | Rv::Invalid => return Err(err("index of nil pointer")),
            Rv::Iface(v) | Rv::Val(v) => v.clone(),
        };
        item = match &v {
            Value::List(l) => {
                let x = index_arg(&ix, l.len())?;
                match l.get(x) {
                    Some(e) => Rv::Iface(e.clone()),
                    None => return Err(err("reflect: slice index out of range")),
                }
            }
            Value::String(_) | Value::Bytes(_) => {
                let s = v.go_bytes().unwrap_or_default();
                let x = index_arg(&ix, s.len())?;
                match s.get(x) {
                    Some(b) => Rv::Val(Value::uint8(*b)),
                    None => return Err(err("reflect: string index out of range")),
                }
            }
            // A missing key gives the element type's zero value: nil, or "" for the only
            // other map type templates meet, `map[string]string`.
            Value::Map(m) => Rv::Iface(m.get(&map_key(&ix)?).unwrap_or_else(
                || match m.named_type() {
                    Some(t) if !t.generic => Value::from(""),
                    _ => Value::Nil,
                },
            )),
            Value::Object(o) => match o.elements() {
                Some(Elements::List(l)) => {
                    let x = index_arg(&ix, l.len())?;
                    match l.into_iter().nth(x) {
                        Some(e) => Rv::Val(e),
                        None => return Err(err("reflect: slice index out of range")),
                    }
                }
                Some(Elements::Map { entries, zero }) => {
                    let key = map_key(&ix)?;
                    Rv::Val(
                        entries
                            .into_iter()
                            .find(|(k, _)| *k == key)
                            .map_or(zero, |(_, v)| v),
                    )
                }
                None => {
                    return Err(err(format!(
                        "can't index item of type {}",
                        deref_type_name(&v)
                    )))
                }
            },
            other => {
                return Err(err(format!(
                    "can't index item of type {}",
                    other.type_name()
                )))
            }
        };
    }
    Ok(item)
}

fn slice(item: Rv, indexes: &[Rv]) -> Result<Rv, TemplateError> {
    let item = item.indirect_interface();
    let v = match &item {
        Rv::Invalid => return Err(err("slice of untyped nil")),
        Rv::Iface(v) | Rv::Val(v) => v.clone(),
    };
    if indexes.len() > 3 {
        return Err(err(format!("too many slice indexes: {}", indexes.len())));
    }
    let cap = match &v {
        Value::String(_) | Value::Bytes(_) => {
            if indexes.len() == 3 {
                return Err(err("cannot 3-index slice a string"));
            }
            v.go_bytes().map_or(0, <[u8]>::len)
        }
        Value::List(l) => l.len(),
        other => {
            return Err(err(format!(
                "can't slice item of type {}",
                other.type_name()
            )))
        }
    };
    let mut idx = [0usize, cap, 0];
    let len = match &v {
        Value::String(_) | Value::Bytes(_) => cap,
        Value::List(l) => l.len(),
        _ => 0,
    };
    idx[1] = len;
    for (i, ix) in indexes.iter().enumerate() {
        idx[i] = index_arg(&ix.indirect_interface(), cap)?;
    }
    if idx[0] > idx[1] {
        return Err(err(format!("invalid slice index: {} > {}", idx[0], idx[1])));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(err(format!("invalid slice index: {} > {}", idx[1], idx[2])));
    }
    Ok(Rv::Val(match &v {
        Value::String(s) => match s.get(idx[0]..idx[1]) {
            Some(sub) => Value::from(sub),
            // Go slices bytes; a cut inside a UTF-8 sequence gives a byte string.
            None => Value::from_go_slice(s.as_bytes().get(idx[0]..idx[1]).unwrap_or_default()),
        },
        Value::Bytes(b) => Value::from_go_slice(b.get(idx[0]..idx[1]).unwrap_or_default()),
        Value::List(l) => Value::List(l.with_items(l[idx[0]..idx[1]].to_vec())),
        _ => Value::Nil,
    }))
}
