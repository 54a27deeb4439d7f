//! The parse tree: Go's `text/template/parse` nodes, immutable once built.
//!
//! Every node keeps its byte offset into the source (`pos`) because Go's execution errors
//! print `file:line:col` computed from it, and every node prints its source form
//! (`Display`, Go's `Node.String()`) because errors quote it as `at <...>`.

use std::fmt::{self, Display, Write};
use std::sync::Arc;

use crate::gofmt::quote;

/// Byte offset into the template text.
pub type Pos = u32;

/// Index of a function in the [`FuncTable`](crate::engine::FuncTable) the tree was parsed with.
pub type FuncId = u32;

/// One parsed template: a file's top level, or a `define`/`block` body.
#[derive(Debug)]
pub struct Tree {
    /// The template's name (`define "name"`, or the file name for the top level).
    pub name: Arc<str>,
    /// The name of the file it was parsed from (Go's `ParseName`), used in error locations.
    pub parse_name: Arc<str>,
    /// The whole source text of that file: positions index into it.
    pub text: Arc<str>,
    pub root: ListNode,
}

impl Tree {
    /// Go's `parse.IsEmptyTree`: nothing but whitespace text and comments. An empty
    /// definition does not replace an existing one of the same name.
    pub fn is_empty(&self) -> bool {
        self.root.is_empty_tree()
    }

    /// 1-based line and 0-based byte column of `pos`, as Go's `ErrorContext` computes them.
    pub fn line_col(&self, pos: Pos) -> (usize, usize) {
        let pos = pos as usize;
        let before = self.text.get(..pos.min(self.text.len())).unwrap_or("");
        let line = 1 + before.matches('\n').count();
        let col = match before.rfind('\n') {
            Some(nl) => pos - (nl + 1),
            None => pos,
        };
        (line, col)
    }
}

// Trees live as long as the chart, so their lists are exact-size boxed slices (no
// spare capacity, 16 bytes a header) and positions are 32-bit.

#[derive(Debug)]
pub struct ListNode {
    pub pos: Pos,
    pub nodes: Box<[Node]>,
}

impl ListNode {
    fn is_empty_tree(&self) -> bool {
        self.nodes.iter().all(|n| match n {
            Node::Text(t) => t
                .text()
                .trim_matches(|c: char| c.is_whitespace())
                .is_empty(),
            Node::Comment(_) => true,
            _ => false,
        })
    }
}

/// A statement-level node. The rare large kinds are boxed: most nodes are text and
/// actions, and every node of a list is as large as the largest kind.
#[derive(Debug)]
pub enum Node {
    Text(TextNode),
    Comment(Pos),
    Action(ActionNode),
    If(Box<BranchNode>),
    Range(Box<BranchNode>),
    With(Box<BranchNode>),
    Template(Box<TemplateNode>),
    Break(Pos),
    Continue(Pos),
}

impl Node {
    pub fn pos(&self) -> Pos {
        match self {
            Node::Text(t) => t.pos,
            Node::Comment(p) | Node::Break(p) | Node::Continue(p) => *p,
            Node::Action(a) => a.pos,
            Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
            Node::Template(t) => t.pos,
        }
    }
}

/// Text between actions: a span of the file's source, which it shares rather than
/// copies (templates are mostly text).
#[derive(Debug)]
pub struct TextNode {
    pub pos: Pos,
    source: Arc<str>,
    start: u32,
    end: u32,
}

impl TextNode {
    /// The node for `source[start..end]`; `None` when the span is not within `source`
    /// on character boundaries, or does not fit the compact form.
    pub fn new(pos: Pos, source: &Arc<str>, start: usize, end: usize) -> Option<TextNode> {
        source.get(start..end)?;
        Some(TextNode {
            pos,
            source: source.clone(),
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
        })
    }

