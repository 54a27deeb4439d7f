//! Rendering: a chart and values into Kubernetes manifests, exactly as `helm template`
//! (Helm's `pkg/engine` render loop, `pkg/action`'s install flow, `releaseutil`'s
//! manifest splitting and kind sorting).
//!
//! - [`Renderer`]: a loaded chart ready to render any number of times, from any thread;
//!   parsed templates are kept between renders.
//! - [`render`]: one render of a chart.
//! - [`Release`]: the result as structure (manifests with their heads, hooks with events
//!   and weights, notes, CRDs, computed values), and [`Release::template_output`] for
//!   the text `helm template` prints.
//!
//! ```no_run
//! use helmcore::render::{render, PrintOptions, RenderOptions};
//! use helmcore::value::Map;
//! let chart = helmcore::chart::load("mychart").unwrap();
//! let release = render(&chart, &Map::new(), &RenderOptions::default()).unwrap();
//! for m in &release.manifests {
//!     println!("{} {} from {}", m.head.kind, m.head.name, m.path);
//! }
//! print!("{}", release.template_output(&PrintOptions::default()).unwrap());
//! ```

mod capabilities;
mod engines;
mod error;
mod execute;
mod files;
mod funcs;
mod glob;
mod hooks;
mod manifest;
mod name;
mod objects;
mod options;
mod output;
mod precheck;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::chart::{check_dependencies, process_dependencies_for, Chart, ChartError};
use crate::engine::{FuncTable, LintMessage};
use crate::value::{Map, Value};
use crate::values::coalesce::coalesce_values_for;
use crate::values::Warning;

pub use capabilities::{
    Capabilities, HelmVersion, KubeVersion, KubeVersionError, HELM3_API_VERSIONS, HELM3_VERSION,
    HELM4_API_VERSIONS, HELM4_VERSION,
};
pub use engines::TEMPLATE_ENGINE_ANNOTATION;
pub(crate) use error::template_message;
pub use error::RenderError;
pub(crate) use execute::{execute_templates, ExecContext, Outputs, ParseCache};
pub use execute::{RenderedFiles, TemplateFailure};
pub use files::Files;
pub use funcs::{helm_functions, name_template_functions};
pub use glob::Glob;
pub use hooks::{
    Hook, HookEvent, HOOK_ANNOTATION, HOOK_DELETE_ANNOTATION, HOOK_OUTPUT_LOG_ANNOTATION,
    HOOK_WEIGHT_ANNOTATION,
};
pub use manifest::{
    decode_head, install_rank, is_partial, is_test_hook, sort_manifests, Head, Manifest,
    ManifestError, SortError, Sorted,
};
pub use name::{name_and_chart, template_name, NameError, NameOptions};
pub use objects::{chart_value, template_value, ReleaseInfo};
pub use options::{Compat, PostRenderer, RenderOptions};
pub use output::{template_text, FileWrite, PrintOptions, WriteMode};

/// The file name whose rendering becomes the release notes.
pub const NOTES_FILE_SUFFIX: &str = "NOTES.txt";

/// A CRD file from a `crds/` folder (never templated).
///
/// It shares the loaded file's bytes: most renders never print their CRDs, and some
/// charts carry megabytes of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crd {
    /// `chart/crds/x.yaml`, or `chart/charts/sub/crds/x.yaml` for a subchart's.
    pub path: String,
    pub data: crate::chart::FileData,
}

impl Crd {
    /// The file as text, each invalid UTF-8 byte replaced as Go replaces it.
    ///
    /// ```
    /// use helmcore::render::Crd;
    /// let crd = Crd { path: "c/crds/a.yaml".into(), data: b"kind: A\xff\n"[..].into() };
    /// assert_eq!(crd.content(), "kind: A\u{fffd}\n");
    /// ```
    pub fn content(&self) -> std::borrow::Cow<'_, str> {
        match std::str::from_utf8(&self.data) {
            Ok(s) => s.into(),
            Err(_) => crate::yaml::go_lossy_utf8(&self.data).into(),
        }
    }
}

