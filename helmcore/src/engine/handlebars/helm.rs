//! Helm's engine functions for Handlebars templates: `include`, `tpl`, `required`,
//! `fail` and `lookup`, with Helm's lint mode and recursion limit.

use std::collections::BTreeSet;

use handlebars::Context;

use super::args::plain;
use super::compile::{compile, Scan};
use super::convert::Probes;
use super::error::Failure;
use super::exec::{Arg, State};
use crate::engine::funcs::HelmFn;
use crate::engine::set::{LintKind, LintMessage};
use crate::engine::INCLUDE_MAX_DEPTH;
use crate::value::{Map, Value};

/// A string argument of one of Helm's functions (their Go parameters are `string`).
fn string_arg(name: &str, i: usize, a: Arg) -> Result<String, Failure> {
    match plain(a) {
        Value::String(s) => Ok(s.to_string()),
        other => Err(Failure::Plain(format!(
            "{name}: argument {}: wrong type for value; expected string; got {}",
            i + 1,
            if other.is_nil() {
                "interface {}".to_string()
            } else {
                other.type_name()
            }
        ))),
    }
}

/// Checks the argument count, then splits off the leading `string` argument.
fn string_first(name: &str, want: usize, argv: Vec<Arg>) -> Result<(String, Option<Arg>), Failure> {
    arity(name, want, &argv)?;
    let mut it = argv.into_iter();
    let first = it.next().unwrap_or(Arg::Lit(serde_json::Value::Null));
    Ok((string_arg(name, 0, first)?, it.next()))
}

fn arity(name: &str, want: usize, argv: &[Arg]) -> Result<(), Failure> {
    if argv.len() == want {
        Ok(())
    } else {
        Err(Failure::Plain(format!(
            "wrong number of args for {name}: want {want} got {}",
            argv.len()
        )))
    }
}

