//! `helm lint`: Helm's checks of a chart, with Helm's severities, messages and layout.
//!
//! [`lint`] runs every rule Helm runs on one chart directory or archive and returns a
//! [`ChartLint`]: the findings ([`Message`]s, each with a [`Severity`], the file it is
//! about and Helm's text), the error that stopped the chart from being linted at all, and
//! the log lines helm would have written to stderr meanwhile. [`format_output`] prints
//! results exactly as `helm lint` does, with its exit code.
//!
//! The rules, in Helm's order:
//! - Chart.yaml: parses (strictly too: duplicate keys, unknown fields), name, apiVersion,
//!   version (SemVer, and strict SemVer 2 as a warning), appVersion type, maintainers,
//!   sources, icon, type, dependencies only in apiVersion v2.
//! - values.yaml: parses, and meets `values.schema.json` with the user's values.
//! - templates: the directory exists; the chart loads; every template renders with lint
//!   settings (release `test-release`, `required`/`fail` only logged); each rendered
//!   YAML document parses, has a valid name for its kind, uses no deprecated API for
//!   the target Kubernetes version, and workloads have selectors.
//! - dependencies: Chart.yaml and `charts/` agree; names and aliases are unique.
//! - crds: every document in `crds/` is a CustomResourceDefinition.

mod deprecations;
mod names;
mod object;
mod paths;
mod report;
mod rules;
mod support;
mod validator;

use std::sync::Arc;

pub use crate::slog::{slog_line, LogLevel};
use crate::values::schema::SchemaLoader;
pub use deprecations::{
    deprecation_warning, deprecation_warning_for, KnownTo, Lifecycle, TABLE as DEPRECATED_APIS,
};
pub use names::{validate_metadata_name, NameRule};
pub use report::{format_output, Output};
pub use support::{Message, Severity};

use std::path::Path;

use crate::render::{Compat, KubeVersion};
use crate::value::Map;

/// The outcome of linting one chart path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartLint {
    /// The path as given (what `==> Linting` prints).
    pub path: String,
    /// Whether warnings fail the chart (`--strict`).
    pub strict: bool,
    /// The findings, in the order Helm's rules produce them.
    pub messages: Vec<Message>,
    /// Why the chart could not be linted at all (no Chart.yaml, an unreadable archive).
    pub error: Option<String>,
    /// What helm logs to stderr while linting (`level=WARN msg="missing required value" ...`).
    pub logs: Vec<String>,
}

impl ChartLint {
    /// An empty result for `path`.
    pub fn new(path: impl Into<String>, strict: bool) -> ChartLint {
        ChartLint {
            path: path.into(),
            strict,
            messages: Vec::new(),
            error: None,
            logs: Vec::new(),
        }
    }

    /// The least severity that fails the chart: warnings under `--strict`, else errors.
    pub fn threshold(&self) -> Severity {
        if self.strict {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// Whether the chart fails the lint.
    pub fn failed(&self) -> bool {
        self.error.is_some() || self.messages.iter().any(|m| m.severity >= self.threshold())
    }

    /// Helm's `HasWarningsOrErrors`: what `--quiet` still shows.
    pub fn has_warnings_or_errors(&self) -> bool {
        self.error.is_some() || self.messages.iter().any(|m| m.severity > Severity::Info)
    }
}

/// How to lint: `helm lint`'s flags.
#[derive(Clone)]
pub struct LintOptions {
    /// `--strict`: warnings fail the chart.
    pub strict: bool,
    /// The release namespace templates see (`--namespace`; helm's default is `default`).
    pub namespace: String,
    /// `--kube-version` (parsed as `compat`'s Helm parses it, [`KubeVersion::parse`]):
    /// the Kubernetes version for `.Capabilities` and the deprecation checks.
    pub kube_version: Option<KubeVersion>,
    /// `--skip-schema-validation`.
    pub skip_schema_validation: bool,
    /// Fetches the `http(s)` documents that `values.schema.json` files refer to; without
    /// one such references fail (see [`SchemaLoader`]).
    pub schema_loader: Option<Arc<dyn SchemaLoader>>,
    /// The user's values (`-f` and the `--set` family, merged).
    pub values: Map,
    /// Which Helm's lint to reproduce: helm3's loader, rules, messages and log lines
    /// differ from helm4's (see docs/compatibility.md).
    pub compat: Compat,
}

impl Default for LintOptions {
    fn default() -> LintOptions {
        LintOptions {
            strict: false,
            namespace: "default".into(),
            kube_version: None,
            skip_schema_validation: false,
            schema_loader: None,
            values: Map::new(),
            compat: Compat::V4,
        }
    }
}

impl std::fmt::Debug for LintOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LintOptions")
            .field("strict", &self.strict)
            .field("namespace", &self.namespace)
            .field("kube_version", &self.kube_version)
            .field("skip_schema_validation", &self.skip_schema_validation)
            .field("schema_loader", &self.schema_loader.is_some())
            .field("values", &self.values)
            .field("compat", &self.compat)
            .finish()
    }
}

/// Lints one chart: a directory, or a `.tgz`/`.tar.gz` archive (unpacked into a
/// temporary directory first, as Helm does). Never fails: a chart that cannot be linted
/// at all carries its [`ChartLint::error`].
///
/// ```no_run
/// use helmcore::lint::{lint, LintOptions};
/// let result = lint("mychart", &LintOptions::default());
/// for m in &result.messages {
///     println!("{m}");
/// }
/// assert!(!result.failed());
/// ```
pub fn lint(path: &str, opts: &LintOptions) -> ChartLint {
    let mut out = ChartLint::new(path, opts.strict);
    let unpacked;
    let chart_path = if path.ends_with(".tgz") || path.ends_with(".tar.gz") {
        match paths::Unpacked::new(path) {
            Ok(u) => {
                unpacked = u;
                unpacked.chart_dir().to_path_buf()
            }
            Err(e) => {
                out.error = Some(e);
                return out;
            }
        }
    } else {
        Path::new(path).to_path_buf()
    };
    let chart_yaml = crate::gopath::join(&chart_path.to_string_lossy(), "Chart.yaml");
    if let Err(e) = std::fs::metadata(&chart_yaml) {
        out.error = Some(format!(
            "unable to check Chart.yaml file in chart: stat {chart_yaml}: {}",
            crate::chart::go_errno_text_of(&e)
        ));
        return out;
    }
    let abs = crate::gopath::abs(&chart_path);
    let (linter, logs) = rules::run_all(&abs, opts);
    out.messages = linter.messages;
    out.logs = logs;
    out
}

/// Lints several charts as one `helm lint` call does; with `with_subcharts`, every
/// chart folder and archive found under each chart's `charts/` is linted too, after
/// the charts given.
pub fn lint_all(paths: &[String], with_subcharts: bool, opts: &LintOptions) -> Vec<ChartLint> {
    let mut all: Vec<String> = paths.to_vec();
    if with_subcharts {
        for p in paths {
            paths::subchart_paths(p, &mut all);
        }
    }
    all.iter().map(|p| lint(p, opts)).collect()
}
