//! Handlebars engine tests. Where a test compares with Helm, the expected text is what
//! helm v4.1.4 printed for the equivalent Go template (noted beside it) on a chart `c`
//! whose `values.yaml` holds the test's values.

mod basics;
mod errors;
mod helpers;
mod modes;
mod objects;
mod partials;

use super::HandlebarsSet;
use crate::engine::tests::json;
use crate::engine::{ExecOptions, FuncTable};
use crate::value::{Map, Value};

pub(crate) const FILE: &str = "c/templates/x.yaml";

/// Helm's full function table (Sprig's functions, then Helm's).
pub(crate) fn funcs() -> FuncTable {
    let mut t = FuncTable::builtins();
    t.extend(crate::sprig::functions());
    t.with_helm();
    t
}

/// The data a chart `c` template sees, with `values` (JSON) as `Values`.
pub(crate) fn data(values: &str) -> Value {
    let d = Map::new();
    d.insert("Values", json(values));
    let rel = Map::new();
    rel.insert("Name", "r".into());
    rel.insert("Namespace", "default".into());
    rel.insert("Service", "Helm".into());
    rel.insert("IsInstall", true.into());
    rel.insert("IsUpgrade", false.into());
    rel.insert("Revision", Value::int(1));
    d.insert("Release", Value::Map(rel));
    let chart = Map::new();
    chart.insert("Name", "c".into());
    chart.insert("Version", "0.1.0".into());
    d.insert("Chart", Value::Map(chart));
    let t = Map::new();
    t.insert("Name", FILE.into());
    t.insert("BasePath", "c/templates".into());
    d.insert("Template", Value::Map(t));
    Value::Map(d)
}

/// Renders `templates` (the last one is executed) with `opts`.
pub(crate) fn run_with(
    templates: &[(&str, &str)],
    values: &str,
    opts: &ExecOptions,
) -> Result<String, String> {
    let set = HandlebarsSet::compile(funcs(), templates).map_err(|e| e.to_string())?;
    let name = templates.last().map(|t| t.0).unwrap_or(FILE);
    let mut s = set.session(opts);
    s.execute(name, &data(values)).map_err(|e| e.to_string())
}

/// Renders one template `c/templates/x.yaml` in Helm's normal mode.
pub(crate) fn run(template: &str, values: &str) -> Result<String, String> {
    run_with(&[(FILE, template)], values, &ExecOptions::helm())
}

/// Renders and unwraps.
pub(crate) fn ok(template: &str, values: &str) -> String {
    match run(template, values) {
        Ok(s) => s,
        Err(e) => panic!("{template}: {e}"),
    }
}

/// Renders and unwraps the error.
pub(crate) fn err(template: &str, values: &str) -> String {
    match run(template, values) {
        Ok(s) => panic!("{template}: expected an error, got {s:?}"),
        Err(e) => e,
    }
}
