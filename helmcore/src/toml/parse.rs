//! The TOML parser: BurntSushi/toml's model of a document, which decides what is a
//! duplicate. Tables live in one tree of shared maps; keys that were only implied
//! (`a` in `[a.b]` or `a.b = 1`) may be defined once more; keys whose value is an
//! array may be redefined as tables (v1.6: only while implied); arrays of tables are
//! kept apart from arrays of values, which `[[a]]` and `[a.b]` may not extend. Errors
//! name the line and the key being defined as BurntSushi does.

use super::lex::{Flavor, LexError, Lexer, Scalar};
use crate::value::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A table: shared, as Go maps are (a table is reached from the tree and from the
/// inline table that defined it).
pub(super) type Tbl = Rc<RefCell<HashMap<String, V>>>;

/// A decoded value as Go holds it in `map[string]interface{}`.
#[derive(Clone)]
pub(super) enum V {
    Table(Tbl),
    /// `[]map[string]interface{}`: an array of tables (`[[a]]`).
    Tables(Vec<Tbl>),
    /// `[]interface{}`: an array value.
    Array(Vec<V>),
    Scalar(Value),
}

/// Dropped without recursion: arrays may nest deeper than the stack allows.
impl Drop for V {
    fn drop(&mut self) {
        let mut stack = match self {
            V::Array(items) => std::mem::take(items),
            _ => return,
        };
        while let Some(mut v) = stack.pop() {
            match &mut v {
                V::Array(items) => stack.append(items),
                V::Table(t) if Rc::strong_count(t) == 1 => {
                    stack.extend(t.borrow_mut().drain().map(|(_, v)| v))
                }
                _ => {}
            }
        }
    }
}

/// The type BurntSushi records for a key; only "array" changes what may follow.
#[derive(Clone, Copy, PartialEq)]
enum Ty {
    Array,
    Other,
}

/// A parse error: the text after `toml: `.
#[derive(Debug)]
pub(super) struct ParseError {
    pub line: i64,
    pub msg: String,
    pub last_key: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.last_key.is_empty() {
            write!(f, "toml: line {}: {}", self.line, self.msg)
        } else {
            write!(
                f,
                "toml: line {} (last key {}): {}",
                self.line,
                crate::gofmt::quote(&self.last_key),
                self.msg
            )
        }
    }
}

type PRes<T> = Result<T, ParseError>;

fn new_table() -> Tbl {
    Rc::new(RefCell::new(HashMap::new()))
}

/// A key path as BurntSushi prints it: parts joined by `.`, quoted when not bare.
pub(super) fn key_text(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| super::encode::quote_key(p))
        .collect::<Vec<_>>()
        .join(".")
}

struct Parser<'a> {
    lx: Lexer<'a>,
    root: Tbl,
    /// The table being filled (`[a.b]`, and the parents of a dotted key).
    context: Vec<String>,
    /// The key whose value is being read.
    current_key: String,
    /// The line of the last key's (or table name's) first part: where BurntSushi puts
    /// errors about redefinitions.
    key_line: i64,
    implicit: HashSet<String>,
    types: HashMap<String, Ty>,
}

pub(super) fn parse(src: &[u8], flavor: Flavor) -> Result<Tbl, ParseError> {
    let mut p = Parser {
        lx: Lexer::new(src, flavor),
        root: new_table(),
        context: Vec::new(),
        current_key: String::new(),
        key_line: 0,
        implicit: HashSet::new(),
        types: HashMap::new(),
    };
    p.document()?;
    Ok(p.root)
}

