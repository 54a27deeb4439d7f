//! `helmcore template`'s command-line behaviour against helm4's (goldens in
//! helmcore/tests/golden/render-cli): `--debug` after a failed render, `--output-dir`,
//! log lines, `-f` files.
//! The rendering itself is checked by helmcore's tests/render_golden.rs.

mod common;

use common::{run_in, tests_dir};

fn run(args: &[&str]) -> (String, String, bool) {
    run_in(&tests_dir(), &[&["template"], args].concat())
}

fn golden(name: &str) -> String {
    common::golden(&format!("render-cli/{name}"))
}

#[test]
fn debug_prints_the_rendered_files_and_hooks_found() {
    let (out, err, ok) = run(&["rel", "charts/render-debug", "--set", "bad=true", "--debug"]);
    assert!(!ok);
    assert_eq!(out, golden("debug-yaml.out"));
    assert_eq!(err, golden("debug-yaml.err"));
    let (out, err, ok) = run(&[
        "rel",
        "charts/render-debug",
        "--set",
        "boom=true",
        "--debug",
    ]);
    assert!(!ok);
    assert_eq!(out, golden("debug-exec.out"));
    assert_eq!(err, golden("debug-exec.err"));
    // Without --debug: nothing on stdout, and a hint.
    let (out, err, _) = run(&["rel", "charts/render-debug", "--set", "bad=true"]);
    assert_eq!(out, "");
    assert!(
        err.ends_with("\n\nUse --debug flag to render out invalid YAML\n"),
        "{err}"
    );
}

#[test]
fn output_dir_writes_files_as_helm() {
    let dir = std::env::temp_dir().join(format!("helmcore-outdir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let (out, _, ok) = run(&[
        "rel",
        "charts/render",
        "--include-crds",
        "--output-dir",
        d,
        "--release-name",
    ]);
    assert!(ok);
    assert_eq!(out, golden("output-dir.out").replace("OUTDIR", d));
    let mut files = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut listing = String::new();
    for f in files {
        let rel = f.strip_prefix(&dir).unwrap().display().to_string();
        listing.push_str(&format!(
            "== ./{rel}\n{}",
            std::fs::read_to_string(&f).unwrap()
        ));
    }
    assert_eq!(listing, golden("output-dir.files"));
    let _ = std::fs::remove_dir_all(&dir);
}

