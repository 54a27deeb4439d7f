//! Character reading and token scanning for the TOML decoder, with BurntSushi/toml's
//! acceptance and error texts. The parser ([`super::parse`]) pulls one token at a time
//! and processes it before asking for the next, as BurntSushi's parser does with its
//! lexer's items, so its semantic errors and these lexical ones come in the same order.
//!
//! Line numbers: BurntSushi counts a line when it reads a `\n`, so an error is on the
//! line after every newline read so far; some errors name the line before (a newline
//! that ends a string or a key), and errors at the end of input depend on the version
//! (v1.4 always names the line before; v1.6 only when the input ends with `\n`).

/// BurntSushi/toml's version: helm4 has v1.6 (TOML 1.1), helm3 v1.4 (TOML 1.0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    V1_6,
    V1_4,
}

/// A lexical error: its line and message (the parser adds the last key).
#[derive(Debug)]
pub(super) struct LexError {
    pub line: i64,
    pub msg: String,
}

pub(super) type LRes<T> = Result<T, LexError>;

/// A scanned scalar value, with the line BurntSushi gives its item (the line where the
/// lexer stood when the token ended).
pub(super) enum Scalar {
    /// A basic or literal string's text between its quotes, escapes not yet replaced.
    Basic(String),
    MultiBasic(String),
    Literal(String),
    MultiLiteral(String),
    Integer(String),
    Float(String),
    Bool(bool),
    Datetime(String),
}

pub(super) struct Lexer<'a> {
    src: &'a [u8],
    pub pos: usize,
    pub flavor: Flavor,
}

fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

/// Go's `%q` of a rune (the end of input reads as rune 0).
pub(super) fn quote_rune(c: Option<char>) -> String {
    crate::gofmt::quote_rune(c.unwrap_or('\0'), false)
}

