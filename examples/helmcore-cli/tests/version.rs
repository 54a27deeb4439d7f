//! `helmcore version`: `--short`, and `--template` run as helm v4.1.4 runs it (Go's
//! text/template without Helm's functions, template name `_`, no newline added, taking
//! precedence over `--short`, an empty one ignored).

mod common;

fn version(args: &[&str]) -> (String, String, bool) {
    common::run_in(&common::root(), &[&["version"], args].concat())
}

#[test]
fn templates_see_the_build_info() {
    let v = concat!("v", env!("CARGO_PKG_VERSION"));
    assert_eq!(version(&["--short"]).0, format!("{v}\n"));
    assert_eq!(version(&["--template", "{{.Version}}"]).0, v);
    assert_eq!(
        version(&["--short", "--template", "{{.HelmCompat}}"]).0,
        "v4.1.4"
    );
    assert_eq!(
        version(&["--template", "{{.}}"]).0,
        format!("{{{v} v4.1.4}}")
    );
    assert_eq!(
        version(&["--template", ""]).0,
        format!("helmcore.BuildInfo{{Version:\"{v}\", HelmCompat:\"v4.1.4\"}}\n")
    );
}

#[test]
fn template_errors_are_go_templates_errors() {
    for (template, err) in [
        ("{{.Nope}}", "Error: template: _:1:2: executing \"_\" at <.Nope>: can't evaluate field Nope in type helmcore.BuildInfo\n"),
        ("{{.Version", "Error: template: _:1: unclosed action\n"),
        ("{{toJson .}}", "Error: template: _:1: function \"toJson\" not defined\n"),
    ] {
        let (out, e, ok) = version(&["--template", template]);
        assert!(!ok && out.is_empty());
        assert_eq!(e, err);
    }
}
