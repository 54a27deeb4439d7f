//! Go structs and named types that templates reach through fields and methods.

use std::any::Any;
use std::borrow::Cow;

use super::{Kind, Str, Value};
use crate::engine::func::Param;
use crate::engine::GoRelease;

/// What a field name resolves to on an [`Object`]. Go's template executor looks for a
/// method first and a field second; an object answers both through [`Object::field`].
pub enum Field {
    /// An exported field (or a map entry) with its value.
    Value(Value),
    /// A method; the executor calls it with [`Object::call`] and the template's arguments.
    Method,
    /// Neither: the executor reports Go's "can't evaluate field X in type T".
    Missing,
}

/// The elements of a Go map or slice type as the template language sees them (`range`,
/// `index`, `len`, a field access on a map): `.Files` maps paths to `[]byte` values, a
/// `[]byte` holds bytes, a `VersionSet` strings.
pub enum Elements {
    /// A map's entries in key order, and the zero value of its element type (what
    /// `index` and `missingkey=zero` give for an absent key).
    Map {
        entries: Vec<(Str, Value)>,
        zero: Value,
    },
    /// A slice's items.
    List(Vec<Value>),
}

/// A struct as Go's `fmt` sees it through reflection, for the verbs and flags that print
/// its fields one by one (`%+v`, `%#v`, `%d`): every field in declaration order, exported
/// or not.
pub struct GoFields {
    /// The value is a pointer to the struct: `fmt` writes `&` before it.
    pub pointer: bool,
    /// The struct type's name without the `*` (`semver.Version`), which `%#v` writes.
    pub name: Cow<'static, str>,
    /// Each field's name and value.
    pub fields: Vec<(&'static str, Value)>,
}

/// A Go struct or named type exposed to templates: `.Chart` (`*chart.Metadata`),
/// `.Capabilities`, `.Files`, `semver` versions, `time.Time`.
///
/// ```
/// use std::borrow::Cow;
/// use helmcore::value::{Field, Kind, Object, Value};
///
/// #[derive(Debug)]
/// struct Point { x: i64 }
/// impl Object for Point {
///     fn type_name(&self) -> Cow<'_, str> { "main.Point".into() }
///     fn kind(&self) -> Kind { Kind::Struct }
///     fn field(&self, name: &str) -> Field {
///         match name { "X" => Field::Value(Value::int(self.x)), _ => Field::Missing }
///     }
///     fn format(&self, out: &mut String) { out.push_str(&format!("{{{}}}", self.x)) }
///     fn as_any(&self) -> &dyn std::any::Any { self }
/// }
/// let p = Value::Object(std::sync::Arc::new(Point { x: 2 }));
/// assert_eq!(p.to_go_string(), "{2}");
/// ```
pub trait Object: Send + Sync + std::fmt::Debug + 'static {
    /// Go's `%T` of the value, e.g. `*chart.Metadata`.
    fn type_name(&self) -> Cow<'_, str>;

    /// Go's `reflect.Kind` of the value (`ptr` for a pointer to a struct).
    fn kind(&self) -> Kind;

    /// Resolves `.Name` on this object.
    fn field(&self, name: &str) -> Field;

