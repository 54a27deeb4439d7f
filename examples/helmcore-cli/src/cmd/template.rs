//! `helmcore template [NAME] [CHART]`: renders a chart locally and prints the manifests,
//! byte for byte what `helm template` prints.
//!
//! Extensions: `--compat v3|v4` picks the helm whose behaviour to reproduce (default
//! v4). `--post-renderer` runs an executable (helm3's form; helm4 expects a plugin name).

use std::io::Write;
use std::sync::Arc;

use helmcore::render::{
    name_and_chart, template_text, Compat, FileWrite, KubeVersion, NameOptions, PostRenderer,
    PrintOptions, RenderError, RenderOptions, Renderer, WriteMode,
};

use super::shared::{
    chart_path_flags, compat, load_chart, locate_local_chart, user_values, value_flags,
};
use super::{Args, Command};
use crate::flags::{Kind, Parsed, Spec};
use crate::CliError;
use helmcore::lint::LogLevel;

pub fn command() -> Command {
    let mut flags = value_flags();
    flags.extend(chart_path_flags());
    flags.extend([
        Spec::new("api-versions", Kind::StringSlice).short('a'),
        Spec::new("compat", Kind::String),
        Spec::new("create-namespace", Kind::Bool),
        Spec::new("dependency-update", Kind::Bool),
        Spec::new("description", Kind::String),
        Spec::new("disable-openapi-validation", Kind::Bool),
        Spec::new("dry-run", Kind::String).no_opt("unset"),
        Spec::new("enable-dns", Kind::Bool),
        Spec::new("force", Kind::Bool).deprecated("use --force-replace instead"),
        Spec::new("force-conflicts", Kind::Bool),
        Spec::new("force-replace", Kind::Bool),
        Spec::new("generate-name", Kind::Bool).short('g'),
        Spec::new("hide-notes", Kind::Bool),
        Spec::new("include-crds", Kind::Bool),
        Spec::new("is-upgrade", Kind::Bool),
        Spec::new("kube-version", Kind::String),
        Spec::new("labels", Kind::StringToString).short('l'),
        Spec::new("name-template", Kind::String),
        Spec::new("no-hooks", Kind::Bool),
        Spec::new("output-dir", Kind::String),
        Spec::new("post-renderer", Kind::String),
        Spec::new("post-renderer-args", Kind::StringArray),
        Spec::new("release-name", Kind::Bool),
        Spec::new("render-subchart-notes", Kind::Bool),
        Spec::new("replace", Kind::Bool),
        Spec::new("rollback-on-failure", Kind::Bool),
        Spec::new("atomic", Kind::Bool).deprecated("use --rollback-on-failure instead"),
        Spec::new("server-side", Kind::Bool),
        Spec::new("show-only", Kind::StringArray).short('s'),
        Spec::new("skip-crds", Kind::Bool),
        Spec::new("skip-schema-validation", Kind::Bool),
        Spec::new("skip-tests", Kind::Bool),
        Spec::new("take-ownership", Kind::Bool),
        Spec::new("timeout", Kind::Duration),
        Spec::new("validate", Kind::Bool).deprecated("use '--dry-run=server' instead"),
        Spec::new("wait", Kind::String).no_opt("watcher"),
        Spec::new("wait-for-jobs", Kind::Bool),
    ]);
    Command {
        path: &["template"],
        usage: "template [NAME] [CHART]",
        short: "locally render templates",
        long: "Render chart templates locally and display the output.

Any values that would normally be looked up or retrieved in-cluster will be
faked locally. Additionally, none of the server-side testing of chart validity
(e.g. whether an API is supported) is done.

To specify the Kubernetes API versions used for Capabilities.APIVersions, use
the '--api-versions' flag. This flag can be specified multiple times or as a
comma-separated list:

    $ helmcore template --api-versions networking.k8s.io/v1 --api-versions cert-manager.io/v1 mychart ./mychart

--compat v3 renders as helm v3.17.1 does.",
        flags,
        args: Args::AtLeast(1),
        run,
    }
}

fn msg(e: impl ToString) -> CliError {
    CliError::Message(e.to_string())
}

