//! The dynamic value every part of helmcore passes around: values files, `--set` results,
//! template data and function results.
//!
//! Helm's data is Go's `interface{}`: templates can tell a `float64` that came from a
//! values file from an `int64` that came from `--set` (`typeOf`, `printf "%v"`, `eq`), so
//! [`Value`] keeps Go's dynamic type, not only the YAML shape.
//!
//! Maps are *shared references*, as Go maps are: `set`, `unset` and `merge` change a map in
//! place and every alias sees the change (charts rely on this: `$_ := set $ctx "k" v`).
//! Everything else is immutable and cheap to clone.
//!
//! ```
//! use helmcore::value::{Map, Value};
//! let m = Map::new();
//! let alias = Value::Map(m.clone());
//! m.insert("replicas", Value::from(3i64));
//! assert_eq!(alias.get("replicas"), Some(Value::from(3i64)));
//! assert_eq!(alias.type_name(), "map[string]interface {}");
//! ```

pub mod byte_slice;
pub(crate) mod escape;
mod format;
mod list;
mod map;
mod number;
mod object;

use std::sync::Arc;

pub use format::{fmt_v, write_v};
pub use list::{Elem, List};
pub use map::{Map, NamedMap, NIL_MAP, NIL_STRING_MAP, STRING_MAP};
pub use number::{format_float, format_float_v};
pub use object::{Elements, Field, GoFields, Object};

/// An immutable, cheaply cloned string (Go strings are immutable values too).
pub type Str = Arc<str>;

/// The bytes of a Go string that is not valid UTF-8 (see [`Value::Bytes`]).
pub type Bytes = Arc<[u8]>;

/// Which Go integer type an integer value has. Output is the same for all of them, but
/// `typeOf`, `kindOf` and `%T` tell them apart, and Go's function calls do not convert
/// between them (`int64` is not assignable to an `int` parameter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
    /// Go `int`: template literals, `len`, `atoi`, `int`, `until`.
    Int,
    /// Go `int64`: `--set` integers, Sprig's arithmetic, `int64`.
    Int64,
    /// Go `uint8` (`byte`): `index` of a string, an element of a `[]byte`.
    Uint8,
    /// Go `uint64`: a field of a struct Go's `fmt` prints (`semver.Version`'s numbers).
    Uint64,
    /// Go's `time.Duration` (kind `int64`): `Time.Sub`. Prints as `1h2m3.5s`.
    Duration,
    /// Go's `time.Month` (kind `int`): `Time.Month`. Prints as `March`.
    Month,
    /// Go's `time.Weekday` (kind `int`): `Time.Weekday`. Prints as `Thursday`.
    Weekday,
}

impl IntKind {
    /// Go's `%T` and `reflect.Kind` name of the type.
    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int64 => "int64",
            IntKind::Uint8 => "uint8",
            IntKind::Uint64 => "uint64",
            IntKind::Duration => "time.Duration",
            IntKind::Month => "time.Month",
            IntKind::Weekday => "time.Weekday",
        }
    }

    /// What the type's `String()` method gives for `n`, for the types that have one:
    /// `fmt`'s `%v`, `%s`, `%q`, `%x` and Sprig's `toString` print it.
    pub fn go_string(self, n: i64) -> Option<String> {
        crate::sprig::date::named_int_string(self, n)
    }

    /// Whether the type is unsigned: `%#v` prints it in hexadecimal (`0x1`).
    pub fn is_unsigned(self) -> bool {
        matches!(self, IntKind::Uint8 | IntKind::Uint64)
    }
}

/// Go's `reflect.Kind` names, as `kindOf` prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Invalid,
    Bool,
    Int,
    Int64,
    Uint8,
    Uint64,
    Float64,
    String,
    Slice,
    Map,
    Struct,
    Ptr,
    Func,
}

impl Kind {
    /// The name `reflect.Kind.String()` gives.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Invalid => "invalid",
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Int64 => "int64",
            Kind::Uint8 => "uint8",
            Kind::Uint64 => "uint64",
            Kind::Float64 => "float64",
            Kind::String => "string",
            Kind::Slice => "slice",
            Kind::Map => "map",
            Kind::Struct => "struct",
            Kind::Ptr => "ptr",
            Kind::Func => "func",
        }
    }
}

/// A Go dynamic value.
#[derive(Clone, Default)]
pub enum Value {
    /// Go's `nil` (a nil `interface{}`): YAML `null`, a missing key.
    #[default]
    Nil,
    Bool(bool),
    Int(i64, IntKind),
    /// Go `float64`: every number read from a YAML or JSON file.
    Float(f64),
    String(Str),
    /// A Go `string` whose bytes are not valid UTF-8: a binary file read with
    /// `.Files.Get`, `b64dec` of binary data, a string cut inside a character. Its Go type
    /// and kind are `string`; functions that Go runs over the raw bytes (`b64enc`,
    /// `sha256sum`, `len`, `printf`, the template output) see them, the others see the
    /// string as Go's `for range` reads it (each invalid byte one U+FFFD).
    ///
    /// Invariant: the bytes are never valid UTF-8 (valid ones are a [`Value::String`]),
    /// so the two never hold the same Go string. Build one with [`Value::from_go_bytes`].
    Bytes(Bytes),
    List(List),
    Map(Map),
    /// A Go struct or named type with fields and methods (`.Chart`, `.Capabilities`,
    /// `.Files`, a `semver` version, a `time.Time`).
    Object(Arc<dyn Object>),
}

