//! Loading charts from directories, archive files and archive bytes (Helm's
//! `pkg/chart/loader` and `pkg/chart/v2/loader`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::render::Compat;
use crate::value::{Map, Value};
use crate::values::Warning;

use super::archive::{
    ensure_archive, load_archive_files, read_exactly, strip_bom, BufferedFile, Limits,
};
use super::error::ChartError;
use super::ignore::{Rules, HELM_IGNORE};
use super::metadata::{
    decode_api_version, decode_lock_as, decode_metadata_as, decode_metadata_into, go_package,
    Metadata, API_VERSION_V1, API_VERSION_V2,
};
use super::values::{decode as decode_values, ChartValues};
use super::{Chart, File, FileData};

/// What Helm logs for Helm 2's dependency files in a chart that is not apiVersion v1.
const REQUIREMENTS_YAML: &str = "Warning: Dependencies are handled in Chart.yaml since apiVersion \"v2\". We recommend migrating dependencies to Chart.yaml.";
const REQUIREMENTS_LOCK: &str = "Warning: Dependency locking is handled in Chart.lock since apiVersion \"v2\". We recommend migrating to Chart.lock.";

/// One of those lines: helm4 logs it at info level, helm3 with `log`'s `load.go:LINE: `.
fn helm2_file_warning(text: &str, helm3_line: u32) -> Warning {
    Warning::log(text).or_in_helm3(format!("load.go:{helm3_line}: {text}"))
}

/// The apiVersion of helm4's chart-v3 format, which rendering refuses.
const API_VERSION_V3: &str = "v3";

/// Directory trees (and symlink chains) deeper than this are refused.
const MAX_DIR_DEPTH: usize = 64;

/// Loads a chart from a directory or a `.tgz` file.
pub fn load(path: impl AsRef<Path>) -> Result<Chart, ChartError> {
    load_for(path, Compat::V4)
}

/// [`load`] as `compat`'s Helm loads charts: helm3 decodes only the first document of
/// each values.yaml (a later one is not even parsed), and its error lacks helm4's
/// `cannot unmarshal yaml document: `.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("helmcore-load-for-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # std::fs::write(dir.join("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n").unwrap();
/// std::fs::write(dir.join("values.yaml"), "a: 1\n---\nb: 2\n").unwrap();
/// use helmcore::{chart::load_for, render::Compat};
/// assert_eq!(load_for(&dir, Compat::V4).unwrap().values.len(), 2);
/// assert_eq!(load_for(&dir, Compat::V3).unwrap().values.len(), 1);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn load_for(path: impl AsRef<Path>, compat: Compat) -> Result<Chart, ChartError> {
    load_path(path.as_ref(), Reading::AtLoad, compat, &mut Vec::new())
}

/// [`load_for`], appending what Helm's loader logs to `log` (see
/// [`load_deferred_logged`]).
pub fn load_logged(
    path: impl AsRef<Path>,
    compat: Compat,
    log: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    load_path(path.as_ref(), Reading::AtLoad, compat, log)
}

fn load_path(
    path: &Path,
    reading: Reading,
    compat: Compat,
    log: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    let meta = std::fs::metadata(path)
        .map_err(|_| ChartError::PathNotFound(path.display().to_string()))?;
    if meta.is_dir() {
        load_dir_with(path, reading, compat, log)
    } else {
        load_file_for(path, compat, log)
    }
}

/// Loads a chart directory, honouring its `.helmignore`.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<Chart, ChartError> {
    load_dir_with(dir.as_ref(), Reading::AtLoad, Compat::V4, &mut Vec::new())
}

/// [`load`], except that a directory chart's files other than Chart.yaml, values,
/// schemas, locks and templates (at every subchart level) are read when first used: a
/// short-lived command that renders a chart never reads the CRDs, READMEs and dashboards
/// it does not print.
///
/// The chart is then not a snapshot: a file changed after loading is seen as changed.
/// A file that can no longer be read reads as empty, and [`Chart::read_error`] reports
/// it with the error loading would have given (rendering does so itself).
///
/// ```no_run
/// let chart = helmcore::chart::load_deferred("charts/mychart").unwrap();
/// assert!(chart.read_error().is_none());
/// ```
pub fn load_deferred(path: impl AsRef<Path>) -> Result<Chart, ChartError> {
    load_deferred_for(path, Compat::V4)
}