impl Parser<'_> {
    /// The key BurntSushi names in errors: the table, then the key being defined
    /// (that last part unquoted).
    fn current(&self) -> String {
        if self.current_key.is_empty() {
            return key_text(&self.context);
        }
        if self.context.is_empty() {
            return self.current_key.clone();
        }
        format!("{}.{}", key_text(&self.context), self.current_key)
    }

    fn lex_err(&self, e: LexError) -> ParseError {
        ParseError {
            line: e.line,
            msg: e.msg,
            last_key: self.current(),
        }
    }

    /// A syntax error at the lexer's position.
    fn fail<T>(&self, msg: impl Into<String>) -> PRes<T> {
        Err(self.lex_err(self.lx.err(msg.into())))
    }

    /// Runs a lexer step, adding the last key to its error.
    fn lx<T>(&mut self, f: impl FnOnce(&mut Lexer) -> Result<T, LexError>) -> PRes<T> {
        f(&mut self.lx).map_err(|e| self.lex_err(e))
    }

    /// An error about a token (its line is where the token ended).
    fn token_err(&self, line: i64, msg: String) -> ParseError {
        ParseError {
            line,
            msg,
            last_key: self.current(),
        }
    }

    /// An error about the keys being defined (at the last key's line).
    fn key_err(&self, msg: String) -> ParseError {
        ParseError {
            line: self.key_line,
            msg,
            last_key: self.current(),
        }
    }

    fn document(&mut self) -> PRes<()> {
        loop {
            match self.lx(|l| l.next())? {
                None => return Ok(()),
                Some(' ' | '\t' | '\n' | '\r') => {}
                Some('#') => self.lx(|l| l.comment())?,
                Some('[') => {
                    self.table_header()?;
                    self.top_end()?;
                }
                Some(c) => {
                    self.lx.back(c);
                    self.key_value_top()?;
                    self.top_end()?;
                }
            }
        }
    }

    /// After a table header or a key/value pair: spaces, then a comment, a newline or
    /// the end.
    fn top_end(&mut self) -> PRes<()> {
        loop {
            let c = self.lx(|l| l.next())?;
            match c {
                Some(' ' | '\t') => {}
                Some('#') => return self.lx(|l| l.comment()),
                Some('\n' | '\r') | None => return Ok(()),
                Some(_) => {
                    let msg = format!(
                        "expected a top-level item to end with a newline, comment, or EOF, but got {} instead",
                        Lexer::got(c)
                    );
                    return self.fail(msg);
                }
            }
        }
    }

    /// A quoted key part after its quote has been seen (not read).
    fn quoted_part(&mut self) -> PRes<String> {
        let q = self.lx(|l| l.next())?;
        let s = if q == Some('"') {
            self.lx(|l| l.basic_string())?
        } else {
            self.lx(|l| l.literal_string())?
        };
        let line = self.lx.line();
        if q == Some('"') {
            self.replace_escapes(line, &s)
        } else {
            Ok(s)
        }
    }

    fn note_first_part(&mut self, first: bool) {
        if first {
            self.key_line = self.lx.line();
        }
    }

    /// One part of a dotted key, bare or quoted, after blanks: where the part should be,
    /// the `close` of the key (`]` or `=`) or the end of input fails with `empty`, a `.`
    /// with `dot`.
    fn key_part(&mut self, close: char, empty: &str, dot: &str) -> PRes<String> {
        self.lx(|l| l.skip_ws())?;
        match self.lx(|l| l.peek())? {
            None => self.fail(empty),
            Some(c) if c == close => self.fail(empty),
            Some('.') => self.fail(dot),
            Some('"' | '\'') => self.quoted_part(),
            Some(_) => self.lx(|l| l.bare_name()),
        }
    }

    /// `[name]` or `[[name]]` after the first `[`.
    fn table_header(&mut self) -> PRes<()> {
        let array = self.lx(|l| l.accept('['))?;
        let mut key = Vec::new();
        loop {
            let part = self.key_part(
                ']',
                "unexpected end of table name (table names cannot be empty)",
                "unexpected table separator (table names cannot be empty)",
            )?;
            self.note_first_part(key.is_empty());
            key.push(part);
            self.lx(|l| l.skip_ws())?;
            let c = self.lx(|l| l.next())?;
            match c {
                Some('.') => {}
                Some(']') => break,
                _ => {
                    let msg = format!(
                        "expected '.' or ']' to end table name, but got {} instead",
                        Lexer::got(c)
                    );
                    return Err(self.lex_err(self.lx.err_got(c, msg)));
                }
            }
        }
        if array {
            let c = self.lx(|l| l.next())?;
            if c != Some(']') {
                let msg = format!(
                    "expected end of table array name delimiter ']', but got {} instead",
                    Lexer::got(c)
                );
                return Err(self.lex_err(self.lx.err_got(c, msg)));
            }
        }
        self.add_context(&key, array)?;
        self.set_type("", Ty::Other);
        Ok(())
    }

    /// A dotted key up to and including its `=`.
    fn key(&mut self) -> PRes<Vec<String>> {
        self.lx(|l| l.skip_ws())?;
        match self.lx(|l| l.peek())? {
            Some('=') | None => {
                let msg = "unexpected '=': key name appears blank";
                return self.fail(msg);
            }
            Some('.') => {
                let msg = "unexpected '.': keys cannot start with a '.'";
                return self.fail(msg);
            }
            _ => {}
        }
        let mut key = Vec::new();
        loop {
            let part = self.key_part('=', "unexpected '='", "unexpected '.'")?;
            self.note_first_part(key.is_empty());
            key.push(part);
            self.lx(|l| l.skip_ws())?;
            let c = self.lx(|l| l.next())?;
            match c {
                Some('.') => {}
                Some('=') => return Ok(key),
                None => {
                    let msg = "unexpected EOF; expected key separator '='";
                    return Err(self.lex_err(self.lx.err_eof(msg.into())));
                }
                _ => {
                    let msg = format!("expected '.' or '=', but got {} instead", Lexer::got(c));
                    let e = if c == Some('\n') && self.lx.flavor == Flavor::V1_6 {
                        self.lx.err_prev_line(msg)
                    } else {
                        self.lx.err(msg)
                    };
                    return Err(self.lex_err(e));
                }
            }
        }
    }

    /// After a key's `=`: its last part becomes the current key, its other parts
    /// implied tables the context moves into.
    fn enter_key(&mut self, mut key: Vec<String>) -> PRes<()> {
        self.current_key = key.pop().unwrap_or_default();
        for part in key {
            let mut k = self.context.clone();
            k.push(part);
            self.implicit.insert(key_text(&k));
            self.add_context(&k, false)?;
        }
        Ok(())
    }

    fn key_value_top(&mut self) -> PRes<()> {
        let outer = self.context.clone();
        let key = self.key()?;
        self.enter_key(key)?;
        let (v, ty) = self.value(false)?;
        let k = self.current_key.clone();
        self.set_value(&k, v)?;
        self.set_type(&k, ty);
        self.context = outer;
        self.current_key.clear();
        Ok(())
    }

    /// A value after `=` or in an array. Arrays nest without limit (BurntSushi has
    /// none), so the stack grows as needed.
    fn value(&mut self, in_array: bool) -> PRes<(V, Ty)> {
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || self.value_here(in_array))
    }

    fn value_here(&mut self, in_array: bool) -> PRes<(V, Ty)> {
        let c = loop {
            match self.lx(|l| l.next())? {
                Some(' ' | '\t') => {}
                c => break c,
            }
        };
        let scalar = match c {
            Some(d) if d.is_ascii_digit() => self.lx(|l| l.number_or_date(d))?,
            Some('[') => return self.array(),
            Some('{') => return self.inline_table(in_array),
            Some(q @ ('"' | '\'')) => {
                // `""` reads as an empty string closed by the second quote.
                let multi = self.lx(|l| {
                    if l.accept(q)? {
                        if l.accept(q)? {
                            return Ok(true);
                        }
                        l.pos -= 1;
                    }
                    Ok(false)
                })?;
                match (q, multi) {
                    ('"', true) => Scalar::MultiBasic(self.lx(|l| l.multiline(q))?),
                    (_, true) => Scalar::MultiLiteral(self.lx(|l| l.multiline(q))?),
                    ('"', false) => Scalar::Basic(self.lx(|l| l.basic_string())?),
                    (_, false) => Scalar::Literal(self.lx(|l| l.literal_string())?),
                }
            }
            Some('.') => {
                let msg = "floats must start with a digit, not '.'";
                return self.fail(msg);
            }
            Some('-' | '+') => self.lx(|l| l.signed_number())?,
            Some(w) if crate::sprig::unicode::is_letter(w) => self.lx(|l| l.word(w))?,
            None => {
                let msg = "unexpected EOF; expected value";
                return Err(self.lex_err(self.lx.err_eof(msg.into())));
            }
            Some(_) => {
                let msg = format!("expected value but found {} instead", Lexer::got(c));
                let e = if c == Some('\n') && self.lx.flavor == Flavor::V1_6 {
                    self.lx.err_prev_line(msg)
                } else {
                    self.lx.err(msg)
                };
                return Err(self.lex_err(e));
            }
        };
        let line = self.lx.line();
        Ok((V::Scalar(self.scalar(line, scalar)?), Ty::Other))
    }

    fn array(&mut self) -> PRes<(V, Ty)> {
        let k = self.current_key.clone();
        self.set_type(&k, Ty::Array);
        let mut items = Vec::new();
        'values: loop {
            let c = self.lx(|l| l.next())?;
            match c {
                Some(' ' | '\t' | '\n' | '\r') => continue,
                Some('#') => {
                    self.lx(|l| l.comment())?;
                    continue;
                }
                Some(',') => return self.fail("unexpected comma"),
                Some(']') => break,
                Some(c) => self.lx.back(c),
                None => {}
            }
            let (v, _) = self.value(true)?;
            items.push(v);
            loop {
                let c = self.lx(|l| l.next())?;
                match c {
                    Some(' ' | '\t' | '\n' | '\r') => {}
                    Some('#') => self.lx(|l| l.comment())?,
                    Some(',') => continue 'values,
                    Some(']') => break 'values,
                    _ => {
                        let msg = format!(
                            "expected a comma (',') or array terminator (']'), but got {}",
                            Lexer::rune_or_eof(c)
                        );
                        return Err(self.lex_err(self.lx.err_got(c, msg)));
                    }
                }
            }
        }
        Ok((V::Array(items), Ty::Array))
    }

    /// v1.4 allows no newline in an inline table (the line named is the one before).
    fn inline_newline(&mut self) -> PRes<()> {
        if self.lx.flavor == Flavor::V1_4 {
            let msg = "newlines not allowed within inline tables";
            return Err(self.lex_err(self.lx.err_prev_line(msg.into())));
        }
        Ok(())
    }

    fn inline_table(&mut self, in_array: bool) -> PRes<(V, Ty)> {
        let top = new_table();
        let outer_context = self.context.clone();
        let outer_key = std::mem::take(&mut self.current_key);
        self.context.push(outer_key.clone());
        let inner = self.context.clone();
        self.implicit.insert(key_text(&inner));
        self.add_context(&inner, in_array)?;
        'pairs: loop {
            let c = self.lx(|l| l.next())?;
            match c {
                Some(' ' | '\t') => continue,
                Some('\n' | '\r') => {
                    self.inline_newline()?;
                    continue;
                }
                Some('#') => {
                    self.lx(|l| l.comment())?;
                    continue;
                }
                Some(',') => return self.fail("unexpected comma"),
                Some('}') => break,
                Some(c) => self.lx.back(c),
                None => {}
            }
            let key = self.key()?;
            let parents: Vec<String> = key[..key.len() - 1].to_vec();
            self.enter_key(key)?;
            let (v, ty) = self.value(false)?;
            let k = self.current_key.clone();
            self.set_value(&k, v.clone())?;
            self.set_type(&k, ty);
            let mut t = top.clone();
            for part in &parents {
                let next = {
                    let mut m = t.borrow_mut();
                    let e = m
                        .entry(part.clone())
                        .or_insert_with(|| V::Table(new_table()));
                    match e {
                        V::Table(n) => Some(n.clone()),
                        _ => None,
                    }
                };
                match next {
                    Some(n) => t = n,
                    None => {
                        let msg = format!(
                            "{} is not a table",
                            crate::gofmt::quote(&key_text(&self.context))
                        );
                        return Err(self.key_err(msg));
                    }
                }
            }
            t.borrow_mut().insert(k, v);
            self.context = inner.clone();
            loop {
                let c = self.lx(|l| l.next())?;
                match c {
                    Some(' ' | '\t') => {}
                    Some('\n' | '\r') => self.inline_newline()?,
                    Some('#') => self.lx(|l| l.comment())?,
                    Some(',') => {
                        self.lx(|l| l.skip_ws())?;
                        if self.lx(|l| l.peek())? == Some('}') {
                            if self.lx.flavor == Flavor::V1_4 {
                                let msg = "trailing comma not allowed in inline tables";
                                return self.fail(msg);
                            }
                            continue;
                        }
                        continue 'pairs;
                    }
                    Some('}') => break 'pairs,
                    _ => {
                        let msg = format!(
                            "expected a comma or an inline table terminator '}}', but got {} instead",
                            Lexer::rune_or_eof(c)
                        );
                        return Err(self.lex_err(self.lx.err_got(c, msg)));
                    }
                }
            }
        }
        self.context = outer_context;
        self.current_key = outer_key;
        Ok((V::Table(top), Ty::Other))
    }

    /// Makes `key` the table being filled, creating implied parents; `array` appends
    /// a table to an array of tables.
    fn add_context(&mut self, key: &[String], array: bool) -> PRes<()> {
        let mut t = self.root.clone();
        let mut path = Vec::new();
        // The lexer gives every table header at least one key part.
        let Some((last, parents)) = key.split_last() else {
            return Ok(());
        };
        for part in parents {
            path.push(part.clone());
            let next = {
                let mut m = t.borrow_mut();
                if !m.contains_key(part) {
                    self.implicit.insert(key_text(&path));
                    m.insert(part.clone(), V::Table(new_table()));
                }
                match &m[part] {
                    V::Tables(ts) => ts.last().cloned(),
                    V::Table(n) => Some(n.clone()),
                    _ => None,
                }
            };
            match next {
                Some(n) => t = n,
                None => {
                    let msg = format!("Key '{}' was already created as a hash.", key_text(&path));
                    return Err(self.key_err(msg));
                }
            }
        }
        self.context = path;
        if array {
            let ok = {
                let mut m = t.borrow_mut();
                let e = m.entry(last.clone()).or_insert(V::Tables(Vec::new()));
                match e {
                    V::Tables(ts) => {
                        ts.push(new_table());
                        true
                    }
                    _ => false,
                }
            };
            if !ok {
                let msg = format!(
                    "Key '{}' was already created and cannot be used as an array.",
                    key_text(key)
                );
                return Err(self.key_err(msg));
            }
        } else {
            self.set_value(last, V::Table(new_table()))?;
        }
        self.context.push(last.clone());
        Ok(())
    }

    /// Defines `key` in the current table, unless it is taken (a table only implied so
    /// far is kept as it is).
    fn set_value(&mut self, key: &str, v: V) -> PRes<()> {
        let mut t = self.root.clone();
        let mut path = Vec::new();
        for part in self.context.clone() {
            path.push(part.clone());
            let next = match t.borrow().get(&part) {
                Some(V::Tables(ts)) => ts.last().cloned(),
                Some(V::Table(n)) => Some(n.clone()),
                _ => None,
            };
            match next {
                Some(n) => t = n,
                None => {
                    let msg = format!("Key '{}' has already been defined.", key_text(&path));
                    return Err(self.key_err(msg));
                }
            }
        }
        path.push(key.to_owned());
        let id = key_text(&path);
        if t.borrow().contains_key(key) {
            if self.types.get(&id) == Some(&Ty::Array) {
                if self.lx.flavor == Flavor::V1_6 && !self.implicit.contains(&id) {
                    let msg = format!("Key '{id}' has already been defined.");
                    return Err(self.key_err(msg));
                }
                self.implicit.remove(&id);
                t.borrow_mut().insert(key.to_owned(), v);
                return Ok(());
            }
            if self.implicit.remove(&id) {
                return Ok(());
            }
            return Err(self.key_err(format!("Key '{id}' has already been defined.")));
        }
        t.borrow_mut().insert(key.to_owned(), v);
        Ok(())
    }

    /// Records a key's type (`key` empty: the current table itself).
    fn set_type(&mut self, key: &str, ty: Ty) {
        let mut path = self.context.clone();
        if !key.is_empty() {
            path.push(key.to_owned());
        }
        if path.is_empty() {
            path.push(String::new());
        }
        self.types.insert(key_text(&path), ty);
    }

    fn scalar(&self, line: i64, s: Scalar) -> PRes<Value> {
        Ok(match s {
            Scalar::Basic(s) => Value::from(self.replace_escapes(line, &s)?.as_str()),
            Scalar::MultiBasic(s) => {
                let s = strip_escaped_newlines(strip_first_newline(&s));
                Value::from(self.replace_escapes(line, &s)?.as_str())
            }
            Scalar::Literal(s) => Value::from(s.as_str()),
            Scalar::MultiLiteral(s) => Value::from(strip_first_newline(&s)),
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Integer(t) => Value::int64(self.integer(line, &t)?),
            Scalar::Float(t) => Value::Float(self.float(line, &t)?),
            Scalar::Datetime(t) => super::datetime::parse(&t, self.lx.flavor).ok_or_else(|| {
                let t = super::datetime::normalize(&t);
                self.token_err(
                    line,
                    format!("invalid datetime: {}", crate::gofmt::quote(&t)),
                )
            })?,
        })
    }

    fn replace_escapes(&self, line: i64, s: &str) -> PRes<String> {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, e)) = chars.next() else { break };
            let n = match e {
                ' ' | '\t' => {
                    return Err(self.token_err(line, format!("invalid escape: '\\{e}'")));
                }
                'x' => 2,
                'u' => 4,
                'U' => 8,
                other => {
                    out.push(match other {
                        'b' => '\u{8}',
                        't' => '\t',
                        'n' => '\n',
                        'f' => '\u{c}',
                        'r' => '\r',
                        'e' => '\u{1b}',
                        // `"` and `\`; the lexer refused every other escape.
                        other => other,
                    });
                    continue;
                }
            };
            // The lexer checked that `n` hex digits follow.
            let hex = s.get(i + 2..i + 2 + n).unwrap_or_default();
            for _ in 0..n {
                chars.next();
            }
            let code = u32::from_str_radix(hex, 16).unwrap_or(u32::MAX);
            match char::from_u32(code) {
                Some(ch) => out.push(ch),
                None => {
                    let msg = format!("Escaped character '\\u{hex}' is not valid UTF-8.");
                    return Err(self.token_err(line, msg));
                }
            }
        }
        Ok(out)
    }

    fn integer(&self, line: i64, t: &str) -> PRes<i64> {
        if !underscores_ok(t) {
            let msg = format!(
                "Invalid integer {}: underscores must be surrounded by digits",
                crate::gofmt::quote(t)
            );
            return Err(self.token_err(line, msg));
        }
        if leading_zero(t) {
            let msg = format!(
                "Invalid integer {}: cannot have leading zeroes",
                crate::gofmt::quote(t)
            );
            return Err(self.token_err(line, msg));
        }
        let (neg, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (radix, digits) = match body.get(..2) {
            Some("0x") => (16, &body[2..]),
            Some("0o") => (8, &body[2..]),
            Some("0b") => (2, &body[2..]),
            _ => (10, body),
        };
        let mut n: u128 = 0;
        let mut overflow = false;
        for c in digits.chars().filter(|&c| c != '_') {
            let d = c.to_digit(radix).unwrap_or(0) as u128;
            n = n * radix as u128 + d;
            if n > 1 << 64 {
                overflow = true;
                n = 1 << 64;
            }
        }
        let limit = if neg { 1u128 << 63 } else { (1u128 << 63) - 1 };
        if overflow || n > limit {
            return Err(self.token_err(line, format!("{t} is out of range for int64")));
        }
        Ok(if neg {
            (n as i128).wrapping_neg() as i64
        } else {
            n as i64
        })
    }

    fn float(&self, line: i64, t: &str) -> PRes<f64> {
        let parts: Vec<&str> = t.split(['.', 'e', 'E']).filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !underscores_ok(p)) {
            let msg = format!(
                "Invalid float {}: underscores must be surrounded by digits",
                crate::gofmt::quote(t)
            );
            return Err(self.token_err(line, msg));
        }
        if parts.first().is_some_and(|p| leading_zero(p)) {
            let msg = format!(
                "Invalid float {}: cannot have leading zeroes",
                crate::gofmt::quote(t)
            );
            return Err(self.token_err(line, msg));
        }
        if !periods_ok(t) {
            let msg = format!(
                "Invalid float {}: '.' must be followed by one or more digits",
                crate::gofmt::quote(t)
            );
            return Err(self.token_err(line, msg));
        }
        let mut val = t.replace('_', "");
        let negative_nan = val == "-nan";
        if val == "+nan" || val == "-nan" {
            val = "nan".into();
        }
        // Go's ParseFloat: the special names and decimal syntax only.
        let syntax_ok = matches!(val.as_str(), "nan" | "inf" | "+inf" | "-inf")
            || val
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
        let parsed = if syntax_ok {
            val.parse::<f64>().ok()
        } else {
            None
        };
        let Some(mut f) = parsed else {
            let msg = format!("Invalid float value: {}", crate::gofmt::quote(t));
            return Err(self.token_err(line, msg));
        };
        if f.is_infinite() && !val.contains("inf") {
            return Err(self.token_err(line, format!("{t} is out of range for float64")));
        }
        if negative_nan {
            f = -f;
        }
        Ok(f)
    }
}

