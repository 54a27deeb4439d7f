//! Values: reading values files, the `--set` family, coalescing with chart defaults,
//! schema validation and the computed values Helm prints (Helm's `pkg/cli/values`,
//! `pkg/strvals`, chartutil's coalesce and jsonschema).
//!
//! ```no_run
//! use helmcore::values::{computed_values, Options};
//! let chart = helmcore::chart::load("mychart").unwrap();
//! let opts = Options { values: vec!["replicaCount=3".into()], ..Default::default() };
//! let user = opts.merge_values().unwrap();
//! let computed = computed_values(&chart, &user).unwrap();
//! println!("{:?}", computed.values);
//! ```

pub mod coalesce;
mod computed;
pub mod go_type;
pub mod path;
pub mod schema;
mod schema_order;
mod schema_ref_walk;
pub(crate) mod schema_refs;
mod schema_v3;
mod schema_v3_read;
pub mod strvals;
mod url_file;
mod warning;

use std::path::Path;

use crate::chart::merge_maps;
use crate::render::Compat;
use crate::value::{Map, Value};
use strvals::Flag;

pub use computed::{computed_values, computed_values_logged, ComputeFailure, Computed};
pub use url_file::Getter;
pub use warning::{Helm3Line, Warning};

/// The values flags of `helm install/template/upgrade`, applied in Helm's order: `-f`
/// files, then `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`
/// (each kind in the order given).
///
/// A file name (of `-f` or `--set-file`) is read as helm reads it: `-` is standard
/// input, a name Go's `url.Parse` refuses is an error, an `http`, `https` or `oci` URL
/// goes to [`getter`](Self::getter), anything else is a local path.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-f/--values`; `-` reads standard input.
    pub value_files: Vec<String>,
    /// `--set-string`.
    pub string_values: Vec<String>,
    /// `--set`.
    pub values: Vec<String>,
    /// `--set-file`.
    pub file_values: Vec<String>,
    /// `--set-json`.
    pub json_values: Vec<String>,
    /// `--set-literal`.
    pub literal_values: Vec<String>,
    /// Fetches the files named by URL; without one such a name fails. The library
    /// itself reaches no network.
    pub getter: Option<std::sync::Arc<dyn Getter>>,
}

/// Why the user's values could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ValuesError {
    /// A file could not be read (Go's `open FILE: no such file or directory`).
    #[error("{0}")]
    Read(String),
    #[error("failed to parse {file}: {source}")]
    Parse {
        file: String,
        source: crate::yaml::ValuesError,
    },
    /// helm3's read of a `-f` file: the decoder's error without helm4's document layer.
    #[error("failed to parse {file}: {source}")]
    ParseFirst {
        file: String,
        source: crate::yaml::YamlError,
    },
    #[error("failed parsing --set-json data JSON: {0}")]
    SetJsonObject(String),
    #[error("failed parsing --set-json data {0}")]
    SetJson(String),
    #[error("failed parsing --set data: {0}")]
    Set(strvals::StrvalsError),
    #[error("failed parsing --set-string data: {0}")]
    SetString(strvals::StrvalsError),
    #[error("failed parsing --set-file data: {0}")]
    SetFile(strvals::StrvalsError),
    #[error("failed parsing --set-literal data: {0}")]
    SetLiteral(strvals::StrvalsError),
}

impl Options {
    /// Helm's `Options.MergeValues`: the user-supplied values.
    pub fn merge_values(&self) -> Result<Map, ValuesError> {
        self.merge_values_for(Compat::V4)
    }