/// [`load_deferred`] as `compat`'s Helm loads charts (see [`load_for`]).
pub fn load_deferred_for(path: impl AsRef<Path>, compat: Compat) -> Result<Chart, ChartError> {
    load_path(path.as_ref(), Reading::Deferred, compat, &mut Vec::new())
}

/// [`load_deferred_for`], appending what Helm's loader logs to `log`: a chart of
/// apiVersion v2 (or a subchart) that still has Helm 2's `requirements.yaml` or
/// `requirements.lock`.
///
/// ```no_run
/// use helmcore::{chart::load_deferred_logged, render::{log_lines, Compat}};
/// let mut log = Vec::new();
/// let chart = load_deferred_logged("mychart", Compat::V4, &mut log);
/// for line in log_lines(&log, Compat::V4) { eprintln!("{line}"); }
/// ```
pub fn load_deferred_logged(
    path: impl AsRef<Path>,
    compat: Compat,
    log: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    load_path(path.as_ref(), Reading::Deferred, compat, log)
}

/// When a directory chart's files are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    AtLoad,
    /// Files that loading itself does not need, on first use.
    Deferred,
}

fn load_dir_with(
    dir: &Path,
    reading: Reading,
    compat: Compat,
    log: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    let top = crate::gopath::abs(dir);
    let chart_yaml = top.join("Chart.yaml");
    let text = match std::fs::read(&chart_yaml) {
        Ok(text) => text,
        // helm3 has one loader, which reads every file first and then finds Chart.yaml
        // missing (after a values.yaml that does not parse, say).
        Err(_) if compat == Compat::V3 => {
            return load_dir_files(&top, reading, How::new(compat, Format::V2, log));
        }
        Err(e) => {
            return Err(ChartError::NoChartAt {
                path: chart_yaml.display().to_string(),
                message: go_open_error(&chart_yaml, &e),
            })
        }
    };
    let format = check_api_version(&text, compat)?;
    format.finish(load_dir_files(&top, reading, How::new(compat, format, log)))
}

/// Helm's chart-v2 loader (`pkg/chart/v2/loader.Load`), which `helm show` uses: no
/// apiVersion dispatch first, so a directory without Chart.yaml reports
/// `Chart.yaml file is missing` and archive errors are not hidden.
pub fn load_v2(path: impl AsRef<Path>) -> Result<Chart, ChartError> {
    load_v2_logged(path, &mut Vec::new())
}

/// [`load_v2`], appending what the loader logs to `log` (see [`load_deferred_logged`]).
pub fn load_v2_logged(path: impl AsRef<Path>, log: &mut Vec<Warning>) -> Result<Chart, ChartError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ChartError::Read {
        path: name.clone(),
        message: go_stat_error(path, &e),
    })?;
    if meta.is_dir() {
        let how = How::new(Compat::V4, Format::V2, log);
        return load_dir_files(&crate::gopath::abs(path), Reading::AtLoad, how);
    }
    let data = std::fs::read(path).map_err(|e| ChartError::Read {
        path: name.clone(),
        message: go_open_error(path, &e),
    })?;
    ensure_archive(&name, &data[..data.len().min(512)])?;
    let files = load_archive_files(&data, Limits::default()).map_err(|e| match e {
        ChartError::GzipHeader => ChartError::InvalidChartFile {
            name: name.clone(),
            details: e.to_string(),
        },
        other => other,
    })?;
    load_files(files)
}

/// Walks a chart directory (with its `.helmignore`) and builds the chart.
fn load_dir_files(top: &Path, reading: Reading, mut how: How) -> Result<Chart, ChartError> {
    let mut rules = match std::fs::read(top.join(HELM_IGNORE)) {
        Ok(data) => Rules::parse(&String::from_utf8_lossy(&data))?,
        Err(_) => Rules::empty(),
    };
    rules.add_defaults();
    let mut files = Vec::new();
    let walk_opts = Walk {
        rules: &rules,
        limits: Limits::default(),
        reading,
    };
    walk(top, "", &walk_opts, 0, &mut files)?;
    how.values_at = match reading {
        Reading::AtLoad => ValuesAt::Load,
        Reading::Deferred => ValuesAt::FirstUse,
    };
    load_files_at(files, 0, &mut how)
}