/// BurntSushi's `numUnderscoresOK`: each `_` follows a hexadecimal digit, and the
/// text ends with one (so `1e5+` fails here too).
fn underscores_ok(s: &str) -> bool {
    if matches!(s, "nan" | "+nan" | "-nan" | "inf" | "-inf" | "+inf") {
        return true;
    }
    let mut accept = false;
    for c in s.chars() {
        if c == '_' && !accept {
            return false;
        }
        accept = c.is_ascii_hexdigit();
    }
    accept
}

/// A leading zero, allowing `0`, a sign, and the base prefixes.
fn leading_zero(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() > 1 && b[0] == b'0' && !matches!(b[1], b'b' | b'o' | b'x') {
        return true;
    }
    b.len() > 2 && matches!(b[0], b'-' | b'+') && b[1] == b'0'
}

/// Every `.` is followed by a digit.
fn periods_ok(s: &str) -> bool {
    let mut period = false;
    for c in s.chars() {
        if period && !c.is_ascii_digit() {
            return false;
        }
        period = c == '.';
    }
    !period
}

fn strip_first_newline(s: &str) -> &str {
    s.strip_prefix('\n')
        .or_else(|| s.strip_prefix("\r\n"))
        .unwrap_or(s)
}

/// Removes each line-ending backslash and the whitespace (newlines included) after it;
/// a backslash followed by spaces but no newline stays (and is an invalid escape).
fn strip_escaped_newlines(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'\\') {
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r' | b'\n') {
            j += 1;
        }
        if j == i + 1 || !b[i..j].contains(&b'\n') {
            i += 1;
            continue;
        }
        out.push_str(&s[copied..i]);
        copied = j;
        i = j;
    }
    out.push_str(&s[copied..]);
    out
}
