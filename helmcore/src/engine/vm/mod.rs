//! The executor: walks a parsed tree with Go's semantics (`text/template/exec.go`).
//!
//! Go records the node being evaluated (`state.at`) at precise points and reports every
//! error at that node; the same bookkeeping is done here so positions and `at <...>`
//! contexts match Go's byte for byte.

mod builtins;
mod compare;
mod escape;
mod value;

use std::sync::Arc;

pub use value::Rv;

use super::compiler::ast::*;
use super::error::{ExecError, Location, TemplateError};
use super::func::Param;
use super::funcs::{Builtin, FuncKind};
use super::set::{ExecOptions, GoRelease, LintMessage, MissingKey, TemplateSet};
use crate::hash::HashMap;
use crate::value::{Elements, Field, Kind, Value};

/// Go's `maxExecDepth`.
pub(crate) const MAX_EXEC_DEPTH: usize = 100_000;
/// Nesting of `include`/`tpl` calls. Helm bounds only `include` recursion per name (and
/// `tpl` not at all: Go dies on a 1 GB stack); this bound keeps any input finite.
pub(crate) const MAX_CALL_NESTING: usize = 10_000;

pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const STACK_CHUNK: usize = 4 * 1024 * 1024;

/// Non-local exits from the walk.
pub(crate) enum Flow {
    Break,
    Continue,
    Err(Box<TemplateError>),
}

impl From<TemplateError> for Flow {
    fn from(e: TemplateError) -> Flow {
        Flow::Err(Box::new(e))
    }
}

pub(crate) type R<T> = Result<T, Flow>;

/// Where template names are looked up: the set, or the definitions of the `tpl` calls
/// being executed over it. A nested `tpl` copies the outer ones' definitions into its own
/// map, so a lookup costs the same at any depth of `tpl` recursion.
pub(crate) enum Scope<'p> {
    Base(&'p TemplateSet),
    Overlay {
        trees: HashMap<Arc<str>, Arc<Tree>>,
        base: &'p TemplateSet,
    },
}

impl Scope<'_> {
    pub(crate) fn lookup(&self, name: &str) -> Option<&Arc<Tree>> {
        match self {
            Scope::Base(set) => set.lookup(name),
            Scope::Overlay { trees, base } => trees.get(name).or_else(|| base.lookup(name)),
        }
    }

    pub(crate) fn set(&self) -> &TemplateSet {
        match self {
            Scope::Base(set) | Scope::Overlay { base: set, .. } => set,
        }
    }

    /// The definitions `tpl` calls have added so far.
    pub(crate) fn added(&self) -> HashMap<Arc<str>, Arc<Tree>> {
        match self {
            Scope::Base(_) => HashMap::default(),
            Scope::Overlay { trees, .. } => trees.clone(),
        }
    }
}

/// State shared by everything one session executes: Helm's per-render include counts,
/// lint findings and the step budget.
pub(crate) struct Exec<'s> {
    pub opts: &'s ExecOptions,
    pub include_counts: HashMap<Arc<str>, usize>,
    pub warnings: Vec<LintMessage>,
    pub steps: u64,
    pub nesting: usize,
    /// Regexes compiled and `semverCompare` answers computed by this session.
    pub memo: super::memo::SessionMemo,
    /// Whether output was written holding a byte string's escaped bytes (see
    /// `value::escape`) since the flag was last cleared.
    pub wrote_bytes: bool,
    /// The zero of Go's monotonic clock for `now` (see `engine::clock`).
    pub clock_origin: std::time::Instant,
}

impl<'s> Exec<'s> {
    pub(crate) fn new(opts: &'s ExecOptions) -> Self {
        Exec {
            opts,
            include_counts: HashMap::default(),
            warnings: Vec::new(),
            steps: 0,
            nesting: 0,
            memo: Default::default(),
            wrote_bytes: false,
            clock_origin: opts.session_clock_origin(),
        }
    }
}

/// The execution of one template (Go's `state`).
pub(crate) struct State<'x, 's, 't> {
    pub(crate) ex: &'x mut Exec<'s>,
    pub(crate) scope: &'t Scope<'t>,
    pub(crate) name: &'t str,
    pub(crate) tree: &'t Tree,
    pub(crate) node: Option<NodeRef<'t>>,
    pub(crate) vars: Vec<(&'t str, Rv)>,
    pub(crate) depth: usize,
}

/// The Go type of a builtin's or function's parameter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PT {
    Go(Param),
    /// `reflect.Value`: the builtin sees the evaluation result itself.
    Rv,
}

