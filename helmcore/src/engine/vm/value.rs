//! The executor's view of a value: Go's `reflect.Value` as text/template sees it.

use crate::value::Value;

/// An evaluation result. Go tells apart an *invalid* value (a nil pipeline result, an
/// unset variable) from a nil *interface* value (a missing map key read with
/// `missingkey=zero`), and reports them differently (`invalid value; expected string`
/// against `wrong type for value; expected string; got interface {}`).
#[derive(Clone, Debug)]
pub enum Rv {
    /// Go's zero `reflect.Value`.
    Invalid,
    /// A value whose static type is `interface{}`: a map or list element, a field read
    /// through a chain. `Iface(Value::Nil)` is the nil interface.
    Iface(Value),
    /// A value of a concrete type.
    Val(Value),
}

impl Rv {
    /// The value inside, nil for invalid (what a function's `interface{}` parameter gets).
    pub fn value(&self) -> &Value {
        static NIL: Value = Value::Nil;
        match self {
            Rv::Invalid => &NIL,
            Rv::Iface(v) | Rv::Val(v) => v,
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Rv::Invalid => Value::Nil,
            Rv::Iface(v) | Rv::Val(v) => v,
        }
    }

    /// Go's `indirectInterface`: the concrete value inside an interface; invalid for nil.
    pub fn indirect_interface(&self) -> Rv {
        match self {
            Rv::Iface(Value::Nil) => Rv::Invalid,
            Rv::Iface(v) => Rv::Val(v.clone()),
            other => other.clone(),
        }
    }

    /// What a pipeline stage leaves: interfaces are unwrapped, nil becomes invalid.
    pub fn unwrap_interface(self) -> Rv {
        match self {
            Rv::Iface(Value::Nil) => Rv::Invalid,
            Rv::Iface(v) => Rv::Val(v),
            other => other,
        }
    }

    pub fn is_valid(&self) -> bool {
        !matches!(self, Rv::Invalid)
    }

    /// Go's `reflect.Value.Type().String()` (not meaningful for invalid values).
    pub fn type_name(&self) -> String {
        match self {
            Rv::Invalid => "<invalid reflect.Value>".into(),
            Rv::Iface(_) => "interface {}".into(),
            Rv::Val(v) => v.type_name(),
        }
    }

    /// Go template truth (`isTrue(indirectInterface(v))`).
    pub fn truth(&self) -> bool {
        match self {
            Rv::Invalid => false,
            Rv::Iface(v) | Rv::Val(v) => v.is_truthy(),
        }
    }

    /// A function result: nil is a nil interface, anything else a concrete value.
    pub fn result(v: Value) -> Rv {
        match v {
            Value::Nil => Rv::Iface(Value::Nil),
            v => Rv::Val(v),
        }
    }
}
