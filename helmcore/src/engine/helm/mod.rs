//! Helm's template functions that need the engine: `include`, `tpl`, `required`, `fail`
//! and `lookup` (Helm's `pkg/engine`), with Helm's error texts, recursion limit and lint
//! mode.

pub(crate) mod serial;

use std::sync::Arc;

use super::compiler::ast::{NodeRef, Tree};
use super::compiler::parse;
use super::error::{TemplateError, WARN_END, WARN_START};
use super::func::Param;
use super::funcs::HelmFn;
use super::set::{LintKind, LintMessage};
use super::vm::{Flow, Params, Rv, Scope, Sig, State, MAX_CALL_NESTING, PT, R};
use crate::gofmt::quote;
use crate::value::{Map, Value};

/// Helm's `recursionMaxNums`: how deep one name may be `include`d within itself.
pub const INCLUDE_MAX_DEPTH: usize = 1000;

const S_ANY: &[PT] = &[PT::Go(Param::String), PT::Go(Param::Any)];
const S: &[PT] = &[PT::Go(Param::String)];
const S4: &[PT] = &[
    PT::Go(Param::String),
    PT::Go(Param::String),
    PT::Go(Param::String),
    PT::Go(Param::String),
];

/// The Go signatures of Helm's engine functions.
pub(crate) fn signature(h: HelmFn) -> Sig {
    let fixed = match h {
        HelmFn::Include | HelmFn::Tpl | HelmFn::Required => S_ANY,
        HelmFn::Fail | HelmFn::GetHostByName => S,
        HelmFn::Lookup => S4,
    };
    Sig {
        fixed: Params::Pt(fixed),
        variadic: None,
    }
}

/// `getHostByName`: `""` without a resolver (Helm without `--enable-dns`). With one,
/// Sprig picks one of the addresses at random, and a name that does not resolve makes its
/// `rand.Intn(0)` panic, which Go's template engine reports as this error.
pub(crate) fn get_host_by_name(opts: &super::ExecOptions, name: &str) -> Result<Value, String> {
    use rand::Rng;
    let Some(resolver) = &opts.resolver else {
        return Ok(Value::from(""));
    };
    let addrs = resolver.lookup_host(name);
    if addrs.is_empty() {
        return Err("invalid argument to Intn".into());
    }
    let i = rand::thread_rng().gen_range(0..addrs.len());
    Ok(Value::from(addrs[i].as_str()))
}

fn warn_wrap(msg: &str) -> String {
    format!("{WARN_START}{msg}{WARN_END}")
}

fn dot_of(v: Value) -> Rv {
    match v {
        Value::Nil => Rv::Invalid,
        v => Rv::Val(v),
    }
}

impl<'x, 's, 't> State<'x, 's, 't> {
    pub(crate) fn call_helm(
        &mut self,
        h: HelmFn,
        node: NodeRef<'t>,
        name: &str,
        args: Vec<Value>,
    ) -> R<Rv> {
        let mut args = args.into_iter();
        let a0 = args.next().unwrap_or_default();
        let a1 = args.next().unwrap_or_default();
        let result: Result<Rv, TemplateError> = match h {
            HelmFn::Include => self.include(a0.as_str().unwrap_or_default(), a1),
            HelmFn::Tpl => self.tpl(a0.as_str().unwrap_or_default(), a1),
            HelmFn::Required => self.required(a0.as_str().unwrap_or_default(), a1),
            HelmFn::Fail => {
                let msg = a0.as_str().unwrap_or_default().to_string();
                if self.ex.opts.lint {
                    self.ex.warnings.push(LintMessage {
                        kind: LintKind::Fail,
                        message: msg,
                    });
                    Ok(Rv::Val(Value::from("")))
                } else {
                    Err(TemplateError::Message(warn_wrap(&msg)))
                }
            }
            HelmFn::Lookup => {
                let rest: Vec<Value> = args.collect();
                let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
                match (&self.ex.opts.lookup, self.ex.opts.lint) {
                    (Some(l), false) => {
                        let ns = rest.first().map(s).unwrap_or_default();
                        let n = rest.get(1).map(s).unwrap_or_default();
                        l.lookup(&s(&a0), &s(&a1), &ns, &n)
                            .map(|v| {
                                Rv::Val(if v.is_nil() {
                                    Value::Map(Map::new())
                                } else {
                                    v
                                })
                            })
                            .map_err(TemplateError::Message)
                    }
                    _ => Ok(Rv::Val(Value::Map(Map::new()))),
                }
            }
            HelmFn::GetHostByName => {
                get_host_by_name(self.ex.opts, a0.as_str().unwrap_or_default())
                    .map(Rv::Val)
                    .map_err(TemplateError::Message)
            }
        };
        match result {
            Ok(v) => Ok(v),
            Err(TemplateError::Budget { template, budget }) => {
                Err(TemplateError::Budget { template, budget }.into())
            }
            Err(e) => {
                self.node = Some(node);
                Err(self.error_with_cause(format!("error calling {name}"), Some(e)))
            }
        }
    }

