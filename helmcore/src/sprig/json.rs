//! Sprig's JSON functions (`toPrettyJson`, `toRawJson`, `mustFromJson` and their `must`
//! forms) with Go's `encoding/json` output and error texts. Helm's own `toJson`,
//! `mustToJson` and `fromJson` replace Sprig's and belong to the engine.
//!
//! This is a small self-contained encoder/decoder for [`Value`]; once `helmcore::json`
//! (the YAML/JSON helper's Go-exact JSON) is on main, these functions should call it.

use crate::engine::func::{Func, Param as P};
use crate::value::{Map, Value};

use super::args::{any, string};
use super::unicode::quote;
use super::{func, Res};

/// Nesting beyond this fails like Go's `exceeded max depth` (and keeps a map that
/// contains itself from recursing forever).
const MAX_DEPTH: usize = 10_000;

struct Encoder {
    out: String,
    escape_html: bool,
    indent: Option<&'static str>,
}

impl Encoder {
    fn newline(&mut self, depth: usize) {
        if let Some(indent) = self.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str(indent);
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '<' | '>' | '&' if self.escape_html => {
                    self.out.push_str(&format!("\\u{:04x}", c as u32))
                }
                '\u{2028}' | '\u{2029}' => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn float(&mut self, f: f64) -> Result<(), String> {
        if f.is_nan() || f.is_infinite() {
            return Err(format!(
                "json: unsupported value: {}",
                crate::value::format_float_v(f)
            ));
        }
        let abs = f.abs();
        let exp = abs != 0.0 && !(1e-6..1e21).contains(&abs);
        let mut s = crate::value::format_float(f, if exp { 'e' } else { 'f' }, -1);
        if exp {
            // Go writes e-07 as e-7.
            let n = s.len();
            if n >= 4 && &s[n - 4..n - 2] == "e-" && &s[n - 2..n - 1] == "0" {
                s.remove(n - 2);
            }
        }
        self.out.push_str(&s);
        Ok(())
    }

    fn value(&mut self, v: &Value, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err("json: unsupported value: encountered a cycle".into());
        }
        match v {
            Value::Nil => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n, _) => self.out.push_str(&n.to_string()),
            Value::Float(f) => self.float(*f)?,
            Value::String(s) => self.string(s),
            Value::List(items) => {
                if items.is_empty() {
                    self.out.push_str("[]");
                    return Ok(());
                }
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.newline(depth + 1);
                    self.value(item, depth + 1)?;
                }
                self.newline(depth);
                self.out.push(']');
            }
            Value::Map(m) => {
                let entries = m.entries();
                if entries.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                self.out.push('{');
                for (i, (k, item)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.newline(depth + 1);
                    self.string(k);
                    self.out.push(':');
                    if self.indent.is_some() {
                        self.out.push(' ');
                    }
                    self.value(item, depth + 1)?;
                }
                self.newline(depth);
                self.out.push('}');
            }
            Value::Object(o) => match o.to_data() {
                Some(data) => self.value(&data, depth + 1)?,
                None => self.out.push_str("{}"),
            },
        }
        Ok(())
    }
}

/// Go's `json.Marshal` (`indent` None) or `json.MarshalIndent(v, "", indent)`.
pub(super) fn encode(
    v: &Value,
    escape_html: bool,
    indent: Option<&'static str>,
) -> Result<String, String> {
    let mut e = Encoder {
        out: String::new(),
        escape_html,
        indent,
    };
    e.value(v, 0)?;
    Ok(e.out)
}

/// Go's `quoteChar` for scanner errors.
fn quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        c => {
            let q = quote(&c.to_string());
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

struct Decoder<'a> {
    s: &'a str,
    pos: usize,
    /// A number that does not fit a float64: Go reports it only when the whole input is
    /// syntactically valid.
    range_error: Option<String>,
}

const UNEXPECTED_END: &str = "unexpected end of JSON input";

