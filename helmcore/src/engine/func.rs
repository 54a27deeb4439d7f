//! How template functions are declared.
//!
//! Go's text/template calls functions through reflection: it checks the argument count
//! and converts each argument to the parameter's Go type, failing with Go's own messages
//! (`wrong number of args for trunc: want 2 got 1`, `wrong type for value; expected int;
//! got float64`). A [`Func`] therefore declares its Go signature, and the executor does the
//! checking before the function runs: an implementation receives arguments that already
//! have the declared types.

use crate::value::Value;

/// The Go type of a function parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// `interface{}`: any value, including nil.
    Any,
    /// `string`: the implementation receives a [`Value::String`]; a byte string
    /// ([`Value::Bytes`]) arrives as Go's `for range` reads it, each invalid byte one
    /// U+FFFD.
    String,
    /// `string`, for the functions Go runs over a string's raw bytes (`b64enc`,
    /// `sha256sum`, `quote`): the implementation receives a [`Value::String`] or a
    /// [`Value::Bytes`] (see [`Value::go_bytes`]).
    BytesString,
    /// `int`: a [`Value::Int`] of kind `Int` (literals convert; `int64` values do not).
    Int,
    /// `int64`: a [`Value::Int`] of kind `Int64` (literals convert).
    Int64,
    /// `float64`: a [`Value::Float`] (literals convert, ints do not).
    Float64,
    /// `bool`: a [`Value::Bool`].
    Bool,
    /// `map[string]interface{}`: a [`Value::Map`], or [`Value::Nil`] for a nil map.
    Map,
    /// `[]interface{}`: a [`Value::List`], or [`Value::Nil`] for a nil slice.
    List,
    /// `[]string`: a [`Value::List`] of strings, or [`Value::Nil`].
    StringList,
    /// `uint32` (Sprig's `derivePassword` counter): a [`Value::Int`] of kind `Int` holding
    /// the value reduced to 32 bits. Literals convert as Go's `SetUint` does (4294967296
    /// becomes 0); a negative literal fails with `expected unsigned integer; found -1`;
    /// typed values (`int64`, `float64`) fail with `wrong type for value; expected
    /// uint32; got int64`.
    Uint32,
    /// `time.Duration`: a [`Value::Int`] of kind `Duration` (integer literals convert;
    /// an `int64` does not).
    Duration,
    /// A Go named struct type, by its `%T` name (Sprig's `sprig.certificate`): a
    /// [`Value::Object`] whose `type_name()` is that name. Nil fails with `cannot assign
    /// nil to sprig.certificate`, another value with `wrong type for value; expected
    /// sprig.certificate; got map[string]interface {}` (`can't handle "str" for arg of
    /// type sprig.certificate` for a literal).
    Struct(&'static str),
}

/// A function's body. An `Err` becomes Go's `error calling NAME: MESSAGE`.
pub type FuncImpl = fn(Vec<Value>) -> Result<Value, String>;

/// A template function with its Go signature.
///
/// ```
/// use helmcore::engine::func::{Func, Param};
/// use helmcore::value::Value;
/// fn upper(args: Vec<Value>) -> Result<Value, String> {
///     Ok(Value::from(args[0].as_str().unwrap_or_default().to_uppercase()))
/// }
/// const UPPER: Func = Func { name: "upper", params: &[Param::String], variadic: None, call: upper };
/// assert_eq!((UPPER.call)(vec![Value::from("a")]).unwrap(), Value::from("A"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Func {
    pub name: &'static str,
    /// The fixed parameters, in order.
    pub params: &'static [Param],
    /// The type of a trailing `...T` parameter, if the function is variadic.
    pub variadic: Option<Param>,
    pub call: FuncImpl,
}
