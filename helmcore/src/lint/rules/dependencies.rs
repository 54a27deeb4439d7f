//! Dependency rules (Helm's `rules.Dependencies`): Chart.yaml's dependencies and the
//! charts in `charts/` agree, and no two dependencies share a name or alias.

use std::path::Path;

use crate::chart::Chart;
use crate::lint::support::{Linter, Severity};

/// Runs the dependency rules on the loaded chart (or records why it did not load).
pub(crate) fn lint(linter: &mut Linter, chart_dir: &Path, chart: &Result<Chart, String>) {
    let c = match chart {
        Ok(c) => c,
        Err(e) => {
            linter.rule(
                Severity::Error,
                "",
                Err(format!("unable to load chart\n\t{e}")),
            );
            return;
        }
    };
    let dir = chart_dir.display().to_string();
    let declared: Vec<&str> = c.metadata.deps().map(|d| d.name.as_str()).collect();
    let present: Vec<&str> = c.dependencies.iter().map(|d| d.name()).collect();

    let undeclared: Vec<&str> = present
        .iter()
        .copied()
        .filter(|p| !declared.contains(p))
        .collect();
    linter.rule(
        Severity::Error,
        &dir,
        if undeclared.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "chart metadata is missing these dependencies: {}",
                undeclared.join(",")
            ))
        },
    );

    let mut seen: Vec<&str> = Vec::new();
    let mut shadowing: Vec<&str> = Vec::new();
    for d in c.metadata.deps() {
        let key = d.effective_name();
        if seen.contains(&key) {
            shadowing.push(key);
        }
        seen.push(key);
    }
    linter.rule(
        Severity::Error,
        &dir,
        if shadowing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "multiple dependencies with name or alias: {}",
                shadowing.join(",")
            ))
        },
    );

    let missing: Vec<&str> = declared
        .iter()
        .copied()
        .filter(|d| !present.contains(d))
        .collect();
    linter.rule(
        Severity::Warning,
        &dir,
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "chart directory is missing these dependencies: {}",
                missing.join(",")
            ))
        },
    );
}
