//! `sigs.k8s.io/yaml.Marshal`: the value is marshalled to JSON, the JSON is read back by
//! go-yaml v2 (so YAML 1.1 resolution picks ints for integral numbers) and written by
//! go-yaml v2's encoder. The three steps are done in one walk: numbers are given the
//! text the round trip would give, strings what the re-read leaves of them, and the
//! errors of each step are reproduced.

use std::borrow::Cow;

use super::emit::{Context, Emitter, Style};
use super::order::sort_keys;
use super::resolve::is_plain_non_string;
use crate::json::JsonError;
use crate::value::{format_float, Map, Value};

/// Past this depth encoding stops (Go's JSON cycle check starts at 1000 levels).
const MAX_DEPTH: usize = 1000;

/// Why `toYaml` failed (Helm's `toYaml` then prints nothing).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// The JSON step refused the value: NaN, infinities, a map containing itself.
    #[error("error marshaling into JSON: {0}")]
    Json(#[from] JsonError),
    /// go-yaml refused the JSON text: a string holds a character YAML cannot carry
    /// (DEL, C1 controls, U+FFFE, U+FFFF).
    #[error("yaml: {0}")]
    Yaml(String),
}

/// Which Go encoder is imitated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// `sigs.k8s.io/yaml.Marshal`: JSON round trip, then go-yaml v2 (`toYaml`).
    Sigs,
    /// go-yaml v3's `Encoder` with `SetIndent(2)`, on the value itself (`toYamlPretty`).
    V3,
}

pub(crate) fn encode(v: &Value, flavor: Flavor) -> Result<String, EncodeError> {
    let em = match flavor {
        Flavor::Sigs => Emitter::new(),
        Flavor::V3 => Emitter::new_v3(),
    };
    let mut enc = Encoder {
        em,
        flavor,
        path: Vec::new(),
        reread_failed: false,
    };
    enc.node(v, Context::default(), 0)?;
    if enc.reread_failed {
        // Go's JSON step succeeded (it runs first); go-yaml then fails on its text.
        return Err(first_reread_failure(&crate::json::to_string(v)?));
    }
    enc.em.finish();
    Ok(enc.em.out)
}

struct Encoder {
    em: Emitter,
    flavor: Flavor,
    /// Maps on the current path, for Go's cycle error.
    path: Vec<Map>,
    /// Whether go-yaml would fail to read back the JSON text; reported only if the JSON
    /// step (which runs first in Go) succeeds over the whole value.
    reread_failed: bool,
}

