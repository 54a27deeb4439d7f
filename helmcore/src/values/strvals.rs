//! The `--set` family's grammar (Helm's `pkg/strvals`): `a.b=c,d[0]={x,y}`.
//!
//! Each flavour differs only in how a value's text becomes a value: `--set` types it
//! (`true`, `false`, `null`, base-10 int64; everything else, floats included, stays a
//! string), `--set-string` keeps strings, `--set-file` reads the named file, `--set-json`
//! decodes JSON, `--set-literal` takes the whole rest of the argument verbatim.
//!
//! The parser works on a map in place, as Helm's does, so that later flags build on what
//! earlier ones set. It never panics: where Helm's Go code panics on a type assertion and
//! recovers, this returns the same `unable to parse key: interface conversion: ...` text.
//!
//! ```
//! use helmcore::value::{Map, Value};
//! use helmcore::values::strvals::parse_into;
//! let m = Map::new();
//! parse_into("a.b=1,c={x,true},d=0.5", &m).unwrap();
//! assert_eq!(m.get("a").unwrap().get("b"), Some(Value::int64(1)));
//! assert_eq!(m.get("d"), Some(Value::from("0.5")));
//! ```

use crate::gofmt::quote;
use crate::render::Compat;
use crate::value::{Map, Value};

/// Helm's `MaxIndex`: the largest list index `--set` accepts.
pub const MAX_INDEX: i64 = 65536;
/// Helm's `MaxNestedNameLevel`.
pub const MAX_NESTED_NAME_LEVEL: usize = 30;

/// A `--set` parse error. `eof` marks errors that are or wrap Go's `io.EOF`, which
/// Helm's parse loop treats as the normal end of input (so `a[1` sets nothing and fails
/// nothing; helm3 only for a bare one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct StrvalsError {
    pub message: String,
    eof: Eof,
}

/// How an error relates to Go's `io.EOF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Eof {
    No,
    /// `io.EOF` itself.
    Bare,
    /// `io.EOF` wrapped with a prefix (`error parsing index: EOF`).
    Wrapped,
}

impl StrvalsError {
    fn msg(message: impl Into<String>) -> StrvalsError {
        StrvalsError {
            message: message.into(),
            eof: Eof::No,
        }
    }
    fn eof() -> StrvalsError {
        StrvalsError {
            message: "EOF".into(),
            eof: Eof::Bare,
        }
    }
    /// `fmt.Errorf("prefix: %w", err)`: keeps the EOF mark.
    fn wrap(self, prefix: &str) -> StrvalsError {
        StrvalsError {
            message: format!("{prefix}: {}", self.message),
            eof: match self.eof {
                Eof::No => Eof::No,
                _ => Eof::Wrapped,
            },
        }
    }
}

/// Reads a `--set-file` path into the value to store.
pub type FileReader<'a> = dyn FnMut(&str) -> Result<Value, String> + 'a;

/// How value text becomes a value.
enum Reader<'a> {
    Typed,
    String,
    File(&'a mut FileReader<'a>),
    Json,
}

/// One flag of the `--set` family, for [`parse_flag`].
pub enum Flag<'a> {
    /// `--set`
    Set,
    /// `--set-string`
    String,
    /// `--set-file`, with what reads a named file.
    File(&'a mut FileReader<'a>),
    /// `--set-json` in its `key=JSON` form.
    Json,
    /// `--set-literal`
    Literal,
}

/// Parses one flag's text `s` into `dest` as `compat`'s Helm does. The two differ on
/// an error that wraps Go's `io.EOF` (an index left open, `a[0`): helm4's parse loop
/// takes it for the end of the input and sets nothing more, helm3's reports it
/// (`error parsing index: EOF`).
///
/// ```
/// use helmcore::render::Compat;
/// use helmcore::value::Map;
/// use helmcore::values::strvals::{parse_flag, Flag};
/// assert!(parse_flag(Flag::Set, "a[0=1", &Map::new(), Compat::V4).is_ok());
/// let e = parse_flag(Flag::Set, "a[0=1", &Map::new(), Compat::V3).unwrap_err();
/// assert_eq!(e.to_string(), "error parsing index: EOF");
/// ```
pub fn parse_flag(flag: Flag<'_>, s: &str, dest: &Map, compat: Compat) -> Result<(), StrvalsError> {
    let (reader, literal) = match flag {
        Flag::Set => (Reader::Typed, false),
        Flag::String => (Reader::String, false),
        Flag::File(read) => (Reader::File(read), false),
        Flag::Json => (Reader::Json, false),
        Flag::Literal => (Reader::String, true),
    };
    let mut p = Parser::new(s, reader);
    p.literal = literal;
    p.helm3 = compat == Compat::V3;
    p.parse(dest)
}