/// A rendered release: what `helm template` prints, as structure.
#[derive(Debug, Clone)]
pub struct Release {
    pub name: String,
    pub namespace: String,
    pub compat: Compat,
    /// The values templates saw as the top chart's `.Values` (after rendering: templates
    /// may have changed them with `set`).
    pub values: Map,
    /// Every rendered template but partials and notes, by template path.
    pub files: BTreeMap<String, String>,
    /// The documents that are not hooks, in Helm's install order.
    pub manifests: Vec<Manifest>,
    /// The hook documents, in Helm's install order.
    pub hooks: Vec<Hook>,
    /// The CRD files of the chart and its enabled subcharts.
    pub crds: Vec<Crd>,
    /// Whether CRDs are part of the output (`--include-crds`).
    pub include_crds: bool,
    /// The rendered `NOTES.txt` (subcharts' too with `subchart_notes`).
    pub notes: String,
    /// The post-renderer's output, which replaces the manifests in the printed output.
    pub post_rendered: Option<String>,
    /// What helm would have logged on the way (coalescing, unknown hooks...).
    pub warnings: Vec<Warning>,
    /// `required`/`fail` messages lint mode let through.
    pub lint_messages: Vec<LintMessage>,
}

impl Release {
    /// What helm writes to standard error while rendering this release, one line each,
    /// in the emulated helm's format (helm4's slog lines, helm3's `log` lines).
    pub fn log_lines(&self) -> Vec<String> {
        log_lines(&self.warnings, self.compat)
    }
}

/// `warnings` as the emulated helm writes them to standard error, one line each.
pub fn log_lines(warnings: &[Warning], compat: Compat) -> Vec<String> {
    warnings
        .iter()
        .filter_map(|w| match compat {
            Compat::V4 => Some(w.to_string()),
            Compat::V3 => w.helm3_line(),
        })
        .collect()
}

/// A failed render with what helm logs before it fails (a deprecated chart, a
/// condition that is not a bool, coalescing conflicts, helm4's `level=ERROR` line for
/// a bad release name...), which helm prints above the `Error:` line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{error}")]
pub struct RenderFailure {
    pub error: RenderError,
    /// What was logged before the failure, oldest first.
    pub warnings: Vec<Warning>,
    /// The helm the render emulated.
    pub compat: Compat,
}

impl RenderFailure {
    /// The logged lines in the emulated helm's format, as [`Release::log_lines`].
    pub fn log_lines(&self) -> Vec<String> {
        log_lines(&self.warnings, self.compat)
    }
}

/// A chart ready to render: immutable, `Send + Sync`, its parsed templates kept between
/// renders.
///
/// ```no_run
/// use std::sync::Arc;
/// use helmcore::render::{Renderer, RenderOptions};
/// let r = Arc::new(Renderer::new(helmcore::chart::load("mychart").unwrap()));
/// let handles: Vec<_> = (0..4).map(|i| {
///     let r = r.clone();
///     std::thread::spawn(move || {
///         let opts = RenderOptions { release_name: format!("r{i}"), ..Default::default() };
///         r.render(&helmcore::value::Map::new(), &opts).unwrap().manifests.len()
///     })
/// }).collect();
/// for h in handles { println!("{}", h.join().unwrap()); }
/// ```
pub struct Renderer {
    chart: Chart,
    funcs: Arc<FuncTable>,
    /// `funcs` as helm3 has them ([`FuncTable::for_helm3`]), made on the first
    /// `--compat v3` render.
    funcs_v3: std::sync::OnceLock<Arc<FuncTable>>,
    cache: execute::ParseCache,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("chart", &self.chart.name())
            .finish()
    }
}

// The failure (with the log kept before it) is smaller than the `Release` of the `Ok`
// side, so boxing it would not make these `Result`s any smaller.
#[allow(clippy::result_large_err)]
impl Renderer {
    /// A renderer with Helm's function table.
    pub fn new(chart: Chart) -> Renderer {
        Renderer::with_functions(chart, helm_functions())
    }

    /// A renderer whose templates see `funcs` (Helm's table plus custom functions, say).
    pub fn with_functions(chart: Chart, funcs: FuncTable) -> Renderer {
        Renderer {
            chart,
            funcs: Arc::new(funcs),
            funcs_v3: std::sync::OnceLock::new(),
            cache: execute::ParseCache::default(),
        }
    }