impl Encoder {
    fn node(&mut self, v: &Value, ctx: Context, depth: usize) -> Result<(), EncodeError> {
        match v {
            Value::Nil => self.em.scalar("null", Style::Plain, ctx),
            Value::Bool(b) => self
                .em
                .scalar(if *b { "true" } else { "false" }, Style::Plain, ctx),
            // go-yaml v3 writes a `time.Duration` as its `String()`.
            Value::Int(d, crate::value::IntKind::Duration) if self.flavor == Flavor::V3 => {
                let s = crate::sprig::date::format_duration(*d);
                self.em.scalar(&s, string_style(&s), ctx)
            }
            Value::Int(n, _) => self.em.scalar(&n.to_string(), Style::Plain, ctx),
            Value::Float(f) => {
                let text = match self.flavor {
                    Flavor::Sigs => number_text(*f)?,
                    Flavor::V3 => v3_float_text(*f),
                };
                self.em.scalar(&text, Style::Plain, ctx)
            }
            Value::String(s) => {
                let s = self.reread(s);
                self.em.scalar(&s, string_style(&s), ctx)
            }
            Value::Bytes(b) => match self.flavor {
                // The JSON step replaces each invalid byte with U+FFFD.
                Flavor::Sigs => {
                    let s = crate::yaml::go_lossy_utf8(b);
                    let s = self.reread(&s).into_owned();
                    self.em.scalar(&s, string_style(&s), ctx)
                }
                // go-yaml v3 writes a string that is not UTF-8 as base64 `!!binary`.
                Flavor::V3 => {
                    let s = binary_text(b);
                    let style = if s.contains('\n') {
                        Style::Literal
                    } else {
                        Style::Plain
                    };
                    self.em.tagged_scalar(Some("!!binary"), &s, style, ctx)
                }
            },
            // The JSON round trip of `toYaml` writes a nil slice as `null`; go-yaml v3
            // writes it as an empty one.
            Value::List(items) if items.is_nil() && self.flavor == Flavor::Sigs => {
                self.node(&Value::Nil, ctx, depth)?
            }
            Value::Map(m) if m.is_nil() && self.flavor == Flavor::Sigs => {
                self.node(&Value::Nil, ctx, depth)?
            }
            Value::List(items) => {
                if items.is_empty() {
                    self.em.empty_collection("[", "]");
                    return Ok(());
                }
                self.guard(depth, None)?;
                self.em.sequence_start(ctx);
                let item_ctx = Context {
                    mapping: false,
                    simple_key: false,
                };
                for item in items.iter() {
                    self.em.sequence_item();
                    self.node(item, item_ctx, depth + 1)?;
                }
                self.em.collection_end();
            }
            Value::Map(m) => self.map(m, ctx, depth)?,
            Value::Object(o) => {
                // go-yaml v3 writes a `time.Time` as a plain timestamp, where the JSON
                // step of `toYaml` makes it a string (quoted: it would read back as one).
                let timestamp = match self.flavor {
                    Flavor::V3 => crate::sprig::date::yaml_timestamp(v),
                    Flavor::Sigs => None,
                };
                if let Some(text) = timestamp {
                    self.em.scalar(&text, Style::Plain, ctx);
                    return Ok(());
                }
                // go-yaml v3 reflects over a struct itself: its exported fields in
                // declaration order, each under its lower-cased name.
                if self.flavor == Flavor::V3 && o.yaml_uses_json_tags() {
                    if let Some(Value::Map(data)) = o.to_data() {
                        let entries = o
                            .json_order()
                            .iter()
                            .filter_map(|k| data.get(k).map(|v| (k.to_string(), v)))
                            .collect();
                        return self.mapping(entries, None, depth);
                    }
                }
                if let Some(st) = o.struct_fields().filter(|_| self.flavor == Flavor::V3) {
                    let entries = st
                        .fields
                        .into_iter()
                        .filter(|(name, _)| name.starts_with(|c: char| c.is_ascii_uppercase()))
                        .map(|(name, v)| (name.to_ascii_lowercase(), v))
                        .collect();
                    return self.mapping(entries, None, depth);
                }
                match o.to_data() {
                    Some(data) => self.node(&data, ctx, depth)?,
                    None => self.em.empty_collection("{", "}"),
                }
            }
        }
        Ok(())
    }

    fn reread<'s>(&mut self, s: &'s str) -> Cow<'s, str> {
        if self.flavor == Flavor::V3 {
            return Cow::Borrowed(s);
        }
        match reread(s) {
            Ok(s) => s,
            Err(_) => {
                self.reread_failed = true;
                Cow::Borrowed(s)
            }
        }
    }

    fn guard(&self, depth: usize, m: Option<&Map>) -> Result<(), EncodeError> {
        if depth >= MAX_DEPTH || m.is_some_and(|m| self.path.iter().any(|p| p.ptr_eq(m))) {
            return Err(JsonError::UnsupportedValue(
                "encountered a cycle via map[string]interface {}".into(),
            )
            .into());
        }
        Ok(())
    }

    fn map(&mut self, m: &Map, ctx: Context, depth: usize) -> Result<(), EncodeError> {
        let raw = m.entries();
        let mut entries: Vec<(Vec<char>, (String, Value))> = Vec::with_capacity(raw.len());
        for (k, v) in raw {
            if self.flavor == Flavor::Sigs && !json_key_rereads(&k) {
                self.reread_failed = true;
            }
            let k = self.reread(&k).into_owned();
            entries.push((k.chars().collect(), (k, v)));
        }
        let _ = ctx;
        sort_keys(&mut entries, self.em.v3);
        self.mapping(
            entries.into_iter().map(|(_, e)| e).collect(),
            Some(m),
            depth,
        )
    }

    /// A block mapping of `entries` in the order given; `m` is the map they come from,
    /// for the cycle check.
    fn mapping(
        &mut self,
        entries: Vec<(String, Value)>,
        m: Option<&Map>,
        depth: usize,
    ) -> Result<(), EncodeError> {
        if entries.is_empty() {
            self.em.empty_collection("{", "}");
            return Ok(());
        }
        self.guard(depth, m)?;
        if let Some(m) = m {
            self.path.push(m.clone());
        }
        self.em.mapping_start();
        for (k, v) in &entries {
            let simple = Emitter::simple_key_ok(k);
            self.em.key_start(simple);
            let key_ctx = Context {
                mapping: true,
                simple_key: simple,
            };
            self.em.scalar(k, string_style(k), key_ctx);
            self.em.value_indicator(simple);
            self.node(
                v,
                Context {
                    mapping: true,
                    simple_key: false,
                },
                depth + 1,
            )?;
        }
        self.em.collection_end();
        if m.is_some() {
            self.path.pop();
        }
        Ok(())
    }
}