/// `--set`: parses `s` into `dest`.
pub fn parse_into(s: &str, dest: &Map) -> Result<(), StrvalsError> {
    parse_flag(Flag::Set, s, dest, Compat::V4)
}

/// `--set-string`: as [`parse_into`] with every value a string.
pub fn parse_into_string(s: &str, dest: &Map) -> Result<(), StrvalsError> {
    parse_flag(Flag::String, s, dest, Compat::V4)
}

/// `--set-file`: each value names a file that `read` turns into the value.
pub fn parse_into_file<'a>(
    s: &str,
    dest: &Map,
    read: &'a mut FileReader<'a>,
) -> Result<(), StrvalsError> {
    parse_flag(Flag::File(read), s, dest, Compat::V4)
}

/// `--set-json` in its `key=JSON` form.
pub fn parse_json(s: &str, dest: &Map) -> Result<(), StrvalsError> {
    parse_flag(Flag::Json, s, dest, Compat::V4)
}

/// `--set-literal`: `key=rest of the argument`, commas and all.
pub fn parse_literal_into(s: &str, dest: &Map) -> Result<(), StrvalsError> {
    parse_flag(Flag::Literal, s, dest, Compat::V4)
}

/// `helm`'s `strvals.Parse`: a fresh map from one `--set` string.
pub fn parse(s: &str) -> Result<Map, StrvalsError> {
    let m = Map::new();
    parse_into(s, &m)?;
    Ok(m)
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    reader: Reader<'a>,
    literal: bool,
    /// helm3's parse loop: only a bare `io.EOF` ends the input quietly.
    helm3: bool,
}

type Res<T> = Result<T, StrvalsError>;

