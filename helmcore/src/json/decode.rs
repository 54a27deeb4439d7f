//! `encoding/json`'s `Unmarshal` into `interface{}`: objects become maps, numbers
//! `float64`, with Go's syntax error texts (`invalid character 'x' looking for beginning
//! of value`, `unexpected end of JSON input`).
//!
//! The parser is iterative, so deep nesting cannot overflow the stack. Go's scanner refuses
//! more than 10000 levels; here the limit is [`crate::yaml::MAX_NESTING`], because the
//! values are later walked recursively on a fixed stack.

use std::collections::BTreeMap;

use super::{go_quote_byte, JsonError};
use crate::value::{Map, Str, Value};

const MAX_DEPTH: usize = crate::yaml::MAX_NESTING;

enum Frame {
    Array(Vec<Value>),
    Object(BTreeMap<Str, Value>, Option<Str>),
}

/// Where the parser is: what the next significant byte may be.
#[derive(Clone, Copy)]
enum Expect {
    Value,
    /// After `[`: a value or `]`.
    FirstElement,
    /// After `{`: a key or `}`.
    FirstKey,
    Key,
    Colon,
    /// After an array element: `,` or `]`.
    ArrayNext,
    /// After an object value: `,` or `}`.
    ObjectNext,
}

pub(crate) fn decode(src: &[u8]) -> Result<Value, JsonError> {
    match decode_lenient(src)? {
        (_, Some(e)) => Err(e),
        (v, None) => Ok(v),
    }
}

/// [`decode`] that goes on past a number beyond float64, as Go's `Unmarshal` does: the
/// number decodes as nil and the first such error is returned beside the value. Syntax
/// errors still fail.
pub(crate) fn decode_lenient(src: &[u8]) -> Result<(Value, Option<JsonError>), JsonError> {
    let mut p = Parser {
        src,
        pos: 0,
        range_error: None,
        stream: false,
    };
    let v = p.document()?;
    Ok((v, p.range_error))
}

/// How reading the next value of a JSON stream failed, as Go's `json.Decoder` sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StreamError {
    /// The input ended inside the value (`unexpected EOF`).
    UnexpectedEof,
    /// A syntax error at byte `at` of the input (Go's `SyntaxError.Offset` is `at + 1`).
    Syntax { message: String, at: usize },
    /// A well-formed value Go refuses to decode into `interface{}` (a number beyond
    /// float64, kept here as an infinity), and the bytes it took: a decoder into a
    /// struct still reads it.
    Value {
        error: JsonError,
        value: Value,
        used: usize,
    },
}

/// The first JSON value of `src` (after JSON white space) and the bytes it took, as one
/// `json.Decoder.Decode` call reads it: what follows the value is left unread.
pub(crate) fn decode_prefix(src: &[u8]) -> Result<(Value, usize), StreamError> {
    let mut p = Parser {
        src,
        pos: 0,
        range_error: None,
        stream: true,
    };
    match p.document() {
        Ok(v) => match p.range_error {
            Some(error) => Err(StreamError::Value {
                error,
                value: v,
                used: p.pos,
            }),
            None => Ok((v, p.pos)),
        },
        Err(e) if e == eof() => Err(StreamError::UnexpectedEof),
        Err(e) => Err(StreamError::Syntax {
            message: e.to_string(),
            at: p.pos,
        }),
    }
}

/// The members of the JSON object that `src` starts with (after white space), in
/// document order and with repeated keys kept, each as its key, its value (one beyond
/// float64 as a number, as a decoder into a struct sees it) and its value's text: what
/// Go's decoder into a struct walks. `None` when `src` does not hold an object (`src` is
/// a value [`decode_prefix`] has already read).
pub(crate) fn object_members(src: &[u8]) -> Option<Vec<(String, Value, &[u8])>> {
    let mut p = Parser {
        src,
        pos: 0,
        range_error: None,
        stream: true,
    };
    p.skip_ws();
    if p.src.get(p.pos) != Some(&b'{') {
        return None;
    }
    p.pos += 1;
    let mut members = Vec::new();
    loop {
        p.skip_ws();
        match p.src.get(p.pos) {
            Some(b'}') => return Some(members),
            Some(b',') => {
                p.pos += 1;
                continue;
            }
            Some(b'"') => {}
            _ => return None,
        }
        let key = p.string().ok()?;
        p.skip_ws();
        if p.src.get(p.pos) != Some(&b':') {
            return None;
        }
        p.pos += 1;
        p.skip_ws();
        let start = p.pos;
        let (value, used) = match decode_prefix(&src[start..]) {
            Ok((value, used)) | Err(StreamError::Value { value, used, .. }) => (value, used),
            Err(_) => return None,
        };
        members.push((key, value, &src[start..start + used]));
        p.pos = start + used;
    }
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    /// Reading one value of a stream: stop after it instead of requiring the end.
    stream: bool,
    /// Go reports a number out of float64 range only after the whole input parsed.
    range_error: Option<JsonError>,
}