    pub fn text(&self) -> &str {
        self.source
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

#[derive(Debug)]
pub struct ActionNode {
    pub pos: Pos,
    pub pipe: PipeNode,
}

/// `if`, `range` and `with`.
#[derive(Debug)]
pub struct BranchNode {
    pub pos: Pos,
    pub pipe: PipeNode,
    pub list: ListNode,
    pub else_list: Option<ListNode>,
}

#[derive(Debug)]
pub struct TemplateNode {
    pub pos: Pos,
    pub name: Arc<str>,
    pub pipe: Option<PipeNode>,
}

/// A pipeline with optional variable declarations: `$x := a | b c`.
#[derive(Debug)]
pub struct PipeNode {
    pub pos: Pos,
    pub is_assign: bool,
    pub decl: Box<[VariableNode]>,
    pub cmds: Box<[CommandNode]>,
}

/// A command: an operand followed by arguments (`printf "%d" 3`).
#[derive(Debug)]
pub struct CommandNode {
    pub pos: Pos,
    pub args: Box<[Arg]>,
}

/// An operand.
#[derive(Debug)]
pub enum Arg {
    Field(FieldNode),
    Variable(VariableNode),
    Chain(ChainNode),
    Identifier(IdentifierNode),
    Pipe(Box<PipeNode>),
    Dot(Pos),
    Nil(Pos),
    Bool(Pos, bool),
    Number(Box<NumberNode>),
    String(StringNode),
}

impl Arg {
    pub fn pos(&self) -> Pos {
        match self {
            Arg::Field(f) => f.pos,
            Arg::Variable(v) => v.pos,
            Arg::Chain(c) => c.pos,
            Arg::Identifier(i) => i.pos,
            Arg::Pipe(p) => p.pos,
            Arg::Dot(p) | Arg::Nil(p) | Arg::Bool(p, _) => *p,
            Arg::Number(n) => n.pos,
            Arg::String(s) => s.pos,
        }
    }
}

/// `.A.B.C`.
#[derive(Debug)]
pub struct FieldNode {
    pub pos: Pos,
    pub ident: Box<[Arc<str>]>,
}

/// `$x.A.B`: `ident[0]` is the variable's name with its `$`.
#[derive(Debug)]
pub struct VariableNode {
    pub pos: Pos,
    pub ident: Box<[Arc<str>]>,
}

/// `(pipe).A.B` or `fn.A`: fields on a term that is not a field or variable.
#[derive(Debug)]
pub struct ChainNode {
    pub pos: Pos,
    pub node: Box<Arg>,
    pub field: Box<[Arc<str>]>,
}

/// A function name, resolved to the function table at parse time.
#[derive(Debug)]
pub struct IdentifierNode {
    pub pos: Pos,
    /// The function table's own copy of the name.
    pub name: &'static str,
    pub func: FuncId,
}

/// A number literal with every interpretation Go's parser derives from its text.
#[derive(Debug)]
pub struct NumberNode {
    pub pos: Pos,
    pub text: String,
    pub is_int: bool,
    pub is_uint: bool,
    pub is_float: bool,
    pub is_complex: bool,
    pub int64: i64,
    pub uint64: u64,
    pub float64: f64,
    /// (real, imaginary) when `is_complex`.
    pub complex: (f64, f64),
}

#[derive(Debug)]
pub struct StringNode {
    pub pos: Pos,
    /// Written as `` `text` `` (a raw literal holding no carriage return).
    pub raw: bool,
    pub text: Arc<str>,
    /// What a literal written otherwise than `"text"` or `` `text` `` keeps besides its
    /// value.
    pub written: Option<Box<WrittenLiteral>>,
}

/// The source form of a string literal that is not its text in quotes (escapes, or a
/// raw literal whose carriage returns unquoting dropped).
#[derive(Debug)]
pub struct WrittenLiteral {
    /// The literal as written, quotes included.
    pub quoted: Arc<str>,
    /// The literal's bytes when `\x` or octal escapes make it invalid UTF-8 (`text` then
    /// holds U+FFFD for each such byte).
    pub bytes: Option<crate::value::Bytes>,
}

impl StringNode {
    /// The literal's Go string value.
    pub fn value(&self) -> crate::value::Value {
        match self.written.as_deref() {
            Some(WrittenLiteral { bytes: Some(b), .. }) => crate::value::Value::Bytes(b.clone()),
            _ => crate::value::Value::String(self.text.clone()),
        }
    }
}

impl Display for StringNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.written {
            Some(w) => f.write_str(&w.quoted),
            None if self.raw => write!(f, "`{}`", self.text),
            None => write!(f, "\"{}\"", self.text),
        }
    }
}

fn write_idents(f: &mut fmt::Formatter<'_>, ident: &[Arc<str>], lead_dot: bool) -> fmt::Result {
    for (i, id) in ident.iter().enumerate() {
        if i > 0 || lead_dot {
            f.write_char('.')?;
        }
        f.write_str(id)?;
    }
    Ok(())
}

