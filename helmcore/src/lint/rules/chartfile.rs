//! Chart.yaml rules (Helm's `rules.Chartfile`).

use std::path::Path;

use crate::chart::{
    decode_metadata_into, go_errno_text_of, Metadata, API_VERSION_V1, API_VERSION_V2,
};
use crate::lint::support::{Linter, Severity};
use crate::lint::validator::{is_email, is_request_url, is_url};
use crate::render::Compat;
use crate::semver::{Constraints, Version};
use crate::value::{Map, Value};

const FILE: &str = "Chart.yaml";

/// Runs the Chart.yaml rules for the chart in `chart_dir` (an absolute path).
pub(crate) fn lint(linter: &mut Linter, chart_dir: &Path, compat: Compat) {
    let path = chart_dir.join(FILE);
    let is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
    linter.rule(
        Severity::Error,
        FILE,
        if is_dir {
            Err("should be a file, not a directory".into())
        } else {
            Ok(())
        },
    );

    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(e) => {
            let verb = if is_dir { "read" } else { "open" };
            let text = format!("{verb} {}: {}", path.display(), go_errno_text_of(&e));
            linter.rule(
                Severity::Error,
                FILE,
                Err(format!("unable to parse YAML\n\t{text}")),
            );
            return;
        }
    };
    let cf = match load_chartfile(&data, compat) {
        Ok(md) => md,
        Err((text, line)) => {
            linter.rule_at(
                Severity::Error,
                FILE,
                Err((format!("unable to parse YAML\n\t{text}"), line)),
            );
            return;
        }
    };
    // helm3 neither parses strictly nor asks for strict SemVer 2.
    let strict = compat == Compat::V4;
    if let Some(e) = strict.then(|| strict_error(&data)).flatten() {
        linter.rule(
            Severity::Warning,
            FILE,
            Err(format!(
                "failed to strictly parse chart metadata file\n\t{e}"
            )),
        );
    }
    let types = type_check_map(&data);

    linter.rule(Severity::Error, FILE, validate_name(&cf));
    linter.rule(Severity::Error, FILE, validate_api_version(&cf));
    linter.rule(Severity::Error, FILE, is_string_value(&types, "version"));
    linter.rule(Severity::Error, FILE, validate_version(&cf));
    linter.rule(Severity::Error, FILE, is_string_value(&types, "appVersion"));
    linter.rule(Severity::Error, FILE, validate_maintainers(&cf));
    linter.rule(Severity::Error, FILE, validate_sources(&cf));
    linter.rule(
        Severity::Info,
        FILE,
        if cf.icon.is_empty() {
            Err("icon is recommended".into())
        } else {
            Ok(())
        },
    );
    linter.rule(Severity::Error, FILE, validate_icon_url(&cf));
    linter.rule(Severity::Error, FILE, validate_type(&cf));
    linter.rule(Severity::Error, FILE, validate_dependencies(&cf));
    if strict {
        linter.rule(Severity::Warning, FILE, validate_strict_semver(&cf));
    }
}

/// Helm's `LoadChartfile`: sigs.k8s.io/yaml into the metadata struct, without the
/// loader's defaults or validation.
fn load_chartfile(data: &[u8], compat: Compat) -> Result<Metadata, (String, Option<usize>)> {
    let doc = parse_struct_doc(data).map_err(|e| (e.to_string(), e.line()))?;
    let mut md = Metadata::default();
    decode_metadata_into(&doc, &mut md, compat).map_err(|e| (e.to_string(), None))?;
    Ok(md)
}

/// A document bound for a Go struct, read with go-yaml's native scalars (a string field
/// sees `version: 010` as the int 8, hence `"8"`), as the chart loader reads it.
pub(crate) fn parse_struct_doc(data: &[u8]) -> Result<Value, crate::yaml::YamlError> {
    crate::yaml::from_str_native(&crate::yaml::go_lossy_utf8(data))
}

/// Helm's `StrictLoadChartfile` error: duplicate keys (go-yaml's strict mode), then
/// fields the metadata struct does not have (encoding/json's `DisallowUnknownFields`).
fn strict_error(data: &[u8]) -> Option<String> {
    let text = crate::yaml::go_lossy_utf8(data);
    if let Some(e) = crate::yaml::strict_duplicate_keys(&text) {
        return Some(e.to_string());
    }
    let doc = crate::yaml::from_str(&text).ok()?;
    unknown_field(&doc).map(|f| {
        format!(
            "error unmarshaling JSON: while decoding JSON: json: unknown field {}",
            crate::gofmt::quote(&f)
        )
    })
}

/// The first key, in encoding/json's order (sorted keys, depth first), that matches no
/// field of the struct it is decoded into.
fn unknown_field(doc: &Value) -> Option<String> {
    let m = doc.as_map()?;
    for (k, v) in m.entries() {
        let Some(field) = match_field(&k, crate::chart::METADATA_FIELDS) else {
            return Some(k.to_string());
        };
        let nested = match field {
            "maintainers" => crate::chart::MAINTAINER_FIELDS,
            "dependencies" => crate::chart::DEPENDENCY_FIELDS,
            _ => continue,
        };
        for item in v.as_list().unwrap_or(&[]) {
            if let Some(im) = item.as_map() {
                if let Some(bad) = im
                    .keys()
                    .into_iter()
                    .find(|ik| match_field(ik, nested).is_none())
                {
                    return Some(bad.to_string());
                }
            }
        }
    }
    None
}