fn syntax(msg: String) -> JsonError {
    JsonError::Syntax(msg)
}

fn eof() -> JsonError {
    JsonError::Syntax("unexpected end of JSON input".into())
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    fn invalid(&self, c: u8, context: &str) -> JsonError {
        syntax(format!("invalid character {} {context}", go_quote_byte(c)))
    }

    /// The input ended inside a number or literal: `json.Unmarshal`'s scanner then sees a
    /// space; a stream decoder waits for more and reports `unexpected EOF`.
    fn invalid_at_end(&self, context: &str) -> JsonError {
        if self.stream {
            eof()
        } else {
            self.invalid(b' ', context)
        }
    }

    /// The error for byte `c` at `at`, which a stream reports as its offset.
    fn invalid_at(&mut self, at: usize, c: u8, context: &str) -> JsonError {
        self.pos = at;
        self.invalid(c, context)
    }

    fn document(&mut self) -> Result<Value, JsonError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut expect = Expect::Value;
        loop {
            self.skip_ws();
            let Some(&c) = self.src.get(self.pos) else {
                return Err(eof());
            };
            let value = match expect {
                Expect::Value | Expect::FirstElement => {
                    if matches!(expect, Expect::FirstElement) && c == b']' {
                        self.pos += 1;
                        self.close(&mut stack)
                    } else {
                        match c {
                            b'[' | b'{' => {
                                if stack.len() >= MAX_DEPTH {
                                    return Err(self.invalid(c, "exceeded max depth"));
                                }
                                self.pos += 1;
                                if c == b'[' {
                                    stack.push(Frame::Array(Vec::new()));
                                    expect = Expect::FirstElement;
                                } else {
                                    stack.push(Frame::Object(BTreeMap::new(), None));
                                    expect = Expect::FirstKey;
                                }
                                continue;
                            }
                            _ => self.scalar(c)?,
                        }
                    }
                }
                Expect::FirstKey | Expect::Key => {
                    if c == b'}' && matches!(expect, Expect::FirstKey) {
                        self.pos += 1;
                        self.close(&mut stack)
                    } else if c == b'"' {
                        let key = self.string()?;
                        if let Some(Frame::Object(_, k)) = stack.last_mut() {
                            *k = Some(key.into());
                        }
                        expect = Expect::Colon;
                        continue;
                    } else {
                        return Err(self.invalid(c, "looking for beginning of object key string"));
                    }
                }
                Expect::Colon => {
                    if c != b':' {
                        return Err(self.invalid(c, "after object key"));
                    }
                    self.pos += 1;
                    expect = Expect::Value;
                    continue;
                }
                Expect::ArrayNext | Expect::ObjectNext => {
                    let (close, context) = match expect {
                        Expect::ArrayNext => (b']', "after array element"),
                        _ => (b'}', "after object key:value pair"),
                    };
                    if c == b',' {
                        self.pos += 1;
                        expect = if matches!(expect, Expect::ArrayNext) {
                            Expect::Value
                        } else {
                            Expect::Key
                        };
                        continue;
                    }
                    if c != close {
                        return Err(self.invalid(c, context));
                    }
                    self.pos += 1;
                    self.close(&mut stack)
                }
            };
            // A value is complete: give it to its container, or finish.
            match stack.last_mut() {
                None => {
                    if self.stream {
                        return Ok(value);
                    }
                    self.skip_ws();
                    if let Some(&c) = self.src.get(self.pos) {
                        return Err(self.invalid(c, "after top-level value"));
                    }
                    return Ok(value);
                }
                Some(Frame::Array(items)) => {
                    items.push(value);
                    expect = Expect::ArrayNext;
                }
                Some(Frame::Object(entries, key)) => {
                    if let Some(k) = key.take() {
                        entries.insert(k, value);
                    }
                    expect = Expect::ObjectNext;
                }
            }
        }
    }

    fn close(&mut self, stack: &mut Vec<Frame>) -> Value {
        match stack.pop() {
            Some(Frame::Array(items)) => Value::list(items),
            Some(Frame::Object(entries, _)) => Value::Map(Map::from_entries(entries)),
            None => Value::Nil,
        }
    }

    fn scalar(&mut self, c: u8) -> Result<Value, JsonError> {
        match c {
            b'"' => Ok(Value::from(self.string()?)),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Nil),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid(c, "looking for beginning of value")),
        }
    }

    fn literal(&mut self, word: &[u8], v: Value) -> Result<Value, JsonError> {
        let name = std::str::from_utf8(word).unwrap_or_default();
        for (i, &want) in word.iter().enumerate() {
            match self.src.get(self.pos + i).copied() {
                None => {
                    return Err(self.invalid_at_end(&format!(
                        "in literal {name} (expecting {})",
                        go_quote_byte(want)
                    )))
                }
                Some(got) if got != want => {
                    return Err(self.invalid_at(
                        self.pos + i,
                        got,
                        &format!("in literal {name} (expecting {})", go_quote_byte(want)),
                    ));
                }
                _ => {}
            }
        }
        self.pos += word.len();
        Ok(v)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        let at = |p: &Parser, i: usize| p.src.get(i).copied();
        let mut i = self.pos;
        if at(self, i) == Some(b'-') {
            i += 1;
        }
        match at(self, i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while at(self, i).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                }
            }
            Some(c) => return Err(self.invalid_at(i, c, "in numeric literal")),
            None => return Err(self.invalid_at_end("in numeric literal")),
        }
        if at(self, i) == Some(b'.') {
            i += 1;
            match at(self, i) {
                Some(c) if c.is_ascii_digit() => {}
                Some(c) => {
                    return Err(self.invalid_at(i, c, "after decimal point in numeric literal"))
                }
                None => return Err(self.invalid_at_end("after decimal point in numeric literal")),
            }
            while at(self, i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        if matches!(at(self, i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(at(self, i), Some(b'+' | b'-')) {
                i += 1;
            }
            match at(self, i) {
                Some(c) if c.is_ascii_digit() => {}
                Some(c) => return Err(self.invalid_at(i, c, "in exponent of numeric literal")),
                None => return Err(self.invalid_at_end("in exponent of numeric literal")),
            }
            while at(self, i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        self.pos = i;
        let text = std::str::from_utf8(&self.src[start..i]).unwrap_or("0");
        let f: f64 = text.parse().unwrap_or(f64::INFINITY);
        if !f.is_finite() {
            if self.range_error.is_none() {
                self.range_error = Some(JsonError::UnmarshalType {
                    value: format!("number {text}"),
                    into: "float64".into(),
                });
            }
            // `Unmarshal` into interface{} leaves nil; a stream's reader into a struct
            // sees a number (see `StreamError::Value`).
            return Ok(if self.stream {
                Value::Float(f)
            } else {
                Value::Nil
            });
        }
        Ok(Value::Float(f))
    }

    /// A string literal starting at the opening quote; invalid UTF-8 becomes U+FFFD per
    /// byte, bad surrogates U+FFFD.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.src.get(self.pos) else {
                return Err(eof());
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(crate::yaml::go_lossy_utf8(&out));
                }
                b'\\' => {
                    let Some(&e) = self.src.get(self.pos + 1) else {
                        return Err(self.invalid_at_end("in string escape code"));
                    };
                    self.pos += 2;
                    let simple = match e {
                        b'"' => Some(b'"'),
                        b'\\' => Some(b'\\'),
                        b'/' => Some(b'/'),
                        b'b' => Some(0x08),
                        b'f' => Some(0x0c),
                        b'n' => Some(b'\n'),
                        b'r' => Some(b'\r'),
                        b't' => Some(b'\t'),
                        b'u' => None,
                        _ => return Err(self.invalid_at(self.pos - 1, e, "in string escape code")),
                    };
                    if let Some(b) = simple {
                        out.push(b);
                        continue;
                    }
                    let r = self.hex4()?;
                    let ch = if (0xD800..0xDC00).contains(&r) {
                        // A high surrogate pairs only with an immediately following low one.
                        let save = self.pos;
                        if self.src.get(self.pos) == Some(&b'\\')
                            && self.src.get(self.pos + 1) == Some(&b'u')
                        {
                            self.pos += 2;
                            let lo = self.hex4()?;
                            if (0xDC00..0xE000).contains(&lo) {
                                char::from_u32(0x10000 + ((r - 0xD800) << 10) + (lo - 0xDC00))
                            } else {
                                self.pos = save;
                                None
                            }
                        } else {
                            None
                        }
                    } else {
                        char::from_u32(r)
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(
                        ch.unwrap_or('\u{fffd}').encode_utf8(&mut buf).as_bytes(),
                    );
                }
                c if c < 0x20 => return Err(self.invalid(c, "in string literal")),
                _ => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut r = 0u32;
        for _ in 0..4 {
            let Some(&c) = self.src.get(self.pos) else {
                return Err(self.invalid_at_end("in \\u hexadecimal character escape"));
            };
            let d = (c as char)
                .to_digit(16)
                .ok_or_else(|| self.invalid(c, "in \\u hexadecimal character escape"))?;
            r = r * 16 + d;
            self.pos += 1;
        }
        Ok(r)
    }
}
