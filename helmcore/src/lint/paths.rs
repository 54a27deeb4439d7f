//! Paths as Go's `path/filepath` spells them (Helm prints them), subchart discovery for
//! `--with-subcharts`, and unpacking a chart archive for linting.

use std::path::{Path, PathBuf};

use crate::chart::archive::{load_archive_files, Limits};
use crate::gopath::{clean as go_clean, join as go_join};

/// `--with-subcharts`: Go's `filepath.Walk` over `CHART/charts` (lexical order, symbolic
/// links not followed), taking the folder of every `Chart.yaml` and every archive.
pub(crate) fn subchart_paths(chart: &str, out: &mut Vec<String>) {
    let root = go_join(chart, "charts");
    walk(&root, out, 0);
}

fn walk(path: &str, out: &mut Vec<String>, depth: usize) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "Chart.yaml" {
        out.push(go_dir(path));
    } else if path.ends_with(".tgz") || path.ends_with(".tar.gz") {
        out.push(path.to_string());
    }
    if !meta.is_dir() || depth > 64 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    for n in names {
        walk(&go_join(path, &n), out, depth + 1);
    }
}

/// Go's `filepath.Dir`.
fn go_dir(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => go_clean(&path[..=i]),
        None => ".".into(),
    }
}

/// A chart archive unpacked into a temporary directory (removed on drop), as Helm's
/// lint does with `chartutil.Expand`.
pub(crate) struct Unpacked {
    temp: PathBuf,
    chart_dir: PathBuf,
}

impl Unpacked {
    /// Unpacks `archive`; the error is Helm's text.
    pub fn new(archive: &str) -> Result<Unpacked, String> {
        let temp = make_temp_dir()
            .map_err(|e| format!("unable to create temp dir to extract tarball: {e}"))?;
        let mut u = Unpacked {
            temp,
            chart_dir: PathBuf::new(),
        };
        let data = std::fs::read(archive).map_err(|e| {
            format!(
                "unable to open tarball: open {archive}: {}",
                crate::chart::go_errno_text_of(&e)
            )
        })?;
        u.expand(&data)
            .map_err(|e| format!("unable to extract tarball: {e}"))?;
        let mut entries: Vec<(String, bool)> = std::fs::read_dir(&u.temp)
            .map_err(|e| {
                format!(
                    "unable to read temporary output directory {}: {e}",
                    u.temp.display()
                )
            })?
            .filter_map(|e| e.ok())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.path().is_dir(),
                )
            })
            .collect();
        entries.sort();
        match entries.first() {
            Some((name, true)) => {
                u.chart_dir = u.temp.join(name);
                Ok(u)
            }
            Some((name, false)) => Err(format!(
                "unexpected file {name} in temporary output directory {}",
                u.temp.display()
            )),
            None => Err(format!(
                "unexpected empty temporary output directory {}",
                u.temp.display()
            )),
        }
    }

    pub fn chart_dir(&self) -> &Path {
        &self.chart_dir
    }

    /// Helm's `chartutil.Expand`: every file under a folder named after the chart.
    fn expand(&self, data: &[u8]) -> Result<(), String> {
        let files = load_archive_files(data, Limits::default()).map_err(|e| e.to_string())?;
        let mut name = String::new();
        for f in files.iter().filter(|f| f.name == "Chart.yaml") {
            let doc = super::rules::parse_struct_doc(&f.data)
                .map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
            let mut md = crate::chart::Metadata::default();
            crate::chart::decode_metadata_into(&doc, &mut md, crate::render::Compat::V4)
                .map_err(|e| format!("cannot load Chart.yaml: {e}"))?;
            name = md.name;
        }
        if name.is_empty() {
            return Err("chart name not specified".into());
        }
        let chart_dir = secure_join(&self.temp, &name);
        for f in &files {
            let out = secure_join(&chart_dir, &f.name);
            if let Some(parent) = out.parent() {
                std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
            }
            std::fs::write(&out, &f.data).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

impl Drop for Unpacked {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}

/// Joins `name` under `base` as if `base` were the root: `..` cannot climb out.
fn secure_join(base: &Path, name: &str) -> PathBuf {
    let rooted = go_clean(&format!("/{name}"));
    base.join(rooted.trim_start_matches('/'))
}

fn make_temp_dir() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let mut last = None;
    for _ in 0..16 {
        let dir = base.join(format!("helm-lint{}", rand::random::<u32>()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary directory")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dir_and_secure_join_as_go() {
        assert_eq!(go_dir("a/charts/b/Chart.yaml"), "a/charts/b");
        assert_eq!(
            secure_join(Path::new("/t"), "../../etc"),
            PathBuf::from("/t/etc")
        );
    }
}