/// A parameter list: the builtins' own table, or a plain function's declared params.
#[derive(Clone, Copy)]
pub(crate) enum Params {
    Pt(&'static [PT]),
    Go(&'static [Param]),
}

impl Params {
    fn len(&self) -> usize {
        match self {
            Params::Pt(p) => p.len(),
            Params::Go(p) => p.len(),
        }
    }

    fn get(&self, i: usize) -> Option<PT> {
        match self {
            Params::Pt(p) => p.get(i).copied(),
            Params::Go(p) => p.get(i).copied().map(PT::Go),
        }
    }

    fn has_rv(&self) -> bool {
        matches!(self, Params::Pt(p) if p.contains(&PT::Rv))
    }
}

pub(crate) struct Sig {
    pub fixed: Params,
    pub variadic: Option<PT>,
}

const RV1: &[PT] = &[PT::Rv];
const RV2: &[PT] = &[PT::Rv, PT::Rv];
/// Go's `string` with its raw bytes (a format string may be a byte string).
const BYTES1: &[PT] = &[PT::Go(Param::BytesString)];

fn builtin_sig(b: Builtin) -> Sig {
    use Builtin::*;
    match b {
        And | Or | Index | Slice | Call | Eq => Sig {
            fixed: Params::Pt(RV1),
            variadic: Some(PT::Rv),
        },
        Not | Len => Sig {
            fixed: Params::Pt(RV1),
            variadic: None,
        },
        Ne | Lt | Le | Gt | Ge => Sig {
            fixed: Params::Pt(RV2),
            variadic: None,
        },
        Print | Println | Html | Js | UrlQuery => Sig {
            fixed: Params::Pt(&[]),
            variadic: Some(PT::Go(Param::Any)),
        },
        Printf => Sig {
            fixed: Params::Pt(BYTES1),
            variadic: Some(PT::Go(Param::Any)),
        },
    }
}

/// Go's name for a parameter type, as errors print it.
pub(crate) fn param_type_name(p: PT) -> &'static str {
    match p {
        PT::Rv => "reflect.Value",
        PT::Go(p) => match p {
            Param::Any => "interface {}",
            Param::String | Param::BytesString => "string",
            Param::Int => "int",
            Param::Int64 => "int64",
            Param::Float64 => "float64",
            Param::Bool => "bool",
            Param::Map => "map[string]interface {}",
            Param::List => "[]interface {}",
            Param::StringList => "[]string",
            Param::Uint32 => "uint32",
            Param::Duration => "time.Duration",
            Param::Struct(name) => name,
        },
    }
}

pub(crate) fn can_be_nil(p: PT) -> bool {
    match p {
        PT::Rv | PT::Go(Param::Any | Param::Map | Param::List | Param::StringList) => true,
        // A pointer type (`*time.Location`) or a slice (`[]uint8`).
        PT::Go(Param::Struct(name)) => name.starts_with('*') || name.starts_with("[]"),
        PT::Go(_) => false,
    }
}

pub(crate) fn assignable(v: &Value, p: Param) -> bool {
    match p {
        Param::Any => true,
        Param::String | Param::BytesString => matches!(v, Value::String(_) | Value::Bytes(_)),
        Param::Int => matches!(v, Value::Int(_, crate::value::IntKind::Int)),
        Param::Int64 => matches!(v, Value::Int(_, crate::value::IntKind::Int64)),
        Param::Float64 => matches!(v, Value::Float(_)),
        Param::Bool => matches!(v, Value::Bool(_)),
        Param::Map => matches!(v, Value::Map(m) if m.named_type().is_none_or(|t| t.generic)),
        Param::List => matches!(v, Value::List(l) if l.elem() == crate::value::Elem::Interface),
        Param::StringList => {
            matches!(v, Value::List(l) if l.iter().all(|x| x.go_bytes().is_some()))
        }
        // No dynamic value has Go type uint32: only literals convert to it.
        Param::Uint32 => false,
        Param::Duration => matches!(v, Value::Int(_, crate::value::IntKind::Duration)),
        Param::Struct(name) => matches!(v, Value::Object(o) if o.type_name() == name),
    }
}

/// The value a function body receives for a parameter `v` is [`assignable`] to: byte
/// strings as text where the parameter is a plain `string` (see [`Param::String`]), a
/// named map type (`common.Values`) converted to `map[string]interface{}`, which is also
/// what the function hands back when it returns the map (`set`, `merge`); a nil map
/// arrives as a nil `map[string]interface{}` ([`crate::value::NIL_MAP`]).
pub(crate) fn coerce(v: Value, p: Param) -> Value {
    match (p, &v) {
        (Param::String, Value::Bytes(_)) => lossy(&v),
        // A nil map stays nil: Go's `set` on it panics, `unset` hands it back.
        (Param::Map, Value::Map(m)) if m.is_nil() => Value::Map(m.named(&crate::value::NIL_MAP)),
        (Param::Map, Value::Map(m)) if m.named_type().is_some() => Value::Map(m.unnamed()),
        (Param::StringList, Value::List(l)) if l.iter().any(|x| matches!(x, Value::Bytes(_))) => {
            Value::list(l.iter().map(lossy).collect())
        }
        _ => v,
    }
}

fn lossy(v: &Value) -> Value {
    match v {
        Value::Bytes(b) => Value::from(crate::yaml::go_lossy_utf8(b)),
        other => other.clone(),
    }
}

/// What the step counter charges per node and per call.
const STEP: u64 = 1;

impl<'x, 's, 't> State<'x, 's, 't> {
    pub(crate) fn new(
        ex: &'x mut Exec<'s>,
        scope: &'t Scope<'t>,
        name: &'t str,
        tree: &'t Tree,
        dot: Rv,
    ) -> Self {
        State {
            ex,
            scope,
            name,
            tree,
            node: None,
            vars: vec![("$", dot)],
            depth: 0,
        }
    }

    fn at(&mut self, n: NodeRef<'t>) {
        self.node = Some(n);
    }

    /// An execution error at the current node.
    pub(crate) fn error(&self, message: impl Into<String>) -> Flow {
        self.error_with_cause(message, None)
    }

