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
    };
    opts.merge_values_for(compat)
        .map_err(|e| crate::CliError::Message(e.to_string()))
}

/// Helm's `LocateChart` for a chart argument that is not on disk: helmcore reads only
/// local charts, so this gives the error helm gives when no repository has it either.
pub fn locate_chart(name: &str) -> Result<(), crate::CliError> {
    if std::path::Path::new(name).exists() {
        return Ok(());
    }
    let msg = if name.starts_with('/') || name.starts_with('.') {
        format!("path {name:?} not found")
    } else if let Some((repo, _)) = name.split_once('/') {
        format!("repo {repo} not found")
    } else {
        format!("non-absolute URLs should be in form of repo_name/path_to_chart, got: {name}")
    };
    Err(crate::CliError::Message(msg))
}

/// Loads the chart argument as `helm template`/`install` do.
///
/// Files that loading does not need are read when first used: a command lives for one
/// render, and most charts carry more (CRDs, READMEs, dashboards) than a render prints.
/// Under `--compat v3` the chart's values.yaml files are read as helm3 reads them.
pub fn load_chart(
    name: &str,
    compat: helmcore::render::Compat,
) -> Result<helmcore::chart::Chart, crate::CliError> {
    locate_chart(name)?;
    let mut log = Vec::new();
    let loaded = helmcore::chart::load_deferred_logged(name, compat, &mut log);
    print_log(&log, compat);
    loaded.map_err(|e| crate::CliError::Message(e.to_string()))
}

/// Prints what helm would have logged, in `compat`'s form, on standard error.
pub fn print_log(log: &[helmcore::values::Warning], compat: helmcore::render::Compat) {
    for line in helmcore::render::log_lines(log, compat) {
        eprintln!("{line}");
    }
}