impl Value {
    /// A Go `int`.
    pub fn int(n: i64) -> Value {
        Value::Int(n, IntKind::Int)
    }

    /// A Go `int64`.
    pub fn int64(n: i64) -> Value {
        Value::Int(n, IntKind::Int64)
    }

    /// A Go `uint8` (a byte of a string or `[]byte`).
    pub fn uint8(b: u8) -> Value {
        Value::Int(i64::from(b), IntKind::Uint8)
    }

    pub fn string(s: impl Into<Str>) -> Value {
        Value::String(s.into())
    }

    /// The Go string holding `bytes`: a [`Value::String`] when they are valid UTF-8, a
    /// [`Value::Bytes`] otherwise.
    ///
    /// ```
    /// use helmcore::value::Value;
    /// assert_eq!(Value::from_go_bytes(b"ok".to_vec()), Value::from("ok"));
    /// let v = Value::from_go_bytes(b"\xff".to_vec());
    /// assert_eq!((v.type_name(), v.go_bytes()), ("string".to_string(), Some(&b"\xff"[..])));
    /// ```
    pub fn from_go_bytes(bytes: Vec<u8>) -> Value {
        match String::from_utf8(bytes) {
            Ok(s) => Value::String(s.into()),
            Err(e) => Value::Bytes(e.into_bytes().into()),
        }
    }

    /// [`Value::from_go_bytes`] from a borrowed slice.
    pub fn from_go_slice(bytes: &[u8]) -> Value {
        match std::str::from_utf8(bytes) {
            Ok(s) => Value::String(s.into()),
            Err(_) => Value::Bytes(bytes.into()),
        }
    }

    /// The bytes of a Go string ([`Value::String`] or [`Value::Bytes`]); `None` for any
    /// other value.
    pub fn go_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::String(s) => Some(s.as_bytes()),
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// A Go string as text: a [`Value::String`] as is, a [`Value::Bytes`] as Go's `for
    /// range` reads it (every invalid byte one U+FFFD); `None` for any other value.
    pub fn go_str_lossy(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Value::String(s) => Some(std::borrow::Cow::Borrowed(s)),
            Value::Bytes(b) => Some(std::borrow::Cow::Owned(crate::yaml::go_lossy_utf8(b))),
            _ => None,
        }
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(List::new(items))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The Rust value behind an [`Object`] of type `T` (a `time.Time`, a certificate).
    ///
    /// ```
    /// use helmcore::value::Value;
    /// assert!(Value::from("x").downcast::<String>().is_none());
    /// ```
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(o) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The value of a map entry; `None` when this is not a map or has no such key.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.as_map().and_then(|m| m.get(key))
    }

    /// Go's `%T`: `float64`, `[]interface {}`, `map[string]interface {}`, `<nil>`.
    pub fn type_name(&self) -> String {
        match self {
            Value::Nil => "<nil>".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_, k) => k.name().into(),
            Value::Float(_) => "float64".into(),
            Value::String(_) | Value::Bytes(_) => "string".into(),
            Value::List(l) => l.elem().slice_type().into(),
            Value::Map(m) => match m.named_type() {
                Some(t) => t.name.into(),
                None => "map[string]interface {}".into(),
            },
            Value::Object(o) => o.type_name().into_owned(),
        }
    }

    /// Go's `reflect.Kind`.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Nil => Kind::Invalid,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_, IntKind::Int) => Kind::Int,
            Value::Int(_, IntKind::Int64) => Kind::Int64,
            Value::Int(_, IntKind::Uint8) => Kind::Uint8,
            Value::Int(_, IntKind::Uint64) => Kind::Uint64,
            Value::Int(_, IntKind::Duration) => Kind::Int64,
            Value::Int(_, IntKind::Month | IntKind::Weekday) => Kind::Int,
            Value::Float(_) => Kind::Float64,
            Value::String(_) | Value::Bytes(_) => Kind::String,
            Value::List(_) => Kind::Slice,
            Value::Map(_) => Kind::Map,
            Value::Object(o) => o.kind(),
        }
    }

    /// Go template truth (`if`, `and`, `not`): false for nil, `false`, zero numbers and
    /// empty strings, lists and maps.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(n, _) => *n != 0,
            Value::Float(f) => *f != 0.0,
            Value::String(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
            Value::Object(o) => o.is_truthy(),
        }
    }

    /// A copy that shares no map with `self`, so the copy can be changed (by `set`,
    /// `merge`, coalescing) without the original seeing it. Objects are copied as
    /// copystructure copies them ([`Object::deep_copy`]), else shared: they are
    /// immutable.
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::List(l) => Value::List(l.with_items(l.iter().map(Value::deep_copy).collect())),
            Value::Map(m) => Value::Map(m.deep_copy()),
            Value::Object(o) => o.deep_copy().unwrap_or_else(|| self.clone()),
            other => other.clone(),
        }
    }

    /// Go's `%v` formatting of this value, as `fmt.Sprint` prints it.
    pub fn to_go_string(&self) -> String {
        fmt_v(self)
    }
}

