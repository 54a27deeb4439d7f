//! Which template engine renders a chart: Go's text/template (Helm's), or — a helmcore
//! extension behind the cargo feature `handlebars` — Handlebars, chosen by the chart's
//! `helmcore.dev/template-engine` annotation. Each chart of a tree decides for itself.

use crate::chart::Chart;
use crate::engine::TemplateError;

use super::execute::TemplateFailure;

/// The `Chart.yaml` annotation that selects a chart's template engine.
pub const TEMPLATE_ENGINE_ANNOTATION: &str = "helmcore.dev/template-engine";

/// A chart's template engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engine {
    Go,
    #[cfg(feature = "handlebars")]
    Handlebars,
}

/// The engine `chart` asks for; an error when this build cannot render it.
pub(crate) fn engine_of(chart: &Chart) -> Result<Engine, TemplateFailure> {
    let asked = chart
        .metadata
        .annotations
        .iter()
        .find(|(k, _)| k == TEMPLATE_ENGINE_ANNOTATION)
        .map(|(_, v)| v.as_str());
    let failure = |message: String| TemplateFailure {
        file: format!("{}/Chart.yaml", chart.full_path()),
        error: TemplateError::Message(message),
    };
    match asked {
        None | Some("" | "gotemplate") => Ok(Engine::Go),
        #[cfg(feature = "handlebars")]
        Some("handlebars") => Ok(Engine::Handlebars),
        #[cfg(not(feature = "handlebars"))]
        Some("handlebars") => Err(failure(format!(
            "chart {} asks for the handlebars template engine, which this build of helmcore does not include (enable the cargo feature \"handlebars\")",
            chart.name()
        ))),
        Some(other) => Err(failure(format!(
            "chart {} asks for the template engine {}, which helmcore does not know (known: gotemplate, handlebars)",
            chart.name(),
            crate::gofmt::quote(other)
        ))),
    }
}
