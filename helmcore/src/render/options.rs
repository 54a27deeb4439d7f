//! What a render is asked to do: the release, the cluster it assumes, the Helm it
//! emulates.

use std::sync::Arc;

use crate::engine::{HostResolver, Lookup};
use crate::values::schema::SchemaLoader;

use super::capabilities::{Capabilities, KubeVersion};

/// Which Helm's behaviour to reproduce where helm v4 and v3 differ (kind order, `.Chart`'s
/// type, default capabilities, error layout).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Compat {
    /// helm v4.1.4 (the default).
    #[default]
    V4,
    /// helm v3.17.1.
    V3,
}

impl Compat {
    /// The Go type `.Values` has in templates: `common.Values` in Helm 4,
    /// `chartutil.Values` in Helm 3.
    pub fn values_type(self) -> &'static crate::value::NamedMap {
        match self {
            Compat::V4 => &crate::values::go_type::COMMON_VALUES,
            Compat::V3 => &crate::values::go_type::CHARTUTIL_VALUES,
        }
    }
}

impl std::str::FromStr for Compat {
    type Err = String;

    fn from_str(s: &str) -> Result<Compat, String> {
        match s {
            "v4" | "4" => Ok(Compat::V4),
            "v3" | "3" => Ok(Compat::V3),
            _ => Err(format!("unknown compat {s:?}: want v3 or v4")),
        }
    }
}

/// A program the rendered manifests pass through before they are sorted (helm's
/// `--post-renderer`): it gets the manifests as one YAML stream and returns the stream
/// to use instead. The library runs nothing itself; the caller supplies this.
pub trait PostRenderer: Send + Sync {
    /// The post-rendered stream, or the reason it failed.
    fn run(&self, manifests: &str) -> Result<String, String>;
}

/// How to render: the release, the cluster, the emulated Helm. The defaults are `helm
/// template`'s: release `release-name` in namespace `default`, revision 1, an install,
/// helm4's default capabilities.
///
/// ```
/// use helmcore::render::{Compat, RenderOptions};
/// let opts = RenderOptions { release_name: "web".into(), namespace: "prod".into(), ..RenderOptions::default() };
/// assert_eq!(opts.compat, Compat::V4);
/// assert_eq!(opts.revision, 1);
/// ```
#[derive(Clone)]
pub struct RenderOptions {
    pub compat: Compat,
    pub release_name: String,
    pub namespace: String,
    pub revision: i64,
    /// `.Release.IsUpgrade` (and not `IsInstall`): `--is-upgrade`.
    pub is_upgrade: bool,
    /// `--kube-version`; `None` keeps the emulated Helm's default.
    pub kube_version: Option<KubeVersion>,
    /// `--api-versions`, appended to the default set.
    pub api_versions: Vec<String>,
    /// Replaces the computed capabilities entirely (then `kube_version` and
    /// `api_versions` are ignored): for callers that know the real cluster.
    pub capabilities: Option<Capabilities>,
    /// `--include-crds`: the CRD files lead the manifests (and go to the post-renderer).
    pub include_crds: bool,
    /// `--render-subchart-notes`: subcharts' `NOTES.txt` join the notes.
    pub subchart_notes: bool,
    /// `--skip-schema-validation`.
    pub skip_schema_validation: bool,
    /// Fetches the `http(s)` documents that `values.schema.json` files refer to; without
    /// one such references fail (see [`SchemaLoader`]).
    pub schema_loader: Option<Arc<dyn SchemaLoader>>,
    /// Helm's strict mode (`missingkey=error`), as `helm lint --strict` renders.
    pub strict: bool,
    /// Helm's lint mode: `required` and `fail` are recorded instead of failing.
    pub lint: bool,
    /// What `lookup` asks; without it `lookup` returns an empty map, as `helm template`.
    pub lookup: Option<Arc<dyn Lookup>>,
    /// `--enable-dns`: what `getHostByName` asks; without it `getHostByName` returns `""`.
    pub resolver: Option<Arc<dyn HostResolver>>,
    /// `--post-renderer`.
    pub post_renderer: Option<Arc<dyn PostRenderer>>,
    /// A bound on template evaluation steps (for untrusted charts); `None` is unbounded.
    pub max_steps: Option<u64>,
    /// Where the monotonic clock reading that `now` carries starts (helm: its process's
    /// start; printed by `{{ now | quote }}` as `m=+0.048580620`); `None` counts from the
    /// render's start.
    pub clock_origin: Option<std::time::Instant>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            compat: Compat::V4,
            release_name: "release-name".into(),
            namespace: "default".into(),
            revision: 1,
            is_upgrade: false,
            kube_version: None,
            api_versions: Vec::new(),
            capabilities: None,
            include_crds: false,
            subchart_notes: false,
            skip_schema_validation: false,
            schema_loader: None,
            strict: false,
            lint: false,
            lookup: None,
            resolver: None,
            post_renderer: None,
            max_steps: None,
            clock_origin: None,
        }
    }
}

impl std::fmt::Debug for RenderOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderOptions")
            .field("compat", &self.compat)
            .field("release_name", &self.release_name)
            .field("namespace", &self.namespace)
            .field("revision", &self.revision)
            .field("is_upgrade", &self.is_upgrade)
            .field("kube_version", &self.kube_version)
            .field("api_versions", &self.api_versions)
            .field("capabilities", &self.capabilities.is_some())
            .field("include_crds", &self.include_crds)
            .field("subchart_notes", &self.subchart_notes)
            .field("skip_schema_validation", &self.skip_schema_validation)
            .field("schema_loader", &self.schema_loader.is_some())
            .field("strict", &self.strict)
            .field("lint", &self.lint)
            .field("lookup", &self.lookup.is_some())
            .field("resolver", &self.resolver.is_some())
            .field("post_renderer", &self.post_renderer.is_some())
            .field("max_steps", &self.max_steps)
            .field("clock_origin", &self.clock_origin)
            .finish()
    }
}

impl RenderOptions {
    /// The capabilities this render assumes.
    pub fn capabilities(&self) -> Capabilities {
        if let Some(c) = &self.capabilities {
            return c.clone();
        }
        let mut c = Capabilities::helm_default(self.compat);
        if let Some(k) = &self.kube_version {
            c.kube_version = k.clone();
        }
        c.api_versions.extend(self.api_versions.iter().cloned());
        c
    }
}
