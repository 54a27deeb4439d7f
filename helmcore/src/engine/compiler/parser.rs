//! Go's text/template parser: the same grammar, the same checks, the same error texts
//! and line numbers (`template: NAME:LINE: MSG`).

use std::sync::Arc;

use super::ast::*;
use super::lexer::{lex, Item, Tok};
use super::number::{parse_float, parse_int, parse_uint};
use crate::engine::funcs::FuncTable;
use crate::gofmt::{quote, unquote, unquote_char};
use crate::hash::HashMap;

/// Go's limit on nested parenthesized pipelines.
const MAX_PAREN_DEPTH: usize = 10000;
/// Go's limit on commands in one pipeline.
const MAX_PIPELINE_CMDS: usize = 100000;

/// A template that failed to parse: `template: NAME:LINE: MSG`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("template: {name}:{line}: {msg}")]
pub struct ParseError {
    /// The file (Go's `ParseName`).
    pub name: String,
    pub line: usize,
    pub msg: String,
    /// Line breaks inside `{{/* */}}` comments before the error's token. Go 1.23's lexer
    /// does not count them, so its parse errors name line `line - comment_breaks`
    /// (Go 1.24 fixed this); see [`ParseError::for_go`].
    pub comment_breaks: usize,
}

impl ParseError {
    /// The error as the given Go release's parser reports it.
    ///
    /// ```
    /// use helmcore::engine::{compiler::parse, FuncTable, GoRelease};
    /// let e = parse("t", "{{/*\n\n*/}}\n{{ end }}", &FuncTable::builtins()).unwrap_err();
    /// assert_eq!(e.to_string(), "template: t:4: unexpected {{end}}");
    /// assert_eq!(e.for_go(GoRelease::Go1_23).to_string(), "template: t:2: unexpected {{end}}");
    /// ```
    pub fn for_go(mut self, go: crate::engine::GoRelease) -> ParseError {
        if go == crate::engine::GoRelease::Go1_23 {
            self.line -= self.comment_breaks.min(self.line - 1);
        }
        self.comment_breaks = 0;
        self
    }
}

type PResult<T> = Result<T, ParseError>;

/// Parses `text` as the template `name`. Returns the top-level tree and every `define`d
/// or `block` tree, in source order.
pub fn parse(name: &str, text: &str, funcs: &FuncTable) -> PResult<Vec<Tree>> {
    parse_shared(name, Arc::from(text), funcs)
}

/// [`parse`] of text the caller already holds shared (a chart file): the trees' text
/// nodes are spans of it, so it is not copied.
///
/// ```
/// use std::sync::Arc;
/// use helmcore::engine::{compiler::parse_shared, FuncTable};
/// let text: Arc<str> = Arc::from(r#"{{ define "x" }}hi{{ end }}{{ template "x" }}"#);
/// let trees = parse_shared("t.yaml", text, &FuncTable::builtins()).unwrap();
/// let names: Vec<&str> = trees.iter().map(|t| &*t.name).collect();
/// assert_eq!(names, ["x", "t.yaml"]);
/// ```
pub fn parse_shared(name: &str, text: Arc<str>, funcs: &FuncTable) -> PResult<Vec<Tree>> {
    // Positions are 32-bit (trees stay small); Go has no such limit but no chart is near it.
    if Pos::try_from(text.len()).is_err() {
        return Err(ParseError {
            name: name.to_string(),
            line: 1,
            msg: "template too large".to_string(),
            comment_breaks: 0,
        });
    }
    let lexed = lex(&text);
    let name: Arc<str> = Arc::from(name);
    let mut p = Parser {
        toks: lexed.items,
        lex_error: lexed.error,
        comment_breaks: lexed.comment_breaks,
        idx: 0,
        max_read: 0,
        text: text.clone(),
        parse_name: name.clone(),
        funcs,
        vars: vec!["$".into()],
        action_pos: None,
        range_depth: 0,
        paren_depth: 0,
        set: Vec::new(),
        set_index: HashMap::default(),
        idents: HashMap::default(),
        node_stack: Vec::new(),
        cmd_stack: Vec::new(),
        arg_stack: Vec::new(),
        field_stack: Vec::new(),
    };
    let root = p.parse_top()?;
    p.add(Tree {
        name: name.clone(),
        parse_name: name,
        text: text.clone(),
        root,
    })?;
    Ok(p.set)
}

