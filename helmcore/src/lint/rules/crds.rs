//! CRD rules (Helm's `rules.Crds`): every document under `crds/` (of the chart and its
//! subcharts) is an `apiextensions.k8s.io` CustomResourceDefinition.

use std::path::Path;

use super::stream::{documents, Step};
use crate::chart::Chart;
use crate::lint::support::{Linter, Severity};
use crate::render::Compat;

const DIR: &str = "crds/";

/// Runs the CRD rules; `chart` is the chart as Helm's loader loads it.
pub(crate) fn lint(linter: &mut Linter, chart_dir: &Path, chart: &Result<Chart, String>) {
    let Some(c) = super::checked_dir(linter, chart_dir, DIR, None, chart) else {
        return;
    };
    for (_, file) in c.crds() {
        let name = file.name.to_string();
        let text = crate::yaml::go_lossy_utf8(&file.data);
        // helm3 has no CRD rule.
        for step in documents(&text, Compat::V4) {
            match step {
                Step::Failed(f) => {
                    linter.rule_at(
                        Severity::Error,
                        &name,
                        Err((format!("unable to parse YAML: {}", f.text), f.line)),
                    );
                    return;
                }
                Step::Object(None) => {}
                Step::Object(Some(obj)) => {
                    linter.rule(
                        Severity::Error,
                        &name,
                        if obj.api_version.starts_with("apiextensions.k8s.io") {
                            Ok(())
                        } else {
                            Err("apiVersion is not in 'apiextensions.k8s.io'".into())
                        },
                    );
                    linter.rule(
                        Severity::Error,
                        &name,
                        if obj.kind == "CustomResourceDefinition" {
                            Ok(())
                        } else {
                            Err("object kind is not 'CustomResourceDefinition'".into())
                        },
                    );
                }
            }
        }
    }
}
