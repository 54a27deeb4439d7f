//! Sprig's string functions.
//!
//! Go strings are bytes: `trunc`, `substr`, `abbrev`, `wrap` and `initials` index bytes,
//! not characters. Where Go cuts a multi-byte character in half, the result is a byte
//! string ([`Value::Bytes`]) holding the bytes Go's has.

use crate::engine::func::{Func, Param as P};
use crate::value::{Elem, List, Map, Value};

use super::args::{any, bytes, int, string, string_list};
use super::cast::{strval, strval_value};
use super::unicode::{self, is_space};
use super::{func, Res};
use crate::gofmt::{decode_last_rune, decode_rune};

/// Bytes to a string the way Go would print them, lossily where Go split a character.
pub(crate) fn from_bytes(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Go's slice-bounds panic text for `s[start:end]` (either bound optional), for bounds
/// that are out of range.
pub(super) fn slice_error(start: Option<i64>, end: Option<i64>, len: usize) -> String {
    let msg = match (start, end) {
        (_, Some(e)) if e > len as i64 => format!("[:{e}] with length {len}"),
        (None, Some(e)) => format!("[:{e}]"),
        (Some(s), None) => format!("[{s}:{len}]"),
        (Some(s), Some(e)) => format!("[{s}:{e}]"),
        (None, None) => String::new(),
    };
    format!("runtime error: slice bounds out of range {msg}")
}

/// The most bytes `repeat`, `indent` and friends may build. Go would try to allocate
/// whatever was asked and abort the process; a library must not.
pub(super) const MAX_OUTPUT: usize = 256 << 20;

/// Go's `maxAlloc` on linux/amd64: a larger `make` panics instead of trying to allocate.
const GO_MAX_ALLOC: u64 = 1 << 48;

/// Go's `strings.Repeat`, with its panics as errors, and a size guard.
pub(super) fn go_repeat(s: &str, count: i64) -> Result<String, String> {
    if count < 0 {
        return Err("strings: negative Repeat count".into());
    }
    let count = count as u64;
    let len = s.len() as u64;
    if len > 0 && count > i64::MAX as u64 / len {
        return Err("strings: Repeat output length overflow".into());
    }
    if len * count > GO_MAX_ALLOC {
        // Go's allocator refuses a slice this large outright (its largest heap
        // allocation is 2^48 bytes on 64-bit Linux).
        return Err("runtime error: makeslice: len out of range".into());
    }
    if len * count > MAX_OUTPUT as u64 {
        return Err(format!(
            "strings: Repeat output of {} bytes exceeds helmcore's limit of {MAX_OUTPUT} bytes",
            len * count
        ));
    }
    Ok(s.repeat(count as usize))
}

/// Go's `strings.Split` (an empty separator splits into characters).
pub(super) fn go_split<'a>(s: &'a str, sep: &str, n: i64) -> Vec<&'a str> {
    if n == 0 {
        return Vec::new();
    }
    let limit = if n < 0 { usize::MAX } else { n as usize };
    if sep.is_empty() {
        let mut out: Vec<&str> = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if out.len() + 1 == limit {
                out.push(rest);
                return out;
            }
            let len = rest.chars().next().map_or(1, char::len_utf8);
            out.push(&rest[..len]);
            rest = &rest[len..];
        }
        return out;
    }
    s.splitn(limit, sep).collect()
}

fn hello(_: Vec<Value>) -> Res {
    Ok("Hello!".into())
}

