//! Helm's lint rules, one file per rule family, run in Helm's order by [`run_all`].

mod chartfile;
mod crds;
mod dependencies;
pub(crate) mod stream;

pub(crate) use chartfile::parse_struct_doc;
mod templates;
mod values;

use std::path::Path;

use super::support::Linter;
use super::LintOptions;
use crate::values::Warning;

/// Runs every rule on the chart directory `chart_dir` (absolute); returns the linter
/// and the log lines helm would print meanwhile.
pub(crate) fn run_all(chart_dir: &Path, opts: &LintOptions) -> (Linter, Vec<String>) {
    let mut linter = Linter::default();
    let mut logs = Vec::new();

    chartfile::lint(&mut linter, chart_dir);

    let mut warnings: Vec<Warning> = Vec::new();
    values::lint(
        &mut linter,
        chart_dir,
        &opts.values,
        opts.skip_schema_validation,
        &mut warnings,
    );
    logs.extend(warnings.iter().map(templates::warning_line));

    // The templates, dependencies and crds rules each load the chart (with Helm's chart
    // v2 loader, which takes any apiVersion); the result is the same every time, so it is
    // loaded once.
    let chart = crate::chart::load_v2(chart_dir).map_err(|e| e.to_string());
    let settings = templates::Settings {
        values: &opts.values,
        namespace: &opts.namespace,
        kube_version: opts.kube_version.as_ref(),
        skip_schema_validation: opts.skip_schema_validation,
    };
    templates::lint(&mut linter, chart_dir, &chart, &settings, &mut logs);
    dependencies::lint(&mut linter, chart_dir, &chart);
    crds::lint(&mut linter, chart_dir, &chart);
    (linter, logs)
}
