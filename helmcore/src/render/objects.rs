//! The built-in objects templates see besides `.Values`, `.Capabilities` and `.Files`:
//! `.Release`, `.Chart` and `.Template`, with the Go types each Helm gives them.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::chart::{Dependency, Metadata, DEPENDENCY_FIELDS, MAINTAINER_FIELDS};
use crate::value::{write_v, Elem, Field, GoFields, Kind, List, Map, Object, Value};

use super::Compat;

/// What `.Release` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseInfo {
    pub name: String,
    pub namespace: String,
    pub revision: i64,
    pub is_upgrade: bool,
    pub is_install: bool,
}

impl ReleaseInfo {
    /// `.Release`: a plain map in both Helms (`map[IsInstall:true IsUpgrade:false
    /// Name:rel Namespace:default Revision:1 Service:Helm]`).
    pub fn to_value(&self) -> Value {
        let m = Map::new();
        m.insert("Name", self.name.as_str().into());
        m.insert("Namespace", self.namespace.as_str().into());
        m.insert("IsUpgrade", self.is_upgrade.into());
        m.insert("IsInstall", self.is_install.into());
        m.insert("Revision", Value::int(self.revision));
        m.insert("Service", "Helm".into());
        Value::Map(m)
    }
}

/// `.Chart`: helm4 turns the metadata into a map keyed by Go field names and adds
/// `IsRoot`; helm3 embeds the struct in `struct { chart.Metadata; IsRoot bool }`.
pub fn chart_value(meta: &Metadata, is_root: bool, compat: Compat) -> Value {
    match compat {
        Compat::V4 => {
            let v = meta.to_value();
            if let Value::Map(m) = &v {
                m.insert("IsRoot", is_root.into());
            }
            v
        }
        Compat::V3 => Value::Object(Arc::new(ChartStruct {
            md: Arc::new(MetadataStruct {
                fields: v3_fields(meta.to_value(), meta),
                meta: meta.clone(),
            }),
            is_root,
        })),
    }
}

/// helm3 reads the struct's fields with their Go types: the lists are typed slices, nil
/// when Chart.yaml leaves them out (helm4's map holds `[]interface {}`, never nil), and
/// maintainers and dependencies are struct pointers.
fn v3_fields(fields: Value, meta: &Metadata) -> Value {
    if let Value::Map(m) = &fields {
        let retype = |key: &str, set: bool, elem: Elem, item: &dyn Fn(usize, Value) -> Value| {
            let items: Vec<Value> = match m.get(key) {
                Some(Value::List(l)) => l
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, v)| item(i, v))
                    .collect(),
                _ => Vec::new(),
            };
            let list = if items.is_empty() && !set {
                List::nil(elem)
            } else {
                List::typed(items, elem)
            };
            m.insert(key, Value::List(list));
        };
        retype("Sources", meta.sources_set, Elem::String, &|_, v| v);
        retype("Keywords", meta.keywords_set, Elem::String, &|_, v| v);
        retype(
            "Maintainers",
            meta.maintainers_set,
            Elem::Maintainer,
            &pointers(&meta.maintainers, &MAINTAINER_STRUCT, |_, go| go),
        );
        retype(
            "Dependencies",
            meta.dependencies_set,
            Elem::Dependency,
            &pointers(&meta.dependencies, &DEPENDENCY_STRUCT, dependency_go),
        );
    }
    fields
}

/// The items of a helm3 metadata list (`Maintainers`, `Dependencies`) as the struct
/// pointers they are there: Go fields from the item (retyped by `go`), JSON from its
/// `entries` counterpart (a nil entry stays nil).
fn pointers<'a, T: JsonEntry>(
    entries: &'a [Option<T>],
    kind: &'static StructKind,
    go: fn(&T, Map) -> Map,
) -> impl Fn(usize, Value) -> Value + 'a {
    move |i, item| match (item, entries.get(i).and_then(Option::as_ref)) {
        (Value::Map(fields), Some(entry)) => Value::Object(Arc::new(JsonStruct {
            kind,
            fields: go(entry, fields),
            json: entry.json(),
        })),
        (item, _) => item,
    }
}

