//! The template's syntax tree and its parser. The grammar is client-go's, quirks
//! included: a union member or a `['key']` is parsed as a template of its own, a filter's
//! sides are split at the first run of comparison characters, and a backslash in a field
//! name escapes the next character and is then dropped.

use crate::gofmt::{fmt_unicode_hash, unquote_char};
use crate::sprig::unicode::{is_digit, is_letter};

#[derive(Clone, Debug)]
pub(crate) enum Node {
    /// Text outside actions, or a quoted string inside one.
    Text(Vec<u8>),
    /// An action's nodes, applied in turn (also a union member, a filter's side).
    List(Vec<Node>),
    Field(String),
    Array([Param; 3]),
    Filter {
        left: Vec<Node>,
        right: Vec<Node>,
        /// `==`, `<`... as written, or `exists` for `[?(@.x)]`.
        op: String,
    },
    Int(i64),
    Float(f64),
    Bool(bool),
    Wildcard,
    Recursive,
    Union(Vec<Vec<Node>>),
    /// `range`, `end`, or a word evaluation rejects.
    Identifier(String),
}

/// One of a slice's `start:end:step`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Param {
    pub known: bool,
    pub value: i64,
    /// An end made from the start (`[2]` is `[2:3]`).
    pub derived: bool,
}

type Result<T> = std::result::Result<T, String>;

/// Parses a whole template into its top-level nodes (texts and actions).
pub(crate) fn parse(text: &str) -> Result<Vec<Node>> {
    let mut nodes = Vec::new();
    let mut pos = 0;
    while let Some(open) = text[pos..].find('{') {
        if open > 0 {
            nodes.push(Node::Text(text.as_bytes()[pos..pos + open].to_vec()));
        }
        let (action, end) = Parser {
            input: text,
            pos: pos + open + 1,
        }
        .action()?;
        nodes.push(Node::List(action));
        pos = end;
    }
    if pos < text.len() {
        nodes.push(Node::Text(text.as_bytes()[pos..].to_vec()));
    }
    Ok(nodes)
}

/// Parses `text` as the inside of one action (`{text}`), as client-go parses union
/// members, `['key']` and a filter's sides: errors anywhere in the wrapped text count.
fn parse_inner(text: &str) -> Result<Vec<Node>> {
    let mut nodes = parse(&format!("{{{text}}}"))?;
    match nodes.swap_remove(0) {
        Node::List(inner) => Ok(inner),
        _ => unreachable!("a template that starts with `{{` starts with an action"),
    }
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.input[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The nodes of the action that starts at `pos`, and the position after its `}`.
    fn action(mut self) -> Result<(Vec<Node>, usize)> {
        let mut cur = Vec::new();
        loop {
            let rest = self.rest();
            if rest.starts_with('}') {
                return Ok((cur, self.pos + 1));
            }
            if rest.starts_with("[?(") {
                self.pos += 3;
                cur.push(self.filter()?);
                continue;
            }
            if rest.starts_with("..") {
                if matches!(cur.last(), Some(Node::Recursive)) {
                    return Err("invalid multiple recursive descent".into());
                }
                self.pos += 2;
                cur.push(Node::Recursive);
                if self.peek().is_some_and(is_alphanumeric) {
                    cur.push(self.field());
                }
                continue;
            }
            match self.next() {
                None | Some('\r' | '\n') => return Err("unclosed action".into()),
                Some(' ' | '@' | '$') => {}
                Some('[') => self.array(&mut cur)?,
                Some(q @ ('"' | '\'')) => cur.push(self.quoted(q)?),
                Some('.') => cur.push(self.field()),
                Some(c) if c == '+' || c == '-' || is_digit(c) => {
                    self.pos -= c.len_utf8();
                    cur.push(self.number()?);
                }
                Some(c) if is_alphanumeric(c) => {
                    self.pos -= c.len_utf8();
                    cur.push(self.identifier());
                }
                Some(c) => {
                    return Err(format!(
                        "unrecognized character in action: {}",
                        fmt_unicode_hash(c)
                    ))
                }
            }
        }
    }

    /// A field name after `.` (or after `..`): up to an unescaped terminator.
    fn field(&mut self) -> Node {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.next();
                self.next();
            } else if is_terminator(c) {
                break;
            } else {
                self.next();
            }
        }
        match &self.input[start..self.pos] {
            "*" => Node::Wildcard,
            name => Node::Field(name.replace('\\', "")),
        }
    }

    fn identifier(&mut self) -> Node {
        let start = self.pos;
        while self.peek().is_some_and(|c| !is_terminator(c)) {
            self.next();
        }
        match &self.input[start..self.pos] {
            "true" => Node::Bool(true),
            "false" => Node::Bool(false),
            word => Node::Identifier(word.to_string()),
        }
    }

    fn number(&mut self) -> Result<Node> {
        let start = self.pos;
        if matches!(self.peek(), Some('+' | '-')) {
            self.next();
        }
        while self.peek().is_some_and(|c| c == '.' || is_digit(c)) {
            self.next();
        }
        let text = &self.input[start..self.pos];
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Node::Int(i));
        }
        // Rust reads the same decimal forms as Go's ParseFloat, but gives infinity where
        // Go reports the value out of range.
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Node::Float(f)),
            _ => Err(format!("cannot parse number {text}")),
        }
    }

    /// `[...]` after its `[`: an index or slice, a union, or a quoted key.
    fn array(&mut self, cur: &mut Vec<Node>) -> Result<()> {
        let start = self.pos;
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated array".into()),
                Some(']') => break,
                Some(_) => {}
            }
        }
        let text = match &self.input[start..self.pos - 1] {
            "*" => ":",
            t => t,
        };
        if text.contains(',') {
            let members = text
                .split(',')
                .map(|m| parse_inner(&format!("[{}]", m.trim_matches(' '))))
                .collect::<Result<Vec<_>>>()?;
            cur.push(Node::Union(members));
            return Ok(());
        }
        if let Some(key) = text
            .strip_prefix('\'')
            .and_then(|t| t.strip_suffix('\''))
            .filter(|k| !k.contains('\''))
        {
            cur.extend(parse_inner(&format!(".{key}"))?);
            return Ok(());
        }
        cur.push(Node::Array(slice_params(text)?));
        Ok(())
    }

    /// `[?(left op right)]` after its `[?(`.
    fn filter(&mut self) -> Result<Node> {
        let start = self.pos;
        let (mut opened, mut closed, mut pair) = (false, false, '\0');
        loop {
            let c = match self.next() {
                None | Some('\n') => return Err("unterminated filter".into()),
                Some(c) => c,
            };
            match c {
                '"' | '\'' if !opened => {
                    opened = true;
                    pair = c;
                }
                '"' | '\'' if c == pair && self.input.as_bytes()[self.pos - 2] != b'\\' => {
                    closed = true;
                }
                ')' if opened == closed => break,
                _ => {}
            }
        }
        if self.next() != Some(']') {
            return Err("unclosed array expect ]".into());
        }
        let text = &self.input[start..self.pos - 2];
        Ok(match split_comparison(text) {
            Some((left, op, right)) => Node::Filter {
                left: parse_inner(left)?,
                right: parse_inner(right)?,
                op: op.to_string(),
            },
            None => Node::Filter {
                left: parse_inner(text)?,
                right: Vec::new(),
                op: "exists".into(),
            },
        })
    }

    /// A quoted string after its opening quote `q`, unquoted as Go unquotes it (either
    /// quote character; `\x` escapes are bytes).
    fn quoted(&mut self, q: char) -> Result<Node> {
        let start = self.pos - 1;
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated quoted string".into()),
                Some(c) if c == q && self.input.as_bytes()[self.pos - 2] != b'\\' => break,
                Some(_) => {}
            }
        }
        let literal = &self.input[start..self.pos];
        unquote_extend(literal, q)
            .map(Node::Text)
            .map_err(|e| format!("unquote string {literal} error {e}"))
    }
}