    /// The table templates are parsed and run with under `compat`: helm3's has its own
    /// `toToml` and `semver` and lacks the functions helm4 added
    /// ([`HELM4_ONLY`](crate::engine::HELM4_ONLY)).
    fn funcs(&self, compat: Compat) -> &Arc<FuncTable> {
        match compat {
            Compat::V4 => &self.funcs,
            Compat::V3 => self
                .funcs_v3
                .get_or_init(|| Arc::new(self.funcs.for_helm3())),
        }
    }

    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    /// Renders the chart with the user's values (`-f`/`--set`, not yet coalesced) as
    /// `helm template` does: installability, dependencies, release name, dependency
    /// processing, coalescing, schema, `kubeVersion`, templates, notes, post-rendering,
    /// manifest sorting.
    pub fn render(&self, user_values: &Map, opts: &RenderOptions) -> Result<Release, RenderError> {
        self.render_keeping(user_values, opts, true)
            .map_err(|f| f.error)
    }

    /// [`render`](Self::render), keeping what helm logs before a failure.
    ///
    /// ```no_run
    /// use helmcore::render::{Renderer, RenderOptions};
    /// let r = Renderer::new(helmcore::chart::load("mychart").unwrap());
    /// if let Err(failure) = r.render_logged(&Default::default(), &RenderOptions::default()) {
    ///     for line in failure.log_lines() {
    ///         eprintln!("{line}");
    ///     }
    ///     eprintln!("Error: {}", failure.error);
    /// }
    /// ```
    pub fn render_logged(
        &self,
        user_values: &Map,
        opts: &RenderOptions,
    ) -> Result<Release, RenderFailure> {
        self.render_keeping(user_values, opts, true)
    }

    /// [`render`](Self::render) for a renderer that will not render again: the parsed
    /// templates are freed as soon as they have run, before the documents are split and
    /// sorted, so the two never take memory at the same time (kube-prometheus-stack's
    /// trees are about 5 MB).
    ///
    /// ```no_run
    /// use helmcore::render::{Renderer, RenderOptions};
    /// let r = Renderer::new(helmcore::chart::load("mychart").unwrap());
    /// let release = r.render_once(&Default::default(), &RenderOptions::default()).unwrap();
    /// println!("{} manifests", release.manifests.len());
    /// ```
    pub fn render_once(
        self,
        user_values: &Map,
        opts: &RenderOptions,
    ) -> Result<Release, RenderError> {
        self.render_keeping(user_values, opts, false)
            .map_err(|f| f.error)
    }

    /// [`render_once`](Self::render_once), keeping what helm logs before a failure (see
    /// [`render_logged`](Self::render_logged)).
    pub fn render_once_logged(
        self,
        user_values: &Map,
        opts: &RenderOptions,
    ) -> Result<Release, RenderFailure> {
        self.render_keeping(user_values, opts, false)
    }

    fn render_keeping(
        &self,
        user_values: &Map,
        opts: &RenderOptions,
        keep_parsed: bool,
    ) -> Result<Release, RenderFailure> {
        let mut warnings = Vec::new();
        let r = self.render_in_queue(user_values, opts, keep_parsed, &mut warnings);
        match r {
            Ok(mut release) => {
                release.warnings = warnings;
                Ok(release)
            }
            Err(error) => Err(RenderFailure {
                error,
                warnings,
                compat: opts.compat,
            }),
        }
    }

    fn render_in_queue(
        &self,
        user_values: &Map,
        opts: &RenderOptions,
        keep_parsed: bool,
        warnings: &mut Vec<Warning>,
    ) -> Result<Release, RenderError> {
        let queue = execute::ParseQueue::new(&self.chart, &self.cache, self.funcs(opts.compat));
        if !queue.worth_a_thread() {
            let alone = Helpers {
                parse: || {},
                free: drop,
                check_beside: false,
            };
            return self.render_with(user_values, opts, keep_parsed, warnings, alone);
        }
        std::thread::scope(|scope| {
            // Without a thread (the system refused one) the render parses by itself.
            let helper = std::thread::Builder::new()
                .spawn_scoped(scope, || queue.work())
                .ok();
            let parse = || {
                queue.work();
                if let Some(h) = helper {
                    let _ = h.join();
                }
            };
            // Freeing a big chart's trees is a few milliseconds of work (one free per
            // list): another thread does it while this one sorts the manifests. Should
            // the system refuse the thread, the trees are dropped here with the closure.
            let free = |trees: execute::Forgotten| {
                let _ = std::thread::Builder::new().spawn_scoped(scope, move || drop(trees));
            };
            let helpers = Helpers {
                parse,
                free,
                check_beside: true,
            };
            let r = self.render_with(user_values, opts, keep_parsed, warnings, helpers);
            queue.stop();
            r
        })
    }

