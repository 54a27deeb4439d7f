//! Go's `[]byte` as a template value: what `.Files.GetBytes` and the `MarshalJSON` /
//! `MarshalText` methods return. Its elements are `uint8`s; `toJson` writes it in
//! base64, `%s` as text, `%v` as numbers.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use base64::Engine as _;

use super::{Elements, Field, Kind, Object, Value};

/// A `[]byte` holding `data`.
///
/// ```
/// use helmcore::value::byte_slice;
/// let b = byte_slice::value(b"hi");
/// assert_eq!((b.type_name(), b.to_go_string()), ("[]uint8".to_string(), "[104 105]".to_string()));
/// ```
pub fn value(data: &[u8]) -> Value {
    Value::Object(Arc::new(ByteSlice {
        data: Arc::from(data),
        nil: false,
    }))
}

/// A nil `[]byte` (the zero value of a `map[string][]byte` entry): JSON `null`.
pub fn nil() -> Value {
    Value::Object(Arc::new(ByteSlice {
        data: Arc::from(&[][..]),
        nil: true,
    }))
}

/// `encoding/json`'s form of a `[]byte`: standard base64.
pub fn base64(data: &[u8]) -> Value {
    Value::from(base64::engine::general_purpose::STANDARD.encode(data))
}

/// `%v` of a `[]byte`: its bytes as decimal numbers, `[104 105]`.
pub fn write(out: &mut String, data: &[u8]) {
    out.push('[');
    for (i, b) in data.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&b.to_string());
    }
    out.push(']');
}

/// The bytes of a `[]byte` object that is not nil (a nil one encodes as nothing where
/// an empty one encodes as an empty list).
pub(crate) fn non_nil(o: &dyn Object) -> Option<&[u8]> {
    o.as_any()
        .downcast_ref::<ByteSlice>()
        .filter(|b| !b.nil)
        .map(|b| &*b.data)
}

#[derive(Debug)]
struct ByteSlice {
    data: Arc<[u8]>,
    nil: bool,
}

impl Object for ByteSlice {
    fn type_name(&self) -> Cow<'_, str> {
        "[]uint8".into()
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
    fn field(&self, _name: &str) -> Field {
        Field::Missing
    }
    fn format(&self, out: &mut String) {
        write(out, &self.data);
    }
    fn as_go_bytes(&self) -> Option<&[u8]> {
        Some(&self.data)
    }
    fn to_data(&self) -> Option<Value> {
        Some(if self.nil {
            Value::Nil
        } else {
            base64(&self.data)
        })
    }
    fn elements(&self) -> Option<Elements> {
        Some(Elements::List(
            self.data.iter().map(|&b| Value::uint8(b)).collect(),
        ))
    }
    fn is_truthy(&self) -> bool {
        !self.data.is_empty()
    }
    fn eq_object(&self, other: &dyn Object) -> bool {
        other
            .as_any()
            .downcast_ref::<ByteSlice>()
            .is_some_and(|o| o.data == self.data)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
