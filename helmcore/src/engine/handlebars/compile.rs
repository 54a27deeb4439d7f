//! Compiling a template: the `handlebars` crate parses it, then the tree is adjusted so
//! that helmcore's semantics hold while the crate renders it.
//!
//! - `{{Values.x}}` (a plain value) becomes `{{~v Values.x}}`: printed as Go's `%v`
//!   prints the original Go value (`1e+06`, `map[a:1]`), as Helm's engine would.
//! - Before `{{#if x}}`/`{{#each x}}`/..., a `~check` of the block's arguments makes a
//!   missing value an error in strict mode (the crate's own block helpers do not).
//! - Every template that can run as a partial starts with `~enter` and ends with
//!   `~leave`, which bound how deep partials may nest.
//! - A call of an unknown helper is an error now, not at render time (Go's parser does
//!   the same for unknown functions).
//!
//! The scan also collects the helper names used (only those are installed per render)
//! and the path segments used (the field names Go objects are asked for).

use std::collections::BTreeSet;

use handlebars::template::{Parameter, TemplateElement};
use handlebars::{PathSeg, Template};

use super::convert::Probes;
use super::names;

/// A compile error: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompileError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// What the templates of a set use.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scan {
    /// The helper names called, helmcore's and the internal ones.
    pub helpers: BTreeSet<String>,
    /// Every named path segment (field names for Go objects).
    pub probes: Probes,
}

/// Nesting of blocks and subexpressions the compiler follows (the crate's parser is
/// recursive too; this only bounds our own walk).
const MAX_NESTING: usize = 512;

/// Compiles `source` as template `name` and adjusts it.
pub(crate) fn compile(
    name: &str,
    source: &str,
    is_helper: &dyn Fn(&str) -> bool,
    scan: &mut Scan,
) -> Result<Template, CompileError> {
    let mut t = Template::compile_with_name(source, name.to_string()).map_err(|e| {
        let (line, col) = e.pos().unwrap_or((0, 0));
        CompileError {
            line,
            col,
            message: e.reason().to_string(),
        }
    })?;
    let mut cx = Cx { is_helper, scan };
    cx.template(&mut t, 0, (1, 1))?;
    add_guards(&mut t);
    Ok(t)
}

/// Top-level inline partials of a template (`{{#*inline "name"}}...{{/inline}}`), with
/// their bodies; partial files export these as named partials.
pub(crate) fn inline_partials(t: &Template) -> Vec<(String, Template)> {
    let mut out = Vec::new();
    for e in &t.elements {
        if let TemplateElement::DecoratorBlock(d) = e {
            let is_inline = d.name.as_name() == Some("inline");
            let name = match d.params.first() {
                Some(Parameter::Literal(serde_json::Value::String(s))) => Some(s.clone()),
                Some(p) => p.as_name().map(str::to_string),
                None => None,
            };
            if let (true, Some(name), Some(body)) = (is_inline, name, d.template.as_ref()) {
                out.push((name, body.clone()));
            }
        }
    }
    out
}

struct Cx<'a> {
    is_helper: &'a dyn Fn(&str) -> bool,
    scan: &'a mut Scan,
}

fn err(pos: (usize, usize), message: String) -> CompileError {
    CompileError {
        line: pos.0,
        col: pos.1,
        message,
    }
}

/// A plain-value expression: no arguments, no hash, not a block.
fn is_plain(ht: &handlebars::template::HelperTemplate) -> bool {
    !ht.block && ht.params.is_empty() && ht.hash.is_empty()
}