    /// [`merge_values`](Self::merge_values) as `compat`'s Helm reads `-f` files: helm3
    /// decodes only a file's first document (a later one is not even parsed), and its
    /// error lacks helm4's `cannot unmarshal yaml document: `; and a `--set` index left
    /// open fails under helm3 (see [`strvals::parse_flag`]).
    pub fn merge_values_for(&self, compat: Compat) -> Result<Map, ValuesError> {
        let mut base = Map::new();
        for file in &self.value_files {
            let raw = url_file::read(file, self.getter.as_deref())?;
            let current = match compat {
                Compat::V4 => {
                    crate::yaml::load_values_slice(&raw).map_err(|source| ValuesError::Parse {
                        file: file.clone(),
                        source,
                    })?
                }
                Compat::V3 => crate::yaml::load_values_first_slice(&raw).map_err(|source| {
                    ValuesError::ParseFirst {
                        file: file.clone(),
                        source,
                    }
                })?,
            };
            base = merge_maps(&base, &current);
        }
        for value in &self.json_values {
            let trimmed = value.trim();
            if trimmed.starts_with('{') {
                match crate::json::from_str(trimmed) {
                    Ok(Value::Map(m)) => base = merge_maps(&base, &m),
                    _ => return Err(ValuesError::SetJsonObject(value.clone())),
                }
            } else {
                strvals::parse_flag(Flag::Json, value, &base, compat)
                    .map_err(|_| ValuesError::SetJson(value.clone()))?;
            }
        }
        for value in &self.values {
            strvals::parse_flag(Flag::Set, value, &base, compat).map_err(ValuesError::Set)?;
        }
        for value in &self.string_values {
            strvals::parse_flag(Flag::String, value, &base, compat)
                .map_err(ValuesError::SetString)?;
        }
        for value in &self.file_values {
            let mut read = |path: &str| -> Result<Value, String> {
                // The file's bytes, as Go's string(bytes): not necessarily UTF-8.
                url_file::read(path, self.getter.as_deref())
                    .map(Value::from_go_bytes)
                    .map_err(|e| e.to_string())
            };
            strvals::parse_flag(Flag::File(&mut read), value, &base, compat)
                .map_err(ValuesError::SetFile)?;
        }
        for value in &self.literal_values {
            strvals::parse_flag(Flag::Literal, value, &base, compat)
                .map_err(ValuesError::SetLiteral)?;
        }
        Ok(base)
    }
}

/// Reads one values file (Helm's `LoadValues` of a `-f` file): `-` is standard input;
/// a name that is an `http(s)` or `oci` URL fails, as no [`Getter`] is given.
pub fn read_values_file(path: impl AsRef<Path>) -> Result<Map, ValuesError> {
    let p = path.as_ref().display().to_string();
    let raw = url_file::read(&p, None)?;
    crate::yaml::load_values_slice(&raw).map_err(|source| ValuesError::Parse { file: p, source })
}

