//! The per-chart template engine switch (`helmcore.dev/template-engine` in Chart.yaml; a
//! helmcore extension). The goldens are helm v4.1.4's `helm template` output for the
//! Go-template twins of the Handlebars charts (tests/charts/hello-handlebars-go): the
//! Handlebars chart must render to the very same bytes.

use std::path::{Path, PathBuf};

use helmcore::render::{PrintOptions, RenderOptions, Renderer};
use helmcore::value::Map;

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/charts/hello-handlebars")
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(tests_dir().join("golden/handlebars").join(name)).unwrap()
}

fn template(dir: &Path, release: &str) -> Result<String, String> {
    let chart = helmcore::chart::load(dir).map_err(|e| e.to_string())?;
    let opts = RenderOptions {
        release_name: release.into(),
        ..RenderOptions::default()
    };
    let r = Renderer::new(chart)
        .render(&Map::new(), &opts)
        .map_err(|e| e.to_string())?;
    r.template_output(&PrintOptions::default())
        .map_err(|e| e.to_string())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// tests/charts/hbs-parent (Go templates) with `sub` as its subchart, in a fresh folder.
fn tree(sub: &Path, tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("helmcore-hbs-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&tests_dir().join("charts/hbs-parent"), &dir);
    copy_dir(sub, &dir.join("charts/hello-handlebars"));
    dir
}

#[test]
fn the_go_twin_renders_as_helm() {
    let twin = tests_dir().join("charts/hello-handlebars-go");
    assert_eq!(
        template(&twin, "hello").unwrap(),
        golden("hello-handlebars.out")
    );
    let dir = tree(&twin, "go");
    assert_eq!(template(&dir, "rel").unwrap(), golden("mixed-tree.out"));
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(feature = "handlebars")]
#[test]
fn a_handlebars_chart_renders_as_helm_renders_its_go_twin() {
    assert_eq!(
        template(&example(), "hello").unwrap(),
        golden("hello-handlebars.out")
    );
}

#[cfg(feature = "handlebars")]
#[test]
fn a_go_chart_with_a_handlebars_subchart() {
    let dir = tree(&example(), "hbs");
    assert_eq!(template(&dir, "rel").unwrap(), golden("mixed-tree.out"));
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(feature = "handlebars")]
#[test]
fn handlebars_errors_name_the_subchart_file() {
    let dir = tree(&example(), "err");
    let f = dir.join("charts/hello-handlebars/templates/service.yaml");
    std::fs::write(&f, "a: 1\nb: {{required \"port needed\" Values.nope}}\n").unwrap();
    assert_eq!(
        template(&dir, "rel").unwrap_err(),
        "execution error at (parent/charts/hello-handlebars/templates/service.yaml:2:4): port needed"
    );
    std::fs::write(&f, "a: {{#if}}\n").unwrap();
    let e = template(&dir, "rel").unwrap_err();
    assert!(e.starts_with("parse error at (parent/charts/hello-handlebars/templates/service.yaml:2:1): invalid handlebars syntax"), "{e}");
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(not(feature = "handlebars"))]
#[test]
fn without_the_feature_a_handlebars_chart_is_refused() {
    assert_eq!(
        template(&example(), "hello").unwrap_err(),
        "chart hello-handlebars asks for the handlebars template engine, which this build of helmcore does not include (enable the cargo feature \"handlebars\")"
    );
}

#[test]
fn an_unknown_engine_is_refused() {
    let dir = tree(&tests_dir().join("charts/hello-handlebars-go"), "unknown");
    let chart_yaml = dir.join("charts/hello-handlebars/Chart.yaml");
    let text = std::fs::read_to_string(&chart_yaml).unwrap();
    std::fs::write(
        &chart_yaml,
        format!("{text}annotations:\n  helmcore.dev/template-engine: mustache\n"),
    )
    .unwrap();
    assert_eq!(
        template(&dir, "rel").unwrap_err(),
        "chart hello-handlebars asks for the template engine \"mustache\", which helmcore does not know (known: gotemplate, handlebars)"
    );
    let _ = std::fs::remove_dir_all(dir);
}
