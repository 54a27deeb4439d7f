//! The template engine: Go's text/template, exact to Helm, with Helm's own functions.
//!
//! - [`compiler`]: lexer, parser and the immutable parse tree (Go's `text/template/parse`).
//! - `vm`: the executor (Go's `text/template/exec.go` semantics).
//! - `helm`: `include`, `tpl`, `required`, `fail`, `lookup` and the serialization functions.
//! - [`TemplateSet`]: parse named templates together, execute them with [`ExecOptions`].
//! - [`TemplateEngine`] / [`CompiledSet`]: the interface the renderer uses.
//!
//! ```
//! use helmcore::engine::{ExecOptions, FuncTable, TemplateSet};
//! use helmcore::value::Value;
//! let mut set = TemplateSet::new(FuncTable::helm());
//! set.add("t", r#"{{ range $i, $e := . }}{{ $i }}={{ $e }} {{ end }}"#).unwrap();
//! let data = Value::list(vec!["a".into(), "b".into()]);
//! assert_eq!(set.execute("t", &data, &ExecOptions::helm()).unwrap(), "0=a 1=b ");
//! ```

pub(crate) mod clock;
pub mod compiler;
mod error;
pub mod func;
mod funcs;
#[cfg(feature = "handlebars")]
pub mod handlebars;
mod helm;
pub(crate) mod memo;
mod set;
mod traits;
mod vm;

pub use compiler::ParseError;
pub use error::{ExecError, Location, TemplateError};
pub use funcs::{Builtin, FuncKind, FuncTable, HelmFn, HELM4_ONLY};
pub use helm::INCLUDE_MAX_DEPTH;
pub use set::{
    ExecOptions, GoRelease, HostResolver, LintKind, LintMessage, Lookup, MissingKey, Session,
    TemplateSet,
};
pub use traits::{CompiledSet, GoTemplateEngine, RenderSession, TemplateEngine};

#[cfg(test)]
mod tests;