struct Parser<'f, 'a> {
    toks: Vec<Item<'a>>,
    /// The message of the error token ending `toks`, if one does.
    lex_error: String,
    /// The lexer's [`Lexed::comment_breaks`](super::lexer::Lexed::comment_breaks).
    comment_breaks: Vec<(usize, usize)>,
    idx: usize,
    /// Index of the furthest token read: Go reports errors at that token's line.
    max_read: usize,
    text: Arc<str>,
    parse_name: Arc<str>,
    funcs: &'f FuncTable,
    vars: Vec<String>,
    /// Where the action being parsed started (its line is needed only for errors).
    action_pos: Option<Pos>,
    range_depth: usize,
    paren_depth: usize,
    set: Vec<Tree>,
    set_index: HashMap<Arc<str>, usize>,
    /// One shared copy of each field and variable name: a chart says `Values` and
    /// `Release` thousands of times.
    idents: HashMap<&'a str, Arc<str>>,
    /// Lists under construction, innermost last: each list is moved out into an
    /// exact-size slice when it ends, so building a tree allocates each list once.
    node_stack: Vec<Node>,
    cmd_stack: Vec<CommandNode>,
    arg_stack: Vec<Arg>,
    field_stack: Vec<Arc<str>>,
}

/// What ended an item list.
enum End {
    End,
    Else(Pos),
}

