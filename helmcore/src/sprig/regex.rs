//! Sprig's regular-expression functions, with Go's syntax and semantics
//! ([`super::goregex`]). The plain forms panic on a bad pattern (`regexp.MustCompile`);
//! the executor reports that panic as an error, with `MustCompile`'s wording.

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::{appended_strings, int, string};
use super::goregex::{quote_meta, GoRegex};
// Patterns compiled once per render session.
use super::unicode::quote;
use super::{func, Res};
use crate::engine::memo::compile_memo as compile;

/// Go's `strconv.CanBackquote`.
fn can_backquote(s: &str) -> bool {
    s.chars()
        .all(|c| c != '`' && c != '\u{7f}' && c != '\u{feff}' && (c >= ' ' || c == '\t'))
}

/// `regexp.MustCompile`: its panic text on a bad pattern.
fn must_compile(pattern: &str) -> Result<GoRegex, String> {
    compile(pattern).map_err(|e| {
        let shown = if can_backquote(pattern) {
            format!("`{pattern}`")
        } else {
            quote(pattern)
        };
        format!("regexp: Compile({shown}): {e}")
    })
}

fn regex_match(a: Vec<Value>) -> Res {
    Ok(compile(string(&a, 0))
        .is_ok_and(|re| re.is_match(string(&a, 1)))
        .into())
}

fn must_regex_match(a: Vec<Value>) -> Res {
    Ok(compile(string(&a, 0))?.is_match(string(&a, 1)).into())
}

fn regex_find_all(a: Vec<Value>) -> Res {
    let re = must_compile(string(&a, 0))?;
    Ok(appended_strings(re.find_all(string(&a, 1), int(&a, 2))))
}

fn must_regex_find_all(a: Vec<Value>) -> Res {
    let re = compile(string(&a, 0))?;
    Ok(appended_strings(re.find_all(string(&a, 1), int(&a, 2))))
}

fn regex_find(a: Vec<Value>) -> Res {
    Ok(must_compile(string(&a, 0))?.find(string(&a, 1)).into())
}

fn must_regex_find(a: Vec<Value>) -> Res {
    Ok(compile(string(&a, 0))?.find(string(&a, 1)).into())
}

fn regex_replace_all(a: Vec<Value>) -> Res {
    Ok(must_compile(string(&a, 0))?
        .replace_all(string(&a, 1), string(&a, 2), false)
        .into())
}

fn must_regex_replace_all(a: Vec<Value>) -> Res {
    Ok(compile(string(&a, 0))?
        .replace_all(string(&a, 1), string(&a, 2), false)
        .into())
}

fn regex_replace_all_literal(a: Vec<Value>) -> Res {
    Ok(must_compile(string(&a, 0))?
        .replace_all(string(&a, 1), string(&a, 2), true)
        .into())
}

fn must_regex_replace_all_literal(a: Vec<Value>) -> Res {
    Ok(compile(string(&a, 0))?
        .replace_all(string(&a, 1), string(&a, 2), true)
        .into())
}

fn regex_split(a: Vec<Value>) -> Res {
    Ok(appended_strings(
        must_compile(string(&a, 0))?.split(string(&a, 1), int(&a, 2)),
    ))
}

fn must_regex_split(a: Vec<Value>) -> Res {
    Ok(appended_strings(
        compile(string(&a, 0))?.split(string(&a, 1), int(&a, 2)),
    ))
}

fn regex_quote_meta(a: Vec<Value>) -> Res {
    Ok(quote_meta(string(&a, 0)).into())
}

pub(super) const FUNCS: &[Func] = &[
    func("regexMatch", &[P::String, P::String], None, regex_match),
    func(
        "mustRegexMatch",
        &[P::String, P::String],
        None,
        must_regex_match,
    ),
    func(
        "regexFindAll",
        &[P::String, P::String, P::Int],
        None,
        regex_find_all,
    ),
    func(
        "mustRegexFindAll",
        &[P::String, P::String, P::Int],
        None,
        must_regex_find_all,
    ),
    func("regexFind", &[P::String, P::String], None, regex_find),
    func(
        "mustRegexFind",
        &[P::String, P::String],
        None,
        must_regex_find,
    ),
    func(
        "regexReplaceAll",
        &[P::String, P::String, P::String],
        None,
        regex_replace_all,
    ),
    func(
        "mustRegexReplaceAll",
        &[P::String, P::String, P::String],
        None,
        must_regex_replace_all,
    ),
    func(
        "regexReplaceAllLiteral",
        &[P::String, P::String, P::String],
        None,
        regex_replace_all_literal,
    ),
    func(
        "mustRegexReplaceAllLiteral",
        &[P::String, P::String, P::String],
        None,
        must_regex_replace_all_literal,
    ),
    func(
        "regexSplit",
        &[P::String, P::String, P::Int],
        None,
        regex_split,
    ),
    func(
        "mustRegexSplit",
        &[P::String, P::String, P::Int],
        None,
        must_regex_split,
    ),
    func("regexQuoteMeta", &[P::String], None, regex_quote_meta),
];
