//! One render: the session state and the helpers that call helmcore's functions.
//!
//! Helpers are installed per render as the `handlebars` crate's *local* helpers, so
//! they can reach this render's state (lint messages, `include` counts, the original
//! Go values) while the compiled set stays immutable and shared.

use std::collections::{BTreeSet, HashMap};

use handlebars::{
    Context, Handlebars as Registry, Helper, HelperDef, HelperResult, Output, PathAndJson,
    RenderContext, RenderError, Renderable, ScopedJson, StringOutput, Template,
};
use parking_lot::Mutex;
use serde_json::Value as Json;

use super::convert::{from_json, resolve_path, to_json, Probes, TooDeep};
use super::error::{render_error, Failure};
use super::set::HandlebarsSet;
use super::{args, names};
use crate::engine::error::TemplateError;
use crate::engine::funcs::FuncKind;
use crate::engine::set::{ExecOptions, LintMessage};
use crate::engine::traits::RenderSession;
use crate::value::Value;

/// How deep partials, `include` and `tpl` may nest within one another.
pub const MAX_NESTING: usize = 200;

/// Subexpression results remembered so the enclosing helper gets the Go value.
const MEMO_SIZE: usize = 64;

/// What a helper name calls.
#[derive(Clone, Copy, Debug)]
pub(crate) enum HKind {
    /// `{{path}}`: print the value as Go's `%v`.
    Value,
    /// `{{method obj "Name" args}}`.
    Method,
    /// Strict-mode check of a block helper's arguments.
    Check,
    Enter,
    Leave,
    /// A function of the [`crate::engine::FuncTable`], by name.
    Func(&'static str, FuncKind),
}

/// A render's mutable state.
#[derive(Default)]
pub(crate) struct Inner {
    pub warnings: Vec<LintMessage>,
    pub include_counts: HashMap<String, usize>,
    pub nesting: usize,
    pub steps: u64,
    /// Recent subexpression results: their JSON and Go values.
    memo: Vec<(Json, Value)>,
    /// The Go data of each template being rendered (innermost last).
    roots: Vec<Value>,
}

/// A render against a [`HandlebarsSet`]: executions sharing Helm's per-render state.
pub struct HandlebarsSession<'s> {
    st: State<'s>,
    /// Lint messages of finished executions (helpers collect into the state).
    warnings: Vec<LintMessage>,
    /// The zero of Go's monotonic clock for `now` (see `engine::clock`).
    clock_origin: std::time::Instant,
}

pub(crate) struct State<'s> {
    pub set: &'s HandlebarsSet,
    pub opts: &'s ExecOptions,
    pub inner: Mutex<Inner>,
}

impl<'s> HandlebarsSession<'s> {
    pub(crate) fn new(set: &'s HandlebarsSet, opts: &'s ExecOptions) -> Self {
        HandlebarsSession {
            st: State {
                set,
                opts,
                inner: Mutex::new(Inner::default()),
            },
            warnings: Vec::new(),
            clock_origin: opts.session_clock_origin(),
        }
    }

    /// Renders template `name` with `data` as its context.
    pub fn execute(&mut self, name: &str, data: &Value) -> Result<String, TemplateError> {
        let Some(tpl) = self.st.set.template(name) else {
            return Err(TemplateError::NoTemplate {
                name: name.to_string(),
                root: "handlebars".into(),
            });
        };
        {
            let mut i = self.st.inner.lock();
            i.nesting = 0;
            i.memo.clear();
            i.roots.clear();
            i.include_counts.clear();
        }
        let json = to_json(data, &self.st.set.scan.probes)
            .map_err(|e| TemplateError::Message(format!("template: {name}: {e}")))?;
        // The crate renders partials recursively: give every execution a stack of its
        // own, large enough for `MAX_NESTING` levels whatever thread runs it.
        let r = crate::engine::clock::with_origin(self.clock_origin, || {
            stacker::grow(EXEC_STACK, || {
                self.st
                    .render(tpl, name, data.clone(), json, None)
                    .map_err(|(e, _)| e)
            })
        });
        let new = std::mem::take(&mut self.st.inner.lock().warnings);
        self.warnings.extend(new);
        r
    }