/// Runs string function `f`, which only moves bytes around (cuts, joins, repeats), over
/// arguments that may be byte strings, as Go runs it over their bytes: each invalid byte
/// goes in as an escape character `f` treats as any other non-space character, and
/// escapes in the result (strings, also inside lists and maps) become bytes again.
fn opaque(a: Vec<Value>, f: fn(Vec<Value>) -> Res) -> Res {
    fn has(v: &Value, depth: usize) -> bool {
        match v {
            Value::Bytes(_) => true,
            Value::List(l) if depth < 2 => l.iter().any(|x| has(x, depth + 1)),
            _ => false,
        }
    }
    fn esc(v: Value) -> Value {
        // A string is escaped too when it holds characters of the escapes' own range
        // (U+10FF80 and up), or the result's unescaping would turn them into bytes.
        match v {
            Value::Bytes(b) => {
                let mut s = String::new();
                crate::value::escape::push_escaped(&mut s, &b);
                Value::from(s)
            }
            Value::String(s) if crate::value::escape::holds_escapes(&s) => {
                let mut out = String::new();
                crate::value::escape::push_escaped(&mut out, s.as_bytes());
                Value::from(out)
            }
            Value::List(l) => Value::List(l.with_items(l.iter().cloned().map(esc).collect())),
            other => other,
        }
    }
    fn unesc(v: Value) -> Value {
        match v {
            Value::String(s) => crate::value::escape::unescape(s.to_string()),
            Value::List(l) => Value::List(l.with_items(l.iter().cloned().map(unesc).collect())),
            Value::Map(m) => {
                for (k, x) in m.entries() {
                    m.insert(k, unesc(x));
                }
                Value::Map(m)
            }
            other => other,
        }
    }
    if !a.iter().any(|v| has(v, 0)) {
        return f(a);
    }
    f(a.into_iter().map(esc).collect()).map(unesc)
}

/// The string argument `i` unchanged (a byte string stays one).
fn same(a: &[Value], i: usize) -> Value {
    match a.get(i) {
        Some(v @ (Value::String(_) | Value::Bytes(_))) => v.clone(),
        _ => Value::from(""),
    }
}

fn trunc(a: Vec<Value>) -> Res {
    let (c, s) = (int(&a, 0), bytes(&a, 1));
    let len = s.len() as i64;
    Ok(if c < 0 && len + c > 0 {
        Value::from_go_slice(&s[(len + c) as usize..])
    } else if c >= 0 && len > c {
        Value::from_go_slice(&s[..c as usize])
    } else {
        same(&a, 1)
    })
}

/// goutils' `AbbreviateFull` (byte-based); `None` for its "width too small" errors.
fn abbreviate_full(b: &[u8], offset: i64, max_width: i64) -> Option<Vec<u8>> {
    if b.is_empty() {
        return Some(Vec::new());
    }
    if max_width < 4 {
        return None;
    }
    let len = b.len() as i64;
    if len <= max_width {
        return Some(b.to_vec());
    }
    let mut offset = offset.min(len);
    if len - offset < max_width - 3 {
        offset = len - (max_width - 3);
    }
    if offset <= 4 {
        return Some([&b[..(max_width - 3) as usize], b"..."].concat());
    }
    if max_width < 7 {
        return None;
    }
    if offset + max_width - 3 < len {
        let inner = abbreviate_full(&b[offset as usize..], 0, max_width - 3).unwrap_or_default();
        return Some([&b"..."[..], &inner].concat());
    }
    Some([&b"..."[..], &b[(len - (max_width - 3)) as usize..]].concat())
}

fn abbrev(a: Vec<Value>) -> Res {
    let width = int(&a, 0);
    if width < 4 {
        return Ok(same(&a, 1));
    }
    let out = abbreviate_full(bytes(&a, 1), 0, width).unwrap_or_default();
    Ok(Value::from_go_bytes(out))
}

fn abbrevboth(a: Vec<Value>) -> Res {
    let (left, right) = (int(&a, 0), int(&a, 1));
    if right < 4 || (left > 0 && right < 7) {
        return Ok(same(&a, 2));
    }
    let out = abbreviate_full(bytes(&a, 2), left, right).unwrap_or_default();
    Ok(Value::from_go_bytes(out))
}

fn trim(a: Vec<Value>) -> Res {
    Ok(string(&a, 0).trim_matches(is_space).into())
}

fn upper(a: Vec<Value>) -> Res {
    Ok(unicode::upper(string(&a, 0)).into())
}

fn lower(a: Vec<Value>) -> Res {
    Ok(unicode::lower(string(&a, 0)).into())
}

/// Go's deprecated `strings.Title`'s word separators.
fn is_title_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    if unicode::is_letter(c) || unicode::is_digit(c) {
        return false;
    }
    is_space(c)
}

fn title(a: Vec<Value>) -> Res {
    let mut prev = ' ';
    let out: String = string(&a, 0)
        .chars()
        .map(|c| {
            let starts_word = is_title_separator(prev);
            prev = c;
            if starts_word {
                unicode::to_title(c)
            } else {
                c
            }
        })
        .collect();
    Ok(out.into())
}