/// Go's `%c` of a rune (rune 0 at the end of input).
fn rune_text(c: Option<char>) -> char {
    c.unwrap_or('\0')
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8], flavor: Flavor) -> Self {
        Lexer {
            src,
            pos: 0,
            flavor,
        }
    }

    /// 1 + the newlines before `pos`.
    pub fn line_at(&self, pos: usize) -> i64 {
        1 + self.src[..pos.min(self.src.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as i64
    }

    pub fn line(&self) -> i64 {
        self.line_at(self.pos)
    }

    /// An error where the lexer stands (after what it has read).
    pub fn err(&self, msg: String) -> LexError {
        LexError {
            line: self.line(),
            msg,
        }
    }

    /// An error on the line before (a newline just read ends a string or a key).
    pub fn err_prev_line(&self, msg: String) -> LexError {
        LexError {
            line: self.line() - 1,
            msg,
        }
    }

    /// An error found by reading past the end of input.
    pub fn err_eof(&self, msg: String) -> LexError {
        let back = match self.flavor {
            Flavor::V1_4 => 1,
            Flavor::V1_6 => i64::from(self.pos >= 1 && self.src[self.pos - 1] == b'\n'),
        };
        LexError {
            line: self.line() - back,
            msg,
        }
    }

    /// An error about the character just read, or the end of input.
    fn err_read(&self, c: Option<char>, msg: String) -> LexError {
        match c {
            None => self.err_eof(msg),
            Some(_) => self.err(msg),
        }
    }

    /// The character at `pos` and its width; invalid UTF-8, control characters (other
    /// than tab and newline) and a carriage return not before `\n` are errors, found
    /// whenever the lexer looks at them.
    fn decode(&self) -> LRes<Option<(char, usize)>> {
        let rest = &self.src[self.pos..];
        let Some(&b) = rest.first() else {
            return Ok(None);
        };
        let width = match b {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 0,
        };
        let c = rest
            .get(..width)
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next());
        let Some(c) = c else {
            return Err(self.err(format!("invalid UTF-8 byte: 0x{b:02x}")));
        };
        let control = (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u{7f}';
        if control || (c == '\r' && rest.get(1) != Some(&b'\n')) {
            return Err(self.err(format!(
                "TOML files cannot contain control characters: '0x{:02x}'",
                c as u32
            )));
        }
        Ok(Some((c, width)))
    }

    pub fn next(&mut self) -> LRes<Option<char>> {
        Ok(self.decode()?.map(|(c, w)| {
            self.pos += w;
            c
        }))
    }

    pub fn peek(&self) -> LRes<Option<char>> {
        Ok(self.decode()?.map(|(c, _)| c))
    }

    /// Reads `want` if it comes next.
    pub fn accept(&mut self, want: char) -> LRes<bool> {
        if self.peek()? == Some(want) {
            self.pos += want.len_utf8();
            return Ok(true);
        }
        Ok(false)
    }

    /// Steps back over the character just read (always ASCII where used).
    pub fn back(&mut self, c: char) {
        self.pos -= c.len_utf8();
    }

    pub fn skip_ws(&mut self) -> LRes<()> {
        while matches!(self.peek()?, Some(' ' | '\t')) {
            self.pos += 1;
        }
        Ok(())
    }

    fn text(&self, from: usize) -> &str {
        self.slice(from, self.pos)
    }

    /// The source between two offsets (the lexer only stops on character boundaries).
    fn slice(&self, from: usize, to: usize) -> &str {
        self.src
            .get(from..to)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// A comment's text after `#`, up to (not including) the newline.
    pub fn comment(&mut self) -> LRes<()> {
        while let Some(c) = self.peek()? {
            if c == '\n' || c == '\r' {
                break;
            }
            self.pos += c.len_utf8();
        }
        Ok(())
    }

    /// A bare key part: possibly empty (the character after it is then the error).
    pub fn bare_name(&mut self) -> LRes<String> {
        let from = self.pos;
        while let Some(c) = self.peek()? {
            if !is_bare(c) {
                break;
            }
            self.pos += 1;
        }
        Ok(self.text(from).to_owned())
    }

    /// A one-line basic string after its opening quote; returns the raw text.
    pub fn basic_string(&mut self) -> LRes<String> {
        let from = self.pos;
        loop {
            match self.next()? {
                None => return Err(self.err_eof("unexpected EOF; expected '\"'".into())),
                Some('\n' | '\r') => {
                    return Err(self.err_prev_line("strings cannot contain newlines".into()))
                }
                Some('\\') => self.escape(from)?,
                Some('"') => return Ok(self.src_text(from, self.pos - 1)),
                Some(_) => {}
            }
        }
    }

    /// The escape after a backslash (`from`: where the string's text began, which the
    /// errors about hexadecimal digits quote).
    fn escape(&mut self, from: usize) -> LRes<()> {
        let c = self.next()?;
        let digits = match c {
            Some('b' | 't' | 'n' | 'f' | 'r' | '"' | '\\' | ' ' | '\t') => return Ok(()),
            Some('e') if self.flavor == Flavor::V1_6 => return Ok(()),
            Some('x') if self.flavor == Flavor::V1_6 => ("two", 'x', 2),
            Some('u') => ("four", 'u', 4),
            Some('U') => ("eight", 'U', 8),
            _ => {
                let msg = format!("invalid escape in string '\\{}'", rune_text(c));
                // BurntSushi names the line before for this one at the end of input.
                return Err(match c {
                    None => self.err_prev_line(msg),
                    Some(_) => self.err(msg),
                });
            }
        };
        for _ in 0..digits.2 {
            let d = self.next()?;
            if !d.is_some_and(is_hex) {
                let msg = format!(
                    "expected {} hexadecimal digits after '\\{}', but got {} instead",
                    digits.0,
                    digits.1,
                    crate::gofmt::quote(self.text(from))
                );
                return Err(self.err_read(d, msg));
            }
        }
        Ok(())
    }

    /// A one-line literal string after its opening quote.
    pub fn literal_string(&mut self) -> LRes<String> {
        let from = self.pos;
        loop {
            match self.next()? {
                None => return Err(self.err_eof("unexpected EOF; expected \"'\"".into())),
                Some('\n' | '\r') => {
                    return Err(self.err_prev_line("strings cannot contain newlines".into()))
                }
                Some('\'') => return Ok(self.src_text(from, self.pos - 1)),
                Some(_) => {}
            }
        }
    }

    fn src_text(&self, from: usize, to: usize) -> String {
        self.slice(from, to).to_owned()
    }

    /// A multi-line string after its opening `"""` or `'''`: up to three closing
    /// quotes, of which up to two more may belong to the text; six in a row are an
    /// error.
    pub fn multiline(&mut self, q: char) -> LRes<String> {
        let from = self.pos;
        loop {
            match self.next()? {
                None => {
                    let msg = if q == '"' {
                        "unexpected EOF; expected '\"\"\"'"
                    } else {
                        "unexpected EOF; expected \"'''\""
                    };
                    return Err(self.err_eof(msg.into()));
                }
                Some('\\') if q == '"' => {
                    // A backslash before a newline joins lines (the parser trims).
                    match self.peek()? {
                        Some('\n' | '\r') => self.pos += 1,
                        _ => self.escape(from)?,
                    }
                }
                Some(c) if c == q => {
                    if !(self.accept(q)? && self.accept(q)?) {
                        continue;
                    }
                    if self.peek()? == Some(q) {
                        let seen = self.text(from);
                        let five: String = std::iter::repeat_n(q, 5).collect();
                        let escaped = q == '"' && seen.ends_with("\\\"\"\"\"\"");
                        if seen.ends_with(&five) && !escaped {
                            let six: String = std::iter::repeat_n(q, 6).collect();
                            let msg = if q == '"' {
                                format!("unexpected '{six}'")
                            } else {
                                format!("unexpected \"{six}\"")
                            };
                            return Err(self.err(msg));
                        }
                        // The first quote is text: read on from the second.
                        self.pos -= 2;
                        continue;
                    }
                    return Ok(self.src_text(from, self.pos - 3));
                }
                Some(_) => {}
            }
        }
    }

    /// A value starting with a digit (already read): an integer, a float or a
    /// date-time, scanned loosely (the parser checks it).
    pub fn number_or_date(&mut self, first: char) -> LRes<Scalar> {
        #[derive(PartialEq)]
        enum St {
            NumOrDate,
            Datetime,
            Decimal,
            Float,
            Based(u32),
        }
        let from = self.pos - 1;
        let mut st = St::NumOrDate;
        if first == '0' {
            match self.peek()? {
                Some(c @ ('b' | 'o' | 'x')) => {
                    self.pos += 1;
                    let (radix, name) = match c {
                        'b' => (2, "a binary"),
                        'o' => (8, "an octal"),
                        _ => (16, "a hexadecimal"),
                    };
                    let name = if radix == 16 && self.flavor == Flavor::V1_4 {
                        "a hexidecimal"
                    } else {
                        name
                    };
                    let p = self.peek()?;
                    if !p.is_some_and(|d| d.is_digit(radix)) {
                        return Err(self.err(format!(
                            "not {name} number: '{}{}'",
                            self.text(from),
                            rune_text(p)
                        )));
                    }
                    st = St::Based(radix);
                }
                Some('_') => {
                    self.pos += 1;
                    st = St::Decimal;
                }
                Some('.' | 'e' | 'E') => {
                    self.pos += 1;
                    st = St::Float;
                }
                Some(c) if c.is_ascii_digit() => {}
                _ => return Ok(Scalar::Integer(self.text(from).into())),
            }
        }
        while let Some(c) = self.peek()? {
            let next = match (&st, c) {
                (_, '0'..='9') if st != St::Based(2) && st != St::Based(8) => None,
                (St::Based(r), c) if c.is_digit(*r) || c == '_' => None,
                (St::NumOrDate, '-' | ':') => Some(St::Datetime),
                (St::NumOrDate, '_') => Some(St::Decimal),
                (St::NumOrDate | St::Decimal, '.' | 'e' | 'E') => Some(St::Float),
                (St::Decimal, '_') => None,
                (St::Datetime, '-' | ':' | 'T' | 't' | ' ' | '.' | 'Z' | 'z' | '+') => None,
                (St::Float, '_' | '.' | '-' | '+' | 'e' | 'E') => None,
                _ => break,
            };
            self.pos += 1;
            if let Some(n) = next {
                st = n;
            }
        }
        let text = self.text(from);
        Ok(match st {
            St::Datetime => Scalar::Datetime(text.trim_matches(' ').into()),
            St::Float => Scalar::Float(text.into()),
            _ => Scalar::Integer(text.into()),
        })
    }

    /// A value after its sign: a decimal integer or float, or `inf` / `nan`.
    pub fn signed_number(&mut self) -> LRes<Scalar> {
        let from = self.pos - 1;
        let c = self.next()?;
        match c {
            Some(w @ ('i' | 'n')) => {
                let rest = if w == 'i' { ['n', 'f'] } else { ['a', 'n'] };
                if !(self.accept(rest[0])? && self.accept(rest[1])?) {
                    return Err(self.err(format!("invalid float: '{}'", self.text(from))));
                }
                return Ok(Scalar::Float(self.text(from).into()));
            }
            Some('0') => {
                let p = self.peek()?;
                if let Some(b @ ('b' | 'o' | 'x')) = p {
                    return Err(self.err(format!(
                        "cannot use sign with non-decimal numbers: '{}{b}'",
                        self.text(from)
                    )));
                }
            }
            Some('.') => {
                return Err(self.err("floats must start with a digit, not '.'".into()));
            }
            _ => {}
        }
        if !c.is_some_and(|c| c.is_ascii_digit()) {
            let msg = format!("expected a digit but got {}", quote_rune(c));
            return Err(self.err_read(c, msg));
        }
        let mut float = false;
        while let Some(c) = self.peek()? {
            match c {
                '0'..='9' | '_' => {}
                '.' | 'e' | 'E' => float = true,
                '-' | '+' if float => {}
                _ => break,
            }
            self.pos += 1;
        }
        let text = self.text(from).to_owned();
        Ok(if float {
            Scalar::Float(text)
        } else {
            Scalar::Integer(text)
        })
    }

    /// A value starting with a letter (already read): `inf`, `nan`, `true`, `false`.
    /// After `i` or `n` BurntSushi tries `nf` then `an`; when neither completes it
    /// steps back one character and reads a word from there, so `in` reads as `n`.
    pub fn word(&mut self, first: char) -> LRes<Scalar> {
        let from = self.pos - first.len_utf8();
        if first == 'i' || first == 'n' {
            let a1 = self.accept('n')?;
            if a1 && self.accept('f')? {
                return Ok(Scalar::Float(self.text(from).into()));
            }
            if self.accept('a')? && self.accept('n')? {
                return Ok(Scalar::Float(self.text(from).into()));
            }
        }
        self.pos -= if self.pos - from == first.len_utf8() {
            first.len_utf8()
        } else {
            1
        };
        let start = self.pos;
        while let Some(c) = self.peek()? {
            if !crate::sprig::unicode::is_letter(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        match self.text(start) {
            "true" => Ok(Scalar::Bool(true)),
            "false" => Ok(Scalar::Bool(false)),
            s => Err(self.err(format!(
                "expected value but found {} instead",
                crate::gofmt::quote(s)
            ))),
        }
    }

    /// `%q` of a character read, for the "but got" errors.
    pub fn got(c: Option<char>) -> String {
        quote_rune(c)
    }

    /// `'c'` or `end of file` (BurntSushi's `runeOrEOF`, not quoted Go-style).
    pub fn rune_or_eof(c: Option<char>) -> String {
        match c {
            None => "end of file".into(),
            Some(c) => format!("'{c}'"),
        }
    }

    /// An error about a character just read.
    pub fn err_got(&self, c: Option<char>, msg: String) -> LexError {
        self.err_read(c, msg)
    }
}
