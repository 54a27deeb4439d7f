//! Error paths: every message names the file, line and column of the `{{` that failed.
//! The message parts Helm also prints are helm v4.1.4's (Go template in the comment).

use super::basics::VALUES;
use super::*;

#[test]
fn required_and_fail_read_as_helms() {
    // {{ required "need x" .Values.x }} → execution error at (c/templates/x.yaml:2:6): need x
    assert_eq!(
        err("a: 1\nb: {{required \"need x\" Values.x}}", VALUES),
        "execution error at (c/templates/x.yaml:2:4): need x"
    );
    assert_eq!(
        err("a: 1\nb: {{required \"need x\" Values.empty}}", VALUES),
        "execution error at (c/templates/x.yaml:2:4): need x"
    );
    assert_eq!(ok("{{required \"need\" Values.name}}", VALUES), "web");
    // {{ fail "boom" }} → execution error at (c/templates/x.yaml:2:6): boom
    assert_eq!(
        err("a: 1\nb: {{fail \"boom\"}}", VALUES),
        "execution error at (c/templates/x.yaml:2:4): boom"
    );
}

#[test]
fn argument_conversion_errors() {
    // {{ trunc 1 }} → wrong number of args for trunc: want 2 got 1
    assert_eq!(
        err("b: {{trunc 1}}", VALUES),
        "template: c/templates/x.yaml:1:4: wrong number of args for trunc: want 2 got 1"
    );
    // {{ trunc "a" "b" }} → expected integer; found "a"
    assert_eq!(
        err("b: {{trunc \"a\" \"b\"}}", VALUES),
        "template: c/templates/x.yaml:1:4: trunc: argument 1: expected integer; found \"a\""
    );
    // {{ trunc .Values.big "hello" }} → wrong type for value; expected int; got float64
    assert_eq!(
        err("{{trunc Values.big \"hello\"}}", VALUES),
        "template: c/templates/x.yaml:1:1: trunc: argument 1: wrong type for value; expected int; got float64"
    );
    // {{ upper .Values.missing }} → wrong type for value; expected string; got interface {}
    assert_eq!(
        err("{{upper Values.missing}}", VALUES),
        "template: c/templates/x.yaml:1:1: upper: argument 1: wrong type for value; expected string; got interface {}"
    );
    assert_eq!(
        err("{{upper null}}", VALUES),
        "template: c/templates/x.yaml:1:1: upper: argument 1: cannot assign nil to string"
    );
    assert_eq!(
        err("{{upper Values.name x=1}}", VALUES),
        "template: c/templates/x.yaml:1:1: upper: helmcore's helpers take no hash arguments (x=...)"
    );
    // Literals convert: 2.0 is an integer constant, as in Go.
    assert_eq!(ok("{{trunc 2.0 \"hello\"}} {{mulf 2 1.5}}", VALUES), "he 3");
}

#[test]
fn function_errors() {
    // {{ semver "x" }} → error calling semver: invalid semantic version
    assert_eq!(
        err("b: {{semver \"x\"}}", VALUES),
        "template: c/templates/x.yaml:1:4: error calling semver: invalid semantic version"
    );
    // Inside a block: the line and column of the failing expression.
    assert_eq!(
        err(
            "a\n  {{#if Values.enabled}}\n  x: {{semver \"x\"}}\n{{/if}}",
            VALUES
        ),
        "template: c/templates/x.yaml:3:6: error calling semver: invalid semantic version"
    );
    assert_eq!(
        err("{{eq 1}}", VALUES),
        "template: c/templates/x.yaml:1:1: error calling eq: missing argument for comparison"
    );
    assert_eq!(
        err("{{method Values.name \"Upper\"}}", VALUES),
        "template: c/templates/x.yaml:1:1: can't call method Upper on type string"
    );
}

#[test]
fn parse_errors() {
    assert_eq!(
        err("a: 1\nb: {{nosuch 1}}", VALUES),
        "parse error at (c/templates/x.yaml:2:4): function \"nosuch\" not defined"
    );
    assert_eq!(
        err("{{#foo}}{{/foo}}", VALUES),
        "parse error at (c/templates/x.yaml:1:1): \"foo\" is not a block helper (blocks: if, unless, each, with, raw)"
    );
    let e = err("a\n{{#if Values.x}}", VALUES);
    assert!(e.starts_with("parse error at (c/templates/x.yaml:"), "{e}");
}

#[test]
fn handlebars_runtime_errors_name_the_file() {
    assert_eq!(
        err("{{> nopartial}}", VALUES),
        "template: c/templates/x.yaml:1:1: Partial not found nopartial"
    );
    assert_eq!(
        err("x: {{Values.tags.foo}}", VALUES),
        "template: c/templates/x.yaml:1:4: Cannot access array/vector with string index, foo"
    );
    let set = HandlebarsSet::compile(funcs(), &[(FILE, "x")]).unwrap();
    let opts = ExecOptions::helm();
    assert_eq!(
        set.session(&opts)
            .execute("nope.yaml", &Value::Nil)
            .unwrap_err()
            .to_string(),
        "template: no template \"nope.yaml\" associated with template \"handlebars\""
    );
}