impl<'a> Parser<'_, 'a> {
    fn tok(&self, i: usize) -> &Item<'a> {
        // The stream always ends with Eof or Error, and the parser never reads past it.
        &self.toks[i.min(self.toks.len() - 1)]
    }

    fn next(&mut self) -> Item<'a> {
        let t = *self.tok(self.idx);
        self.max_read = self.max_read.max(self.idx);
        if self.idx < self.toks.len() - 1 {
            self.idx += 1;
        } else {
            // Re-reading the final token: keep it available for further peeks.
            self.idx = self.toks.len();
        }
        t
    }

    fn backup(&mut self) {
        self.idx = self.idx.saturating_sub(1);
    }

    fn peek(&mut self) -> Item<'a> {
        let t = self.next();
        self.backup();
        t
    }

    fn next_non_space(&mut self) -> Item<'a> {
        loop {
            let t = self.next();
            if t.typ != Tok::Space {
                return t;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item<'a> {
        let t = self.next_non_space();
        self.backup();
        t
    }

    fn line_of(&self, pos: Pos) -> usize {
        let pos = pos as usize;
        1 + self
            .text
            .get(..pos.min(self.text.len()))
            .unwrap_or("")
            .matches('\n')
            .count()
    }

    fn errorf<T>(&self, msg: impl Into<String>) -> PResult<T> {
        let pos = self.tok(self.max_read).pos;
        let line = self.line_of(pos);
        let comment_breaks = self
            .comment_breaks
            .iter()
            .take_while(|&&(end, _)| end <= pos as usize)
            .map(|&(_, n)| n)
            .sum();
        Err(ParseError {
            name: self.parse_name.to_string(),
            line,
            msg: msg.into(),
            comment_breaks,
        })
    }

    fn unexpected<T>(&self, tok: &Item, context: &str) -> PResult<T> {
        if tok.typ == Tok::Error {
            let mut extra = String::new();
            let tok_line = self.line_of(tok.pos);
            let action_line = self.action_pos.map_or(0, |p| self.line_of(p));
            if action_line != 0 && action_line != tok_line {
                extra = format!(" in action started at {}:{}", self.parse_name, action_line);
                if self.lex_error.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{}{extra}", self.lex_error));
        }
        self.errorf(format!("unexpected {tok} in {context}"))
    }

    fn expect(&mut self, typ: Tok, context: &str) -> PResult<Item<'a>> {
        let t = self.next_non_space();
        if t.typ != typ {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    /// Go's `Tree.add` for this parse: a second non-empty definition is an error.
    fn add(&mut self, tree: Tree) -> PResult<()> {
        match self.set_index.get(&tree.name) {
            Some(&i) if !self.set[i].is_empty() => {
                if !tree.is_empty() {
                    return self.errorf(format!(
                        "template: multiple definition of template {}",
                        quote(&tree.name)
                    ));
                }
                Ok(())
            }
            Some(&i) => {
                self.set[i] = tree;
                Ok(())
            }
            None => {
                self.set_index.insert(tree.name.clone(), self.set.len());
                self.set.push(tree);
                Ok(())
            }
        }
    }

    fn parse_top(&mut self) -> PResult<ListNode> {
        let pos = self.peek().pos;
        let start = self.node_stack.len();
        while self.peek().typ != Tok::Eof {
            if self.peek().typ == Tok::LeftDelim {
                let mark = self.idx;
                self.next();
                if self.next_non_space().typ == Tok::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.idx = mark;
            }
            match self.text_or_action()? {
                Parsed::Node(n) => self.node_stack.push(n),
                Parsed::End => return self.errorf("unexpected {{end}}"),
                Parsed::Else(_) => return self.errorf("unexpected {{else}}"),
            }
        }
        Ok(ListNode {
            pos,
            nodes: self.node_stack.drain(start..).collect(),
        })
    }

    fn new_tree_scope(&mut self) -> (Vec<String>, usize, usize) {
        let saved = (
            std::mem::replace(&mut self.vars, vec!["$".into()]),
            self.range_depth,
            self.paren_depth,
        );
        self.range_depth = 0;
        self.paren_depth = 0;
        saved
    }

    fn restore_tree_scope(&mut self, saved: (Vec<String>, usize, usize)) {
        self.vars = saved.0;
        self.range_depth = saved.1;
        self.paren_depth = saved.2;
    }

    fn parse_definition(&mut self) -> PResult<()> {
        const CONTEXT: &str = "define clause";
        let saved = self.new_tree_scope();
        let name_tok = self.next_non_space();
        if name_tok.typ != Tok::String && name_tok.typ != Tok::RawString {
            return self.unexpected(&name_tok, CONTEXT);
        }
        let name = match unquote(name_tok.val) {
            Ok(s) => s,
            Err(e) => return self.errorf(e),
        };
        self.expect(Tok::RightDelim, CONTEXT)?;
        let (root, end) = self.item_list()?;
        if let End::Else(_) = end {
            return self.errorf(format!("unexpected {{{{else}}}} in {CONTEXT}"));
        }
        let tree = Tree {
            name: name.into(),
            parse_name: self.parse_name.clone(),
            text: self.text.clone(),
            root,
        };
        self.add(tree)?;
        self.restore_tree_scope(saved);
        Ok(())
    }

    fn item_list(&mut self) -> PResult<(ListNode, End)> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let pos = self.peek_non_space().pos;
            let start = self.node_stack.len();
            while self.peek_non_space().typ != Tok::Eof {
                let end = match self.text_or_action()? {
                    Parsed::Node(n) => {
                        self.node_stack.push(n);
                        continue;
                    }
                    Parsed::End => End::End,
                    Parsed::Else(p) => End::Else(p),
                };
                let nodes = self.node_stack.drain(start..).collect();
                return Ok((ListNode { pos, nodes }, end));
            }
            self.errorf("unexpected EOF")
        })
    }

    fn text_or_action(&mut self) -> PResult<Parsed> {
        let t = self.next_non_space();
        match t.typ {
            Tok::Text => {
                // Text tokens are spans of the source the lexer read.
                let start = (t.val.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
                match TextNode::new(t.pos, &self.text, start, start + t.val.len()) {
                    Some(n) => Ok(Parsed::Node(Node::Text(n))),
                    None => self.errorf("template too large"),
                }
            }
            Tok::LeftDelim => {
                self.action_pos = Some(t.pos);
                let r = self.action();
                self.action_pos = None;
                r
            }
            _ => self.unexpected(&t, "input"),
        }
    }

    fn action(&mut self) -> PResult<Parsed> {
        let t = self.next_non_space();
        match t.typ {
            Tok::Block => return self.block_control().map(Parsed::Node),
            Tok::Break => return self.break_control(t.pos, true).map(Parsed::Node),
            Tok::Continue => return self.break_control(t.pos, false).map(Parsed::Node),
            Tok::Else => return self.else_control(),
            Tok::End => {
                self.expect(Tok::RightDelim, "end")?;
                return Ok(Parsed::End);
            }
            Tok::If => return self.branch("if").map(Parsed::Node),
            Tok::Range => return self.branch("range").map(Parsed::Node),
            Tok::Template => return self.template_control().map(Parsed::Node),
            Tok::With => return self.branch("with").map(Parsed::Node),
            _ => {}
        }
        self.backup();
        let pos = self.peek().pos;
        let pipe = self.pipeline("command", Tok::RightDelim)?;
        Ok(Parsed::Node(Node::Action(ActionNode { pos, pipe })))
    }

    fn break_control(&mut self, pos: Pos, is_break: bool) -> PResult<Node> {
        let word = if is_break {
            "{{break}}"
        } else {
            "{{continue}}"
        };
        let t = self.next_non_space();
        if t.typ != Tok::RightDelim {
            return self.unexpected(&t, word);
        }
        if self.range_depth == 0 {
            return self.errorf(format!("{word} outside {{{{range}}}}"));
        }
        Ok(if is_break {
            Node::Break(pos)
        } else {
            Node::Continue(pos)
        })
    }

    fn else_control(&mut self) -> PResult<Parsed> {
        let peek = self.peek_non_space();
        if peek.typ == Tok::If || peek.typ == Tok::With {
            return Ok(Parsed::Else(peek.pos));
        }
        let t = self.expect(Tok::RightDelim, "else")?;
        Ok(Parsed::Else(t.pos))
    }

    fn branch(&mut self, context: &'static str) -> PResult<Node> {
        let nvars = self.vars.len();
        let pipe = self.pipeline(context, Tok::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let (list, end) = self.item_list()?;
        if context == "range" {
            self.range_depth -= 1;
        }
        let mut else_list = None;
        if let End::Else(else_pos) = end {
            let next = self.peek().typ;
            if context == "if" && next == Tok::If {
                self.next();
                let inner = self.branch("if")?;
                else_list = Some(ListNode {
                    pos: else_pos,
                    nodes: Box::new([inner]),
                });
            } else if context == "with" && next == Tok::With {
                self.next();
                let inner = self.branch("with")?;
                else_list = Some(ListNode {
                    pos: else_pos,
                    nodes: Box::new([inner]),
                });
            } else {
                let (l, end2) = self.item_list()?;
                if let End::Else(_) = end2 {
                    return self.errorf("expected end; found {{else}}");
                }
                else_list = Some(l);
            }
        }
        self.vars.truncate(nvars);
        let b = BranchNode {
            pos: pipe.pos,
            pipe,
            list,
            else_list,
        };
        Ok(match context {
            "if" => Node::If(Box::new(b)),
            "range" => Node::Range(Box::new(b)),
            _ => Node::With(Box::new(b)),
        })
    }

    fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let t = self.next_non_space();
        let name = self.template_name(&t, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, Tok::RightDelim)?;
        let saved = self.new_tree_scope();
        let (root, end) = self.item_list()?;
        if let End::Else(_) = end {
            return self.errorf(format!("unexpected {{{{else}}}} in {CONTEXT}"));
        }
        let name: Arc<str> = name.into();
        let tree = Tree {
            name: name.clone(),
            parse_name: self.parse_name.clone(),
            text: self.text.clone(),
            root,
        };
        self.add(tree)?;
        self.restore_tree_scope(saved);
        Ok(Node::Template(Box::new(TemplateNode {
            pos: t.pos,
            name,
            pipe: Some(pipe),
        })))
    }

    fn template_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "template clause";
        let t = self.next_non_space();
        let name = self.template_name(&t, CONTEXT)?;
        let mut pipe = None;
        if self.next_non_space().typ != Tok::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(CONTEXT, Tok::RightDelim)?);
        }
        Ok(Node::Template(Box::new(TemplateNode {
            pos: t.pos,
            name: name.into(),
            pipe,
        })))
    }

    fn template_name(&self, t: &Item, context: &str) -> PResult<String> {
        match t.typ {
            Tok::String | Tok::RawString => match unquote(t.val) {
                Ok(s) => Ok(s),
                Err(e) => self.errorf(e),
            },
            _ => self.unexpected(t, context),
        }
    }

    fn pipeline(&mut self, context: &str, end: Tok) -> PResult<PipeNode> {
        let pos = self.peek_non_space().pos;
        let mut is_assign = false;
        let mut decl: Vec<VariableNode> = Vec::new();
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ != Tok::Variable {
                break;
            }
            let mark = self.idx;
            self.next_non_space();
            let next = self.peek_non_space();
            match next.typ {
                Tok::Assign | Tok::Declare => {
                    is_assign = next.typ == Tok::Assign;
                    self.next_non_space();
                    decl.push(self.new_variable(v.pos, v.val));
                    self.vars.push(v.val.to_string());
                    break;
                }
                Tok::Char if next.val == "," => {
                    self.next_non_space();
                    decl.push(self.new_variable(v.pos, v.val));
                    self.vars.push(v.val.to_string());
                    if context == "range" && decl.len() < 2 {
                        match self.peek_non_space().typ {
                            Tok::Variable | Tok::RightDelim | Tok::RightParen => continue 'decls,
                            _ => return self.errorf("range can only initialize variables"),
                        }
                    }
                    return self.errorf(format!("too many declarations in {context}"));
                }
                _ => {
                    self.idx = mark;
                    break;
                }
            }
        }
        let start = self.cmd_stack.len();
        loop {
            let t = self.next_non_space();
            match t.typ {
                x if x == end => {
                    self.check_pipeline(&self.cmd_stack[start..], context)?;
                    return Ok(PipeNode {
                        pos,
                        is_assign,
                        decl: decl.into_boxed_slice(),
                        cmds: self.cmd_stack.drain(start..).collect(),
                    });
                }
                Tok::Bool
                | Tok::CharConstant
                | Tok::Complex
                | Tok::Dot
                | Tok::Field
                | Tok::Identifier
                | Tok::Number
                | Tok::Nil
                | Tok::RawString
                | Tok::String
                | Tok::Variable
                | Tok::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    self.cmd_stack.push(cmd);
                    if self.cmd_stack.len() - start > MAX_PIPELINE_CMDS {
                        return self.errorf("pipeline too long");
                    }
                }
                _ => return self.unexpected(&t, context),
            }
        }
    }

    fn check_pipeline(&self, cmds: &[CommandNode], context: &str) -> PResult<()> {
        if cmds.is_empty() {
            return self.errorf(format!("missing value for {context}"));
        }
        for (i, c) in cmds.iter().enumerate().skip(1) {
            if let Some(
                Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(_) | Arg::String(_),
            ) = c.args.first()
            {
                return self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                ));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> PResult<CommandNode> {
        let pos = self.peek_non_space().pos;
        let start = self.arg_stack.len();
        loop {
            self.peek_non_space();
            self.operand()?;
            let t = self.next();
            match t.typ {
                Tok::Space => continue,
                Tok::RightDelim | Tok::RightParen => self.backup(),
                Tok::Pipe => {}
                _ => return self.unexpected(&t, "operand"),
            }
            break;
        }
        if self.arg_stack.len() == start {
            return self.errorf("empty command");
        }
        Ok(CommandNode {
            pos,
            args: self.arg_stack.drain(start..).collect(),
        })
    }

    /// Pushes the next operand, if there is one, onto `arg_stack`. Operands are built
    /// in place there rather than returned: moving an `Arg` out through nested
    /// `Result<Option<_>>`s was a fifth of the parser's time (partial stores read back
    /// whole stall the CPU).
    fn operand(&mut self) -> PResult<bool> {
        if !self.term()? {
            return Ok(false);
        }
        if self.peek().typ != Tok::Field {
            return Ok(true);
        }
        let Some(node) = self.arg_stack.pop() else {
            return Ok(false);
        };
        let chain_pos = self.peek().pos;
        let start = self.field_stack.len();
        while self.peek().typ == Tok::Field {
            let f = self.next();
            let id = self.intern(f.val.get(1..).unwrap_or(""));
            self.field_stack.push(id);
        }
        let chained = match node {
            Arg::Field(mut f) => {
                f.ident = self.extended(f.ident, start);
                f.pos = chain_pos;
                Arg::Field(f)
            }
            Arg::Variable(mut v) => {
                v.ident = self.extended(v.ident, start);
                v.pos = chain_pos;
                Arg::Variable(v)
            }
            Arg::Bool(..) | Arg::String(_) | Arg::Number(_) | Arg::Nil(_) | Arg::Dot(_) => {
                return self.errorf(format!(
                    "unexpected . after term {}",
                    quote(&node.to_string())
                ));
            }
            other => Arg::Chain(ChainNode {
                pos: chain_pos,
                node: Box::new(other),
                field: self.field_stack.drain(start..).collect(),
            }),
        };
        self.arg_stack.push(chained);
        Ok(true)
    }

    /// `head` followed by the fields stacked from `start` on, in one allocation.
    fn extended(&mut self, head: Box<[Arc<str>]>, start: usize) -> Box<[Arc<str>]> {
        let mut ids = Vec::with_capacity(head.len() + self.field_stack.len() - start);
        ids.extend(head.into_vec());
        ids.extend(self.field_stack.drain(start..));
        ids.into_boxed_slice()
    }

    /// Pushes the next term, if there is one, onto `arg_stack`.
    fn term(&mut self) -> PResult<bool> {
        let t = self.next_non_space();
        let arg = match t.typ {
            Tok::Identifier => match self.funcs.lookup_name(t.val) {
                Some((id, name)) => Arg::Identifier(IdentifierNode {
                    pos: t.pos,
                    name,
                    func: id,
                }),
                None => return self.errorf(format!("function {} not defined", quote(t.val))),
            },
            Tok::Dot => Arg::Dot(t.pos),
            Tok::Nil => Arg::Nil(t.pos),
            Tok::Variable => {
                let v = self.new_variable(t.pos, t.val);
                if !self.vars.iter().any(|n| **n == *v.ident[0]) {
                    return self.errorf(format!("undefined variable {}", quote(&v.ident[0])));
                }
                Arg::Variable(v)
            }
            Tok::Field => Arg::Field(FieldNode {
                pos: t.pos,
                ident: self.idents_of(t.val.get(1..).unwrap_or("")),
            }),
            Tok::Bool => Arg::Bool(t.pos, t.val == "true"),
            Tok::CharConstant | Tok::Complex | Tok::Number => {
                match new_number(t.pos, t.val, t.typ) {
                    Ok(n) => Arg::Number(Box::new(n)),
                    Err(e) => return self.errorf(e),
                }
            }
            Tok::LeftParen => {
                if self.paren_depth >= MAX_PAREN_DEPTH {
                    return self.errorf("max expression depth exceeded");
                }
                self.paren_depth += 1;
                let p = stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
                    self.pipeline("parenthesized pipeline", Tok::RightParen)
                });
                self.paren_depth -= 1;
                Arg::Pipe(Box::new(p?))
            }
            Tok::String | Tok::RawString => match plain_literal(t.val) {
                // Literals repeat (every `include` names its helper): one copy of each.
                Some(inner) => Arg::String(StringNode {
                    pos: t.pos,
                    raw: false,
                    text: self.intern(inner),
                    written: None,
                }),
                None => self.literal(t)?,
            },
            _ => {
                self.backup();
                return Ok(false);
            }
        };
        self.arg_stack.push(arg);
        Ok(true)
    }

    /// A string literal that needs Go's general unquoting (escapes, raw strings).
    fn literal(&mut self, t: Item<'a>) -> PResult<Arg> {
        let s = match unquote(t.val) {
            Ok(s) => s,
            Err(e) => return self.errorf(e),
        };
        // Only an escaped literal can spell bytes that differ from its text.
        let escaped = t.val.starts_with('"') && t.val.contains('\\');
        let bytes_of = escaped
            .then(|| crate::gofmt::unquote_bytes(t.val))
            .flatten();
        let (text, bytes) = match bytes_of {
            None => (s, None),
            Some(b) => match String::from_utf8(b) {
                Ok(s) => (s, None),
                Err(e) => (
                    crate::yaml::go_lossy_utf8(e.as_bytes()),
                    Some(e.into_bytes().into()),
                ),
            },
        };
        // A raw literal is its text in backquotes unless unquoting dropped a `\r`.
        if t.val.starts_with('`') && t.val.len() == text.len() + 2 {
            return Ok(Arg::String(StringNode {
                pos: t.pos,
                raw: true,
                text: text.into(),
                written: None,
            }));
        }
        Ok(Arg::String(StringNode {
            pos: t.pos,
            raw: false,
            text: text.into(),
            written: Some(Box::new(WrittenLiteral {
                quoted: self.intern(t.val),
                bytes,
            })),
        }))
    }

    fn new_variable(&mut self, pos: Pos, name: &'a str) -> VariableNode {
        VariableNode {
            pos,
            ident: self.idents_of(name),
        }
    }

    /// The names of a dotted path (`a.b.c`).
    fn idents_of(&mut self, path: &'a str) -> Box<[Arc<str>]> {
        let mut ids = Vec::with_capacity(path.matches('.').count() + 1);
        ids.extend(path.split('.').map(|id| self.intern(id)));
        ids.into_boxed_slice()
    }

    fn intern(&mut self, id: &'a str) -> Arc<str> {
        self.idents
            .entry(id)
            .or_insert_with(|| Arc::from(id))
            .clone()
    }
}

