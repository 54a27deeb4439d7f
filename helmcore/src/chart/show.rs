//! `helm show chart|values|readme|crds|all`: what Helm prints about a chart.

use crate::jsonpath::{JsonPath, JsonPathError};
use crate::value::{Map, Value};

use super::metadata::{Dependency, Maintainer, Metadata};
use super::Chart;
use crate::render::Compat;

/// Which part of a chart `helm show` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowFormat {
    /// Chart.yaml, re-encoded from the loaded metadata.
    Chart,
    /// values.yaml as written.
    Values,
    /// The README.
    Readme,
    /// The CRD files of the chart and its subcharts, each after a `---` line.
    Crds,
    /// All of the above, separated by `---` lines.
    All,
}

/// README names Helm looks for, compared without regard to case.
const README_NAMES: &[&str] = &["readme.md", "readme.txt", "readme"];

/// The text `helm show` prints for `chart`.
///
/// ```
/// use helmcore::chart::{load_files, show, BufferedFile, ShowFormat};
/// let files = vec![
///     BufferedFile { name: "Chart.yaml".into(), data: b"apiVersion: v2\nname: x\nversion: 1.0.0\n".to_vec().into() },
///     BufferedFile { name: "values.yaml".into(), data: b"a: 1\n".to_vec().into() },
/// ];
/// let chart = load_files(files).unwrap();
/// assert_eq!(show(&chart, ShowFormat::Chart).unwrap(), "apiVersion: v2\nname: x\nversion: 1.0.0\n\n");
/// assert_eq!(show(&chart, ShowFormat::Values).unwrap(), "a: 1\n\n");
/// ```
pub fn show(chart: &Chart, format: ShowFormat) -> Result<String, crate::yaml::EncodeError> {
    show_for(chart, format, Compat::V4)
}

/// [`show`] as `compat`'s Helm prints it: helm3 writes the CRD files one after the
/// other with no `---` of its own between them, and under `all` one `---` before the
/// first unless that file starts with one.
///
/// ```
/// use helmcore::chart::{load_files, show_for, BufferedFile, ShowFormat};
/// use helmcore::render::Compat;
/// let files = vec![
///     BufferedFile { name: "Chart.yaml".into(), data: b"apiVersion: v2\nname: x\nversion: 1.0.0\n".to_vec().into() },
///     BufferedFile { name: "crds/a.yaml".into(), data: b"kind: A\n".to_vec().into() },
///     BufferedFile { name: "crds/b.yaml".into(), data: b"kind: B".to_vec().into() },
/// ];
/// let chart = load_files(files).unwrap();
/// assert_eq!(show_for(&chart, ShowFormat::Crds, Compat::V4).unwrap(), "---\nkind: A\n\n---\nkind: B\n");
/// assert_eq!(show_for(&chart, ShowFormat::Crds, Compat::V3).unwrap(), "kind: A\n\nkind: B\n");
/// ```
pub fn show_for(
    chart: &Chart,
    format: ShowFormat,
    compat: Compat,
) -> Result<String, crate::yaml::EncodeError> {
    let all = format == ShowFormat::All;
    let mut out = String::new();
    if format == ShowFormat::Chart || all {
        out.push_str(&crate::yaml::to_string(&chart.metadata.to_json_value())?);
        out.push('\n');
    }
    if format == ShowFormat::Values || all {
        if let Some(values) = chart.raw_file("values.yaml") {
            if all {
                out.push_str("---\n");
            }
            out.push_str(&String::from_utf8_lossy(&values.data));
            out.push('\n');
        }
    }
    if format == ShowFormat::Readme || all {
        let readme = chart
            .files
            .iter()
            .find(|f| README_NAMES.iter().any(|n| f.name.eq_ignore_ascii_case(n)));
        if let Some(readme) = readme {
            if all {
                out.push_str("---\n");
            }
            out.push_str(&String::from_utf8_lossy(&readme.data));
            out.push('\n');
        }
    }
    if format == ShowFormat::Crds || all {
        for (i, (_, crd)) in chart.crds().into_iter().enumerate() {
            let separate = match compat {
                Compat::V4 => true,
                Compat::V3 => all && i == 0,
            };
            if separate && !crd.data.starts_with(b"---") {
                out.push_str("---\n");
            }
            out.push_str(&String::from_utf8_lossy(&crd.data));
            out.push('\n');
        }
    }
    Ok(out)
}