    /// The `required`/`fail` calls lint mode let through, in order.
    pub fn warnings(&self) -> &[LintMessage] {
        &self.warnings
    }

    /// Helper calls made so far (what [`ExecOptions::max_steps`] bounds).
    pub fn steps(&self) -> u64 {
        self.st.inner.lock().steps
    }
}

impl RenderSession for HandlebarsSession<'_> {
    fn execute(&mut self, name: &str, data: &Value) -> Result<String, TemplateError> {
        HandlebarsSession::execute(self, name, data)
    }

    fn warnings(&self) -> &[LintMessage] {
        &self.warnings
    }
}

/// The stack one execution runs on.
const EXEC_STACK: usize = 16 * 1024 * 1024;

/// What a helper argument is.
pub(crate) enum Arg {
    /// A literal in the template (`"a"`, `5`, `true`, `null`).
    Lit(Json),
    /// A path that names nothing (its text).
    Missing(String),
    /// A value read from the data (Go's map element: an `interface{}`).
    Data(Value),
    /// A function result.
    Result(Value),
}

impl State<'_> {
    /// Renders `tpl` with Go data `root` (JSON view `json`), installing the set's
    /// helpers and `extra` ones. An error comes back with whether it is an abort.
    pub(crate) fn render(
        &self,
        tpl: &Template,
        name: &str,
        root: Value,
        json: Json,
        extra: Option<&BTreeSet<String>>,
    ) -> Result<String, (TemplateError, bool)> {
        let ctx = Context::from(json);
        self.render_ctx(tpl, name, root, &ctx, extra)
    }

    /// [`render`](Self::render) with the JSON view already made (`ctx` is the view of
    /// `root`).
    pub(crate) fn render_ctx(
        &self,
        tpl: &Template,
        name: &str,
        root: Value,
        ctx: &Context,
        extra: Option<&BTreeSet<String>>,
    ) -> Result<String, (TemplateError, bool)> {
        let mut rc = RenderContext::new(None);
        self.install(&mut rc, self.set.scan.helpers.iter().map(String::as_str));
        if let Some(extra) = extra {
            self.install(&mut rc, extra.iter().map(String::as_str));
        }
        self.install(&mut rc, names::INTERNAL.iter().copied());
        self.inner.lock().roots.push(root);
        let mut out = StringOutput::new();
        let registry: &Registry<'_> = &self.set.registry;
        let r = tpl.render(registry, ctx, &mut rc, &mut out);
        self.inner.lock().roots.pop();
        match r {
            Ok(()) => out
                .into_string()
                .map_err(|e| (TemplateError::Message(e.to_string()), false)),
            Err(e) => Err(render_error(&e, name)),
        }
    }

    fn install<'a>(
        &'a self,
        rc: &mut RenderContext<'_, 'a>,
        helper_names: impl Iterator<Item = &'a str>,
    ) {
        for n in helper_names {
            if let Some(&kind) = self.set.dispatch.get(n) {
                rc.register_local_helper(n, Box::new(Local { st: self, kind }));
            }
        }
    }

    pub(crate) fn probes(&self) -> &Probes {
        &self.set.scan.probes
    }

    pub(crate) fn json(&self, v: &Value, probes: &Probes) -> Result<Json, Failure> {
        to_json(v, probes).map_err(|e: TooDeep| Failure::Plain(e.to_string()))
    }

    pub(crate) fn strict(&self) -> bool {
        self.opts.missing_key == crate::engine::MissingKey::Error
    }

    /// Counts a step against the budget.
    fn step(&self, name: &str) -> Result<(), Failure> {
        let mut i = self.inner.lock();
        i.steps += 1;
        match self.opts.max_steps {
            Some(b) if i.steps > b => Err(Failure::Final(
                TemplateError::Budget {
                    template: name.to_string(),
                    budget: b,
                },
                true,
            )),
            _ => Ok(()),
        }
    }

    /// A helper argument, with the Go value behind it where there is one.
    fn arg(&self, p: &PathAndJson<'_>, base: Option<&[String]>) -> Arg {
        if let Some(c) = p.try_get_constant_value() {
            return Arg::Lit(c.clone());
        }
        if p.is_value_missing() {
            let raw = p.relative_path().cloned().unwrap_or_default();
            // The JSON view was taken when the template started; a key a function
            // (`set`, `merge`) added since is in the Go data only.
            if let Some(v) = base.and_then(|b| self.late_value(b, &raw)) {
                return Arg::Data(v);
            }
            return Arg::Missing(raw);
        }
        if let Some(path) = p.context_path() {
            let root = self.inner.lock().roots.last().cloned().unwrap_or_default();
            return match resolve_path(&root, path) {
                Some(v) => Arg::Data(v),
                None => Arg::Data(from_json(p.value())),
            };
        }
        // A subexpression result (no path) is taken from the memo; a block parameter or
        // a local value (a path) may be used again, so it stays.
        let take = p.relative_path().is_none();
        let mut i = self.inner.lock();
        let hit = i.memo.iter().rposition(|(j, _)| j == p.value());
        match hit {
            Some(k) if take => Arg::Result(i.memo.remove(k).1),
            Some(k) => Arg::Result(i.memo[k].1.clone()),
            None if take => Arg::Result(from_json(p.value())),
            None => Arg::Data(from_json(p.value())),
        }
    }

    /// Whether `v` is the data of the template being rendered (so its JSON view is the
    /// context at hand and need not be made again).
    pub(crate) fn is_current_root(&self, v: &Value) -> bool {
        let i = self.inner.lock();
        match (v, i.roots.last()) {
            (Value::Map(a), Some(Value::Map(b))) => a.ptr_eq(b),
            _ => false,
        }
    }

    /// A plain relative path (`a.b`, `this/a`) read from the current Go data.
    fn late_value(&self, base: &[String], raw: &str) -> Option<Value> {
        if raw.is_empty() || raw.contains("..") || raw.contains('@') || raw.contains('[') {
            return None;
        }
        let mut path: Vec<String> = base.to_vec();
        for seg in raw.split(['.', '/']) {
            match seg {
                "" | "this" => {}
                s => path.push(s.to_string()),
            }
        }
        let root = self.inner.lock().roots.last().cloned()?;
        resolve_path(&root, &path)
    }

    fn remember(&self, j: Json, v: Value) {
        let mut i = self.inner.lock();
        if i.memo.len() >= MEMO_SIZE {
            i.memo.remove(0);
        }
        i.memo.push((j, v));
    }

    /// Runs helper `kind` on the call `h`.
    fn invoke<'reg: 'rc, 'rc>(
        &self,
        kind: HKind,
        h: &Helper<'rc>,
        rc: &RenderContext<'reg, 'rc>,
        ctx: &Context,
    ) -> Result<Value, Failure> {
        let name = h.name();
        // Where relative paths start: the block's data path (none inside a block over
        // a computed value).
        let base = rc
            .block()
            .filter(|b| b.base_value().is_none())
            .map(|b| b.base_path().as_slice());
        let argv: Vec<Arg> = h.params().iter().map(|p| self.arg(p, base)).collect();
        if let Some(k) = h.hash().keys().next() {
            return Err(Failure::Plain(format!(
                "{name}: helmcore's helpers take no hash arguments ({k}=...)"
            )));
        }
        match kind {
            HKind::Enter => {
                let mut i = self.inner.lock();
                i.nesting += 1;
                if i.nesting > MAX_NESTING {
                    return Err(Failure::Deep(format!(
                        "partials, include and tpl nested more than {MAX_NESTING} deep"
                    )));
                }
                Ok(Value::Nil)
            }
            HKind::Leave => {
                let mut i = self.inner.lock();
                i.nesting = i.nesting.saturating_sub(1);
                Ok(Value::Nil)
            }
            HKind::Check => {
                for a in &argv {
                    self.check_missing(a)?;
                }
                Ok(Value::Nil)
            }
            HKind::Value => {
                let a = argv.into_iter().next().unwrap_or(Arg::Lit(Json::Null));
                self.check_missing(&a)?;
                Ok(args::plain(a))
            }
            HKind::Method => {
                self.step(name)?;
                let mut it = argv.into_iter();
                let recv = it.next().unwrap_or(Arg::Lit(Json::Null));
                let method = match it.next() {
                    Some(Arg::Lit(Json::String(s))) => s,
                    Some(Arg::Data(Value::String(s)) | Arg::Result(Value::String(s))) => {
                        s.to_string()
                    }
                    _ => {
                        return Err(Failure::Plain(
                            "method: want an object and a method name".into(),
                        ))
                    }
                };
                self.check_missing(&recv)?;
                let rest: Vec<Value> = it
                    .map(|a| {
                        self.check_missing(&a)?;
                        Ok(args::plain(a))
                    })
                    .collect::<Result<_, Failure>>()?;
                call_method(recv, &method, &rest)
            }
            HKind::Func(fname, fk) => {
                self.step(fname)?;
                for a in &argv {
                    self.check_missing(a)?;
                }
                self.call_func(fname, fk, argv, ctx)
            }
        }
    }

    /// Strict mode: a path that names nothing is an error.
    pub(crate) fn check_missing(&self, a: &Arg) -> Result<(), Failure> {
        match a {
            Arg::Missing(path) if self.strict() => {
                let key = path.rsplit(['.', '/']).next().unwrap_or(path);
                Err(Failure::Plain(format!("map has no entry for key {key:?}")))
            }
            _ => Ok(()),
        }
    }

    fn call_func(
        &self,
        name: &'static str,
        fk: FuncKind,
        argv: Vec<Arg>,
        ctx: &Context,
    ) -> Result<Value, Failure> {
        match fk {
            FuncKind::Go(f) => {
                let vals = args::convert(name, f.params, f.variadic, argv)?;
                (f.call)(vals).map_err(|m| Failure::Plain(format!("error calling {name}: {m}")))
            }
            FuncKind::Builtin(b) => args::builtin(name, b, argv),
            FuncKind::Helm(h) => self.helm(name, h, argv, ctx),
        }
    }
}

