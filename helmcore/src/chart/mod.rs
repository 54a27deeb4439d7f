//! Helm charts: the model, loading (directory, archive, bytes) and dependency
//! processing — Helm's `pkg/chart`, `pkg/chart/loader` and `chartutil` dependencies.
//!
//! A [`Chart`] is immutable once loaded and cheap to share: subcharts are `Arc`s, file
//! contents are `Arc<[u8]>`. Dependency processing ([`process_dependencies`]) builds a new
//! tree rather than changing the loaded one.
//!
//! ```no_run
//! let chart = helmcore::chart::load("charts/mychart").unwrap();
//! println!("{} {}", chart.name(), chart.metadata.version);
//! ```

pub mod archive;
mod data;
mod dependencies;
mod dependencies_v3;
mod error;
pub mod glob;
pub mod ignore;
mod loader;
mod metadata;
mod semver_check;
mod show;
mod values;

use std::sync::Arc;

use crate::value::Str;

pub use archive::{BufferedFile, Limits};
pub use data::FileData;
pub use dependencies::{
    check_dependencies, process_dependencies, process_dependencies_for,
    process_dependencies_logged, DependencyOutcome,
};
pub use dependencies_v3::process_dependencies_helm3_logged;
pub(crate) use error::dependency_check_message;
pub use error::ChartError;
pub(crate) use loader::go_errno_text as go_errno_text_of;
pub use loader::{
    load, load_archive, load_archive_with_limits, load_deferred, load_deferred_for,
    load_deferred_logged, load_dir, load_file, load_files, load_for, load_logged, load_v2,
    load_v2_logged, merge_maps,
};
pub(crate) use metadata::{
    decode_metadata_into, DEPENDENCY_FIELDS, MAINTAINER_FIELDS, METADATA_FIELDS,
};
pub use metadata::{Dependency, Lock, Maintainer, Metadata, API_VERSION_V1, API_VERSION_V2};
pub use show::{show, show_for, show_values_jsonpath, JsonPathParseError, ShowFormat};
pub use values::ChartValues;

/// A file of a chart, with its path relative to the chart root (`templates/x.yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: Str,
    pub data: FileData,
}

/// A loaded chart.
#[derive(Debug, Clone)]
pub struct Chart {
    pub metadata: Metadata,
    /// `Chart.lock` (or `requirements.lock` for v1 charts).
    pub lock: Option<Lock>,
    /// Files under `templates/`.
    pub templates: Vec<File>,
    /// Every other file, `crds/` included (what templates see as `.Files`).
    pub files: Vec<File>,
    /// Every file as loaded, Chart.yaml and values.yaml included (`helm show`).
    pub raw: Vec<File>,
    /// The parsed `values.yaml` (decoded on first use after [`load_deferred`]). Never
    /// changed in place: coalescing works on copies.
    pub values: ChartValues,
    /// `values.schema.json`, as written.
    pub schema: Option<Arc<[u8]>>,
    /// Subcharts, in load order (`charts/` sorted by name).
    pub dependencies: Vec<Arc<Chart>>,
    /// Names of the charts above this one, root first: the parent link, by path.
    pub parents: Vec<String>,
}

impl Chart {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    pub fn is_root(&self) -> bool {
        self.parents.is_empty()
    }

    /// Helm's `ChartPath`: `root.sub.subsub`.
    pub fn chart_path(&self) -> String {
        let mut parts: Vec<&str> = self.parents.iter().map(String::as_str).collect();
        parts.push(self.name());
        parts.join(".")
    }

    /// Helm's `ChartFullPath`: `root/charts/sub/charts/subsub`, the prefix of template names.
    pub fn full_path(&self) -> String {
        let mut parts: Vec<&str> = self.parents.iter().map(String::as_str).collect();
        parts.push(self.name());
        parts.join("/charts/")
    }

    pub fn is_library(&self) -> bool {
        self.metadata.is_library()
    }

    /// The raw text of a file Helm keeps in `Raw` (`values.yaml`, `README.md`...).
    pub fn raw_file(&self, name: &str) -> Option<&File> {
        self.raw.iter().find(|f| &*f.name == name)
    }

    /// The first failed read of a file whose reading was deferred
    /// ([`load_deferred`]), here or in a subchart: the error loading would have given.
    /// (`raw` holds every file of the tree, subcharts' included, sharing their data.)
    pub fn read_error(&self) -> Option<ChartError> {
        self.raw.iter().find_map(|f| f.data.read_error())
    }

    /// The first values.yaml of the tree (the chart's own, then each subchart's in load
    /// order) that does not decode, with the error loading would have given; only a
    /// chart from [`load_deferred`] can have one. Decodes every values file not yet
    /// decoded.
    ///
    /// ```no_run
    /// let chart = helmcore::chart::load_deferred("charts/mychart").unwrap();
    /// if let Some(e) = chart.values_error() {
    ///     eprintln!("Error: {e}");
    /// }
    /// ```
    pub fn values_error(&self) -> Option<ChartError> {
        if let Some(e) = self.values.error() {
            return Some(e);
        }
        self.dependencies.iter().find_map(|d| {
            d.values_error()
                .map(|e| ChartError::subchart(d.values.entry(), self.name(), e))
        })
    }

    /// CRD files of this chart and its subcharts (`crds/*.yaml|yml|json`), Helm's order:
    /// the chart's own first, then each subchart's.
    pub fn crds(&self) -> Vec<(String, File)> {
        let mut out = Vec::new();
        self.collect_crds(&mut out);
        out
    }

    fn collect_crds(&self, out: &mut Vec<(String, File)>) {
        for f in &self.files {
            if f.name.starts_with("crds/") && has_manifest_extension(&f.name) {
                out.push((format!("{}/{}", self.full_path(), f.name), f.clone()));
            }
        }
        for d in &self.dependencies {
            d.collect_crds(out);
        }
    }

    /// A copy whose parent path is `parents` (and its subcharts' below it).
    pub(crate) fn with_parents(&self, parents: Vec<String>) -> Chart {
        let mut c = self.clone();
        let mut below = parents.clone();
        below.push(c.metadata.name.clone());
        c.dependencies = c
            .dependencies
            .iter()
            .map(|d| Arc::new(d.with_parents(below.clone())))
            .collect();
        c.parents = parents;
        c
    }
}

fn has_manifest_extension(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let base_has_dot = name.rsplit('/').next().is_some_and(|b| b.contains('.'));
    base_has_dot
        && ["yaml", "yml", "json"]
            .iter()
            .any(|e| ext.eq_ignore_ascii_case(e))
}
