//! `.Capabilities`: the Kubernetes version, the API versions and the Helm version a
//! render assumes (Helm's `common.Capabilities`; `chartutil.Capabilities` in Helm 3).
//!
//! `helm template` never asks a cluster: it starts from Helm's built-in defaults
//! ([`Capabilities::helm_default`]), replaces the Kubernetes version with
//! `--kube-version` and appends `--api-versions` to the default API list.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::engine::func::Param;

use crate::gofmt::quote;
use crate::value::{Elements, Field, GoFields, Kind, Map, Object, Value};

use super::Compat;

/// The Kubernetes version (`.Capabilities.KubeVersion`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// The version as given, `v`-prefixed (`v1.33.4-gke.1245000`): `.Version`,
    /// `.GitVersion`.
    pub version: String,
    /// What `String()` gives and constraints are checked against: helm4 keeps only the
    /// numeric components (`v1.33.4`); helm3 the whole version.
    pub normalized: String,
    pub major: String,
    pub minor: String,
}

/// Why `--kube-version` was refused, in the words of the parser Helm uses (apimachinery's
/// `ParseGeneric` in helm4, Masterminds semver in helm3).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KubeVersionError {
    #[error("could not parse {} as version", quote(.0))]
    Unparsable(String),
    #[error("illegal version string {}", quote(.0))]
    Illegal(String),
    #[error("illegal zero-prefixed version component {} in {}", quote(.component), quote(.input))]
    ZeroPrefixed { component: String, input: String },
    #[error("illegal non-numeric version component {} in {}: strconv.ParseUint: parsing {}: value out of range", quote(.component), quote(.input), quote(.component))]
    OutOfRange { component: String, input: String },
    /// helm3's parser.
    #[error("{0}")]
    Semver(String),
}

impl KubeVersion {
    /// Parses `--kube-version` as `compat`'s helm does.
    ///
    /// ```
    /// use helmcore::render::{Compat, KubeVersion};
    /// let v = KubeVersion::parse("1.31.0-gke.1", Compat::V4).unwrap();
    /// assert_eq!((v.version.as_str(), v.normalized.as_str()), ("v1.31.0-gke.1", "v1.31.0"));
    /// let v = KubeVersion::parse("1.31", Compat::V3).unwrap();
    /// assert_eq!(v.version, "v1.31.0");
    /// assert_eq!(KubeVersion::parse("1", Compat::V4).unwrap_err().to_string(), "illegal version string \"1\"");
    /// ```
    pub fn parse(input: &str, compat: Compat) -> Result<KubeVersion, KubeVersionError> {
        match compat {
            Compat::V4 => parse_generic(input),
            Compat::V3 => parse_semver(input),
        }
    }

    /// `vMAJOR.MINOR.0`.
    pub fn from_parts(major: u64, minor: u64) -> KubeVersion {
        let v = format!("v{major}.{minor}.0");
        KubeVersion {
            version: v.clone(),
            normalized: v,
            major: major.to_string(),
            minor: minor.to_string(),
        }
    }
}

/// apimachinery's `ParseGeneric` (optional spaces and `v`, at least two numbers, anything
/// after) and helm4's `ParseKubeVersion` on top.
fn parse_generic(input: &str) -> Result<KubeVersion, KubeVersionError> {
    let s = input.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let s = s.strip_prefix('v').unwrap_or(s);
    let b = s.as_bytes();
    let mut end = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if end == 0 {
        return Err(KubeVersionError::Unparsable(input.to_string()));
    }
    // `[0-9]+(\.[0-9]+)*`: a dot counts only when digits follow it.
    while b.get(end) == Some(&b'.') {
        let digits = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 {
            break;
        }
        end += 1 + digits;
    }
    let components: Vec<&str> = s[..end].split('.').collect();
    if components.len() < 2 {
        return Err(KubeVersionError::Illegal(input.to_string()));
    }
    let mut numbers = Vec::with_capacity(components.len());
    for (i, comp) in components.iter().enumerate() {
        if i == 0 && comp.len() > 1 && comp.starts_with('0') {
            return Err(KubeVersionError::ZeroPrefixed {
                component: comp.to_string(),
                input: input.to_string(),
            });
        }
        let n: u64 = comp.parse().map_err(|_| KubeVersionError::OutOfRange {
            component: comp.to_string(),
            input: input.to_string(),
        })?;
        numbers.push(n.to_string());
    }
    let version = if input.starts_with('v') {
        input.to_string()
    } else {
        format!("v{input}")
    };
    Ok(KubeVersion {
        version,
        normalized: format!("v{}", numbers.join(".")),
        major: numbers[0].clone(),
        minor: numbers[1].clone(),
    })
}