/// A helm3 dependency's Go fields: `Tags` a `[]string`, nil unless Chart.yaml gave a
/// list, and `ImportValues` nil when empty (processing rebuilds it by appending to nil).
fn dependency_go(d: &Dependency, fields: Map) -> Map {
    let tags: Vec<Value> = d.tags.iter().map(|t| Value::from(t.as_str())).collect();
    let tags = if tags.is_empty() && !d.tags_set {
        List::nil(Elem::String)
    } else {
        List::typed(tags, Elem::String)
    };
    fields.insert("Tags", Value::List(tags));
    if d.import_values.is_empty() {
        fields.insert("ImportValues", Value::List(List::nil(Elem::Interface)));
    }
    fields
}

/// `.Template`: `{Name, BasePath}`.
pub fn template_value(name: &str, base_path: &str) -> Map {
    let m = Map::new();
    m.insert("Name", name.into());
    m.insert("BasePath", base_path.into());
    m
}

/// helm3's `.Chart`.
#[derive(Debug)]
struct ChartStruct {
    md: Arc<MetadataStruct>,
    is_root: bool,
}

const METADATA_FIELDS: [&str; 17] = [
    "Name",
    "Home",
    "Sources",
    "Version",
    "Description",
    "Keywords",
    "Maintainers",
    "Icon",
    "APIVersion",
    "Condition",
    "Tags",
    "AppVersion",
    "Deprecated",
    "Annotations",
    "KubeVersion",
    "Dependencies",
    "Type",
];

impl Object for ChartStruct {
    fn type_name(&self) -> Cow<'_, str> {
        "struct { chart.Metadata; IsRoot bool }".into()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "IsRoot" => Field::Value(self.is_root.into()),
            "Metadata" => Field::Value(Value::Object(self.md.clone())),
            _ => self.md.field(name),
        }
    }
    /// `{{NAME HOME [SOURCES] VERSION ...} ISROOT}`.
    fn format(&self, out: &mut String) {
        out.push('{');
        self.md.format(out);
        out.push(' ');
        out.push_str(if self.is_root { "true" } else { "false" });
        out.push('}');
    }
    fn struct_fields(&self) -> Option<GoFields> {
        Some(GoFields {
            pointer: false,
            name: self.type_name().into_owned().into(),
            fields: vec![
                ("Metadata", Value::Object(self.md.clone())),
                ("IsRoot", self.is_root.into()),
            ],
        })
    }
    fn go_fields(&self) -> Option<GoFields> {
        self.struct_fields()
    }
    fn embedded_fields(&self) -> &'static [&'static str] {
        &["Metadata"]
    }
    /// `encoding/json` of the struct: the embedded metadata's fields with their
    /// `omitempty` tags, then `IsRoot`.
    fn to_data(&self) -> Option<Value> {
        let m = metadata_json(&self.md.meta, &self.md.fields);
        m.insert("IsRoot", self.is_root.into());
        Some(Value::Map(m))
    }
    /// The metadata's fields; `IsRoot`, not among them, comes last.
    fn json_order(&self) -> &'static [&'static str] {
        crate::chart::METADATA_FIELDS
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The `chart.Metadata` embedded in helm3's `.Chart` (`.Chart.Metadata`).
#[derive(Debug)]
struct MetadataStruct {
    meta: Metadata,
    /// The struct's fields by Go name, with their Go types.
    fields: Value,
}

impl Object for MetadataStruct {
    fn type_name(&self) -> Cow<'_, str> {
        "chart.Metadata".into()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn field(&self, name: &str) -> Field {
        match self.fields.get(name) {
            Some(v) => Field::Value(v),
            None => Field::Missing,
        }
    }
    /// `{NAME HOME [SOURCES] VERSION ...}`.
    fn format(&self, out: &mut String) {
        out.push('{');
        for (i, f) in METADATA_FIELDS.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if let Some(v) = self.fields.get(f) {
                write_v(out, &v);
            }
        }
        out.push('}');
    }
    fn to_data(&self) -> Option<Value> {
        Some(Value::Map(metadata_json(&self.meta, &self.fields)))
    }
    fn json_order(&self) -> &'static [&'static str] {
        crate::chart::METADATA_FIELDS
    }
    fn struct_fields(&self) -> Option<GoFields> {
        Some(GoFields {
            pointer: false,
            name: "chart.Metadata".into(),
            fields: METADATA_FIELDS
                .iter()
                .map(|&f| (f, self.fields.get(f).unwrap_or_default()))
                .collect(),
        })
    }
    fn go_fields(&self) -> Option<GoFields> {
        self.struct_fields()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What tells helm3's metadata struct types apart to Go's reflection.
#[derive(Debug)]
struct StructKind {
    type_name: &'static str,
    /// The Go fields in declaration order.
    go_order: &'static [&'static str],
    /// The JSON tags in declaration order.
    json_order: &'static [&'static str],
    /// `chart.Dependency` has `yaml` tags equal to its `json` ones; `chart.Maintainer`
    /// has none, so go-yaml v3 lower-cases its field names.
    yaml_tags: bool,
}