impl Display for FieldNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_idents(f, &self.ident, true)
    }
}

impl Display for VariableNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_idents(f, &self.ident, false)
    }
}

impl Display for ChainNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Arg::Pipe(p) = &*self.node {
            write!(f, "({p})")?;
        } else {
            write!(f, "{}", self.node)?;
        }
        for field in &self.field {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}

impl Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field(n) => n.fmt(f),
            Arg::Variable(n) => n.fmt(f),
            Arg::Chain(n) => n.fmt(f),
            Arg::Identifier(n) => f.write_str(n.name),
            Arg::Pipe(p) => p.fmt(f),
            Arg::Dot(_) => f.write_str("."),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Bool(_, b) => f.write_str(if *b { "true" } else { "false" }),
            Arg::Number(n) => f.write_str(&n.text),
            Arg::String(s) => s.fmt(f),
        }
    }
}

impl Display for CommandNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            if let Arg::Pipe(p) = arg {
                write!(f, "({p})")?;
            } else {
                arg.fmt(f)?;
            }
        }
        Ok(())
    }
}

impl Display for PipeNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                v.fmt(f)?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            c.fmt(f)?;
        }
        Ok(())
    }
}

impl Display for ListNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in &self.nodes {
            n.fmt(f)?;
        }
        Ok(())
    }
}

fn write_branch(f: &mut fmt::Formatter<'_>, name: &str, b: &BranchNode) -> fmt::Result {
    write!(f, "{{{{{name} {}}}}}{}", b.pipe, b.list)?;
    if let Some(e) = &b.else_list {
        write!(f, "{{{{else}}}}{e}")?;
    }
    f.write_str("{{end}}")
}

impl Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text(t) => f.write_str(t.text()),
            Node::Comment(_) => f.write_str("{{/* */}}"),
            Node::Action(a) => write!(f, "{{{{{}}}}}", a.pipe),
            Node::If(b) => write_branch(f, "if", b),
            Node::Range(b) => write_branch(f, "range", b),
            Node::With(b) => write_branch(f, "with", b),
            Node::Template(t) => match &t.pipe {
                Some(p) => write!(f, "{{{{template {} {p}}}}}", quote(&t.name)),
                None => write!(f, "{{{{template {}}}}}", quote(&t.name)),
            },
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}

/// Any node an error can point at (Go's `state.node`).
#[derive(Clone, Copy, Debug)]
pub enum NodeRef<'a> {
    Node(&'a Node),
    List(&'a ListNode),
    Pipe(&'a PipeNode),
    Command(&'a CommandNode),
    Arg(&'a Arg),
    Field(&'a FieldNode),
    Variable(&'a VariableNode),
    Chain(&'a ChainNode),
}

impl NodeRef<'_> {
    pub fn pos(&self) -> Pos {
        match self {
            NodeRef::Node(n) => n.pos(),
            NodeRef::List(l) => l.pos,
            NodeRef::Pipe(p) => p.pos,
            NodeRef::Command(c) => c.pos,
            NodeRef::Arg(a) => a.pos(),
            NodeRef::Field(n) => n.pos,
            NodeRef::Variable(n) => n.pos,
            NodeRef::Chain(n) => n.pos,
        }
    }
}

impl Display for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeRef::Node(n) => n.fmt(f),
            NodeRef::List(l) => l.fmt(f),
            NodeRef::Pipe(p) => p.fmt(f),
            NodeRef::Command(c) => c.fmt(f),
            NodeRef::Arg(a) => a.fmt(f),
            NodeRef::Field(n) => n.fmt(f),
            NodeRef::Variable(n) => n.fmt(f),
            NodeRef::Chain(n) => n.fmt(f),
        }
    }
}

// Deeply nested templates build deeply nested trees; dropping them recursively could
// overflow the stack, so the recursive drops run on a stack that grows on demand.
impl Drop for ListNode {
    fn drop(&mut self) {
        if self
            .nodes
            .iter()
            .any(|n| !matches!(n, Node::Text(_) | Node::Comment(_)))
        {
            let nodes = std::mem::take(&mut self.nodes);
            stacker::maybe_grow(64 * 1024, 1024 * 1024, move || drop(nodes));
        }
    }
}

impl Drop for PipeNode {
    fn drop(&mut self) {
        let cmds = std::mem::take(&mut self.cmds);
        stacker::maybe_grow(64 * 1024, 1024 * 1024, move || drop(cmds));
    }
}
