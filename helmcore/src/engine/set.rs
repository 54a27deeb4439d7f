//! Template sets: many named templates parsed together, executed with options.

use std::sync::Arc;

use super::compiler::ast::Tree;
use super::compiler::{parse, ParseError};
use super::error::TemplateError;
use super::funcs::FuncTable;
use super::helm::run_tree;
use super::vm::{Exec, Rv, Scope};
use crate::hash::HashMap;
use crate::value::Value;

/// What a field access on a map with no such key gives (Go's `missingkey` option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MissingKey {
    /// Go's default: an invalid value (prints `<no value>`).
    Invalid,
    /// Helm's normal mode (`missingkey=zero`): a nil interface.
    #[default]
    Zero,
    /// Helm's strict mode (`missingkey=error`): `map has no entry for key "x"`.
    Error,
}

/// Answers Helm's `lookup` function (a cluster connection).
pub trait Lookup: Send + Sync {
    /// The object (or, with an empty `name`, the list) Helm's `lookup apiVersion kind
    /// namespace name` would return; an `Err` message becomes the template error.
    fn lookup(
        &self,
        api_version: &str,
        kind: &str,
        namespace: &str,
        name: &str,
    ) -> Result<Value, String>;
}

/// Answers `getHostByName` (Helm's `--enable-dns`): the addresses a host name resolves
/// to, as Go's `net.LookupHost` gives them; none when the name does not resolve.
///
/// ```
/// use helmcore::engine::HostResolver;
/// struct Fixed;
/// impl HostResolver for Fixed {
///     fn lookup_host(&self, name: &str) -> Vec<String> {
///         if name == "db.local" { vec!["10.0.0.7".into()] } else { Vec::new() }
///     }
/// }
/// assert_eq!(Fixed.lookup_host("db.local"), ["10.0.0.7"]);
/// ```
pub trait HostResolver: Send + Sync {
    fn lookup_host(&self, name: &str) -> Vec<String>;
}

/// How templates are executed.
#[derive(Clone, Default)]
pub struct ExecOptions {
    pub missing_key: MissingKey,
    /// Helm's lint mode: `required` and `fail` record a [`LintMessage`] and return `""`
    /// instead of failing, and `lookup` never reaches a cluster.
    pub lint: bool,
    /// Stop with [`TemplateError::Budget`] after this many evaluation steps (nodes walked
    /// and functions called), to bound work on untrusted templates.
    pub max_steps: Option<u64>,
    /// The cluster behind `lookup`; without one `lookup` returns an empty map, as Helm
    /// does without a connection.
    pub lookup: Option<Arc<dyn Lookup>>,
    /// DNS for `getHostByName`; without one it answers `""`, as Helm does unless
    /// `--enable-dns` is given.
    pub resolver: Option<Arc<dyn HostResolver>>,
    /// Whose text/template to follow where Go releases differ.
    pub go: GoRelease,
    /// Where Go's monotonic clock starts, which `now` carries (printed `m=+0.048580620`,
    /// seconds since this instant): for helm, its process's start. `None` counts from the
    /// session's creation.
    pub clock_origin: Option<std::time::Instant>,
}

/// The Go release whose `text/template` the executor follows where releases differ:
/// helm4 v4.1 is built with Go 1.25, helm3 v3.17 with Go 1.23.
///
/// Go 1.24 added `range` over an integer (before, `range 3` fails with `range can't
/// iterate over 3`) and named the operand types in comparison errors
/// (`incompatible types for comparison: int and string`).
///
/// ```
/// use helmcore::engine::{ExecOptions, FuncTable, GoRelease, TemplateSet};
/// use helmcore::value::Value;
///
/// let mut set = TemplateSet::new(FuncTable::helm());
/// set.add("t", "{{ range 3 }}{{ . }}{{ end }}").unwrap();
/// let go123 = ExecOptions { go: GoRelease::Go1_23, ..ExecOptions::helm() };
/// assert_eq!(set.execute("t", &Value::Nil, &ExecOptions::helm()).unwrap(), "012");
/// let err = set.execute("t", &Value::Nil, &go123).unwrap_err();
/// assert!(err.to_string().ends_with("range can't iterate over 3"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GoRelease {
    /// Go 1.25 (helm4).
    #[default]
    Go1_25,
    /// Go 1.23 (helm3).
    Go1_23,
}