/// The chart format Helm 4's loader picks from Chart.yaml's apiVersion.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// apiVersion v1, v2 or none: the chart-v2 loader.
    V2,
    /// apiVersion v3: helm4's chart-v3 loader, which is the v2 one without Helm 2's
    /// `requirements.yaml`/`requirements.lock` (plain files there). Rendering takes no
    /// v3 chart, so a load that succeeds ends in `invalid chart apiVersion`; a chart
    /// that fails to load reports that failure first.
    V3,
}

impl Format {
    fn finish(self, loaded: Result<Chart, ChartError>) -> Result<Chart, ChartError> {
        match (self, loaded) {
            (Format::V3, Ok(c)) => Err(c.values_error().unwrap_or(ChartError::InvalidApiVersion)),
            (_, loaded) => loaded,
        }
    }
}

/// Picks the chart format from Chart.yaml's apiVersion, as Helm 4's loader does first
/// (helm3's has one format and takes any apiVersion).
fn check_api_version(chart_yaml: &[u8], compat: Compat) -> Result<Format, ChartError> {
    if compat == Compat::V3 {
        return Ok(Format::V2);
    }
    let doc = parse_yaml(chart_yaml).map_err(|e| ChartError::load("Chart.yaml", e))?;
    let api = decode_api_version(&doc).map_err(|e| ChartError::load("Chart.yaml", e))?;
    match api.as_str() {
        "" | API_VERSION_V1 | API_VERSION_V2 => Ok(Format::V2),
        API_VERSION_V3 => Ok(Format::V3),
        _ => Err(ChartError::UnsupportedApiVersion),
    }
}

/// What a directory walk honours.
struct Walk<'r> {
    rules: &'r Rules,
    limits: Limits,
    reading: Reading,
}

/// Whether loading needs a file's contents: at the chart's or any subchart's level,
/// Chart.yaml, values, schemas, locks, templates, and the archives in `charts/`.
fn needed_at_load(rel: &str) -> bool {
    let mut rest = rel;
    while let Some(inner) = rest.strip_prefix("charts/") {
        match inner.split_once('/') {
            Some((_, below)) => rest = below,
            None => return true,
        }
    }
    rest.starts_with("templates/")
        || matches!(
            rest,
            "Chart.yaml"
                | "Chart.lock"
                | "values.yaml"
                | "values.schema.json"
                | "requirements.yaml"
                | "requirements.lock"
        )
}

/// Walks a directory in lexical order (Go's `filepath.Walk`), following symbolic links.
fn walk(
    dir: &Path,
    rel: &str,
    opts: &Walk,
    depth: usize,
    out: &mut Vec<BufferedFile>,
) -> Result<(), ChartError> {
    let (rules, limits) = (opts.rules, opts.limits);
    if depth > MAX_DIR_DEPTH {
        return Err(ChartError::TooDeep(dir.display().to_string()));
    }
    let read_err = |p: &Path, e: std::io::Error| ChartError::Read {
        path: rel.to_string(),
        message: go_open_error(p, &e),
    };
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_err(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    for name in names {
        let path = dir.join(&name);
        let name = name.to_string_lossy();
        let n = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        let meta = std::fs::metadata(&path).map_err(|e| read_err(&path, e))?;
        if meta.is_dir() {
            if rules.ignore(&n, true) {
                continue;
            }
            walk(&path, &n, opts, depth + 1, out)?;
            continue;
        }
        if rules.ignore(&n, false) {
            continue;
        }
        if !meta.is_file() {
            return Err(ChartError::IrregularFile(path.display().to_string()));
        }
        if meta.len() > limits.max_file_size {
            return Err(ChartError::DirFileTooLarge {
                name: name.to_string(),
                max: limits.max_file_size,
            });
        }
        let data = if opts.reading == Reading::Deferred && !needed_at_load(&n) {
            // Opened now all the same: a file Helm could not read fails the load here
            // too, with the same error (an open costs little next to a read).
            std::fs::File::open(&path).map_err(|e| ChartError::Read {
                path: n.clone(),
                message: go_open_error(&path, &e),
            })?;
            FileData::deferred(n.clone(), path, meta.len())
        } else {
            read_file(&path, meta.len())
                .map_err(|e| ChartError::Read {
                    path: n.clone(),
                    message: go_open_error(&path, &e),
                })?
                .into()
        };
        out.push(BufferedFile { name: n, data });
    }
    Ok(())
}

/// Reads a chart file of (as measured) `len` bytes into shared memory.
pub(crate) fn read_file(path: &Path, len: u64) -> std::io::Result<Arc<[u8]>> {
    let mut f = std::fs::File::open(path)?;
    match read_exactly(&mut f, len as usize)? {
        Some(data) => Ok(data),
        None => Ok(strip_bom(Arc::from(std::fs::read(path)?))),
    }
}

/// Loads a chart archive file.
pub fn load_file(path: impl AsRef<Path>) -> Result<Chart, ChartError> {
    load_file_for(path.as_ref(), Compat::V4, &mut Vec::new())
}

fn load_file_for(path: &Path, compat: Compat, log: &mut Vec<Warning>) -> Result<Chart, ChartError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ChartError::Read {
        path: name.clone(),
        message: go_stat_error(path, &e),
    })?;
    if meta.is_dir() {
        return Err(ChartError::IsDirectory);
    }
    let data = std::fs::read(path).map_err(|e| ChartError::Read {
        path: name.clone(),
        message: go_open_error(path, &e),
    })?;
    ensure_archive(&name, &data[..data.len().min(512)])?;
    let files = load_archive_files(&data, Limits::default()).map_err(|e| match e {
        ChartError::GzipHeader => ChartError::InvalidChartFile {
            name: name.clone(),
            details: e.to_string(),
        },
        // helm3 loads the archive directly and prints the cause.
        other if compat == Compat::V3 => other,
        other => ChartError::UnableToLoadArchive(Box::new(other)),
    })?;
    dispatch_archive(files, compat, log)
}

