//! The computed values: what `helm install --dry-run --debug` prints under
//! `COMPUTED VALUES:`, and what templates see as `.Values`.

use crate::chart::{check_dependencies, process_dependencies_logged, Chart, ChartError};
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
    computed_values_logged(chart, user).map_err(|f| f.error)
}

/// A failed [`computed_values_logged`]: the error, and what Helm logged before it.
#[derive(Debug)]
pub struct ComputeFailure {
    pub error: ChartError,
    pub warnings: Vec<Warning>,
}

/// [`computed_values`], keeping what Helm logs before a failure (a deprecated chart's
/// warning, the conditions' warnings, helm4's `chart dependencies processing failed`).
///
/// ```no_run
/// let chart = helmcore::chart::load("mychart").unwrap();
/// match helmcore::values::computed_values_logged(&chart, &Default::default()) {
///     Ok(c) => print!("{}", c.to_yaml().unwrap()),
///     Err(f) => {
///         for w in &f.warnings {
///             eprintln!("{w}");
///         }
///         eprintln!("Error: {}", f.error);
///     }
/// }
/// ```
pub fn computed_values_logged(chart: &Chart, user: &Map) -> Result<Computed, ComputeFailure> {
    let mut warnings = Vec::new();
    match compute(chart, user, &mut warnings) {
        Ok((values, chart)) => Ok(Computed {
            values,
            chart,
            warnings,
        }),
        Err(error) => Err(ComputeFailure { error, warnings }),
    }
}

fn compute(
    chart: &Chart,
    user: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<(Map, Chart), ChartError> {
    // The load's own error, when it left values.yaml to be decoded on first use.
    if let Some(e) = chart.values_error() {
        return Err(e);
    }
    if !matches!(chart.metadata.chart_type.as_str(), "" | "application") {
        return Err(ChartError::LibraryNotInstallable);
    }
    if chart.metadata.deprecated {
        warnings.push(Warning::chart_deprecated());
    }
    check_dependencies(chart).map_err(|e| ChartError::DependencyCheck(Box::new(e)))?;
    let processed = process_dependencies_logged(chart, user, warnings).map_err(|e| {
        warnings.push(Warning::error(
            "chart dependencies processing failed",
            e.to_string(),
        ));
        ChartError::DependencyProcessing(Box::new(e))
    })?;
    let values = coalesce_values(&processed, user, warnings)?;
    Ok((values, processed))
}