    fn required(&mut self, warn: &str, val: Value) -> Result<Rv, TemplateError> {
        let missing = match &val {
            Value::Nil => true,
            Value::String(s) => s.is_empty(),
            _ => false,
        };
        if !missing {
            return Ok(Rv::result(val));
        }
        if self.ex.opts.lint {
            self.ex.warnings.push(LintMessage {
                kind: if val.is_nil() {
                    LintKind::Required
                } else {
                    LintKind::RequiredEmpty
                },
                message: warn.to_string(),
            });
            return Ok(Rv::Val(Value::from("")));
        }
        Err(TemplateError::Message(warn_wrap(warn)))
    }

    fn enter_call(&mut self) -> Result<(), TemplateError> {
        if self.ex.nesting >= MAX_CALL_NESTING {
            return Err(TemplateError::Message(format!(
                "exceeded maximum include/tpl nesting depth ({MAX_CALL_NESTING})"
            )));
        }
        self.ex.nesting += 1;
        Ok(())
    }

    fn include(&mut self, name: &str, data: Value) -> Result<Rv, TemplateError> {
        match self.ex.include_counts.get_mut(name) {
            Some(n) if *n > INCLUDE_MAX_DEPTH => {
                return Err(TemplateError::Wrapped {
                    prefix: format!("rendering template has a nested reference name: {name}"),
                    source: Box::new(TemplateError::Message("unable to execute template".into())),
                });
            }
            Some(n) => *n += 1,
            None => {
                self.ex.include_counts.insert(Arc::from(name), 1);
            }
        }
        let r = self.run_named(name, data);
        if let Some(n) = self.ex.include_counts.get_mut(name) {
            *n = n.saturating_sub(1);
        }
        r.map(Rv::Val)
    }

    /// Executes template `name` of the current scope into a new string (Go's
    /// `ExecuteTemplate`).
    fn run_named(&mut self, name: &str, data: Value) -> Result<Value, TemplateError> {
        let scope = self.scope;
        let Some(tree) = scope.lookup(name) else {
            return Err(TemplateError::NoTemplate {
                name: name.to_string(),
                root: scope.set().root_name().to_string(),
            });
        };
        self.enter_call()?;
        let outer = std::mem::take(&mut self.ex.wrote_bytes);
        let mut out = String::new();
        let r = run_tree(&mut *self.ex, scope, tree, dot_of(data), &mut out);
        self.ex.nesting -= 1;
        let bytes = std::mem::replace(&mut self.ex.wrote_bytes, outer);
        r.map(|_| output_value(out, bytes))
    }

    fn tpl(&mut self, text: &str, data: Value) -> Result<Rv, TemplateError> {
        let root = self.scope.set().root_name().to_string();
        let trees = match parse(&root, text, self.scope.set().funcs()) {
            Ok(t) => t,
            Err(e) => {
                return Err(TemplateError::Wrapped {
                    prefix: format!("cannot parse template {}", quote(text)),
                    source: Box::new(TemplateError::Parse(e.for_go(self.ex.opts.go))),
                })
            }
        };
        let mut main: Option<Arc<Tree>> = None;
        let mut added = self.scope.added();
        for t in trees {
            let t = Arc::new(t);
            let is_main = *t.name == *root && main.is_none();
            if is_main {
                main = Some(t.clone());
            }
            // Go's `associate`: an empty definition does not replace an existing one.
            let existing = added.contains_key(&t.name) || self.scope.lookup(&t.name).is_some();
            if t.is_empty() && existing {
                continue;
            }
            added.insert(t.name.clone(), t);
        }
        let Some(main) = main else {
            return Ok(Rv::Val(Value::from("")));
        };
        self.enter_call()?;
        let overlay = Scope::Overlay {
            trees: added,
            base: self.scope.set(),
        };
        let outer = std::mem::take(&mut self.ex.wrote_bytes);
        let mut out = String::new();
        let r = run_tree(&mut *self.ex, &overlay, &main, dot_of(data), &mut out);
        self.ex.nesting -= 1;
        let bytes = std::mem::replace(&mut self.ex.wrote_bytes, outer);
        match r {
            Ok(()) => Ok(Rv::Val(output_value(out.replace("<no value>", ""), bytes))),
            Err(e @ TemplateError::Budget { .. }) => Err(e),
            Err(e) => Err(TemplateError::Wrapped {
                prefix: format!("error during tpl function execution for {}", quote(text)),
                source: Box::new(e),
            }),
        }
    }
}

/// A template's output as the Go string `include` and `tpl` return: the bytes of any byte
/// string it printed are kept (`include "keystore" . | b64enc`).
fn output_value(out: String, wrote_bytes: bool) -> Value {
    if wrote_bytes {
        crate::value::escape::unescape(out)
    } else {
        Value::from(out)
    }
}

/// Executes one tree with a fresh state (Go's `Template.Execute`).
pub(crate) fn run_tree(
    ex: &mut super::vm::Exec<'_>,
    scope: &Scope<'_>,
    tree: &Arc<Tree>,
    dot: Rv,
    out: &mut String,
) -> Result<(), TemplateError> {
    stacker::maybe_grow(super::vm::RED_ZONE, super::vm::STACK_CHUNK, || {
        let mut st = State::new(ex, scope, &tree.name, tree, dot.clone());
        match st.walk_list(&dot, &tree.root, out) {
            Ok(()) | Err(Flow::Break) | Err(Flow::Continue) => Ok(()),
            Err(Flow::Err(e)) => Err(*e),
        }
    })
}
