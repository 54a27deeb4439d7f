//! `Chart.yaml`: the chart's metadata, decoded and validated as Helm does.
//!
//! Helm decodes Chart.yaml with sigs.k8s.io/yaml into Go structs: YAML scalars bound for a
//! string field become strings (`version: 1.10` is `"1.1"`, `name: yes` is `"true"`),
//! other type mismatches fail with encoding/json's message, keys match fields without
//! regard to case, unknown keys are ignored.

use crate::render::Compat;
use crate::value::{Map, Value};
use crate::yaml::json_kind;

use super::error::ChartError;

/// Chart API version 1 (Helm 2 charts; dependencies in `requirements.yaml`).
pub const API_VERSION_V1: &str = "v1";
/// Chart API version 2 (Helm 3 and 4).
pub const API_VERSION_V2: &str = "v2";

/// A chart maintainer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Maintainer {
    pub name: String,
    pub email: String,
    pub url: String,
}

/// One entry of `dependencies:` (Chart.yaml, requirements.yaml or a lock file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dependency {
    pub name: String,
    pub version: String,
    pub repository: String,
    /// Comma-separated value paths; the first that holds a bool decides.
    pub condition: String,
    pub tags: Vec<String>,
    /// Whether a `tags:` list was given, even an empty one (Go's non-nil slice, which
    /// BurntSushi's `toToml` writes and `printf "%#v"` shows as `[]string{}`).
    pub tags_set: bool,
    /// Set by dependency processing.
    pub enabled: bool,
    /// Strings (`exports.X` of the child) or `{child, parent}` maps, as written.
    pub import_values: Vec<Value>,
    pub alias: String,
}

/// `Chart.lock` / `requirements.lock`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lock {
    /// The `generated` timestamp as written.
    pub generated: String,
    pub digest: String,
    pub dependencies: Vec<Option<Dependency>>,
}

/// Every field Helm's Chart.yaml knows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub name: String,
    pub home: String,
    pub sources: Vec<String>,
    pub version: String,
    pub description: String,
    pub keywords: Vec<String>,
    /// `None` for a null entry (which validation refuses).
    pub maintainers: Vec<Option<Maintainer>>,
    /// Whether `sources:`, `keywords:` and `maintainers:` were given as lists, even
    /// empty ones (Go's non-nil slices): helm3's `.Chart` shows the difference to
    /// `printf "%#v"` and `toToml`.
    pub sources_set: bool,
    pub keywords_set: bool,
    pub maintainers_set: bool,
    pub icon: String,
    pub api_version: String,
    pub condition: String,
    pub tags: String,
    pub app_version: String,
    pub deprecated: bool,
    /// Sorted by key, as Go prints a map.
    pub annotations: Vec<(String, String)>,
    /// Whether an `annotations:` map was given, even an empty one (Go's non-nil map):
    /// `.Chart.Annotations` is then `{}` to `toJson`, not `null`.
    pub annotations_set: bool,
    pub kube_version: String,
    /// `None` for a null entry (which validation refuses).
    pub dependencies: Vec<Option<Dependency>>,
    /// Whether a `dependencies:` list was given at all, even an empty one (Go's non-nil
    /// slice): Helm then still walks the subcharts in `charts/` when it processes
    /// dependencies.
    pub dependencies_set: bool,
    /// `application` (or empty) or `library`.
    pub chart_type: String,
}

impl Metadata {
    /// Whether this is a library chart (Helm compares case-insensitively).
    pub fn is_library(&self) -> bool {
        self.chart_type.eq_ignore_ascii_case("library")
    }

    /// Helm's install-time check of `kubeVersion:` (top chart only): `normalized` is the
    /// cluster version without suffixes (`v1.31.0`) that the constraint is checked
    /// against, `shown` the version as given (`v1.31.0-gke.1`), used in the message.
    ///
    /// ```
    /// use helmcore::chart::Metadata;
    /// let md = Metadata { kube_version: ">=1.40".into(), ..Default::default() };
    /// assert_eq!(
    ///     md.check_kube_version("v1.31.0", "v1.31.0").unwrap_err().to_string(),
    ///     "chart requires kubeVersion: >=1.40 which is incompatible with Kubernetes v1.31.0"
    /// );
    /// ```
    pub fn check_kube_version(&self, normalized: &str, shown: &str) -> Result<(), ChartError> {
        if self.kube_version.is_empty() || is_compatible_range(&self.kube_version, normalized) {
            return Ok(());
        }
        Err(ChartError::KubeVersion {
            constraint: self.kube_version.clone(),
            version: shown.to_string(),
        })
    }

