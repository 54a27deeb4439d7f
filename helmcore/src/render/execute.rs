//! Executing a chart tree's templates as Helm's engine does (`pkg/engine`'s `Render`):
//! every template of the chart and its enabled subcharts in one set, parsed and then
//! executed in Helm's order, each with its own chart's data.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use parking_lot::RwLock;

use crate::chart::Chart;
use crate::engine::compiler::ast::Tree;
#[cfg(feature = "handlebars")]
use crate::engine::handlebars::HandlebarsSet;
use crate::engine::{
    ExecOptions, FuncTable, GoRelease, LintMessage, MissingKey, ParseError, TemplateError,
    TemplateSet,
};
use crate::hash::HashMap;
use crate::value::{Map, Value};

use super::engines::{engine_of, Engine};
use super::files::Files;
use super::objects::{chart_value, template_value};
use super::Compat;

/// Subcharts nested deeper than this are not rendered (no real chart comes close).
const MAX_DEPTH: usize = 64;

/// One template to parse and (unless a partial) execute.
struct Job {
    /// `chart/charts/sub/templates/x.yaml`.
    name: String,
    /// `chart/charts/sub/templates`.
    base_path: String,
    text: Arc<[u8]>,
    /// The chart's data (`.Values`, `.Chart`...), shared by its templates as in Helm.
    data: Map,
    /// The chart's template engine.
    engine: Engine,
}

type Parsed = Arc<Result<Vec<Arc<Tree>>, ParseError>>;

/// A file's name, its text's address (two files rendered under one name differ there;
/// the chart that owns the text outlives the cache) and the function table's address
/// (`--compat v3` parses with a table that lacks helm4's newer functions).
type ParseKey = (String, usize, usize);

fn parse_key(name: &str, text: &Arc<[u8]>, funcs: &FuncTable) -> ParseKey {
    (
        name.to_string(),
        text.as_ptr() as usize,
        funcs as *const FuncTable as usize,
    )
}

/// Parsed templates kept across renders: a file is parsed once per name it is rendered
/// under (an alias renders the same file under another name).
#[derive(Default)]
pub(crate) struct ParseCache {
    map: RwLock<HashMap<ParseKey, Parsed>>,
    /// Compiled Handlebars sets, by the files in them.
    #[cfg(feature = "handlebars")]
    handlebars: RwLock<HashMap<HandlebarsKey, Arc<HandlebarsSet>>>,
}

/// The files of a Handlebars set: names and text addresses, as [`ParseCache`] keys them.
#[cfg(feature = "handlebars")]
type HandlebarsKey = Vec<(String, usize)>;