// helm3 (v3.17.1) renders a chart named `..` and, with --output-dir, writes beside the
// folder (`DIR/../templates/a.yaml`); helmcore renders it and refuses that write.
#[test]
fn a_chart_named_dot_dot_as_each_helm_takes_it() {
    let (out, err, ok) = run(&["rel", "charts/dotdot-name"]);
    assert!(!ok);
    assert_eq!(
        err,
        "Error: validation: chart.metadata.name \"..\" is not allowed\n"
    );
    assert_eq!(out, "");
    let (out, _, ok) = run(&["rel", "charts/dotdot-name", "--compat", "v3"]);
    assert!(ok);
    assert_eq!(
        out,
        "---\n# Source: ../templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ..-x\n  t: ../templates/a.yaml\n"
    );
    let base = std::env::temp_dir().join(format!("helmcore-dotdot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let d = dir.to_str().unwrap();
    let (out, err, ok) = run(&[
        "rel",
        "charts/dotdot-name",
        "--compat",
        "v3",
        "--output-dir",
        d,
    ]);
    assert!(!ok);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!("Error: refusing to write {d}/../templates/a.yaml: the path leaves the output directory\n")
    );
    assert!(!base.join("templates").exists());
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn post_renderer_is_an_executable_as_in_helm3() {
    let args = [
        "rel",
        "charts/render",
        "--post-renderer",
        "sed",
        "--post-renderer-args",
        "s/ConfigMap/CM/",
        "--compat",
        "v3",
    ];
    let (out, _, ok) = run(&args);
    assert!(ok);
    assert_eq!(out, golden("post-render-v3.out"));
    let (_, err, ok) = run(&["rel", "charts/render", "--post-renderer", "nosuchprog"]);
    assert!(!ok);
    assert_eq!(err, golden("post-render-missing.err"));
    let (_, err, ok) = run(&[
        "rel",
        "charts/render",
        "--post-renderer",
        "/bin/false",
        "--compat",
        "v3",
    ]);
    assert!(!ok);
    assert!(err.ends_with(&golden("post-render-fails.err")), "{err}");
}

/// `--enable-dns` lets `getHostByName` ask the system resolver (helm4 printed these for
/// charts/dns; `localhost` resolves on any machine, `.invalid` names never do).
#[test]
fn enable_dns_resolves_host_names() {
    let (out, _, ok) = run(&["rel", "charts/dns"]);
    assert!(ok);
    assert_eq!(out, "---\n# Source: dns/templates/host.yaml\nhost: \"\"\n");
    let (out, _, ok) = run(&["rel", "charts/dns", "--enable-dns"]);
    assert!(ok);
    assert!(
        out == "---\n# Source: dns/templates/host.yaml\nhost: \"127.0.0.1\"\n"
            || out == "---\n# Source: dns/templates/host.yaml\nhost: \"::1\"\n",
        "{out}"
    );
    let (_, err, ok) = run(&[
        "rel",
        "charts/dns",
        "--enable-dns",
        "--set",
        "host=nowhere.invalid",
    ]);
    assert!(!ok);
    assert_eq!(err, "Error: template: dns/templates/host.yaml:1:9: executing \"dns/templates/host.yaml\" at <getHostByName .Values.host>: error calling getHostByName: invalid argument to Intn\n\nUse --debug flag to render out invalid YAML\n");
}

/// What helm logs on standard error, on success and before each kind of failure, in
/// helm4's slog lines and (`--compat v3`) helm3's `log` lines: a deprecated chart, tags
/// and conditions that are not bools, missing import tables, coalescing conflicts,
/// helm4's `level=ERROR` lines. Goldens: helm4 / helm3 (`v3-` names) on
/// charts/logged.
#[test]
fn log_lines_before_and_after_failures() {
    let mismatch = [
        "r",
        "charts/logged-mismatch",
        "--set",
        "global=x",
        "--set",
        "second=5",
    ];
    let cases: [(&str, &[&str]); 6] = [
        ("ok", &["r", "charts/logged"]),
        ("coalesce", &["r", "charts/logged", "--set", "sub.x.y=1"]),
        ("fail", &["r", "charts/logged", "--set", "boom=true"]),
        ("name", &["BAD_", "charts/logged"]),
        ("deps", &["r", "charts/logged", "--set", "sub=5"]),
        // a coalescing warning logged before the failure is printed before it
        ("mismatch", &mismatch),
    ];
    let mut failures = Vec::new();
    for (name, args) in cases {
        for (prefix, compat) in [("", "v4"), ("v3-", "v3")] {
            let case = format!("{prefix}{name}");
            let args = [args, &["--compat", compat]].concat();
            check_golden(&case, &args, &format!("logged/{case}"), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `-f` files holding several documents: helm4 merges them all and reports a bad one
/// under `cannot unmarshal yaml document: `; helm3 reads the first only (a later one is
/// not even parsed) and reports its error bare. Goldens: helm4 / helm3 (`v3-`) on
/// charts/values-docs with fixtures/values-docs.
#[test]
fn values_files_with_several_documents() {
    check_both_helms(
        "values-docs",
        &["two", "bad-second", "bad-first", "list-second"],
        |file| {
            let path = format!("fixtures/values-docs/{file}.yaml");
            vec!["r".into(), "charts/values-docs".into(), "-f".into(), path]
        },
    );
}

/// A chart's own values.yaml (and its subcharts', folder and archive) holding several
/// documents: helm4 merges them all, helm3 reads the first only, with the same error
/// wording as for `-f` files. Goldens: helm4 / helm3 on charts/chart-values-docs.
#[test]
fn chart_values_with_several_documents() {
    let charts = ["two", "bad-second", "bad-first", "list-second"];
    check_both_helms("chart-values-docs", &charts, |chart| {
        vec!["r".into(), format!("charts/chart-values-docs/{chart}")]
    });
}

/// Chart.yaml and lock files under each compat mode: helm3's loader takes any
/// `apiVersion` and names its types `chart.X` in decoding errors, helm4's refuses other
/// versions and says `v2.X` (or `loader.chartBase`); an apiVersion v3 chart goes
/// through helm4's chart-v3 loader (its errors first, `requirements.yaml` a plain file)
/// before rendering refuses it. Goldens: helm4 / helm3 on
/// charts/chart-yaml-compat.
#[test]
fn chart_yaml_as_each_helm_loads_it() {
    let charts = [
        "v3api",
        "v3api-baddecode",
        "v3api-requirements",
        "v3api-badlock",
        "one",
        "badmeta",
        "baddeps",
        "lock2",
        "v1req",
        "maint2",
    ];
    check_both_helms("chart-yaml-compat", &charts, |chart| {
        vec!["r".into(), format!("charts/chart-yaml-compat/{chart}")]
    });
}

/// A chart listed twice (`alias`) whose own Chart.yaml has dependencies: helm3's copies
/// share those entries, so only the first copy imports its `import-values` and the
/// second keeps an aliased subchart under its own name (with a third copy, that
/// subchart renders once, under the last); helm3 also reports a table
/// imported over a null. Goldens: helm4 / helm3 on charts/alias-twice.
#[test]
fn charts_listed_twice_as_each_helm_processes_them() {
    let charts = ["imports", "nested-alias", "listed-thrice", "null-import"];
    check_both_helms("alias-twice", &charts, |chart| {
        vec!["r".into(), format!("charts/alias-twice/{chart}")]
    });
}

/// helm logs each document it skips for an unknown hook event as it sorts the files in
/// path order, so the ones before a document that is not YAML are logged before the
/// error. Goldens: helm4 / helm3 on charts/unknown-hook-then-error.
#[test]
fn unknown_hooks_logged_before_a_yaml_error() {
    check_both_helms("unknown-hook-then-error", &["default"], |_| {
        vec!["r".into(), "charts/unknown-hook-then-error".into()]
    });
}

/// A chart of apiVersion v2 (and its subchart) with Helm 2's requirements.yaml and
/// requirements.lock: the loader logs a warning for each file as it reads it, before
/// anything else. Goldens: helm4 / helm3 on lint/dep-v2-requirements.
#[test]
fn requirements_files_in_a_v2_chart_are_logged_at_load() {
    check_both_helms("requirements-v2", &["default"], |_| {
        vec!["r".into(), "lint/dep-v2-requirements".into()]
    });
}

/// Runs each case's arguments under `--compat v4` and `v3` against the goldens
/// `DIR/v4-CASE` and `DIR/v3-CASE`, and fails listing every mismatch.
fn check_both_helms(dir: &str, cases: &[&str], args: impl Fn(&str) -> Vec<String>) {
    let mut failures = Vec::new();
    for case in cases {
        for compat in ["v4", "v3"] {
            let mut a = args(case);
            a.extend(["--compat".to_string(), compat.to_string()]);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let stem = format!("{dir}/{compat}-{case}");
            check_golden(&format!("{compat} {case}"), &a, &stem, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Runs the command and records a failure unless its stdout and stderr are the goldens
/// `STEM.out` and `STEM.err`.
fn check_golden(label: &str, args: &[&str], stem: &str, failures: &mut Vec<String>) {
    let (out, err, _) = run(args);
    let want_out = golden(&format!("{stem}.out"));
    let want_err = golden(&format!("{stem}.err"));
    if out != want_out || err != want_err {
        failures.push(format!(
            "{label}: stdout {out:?}\nwant {want_out:?}\nstderr {err:?}\nwant {want_err:?}"
        ));
    }
}

/// `--dry-run` and the deprecated flags, read as each helm reads them (stderr from helm
/// v4.1.4 and v3.17.1): helm4 warns about a bare or boolean `--dry-run` and notes each
/// use of a deprecated flag once the command line has parsed; helm3 does neither, takes
/// `false`, `none` and `server` (rendering locally), and checks the value only after
/// the chart's own checks.
#[test]
fn dry_run_and_deprecated_flags_as_each_helm_reads_them() {
    const BARE: &str =
        "level=WARN msg=\"--dry-run is deprecated and should be replaced with '--dry-run=client'\"\n";
    const V3_INVALID: &str = "Error: Invalid dry-run flag. Flag must one of the following: false, true, none, client, server\n";
    let cases: &[(&[&str], &str, bool)] = &[
        (&["--dry-run"], BARE, true),
        (&["--dry-run", "--dry-run"], BARE, true),
        (
            &["--dry-run=T"],
            "level=WARN msg=\"boolean '--dry-run=T' flag is deprecated and must be replaced with '--dry-run=client'\"\n",
            true,
        ),
        (&["--dry-run=client"], "", true),
        (
            &["--dry-run=0"],
            "Error: invalid dry-run value (\"0\"). Must be \"server\" or \"client\"\n",
            false,
        ),
        (&["--atomic", "--force", "--atomic=false"], concat!(
            "Flag --atomic has been deprecated, use --rollback-on-failure instead\n",
            "Flag --force has been deprecated, use --force-replace instead\n",
            "Flag --atomic has been deprecated, use --rollback-on-failure instead\n",
        ), true),
        (
            &["--atomic", "-f", "/nonexistent.yaml", "--dry-run"],
            concat!(
                "Flag --atomic has been deprecated, use --rollback-on-failure instead\n",
                "level=WARN msg=\"--dry-run is deprecated and should be replaced with '--dry-run=client'\"\n",
                "Error: open /nonexistent.yaml: no such file or directory\n",
            ),
            false,
        ),
        // A command line that does not parse prints no notes.
        (&["--atomic", "-n"], "Error: flag needs an argument: 'n' in -n\n", false),
        (
            &["--validate", "--dry-run=foo"],
            "Flag --validate has been deprecated, use '--dry-run=server' instead\nError: if any flags in the group [validate dry-run] are set none of the others can be; [dry-run validate] were all set\n",
            false,
        ),
    ];
    for (flags, want, want_ok) in cases {
        let (_, err, ok) = run(&[&["rel", "charts/go-release"], *flags].concat());
        assert_eq!((err.as_str(), ok), (*want, *want_ok), "v4 {flags:?}");
    }
    let v3: &[(&[&str], &str, bool)] = &[
        (&["--dry-run", "--atomic", "--force"], "", true),
        (&["--dry-run=false"], "", true),
        (&["--dry-run=none"], "", true),
        (&["--dry-run="], "", true),
        (&["--dry-run=server"], "", true),
        (&["--dry-run=foo"], V3_INVALID, false),
        (&["--dry-run=foo", "--validate"], V3_INVALID, false),
    ];
    for (flags, want, want_ok) in v3 {
        let (out, err, ok) =
            run(&[&["rel", "charts/go-release", "--compat", "v3"], *flags].concat());
        assert_eq!((err.as_str(), ok), (*want, *want_ok), "v3 {flags:?}");
        if *want_ok {
            let (plain, _, _) = run(&["rel", "charts/go-release", "--compat", "v3"]);
            assert_eq!(out, plain, "v3 {flags:?}");
        }
    }
    // The chart's own errors come first under helm3.
    let (_, err, _) = run(&[
        "rel",
        "charts/missing-dep",
        "--compat",
        "v3",
        "--dry-run=foo",
    ]);
    assert!(
        err.starts_with("Error: An error occurred while checking for chart dependencies."),
        "{err}"
    );
}