    /// The non-null dependencies.
    pub fn deps(&self) -> impl Iterator<Item = &Dependency> {
        self.dependencies.iter().flatten()
    }

    /// Helm's `Metadata.Validate`: cleans strings and checks the required fields, with
    /// Helm's `validation: ...` messages.
    ///
    /// ```
    /// use helmcore::chart::Metadata;
    /// let mut md = Metadata { api_version: "v2".into(), name: "..".into(), version: "1.0.0".into(), ..Default::default() };
    /// assert_eq!(md.validate().unwrap_err().to_string(), r#"validation: chart.metadata.name ".." is not allowed"#);
    /// ```
    pub fn validate(&mut self) -> Result<(), ChartError> {
        self.validate_for(Compat::V4)
    }

    /// [`Metadata::validate`] as `compat`'s Helm validates: helm3 allows the names `.`
    /// and `..`.
    pub fn validate_for(&mut self, compat: Compat) -> Result<(), ChartError> {
        for s in [
            &mut self.name,
            &mut self.description,
            &mut self.home,
            &mut self.icon,
            &mut self.condition,
            &mut self.tags,
            &mut self.app_version,
            &mut self.kube_version,
        ] {
            *s = sanitize(s);
        }
        for s in self.sources.iter_mut().chain(self.keywords.iter_mut()) {
            *s = sanitize(s);
        }
        let invalid = |m: String| Err(ChartError::Validation(m));
        if self.api_version.is_empty() {
            return invalid("chart.metadata.apiVersion is required".into());
        }
        if self.name.is_empty() {
            return invalid("chart.metadata.name is required".into());
        }
        if compat == Compat::V4 && (self.name == "." || self.name == "..") {
            return invalid(format!(
                "chart.metadata.name {:?} is not allowed",
                self.name
            ));
        }
        if self.name.contains('/') {
            return invalid(format!("chart.metadata.name {:?} is invalid", self.name));
        }
        if self.version.is_empty() {
            return invalid("chart.metadata.version is required".into());
        }
        if !is_valid_semver(&self.version) {
            return invalid(format!(
                "chart.metadata.version {:?} is invalid",
                self.version
            ));
        }
        if !matches!(self.chart_type.as_str(), "" | "application" | "library") {
            return invalid("chart.metadata.type must be application or library".into());
        }
        for m in &mut self.maintainers {
            let Some(m) = m else {
                return invalid("maintainers must not contain empty or null nodes".into());
            };
            for s in [&mut m.name, &mut m.email, &mut m.url] {
                *s = sanitize(s);
            }
        }
        let mut seen: Vec<String> = Vec::new();
        for d in &mut self.dependencies {
            let Some(d) = d else {
                return invalid("dependencies must not contain empty or null nodes".into());
            };
            d.validate()?;
            let key = if d.alias.is_empty() {
                d.name.clone()
            } else {
                d.alias.clone()
            };
            if seen.contains(&key) {
                return invalid(format!(
                    "more than one dependency with name or alias {key:?}"
                ));
            }
            seen.push(key);
        }
        Ok(())
    }

