//! Go's `regexp` on top of the `regex` crate.
//!
//! Both implement RE2 (leftmost-first matching), but their syntax differs at the edges:
//! Go's `\d`, `\s`, `\w` and `\b` are ASCII-only, Go takes an unmatched `{` literally,
//! Go rejects what it does not support with its own messages (`error parsing regexp:
//! missing closing ): ...`), and Go allows capture names the crate does not. So a Go
//! pattern is checked and rewritten here into the crate's syntax, with every literal
//! punctuation character spelled as a hex escape and every group left unnamed (the Go
//! names are kept aside for `${name}` expansion).

use std::borrow::Cow;

use regex::{Captures, Regex};

use crate::gofmt::decode_rune;

/// A compiled Go regular expression.
#[derive(Debug, Clone)]
pub(crate) struct GoRegex {
    re: Regex,
    /// The Go name of each capture group, by group number (index 0 is the whole match).
    names: Vec<String>,
}

/// Go's nesting limit for a pattern.
const MAX_NESTING: usize = 1000;
const MAX_REPEAT: u32 = 1000;

/// Go's `regexp.Compile`; the error is Go's `error parsing regexp: ...` text.
pub(crate) fn compile(pattern: &str) -> Result<GoRegex, String> {
    let mut t = Translator {
        src: pattern,
        pos: 0,
        out: String::with_capacity(pattern.len() * 2),
        names: vec![String::new()],
    };
    t.run()
        .map_err(|(code, text)| format!("error parsing regexp: {code}: `{text}`"))?;
    let re = regex::RegexBuilder::new(&t.out)
        .size_limit(64 << 20)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => {
                "error parsing regexp: expression too large".to_string()
            }
            other => format!(
                "error parsing regexp: invalid or unsupported Perl syntax: `{pattern}` ({other})"
            ),
        })?;
    Ok(GoRegex { re, names: t.names })
}

type ParseError = (&'static str, String);

struct Translator<'a> {
    src: &'a str,
    pos: usize,
    out: String,
    names: Vec<String>,
}

/// How `c` is written as a literal in the crate's syntax.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || !c.is_ascii() {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:x}}}", c as u32));
    }
}

/// Go's ASCII Perl classes, as class items (inside `[...]`).
fn perl_class_items(c: char) -> Option<&'static str> {
    Some(match c {
        'd' => "0-9",
        'D' => "[^0-9]",
        's' => "\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}",
        'S' => "[^\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}]",
        'w' => "0-9A-Za-z_",
        'W' => "[^0-9A-Za-z_]",
        _ => return None,
    })
}

const POSIX_CLASSES: &[&str] = &[
    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct",
    "space", "upper", "word", "xdigit",
];

/// An item of a character class: a single character (which may start a range) or a
/// whole class to insert.
enum ClassItem {
    Char(char),
    Class(String),
}