/// helm3's `ParseKubeVersion`: a Masterminds semver, printed back `v`-prefixed. helm3's
/// Masterminds release still capitalised its main error.
fn parse_semver(input: &str) -> Result<KubeVersion, KubeVersionError> {
    let v = crate::semver::Version::parse(input).map_err(|e| {
        KubeVersionError::Semver(match e {
            crate::semver::SemverError::InvalidSemVer => "Invalid Semantic Version".into(),
            other => other.to_string(),
        })
    })?;
    let version = format!("v{v}");
    Ok(KubeVersion {
        normalized: version.clone(),
        version,
        major: v.major().to_string(),
        minor: v.minor().to_string(),
    })
}

/// The build information of the Helm being emulated (`.Capabilities.HelmVersion`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelmVersion {
    pub version: &'static str,
    pub git_commit: &'static str,
    pub git_tree_state: &'static str,
    pub go_version: &'static str,
    /// helm4 only: the client-go minor it was built with.
    pub kube_client_version: Option<&'static str>,
}

/// What helm v4.1.4 reports (`helm version`).
pub const HELM4_VERSION: HelmVersion = HelmVersion {
    version: "v4.1.4",
    git_commit: "05fa37973dc9e42b76e1d2883494c87174b6074f",
    git_tree_state: "clean",
    go_version: "go1.25.9",
    kube_client_version: Some("v1.35"),
};

/// What helm v3.17.1 reports.
pub const HELM3_VERSION: HelmVersion = HelmVersion {
    version: "v3.17.1",
    git_commit: "980d8ac1939e39138101364400756af2bdee1da5",
    git_tree_state: "clean",
    go_version: "go1.23.5",
    kube_client_version: None,
};

/// Everything `.Capabilities` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    pub kube_version: KubeVersion,
    /// In Helm's order: the defaults, then `--api-versions` as given.
    pub api_versions: Vec<String>,
    pub helm_version: HelmVersion,
    /// Which Helm's Go type names (`common.` or `chartutil.`) templates see.
    pub compat: Compat,
}

impl Capabilities {
    /// What `helm template` assumes without a cluster: Kubernetes v1.35.0 and the API
    /// versions client-go v0.35 knows (helm4), or v1.32.0 and client-go v0.32's (helm3).
    pub fn helm_default(compat: Compat) -> Capabilities {
        match compat {
            Compat::V4 => Capabilities {
                kube_version: KubeVersion::from_parts(1, 35),
                api_versions: HELM4_API_VERSIONS.iter().map(|s| s.to_string()).collect(),
                helm_version: HELM4_VERSION,
                compat,
            },
            Compat::V3 => Capabilities {
                kube_version: KubeVersion::from_parts(1, 32),
                api_versions: HELM3_API_VERSIONS.iter().map(|s| s.to_string()).collect(),
                helm_version: HELM3_VERSION,
                compat,
            },
        }
    }

    /// `VersionSet.Has`.
    pub fn has_api_version(&self, v: &str) -> bool {
        self.api_versions.iter().any(|x| x == v)
    }