    /// The map templates see as `.Chart`: Helm 4 turns the Go struct into a map keyed by
    /// the Go field names (`Name`, `AppVersion`, `Dependencies`...), every field present.
    pub fn to_value(&self) -> Value {
        let strings =
            |v: &[String]| Value::list(v.iter().map(|s| Value::from(s.as_str())).collect());
        let m = Map::new();
        m.insert("Name", self.name.as_str().into());
        m.insert("Home", self.home.as_str().into());
        m.insert("Sources", strings(&self.sources));
        m.insert("Version", self.version.as_str().into());
        m.insert("Description", self.description.as_str().into());
        m.insert("Keywords", strings(&self.keywords));
        m.insert(
            "Maintainers",
            Value::list(
                self.maintainers
                    .iter()
                    .map(|m| match m {
                        None => Value::Nil,
                        Some(m) => Value::Map(Map::from_entries([
                            ("Name".into(), m.name.as_str().into()),
                            ("Email".into(), m.email.as_str().into()),
                            ("URL".into(), m.url.as_str().into()),
                        ])),
                    })
                    .collect(),
            ),
        );
        m.insert("Icon", self.icon.as_str().into());
        m.insert("APIVersion", self.api_version.as_str().into());
        m.insert("Condition", self.condition.as_str().into());
        m.insert("Tags", self.tags.as_str().into());
        m.insert("AppVersion", self.app_version.as_str().into());
        m.insert("Deprecated", self.deprecated.into());
        // A `map[string]string`, nil when Chart.yaml has no `annotations:` map (`toYaml`
        // writes `null`).
        let annotations: Map = self
            .annotations
            .iter()
            .map(|(k, v)| (k.as_str().into(), Value::from(v.as_str())))
            .collect();
        let map_type = if !self.annotations_set {
            &crate::value::NIL_STRING_MAP
        } else {
            &crate::value::STRING_MAP
        };
        m.insert("Annotations", Value::Map(annotations.named(map_type)));
        m.insert("KubeVersion", self.kube_version.as_str().into());
        m.insert(
            "Dependencies",
            Value::list(
                self.dependencies
                    .iter()
                    .map(|d| d.as_ref().map_or(Value::Nil, Dependency::to_value))
                    .collect(),
            ),
        );
        m.insert("Type", self.chart_type.as_str().into());
        Value::Map(m)
    }
}

impl Dependency {
    fn validate(&mut self) -> Result<(), ChartError> {
        for s in [
            &mut self.name,
            &mut self.version,
            &mut self.repository,
            &mut self.condition,
        ] {
            *s = sanitize(s);
        }
        for t in &mut self.tags {
            *t = sanitize(t);
        }
        let ok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        if !self.alias.is_empty() && !self.alias.chars().all(ok) {
            return Err(ChartError::Validation(format!(
                "dependency {:?} has disallowed characters in the alias",
                self.name
            )));
        }
        Ok(())
    }

    /// The name the subchart goes by in its parent: the alias if there is one.
    pub fn effective_name(&self) -> &str {
        if self.alias.is_empty() {
            &self.name
        } else {
            &self.alias
        }
    }

    fn to_value(&self) -> Value {
        Value::Map(Map::from_entries([
            ("Name".into(), self.name.as_str().into()),
            ("Version".into(), self.version.as_str().into()),
            ("Repository".into(), self.repository.as_str().into()),
            ("Condition".into(), self.condition.as_str().into()),
            (
                "Tags".into(),
                Value::list(self.tags.iter().map(|s| Value::from(s.as_str())).collect()),
            ),
            ("Enabled".into(), self.enabled.into()),
            (
                "ImportValues".into(),
                Value::list(self.import_values.clone()),
            ),
            ("Alias".into(), self.alias.as_str().into()),
        ]))
    }
}

/// Whether `v` is a Masterminds semver version (Helm's check for `version:`).
fn is_valid_semver(v: &str) -> bool {
    crate::chart::semver_check::is_valid_version(v)
}

use crate::chart::semver_check::is_compatible_range;

/// Helm's `sanitizeString`: white space (Go's `unicode.IsSpace`) becomes a plain space,
/// runes `unicode.IsPrint` rejects go: controls, but also format characters such as the
/// zero-width joiner inside emoji sequences, and private-use or unassigned code points.
fn sanitize(s: &str) -> String {
    use crate::gofmt::is_print;
    use crate::sprig::unicode::is_space;
    if s.chars().all(|c| c == ' ' || (!is_space(c) && is_print(c))) {
        return s.to_string();
    }
    s.chars()
        .filter_map(|c| {
            if is_space(c) {
                Some(' ')
            } else if is_print(c) {
                Some(c)
            } else {
                None
            }
        })
        .collect()
}