    pub(crate) fn error_with_cause(
        &self,
        message: impl Into<String>,
        cause: Option<TemplateError>,
    ) -> Flow {
        let (location, context) = match self.node {
            Some(n) => {
                let (line, col) = self.tree.line_col(n.pos());
                (
                    Some(Location {
                        file: self.tree.parse_name.to_string(),
                        line,
                        col,
                    }),
                    n.to_string(),
                )
            }
            None => (None, String::new()),
        };
        Flow::Err(Box::new(TemplateError::Exec(Box::new(ExecError {
            template: self.name.to_string(),
            location,
            context,
            message: message.into(),
            cause: cause.map(Box::new),
        }))))
    }

    fn step(&mut self) -> R<()> {
        self.ex.steps += STEP;
        if let Some(budget) = self.ex.opts.max_steps {
            if self.ex.steps > budget {
                return Err(TemplateError::Budget {
                    template: self.name.to_string(),
                    budget,
                }
                .into());
            }
        }
        Ok(())
    }

    // ---- variables ----

    fn push(&mut self, name: &'t str, v: Rv) {
        self.vars.push((name, v));
    }

    fn set_var(&mut self, name: &'t str, v: Rv) -> R<()> {
        for slot in self.vars.iter_mut().rev() {
            if slot.0 == name {
                slot.1 = v;
                return Ok(());
            }
        }
        Err(self.error(format!("undefined variable: {name}")))
    }

    fn set_top_var(&mut self, n: usize, v: Rv) {
        let len = self.vars.len();
        if let Some(slot) = len.checked_sub(n).and_then(|i| self.vars.get_mut(i)) {
            slot.1 = v;
        }
    }

    fn var_value(&self, name: &str) -> R<Rv> {
        for (n, v) in self.vars.iter().rev() {
            if *n == name {
                return Ok(v.clone());
            }
        }
        Err(self.error(format!("undefined variable: {name}")))
    }

    // ---- walking ----

    pub(crate) fn walk_list(&mut self, dot: &Rv, list: &'t ListNode, out: &mut String) -> R<()> {
        self.at(NodeRef::List(list));
        for n in &list.nodes {
            self.walk(dot, n, out)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &Rv, node: &'t Node, out: &mut String) -> R<()> {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.walk_node(dot, node, out))
    }

    fn walk_node(&mut self, dot: &Rv, node: &'t Node, out: &mut String) -> R<()> {
        self.step()?;
        self.at(NodeRef::Node(node));
        match node {
            Node::Text(t) => {
                out.push_str(t.text());
                Ok(())
            }
            Node::Action(a) => {
                let v = self.eval_pipeline(dot, &a.pipe)?;
                if a.pipe.decl.is_empty() {
                    self.print_value(node, &v, out);
                }
                Ok(())
            }
            Node::Comment(_) => Ok(()),
            Node::Break(_) => Err(Flow::Break),
            Node::Continue(_) => Err(Flow::Continue),
            Node::If(b) => self.walk_if_or_with(false, dot, b, out),
            Node::With(b) => self.walk_if_or_with(true, dot, b, out),
            Node::Range(b) => {
                stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.walk_range(dot, node, b, out))
            }
            Node::Template(t) => self.walk_template(dot, t, out),
        }
    }

    fn print_value(&mut self, node: &'t Node, v: &Rv, out: &mut String) {
        self.at(NodeRef::Node(node));
        match v {
            Rv::Invalid => out.push_str("<no value>"),
            // `%v` of a string is the string: no printer needed for the commonest case.
            Rv::Iface(Value::String(s)) | Rv::Val(Value::String(s)) => out.push_str(s),
            Rv::Iface(Value::Object(o)) | Rv::Val(Value::Object(o))
                if o.printed_string().is_some() =>
            {
                out.push_str(&o.printed_string().unwrap_or_default())
            }
            Rv::Iface(v) | Rv::Val(v) => {
                if crate::gofmt::write_value(out, v) {
                    self.ex.wrote_bytes = true;
                }
            }
        }
    }

