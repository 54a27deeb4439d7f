//! Helm's lint rules, one file per rule family, run in Helm's order by [`run_all`].

mod chartfile;
mod crds;
mod dependencies;
pub(crate) mod stream;

pub(crate) use chartfile::parse_struct_doc;
mod templates;
mod values;

use std::path::Path;

use super::support::{Linter, Severity};
use super::LintOptions;
use crate::chart::Chart;
use crate::render::{log_lines, Compat};
use crate::values::Warning;

/// Runs every rule on the chart directory `chart_dir` (absolute); returns the linter
/// and the log lines helm would print meanwhile.
pub(crate) fn run_all(chart_dir: &Path, opts: &LintOptions) -> (Linter, Vec<String>) {
    let compat = opts.compat;
    let mut linter = Linter::default();
    let mut logs = Vec::new();

    chartfile::lint(&mut linter, chart_dir, compat);

    let mut warnings: Vec<Warning> = Vec::new();
    values::lint(
        &mut linter,
        chart_dir,
        &opts.values,
        opts.skip_schema_validation,
        opts.schema_loader.as_ref(),
        &mut warnings,
        compat,
    );
    logs.extend(log_lines(&warnings, compat));

    // The templates, dependencies and crds rules each load the chart (helm4 with its
    // chart v2 loader, which takes any apiVersion; helm3 with its one loader); the
    // result is the same every time, so it is loaded once, and what the loader logs is
    // repeated for each rule that loads.
    let mut load_log = Vec::new();
    let chart = match compat {
        Compat::V4 => crate::chart::load_v2_logged(chart_dir, &mut load_log),
        Compat::V3 => crate::chart::load_logged(chart_dir, compat, &mut load_log),
    }
    .map_err(|e| e.to_string());
    let load_log = log_lines(&load_log, compat);
    let is_dir = |d: &str| chart_dir.join(d).is_dir();
    if is_dir("templates") || compat == Compat::V3 {
        logs.extend(load_log.iter().cloned());
    }
    let settings = templates::Settings {
        values: &opts.values,
        namespace: &opts.namespace,
        kube_version: opts.kube_version.as_ref(),
        skip_schema_validation: opts.skip_schema_validation,
        schema_loader: opts.schema_loader.as_ref(),
        compat,
    };
    templates::lint(&mut linter, chart_dir, &chart, &settings, &mut logs);
    logs.extend(load_log.iter().cloned());
    dependencies::lint(&mut linter, chart_dir, &chart);
    // helm3 has no crds rule.
    if compat == Compat::V4 {
        if is_dir("crds") {
            logs.extend(load_log);
        }
        crds::lint(&mut linter, chart_dir, &chart);
    }
    (linter, logs)
}

/// The start shared by the `templates/` and `crds/` rules: the folder `rule` (e.g.
/// `crds/`) of the chart must be a directory and the chart must have loaded; a failure is
/// reported under `rule` as helm words it. A missing folder is reported with
/// `missing` (`None`: silently skipped). Returns the chart when the rule should go on.
fn checked_dir<'c>(
    linter: &mut Linter,
    chart_dir: &Path,
    rule: &'static str,
    missing: Option<Severity>,
    chart: &'c Result<Chart, String>,
) -> Option<&'c Chart> {
    let path = chart_dir.join(rule.trim_end_matches('/'));
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(severity) = missing {
                linter.rule(severity, rule, Err("directory does not exist".into()));
            }
            return None;
        }
        Err(e) => {
            let text = format!(
                "stat {}: {}",
                path.display(),
                crate::chart::go_errno_text_of(&e)
            );
            linter.rule(Severity::Error, rule, Err(text));
            return None;
        }
        Ok(m) if !m.is_dir() => {
            linter.rule(Severity::Error, rule, Err("not a directory".into()));
            return None;
        }
        Ok(_) => {}
    }
    loaded(linter, rule, chart)
}

/// The chart, or its load error reported under `rule`.
fn loaded<'c>(
    linter: &mut Linter,
    rule: &'static str,
    chart: &'c Result<Chart, String>,
) -> Option<&'c Chart> {
    match chart {
        Ok(c) => Some(c),
        Err(e) => {
            linter.rule(Severity::Error, rule, Err(e.clone()));
            None
        }
    }
}