/// Loads a chart from gzipped tar bytes in memory (Helm's `loader.LoadArchive`).
pub fn load_archive(data: &[u8]) -> Result<Chart, ChartError> {
    load_archive_with_limits(data, Limits::default())
}

/// [`load_archive`] with other size limits.
pub fn load_archive_with_limits(data: &[u8], limits: Limits) -> Result<Chart, ChartError> {
    let files = load_archive_files(data, limits).map_err(|e| match e {
        ChartError::GzipHeader => ChartError::InvalidChartStream(e.to_string()),
        other => ChartError::ArchiveStream(Box::new(other)),
    })?;
    dispatch_archive(files, Compat::V4, &mut Vec::new())
}

fn dispatch_archive(
    files: Vec<BufferedFile>,
    compat: Compat,
    log: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    let format = match files.iter().find(|f| f.name == "Chart.yaml") {
        Some(chart_yaml) => check_api_version(&chart_yaml.data, compat)?,
        // helm3's loader reads every file first, then misses Chart.yaml.
        None if compat == Compat::V3 => Format::V2,
        None => return Err(ChartError::NoChartYamlInArchive),
    };
    format.finish(load_files_at(files, 0, &mut How::new(compat, format, log)))
}

/// Builds a chart from its files (paths relative to the chart root): Helm's `LoadFiles`.
/// Subcharts under `charts/` (folders or `.tgz` archives) are loaded recursively.
pub fn load_files(files: Vec<BufferedFile>) -> Result<Chart, ChartError> {
    load_files_at(
        files,
        0,
        &mut How::new(Compat::V4, Format::V2, &mut Vec::new()),
    )
}

/// How a chart tree is loaded, and where the loader's log lines go.
struct How<'l> {
    compat: Compat,
    values_at: ValuesAt,
    format: Format,
    log: &'l mut Vec<Warning>,
}

impl<'l> How<'l> {
    /// The Go package whose type names decoding errors use.
    fn go_package(&self) -> &'static str {
        match self.format {
            Format::V2 => go_package(self.compat),
            // helm4's `internal/chart/v3` package
            Format::V3 => "v3",
        }
    }

    fn new(compat: Compat, format: Format, log: &'l mut Vec<Warning>) -> How<'l> {
        How {
            compat,
            values_at: ValuesAt::Load,
            format,
            log,
        }
    }
}

/// When values.yaml files are decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ValuesAt {
    Load,
    /// On first use (see [`ChartValues`]); a load error that Helm would only have met
    /// after values.yaml gives way to the values' own error, as in Helm's order.
    FirstUse,
}