    /// The template object (`*common.Capabilities`).
    pub fn to_value(&self) -> Value {
        Value::Object(Arc::new(CapabilitiesObject::new(self)))
    }
}

/// The Go package the capability types live in.
fn pkg(compat: Compat) -> &'static str {
    match compat {
        Compat::V4 => "common",
        Compat::V3 => "chartutil",
    }
}

#[derive(Debug)]
struct CapabilitiesObject {
    compat: Compat,
    kube: Value,
    apis: Value,
    helm: Value,
}

impl CapabilitiesObject {
    fn new(c: &Capabilities) -> CapabilitiesObject {
        CapabilitiesObject {
            compat: c.compat,
            kube: Value::Object(Arc::new(KubeVersionObject {
                v: c.kube_version.clone(),
                compat: c.compat,
                addressable: true,
            })),
            apis: Value::Object(Arc::new(VersionSetObject {
                versions: crate::value::List::typed(
                    c.api_versions
                        .iter()
                        .map(|s| Value::from(s.as_str()))
                        .collect(),
                    crate::value::Elem::String,
                ),
                compat: c.compat,
            })),
            helm: Value::Object(Arc::new(HelmVersionObject(c.helm_version.clone()))),
        }
    }
}

impl CapabilitiesObject {
    /// Go's `%v` of the `Capabilities` struct itself.
    fn format_struct(&self, out: &mut String) {
        out.push('{');
        crate::value::write_v(out, &self.kube);
        out.push(' ');
        crate::value::write_v(out, &self.apis);
        out.push(' ');
        crate::value::write_v(out, &self.helm);
        out.push('}');
    }
}

