//! The corpus's computed values (`golden/<id>/<case>.values.yaml`, what helm4 printed
//! under COMPUTED VALUES) against helmcore's. Skipped when the corpus is absent.
//!
//! The corpus is looked up at `$HELMCORE_CORPUS`, else `shared/corpus` beside the
//! repository (or beside its parent, for worktrees).

use std::path::PathBuf;

use helmcore::chart::load;
use helmcore::value::Value;
use helmcore::values::{computed_values, Options};

#[path = "common/corpus.rs"]
mod corpus_path;

fn corpus_dir() -> Option<PathBuf> {
    corpus_path::find(env!("CARGO_MANIFEST_DIR"))
}

/// Charts of the corpus that lack vendored dependencies: helm4 itself fails on them.
const KNOWN_BROKEN: &[&str] = &["pc-kube-prometheus-stack"];

/// Numbers compared as f64: the printout cannot tell int64 from float64.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x, _), Value::Float(y)) | (Value::Float(y), Value::Int(x, _)) => {
            *x as f64 == *y
        }
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            let (x, y) = (x.entries(), y.entries());
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

/// The first path where two values differ, for the failure message.
fn first_diff(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Map(x), Value::Map(y)) => {
            for k in x.keys().into_iter().chain(y.keys()) {
                match (x.get(&k), y.get(&k)) {
                    (Some(va), Some(vb)) if !same(&va, &vb) => {
                        return first_diff(&va, &vb, &format!("{path}.{k}"))
                    }
                    (Some(_), None) => return format!("{path}.{k}: only in helmcore"),
                    (None, Some(_)) => return format!("{path}.{k}: only in helm"),
                    _ => {}
                }
            }
            format!("{path}: ?")
        }
        _ => format!("{path}: helmcore {a:?} helm {b:?}"),
    }
}

#[test]
fn corpus_computed_values() {
    let Some(corpus) = corpus_dir() else {
        eprintln!("corpus not found; skipping");
        return;
    };
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("corpus.json")).unwrap())
            .unwrap();
    let (mut passed, mut failed, mut known) = (0, Vec::new(), 0);
    for chart in index["charts"].as_array().unwrap() {
        let id = chart["id"].as_str().unwrap();
        for case in chart["cases"].as_array().unwrap() {
            if case["computed_values"].as_bool() != Some(true) {
                continue;
            }
            let name = case["name"].as_str().unwrap();
            let strings = |k: &str| -> Vec<String> {
                case[k]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            };
            let opts = Options {
                value_files: strings("values")
                    .iter()
                    .map(|f| corpus.join(f).display().to_string())
                    .collect(),
                values: strings("set"),
                ..Default::default()
            };
            let want_text = std::fs::read_to_string(
                corpus
                    .join("golden")
                    .join(id)
                    .join(format!("{name}.values.yaml")),
            )
            .unwrap();
            let want = Value::Map(
                helmcore::yaml::from_str_map(&want_text)
                    .unwrap()
                    .unwrap_or_default(),
            );
            let got = load(corpus.join(chart["chart"].as_str().unwrap()))
                .map_err(|e| e.to_string())
                .and_then(|c| {
                    let user = opts.merge_values().map_err(|e| e.to_string())?;
                    computed_values(&c, &user).map_err(|e| e.to_string())
                });
            // Byte for byte: the printout of the computed values.
            let ok = match &got {
                Ok(c) => c.to_yaml().ok().as_deref() == Some(want_text.as_str()),
                Err(_) => false,
            };
            if ok {
                passed += 1;
            } else if KNOWN_BROKEN.contains(&id) {
                known += 1;
            } else {
                let why = match got {
                    Ok(c) if same(&Value::Map(c.values.clone()), &want) => {
                        let text = c.to_yaml().unwrap_or_default();
                        let line = text
                            .lines()
                            .zip(want_text.lines())
                            .position(|(a, b)| a != b);
                        format!("same values, printout differs at line {line:?}")
                    }
                    Ok(c) => first_diff(&Value::Map(c.values), &want, ""),
                    Err(e) => format!("error: {e}"),
                };
                failed.push(format!("{id}/{name}: {why}"));
            }
        }
    }
    eprintln!(
        "corpus computed values: {passed} passed, {} failed, {known} known-broken",
        failed.len()
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
