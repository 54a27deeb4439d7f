//! BurntSushi/toml's `Encoder` (v1.6, the one Helm's `toToml` uses) for [`Value`]s.

use super::TomlError;
use crate::value::escape::{holds_escapes, push_escaped, unescape, unescape_bytes};
use crate::value::{format_float, Map, Value};

/// What BurntSushi writes as a table: a map, its keys in byte order, or a Go struct,
/// its exported fields in declaration order (see [`crate::value::Object::struct_fields`]).
enum Table {
    Map(Map),
    /// Each exported field's index among all the struct's fields, its name and value.
    Struct(Vec<(usize, &'static str, Value)>),
}

/// A table's entries: the struct field index (none for a map key), key and value.
type Entries = Vec<(Option<usize>, String, Value)>;

impl Table {
    /// The entries split into plain values and tables (written after them).
    fn split(&self) -> Result<(Entries, Entries), TomlError> {
        let mut direct = Vec::new();
        let mut sub = Vec::new();
        let mut put = |i: Option<usize>, k: String, v: Value| -> Result<(), TomlError> {
            if is_table(&v)? {
                sub.push((i, k, v));
            } else {
                direct.push((i, k, v));
            }
            Ok(())
        };
        match self {
            Table::Map(m) => {
                for (k, v) in m.entries() {
                    put(None, k.to_string(), v)?;
                }
            }
            Table::Struct(fields) => {
                for (i, k, v) in fields {
                    put(Some(*i), k.to_string(), v.clone())?;
                }
            }
        }
        Ok((direct, sub))
    }
}

/// The table `v` is written as, if it is one.
fn table(v: &Value) -> Option<Table> {
    if let Value::Object(o) = v {
        if let Some(st) = o.struct_fields() {
            // An embedded struct's fields take its place.
            let embedded = o.embedded_fields();
            let fields = st.fields.into_iter().flat_map(|(name, v)| {
                let inner = match &v {
                    Value::Object(e) if embedded.contains(&name) => e.struct_fields(),
                    _ => None,
                };
                match inner {
                    Some(inner) => inner.fields,
                    None => vec![(name, v)],
                }
            });
            let exported = fields
                .enumerate()
                .filter(|(_, (name, _))| name.starts_with(|c: char| c.is_ascii_uppercase()))
                .map(|(i, (name, v))| (i, name, v))
                .collect();
            return Some(Table::Struct(exported));
        }
    }
    match data(v) {
        Value::Map(m) => Some(Table::Map(m)),
        _ => None,
    }
}

/// Nesting beyond this is refused: BurntSushi recurses without a limit, a map that
/// contains itself would never end.
const MAX_DEPTH: usize = 1000;
const INDENT: &str = "  ";

/// Which BurntSushi release is imitated, named for what tells them apart most often:
/// v1.6's shortest `%g` floats (helm4) or v1.4's plain decimals (helm3: `1e21` as
/// `1000000000000000000000.0`). The commas of an inline struct differ too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Floats {
    Shortest,
    Decimal,
}

/// The document as text: a byte string's invalid bytes as U+FFFD.
pub(crate) fn encode(v: &Value, floats: Floats) -> Result<String, TomlError> {
    let enc = encode_escaped(v, floats)?;
    Ok(if enc.escaped {
        crate::yaml::go_lossy_utf8(&unescape_bytes(&enc.out))
    } else {
        enc.out
    })
}

/// The document as the Go string BurntSushi writes, which copies a byte string's
/// invalid bytes into its quoted form as they are.
pub(crate) fn encode_go(v: &Value, floats: Floats) -> Result<Value, TomlError> {
    let enc = encode_escaped(v, floats)?;
    Ok(if enc.escaped {
        unescape(enc.out)
    } else {
        Value::from(enc.out)
    })
}

fn encode_escaped(v: &Value, floats: Floats) -> Result<Encoder, TomlError> {
    let mut enc = Encoder {
        out: String::new(),
        floats,
        escaped: false,
    };
    if let Some(t) = table(v) {
        enc.table_body(&[], &t, 0)?;
        return Ok(enc);
    }
    match data(v) {
        Value::Nil => {}
        Value::List(items) if is_table_array(&items)? => return Err(TomlError::NoKey),
        // The value itself: a time or a duration is written as itself, not its data.
        _ => enc.element(v, 0)?,
    }
    Ok(enc)
}

/// Objects encode as their data; `None` data as an empty table. A `[]byte` is a slice
/// of integers to BurntSushi's encoder, not the base64 text JSON makes of it.
fn data(v: &Value) -> Value {
    match v {
        // A nil `[]byte` falls through to its data, nil (left out like any nil slice).
        Value::Object(o) => match crate::value::byte_slice::non_nil(o.as_ref()) {
            Some(bytes) => Value::list(bytes.iter().map(|&b| Value::int(b.into())).collect()),
            None => o.to_data().unwrap_or_else(|| Value::Map(Map::new())),
        },
        other => other.clone(),
    }
}

/// Whether BurntSushi leaves a table's key out: its value is nil, a nil slice or a nil
/// map (`regexFindAll` finding nothing, helm3's `.Chart.Sources` when Chart.yaml has
/// none).
fn left_out(v: &Value) -> bool {
    match data(v) {
        Value::Nil => true,
        Value::List(l) => l.is_nil(),
        Value::Map(m) => m.is_nil(),
        _ => false,
    }
}

/// Whether a list is written as `[[key]]` tables: not empty and only maps. A nil
/// element anywhere is an error, as BurntSushi checks while classifying.
fn is_table_array(items: &[Value]) -> Result<bool, TomlError> {
    let mut all_maps = !items.is_empty();
    for item in items {
        if data(item).is_nil() {
            return Err(TomlError::NilElement);
        }
        all_maps &= table(item).is_some();
    }
    Ok(all_maps)
}

/// Whether a map value goes after the plain keys (a table or an array of tables).
fn is_table(v: &Value) -> Result<bool, TomlError> {
    if table(v).is_some() {
        return Ok(true);
    }
    Ok(match data(v) {
        Value::List(items) => is_table_array(&items)?,
        _ => false,
    })
}

struct Encoder {
    /// The document, a byte string's bytes in it as escape characters
    /// ([`crate::value::escape`]) when `escaped`.
    out: String,
    floats: Floats,
    escaped: bool,
}

impl Encoder {
    /// A Go string's bytes, quoted: those that are not UTF-8 (and characters of the
    /// escapes' own range) go in as escape characters, to come out as the bytes they
    /// stand for.
    fn quoted_bytes(&mut self, b: &[u8]) {
        let mut text = String::with_capacity(b.len() + 8);
        push_escaped(&mut text, b);
        self.escaped = true;
        quote_into(&mut self.out, &text);
    }