fn run(p: Parsed) -> Result<(), CliError> {
    // helm's `now` carries Go's monotonic reading, counted from the process's start.
    let started = std::time::Instant::now();
    let compat = compat(&p)?;
    // helm checks the post-renderer while reading the flags, before anything else.
    let post_renderer = post_renderer(&p)?;
    let debug = p.bool("debug") || env_bool("HELM_DEBUG");
    let kube_version = match p.string("kube-version").filter(|s| !s.is_empty()) {
        Some(v) => Some(
            KubeVersion::parse(v, compat)
                .map_err(|e| msg(format!("invalid kube version '{v}': {e}")))?,
        ),
        None => None,
    };
    if compat == Compat::V4 {
        check_dry_run(&p)?;
        check_cluster_free(&p)?;
    }
    let names = NameOptions {
        generate_name: p.bool("generate-name"),
        name_template: p.string("name-template").unwrap_or("").to_string(),
        preset_name: "release-name".into(),
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (release_name, chart_ref) = name_and_chart(&p.args, &names, now).map_err(msg)?;
    let path = locate_local_chart(&p, chart_ref.trim())?;
    let user = user_values(&p, compat)?;
    let chart = load_chart(&path, compat)?;
    if p.bool("dependency-update") {
        // Loading failed first if a values file does not decode.
        if let Some(e) = chart.values_error() {
            return Err(msg(e.to_string()));
        }
    }
    if p.bool("dependency-update") && helmcore::chart::check_dependencies(&chart).is_err() {
        return Err(msg("helmcore loads charts from local paths and archives only: --dependency-update would download the missing dependencies"));
    }
    if compat == Compat::V3 {
        // helm3 checks the dry-run value and the cluster once the chart has passed its
        // own checks (those fail in the render below).
        if let Err(e) = check_dry_run_v3(&p) {
            if chart_checks_pass(&chart) {
                return Err(e);
            }
        }
    }
    let opts = RenderOptions {
        compat,
        release_name,
        namespace: namespace(&p),
        is_upgrade: p.bool("is-upgrade"),
        kube_version,
        api_versions: p.strings("api-versions").to_vec(),
        include_crds: p.bool("include-crds"),
        subchart_notes: p.bool("render-subchart-notes"),
        skip_schema_validation: p.bool("skip-schema-validation"),
        schema_loader: Some(crate::http::schema_loader()),
        post_renderer,
        resolver: p
            .bool("enable-dns")
            .then(|| Arc::new(crate::dns::SystemDns) as Arc<dyn helmcore::engine::HostResolver>),
        clock_origin: Some(started),
        ..RenderOptions::default()
    };
    let print = PrintOptions {
        show_only: p.strings("show-only").to_vec(),
        no_hooks: p.bool("no-hooks"),
        skip_tests: p.bool("skip-tests"),
    };
    // `render_logged` keeps the parsed templates in the renderer, which the process then
    // never frees (see the end): freeing a big chart's trees costs more than it saves.
    let renderer = Renderer::new(chart);
    let release = match renderer.render_logged(&user, &opts) {
        Ok(r) => r,
        Err(failure) => {
            log(&failure.log_lines());
            return Err(render_failure(failure.error, debug, &print));
        }
    };
    log(&release.log_lines());
    let text = match p.string("output-dir").filter(|d| !d.is_empty()) {
        Some(dir) => {
            write_files(&release.output_dir_writes(dir, p.bool("release-name"), &print))?;
            // The manifests went to files: what is left to print is a lone newline.
            template_text("", &[], &print).map_err(msg)?
        }
        None => release.template_output(&print).map_err(msg)?,
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(msg)?;
    // The process ends next: freeing the release, the values and the parsed chart one by
    // one would only cost time.
    std::mem::forget(release);
    std::mem::forget(user);
    std::mem::forget(renderer);
    Ok(())
}

/// What helm logs on standard error while it renders.
fn log(lines: &[String]) {
    let mut err = std::io::stderr().lock();
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
}

/// A failed render as helm reports it: under `--debug` what was rendered goes to
/// standard output first; otherwise a render failure points at `--debug`.
fn render_failure(e: RenderError, debug: bool, print: &PrintOptions) -> CliError {
    if debug {
        match e.debug_output(print) {
            Some(Ok(text)) => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes());
                let _ = out.flush();
            }
            Some(Err(other)) => return msg(other),
            None => {}
        }
        return msg(e);
    }
    if e.has_release() {
        return msg(format!(
            "{e}\n\nUse --debug flag to render out invalid YAML"
        ));
    }
    msg(e)
}

