//! Go's `fmt` printing of template values: `Sprint`, `Sprintln` and `Sprintf` with every
//! verb, flag, width, precision and argument index, and Go's error forms
//! (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!v(BADINDEX)`).
//!
//! Arguments are Go `interface{}` values: [`Value::Nil`] is a nil interface.
//!
//! ```
//! use helmcore::gofmt::{sprint, sprintf};
//! use helmcore::value::Value;
//! assert_eq!(sprintf("%05.1f|%-4s|%x", &[Value::Float(3.14159), "ab".into(), Value::int(255)]), "003.1|ab  |ff");
//! assert_eq!(sprintf("%d %s", &[Value::int(1)]), "1 %!s(MISSING)");
//! assert_eq!(sprint(&[Value::int(1), Value::int(2), "a".into(), Value::int(3)]), "1 2a3");
//! ```

mod quote;
mod utf8;

pub use quote::{
    can_backquote, fmt_unicode_hash, is_print, quote, quote_ascii, quote_bytes, quote_rune,
    unquote, unquote_bytes, unquote_char,
};
pub(crate) use utf8::{decode_last_rune, decode_rune};

use crate::value::escape::{is_escape, push_escaped, unescape, unescape_bytes};
use crate::value::{format_float, Kind, Value};

/// Nesting beyond this prints as `...` (a map can contain itself through `set`).
const MAX_DEPTH: usize = 1000;
/// Go's `tooLarge` bound on widths and precisions.
const MAX_NUM: i64 = 1_000_000;

/// Go's `fmt.Sprint`: operands in `%v`, with a space between two operands when neither
/// is a string.
///
/// A byte string ([`Value::Bytes`]) among the operands is printed as its Go-lossy text
/// here; [`sprint_value`] keeps its bytes.
pub fn sprint(args: &[Value]) -> String {
    Printer::sprint(args).text()
}

/// [`sprint`] of one value, a pointer to a struct printed as the struct it points to (no
/// `&`): what text/template prints after its `indirect`, as in `range can't iterate over`.
pub(crate) fn sprint_pointee(v: &Value) -> String {
    let mut p = Printer {
        pointee: true,
        ..Printer::default()
    };
    p.print_arg(v, 'v', 0);
    p.text()
}

/// [`sprint`] as the Go string it gives: a [`Value::Bytes`] when a byte string among the
/// operands makes it invalid UTF-8.
pub fn sprint_value(args: &[Value]) -> Value {
    Printer::sprint(args).value()
}

/// Go's `fmt.Sprintln`: operands in `%v`, always space-separated, then a newline.
pub fn sprintln(args: &[Value]) -> String {
    Printer::sprintln(args).text()
}

/// [`sprintln`] as the Go string it gives (see [`sprint_value`]).
pub fn sprintln_value(args: &[Value]) -> Value {
    Printer::sprintln(args).value()
}

/// Go's `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.text()
}

/// [`sprintf`] as the Go string it gives (see [`sprint_value`]).
///
/// ```
/// use helmcore::gofmt::sprintf_value;
/// use helmcore::value::Value;
/// let bin = Value::from_go_slice(b"a\xff");
/// let out = sprintf_value("%s|%q|%x", &[bin.clone(), bin.clone(), bin]);
/// assert_eq!(out.go_bytes(), Some(&b"a\xff|\"a\\xff\"|61ff"[..]));
/// ```
pub fn sprintf_value(format: &str, args: &[Value]) -> Value {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.value()
}

/// [`sprintf_value`] with a format string that is not valid UTF-8: Go copies its bytes
/// and reads an invalid byte after `%` as the verb U+FFFD.
///
/// ```
/// use helmcore::gofmt::sprintf_bytes_value;
/// let out = sprintf_bytes_value(b"\xff%s%\xff", &["a".into(), "b".into()]);
/// assert_eq!(out.go_bytes(), Some(&b"\xffa%!\xef\xbf\xbd(string=b)"[..]));
/// ```
pub fn sprintf_bytes_value(format: &[u8], args: &[Value]) -> Value {
    let mut escaped = String::with_capacity(format.len() + 8);
    push_escaped(&mut escaped, format);
    let mut p = Printer {
        bytes: true,
        ..Printer::default()
    };
    p.do_printf(&escaped, args);
    p.value()
}

/// Go's `%v` of one value into `out` (the template's way of printing an action's result).
/// Returns whether a byte string was written: its invalid bytes are then in `out` as
/// escapes (see `value::escape`) for the caller to turn back into bytes.
pub(crate) fn write_value(out: &mut String, v: &Value) -> bool {
    let mut p = Printer {
        out: std::mem::take(out),
        ..Printer::default()
    };
    p.print_arg(v, 'v', 0);
    *out = p.out;
    p.bytes
}

#[derive(Default, Clone, Copy)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

#[derive(Default)]
struct Printer {
    out: String,
    f: Flags,
    /// Whether `out` holds escaped bytes of a byte string.
    bytes: bool,
    /// Whether a pointer to a struct at the top is printed as the struct itself.
    pointee: bool,
}

