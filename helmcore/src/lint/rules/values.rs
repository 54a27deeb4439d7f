//! values.yaml rules (Helm's `rules.ValuesWithOverrides`): the file parses, and the
//! user's values over it meet `values.schema.json`.

use std::path::Path;
use std::sync::Arc;

use crate::lint::support::{Linter, Severity};
use crate::render::Compat;
use crate::value::{Map, Value};
use crate::values::coalesce::coalesce_tables;
use crate::values::schema::{validate_single_for, SchemaLoader};
use crate::values::Warning;

const FILE: &str = "values.yaml";

/// Runs the values rules; coalescing warnings are appended to `logs`.
pub(crate) fn lint(
    linter: &mut Linter,
    chart_dir: &Path,
    overrides: &Map,
    skip_schema_validation: bool,
    schema_loader: Option<&Arc<dyn SchemaLoader>>,
    logs: &mut Vec<Warning>,
    compat: Compat,
) {
    let path = chart_dir.join(FILE);
    if std::fs::metadata(&path).is_err() {
        linter.rule(Severity::Info, FILE, Err("file does not exist".into()));
        return;
    }
    // helm3's values rule validates even under --skip-schema-validation (only its
    // template rule honours the flag).
    let skip_schema_validation = skip_schema_validation && compat == Compat::V4;
    let outcome = validate(
        &path,
        overrides,
        skip_schema_validation,
        schema_loader,
        logs,
        compat,
    );
    linter.rule_at(Severity::Error, FILE, outcome);
}

fn validate(
    path: &Path,
    overrides: &Map,
    skip_schema_validation: bool,
    schema_loader: Option<&Arc<dyn SchemaLoader>>,
    logs: &mut Vec<Warning>,
    compat: Compat,
) -> Result<(), (String, Option<usize>)> {
    let values = read_values(path, compat)
        .map_err(|(e, line)| (format!("unable to parse YAML: {e}"), line))?;
    // Helm coalesces tables here (top level only, as Helm 2 did), not the whole chart.
    let coalesced = Map::new();
    coalesce_tables(&coalesced, overrides, logs);
    coalesce_tables(&coalesced, &values, logs);

    let schema_path = path.with_extension("schema.json");
    let schema = std::fs::read(&schema_path).unwrap_or_default();
    if schema.is_empty() || skip_schema_validation {
        return Ok(());
    }
    validate_single_for(&coalesced, &schema, schema_loader, logs, compat).map_err(|e| (e, None))
}

/// Helm's `ReadValuesFile`: the first YAML document, decoded into `common.Values`
/// (helm3's `chartutil.Values`).
fn read_values(path: &Path, compat: Compat) -> Result<Map, (String, Option<usize>)> {
    let data = std::fs::read(path).map_err(|e| {
        (
            format!(
                "open {}: {}",
                path.display(),
                crate::chart::go_errno_text_of(&e)
            ),
            None,
        )
    })?;
    match crate::yaml::from_slice(&data) {
        Ok(Value::Map(m)) => Ok(m),
        Ok(Value::Nil) => Ok(Map::new()),
        Ok(other) => Err((
            format!(
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {}",
                crate::yaml::json_kind(&other),
                compat.values_type().name
            ),
            None,
        )),
        Err(e) => Err((e.to_string(), e.line())),
    }
}