impl ParseCache {
    /// Parses every `(name, text)` not cached yet, spreading big batches over threads:
    /// files parse independently, and parsing is the larger part of a render.
    fn prefill(&self, jobs: &[(&str, &Arc<[u8]>)], funcs: &FuncTable) {
        let missing: Vec<(&str, &Arc<[u8]>)> = {
            let map = self.map.read();
            jobs.iter()
                .filter(|(n, t)| !map.contains_key(&parse_key(n, t, funcs)))
                .copied()
                .collect()
        };
        let bytes: usize = missing.iter().map(|(_, t)| t.len()).sum();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4);
        if threads < 2 || bytes < PARALLEL_PARSE_BYTES {
            return;
        }
        // Deal the files out by size so that each thread gets a similar share.
        let mut order: Vec<usize> = (0..missing.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(missing[i].1.len()));
        let mut shares: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); threads];
        for i in order {
            if let Some(lightest) = shares.iter_mut().min_by_key(|s| s.0) {
                lightest.0 += missing[i].1.len();
                lightest.1.push(i);
            }
        }
        let parsed: Vec<Vec<(usize, Parsed)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = shares
                .iter()
                .map(|(_, idx)| {
                    let missing = &missing;
                    scope.spawn(move || {
                        idx.iter()
                            .map(|&i| (i, parse_file(missing[i].0, missing[i].1, funcs)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let mut map = self.map.write();
        for (i, p) in parsed.into_iter().flatten() {
            let (name, text) = missing[i];
            map.insert(parse_key(name, text, funcs), p);
        }
    }

    /// Forgets every parsed template, handing them over: their memory is freed when
    /// the result is dropped (and no render uses them any more).
    pub(crate) fn take(&self) -> Forgotten {
        Forgotten {
            _go: std::mem::take(&mut *self.map.write()),
            #[cfg(feature = "handlebars")]
            _handlebars: std::mem::take(&mut *self.handlebars.write()),
        }
    }

    fn get(&self, name: &str, text: &Arc<[u8]>, funcs: &FuncTable) -> Parsed {
        let key = parse_key(name, text, funcs);
        if let Some(p) = self.map.read().get(&key) {
            return p.clone();
        }
        let parsed = parse_file(name, text, funcs);
        self.map.write().insert(key, parsed.clone());
        parsed
    }
}

/// Parsed templates taken out of a [`ParseCache`]; dropping them frees them.
pub(crate) struct Forgotten {
    _go: HashMap<ParseKey, Parsed>,
    #[cfg(feature = "handlebars")]
    _handlebars: HashMap<HandlebarsKey, Arc<HandlebarsSet>>,
}

/// Below this much template text, threads cost more than they save.
const PARALLEL_PARSE_BYTES: usize = 64 * 1024;

/// Templates of a chart tree handed out one at a time to whichever thread asks: a
/// helper thread starts parsing while the render thread still processes dependencies and
/// values, and the render thread joins in when it gets to the templates.
pub(crate) struct ParseQueue<'c> {
    jobs: Vec<(String, Arc<[u8]>)>,
    next: AtomicUsize,
    cache: &'c ParseCache,
    funcs: &'c FuncTable,
}

impl<'c> ParseQueue<'c> {
    /// Every Go template of `chart` and its subcharts, under the names rendering will
    /// give them if the dependencies stay as they are (an aliased or disabled subchart
    /// just parses for nothing; rendering parses what it misses).
    pub(crate) fn new(chart: &Chart, cache: &'c ParseCache, funcs: &'c FuncTable) -> Self {
        let mut jobs = Vec::new();
        queue_chart(chart, &mut jobs, 0);
        ParseQueue {
            jobs,
            next: AtomicUsize::new(0),
            cache,
            funcs,
        }
    }

    /// Whether there is enough text for a helper thread to pay off.
    pub(crate) fn worth_a_thread(&self) -> bool {
        self.jobs.iter().map(|(_, t)| t.len()).sum::<usize>() >= PARALLEL_PARSE_BYTES
            && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
    }

    /// Parses queued templates until none is left.
    pub(crate) fn work(&self) {
        while let Some((name, text)) = self.jobs.get(self.next.fetch_add(1, Ordering::Relaxed)) {
            self.cache.get(name, text, self.funcs);
        }
    }

    /// Hands out nothing more (the render failed before its templates).
    pub(crate) fn stop(&self) {
        self.next.store(self.jobs.len(), Ordering::Relaxed);
    }
}

fn queue_chart(chart: &Chart, jobs: &mut Vec<(String, Arc<[u8]>)>, depth: usize) {
    if !matches!(engine_of(chart), Ok(Engine::Go)) {
        return;
    }
    if depth < MAX_DEPTH {
        for sub in &chart.dependencies {
            queue_chart(sub, jobs, depth + 1);
        }
    }
    let prefix = chart.full_path();
    let library = chart.is_library();
    for t in &chart.templates {
        if library && !super::manifest::is_partial(&t.name) {
            continue;
        }
        jobs.push((format!("{prefix}/{}", t.name), t.data.shared()));
    }
}

fn parse_file(name: &str, text: &Arc<[u8]>, funcs: &FuncTable) -> Parsed {
    let src: Arc<str> = match shared_str(text) {
        Some(s) => s,
        None => crate::yaml::go_lossy_utf8(text).into(),
    };
    Arc::new(
        crate::engine::compiler::parse_shared(name, src, funcs)
            .map(|trees| trees.into_iter().map(Arc::new).collect()),
    )
}

/// The file's bytes as text without a copy, when they are UTF-8 (parse trees hold the
/// text as long as the chart lives: a copy would double the templates' memory).
fn shared_str(bytes: &Arc<[u8]>) -> Option<Arc<str>> {
    std::str::from_utf8(bytes).ok()?;
    let raw: *const [u8] = Arc::into_raw(bytes.clone());
    // SAFETY: the bytes were just checked to be UTF-8, and `str` has the layout of
    // `[u8]`, so the allocation `Arc<[u8]>` made is a valid `Arc<str>` allocation.
    Some(unsafe { Arc::from_raw(raw as *const str) })
}

/// What executing the templates gave.
#[derive(Debug, Clone, Default)]
pub struct RenderedFiles {
    /// Every non-partial template's output by name, `<no value>` removed. An output that
    /// is not valid UTF-8 (it printed a byte string) is here as Go's `for range` reads it
    /// and in [`RenderedFiles::invalid_utf8`] as its bytes.
    pub files: BTreeMap<String, String>,
    /// The outputs that are not valid UTF-8, as bytes: Helm fails on such a manifest
    /// with go-yaml's `invalid ... UTF-8 octet` error.
    pub invalid_utf8: BTreeMap<String, Arc<[u8]>>,
    /// `required` and `fail` calls lint mode let through.
    pub lint_messages: Vec<LintMessage>,
}

/// A template that failed to parse or execute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFailure {
    /// The template being parsed or executed.
    pub file: String,
    pub error: TemplateError,
}

pub(crate) struct ExecContext<'a> {
    pub funcs: &'a Arc<FuncTable>,
    pub cache: &'a ParseCache,
    pub compat: Compat,
    pub opts: ExecOptions,
    /// Called with each template's final output as soon as it has executed.
    pub on_output: Option<OnOutput<'a>>,
}

/// Receives a template's name and final output.
pub(crate) type OnOutput<'a> = &'a (dyn Fn(&str, &str) + Sync);

/// Helm's `Engine.Render(chart, values)`, where `top` holds `Values`, `Release` and
/// `Capabilities`.
pub(crate) fn render_templates(
    chart: &Chart,
    top: &Map,
    cx: &ExecContext<'_>,
) -> Result<RenderedFiles, TemplateFailure> {
    let mut lint_messages = Vec::new();
    let out = execute_templates(chart, top, cx, &mut lint_messages)?;
    Ok(RenderedFiles {
        files: out.files,
        invalid_utf8: out.invalid_utf8,
        lint_messages,
    })
}

/// The templates' outputs (see [`RenderedFiles`]).
pub(crate) struct Outputs {
    pub files: BTreeMap<String, String>,
    pub invalid_utf8: BTreeMap<String, Arc<[u8]>>,
}

/// [`render_templates`], with the `required`/`fail` calls lint mode let through added
/// to `lint_messages` even when a later template fails: `helm lint` logs them as they
/// happen, before it reports the failure.
pub(crate) fn execute_templates(
    chart: &Chart,
    top: &Map,
    cx: &ExecContext<'_>,
    lint_messages: &mut Vec<LintMessage>,
) -> Result<Outputs, TemplateFailure> {
    let mut jobs = Vec::new();
    collect(chart, top, cx.compat, &mut jobs, 0)?;
    // Helm's `sortTemplates`: deeper paths first, then reverse lexical order, so that a
    // chart's own definitions are parsed after (and win over) its subcharts'.
    jobs.sort_by(|a, b| {
        let (ca, cb) = (slashes(&a.name), slashes(&b.name));
        cb.cmp(&ca).then_with(|| b.name.cmp(&a.name))
    });
    let go_jobs = || jobs.iter().filter(|j| j.engine == Engine::Go);
    let texts: Vec<(&str, &Arc<[u8]>)> = go_jobs().map(|j| (j.name.as_str(), &j.text)).collect();
    cx.cache.prefill(&texts, cx.funcs);
    let mut set = TemplateSet::new(cx.funcs.clone());
    for job in go_jobs() {
        match &*cx.cache.get(&job.name, &job.text, cx.funcs) {
            Ok(trees) => set.add_trees(trees),
            Err(e) => {
                return Err(TemplateFailure {
                    file: job.name.clone(),
                    error: TemplateError::Parse(e.clone().for_go(go_release(cx.compat))),
                })
            }
        }
    }
    #[cfg(feature = "handlebars")]
    let hbs = cx.cache.handlebars_set(&jobs, cx.funcs)?;
    #[cfg(feature = "handlebars")]
    let mut hbs_session = hbs.as_ref().map(|s| s.session(&cx.opts));
    let mut session = set.session(&cx.opts);
    let mut files = BTreeMap::new();
    let mut invalid_utf8 = BTreeMap::new();
    for job in &jobs {
        if super::manifest::is_partial(&job.name) {
            continue;
        }
        // Helm executes every template with dot, `$` and `.Template` as `common.Values`.
        let values_type = cx.compat.values_type();
        let template = template_value(&job.name, &job.base_path);
        job.data
            .insert("Template", Value::Map(template.named(values_type)));
        let data = Value::Map(job.data.named(values_type));
        // Output is usually about as long as the template: one allocation, few regrowths.
        let mut out = String::with_capacity(job.text.len());
        let result = match job.engine {
            Engine::Go => session.execute_raw_into(&job.name, &data, &mut out),
            #[cfg(feature = "handlebars")]
            Engine::Handlebars => match hbs_session.as_mut() {
                Some(s) => s.execute(&job.name, &data).map(|o| out = o),
                None => Ok(()),
            },
        };
        if let Err(error) = result {
            lint_messages.extend_from_slice(session.warnings());
            #[cfg(feature = "handlebars")]
            if let Some(s) = &hbs_session {
                lint_messages.extend_from_slice(s.warnings());
            }
            return Err(TemplateFailure {
                file: job.name.clone(),
                error,
            });
        }
        if job.engine == Engine::Go && out.contains("<no value>") {
            out = out.replace("<no value>", "");
        }
        if session.take_wrote_bytes() {
            match crate::value::escape::unescape(out) {
                Value::Bytes(b) => {
                    out = crate::yaml::go_lossy_utf8(&b);
                    invalid_utf8.insert(job.name.clone(), b);
                }
                other => out = other.as_str().unwrap_or_default().to_string(),
            }
        }
        if let Some(f) = cx.on_output {
            f(&job.name, &out);
        }
        files.insert(job.name.clone(), out);
    }
    lint_messages.extend_from_slice(session.warnings());
    #[cfg(feature = "handlebars")]
    if let Some(s) = &hbs_session {
        lint_messages.extend_from_slice(s.warnings());
    }
    Ok(Outputs {
        files,
        invalid_utf8,
    })
}

#[cfg(feature = "handlebars")]
impl ParseCache {
    /// The Handlebars set of the jobs whose chart asks for Handlebars (in Helm's parse
    /// order, so a chart's definitions win over its subcharts'), compiled once.
    fn handlebars_set(
        &self,
        jobs: &[Job],
        funcs: &Arc<FuncTable>,
    ) -> Result<Option<Arc<HandlebarsSet>>, TemplateFailure> {
        let mine: Vec<&Job> = jobs
            .iter()
            .filter(|j| j.engine == Engine::Handlebars)
            .collect();
        if mine.is_empty() {
            return Ok(None);
        }
        let key: HandlebarsKey = mine
            .iter()
            .map(|j| (j.name.clone(), j.text.as_ptr() as usize))
            .collect();
        if let Some(s) = self.handlebars.read().get(&key) {
            return Ok(Some(s.clone()));
        }
        let texts: Vec<String> = mine
            .iter()
            .map(|j| crate::yaml::go_lossy_utf8(&j.text))
            .collect();
        let pairs: Vec<(&str, &str)> = mine
            .iter()
            .zip(&texts)
            .map(|(j, t)| (j.name.as_str(), t.as_str()))
            .collect();
        let set =
            HandlebarsSet::try_compile(funcs.clone(), &pairs).map_err(|f| TemplateFailure {
                file: f.file,
                error: f.error,
            })?;
        let set = Arc::new(set);
        self.handlebars.write().insert(key, set.clone());
        Ok(Some(set))
    }
}

fn slashes(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'/').count()
}

