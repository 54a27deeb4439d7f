//! Lint must never panic, whatever the chart holds: garbled Chart.yaml, values,
//! templates, CRDs and subcharts, generated from a fixed seed.

use std::path::{Path, PathBuf};

use helmcore::lint::{format_output, lint, LintOptions};
use helmcore::render::Compat;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const PIECES: &[&str] = &[
    "apiVersion: v2\n",
    "name: x\n",
    "version: 1.0.0\n",
    "version: 1.0\n",
    "type: library\n",
    "dependencies:\n- name: sub\n  version: 1.0.0\n",
    "- a\n",
    "a: [\n",
    "---\n",
    "--- x\n",
    "&a b: *a\n",
    "<<: *a\n",
    "{{",
    "}}",
    "{{ .Values.x.y }}",
    "{{ required \"r\" .Values.q }}",
    "{{ fail \"f\" }}",
    "{{ include \"x\" . }}",
    "{{ define \"x\" }}{{ include \"x\" . }}{{ end }}",
    "kind: Deployment\n",
    "kind: List\nitems:\n- metadata: {annotations: {a: 1}}\n",
    "metadata:\n  name: Bad_Name\n",
    "metadata: 3\n",
    "  indented: 1\n",
    "\t",
    "\u{feff}",
    "\u{0}",
    "é",
    ".nan",
    "!!binary Zm9v\n",
    "? [a]\n: b\n",
    "maintainers:\n- ~\n",
    "sources: [\"::\"]\n",
    "icon: \"http://[::1\"\n",
    "{\"a\": 1}\n",
    "\"\\xff\"\n",
];

fn garble(rng: &mut StdRng) -> String {
    let n = rng.gen_range(0..8);
    (0..n)
        .map(|_| PIECES[rng.gen_range(0..PIECES.len())])
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn garbled_charts_never_panic() {
    let mut rng = StdRng::seed_from_u64(0x11e7);
    let base: PathBuf =
        std::env::temp_dir().join(format!("helmcore-lint-robust-{}", std::process::id()));
    for i in 0..300 {
        let dir = base.join(format!("c{i}"));
        write(
            &dir,
            "Chart.yaml",
            &format!(
                "apiVersion: v2\nname: c\nversion: 1.0.0\n{}",
                garble(&mut rng)
            ),
        );
        if rng.gen_bool(0.3) {
            write(&dir, "Chart.yaml", &garble(&mut rng));
        }
        write(&dir, "values.yaml", &garble(&mut rng));
        write(&dir, "templates/a.yaml", &garble(&mut rng));
        write(&dir, "templates/_h.tpl", &garble(&mut rng));
        if rng.gen_bool(0.3) {
            write(&dir, "crds/c.yaml", &garble(&mut rng));
        }
        if rng.gen_bool(0.3) {
            write(
                &dir,
                "values.schema.json",
                if rng.gen_bool(0.5) {
                    "{\"type\": \"object\", \"required\": [\"z\"]}"
                } else {
                    "{"
                },
            );
        }
        if rng.gen_bool(0.3) {
            write(
                &dir,
                "charts/sub/Chart.yaml",
                &format!(
                    "apiVersion: v2\nname: sub\nversion: 1.0.0\n{}",
                    garble(&mut rng)
                ),
            );
            write(&dir, "charts/sub/templates/b.yaml", &garble(&mut rng));
        }
        for (strict, compat) in [(false, Compat::V4), (true, Compat::V4), (true, Compat::V3)] {
            let opts = LintOptions {
                strict,
                compat,
                ..LintOptions::default()
            };
            let result = lint(&dir.to_string_lossy(), &opts);
            let out = format_output(&[result], false);
            assert!(out.stdout.starts_with("==> Linting "));
        }
    }
    let _ = std::fs::remove_dir_all(&base);
}