    /// [`render`](Self::render), calling `helpers.parse` once just before the templates
    /// execute and, unless `keep_parsed`, handing the parsed templates to `helpers.free`
    /// once they have.
    /// What helm logs goes to `warnings` as it happens (the release's own list stays
    /// empty), so that a failure keeps it.
    fn render_with(
        &self,
        user_values: &Map,
        opts: &RenderOptions,
        keep_parsed: bool,
        warnings: &mut Vec<Warning>,
        helpers: Helpers<impl FnOnce(), impl FnOnce(execute::Forgotten)>,
    ) -> Result<Release, RenderError> {
        let Helpers {
            parse,
            free,
            check_beside,
        } = helpers;
        let chart = &self.chart;
        // A values file whose decoding `load_deferred` left to first use: decoded here
        // (beside the parse helper), and its error is the load's, before anything else.
        if let Some(e) = chart.values_error() {
            return Err(chart_error(e));
        }
        if !matches!(chart.metadata.chart_type.as_str(), "" | "application") {
            return Err(RenderError::NotInstallable(
                chart.metadata.chart_type.clone(),
            ));
        }
        if chart.metadata.deprecated {
            warnings.push(Warning::chart_deprecated());
        }
        if chart.metadata.deps().next().is_some() {
            check_dependencies(chart).map_err(|e| RenderError::DependencyCheck {
                missing: Arc::new(e),
                compat: opts.compat,
            })?;
        }
        if let Err(reason) = error::validate_release_name(&opts.release_name) {
            warnings.push(Warning::error(
                "release name check failed",
                error::release_name_cause(&opts.release_name, &reason),
            ));
            return Err(RenderError::ReleaseName {
                name: opts.release_name.clone(),
                reason,
                compat: opts.compat,
            });
        }
        let chart = match process_dependencies_for(opts.compat, chart, user_values, warnings) {
            Ok(p) => p,
            // helm3 prints the cause alone.
            Err(e) if opts.compat == Compat::V3 => return Err(chart_error(e)),
            Err(e) => {
                warnings.push(Warning::error(
                    "chart dependencies processing failed",
                    e.to_string(),
                ));
                return Err(chart_error(ChartError::DependencyProcessing(Box::new(e))));
            }
        };
        let values =
            coalesce_values_for(opts.compat)(&chart, user_values, warnings).map_err(chart_error)?;
        if !opts.skip_schema_validation {
            crate::values::schema::validate_against_schema_for(
                &chart,
                &values,
                opts.schema_loader.as_ref(),
                warnings,
                opts.compat,
            )?;
        }
        let caps = opts.capabilities();
        if !chart.metadata.kube_version.is_empty()
            && !is_compatible_range(&chart.metadata.kube_version, &caps.kube_version.normalized)
        {
            return Err(RenderError::KubeVersion {
                constraint: chart.metadata.kube_version.clone(),
                version: caps.kube_version.version.clone(),
            });
        }
        let release = ReleaseInfo {
            name: opts.release_name.clone(),
            namespace: opts.namespace.clone(),
            revision: opts.revision,
            is_upgrade: opts.is_upgrade,
            is_install: !opts.is_upgrade,
        };
        let top = Map::new();
        top.insert(
            "Values",
            Value::Map(values.named(opts.compat.values_type())),
        );
        top.insert("Release", release.to_value());
        top.insert("Capabilities", caps.to_value());
        parse();
        let run = |on_output: Option<execute::OnOutput>| {
            let cx = execute::ExecContext {
                funcs: self.funcs(opts.compat),
                cache: &self.cache,
                compat: opts.compat,
                opts: execute::exec_options(opts),
                on_output,
            };
            execute::render_templates(&chart, &top, &cx)
        };
        let prechecked = precheck::Prechecked::new(opts.compat);
        let rendered = if check_beside {
            prechecked.beside(|f| run(Some(f)))
        } else {
            run(None)
        };
        if !keep_parsed {
            free(self.cache.take());
        }
        let crds: Vec<Crd> = chart
            .crds()
            .into_iter()
            .map(|(path, f)| Crd {
                path,
                data: f.data.clone(),
            })
            .collect();
        if opts.include_crds {
            // Printed later, read now: a failure must fail the render.
            for c in &crds {
                let _ = c.data.bytes();
            }
        }
        // A file read on first use (`chart::load_deferred`) that could not be read is
        // the error loading would have given; it comes before anything it caused.
        if let Some(e) = self.chart.read_error() {
            return Err(chart_error(e));
        }
        let rendered = rendered.map_err(|failure| RenderError::Template {
            failure,
            compat: opts.compat,
        })?;
        let (files, notes) = split_notes(rendered.files, chart.name(), opts.subchart_notes);
        let sorted =
            manifest::sort_prechecked(&files, &rendered.invalid_utf8, opts.compat, &prechecked)
                .map_err(|e| {
                    warnings.extend(e.unknown_hooks.iter().map(|h| unknown_hook(h)));
                    RenderError::Manifest {
                        dump: output::debug_dump(&files),
                        error: e.error,
                        hooks: e.hooks,
                    }
                })?;
        warnings.extend(sorted.unknown_hooks.iter().map(|h| unknown_hook(h)));
        let mut release = Release {
            name: opts.release_name.clone(),
            namespace: opts.namespace.clone(),
            compat: opts.compat,
            values,
            files,
            manifests: sorted.manifests,
            hooks: sorted.hooks,
            crds,
            include_crds: opts.include_crds,
            notes,
            post_rendered: None,
            warnings: Vec::new(),
            lint_messages: rendered.lint_messages,
        };
        if let Some(pr) = &opts.post_renderer {
            let out = pr
                .run(&release.manifest_text())
                .map_err(RenderError::PostRender)?;
            release.post_rendered = Some(out);
        }
        Ok(release)
    }
}

