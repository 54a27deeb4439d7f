//! The compiled set: every template of the charts that use this engine, in one
//! `handlebars` registry, with the helper table built from a [`FuncTable`].

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use handlebars::{Handlebars as Registry, Template};

use super::compile::{compile, inline_partials, CompileError, Scan};
use super::error::compile_error;
use super::exec::{HKind, HandlebarsSession};
use super::names;
use crate::engine::error::TemplateError;
use crate::engine::funcs::{Builtin, FuncKind, FuncTable};
use crate::engine::set::ExecOptions;
use crate::engine::traits::{CompiledSet, RenderSession};

/// Templates compiled for the Handlebars engine: immutable, `Send + Sync`, shareable
/// across threads; each render gets its own [`HandlebarsSession`].
///
/// Files whose base name starts with `_` and ends in `.tpl` or `.hbs` are partials:
/// usable as `{{> name}}` under their full path, under their base name without `_` and
/// extension (`_labels.hbs` → `labels`), and each top-level
/// `{{#*inline "name"}}...{{/inline}}` they hold under its own name. Every template is
/// also reachable by its full path (`include "chart/templates/x.yaml" this`).
///
/// ```
/// # #[cfg(feature = "handlebars")] {
/// use helmcore::engine::handlebars::HandlebarsSet;
/// use helmcore::engine::{ExecOptions, FuncTable};
/// use helmcore::value::{Map, Value};
/// let mut funcs = FuncTable::builtins();
/// funcs.extend(helmcore::sprig::functions());
/// funcs.with_helm();
/// let set = HandlebarsSet::compile(
///     funcs,
///     &[
///         ("c/templates/_helpers.tpl", r#"{{#*inline "c.name"}}{{default "web" Values.name}}{{/inline}}"#),
///         ("c/templates/a.yaml", "name: {{> c.name}}\nupper: {{upper (include \"c.name\" this)}}"),
///     ],
/// )
/// .unwrap();
/// let data = Map::new();
/// data.insert("Values", Value::Map(Map::new()));
/// let opts = ExecOptions::helm();
/// let out = set.session(&opts).execute("c/templates/a.yaml", &Value::Map(data)).unwrap();
/// assert_eq!(out, "name: web\nupper: WEB");
/// # }
/// ```
pub struct HandlebarsSet {
    pub(crate) registry: Registry<'static>,
    pub(crate) dispatch: HashMap<String, HKind>,
    /// What the templates use (helpers to install, field names for Go objects).
    pub(crate) scan: Scan,
    /// The names `execute` accepts (templates and partials).
    names: BTreeSet<String>,
}

impl std::fmt::Debug for HandlebarsSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandlebarsSet")
            .field("templates", &self.names)
            .finish()
    }
}

/// A template that failed to compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileFailure {
    pub file: String,
    pub error: TemplateError,
}

/// Whether a template file is a partial (`_helpers.tpl`, `_labels.hbs`): partials are
/// registered but not rendered on their own.
pub fn is_partial_file(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.starts_with('_') && (base.ends_with(".tpl") || base.ends_with(".hbs"))
}

/// `_labels.hbs` → `labels`.
fn partial_stem(name: &str) -> Option<&str> {
    let base = name.rsplit('/').next()?;
    let base = base.strip_prefix('_')?;
    base.strip_suffix(".tpl")
        .or_else(|| base.strip_suffix(".hbs"))
}

impl HandlebarsSet {
    /// Compiles `(name, text)` pairs in order; a later definition of a name (a template,
    /// a partial stem, an exported inline partial) replaces an earlier one.
    pub fn compile(
        funcs: impl Into<Arc<FuncTable>>,
        templates: &[(&str, &str)],
    ) -> Result<HandlebarsSet, TemplateError> {
        HandlebarsSet::try_compile(funcs, templates).map_err(|f| f.error)
    }

    /// [`compile`](Self::compile), telling which file failed.
    pub fn try_compile(
        funcs: impl Into<Arc<FuncTable>>,
        templates: &[(&str, &str)],
    ) -> Result<HandlebarsSet, CompileFailure> {
        let funcs = funcs.into();
        let dispatch = dispatch_table(&funcs);
        let is_helper = |n: &str| {
            dispatch.contains_key(n)
                || names::BLOCK_HELPERS.contains(&n)
                || names::CRATE_HELPERS.contains(&n)
        };
        let mut registry = Registry::new();
        registry.register_escape_fn(handlebars::no_escape);
        let mut scan = Scan::default();
        let mut names = BTreeSet::new();
        for (name, text) in templates {
            let t = compile(name, text, &is_helper, &mut scan).map_err(|e: CompileError| {
                CompileFailure {
                    file: name.to_string(),
                    error: compile_error(name, &e),
                }
            })?;
            if is_partial_file(name) {
                if let Some(stem) = partial_stem(name) {
                    names.insert(stem.to_string());
                    registry.register_template(stem, t.clone());
                }
                // After the stem: `_name.tpl` defining `{{#*inline "name"}}` means that.
                for (inline, body) in inline_partials(&t) {
                    names.insert(inline.clone());
                    registry.register_template(&inline, named(body, name));
                }
            }
            names.insert(name.to_string());
            registry.register_template(name, t);
        }
        Ok(HandlebarsSet {
            registry,
            dispatch,
            scan,
            names,
        })
    }

    /// Starts a render.
    pub fn session<'s>(&'s self, opts: &'s ExecOptions) -> HandlebarsSession<'s> {
        HandlebarsSession::new(self, opts)
    }

    /// The names of the templates and partials, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    pub(crate) fn template(&self, name: &str) -> Option<&Template> {
        self.registry.get_template(name)
    }

    /// Whether `name` is a helper a template may call.
    pub(crate) fn is_helper(&self, name: &str) -> bool {
        self.dispatch.contains_key(name)
            || names::BLOCK_HELPERS.contains(&name)
            || names::CRATE_HELPERS.contains(&name)
    }
}

/// An inline partial keeps the name of the file it came from (errors name that file).
fn named(mut t: Template, file: &str) -> Template {
    t.name = Some(file.to_string());
    t
}

/// Helper name → what it calls: every function of the table, `method`, the internal
/// helpers, and `gte`/`lte` as Go's `ge`/`le`.
fn dispatch_table(funcs: &FuncTable) -> HashMap<String, HKind> {
    let mut d = HashMap::new();
    for name in funcs.names() {
        if let Some(k) = funcs.lookup(name).and_then(|id| funcs.get(id)) {
            d.insert(name.to_string(), HKind::Func(name, *k));
        }
    }
    d.insert(
        "gte".into(),
        HKind::Func("gte", FuncKind::Builtin(Builtin::Ge)),
    );
    d.insert(
        "lte".into(),
        HKind::Func("lte", FuncKind::Builtin(Builtin::Le)),
    );
    d.insert(names::METHOD.into(), HKind::Method);
    d.insert(names::VALUE.into(), HKind::Value);
    d.insert(names::CHECK.into(), HKind::Check);
    d.insert(names::ENTER.into(), HKind::Enter);
    d.insert(names::LEAVE.into(), HKind::Leave);
    d
}

impl CompiledSet for HandlebarsSet {
    fn session<'s>(&'s self, opts: &'s ExecOptions) -> Box<dyn RenderSession + 's> {
        Box::new(HandlebarsSession::new(self, opts))
    }

    fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}