impl<'a> Parser<'a> {
    fn new(s: &str, reader: Reader<'a>) -> Parser<'a> {
        Parser {
            chars: s.chars().collect(),
            pos: 0,
            reader,
            literal: false,
            helm3: false,
        }
    }

    fn parse(&mut self, data: &Map) -> Res<()> {
        loop {
            match self.key(data, 0) {
                Ok(()) => continue,
                // helm4 tests errors.Is(err, io.EOF), helm3 err == io.EOF.
                Err(e) if e.eof == Eof::Bare || (e.eof == Eof::Wrapped && !self.helm3) => {
                    return Ok(())
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn read_rune(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn unread(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }

    /// Reads up to one of `stop`, honouring `\` escapes (not in literal mode). Returns the
    /// text, the stop rune, or EOF (with the text so far).
    fn runes_until(&mut self, stop: &[char]) -> (String, Result<char, ()>) {
        let mut v = String::new();
        loop {
            let Some(r) = self.read_rune() else {
                return (v, Err(()));
            };
            if stop.contains(&r) {
                return (v, Ok(r));
            }
            if r == '\\' && !self.literal {
                match self.read_rune() {
                    Some(next) => v.push(next),
                    None => return (v, Err(())),
                }
                continue;
            }
            v.push(r);
        }
    }

    fn key(&mut self, data: &Map, mut nested: usize) -> Res<()> {
        let stop: &[char] = if self.literal {
            &['=', '[', '.']
        } else {
            &['=', '[', ',', '.']
        };
        let (k, last) = self.runes_until(stop);
        let last = match last {
            Err(()) if k.is_empty() => return Err(StrvalsError::eof()),
            Err(()) => return Err(StrvalsError::msg(format!("key {} has no value", quote(&k)))),
            Ok(r) => r,
        };
        match last {
            '[' => {
                let i = self
                    .key_index()
                    .map_err(|e| e.wrap("error parsing index"))?;
                let list = match data.get(&k) {
                    None => Vec::new(),
                    Some(Value::List(l)) => l.to_vec(),
                    Some(other) => return Err(conversion_panic(&other, "[]interface {}")),
                };
                let (list, err) = self.list_item(list, i, nested);
                set(data, &k, Value::list(list));
                err.map_or(Ok(()), Err)
            }
            '=' if self.literal => {
                let (value, _) = self.runes_until(&[]);
                set(data, &k, Value::from(value));
                Ok(())
            }
            '=' => {
                if matches!(self.reader, Reader::Json) {
                    let Some(v) = self.json_value()? else {
                        set(data, &k, Value::Nil);
                        return Ok(());
                    };
                    set(data, &k, v);
                    self.empty_val();
                    return Ok(());
                }
                match self.val_list() {
                    Ok(list) => {
                        set(data, &k, Value::list(list));
                        Ok(())
                    }
                    Err(ValListErr::Eof) => {
                        set(data, &k, Value::from(""));
                        Err(StrvalsError::eof())
                    }
                    Err(ValListErr::NotList) => {
                        let (rs, _) = self.runes_until(&[',']);
                        let (v, err) = self.read_value(&rs);
                        set(data, &k, v);
                        err.map_or(Ok(()), Err)
                    }
                    Err(ValListErr::Other(e)) => Err(e),
                }
            }
            ',' => {
                set(data, &k, Value::from(""));
                Err(StrvalsError::msg(format!(
                    "key {} has no value (cannot end with ,)",
                    quote(&k)
                )))
            }
            _ => {
                // '.'
                nested += 1;
                if nested > MAX_NESTED_NAME_LEVEL {
                    return Err(StrvalsError::msg(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    )));
                }
                let inner = match data.get(&k) {
                    None => Map::new(),
                    Some(Value::Map(m)) => m,
                    Some(other) => return Err(conversion_panic(&other, "map[string]interface {}")),
                };
                let e = self.key(&inner, nested);
                if e.is_ok() && inner.is_empty() {
                    return Err(StrvalsError::msg(format!(
                        "key map {} has no value",
                        quote(&k)
                    )));
                }
                if !inner.is_empty() {
                    set(data, &k, Value::Map(inner));
                }
                e
            }
        }
    }

    fn key_index(&mut self) -> Res<i64> {
        let (v, last) = self.runes_until(&[']']);
        if last.is_err() {
            return Err(StrvalsError::eof());
        }
        go_atoi(&v)
    }

    /// Sets item `i` of `list` from what follows `[i]`. Returns the list to store (even
    /// on error, as Helm stores it) and the error.
    fn list_item(
        &mut self,
        mut list: Vec<Value>,
        i: i64,
        nested: usize,
    ) -> (Vec<Value>, Option<StrvalsError>) {
        if i < 0 {
            return (
                list,
                Some(StrvalsError::msg(format!("negative {i} index not allowed"))),
            );
        }
        let (k, last) = self.runes_until(&['[', '.', '=']);
        if !k.is_empty() {
            let runes: Vec<String> = k.chars().map(go_quote_rune).collect();
            return (
                list,
                Some(StrvalsError::msg(format!(
                    "unexpected data at end of array index: [{}]",
                    runes.join(" ")
                ))),
            );
        }
        let Ok(last) = last else {
            return (list, Some(StrvalsError::eof()));
        };
        match last {
            '=' => {
                let v = if self.literal {
                    Value::from(self.runes_until(&[]).0)
                } else if matches!(self.reader, Reader::Json) {
                    let v = match self.json_value() {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            let e = set_index(&mut list, i, Value::Nil).err();
                            return (list, e);
                        }
                        Err(e) => return (list, Some(e)),
                    };
                    let e = set_index(&mut list, i, v).err();
                    if e.is_none() {
                        self.empty_val();
                    }
                    return (list, e);
                } else {
                    match self.val_list() {
                        Ok(vl) => Value::list(vl),
                        Err(ValListErr::Eof) => Value::from(""),
                        Err(ValListErr::NotList) => {
                            let (rs, _) = self.runes_until(&[',']);
                            match self.read_value(&rs) {
                                (v, None) => v,
                                (_, Some(e)) => return (list, Some(e)),
                            }
                        }
                        Err(ValListErr::Other(e)) => return (list, Some(e)),
                    }
                };
                let e = set_index(&mut list, i, v).err();
                (list, e)
            }
            '[' => {
                let next = match self.key_index() {
                    Ok(n) => n,
                    Err(e) => return (list, Some(e.wrap("error parsing index"))),
                };
                let current = match list.get(i as usize) {
                    None | Some(Value::Nil) => Vec::new(),
                    Some(Value::List(l)) => l.to_vec(),
                    Some(other) => {
                        let e = conversion_panic(other, "[]interface {}");
                        return (list, Some(e));
                    }
                };
                let (inner, err) = self.list_item(current, next, nested);
                if let Some(e) = err {
                    return (list, Some(e));
                }
                let e = set_index(&mut list, i, Value::list(inner)).err();
                (list, e)
            }
            _ => {
                // '.'
                let inner = match list.get(i as usize) {
                    Some(Value::Map(m)) => m.clone(),
                    Some(_) => {
                        let m = Map::new();
                        list[i as usize] = Value::Map(m.clone());
                        m
                    }
                    None => Map::new(),
                };
                if let Err(e) = self.key(&inner, nested) {
                    return (list, Some(e));
                }
                let e = set_index(&mut list, i, Value::Map(inner)).err();
                (list, e)
            }
        }
    }

    /// `{a,b}` list syntax.
    fn val_list(&mut self) -> Result<Vec<Value>, ValListErr> {
        match self.read_rune() {
            None => return Err(ValListErr::Eof),
            Some('{') => {}
            Some(_) => {
                self.unread();
                return Err(ValListErr::NotList);
            }
        }
        let mut list = Vec::new();
        loop {
            let (rs, last) = self.runes_until(&[',', '}']);
            match last {
                Err(()) => {
                    return Err(ValListErr::Other(StrvalsError::msg(
                        "list must terminate with '}'",
                    )))
                }
                Ok('}') => {
                    if let Some(r) = self.read_rune() {
                        if r != ',' {
                            self.unread();
                        }
                    }
                    let (v, err) = self.read_value(&rs);
                    list.push(v);
                    return match err {
                        None => Ok(list),
                        Some(e) => Err(ValListErr::Other(e)),
                    };
                }
                Ok(_) => {
                    let (v, err) = self.read_value(&rs);
                    if let Some(e) = err {
                        return Err(ValListErr::Other(e));
                    }
                    list.push(v);
                }
            }
        }
    }

    /// Turns value text into a value with this parser's reader.
    fn read_value(&mut self, rs: &str) -> (Value, Option<StrvalsError>) {
        match &mut self.reader {
            Reader::Typed => (typed_val(rs), None),
            Reader::String | Reader::Json => (Value::from(rs), None),
            Reader::File(read) => match read(rs) {
                Ok(v) => (v, None),
                Err(e) => (Value::Nil, Some(StrvalsError::msg(e))),
            },
        }
    }

    /// `--set-json`: `None` for an empty value (end or `,`, consumed), which means
    /// null; otherwise one JSON value.
    fn json_value(&mut self) -> Res<Option<Value>> {
        if self.empty_val() {
            return Ok(None);
        }
        let rest: String = self.chars[self.pos..].iter().collect();
        let mut stream = serde_json::Deserializer::from_str(&rest).into_iter::<serde_json::Value>();
        let v = match stream.next() {
            Some(Ok(v)) => v,
            Some(Err(e)) => return Err(StrvalsError::msg(e.to_string())),
            None => return Err(StrvalsError::msg("unexpected end of JSON input")),
        };
        let consumed = rest[..stream.byte_offset()].chars().count();
        self.pos += consumed;
        Ok(Some(crate::values::json_to_value(&v, 0)))
    }

    /// Helm's `emptyVal`: true at the end or at a `,` (consumed), after white space.
    fn empty_val(&mut self) -> bool {
        loop {
            match self.read_rune() {
                None | Some(',') => return true,
                Some(r) if r.is_whitespace() => {}
                Some(_) => {
                    self.unread();
                    return false;
                }
            }
        }
    }
}

enum ValListErr {
    Eof,
    NotList,
    Other(StrvalsError),
}

/// Stores `val` unless the key is empty (Helm drops empty keys).
fn set(data: &Map, key: &str, val: Value) {
    if !key.is_empty() {
        data.insert(key, val);
    }
}

/// Helm's `setIndex`: grows the list with nulls up to `index`.
fn set_index(list: &mut Vec<Value>, index: i64, val: Value) -> Res<()> {
    if index < 0 {
        return Err(StrvalsError::msg(format!(
            "negative {index} index not allowed"
        )));
    }
    if index > MAX_INDEX {
        return Err(StrvalsError::msg(format!(
            "index of {index} is greater than maximum supported index of {MAX_INDEX}"
        )));
    }
    let index = index as usize;
    if list.len() <= index {
        list.resize(index + 1, Value::Nil);
    }
    list[index] = val;
    Ok(())
}

/// What Helm reports when its Go type assertion panics.
fn conversion_panic(found: &Value, want: &str) -> StrvalsError {
    let found = match found {
        Value::Nil => "nil".to_string(),
        other => other.type_name(),
    };
    StrvalsError::msg(format!(
        "unable to parse key: interface conversion: interface {{}} is {found}, not {want}"
    ))
}

/// Go's `%q` of a rune (`'x'`, `'\\''`); Rust's char debug form agrees for the
/// characters that can reach it.
fn go_quote_rune(c: char) -> String {
    crate::gofmt::quote_rune(c, false)
}

/// Go's `strconv.Atoi` with its error texts.
fn go_atoi(s: &str) -> Res<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StrvalsError::msg(format!(
            "strconv.Atoi: parsing {}: invalid syntax",
            quote(s)
        )));
    }
    s.parse::<i64>().map_err(|_| {
        StrvalsError::msg(format!(
            "strconv.Atoi: parsing {}: value out of range",
            quote(s)
        ))
    })
}

/// `--set`'s typing: `true`/`false`/`null` (any case), `0`, and base-10 int64 without a
/// leading zero; everything else is a string.
pub fn typed_val(s: &str) -> Value {
    if s.eq_ignore_ascii_case("true") {
        return Value::Bool(true);
    }
    if s.eq_ignore_ascii_case("false") {
        return Value::Bool(false);
    }
    if s.eq_ignore_ascii_case("null") {
        return Value::Nil;
    }
    if s == "0" {
        return Value::int64(0);
    }
    if !s.is_empty() && !s.starts_with('0') {
        let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = s.parse::<i64>() {
                return Value::int64(n);
            }
        }
    }
    Value::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout of the probe template used against helm4: `{"k":type("text"),}`.
    fn show(v: &Value) -> String {
        match v {
            Value::Map(m) => {
                let mut out = String::from("{");
                for (k, v) in m.entries() {
                    out.push_str(&format!("{k:?}:{},", show(&v)));
                }
                out + "}"
            }
            Value::List(l) => format!("[{}]", l.iter().map(|v| show(v) + ",").collect::<String>()),
            Value::Nil => "nil".into(),
            Value::String(s) => format!("string({s:?})"),
            Value::Bytes(b) => format!("string({b:?})"),
            Value::Bool(b) => format!("bool(\"{b}\")"),
            Value::Int(n, _) => format!("{}(\"{n}\")", v.type_name()),
            Value::Float(f) => format!("float64(\"{}\")", crate::value::format_float_v(*f)),
            Value::Object(_) => "object".into(),
        }
    }