impl Object for CapabilitiesObject {
    fn type_name(&self) -> Cow<'_, str> {
        format!("*{}.Capabilities", pkg(self.compat)).into()
    }
    fn kind(&self) -> Kind {
        Kind::Ptr
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "KubeVersion" => Field::Value(self.kube.clone()),
            "APIVersions" => Field::Value(self.apis.clone()),
            "HelmVersion" => Field::Value(self.helm.clone()),
            "Copy" => Field::Method,
            _ => Field::Missing,
        }
    }
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        (name == "Copy").then_some(&[])
    }
    /// A new `*Capabilities` whose `KubeVersion` lacks helm4's unexported normalized
    /// version, and is addressable again as a field behind the new pointer.
    fn deep_copy(&self) -> Option<Value> {
        let kube = match self.kube.downcast::<KubeVersionObject>() {
            Some(k) => {
                let mut v = k.v.clone();
                v.normalized.clear();
                Value::Object(Arc::new(KubeVersionObject {
                    v,
                    compat: k.compat,
                    addressable: true,
                }))
            }
            None => self.kube.deep_copy(),
        };
        Some(Value::Object(Arc::new(CapabilitiesObject {
            compat: self.compat,
            kube,
            apis: self.apis.deep_copy(),
            helm: self.helm.deep_copy(),
        })))
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match name {
            "Copy" if args.is_empty() => Ok(Value::Object(Arc::new(CapabilitiesObject {
                compat: self.compat,
                kube: self.kube.clone(),
                apis: self.apis.clone(),
                helm: self.helm.clone(),
            }))),
            _ => Err(wrong_args(name, 0, args.len())),
        }
    }
    fn format(&self, out: &mut String) {
        out.push('&');
        self.format_struct(out);
    }
    /// A template action prints the struct the pointer points to (Go's text/template
    /// dereferences a pointer before printing it), so without the `&`.
    fn printed_string(&self) -> Option<String> {
        let mut out = String::new();
        self.format_struct(&mut out);
        Some(out)
    }
    /// The fields stay objects, so that `toJson` writes each in its own field order.
    fn to_data(&self) -> Option<Value> {
        let m = Map::new();
        m.insert("KubeVersion", self.kube.clone());
        m.insert("APIVersions", self.apis.clone());
        m.insert("HelmVersion", self.helm.clone());
        Some(Value::Map(m))
    }
    fn json_order(&self) -> &'static [&'static str] {
        &["KubeVersion", "APIVersions", "HelmVersion"]
    }
    fn struct_fields(&self) -> Option<GoFields> {
        self.go_fields()
    }
    fn go_fields(&self) -> Option<GoFields> {
        Some(GoFields {
            pointer: true,
            name: format!("{}.Capabilities", pkg(self.compat)).into(),
            fields: vec![
                ("KubeVersion", self.kube.clone()),
                ("APIVersions", self.apis.clone()),
                ("HelmVersion", self.helm.clone()),
            ],
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Go's text for a method called with the wrong number of arguments.
fn wrong_args(name: &str, want: usize, got: usize) -> String {
    format!("wrong number of args for {name}: want {want} got {got}")
}

#[derive(Debug, Clone)]
struct KubeVersionObject {
    v: KubeVersion,
    compat: Compat,
    /// Reached as a field of `*Capabilities` (or held in a variable or dot since):
    /// Go's pointer-receiver methods `String` and `GitVersion` apply. A copy passed
    /// through a function is not addressable.
    addressable: bool,
}

impl KubeVersionObject {
    /// Its `String()`: the normalized version, or `Version` when there is none.
    fn string(&self) -> &str {
        if self.v.normalized.is_empty() {
            &self.v.version
        } else {
            &self.v.normalized
        }
    }
}

impl Object for KubeVersionObject {
    fn type_name(&self) -> Cow<'_, str> {
        format!("{}.KubeVersion", pkg(self.compat)).into()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "Version" => Field::Value(self.v.version.as_str().into()),
            "Major" => Field::Value(self.v.major.as_str().into()),
            "Minor" => Field::Value(self.v.minor.as_str().into()),
            "String" | "GitVersion" if self.addressable => Field::Method,
            _ => Field::Missing,
        }
    }
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        (self.addressable && matches!(name, "String" | "GitVersion")).then_some(&[])
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        if !args.is_empty() {
            return Err(wrong_args(name, 0, args.len()));
        }
        Ok(match name {
            "String" => self.string(),
            _ => self.v.version.as_str(),
        }
        .into())
    }
    /// Reached through `*Capabilities`, the field is addressable: templates print it
    /// with `String()`.
    fn printed_string(&self) -> Option<String> {
        self.addressable.then(|| self.string().to_string())
    }
    /// helm4's `normalizedVersion` is unexported: the copy lacks it, and its `String`
    /// falls back to `Version`.
    fn deep_copy(&self) -> Option<Value> {
        let mut copy = self.clone();
        copy.v.normalized.clear();
        copy.addressable = false;
        Some(Value::Object(Arc::new(copy)))
    }
    fn as_argument(&self) -> Option<Value> {
        self.addressable.then(|| {
            Value::Object(Arc::new(KubeVersionObject {
                addressable: false,
                ..self.clone()
            }))
        })
    }
    /// Go's `%v` of the struct value (`String` has a pointer receiver, so `fmt` does not
    /// see it).
    fn format(&self, out: &mut String) {
        out.push('{');
        out.push_str(&self.v.version);
        if self.compat == Compat::V4 {
            out.push(' ');
            out.push_str(&self.v.normalized);
        }
        out.push(' ');
        out.push_str(&self.v.major);
        out.push(' ');
        out.push_str(&self.v.minor);
        out.push('}');
    }
    fn to_data(&self) -> Option<Value> {
        let m = Map::new();
        m.insert("Version", self.v.version.as_str().into());
        m.insert("Major", self.v.major.as_str().into());
        m.insert("Minor", self.v.minor.as_str().into());
        Some(Value::Map(m))
    }
    fn json_order(&self) -> &'static [&'static str] {
        &["Version", "Major", "Minor"]
    }
    /// helm4's struct keeps the normalized version in a private field.
    fn struct_fields(&self) -> Option<GoFields> {
        self.go_fields()
    }
    fn go_fields(&self) -> Option<GoFields> {
        let mut fields = vec![("Version", self.v.version.as_str().into())];
        if self.compat == Compat::V4 {
            fields.push(("normalizedVersion", self.v.normalized.as_str().into()));
        }
        fields.push(("Major", self.v.major.as_str().into()));
        fields.push(("Minor", self.v.minor.as_str().into()));
        Some(GoFields {
            pointer: false,
            name: format!("{}.KubeVersion", pkg(self.compat)).into(),
            fields,
        })
    }
    fn eq_object(&self, other: &dyn Object) -> bool {
        other
            .as_any()
            .downcast_ref::<KubeVersionObject>()
            .is_some_and(|o| o.v == self.v)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `VersionSet` (a named `[]string` with a `Has` method).
#[derive(Debug)]
struct VersionSetObject {
    versions: crate::value::List,
    compat: Compat,
}

impl Object for VersionSetObject {
    fn type_name(&self) -> Cow<'_, str> {
        format!("{}.VersionSet", pkg(self.compat)).into()
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "Has" => Field::Method,
            _ => Field::Missing,
        }
    }
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        (name == "Has").then_some(&[Param::String])
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match args {
            [Value::String(s)] => Ok(Value::Bool(
                self.versions.iter().any(|v| v.as_str() == Some(s)),
            )),
            [other] => Err(format!(
                "wrong type for value; expected string; got {}",
                other.type_name()
            )),
            _ => Err(wrong_args(name, 1, args.len())),
        }
    }
    fn format(&self, out: &mut String) {
        crate::value::write_v(out, &Value::List(self.versions.clone()));
    }
    fn to_data(&self) -> Option<Value> {
        Some(Value::List(self.versions.clone()))
    }
    fn elements(&self) -> Option<Elements> {
        Some(Elements::List(self.versions.to_vec()))
    }
    fn is_truthy(&self) -> bool {
        !self.versions.is_empty()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `version.BuildInfo`.
#[derive(Debug)]
struct HelmVersionObject(HelmVersion);

impl Object for HelmVersionObject {
    fn type_name(&self) -> Cow<'_, str> {
        "version.BuildInfo".into()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn field(&self, name: &str) -> Field {
        let h = &self.0;
        match name {
            "Version" => Field::Value(h.version.into()),
            "GitCommit" => Field::Value(h.git_commit.into()),
            "GitTreeState" => Field::Value(h.git_tree_state.into()),
            "GoVersion" => Field::Value(h.go_version.into()),
            "KubeClientVersion" => match h.kube_client_version {
                Some(v) => Field::Value(v.into()),
                None => Field::Missing,
            },
            _ => Field::Missing,
        }
    }
    fn format(&self, out: &mut String) {
        let h = &self.0;
        out.push('{');
        let mut parts = vec![h.version, h.git_commit, h.git_tree_state, h.go_version];
        parts.extend(h.kube_client_version);
        out.push_str(&parts.join(" "));
        out.push('}');
    }
    /// `encoding/json` with the struct's tags: the first four `omitempty`.
    fn to_data(&self) -> Option<Value> {
        let h = &self.0;
        let m = Map::new();
        m.insert("version", h.version.into());
        m.insert("git_commit", h.git_commit.into());
        m.insert("git_tree_state", h.git_tree_state.into());
        m.insert("go_version", h.go_version.into());
        if let Some(k) = h.kube_client_version {
            m.insert("kube_client_version", k.into());
        }
        Some(Value::Map(m))
    }
    fn struct_fields(&self) -> Option<GoFields> {
        self.go_fields()
    }
    fn go_fields(&self) -> Option<GoFields> {
        let h = &self.0;
        let mut fields = vec![
            ("Version", h.version.into()),
            ("GitCommit", h.git_commit.into()),
            ("GitTreeState", h.git_tree_state.into()),
            ("GoVersion", h.go_version.into()),
        ];
        if let Some(k) = h.kube_client_version {
            fields.push(("KubeClientVersion", k.into()));
        }
        Some(GoFields {
            pointer: false,
            name: "version.BuildInfo".into(),
            fields,
        })
    }
    fn json_order(&self) -> &'static [&'static str] {
        &[
            "version",
            "git_commit",
            "git_tree_state",
            "go_version",
            "kube_client_version",
        ]
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// helm v4.1.4's default API versions (client-go v0.35's scheme plus the CRD APIs), in
/// its order.
pub const HELM4_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "autoscaling/v2beta1",
    "autoscaling/v2beta2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1",
    "resource.k8s.io/v1beta2",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha1",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// helm v3.17.1's default API versions (client-go v0.32).
pub const HELM3_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "autoscaling/v2beta1",
    "autoscaling/v2beta2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1alpha1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha1",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1alpha1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

#[cfg(test)]
mod tests {
    use super::*;

    // Each expectation is what `helm template --kube-version X` printed for
    // `{{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion }} .Major .Minor`.
    #[test]
    fn kube_versions_as_helm4_parses_them() {
        let p = |s: &str| {
            let v = KubeVersion::parse(s, Compat::V4).unwrap();
            (v.version, v.normalized, v.major, v.minor)
        };
        let t = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_string(), b.to_string(), c.to_string(), d.to_string())
        };
        assert_eq!(p("1.31.0"), t("v1.31.0", "v1.31.0", "1", "31"));
        assert_eq!(p("v1.31"), t("v1.31", "v1.31", "1", "31"));
        assert_eq!(p("1.31.0-gke.1"), t("v1.31.0-gke.1", "v1.31.0", "1", "31"));
        assert_eq!(p("1.2.3.4"), t("v1.2.3.4", "v1.2.3.4", "1", "2"));
        assert_eq!(p(" 1.2.3"), t("v 1.2.3", "v1.2.3", "1", "2"));
        let e = |s: &str| KubeVersion::parse(s, Compat::V4).unwrap_err().to_string();
        assert_eq!(e("1"), "illegal version string \"1\"");
        assert_eq!(e("abc"), "could not parse \"abc\" as version");
        assert_eq!(
            e("01.2.3"),
            "illegal zero-prefixed version component \"01\" in \"01.2.3\""
        );
    }

    // Accepted and refused exactly as `helm lint --kube-version X` (helm v4.1.4).
    #[test]
    fn kube_versions_helm4_lint_accepts_and_refuses() {
        for (s, major, minor) in [
            ("v1.20", "1", "20"),
            ("1.02", "1", "2"),
            (" 1.20", "1", "20"),
            ("1.20-rc.1", "1", "20"),
            ("1.20+abc", "1", "20"),
            ("1.2 ", "1", "2"),
            ("1.2x", "1", "2"),
        ] {
            let v = KubeVersion::parse(s, Compat::V4).unwrap();
            assert_eq!((v.major.as_str(), v.minor.as_str()), (major, minor), "{s}");
        }
        let e = |s: &str| KubeVersion::parse(s, Compat::V4).unwrap_err().to_string();
        assert_eq!(e("1.x"), "illegal version string \"1.x\"");
        assert_eq!(e(""), "could not parse \"\" as version");
        assert_eq!(e("1.99999999999999999999"), "illegal non-numeric version component \"99999999999999999999\" in \"1.99999999999999999999\": strconv.ParseUint: parsing \"99999999999999999999\": value out of range");
    }

    #[test]
    fn kube_versions_as_helm3_parses_them() {
        let p = |s: &str| KubeVersion::parse(s, Compat::V3).map(|v| (v.version, v.major, v.minor));
        assert_eq!(p("1").unwrap(), ("v1.0.0".into(), "1".into(), "0".into()));
        assert_eq!(
            p("v1.31").unwrap(),
            ("v1.31.0".into(), "1".into(), "31".into())
        );
        assert_eq!(p("01.2.3").unwrap().0, "v1.2.3");
        assert_eq!(p("1.31.0-gke.1").unwrap().0, "v1.31.0-gke.1");
        assert_eq!(
            p("abc").unwrap_err().to_string(),
            "Invalid Semantic Version"
        );
        assert_eq!(
            p("1.2.3.4").unwrap_err().to_string(),
            "Invalid Semantic Version"
        );
    }

    #[test]
    fn printed_as_go_prints_them() {
        // helm4: `{{ .Capabilities.HelmVersion }}` and `printf "%T"`.
        let c = Capabilities::helm_default(Compat::V4);
        let v = c.to_value();
        let Value::Object(o) = &v else { unreachable!() };
        assert_eq!(o.type_name(), "*common.Capabilities");
        let Field::Value(h) = o.field("HelmVersion") else {
            unreachable!()
        };
        assert_eq!(
            h.to_go_string(),
            "{v4.1.4 05fa37973dc9e42b76e1d2883494c87174b6074f clean go1.25.9 v1.35}"
        );
        let Field::Value(k) = o.field("KubeVersion") else {
            unreachable!()
        };
        assert_eq!(k.to_go_string(), "{v1.35.0 v1.35.0 1 35}");
        let s = v.to_go_string();
        assert!(
            s.starts_with("&{{v1.35.0 v1.35.0 1 35} [v1 admissionregistration.k8s.io/v1 "),
            "{s}"
        );
        assert!(s.ends_with(" apiextensions.k8s.io/v1] {v4.1.4 05fa37973dc9e42b76e1d2883494c87174b6074f clean go1.25.9 v1.35}}"), "{s}");
        // helm4: `{{ .Capabilities }}` prints the struct the pointer points to, no `&`;
        // `index` reaches the `VersionSet`'s strings.
        let mut set = crate::engine::TemplateSet::new(crate::engine::FuncTable::helm());
        set.add(
            "c/templates/x.yaml",
            "{{ .Capabilities }}|{{ index .Capabilities.APIVersions 0 }}|{{ len .Capabilities.APIVersions | le 2 }}|{{ html .Capabilities 1 | trunc 9 }}|{{ js .Capabilities.KubeVersion }}",
        )
        .unwrap();
        let top = Map::new();
        top.insert("Capabilities", v.clone());
        let out = set
            .execute(
                "c/templates/x.yaml",
                &Value::Map(top),
                &crate::engine::ExecOptions::helm(),
            )
            .unwrap();
        // helm4: `html`/`js`/`urlquery` dereference the pointer too; the `KubeVersion`
        // they receive is a copy, printed without its `String` method.
        assert_eq!(
            out,
            format!("{}|v1|true|{{{{v1.35.0|{{v1.35.0 v1.35.0 1 35}}", &s[1..])
        );
        let c3 = Capabilities::helm_default(Compat::V3);
        let Value::Object(o3) = c3.to_value() else {
            unreachable!()
        };
        let Field::Value(k3) = o3.field("KubeVersion") else {
            unreachable!()
        };
        assert_eq!(k3.to_go_string(), "{v1.32.0 1 32}");
        assert_eq!(o3.type_name(), "*chartutil.Capabilities");
    }

    #[test]
    fn has_checks_membership() {
        let c = Capabilities::helm_default(Compat::V4);
        let Value::Object(o) = c.to_value() else {
            unreachable!()
        };
        let Field::Value(Value::Object(apis)) = o.field("APIVersions") else {
            unreachable!()
        };
        assert_eq!(apis.call("Has", &["apps/v1".into()]), Ok(Value::Bool(true)));
        assert_eq!(
            apis.call("Has", &["apps/v2".into()]),
            Ok(Value::Bool(false))
        );
        assert_eq!(HELM4_API_VERSIONS.len(), 57);
        assert_eq!(HELM3_API_VERSIONS.len(), 56);
    }
}
