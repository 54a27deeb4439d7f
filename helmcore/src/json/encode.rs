//! `encoding/json`'s `Marshal` for [`Value`]s.

use super::JsonError;
use crate::value::{format_float, Map, Value};

/// Below this depth Go does not look for cycles (its `startDetectingCyclesAfter`).
const CYCLE_CHECK_DEPTH: usize = 1000;
/// Past this depth encoding stops: only a self-containing map gets here in practice.
const MAX_DEPTH: usize = 10_000;

/// Encoder settings: Go's `Marshal` escapes HTML, `Encoder.SetEscapeHTML(false)` does not;
/// `MarshalIndent` adds newlines and an indent per level.
#[derive(Clone, Copy)]
pub(crate) struct Style {
    pub escape_html: bool,
    pub indent: Option<&'static str>,
}

pub(crate) fn encode(v: &Value, style: Style) -> Result<String, JsonError> {
    let mut enc = Encoder {
        out: String::new(),
        style,
        path: Vec::new(),
    };
    enc.value(v, 0)?;
    Ok(enc.out)
}

struct Encoder {
    out: String,
    style: Style,
    /// Maps being encoded, checked for cycles past [`CYCLE_CHECK_DEPTH`].
    path: Vec<Map>,
}

impl Encoder {
    fn value(&mut self, v: &Value, depth: usize) -> Result<(), JsonError> {
        // Nesting goes up to the cycle check's depth before it fails: grow the stack
        // rather than overflow a small thread's (a debug build's frames are large).
        if depth > 0 && depth.is_multiple_of(64) {
            return stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || self.node(v, depth));
        }
        self.node(v, depth)
    }

    fn node(&mut self, v: &Value, depth: usize) -> Result<(), JsonError> {
        match v {
            Value::Nil => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n, _) => self.out.push_str(&n.to_string()),
            Value::Float(f) => write_float(&mut self.out, *f)?,
            Value::String(s) => write_string(&mut self.out, s, self.style.escape_html),
            Value::Bytes(b) => write_bytes_string(&mut self.out, b, self.style.escape_html),
            Value::List(items) if items.is_nil() => self.out.push_str("null"),
            Value::Map(m) if m.is_nil() => self.out.push_str("null"),
            Value::List(items) => {
                self.check_depth(depth, None)?;
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
                self.check_depth(depth, Some(m))?;
                let entries = m.entries();
                if entries.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                let tracked = depth >= CYCLE_CHECK_DEPTH;
                if tracked {
                    self.path.push(m.clone());
                }
                self.fields(&entries, depth)?;
                if tracked {
                    self.path.pop();
                }
            }
            Value::Object(o) => match o.to_data() {
                // A Go struct: its fields in declaration order.
                Some(Value::Map(m)) if !o.json_order().is_empty() => {
                    self.check_depth(depth, None)?;
                    let mut entries = m.entries();
                    if entries.is_empty() {
                        self.out.push_str("{}");
                        return Ok(());
                    }
                    let order = o.json_order();
                    let place = |k: &str| order.iter().position(|f| *f == k).unwrap_or(order.len());
                    entries.sort_by_key(|(k, _)| place(k));
                    self.fields(&entries, depth)?;
                }
                Some(data) => self.value(&data, depth)?,
                None => self.out.push_str("{}"),
            },
        }
        Ok(())
    }

    /// An object's members (`entries` not empty).
    fn fields(
        &mut self,
        entries: &[(crate::value::Str, Value)],
        depth: usize,
    ) -> Result<(), JsonError> {
        self.out.push('{');
        for (i, (k, item)) in entries.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.newline(depth + 1);
            write_string(&mut self.out, k, self.style.escape_html);
            self.out.push(':');
            if self.style.indent.is_some() {
                self.out.push(' ');
            }
            self.value(item, depth + 1)?;
        }
        self.newline(depth);
        self.out.push('}');
        Ok(())
    }

    fn check_depth(&self, depth: usize, m: Option<&Map>) -> Result<(), JsonError> {
        if depth < CYCLE_CHECK_DEPTH {
            return Ok(());
        }
        let cycle = m.is_some_and(|m| self.path.iter().any(|p| p.ptr_eq(m)));
        if cycle || depth >= MAX_DEPTH {
            return Err(JsonError::UnsupportedValue(
                "encountered a cycle via map[string]interface {}".into(),
            ));
        }
        Ok(())
    }

    fn newline(&mut self, depth: usize) {
        if let Some(indent) = self.style.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str(indent);
            }
        }
    }
}