    /// Runs `--set` strings in order, as separate flags.
    fn set(args: &[&str]) -> String {
        let m = Map::new();
        for a in args {
            if let Err(e) = parse_into(a, &m) {
                return format!("Error: {e}");
            }
        }
        show(&Value::Map(m))
    }

    // Every expectation below is helm4's output for `helm template --set ...` through a
    // template that prints each value with its Go type.
    #[test]
    fn typing_of_set_values() {
        assert_eq!(
            set(&["a=1,b=true,c=null,d=0,e=01,f=-5,g=+5,h=1.5,i=TRUE,j=Null,k=,l=1e3,m=9223372036854775808"]),
            r#"{"a":int64("1"),"b":bool("true"),"c":nil,"d":int64("0"),"e":string("01"),"f":int64("-5"),"g":int64("5"),"h":string("1.5"),"i":bool("true"),"j":nil,"k":string(""),"l":string("1e3"),"m":string("9223372036854775808"),}"#
        );
    }

    #[test]
    fn nesting_lists_and_escapes() {
        assert_eq!(
            set(&["a.b.c=x", "a.b.d=y"]),
            r#"{"a":{"b":{"c":string("x"),"d":string("y"),},},}"#
        );
        assert_eq!(
            set(&["a={x,y,1}", "b={}", "c={a}", "e={a,b},f=1"]),
            r#"{"a":[string("x"),string("y"),int64("1"),],"b":[string(""),],"c":[string("a"),],"e":[string("a"),string("b"),],"f":int64("1"),}"#
        );
        assert_eq!(
            set(&["a[0]=x,a[2]=z"]),
            r#"{"a":[string("x"),nil,string("z"),],}"#
        );
        assert_eq!(set(&["a[0]"]), r#"{"a":[],}"#);
        assert_eq!(set(&["a[1"]), "{}");
        // helm3 (v3.17.1) reports an index left open; helm4 stops quietly, keeping
        // what came before it.
        for text in ["a[0=1", "a[0][1=2", "b=1,a[", "a[0].b[=3"] {
            let m = Map::new();
            assert_eq!(
                parse_flag(Flag::Set, text, &m, Compat::V3)
                    .unwrap_err()
                    .to_string(),
                "error parsing index: EOF",
                "{text}"
            );
            assert!(parse_flag(Flag::Json, text, &Map::new(), Compat::V4).is_ok());
        }
        let m = Map::new();
        parse_flag(Flag::Set, "b=1,a[", &m, Compat::V4).unwrap();
        assert_eq!(m.get("b"), Some(Value::int64(1)));
        assert_eq!(set(&["a=b,"]), r#"{"a":string("b"),}"#);
        assert_eq!(
            set(&[r"a\.b=c,d\,e=f\,g,h\=i=j"]),
            r#"{"a.b":string("c"),"d,e":string("f,g"),"h=i":string("j"),}"#
        );
        assert_eq!(
            set(&["a[0].b=1,a[0].c=2,a[1][1]=x"]),
            r#"{"a":[{"b":int64("1"),"c":int64("2"),},[nil,string("x"),],],}"#
        );
        assert_eq!(
            set(&["a[1]=x", "a[0]=y"]),
            r#"{"a":[string("y"),string("x"),],}"#
        );
        assert_eq!(
            set(&["a[0][0]=x", "a[0].b=1"]),
            r#"{"a":[{"b":int64("1"),},],}"#
        );
        assert_eq!(
            set(&["a[0]=1,a[1]={b,c}"]),
            r#"{"a":[int64("1"),[string("b"),string("c"),],],}"#
        );
        assert_eq!(set(&["a[0]="]), r#"{"a":[string(""),],}"#);
        assert_eq!(set(&["a=1 b=2"]), r#"{"a":string("1 b=2"),}"#);
        assert_eq!(set(&[".a=1"]), "{}");
        assert_eq!(set(&["=1"]), "{}");
        let deep = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee=1";
        assert!(set(&[deep]).contains(r#""ee":int64("1")"#));
    }

    #[test]
    fn error_texts() {
        let cases: &[(&[&str], &str)] = &[
            (&["d={a,b}x"], r#"key "x" has no value"#),
            (&["a"], r#"key "a" has no value"#),
            (&["a.b"], r#"key "b" has no value"#),
            (&["a=b,,c=d"], r#"key "" has no value (cannot end with ,)"#),
            (&["a=1", "a.b=2"], "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"),
            (&["a=1", "a[0]=2"], "unable to parse key: interface conversion: interface {} is int64, not []interface {}"),
            (&["a[0]=x", "a[0][1]=y"], "unable to parse key: interface conversion: interface {} is string, not []interface {}"),
            (&["a[-1]=x"], "negative -1 index not allowed"),
            (&["a[65537]=x"], "index of 65537 is greater than maximum supported index of 65536"),
            (&["a[x]=x"], r#"error parsing index: strconv.Atoi: parsing "x": invalid syntax"#),
            (&["a[99999999999999999999]=1"], r#"error parsing index: strconv.Atoi: parsing "99999999999999999999": value out of range"#),
            (&["a[0]x=1"], "unexpected data at end of array index: ['x']"),
            (&["a[0]xy=1"], "unexpected data at end of array index: ['x' 'y']"),
            (&["a={x,y"], "list must terminate with '}'"),
            (&["a.=1"], r#"key map "a" has no value"#),
            // helm4: keys and indexes are quoted as Go's %q quotes them.
            (&["a\x01b"], r#"key "a\x01b" has no value"#),
            (&["a[0\x07]=1"], r#"error parsing index: strconv.Atoi: parsing "0\a": invalid syntax"#),
            (&["a[0]\u{200b}=1"], r"unexpected data at end of array index: ['\u200b']"),
            (&["a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee.ff=1"], "value name nested level is greater than maximum supported nested level of 30"),
        ];
        for (args, want) in cases {
            assert_eq!(set(args), format!("Error: {want}"), "{args:?}");
        }
    }

    #[test]
    fn set_string_and_literal() {
        let m = Map::new();
        parse_into_string("a=1,b=true,c=null,d={1,2}", &m).unwrap();
        assert_eq!(
            show(&Value::Map(m)),
            r#"{"a":string("1"),"b":string("true"),"c":string("null"),"d":[string("1"),string("2"),],}"#
        );
        let m = Map::new();
        parse_literal_into("a=1,b={x},c", &m).unwrap();
        parse_literal_into(r"d.e[0]=\,x", &m).unwrap();
        parse_literal_into("f[1]=z", &m).unwrap();
        parse_literal_into("g.h[0].c=1", &m).unwrap();
        assert_eq!(
            show(&Value::Map(m)),
            r#"{"a":string("1,b={x},c"),"d":{"e":[string("\\,x"),],},"f":[nil,string("z"),],"g":{"h":[{"c":string("1"),},],},}"#
        );
        assert_eq!(
            parse_literal_into("a", &Map::new())
                .unwrap_err()
                .to_string(),
            r#"key "a" has no value"#
        );
    }

    #[test]
    fn set_json() {
        let m = Map::new();
        for a in [
            r#"a=1"#,
            r#"b={"x":[1,"y",null]}"#,
            "c=",
            r#"d=true,e="s""#,
            "h[1]=2",
            "i=1 j=2",
            "k=[1,2],l=3",
            "n.o=",
        ] {
            parse_json(a, &m).unwrap();
        }
        assert_eq!(
            show(&Value::Map(m)),
            r#"{"a":float64("1"),"b":{"x":[float64("1"),string("y"),nil,],},"c":nil,"d":bool("true"),"e":string("s"),"h":[nil,float64("2"),],"i":float64("1"),"j":float64("2"),"k":[float64("1"),float64("2"),],"l":float64("3"),"n":{"o":nil,},}"#
        );
        assert!(parse_json("a=bad", &Map::new()).is_err());
    }

    #[test]
    fn set_file_reads_through_the_reader() {
        let m = Map::new();
        let mut read = |p: &str| -> Result<Value, String> {
            if p == "/nonexist" {
                Err("open /nonexist: no such file or directory".into())
            } else {
                Ok(Value::from(format!("content of {p}")))
            }
        };
        parse_into_file("a=x.txt,b={y,z}", &m, &mut read).unwrap();
        assert_eq!(
            show(&Value::Map(m.clone())),
            r#"{"a":string("content of x.txt"),"b":[string("content of y"),string("content of z"),],}"#
        );
        let mut read2 = |_: &str| -> Result<Value, String> {
            Err("open /nonexist: no such file or directory".into())
        };
        assert_eq!(
            parse_into_file("a=/nonexist", &m, &mut read2)
                .unwrap_err()
                .to_string(),
            "open /nonexist: no such file or directory"
        );
    }

    /// A small deterministic fuzz run: random strings over the grammar's special
    /// characters must never panic any flavour of the parser.
    #[test]
    fn random_input_never_panics() {
        for s in
            crate::testing::random_strings("ab0-1.[]{},=\\ \"xé", 0x9E37_79B9_7F4A_7C15, 20_000)
        {
            let m = Map::new();
            let _ = parse_into(&s, &m);
            let _ = parse_into_string(&s, &m);
            let _ = parse_json(&s, &m);
            let _ = parse_literal_into(&s, &m);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "[",
            "]",
            "a[",
            "a[]",
            "a[0",
            "a[0]=",
            "{",
            "a={",
            "a={,}",
            "\\",
            "a\\",
            "a..b=1",
            "a[0]..b=1",
            "a[0][",
            ",,,",
            "a=b=c",
            "[0]=1",
            "a[0].=1",
        ] {
            let m = Map::new();
            let _ = parse_into(s, &m);
            let _ = parse_json(s, &m);
            let _ = parse_literal_into(s, &m);
        }
    }
}