/// The scalar go-yaml writes for a float after the JSON round trip: JSON writes it in
/// `'f'` form below 1e21, go-yaml reads integral values back as ints (int64, then
/// uint64) and writes other floats with Go's `%g`-style shortest form.
pub(crate) fn number_text(f: f64) -> Result<String, EncodeError> {
    if !f.is_finite() {
        return Err(JsonError::UnsupportedValue(format_float(f, 'g', -1)).into());
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        // JSON's shortest 'f' digits, as go-yaml parses them: int64 first, then uint64.
        let text = format_float(f, 'f', -1);
        if let Ok(n) = text.parse::<i64>() {
            return Ok(n.to_string());
        }
        if let Ok(n) = text.parse::<u64>() {
            return Ok(n.to_string());
        }
    }
    Ok(format_float(f, 'g', -1))
}

/// go-yaml v3's float: Go's `%g`-style shortest form, `.inf`/`.nan` for the rest.
fn v3_float_text(f: f64) -> String {
    if f.is_nan() {
        ".nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.into()
    } else {
        format_float(f, 'g', -1)
    }
}

/// go-yaml v2's choice for a string: a literal block when it has a line break, plain
/// when plain text would read back as the same string, else double quotes (the
/// emitter may still pick single quotes or fall back to double quotes).
/// go-yaml v3's `!!binary` text: base64 in lines of 70 characters, each ending in a
/// newline when there is more than one line.
fn binary_text(b: &[u8]) -> String {
    use base64::Engine as _;
    const LINE: usize = 70;
    let enc = base64::engine::general_purpose::STANDARD.encode(b);
    // go-yaml counts lines as `len/70 + 1`, so exactly 70 characters make two "lines".
    if enc.len() / LINE == 0 {
        return enc;
    }
    let mut out = String::with_capacity(enc.len() + enc.len() / LINE + 1);
    for chunk in enc.as_bytes().chunks(LINE) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out
}

fn string_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if is_plain_non_string(s) || is_base60_float(s) {
        Style::DoubleQuoted
    } else {
        Style::Plain
    }
}

/// `[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?`: YAML 1.1 sexagesimal numbers,
/// which go-yaml does not read as numbers but still quotes.
fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        // [0-5]?[0-9]
        let d1 = b.get(i).copied();
        let d2 = b.get(i + 1).copied();
        match (d1, d2) {
            (Some(b'0'..=b'5'), Some(b'0'..=b'9')) => i += 2,
            (Some(b'0'..=b'9'), _) => i += 1,
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// Whether go-yaml can read a map key back from the JSON text: a key is a "simple key",
/// which must stay on one line (a NEL, left raw by JSON, is a line break to YAML) and
/// end within 1024 characters of its opening quote.
fn json_key_rereads(k: &str) -> bool {
    if k.contains('\u{85}') {
        return false;
    }
    if k.len() < 1024 / 6 {
        return true;
    }
    let quoted: usize = 2 + k
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => 6,
            c if (c as u32) < 0x20 => 6,
            _ => 1,
        })
        .sum::<usize>();
    quoted <= 1024
}

