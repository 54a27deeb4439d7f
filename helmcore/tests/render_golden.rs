//! `helm template` of the fixture chart `tests/charts/render` against helm's output
//! (tests/golden/render: `NAME.out` is helm's standard output, `NAME.err` its standard
//! error, for the arguments in `cases.txt`; helm4 unless the case says `--compat v3`,
//! then helm3). The chart exercises subcharts (an alias, a library chart, a subchart
//! named `off`, which YAML 1.1 reads as `false`), defines overriding each other, values
//! changed by `set`, every built-in object, `.Files`, hooks, tests, CRDs, multi-document
//! files, empty output, notes and `kubeVersion`.

use std::path::{Path, PathBuf};

use helmcore::render::{
    name_and_chart, Compat, KubeVersion, NameOptions, PrintOptions, RenderOptions, Renderer,
};
use helmcore::values::Options;

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Splits a case's arguments as a POSIX shell would (single and double quotes).
fn shell_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, ' ') => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Runs `helm template ARGS` through the library as the CLI does: stdout, or the error
/// text helm prints after `Error: `.
fn template(args: &[String]) -> Result<String, String> {
    let mut positional = Vec::new();
    let mut opts = RenderOptions::default();
    let mut print = PrintOptions::default();
    let mut values = Options::default();
    let mut names = NameOptions {
        preset_name: "release-name".into(),
        ..NameOptions::default()
    };
    let mut kube = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().expect("flag value");
        match a.as_str() {
            "--namespace" | "-n" => opts.namespace = value(),
            "--include-crds" => opts.include_crds = true,
            "--is-upgrade" => opts.is_upgrade = true,
            "--api-versions" | "-a" => opts.api_versions.push(value()),
            "--kube-version" => kube = Some(value()),
            "--no-hooks" => print.no_hooks = true,
            "--skip-tests" => print.skip_tests = true,
            "--set" => values.values.push(value()),
            "-s" | "--show-only" => print.show_only.push(value()),
            "--name-template" => names.name_template = value(),
            "--compat" => opts.compat = value().parse().expect("compat"),
            flag if flag.starts_with('-') => panic!("unknown flag {flag}"),
            _ => positional.push(a.clone()),
        }
    }
    if let Some(k) = kube {
        opts.kube_version = Some(
            KubeVersion::parse(&k, opts.compat)
                .map_err(|e| format!("invalid kube version '{k}': {e}"))?,
        );
    }
    let (name, chart_ref) = name_and_chart(&positional, &names, 0).map_err(|e| e.to_string())?;
    opts.release_name = name;
    let user = values.merge_values().map_err(|e| e.to_string())?;
    let chart = helmcore::chart::load(tests_dir().join("charts").join(chart_ref))
        .map_err(|e| e.to_string())?;
    let release = Renderer::new(chart).render(&user, &opts).map_err(|e| {
        if e.has_release() {
            format!("{e}\n\nUse --debug flag to render out invalid YAML")
        } else {
            e.to_string()
        }
    })?;
    release.template_output(&print).map_err(|e| e.to_string())
}

#[test]
fn template_output_matches_helm() {
    let dir = tests_dir().join("golden").join("render");
    let cases = std::fs::read_to_string(dir.join("cases.txt")).expect("cases.txt");
    let mut failures = Vec::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let (name, args) = line.split_once(" :: ").expect("NAME :: ARGS");
        let want_out = std::fs::read_to_string(dir.join(format!("{name}.out"))).expect("out");
        let want_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).expect("err");
        let got = template(&shell_words(args));
        match (got, want_err.find("Error: ")) {
            (Ok(out), None) if out == want_out => {}
            (Err(e), Some(i)) if want_err[i + "Error: ".len()..].trim_end() == e => {}
            (got, _) => failures.push(format!(
                "{name}: got {got:?}\nwant stdout {want_out:?}\nwant stderr {want_err:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn log_lines_follow_the_emulated_helm() {
    let chart = helmcore::chart::load(tests_dir().join("charts/render")).unwrap();
    let r = Renderer::new(chart);
    let user = helmcore::value::Map::new();
    let v4 = r.render(&user, &RenderOptions::default()).unwrap();
    assert_eq!(
        v4.log_lines(),
        [
            std::fs::read_to_string(tests_dir().join("golden/render/default.err"))
                .unwrap()
                .trim_end()
        ]
    );
    let opts = RenderOptions {
        compat: Compat::V3,
        ..RenderOptions::default()
    };
    let v3 = r.render(&user, &opts).unwrap();
    assert_eq!(
        v3.log_lines(),
        [
            std::fs::read_to_string(tests_dir().join("golden/render/v3-default.err"))
                .unwrap()
                .trim_end()
        ]
    );
}

#[test]
fn notes_and_structure() {
    let chart = helmcore::chart::load(tests_dir().join("charts/render")).unwrap();
    let opts = RenderOptions {
        release_name: "rel".into(),
        subchart_notes: true,
        ..RenderOptions::default()
    };
    let rel = Renderer::new(chart)
        .render(&helmcore::value::Map::new(), &opts)
        .unwrap();
    // Notes: the top chart's, then (with subchart notes) the subcharts', by path.
    assert_eq!(
        rel.notes,
        "web notes for rel\n\nThanks for installing shop as rel.\n"
    );
    let kinds: Vec<&str> = rel.manifests.iter().map(|m| m.head.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "Secret",
            "ConfigMap",
            "ConfigMap",
            "Service",
            "Service",
            "Deployment",
            "",
            "Widget"
        ]
    );
    let svc = rel
        .manifests
        .iter()
        .find(|m| m.head.name == "rel-svc")
        .unwrap();
    assert_eq!(
        (svc.path.as_str(), svc.head.namespace.as_str()),
        ("shop/templates/multi.yaml", "default")
    );
    let hooks: Vec<(&str, i64, usize)> = rel
        .hooks
        .iter()
        .map(|h| (h.name.as_str(), h.weight, h.events.len()))
        .collect();
    assert_eq!(
        hooks,
        [
            ("rel-post", 3, 1),
            ("rel-test", 0, 1),
            ("rel-migrate", -5, 2)
        ]
    );
    assert_eq!(
        rel.hooks[2].delete_policies,
        ["before-hook-creation", "hook-succeeded"]
    );
    assert_eq!(rel.crds.len(), 1);
}

#[test]
fn renders_from_many_threads_at_once() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Renderer>();
    assert_send_sync::<helmcore::render::Release>();
    let chart = helmcore::chart::load(tests_dir().join("charts/render")).unwrap();
    let r = std::sync::Arc::new(Renderer::new(chart));
    let want = std::fs::read_to_string(tests_dir().join("golden/render/default.out")).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let r = r.clone();
            std::thread::spawn(move || {
                let opts = RenderOptions {
                    release_name: "rel".into(),
                    namespace: "demo".into(),
                    ..RenderOptions::default()
                };
                let rel = r.render(&helmcore::value::Map::new(), &opts).unwrap();
                rel.template_output(&PrintOptions::default()).unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), want);
    }
}