    fn walk_if_or_with(
        &mut self,
        with: bool,
        dot: &Rv,
        b: &'t BranchNode,
        out: &mut String,
    ) -> R<()> {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            let mark = self.vars.len();
            let r = (|| {
                let val = self.eval_pipeline(dot, &b.pipe)?;
                if val.truth() {
                    if with {
                        self.walk_list(&val, &b.list, out)
                    } else {
                        self.walk_list(dot, &b.list, out)
                    }
                } else if let Some(e) = &b.else_list {
                    self.walk_list(dot, e, out)
                } else {
                    Ok(())
                }
            })();
            self.vars.truncate(mark);
            r
        })
    }

    fn walk_range(
        &mut self,
        dot: &Rv,
        node: &'t Node,
        r: &'t BranchNode,
        out: &mut String,
    ) -> R<()> {
        self.at(NodeRef::Node(node));
        let outer_mark = self.vars.len();
        let res = self.walk_range_inner(dot, r, out);
        self.vars.truncate(outer_mark);
        match res {
            Err(Flow::Break) => Ok(()),
            other => other,
        }
    }

    fn walk_range_inner(&mut self, dot: &Rv, r: &'t BranchNode, out: &mut String) -> R<()> {
        let val = self.eval_pipeline(dot, &r.pipe)?;
        let mark = self.vars.len();
        let ndecl = r.pipe.decl.len();
        let mut ran = false;
        // Each iteration sets the range variables, walks the body and pops what the
        // body declared; `continue` ends only the iteration.
        let mut one = |s: &mut Self, index: Rv, elem: Rv| -> R<()> {
            ran = true;
            if ndecl > 0 {
                if r.pipe.is_assign {
                    if ndecl > 1 {
                        s.set_var(&r.pipe.decl[0].ident[0], index.clone())?;
                    } else {
                        s.set_var(&r.pipe.decl[0].ident[0], elem.clone())?;
                    }
                } else {
                    s.set_top_var(1, elem.clone());
                }
            }
            if ndecl > 1 {
                if r.pipe.is_assign {
                    s.set_var(&r.pipe.decl[1].ident[0], elem.clone())?;
                } else {
                    s.set_top_var(2, index);
                }
            }
            let res = s.walk_list(&elem, &r.list, out);
            s.vars.truncate(mark);
            match res {
                Err(Flow::Continue) => Ok(()),
                other => other,
            }
        };
        match val.value() {
            _ if !val.is_valid() => {}
            // Go 1.23 cannot range over an integer.
            Value::Int(..) if self.ex.opts.go == GoRelease::Go1_23 => {
                return Err(self.cannot_iterate(val.value()));
            }
            Value::Int(n, kind) => {
                if ndecl > 1 {
                    let shown = crate::gofmt::sprint(&[val.value().clone()]);
                    return Err(self.error(format!(
                        "can't use {shown} to iterate over more than one variable"
                    )));
                }
                for i in 0..(*n).max(0) {
                    one(self, Rv::Invalid, Rv::Val(Value::Int(i, *kind)))?;
                }
            }
            Value::List(items) => {
                let items = items.clone();
                for (i, item) in items.iter().enumerate() {
                    one(self, Rv::Val(Value::int(i as i64)), Rv::Iface(item.clone()))?;
                }
            }
            Value::Map(m) => {
                for (k, item) in m.entries() {
                    one(self, Rv::Val(Value::String(k)), Rv::Iface(item))?;
                }
            }
            Value::Object(o) if o.kind() == Kind::Map || o.kind() == Kind::Slice => {
                // Go's elements when the object gives them, else its data.
                match o.elements() {
                    Some(Elements::Map { entries, .. }) => {
                        for (k, item) in entries {
                            one(self, Rv::Val(Value::String(k)), Rv::Val(item))?;
                        }
                    }
                    Some(Elements::List(items)) => {
                        for (i, item) in items.into_iter().enumerate() {
                            one(self, Rv::Val(Value::int(i as i64)), Rv::Val(item))?;
                        }
                    }
                    None => match o.to_data() {
                        Some(Value::Map(m)) => {
                            for (k, item) in m.entries() {
                                one(self, Rv::Val(Value::String(k)), Rv::Iface(item))?;
                            }
                        }
                        Some(Value::List(items)) => {
                            for (i, item) in items.iter().enumerate() {
                                one(self, Rv::Val(Value::int(i as i64)), Rv::Iface(item.clone()))?;
                            }
                        }
                        _ => {}
                    },
                }
            }
            other => return Err(self.cannot_iterate(other)),
        }
        if !ran {
            if let Some(e) = &r.else_list {
                return self.walk_list(dot, e, out);
            }
        }
        Ok(())
    }

    fn cannot_iterate(&self, v: &Value) -> Flow {
        let shown = crate::gofmt::sprint_pointee(v);
        self.error(format!("range can't iterate over {shown}"))
    }

    fn walk_template(&mut self, dot: &Rv, t: &'t TemplateNode, out: &mut String) -> R<()> {
        let Some(tree) = self.scope.lookup(&t.name) else {
            return Err(self.error(format!(
                "template {} not defined",
                crate::gofmt::quote(&t.name)
            )));
        };
        if self.depth >= MAX_EXEC_DEPTH {
            return Err(self.error(format!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            )));
        }
        let dot = match &t.pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Rv::Invalid,
        };
        let tree: &'t Tree = tree;
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            let mut ns = State {
                ex: &mut *self.ex,
                scope: self.scope,
                name: &tree.name,
                tree,
                node: None,
                vars: vec![("$", dot.clone())],
                depth: self.depth + 1,
            };
            ns.walk_list(&dot, &tree.root, out)
        })
    }

    // ---- evaluation ----

    pub(crate) fn eval_pipeline(&mut self, dot: &Rv, pipe: &'t PipeNode) -> R<Rv> {
        self.at(NodeRef::Pipe(pipe));
        let mut value: Option<Rv> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.unwrap_interface());
        }
        let value = value.unwrap_or(Rv::Invalid);
        for v in &pipe.decl {
            if pipe.is_assign {
                self.set_var(&v.ident[0], value.clone())?;
            } else {
                self.push(&v.ident[0], value.clone());
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &'t [Arg], fin: &Option<Rv>) -> R<()> {
        if args.len() > 1 || fin.is_some() {
            return Err(self.error(format!("can't give argument to non-function {}", args[0])));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Rv, cmd: &'t CommandNode, fin: Option<Rv>) -> R<Rv> {
        let Some(first) = cmd.args.first() else {
            return Err(self.error("empty command"));
        };
        match first {
            Arg::Field(f) => return self.eval_field_node(dot, f, &cmd.args, fin),
            Arg::Chain(c) => return self.eval_chain_node(dot, c, &cmd.args, fin),
            Arg::Identifier(id) => {
                return self.eval_function(dot, first, id, NodeRef::Command(cmd), &cmd.args, fin)
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &fin)?;
                return stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.eval_pipeline(dot, p));
            }
            Arg::Variable(v) => return self.eval_variable_node(dot, v, &cmd.args, fin),
            _ => {}
        }
        self.at(NodeRef::Arg(first));
        self.not_a_function(&cmd.args, &fin)?;
        match first {
            Arg::Bool(_, b) => Ok(Rv::Val(Value::Bool(*b))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Err(self.error("nil is not a command")),
            Arg::Number(n) => self.ideal_constant(first, n),
            Arg::String(s) => Ok(Rv::Val(s.value())),
            _ => Err(self.error(format!(
                "can't evaluate command {}",
                crate::gofmt::quote(&first.to_string())
            ))),
        }
    }

    fn ideal_constant(&mut self, node: &'t Arg, n: &NumberNode) -> R<Rv> {
        self.at(NodeRef::Arg(node));
        let t = &n.text;
        let is_hex_int = t.len() > 2
            && t.starts_with('0')
            && matches!(t.as_bytes()[1], b'x' | b'X')
            && !t.contains(['p', 'P']);
        let is_rune = t.starts_with('\'');
        if n.is_complex {
            // Values have no complex type; a complex constant can only be printed, so it
            // becomes its Go `%v` text.
            let (re, im) = n.complex;
            let im_s = crate::value::format_float_v(im);
            let sign = if im_s.starts_with('-') || im_s.starts_with('+') {
                ""
            } else {
                "+"
            };
            return Ok(Rv::Val(Value::from(format!(
                "({}{sign}{im_s}i)",
                crate::value::format_float_v(re)
            ))));
        }
        if n.is_float && !is_hex_int && !is_rune && t.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(Rv::Val(Value::Float(n.float64)));
        }
        if n.is_int {
            return Ok(Rv::Val(Value::int(n.int64)));
        }
        if n.is_uint {
            return Err(self.error(format!("{t} overflows int")));
        }
        Ok(Rv::Invalid)
    }

    fn eval_field_node(
        &mut self,
        dot: &Rv,
        f: &'t FieldNode,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        self.at(NodeRef::Field(f));
        self.eval_field_chain(dot, dot.clone(), NodeRef::Field(f), &f.ident, args, fin)
    }

    fn eval_chain_node(
        &mut self,
        dot: &Rv,
        c: &'t ChainNode,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        self.at(NodeRef::Chain(c));
        if c.field.is_empty() {
            return Err(self.error("internal error: no fields in evalChainNode"));
        }
        if let Arg::Nil(_) = &*c.node {
            return Err(self.error(format!("indirection through explicit nil in {c}")));
        }
        let pipe = self.eval_arg_rv(dot, &c.node)?;
        self.eval_field_chain(dot, pipe, NodeRef::Chain(c), &c.field, args, fin)
    }

    fn eval_variable_node(
        &mut self,
        dot: &Rv,
        v: &'t VariableNode,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        self.at(NodeRef::Variable(v));
        let value = self.var_value(&v.ident[0])?;
        if v.ident.len() == 1 {
            if !args.is_empty() {
                self.not_a_function(args, &fin)?;
            } else if fin.is_some() {
                return Err(self.error(format!("can't give argument to non-function {v}")));
            }
            return Ok(value);
        }
        self.eval_field_chain(dot, value, NodeRef::Variable(v), &v.ident[1..], args, fin)
    }

    fn eval_field_chain(
        &mut self,
        dot: &Rv,
        mut receiver: Rv,
        node: NodeRef<'t>,
        ident: &'t [Arc<str>],
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        let n = ident.len();
        for id in &ident[..n - 1] {
            receiver = self.eval_field(dot, id, node, &[], None, receiver)?;
        }
        self.eval_field(dot, &ident[n - 1], node, args, fin, receiver)
    }

    fn eval_field(
        &mut self,
        dot: &Rv,
        name: &str,
        node: NodeRef<'t>,
        args: &'t [Arg],
        fin: Option<Rv>,
        receiver: Rv,
    ) -> R<Rv> {
        // The receiver's Go type, only needed for error messages.
        let iface = matches!(receiver, Rv::Iface(_));
        let typ = |v: &Value| {
            if iface {
                "interface {}".to_string()
            } else {
                v.type_name()
            }
        };
        let v = match receiver {
            Rv::Invalid => {
                if self.ex.opts.missing_key == MissingKey::Error {
                    return Err(self.error(format!(
                        "nil data; no entry for key {}",
                        crate::gofmt::quote(name)
                    )));
                }
                return Ok(Rv::Invalid);
            }
            Rv::Iface(Value::Nil) => {
                return Err(self.error(format!("nil pointer evaluating interface {{}}.{name}")));
            }
            Rv::Iface(v) | Rv::Val(v) => v,
        };
        let has_args = args.len() > 1 || fin.is_some();
        match &v {
            Value::Object(o) => match self.object_field(o.as_ref(), name) {
                Field::Method => {
                    let o = o.clone();
                    return self.eval_method(dot, &o, name, node, args, fin);
                }
                Field::Value(fv) => {
                    if has_args {
                        return Err(self.error(format!(
                            "{name} has arguments but cannot be invoked as function"
                        )));
                    }
                    return Ok(match fv {
                        Value::Nil => Rv::Iface(Value::Nil),
                        fv => Rv::Val(fv),
                    });
                }
                Field::Missing if o.kind() == Kind::Map => {
                    if has_args {
                        return Err(self.error(format!("{name} is not a method but has arguments")));
                    }
                    // A typed map: an entry is its concrete value, an absent key under
                    // `missingkey=zero` the element type's zero value.
                    if let Some(Elements::Map { entries, zero }) = o.elements() {
                        if let Some((_, x)) = entries.into_iter().find(|(k, _)| &**k == name) {
                            return Ok(Rv::Val(x));
                        }
                        if self.ex.opts.missing_key == MissingKey::Zero {
                            return Ok(Rv::Val(zero));
                        }
                    }
                    return self.missing_key(name);
                }
                Field::Missing => {}
            },
            Value::Map(m) => {
                // A named map type's methods come before its keys (`.Values.AsMap`).
                if let Some(method) = m.named_type().and_then(|t| (t.method)(m, name)) {
                    return self.eval_method(dot, &method, name, node, args, fin);
                }
                if has_args {
                    return Err(self.error(format!("{name} is not a method but has arguments")));
                }
                return match m.get(name) {
                    Some(x) => Ok(Rv::Iface(x)),
                    None => self.missing_key(name),
                };
            }
            // `time.Duration`, `time.Month` and `time.Weekday` have methods.
            Value::Int(n, k) => {
                if let Some(method) = crate::sprig::date::named_int_method(*n, *k, name) {
                    return self.eval_method(dot, &method, name, node, args, fin);
                }
            }
            _ => {}
        }
        Err(self.error(format!("can't evaluate field {name} in type {}", typ(&v))))
    }

    /// `o.field(name)`, without the methods of Go releases newer than the one followed.
    fn object_field(&self, o: &dyn crate::value::Object, name: &str) -> Field {
        match o.method_go_release(name) {
            Some(r) if !self.ex.opts.go.includes(r) => Field::Missing,
            _ => o.field(name),
        }
    }

    fn missing_key(&self, name: &str) -> R<Rv> {
        match self.ex.opts.missing_key {
            MissingKey::Invalid => Ok(Rv::Invalid),
            MissingKey::Zero => Ok(Rv::Iface(Value::Nil)),
            MissingKey::Error => Err(self.error(format!(
                "map has no entry for key {}",
                crate::gofmt::quote(name)
            ))),
        }
    }

    fn eval_method(
        &mut self,
        dot: &Rv,
        o: &Arc<dyn crate::value::Object>,
        name: &str,
        node: NodeRef<'t>,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        let params = o.method_params(name);
        let mut argv = Vec::with_capacity(args.len());
        if let Some(params) = params {
            let num_in = args.len().saturating_sub(1) + usize::from(fin.is_some());
            // Go reports a wrong count where evaluation last stood (the field, or the
            // last node of a chain's operand), not at the method.
            if num_in != params.len() {
                return Err(self.error(format!(
                    "wrong number of args for {name}: want {} got {num_in}",
                    params.len()
                )));
            }
        }
        if let Some(why) = o.method_signature_error(name) {
            return Err(self.error(why));
        }
        let param = |i: usize| PT::Go(params.and_then(|p| p.get(i).copied()).unwrap_or(Param::Any));
        for (i, a) in args.iter().skip(1).enumerate() {
            argv.push(self.eval_arg(dot, param(i), a)?);
        }
        if let Some(f) = fin {
            let t = param(argv.len());
            argv.push(self.validate_type(f, t)?);
        }
        self.step()?;
        match o.call(name, &argv) {
            Ok(v) => Ok(Rv::result(v)),
            Err(e) => {
                self.at(node);
                Err(self.error_with_cause(
                    format!("error calling {name}"),
                    Some(TemplateError::Message(e)),
                ))
            }
        }
    }

    fn eval_function(
        &mut self,
        dot: &Rv,
        id_arg: &'t Arg,
        id: &'t IdentifierNode,
        cmd: NodeRef<'t>,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        self.at(NodeRef::Arg(id_arg));
        let set = self.scope.set();
        let Some(kind) = set.funcs().get(id.func).copied() else {
            return Err(self.error(format!(
                "{} is not a defined function",
                crate::gofmt::quote(id.name)
            )));
        };
        self.eval_call(dot, kind, cmd, id.name, args, fin)
    }

    /// Go's `evalCall`: arity check, argument conversion, the call, error wrapping.
    fn eval_call(
        &mut self,
        dot: &Rv,
        kind: FuncKind,
        node: NodeRef<'t>,
        name: &str,
        args: &'t [Arg],
        fin: Option<Rv>,
    ) -> R<Rv> {
        let args = if args.is_empty() { args } else { &args[1..] };
        let sig = match kind {
            FuncKind::Builtin(b) => builtin_sig(b),
            FuncKind::Go(f) => Sig {
                fixed: Params::Go(f.params),
                variadic: f.variadic.map(PT::Go),
            },
            FuncKind::Helm(h) => super::helm::signature(h),
        };
        let num_in = args.len() + usize::from(fin.is_some());
        let num_fixed = sig.fixed.len();
        if sig.variadic.is_some() {
            if num_in < num_fixed {
                return Err(self.error(format!(
                    "wrong number of args for {name}: want at least {num_fixed} got {}",
                    args.len()
                )));
            }
        } else if num_in != num_fixed {
            return Err(self.error(format!(
                "wrong number of args for {name}: want {num_fixed} got {num_in}"
            )));
        }
        self.step()?;
        if let FuncKind::Builtin(b @ (Builtin::And | Builtin::Or)) = kind {
            let want = b == Builtin::Or;
            let mut v = Rv::Invalid;
            for a in args {
                v = self.eval_arg_rv(dot, a)?;
                if v.truth() == want {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = f;
            }
            return Ok(v);
        }
        // Evaluate the arguments: fixed ones, the variadic rest, then the piped value.
        let total = num_in;
        let mut rvs: Vec<Rv> = Vec::new();
        let mut vals: Vec<Value> = Vec::with_capacity(total);
        let uses_rv = sig.fixed.has_rv() || sig.variadic == Some(PT::Rv);
        let mut i = 0;
        while i < num_fixed && i < args.len() {
            let t = sig.fixed.get(i).unwrap_or(PT::Go(Param::Any));
            self.push_arg(dot, t, &args[i], uses_rv, &mut rvs, &mut vals)?;
            i += 1;
        }
        if let Some(vt) = sig.variadic {
            while i < args.len() {
                self.push_arg(dot, vt, &args[i], uses_rv, &mut rvs, &mut vals)?;
                i += 1;
            }
        }
        if let Some(f) = fin {
            let t = if sig.variadic.is_some() && total > num_fixed {
                sig.variadic.unwrap_or(PT::Go(Param::Any))
            } else {
                sig.fixed.get(total - 1).unwrap_or(PT::Go(Param::Any))
            };
            if uses_rv {
                rvs.push(f);
            } else {
                vals.push(self.validate_type(f, t)?);
            }
        }
        let result: Result<Rv, TemplateError> = match kind {
            FuncKind::Builtin(b) => {
                if uses_rv {
                    let callee = if b == Builtin::Call {
                        args.first().map(|a| a.to_string())
                    } else {
                        None
                    };
                    builtins::call_rv(b, rvs, callee, self.ex.opts.go)
                } else {
                    builtins::call_values(b, vals).map(Rv::Val)
                }
            }
            FuncKind::Go(f) => (f.call)(vals)
                .map(Rv::result)
                .map_err(TemplateError::Message),
            FuncKind::Helm(h) => return self.call_helm(h, node, name, vals),
        };
        match result {
            Ok(v) => Ok(v),
            Err(e) => {
                self.at(node);
                Err(self.error_with_cause(format!("error calling {name}"), Some(e)))
            }
        }
    }

    fn push_arg(
        &mut self,
        dot: &Rv,
        t: PT,
        a: &'t Arg,
        uses_rv: bool,
        rvs: &mut Vec<Rv>,
        vals: &mut Vec<Value>,
    ) -> R<()> {
        if uses_rv {
            rvs.push(self.eval_arg_rv(dot, a)?);
        } else {
            vals.push(self.eval_arg(dot, t, a)?);
        }
        Ok(())
    }

    /// Go's `validateType` for a Go-typed parameter.
    fn validate_type(&self, v: Rv, t: PT) -> R<Value> {
        let PT::Go(p) = t else {
            return Ok(v.into_value());
        };
        match v {
            Rv::Invalid => {
                if can_be_nil(t) {
                    Ok(Value::Nil)
                } else {
                    Err(self.error(format!("invalid value; expected {}", param_type_name(t))))
                }
            }
            Rv::Iface(Value::Nil) => {
                if p == Param::Any {
                    Ok(Value::Nil)
                } else {
                    Err(self.error(format!(
                        "wrong type for value; expected {}; got interface {{}}",
                        param_type_name(t)
                    )))
                }
            }
            Rv::Iface(v) | Rv::Val(v) => {
                let v = match &v {
                    Value::Object(o) => o.as_argument().unwrap_or(v),
                    _ => v,
                };
                if assignable(&v, p) {
                    Ok(coerce(v, p))
                } else {
                    Err(self.error(format!(
                        "wrong type for value; expected {}; got {}",
                        param_type_name(t),
                        v.type_name()
                    )))
                }
            }
        }
    }

    /// Go's `evalArg` for a `reflect.Value` parameter: the evaluation result as is.
    fn eval_arg_rv(&mut self, dot: &Rv, n: &'t Arg) -> R<Rv> {
        self.at(NodeRef::Arg(n));
        match n {
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Ok(Rv::Invalid),
            Arg::Field(f) => self.eval_field_node(dot, f, std::slice::from_ref(n), None),
            Arg::Variable(v) => self.eval_variable_node(dot, v, &[], None),
            Arg::Pipe(p) => {
                stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || self.eval_pipeline(dot, p))
            }
            Arg::Identifier(id) => self.eval_function(dot, n, id, NodeRef::Arg(n), &[], None),
            Arg::Chain(c) => self.eval_chain_node(dot, c, &[], None),
            Arg::Bool(_, b) => Ok(Rv::Val(Value::Bool(*b))),
            Arg::Number(num) => self.ideal_constant(n, num),
            Arg::String(s) => Ok(Rv::Val(s.value())),
        }
    }

    /// Go's `evalArg` for a Go-typed parameter.
    fn eval_arg(&mut self, dot: &Rv, t: PT, n: &'t Arg) -> R<Value> {
        self.at(NodeRef::Arg(n));
        match n {
            Arg::Dot(_)
            | Arg::Field(_)
            | Arg::Variable(_)
            | Arg::Pipe(_)
            | Arg::Identifier(_)
            | Arg::Chain(_) => {
                let v = self.eval_arg_rv(dot, n)?;
                return self.validate_type(v, t);
            }
            Arg::Nil(_) => {
                if can_be_nil(t) {
                    return Ok(Value::Nil);
                }
                return Err(self.error(format!("cannot assign nil to {}", param_type_name(t))));
            }
            _ => {}
        }
        let PT::Go(p) = t else {
            return Ok(self.eval_arg_rv(dot, n)?.into_value());
        };
        match (p, n) {
            (Param::Any, _) => Ok(self.eval_arg_rv(dot, n)?.into_value()),
            (Param::Bool, Arg::Bool(_, b)) => Ok(Value::Bool(*b)),
            (Param::Bool, _) => Err(self.error(format!("expected bool; found {n}"))),
            (Param::String, Arg::String(s)) => Ok(Value::String(s.text.clone())),
            (Param::BytesString, Arg::String(s)) => Ok(s.value()),
            (Param::String | Param::BytesString, _) => {
                Err(self.error(format!("expected string; found {n}")))
            }
            (Param::Int, Arg::Number(num)) if num.is_int => Ok(Value::int(num.int64)),
            (Param::Int64, Arg::Number(num)) if num.is_int => Ok(Value::int64(num.int64)),
            (Param::Duration, Arg::Number(num)) if num.is_int => {
                Ok(Value::Int(num.int64, crate::value::IntKind::Duration))
            }
            (Param::Int | Param::Int64 | Param::Duration, _) => {
                Err(self.error(format!("expected integer; found {n}")))
            }
            (Param::Float64, Arg::Number(num)) if num.is_float => Ok(Value::Float(num.float64)),
            (Param::Float64, _) => Err(self.error(format!("expected float; found {n}"))),
            // Go's `SetUint` keeps the low 32 bits.
            (Param::Uint32, Arg::Number(num)) if num.is_uint => {
                Ok(Value::int((num.uint64 as u32) as i64))
            }
            (Param::Uint32, _) => Err(self.error(format!("expected unsigned integer; found {n}"))),
            (Param::Struct(_), _) => Err(self.error(format!(
                "can't handle {n} for arg of type {}",
                param_type_name(t)
            ))),
            (Param::Map | Param::List | Param::StringList, _) => Err(self.error(format!(
                "can't handle {n} for arg of type {}",
                param_type_name(t)
            ))),
        }
    }
}

