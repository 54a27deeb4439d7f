//! The release name from the command line (Helm's `Install.NameAndChart` and
//! `TemplateName`).

use crate::engine::{ExecOptions, MissingKey, TemplateError, TemplateSet};
use crate::value::Value;

/// The naming flags of `helm template`/`install`.
#[derive(Debug, Clone, Default)]
pub struct NameOptions {
    /// `--generate-name`/`-g`.
    pub generate_name: bool,
    /// `--name-template`.
    pub name_template: String,
    /// A name set beforehand: `helm template` presets `release-name`, which is why its
    /// one-argument form (even with `-g`) renders as `release-name`.
    pub preset_name: String,
}

/// Why no release name could be had; helm's messages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("expected at most two arguments, unexpected arguments: {}", .0.join(", "))]
    TooManyArguments(Vec<String>),
    #[error("cannot set --generate-name and also specify a name")]
    GenerateWithName,
    #[error("cannot set --name-template and also specify a name")]
    TemplateWithName,
    #[error("must either provide a name or specify --generate-name")]
    NoName,
    #[error("{0}")]
    Template(TemplateError),
}

/// Helm's `NameAndChart`: the release name and the chart reference from the positional
/// arguments. `now` is the Unix time `--generate-name` uses.
///
/// ```
/// use helmcore::render::{name_and_chart, NameOptions};
/// let preset = NameOptions { preset_name: "release-name".into(), ..Default::default() };
/// let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// assert_eq!(name_and_chart(&args(&["web", "./chart"]), &preset, 0).unwrap(), ("web".into(), "./chart".into()));
/// assert_eq!(name_and_chart(&args(&["./chart"]), &preset, 0).unwrap().0, "release-name");
/// let gen = NameOptions { generate_name: true, ..Default::default() };
/// assert_eq!(name_and_chart(&args(&["./my.chart.tgz"]), &gen, 1700000000).unwrap().0, "my-1700000000");
/// ```
pub fn name_and_chart(
    args: &[String],
    o: &NameOptions,
    now: i64,
) -> Result<(String, String), NameError> {
    if args.len() > 2 {
        return Err(NameError::TooManyArguments(args[2..].to_vec()));
    }
    let chart = args.last().cloned().unwrap_or_default();
    if args.len() == 2 {
        if o.generate_name {
            return Err(NameError::GenerateWithName);
        }
        if !o.name_template.is_empty() {
            return Err(NameError::TemplateWithName);
        }
        return Ok((args[0].clone(), chart));
    }
    if !o.name_template.is_empty() {
        return template_name(&o.name_template)
            .map(|n| (n, chart))
            .map_err(NameError::Template);
    }
    if !o.preset_name.is_empty() {
        return Ok((o.preset_name.clone(), chart));
    }
    if !o.generate_name {
        return Err(NameError::NoName);
    }
    let base = chart.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let base = if base.is_empty() || base == "." {
        "chart"
    } else {
        base
    };
    let base = base.split('.').next().unwrap_or(base);
    Ok((format!("{base}-{now}"), chart))
}

/// Helm's `TemplateName`: `--name-template` executed with Sprig's functions (and none of
/// Helm's) on no data.
///
/// ```
/// assert_eq!(helmcore::render::template_name(r#"web-{{ "ABC" | lower }}"#).unwrap(), "web-abc");
/// assert_eq!(helmcore::render::template_name("{{ .x }}").unwrap(), "<no value>");
/// ```
pub fn template_name(template: &str) -> Result<String, TemplateError> {
    if template.is_empty() {
        return Ok(String::new());
    }
    let mut set =
        TemplateSet::new(super::funcs::name_template_functions()).with_root_name("name-template");
    set.add("name-template", template)?;
    let opts = ExecOptions {
        missing_key: MissingKey::Invalid,
        ..ExecOptions::default()
    };
    set.execute("name-template", &Value::Nil, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    // Messages: helm4 `helm template` with these arguments.
    #[test]
    fn errors_as_helm_words_them() {
        let preset = NameOptions {
            preset_name: "release-name".into(),
            ..Default::default()
        };
        let e =
            |a: &[&str], o: &NameOptions| name_and_chart(&args(a), o, 0).unwrap_err().to_string();
        assert_eq!(
            e(&["a", "b", "c"], &preset),
            "expected at most two arguments, unexpected arguments: c"
        );
        let g = NameOptions {
            generate_name: true,
            ..preset.clone()
        };
        assert_eq!(
            e(&["rel", "p1"], &g),
            "cannot set --generate-name and also specify a name"
        );
        assert_eq!(
            name_and_chart(&args(&["p1"]), &g, 5).unwrap().0,
            "release-name"
        );
        let t = NameOptions {
            name_template: "x".into(),
            ..preset.clone()
        };
        assert_eq!(
            e(&["rel", "p1"], &t),
            "cannot set --name-template and also specify a name"
        );
        let t = NameOptions {
            name_template: "{{".into(),
            ..preset.clone()
        };
        assert_eq!(e(&["p1"], &t), "template: name-template:1: unclosed action");
        let t = NameOptions {
            name_template: "{{ include \"x\" . }}".into(),
            ..preset.clone()
        };
        assert_eq!(
            e(&["p1"], &t),
            "template: name-template:1: function \"include\" not defined"
        );
        let t = NameOptions {
            name_template: "{{ fail \"x\" }}".into(),
            ..preset
        };
        assert_eq!(
            e(&["p1"], &t),
            "template: name-template:1:3: executing \"name-template\" at <fail \"x\">: error calling fail: x"
        );
        assert_eq!(
            e(&["p1"], &NameOptions::default()),
            "must either provide a name or specify --generate-name"
        );
    }
}
