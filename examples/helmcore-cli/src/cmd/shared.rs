//! Flag groups that several helm commands share.

use crate::flags::{Kind, Spec};

/// The values flags of `template`, `install`, `upgrade`, `lint` (helm's `addValueOptionsFlags`).
/// Helm applies them by kind, not by position: `-f` files in order, then `--set-json`,
/// `--set`, `--set-string`, `--set-file`, `--set-literal`.
pub fn value_flags() -> Vec<Spec> {
    vec![
        Spec::new("values", Kind::StringSlice).short('f'),
        Spec::new("set", Kind::StringArray),
        Spec::new("set-string", Kind::StringArray),
        Spec::new("set-file", Kind::StringArray),
        Spec::new("set-json", Kind::StringArray),
        Spec::new("set-literal", Kind::StringArray),
    ]
}

/// `--compat v3|v4` (default v4): which helm the command behaves as.
pub fn compat(p: &crate::flags::Parsed) -> Result<helmcore::render::Compat, crate::CliError> {
    p.string("compat")
        .unwrap_or("v4")
        .parse()
        .map_err(crate::CliError::Message)
}

/// The user-supplied values from the values flags, as `compat`'s helm reads them
/// (`Options.MergeValues`).
pub fn user_values(
    p: &crate::flags::Parsed,
    compat: helmcore::render::Compat,
) -> Result<helmcore::value::Map, crate::CliError> {
    let owned = |name: &str| p.strings(name).to_vec();
    let opts = helmcore::values::Options {
        value_files: owned("values"),
        values: owned("set"),
        string_values: owned("set-string"),
        file_values: owned("set-file"),
        json_values: owned("set-json"),
        literal_values: owned("set-literal"),
        getter: Some(crate::http::values_getter()),
    };
    opts.merge_values_for(compat)
        .map_err(|e| crate::CliError::Message(e.to_string()))
}

/// The flags of helm's `ChartPathOptions` (`template`, `show`...): where to fetch a chart
/// and how to verify it. helmcore reads local charts only: `--repo` is refused, and
/// `--verify` checks what can be checked without OpenPGP (see [`locate_local_chart`]);
/// the others matter only when fetching and are accepted so that helm's command lines work.
pub fn chart_path_flags() -> Vec<Spec> {
    vec![
        Spec::new("ca-file", Kind::String),
        Spec::new("cert-file", Kind::String),
        Spec::new("devel", Kind::Bool),
        Spec::new("insecure-skip-tls-verify", Kind::Bool),
        Spec::new("key-file", Kind::String),
        Spec::new("keyring", Kind::String),
        Spec::new("pass-credentials", Kind::Bool),
        Spec::new("password", Kind::String),
        Spec::new("plain-http", Kind::Bool),
        Spec::new("repo", Kind::String),
        Spec::new("username", Kind::String),
        Spec::new("verify", Kind::Bool),
        Spec::new("version", Kind::String),
    ]
}

/// Helm's `LocateChart` for the local charts helmcore reads: `--repo` refused, a missing
/// path worded as helm words it, and `--verify` failing as helm's does for a folder, a
/// file that is not a `.tgz`, a missing `.prov` file or keyring; past those, verifying
/// the signature is not something helmcore does, and it says so. Gives the chart's
/// absolute path, which helm's load errors print.
pub fn locate_local_chart(
    p: &crate::flags::Parsed,
    name: &str,
) -> Result<std::path::PathBuf, crate::CliError> {
    let refuse = |what: &str| {
        crate::CliError::Message(format!(
            "helmcore loads charts from local paths and archives only: {what}"
        ))
    };
    if p.is_set("repo") {
        return Err(refuse("--repo would fetch the chart from a repository"));
    }
    let path = locate_chart(name)?;
    if !p.bool("verify") {
        return Ok(path);
    }
    let fail = |m: String| Err(crate::CliError::Message(m));
    if path.is_dir() {
        return fail("unpacked charts cannot be verified".into());
    }
    let is_tgz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tgz"));
    if !is_tgz {
        return fail("chart must be a tgz file".into());
    }
    let prov = format!("{}.prov", path.display());
    if !std::path::Path::new(&prov).exists() {
        return fail(format!(
            "could not load provenance file {prov}: stat {prov}: no such file or directory"
        ));
    }
    let keyring = match p.string("keyring") {
        Some(k) => k.to_string(),
        None => default_keyring(),
    };
    if !std::path::Path::new(&keyring).exists() {
        return fail(format!(
            "failed to load keyring: open {keyring}: no such file or directory"
        ));
    }
    Err(refuse(
        "--verify would check the chart's signature, which helmcore does not do",
    ))
}

/// helm's default `--keyring`: `$GNUPGHOME/pubring.gpg`, else `~/.gnupg/pubring.gpg`.
fn default_keyring() -> String {
    match std::env::var_os("GNUPGHOME") {
        Some(home) => format!("{}/pubring.gpg", std::path::Path::new(&home).display()),
        None => format!(
            "{}/.gnupg/pubring.gpg",
            std::env::var("HOME").unwrap_or_default()
        ),
    }
}

/// Helm's `LocateChart` without repositories: the absolute path (Go's `filepath.Abs`)
/// of a chart on disk, or the error helm gives when no repository has it either.
pub fn locate_chart(name: &str) -> Result<std::path::PathBuf, crate::CliError> {
    let path = std::path::Path::new(name);
    if path.exists() {
        return Ok(helmcore::gopath::abs(path));
    }
    Err(crate::CliError::Message(crate::chart_ref::not_found(name)))
}

/// Loads a located chart (see [`locate_chart`]) as `helm template`/`install` do.
///
/// Files that loading does not need are read when first used: a command lives for one
/// render, and most charts carry more (CRDs, READMEs, dashboards) than a render prints.
/// Under `--compat v3` the chart's values.yaml files are read as helm3 reads them.
pub fn load_chart(
    path: &std::path::Path,
    compat: helmcore::render::Compat,
) -> Result<helmcore::chart::Chart, crate::CliError> {
    let mut log = Vec::new();
    let loaded = helmcore::chart::load_deferred_logged(path, compat, &mut log);
    print_log(&log, compat);
    loaded.map_err(|e| crate::CliError::Message(e.to_string()))
}

/// Prints what helm would have logged, in `compat`'s form, on standard error.
pub fn print_log(log: &[helmcore::values::Warning], compat: helmcore::render::Compat) {
    for line in helmcore::render::log_lines(log, compat) {
        eprintln!("{line}");
    }
}