impl Decoder<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.pos += 1;
        }
    }

    /// An error at the next character; at the end, Go's scanner sees a space there.
    fn bad(&self, context: &str) -> String {
        match self.peek() {
            Some(c) => format!("invalid character {} {context}", quote_char(c)),
            None => format!("invalid character ' ' {context}"),
        }
    }

    /// Like [`Self::bad`], but the end of input is "unexpected end" (where Go's space
    /// would be skipped as whitespace).
    fn bad_or_end(&self, context: &str) -> String {
        match self.peek() {
            Some(c) => format!("invalid character {} {context}", quote_char(c)),
            None => UNEXPECTED_END.into(),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err("exceeded max depth".into());
        }
        self.skip_ws();
        match self.peek() {
            None => Err(UNEXPECTED_END.into()),
            Some('{') => {
                self.bump();
                let map = Map::new();
                self.skip_ws();
                if self.peek() == Some('}') {
                    self.bump();
                    return Ok(Value::Map(map));
                }
                loop {
                    self.skip_ws();
                    if self.peek() != Some('"') {
                        return Err(self.bad_or_end("looking for beginning of object key string"));
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek() != Some(':') {
                        return Err(self.bad_or_end("after object key"));
                    }
                    self.bump();
                    let v = self.value(depth + 1)?;
                    map.insert(key, v);
                    self.skip_ws();
                    match self.peek() {
                        Some(',') => {
                            self.bump();
                        }
                        Some('}') => {
                            self.bump();
                            return Ok(Value::Map(map));
                        }
                        _ => return Err(self.bad_or_end("after object key:value pair")),
                    }
                }
            }
            Some('[') => {
                self.bump();
                let mut items = Vec::new();
                self.skip_ws();
                if self.peek() == Some(']') {
                    self.bump();
                    return Ok(Value::list(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_ws();
                    match self.peek() {
                        Some(',') => {
                            self.bump();
                        }
                        Some(']') => {
                            self.bump();
                            return Ok(Value::list(items));
                        }
                        _ => return Err(self.bad_or_end("after array element")),
                    }
                }
            }
            Some('"') => self.string().map(Value::from),
            Some('t') => self.literal("true", Value::Bool(true)),
            Some('f') => self.literal("false", Value::Bool(false)),
            Some('n') => self.literal("null", Value::Nil),
            Some('-' | '0'..='9') => self.number(),
            Some(_) => Err(self.bad("looking for beginning of value")),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, String> {
        for (i, expected) in word.chars().enumerate() {
            if i == 0 {
                self.bump();
                continue;
            }
            if self.peek() != Some(expected) {
                return Err(self.bad(&format!(
                    "in literal {word} (expecting {})",
                    quote_char(expected)
                )));
            }
            self.bump();
        }
        Ok(v)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some('0'..='9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.bad("in numeric literal"));
            }
        }
        if self.peek() == Some('0') {
            self.bump();
        } else {
            self.digits();
        }
        if self.peek() == Some('.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.bad("after decimal point in numeric literal"));
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            self.bump();
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.bad("in exponent of numeric literal"));
            }
        }
        let text = &self.s[start..self.pos];
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => {
                self.range_error.get_or_insert_with(|| {
                    format!("json: cannot unmarshal number {text} into Go value of type float64")
                });
                Ok(Value::Float(0.0))
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut v = 0;
        for _ in 0..4 {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    self.bump();
                    v = v * 16 + d;
                }
                None => return Err(self.bad("in \\u hexadecimal character escape")),
            }
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.bump();
        let mut out = String::new();
        loop {
            match self.bump() {
                None => return Err(UNEXPECTED_END.into()),
                Some('"') => return Ok(out),
                Some('\\') => match self.bump() {
                    None => return Err(self.bad("in string escape code")),
                    Some(c @ ('"' | '\\' | '/')) => out.push(c),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hi = self.hex4()?;
                        let c = if (0xD800..0xDC00).contains(&hi)
                            && self.s[self.pos..].starts_with("\\u")
                        {
                            let save = self.pos;
                            self.pos += 2;
                            let lo = self.hex4()?;
                            if (0xDC00..0xE000).contains(&lo) {
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                            } else {
                                self.pos = save;
                                None
                            }
                        } else {
                            char::from_u32(hi)
                        };
                        out.push(c.unwrap_or('\u{FFFD}'));
                    }
                    Some(c) => {
                        self.pos -= c.len_utf8();
                        return Err(self.bad("in string escape code"));
                    }
                },
                Some(c) if (c as u32) < 0x20 => {
                    self.pos -= 1;
                    return Err(self.bad("in string literal"));
                }
                Some(c) => out.push(c),
            }
        }
    }
}

/// Go's `json.Unmarshal` into `interface{}`: objects become maps, numbers `float64`.
pub(super) fn decode(s: &str) -> Result<Value, String> {
    let mut d = Decoder {
        s,
        pos: 0,
        range_error: None,
    };
    let v = d.value(0)?;
    d.skip_ws();
    if d.peek().is_some() {
        return Err(d.bad("after top-level value"));
    }
    match d.range_error {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

fn to_pretty_json(a: Vec<Value>) -> Res {
    Ok(encode(any(&a, 0), true, Some("  "))
        .unwrap_or_default()
        .into())
}

fn must_to_pretty_json(a: Vec<Value>) -> Res {
    Ok(encode(any(&a, 0), true, Some("  "))?.into())
}

fn to_raw_json(a: Vec<Value>) -> Res {
    Ok(encode(any(&a, 0), false, None)?.into())
}

fn must_from_json(a: Vec<Value>) -> Res {
    decode(string(&a, 0))
}

pub(super) const FUNCS: &[Func] = &[
    func("toPrettyJson", &[P::Any], None, to_pretty_json),
    func("mustToPrettyJson", &[P::Any], None, must_to_pretty_json),
    func("toRawJson", &[P::Any], None, to_raw_json),
    func("mustToRawJson", &[P::Any], None, to_raw_json),
    func("mustFromJson", &[P::String], None, must_from_json),
];
