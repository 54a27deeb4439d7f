//! Go's text/template lexer, token for token.
//!
//! The whole input is scanned up front into a token vector; scanning depends only on the
//! input (Helm never changes delimiters, and `break`/`continue` are always keywords), so
//! this gives the parser exactly the tokens Go's on-demand lexer would. A lexical error
//! becomes a final [`Tok::Error`] token carrying Go's message, which the parser reports
//! when (and only if) it reaches it.

/// Token kinds (Go's `itemType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Error,
    Bool,
    Char,
    CharConstant,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    // Keywords (Go prints these as `<word>` in "unexpected" errors).
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl Tok {
    fn is_keyword(self) -> bool {
        matches!(
            self,
            Tok::Block
                | Tok::Break
                | Tok::Continue
                | Tok::Dot
                | Tok::Define
                | Tok::Else
                | Tok::End
                | Tok::If
                | Tok::Nil
                | Tok::Range
                | Tok::Template
                | Tok::With
        )
    }
}

/// One token: kind, byte offset of its start and its text. The text borrows the input,
/// so neither lexing nor the parser's look-ahead allocates. An error token's text is
/// empty: its message is [`Lexed::error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    pub typ: Tok,
    /// Byte offset; the parser accepts no text of 4 GiB or more, so it fits.
    pub pos: super::ast::Pos,
    pub val: &'a str,
}

/// The tokens of an input, and the message of the error token that ends them, if any.
pub struct Lexed<'a> {
    pub items: Vec<Item<'a>>,
    pub error: String,
    /// Each comment with line breaks: the byte offset just past its `*/` and the number
    /// of line breaks inside it (Go 1.23's lexer leaves them out of its line count).
    pub comment_breaks: Vec<(usize, usize)>,
}

impl std::fmt::Display for Item<'_> {
    /// Go's `item.String()`, used in "unexpected X in Y" messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.typ {
            Tok::Eof => f.write_str("EOF"),
            Tok::Error => f.write_str("error"),
            t if t.is_keyword() => write!(f, "<{}>", self.val),
            _ if self.val.chars().count() > 10 => {
                let short: String = self.val.chars().take(10).collect();
                write!(f, "{}...", crate::gofmt::quote(&short))
            }
            _ => f.write_str(&crate::gofmt::quote(self.val)),
        }
    }
}

const LEFT: &str = "{{";
const RIGHT: &str = "}}";
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const TRIM_LEN: usize = 2;

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphabetic() || is_unicode_digit(c)
}

/// Go's `unicode.IsDigit`; outside ASCII, Rust's `is_numeric` is the nearest test.
fn is_unicode_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

fn has_left_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(b[1] as char)
}

fn has_right_trim(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(b[0] as char) && b[1] == b'-'
}

fn right_trim_len(s: &str) -> usize {
    s.len() - s.trim_end_matches(is_space).len()
}

fn left_trim_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// Scans `input` into tokens, ending with `Eof` or `Error`.
pub fn lex(input: &str) -> Lexed<'_> {
    let mut l = Lexer {
        input,
        pos: 0,
        start: 0,
        paren_depth: 0,
        // Real templates average well over eight bytes per token.
        items: Vec::with_capacity(input.len() / 8 + 4),
        error: String::new(),
        comment_breaks: Vec::new(),
    };
    l.run();
    Lexed {
        items: l.items,
        error: l.error,
        comment_breaks: l.comment_breaks,
    }
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    paren_depth: i32,
    items: Vec<Item<'a>>,
    error: String,
    comment_breaks: Vec<(usize, usize)>,
}