impl Translator<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(offset)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn run(&mut self) -> Result<(), ParseError> {
        let whole = self.src.to_string();
        let mut depth = 0usize;
        // Whether an item precedes (something a repetition can apply to).
        let mut have_item = false;
        // Where the previous item's repetition operator began, if it was one.
        let mut last_repeat: Option<usize> = None;
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                '(' => {
                    self.bump();
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Err(("expression nests too deeply", whole));
                    }
                    let opened = self.group_head(start)?;
                    if !opened {
                        depth -= 1;
                    } else {
                        have_item = false;
                    }
                    last_repeat = None;
                }
                ')' => {
                    self.bump();
                    if depth == 0 {
                        return Err(("unexpected )", whole));
                    }
                    depth -= 1;
                    self.out.push(')');
                    have_item = true;
                    last_repeat = None;
                }
                '|' => {
                    self.bump();
                    self.out.push('|');
                    have_item = false;
                    last_repeat = None;
                }
                '*' | '+' | '?' => {
                    self.bump();
                    self.repetition(start, have_item, &mut last_repeat)?;
                }
                '{' => match self.repeat_spec() {
                    Some((min, max)) => {
                        let bad =
                            min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT || m < min);
                        if bad {
                            return Err((
                                "invalid repeat count",
                                self.src[start..self.pos].to_string(),
                            ));
                        }
                        self.repetition(start, have_item, &mut last_repeat)?;
                    }
                    None => {
                        self.bump();
                        push_literal(&mut self.out, '{');
                        have_item = true;
                        last_repeat = None;
                    }
                },
                '[' => {
                    self.class()?;
                    have_item = true;
                    last_repeat = None;
                }
                '\\' => {
                    self.escape()?;
                    have_item = true;
                    last_repeat = None;
                }
                '.' | '^' | '$' => {
                    self.bump();
                    self.out.push(c);
                    have_item = true;
                    last_repeat = None;
                }
                _ => {
                    self.bump();
                    push_literal(&mut self.out, c);
                    have_item = true;
                    last_repeat = None;
                }
            }
        }
        if depth > 0 {
            return Err(("missing closing )", whole));
        }
        Ok(())
    }

    /// Emits a repetition operator that has been read (from `start` to `self.pos`),
    /// with its lazy `?`, checking Go's rules.
    fn repetition(
        &mut self,
        start: usize,
        have_item: bool,
        last_repeat: &mut Option<usize>,
    ) -> Result<(), ParseError> {
        if self.peek() == Some('?') {
            self.bump();
        }
        let op = &self.src[start..self.pos];
        if let Some(prev) = *last_repeat {
            return Err((
                "invalid nested repetition operator",
                self.src[prev..self.pos].to_string(),
            ));
        }
        if !have_item {
            return Err(("missing argument to repetition operator", op.to_string()));
        }
        self.out.push_str(op);
        *last_repeat = Some(start);
        Ok(())
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` if that is what follows; otherwise reads nothing.
    fn repeat_spec(&mut self) -> Option<(u32, Option<u32>)> {
        let rest = &self.src[self.pos..];
        let close = rest.find('}')?;
        let body = &rest[1..close];
        let number = |s: &str| -> Option<u32> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(s.parse::<u32>().unwrap_or(u32::MAX))
        };
        let (min, max) = match body.split_once(',') {
            None => {
                let n = number(body)?;
                (n, Some(n))
            }
            Some((a, "")) => (number(a)?, None),
            Some((a, b)) => (number(a)?, Some(number(b)?)),
        };
        self.pos += close + 1;
        Some((min, max))
    }

    /// After `(`: a group, a named group, or a flag setting. Returns whether a group was
    /// opened (a bare `(?i)` opens none).
    fn group_head(&mut self, start: usize) -> Result<bool, ParseError> {
        if self.peek() != Some('?') {
            self.out.push('(');
            self.names.push(String::new());
            return Ok(true);
        }
        let rest = &self.src[self.pos..];
        if rest.starts_with("?P<") || rest.starts_with("?<") {
            let name_start = self.pos + if rest.starts_with("?P<") { 3 } else { 2 };
            let Some(end) = self.src[name_start..].find('>') else {
                return Err(("invalid named capture", self.src[start..].to_string()));
            };
            let name = &self.src[name_start..name_start + end];
            let text = &self.src[start..name_start + end + 1];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                return Err(("invalid named capture", text.to_string()));
            }
            self.pos = name_start + end + 1;
            self.out.push('(');
            self.names.push(name.to_string());
            return Ok(true);
        }
        // Flags: (?flags) or (?flags:...)
        self.bump();
        let mut flags = String::new();
        loop {
            match self.bump() {
                Some(c @ ('i' | 'm' | 's' | 'U' | '-')) => flags.push(c),
                Some(':') => {
                    self.out.push_str(&format!("(?{flags}:"));
                    return Ok(true);
                }
                Some(')') => {
                    if flags.is_empty() {
                        return Ok(false);
                    }
                    if !flags.ends_with('-') {
                        self.out.push_str(&format!("(?{flags})"));
                        return Ok(false);
                    }
                    return Err((
                        "invalid or unsupported Perl syntax",
                        self.src[start..self.pos].to_string(),
                    ));
                }
                _ => {
                    return Err((
                        "invalid or unsupported Perl syntax",
                        self.src[start..self.pos].to_string(),
                    ));
                }
            }
        }
    }

    /// An escape outside a class.
    fn escape(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        self.bump();
        let Some(c) = self.peek() else {
            return Err(("trailing backslash at end of expression", String::new()));
        };
        match c {
            'b' => {
                self.bump();
                self.out.push_str("(?-u:\\b)");
            }
            'B' => {
                self.bump();
                self.out.push_str("(?-u:\\B)");
            }
            'A' => {
                self.bump();
                self.out.push_str("\\A");
            }
            'z' => {
                self.bump();
                self.out.push_str("\\z");
            }
            'Q' => {
                self.bump();
                let rest = &self.src[self.pos..];
                let (lit, skip) = match rest.find("\\E") {
                    Some(i) => (&rest[..i], i + 2),
                    None => (rest, rest.len()),
                };
                let lit = lit.to_string();
                self.pos += skip;
                for ch in lit.chars() {
                    push_literal(&mut self.out, ch);
                }
            }
            _ => match self.class_escape(start)? {
                ClassItem::Char(ch) => push_literal(&mut self.out, ch),
                ClassItem::Class(items) => {
                    self.out.push('[');
                    self.out.push_str(&items);
                    self.out.push(']');
                }
            },
        }
        Ok(())
    }

    /// An escape that is valid both inside and outside classes; `self.pos` is just past
    /// the backslash at `start`.
    fn class_escape(&mut self, start: usize) -> Result<ClassItem, ParseError> {
        let invalid =
            |t: &Translator, end: usize| ("invalid escape sequence", t.src[start..end].to_string());
        let Some(c) = self.bump() else {
            return Err(("trailing backslash at end of expression", String::new()));
        };
        if let Some(items) = perl_class_items(c) {
            return Ok(ClassItem::Class(items.to_string()));
        }
        let ch = match c {
            '1'..='7' | '0' => {
                // Octal: `\0` takes up to two more digits; `\1`-`\7` need one more (a
                // lone digit would be a back-reference, which Go does not support).
                if c != '0' && !matches!(self.peek(), Some('0'..='7')) {
                    return Err(invalid(self, self.pos));
                }
                let mut v = c as u32 - '0' as u32;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ '0'..='7') => {
                            self.bump();
                            v = v * 8 + (d as u32 - '0' as u32);
                        }
                        _ => break,
                    }
                }
                char::from_u32(v).ok_or_else(|| invalid(self, self.pos))?
            }
            'x' => {
                let hex = if self.peek() == Some('{') {
                    self.bump();
                    let rest = &self.src[self.pos..];
                    let end = rest
                        .find('}')
                        .ok_or_else(|| invalid(self, self.src.len()))?;
                    let h = rest[..end].to_string();
                    self.pos += end + 1;
                    h
                } else {
                    let mut h = String::new();
                    for _ in 0..2 {
                        match self.bump() {
                            Some(d) => h.push(d),
                            None => return Err(invalid(self, self.pos)),
                        }
                    }
                    h
                };
                if hex.is_empty() || !hex.chars().all(|d| d.is_ascii_hexdigit()) {
                    return Err(invalid(self, self.pos));
                }
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| invalid(self, self.pos))?
            }
            'a' => '\u{7}',
            'f' => '\u{c}',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'v' => '\u{b}',
            'p' | 'P' => {
                let name = if self.peek() == Some('{') {
                    let rest = &self.src[self.pos..];
                    let end = rest.find('}').ok_or_else(|| {
                        (
                            "invalid character class range",
                            self.src[start..].to_string(),
                        )
                    })?;
                    let n = rest[1..end].to_string();
                    self.pos += end + 1;
                    n
                } else {
                    self.bump().map(String::from).unwrap_or_default()
                };
                let text = self.src[start..self.pos].to_string();
                let (negated, name) = match name.strip_prefix('^') {
                    Some(n) => (c == 'p', n.to_string()),
                    None => (c == 'P', name),
                };
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
                {
                    return Err(("invalid character class range", text));
                }
                let item = format!("\\{}{{{name}}}", if negated { 'P' } else { 'p' });
                if Regex::new(&item).is_err() {
                    return Err(("invalid character class range", text));
                }
                return Ok(ClassItem::Class(item));
            }
            c if c.is_ascii() && !c.is_ascii_alphanumeric() => c,
            _ => return Err(invalid(self, self.pos)),
        };
        Ok(ClassItem::Char(ch))
    }

    /// A bracketed class, from `[`.
    fn class(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        self.bump();
        self.out.push('[');
        if self.peek() == Some('^') {
            self.bump();
            self.out.push('^');
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(("missing closing ]", self.src[start..].to_string()));
            };
            if c == ']' && !first {
                self.bump();
                break;
            }
            first = false;
            if c == '[' && self.peek_at(1) == Some(':') {
                let rest = &self.src[self.pos..];
                if let Some(end) = rest[2..].find(":]") {
                    let text = &rest[..end + 4];
                    let name = &rest[2..end + 2];
                    let bare = name.strip_prefix('^').unwrap_or(name);
                    if !POSIX_CLASSES.contains(&bare) {
                        return Err(("invalid character class range", text.to_string()));
                    }
                    self.out.push_str(text);
                    self.pos += text.len();
                    continue;
                }
            }
            let item_start = self.pos;
            let lo = self.class_char()?;
            let range_follows =
                self.peek() == Some('-') && !matches!(self.peek_at(1), None | Some(']'));
            match lo {
                ClassItem::Char(lo) if range_follows => {
                    self.bump();
                    let hi_start = self.pos;
                    let hi = self.class_char()?;
                    let text = self.src[item_start..self.pos].to_string();
                    let ClassItem::Char(hi) = hi else {
                        return Err((
                            "invalid escape sequence",
                            self.src[hi_start..self.pos].to_string(),
                        ));
                    };
                    if hi < lo {
                        return Err(("invalid character class range", text));
                    }
                    push_literal(&mut self.out, lo);
                    self.out.push('-');
                    push_literal(&mut self.out, hi);
                }
                ClassItem::Char(ch) => push_literal(&mut self.out, ch),
                ClassItem::Class(items) => self.out.push_str(&items),
            }
        }
        self.out.push(']');
        Ok(())
    }

    fn class_char(&mut self) -> Result<ClassItem, ParseError> {
        let start = self.pos;
        match self.bump() {
            Some('\\') => {
                if matches!(self.peek(), Some('b' | 'B' | 'A' | 'z' | 'Q' | 'E')) {
                    self.bump();
                    return Err((
                        "invalid escape sequence",
                        self.src[start..self.pos].to_string(),
                    ));
                }
                self.class_escape(start)
            }
            Some(c) => Ok(ClassItem::Char(c)),
            None => Err(("missing closing ]", self.src[start..].to_string())),
        }
    }
}

/// A Go string as Go's `regexp` reads it: every byte that is not valid UTF-8 is one
/// U+FFFD (width one), which patterns match as that character, while the text a match
/// yields is cut from the original bytes.
pub(crate) struct Subject<'a> {
    bytes: &'a [u8],
    text: Cow<'a, str>,
    /// For a `text` with replacements, the offset in `bytes` of each offset of `text`
    /// (one past the end included); empty when `text` is `bytes`.
    offsets: Vec<usize>,
}

impl<'a> Subject<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Subject<'a> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Subject {
                bytes,
                text: Cow::Borrowed(text),
                offsets: Vec::new(),
            };
        }
        let mut text = String::with_capacity(bytes.len() + 8);
        let mut offsets = Vec::with_capacity(bytes.len() + 8);
        let mut i = 0;
        while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
            let (c, n) = decode_rune(rest);
            let width = c.len_utf8();
            text.push(c);
            // Inside a valid character the offsets run along; the three bytes of a
            // replacement all stand for the one invalid byte.
            offsets.extend((0..width).map(|k| if width == n { i + k } else { i }));
            i += n;
        }
        offsets.push(bytes.len());
        Subject {
            bytes,
            text: Cow::Owned(text),
            offsets,
        }
    }

    /// The original bytes between two offsets of the text.
    fn slice(&self, start: usize, end: usize) -> &'a [u8] {
        let at = |i: usize| {
            if self.offsets.is_empty() {
                i
            } else {
                self.offsets.get(i).copied().unwrap_or(self.bytes.len())
            }
        };
        self.bytes.get(at(start)..at(end)).unwrap_or_default()
    }
}

impl GoRegex {
    pub(crate) fn is_match(&self, s: &Subject<'_>) -> bool {
        self.re.is_match(&s.text)
    }

    /// Go's `allMatches`: successive non-overlapping matches, where an empty match right
    /// after the previous match is skipped; at most `n` when `n` >= 0.
    fn matches<'h>(&self, s: &'h str, n: i64) -> Vec<Captures<'h>> {
        let mut out = Vec::new();
        let mut pos = 0usize;
        let mut prev_end: Option<usize> = None;
        while (n < 0 || (out.len() as i64) < n) && pos <= s.len() {
            let Some(caps) = self.re.captures_at(s, pos) else {
                break;
            };
            let Some(m) = caps.get(0) else { break };
            let mut accept = true;
            if m.end() == pos {
                if prev_end == Some(m.start()) {
                    accept = false;
                }
                pos += s[pos..].chars().next().map_or(1, char::len_utf8);
            } else {
                pos = m.end();
            }
            prev_end = Some(m.end());
            if accept {
                out.push(caps);
            }
        }
        out
    }

    pub(crate) fn find(&self, s: &Subject<'_>) -> Vec<u8> {
        self.re
            .find(&s.text)
            .map(|m| s.slice(m.start(), m.end()).to_vec())
            .unwrap_or_default()
    }

    pub(crate) fn find_all(&self, s: &Subject<'_>, n: i64) -> Vec<Vec<u8>> {
        if n == 0 {
            return Vec::new();
        }
        self.matches(&s.text, n)
            .iter()
            .filter_map(|c| c.get(0))
            .map(|m| s.slice(m.start(), m.end()).to_vec())
            .collect()
    }

    /// Go's `ReplaceAllString` (`literal` false: `$1`, `${name}` expanded) and
    /// `ReplaceAllLiteralString`.
    pub(crate) fn replace_all(&self, s: &Subject<'_>, repl: &[u8], literal: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.bytes.len());
        let mut last = 0;
        for caps in self.matches(&s.text, -1) {
            let Some(m) = caps.get(0) else { continue };
            out.extend_from_slice(s.slice(last, m.start()));
            if literal {
                out.extend_from_slice(repl);
            } else {
                self.expand(s, &caps, repl, &mut out);
            }
            last = m.end();
        }
        out.extend_from_slice(s.slice(last, s.text.len()));
        out
    }

    /// Go's `Regexp.expand`.
    fn expand(&self, s: &Subject<'_>, caps: &Captures<'_>, template: &[u8], out: &mut Vec<u8>) {
        let mut rest = template;
        while let Some(i) = rest.iter().position(|&b| b == b'$') {
            out.extend_from_slice(&rest[..i]);
            rest = &rest[i + 1..];
            if let Some(r) = rest.strip_prefix(b"$") {
                out.push(b'$');
                rest = r;
                continue;
            }
            let Some((name, after)) = extract_name(rest) else {
                out.push(b'$');
                continue;
            };
            rest = after;
            let group = match group_number(name) {
                Some(num) => caps.get(num),
                None => self
                    .names
                    .iter()
                    .position(|n| !n.is_empty() && n.as_bytes() == name)
                    .and_then(|idx| caps.get(idx)),
            };
            if let Some(g) = group {
                out.extend_from_slice(s.slice(g.start(), g.end()));
            }
        }
        out.extend_from_slice(rest);
    }

    /// Go's `Regexp.Split`.
    pub(crate) fn split(&self, s: &Subject<'_>, n: i64) -> Vec<Vec<u8>> {
        if n == 0 {
            return Vec::new();
        }
        let len = s.text.len();
        if !self.re.as_str().is_empty() && len == 0 {
            return vec![Vec::new()];
        }
        let mut out = Vec::new();
        let mut beg = 0;
        let mut end = 0;
        for caps in self.matches(&s.text, n) {
            if n > 0 && out.len() as i64 == n - 1 {
                break;
            }
            let Some(m) = caps.get(0) else { continue };
            end = m.start();
            if m.end() != 0 {
                out.push(s.slice(beg, end).to_vec());
            }
            beg = m.end();
        }
        if end != len {
            out.push(s.slice(beg, len).to_vec());
        }
        out
    }
}

/// The group name after a `$` in a template: `{name}` or the longest run of word
/// characters. `None` when there is none (Go then keeps the `$`).
fn extract_name(s: &[u8]) -> Option<(&[u8], &[u8])> {
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    if let Some(inner) = s.strip_prefix(b"{") {
        let end = inner.iter().position(|&b| b == b'}')?;
        let name = &inner[..end];
        if name.is_empty() || !name.iter().all(word) {
            return None;
        }
        return Some((name, &inner[end + 1..]));
    }
    let len = s.iter().take_while(|b| word(b)).count();
    if len == 0 {
        return None;
    }
    Some(s.split_at(len))
}

/// A name made of digits is a group number (no leading zeros, below 10^8).
fn group_number(name: &[u8]) -> Option<usize> {
    if !name.iter().all(u8::is_ascii_digit) || (name.len() > 1 && name.starts_with(b"0")) {
        return None;
    }
    std::str::from_utf8(name)
        .ok()?
        .parse::<usize>()
        .ok()
        .filter(|n| *n < 100_000_000)
}

/// Go's `regexp.QuoteMeta`, which works on bytes: other bytes, valid or not, pass.
pub(crate) fn quote_meta(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2);
    for &b in s {
        if br"\.+*?()|[]{}^$".contains(&b) {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{compile, Subject};

    /// Every cut of a byte string's lossy view maps back to the bytes it stands for:
    /// a replacement character to its one invalid byte, a real U+FFFD to its three.
    #[test]
    fn subject_cuts_map_back_to_bytes() {
        let bytes = b"a\xff\xe2\x82\xef\xbf\xbd\xc3\xa9z";
        let s = Subject::new(bytes);
        assert_eq!(s.slice(0, s.text.len()), bytes);
        let any = compile(".").unwrap();
        let runes: Vec<Vec<u8>> = any.find_all(&s, -1);
        let want: [&[u8]; 7] = [
            b"a",
            b"\xff",
            b"\xe2",
            b"\x82",
            "\u{FFFD}".as_bytes(),
            "\u{e9}".as_bytes(),
            b"z",
        ];
        assert_eq!(runes, want.map(<[u8]>::to_vec));
        let fffd = compile("\\x{FFFD}+").unwrap();
        assert_eq!(fffd.find(&s), b"\xff\xe2\x82\xef\xbf\xbd");
        assert_eq!(
            compile("(.)z").unwrap().replace_all(&s, b"<$1>", false),
            b"a\xff\xe2\x82\xef\xbf\xbd<\xc3\xa9>"
        );
    }
}
