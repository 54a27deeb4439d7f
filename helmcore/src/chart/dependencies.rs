//! Dependency processing (Helm's chartutil `ProcessDependencies`): aliases, `condition`
//! and `tags`, removal of disabled subcharts, and `import-values`.

use std::sync::Arc;

use crate::value::{fmt_v, Map, Value};
use crate::values::coalesce::{
    coalesce_values, merge_tables, merge_tables_helm3, merge_values, merge_values_helm3,
};
use crate::values::path::{path_value, table, PathError};
use crate::values::Warning;

use super::error::ChartError;
use super::semver_check::is_compatible_range;
use super::{Chart, Dependency};

/// The processed chart and what Helm would have logged on the way.
#[derive(Debug, Clone)]
pub struct DependencyOutcome {
    pub chart: Chart,
    pub warnings: Vec<Warning>,
}

/// Helm's `CheckDependencies` for the top chart: every dependency in Chart.yaml must be
/// present in `charts/` (by chart name, not alias).
pub fn check_dependencies(chart: &Chart) -> Result<(), ChartError> {
    let missing: Vec<String> = chart
        .metadata
        .deps()
        .filter(|r| !chart.dependencies.iter().any(|d| d.name() == r.name))
        .map(|r| r.name.clone())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ChartError::MissingDependencies(missing))
    }
}

/// Helm's `ProcessDependencies(chart, values)`: resolves aliases, drops subcharts whose
/// condition or tags disable them (evaluated against the coalesced values), then applies
/// `import-values` bottom-up, which rewrites each parent's default values. The loaded
/// chart is left untouched.
///
/// ```no_run
/// use helmcore::chart::{load, process_dependencies};
/// let chart = load("mychart").unwrap();
/// let out = process_dependencies(&chart, &helmcore::value::Map::new()).unwrap();
/// for d in &out.chart.dependencies { println!("enabled: {}", d.name()); }
/// ```
pub fn process_dependencies(chart: &Chart, values: &Map) -> Result<DependencyOutcome, ChartError> {
    let mut warnings = Vec::new();
    let chart = process_dependencies_logged(chart, values, &mut warnings)?;
    Ok(DependencyOutcome { chart, warnings })
}

/// [`process_dependencies_logged`] as `compat`'s Helm processes dependencies (helm3:
/// [`process_dependencies_helm3_logged`](super::process_dependencies_helm3_logged)).
pub fn process_dependencies_for(
    compat: crate::render::Compat,
    chart: &Chart,
    values: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    match compat {
        crate::render::Compat::V4 => process_dependencies_logged(chart, values, warnings),
        crate::render::Compat::V3 => {
            super::process_dependencies_helm3_logged(chart, values, warnings)
        }
    }
}

/// [`process_dependencies`] that appends what Helm logs to `warnings` as it goes, so a
/// failure keeps the lines Helm printed before it (coalescing warnings about the values
/// that were read before a subchart's values turned out not to be a table).
///
/// ```no_run
/// use helmcore::chart::{load, process_dependencies_logged};
/// let chart = load("mychart").unwrap();
/// let mut logged = Vec::new();
/// let result = process_dependencies_logged(&chart, &Default::default(), &mut logged);
/// for w in &logged { eprintln!("{w}"); }
/// if let Err(e) = result { eprintln!("Error: {e}"); }
/// ```
pub fn process_dependencies_logged(
    chart: &Chart,
    values: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    let mut c = chart.clone();
    process_enabled(&mut c, values, "", warnings, 0)?;
    process_import_values_tree(&mut c, warnings, 0)?;
    let parents = c.parents.clone();
    Ok(c.with_parents(parents))
}

/// Subchart nesting deeper than this is refused rather than recursed into.
pub(super) const MAX_DEPTH: usize = 64;

pub(super) fn too_deep(c: &Chart) -> ChartError {
    ChartError::TooDeep(c.chart_path())
}

