//! Template rules (Helm's `rules.Templates`): the chart renders with lint settings, and
//! every rendered YAML file holds well-formed objects with valid names, current APIs
//! and selectors.

use std::path::Path;

use super::stream::{documents, Step};
use crate::chart::{process_dependencies_for, Chart};
use crate::engine::ExecOptions;
use crate::engine::LintKind;
use crate::gofmt::quote;
use crate::lint::deprecations::deprecation_warning_for;
use crate::lint::names::validate_metadata_name;
use crate::lint::object::DecodeFailure;
use crate::lint::object::ObjectHead;
use crate::lint::support::{Linter, Severity};
use crate::render::{
    execute_templates, helm_functions, log_lines, Capabilities, Compat, ExecContext, KubeVersion,
    ParseCache, ReleaseInfo,
};
use crate::slog::{slog_line, LogLevel};
use crate::value::{Map, Value};
use crate::values::coalesce::coalesce_values_for;
use crate::values::schema::{validate_against_schema_for, SchemaLoader};
use crate::values::Warning;

const DIR: &str = "templates/";

/// The release lint renders as.
const RELEASE_NAME: &str = "test-release";

/// What the template rules need besides the chart.
pub(crate) struct Settings<'a> {
    pub values: &'a Map,
    pub namespace: &'a str,
    /// `--kube-version`; the deprecation check assumes Helm's default without one.
    pub kube_version: Option<&'a KubeVersion>,
    pub skip_schema_validation: bool,
    pub schema_loader: Option<&'a std::sync::Arc<dyn SchemaLoader>>,
    pub compat: Compat,
}

/// Runs the template rules; what helm would log meanwhile is appended to `logs`.
pub(crate) fn lint(
    linter: &mut Linter,
    chart_dir: &Path,
    chart: &Result<Chart, String>,
    settings: &Settings,
    logs: &mut Vec<String>,
) {
    let Some(chart) = (match settings.compat {
        Compat::V4 => super::checked_dir(linter, chart_dir, DIR, Some(Severity::Warning), chart),
        Compat::V3 => checked_dir_v3(linter, chart_dir, chart),
    }) else {
        return;
    };

    let mut warnings: Vec<Warning> = Vec::new();
    let Some(rendered) = render_chart(linter, chart, settings, &mut warnings, logs) else {
        return;
    };

    let kube_version = capabilities(settings).kube_version;
    for template in &chart.templates {
        let file = template.name.to_string();
        linter.rule(Severity::Error, &file, validate_allowed_extension(&file));
        if settings.compat == Compat::V3 {
            // helm3's checks for charts written for Helm 2, on every file's source.
            let source = template.data.bytes();
            linter.rule(Severity::Warning, &file, validate_no_crd_hooks(source));
            linter.rule(Severity::Error, &file, validate_no_release_time(source));
        }
        if !is_yaml_file(&file, settings.compat) {
            continue;
        }
        let key = format!("{}/{file}", chart.name());
        let content = rendered.files.get(&key).map(String::as_str).unwrap_or("");
        if content.trim().is_empty() {
            continue;
        }
        linter.rule(Severity::Warning, &file, validate_top_indent_level(content));
        let bad = rendered
            .invalid_utf8
            .get(&key)
            .and_then(|raw| first_invalid_document(raw));
        for (i, step) in documents(content, settings.compat).into_iter().enumerate() {
            let step = match &bad {
                // go-yaml fails on the document that is not UTF-8.
                Some((at, text)) if *at == i => Step::Failed(DecodeFailure {
                    text: text.clone(),
                    line: None,
                }),
                _ => step,
            };
            let obj = match step {
                Step::Failed(f) => {
                    linter.rule_at(
                        Severity::Error,
                        &file,
                        Err((format!("unable to parse YAML: {}", f.text), f.line)),
                    );
                    return;
                }
                Step::Object(None) => continue,
                Step::Object(Some(obj)) => obj,
            };
            linter.rule(
                Severity::Warning,
                &file,
                validate_metadata_name(&obj.kind, &obj.name),
            );
            linter.rule(
                Severity::Warning,
                &file,
                validate_no_deprecations(&obj, &kube_version, settings.compat),
            );
            linter.rule(
                Severity::Error,
                &file,
                validate_match_selector(&obj, content),
            );
            linter.rule(
                Severity::Error,
                &file,
                validate_list_annotations(&obj, content, settings.compat),
            );
        }
    }
}