/// Helm's `recAllTpls`: the chart's data, built from its parent's; subcharts first.
fn collect(
    chart: &Chart,
    parent: &Map,
    compat: Compat,
    jobs: &mut Vec<Job>,
    depth: usize,
) -> Result<Map, TemplateFailure> {
    let engine = engine_of(chart)?;
    let subcharts = Map::new();
    let next = Map::new();
    next.insert(
        "Chart",
        chart_value(&chart.metadata, chart.is_root(), compat),
    );
    next.insert("Files", Files::of_chart(chart).to_value());
    next.insert("Release", parent.get("Release").unwrap_or_default());
    next.insert(
        "Capabilities",
        parent.get("Capabilities").unwrap_or_default(),
    );
    next.insert("Subcharts", Value::Map(subcharts.clone()));
    let values = if chart.is_root() {
        parent.get("Values").unwrap_or_default()
    } else {
        let values = table(parent, &format!("Values.{}", chart.name())).unwrap_or_default();
        Value::Map(values.named(compat.values_type()))
    };
    next.insert("Values", values);
    if depth < MAX_DEPTH {
        for sub in &chart.dependencies {
            let sub_next = collect(sub, &next, compat, jobs, depth + 1)?;
            subcharts.insert(sub.name(), Value::Map(sub_next));
        }
    }
    let prefix = chart.full_path();
    let library = chart.is_library();
    for t in &chart.templates {
        if library && !super::manifest::is_partial(&t.name) {
            continue;
        }
        jobs.push(Job {
            name: format!("{prefix}/{}", t.name),
            base_path: format!("{prefix}/templates"),
            text: t.data.shared(),
            data: next.clone(),
            engine,
        });
    }
    Ok(next)
}

/// Helm's `Values.Table(path)`: the map at a dotted path, if every step is a map.
fn table(m: &Map, path: &str) -> Option<Map> {
    let mut cur = m.clone();
    for part in path.split('.') {
        match cur.get(part) {
            Some(Value::Map(next)) => cur = next,
            _ => return None,
        }
    }
    Some(cur)
}

/// The execution options Helm's engine uses for a render.
pub(crate) fn exec_options(opts: &super::RenderOptions) -> ExecOptions {
    ExecOptions {
        missing_key: if opts.strict {
            MissingKey::Error
        } else {
            MissingKey::Zero
        },
        lint: opts.lint,
        max_steps: opts.max_steps,
        lookup: opts.lookup.clone(),
        resolver: opts.resolver.clone(),
        go: go_release(opts.compat),
        clock_origin: opts.clock_origin,
    }
}

/// The Go release whose `text/template` the compat mode's Helm is built with.
fn go_release(compat: super::Compat) -> GoRelease {
    match compat {
        super::Compat::V4 => GoRelease::Go1_25,
        super::Compat::V3 => GoRelease::Go1_23,
    }
}
