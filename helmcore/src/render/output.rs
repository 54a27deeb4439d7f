//! What `helm template` prints, and the files `--output-dir` writes.

use std::collections::BTreeMap;

use super::hooks::Hook;
use super::manifest::is_test_hook;
use super::{Release, RenderError};

/// The printing flags of `helm template`.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    /// `--show-only/-s`: only documents from templates matching these `filepath.Match`
    /// patterns (paths without the chart name: `templates/x.yaml`).
    pub show_only: Vec<String>,
    /// `--no-hooks`.
    pub no_hooks: bool,
    /// `--skip-tests`.
    pub skip_tests: bool,
}

/// How a file of `--output-dir` is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Created or truncated.
    Create,
    /// Appended to (it was written earlier in this run).
    Append,
    /// Appended to if it exists on disk, else created (how helm writes hooks).
    AppendIfExists,
}

/// One write of `--output-dir`, in order. Each writes `---\n# Source: NAME\nCONTENT\n`
/// and helm prints `wrote PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWrite {
    /// The file: the output directory joined with the source name.
    pub path: String,
    /// The source name (`chart/templates/x.yaml`).
    pub name: String,
    pub content: String,
    pub mode: WriteMode,
}

impl FileWrite {
    /// The bytes helm writes.
    pub fn text(&self) -> String {
        source_block(&self.name, &self.content)
    }
}

fn source_block(name: &str, content: &str) -> String {
    let mut b = String::new();
    push_source_block(&mut b, name, content);
    b
}

/// Appends `---\n# Source: NAME\nCONTENT\n`: the output is built in one buffer, not
/// from a string per document (kube-prometheus-stack prints 660 KB).
fn push_source_block(out: &mut String, name: &str, content: &str) {
    out.reserve(name.len() + content.len() + 16);
    out.push_str("---\n# Source: ");
    out.push_str(name);
    out.push('\n');
    out.push_str(content);
    out.push('\n');
}

impl Release {
    /// The release manifest as helm builds it: each included CRD file, then each
    /// manifest, as `---\n# Source: PATH\nCONTENT\n`; the post-renderer's output instead
    /// when there was one.
    pub fn manifest_text(&self) -> String {
        if let Some(p) = &self.post_rendered {
            return p.clone();
        }
        let mut b = String::new();
        if self.include_crds {
            for c in &self.crds {
                push_source_block(&mut b, &c.path, &c.content());
            }
        }
        for m in &self.manifests {
            push_source_block(&mut b, &m.path, &m.content);
        }
        b
    }

    /// Exactly what `helm template` prints on standard output.
    ///
    /// ```no_run
    /// use helmcore::render::{render, PrintOptions, RenderOptions};
    /// let chart = helmcore::chart::load("mychart").unwrap();
    /// let rel = render(&chart, &Default::default(), &RenderOptions::default()).unwrap();
    /// let only = PrintOptions { show_only: vec!["templates/service.yaml".into()], ..Default::default() };
    /// print!("{}", rel.template_output(&only).unwrap());
    /// ```
    pub fn template_output(&self, p: &PrintOptions) -> Result<String, RenderError> {
        template_text_of(self.manifest_text(), &self.hooks, p)
    }

    /// The writes of `helm template --output-dir DIR` (`use_release_name`:
    /// `--release-name`), in helm's order: CRDs (under `DIR` itself), manifests, then
    /// hooks unless `no_hooks`. Standard output then gets a lone newline.
    pub fn output_dir_writes(
        &self,
        dir: &str,
        use_release_name: bool,
        p: &PrintOptions,
    ) -> Vec<FileWrite> {
        let mut out = Vec::new();
        let mut written: BTreeMap<String, bool> = BTreeMap::new();
        let write =
            |dir: &str, name: &str, content: &str, mode: WriteMode, out: &mut Vec<FileWrite>| {
                out.push(FileWrite {
                    path: format!("{dir}/{name}"),
                    name: name.to_string(),
                    content: content.to_string(),
                    mode,
                });
            };
        if self.include_crds {
            for c in &self.crds {
                let seen = written.insert(c.path.clone(), true).is_some();
                write(dir, &c.path, &c.content(), mode(seen), &mut out);
            }
        }
        let new_dir = if use_release_name {
            format!("{dir}/{}", self.name)
        } else {
            dir.to_string()
        };
        for m in &self.manifests {
            let seen = written.insert(m.path.clone(), true).is_some();
            write(&new_dir, &m.path, &m.content, mode(seen), &mut out);
        }
        if !p.no_hooks {
            for h in &self.hooks {
                if p.skip_tests && is_test_hook(h) {
                    continue;
                }
                write(
                    &new_dir,
                    &h.path,
                    &h.manifest,
                    WriteMode::AppendIfExists,
                    &mut out,
                );
            }
        }
        out
    }
}