/// Dependency processing, coalescing, schema validation and the render itself, as
/// Helm's template rule does them; `None` when linting the templates cannot go on.
fn render_chart(
    linter: &mut Linter,
    loaded: &Chart,
    settings: &Settings,
    warnings: &mut Vec<Warning>,
    logs: &mut Vec<String>,
) -> Option<crate::render::Outputs> {
    let flush = |warnings: &mut Vec<Warning>, logs: &mut Vec<String>| {
        logs.extend(log_lines(&std::mem::take(warnings), settings.compat));
    };
    // Helm gives up without a finding when dependencies or coalescing fail here (the
    // loader and the values rule report those problems), having logged what it met
    // on the way.
    let chart = match process_dependencies_for(settings.compat, loaded, settings.values, warnings) {
        Ok(c) => c,
        Err(_) => {
            flush(warnings, logs);
            return None;
        }
    };
    let coalesce = coalesce_values_for(settings.compat);
    let coalesced = match coalesce(&chart, settings.values, warnings) {
        Ok(v) => v,
        Err(_) => {
            flush(warnings, logs);
            return None;
        }
    };
    let values = coalesce(&chart, &coalesced, warnings);
    flush(warnings, logs);
    let values = match values {
        Ok(v) => v,
        Err(e) => {
            linter.rule(Severity::Error, DIR, Err(e.to_string()));
            return None;
        }
    };
    if !settings.skip_schema_validation {
        let valid = validate_against_schema_for(
            &chart,
            &values,
            settings.schema_loader,
            warnings,
            settings.compat,
        );
        // Helm warns once a process about each unresolved URN: the values rule may have.
        for line in log_lines(&std::mem::take(warnings), settings.compat) {
            if !logs.contains(&line) {
                logs.push(line);
            }
        }
        if let Err(e) = valid {
            linter.rule(Severity::Error, DIR, Err(e.to_string()));
            return None;
        }
    }
    let top = render_values(values, settings);
    let funcs = std::sync::Arc::new(match settings.compat {
        Compat::V4 => helm_functions(),
        Compat::V3 => helm_functions().for_helm3(),
    });
    let cx = ExecContext {
        funcs: &funcs,
        cache: &ParseCache::default(),
        compat: settings.compat,
        on_output: None,
        opts: ExecOptions {
            lint: true,
            ..ExecOptions::helm()
        },
    };
    let mut lint_messages = Vec::new();
    let rendered = execute_templates(&chart, &top, &cx, &mut lint_messages);
    log_lint_messages(&lint_messages, settings.compat, logs);
    match rendered {
        Ok(out) => Some(out),
        Err(f) => {
            let text = crate::render::template_message(&f, settings.compat);
            linter.rule(Severity::Error, DIR, Err(text));
            None
        }
    }
}

/// The index of the first document (split as Kubernetes' YAML reader splits them) of an
/// output that is not valid UTF-8, and go-yaml's error on it.
fn first_invalid_document(raw: &[u8]) -> Option<(usize, String)> {
    let docs = crate::yaml::split_document_bytes(raw)?;
    let (i, doc) = docs
        .iter()
        .enumerate()
        .find(|(_, d)| std::str::from_utf8(d).is_err())?;
    Some((i, crate::yaml::from_slice(doc).err()?.to_string()))
}