fn untitle(a: Vec<Value>) -> Res {
    let mut lower_next = true;
    let out: String = string(&a, 0)
        .chars()
        .map(|c| {
            if is_space(c) {
                lower_next = true;
                c
            } else if lower_next {
                lower_next = false;
                unicode::to_lower(c)
            } else {
                c
            }
        })
        .collect();
    Ok(out.into())
}

fn substr(a: Vec<Value>) -> Res {
    let (start, end, b) = (int(&a, 0), int(&a, 1), bytes(&a, 2));
    let len = b.len() as i64;
    if start < 0 {
        if end < 0 || end > len {
            return Err(slice_error(None, Some(end), b.len()));
        }
        return Ok(Value::from_go_slice(&b[..end as usize]));
    }
    if end < 0 || end > len {
        if start > len {
            return Err(slice_error(Some(start), None, b.len()));
        }
        return Ok(Value::from_go_slice(&b[start as usize..]));
    }
    if start > end {
        return Err(slice_error(Some(start), Some(end), b.len()));
    }
    Ok(Value::from_go_slice(&b[start as usize..end as usize]))
}

fn repeat(a: Vec<Value>) -> Res {
    Ok(go_repeat(string(&a, 1), int(&a, 0))?.into())
}

/// Go's `strings.Trim` over a string's bytes: an invalid byte reads as U+FFFD on both
/// sides, so a cutset holding U+FFFD (or an invalid byte) trims every invalid byte.
fn trim_all(a: Vec<Value>) -> Res {
    let (cutset, s) = (string(&a, 0), bytes(&a, 1));
    let mut start = 0;
    while let Some(rest) = s.get(start..).filter(|r| !r.is_empty()) {
        let (c, n) = decode_rune(rest);
        if !cutset.contains(c) {
            break;
        }
        start += n;
    }
    let mut end = s.len();
    while let Some(rest) = s.get(start..end).filter(|r| !r.is_empty()) {
        let (c, n) = decode_last_rune(rest);
        if !cutset.contains(c) {
            break;
        }
        end -= n;
    }
    Ok(Value::from_go_slice(s.get(start..end).unwrap_or_default()))
}

fn trim_suffix(a: Vec<Value>) -> Res {
    let (suffix, s) = (string(&a, 0), string(&a, 1));
    Ok(s.strip_suffix(suffix).unwrap_or(s).into())
}

fn trim_prefix(a: Vec<Value>) -> Res {
    let (prefix, s) = (string(&a, 0), string(&a, 1));
    Ok(s.strip_prefix(prefix).unwrap_or(s).into())
}

/// goutils' `DeleteWhiteSpace`, which reads the string byte by byte as Latin-1: when
/// anything is removed, every non-ASCII byte comes back as the Latin-1 character of
/// that byte value (`é` becomes `Ã©`), and bytes 0x85 and 0xA0 count as spaces.
fn nospace(a: Vec<Value>) -> Res {
    let s = bytes(&a, 0);
    let latin1_space = |b: u8| is_space(b as char);
    if !s.iter().copied().any(latin1_space) {
        return Ok(same(&a, 0));
    }
    let out: String = s
        .iter()
        .copied()
        .filter(|&b| !latin1_space(b))
        .map(|b| b as char)
        .collect();
    Ok(out.into())
}

/// goutils' `Initials`, byte-based like `nospace`: a non-ASCII first letter comes back
/// as the Latin-1 character of its first byte.
fn initials(a: Vec<Value>) -> Res {
    let mut out = String::new();
    let mut after_gap = true;
    for &b in bytes(&a, 0) {
        let c = b as char;
        if is_space(c) {
            after_gap = true;
        } else if after_gap {
            out.push(c);
            after_gap = false;
        }
    }
    Ok(out.into())
}

fn swapcase(a: Vec<Value>) -> Res {
    let mut after_space = true;
    let out: String = string(&a, 0)
        .chars()
        .map(|c| {
            if unicode::is_upper(c) || unicode::is_title(c) {
                after_space = false;
                unicode::to_lower(c)
            } else if unicode::is_lower(c) {
                let mapped = if after_space {
                    unicode::to_title(c)
                } else {
                    unicode::to_upper(c)
                };
                after_space = false;
                mapped
            } else {
                after_space = is_space(c);
                c
            }
        })
        .collect();
    Ok(out.into())
}