/// client-go's `UnquoteExtend`: Go's `strconv.Unquote` for `'...'` as well as `"..."`.
fn unquote_extend(literal: &str, q: char) -> std::result::Result<Vec<u8>, &'static str> {
    let body = &literal[1..literal.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        let (c, tail) = unquote_char(rest, q)?;
        let consumed = &rest[..rest.len() - tail.len()];
        // `\xff` and `\377` are single bytes in Go; `unquote_char` gives U+FFFD for them.
        match consumed.as_bytes() {
            [b'\\', b'x', ..] => out.push(u8::from_str_radix(&consumed[2..], 16).unwrap_or(0)),
            [b'\\', b'0'..=b'7', ..] => {
                out.push(u8::from_str_radix(&consumed[1..], 8).unwrap_or(0))
            }
            _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
        rest = tail;
    }
    Ok(out)
}

/// The three parameters of `[start:end:step]`, as client-go reads them: `[]` is `[0]`,
/// a missing end after a colon means the list's end.
fn slice_params(text: &str) -> Result<[Param; 3]> {
    let parts: Vec<&str> = text.split(':').collect();
    let well_formed = parts.len() <= 3
        && parts.iter().all(|p| {
            let digits = p.strip_prefix('-').unwrap_or(p);
            digits.bytes().all(|b| b.is_ascii_digit())
        });
    if !well_formed {
        return Err(format!("invalid array index {text}"));
    }
    let number = |s: &str| {
        s.parse::<i64>()
            .map_err(|_| format!("array index {s} is not a number"))
    };
    let mut params = [Param::default(); 3];
    if !parts[0].is_empty() {
        params[0] = Param {
            known: true,
            value: number(parts[0])?,
            derived: false,
        };
    }
    params[1] = match parts.get(1) {
        None => Param {
            known: true,
            value: params[0].value.wrapping_add(1),
            derived: true,
        },
        Some(&"") => Param::default(),
        Some(s) => Param {
            known: true,
            value: number(s)?,
            derived: false,
        },
    };
    if let Some(s) = parts.get(2).filter(|s| !s.is_empty()) {
        params[2] = Param {
            known: true,
            value: number(s)?,
            derived: false,
        };
    }
    Ok(params)
}

/// A filter's `left op right`: `left` up to the first of `!<>=`, `op` the run of them
/// (leaving at least one character), `right` the rest; `None` when there is no such split.
fn split_comparison(text: &str) -> Option<(&str, &str, &str)> {
    let is_op = |c: char| matches!(c, '!' | '<' | '>' | '=');
    let op_start = text.find(is_op)?;
    if op_start == 0 {
        return None;
    }
    let after = &text[op_start..];
    let run = after.find(|c| !is_op(c)).unwrap_or(after.len());
    // The right side needs at least one character; it may take the run's last one.
    let op_len = if run == after.len() { run - 1 } else { run };
    if op_len == 0 {
        return None;
    }
    let right = &after[op_len..];
    if right.is_empty() || right.contains('\n') {
        return None;
    }
    Some((&text[..op_start], &after[..op_len], right))
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
    )
}

fn is_alphanumeric(c: char) -> bool {
    c == '_' || is_letter(c) || is_digit(c)
}