const MAINTAINER_STRUCT: StructKind = StructKind {
    type_name: "*chart.Maintainer",
    go_order: &["Name", "Email", "URL"],
    json_order: MAINTAINER_FIELDS,
    yaml_tags: false,
};

const DEPENDENCY_STRUCT: StructKind = StructKind {
    type_name: "*chart.Dependency",
    go_order: &[
        "Name",
        "Version",
        "Repository",
        "Condition",
        "Tags",
        "Enabled",
        "ImportValues",
        "Alias",
    ],
    json_order: DEPENDENCY_FIELDS,
    yaml_tags: true,
};

/// An entry of a metadata list with its `encoding/json` form.
trait JsonEntry {
    fn json(&self) -> Map;
}

impl JsonEntry for crate::chart::Maintainer {
    fn json(&self) -> Map {
        maintainer_json(self)
    }
}

impl JsonEntry for Dependency {
    fn json(&self) -> Map {
        dependency_json(self)
    }
}

/// A struct pointer in helm3's metadata (`*chart.Maintainer`, `*chart.Dependency`):
/// templates read its Go fields; `encoding/json` writes its tagged fields in declaration
/// order.
#[derive(Debug)]
struct JsonStruct {
    kind: &'static StructKind,
    /// By Go field name (`Name`, `Email`).
    fields: Map,
    /// By JSON tag, `omitempty` applied (`name`, `email`).
    json: Map,
}