/// goutils' `WrapCustom`: breaks at the last space within `width` bytes; a word longer
/// than the width is cut only when `wrap_long` is set.
/// It counts bytes, so it runs over a byte string's own bytes (no escapes, which would
/// count four each).
fn wrap_custom(b: &[u8], width: i64, newline: &[u8], wrap_long: bool) -> Value {
    if b.is_empty() {
        return Value::from("");
    }
    let newline = if newline.is_empty() { b"\n" } else { newline };
    let width = width.max(1) as usize;
    let mut out: Vec<u8> = Vec::with_capacity(b.len() + b.len() / width.max(1));
    let mut offset = 0usize;
    while b.len() - offset > width {
        if b[offset] == b' ' {
            offset += 1;
            continue;
        }
        let end = width + offset + 1;
        if let Some(space) = b[offset..end].iter().rposition(|&c| c == b' ') {
            let at = offset + space;
            out.extend_from_slice(&b[offset..at]);
            out.extend_from_slice(newline);
            offset = at + 1;
        } else if wrap_long {
            out.extend_from_slice(&b[offset..offset + width]);
            out.extend_from_slice(newline);
            offset += width;
        } else {
            let end = width + offset;
            match b[end..].iter().position(|&c| c == b' ') {
                None => {
                    out.extend_from_slice(&b[offset..]);
                    offset = b.len();
                }
                Some(i) => {
                    let at = end + i;
                    out.extend_from_slice(&b[offset..at]);
                    out.extend_from_slice(newline);
                    offset = at + 1;
                }
            }
        }
    }
    out.extend_from_slice(&b[offset..]);
    Value::from_go_bytes(out)
}

fn snakecase(a: Vec<Value>) -> Res {
    Ok(Value::from_go_bytes(super::xstrings::to_lower_case(
        bytes(&a, 0),
        '_',
    )))
}

fn kebabcase(a: Vec<Value>) -> Res {
    Ok(Value::from_go_bytes(super::xstrings::to_lower_case(
        bytes(&a, 0),
        '-',
    )))
}

fn camelcase(a: Vec<Value>) -> Res {
    Ok(super::xstrings::to_pascal_case(string(&a, 0)).into())
}

fn wrap(a: Vec<Value>) -> Res {
    Ok(wrap_custom(bytes(&a, 1), int(&a, 0), b"", false))
}

fn wrap_with(a: Vec<Value>) -> Res {
    Ok(wrap_custom(bytes(&a, 2), int(&a, 0), bytes(&a, 1), true))
}

// Go compares bytes: an invalid byte matches only itself.
fn contains(a: Vec<Value>) -> Res {
    Ok(memchr::memmem::find(bytes(&a, 1), bytes(&a, 0))
        .is_some()
        .into())
}

fn has_prefix(a: Vec<Value>) -> Res {
    Ok(bytes(&a, 1).starts_with(bytes(&a, 0)).into())
}

fn has_suffix(a: Vec<Value>) -> Res {
    Ok(bytes(&a, 1).ends_with(bytes(&a, 0)).into())
}

/// Whether any argument is or may hold a byte string.
fn has_bytes(a: &[Value]) -> bool {
    a.iter()
        .any(|v| matches!(v, Value::Bytes(_) | Value::List(_) | Value::Map(_)))
}

/// Go's `%v` of a value as the Go string it gives (a byte string keeps its bytes, also
/// inside a list or map; a `[]byte` prints as numbers).
fn vstr(v: &Value) -> Value {
    match v {
        Value::String(_) | Value::Bytes(_) => v.clone(),
        Value::List(_) | Value::Map(_) => crate::gofmt::sprint_value(std::slice::from_ref(v)),
        other => Value::from(crate::value::fmt_v(other)),
    }
}

/// Go strings joined by `sep`, as the Go string that gives.
fn join_go(parts: impl Iterator<Item = Value>, sep: &[u8]) -> Value {
    let mut out = Vec::new();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(p.go_bytes().unwrap_or_default());
    }
    Value::from_go_bytes(out)
}