/// JSON as Go's encoding/json decodes it into `interface{}`: numbers are float64.
pub(crate) fn json_to_value(v: &serde_json::Value, depth: usize) -> Value {
    use serde_json::Value as J;
    if depth > 10_000 {
        return Value::Nil;
    }
    match v {
        J::Null => Value::Nil,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Float(n.as_f64().unwrap_or(0.0)),
        J::String(s) => Value::from(s.as_str()),
        J::Array(items) => Value::list(items.iter().map(|i| json_to_value(i, depth + 1)).collect()),
        J::Object(m) => Value::Map(
            m.iter()
                .map(|(k, v)| (k.as_str().into(), json_to_value(v, depth + 1)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, text: &str) -> String {
        let p = std::env::temp_dir().join(format!("helmcore-values-{}-{name}", std::process::id()));
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }

    fn json(m: &Map) -> String {
        crate::json::to_string(&Value::Map(m.clone())).unwrap()
    }

    #[test]
    fn flags_apply_in_helms_order() {
        // helm4: `--set a=x --set-string b=1 --set-json a=2 --set-json b=2 --set-literal b=3
        // --set-file b=F -f F` (F holding `a: 1`) gives {"a":"x","b":"3"}.
        let f = temp_file("order.yaml", "a: 1\n");
        let opts = Options {
            value_files: vec![f.clone()],
            values: vec!["a=x".into()],
            string_values: vec!["b=1".into()],
            json_values: vec!["a=2".into(), "b=2".into()],
            literal_values: vec!["b=3".into()],
            file_values: vec![format!("b={f}")],
            getter: None,
        };
        assert_eq!(json(&opts.merge_values().unwrap()), r#"{"a":"x","b":"3"}"#);
    }

    #[test]
    fn later_files_win_and_maps_merge() {
        let a = temp_file("a.yaml", "x: {a: 1, b: 2}\nl: [1]\n");
        let b = temp_file("b.yaml", "x: {b: 3}\nl: [2]\n");
        let opts = Options {
            value_files: vec![a, b],
            ..Default::default()
        };
        assert_eq!(
            json(&opts.merge_values().unwrap()),
            r#"{"l":[2],"x":{"a":1,"b":3}}"#
        );
    }

    #[test]
    fn error_texts() {
        let err = |o: Options| o.merge_values().unwrap_err().to_string();
        let bad = temp_file("bad.yaml", "a: [\n");
        assert_eq!(
            err(Options { value_files: vec![bad.clone()], ..Default::default() }),
            format!("failed to parse {bad}: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content")
        );
        let list = temp_file("list.yaml", "- 1\n");
        assert_eq!(
            err(Options { value_files: vec![list.clone()], ..Default::default() }),
            format!("failed to parse {list}: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {{}}")
        );
        assert_eq!(
            err(Options {
                value_files: vec!["nonexist.yaml".into()],
                ..Default::default()
            }),
            "open nonexist.yaml: no such file or directory"
        );
        assert_eq!(
            err(Options {
                json_values: vec!["a=bad".into()],
                ..Default::default()
            }),
            "failed parsing --set-json data a=bad"
        );
        assert_eq!(
            err(Options {
                json_values: vec!["{bad".into()],
                ..Default::default()
            }),
            "failed parsing --set-json data JSON: {bad"
        );
        assert_eq!(
            err(Options {
                values: vec!["a".into()],
                ..Default::default()
            }),
            "failed parsing --set data: key \"a\" has no value"
        );
        assert_eq!(
            err(Options {
                file_values: vec!["a=/nonexist".into()],
                ..Default::default()
            }),
            "failed parsing --set-file data: open /nonexist: no such file or directory"
        );
        assert_eq!(
            err(Options {
                literal_values: vec!["a".into()],
                ..Default::default()
            }),
            "failed parsing --set-literal data: key \"a\" has no value"
        );
        // helm4: values files are read as bytes; go-yaml refuses invalid UTF-8.
        let p =
            std::env::temp_dir().join(format!("helmcore-values-{}-binv.yaml", std::process::id()));
        std::fs::write(&p, b"a: \"\xff\"\n").unwrap();
        let binv = p.display().to_string();
        assert_eq!(
            err(Options { value_files: vec![binv.clone()], ..Default::default() }),
            format!("failed to parse {binv}: cannot unmarshal yaml document: error converting YAML to JSON: yaml: invalid leading UTF-8 octet")
        );
        // helm4: os.ReadFile opens a directory, then fails reading it.
        let dir = std::env::temp_dir().display().to_string();
        assert_eq!(
            err(Options {
                value_files: vec![dir.clone()],
                ..Default::default()
            }),
            format!("read {dir}: is a directory")
        );
        assert_eq!(
            err(Options {
                file_values: vec![format!("a={dir}")],
                ..Default::default()
            }),
            format!("failed parsing --set-file data: read {dir}: is a directory")
        );
    }

    #[test]
    fn set_file_keeps_bytes() {
        // helm4: `--set-file a=F` with F holding ff fe 20 62: `toJson` gives
        // {"a":"\ufffd\ufffd b"}, as encoding/json writes a Go string that is not UTF-8.
        let p = std::env::temp_dir().join(format!("helmcore-values-{}-bin", std::process::id()));
        std::fs::write(&p, b"\xff\xfe b").unwrap();
        let opts = Options {
            file_values: vec![format!("a={}", p.display())],
            ..Default::default()
        };
        let m = opts.merge_values().unwrap();
        assert!(matches!(m.get("a"), Some(Value::Bytes(_))));
        assert_eq!(json(&m), r#"{"a":"\ufffd\ufffd b"}"#);
    }

    #[test]
    fn set_file_reads_raw_text() {
        let f = temp_file("raw.yaml", "a: [\n");
        let opts = Options {
            file_values: vec![format!("a={f}")],
            ..Default::default()
        };
        assert_eq!(json(&opts.merge_values().unwrap()), r#"{"a":"a: [\n"}"#);
    }
}