/// What `helm show values --jsonpath TEMPLATE` prints for `chart`: the template applied
/// to the chart's values. Nothing when the chart has no values.yaml (then the template is
/// not even parsed) or when evaluating it fails, which Helm does not report; an `Err` only
/// when the template does not parse, worded as Helm words it.
///
/// ```
/// use helmcore::chart::{load_files, show_values_jsonpath, BufferedFile};
/// let files = vec![
///     BufferedFile { name: "Chart.yaml".into(), data: b"apiVersion: v2\nname: x\nversion: 1.0.0\n".to_vec().into() },
///     BufferedFile { name: "values.yaml".into(), data: b"image: {tag: v1}\nports: [80, 443]\n".to_vec().into() },
/// ];
/// let chart = load_files(files).unwrap();
/// assert_eq!(show_values_jsonpath(&chart, "{.image.tag} {.ports}").unwrap(), b"v1 [80,443]");
/// assert_eq!(show_values_jsonpath(&chart, "{.nope}").unwrap(), b"");
/// assert_eq!(
///     show_values_jsonpath(&chart, "{.ports[x]}").unwrap_err().to_string(),
///     "error parsing jsonpath {.ports[x]}: invalid array index x"
/// );
/// ```
pub fn show_values_jsonpath(chart: &Chart, template: &str) -> Result<Vec<u8>, JsonPathParseError> {
    if chart.raw_file("values.yaml").is_none() {
        return Ok(Vec::new());
    }
    let path = JsonPath::parse(template).map_err(|source| JsonPathParseError {
        template: template.to_string(),
        source,
    })?;
    Ok(path
        .execute(&Value::Map(Map::clone(&chart.values)))
        .unwrap_or_default())
}

/// A `--jsonpath` template that does not parse.
#[derive(Debug, Clone, thiserror::Error)]
#[error("error parsing jsonpath {template}: {source}")]
pub struct JsonPathParseError {
    pub template: String,
    pub source: JsonPathError,
}

fn put_str(m: &Map, key: &str, v: &str) {
    if !v.is_empty() {
        m.insert(key, Value::from(v));
    }
}

fn put_strings(m: &Map, key: &str, v: &[String]) {
    if !v.is_empty() {
        m.insert(
            key,
            Value::list(v.iter().map(|s| Value::from(s.as_str())).collect()),
        );
    }
}

impl Metadata {
    /// The metadata as Go's `encoding/json` marshals the struct (its json tags, empty
    /// fields omitted): what `helm show chart` and Chart.yaml writers print.
    pub fn to_json_value(&self) -> Value {
        let m = Map::new();
        put_str(&m, "name", &self.name);
        put_str(&m, "home", &self.home);
        put_strings(&m, "sources", &self.sources);
        put_str(&m, "version", &self.version);
        put_str(&m, "description", &self.description);
        put_strings(&m, "keywords", &self.keywords);
        if !self.maintainers.is_empty() {
            let items = self
                .maintainers
                .iter()
                .map(|x| x.as_ref().map_or(Value::Nil, Maintainer::to_json_value))
                .collect();
            m.insert("maintainers", Value::list(items));
        }
        put_str(&m, "icon", &self.icon);
        put_str(&m, "apiVersion", &self.api_version);
        put_str(&m, "condition", &self.condition);
        put_str(&m, "tags", &self.tags);
        put_str(&m, "appVersion", &self.app_version);
        if self.deprecated {
            m.insert("deprecated", Value::Bool(true));
        }
        if !self.annotations.is_empty() {
            let a = self
                .annotations
                .iter()
                .map(|(k, v)| (k.as_str().into(), Value::from(v.as_str())))
                .collect();
            m.insert("annotations", Value::Map(a));
        }
        put_str(&m, "kubeVersion", &self.kube_version);
        if !self.dependencies.is_empty() {
            let items = self
                .dependencies
                .iter()
                .map(|d| d.as_ref().map_or(Value::Nil, Dependency::to_json_value))
                .collect();
            m.insert("dependencies", Value::list(items));
        }
        put_str(&m, "type", &self.chart_type);
        Value::Map(m)
    }
}

impl Maintainer {
    fn to_json_value(&self) -> Value {
        let m = Map::new();
        put_str(&m, "name", &self.name);
        put_str(&m, "email", &self.email);
        put_str(&m, "url", &self.url);
        Value::Map(m)
    }
}

impl Dependency {
    /// As `encoding/json` marshals Helm's `Dependency`: `name` and `repository` always.
    pub fn to_json_value(&self) -> Value {
        let m = Map::new();
        m.insert("name", Value::from(self.name.as_str()));
        put_str(&m, "version", &self.version);
        m.insert("repository", Value::from(self.repository.as_str()));
        put_str(&m, "condition", &self.condition);
        put_strings(&m, "tags", &self.tags);
        if self.enabled {
            m.insert("enabled", Value::Bool(true));
        }
        if !self.import_values.is_empty() {
            m.insert("import-values", Value::list(self.import_values.clone()));
        }
        put_str(&m, "alias", &self.alias);
        Value::Map(m)
    }
}