/// Go's float64 encoding: `'f'` format unless the magnitude is below 1e-6 or at least
/// 1e21, then `'e'` with a one-digit negative exponent written without its zero.
///
/// ```
/// use helmcore::json::to_string;
/// use helmcore::value::Value;
/// assert_eq!(to_string(&Value::Float(1e6)).unwrap(), "1000000");
/// assert_eq!(to_string(&Value::Float(1e21)).unwrap(), "1e+21");
/// assert_eq!(to_string(&Value::Float(1e-7)).unwrap(), "1e-7");
/// assert_eq!(to_string(&Value::Float(0.000001)).unwrap(), "0.000001");
/// ```
pub(crate) fn write_float(out: &mut String, f: f64) -> Result<(), JsonError> {
    if !f.is_finite() {
        return Err(JsonError::UnsupportedValue(format_float(f, 'g', -1)));
    }
    out.push_str(&float_text(f));
    Ok(())
}

/// The text `encoding/json` writes for a finite float.
pub(crate) fn float_text(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let mut s = format_float(f, 'e', -1);
        let b = s.as_bytes();
        let n = b.len();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            s.remove(n - 2);
        }
        s
    } else {
        format_float(f, 'f', -1)
    }
}

/// Go's string encoding: `"`, `\` and control characters escaped (`\n`, `\r`, `\t`,
/// `\b`, `\f`, else `\u00XX`), U+2028/U+2029 always, `<`, `>`, `&` when escaping HTML.
pub(crate) fn write_string(out: &mut String, s: &str, escape_html: bool) {
    out.push('"');
    write_body(out, s, escape_html);
    out.push('"');
}

/// [`write_string`] of a string that is not valid UTF-8: encoding/json writes each
/// invalid byte as the escape `\ufffd`.
fn write_bytes_string(out: &mut String, b: &[u8], escape_html: bool) {
    out.push('"');
    for chunk in b.utf8_chunks() {
        let (valid, bad) = (chunk.valid(), chunk.invalid());
        write_body(out, valid, escape_html);
        for _ in bad {
            out.push_str("\\ufffd");
        }
    }
    out.push('"');
}

/// `json.Marshal`'s text of a string between its quotes (HTML characters escaped): what
/// a Go type decoding itself from JSON (`time.Time`) receives.
pub(crate) fn string_body(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    write_body(&mut out, s, true);
    out
}

fn write_body(out: &mut String, s: &str, escape_html: bool) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            b'<' if escape_html => Some("\\u003c"),
            b'>' if escape_html => Some("\\u003e"),
            b'&' if escape_html => Some("\\u0026"),
            _ => None,
        };
        if let Some(esc) = esc {
            out.push_str(&s[start..i]);
            out.push_str(esc);
            i += 1;
            start = i;
            continue;
        }
        if b < 0x20 {
            out.push_str(&s[start..i]);
            out.push_str(&format!("\\u{:04x}", b));
            i += 1;
            start = i;
            continue;
        }
        // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
        if b == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9))
        {
            out.push_str(&s[start..i]);
            out.push_str(if bytes[i + 2] == 0xA8 {
                "\\u2028"
            } else {
                "\\u2029"
            });
            i += 3;
            start = i;
            continue;
        }
        i += 1;
    }
    out.push_str(&s[start..]);
}
