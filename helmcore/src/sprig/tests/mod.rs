//! Expectations recorded from helm v4.1.4: each case is a template call and what helm
//! rendered for it.

use super::*;
use crate::engine::func::Param;
use crate::value::{fmt_v, Map};

/// Calls `name` directly with already typed arguments.
pub(super) fn call(name: &str, args: Vec<Value>) -> Res {
    let f = functions()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no function {name}"));
    (f.call)(args)
}

/// `%v` of a successful call, or `ERR:` and the error.
pub(super) fn show(name: &str, args: Vec<Value>) -> String {
    match call(name, args) {
        Ok(v) => fmt_v(&v),
        Err(e) => format!("ERR:{e}"),
    }
}

pub(super) fn s(x: &str) -> Value {
    Value::from(x)
}

pub(super) fn i(n: i64) -> Value {
    Value::int(n)
}

pub(super) fn l(items: Vec<Value>) -> Value {
    Value::list(items)
}

pub(super) fn m(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(Map::from_entries(
        entries.into_iter().map(|(k, v)| (k.into(), v)),
    ))
}

#[test]
fn names_are_unique() {
    let mut names: Vec<&str> = functions().map(|f| f.name).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

/// Converts an argument as Go's reflect-based call converts an untyped template
/// constant to a parameter's type (the engine's job; done here for direct calls).
fn convert(v: Value, p: Param) -> Value {
    match (p, v) {
        (Param::Int64, Value::Int(n, _)) => Value::int64(n),
        (Param::Int, Value::Int(n, _)) => Value::int(n),
        (Param::Float64, Value::Int(n, _)) => Value::Float(n as f64),
        (Param::String, Value::Bytes(b)) => Value::from(crate::yaml::go_lossy_utf8(&b)),
        (_, v) => v,
    }
}

/// Calls `name` as a template would, converting constants to the declared types.
pub(super) fn call_converted(name: &str, args: Vec<Value>) -> Res {
    let f = functions()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no function {name}"));
    let args = args
        .into_iter()
        .enumerate()
        .map(|(n, v)| match f.params.get(n).copied().or(f.variadic) {
            Some(p) => convert(v, p),
            None => v,
        })
        .collect();
    (f.call)(args)
}

/// A tiny reader for the template argument syntax the cases use: Go string literals
/// (`"..."` and raw), integers, floats, `nil`, `true`, `false` and parenthesised calls
/// of Sprig functions such as `(list 1 "a")`.
struct Reader<'a> {
    src: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos] == b' ' {
            self.pos += 1;
        }
    }

    fn args(&mut self, close: Option<u8>) -> Vec<Value> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            match self.src.get(self.pos) {
                None => return out,
                Some(c) if Some(*c) == close => {
                    self.pos += 1;
                    return out;
                }
                _ => out.push(self.value()),
            }
        }
    }

    fn word(&mut self) -> String {
        let start = self.pos;
        while self.pos < self.src.len() && !b" ()".contains(&self.src[self.pos]) {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.src[start..self.pos]).into_owned()
    }

    fn value(&mut self) -> Value {
        match self.src[self.pos] {
            b'(' => {
                self.pos += 1;
                self.skip_ws();
                let name = self.word();
                let args = self.args(Some(b')'));
                call_converted(&name, args).unwrap_or_else(|e| panic!("({name} ...) failed: {e}"))
            }
            b'"' => {
                let start = self.pos;
                self.pos += 1;
                while self.src[self.pos] != b'"' {
                    if self.src[self.pos] == b'\\' {
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
                self.pos += 1;
                let lit = std::str::from_utf8(&self.src[start..self.pos]).expect("utf-8");
                Value::from(unquote(lit))
            }
            b'`' => {
                let start = self.pos + 1;
                self.pos = start;
                while self.src[self.pos] != b'`' {
                    self.pos += 1;
                }
                self.pos += 1;
                Value::from(std::str::from_utf8(&self.src[start..self.pos - 1]).expect("utf-8"))
            }
            _ => {
                let w = self.word();
                match w.as_str() {
                    "nil" => Value::Nil,
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ if w.contains(['.', 'e']) && !w.starts_with("0x") => {
                        Value::Float(w.parse().unwrap_or_else(|_| panic!("bad float {w}")))
                    }
                    _ => Value::int(w.parse().unwrap_or_else(|_| panic!("bad int {w}"))),
                }
            }
        }
    }
}

/// Go string literal escapes used by the cases.
fn unquote(lit: &str) -> String {
    let inner = &lit[1..lit.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('v') => out.push('\u{b}'),
            Some('x') => {
                let h: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&h, 16).expect("hex") as char);
            }
            Some('u') => {
                let h: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).expect("hex")).expect("char"));
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