impl Object for JsonStruct {
    fn type_name(&self) -> Cow<'_, str> {
        self.kind.type_name.into()
    }
    fn kind(&self) -> Kind {
        Kind::Ptr
    }
    fn field(&self, name: &str) -> Field {
        match self.fields.get(name) {
            Some(v) => Field::Value(v),
            None => Field::Missing,
        }
    }
    fn format(&self, out: &mut String) {
        write_v(out, &Value::Map(self.fields.clone()));
    }
    fn to_data(&self) -> Option<Value> {
        Some(Value::Map(self.json.clone()))
    }
    fn json_order(&self) -> &'static [&'static str] {
        self.kind.json_order
    }
    fn struct_fields(&self) -> Option<GoFields> {
        Some(GoFields {
            pointer: true,
            name: self.kind.type_name.trim_start_matches('*').into(),
            fields: self
                .kind
                .go_order
                .iter()
                .map(|&f| (f, self.fields.get(f).unwrap_or_default()))
                .collect(),
        })
    }
    fn go_fields(&self) -> Option<GoFields> {
        self.struct_fields()
    }
    fn yaml_uses_json_tags(&self) -> bool {
        self.kind.yaml_tags
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The metadata's `encoding/json` fields; `fields` is the struct as templates see it
/// (its maintainers and dependencies are already [`JsonStruct`]s).
fn metadata_json(md: &Metadata, fields: &Value) -> Map {
    let m = Map::new();
    let s = |m: &Map, k: &str, v: &str| {
        if !v.is_empty() {
            m.insert(k, v.into());
        }
    };
    let strings = |v: &[String]| Value::list(v.iter().map(|s| Value::from(s.as_str())).collect());
    s(&m, "name", &md.name);
    s(&m, "home", &md.home);
    if !md.sources.is_empty() {
        m.insert("sources", strings(&md.sources));
    }
    s(&m, "version", &md.version);
    s(&m, "description", &md.description);
    if !md.keywords.is_empty() {
        m.insert("keywords", strings(&md.keywords));
    }
    if !md.maintainers.is_empty() {
        m.insert("maintainers", fields.get("Maintainers").unwrap_or_default());
    }
    s(&m, "icon", &md.icon);
    s(&m, "apiVersion", &md.api_version);
    s(&m, "condition", &md.condition);
    s(&m, "tags", &md.tags);
    s(&m, "appVersion", &md.app_version);
    if md.deprecated {
        m.insert("deprecated", true.into());
    }
    if !md.annotations.is_empty() {
        m.insert(
            "annotations",
            Value::Map(
                md.annotations
                    .iter()
                    .map(|(k, v)| (k.as_str().into(), Value::from(v.as_str())))
                    .collect(),
            ),
        );
    }
    s(&m, "kubeVersion", &md.kube_version);
    if !md.dependencies.is_empty() {
        m.insert(
            "dependencies",
            fields.get("Dependencies").unwrap_or_default(),
        );
    }
    s(&m, "type", &md.chart_type);
    m
}

fn maintainer_json(mt: &crate::chart::Maintainer) -> Map {
    let m = Map::new();
    for (k, v) in [("name", &mt.name), ("email", &mt.email), ("url", &mt.url)] {
        if !v.is_empty() {
            m.insert(k, v.as_str().into());
        }
    }
    m
}

fn dependency_json(d: &Dependency) -> Map {
    let m = Map::new();
    m.insert("name", d.name.as_str().into());
    if !d.version.is_empty() {
        m.insert("version", d.version.as_str().into());
    }
    m.insert("repository", d.repository.as_str().into());
    if !d.condition.is_empty() {
        m.insert("condition", d.condition.as_str().into());
    }
    if !d.tags.is_empty() {
        m.insert(
            "tags",
            Value::list(d.tags.iter().map(|t| Value::from(t.as_str())).collect()),
        );
    }
    if d.enabled {
        m.insert("enabled", true.into());
    }
    if !d.import_values.is_empty() {
        m.insert("import-values", Value::list(d.import_values.clone()));
    }
    if !d.alias.is_empty() {
        m.insert("alias", d.alias.as_str().into());
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Metadata {
        Metadata {
            name: "p1".into(),
            version: "0.1.0".into(),
            api_version: "v2".into(),
            app_version: "1.0".into(),
            ..Metadata::default()
        }
    }

    // helm4 and helm3 printing `{{ .Chart }}`, `{{ .Release }}` and `{{ .Template }}` of
    // a chart with only name, version, apiVersion and appVersion.
    #[test]
    fn printed_as_helm_prints_them() {
        assert_eq!(
            chart_value(&meta(), true, Compat::V4).to_go_string(),
            "map[APIVersion:v2 Annotations:map[] AppVersion:1.0 Condition: Dependencies:[] Deprecated:false Description: Home: Icon: IsRoot:true Keywords:[] KubeVersion: Maintainers:[] Name:p1 Sources:[] Tags: Type: Version:0.1.0]"
        );
        let v3 = chart_value(&meta(), true, Compat::V3);
        assert_eq!(
            v3.to_go_string(),
            "{{p1  [] 0.1.0  [] []  v2   1.0 false map[]  [] } true}"
        );
        assert_eq!(v3.type_name(), "struct { chart.Metadata; IsRoot bool }");
        let r = ReleaseInfo {
            name: "rel".into(),
            namespace: "default".into(),
            revision: 1,
            is_upgrade: false,
            is_install: true,
        };
        assert_eq!(
            r.to_value().to_go_string(),
            "map[IsInstall:true IsUpgrade:false Name:rel Namespace:default Revision:1 Service:Helm]"
        );
        assert_eq!(
            Value::Map(template_value("p1/templates/x.yaml", "p1/templates")).to_go_string(),
            "map[BasePath:p1/templates Name:p1/templates/x.yaml]"
        );
    }
}