/// The value of a double-quoted literal without a backslash: its inner text as is (the
/// lexer lets no newline into one), which spares Go's general `strconv.Unquote` for
/// nearly every literal of a real chart.
fn plain_literal(lit: &str) -> Option<&str> {
    let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains(['\\', '"'])).then_some(inner)
}

enum Parsed {
    Node(Node),
    End,
    Else(Pos),
}

/// Go's `newNumber`: every reading of a number literal's text.
fn new_number(pos: Pos, text: &str, typ: Tok) -> Result<NumberNode, String> {
    let mut n = NumberNode {
        pos,
        text: text.to_string(),
        is_int: false,
        is_uint: false,
        is_float: false,
        is_complex: false,
        int64: 0,
        uint64: 0,
        float64: 0.0,
        complex: (0.0, 0.0),
    };
    match typ {
        Tok::CharConstant => {
            let inner = text.get(1..).unwrap_or("");
            let (c, tail) = unquote_char(inner, '\'').map_err(|e| e.to_string())?;
            if tail != "'" {
                return Err(format!("malformed character constant: {text}"));
            }
            n.int64 = c as i64;
            n.is_int = true;
            n.uint64 = c as u64;
            n.is_uint = true;
            n.float64 = c as u32 as f64;
            n.is_float = true;
            return Ok(n);
        }
        Tok::Complex => {
            let (re, im) =
                parse_complex(text).ok_or_else(|| format!("expected integer; found {text}"))?;
            n.is_complex = true;
            n.complex = (re, im);
            simplify_complex(&mut n);
            return Ok(n);
        }
        _ => {}
    }
    if let Some(body) = text.strip_suffix('i') {
        if let Some(f) = parse_float(body) {
            n.is_complex = true;
            n.complex = (0.0, f);
            simplify_complex(&mut n);
            return Ok(n);
        }
    }
    let u = parse_uint(text);
    if let Some(u) = u {
        n.is_uint = true;
        n.uint64 = u;
    }
    if let Some(i) = parse_int(text) {
        n.is_int = true;
        n.int64 = i;
        if i == 0 {
            n.is_uint = true;
            n.uint64 = u.unwrap_or(0);
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float64 = n.int64 as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float64 = n.uint64 as f64;
    } else if let Some(f) = parse_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", quote(text)));
        }
        n.is_float = true;
        n.float64 = f;
        if !n.is_int && (f as i64) as f64 == f && f.abs() < 9.3e18 {
            n.is_int = true;
            n.int64 = f as i64;
        }
        if !n.is_uint && f >= 0.0 && (f as u64) as f64 == f && f < 1.85e19 {
            n.is_uint = true;
            n.uint64 = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", quote(text)));
    }
    Ok(n)
}

