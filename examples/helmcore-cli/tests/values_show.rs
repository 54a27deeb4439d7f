//! `helmcore values` and `helmcore show` against helm4's outputs for the fixture charts
//! of the helmcore crate (helmcore/tests/golden).

mod common;

use common::{golden, run_in, tests_dir};

fn run(args: &[&str]) -> (String, String, bool) {
    run_in(&tests_dir(), args)
}

#[test]
fn values_prints_the_computed_values() {
    let (out, err, ok) = run(&["values", "charts/parent"]);
    assert!(ok);
    assert_eq!(out, golden("values/parent/default.values.yaml"));
    // helm's log line for the import-values entry that finds no table.
    assert_eq!(err, golden("values/parent/default.stderr"));
    let (out, _, ok) = run(&["values", "charts/parent", "-f", "fixtures/nulls.yaml"]);
    assert!(ok);
    assert_eq!(out, golden("values/parent/user-nulls.values.yaml"));
    let (out, _, ok) = run(&["values", "charts/parent", "--set", "sub1.enabled=false"]);
    assert!(ok);
    assert_eq!(out, golden("values/parent/disable-sub1.values.yaml"));
}

#[test]
fn values_reports_helms_errors() {
    let (_, err, ok) = run(&["values", "charts/schema", "--set", "replicas=abc"]);
    assert!(!ok);
    assert_eq!(err, golden("values/schema/type.stderr"));
    let (_, err, ok) = run(&["values", "nonexist"]);
    assert!(!ok);
    assert_eq!(
        err,
        "Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nonexist\n"
    );
    let (_, err, _) = run(&["values", "./nonexist"]);
    assert_eq!(err, "Error: path \"./nonexist\" not found\n");
}

/// What helm logs before a failure is printed before the error, as `template` does
/// (helm4's `install --dry-run --debug` prints the same lines; its error adds
/// `INSTALLATION FAILED: `).
#[test]
fn values_prints_the_lines_logged_before_a_failure() {
    let (out, err, ok) = run(&["values", "charts/logged", "--set", "sub=5"]);
    assert!(!ok);
    assert_eq!(out, "");
    assert_eq!(err, golden("render-cli/logged/deps.err"));
    let mismatch = [
        "charts/logged-mismatch",
        "--set",
        "global=x",
        "--set",
        "second=5",
    ];
    let (_, err, ok) = run(&[&["values"], &mismatch[..]].concat());
    assert!(!ok);
    assert_eq!(err, golden("render-cli/logged/mismatch.err"));
}

/// `helm show` loads with the chart-v2 loader, which logs Helm 2's dependency files.
#[test]
fn show_logs_what_the_loader_logs() {
    let (out, err, ok) = run(&["show", "chart", "lint/dep-v2-requirements"]);
    assert!(ok);
    assert_eq!(out, golden("render-cli/requirements-v2/show-chart.out"));
    assert_eq!(err, golden("render-cli/requirements-v2/show-chart.err"));
}

#[test]
fn show_matches_helm() {
    for chart in ["parent", "v1chart"] {
        for format in ["chart", "values", "readme", "crds", "all"] {
            let (out, _, ok) = run(&["show", format, &format!("charts/{chart}")]);
            assert!(ok, "{chart} {format}");
            assert_eq!(
                out,
                golden(&format!("show/{chart}.{format}.txt")),
                "{chart} {format}"
            );
        }
    }
}
