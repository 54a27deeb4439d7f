//! `helmcore template` on examples/charts/hello-handlebars, a chart whose templates are
//! Handlebars (helmcore's extension, cargo feature `handlebars`). The golden is helm
//! v4.1.4's output for the chart's Go-template twin (helmcore/tests/charts/
//! hello-handlebars-go): both must print the same bytes.

mod common;

fn template(args: &[&str]) -> (String, String, bool) {
    common::run_in(&common::root(), &[&["template"], args].concat())
}

#[cfg(feature = "handlebars")]
#[test]
fn renders_the_handlebars_example_as_helm_renders_its_twin() {
    let (out, err, ok) = template(&["hello", "examples/charts/hello-handlebars"]);
    assert!(ok, "{err}");
    assert_eq!(out, common::golden("handlebars/hello-handlebars.out"));
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