/// `1+2i` as `fmt.Sscan` reads a complex128.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let body = text.strip_suffix('i')?;
    let split = body.char_indices().skip(1).filter(|&(i, c)| {
        (c == '+' || c == '-')
            && !matches!(
                body.as_bytes().get(i.wrapping_sub(1)),
                Some(b'e' | b'E' | b'p' | b'P')
            )
    });
    let (i, _) = split.last()?;
    Some((parse_float(&body[..i])?, parse_float(&body[i..])?))
}

/// Go's `simplifyComplex`: a complex literal with no imaginary part is also a float/int.
fn simplify_complex(n: &mut NumberNode) {
    if n.complex.1 == 0.0 {
        n.is_float = true;
        n.float64 = n.complex.0;
        if (n.float64 as i64) as f64 == n.float64 && n.float64.abs() < 9.3e18 {
            n.is_int = true;
            n.int64 = n.float64 as i64;
        }
        if n.float64 >= 0.0 && (n.float64 as u64) as f64 == n.float64 && n.float64 < 1.85e19 {
            n.is_uint = true;
            n.uint64 = n.float64 as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Errors quote nodes in their source form (Go's `Node.String()`), which the tree
    // rebuilds for plain and raw literals rather than storing.
    #[test]
    fn literals_print_as_written() {
        let src = "{{printf \"a b\" `c\"d` \"e\\n\" `f\r\ng` \"\\xff\"}}";
        let trees = parse("t", src, &FuncTable::builtins()).expect("parses");
        assert_eq!(trees[0].root.to_string(), src);
        let Node::Action(a) = &trees[0].root.nodes[0] else {
            panic!("an action")
        };
        let strings: Vec<&StringNode> = a.pipe.cmds[0].args[1..]
            .iter()
            .map(|arg| match arg {
                Arg::String(s) => s,
                other => panic!("a string, not {other}"),
            })
            .collect();
        let texts: Vec<&str> = strings.iter().map(|s| &*s.text).collect();
        assert_eq!(texts, ["a b", "c\"d", "e\n", "f\ng", "\u{fffd}"]);
        assert!(matches!(strings[4].value(), crate::value::Value::Bytes(_)));
    }

    // The shortcut for plain literals gives what the general unquoting gives, and
    // leaves every other literal to it.
    #[test]
    fn plain_literals_unquote_as_go_does() {
        for lit in [r#""""#, r#""abc""#, r#""a b{c}""#, r#""ü""#] {
            assert_eq!(
                plain_literal(lit).map(str::to_string).ok_or(""),
                unquote(lit),
                "{lit}"
            );
        }
        for lit in [r#""a\"b""#, r#""\n""#, r#""a\tb""#, "`a\\b`", "`x`", "\""] {
            assert_eq!(plain_literal(lit), None, "{lit}");
        }
    }
}