fn process_enabled(
    c: &mut Chart,
    v: &Map,
    path: &str,
    w: &mut Vec<Warning>,
    depth: usize,
) -> Result<(), ChartError> {
    if depth > MAX_DEPTH {
        return Err(too_deep(c));
    }
    // Go: `if c.Metadata.Dependencies == nil` — an empty list still walks charts/.
    if !c.metadata.dependencies_set {
        return Ok(());
    }
    let existing = c.dependencies.clone();
    let matches = |req: &Dependency, e: &Chart| {
        e.name() == req.name && is_compatible_range(&req.version, &e.metadata.version)
    };
    // Subcharts no entry asks for stay as they are.
    let mut kept: Vec<Arc<Chart>> = existing
        .iter()
        .filter(|e| !c.metadata.deps().any(|req| matches(req, e)))
        .cloned()
        .collect();
    for req in c.metadata.dependencies.iter_mut().flatten() {
        if let Some(found) = existing.iter().find(|e| matches(req, e)) {
            let mut copy = (**found).clone();
            if !req.alias.is_empty() {
                copy.metadata.name = req.alias.clone();
            }
            kept.push(Arc::new(copy));
        }
        if !req.alias.is_empty() {
            req.name = req.alias.clone();
        }
    }
    c.dependencies = kept;
    for req in c.metadata.dependencies.iter_mut().flatten() {
        req.enabled = true;
    }
    let cvals = coalesce_values(c, v, w)?;
    process_tags(&mut c.metadata.dependencies, &cvals, w);
    process_conditions(&mut c.metadata.dependencies, &cvals, path, w);
    let removed: Vec<String> = c
        .metadata
        .deps()
        .filter(|r| !r.enabled)
        .map(|r| r.name.clone())
        .collect();
    c.dependencies
        .retain(|d| !removed.iter().any(|n| n == d.name()));
    c.metadata
        .dependencies
        .retain(|d| d.as_ref().is_none_or(|d| !removed.contains(&d.name)));
    for d in &mut c.dependencies {
        let sub = Arc::make_mut(d);
        let sub_path = format!("{path}{}.", sub.name());
        process_enabled(sub, &cvals, &sub_path, w, depth + 1)?;
    }
    // Go rebuilds the list by appending to nil: with nothing kept it is nil again.
    c.metadata.dependencies_set = !c.metadata.dependencies.is_empty();
    Ok(())
}

/// `tags:` — a dependency with any tag true is enabled; with only false tags, disabled.
pub(super) fn process_tags(reqs: &mut [Option<Dependency>], cvals: &Map, w: &mut Vec<Warning>) {
    let Ok(tags) = table(cvals, "tags") else {
        return;
    };
    for r in reqs.iter_mut().flatten() {
        let (mut has_true, mut has_false) = (false, false);
        for k in &r.tags {
            match tags.get(k) {
                Some(Value::Bool(true)) => has_true = true,
                Some(Value::Bool(false)) => has_false = true,
                Some(_) => w.push(non_bool(("tag", k), &r.name, "94: Warning: Tag")),
                None => {}
            }
        }
        // Only false tags disable; any true tag, or none set, enables.
        r.enabled = has_true || !has_false;
    }
}