fn load_files_at(
    files: Vec<BufferedFile>,
    depth: usize,
    how: &mut How,
) -> Result<Chart, ChartError> {
    if depth > MAX_DIR_DEPTH {
        return Err(ChartError::TooDeep("charts/".into()));
    }
    let file = |f: &BufferedFile| File {
        name: f.name.as_str().into(),
        data: f.data.clone(),
    };
    let mut metadata: Option<Metadata> = None;
    for f in files.iter().filter(|f| f.name == "Chart.yaml") {
        let md = metadata.get_or_insert_with(Metadata::default);
        let doc = parse_yaml(&f.data).map_err(|e| ChartError::load("Chart.yaml", e))?;
        decode_metadata_as(&doc, md, how.go_package())
            .map_err(|e| ChartError::load("Chart.yaml", e))?;
        if md.api_version.is_empty() {
            md.api_version = match how.format {
                Format::V2 => API_VERSION_V1.into(),
                Format::V3 => API_VERSION_V3.into(),
            };
        }
    }
    let mut c = Chart {
        metadata: Metadata::default(),
        lock: None,
        templates: Vec::new(),
        files: Vec::new(),
        raw: files.iter().map(file).collect(),
        values: ChartValues::default(),
        schema: None,
        dependencies: Vec::new(),
        parents: Vec::new(),
    };
    if let Err(e) = fill_chart(&mut c, &files, metadata, depth, how) {
        // Helm stops at a values.yaml that does not decode: what it would only have met
        // after it (validation, subcharts) is not reported.
        return Err(c.values.error().unwrap_or(e));
    }
    let parents = Vec::new();
    Ok(c.with_parents(parents))
}

/// The rest of Helm's `LoadFiles` once Chart.yaml is read: every other file in order,
/// validation, then the subcharts.
fn fill_chart(
    c: &mut Chart,
    files: &[BufferedFile],
    mut metadata: Option<Metadata>,
    depth: usize,
    how: &mut How,
) -> Result<(), ChartError> {
    let (compat, values_at, format) = (how.compat, how.values_at, how.format);
    let file = |f: &BufferedFile| File {
        name: f.name.as_str().into(),
        data: f.data.clone(),
    };
    let mut subcharts: BTreeMap<String, Vec<BufferedFile>> = BTreeMap::new();
    let is_v1 =
        |md: &Option<Metadata>| md.as_ref().is_some_and(|m| m.api_version == API_VERSION_V1);
    for f in files {
        match f.name.as_str() {
            "Chart.yaml" => {}
            "Chart.lock" => {
                c.lock = Some(decode_lock_file("Chart.lock", &f.data, how.go_package())?)
            }
            "values.yaml" => {
                c.values = match values_at {
                    ValuesAt::Load => decode_values(&f.data, compat)
                        .map_err(|e| ChartError::load("values.yaml", e))?
                        .into(),
                    ValuesAt::FirstUse => ChartValues::pending(f.data.clone(), compat),
                }
            }
            "values.schema.json" => c.schema = Some(f.data.shared()),
            "requirements.yaml" | "requirements.lock" if format == Format::V3 => {
                c.files.push(file(f))
            }
            "requirements.yaml" => {
                // Helm 2's place for dependencies: read into the metadata.
                if !is_v1(&metadata) {
                    how.log.push(helm2_file_warning(REQUIREMENTS_YAML, 120));
                }
                let md = metadata.get_or_insert_with(Metadata::default);
                let doc =
                    parse_yaml(&f.data).map_err(|e| ChartError::load("requirements.yaml", e))?;
                decode_metadata_into(&doc, md, compat)
                    .map_err(|e| ChartError::load("requirements.yaml", e))?;
                if is_v1(&metadata) {
                    c.files.push(file(f));
                }
            }
            "requirements.lock" => {
                c.lock = Some(decode_lock_file(
                    "requirements.lock",
                    &f.data,
                    how.go_package(),
                )?);
                if !is_v1(&metadata) {
                    how.log.push(helm2_file_warning(REQUIREMENTS_LOCK, 138));
                }
                metadata.get_or_insert_with(Metadata::default);
                if is_v1(&metadata) {
                    c.files.push(file(f));
                }
            }
            n if n.starts_with("templates/") => c.templates.push(file(f)),
            n if n.starts_with("charts/") => {
                if n.ends_with(".prov") {
                    c.files.push(file(f));
                    continue;
                }
                let rest = &n["charts/".len()..];
                let cname = rest.split('/').next().unwrap_or(rest);
                subcharts
                    .entry(cname.to_string())
                    .or_default()
                    .push(BufferedFile {
                        name: rest.to_string(),
                        data: f.data.clone(),
                    });
            }
            _ => c.files.push(file(f)),
        }
    }
    let Some(mut metadata) = metadata else {
        return Err(ChartError::MissingChartYaml);
    };
    metadata.validate_for(compat)?;
    c.metadata = metadata;

    for (n, files) in subcharts {
        if n.starts_with('_') || n.starts_with('.') {
            continue;
        }
        let wrap = |e: ChartError| ChartError::subchart(&n, c.name(), e);
        let sub = if n.ends_with(".tgz") {
            let first = &files[0];
            if first.name != n {
                return Err(ChartError::SubchartTar {
                    parent: c.name().into(),
                    expected: n.clone(),
                    got: first.name.clone(),
                });
            }
            load_archive_files(&first.data, Limits::default())
                .and_then(|fs| load_files_at(fs, depth + 1, how))
        } else {
            let inner = files
                .into_iter()
                .filter_map(|f| {
                    f.name.split_once('/').map(|(_, rest)| BufferedFile {
                        name: rest.to_string(),
                        data: f.data,
                    })
                })
                .collect();
            load_files_at(inner, depth + 1, how)
        }
        .map_err(wrap)?;
        let mut sub = sub;
        sub.values.set_entry(&n);
        c.dependencies.push(Arc::new(sub));
    }
    Ok(())
}

