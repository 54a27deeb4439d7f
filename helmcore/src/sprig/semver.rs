//! `semver` and `semverCompare`, and the `*semver.Version` object templates see.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::engine::func::{Func, Param as P};
use crate::semver::{Constraints, Version};
use crate::value::{Field, GoFields, Kind, Object, Value};

use super::args::string;
use super::lists::NIL_DEREF;
use super::{func, Res};

/// A Masterminds version as a template value: `*semver.Version` from `semver`, or a
/// plain `semver.Version` from `IncMajor` and friends (which lacks the pointer methods,
/// as in Go).
///
/// `Major`, `Minor` and `Patch` are Go `uint64`s; they come back as `int64` here, the
/// widest unsigned-free integer a [`Value`] has.
#[derive(Debug)]
pub struct VersionObject {
    /// The version.
    pub version: Version,
    pointer: bool,
    /// helm3's Masterminds/semver v3.3, whose `SetPrerelease`/`SetMetadata` accept
    /// empty dot-separated parts (`a..b`).
    helm3: bool,
}

impl VersionObject {
    pub fn new(version: Version) -> VersionObject {
        VersionObject {
            version,
            pointer: true,
            helm3: false,
        }
    }

    /// A derived (non-pointer) version from the same Masterminds release as `self`.
    fn derived(&self, version: Version) -> Value {
        Value::Object(Arc::new(VersionObject {
            version,
            pointer: false,
            helm3: self.helm3,
        }))
    }

    fn type_str(&self) -> &'static str {
        if self.pointer {
            "*semver.Version"
        } else {
            "semver.Version"
        }
    }
}

const VALUE_METHODS: &[&str] = &[
    "String",
    "Major",
    "Minor",
    "Patch",
    "Prerelease",
    "Metadata",
    "IncPatch",
    "IncMinor",
    "IncMajor",
    "SetPrerelease",
    "SetMetadata",
    "MarshalJSON",
    "MarshalText",
    "Value",
];
const POINTER_METHODS: &[&str] = &[
    "Original",
    "LessThan",
    "LessThanEqual",
    "GreaterThan",
    "GreaterThanEqual",
    "Equal",
    "Compare",
    "UnmarshalJSON",
    "UnmarshalText",
    "Scan",
];
/// The decoding methods that overwrite the version behind the pointer: helmcore's values
/// are immutable, so these are refused once Go's argument checks have passed.
const DECODING_METHODS: &[&str] = &["UnmarshalJSON", "UnmarshalText", "Scan"];

fn arg_count(name: &str, args: &[Value], want: usize) -> Result<(), String> {
    if args.len() == want {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {name}: want {want} got {}",
            args.len()
        ))
    }
}

fn version_arg(args: &[Value]) -> Result<&Version, String> {
    match args.first() {
        Some(Value::Object(o)) => match o.as_any().downcast_ref::<VersionObject>() {
            Some(v) if v.pointer => Ok(&v.version),
            _ => Err(format!(
                "wrong type for value; expected *semver.Version; got {}",
                o.type_name()
            )),
        },
        Some(other) => Err(format!(
            "wrong type for value; expected *semver.Version; got {}",
            other.type_name()
        )),
        None => Err("wrong number of args: want 1 got 0".into()),
    }
}

fn u64_value(n: u64) -> Value {
    Value::Int(n as i64, crate::value::IntKind::Uint64)
}

