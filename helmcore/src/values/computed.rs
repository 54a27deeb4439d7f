//! The computed values: what `helm install --dry-run --debug` prints under
//! `COMPUTED VALUES:`, and what templates see as `.Values`.

use crate::chart::{check_dependencies, process_dependencies, Chart, ChartError};
use crate::value::Map;

use super::coalesce::coalesce_values;
use super::Warning;

/// The outcome of [`computed_values`].
#[derive(Debug, Clone)]
pub struct Computed {
    /// The coalesced values: user values over the chart's defaults, each enabled
    /// subchart's defaults under its name (or alias), globals copied down, imports applied.
    pub values: Map,
    /// The chart after dependency processing (disabled subcharts removed, aliases
    /// applied): the chart to render.
    pub chart: Chart,
    /// What Helm would have logged.
    pub warnings: Vec<Warning>,
}

impl Computed {
    /// The YAML Helm prints under `COMPUTED VALUES:` (`Values.YAML()`).
    pub fn to_yaml(&self) -> Result<String, crate::yaml::EncodeError> {
        crate::yaml::to_string(&crate::value::Value::Map(self.values.clone()))
    }
}

/// The values Helm computes for an install of `chart` with the user's values: the
/// installability and missing-dependency checks, `ProcessDependencies`, then
/// `CoalesceValues` of the processed chart.
pub fn computed_values(chart: &Chart, user: &Map) -> Result<Computed, ChartError> {
    if !matches!(chart.metadata.chart_type.as_str(), "" | "application") {
        return Err(ChartError::LibraryNotInstallable);
    }
    check_dependencies(chart).map_err(|e| ChartError::DependencyCheck(Box::new(e)))?;
    let processed = process_dependencies(chart, user)
        .map_err(|e| ChartError::DependencyProcessing(Box::new(e)))?;
    let mut warnings = processed.warnings;
    if chart.metadata.deprecated {
        warnings.insert(0, Warning::chart_deprecated());
    }
    let values = coalesce_values(&processed.chart, user, &mut warnings)?;
    Ok(Computed {
        values,
        chart: processed.chart,
        warnings,
    })
}