fn decode_lock_file(name: &str, data: &[u8], pkg: &'static str) -> Result<super::Lock, ChartError> {
    let doc = parse_yaml(data).map_err(|e| ChartError::load(name, e))?;
    decode_lock_as(&doc, pkg).map_err(|e| ChartError::load(name, e))
}

/// Decodes a document bound for a Go struct (Chart.yaml, a lock file) with go-yaml's
/// native scalars, so that a string field sees an int as an int (`version: 010` is `"8"`).
fn parse_yaml(data: &[u8]) -> Result<Value, ChartError> {
    Ok(crate::yaml::from_slice_native(data)?)
}

/// Helm's `MergeMaps`: `b` over `a`, maps merged recursively, everything else replaced.
/// Returns a new top-level map; nested maps of `a` that `b` merges into are copied too.
pub fn merge_maps(a: &Map, b: &Map) -> Map {
    let out = Map::from_entries(a.entries());
    for (k, v) in b.entries() {
        if let (Value::Map(bv), Some(Value::Map(av))) = (&v, out.get(&k)) {
            out.insert(k, Value::Map(merge_maps(&av, bv)));
            continue;
        }
        out.insert(k, v);
    }
    out
}

/// Go's `*PathError` text for a failed open: `open PATH: no such file or directory`.
pub(crate) fn go_open_error(path: &Path, e: &std::io::Error) -> String {
    format!("open {}: {}", path.display(), go_errno_text(e))
}

fn go_stat_error(path: &Path, e: &std::io::Error) -> String {
    format!("stat {}: {}", path.display(), go_errno_text(e))
}

/// The C library's wording Go uses for an errno (lower case, no "(os error N)").
pub(crate) fn go_errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = match s.find(" (os error") {
        Some(i) => &s[..i],
        None => &s,
    };
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_maps_recurses_into_maps_only() {
        let a = Map::new();
        let inner = Map::new();
        inner.insert("x", Value::Float(1.0));
        inner.insert("y", Value::Float(2.0));
        a.insert("a", Value::Map(inner.clone()));
        a.insert("l", Value::list(vec![Value::Float(1.0)]));
        let b = Map::new();
        let binner = Map::new();
        binner.insert("x", Value::Float(3.0));
        b.insert("a", Value::Map(binner));
        b.insert("l", Value::Nil);
        let m = merge_maps(&a, &b);
        let got = m.get("a").unwrap();
        assert_eq!(got.get("x"), Some(Value::Float(3.0)));
        assert_eq!(got.get("y"), Some(Value::Float(2.0)));
        assert_eq!(m.get("l"), Some(Value::Nil));
        // The input is left alone.
        assert_eq!(inner.get("x"), Some(Value::Float(1.0)));
    }
}