/// Helm's `ToRenderValues` as its lint calls it: release `test-release`, neither an
/// install nor an upgrade, revision 0, Helm's default capabilities with
/// `--kube-version`.
fn render_values(values: Map, settings: &Settings) -> Map {
    let release = ReleaseInfo {
        name: RELEASE_NAME.into(),
        namespace: settings.namespace.into(),
        revision: 0,
        is_upgrade: false,
        is_install: false,
    };
    let top = Map::new();
    top.insert("Capabilities", capabilities(settings).to_value());
    top.insert("Release", release.to_value());
    // `.Values` is Helm's `common.Values`, with its methods (`.Values.AsMap`), as in a
    // render.
    top.insert(
        "Values",
        Value::Map(values.named(settings.compat.values_type())),
    );
    top
}

/// What lint assumes of the cluster: Helm's defaults, with `--kube-version`.
fn capabilities(settings: &Settings) -> Capabilities {
    let mut caps = Capabilities::helm_default(settings.compat);
    if let Some(k) = settings.kube_version {
        caps.kube_version = k.clone();
    }
    caps
}

/// What lint mode logs for `required` and `fail`: helm4 through slog, helm3 through Go's
/// `log` with the engine's source lines.
fn log_lint_messages(
    messages: &[crate::engine::LintMessage],
    compat: Compat,
    logs: &mut Vec<String>,
) {
    for m in messages {
        logs.push(match compat {
            Compat::V4 => {
                let (level, msg) = match m.kind {
                    LintKind::Required => (LogLevel::Warn, "missing required value"),
                    LintKind::RequiredEmpty => (LogLevel::Warn, "missing required values"),
                    LintKind::Fail => (LogLevel::Info, "funcMap fail"),
                };
                slog_line(level, msg, &[("message", &m.message)])
            }
            Compat::V3 => match m.kind {
                LintKind::Required => format!(
                    "engine.go:206: [INFO] Missing required value: {}",
                    m.message
                ),
                LintKind::RequiredEmpty => format!(
                    "engine.go:214: [INFO] Missing required value: {}",
                    m.message
                ),
                LintKind::Fail => format!("engine.go:227: [INFO] Fail: {}", m.message),
            },
        });
    }
}

/// helm3's `validateTemplatesDir`: a missing `templates/` is no finding (the chart is
/// still loaded and rendered), a file in its place only a warning.
fn checked_dir_v3<'c>(
    linter: &mut Linter,
    chart_dir: &Path,
    chart: &'c Result<Chart, String>,
) -> Option<&'c Chart> {
    if std::fs::metadata(chart_dir.join("templates")).is_ok_and(|m| !m.is_dir()) {
        linter.rule(Severity::Warning, DIR, Err("not a directory".into()));
        return None;
    }
    super::loaded(linter, DIR, chart)
}

/// Go's `filepath.Ext`: from the last dot of the last path element.
fn extension(name: &str) -> &str {
    let base_start = name.rfind('/').map_or(0, |i| i + 1);
    match name[base_start..].rfind('.') {
        Some(i) => &name[base_start + i..],
        None => "",
    }
}

fn validate_allowed_extension(name: &str) -> Result<(), String> {
    let ext = extension(name);
    if [".yaml", ".yml", ".tpl", ".txt"].contains(&ext) {
        Ok(())
    } else {
        Err(format!(
            "file extension '{ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
        ))
    }
}

/// helm3: a template whose source holds `helm.sh/hook:` then white space then
/// `crd-install` (Go's `"?helm\.sh/hook"?:\s+crd-install`) uses Helm 2's CRD hook.
fn validate_no_crd_hooks(source: &[u8]) -> Result<(), String> {
    const KEY: &[u8] = b"helm.sh/hook";
    let found = (0..source.len()).any(|i| {
        let Some(rest) = source[i..].strip_prefix(KEY) else {
            return false;
        };
        let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(b":") else {
            return false;
        };
        // RE2's `\s`: no vertical tab.
        let blanks = rest
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
            .count();
        blanks > 0 && rest[blanks..].starts_with(b"crd-install")
    });
    if found {
        return Err("manifest is a crd-install hook. This hook is no longer supported in v3 \
                    and all CRDs should also exist the crds/ directory at the top level of the chart"
            .into());
    }
    Ok(())
}