/// A tag or condition that is not a bool: helm4's `returned non-bool value` with the tag
/// or path, helm3's `dependencies.go:LINE: Warning: WHAT 'x' for chart c returned ...`
/// (`helm3` is the line and what).
fn non_bool((attr, name): (&'static str, &str), chart: &str, helm3: &str) -> Warning {
    Warning::warn(
        "returned non-bool value",
        vec![(attr, name.to_string()), ("chart", chart.to_string())],
    )
    .or_in_helm3(format!(
        "dependencies.go:{helm3} '{name}' for chart {chart} returned non-bool value"
    ))
}

/// `condition:` — the first comma-separated path that holds a bool decides; it wins over
/// tags.
pub(super) fn process_conditions(
    reqs: &mut [Option<Dependency>],
    cvals: &Map,
    path: &str,
    w: &mut Vec<Warning>,
) {
    for r in reqs.iter_mut().flatten() {
        let condition = r.condition.trim().to_string();
        for c in condition.split(',').filter(|c| !c.is_empty()) {
            match path_value(cvals, &format!("{path}{c}")) {
                Ok(Value::Bool(b)) => {
                    r.enabled = b;
                    break;
                }
                Ok(_) => w.push(non_bool(
                    ("path", c),
                    &r.name,
                    "63: Warning: Condition path",
                )),
                Err(PathError::NoValue(_)) | Err(PathError::NoTable(_)) => {}
            }
        }
    }
}

fn process_import_values_tree(
    c: &mut Chart,
    w: &mut Vec<Warning>,
    depth: usize,
) -> Result<(), ChartError> {
    if depth > MAX_DEPTH {
        return Err(too_deep(c));
    }
    for d in &mut c.dependencies {
        process_import_values_tree(Arc::make_mut(d), w, depth + 1)?;
    }
    process_import_values(c, w, false)
}

/// `import-values:` of each dependency copied into this chart's values. A string `X`
/// imports the child's `exports.X` table to the top; a `{child, parent}` map imports the
/// child's table at `child` to `parent`. The chart's values become the merged values of
/// the chart and its subcharts with the imports on top, as in Helm.
pub(super) fn process_import_values(
    c: &mut Chart,
    w: &mut Vec<Warning>,
    helm3: bool,
) -> Result<(), ChartError> {
    if !c.metadata.dependencies_set {
        return Ok(());
    }
    let (merge_values, merge_tables) = if helm3 {
        (
            merge_values_helm3 as MergeValues,
            merge_tables_helm3 as MergeTables,
        )
    } else {
        (merge_values as MergeValues, merge_tables as MergeTables)
    };
    let cvals = merge_values(c, &Map::new(), w)?;
    let imports = Map::new();
    for r in c.metadata.dependencies.iter_mut().flatten() {
        let mut normalized = Vec::new();
        for iv in &r.import_values {
            match iv {
                Value::Map(m) => {
                    let child = fmt_v(&m.get("child").unwrap_or(Value::Nil));
                    let parent = fmt_v(&m.get("parent").unwrap_or(Value::Nil));
                    normalized.push(child_parent(&child, &parent));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(t) => merge_tables(&imports, &path_to_map(&parent, t), w),
                        Err(e) => w.push(
                            Warning::warn(
                                "ImportValues missing table from chart",
                                vec![("chart", r.name.clone()), ("error", e.to_string())],
                            )
                            .or_in_helm3(format!(
                                "dependencies.go:269: Warning: ImportValues missing table from chart {}: {e}",
                                r.name
                            )),
                        ),
                    }
                }
                Value::String(s) => {
                    let child = format!("exports.{s}");
                    normalized.push(child_parent(&child, "."));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(t) => merge_tables(&imports, &t, w),
                        Err(e) => w.push(
                            Warning::warn(
                                "ImportValues missing table",
                                vec![("error", e.to_string())],
                            )
                            .or_in_helm3(format!(
                                "dependencies.go:286: Warning: ImportValues missing table: {e}"
                            )),
                        ),
                    }
                }
                _ => {}
            }
        }
        r.import_values = normalized;
    }
    let values = cvals.deep_copy();
    merge_tables(&values, &imports, w);
    c.values = values.into();
    Ok(())
}

type MergeValues = fn(&Chart, &Map, &mut Vec<Warning>) -> Result<Map, ChartError>;
type MergeTables = fn(&Map, &Map, &mut Vec<Warning>);

/// A rewritten import: Helm builds a `map[string]string`, which
/// `.Chart.Dependencies` shows.
fn child_parent(child: &str, parent: &str) -> Value {
    Value::Map(
        Map::from_entries([
            ("child".into(), child.into()),
            ("parent".into(), parent.into()),
        ])
        .named(&crate::value::STRING_MAP),
    )
}

/// `a.b` and a table become `{a: {b: table}}`; `.` is the top.
fn path_to_map(path: &str, data: Map) -> Map {
    if path == "." {
        return data;
    }
    let mut cur = data;
    for part in path.split('.').rev() {
        cur = Map::from_entries([(part.into(), Value::Map(cur))]);
    }
    cur
}
