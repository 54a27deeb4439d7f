//! Strict mode, lint mode, the step budget, sessions and threads.

use super::basics::VALUES;
use super::*;
use crate::engine::{CompiledSet, LintKind, TemplateEngine};

fn strict(t: &str) -> Result<String, String> {
    run_with(&[(FILE, t)], VALUES, &ExecOptions::strict())
}

#[test]
fn strict_mode_fails_on_missing_values() {
    // helm's strict mode: `map has no entry for key "zz"` (engine tests, helm v4.1.4).
    assert_eq!(
        strict("a\nb: {{Values.missing}}").unwrap_err(),
        "template: c/templates/x.yaml:2:4: map has no entry for key \"missing\""
    );
    assert_eq!(
        strict("{{default 1 Values.nope}}").unwrap_err(),
        "template: c/templates/x.yaml:1:1: map has no entry for key \"nope\""
    );
    // Block helpers' arguments too.
    assert_eq!(
        strict("{{#if Values.nope}}{{/if}}").unwrap_err(),
        "template: c/templates/x.yaml:1:1: map has no entry for key \"nope\""
    );
    assert_eq!(
        strict("{{#each Values.tags}}{{this.x}}{{/each}}").unwrap_err(),
        "template: c/templates/x.yaml:1:22: map has no entry for key \"x\""
    );
    // Present values, null ones included, are fine.
    assert_eq!(
        run_with(
            &[(
                FILE,
                "{{#each Values.tags}}{{this}}{{/each}}{{Values.name}}[{{Values.n}}]"
            )],
            r#"{"tags": ["a"], "name": "w", "n": null}"#,
            &ExecOptions::strict()
        )
        .unwrap(),
        "aw[]"
    );
    // Normal mode: nothing.
    assert_eq!(
        ok("[{{Values.missing}}]{{#if Values.nope}}x{{/if}}", VALUES),
        "[]"
    );
}

#[test]
fn lint_mode_records_required_and_fail() {
    let set = HandlebarsSet::compile(
        funcs(),
        &[(FILE, "a{{required \"need x\" Values.x}}b{{fail \"boom\"}}c")],
    )
    .unwrap();
    let opts = ExecOptions {
        lint: true,
        ..ExecOptions::helm()
    };
    let mut s = set.session(&opts);
    assert_eq!(s.execute(FILE, &data(VALUES)).unwrap(), "abc");
    assert_eq!(s.execute(FILE, &data(VALUES)).unwrap(), "abc");
    let w = s.warnings();
    assert_eq!(w.len(), 4);
    assert_eq!(
        (w[0].kind, w[0].message.as_str()),
        (LintKind::Required, "need x")
    );
    assert_eq!((w[1].kind, w[1].message.as_str()), (LintKind::Fail, "boom"));
}

#[test]
fn the_step_budget_bounds_work() {
    let set = HandlebarsSet::compile(
        funcs(),
        &[(FILE, "{{#each (until 100)}}{{add this 1}}{{/each}}")],
    )
    .unwrap();
    let opts = ExecOptions {
        max_steps: Some(50),
        ..ExecOptions::helm()
    };
    let e = set.session(&opts).execute(FILE, &data(VALUES)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "template: add: execution step budget of 50 exceeded"
    );
}

#[test]
fn engine_trait_and_threads() {
    let engine = crate::engine::handlebars::HandlebarsEngine::new(funcs());
    let set: Box<dyn CompiledSet> = engine
        .compile(&[
            (
                "c/templates/_h.tpl",
                "{{#*inline \"n\"}}{{Release.Name}}{{/inline}}",
            ),
            (FILE, "{{> n}}-{{Values.name}}"),
        ])
        .unwrap();
    assert!(set.contains(FILE) && set.contains("n") && !set.contains("zz"));
    let set: std::sync::Arc<dyn CompiledSet> = set.into();
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let set = set.clone();
            std::thread::spawn(move || {
                let opts = ExecOptions::helm();
                let mut s = set.session(&opts);
                s.execute(FILE, &data(VALUES)).unwrap()
            })
        })
        .collect();
    for h in hs {
        assert_eq!(h.join().unwrap(), "r-web");
    }
    fn send_sync<T: Send + Sync>() {}
    send_sync::<HandlebarsSet>();
}

#[test]
fn functions_see_changes_made_by_earlier_ones() {
    // Go's `set` changes the map in place; later reads (here and in later templates of
    // the render) see the change.
    let d = data(VALUES);
    let set = HandlebarsSet::compile(
        funcs(),
        &[
            (
                "c/templates/a.yaml",
                "{{#if (set Values \"late\" \"L\")}}{{/if}}{{Values.late}}",
            ),
            ("c/templates/b.yaml", "{{Values.late}}"),
        ],
    )
    .unwrap();
    let opts = ExecOptions::helm();
    let mut s = set.session(&opts);
    assert_eq!(s.execute("c/templates/a.yaml", &d).unwrap(), "L");
    assert_eq!(s.execute("c/templates/b.yaml", &d).unwrap(), "L");
}