/// helm3: `.Release.Time` (Helm 2's) anywhere in a template's source.
fn validate_no_release_time(source: &[u8]) -> Result<(), String> {
    if source.windows(13).any(|w| w == b".Release.Time") {
        return Err(
            ".Release.Time has been removed in v3, please replace with the `now` \
                    function in your templates"
                .into(),
        );
    }
    Ok(())
}

/// Whether the rendered file's documents are checked: helm4 takes `.yaml` and `.yml` in
/// any case; helm3's test (`Ext != ".yaml" || Ext == ".yml"` skips the file) passes only
/// `.yaml` itself.
fn is_yaml_file(name: &str, compat: Compat) -> bool {
    let ext = extension(name);
    match compat {
        Compat::V4 => ext.eq_ignore_ascii_case(".yaml") || ext.eq_ignore_ascii_case(".yml"),
        Compat::V3 => ext == ".yaml",
    }
}

/// The first non-blank line must not be indented (helm/helm#8467). Go's line scanner
/// gives up on a line of 64 KiB or more, and Helm reports that instead.
fn validate_top_indent_level(content: &str) -> Result<(), String> {
    for line in content.split('\n') {
        if line.len() >= 64 * 1024 {
            return Err("bufio.Scanner: token too long".into());
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            return Err(format!(
                "document starts with an illegal indent: {}, which may cause parsing problems",
                quote(line)
            ));
        }
        return Ok(());
    }
    Ok(())
}

fn validate_no_deprecations(
    obj: &ObjectHead,
    kube: &KubeVersion,
    compat: Compat,
) -> Result<(), String> {
    // The parsers only give numeric components.
    let number = |s: &str| s.parse::<u64>().unwrap_or_default();
    match deprecation_warning_for(
        &obj.api_version,
        &obj.kind,
        number(&kube.major),
        number(&kube.minor),
        compat,
    ) {
        Some(w) => Err(w),
        None => Ok(()),
    }
}

/// Workloads must have a selector; Helm only looks for the words in the whole file.
fn validate_match_selector(obj: &ObjectHead, content: &str) -> Result<(), String> {
    if matches!(
        obj.kind.as_str(),
        "Deployment" | "ReplicaSet" | "DaemonSet" | "StatefulSet"
    ) && !content.contains("matchLabels")
        && !content.contains("matchExpressions")
    {
        return Err(format!(
            "a {} must contain matchLabels or matchExpressions, and {} does not",
            obj.kind,
            quote(&obj.name)
        ));
    }
    Ok(())
}