// ---- decoding (sigs.k8s.io/yaml into Go structs) ----

/// The Go package that names the chart types in decoding errors: helm4's `v2`
/// (`[]*v2.Dependency`), helm3's `chart` (`[]*chart.Dependency`).
pub(crate) fn go_package(compat: Compat) -> &'static str {
    match compat {
        Compat::V3 => "chart",
        Compat::V4 => "v2",
    }
}

/// Where a value sits, for encoding/json's error text: the Go package and struct type
/// that hold the field and the dotted JSON path from the document root.
struct At<'a> {
    pkg: &'static str,
    strukt: &'a str,
    path: String,
}

fn type_error(v: &Value, at: &At, go_type: &str) -> ChartError {
    ChartError::Decode(format!(
        "json: cannot unmarshal {} into Go struct field {}.{} of type {}",
        json_kind(v),
        at.strukt,
        at.path,
        go_type
    ))
}

/// A scalar bound for a Go string: sigs.k8s.io/yaml turns YAML numbers and bools into
/// their text (`version: 1.10` is `"1.1"`).
fn decode_string(v: &Value, at: &At, out: &mut String) -> Result<(), ChartError> {
    match v {
        Value::Nil => {}
        Value::List(_) | Value::Map(_) | Value::Object(_) => {
            return Err(type_error(v, at, "string"))
        }
        scalar => *out = crate::yaml::string_field(scalar).unwrap_or_default(),
    }
    Ok(())
}

fn decode_bool(v: &Value, at: &At, out: &mut bool) -> Result<(), ChartError> {
    match v {
        Value::Nil => {}
        Value::Bool(b) => *out = *b,
        _ => return Err(type_error(v, at, "bool")),
    }
    Ok(())
}

fn decode_strings(v: &Value, at: &At, out: &mut Vec<String>) -> Result<(), ChartError> {
    match v {
        Value::Nil => out.clear(),
        Value::List(items) => {
            out.clear();
            for item in items.iter() {
                let mut s = String::new();
                decode_string(item, at, &mut s)?;
                out.push(s);
            }
        }
        _ => return Err(type_error(v, at, "[]string")),
    }
    Ok(())
}

/// Visits the entries of a JSON object in key order, pairing each with the field it sets:
/// encoding/json takes an exact name first, then one equal without regard to case.
fn for_fields(
    m: &Map,
    fields: &[&str],
    mut f: impl FnMut(&str, &Value) -> Result<(), ChartError>,
) -> Result<(), ChartError> {
    for (k, v) in m.entries() {
        let field = fields
            .iter()
            .find(|n| **n == &*k)
            .or_else(|| fields.iter().find(|n| n.eq_ignore_ascii_case(&k)));
        if let Some(field) = field {
            f(field, &v)?;
        }
    }
    Ok(())
}

/// The JSON names of `chart.Maintainer`'s fields.
pub(crate) const MAINTAINER_FIELDS: &[&str] = &["name", "email", "url"];

/// The JSON names of `chart.Dependency`'s fields.
pub(crate) const DEPENDENCY_FIELDS: &[&str] = &[
    "name",
    "version",
    "repository",
    "condition",
    "tags",
    "enabled",
    "import-values",
    "alias",
];

/// Chart.yaml's keys (the JSON names of `Metadata`'s fields), in Go's field order.
pub(crate) const METADATA_FIELDS: &[&str] = &[
    "name",
    "home",
    "sources",
    "version",
    "description",
    "keywords",
    "maintainers",
    "icon",
    "apiVersion",
    "condition",
    "tags",
    "appVersion",
    "deprecated",
    "annotations",
    "kubeVersion",
    "dependencies",
    "type",
];

/// Decodes a Chart.yaml (or requirements.yaml) document into `md`, setting only the
/// fields the document has, as json.Unmarshal into an existing struct does.
/// `compat` picks the Helm whose type names the errors carry.
pub(crate) fn decode_metadata_into(
    doc: &Value,
    md: &mut Metadata,
    compat: Compat,
) -> Result<(), ChartError> {
    decode_metadata_as(doc, md, go_package(compat))
}

