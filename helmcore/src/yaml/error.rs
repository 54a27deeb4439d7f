//! Errors of the YAML layer, worded exactly as Helm's libraries word them.

/// What go-yaml v2 or sigs.k8s.io/yaml's YAML-to-JSON step reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// go-yaml's own failure: syntax, tags, anchors. Printed `yaml: line 2: did not find
    /// expected key`; go-yaml prints no line for problems on the first line and for
    /// errors found after parsing (tags, aliases).
    #[error("yaml: {}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Yaml {
        line: Option<usize>,
        message: String,
    },
    /// A map key JSON cannot hold (`~: 1`, a key beyond int64).
    #[error("{0}")]
    MapKey(String),
    /// `encoding/json` refusing a value: `json: unsupported value: NaN`.
    #[error("json: unsupported value: {0}")]
    UnsupportedValue(String),
}

/// A failed `sigs.k8s.io/yaml.Unmarshal`, printed as Helm prints it after its own prefix
/// (`cannot load values.yaml: cannot unmarshal yaml document: ` + this).
///
/// ```
/// let err = helmcore::yaml::from_str("a: 1\n b: 2\n").unwrap_err();
/// assert_eq!(err.to_string(), "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context");
/// assert_eq!(err.line(), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YamlError {
    /// The YAML could not be read or converted to JSON.
    #[error("error converting YAML to JSON: {0}")]
    Convert(#[from] DecodeError),
    /// The JSON did not fit the Go type asked for, e.g. `json: cannot unmarshal array into
    /// Go value of type map[string]interface {}`.
    #[error("error unmarshaling JSON: while decoding JSON: {0}")]
    Unmarshal(String),
}

impl YamlError {
    /// The line go-yaml reported, when it reported one.
    pub fn line(&self) -> Option<usize> {
        match self {
            YamlError::Convert(DecodeError::Yaml { line, .. }) => *line,
            _ => None,
        }
    }

    pub(crate) fn yaml(line: Option<usize>, message: impl Into<String>) -> YamlError {
        YamlError::Convert(DecodeError::Yaml {
            line,
            message: message.into(),
        })
    }
}

/// A failed read of a multi-document values file (Helm 4's `loader.LoadValues`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValuesError {
    /// The document splitter refused a `---` line with text after it.
    #[error("error reading yaml document: invalid Yaml document separator: {0}")]
    Separator(String),
    /// One document failed to decode.
    #[error("cannot unmarshal yaml document: {0}")]
    Document(#[from] YamlError),
}