fn mode(seen: bool) -> WriteMode {
    if seen {
        WriteMode::Append
    } else {
        WriteMode::Create
    }
}

/// What `helm template` prints for a release manifest and its hooks: the manifest
/// trimmed, a newline, then each hook (unless `--no-hooks`, and tests unless
/// `--skip-tests`), then `--show-only`'s selection of that.
pub fn template_text(
    manifest: &str,
    hooks: &[Hook],
    p: &PrintOptions,
) -> Result<String, RenderError> {
    template_text_of(manifest.to_string(), hooks, p)
}

/// [`template_text`] of a manifest it may reuse as the output buffer.
fn template_text_of(
    mut s: String,
    hooks: &[Hook],
    p: &PrintOptions,
) -> Result<String, RenderError> {
    s.truncate(s.trim_end().len());
    let lead = s.len() - s.trim_start().len();
    s.drain(..lead);
    s.push('\n');
    if !p.no_hooks {
        for h in hooks {
            if p.skip_tests && is_test_hook(h) {
                continue;
            }
            push_source_block(&mut s, &h.path, &h.manifest);
        }
    }
    if p.show_only.is_empty() {
        return Ok(s);
    }
    show_only(&s, &p.show_only)
}

/// `--show-only`: the output split into documents again; for each pattern in order, the
/// documents whose `# Source: CHART/PATH` line has a PATH matching it.
fn show_only(text: &str, patterns: &[String]) -> Result<String, RenderError> {
    let docs = crate::yaml::split_manifests(text);
    let mut out = String::new();
    for f in patterns {
        let mut missing = true;
        for d in &docs {
            let Some(path) = source_path(d) else { continue };
            if !crate::chart::glob::glob_match(f, path).unwrap_or(false) {
                continue;
            }
            out.push_str("---\n");
            out.push_str(d);
            out.push('\n');
            missing = false;
        }
        if missing {
            return Err(RenderError::ShowOnly(f.clone()));
        }
    }
    Ok(out)
}

/// Helm's `# Source: [^/]+/(.+)`: the first match anywhere in the document.
fn source_path(doc: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(i) = doc[from..].find("# Source: ") {
        let start = from + i + "# Source: ".len();
        let rest = &doc[start..];
        // `[^/]+` (newlines included) then `/`, then `.+` up to the end of the line.
        if let Some(slash) = rest.find('/').filter(|&s| s > 0) {
            let tail = &rest[slash + 1..];
            let end = tail.find('\n').unwrap_or(tail.len());
            if end > 0 {
                return Some(&tail[..end]);
            }
        }
        from = start;
    }
    None
}

/// What helm keeps as the release manifest when a document fails to parse (and prints
/// under `--debug`): every non-empty rendered file. Helm's order is Go's random map
/// order; here it is the path order.
pub(crate) fn debug_dump(files: &BTreeMap<String, String>) -> String {
    let mut b = String::new();
    for (name, content) in files {
        if content.trim().is_empty() {
            continue;
        }
        push_source_block(&mut b, name, content);
    }
    b
}

impl RenderError {
    /// What `helm template --debug` prints on standard output before reporting this
    /// error (the rendered files and the hooks found, or a lone newline), `None` when
    /// helm prints nothing. `--show-only` applies to it and may fail instead.
    pub fn debug_output(&self, p: &PrintOptions) -> Option<Result<String, RenderError>> {
        match self {
            RenderError::Manifest { dump, hooks, .. } => Some(template_text(dump, hooks, p)),
            e if e.has_release() => Some(template_text("", &[], p)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_paths_as_helms_regex_finds_them() {
        assert_eq!(
            source_path("# Source: c/templates/x.yaml\nkind: A"),
            Some("templates/x.yaml")
        );
        assert_eq!(
            source_path("# Source: c/charts/s/templates/x.yaml"),
            Some("charts/s/templates/x.yaml")
        );
        assert_eq!(source_path("kind: A"), None);
        assert_eq!(source_path("# Source: nothing\n# Source: a/b"), Some("b"));
    }

    #[test]
    fn show_only_errors_as_helm() {
        let text = "---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n";
        assert_eq!(
            show_only(text, &["templates/b.yaml".into(), "templates/a.yaml".into()]).unwrap(),
            "---\n# Source: c/templates/b.yaml\nkind: B\n---\n# Source: c/templates/a.yaml\nkind: A\n"
        );
        assert_eq!(
            show_only(text, &["templates/*.yaml".into()]).unwrap(),
            "---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n"
        );
        assert_eq!(
            show_only(text, &["templates/c.yaml".into()])
                .unwrap_err()
                .to_string(),
            "could not find template templates/c.yaml in chart"
        );
    }
}