/// [`decode_metadata_into`] naming the chart types after the Go package `pkg` (helm4's
/// chart-v3 loader says `v3.Dependency`).
pub(crate) fn decode_metadata_as(
    doc: &Value,
    md: &mut Metadata,
    pkg: &'static str,
) -> Result<(), ChartError> {
    let m = match doc {
        Value::Nil => return Ok(()),
        Value::Map(m) => m,
        other => {
            return Err(ChartError::Decode(format!(
                "json: cannot unmarshal {} into Go value of type {pkg}.Metadata",
                json_kind(other)
            )))
        }
    };
    for_fields(m, METADATA_FIELDS, |field, v| {
        let at = At {
            pkg,
            strukt: "Metadata",
            path: field.to_string(),
        };
        match field {
            "name" => decode_string(v, &at, &mut md.name),
            "home" => decode_string(v, &at, &mut md.home),
            "sources" => {
                md.sources_set = matches!(v, Value::List(_));
                decode_strings(v, &at, &mut md.sources)
            }
            "version" => decode_string(v, &at, &mut md.version),
            "description" => decode_string(v, &at, &mut md.description),
            "keywords" => {
                md.keywords_set = matches!(v, Value::List(_));
                decode_strings(v, &at, &mut md.keywords)
            }
            "maintainers" => {
                md.maintainers_set = matches!(v, Value::List(_));
                decode_list(v, &at, "Maintainer", &mut md.maintainers, decode_maintainer)
            }
            "icon" => decode_string(v, &at, &mut md.icon),
            "apiVersion" => decode_string(v, &at, &mut md.api_version),
            "condition" => decode_string(v, &at, &mut md.condition),
            "tags" => decode_string(v, &at, &mut md.tags),
            "appVersion" => decode_string(v, &at, &mut md.app_version),
            "deprecated" => decode_bool(v, &at, &mut md.deprecated),
            "annotations" => {
                md.annotations_set = matches!(v, Value::Map(_));
                decode_annotations(v, &at, &mut md.annotations)
            }
            "kubeVersion" => decode_string(v, &at, &mut md.kube_version),
            "dependencies" => {
                md.dependencies_set = matches!(v, Value::List(_));
                decode_list(
                    v,
                    &at,
                    "Dependency",
                    &mut md.dependencies,
                    decode_dependency,
                )
            }
            "type" => decode_string(v, &at, &mut md.chart_type),
            _ => Ok(()),
        }
    })
}

fn decode_annotations(
    v: &Value,
    at: &At,
    out: &mut Vec<(String, String)>,
) -> Result<(), ChartError> {
    match v {
        Value::Nil => out.clear(),
        Value::Map(m) => {
            // json.Unmarshal adds to an existing map. Its error path names struct
            // fields only, never a map key.
            for (k, item) in m.entries() {
                let mut s = String::new();
                decode_string(&item, at, &mut s)?;
                match out.iter_mut().find(|(ek, _)| **ek == *k) {
                    Some(e) => e.1 = s,
                    None => out.push((k.to_string(), s)),
                }
            }
            out.sort();
        }
        _ => return Err(type_error(v, at, "map[string]string")),
    }
    Ok(())
}

