//! Every computed-values golden of the conformance corpus is go-yaml v2's own output, so
//! reading it and writing it again must give the same bytes.
//!
//! The corpus lives in `shared/corpus` beside the repository (or where
//! `HELMCORE_CORPUS` points); without it the test prints a note and passes.

use std::path::PathBuf;

#[path = "common/corpus.rs"]
mod corpus_path;

fn corpus() -> Option<PathBuf> {
    corpus_path::find(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn computed_values_goldens_round_trip() {
    let Some(dir) = corpus() else {
        eprintln!(
            "note: no shared/corpus beside the repository; skipping the YAML round-trip test"
        );
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("golden"))
        .expect("corpus golden dir")
        .flatten()
        .flat_map(|chart| {
            std::fs::read_dir(chart.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|f| f.path())
        .filter(|p| p.to_string_lossy().ends_with(".values.yaml"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no .values.yaml goldens in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read golden");
        let value = match helmcore::yaml::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: decode: {e}", f.display()));
                continue;
            }
        };
        let again = helmcore::yaml::to_string(&value).expect("encode");
        if again != text {
            let line = again
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            failures.push(format!(
                "{}: line {}:\n  want {:?}\n  got  {:?}",
                f.display(),
                line + 1,
                text.lines().nth(line).unwrap_or(""),
                again.lines().nth(line).unwrap_or("")
            ));
        }
    }
    println!(
        "{} passed, {} failed",
        files.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
