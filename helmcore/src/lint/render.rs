//! Rendering a chart the way `helm lint` does (Helm's `engine.Render` in lint mode):
//! every template of the chart and its enabled subcharts in one template set, each
//! executed with its chart's scope of values; `required` and `fail` only logged.

use std::collections::HashMap;

use crate::chart::Chart;
use crate::engine::{ExecOptions, FuncTable, LintMessage, TemplateError, TemplateSet};
use crate::value::{Map, Value};

/// What a render produced: each non-partial template's output by its full name
/// (`mychart/templates/x.yaml`), and the `required`/`fail` calls lint mode let through.
pub(crate) struct Rendered {
    pub files: HashMap<String, String>,
    pub lint_messages: Vec<LintMessage>,
}

/// A failed render: Helm 4's message, and the lint messages logged before it failed.
pub(crate) struct RenderFailure {
    pub message: String,
    pub lint_messages: Vec<LintMessage>,
}

struct Renderable {
    name: String,
    text: String,
    /// The chart's scope (`.Chart`, `.Values`, `.Release`...), shared by its templates.
    scope: Map,
    base_path: String,
}

/// Renders `chart` (already dependency-processed) with `top`, the values Helm's
/// `ToRenderValues` builds (`Values`, `Release`, `Capabilities`, `Chart`).
pub(crate) fn render(chart: &Chart, top: &Map) -> Result<Rendered, RenderFailure> {
    let mut all = Vec::new();
    collect(chart, top, &mut all, 0);
    // Helm's order (a reversed sort by path depth, then name): deeper paths first, and
    // names in descending order within a depth.
    all.sort_by(|a, b| {
        let (ca, cb) = (a.name.matches('/').count(), b.name.matches('/').count());
        cb.cmp(&ca).then_with(|| b.name.cmp(&a.name))
    });

    let mut set = TemplateSet::new(FuncTable::helm());
    for r in &all {
        if let Err(e) = set.add(&r.name, &r.text) {
            return Err(RenderFailure {
                message: TemplateError::Parse(e).helm4_message(&r.name),
                lint_messages: Vec::new(),
            });
        }
    }
    let opts = ExecOptions {
        lint: true,
        ..ExecOptions::helm()
    };
    let mut session = set.session(&opts);
    let mut files = HashMap::new();
    for r in &all {
        let base = r.name.rsplit('/').next().unwrap_or(&r.name);
        if base.starts_with('_') {
            continue;
        }
        let template = Map::new();
        template.insert("Name", Value::from(r.name.as_str()));
        template.insert("BasePath", Value::from(r.base_path.as_str()));
        r.scope.insert("Template", Value::Map(template));
        match session.execute(&r.name, &Value::Map(r.scope.clone())) {
            Ok(out) => {
                files.insert(r.name.clone(), out.replace("<no value>", ""));
            }
            Err(e) => {
                return Err(RenderFailure {
                    message: e.helm4_message(&r.name),
                    lint_messages: session.warnings().to_vec(),
                })
            }
        }
    }
    Ok(Rendered {
        files,
        lint_messages: session.warnings().to_vec(),
    })
}

/// Helm's `recAllTpls`: builds the chart's scope from its parent's, recursing into
/// subcharts first; returns the scope (what `.Subcharts.NAME` holds).
fn collect(chart: &Chart, parent: &Map, out: &mut Vec<Renderable>, depth: usize) -> Map {
    let scope = Map::new();
    if depth > 64 {
        return scope;
    }
    let meta = match chart.metadata.to_value() {
        Value::Map(m) => m,
        _ => Map::new(),
    };
    meta.insert("IsRoot", Value::Bool(chart.is_root()));
    scope.insert("Chart", Value::Map(meta));
    scope.insert("Files", Value::Map(Map::new()));
    scope.insert("Release", parent.get("Release").unwrap_or_default());
    scope.insert(
        "Capabilities",
        parent.get("Capabilities").unwrap_or_default(),
    );
    let values = if chart.is_root() {
        parent.get("Values").unwrap_or_default()
    } else {
        match parent.get("Values").and_then(|v| v.get(chart.name())) {
            Some(Value::Map(m)) => Value::Map(m),
            _ => Value::Map(Map::new()),
        }
    };
    scope.insert("Values", values);
    let subcharts = Map::new();
    scope.insert("Subcharts", Value::Map(subcharts.clone()));
    for sub in &chart.dependencies {
        let s = collect(sub, &scope, out, depth + 1);
        subcharts.insert(sub.name(), Value::Map(s));
    }
    let full = chart.full_path();
    for t in &chart.templates {
        let base = t.name.rsplit('/').next().unwrap_or(&t.name);
        if chart.is_library() && !base.starts_with('_') {
            continue;
        }
        out.push(Renderable {
            name: format!("{full}/{}", t.name),
            text: crate::yaml::go_lossy_utf8(&t.data),
            scope: scope.clone(),
            base_path: format!("{full}/templates"),
        });
    }
    scope
}