/// Calls one of Go's builtins (not `and`/`or`, which evaluate lazily) on evaluated
/// arguments, checking them as the executor does. For the Handlebars engine, which
/// evaluates arguments itself.
#[cfg(feature = "handlebars")]
pub(crate) fn call_builtin(b: Builtin, args: Vec<Rv>) -> Result<Rv, TemplateError> {
    let sig = builtin_sig(b);
    let fixed = sig.fixed.len();
    let ok = match sig.variadic {
        Some(_) => args.len() >= fixed,
        None => args.len() == fixed,
    };
    if !ok {
        let name = BUILTIN_NAMES
            .iter()
            .find(|(_, x)| *x == b)
            .map(|(n, _)| *n)
            .unwrap_or("builtin");
        return Err(TemplateError::Message(match sig.variadic {
            Some(_) => format!(
                "wrong number of args for {name}: want at least {fixed} got {}",
                args.len()
            ),
            None => format!(
                "wrong number of args for {name}: want {fixed} got {}",
                args.len()
            ),
        }));
    }
    if sig.fixed.has_rv() || sig.variadic == Some(PT::Rv) {
        return builtins::call_rv(b, args, None, Default::default());
    }
    let mut vals = Vec::with_capacity(args.len());
    for (i, a) in args.into_iter().enumerate() {
        let t = sig
            .fixed
            .get(i)
            .or(sig.variadic)
            .unwrap_or(PT::Go(Param::Any));
        let PT::Go(p) = t else {
            vals.push(a.into_value());
            continue;
        };
        match a {
            Rv::Invalid if can_be_nil(t) => vals.push(Value::Nil),
            Rv::Invalid => {
                return Err(TemplateError::Message(format!(
                    "invalid value; expected {}",
                    param_type_name(t)
                )))
            }
            Rv::Iface(Value::Nil) if p == Param::Any => vals.push(Value::Nil),
            Rv::Iface(v) | Rv::Val(v) if assignable(&v, p) => vals.push(coerce(v, p)),
            other => {
                return Err(TemplateError::Message(format!(
                    "wrong type for value; expected {}; got {}",
                    param_type_name(t),
                    other.type_name()
                )))
            }
        }
    }
    builtins::call_values(b, vals).map(Rv::Val)
}

#[cfg(feature = "handlebars")]
const BUILTIN_NAMES: &[(&str, Builtin)] = &[
    ("not", Builtin::Not),
    ("len", Builtin::Len),
    ("index", Builtin::Index),
    ("slice", Builtin::Slice),
    ("call", Builtin::Call),
    ("eq", Builtin::Eq),
    ("ne", Builtin::Ne),
    ("lt", Builtin::Lt),
    ("le", Builtin::Le),
    ("gt", Builtin::Gt),
    ("ge", Builtin::Ge),
    ("print", Builtin::Print),
    ("printf", Builtin::Printf),
    ("println", Builtin::Println),
    ("html", Builtin::Html),
    ("js", Builtin::Js),
    ("urlquery", Builtin::UrlQuery),
];
