//! `helm lint` conformance on the small charts under `tests/lint`: every chart plain and
//! with `--strict`, plus the flag combinations of `tests/golden/lint/cases.json`. The
//! expectations are what helm v4.1.4 printed (`tests/golden/lint`) and, for
//! `Compat::V3`, helm v3.17.1 (`tests/golden/lint-v3`), made by
//! `tools/gen-lint-golden.py`: stdout then stderr, and the exit code.

use std::path::{Path, PathBuf};

use helmcore::lint::{format_output, lint_all, LintOptions};
use helmcore::render::{Compat, KubeVersion};

struct Case {
    name: String,
    args: Vec<String>,
}

fn cases(root: &Path) -> Vec<Case> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("lint"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        out.push(Case {
            name: n.clone(),
            args: vec![n.clone()],
        });
        out.push(Case {
            name: format!("{n}.strict"),
            args: vec![n, "--strict".into()],
        });
    }
    let extra: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("golden/lint/cases.json")).unwrap(),
    )
    .unwrap();
    for c in extra.as_array().unwrap() {
        out.push(Case {
            name: c["case"].as_str().unwrap().to_string(),
            args: c["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect(),
        });
    }
    out
}

/// What `helmcore lint ARGS` prints (stdout + stderr) and its exit code.
fn run(args: &[String], compat: Compat) -> (String, i32) {
    let mut opts = LintOptions {
        compat,
        ..LintOptions::default()
    };
    let mut paths = Vec::new();
    let mut values = helmcore::values::Options::default();
    let (mut quiet, mut subcharts) = (false, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut next = || it.next().cloned().unwrap();
        match a.as_str() {
            "--strict" => opts.strict = true,
            "--quiet" => quiet = true,
            "--with-subcharts" => subcharts = true,
            "--skip-schema-validation" => opts.skip_schema_validation = true,
            "--kube-version" => {
                opts.kube_version = Some(KubeVersion::parse(&next(), compat).unwrap())
            }
            "--namespace" => opts.namespace = next(),
            "--set" => values.values.push(next()),
            "--set-string" => values.string_values.push(next()),
            "-f" => values.value_files.push(next()),
            p => paths.push(p.to_string()),
        }
    }
    opts.values = values.merge_values_for(compat).unwrap();
    let out = format_output(&lint_all(&paths, subcharts, &opts), quiet);
    (out.stdout + &out.stderr, out.exit_code)
}

// One test: linting resolves paths against the working directory, which is set once.
#[test]
fn lint_matches_helm() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let dir = root.join("lint");
    std::env::set_current_dir(&dir).unwrap();
    let dir_text = dir.to_string_lossy().into_owned();
    let mut failures = Vec::new();
    let all = cases(&root);
    let mut checked = 0;
    for (goldens, compat) in [("golden/lint", Compat::V4), ("golden/lint-v3", Compat::V3)] {
        let golden = root.join(goldens);
        for c in &all {
            // helm3 panics on this input; there is nothing to match.
            if golden.join(format!("{}.crash", c.name)).exists() {
                continue;
            }
            let want = std::fs::read_to_string(golden.join(format!("{}.txt", c.name)))
                .unwrap()
                .replace("$DIR", &dir_text);
            let want_exit: i32 = std::fs::read_to_string(golden.join(format!("{}.exit", c.name)))
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            let (got, exit) = run(&c.args, compat);
            checked += 1;
            if got != want || exit != want_exit {
                failures.push(format!(
                    "{goldens}/{} (exit {exit}, want {want_exit}):\n--- got\n{got}--- want\n{want}",
                    c.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases differ from helm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