/// `obj.Method(args)` on a Go object.
fn call_method(recv: Arg, method: &str, rest: &[Value]) -> Result<Value, Failure> {
    let v = match recv {
        Arg::Data(v) | Arg::Result(v) => v,
        Arg::Lit(j) => from_json(&j),
        Arg::Missing(p) => {
            return Err(Failure::Plain(format!(
                "can't call method {method} on {p:?}: it has no value"
            )))
        }
    };
    match &v {
        Value::Object(o) => match o.field(method) {
            crate::value::Field::Method => o
                .call(method, rest)
                .map_err(|m| Failure::Plain(format!("error calling {method}: {m}"))),
            crate::value::Field::Value(x) if rest.is_empty() => Ok(x),
            crate::value::Field::Value(_) => Err(Failure::Plain(format!(
                "{method} is not a method but has arguments"
            ))),
            crate::value::Field::Missing => Err(Failure::Plain(format!(
                "can't evaluate field {method} in type {}",
                o.type_name()
            ))),
        },
        other => Err(Failure::Plain(format!(
            "can't call method {method} on type {}",
            other.type_name()
        ))),
    }
}

/// A helper installed for one render.
struct Local<'a> {
    st: &'a State<'a>,
    kind: HKind,
}

impl HelperDef for Local<'_> {
    /// As a subexpression: the value, remembered with its Go type.
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Registry<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let v = self.st.invoke(self.kind, h, rc, ctx)?;
        let probes = self.st.probes();
        let j = self.st.json(&v, probes)?;
        self.st.remember(j.clone(), v);
        Ok(ScopedJson::Derived(j))
    }

    /// As an expression: the value printed as Go's `%v` (nil prints nothing).
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Registry<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let v = self.st.invoke(self.kind, h, rc, ctx)?;
        let text = if v.is_nil() {
            String::new()
        } else {
            crate::value::fmt_v(&v)
        };
        // The crate's default `call` writes a value as text is written (indented inside
        // an indented standalone partial).
        Printed(text).call(h, r, ctx, rc, out)
    }
}

/// A computed text, written by the crate's default helper output.
struct Printed(String);

impl HelperDef for Printed {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        _: &Helper<'rc>,
        _: &'reg Registry<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(Json::String(self.0.clone())))
    }
}