/// Parses a case's argument text into values.
pub(super) fn parse_args(src: &str) -> Vec<Value> {
    Reader {
        src: src.as_bytes(),
        pos: 0,
    }
    .args(None)
}

/// Runs a table of `(function, template arguments, what helm printed)` cases.
pub(super) fn check_cases(cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (name, src, want) in cases {
        let got = match call_converted(name, parse_args(src)) {
            // Helm prints a nil result as nothing ("<no value>", then removed).
            Ok(Value::Nil) => String::new(),
            Ok(v) => fmt_v(&v),
            Err(e) => format!("ERR:{e}"),
        };
        if got != *want {
            failures.push(format!(
                "{{{{ {name} {src} }}}}\n   want {want:?}\n    got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

mod strings;

#[test]
fn strings_match_helm() {
    check_cases(strings::STRING_CASES);
}

mod dicts;
mod lists;

#[test]
fn lists_match_helm() {
    check_cases(lists::LIST_CASES);
}

#[test]
fn dicts_defaults_and_reflection_match_helm() {
    check_cases(dicts::DICT_CASES);
}

mod math;

#[test]
fn math_and_conversions_match_helm() {
    check_cases(math::MATH_CASES);
}

mod encoding;

#[test]
fn encodings_and_paths_match_helm() {
    check_cases(encoding::ENCODING_CASES);
}

mod regex;

#[test]
fn regex_functions_match_helm() {
    check_cases(regex::REGEX_CASES);
}

mod date;

#[test]
fn date_functions_match_helm() {
    check_cases(date::DATE_CASES);
}

#[test]
fn time_parameters_reject_other_values() {
    // Go's executor rejects these before the call; a direct call says the same.
    assert_eq!(
        call("unixEpoch", vec![Value::from("x")]).unwrap_err(),
        "wrong type for value; expected time.Time; got string"
    );
}

mod url;

#[test]
fn url_functions_match_helm() {
    check_cases(url::URL_CASES);
}

mod json;

#[test]
fn json_functions_match_helm() {
    check_cases(json::JSON_CASES);
}

mod xstrings;

#[test]
fn case_conversions_match_helm() {
    check_cases(xstrings::XSTRINGS_CASES);
}

/// Every name in Sprig v3.3.0's function map, less `env` and `expandenv` (which Helm
/// removes), `toJson`, `mustToJson` and `fromJson` (which Helm replaces), `fail`
/// (Helm's) and `getHostByName` (network).
const SPRIG_NAMES: &[&str] = &[
    "push",
    "mustPush",
    "abbrev",
    "abbrevboth",
    "add",
    "add1",
    "add1f",
    "addf",
    "adler32sum",
    "ago",
    "all",
    "any",
    "append",
    "atoi",
    "b32dec",
    "b32enc",
    "b64dec",
    "b64enc",
    "base",
    "bcrypt",
    "biggest",
    "buildCustomCert",
    "camelcase",
    "cat",
    "ceil",
    "chunk",
    "clean",
    "coalesce",
    "compact",
    "concat",
    "contains",
    "date",
    "dateInZone",
    "dateModify",
    "date_in_zone",
    "date_modify",
    "decryptAES",
    "deepCopy",
    "deepEqual",
    "default",
    "derivePassword",
    "dict",
    "dig",
    "dir",
    "div",
    "divf",
    "duration",
    "durationRound",
    "empty",
    "encryptAES",
    "ext",
    "first",
    "float64",
    "floor",
    "genCA",
    "genCAWithKey",
    "genPrivateKey",
    "genSelfSignedCert",
    "genSelfSignedCertWithKey",
    "genSignedCert",
    "genSignedCertWithKey",
    "get",
    "has",
    "hasKey",
    "hasPrefix",
    "hasSuffix",
    "hello",
    "htmlDate",
    "htmlDateInZone",
    "htpasswd",
    "indent",
    "initial",
    "initials",
    "int",
    "int64",
    "isAbs",
    "join",
    "kebabcase",
    "keys",
    "kindIs",
    "kindOf",
    "last",
    "list",
    "lower",
    "max",
    "maxf",
    "merge",
    "mergeOverwrite",
    "min",
    "minf",
    "mod",
    "mul",
    "mulf",
    "mustAppend",
    "mustChunk",
    "mustCompact",
    "mustDateModify",
    "mustDeepCopy",
    "mustFirst",
    "mustFromJson",
    "mustHas",
    "mustInitial",
    "mustLast",
    "mustMerge",
    "mustMergeOverwrite",
    "mustPrepend",
    "mustRegexFind",
    "mustRegexFindAll",
    "mustRegexMatch",
    "mustRegexReplaceAll",
    "mustRegexReplaceAllLiteral",
    "mustRegexSplit",
    "mustRest",
    "mustReverse",
    "mustSlice",
    "mustToDate",
    "mustToPrettyJson",
    "mustToRawJson",
    "mustUniq",
    "mustWithout",
    "must_date_modify",
    "nindent",
    "nospace",
    "now",
    "omit",
    "osBase",
    "osClean",
    "osDir",
    "osExt",
    "osIsAbs",
    "pick",
    "pluck",
    "plural",
    "prepend",
    "quote",
    "randAlpha",
    "randAlphaNum",
    "randAscii",
    "randBytes",
    "randInt",
    "randNumeric",
    "regexFind",
    "regexFindAll",
    "regexMatch",
    "regexQuoteMeta",
    "regexReplaceAll",
    "regexReplaceAllLiteral",
    "regexSplit",
    "repeat",
    "replace",
    "rest",
    "reverse",
    "round",
    "semver",
    "semverCompare",
    "seq",
    "set",
    "sha1sum",
    "sha256sum",
    "sha512sum",
    "shuffle",
    "slice",
    "snakecase",
    "sortAlpha",
    "split",
    "splitList",
    "splitn",
    "squote",
    "sub",
    "subf",
    "substr",
    "swapcase",
    "ternary",
    "title",
    "toDate",
    "toDecimal",
    "toPrettyJson",
    "toRawJson",
    "toString",
    "toStrings",
    "trim",
    "trimAll",
    "trimPrefix",
    "trimSuffix",
    "trimall",
    "trunc",
    "tuple",
    "typeIs",
    "typeIsLike",
    "typeOf",
    "uniq",
    "unixEpoch",
    "unset",
    "until",
    "untilStep",
    "untitle",
    "upper",
    "urlJoin",
    "urlParse",
    "uuidv4",
    "values",
    "without",
    "wrap",
    "wrapWith",
];

#[test]
fn covers_every_sprig_function() {
    let ours: Vec<&str> = functions().map(|f| f.name).collect();
    let missing: Vec<&&str> = SPRIG_NAMES.iter().filter(|n| !ours.contains(n)).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    let extra: Vec<&&str> = ours.iter().filter(|n| !SPRIG_NAMES.contains(n)).collect();
    assert!(extra.is_empty(), "not Sprig's: {extra:?}");
}

mod objects;

/// Functions over Go strings that are not valid UTF-8 (a binary `.Files.Get`, a `"\xff"`
/// literal): Go's `regexp` reads each bad byte as U+FFFD but yields the bytes,
/// `strings` compares bytes, `sort.Strings` orders by bytes. `(function, Go literals,
/// printf "%q" of the result)` as helm v4.1.4 printed them.
#[test]
fn invalid_utf8_matches_helm() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("regexFind", &[r#""a(.)""#, r#""xa\xffb""#], r#""a\xff""#),
        ("regexFind", &[r#"".""#, r#""\xc3 B""#], r#""\xc3""#),
        (
            "regexFindAll",
            &[r#""[^a]""#, r#""a\xe2\x82a\U0010ffff""#, "-1"],
            r#"["\xe2" "\x82" "\U0010ffff"]"#,
        ),
        (
            "regexReplaceAll",
            &[r#""a(.)""#, r#""a\xffa\xe9""#, r#""${1}$1\xfe""#],
            r#""\xff\xff\xfe\xe9\xe9\xfe""#,
        ),
        (
            "regexReplaceAllLiteral",
            &[r#""\\x{FFFD}""#, r#""\xff\xef\xbf\xbd!""#, r#""-""#],
            r#""--!""#,
        ),
        (
            "regexSplit",
            &[r#""""#, r#""\xf4\x8f\xbf\xbf\xe2\x82""#, "-1"],
            r#"["\U0010ffff" "\xe2" "\x82"]"#,
        ),
        ("regexMatch", &[r#""^.$""#, r#""\xff""#], "%!q(bool=true)"),
        (
            "regexMatch",
            &[r#""\xff""#, r#""a\xff""#],
            "%!q(bool=false)",
        ),
        (
            "regexQuoteMeta",
            &[r#""\xff.\U0010ffff""#],
            r#""\xff\\.\U0010ffff""#,
        ),
        (
            "contains",
            &[r#""\xe9""#, r#""caf\xc3\xa9""#],
            "%!q(bool=false)",
        ),
        (
            "contains",
            &[r#""\xc3""#, r#""caf\xc3\xa9""#],
            "%!q(bool=true)",
        ),
        (
            "hasPrefix",
            &[r#""\xc3""#, r#""\xc3\xa9""#],
            "%!q(bool=true)",
        ),
        (
            "hasSuffix",
            &[r#""\xa9""#, r#""\xc3\xa9""#],
            "%!q(bool=true)",
        ),
        (
            "trimSuffix",
            &[r#""\xff""#, r#""\U0010ffff""#],
            r#""\U0010ffff""#,
        ),
        (
            "replace",
            &[r#""a""#, r#""\xff""#, r#""\U0010ffffa""#],
            r#""\U0010ffff\xff""#,
        ),
        ("plural", &[r#""\xff""#, r#""b""#, "1"], r#""\xff""#),
        (
            "trimAll",
            &[r#""\xff""#, r#""\xff\xfeab\xef\xbf\xbd\xe9""#],
            r#""ab""#,
        ),
        (
            "trimAll",
            &[r#""\xef\xbf\xbdb""#, r#""\xe2\x82ab\xc3""#],
            r#""a""#,
        ),
        ("trimAll", &[r#""a""#, r#""a\xffa""#], r#""\xff""#),
        (
            "urlParse",
            &[r#""http://u%ffx@h/a\xff%e9?q=\xfe#%e2%82""#],
            r#"map["fragment":"\xe2\x82" "host":"h" "hostname":"h" "opaque":"" "path":"/a\xff\xe9" "query":"q=\xfe" "scheme":"http" "userinfo":"u%FFx"]"#,
        ),
        (
            "urlParse",
            &[r#""http://u\xff:p@h/""#],
            r#"ERR:unable to parse url: parse "http://u\xff:p@h/": net/url: invalid userinfo"#,
        ),
        ("kebabcase", &[r#""ABC\xffdef""#], "\"ab-c\u{FFFD}def\""),
        (
            "snakecase",
            &[r#""HTTP\xffServer""#],
            "\"http_\u{FFFD}server\"",
        ),
    ];
    let lit = |s: &str| match s.parse::<i64>() {
        Ok(n) => Value::int(n),
        Err(_) => Value::from_go_bytes(
            crate::gofmt::unquote_bytes(s)
                .unwrap_or_else(|| crate::gofmt::unquote(s).expect("literal").into_bytes()),
        ),
    };
    let mut failures = Vec::new();
    for (name, srcs, want) in cases {
        let args = srcs.iter().map(|a| lit(a)).collect();
        let got = match call_converted(name, args) {
            Ok(v) => crate::gofmt::sprintf("%q", &[v]),
            Err(e) => format!("ERR:{e}"),
        };
        if got != *want {
            failures.push(format!("{name} {srcs:?}: want {want} got {got}"));
        }
    }
    let sorted = call_converted(
        "sortAlpha",
        vec![Value::List(crate::value::List::new(
            [
                r#""\xc3\xa9""#,
                r#""\xc3""#,
                r#""\xff""#,
                r#""z""#,
                r#""\xef\xbf\xbd""#,
            ]
            .iter()
            .map(|a| lit(a))
            .collect(),
        ))],
    );
    assert_eq!(
        sorted.map(|v| crate::gofmt::sprintf("%q", &[v])),
        Ok("[\"z\" \"\\xc3\" \"é\" \"\u{FFFD}\" \"\\xff\"]".to_string())
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
