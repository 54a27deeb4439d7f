//! Partials, `include` and `tpl`.

use super::basics::VALUES;
use super::*;

const HELPERS: (&str, &str) = (
    "c/templates/_helpers.tpl",
    "{{#*inline \"c.name\"}}{{default Chart.Name Values.nameOverride}}{{/inline}}\n\
     {{#*inline \"c.labels\"}}app: {{> c.name}}\ntier: {{Values.labels.tier}}\n{{/inline}}\n",
);
const LABELS: (&str, &str) = ("c/templates/_labels.hbs", "release: {{Release.Name}}\n");

fn with_partials(t: &str) -> Result<String, String> {
    run_with(&[HELPERS, LABELS, (FILE, t)], VALUES, &ExecOptions::helm())
}

#[test]
fn partial_files_export_inline_partials_and_their_stem() {
    assert_eq!(
        with_partials("name: {{> c.name}}\nlabels:\n  {{> c.labels}}\n{{> labels}}").unwrap(),
        "name: c\nlabels:\n  app: c\n  tier: front\nrelease: r\n"
    );
    // A partial with another context.
    assert_eq!(
        with_partials("{{#with Values.nested.deep}}{{> c.name}}|{{/with}}{{> c.name Values}}")
            .unwrap(),
        "|"
    );
}

#[test]
fn include_renders_to_a_string() {
    assert_eq!(
        with_partials("x: {{include \"c.name\" this}} {{upper (include \"c.labels\" this)}}")
            .unwrap(),
        "x: c APP: C\nTIER: FRONT\n"
    );
    assert_eq!(
        with_partials("x: {{nindent 2 (trim (include \"c.labels\" this))}}").unwrap(),
        "x: \n  app: c\n  tier: front"
    );
    // Every template by its path, partial files by their stem too.
    assert_eq!(
        with_partials("{{include \"c/templates/_labels.hbs\" this}}{{include \"labels\" this}}")
            .unwrap(),
        "release: r\nrelease: r\n"
    );
    // The included template sees the context it is given.
    assert_eq!(
        with_partials("{{include \"c.name\" (dict \"Chart\" (dict \"Name\" \"other\"))}}").unwrap(),
        "other"
    );
    assert_eq!(
        with_partials("x: {{include \"nope\" this}}").unwrap_err(),
        "template: c/templates/x.yaml:1:4: error calling include: no template or partial \"nope\""
    );
}

#[test]
fn include_errors_chain_and_required_passes_through() {
    let bad = ("c/templates/_bad.tpl", "{{#*inline \"bad\"}}\n{{semver \"x\"}}{{/inline}}{{#*inline \"req\"}}{{required \"need it\" Values.nope}}{{/inline}}");
    let run = |t: &str| run_with(&[bad, (FILE, t)], VALUES, &ExecOptions::helm()).unwrap_err();
    assert_eq!(
        run("x: {{include \"bad\" this}}"),
        "template: c/templates/x.yaml:1:4: error calling include: template: c/templates/_bad.tpl:2:1: error calling semver: invalid semantic version"
    );
    assert_eq!(
        run("x: {{include \"req\" this}}"),
        "execution error at (c/templates/_bad.tpl:2:44): need it"
    );
}

#[test]
fn tpl_renders_text_as_a_template() {
    assert_eq!(
        with_partials("x: {{tpl \"{{Values.name}}-{{upper Release.Name}}\" this}} {{tpl \"{{> c.name}}\" this}}").unwrap(),
        "x: web-R c"
    );
    // The text may come from values, with another context.
    let v = r#"{"t": "{{upper name}}", "name": "web"}"#;
    assert_eq!(
        run_with(
            &[(FILE, "{{tpl Values.t Values}}")],
            v,
            &ExecOptions::helm()
        )
        .unwrap(),
        "WEB"
    );
    assert_eq!(
        with_partials("x: {{tpl \"{{nosuch 1}}\" this}}").unwrap_err(),
        "template: c/templates/x.yaml:1:4: error calling tpl: cannot parse template \"{{nosuch 1}}\": tpl:1:1: function \"nosuch\" not defined"
    );
    assert_eq!(
        with_partials("x: {{tpl \"{{semver \\\"bad\\\"}}\" this}}").unwrap_err(),
        "template: c/templates/x.yaml:1:4: error calling tpl: error during tpl function execution for \"{{semver \\\"bad\\\"}}\": template: tpl:1:1: error calling semver: invalid semantic version"
    );
}

#[test]
fn recursion_is_bounded() {
    assert_eq!(
        with_partials(
            "{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}{{> a}}{{/inline}}{{> a}}"
        )
        .unwrap_err(),
        format!(
            "template: c/templates/x.yaml:1:51: partials, include and tpl nested more than {} deep",
            crate::engine::handlebars::MAX_NESTING
        )
    );
    assert_eq!(
        with_partials("{{include \"c/templates/x.yaml\" this}}").unwrap_err(),
        format!(
            "template: c/templates/x.yaml:1:1: partials, include and tpl nested more than {} deep",
            crate::engine::handlebars::MAX_NESTING
        )
    );
    // On a small stack too: executions run on a stack of their own.
    let h = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| with_partials("{{#*inline \"a\"}}{{#if Values.enabled}}{{> b}}{{/if}}{{/inline}}{{#*inline \"b\"}}{{> a}}{{/inline}}{{> a}}"))
        .unwrap();
    assert!(h.join().unwrap().unwrap_err().ends_with("deep"));
}

#[test]
fn later_definitions_win() {
    let first = (
        "c/charts/sub/templates/_h.tpl",
        "{{#*inline \"n\"}}sub{{/inline}}",
    );
    let second = ("c/templates/_h.tpl", "{{#*inline \"n\"}}top{{/inline}}");
    let t = (FILE, "{{> n}}");
    assert_eq!(
        run_with(&[first, second, t], VALUES, &ExecOptions::helm()).unwrap(),
        "top"
    );
    assert_eq!(
        run_with(&[second, first, t], VALUES, &ExecOptions::helm()).unwrap(),
        "sub"
    );
    let set = HandlebarsSet::compile(funcs(), &[first, second, t]).unwrap();
    let names: Vec<&str> = set.names().collect();
    assert_eq!(
        names,
        [
            "c/charts/sub/templates/_h.tpl",
            "c/templates/_h.tpl",
            "c/templates/x.yaml",
            "h",
            "n"
        ]
    );
    assert!(crate::engine::handlebars::is_partial_file(
        "c/templates/_h.hbs"
    ));
    assert!(!crate::engine::handlebars::is_partial_file(
        "c/templates/h.tpl"
    ));
    assert!(!crate::engine::handlebars::is_partial_file(
        "c/templates/_h.yaml"
    ));
}