/// The error go-yaml reports reading `json` back: the first character its reader
/// refuses, or the first key that cannot be a simple key (then the parser stops at the
/// `:` after it, on the line counted by the NELs before it).
fn first_reread_failure(json: &str) -> EncodeError {
    let (mut in_string, mut escaped) = (false, false);
    let (mut lines, mut start, mut has_nel) = (0usize, 0usize, false);
    let mut last_string: Option<(usize, bool)> = None;
    for (i, (at, c)) in json.char_indices().enumerate() {
        if matches!(c as u32, 0x7F..=0x84 | 0x86..=0x9F | 0xFFFE | 0xFFFF) {
            return EncodeError::Yaml("control characters are not allowed".into());
        }
        if c == '\u{85}' {
            lines += 1;
            has_nel = true;
            if in_string && starts_document_marker(&json[at + c.len_utf8()..]) {
                return EncodeError::Yaml(format!(
                    "line {}: found unexpected document indicator",
                    lines + 1
                ));
            }
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                last_string = Some((start, has_nel));
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                start = i;
                has_nel = false;
            }
            ':' => {
                if let Some((s, nel)) = last_string.take() {
                    if nel || s + 1024 < i {
                        let at = if lines == 0 {
                            String::new()
                        } else {
                            format!("line {lines}: ")
                        };
                        return EncodeError::Yaml(format!("{at}did not find expected ',' or '}}'"));
                    }
                }
            }
            _ => last_string = None,
        }
    }
    EncodeError::Yaml("control characters are not allowed".into())
}

/// Whether text right after a NEL (a line start for YAML) is `---` or `...` followed by
/// YAML whitespace, which ends a quoted scalar with an error. In the JSON text only a
/// space or another NEL can follow raw (tabs are escaped).
fn starts_document_marker(line: &str) -> bool {
    (line.starts_with("---") || line.starts_with("..."))
        && matches!(line[3..].chars().next(), Some(' ' | '\u{85}'))
}

/// What go-yaml reads back from the JSON string: JSON leaves NEL (U+0085) unescaped and
/// YAML folds it like a line break inside double quotes; characters YAML's reader refuses
/// make the whole `Marshal` fail.
fn reread(s: &str) -> Result<Cow<'_, str>, EncodeError> {
    let mut has_nel = false;
    for c in s.chars() {
        match c as u32 {
            0x85 => has_nel = true,
            0x7F..=0x9F | 0xFFFE | 0xFFFF => {
                return Err(EncodeError::Yaml(
                    "control characters are not allowed".into(),
                ))
            }
            _ => {}
        }
    }
    if has_nel && s.split('\u{85}').skip(1).any(starts_document_marker) {
        return Err(EncodeError::Yaml(
            "found unexpected document indicator".into(),
        ));
    }
    if !has_nel {
        return Ok(Cow::Borrowed(s));
    }
    // In the JSON text only spaces and NELs are raw whitespace (tabs are escaped): a run
    // of them holding k NELs becomes one space (k = 1) or k-1 newlines.
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\u{85}' {
            let start = i;
            let mut nels = 0;
            while i < chars.len() && matches!(chars[i], ' ' | '\u{85}') {
                nels += usize::from(chars[i] == '\u{85}');
                i += 1;
            }
            match nels {
                0 => out.extend(&chars[start..i]),
                1 => out.push(' '),
                k => out.extend(std::iter::repeat_n('\n', k - 1)),
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base60() {
        assert!(is_base60_float("1:20"));
        assert!(is_base60_float("-190:20:30.15"));
        assert!(!is_base60_float("1:60"));
        assert!(!is_base60_float("12"));
        assert!(!is_base60_float("a:1"));
    }

    #[test]
    fn numbers_after_the_json_round_trip() {
        // helm4's toYaml of values 1000000, 1.5, 1e21, 1e-7, 123456789.0, -0.0, 1e20,
        // 12345678901234567890, 0.1.
        let cases = [
            (1e6, "1000000"),
            (1.5, "1.5"),
            (1e21, "1e+21"),
            (1e-7, "1e-07"),
            (123456789.0, "123456789"),
            (-0.0, "0"),
            (1e20, "1e+20"),
            (12345678901234567890.0, "12345678901234567000"),
            (0.1, "0.1"),
            (-1e19, "-1e+19"),
        ];
        for (f, want) in cases {
            assert_eq!(number_text(f).unwrap(), want, "{f}");
        }
    }

    #[test]
    fn nel_folds_like_a_line_break() {
        assert_eq!(reread("a\u{85}b").unwrap(), "a b");
        assert_eq!(reread("a \u{85} \u{85}b").unwrap(), "a\nb");
        // helm4: "http://x.y/z?a=b\u0085\t" comes back as "http://x.y/z?a=b \t".
        assert_eq!(reread("b\u{85}\t").unwrap(), "b \t");
        assert!(reread("a\u{7f}").is_err());
    }
}
