//! `helmcore template` on examples/charts/hello-handlebars, a chart whose templates are
//! Handlebars (helmcore's extension, cargo feature `handlebars`). The golden is helm
//! v4.1.4's output for the chart's Go-template twin (helmcore/tests/charts/
//! hello-handlebars-go): both must print the same bytes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn template(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_helmcore"))
        .arg("template")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
        out.status.success(),
    )
}

#[cfg(feature = "handlebars")]
#[test]
fn renders_the_handlebars_example_as_helm_renders_its_twin() {
    let (out, err, ok) = template(&["hello", "examples/charts/hello-handlebars"]);
    assert!(ok, "{err}");
    let want = std::fs::read_to_string(
        root().join("helmcore/tests/golden/handlebars/hello-handlebars.out"),
    )
    .unwrap();
    assert_eq!(out, want);
}

#[cfg(not(feature = "handlebars"))]
#[test]
fn without_the_feature_the_example_is_refused() {
    let (out, err, ok) = template(&["hello", "examples/charts/hello-handlebars"]);
    assert!(!ok);
    assert_eq!(out, "");
    assert!(
        err.starts_with("Error: chart hello-handlebars asks for the handlebars template engine, which this build of helmcore does not include (enable the cargo feature \"handlebars\")\n"),
        "{err}"
    );
}