impl GoRelease {
    /// Whether this release has what `other` has (Go 1.25 has all of Go 1.23).
    ///
    /// ```
    /// use helmcore::engine::GoRelease;
    /// assert!(GoRelease::Go1_25.includes(GoRelease::Go1_23));
    /// assert!(!GoRelease::Go1_23.includes(GoRelease::Go1_25));
    /// ```
    pub fn includes(self, other: GoRelease) -> bool {
        self == other || self == GoRelease::Go1_25
    }
}

impl ExecOptions {
    /// The zero of `now`'s monotonic clock for a session starting now: `clock_origin`,
    /// else this instant.
    pub(crate) fn session_clock_origin(&self) -> std::time::Instant {
        self.clock_origin.unwrap_or_else(std::time::Instant::now)
    }

    /// Helm's normal rendering options (`missingkey=zero`).
    pub fn helm() -> ExecOptions {
        ExecOptions::default()
    }

    /// Helm's `--strict` rendering (`missingkey=error`).
    pub fn strict() -> ExecOptions {
        ExecOptions {
            missing_key: MissingKey::Error,
            ..ExecOptions::default()
        }
    }
}

impl std::fmt::Debug for ExecOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExecOptions")
            .field("missing_key", &self.missing_key)
            .field("lint", &self.lint)
            .field("max_steps", &self.max_steps)
            .field("lookup", &self.lookup.is_some())
            .field("resolver", &self.resolver.is_some())
            .field("go", &self.go)
            .field("clock_origin", &self.clock_origin)
            .finish()
    }
}

/// Which lint-mode call recorded a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintKind {
    /// `required` with a missing (nil) value (helm4 logs `missing required value`).
    Required,
    /// `required` with an empty string (helm4 logs `missing required values`).
    RequiredEmpty,
    /// `fail` (helm4 logs it as info).
    Fail,
}

/// A `required` or `fail` that did not fail because of lint mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintMessage {
    pub kind: LintKind,
    pub message: String,
}

/// An immutable set of parsed templates sharing one function table, safe to share
/// across threads.
///
/// ```
/// use helmcore::engine::{ExecOptions, FuncTable, TemplateSet};
/// use helmcore::value::{Map, Value};
/// let mut set = TemplateSet::new(FuncTable::helm());
/// set.add("_helpers.tpl", r#"{{ define "name" }}{{ .Values.name | printf "%s-x" }}{{ end }}"#).unwrap();
/// set.add("a.yaml", r#"name: {{ include "name" . }}"#).unwrap();
/// let values = Map::new();
/// values.insert("name", Value::from("web"));
/// let data = Map::new();
/// data.insert("Values", Value::Map(values));
/// let out = set.execute("a.yaml", &Value::Map(data), &ExecOptions::helm()).unwrap();
/// assert_eq!(out, "name: web-x");
/// ```
#[derive(Clone, Debug)]
pub struct TemplateSet {
    funcs: Arc<FuncTable>,
    templates: HashMap<Arc<str>, Arc<Tree>>,
    root_name: Arc<str>,
}

impl TemplateSet {
    /// An empty set whose root template is named `gotpl`, as Helm's is (the name appears
    /// in `tpl` errors and in `no template "x" associated with template "gotpl"`).
    pub fn new(funcs: impl Into<Arc<FuncTable>>) -> TemplateSet {
        TemplateSet {
            funcs: funcs.into(),
            templates: HashMap::default(),
            root_name: Arc::from("gotpl"),
        }
    }

    /// Renames the root template (Go's `template.New(name)`).
    pub fn with_root_name(mut self, name: &str) -> TemplateSet {
        self.root_name = Arc::from(name);
        self
    }

    pub fn root_name(&self) -> &str {
        &self.root_name
    }

    pub fn funcs(&self) -> &FuncTable {
        &self.funcs
    }

    /// Parses `text` as template `name` (Go's `t.New(name).Parse(text)`): the file's top
    /// level and its `define`s join the set; a later definition replaces an earlier one of
    /// the same name unless it is empty.
    pub fn add(&mut self, name: &str, text: &str) -> Result<(), ParseError> {
        for tree in parse(name, text, &self.funcs)? {
            let keep_old = tree.is_empty() && self.templates.contains_key(&tree.name);
            if !keep_old {
                self.templates.insert(tree.name.clone(), Arc::new(tree));
            }
        }
        Ok(())
    }

    /// Adds trees parsed earlier with [`compiler::parse`](super::compiler::parse) against
    /// this set's function table, with [`add`](Self::add)'s rule for empty definitions.
    /// Lets a caller parse a file once and build many sets from it.
    pub fn add_trees(&mut self, trees: &[Arc<Tree>]) {
        for tree in trees {
            let keep_old = tree.is_empty() && self.templates.contains_key(&tree.name);
            if !keep_old {
                self.templates.insert(tree.name.clone(), tree.clone());
            }
        }
    }

