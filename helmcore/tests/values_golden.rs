//! Computed values of the fixture charts against helm4's (tests/golden/values, made by
//! tools/gen-values-golden.py): the values, the warnings and the errors.

use std::path::{Path, PathBuf};

use helmcore::chart::load;
use helmcore::value::Value;
use helmcore::values::schema::validate_against_schema;
use helmcore::values::{computed_values, Options};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The values flags of a case, as helm's command line would collect them.
fn options(args: &[String]) -> Options {
    let mut o = Options::default();
    let dir = tests_dir();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let v = it.next().expect("flag value").clone();
        match flag.as_str() {
            "-f" | "--values" => o.value_files.push(dir.join(v).display().to_string()),
            "--set" => o.values.push(v),
            "--set-string" => o.string_values.push(v),
            "--set-json" => o.json_values.push(v),
            "--set-literal" => o.literal_values.push(v),
            "--set-file" => o.file_values.push(v),
            other => panic!("unknown flag {other}"),
        }
    }
    o
}

/// JSON for comparison; every number as f64, since JSON cannot tell int64 from float64.
fn to_json(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Nil => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(n, _) => serde_json::Number::from_f64(*n as f64).map_or(J::Null, J::Number),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.to_string()),
        Value::Bytes(b) => J::String(String::from_utf8_lossy(b).into_owned()),
        Value::List(l) => J::Array(l.iter().map(to_json).collect()),
        Value::Map(m) => J::Object(
            m.entries()
                .iter()
                .map(|(k, v)| (k.to_string(), to_json(v)))
                .collect(),
        ),
        Value::Object(_) => J::Null,
    }
}

fn normalize(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        J::Number(n) => {
            serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0)).map_or(J::Null, J::Number)
        }
        J::Array(a) => J::Array(a.into_iter().map(normalize).collect()),
        J::Object(o) => J::Object(o.into_iter().map(|(k, v)| (k, normalize(v))).collect()),
        other => other,
    }
}

#[test]
fn computed_values_match_helm4() {
    let golden = tests_dir().join("golden/values");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(golden.join("cases.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for c in &cases {
        let chart_name = c["chart"].as_str().unwrap();
        let case = c["case"].as_str().unwrap();
        let args: Vec<String> = c["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let chart = load(tests_dir().join("charts").join(chart_name)).unwrap();
        let user = options(&args).merge_values().unwrap();
        let stderr =
            std::fs::read_to_string(golden.join(chart_name).join(format!("{case}.stderr")))
                .unwrap();
        // The error is everything from `Error: ` on (schema errors span lines).
        let want_error = stderr.find("Error: ").map(|i| {
            let e = &stderr[i + "Error: ".len()..];
            e.strip_suffix('\n').unwrap_or(e).to_string()
        });
        // What `helm template` does: compute the values, then validate them (ToRenderValues).
        let result = computed_values(&chart, &user)
            .map_err(|e| e.to_string())
            .and_then(|c| {
                validate_against_schema(&c.chart, &c.values).map_err(|e| e.to_string())?;
                Ok(c)
            });
        match (result, want_error) {
            (Ok(got), None) => {
                let want: serde_json::Value = serde_json::from_str(
                    &std::fs::read_to_string(golden.join(chart_name).join(format!("{case}.json")))
                        .unwrap(),
                )
                .unwrap();
                if normalize(want.clone()) != to_json(&Value::Map(got.values.clone())) {
                    failures.push(format!(
                        "{chart_name}/{case}: values differ\nwant {}\n got {}",
                        want,
                        to_json(&Value::Map(got.values.clone()))
                    ));
                }
                // The COMPUTED VALUES printout, byte for byte.
                let printed = golden.join(chart_name).join(format!("{case}.values.yaml"));
                if let Ok(want_yaml) = std::fs::read_to_string(&printed) {
                    if got.to_yaml().ok().as_deref() != Some(want_yaml.as_str()) {
                        failures.push(format!(
                            "{chart_name}/{case}: printout differs\nwant {want_yaml}\n got {:?}",
                            got.to_yaml()
                        ));
                    }
                }
                // Helm walks Go maps, whose order is random from run to run: compare the
                // warnings as a multiset.
                let mut want_warnings: Vec<&str> = stderr.lines().collect();
                let mut got_warnings: Vec<String> =
                    got.warnings.iter().map(|w| w.to_string()).collect();
                want_warnings.sort();
                got_warnings.sort();
                if want_warnings != got_warnings {
                    failures.push(format!("{chart_name}/{case}: warnings differ\nwant {want_warnings:#?}\n got {got_warnings:#?}"));
                }
            }
            (Err(e), Some(want)) => {
                if e != want {
                    failures.push(format!(
                        "{chart_name}/{case}: error differs\nwant {want}\n got {e}"
                    ));
                }
            }
            (Ok(_), Some(want)) => {
                failures.push(format!("{chart_name}/{case}: expected error {want}"))
            }
            (Err(e), None) => failures.push(format!("{chart_name}/{case}: unexpected error {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