impl Object for VersionObject {
    fn type_name(&self) -> Cow<'_, str> {
        self.type_str().into()
    }

    /// Every field of Masterminds' `Version` is unexported: a copy is the zero version.
    fn deep_copy(&self) -> Option<Value> {
        Some(Value::Object(Arc::new(VersionObject {
            version: Version::default(),
            ..*self
        })))
    }

    fn kind(&self) -> Kind {
        if self.pointer {
            Kind::Ptr
        } else {
            Kind::Struct
        }
    }

    fn field(&self, name: &str) -> Field {
        if VALUE_METHODS.contains(&name) || (self.pointer && POINTER_METHODS.contains(&name)) {
            Field::Method
        } else {
            Field::Missing
        }
    }

    fn method_params(&self, name: &str) -> Option<&'static [P]> {
        match name {
            "SetPrerelease" | "SetMetadata" => Some(&[P::String]),
            "LessThan" | "LessThanEqual" | "GreaterThan" | "GreaterThanEqual" | "Equal"
            | "Compare"
                if self.pointer =>
            {
                Some(&[P::Struct("*semver.Version")])
            }
            "UnmarshalJSON" | "UnmarshalText" if self.pointer => Some(&[P::Struct("[]uint8")]),
            "Scan" if self.pointer => Some(&[P::Any]),
            _ if matches!(self.field(name), Field::Method) => Some(&[]),
            _ => None,
        }
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let v = &self.version;
        let no_args = || arg_count(name, args, 0);
        let compare = |args: &[Value]| -> Result<std::cmp::Ordering, String> {
            arg_count(name, args, 1)?;
            // A nil `*Version` argument: Masterminds dereferences it.
            if args[0].is_nil() {
                return Err(NIL_DEREF.into());
            }
            Ok(v.compare(version_arg(args)?))
        };
        match name {
            // `database/sql/driver.Valuer`: the version's text.
            "String" | "Value" => no_args().map(|_| v.to_string().into()),
            "MarshalText" => {
                no_args().map(|_| crate::value::byte_slice::value(v.to_string().as_bytes()))
            }
            "MarshalJSON" => {
                no_args().map(|_| crate::value::byte_slice::value(format!("\"{v}\"").as_bytes()))
            }
            "Original" if self.pointer => no_args().map(|_| v.original().into()),
            "Major" => no_args().map(|_| u64_value(v.major())),
            "Minor" => no_args().map(|_| u64_value(v.minor())),
            "Patch" => no_args().map(|_| u64_value(v.patch())),
            "Prerelease" => no_args().map(|_| v.prerelease().into()),
            "Metadata" => no_args().map(|_| v.metadata().into()),
            "IncPatch" => no_args().map(|_| self.derived(v.inc_patch())),
            "IncMinor" => no_args().map(|_| self.derived(v.inc_minor())),
            "IncMajor" => no_args().map(|_| self.derived(v.inc_major())),
            "SetPrerelease" | "SetMetadata" => {
                arg_count(name, args, 1)?;
                let s = args
                    .first()
                    .and_then(Value::as_str)
                    .ok_or_else(|| "wrong type for value; expected string".to_string())?;
                let empty_parts = self.helm3;
                let next = if name == "SetPrerelease" {
                    v.set_prerelease(s, empty_parts)
                } else {
                    v.set_metadata(s, empty_parts)
                };
                next.map(|n| self.derived(n)).map_err(|e| e.to_string())
            }
            "LessThan" if self.pointer => compare(args).map(|o| o.is_lt().into()),
            "LessThanEqual" if self.pointer => compare(args).map(|o| o.is_le().into()),
            "GreaterThan" if self.pointer => compare(args).map(|o| o.is_gt().into()),
            "GreaterThanEqual" if self.pointer => compare(args).map(|o| o.is_ge().into()),
            // `Equal` checks for nil before comparing.
            "Equal" if self.pointer && args.len() == 1 && args[0].is_nil() => Ok(false.into()),
            "Equal" if self.pointer => compare(args).map(|o| o.is_eq().into()),
            "Compare" if self.pointer => compare(args).map(|o| Value::int(o as i64)),
            _ if self.pointer && DECODING_METHODS.contains(&name) => Err(format!(
                "{name} would overwrite a version in place, which helmcore's immutable values cannot do"
            )),
            _ => Err(format!(
                "can't evaluate field {name} in type {}",
                self.type_str()
            )),
        }
    }

    fn format(&self, out: &mut String) {
        out.push_str(&self.version.to_string());
    }

    fn to_data(&self) -> Option<Value> {
        Some(self.version.to_string().into())
    }

    /// `String` has a value receiver: every verb but `%#v` and the numeric ones prints it.
    fn is_stringer(&self) -> bool {
        true
    }

    /// Masterminds/semver's private fields.
    fn go_fields(&self) -> Option<GoFields> {
        let v = &self.version;
        Some(GoFields {
            pointer: self.pointer,
            name: "semver.Version".into(),
            fields: vec![
                ("major", u64_value(v.major())),
                ("minor", u64_value(v.minor())),
                ("patch", u64_value(v.patch())),
                ("pre", v.prerelease().into()),
                ("metadata", v.metadata().into()),
                ("original", v.original().into()),
            ],
        })
    }

    fn eq_object(&self, other: &dyn Object) -> bool {
        other
            .as_any()
            .downcast_ref::<VersionObject>()
            .is_some_and(|o| {
                o.pointer == self.pointer
                    && o.version.original() == self.version.original()
                    && o.version.to_string() == self.version.to_string()
            })
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn semver(a: Vec<Value>) -> Res {
    let v = Version::parse(string(&a, 0)).map_err(|e| e.to_string())?;
    Ok(Value::Object(Arc::new(VersionObject::new(v))))
}

/// helm3's `semver` (Masterminds/semver v3.3): see [`VersionObject`]'s `helm3`.
fn semver_helm3(a: Vec<Value>) -> Res {
    let v = Version::parse(string(&a, 0)).map_err(|e| e.to_string())?;
    Ok(Value::Object(Arc::new(VersionObject {
        version: v,
        pointer: true,
        helm3: true,
    })))
}

/// `semver` as helm3 has it, for [`FuncTable::for_helm3`](crate::engine::FuncTable::for_helm3).
pub(crate) const SEMVER_HELM3: Func = func("semver", &[P::String], None, semver_helm3);

/// Whether `call` is helm4's `semver` (a table's own replacement is kept).
pub(crate) fn is_helm4_semver(call: fn(Vec<Value>) -> Res) -> bool {
    std::ptr::fn_addr_eq(call, semver as fn(Vec<Value>) -> Res)
}

fn semver_compare(a: Vec<Value>) -> Res {
    let (constraint, version) = (string(&a, 0), string(&a, 1));
    let answer = crate::engine::memo::semver_memo(constraint, version, || {
        let c = Constraints::parse(constraint).map_err(|e| e.to_string())?;
        let v = Version::parse(version).map_err(|e| e.to_string())?;
        Ok(c.check(&v))
    })?;
    Ok(answer.into())
}

pub(super) const FUNCS: &[Func] = &[
    func("semver", &[P::String], None, semver),
    func(
        "semverCompare",
        &[P::String, P::String],
        None,
        semver_compare,
    ),
];