impl State<'_> {
    pub(crate) fn helm(
        &self,
        name: &str,
        h: HelmFn,
        argv: Vec<Arg>,
        ctx: &Context,
    ) -> Result<Value, Failure> {
        match h {
            HelmFn::Include => {
                let (tname, data) = string_first(name, 2, argv)?;
                self.include(name, &tname, data.map(plain).unwrap_or_default(), ctx)
            }
            HelmFn::Tpl => {
                let (text, data) = string_first(name, 2, argv)?;
                self.tpl(name, &text, data.map(plain).unwrap_or_default(), ctx)
            }
            HelmFn::Required => {
                let (msg, v) = string_first(name, 2, argv)?;
                let v = v.map(plain).unwrap_or_default();
                let missing = match &v {
                    Value::Nil => true,
                    Value::String(s) => s.is_empty(),
                    _ => false,
                };
                if !missing {
                    return Ok(v);
                }
                self.abort(LintKind::Required, msg)
            }
            HelmFn::Fail => {
                let (msg, _) = string_first(name, 1, argv)?;
                self.abort(LintKind::Fail, msg)
            }
            HelmFn::Lookup => self.lookup(name, argv),
            HelmFn::GetHostByName => {
                let (host, _) = string_first(name, 1, argv)?;
                crate::engine::helm::get_host_by_name(self.opts, &host).map_err(Failure::Plain)
            }
        }
    }

    /// `required`/`fail`: a lint message in lint mode, else the render stops.
    fn abort(&self, kind: LintKind, message: String) -> Result<Value, Failure> {
        if self.opts.lint {
            self.inner
                .lock()
                .warnings
                .push(LintMessage { kind, message });
            return Ok(Value::from(""));
        }
        Err(Failure::Abort(message))
    }

    /// `lookup apiVersion kind namespace name` asks the cluster (an empty map without
    /// one, as Helm); `lookup collection key` is Handlebars' own lookup (a map entry or
    /// a list element, nil when there is none).
    fn lookup(&self, name: &str, argv: Vec<Arg>) -> Result<Value, Failure> {
        if argv.len() == 2 {
            let mut it = argv.into_iter();
            let coll = it.next().map(plain).unwrap_or_default();
            let key = it.next().map(plain).unwrap_or_default();
            return Ok(match (&coll, &key) {
                (Value::Map(m), Value::String(k)) => m.get(k).unwrap_or_default(),
                (Value::List(l), Value::Int(i, _)) => usize::try_from(*i)
                    .ok()
                    .and_then(|i| l.get(i).cloned())
                    .unwrap_or_default(),
                _ => Value::Nil,
            });
        }
        if argv.len() != 4 {
            return Err(Failure::Plain(format!(
                "wrong number of args for {name}: want 4 (apiVersion kind namespace name) or 2 (collection key) got {}",
                argv.len()
            )));
        }
        let mut s = Vec::with_capacity(4);
        for (i, a) in argv.into_iter().enumerate() {
            s.push(string_arg(name, i, a)?);
        }
        match (&self.opts.lookup, self.opts.lint) {
            (Some(l), false) => match l.lookup(&s[0], &s[1], &s[2], &s[3]) {
                Ok(Value::Nil) => Ok(Value::Map(Map::new())),
                Ok(v) => Ok(v),
                Err(m) => Err(Failure::Plain(format!("error calling {name}: {m}"))),
            },
            _ => Ok(Value::Map(Map::new())),
        }
    }

    fn include(
        &self,
        name: &str,
        tname: &str,
        data: Value,
        ctx: &Context,
    ) -> Result<Value, Failure> {
        {
            let mut i = self.inner.lock();
            let n = i.include_counts.entry(tname.to_string()).or_insert(0);
            if *n > INCLUDE_MAX_DEPTH {
                return Err(Failure::Plain(format!(
                    "error calling {name}: rendering template has a nested reference name: {tname}: unable to execute template"
                )));
            }
            *n += 1;
        }
        let r = self.render_named(name, tname, data, ctx);
        if let Some(n) = self.inner.lock().include_counts.get_mut(tname) {
            *n = n.saturating_sub(1);
        }
        r
    }

    fn render_named(
        &self,
        name: &str,
        tname: &str,
        data: Value,
        ctx: &Context,
    ) -> Result<Value, Failure> {
        let Some(tpl) = self.set.template(tname) else {
            return Err(Failure::Plain(format!(
                "error calling {name}: no template or partial {tname:?}"
            )));
        };
        // `include "x" this`: the context at hand is already the data's JSON view.
        let r = if self.is_current_root(&data) {
            stacker::maybe_grow(256 * 1024, 8 * 1024 * 1024, || {
                self.render_ctx(tpl, tname, data, ctx, None)
            })
        } else {
            let json = self.json(&data, self.probes())?;
            stacker::maybe_grow(256 * 1024, 8 * 1024 * 1024, || {
                self.render(tpl, tname, data, json, None)
            })
        };
        match r {
            Ok(s) => Ok(Value::from(s)),
            Err((e, true)) => Err(Failure::Final(e, true)),
            Err((e, _)) => Err(Failure::Wrapped(format!("error calling {name}"), e)),
        }
    }

    fn tpl(&self, name: &str, text: &str, data: Value, ctx: &Context) -> Result<Value, Failure> {
        let mut scan = Scan::default();
        let is_helper = |n: &str| self.set.is_helper(n);
        let t = compile("tpl", text, &is_helper, &mut scan).map_err(|e| {
            Failure::Plain(format!(
                "error calling {name}: cannot parse template {text:?}: tpl:{}:{}: {}",
                e.line, e.col, e.message
            ))
        })?;
        let extra: BTreeSet<String> = scan.helpers;
        let r = if self.is_current_root(&data) && self.probes().contains_all(&scan.probes) {
            stacker::maybe_grow(256 * 1024, 8 * 1024 * 1024, || {
                self.render_ctx(&t, "tpl", data, ctx, Some(&extra))
            })
        } else {
            let mut probes: Probes = self.probes().clone();
            probes.extend(&scan.probes);
            let json = self.json(&data, &probes)?;
            stacker::maybe_grow(256 * 1024, 8 * 1024 * 1024, || {
                self.render(&t, "tpl", data, json, Some(&extra))
            })
        };
        match r {
            Ok(s) => Ok(Value::from(s)),
            Err((e, true)) => Err(Failure::Final(e, true)),
            Err((e, _)) => Err(Failure::Wrapped(
                format!("error calling {name}: error during tpl function execution for {text:?}"),
                e,
            )),
        }
    }
}