    /// BurntSushi's `newline`: a line break, except at the very start.
    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn indent(&mut self, key_len: usize) {
        for _ in 1..key_len {
            self.out.push_str(INDENT);
        }
    }

    /// The entries of a table whose header (if any) is written: plain keys first, then
    /// tables, each group in the table's order.
    fn table_body(&mut self, key: &[String], t: &Table, depth: usize) -> Result<(), TomlError> {
        if depth > MAX_DEPTH {
            return Err(TomlError::TooDeep);
        }
        let (direct, sub) = t.split()?;
        for (_, k, v) in direct.into_iter().chain(sub) {
            let mut path = key.to_vec();
            path.push(k);
            self.entry(&path, &v, depth + 1)?;
        }
        Ok(())
    }

    fn entry(&mut self, key: &[String], v: &Value, depth: usize) -> Result<(), TomlError> {
        if left_out(v) {
            return Ok(());
        }
        if let Some(t) = table(v) {
            if key.len() == 1 {
                self.newline();
            }
            self.indent(key.len());
            self.out.push('[');
            self.out.push_str(&dotted(key));
            self.out.push(']');
            self.newline();
            return self.table_body(key, &t, depth);
        }
        match data(v) {
            Value::Nil => Ok(()),
            Value::List(items) if is_table_array(&items)? => {
                for item in items.iter() {
                    if let Some(t) = table(item) {
                        self.newline();
                        self.indent(key.len());
                        self.out.push_str("[[");
                        self.out.push_str(&dotted(key));
                        self.out.push_str("]]");
                        self.newline();
                        self.table_body(key, &t, depth)?;
                    }
                }
                Ok(())
            }
            _ => {
                self.indent(key.len());
                self.out
                    .push_str(&quote_key(key.last().map(String::as_str).unwrap_or("")));
                self.out.push_str(" = ");
                self.element(v, depth)?;
                self.newline();
                Ok(())
            }
        }
    }