fn parsenum(s: &[u8], start: usize, end: usize) -> (Option<usize>, usize) {
    let mut i = start;
    let mut num: i64 = 0;
    let mut isnum = false;
    while i < end && s[i].is_ascii_digit() {
        if num > MAX_NUM {
            return (None, end);
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (if isnum { Some(num as usize) } else { None }, i)
}

impl Printer {
    fn sprint(args: &[Value]) -> Printer {
        let mut p = Printer::default();
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_string = matches!(a, Value::String(_) | Value::Bytes(_));
            if i > 0 && !is_string && !prev_string {
                p.out.push(' ');
            }
            p.print_arg(a, 'v', 0);
            prev_string = is_string;
        }
        p
    }

    fn sprintln(args: &[Value]) -> Printer {
        let mut p = Printer::default();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                p.out.push(' ');
            }
            p.print_arg(a, 'v', 0);
        }
        p.out.push('\n');
        p
    }

    /// The output as text (a byte string's invalid bytes as U+FFFD).
    fn text(self) -> String {
        if self.bytes {
            crate::yaml::go_lossy_utf8(&unescape_bytes(&self.out))
        } else {
            self.out
        }
    }

    /// The output as a Go string.
    fn value(self) -> Value {
        if self.bytes {
            unescape(self.out)
        } else {
            Value::String(self.out.into())
        }
    }

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero && !self.f.minus {
            '0'
        } else {
            ' '
        };
        self.out.extend(std::iter::repeat_n(c, n));
    }

    /// Go's `fmt.pad`: width counted in runes.
    fn pad(&mut self, s: &str) {
        let Some(w) = self.f.wid.filter(|&w| w > 0) else {
            self.out.push_str(s);
            return;
        };
        let n = s.chars().count();
        let fill = w.saturating_sub(n);
        if self.f.minus {
            self.out.push_str(s);
            let zero = self.f.zero;
            self.f.zero = false;
            self.write_padding(fill);
            self.f.zero = zero;
        } else {
            self.write_padding(fill);
            self.out.push_str(s);
        }
    }

    fn truncate<'s>(&self, s: &'s str) -> &'s str {
        match self.f.prec {
            Some(p) => match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            },
            None => s,
        }
    }

    fn do_printf(&mut self, format: &str, args: &[Value]) {
        let fb = format.as_bytes();
        let end = fb.len();
        let mut arg_num = 0usize;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0;
        'outer: while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && fb[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.out.push_str(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            while i < end {
                match fb[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    c => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            // `%w` takes `%v`'s flags before it is refused.
                            if c == b'v' || c == b'w' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.print_arg(&args[arg_num], c as char, 0);
                            arg_num += 1;
                            i += 1;
                            continue 'outer;
                        }
                        break;
                    }
                }
                i += 1;
            }
            // Explicit argument index?
            let (n, ni, found, ok) = arg_number(arg_num, fb, i, args.len(), &mut reordered);
            arg_num = n;
            i = ni;
            after_index = found;
            good_arg_num &= ok;
            // Width.
            if i < end && fb[i] == b'*' {
                i += 1;
                let (w, isint, n) = int_from_arg(args, arg_num);
                arg_num = n;
                if !isint {
                    self.out.push_str("%!(BADWIDTH)");
                }
                if w < 0 {
                    self.f.minus = true;
                    self.f.zero = false;
                }
                self.f.wid = if isint {
                    Some(w.unsigned_abs() as usize)
                } else {
                    None
                };
                after_index = false;
            } else {
                let (w, ni) = parsenum(fb, i, end);
                self.f.wid = w;
                i = ni;
                if after_index && w.is_some() {
                    good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && fb[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                let (n, ni, found, ok) = arg_number(arg_num, fb, i, args.len(), &mut reordered);
                arg_num = n;
                i = ni;
                after_index = found;
                good_arg_num &= ok;
                if i < end && fb[i] == b'*' {
                    i += 1;
                    let (p, isint, n) = int_from_arg(args, arg_num);
                    arg_num = n;
                    self.f.prec = if isint && p >= 0 {
                        Some(p as usize)
                    } else {
                        None
                    };
                    // A negative precision is as bad as a missing one.
                    if self.f.prec.is_none() {
                        self.out.push_str("%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (p, ni) = parsenum(fb, i, end);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                let (n, ni, _found, ok) = arg_number(arg_num, fb, i, args.len(), &mut reordered);
                arg_num = n;
                i = ni;
                good_arg_num &= ok;
            }
            if i >= end {
                self.out.push_str("%!(NOVERB)");
                break;
            }
            let Some(verb) = format[i..].chars().next() else {
                break;
            };
            i += verb.len_utf8();
            // An escaped byte of a byte-string format is one invalid rune to Go.
            let verb = if is_escape(verb) {
                char::REPLACEMENT_CHARACTER
            } else {
                verb
            };
            if verb == '%' {
                self.out.push('%');
            } else if !good_arg_num {
                self.out.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if arg_num >= args.len() {
                self.out.push_str(&format!("%!{verb}(MISSING)"));
            } else {
                if verb == 'v' || verb == 'w' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(&args[arg_num], verb, 0);
                arg_num += 1;
            }
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.out.push_str("%!(EXTRA ");
            for (k, a) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.out.push_str(", ");
                }
                if a.is_nil() {
                    self.out.push_str("<nil>");
                } else {
                    self.out.push_str(&a.type_name());
                    self.out.push('=');
                    self.print_arg(a, 'v', 0);
                }
            }
            self.out.push(')');
        }
    }

    fn bad_verb(&mut self, v: &Value, verb: char, depth: usize) {
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push('(');
        if v.is_nil() {
            self.out.push_str("<nil>");
        } else {
            self.out.push_str(&v.type_name());
            self.out.push('=');
            self.print_arg(v, 'v', depth);
        }
        self.out.push(')');
    }

    fn print_arg(&mut self, v: &Value, verb: char, depth: usize) {
        if depth > MAX_DEPTH {
            self.out.push_str("...");
            return;
        }
        match v {
            Value::Nil => match verb {
                'T' | 'v' => self.pad("<nil>"),
                _ => self.bad_verb(v, verb, depth),
            },
            _ if verb == 'T' => {
                // The type name is a string to Go's formatter: precision cuts it.
                let name = v.type_name();
                let t = self.truncate(&name).to_string();
                self.pad(&t);
            }
            Value::Bool(b) => match verb {
                't' | 'v' => self.pad(if *b { "true" } else { "false" }),
                _ => self.bad_verb(v, verb, depth),
            },
            // Sprintf refuses `%w` (an `Errorf` verb) on a list or map as a whole; the
            // scalar printers refuse it as any verb they do not know.
            Value::List(_) | Value::Map(_) if verb == 'w' => self.bad_verb(v, verb, depth),
            Value::Int(n, _) => self.fmt_integer(v, *n, verb, depth),
            Value::Float(x) => self.fmt_float_verb(v, *x, verb, depth),
            Value::String(s) => self.fmt_string(v, s, verb, depth),
            Value::Bytes(b) => self.fmt_bytes(v, b, verb, depth),
            Value::List(items) => {
                if self.f.sharp_v && items.is_nil() {
                    self.out.push_str(items.elem().slice_type());
                    self.out.push_str("(nil)");
                    return;
                }
                let t = items.elem().slice_type();
                self.print_items(t, items.iter().map(|x| (None, x)), false, verb, depth);
            }
            Value::Map(m) => {
                let t = m.named_type().map_or("map[string]interface {}", |t| t.name);
                if self.f.sharp_v && m.is_nil() {
                    self.out.push_str(t);
                    self.out.push_str("(nil)");
                    return;
                }
                let entries = m.entries();
                let entries = entries.iter().map(|(k, v)| (Some(k), v));
                self.print_items(t, entries, true, verb, depth);
            }
            Value::Object(o) if o.as_go_bytes().is_some() => {
                let bytes = o.as_go_bytes().unwrap_or_default().to_vec();
                self.fmt_byte_slice(&bytes, verb, depth);
            }
            Value::Object(o) => self.print_object(v, &**o, verb, depth),
        }
    }

    /// A slice's items (no keys): `[a b]`, or under `%#v` `TYPE{a, b}`; a map's entries
    /// in key order: `map[k:v]`, or under `%#v` `TYPE{"k":v}`.
    fn print_items<'v>(
        &mut self,
        type_name: &str,
        items: impl Iterator<Item = (Option<&'v crate::value::Str>, &'v Value)>,
        is_map: bool,
        verb: char,
        depth: usize,
    ) {
        if self.f.sharp_v {
            self.out.push_str(type_name);
            self.out.push('{');
        } else {
            self.out.push_str(if is_map { "map[" } else { "[" });
        }
        for (k, (key, item)) in items.enumerate() {
            if k > 0 {
                self.out.push_str(if self.f.sharp_v { ", " } else { " " });
            }
            if let Some(key) = key {
                self.print_arg(&Value::String(key.clone()), verb, depth + 1);
                self.out.push(':');
            }
            self.print_elem(item, verb, depth + 1);
        }
        self.out.push(if self.f.sharp_v { '}' } else { ']' });
    }

    /// A Go struct or named type. As `fmt` does: `%#v` asks for `GoString()` first; a
    /// `String()` method answers the string verbs; otherwise reflection prints a struct's
    /// fields and a named slice's or map's elements, each with the verb.
    fn print_object(&mut self, v: &Value, o: &dyn crate::value::Object, verb: char, depth: usize) {
        if self.f.sharp_v {
            if let Some(s) = o.go_string() {
                let t = self.truncate(&s).to_string();
                self.pad(&t);
                return;
            }
        }
        let string_verb = !self.f.sharp_v && matches!(verb, 'v' | 's' | 'x' | 'X' | 'q');
        if !(o.is_stringer() && string_verb) {
            if let Some(st) = o.go_fields() {
                // Go prints a pointer met inside another value as an address, with
                // the verbs an address takes; any other verb is a bad one, whose text
                // shows the struct as at the top.
                if st.pointer
                    && depth > 0
                    && !matches!(verb, 'v' | 'p' | 'b' | 'o' | 'd' | 'x' | 'X')
                {
                    return self.bad_verb(v, verb, 0);
                }
                self.print_struct(&st, verb, depth);
                return;
            }
            if matches!(o.kind(), Kind::Slice | Kind::Map) {
                match o.elements() {
                    Some(crate::value::Elements::List(items)) => {
                        let items = items.iter().map(|x| (None, x));
                        return self.print_items(&o.type_name(), items, false, verb, depth);
                    }
                    Some(crate::value::Elements::Map { entries, .. }) => {
                        let entries = entries.iter().map(|(k, v)| (Some(k), v));
                        return self.print_items(&o.type_name(), entries, true, verb, depth);
                    }
                    None => {}
                }
            }
        }
        let mut s = String::new();
        o.format(&mut s);
        match verb {
            'v' | 's' | 'x' | 'X' | 'q' => self.fmt_string(v, &s, verb, depth),
            _ => self.bad_verb(v, verb, depth),
        }
    }

    /// `{a b}`, `{A:a B:b}` under `%+v`, `T{A:a, B:b}` under `%#v`; `&` before a pointer.
    /// (Go writes a pointer met inside another value as its address, which no run
    /// reproduces; it keeps the `&` form here.)
    fn print_struct(&mut self, st: &crate::value::GoFields, verb: char, depth: usize) {
        if st.pointer && !(self.pointee && depth == 0) {
            self.out.push('&');
        }
        if self.f.sharp_v {
            self.out.push_str(&st.name);
        }
        self.out.push('{');
        for (i, (name, field)) in st.fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str(if self.f.sharp_v { ", " } else { " " });
            }
            if self.f.plus_v || self.f.sharp_v {
                self.out.push_str(name);
                self.out.push(':');
            }
            self.print_arg(field, verb, depth + 1);
        }
        self.out.push('}');
    }

    /// A Go `[]byte`: `%s`, `%q`, `%x` and `%X` format it as a string, `%#v` as Go syntax,
    /// other verbs each byte as a number.
    fn fmt_byte_slice(&mut self, bytes: &[u8], verb: char, depth: usize) {
        match verb {
            's' | 'q' | 'x' | 'X' => self.print_arg(&Value::from_go_slice(bytes), verb, depth),
            'v' if self.f.sharp_v => {
                // `fmt` names the type `[]byte` for the argument itself and by its
                // reflected name inside another value.
                self.out
                    .push_str(if depth == 0 { "[]byte{" } else { "[]uint8{" });
                for (i, b) in bytes.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.out.push_str(&format!("{b:#x}"));
                }
                self.out.push('}');
            }
            _ => {
                self.out.push('[');
                for (i, b) in bytes.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    self.print_arg(&Value::int(i64::from(*b)), verb, depth + 1);
                }
                self.out.push(']');
            }
        }
    }

    /// An element of a list or map: a nil interface prints `<nil>` whatever the verb and
    /// flags.
    fn print_elem(&mut self, v: &Value, verb: char, depth: usize) {
        if v.is_nil() {
            if self.f.sharp_v {
                self.out.push_str("interface {}(nil)");
            } else {
                // Written as is: no width or padding applies to it.
                self.out.push_str("<nil>");
            }
            return;
        }
        self.print_arg(v, verb, depth);
    }

    fn fmt_string(&mut self, v: &Value, s: &str, verb: char, depth: usize) {
        match verb {
            'v' if self.f.sharp_v => self.fmt_q(s),
            'v' | 's' => {
                if self.f.prec.is_none() && self.f.wid.is_none() {
                    self.out.push_str(s);
                } else {
                    let t = self.truncate(s).to_string();
                    self.pad(&t);
                }
            }
            'x' => self.fmt_sx(s.as_bytes(), false),
            'X' => self.fmt_sx(s.as_bytes(), true),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(v, verb, depth),
        }
    }

    /// [`Printer::fmt_string`] for a string that is not valid UTF-8: `%s` and `%v` write
    /// the bytes, `%q` escapes each invalid one as `\xNN`, `%x` prints them in hex.
    fn fmt_bytes(&mut self, v: &Value, b: &[u8], verb: char, depth: usize) {
        match verb {
            'v' if self.f.sharp_v => self.fmt_q_bytes(b),
            'v' | 's' => {
                self.bytes = true;
                if self.f.prec.is_none() && self.f.wid.is_none() {
                    push_escaped(&mut self.out, b);
                } else {
                    let mut s = String::new();
                    push_escaped(&mut s, b);
                    let t = self.truncate(&s).to_string();
                    self.pad(&t);
                }
            }
            'x' => self.fmt_sx(b, false),
            'X' => self.fmt_sx(b, true),
            'q' => self.fmt_q_bytes(b),
            _ => self.bad_verb(v, verb, depth),
        }
    }

    fn fmt_q_bytes(&mut self, b: &[u8]) {
        // Precision counts runes, an invalid byte being one.
        let mut s = String::new();
        push_escaped(&mut s, b);
        let cut = unescape_bytes(self.truncate(&s));
        // `%#q` never backquotes invalid UTF-8 (`CanBackquote` is false).
        let q = quote_bytes(&cut, self.f.plus);
        self.pad(&q);
    }

    fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s);
        let q = if self.f.sharp && can_backquote(s) {
            format!("`{s}`")
        } else if self.f.plus {
            quote_ascii(s)
        } else {
            quote(s)
        };
        self.pad(&q);
    }

    fn fmt_sx(&mut self, bytes: &[u8], upper: bool) {
        let digits: &[u8] = if upper {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        let len = match self.f.prec {
            Some(p) => p.min(bytes.len()),
            None => bytes.len(),
        };
        let mut buf = String::new();
        for (i, b) in bytes[..len].iter().enumerate() {
            if self.f.space && i > 0 {
                buf.push(' ');
            }
            if self.f.sharp && (self.f.space || i == 0) {
                buf.push('0');
                buf.push(if upper { 'X' } else { 'x' });
            }
            buf.push(digits[(b >> 4) as usize] as char);
            buf.push(digits[(b & 0xf) as usize] as char);
        }
        // Go pads even an empty result to the width.
        self.pad(&buf);
    }

    fn fmt_integer(&mut self, v: &Value, n: i64, verb: char, depth: usize) {
        let unsigned = matches!(v, Value::Int(_, k) if k.is_unsigned());
        // A named type with a `String()` method (`time.Duration`) prints it for the
        // string verbs, as `fmt` does before looking at the number.
        if let Value::Int(_, k) = v {
            if !self.f.sharp_v && matches!(verb, 'v' | 's' | 'q' | 'x' | 'X') {
                if let Some(s) = k.go_string(n) {
                    return self.fmt_string(v, &s, verb, depth);
                }
            }
        }
        match verb {
            // Go syntax for an unsigned integer is hexadecimal with `0x`.
            'v' if self.f.sharp_v && unsigned => {
                let sharp = std::mem::replace(&mut self.f.sharp, true);
                self.fmt_int_base(n, 16, verb, false);
                self.f.sharp = sharp;
            }
            'v' | 'd'
                if self.f.wid.is_none()
                    && self.f.prec.is_none()
                    && !self.f.plus
                    && !self.f.space =>
            {
                use std::fmt::Write;
                let _ = write!(self.out, "{n}");
            }
            'v' | 'd' => self.fmt_int_base(n, 10, verb, false),
            'b' => self.fmt_int_base(n, 2, verb, false),
            'o' | 'O' => self.fmt_int_base(n, 8, verb, false),
            'x' => self.fmt_int_base(n, 16, verb, false),
            'X' => self.fmt_int_base(n, 16, verb, true),
            'c' => {
                let c = char_of(n);
                self.pad(&c.to_string());
            }
            'q' => {
                let q = quote_rune(char_of(n), self.f.plus);
                self.pad(&q);
            }
            'U' => self.fmt_unicode(n),
            _ => self.bad_verb(v, verb, depth),
        }
    }

    fn fmt_int_base(&mut self, n: i64, base: u64, verb: char, upper: bool) {
        let negative = n < 0;
        let mut u = n.unsigned_abs();
        let digits: &[u8] = if upper {
            b"0123456789ABCDEFX"
        } else {
            b"0123456789abcdefx"
        };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let zero = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid.unwrap_or(0));
                self.f.zero = zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut buf: Vec<u8> = Vec::with_capacity(24);
        loop {
            buf.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while buf.len() < prec {
            buf.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => buf.extend_from_slice(b"b0"),
                8 if buf.last() != Some(&b'0') => buf.push(b'0'),
                16 => {
                    buf.push(digits[16]);
                    buf.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            buf.extend_from_slice(b"o0");
        }
        if negative {
            buf.push(b'-');
        } else if self.f.plus {
            buf.push(b'+');
        } else if self.f.space {
            buf.push(b' ');
        }
        buf.reverse();
        let s = String::from_utf8(buf).unwrap_or_default();
        let zero = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = zero;
    }

    fn fmt_unicode(&mut self, n: i64) {
        let u = n as u64;
        // At least four digits, more if the precision asks for them.
        // (Padded by hand: Rust's width is capped at u16::MAX, Go's precision at 1e6.)
        let digits = self.f.prec.map_or(4, |p| p.max(4));
        let hex = format!("{u:X}");
        let mut s = String::with_capacity(2 + digits.max(hex.len()));
        s.push_str("U+");
        s.extend(std::iter::repeat_n('0', digits.saturating_sub(hex.len())));
        s.push_str(&hex);
        if self.f.sharp {
            if let Some(c) = char::from_u32(u as u32).filter(|&c| u <= 0x10FFFF && is_print(c)) {
                s.push_str(&format!(" '{c}'"));
            }
        }
        let zero = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = zero;
    }

    fn fmt_float_verb(&mut self, v: &Value, x: f64, verb: char, depth: usize) {
        match verb {
            'v' => self.fmt_float(x, 'g', -1),
            'g' | 'G' | 'x' | 'X' | 'b' => self.fmt_float(x, verb, -1),
            'f' | 'F' | 'e' | 'E' => self.fmt_float(x, verb, 6),
            _ => self.bad_verb(v, verb, depth),
        }
    }

    fn fmt_float(&mut self, x: f64, verb: char, prec: i32) {
        let prec = self.f.prec.map(|p| p as i32).unwrap_or(prec);
        let body = match verb {
            'F' => format_float(x, 'f', prec),
            'x' | 'X' => hex_float(x, prec, verb == 'X'),
            'b' => binary_float(x),
            _ => format_float(x, verb, prec),
        };
        let mut num: Vec<u8> = Vec::with_capacity(body.len() + 1);
        if body.starts_with('-') || body.starts_with('+') {
            num.extend_from_slice(body.as_bytes());
        } else {
            num.push(b'+');
            num.extend_from_slice(body.as_bytes());
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num.get(1) == Some(&b'I') || num.get(1) == Some(&b'N') {
            let zero = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            let s = String::from_utf8(num).unwrap_or_default();
            self.pad(&s);
            self.f.zero = zero;
            return;
        }
        if self.f.sharp && verb != 'b' {
            let mut digits: i32 = match verb {
                'v' | 'g' | 'G' | 'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != 'x' && verb != 'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        let s = String::from_utf8(num).unwrap_or_default();
        if self.f.plus || !s.starts_with('+') {
            let n = s.chars().count();
            if self.f.zero && !self.f.minus && self.f.wid.is_some_and(|w| w > n) {
                let w = self.f.wid.unwrap_or(0);
                self.out.push_str(&s[..1]);
                self.write_padding(w - n);
                self.out.push_str(&s[1..]);
                return;
            }
            self.pad(&s);
            return;
        }
        self.pad(&s[1..]);
    }
}

fn char_of(n: i64) -> char {
    u32::try_from(n)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
}

/// Go's `argNumber`: an explicit `[n]` argument index at `i`.
/// Returns (arg number, new index, found, index ok).
fn arg_number(
    arg_num: usize,
    f: &[u8],
    i: usize,
    nargs: usize,
    reordered: &mut bool,
) -> (usize, usize, bool, bool) {
    if f.len() <= i || f[i] != b'[' {
        return (arg_num, i, false, true);
    }
    *reordered = true;
    let rest = &f[i..];
    let (index, wid, ok) = parse_arg_number(rest);
    if ok && index >= 0 && (index as usize) < nargs {
        return (index as usize, i + wid, true, true);
    }
    (arg_num, i + wid, ok, false)
}

fn parse_arg_number(f: &[u8]) -> (i64, usize, bool) {
    if f.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..f.len() {
        if f[i] == b']' {
            let (w, newi) = parsenum(f, 1, i);
            return match w {
                Some(w) if newi == i => (w as i64 - 1, i + 1, true),
                _ => (0, i + 1, false),
            };
        }
    }
    (0, 1, false)
}

/// Go's `intFromArg`: a `*` width or precision taken from the arguments.
fn int_from_arg(args: &[Value], arg_num: usize) -> (i64, bool, usize) {
    if arg_num >= args.len() {
        return (0, false, arg_num);
    }
    let (num, isint) = match &args[arg_num] {
        Value::Int(n, _) if (-MAX_NUM..=MAX_NUM).contains(n) => (*n, true),
        _ => (0, false),
    };
    (num, isint, arg_num + 1)
}

/// Go's `%x` of a float: hexadecimal mantissa and binary exponent (`0x1.8p+01`).
fn hex_float(x: f64, prec: i32, upper: bool) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = x.is_sign_negative();
    let bits = x.abs().to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        if mant == 0 {
            exp = 0;
        } else {
            // Normalize a subnormal.
            exp = -1022;
            while mant & (1u64 << 52) == 0 {
                mant <<= 1;
                exp -= 1;
            }
            mant &= (1u64 << 52) - 1;
        }
    } else {
        exp -= 1023;
    }
    let zero = x == 0.0;
    let mut lead = if zero { 0u64 } else { 1u64 };
    let mut frac = mant; // 52 bits = 13 hex digits
    let mut ndig = 13usize;
    if prec >= 0 && (prec as usize) < 13 {
        let shift = (13 - prec as usize) * 4;
        let full = (lead << 52) | frac;
        let half = 1u64 << (shift - 1);
        let rem = full & ((1u64 << shift) - 1);
        let mut kept = full >> shift;
        if rem > half || (rem == half && kept & 1 == 1) {
            kept += 1;
        }
        let width = 52 - shift;
        if kept >> width > 1 {
            kept >>= 1;
            exp += 1;
        }
        lead = kept >> width;
        frac = kept & ((1u64 << width) - 1);
        ndig = prec as usize;
    }
    let mut digits = if ndig > 0 {
        format!("{:0width$x}", frac, width = ndig)
    } else {
        String::new()
    };
    if prec < 0 {
        while digits.ends_with('0') {
            digits.pop();
        }
    } else {
        while digits.len() < prec as usize {
            digits.push('0');
        }
    }
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str("0x");
    s.push_str(&lead.to_string());
    if !digits.is_empty() {
        s.push('.');
        s.push_str(&digits);
    }
    let e = if zero { 0 } else { exp };
    s.push_str(&format!("p{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    if upper {
        s = s.to_uppercase();
    }
    s
}

/// Go's `%b` of a float: decimal mantissa and binary exponent (`4503599627370496p-52`).
fn binary_float(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let e = if exp == 0 {
        -1074
    } else {
        mant |= 1u64 << 52;
        exp - 1075
    };
    format!(
        "{}{}p{}{}",
        if neg { "-" } else { "" },
        mant,
        if e >= 0 { "+" } else { "" },
        e
    )
}

/// Go's `%T`-style type name of a value that may be an object (for callers outside fmt).
pub fn type_of(v: &Value) -> String {
    v.type_name()
}

/// Whether a value is a Go string (fmt's rule for spacing `Sprint` operands).
pub fn is_string_kind(v: &Value) -> bool {
    v.kind() == Kind::String
}

#[cfg(test)]
#[allow(clippy::approx_constant)] // Go's fmt tests use pi-like literals.
mod tests {
    use super::*;
    use crate::value::Map;

    fn f(fmt: &str, args: &[Value]) -> String {
        sprintf(fmt, args)
    }

    #[test]
    fn integers() {
        let n = Value::int(42);
        assert_eq!(
            f(
                "%d|%5d|%-5d|%05d|%x|%X|%#x|%o|%#o|%O|%b|%+d|% d",
                &[
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone(),
                    n.clone()
                ]
            ),
            "42|   42|42   |00042|2a|2A|0x2a|52|052|0o52|101010|+42| 42"
        );
        assert_eq!(
            f(
                "%c|%q|%U|%#U",
                &[
                    Value::int(65),
                    Value::int(65),
                    Value::int(65),
                    Value::int(65)
                ]
            ),
            "A|'A'|U+0041|U+0041 'A'"
        );
        assert_eq!(
            f(
                "%.3d|%.0d|%05d",
                &[Value::int(7), Value::int(0), Value::int(-42)]
            ),
            "007||-0042"
        );
    }

    #[test]
    fn floats() {
        let x = Value::Float(3.14159);
        assert_eq!(
            f(
                "%f|%.2f|%8.3f|%-8.1f|%e|%g|%v",
                &[
                    x.clone(),
                    x.clone(),
                    x.clone(),
                    x.clone(),
                    x.clone(),
                    x.clone(),
                    x
                ]
            ),
            "3.141590|3.14|   3.142|3.1     |3.141590e+00|3.14159|3.14159"
        );
        assert_eq!(
            f(
                "%v|%v|%.3g|%+.1f|%08.2f",
                &[
                    Value::Float(1e6),
                    Value::Float(1e21),
                    Value::Float(1234.5678),
                    Value::Float(2.0),
                    Value::Float(-3.5)
                ]
            ),
            "1e+06|1e+21|1.23e+03|+2.0|-0003.50"
        );
        assert_eq!(
            f(
                "%#g|%#.3f|%x",
                &[Value::Float(1.0), Value::Float(2.0), Value::Float(1.0)]
            ),
            "1.00000|2.000|0x1p+00"
        );
    }

    #[test]
    fn strings_and_errors() {
        assert_eq!(
            f(
                "%s|%q|%x|% x|%.2s|%5.1s|%#q",
                &[
                    "héllo".into(),
                    "a\"b".into(),
                    "hi".into(),
                    "hi".into(),
                    "héllo".into(),
                    "abc".into(),
                    "a`b".into()
                ]
            ),
            "héllo|\"a\\\"b\"|6869|68 69|hé|    a|\"a`b\""
        );
        assert_eq!(f("%d", &["x".into()]), "%!d(string=x)");
        assert_eq!(f("%s", &[Value::int(1)]), "%!s(int=1)");
        assert_eq!(f("%s %s", &["a".into()]), "a %!s(MISSING)");
        assert_eq!(
            f("%s", &["a".into(), Value::int(2), Value::Nil]),
            "a%!(EXTRA int=2, <nil>)"
        );
        assert_eq!(f("%", &[]), "%!(NOVERB)");
        assert_eq!(f("%z", &[Value::int(1)]), "%!z(int=1)");
        assert_eq!(
            f("%d %v %s", &[Value::Nil, Value::Nil, Value::Nil]),
            "%!d(<nil>) <nil> %!s(<nil>)"
        );
        assert_eq!(f("%[2]d %[1]d", &[Value::int(1), Value::int(2)]), "2 1");
        assert_eq!(f("%[3]d", &[Value::int(1)]), "%!d(BADINDEX)");
        assert_eq!(
            f(
                "%*d|%-*d",
                &[Value::int(4), Value::int(1), Value::int(3), Value::int(2)]
            ),
            "   1|2  "
        );
        assert_eq!(
            f("%t %v", &[Value::Bool(true), Value::Bool(false)]),
            "true false"
        );
        assert_eq!(f("100%%", &[]), "100%");
    }

    #[test]
    fn composites() {
        let m = Map::new();
        m.insert(
            "b",
            Value::list(vec![Value::int(1), "x".into(), Value::Nil]),
        );
        m.insert("a", Value::Float(0.5));
        let m = Value::Map(m);
        assert_eq!(
            f("%v", std::slice::from_ref(&m)),
            "map[a:0.5 b:[1 x <nil>]]"
        );
        assert_eq!(
            f("%d", &[Value::list(vec![Value::int(1), "a".into()])]),
            "[1 %!d(string=a)]"
        );
        assert_eq!(
            f("%#v", &[m]),
            "map[string]interface {}{\"a\":0.5, \"b\":[]interface {}{1, \"x\", interface {}(nil)}}"
        );
        assert_eq!(
            f(
                "%T %T %T",
                &[Value::list(vec![]), Value::int64(1), Value::Nil]
            ),
            "[]interface {} int64 <nil>"
        );
    }

    #[test]
    fn huge_precision_and_width() {
        // Found by fuzzing: Rust's formatter caps precision at u16::MAX, Go at 1e6.
        let s = f(
            "%-8.122222f|%.70000e",
            &[Value::Float(3.5), Value::Float(1.0)],
        );
        assert!(s.starts_with("3.5000"));
        assert_eq!(s.len(), 1 + 1 + 122222 + 1 + 70000 + 2 + 4);
        assert_eq!(
            f("%100000000d", &[Value::int(1)]),
            "%!(NOVERB)%!(EXTRA int=1)"
        );
        assert_eq!(f("%1000001d", &[Value::int(1)]).len(), 1000001);
    }

    #[test]
    fn wrap_verb_and_star_arguments() {
        // Expectations printed by helm v4.1.4 (`printf` in a template).
        let k = Map::new();
        k.insert("k", Value::list(vec![Value::int(2)]));
        assert_eq!(
            f(
                "%w|%+w|%#w|%5.1w|%w|%#w|%w|%08w",
                &[
                    Value::int(1),
                    "a".into(),
                    "b".into(),
                    Value::Float(1.25),
                    Value::Nil,
                    Value::list(vec![Value::int(1), "a".into(), Value::Nil]),
                    Value::Map(k),
                    Value::list(vec![Value::Bool(true)]),
                ]
            ),
            "%!w(int=1)|%!w(string=a)|%!w(string=\"b\")|%!w(float64=    1)|%!w(<nil>)|\
             %!w([]interface {}=[]interface {}{1, \"a\", interface {}(nil)})|\
             %!w(map[string]interface {}=map[k:[2]])|%!w([]interface {}=[0000true])"
        );
        assert_eq!(
            f(
                "%.2U|%.6U|%U",
                &[Value::int(1), Value::int(1), Value::int(1)]
            ),
            "U+0001|U+000001|U+0001"
        );
        // A precision beyond Rust's formatter limit (found as a panic).
        assert_eq!(f("%.70000U", &[Value::int(65)]).len(), 2 + 70000);
        assert_eq!(
            f(
                "%b|%.2b|%b",
                &[
                    Value::Float(f64::NEG_INFINITY),
                    Value::Float(f64::NAN),
                    Value::Float(f64::INFINITY)
                ]
            ),
            "-Inf|NaN|+Inf"
        );
        assert_eq!(
            f(
                "%*d|%.*d|%*d|%-*d|%.*s|",
                &[
                    Value::int(i64::MIN),
                    Value::int(1),
                    Value::int(-2),
                    Value::int(3),
                    Value::int(i64::MAX),
                    Value::int(4),
                    Value::int(-3),
                    Value::int(5),
                    Value::int(-1),
                    "abc".into(),
                ]
            ),
            "%!(BADWIDTH)1|%!(BADPREC)3|%!(BADWIDTH)4|5  |%!(BADPREC)abc|"
        );
    }

    #[test]
    fn sprint_spacing() {
        assert_eq!(
            sprint(&["a".into(), Value::int(1), Value::int(2), "b".into()]),
            "a1 2b"
        );
        assert_eq!(sprint(&[Value::Nil, Value::Nil]), "<nil> <nil>");
        assert_eq!(sprintln(&["a".into(), Value::int(1)]), "a 1\n");
    }
}