enum State {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Quote,
    RawQuote,
    Variable,
    Field,
    Char,
    Number,
    Identifier,
    Done,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        self.input.get(self.pos..).unwrap_or("")
    }

    // Templates are almost all ASCII: `next`, `peek` and `backup` decode a char only
    // when the byte at hand is not one.
    fn next(&mut self) -> Option<char> {
        let b = *self.input.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            self.pos += 1;
            return Some(b as char);
        }
        let c = self.rest().chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn peek(&self) -> Option<char> {
        let b = *self.input.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            return Some(b as char);
        }
        self.rest().chars().next()
    }

    /// Steps back over the char before `pos` (Go's `backup` after a `next`).
    fn backup(&mut self) {
        if let Some(b) = self
            .pos
            .checked_sub(1)
            .and_then(|i| self.input.as_bytes().get(i))
        {
            if b.is_ascii() {
                self.pos -= 1;
                return;
            }
        }
        if let Some(c) = self
            .input
            .get(..self.pos)
            .and_then(|s| s.chars().next_back())
        {
            self.pos -= c.len_utf8();
        }
    }

    fn emit(&mut self, typ: Tok) -> State {
        let val = self.input.get(self.start..self.pos).unwrap_or("");
        self.items.push(Item {
            typ,
            pos: self.start as super::ast::Pos,
            val,
        });
        self.start = self.pos;
        State::InsideAction
    }

    /// Steps over letters, digits and `_`; returns the char that stopped the scan (not
    /// consumed), `None` at the end of the input.
    fn scan_alnum(&mut self) -> Option<char> {
        loop {
            match self.input.as_bytes().get(self.pos) {
                Some(&b) if b.is_ascii_alphanumeric() || b == b'_' => self.pos += 1,
                Some(&b) if b.is_ascii() => return Some(b as char),
                None => return None,
                Some(_) => {
                    let c = self.peek()?;
                    if !is_alnum(c) {
                        return Some(c);
                    }
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn ignore(&mut self) {
        self.start = self.pos;
    }

    fn errorf(&mut self, msg: String) -> State {
        self.items.push(Item {
            typ: Tok::Error,
            pos: self.start as super::ast::Pos,
            val: "",
        });
        self.error = msg;
        State::Done
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.peek() {
            Some(c) if valid.contains(c) => {
                self.pos += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while self.accept(valid) {}
    }

    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim(rest) && rest.get(TRIM_LEN..).is_some_and(|r| r.starts_with(RIGHT)) {
            return (true, true);
        }
        (rest.starts_with(RIGHT), false)
    }

    fn at_terminator(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) if is_space(c) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(RIGHT),
        }
    }

    fn run(&mut self) {
        let mut state = State::Text;
        loop {
            state = match state {
                State::Done => return,
                State::Text => self.lex_text(),
                State::LeftDelim => self.lex_left_delim(),
                State::Comment => self.lex_comment(),
                State::RightDelim => self.lex_right_delim(),
                State::InsideAction => self.lex_inside_action(),
                State::Space => self.lex_space(),
                State::Quote => self.lex_quote(),
                State::RawQuote => self.lex_raw_quote(),
                State::Variable => self.lex_field_or_variable(Tok::Variable),
                State::Field => self.lex_field_or_variable(Tok::Field),
                State::Char => self.lex_char(),
                State::Number => self.lex_number(),
                State::Identifier => self.lex_identifier(),
            };
        }
    }

    fn lex_text(&mut self) -> State {
        if let Some(x) = find_left_delim(self.rest().as_bytes()) {
            if x > 0 {
                self.pos += x;
                let delim_end = self.pos + LEFT.len();
                let mut trim = 0;
                if has_left_trim(self.input.get(delim_end..).unwrap_or("")) {
                    trim = right_trim_len(self.input.get(self.start..self.pos).unwrap_or(""));
                }
                self.pos -= trim;
                if self.pos > self.start {
                    self.emit(Tok::Text);
                }
                self.pos += trim;
                self.ignore();
            }
            return State::LeftDelim;
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            self.emit(Tok::Text);
        }
        self.emit(Tok::Eof);
        State::Done
    }

    fn lex_left_delim(&mut self) -> State {
        self.pos += LEFT.len();
        let trim = has_left_trim(self.rest());
        let after = if trim { TRIM_LEN } else { 0 };
        if self
            .input
            .get(self.pos + after..)
            .is_some_and(|r| r.starts_with(LEFT_COMMENT))
        {
            self.pos += after;
            self.ignore();
            return State::Comment;
        }
        let start = self.start;
        let val = self.input.get(start..self.pos).unwrap_or("");
        self.items.push(Item {
            typ: Tok::LeftDelim,
            pos: start as super::ast::Pos,
            val,
        });
        self.pos += after;
        self.ignore();
        self.paren_depth = 0;
        State::InsideAction
    }

    fn lex_comment(&mut self) -> State {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            return self.errorf("unclosed comment".into());
        };
        let breaks = self.rest()[..x].matches('\n').count();
        self.pos += x + RIGHT_COMMENT.len();
        if breaks > 0 {
            self.comment_breaks.push((self.pos, breaks));
        }
        let (delim, trim) = self.at_right_delim();
        if !delim {
            return self.errorf("comment ends before closing delimiter".into());
        }
        if trim {
            self.pos += TRIM_LEN;
        }
        self.pos += RIGHT.len();
        if trim {
            self.pos += left_trim_len(self.rest());
        }
        self.ignore();
        State::Text
    }

    fn lex_right_delim(&mut self) -> State {
        let (_, trim) = self.at_right_delim();
        if trim {
            self.pos += TRIM_LEN;
            self.ignore();
        }
        self.pos += RIGHT.len();
        self.emit(Tok::RightDelim);
        if trim {
            self.pos += left_trim_len(self.rest());
            self.ignore();
        }
        State::Text
    }

    fn lex_inside_action(&mut self) -> State {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return State::RightDelim;
            }
            return self.errorf("unclosed left paren".into());
        }
        let Some(r) = self.next() else {
            return self.errorf("unclosed action".into());
        };
        match r {
            c if is_space(c) => {
                self.backup();
                State::Space
            }
            '=' => self.emit(Tok::Assign),
            ':' => {
                if self.next() != Some('=') {
                    return self.errorf("expected :=".into());
                }
                self.emit(Tok::Declare)
            }
            '|' => self.emit(Tok::Pipe),
            '"' => State::Quote,
            '`' => State::RawQuote,
            '$' => State::Variable,
            '\'' => State::Char,
            '.' => {
                // A field unless a digit follows (".5" is a number).
                match self.rest().as_bytes().first() {
                    Some(b) if !b.is_ascii_digit() => State::Field,
                    Some(_) => {
                        self.backup();
                        State::Number
                    }
                    None => State::Field,
                }
            }
            '+' | '-' | '0'..='9' => {
                self.backup();
                State::Number
            }
            c if is_alnum(c) => {
                self.backup();
                State::Identifier
            }
            '(' => {
                self.paren_depth += 1;
                self.emit(Tok::LeftParen)
            }
            ')' => {
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return self.errorf("unexpected right paren".into());
                }
                self.emit(Tok::RightParen)
            }
            c if c.is_ascii() && !c.is_ascii_control() => self.emit(Tok::Char),
            c => self.errorf(format!(
                "unrecognized character in action: {}",
                crate::gofmt::fmt_unicode_hash(c)
            )),
        }
    }

    fn lex_space(&mut self) -> State {
        let mut n = 0;
        while self
            .input
            .as_bytes()
            .get(self.pos)
            .is_some_and(|&b| is_space(b as char))
        {
            self.pos += 1;
            n += 1;
        }
        // A space followed by "-}}" belongs to the trim marker.
        let back = self.input.get(self.pos - 1..).unwrap_or("");
        if has_right_trim(back) && back.get(TRIM_LEN..).is_some_and(|r| r.starts_with(RIGHT)) {
            self.pos -= 1;
            if n == 1 {
                return State::InsideAction;
            }
        }
        self.emit(Tok::Space)
    }

    fn lex_quote(&mut self) -> State {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated quoted string".into()),
                },
                None | Some('\n') => return self.errorf("unterminated quoted string".into()),
                Some('"') => break,
                _ => {}
            }
        }
        self.emit(Tok::String)
    }

    fn lex_raw_quote(&mut self) -> State {
        loop {
            match self.next() {
                None => return self.errorf("unterminated raw quoted string".into()),
                Some('`') => break,
                _ => {}
            }
        }
        self.emit(Tok::RawString)
    }

    fn lex_char(&mut self) -> State {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated character constant".into()),
                },
                None | Some('\n') => return self.errorf("unterminated character constant".into()),
                Some('\'') => break,
                _ => {}
            }
        }
        self.emit(Tok::CharConstant)
    }

    fn lex_field_or_variable(&mut self, typ: Tok) -> State {
        if self.at_terminator() {
            return self.emit(if typ == Tok::Variable {
                Tok::Variable
            } else {
                Tok::Dot
            });
        }
        let last = self.scan_alnum();
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", fmt_rune_opt(last)));
        }
        self.emit(typ)
    }

    fn lex_identifier(&mut self) -> State {
        let r = self.scan_alnum();
        let word = self.input.get(self.start..self.pos).unwrap_or("");
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", fmt_rune_opt(r)));
        }
        let typ = match word {
            "block" => Tok::Block,
            "break" => Tok::Break,
            "continue" => Tok::Continue,
            "define" => Tok::Define,
            "else" => Tok::Else,
            "end" => Tok::End,
            "if" => Tok::If,
            "range" => Tok::Range,
            "nil" => Tok::Nil,
            "template" => Tok::Template,
            "with" => Tok::With,
            "true" | "false" => Tok::Bool,
            _ => Tok::Identifier,
        };
        self.emit(typ)
    }

    fn lex_number(&mut self) -> State {
        if !self.scan_number() {
            let bad = self
                .input
                .get(self.start..self.pos)
                .unwrap_or("")
                .to_string();
            return self.errorf(format!("bad number syntax: {}", crate::gofmt::quote(&bad)));
        }
        if let Some('+' | '-') = self.peek() {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if !self.scan_number() || !self.input.get(..self.pos).is_some_and(|s| s.ends_with('i'))
            {
                let bad = self
                    .input
                    .get(self.start..self.pos)
                    .unwrap_or("")
                    .to_string();
                return self.errorf(format!("bad number syntax: {}", crate::gofmt::quote(&bad)));
            }
            return self.emit(Tok::Complex);
        }
        self.emit(Tok::Number)
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if self.peek().is_some_and(is_alnum) {
            self.next();
            return false;
        }
        true
    }
}