    /// A struct inside an array: `{K = v, ...}`. BurntSushi decides on each comma by
    /// the field's index among *all* the struct's fields, compared with the number of
    /// exported fields (v1.6) or of fields in the field's group (v1.4, helm3's): with
    /// an unexported field before the last, the commas come out misplaced
    /// (`{Version = "v1.35.0", Major = "1"Minor = "35", }`), as Helm prints them.
    fn inline_struct(&mut self, t: &Table, depth: usize) -> Result<(), TomlError> {
        let (direct, sub) = t.split()?;
        let total = direct.len() + sub.len();
        self.out.push('{');
        for group in [direct, sub] {
            let last = match self.floats {
                Floats::Shortest => total,
                Floats::Decimal => group.len(),
            }
            .wrapping_sub(1);
            for (i, k, item) in group {
                if left_out(&item) {
                    continue;
                }
                self.out.push_str(&quote_key(&k));
                self.out.push_str(" = ");
                self.element(&item, depth + 1)?;
                if i != Some(last) {
                    self.out.push_str(", ");
                }
            }
        }
        self.out.push('}');
        Ok(())
    }

    /// A value in `key = value` position or inside an array.
    fn element(&mut self, v: &Value, depth: usize) -> Result<(), TomlError> {
        if depth > MAX_DEPTH {
            return Err(TomlError::TooDeep);
        }
        // A time is a date-time, unquoted, where its JSON form would be a string; a
        // duration is its text, quoted, where JSON would write the integer.
        if let Some(text) = crate::sprig::date::toml_datetime_text(v) {
            self.out.push_str(&text);
            return Ok(());
        }
        if let Value::Int(d, crate::value::IntKind::Duration) = v {
            quote_into(&mut self.out, &crate::sprig::date::format_duration(*d));
            return Ok(());
        }
        if let Some(t @ Table::Struct(_)) = table(v) {
            return self.inline_struct(&t, depth);
        }
        match data(v) {
            // BurntSushi fails on a nil it reaches here (inside a nested array).
            Value::Nil => return Err(TomlError::NilElement),
            Value::Bool(b) => self.out.push_str(if b { "true" } else { "false" }),
            Value::Int(n, _) => self.out.push_str(&n.to_string()),
            Value::Float(f) => self.out.push_str(&float_text(f, self.floats)),
            Value::String(s) if !holds_escapes(&s) => quote_into(&mut self.out, &s),
            Value::String(s) => self.quoted_bytes(s.as_bytes()),
            Value::Bytes(b) => self.quoted_bytes(&b),
            Value::List(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    self.element(item, depth + 1)?;
                    if i + 1 != items.len() {
                        self.out.push_str(", ");
                    }
                }
                self.out.push(']');
            }
            Value::Map(m) => {
                let (direct, sub) = Table::Map(m).split()?;
                let trailing_comma = !sub.is_empty();
                self.out.push('{');
                for (group, trail) in [(direct, trailing_comma), (sub, false)] {
                    let n = group.len();
                    for (i, (_, k, item)) in group.into_iter().enumerate() {
                        if left_out(&item) {
                            continue;
                        }
                        self.out.push_str(&quote_key(&k));
                        self.out.push_str(" = ");
                        self.element(&item, depth + 1)?;
                        if trail || i + 1 != n {
                            self.out.push_str(", ");
                        }
                    }
                }
                self.out.push('}');
            }
            Value::Object(_) => {}
        }
        Ok(())
    }
}

/// BurntSushi's float: Go's shortest `%g` (v1.6) or shortest `%f` (v1.4), with `.0`
/// added when there is neither a point nor an exponent; `nan`, `inf`, `-inf`.
pub(crate) fn float_text(f: f64, floats: Floats) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    let verb = match floats {
        Floats::Shortest => 'g',
        Floats::Decimal => 'f',
    };
    let mut s = format_float(f, verb, -1);
    if !s.contains(['.', 'e']) {
        s.push_str(".0");
    }
    s
}

fn is_bare(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

pub(super) fn quote_key(k: &str) -> String {
    if k.is_empty() {
        return "\"\"".into();
    }
    if is_bare(k) {
        return k.into();
    }
    let mut out = String::new();
    quote_into(&mut out, k);
    out
}

fn dotted(key: &[String]) -> String {
    key.iter()
        .map(|k| quote_key(k))
        .collect::<Vec<_>>()
        .join(".")
}

/// A basic string: `"`, `\` and control characters escaped (`\b \t \n \f \r`, else
/// `\u00XX`, DEL too).
fn quote_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