/// Helm ignores `helm.sh/resource-policy` on the items of a `List`, and says so. It reads
/// the file's first document for this.
fn validate_list_annotations(
    obj: &ObjectHead,
    content: &str,
    compat: Compat,
) -> Result<(), String> {
    if obj.kind != "List" {
        return Ok(());
    }
    let first = match crate::yaml::split_documents(content) {
        Ok(docs) => docs.into_iter().next().unwrap_or_default(),
        Err(_) => content.to_string(),
    };
    let doc = crate::yaml::from_str(&first).map_err(|e| format!("unable to parse YAML: {e}"))?;
    let items = doc
        .as_map()
        .and_then(|m| {
            m.entries()
                .into_iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("items"))
        })
        .map(|(_, v)| v);
    for item in items.as_ref().and_then(Value::as_list).unwrap_or(&[]) {
        let annotations = item
            .as_map()
            .and_then(|m| {
                m.entries()
                    .into_iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("metadata"))
            })
            .and_then(|(_, md)| {
                md.as_map()?
                    .entries()
                    .into_iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("annotations"))
            })
            .map(|(_, a)| a);
        if annotations
            .as_ref()
            .and_then(Value::as_map)
            .is_some_and(|a| a.contains_key("helm.sh/resource-policy"))
        {
            // helm3 capitalised the message.
            let word = match compat {
                Compat::V4 => "annotation",
                Compat::V3 => "Annotation",
            };
            return Err(format!(
                "{word} 'helm.sh/resource-policy' within List objects are ignored"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts: helm v4.1.4's findings for templates rendering to these.
    #[test]
    fn extensions() {
        assert!(validate_allowed_extension("templates/a.yaml").is_ok());
        assert!(validate_allowed_extension("templates/NOTES.txt").is_ok());
        assert_eq!(
            validate_allowed_extension("templates/a.json").unwrap_err(),
            "file extension '.json' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
        );
        assert_eq!(
            validate_allowed_extension("templates/README").unwrap_err(),
            "file extension '' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
        );
        assert!(is_yaml_file("templates/A.YAML", Compat::V4));
        assert!(is_yaml_file("templates/a.yml", Compat::V4));
        // helm v3.17.1 checks the documents of `.yaml` files only.
        assert!(is_yaml_file("templates/a.yaml", Compat::V3));
        assert!(!is_yaml_file("templates/a.yml", Compat::V3));
        assert!(!is_yaml_file("templates/A.YAML", Compat::V3));
        assert!(validate_allowed_extension("templates/A.YAML").is_err());
    }

    // Expectations: helm v3.17.1's findings for a template holding each line.
    #[test]
    fn helm2_leftovers_under_helm3() {
        for (line, hook) in [
            ("helm.sh/hook: crd-install", true),
            ("\"helm.sh/hook\":\tcrd-install", true),
            ("helm.sh/hook: crd-installx", true),
            ("helm.sh/hook:\n  crd-install", true),
            ("helm.sh/hook: \"crd-install\"", false),
            ("'helm.sh/hook': crd-install", false),
            ("helm.sh/hook:crd-install", false),
            ("HELM.SH/HOOK: crd-install", false),
            ("helm.sh/hook: pre-install,crd-install", false),
            ("helmXsh/hook: crd-install", false),
        ] {
            assert_eq!(
                validate_no_crd_hooks(line.as_bytes()).is_err(),
                hook,
                "{line}"
            );
        }
        assert!(validate_no_release_time(b"# x.Release.Timex").is_err());
        assert!(validate_no_release_time(b"{{ .release.time }}").is_ok());
        assert!(validate_no_release_time(b"{{ .Release .Time }}").is_ok());
    }

    #[test]
    fn top_indent() {
        assert!(validate_top_indent_level("\n\nkind: A\n  x: 1\n").is_ok());
        assert_eq!(
            validate_top_indent_level("\n  kind: A\n").unwrap_err(),
            "document starts with an illegal indent: \"  kind: A\", which may cause parsing problems"
        );
    }

    #[test]
    fn selectors_and_lists() {
        let dep = ObjectHead {
            kind: "Deployment".into(),
            name: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            validate_match_selector(&dep, "kind: Deployment\n").unwrap_err(),
            "a Deployment must contain matchLabels or matchExpressions, and \"x\" does not"
        );
        assert!(validate_match_selector(&dep, "selector:\n  matchLabels: {}\n").is_ok());
        let list = ObjectHead {
            kind: "List".into(),
            ..Default::default()
        };
        let content = "kind: List\nitems:\n- metadata:\n    annotations:\n      helm.sh/resource-policy: keep\n";
        assert_eq!(
            validate_list_annotations(&list, content, Compat::V4).unwrap_err(),
            "annotation 'helm.sh/resource-policy' within List objects are ignored"
        );
        assert_eq!(
            validate_list_annotations(&list, content, Compat::V3).unwrap_err(),
            "Annotation 'helm.sh/resource-policy' within List objects are ignored"
        );
    }
}