fn env_bool(name: &str) -> bool {
    std::env::var(name)
        .ok()
        .and_then(|v| crate::flags::parse_bool(&v))
        .unwrap_or(false)
}

/// `--namespace`, else `$HELM_NAMESPACE`, else `default` (helm would consult the
/// kubeconfig's current context next; helmcore reads no kubeconfig).
fn namespace(p: &Parsed) -> String {
    p.string("namespace")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| {
            std::env::var("HELM_NAMESPACE")
                .ok()
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "default".into())
}

/// helm4's `cmdGetDryRunFlagStrategy` for `template`, which is always a dry run.
fn check_dry_run(p: &Parsed) -> Result<(), CliError> {
    if p.is_set("validate") && p.is_set("dry-run") {
        return Err(msg("if any flags in the group [validate dry-run] are set none of the others can be; [dry-run validate] were all set"));
    }
    let v = p.string("dry-run").unwrap_or("client");
    let warn = |m: &str| eprintln!("{}", helmcore::lint::slog_line(LogLevel::Warn, m, &[]));
    match v {
        "unset" => {
            warn("--dry-run is deprecated and should be replaced with '--dry-run=client'");
            Ok(())
        }
        "client" | "server" => Ok(()),
        "none" => Err(msg(format!(
            "invalid dry-run value ({v:?}). Must be \"server\" or \"client\""
        ))),
        _ => match crate::flags::parse_bool(v) {
            Some(true) => {
                warn(&format!("boolean '--dry-run={v}' flag is deprecated and must be replaced with '--dry-run=client'"));
                Ok(())
            }
            Some(false) => Err(msg(format!(
                "invalid dry-run value ({v:?}). Must be \"server\" or \"client\""
            ))),
            None => Err(msg(format!(
                "invalid dry-run value ({v:?}). Must be \"none\", \"server\", or \"client\""
            ))),
        },
    }
}

/// helm3's `validateDryRunOptionFlag`, then its cluster check: no warnings, no
/// `[validate dry-run]` group, and `--dry-run=server` renders locally as `client` does
/// (only `--validate` reaches for the cluster).
fn check_dry_run_v3(p: &Parsed) -> Result<(), CliError> {
    match p.string("dry-run").unwrap_or("") {
        "" | "unset" | "false" | "true" | "none" | "client" | "server" => {}
        _ => return Err(msg("Invalid dry-run flag. Flag must one of the following: false, true, none, client, server")),
    }
    if p.bool("validate") {
        return Err(msg(NO_CLUSTER));
    }
    Ok(())
}

/// Whether the chart passes the checks helm runs on it before the dry-run flag under
/// v3: its values decode, it is an application chart, its dependencies are present.
fn chart_checks_pass(chart: &helmcore::chart::Chart) -> bool {
    chart.values_error().is_none()
        && matches!(chart.metadata.chart_type.as_str(), "" | "application")
        && helmcore::chart::check_dependencies(chart).is_ok()
}

const NO_CLUSTER: &str = "cluster reachability check failed: helmcore renders without a cluster; --dry-run=server and --validate need one (use helm for server-side validation)";

/// Flags that make helm4 talk to a cluster.
fn check_cluster_free(p: &Parsed) -> Result<(), CliError> {
    if p.bool("validate") || p.string("dry-run") == Some("server") {
        return Err(msg(NO_CLUSTER));
    }
    Ok(())
}