/// Deep equality on data (Go's `reflect.DeepEqual` for these types): the same kind and
/// the same content. `Int(1, Int)` and `Int(1, Int64)` differ, as in Go.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a, ka), Value::Int(b, kb)) => a == b && ka == kb,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Bytes(a), Value::Bytes(b)) => a == b,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => Arc::ptr_eq(a, b) || a.eq_object(&**b),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Nil => f.write_str("Nil"),
            Value::Bool(b) => write!(f, "Bool({b})"),
            Value::Int(n, IntKind::Int) => write!(f, "Int({n})"),
            Value::Int(n, IntKind::Int64) => write!(f, "Int64({n})"),
            Value::Int(n, k) => write!(f, "{}({n})", k.name()),
            Value::Float(x) => write!(f, "Float({x:?})"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Bytes(b) => write!(f, "Bytes({:?})", String::from_utf8_lossy(b)),
            Value::List(l) => f.debug_list().entries(l.iter()).finish(),
            Value::Map(m) => std::fmt::Debug::fmt(m, f),
            Value::Object(o) => write!(f, "Object({})", o.type_name()),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

/// `i64` converts to Go `int64`, the type `--set` and Sprig's arithmetic produce.
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::int64(n)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s.into())
    }
}

impl From<Str> for Value {
    fn from(s: Str) -> Value {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::list(items)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Map(m)
    }
}

impl<V: Into<Value>> FromIterator<V> for Value {
    fn from_iter<I: IntoIterator<Item = V>>(iter: I) -> Value {
        Value::list(iter.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_stays_three_words() {
        // Every template value, list item and map entry is a `Value`; a bigger one costs
        // memory on every render (docs/performance.md). A map's named type fits beside
        // its pointer.
        assert_eq!(
            std::mem::size_of::<Value>(),
            3 * std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn go_type_names_and_kinds() {
        assert_eq!(Value::Nil.type_name(), "<nil>");
        assert_eq!(Value::int(1).type_name(), "int");
        assert_eq!(Value::int64(1).type_name(), "int64");
        assert_eq!(Value::Float(1.0).type_name(), "float64");
        assert_eq!(Value::list(vec![]).type_name(), "[]interface {}");
        assert_eq!(Value::Nil.kind().as_str(), "invalid");
        assert_eq!(Value::list(vec![]).kind().as_str(), "slice");
    }

    #[test]
    fn truth_follows_go_zero_values() {
        for v in [
            Value::Nil,
            false.into(),
            0i64.into(),
            0.0.into(),
            "".into(),
            Value::list(vec![]),
        ] {
            assert!(!v.is_truthy(), "{v:?}");
        }
        assert!(!Value::Map(Map::new()).is_truthy());
        assert!(Value::from("0").is_truthy());
    }

    #[test]
    fn deep_copy_detaches_maps() {
        let inner = Map::new();
        inner.insert("a", 1i64.into());
        let outer = Map::new();
        outer.insert("inner", Value::Map(inner.clone()));
        let copy = Value::Map(outer.clone()).deep_copy();
        inner.insert("b", 2i64.into());
        assert_eq!(copy.get("inner").unwrap().as_map().unwrap().len(), 1);
        assert_eq!(outer.get("inner").unwrap().as_map().unwrap().len(), 2);
    }

    #[test]
    fn byte_strings_are_go_strings() {
        let b = Value::from_go_slice(b"a\xff");
        assert!(matches!(b, Value::Bytes(_)));
        assert_eq!(
            (b.type_name(), b.kind()),
            ("string".to_string(), Kind::String)
        );
        assert!(b.is_truthy());
        assert_eq!(b.go_bytes(), Some(&b"a\xff"[..]));
        assert_eq!(b.go_str_lossy().unwrap(), "a\u{fffd}");
        assert_eq!(b, Value::from_go_bytes(b"a\xff".to_vec()));
        assert_ne!(b, Value::from("a\u{fffd}"));
        // Valid UTF-8 is always a plain string.
        assert_eq!(Value::from_go_slice("é".as_bytes()), Value::from("é"));
        assert_eq!(Value::from(1i64).go_bytes(), None);
    }

    #[test]
    fn int_kinds_differ_in_equality() {
        assert_ne!(Value::int(1), Value::int64(1));
        assert_eq!(Value::int64(1), Value::from(1i64));
    }
}
