//! A second template engine on the [`handlebars`](https://docs.rs/handlebars) crate — a
//! helmcore extension, not part of Helm (cargo feature `handlebars`).
//!
//! A chart whose `Chart.yaml` carries the annotation
//! `helmcore.dev/template-engine: handlebars` is rendered with Handlebars syntax. Its
//! templates see the same data as Go templates (`Values`, `Release`, `Chart`,
//! `Capabilities`, `Files`, `Template`, without the leading dot) and every function of
//! the [`FuncTable`](crate::engine::FuncTable) as a helper: `{{toYaml Values.resources}}`,
//! `{{indent 4 (toYaml x)}}`, `{{default "a" Values.x}}`, `{{include "name" this}}`.
//!
//! - Values print as Go's `%v` prints them, exactly as `{{ .Values.x }}` would.
//! - Arguments convert to each function's declared Go types, as Go's executor does:
//!   literals convert, values must already have the type.
//! - Partials: files named `_*.tpl` / `_*.hbs`; their top-level
//!   `{{#*inline "name"}}` blocks are named partials for the whole chart tree.
//! - Strict mode ([`ExecOptions::strict`](crate::engine::ExecOptions::strict)): a path
//!   that names nothing is an error.
//! - Errors name the file, line and column.
//!
//! ```
//! use helmcore::engine::handlebars::HandlebarsEngine;
//! use helmcore::engine::{ExecOptions, FuncTable, TemplateEngine};
//! use helmcore::value::{Map, Value};
//! let engine = HandlebarsEngine::new(FuncTable::helm());
//! let set = engine
//!     .compile(&[("c/templates/x.yaml", "{{#each Values.ports}}- {{this}}\n{{/each}}{{len Values.ports}}")])
//!     .unwrap();
//! let values = Map::new();
//! values.insert("ports", Value::list(vec![Value::Float(80.0), Value::Float(443.0)]));
//! let data = Map::new();
//! data.insert("Values", Value::Map(values));
//! let opts = ExecOptions::helm();
//! let out = set.session(&opts).execute("c/templates/x.yaml", &Value::Map(data)).unwrap();
//! assert_eq!(out, "- 80\n- 443\n2");
//! ```

mod args;
mod compile;
mod convert;
mod error;
mod exec;
mod helm;
mod names;
mod set;

use std::sync::Arc;

pub use exec::{HandlebarsSession, MAX_NESTING};
pub use set::{is_partial_file, CompileFailure, HandlebarsSet};

use super::error::TemplateError;
use super::funcs::FuncTable;
use super::traits::{CompiledSet, TemplateEngine};

/// The `Chart.yaml` annotation that selects the template engine.
pub const ENGINE_ANNOTATION: &str = "helmcore.dev/template-engine";

/// The annotation's value for this engine.
pub const ENGINE_NAME: &str = "handlebars";

/// The Handlebars engine: compiles templates into a [`HandlebarsSet`].
#[derive(Clone, Debug)]
pub struct HandlebarsEngine {
    funcs: Arc<FuncTable>,
}

impl HandlebarsEngine {
    /// An engine whose helpers are the functions of `funcs` (Helm's table, usually).
    pub fn new(funcs: impl Into<Arc<FuncTable>>) -> Self {
        HandlebarsEngine {
            funcs: funcs.into(),
        }
    }
}

impl TemplateEngine for HandlebarsEngine {
    fn compile(&self, templates: &[(&str, &str)]) -> Result<Box<dyn CompiledSet>, TemplateError> {
        Ok(Box::new(HandlebarsSet::compile(
            self.funcs.clone(),
            templates,
        )?))
    }
}

#[cfg(test)]
mod tests;