impl Cx<'_> {
    fn template(
        &mut self,
        t: &mut Template,
        depth: usize,
        at: (usize, usize),
    ) -> Result<(), CompileError> {
        if depth > MAX_NESTING {
            return Err(err(
                at,
                format!("blocks nested more than {MAX_NESTING} deep"),
            ));
        }
        let old = std::mem::take(&mut t.elements);
        let old_map = std::mem::take(&mut t.mapping);
        for (i, mut e) in old.into_iter().enumerate() {
            let m = old_map.get(i).cloned();
            let pos = m.as_ref().map(|m| (m.0, m.1)).unwrap_or(at);
            let mut pre: Option<TemplateElement> = None;
            match &mut e {
                TemplateElement::Expression(ht) | TemplateElement::HtmlExpression(ht) => {
                    self.expression(ht, depth, pos)?;
                }
                TemplateElement::HelperBlock(ht) => {
                    let name = ht.name.as_name().unwrap_or_default().to_string();
                    if !names::BLOCK_HELPERS.contains(&name.as_str()) {
                        return Err(err(
                            pos,
                            format!(
                                "{name:?} is not a block helper (blocks: {})",
                                names::BLOCK_HELPERS.join(", ")
                            ),
                        ));
                    }
                    self.params(&mut ht.params, depth, pos)?;
                    for p in ht.hash.values_mut() {
                        self.param(p, depth, pos)?;
                    }
                    pre = strict_check(ht);
                    if let Some(t) = ht.template.as_mut() {
                        self.template(t, depth + 1, pos)?;
                    }
                    if let Some(t) = ht.inverse.as_mut() {
                        self.template(t, depth + 1, pos)?;
                    }
                }
                TemplateElement::DecoratorExpression(d)
                | TemplateElement::DecoratorBlock(d)
                | TemplateElement::PartialExpression(d)
                | TemplateElement::PartialBlock(d) => {
                    let is_inline = d.name.as_name() == Some("inline");
                    if let Parameter::Subexpression(_) = d.name {
                        self.param(&mut d.name, depth, pos)?;
                    }
                    self.params(&mut d.params, depth, pos)?;
                    for p in d.hash.values_mut() {
                        self.param(p, depth, pos)?;
                    }
                    if let Some(t) = d.template.as_mut() {
                        self.template(t, depth + 1, pos)?;
                        if is_inline {
                            add_guards(t);
                        }
                    }
                }
                _ => {}
            }
            if let Some(p) = pre {
                t.elements.push(p);
                if let Some(m) = &m {
                    t.mapping.push(m.clone());
                }
            }
            t.elements.push(e);
            if let Some(m) = m {
                t.mapping.push(m);
            }
        }
        Ok(())
    }

    fn expression(
        &mut self,
        ht: &mut handlebars::template::HelperTemplate,
        depth: usize,
        pos: (usize, usize),
    ) -> Result<(), CompileError> {
        if let Parameter::Subexpression(_) = ht.name {
            return self.param(&mut ht.name, depth, pos);
        }
        let name = ht.name.as_name().unwrap_or_default().to_string();
        if is_plain(ht) {
            if (self.is_helper)(&name) {
                self.scan.helpers.insert(name);
                return Ok(());
            }
            // A value: print it through `~v`.
            let old = std::mem::replace(&mut ht.name, Parameter::Name(names::VALUE.into()));
            let mut p = as_path(old, pos)?;
            self.param(&mut p, depth, pos)?;
            ht.params.push(p);
            self.scan.helpers.insert(names::VALUE.into());
            return Ok(());
        }
        self.params(&mut ht.params, depth, pos)?;
        for p in ht.hash.values_mut() {
            self.param(p, depth, pos)?;
        }
        self.call_name(ht, pos)
    }

    /// Resolves the helper an expression with arguments calls.
    fn call_name(
        &mut self,
        ht: &mut handlebars::template::HelperTemplate,
        pos: (usize, usize),
    ) -> Result<(), CompileError> {
        let name = ht.name.as_name().unwrap_or_default().to_string();
        if (self.is_helper)(&name) {
            self.scan.helpers.insert(name);
            return Ok(());
        }
        Err(err(pos, format!("function {name:?} not defined")))
    }

    fn params(
        &mut self,
        ps: &mut [Parameter],
        depth: usize,
        pos: (usize, usize),
    ) -> Result<(), CompileError> {
        for p in ps {
            self.param(p, depth, pos)?;
        }
        Ok(())
    }

    fn param(
        &mut self,
        p: &mut Parameter,
        depth: usize,
        pos: (usize, usize),
    ) -> Result<(), CompileError> {
        if depth > MAX_NESTING {
            return Err(err(
                pos,
                format!("expressions nested more than {MAX_NESTING} deep"),
            ));
        }
        match p {
            Parameter::Path(path) => {
                if let handlebars::Path::Relative((segs, _)) = path {
                    for s in segs.iter() {
                        if let PathSeg::Named(n) = s {
                            self.scan.probes.insert(n);
                        }
                    }
                }
                Ok(())
            }
            Parameter::Subexpression(sub) => {
                if let TemplateElement::Expression(ht) = sub.element.as_mut() {
                    self.params(&mut ht.params, depth + 1, pos)?;
                    for v in ht.hash.values_mut() {
                        self.param(v, depth + 1, pos)?;
                    }
                    if let Parameter::Subexpression(_) = ht.name {
                        self.param(&mut ht.name, depth + 1, pos)?;
                    } else {
                        self.call_name(ht, pos)?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// A plain expression's name as a path parameter (`{{foo}}` may parse as a bare name).
fn as_path(p: Parameter, pos: (usize, usize)) -> Result<Parameter, CompileError> {
    match p {
        Parameter::Name(n) => {
            Parameter::parse(&n).map_err(|_| err(pos, format!("invalid path {n:?}")))
        }
        other => Ok(other),
    }
}

/// `~check` of a block helper's path arguments (a copy of the block's head with only
/// those, so it keeps the block's position).
fn strict_check(ht: &handlebars::template::HelperTemplate) -> Option<TemplateElement> {
    let paths: Vec<Parameter> = ht
        .params
        .iter()
        .filter(|p| matches!(p, Parameter::Path(_)))
        .cloned()
        .collect();
    if paths.is_empty() {
        return None;
    }
    let mut check = ht.clone();
    check.name = Parameter::Name(names::CHECK.into());
    check.params = paths;
    check.hash.clear();
    check.block_param = None;
    check.template = None;
    check.inverse = None;
    check.block = false;
    check.chain = false;
    Some(TemplateElement::Expression(Box::new(check)))
}

/// Wraps a partial body in `~enter` ... `~leave` (an empty body cannot recurse).
fn add_guards(t: &mut Template) {
    if t.elements.is_empty() || t.mapping.len() != t.elements.len() {
        return;
    }
    let (Some(head), Some(tail)) = (guard(names::ENTER), guard(names::LEAVE)) else {
        return;
    };
    let first = t.mapping[0].clone();
    let last = t.mapping[t.mapping.len() - 1].clone();
    t.elements.insert(0, head);
    t.mapping.insert(0, first);
    t.elements.push(tail);
    t.mapping.push(last);
}

/// An argument-less call of an internal helper.
fn guard(name: &str) -> Option<TemplateElement> {
    // The crate's types cannot be built outside it; parse a call and rename it.
    let t = Template::compile("{{g}}").ok()?;
    let mut e = t.elements.into_iter().next()?;
    if let TemplateElement::Expression(ht) = &mut e {
        ht.name = Parameter::Name(name.into());
    }
    Some(e)
}