/// `--post-renderer PROGRAM [--post-renderer-args ARG]...`: the program must be found
/// when the flag is read, as helm3 checks it.
fn post_renderer(p: &Parsed) -> Result<Option<Arc<dyn PostRenderer>>, CliError> {
    let Some(program) = p.string("post-renderer").filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let path = look_path(program).map_err(|e| {
        msg(format!(
            "invalid argument {program:?} for \"--post-renderer\" flag: unable to find binary at {program}: {e}"
        ))
    })?;
    Ok(Some(Arc::new(ExecPostRenderer {
        program: path,
        args: p.strings("post-renderer-args").to_vec(),
    })))
}

/// Go's `exec.LookPath` then `filepath.Abs`: a name with a slash is checked as it is,
/// another is searched for in `$PATH`.
fn look_path(name: &str) -> Result<String, String> {
    use std::os::unix::fs::PermissionsExt;
    let executable = |p: &std::path::Path| -> Result<(), String> {
        let m = std::fs::metadata(p).map_err(|e| {
            let text = e.to_string();
            let text = text
                .split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase();
            format!("stat {}: {text}", p.display())
        })?;
        if m.is_dir() || m.permissions().mode() & 0o111 == 0 {
            return Err("permission denied".into());
        }
        Ok(())
    };
    let found = if name.contains('/') {
        executable(std::path::Path::new(name))
            .map(|_| std::path::PathBuf::from(name))
            .map_err(|e| format!("exec: {name:?}: {e}"))?
    } else {
        std::env::var("PATH")
            .unwrap_or_default()
            .split(':')
            .map(|d| std::path::Path::new(if d.is_empty() { "." } else { d }).join(name))
            .find(|p| executable(p).is_ok())
            .ok_or_else(|| format!("exec: {name:?}: executable file not found in $PATH"))?
    };
    Ok(std::path::absolute(&found)
        .unwrap_or(found)
        .display()
        .to_string())
}

/// A post-renderer that is a program: the manifests on its standard input, the result
/// on its standard output (helm3's `--post-renderer`).
struct ExecPostRenderer {
    program: String,
    args: Vec<String>,
}

impl PostRenderer for ExecPostRenderer {
    fn run(&self, manifests: &str) -> Result<String, String> {
        use std::process::{Command, Stdio};
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("unable to run post-renderer {}: {e}", self.program))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or("post-renderer has no standard input")?;
        let input = manifests.to_string();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        let _ = feeder.join();
        if !out.status.success() {
            // Go's `*exec.ExitError` text.
            let status = match out.status.code() {
                Some(code) => format!("exit status {code}"),
                None => "signal: killed".to_string(),
            };
            return Err(format!(
                "error while running command {}. error output:\n{}: {status}",
                self.program,
                String::from_utf8_lossy(&out.stderr),
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// helm3 renders a chart named `..` (helm4 refuses the name) and writes its files beside
/// the output directory (`DIR/../templates/x.yaml`); helmcore refuses before writing
/// anything.
fn check_inside_output_dir(writes: &[FileWrite]) -> Result<(), CliError> {
    for w in writes {
        let mut depth = 0usize;
        for part in std::path::Path::new(&w.name).components() {
            match part {
                std::path::Component::Normal(_) => depth += 1,
                std::path::Component::ParentDir if depth > 0 => depth -= 1,
                std::path::Component::CurDir => {}
                _ => {
                    return Err(msg(format!(
                        "refusing to write {}: the path leaves the output directory",
                        w.path
                    )))
                }
            }
        }
    }
    Ok(())
}

/// Carries out `--output-dir`'s writes, printing `wrote PATH` for each as helm does.
fn write_files(writes: &[FileWrite]) -> Result<(), CliError> {
    check_inside_output_dir(writes)?;
    let mut out = std::io::stdout().lock();
    for w in writes {
        let path = std::path::Path::new(&w.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(msg)?;
        }
        let append = match w.mode {
            WriteMode::Create => false,
            WriteMode::Append => true,
            WriteMode::AppendIfExists => path.exists(),
        };
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .append(append)
            .truncate(!append)
            .open(path)
            .map_err(|e| msg(format!("open {}: {e}", w.path)))?;
        f.write_all(w.text().as_bytes()).map_err(msg)?;
        writeln!(out, "wrote {}", w.path).map_err(msg)?;
    }
    Ok(())
}