/// What helm logs for a document whose `helm.sh/hook` names an unknown event (it
/// drops the document).
fn unknown_hook(hook_types: &str) -> Warning {
    let mut w = Warning::log("skipping unknown hooks").or_in_helm3(format!(
        "manifest_sorter.go:190: info: skipping unknown hook: {}",
        crate::gofmt::quote(hook_types)
    ));
    w.attrs.push(("hookTypes", hook_types.to_string()));
    w
}

/// Helm's `IsCompatibleRange`: false when either side does not parse.
fn is_compatible_range(constraint: &str, version: &str) -> bool {
    match (
        crate::semver::Version::parse(version),
        crate::semver::Constraints::parse(constraint),
    ) {
        (Ok(v), Ok(c)) => c.check(&v),
        _ => false,
    }
}

fn chart_error(e: ChartError) -> RenderError {
    RenderError::Chart(Arc::new(e))
}

/// The work a render shares with other threads.
struct Helpers<P, F> {
    /// Waits for (or does) the parse of the chart's templates.
    parse: P,
    /// Takes the parsed templates once they have run.
    free: F,
    /// Whether each template's output is checked as YAML on another thread as it comes.
    check_beside: bool,
}

/// Renders `chart` once with the user's values; see [`Renderer::render`].
pub fn render(
    chart: &Chart,
    user_values: &Map,
    opts: &RenderOptions,
) -> Result<Release, RenderError> {
    Renderer::new(chart.clone()).render_once(user_values, opts)
}

/// Takes the notes out of the rendered files: every file ending in `NOTES.txt` is
/// removed; the top chart's (and with `subchart_notes` every chart's, in path order) is
/// kept, joined by newlines.
fn split_notes(
    mut files: BTreeMap<String, String>,
    chart_name: &str,
    subchart_notes: bool,
) -> (BTreeMap<String, String>, String) {
    let top_notes = format!("{chart_name}/templates/{NOTES_FILE_SUFFIX}");
    let names: Vec<String> = files
        .keys()
        .filter(|k| k.ends_with(NOTES_FILE_SUFFIX))
        .cloned()
        .collect();
    let mut notes = String::new();
    for k in names {
        if let Some(v) = files.remove(&k) {
            if subchart_notes || k == top_notes {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(&v);
            }
        }
    }
    (files, notes)
}