fn match_field<'f>(key: &str, fields: &[&'f str]) -> Option<&'f str> {
    fields.iter().find(|f| f.eq_ignore_ascii_case(key)).copied()
}

/// Chart.yaml decoded into a map, for the type checks (`version: 1.0` is a float64).
fn type_check_map(data: &[u8]) -> Map {
    match crate::yaml::from_slice(data) {
        Ok(Value::Map(m)) => m,
        _ => Map::new(),
    }
}

/// `KEY should be of type string but it's of type T`, with Go's `%T` of the decoded value.
fn is_string_value(data: &Map, key: &str) -> Result<(), String> {
    let Some(v) = data.get(key) else {
        return Ok(());
    };
    let go_type = match v {
        Value::String(_) | Value::Bytes(_) => return Ok(()),
        Value::Nil => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(..) | Value::Float(_) => "float64",
        Value::List(_) => "[]interface {}",
        Value::Map(_) | Value::Object(_) => "map[string]interface {}",
    };
    Err(format!(
        "{key} should be of type string but it's of type {go_type}"
    ))
}

fn validate_name(cf: &Metadata) -> Result<(), String> {
    if cf.name.is_empty() {
        return Err("name is required".into());
    }
    if go_base(&cf.name) != cf.name {
        return Err(format!(
            "chart name {} is invalid",
            crate::gofmt::quote(&cf.name)
        ));
    }
    Ok(())
}

/// Go's `filepath.Base` on Unix.
fn go_base(path: &str) -> &str {
    if path.is_empty() {
        return ".";
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/";
    }
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

fn validate_api_version(cf: &Metadata) -> Result<(), String> {
    if cf.api_version.is_empty() {
        return Err("apiVersion is required. The value must be either \"v1\" or \"v2\"".into());
    }
    if cf.api_version != API_VERSION_V1 && cf.api_version != API_VERSION_V2 {
        return Err(format!(
            "apiVersion '{}' is not valid. The value must be either \"v1\" or \"v2\"",
            cf.api_version
        ));
    }
    Ok(())
}

fn validate_version(cf: &Metadata) -> Result<(), String> {
    if cf.version.is_empty() {
        return Err("version is required".into());
    }
    let Ok(v) = Version::parse(&cf.version) else {
        return Err(format!("version '{}' is not a valid SemVer", cf.version));
    };
    let Ok(c) = Constraints::parse(">0.0.0-0") else {
        return Ok(());
    };
    match c.validate(&v) {
        Err(msgs) if !msgs.is_empty() => Err(format!("version {}", msgs[0])),
        _ => Ok(()),
    }
}

fn validate_strict_semver(cf: &Metadata) -> Result<(), String> {
    match Version::parse_strict(&cf.version) {
        Ok(_) => Ok(()),
        Err(_) => Err(format!("version '{}' is not a valid SemVerV2", cf.version)),
    }
}

fn validate_maintainers(cf: &Metadata) -> Result<(), String> {
    for m in &cf.maintainers {
        let Some(m) = m else {
            return Err("a maintainer entry is empty".into());
        };
        if m.name.is_empty() {
            return Err("each maintainer requires a name".into());
        } else if !m.email.is_empty() && !is_email(&m.email) {
            return Err(format!(
                "invalid email '{}' for maintainer '{}'",
                m.email, m.name
            ));
        } else if !m.url.is_empty() && !is_url(&m.url) {
            return Err(format!(
                "invalid url '{}' for maintainer '{}'",
                m.url, m.name
            ));
        }
    }
    Ok(())
}

fn validate_sources(cf: &Metadata) -> Result<(), String> {
    for s in &cf.sources {
        if s.is_empty() || !is_request_url(s) {
            return Err(format!("invalid source URL '{s}'"));
        }
    }
    Ok(())
}

fn validate_icon_url(cf: &Metadata) -> Result<(), String> {
    if !cf.icon.is_empty() && !is_request_url(&cf.icon) {
        return Err(format!("invalid icon URL '{}'", cf.icon));
    }
    Ok(())
}

fn validate_type(cf: &Metadata) -> Result<(), String> {
    if !cf.chart_type.is_empty() && cf.api_version != API_VERSION_V2 {
        return Err(format!(
            "chart type is not valid in apiVersion '{}'. It is valid in apiVersion '{API_VERSION_V2}'",
            cf.api_version
        ));
    }
    Ok(())
}

fn validate_dependencies(cf: &Metadata) -> Result<(), String> {
    if !cf.dependencies.is_empty() && cf.api_version != API_VERSION_V2 {
        return Err(format!(
            "dependencies are not valid in the Chart file with apiVersion '{}'. They are valid in apiVersion '{API_VERSION_V2}'",
            cf.api_version
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_base_as_filepath_base() {
        assert_eq!(go_base("a/b"), "b");
        assert_eq!(go_base("a/"), "a");
        assert_eq!(go_base("/"), "/");
        assert_eq!(go_base("//"), "/");
        assert_eq!(go_base(".."), "..");
    }
}
