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

/// helm reads a chart argument that is not on disk as a URL, and prints it back as Go
/// writes URLs; a chart on disk is loaded from its absolute, cleaned path, which load
/// errors print (helm v4.1.4's messages).
#[test]
fn chart_arguments_are_located_as_helm_locates_them() {
    let non_abs = "Error: non-absolute URLs should be in form of repo_name/path_to_chart, got:";
    for (args, want) in [
        (&["template", "a b"][..], format!("{non_abs} a%20b\n")),
        (&["show", "chart", "é"], format!("{non_abs} %C3%A9\n")),
        (
            &["values", "a%zz"],
            "Error: invalid chart URL format: a%zz\n".into(),
        ),
        (&["template", "%41/b"], "Error: repo A not found\n".into()),
    ] {
        let (_, err, ok) = run(args);
        assert!(!ok);
        assert_eq!(err, want, "{args:?}");
    }
    let dir = tests_dir().join("fixtures");
    let abs = dir.canonicalize().unwrap();
    for args in [
        &["template", "../fixtures/./nulls.yaml"][..],
        &["show", "chart", "nulls.yaml"],
    ] {
        let (_, err, _) = run_in(&dir, args);
        let want = format!(
            "Error: file '{}/nulls.yaml' seems to be a YAML file, but expected a gzipped archive\n",
            abs.display()
        );
        assert_eq!(err, want, "{args:?}");
    }
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

/// `--compat v3`: helm3 loads with its one loader (values.yaml decoded at once, a
/// missing Chart.yaml found after the other files) and prints CRD files without `---`
/// lines of its own between them. Goldens: helm v4.1.4 / v3.17.1 on charts/show-crds.
#[test]
fn show_as_each_helm() {
    for compat in ["v4", "v3"] {
        for format in ["crds", "all"] {
            let (out, _, ok) = run(&["show", format, "charts/show-crds", "--compat", compat]);
            assert!(ok, "{compat} {format}");
            assert_eq!(
                out,
                golden(&format!("show/show-crds.{compat}.{format}.txt")),
                "{compat} {format}"
            );
        }
        // v1chart's CRDs come from two files and a subchart; parent's from none.
        for (chart, stem) in [("parent", "parent"), ("v1chart", "v1chart.v3")] {
            let stem = if compat == "v3" { stem } else { chart };
            for format in ["crds", "all"] {
                let (out, _, _) = run(&[
                    "show",
                    format,
                    &format!("charts/{chart}"),
                    "--compat",
                    compat,
                ]);
                assert_eq!(
                    out,
                    golden(&format!("show/{stem}.{format}.txt")),
                    "{compat} {chart} {format}"
                );
            }
        }
    }
    let no_chart_yaml = ["show", "chart", "charts/chart-yaml-compat/no-chart-yaml"];
    let (_, err, ok) = run(&[&no_chart_yaml[..], &["--compat", "v3"]].concat());
    assert!(!ok);
    assert_eq!(err, "Error: cannot load values.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content\n");
    let (_, err, _) = run(&no_chart_yaml);
    assert_eq!(err, "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content\n");
    let (_, err, _) = run(&[
        "template",
        "r",
        "charts/chart-yaml-compat/no-chart-yaml",
        "--compat",
        "v3",
    ]);
    assert_eq!(err, "Error: cannot load values.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content\n");
}