fn quote(a: Vec<Value>) -> Res {
    let quote_one = |v: &Value| match strval_value(v) {
        Value::Bytes(b) => crate::gofmt::quote_bytes(&b, false),
        other => crate::gofmt::quote(other.as_str().unwrap_or_default()),
    };
    let parts: Vec<String> = a.iter().filter(|v| !v.is_nil()).map(quote_one).collect();
    Ok(parts.join(" ").into())
}

fn squote(a: Vec<Value>) -> Res {
    if has_bytes(&a) {
        let parts = a.iter().filter(|v| !v.is_nil()).map(|v| {
            join_go(
                [Value::from(""), vstr(v), Value::from("")].into_iter(),
                b"'",
            )
        });
        return Ok(join_go(parts, b" "));
    }
    let parts: Vec<String> = a
        .iter()
        .filter(|v| !v.is_nil())
        .map(|v| format!("'{}'", crate::value::fmt_v(v)))
        .collect();
    Ok(parts.join(" ").into())
}

fn cat(a: Vec<Value>) -> Res {
    if has_bytes(&a) {
        return Ok(join_go(a.iter().filter(|v| !v.is_nil()).map(vstr), b" "));
    }
    let parts: Vec<String> = a
        .iter()
        .filter(|v| !v.is_nil())
        .map(crate::value::fmt_v)
        .collect();
    Ok(parts.join(" ").into())
}

pub(super) fn indent_str(spaces: i64, s: &str) -> Result<String, String> {
    let pad = go_repeat(" ", spaces)?;
    let lines = s.bytes().filter(|&b| b == b'\n').count();
    if (lines + 1)
        .saturating_mul(pad.len())
        .saturating_add(s.len())
        > MAX_OUTPUT
    {
        return Err(format!(
            "indent: output exceeds helmcore's limit of {MAX_OUTPUT} bytes"
        ));
    }
    let mut out = String::with_capacity(s.len() + (lines + 1) * pad.len());
    out.push_str(&pad);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    Ok(out)
}

fn indent(a: Vec<Value>) -> Res {
    Ok(indent_str(int(&a, 0), string(&a, 1))?.into())
}

fn nindent(a: Vec<Value>) -> Res {
    Ok(format!("\n{}", indent_str(int(&a, 0), string(&a, 1))?).into())
}

fn replace(a: Vec<Value>) -> Res {
    let (old, new, src) = (string(&a, 0), string(&a, 1), string(&a, 2));
    if old.is_empty() {
        let n = src.chars().count() + 1;
        if n.saturating_mul(new.len()).saturating_add(src.len()) > MAX_OUTPUT {
            return Err(format!(
                "replace: output exceeds helmcore's limit of {MAX_OUTPUT} bytes"
            ));
        }
    }
    Ok(src.replace(old, new).into())
}

fn plural(a: Vec<Value>) -> Res {
    Ok(if int(&a, 2) == 1 {
        any(&a, 0).clone()
    } else {
        any(&a, 1).clone()
    })
}

fn to_string(a: Vec<Value>) -> Res {
    Ok(strval_value(any(&a, 0)))
}

/// Sprig's `strslice`: a list's non-nil items as strings, nil as no strings, anything
/// else as a one-string list.
pub(super) fn strslice(v: &Value) -> Vec<String> {
    if let Some(items) = super::lists::slice_items(v) {
        return items.iter().filter(|i| !i.is_nil()).map(strval).collect();
    }
    match v {
        Value::Nil => Vec::new(),
        other => vec![strval(other)],
    }
}

fn to_strings(a: Vec<Value>) -> Res {
    Ok(string_list(strslice(any(&a, 0))))
}

fn join(a: Vec<Value>) -> Res {
    Ok(strslice(any(&a, 1)).join(string(&a, 0)).into())
}

/// Go's `sort.Strings`, which orders by bytes: a byte string keeps its bytes and its
/// place among them.
fn sort_alpha(a: Vec<Value>) -> Res {
    let v = any(&a, 0);
    let mut items: Vec<Value> = match super::lists::slice_items(v) {
        Some(items) => items
            .iter()
            .filter(|i| !i.is_nil())
            .map(strval_value)
            .collect(),
        None => vec![strval_value(v)],
    };
    items.sort_by(|x, y| x.go_bytes().cmp(&y.go_bytes()));
    Ok(Value::List(List::typed(items, Elem::String)))
}