type ItemDecoder<T> = fn(&Map, &'static str, &str) -> Result<T, ChartError>;

/// A list of `*pkg.strukt` (Go's `[]*v2.Dependency`), `null` items kept as `None`.
fn decode_list<T>(
    v: &Value,
    at: &At,
    strukt: &str,
    out: &mut Vec<Option<T>>,
    item: ItemDecoder<T>,
) -> Result<(), ChartError> {
    match v {
        Value::Nil => out.clear(),
        Value::List(items) => {
            out.clear();
            for it in items.iter() {
                match it {
                    Value::Nil => out.push(None),
                    Value::Map(m) => out.push(Some(item(m, at.pkg, &at.path)?)),
                    other => return Err(type_error(other, at, &format!("{}.{strukt}", at.pkg))),
                }
            }
        }
        _ => return Err(type_error(v, at, &format!("[]*{}.{strukt}", at.pkg))),
    }
    Ok(())
}

fn decode_maintainer(m: &Map, pkg: &'static str, path: &str) -> Result<Maintainer, ChartError> {
    let mut out = Maintainer::default();
    for_fields(m, MAINTAINER_FIELDS, |field, v| {
        let at = At {
            pkg,
            strukt: "Maintainer",
            path: format!("{path}.{field}"),
        };
        match field {
            "name" => decode_string(v, &at, &mut out.name),
            "email" => decode_string(v, &at, &mut out.email),
            _ => decode_string(v, &at, &mut out.url),
        }
    })?;
    Ok(out)
}

fn decode_dependency(m: &Map, pkg: &'static str, path: &str) -> Result<Dependency, ChartError> {
    let mut d = Dependency::default();
    for_fields(m, DEPENDENCY_FIELDS, |field, v| {
        let at = At {
            pkg,
            strukt: "Dependency",
            path: format!("{path}.{field}"),
        };
        match field {
            "name" => decode_string(v, &at, &mut d.name),
            "version" => decode_string(v, &at, &mut d.version),
            "repository" => decode_string(v, &at, &mut d.repository),
            "condition" => decode_string(v, &at, &mut d.condition),
            "tags" => {
                d.tags_set = matches!(v, Value::List(_));
                decode_strings(v, &at, &mut d.tags)
            }
            "enabled" => decode_bool(v, &at, &mut d.enabled),
            "import-values" => match v {
                Value::Nil => {
                    d.import_values.clear();
                    Ok(())
                }
                Value::List(items) => {
                    d.import_values = items.to_vec();
                    Ok(())
                }
                other => Err(type_error(other, &at, "[]interface {}")),
            },
            _ => decode_string(v, &at, &mut d.alias),
        }
    })?;
    Ok(d)
}

/// Decodes a lock file document; `pkg` names the chart types in errors (see
/// [`go_package`]).
pub(crate) fn decode_lock_as(doc: &Value, pkg: &'static str) -> Result<Lock, ChartError> {
    let mut lock = Lock::default();
    let m = match doc {
        Value::Nil => return Ok(lock),
        Value::Map(m) => m,
        other => {
            return Err(ChartError::Decode(format!(
                "json: cannot unmarshal {} into Go value of type {pkg}.Lock",
                json_kind(other)
            )))
        }
    };
    for_fields(m, &["generated", "digest", "dependencies"], |field, v| {
        let at = At {
            pkg,
            strukt: "Lock",
            path: field.to_string(),
        };
        match field {
            // `time.Time` decodes itself: any JSON but a string or null is refused with
            // its own message, and a string must be RFC 3339.
            "generated" => match v {
                Value::Nil => Ok(()),
                Value::String(s) => {
                    let raw = crate::json::string_body(s);
                    crate::sprig::date::parse_rfc3339_json(&raw).map_err(ChartError::Decode)?;
                    lock.generated = s.to_string();
                    Ok(())
                }
                _ => Err(ChartError::Decode(
                    "Time.UnmarshalJSON: input is not a JSON string".into(),
                )),
            },
            "digest" => decode_string(v, &at, &mut lock.digest),
            _ => decode_list(
                v,
                &at,
                "Dependency",
                &mut lock.dependencies,
                decode_dependency,
            ),
        }
    })?;
    Ok(lock)
}

/// Reads the `apiVersion` alone, as Helm's loader does first to pick a chart format.
pub(crate) fn decode_api_version(doc: &Value) -> Result<String, ChartError> {
    let mut api = String::new();
    match doc {
        Value::Nil => {}
        Value::Map(m) => for_fields(m, &["apiVersion"], |_, v| {
            decode_string(
                v,
                &At {
                    pkg: "loader",
                    strukt: "chartBase",
                    path: "apiVersion".into(),
                },
                &mut api,
            )
        })?,
        other => {
            return Err(ChartError::Decode(format!(
                "json: cannot unmarshal {} into Go value of type loader.chartBase",
                json_kind(other)
            )))
        }
    }
    Ok(api)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, Value)]) -> Value {
        Value::Map(
            entries
                .iter()
                .map(|(k, v)| ((*k).into(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn scalars_become_strings_as_sigs_yaml_does() {
        let mut md = Metadata::default();
        let doc = map(&[
            ("name", true.into()),
            ("version", Value::Float(1.1)),
            (
                "keywords",
                Value::list(vec![Value::Float(1.0), true.into(), Value::Float(2.5)]),
            ),
        ]);
        decode_metadata_into(&doc, &mut md, Compat::V4).unwrap();
        assert_eq!(md.name, "true");
        assert_eq!(md.version, "1.1");
        assert_eq!(md.keywords, ["1", "true", "2.5"]);
    }

    #[test]
    fn type_mismatches_use_encoding_json_text() {
        let cases = [
            (map(&[("keywords", "a".into())]), "json: cannot unmarshal string into Go struct field Metadata.keywords of type []string"),
            (map(&[("deprecated", "yes".into())]), "json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool"),
            (map(&[("deprecated", Value::Float(1.0))]), "json: cannot unmarshal number into Go struct field Metadata.deprecated of type bool"),
            (map(&[("keywords", Value::list(vec![Value::list(vec![])]))]), "json: cannot unmarshal array into Go struct field Metadata.keywords of type string"),
            (map(&[("name", map(&[]))]), "json: cannot unmarshal object into Go struct field Metadata.name of type string"),
            (map(&[("annotations", Value::list(vec![]))]), "json: cannot unmarshal array into Go struct field Metadata.annotations of type map[string]string"),
            (map(&[("annotations", map(&[("a", Value::list(vec![]))]))]), "json: cannot unmarshal array into Go struct field Metadata.annotations of type string"),
            (map(&[("dependencies", map(&[]))]), "json: cannot unmarshal object into Go struct field Metadata.dependencies of type []*v2.Dependency"),
            (map(&[("dependencies", Value::list(vec![map(&[("tags", "b".into())])]))]), "json: cannot unmarshal string into Go struct field Dependency.dependencies.tags of type []string"),
            (map(&[("dependencies", Value::list(vec![map(&[("enabled", "x".into())])]))]), "json: cannot unmarshal string into Go struct field Dependency.dependencies.enabled of type bool"),
            (map(&[("maintainers", Value::list(vec![map(&[("name", Value::list(vec![]))])]))]), "json: cannot unmarshal array into Go struct field Maintainer.maintainers.name of type string"),
        ];
        for (doc, want) in cases {
            let mut md = Metadata::default();
            assert_eq!(
                decode_metadata_into(&doc, &mut md, Compat::V4)
                    .unwrap_err()
                    .to_string(),
                format!("error unmarshaling JSON: while decoding JSON: {want}")
            );
        }
        // helm3 names the same types by its package `chart`.
        let mut md = Metadata::default();
        assert_eq!(
            decode_metadata_into(&map(&[("dependencies", Value::list(vec!["x".into()]))]), &mut md, Compat::V3)
                .unwrap_err()
                .to_string(),
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.dependencies of type chart.Dependency"
        );
        assert_eq!(
            decode_api_version(&Value::list(vec![])).unwrap_err().to_string(),
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type loader.chartBase"
        );
    }

    #[test]
    fn kube_version_constraint() {
        // helm4 --kube-version 1.31.0: `>=1.20` passes, `>=1.40` and `bad~~` fail.
        let md = |c: &str| Metadata {
            kube_version: c.into(),
            ..Default::default()
        };
        assert!(md(">=1.20")
            .check_kube_version("v1.31.0", "v1.31.0")
            .is_ok());
        assert!(md("").check_kube_version("v1.31.0", "v1.31.0").is_ok());
        assert_eq!(
            md("bad~~")
                .check_kube_version("v1.31.0", "v1.31.0")
                .unwrap_err()
                .to_string(),
            "chart requires kubeVersion: bad~~ which is incompatible with Kubernetes v1.31.0"
        );
    }

    #[test]
    fn field_names_match_without_case() {
        let mut md = Metadata::default();
        decode_metadata_into(
            &map(&[("NAME", "a".into()), ("AppVersion", "1".into())]),
            &mut md,
            Compat::V4,
        )
        .unwrap();
        assert_eq!((md.name.as_str(), md.app_version.as_str()), ("a", "1"));
    }

    fn base() -> Metadata {
        Metadata {
            api_version: "v2".into(),
            name: "x".into(),
            version: "1.0.0".into(),
            ..Default::default()
        }
    }

    #[test]
    fn validation_messages() {
        let check = |md: Metadata, want: &str| {
            let mut md = md;
            assert_eq!(md.validate().unwrap_err().to_string(), want);
        };
        check(
            Metadata {
                name: String::new(),
                ..base()
            },
            "validation: chart.metadata.name is required",
        );
        check(
            Metadata {
                api_version: String::new(),
                ..base()
            },
            "validation: chart.metadata.apiVersion is required",
        );
        check(
            Metadata {
                version: "x".into(),
                ..base()
            },
            "validation: chart.metadata.version \"x\" is invalid",
        );
        check(
            Metadata {
                name: "a/b".into(),
                ..base()
            },
            "validation: chart.metadata.name \"a/b\" is invalid",
        );
        check(
            Metadata {
                name: "..".into(),
                ..base()
            },
            "validation: chart.metadata.name \"..\" is not allowed",
        );
        // helm3 (v3.17.1) allows `.` and `..`: a later check reports.
        let mut md = Metadata {
            name: "..".into(),
            version: "x".into(),
            ..base()
        };
        assert_eq!(
            md.validate_for(Compat::V3).unwrap_err().to_string(),
            "validation: chart.metadata.version \"x\" is invalid"
        );
        check(
            Metadata {
                chart_type: "foo".into(),
                ..base()
            },
            "validation: chart.metadata.type must be application or library",
        );
        check(
            Metadata {
                maintainers: vec![None],
                ..base()
            },
            "validation: maintainers must not contain empty or null nodes",
        );
        check(
            Metadata {
                dependencies: vec![None],
                ..base()
            },
            "validation: dependencies must not contain empty or null nodes",
        );
        let dep = |n: &str, a: &str| {
            Some(Dependency {
                name: n.into(),
                alias: a.into(),
                ..Default::default()
            })
        };
        check(
            Metadata {
                dependencies: vec![dep("a", "b.c")],
                ..base()
            },
            "validation: dependency \"a\" has disallowed characters in the alias",
        );
        check(
            Metadata {
                dependencies: vec![dep("a", ""), dep("b", "a")],
                ..base()
            },
            "validation: more than one dependency with name or alias \"a\"",
        );
        let mut ok = Metadata {
            description: "a\tb\u{7}c".into(),
            ..base()
        };
        ok.validate().unwrap();
        assert_eq!(ok.description, "a bc");
    }

    // helm v4.1.4 `show chart` and `.Chart` on a Chart.yaml whose string fields hold
    // "a\u200db\tc\u00a0d\u0007e\u2028f": `ab c de f` in each of them (redhat-cop's
    // helper-sealed-secrets, a description ending in an emoji ZWJ sequence).
    #[test]
    fn sanitizing_drops_format_runes_and_spaces_every_white_space() {
        let raw = "a\u{200d}b\tc\u{a0}d\u{7}e\u{2028}f";
        let mut md = Metadata {
            description: raw.into(),
            home: raw.into(),
            app_version: raw.into(),
            keywords: vec![raw.into()],
            maintainers: vec![Some(Maintainer {
                name: raw.into(),
                ..Default::default()
            })],
            ..base()
        };
        md.validate().unwrap();
        for s in [&md.description, &md.home, &md.app_version, &md.keywords[0]] {
            assert_eq!(s, "ab c de f");
        }
        assert_eq!(md.maintainers[0].as_ref().unwrap().name, "ab c de f");
        // Emoji keep their variation selectors (marks); the joiner goes.
        let mut md = Metadata {
            description: "S \u{1F575}\u{FE0F}\u{200D}\u{2640}\u{FE0F}\u{1F510}".into(),
            ..base()
        };
        md.validate().unwrap();
        assert_eq!(
            md.description,
            "S \u{1F575}\u{FE0F}\u{2640}\u{FE0F}\u{1F510}"
        );
    }
}