    /// Calls method `name` with already evaluated arguments. The method checks its own
    /// argument count and types and returns Go's error text on a mismatch.
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let _ = args;
        Err(format!(
            "can't call method {name} on type {}",
            self.type_name()
        ))
    }

    /// Method `name`'s Go parameter types. Given them, the executor checks the
    /// arguments' count and converts their types before [`Object::call`], with the error
    /// texts of Go's reflective call (`wrong number of args for Has: want 1 got 0`,
    /// `expected string; found 1`); without them (`None`) `call` checks its own arguments
    /// and its errors read `error calling NAME: ...`.
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        let _ = name;
        None
    }

    /// The oldest of the Go releases helmcore follows whose version of this type has
    /// method `name`, when that is not every one of them (`time.Time.AppendText` came
    /// with Go 1.24: helm4's Go 1.25 has it, helm3's Go 1.23 not). The executor treats
    /// the method as missing under an older release.
    fn method_go_release(&self, name: &str) -> Option<GoRelease> {
        let _ = name;
        None
    }

    /// Why Go's executor refuses to call method `name` after checking its argument count
    /// (`function Date has 3 return values; should be 1 or 2`): a method whose results
    /// a template cannot take. `None` for a callable method.
    fn method_signature_error(&self, name: &str) -> Option<String> {
        let _ = name;
        None
    }

    /// Appends Go's `%v` formatting (`fmt.Sprint`) of the value.
    fn format(&self, out: &mut String);

    /// What a template action (`{{ . }}`) prints when it differs from `%v`: Go's
    /// text/template calls a `String` method that only the pointer has when the value is
    /// addressable (a field reached through a pointer: `.Capabilities.KubeVersion`),
    /// which `fmt` alone would not.
    fn printed_string(&self) -> Option<String> {
        None
    }

    /// The plain data `encoding/json` would marshal this value to (for `toYaml`, `toJson`,
    /// `deepCopy`); `None` when Go's marshaller would fail or give `{}`.
    fn to_data(&self) -> Option<Value> {
        None
    }

    /// The order `encoding/json` writes a Go struct's fields in: the keys of
    /// [`Object::to_data`]'s map as the struct declares them (`toJson` keeps it; `toYaml`
    /// sorts them, as sigs.k8s.io/yaml does). Empty for a value that is not a struct.
    fn json_order(&self) -> &'static [&'static str] {
        &[]
    }

    /// What mitchellh/copystructure (Sprig's `deepCopy`, Helm's copy of the values before
    /// coalescing) makes of the value: a struct's exported fields copied, its unexported
    /// ones left zero, so a `*semver.Version` (all of whose fields are unexported) becomes
    /// `0.0.0`. `None` when the copy reads as the original, which is then shared.
    fn deep_copy(&self) -> Option<Value> {
        None
    }

    /// The value a function receives when this one is passed to it. Go copies an
    /// argument into an `interface{}`, and the copy is not addressable: methods with a
    /// pointer receiver are out of its reach and a template action prints it with `%v`
    /// (`{{ .Capabilities.KubeVersion }}` prints `v1.31.0`, `{{ default 1
    /// .Capabilities.KubeVersion }}` prints `{v1.31.0 v1.31.0 1 31}`). `None` when the
    /// copy behaves as the original.
    fn as_argument(&self) -> Option<Value> {
        None
    }

    /// Go template truth: a struct is always true; a named string or slice type may not be.
    fn is_truthy(&self) -> bool {
        true
    }

    /// Deep equality with another object, for `eq`/`deepEqual`.
    fn eq_object(&self, other: &dyn Object) -> bool {
        let _ = other;
        false
    }

    /// The bytes of a Go `[]byte` (`.Files.GetBytes`), which Sprig's `toString` and
    /// `cat` turn into a string; `None` for every other type.
    fn as_go_bytes(&self) -> Option<&[u8]> {
        None
    }

    /// The elements of an object of kind `map` or `slice`, as Go's `range`, `index`,
    /// `len` and map field accesses see them; `None` for other objects.
    fn elements(&self) -> Option<Elements> {
        None
    }

    /// The struct behind the value, for `fmt`'s verbs that look inside it; `None` for a
    /// value that is not a struct or whose fields cannot be printed as Go prints them.
    fn go_fields(&self) -> Option<GoFields> {
        None
    }

    /// The fields Go's reflection-driven encoders write for a struct that has no
    /// marshaller of its own: go-yaml v3 (`toYamlPretty`, keys lower-cased) and
    /// BurntSushi/toml (`toToml`, keys as declared) take the exported ones in declaration
    /// order, where `toYaml` and `toJson` go through [`Object::to_data`]. `None` for a
    /// value that is not such a struct (a `*semver.Version` marshals to its text).
    fn struct_fields(&self) -> Option<GoFields> {
        None
    }

    /// The anonymous (embedded) fields among [`Object::struct_fields`]: BurntSushi
    /// writes their fields in their place, where go-yaml v3 nests them under the
    /// lower-cased type name (helm3's `.Chart` embeds `chart.Metadata`).
    fn embedded_fields(&self) -> &'static [&'static str] {
        &[]
    }

    /// Whether the struct's `yaml` tags are its `json` tags, `omitempty` included, so
    /// that go-yaml v3 writes [`Object::to_data`] in [`Object::json_order`] rather than
    /// the lower-cased [`Object::struct_fields`] (`chart.Dependency`).
    fn yaml_uses_json_tags(&self) -> bool {
        false
    }

    /// Go's `GoString()` (what `%#v` prints) for a type that has the method (`time.Time`).
    fn go_string(&self) -> Option<String> {
        None
    }

    /// Whether `fmt` finds a `String()` method on the value as it holds it (a value
    /// receiver, or a pointer receiver on a pointer): `%v`, `%s`, `%q`, `%x` and `%X` then
    /// print [`Object::format`], and only the other verbs reach [`Object::go_fields`].
    fn is_stringer(&self) -> bool {
        false
    }

    /// For downcasting to the concrete type (`semverCompare` receiving a version).
    fn as_any(&self) -> &dyn Any;
}