fn split_map(parts: Vec<&str>) -> Value {
    let map = Map::from_entries(
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| (format!("_{i}").into(), Value::from(p))),
    );
    // Go's `map[string]string`.
    Value::Map(map.named(&crate::value::STRING_MAP))
}

fn split(a: Vec<Value>) -> Res {
    Ok(split_map(go_split(string(&a, 1), string(&a, 0), -1)))
}

fn splitn(a: Vec<Value>) -> Res {
    Ok(split_map(go_split(
        string(&a, 2),
        string(&a, 0),
        int(&a, 1),
    )))
}

fn split_list(a: Vec<Value>) -> Res {
    Ok(string_list(go_split(string(&a, 1), string(&a, 0), -1)))
}

pub(super) const FUNCS: &[Func] = &[
    func("hello", &[], None, hello),
    func("abbrev", &[P::Int, P::BytesString], None, abbrev),
    func(
        "abbrevboth",
        &[P::Int, P::Int, P::BytesString],
        None,
        abbrevboth,
    ),
    func("trunc", &[P::Int, P::BytesString], None, trunc),
    func("trim", &[P::BytesString], None, |a| opaque(a, trim)),
    func("upper", &[P::String], None, upper),
    func("lower", &[P::String], None, lower),
    func("title", &[P::String], None, title),
    func("untitle", &[P::String], None, untitle),
    func("substr", &[P::Int, P::Int, P::BytesString], None, substr),
    func("repeat", &[P::Int, P::BytesString], None, |a| {
        opaque(a, repeat)
    }),
    func("trimall", &[P::String, P::BytesString], None, trim_all),
    func("trimAll", &[P::String, P::BytesString], None, trim_all),
    func("trimSuffix", &[P::BytesString, P::BytesString], None, |a| {
        opaque(a, trim_suffix)
    }),
    func("trimPrefix", &[P::BytesString, P::BytesString], None, |a| {
        opaque(a, trim_prefix)
    }),
    func("nospace", &[P::BytesString], None, nospace),
    func("initials", &[P::BytesString], None, initials),
    func("swapcase", &[P::String], None, swapcase),
    func("snakecase", &[P::BytesString], None, snakecase),
    func("kebabcase", &[P::BytesString], None, kebabcase),
    func("camelcase", &[P::String], None, camelcase),
    func("wrap", &[P::Int, P::BytesString], None, wrap),
    func(
        "wrapWith",
        &[P::Int, P::BytesString, P::BytesString],
        None,
        wrap_with,
    ),
    func(
        "contains",
        &[P::BytesString, P::BytesString],
        None,
        contains,
    ),
    func(
        "hasPrefix",
        &[P::BytesString, P::BytesString],
        None,
        has_prefix,
    ),
    func(
        "hasSuffix",
        &[P::BytesString, P::BytesString],
        None,
        has_suffix,
    ),
    func("quote", &[], Some(P::Any), quote),
    func("squote", &[], Some(P::Any), squote),
    func("cat", &[], Some(P::Any), cat),
    func("indent", &[P::Int, P::BytesString], None, |a| {
        opaque(a, indent)
    }),
    func("nindent", &[P::Int, P::BytesString], None, |a| {
        opaque(a, nindent)
    }),
    func(
        "replace",
        &[P::BytesString, P::BytesString, P::BytesString],
        None,
        |a| opaque(a, replace),
    ),
    func(
        "plural",
        &[P::BytesString, P::BytesString, P::Int],
        None,
        plural,
    ),
    func("toString", &[P::Any], None, to_string),
    func("split", &[P::BytesString, P::BytesString], None, |a| {
        opaque(a, split)
    }),
    func("splitList", &[P::BytesString, P::BytesString], None, |a| {
        opaque(a, split_list)
    }),
    func(
        "splitn",
        &[P::BytesString, P::Int, P::BytesString],
        None,
        |a| opaque(a, splitn),
    ),
    func("toStrings", &[P::Any], None, |a| opaque(a, to_strings)),
    func("join", &[P::BytesString, P::Any], None, |a| opaque(a, join)),
    func("sortAlpha", &[P::Any], None, sort_alpha),
];