/// Where `{{` first occurs: a byte search for `{`, much cheaper than a substring
/// searcher set up per text run.
fn find_left_delim(hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| memchr::memchr(b'{', h)) {
        let at = from + i;
        if hay.get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Go's `%#U` of the rune that stopped a scan (EOF is Go's -1 rune).
fn fmt_rune_opt(r: Option<char>) -> String {
    match r {
        Some(c) => crate::gofmt::fmt_unicode_hash(c),
        None => "U+FFFFFFFFFFFFFFFF".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tok, String)> {
        lex(s)
            .items
            .into_iter()
            .map(|i| (i.typ, i.val.to_string()))
            .collect()
    }

    #[test]
    fn trims_and_comments() {
        let toks = kinds("a  {{- .x -}}  b{{/* c */}}d");
        assert_eq!(
            toks,
            vec![
                (Tok::Text, "a".into()),
                (Tok::LeftDelim, "{{".into()),
                (Tok::Field, ".x".into()),
                (Tok::RightDelim, "}}".into()),
                (Tok::Text, "b".into()),
                (Tok::Text, "d".into()),
                (Tok::Eof, "".into()),
            ]
        );
    }

    #[test]
    fn minus_without_space_is_a_number() {
        let toks = kinds("{{-3}}");
        assert_eq!(toks[1], (Tok::Number, "-3".into()));
    }

    #[test]
    fn errors_end_the_stream() {
        let lexed = lex("{{ \"abc }}");
        assert_eq!(lexed.items.last().map(|t| t.typ), Some(Tok::Error));
        assert_eq!(lexed.error, "unterminated quoted string");
    }
}