    /// The parsed template called `name`.
    pub fn lookup(&self, name: &str) -> Option<&Arc<Tree>> {
        self.templates.get(name)
    }

    /// The names of all templates in the set, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.templates.keys().map(|k| &**k).collect();
        v.sort_unstable();
        v
    }

    /// Executes template `name` with `data` as dot, in a fresh [`Session`].
    pub fn execute(
        &self,
        name: &str,
        data: &Value,
        opts: &ExecOptions,
    ) -> Result<String, TemplateError> {
        self.session(opts).execute(name, data)
    }

    /// A session: executions that share Helm's per-render state (the `include` recursion
    /// counts) and collect lint messages.
    pub fn session<'s>(&'s self, opts: &'s ExecOptions) -> Session<'s> {
        Session {
            set: self,
            exec: Exec::new(opts),
        }
    }
}

/// Several executions against one set that Helm would do in one render.
pub struct Session<'s> {
    set: &'s TemplateSet,
    exec: Exec<'s>,
}

impl<'s> Session<'s> {
    /// Executes template `name` with `data` as dot. Output that is not valid UTF-8 (the
    /// template printed a binary file) comes back as Go's `for range` reads it, each
    /// invalid byte one U+FFFD; [`Session::execute_bytes`] gives the exact bytes.
    pub fn execute(&mut self, name: &str, data: &Value) -> Result<String, TemplateError> {
        let mut out = String::new();
        self.execute_into(name, data, &mut out)?;
        Ok(out)
    }

    /// Executes template `name` with `data` as dot, giving the output's bytes exactly as
    /// Go writes them.
    pub fn execute_bytes(&mut self, name: &str, data: &Value) -> Result<Vec<u8>, TemplateError> {
        let mut out = String::new();
        self.exec.wrote_bytes = false;
        self.execute_raw_into(name, data, &mut out)?;
        if self.take_wrote_bytes() {
            return Ok(crate::value::escape::unescape_bytes(&out));
        }
        Ok(out.into_bytes())
    }

    /// Executes template `name`, appending its output to `out` (on error `out` holds the
    /// output produced before the error). Invalid UTF-8 is appended as in
    /// [`Session::execute`].
    pub fn execute_into(
        &mut self,
        name: &str,
        data: &Value,
        out: &mut String,
    ) -> Result<(), TemplateError> {
        let start = out.len();
        self.exec.wrote_bytes = false;
        let r = self.execute_raw_into(name, data, out);
        if self.take_wrote_bytes() {
            let raw = crate::value::escape::unescape_bytes(&out[start..]);
            out.truncate(start);
            out.push_str(&crate::yaml::go_lossy_utf8(&raw));
        }
        r
    }

    /// [`Session::execute_into`] that leaves a byte string's invalid bytes escaped in
    /// `out` (see `value::escape`) and reports them through
    /// [`Session::take_wrote_bytes`].
    pub(crate) fn execute_raw_into(
        &mut self,
        name: &str,
        data: &Value,
        out: &mut String,
    ) -> Result<(), TemplateError> {
        let scope = Scope::Base(self.set);
        let Some(tree) = self.set.lookup(name) else {
            return Err(TemplateError::NoTemplate {
                name: name.to_string(),
                root: self.set.root_name.to_string(),
            });
        };
        let dot = match data {
            Value::Nil => Rv::Invalid,
            v => Rv::Val(v.clone()),
        };
        let mut memo = std::mem::take(&mut self.exec.memo);
        let origin = self.exec.clock_origin;
        let r = super::memo::with_memo(&mut memo, || {
            super::clock::with_origin(origin, || run_tree(&mut self.exec, &scope, tree, dot, out))
        });
        self.exec.memo = memo;
        r
    }

    /// Whether output written since the last call printed a byte string that is not
    /// valid UTF-8; its bytes are then escaped in the output (see `value::escape`).
    pub(crate) fn take_wrote_bytes(&mut self) -> bool {
        std::mem::take(&mut self.exec.wrote_bytes)
    }

    /// The `required`/`fail` calls lint mode let through, in order.
    pub fn warnings(&self) -> &[LintMessage] {
        &self.exec.warnings
    }

    /// Evaluation steps used so far.
    pub fn steps(&self) -> u64 {
        self.exec.steps
    }
}
