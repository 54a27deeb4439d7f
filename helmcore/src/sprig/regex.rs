//! Sprig's regular-expression functions, with Go's syntax and semantics
//! ([`super::goregex`]). The plain forms panic on a bad pattern (`regexp.MustCompile`);
//! the executor reports that panic as an error, with `MustCompile`'s wording.

use crate::engine::func::{Func, Param as P};
use crate::gofmt::{can_backquote, quote_bytes};
use crate::value::{Elem, List, Value};

use super::args::{appended_strings, bytes, int};
use super::goregex::{quote_meta, GoRegex, Subject};
use super::{func, Res};
// Patterns compiled once per render session.
use crate::engine::memo::compile_memo as compile;

/// Go's `regexp.Compile` of the pattern (argument 0), memoised. A pattern that is not
/// valid UTF-8 fails before it is parsed, the error quoting it from the first bad byte.
fn compiled(a: &[Value]) -> Result<GoRegex, String> {
    let pattern = bytes(a, 0);
    match std::str::from_utf8(pattern) {
        Ok(p) => compile(p),
        Err(e) => Err(format!(
            "error parsing regexp: invalid UTF-8: `{}`",
            crate::yaml::go_lossy_utf8(pattern.get(e.valid_up_to()..).unwrap_or_default())
        )),
    }
}

/// `regexp.MustCompile`: its panic text on a bad pattern.
fn must_compile(a: &[Value]) -> Result<GoRegex, String> {
    compiled(a).map_err(|e| {
        let pattern = bytes(a, 0);
        let shown = match std::str::from_utf8(pattern) {
            Ok(p) if can_backquote(p) => format!("`{p}`"),
            _ => quote_bytes(pattern, false),
        };
        format!("regexp: Compile({shown}): {e}")
    })
}

/// The subject (argument `i`): Go matches a string's bytes, each invalid one as U+FFFD.
fn subject(a: &[Value], i: usize) -> Subject<'_> {
    Subject::new(bytes(a, i))
}

/// A `[]string` result from Go's `regexp` methods, which append to a nil slice.
fn byte_strings(items: Vec<Vec<u8>>) -> Value {
    if items.is_empty() {
        return appended_strings(Vec::<String>::new());
    }
    let items = items.into_iter().map(Value::from_go_bytes).collect();
    Value::List(List::typed(items, Elem::String))
}

fn regex_match(a: Vec<Value>) -> Res {
    Ok(compiled(&a)
        .is_ok_and(|re| re.is_match(&subject(&a, 1)))
        .into())
}

fn must_regex_match(a: Vec<Value>) -> Res {
    Ok(compiled(&a)?.is_match(&subject(&a, 1)).into())
}

fn regex_find_all(a: Vec<Value>) -> Res {
    let re = must_compile(&a)?;
    Ok(byte_strings(re.find_all(&subject(&a, 1), int(&a, 2))))
}

fn must_regex_find_all(a: Vec<Value>) -> Res {
    let re = compiled(&a)?;
    Ok(byte_strings(re.find_all(&subject(&a, 1), int(&a, 2))))
}

fn regex_find(a: Vec<Value>) -> Res {
    let found = must_compile(&a)?.find(&subject(&a, 1));
    Ok(Value::from_go_bytes(found))
}

fn must_regex_find(a: Vec<Value>) -> Res {
    let found = compiled(&a)?.find(&subject(&a, 1));
    Ok(Value::from_go_bytes(found))
}

fn replace(re: &GoRegex, a: &[Value], literal: bool) -> Value {
    Value::from_go_bytes(re.replace_all(&subject(a, 1), bytes(a, 2), literal))
}

fn regex_replace_all(a: Vec<Value>) -> Res {
    Ok(replace(&must_compile(&a)?, &a, false))
}

fn must_regex_replace_all(a: Vec<Value>) -> Res {
    Ok(replace(&compiled(&a)?, &a, false))
}

fn regex_replace_all_literal(a: Vec<Value>) -> Res {
    Ok(replace(&must_compile(&a)?, &a, true))
}

fn must_regex_replace_all_literal(a: Vec<Value>) -> Res {
    Ok(replace(&compiled(&a)?, &a, true))
}

fn regex_split(a: Vec<Value>) -> Res {
    let re = must_compile(&a)?;
    Ok(byte_strings(re.split(&subject(&a, 1), int(&a, 2))))
}

fn must_regex_split(a: Vec<Value>) -> Res {
    let re = compiled(&a)?;
    Ok(byte_strings(re.split(&subject(&a, 1), int(&a, 2))))
}

fn regex_quote_meta(a: Vec<Value>) -> Res {
    Ok(Value::from_go_bytes(quote_meta(bytes(&a, 0))))
}

pub(super) const FUNCS: &[Func] = &[
    func(
        "regexMatch",
        &[P::BytesString, P::BytesString],
        None,
        regex_match,
    ),
    func(
        "mustRegexMatch",
        &[P::BytesString, P::BytesString],
        None,
        must_regex_match,
    ),
    func(
        "regexFindAll",
        &[P::BytesString, P::BytesString, P::Int],
        None,
        regex_find_all,
    ),
    func(
        "mustRegexFindAll",
        &[P::BytesString, P::BytesString, P::Int],
        None,
        must_regex_find_all,
    ),
    func(
        "regexFind",
        &[P::BytesString, P::BytesString],
        None,
        regex_find,
    ),
    func(
        "mustRegexFind",
        &[P::BytesString, P::BytesString],
        None,
        must_regex_find,
    ),
    func(
        "regexReplaceAll",
        &[P::BytesString, P::BytesString, P::BytesString],
        None,
        regex_replace_all,
    ),
    func(
        "mustRegexReplaceAll",
        &[P::BytesString, P::BytesString, P::BytesString],
        None,
        must_regex_replace_all,
    ),
    func(
        "regexReplaceAllLiteral",
        &[P::BytesString, P::BytesString, P::BytesString],
        None,
        regex_replace_all_literal,
    ),
    func(
        "mustRegexReplaceAllLiteral",
        &[P::BytesString, P::BytesString, P::BytesString],
        None,
        must_regex_replace_all_literal,
    ),
    func(
        "regexSplit",
        &[P::BytesString, P::BytesString, P::Int],
        None,
        regex_split,
    ),
    func(
        "mustRegexSplit",
        &[P::BytesString, P::BytesString, P::Int],
        None,
        must_regex_split,
    ),
    func("regexQuoteMeta", &[P::BytesString], None, regex_quote_meta),
];
