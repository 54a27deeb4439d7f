//! Why a render failed, with helm's messages.

use crate::chart::ChartError;
use crate::values::schema::SchemaError;

use super::execute::TemplateFailure;
use super::hooks::Hook;
use super::manifest::ManifestError;
use super::Compat;

/// A failed render. `Display` is the text helm prints after `Error: ` (helm4's, or
/// helm3's for [`Compat::V3`] renders).
#[derive(Debug, Clone, thiserror::Error)]
pub enum RenderError {
    /// Only application charts install (`library charts are not installable`).
    #[error("{0} charts are not installable")]
    NotInstallable(String),
    /// Dependencies missing from `charts/`, or failing to process, or values that do not
    /// coalesce.
    #[error(transparent)]
    Chart(#[from] std::sync::Arc<ChartError>),
    /// Dependencies declared in Chart.yaml but missing from `charts/`
    /// ([`ChartError::MissingDependencies`]): helm4's `an error occurred while checking
    /// ...`, helm3's `An error occurred ...`.
    #[error("{}", dependency_check(.missing, *.compat))]
    DependencyCheck {
        missing: std::sync::Arc<ChartError>,
        compat: Compat,
    },
    /// The release name is not a valid Kubernetes name.
    #[error("{}", release_name_message(.name, .reason, *.compat))]
    ReleaseName {
        name: String,
        reason: String,
        compat: Compat,
    },
    /// The values do not meet `values.schema.json`.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// The chart's `kubeVersion` rules out the Kubernetes version.
    #[error(
        "chart requires kubeVersion: {constraint} which is incompatible with Kubernetes {version}"
    )]
    KubeVersion { constraint: String, version: String },
    /// A template failed to parse or execute.
    #[error("{}", template_message(.failure, *.compat))]
    Template {
        failure: TemplateFailure,
        compat: Compat,
    },
    /// A rendered document is not valid YAML or does not fit Helm's object head.
    #[error("{error}")]
    Manifest {
        error: ManifestError,
        /// What `helm template --debug` prints before the error: every rendered file.
        dump: String,
        /// The hooks found before the failing document (printed after the dump).
        hooks: Vec<Hook>,
    },
    /// A `--show-only` pattern matched no template.
    #[error("could not find template {0} in chart")]
    ShowOnly(String),
    /// The post-renderer failed.
    #[error("error while running post render on files: {0}")]
    PostRender(String),
}

impl RenderError {
    /// Whether helm got far enough to build a release: it then prints what was rendered
    /// under `--debug`, and otherwise adds `Use --debug flag to render out invalid YAML`.
    pub fn has_release(&self) -> bool {
        matches!(
            self,
            RenderError::KubeVersion { .. }
                | RenderError::Template { .. }
                | RenderError::Manifest { .. }
                | RenderError::PostRender(_)
        )
    }
}

fn dependency_check(missing: &ChartError, compat: Compat) -> String {
    let article = match compat {
        Compat::V4 => "an",
        Compat::V3 => "An",
    };
    crate::chart::dependency_check_message(article, missing)
}

/// The error helm4 logs under `release name check failed` (and prints after it).
pub(crate) fn release_name_cause(name: &str, reason: &str) -> String {
    format!("release name {}: {reason}", crate::gofmt::quote(name))
}

fn release_name_message(name: &str, reason: &str, compat: Compat) -> String {
    let base = release_name_cause(name, reason);
    match compat {
        Compat::V4 => format!("release name check failed: {base}"),
        Compat::V3 => base,
    }
}

pub(crate) fn template_message(f: &TemplateFailure, compat: Compat) -> String {
    match compat {
        Compat::V4 => f.error.helm4_message(&f.file),
        Compat::V3 => helm3_semver_wording(f.error.helm3_message(&f.file)),
    }
}

/// The semver functions' (and version methods') errors in helm3's (older
/// Masterminds/semver) wording.
fn helm3_semver_wording(mut message: String) -> String {
    use crate::semver::SemverError as E;
    let errors = [
        E::InvalidSemVer,
        E::SegmentStartsZero,
        E::EmptyString,
        E::InvalidCharacters,
        E::InvalidMetadata,
        E::InvalidPrerelease,
        E::ConstraintParser,
    ];
    for e in errors {
        for f in ["semver", "semverCompare", "SetPrerelease", "SetMetadata"] {
            let helm4 = format!("error calling {f}: {e}");
            if message.contains(&helm4) {
                message =
                    message.replace(&helm4, &format!("error calling {f}: {}", e.helm3_text()));
            }
        }
    }
    message
}

/// Helm's `ValidateReleaseName`: a DNS-1123 subdomain of at most 53 characters.
pub(crate) fn validate_release_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("no name provided".into());
    }
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
    };
    if name.len() > 53 || !name.split('.').all(label_ok) {
        return Err(r"invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // helm3: `error calling semverCompare: Invalid Semantic Version`, `error calling
    // semver: Version segment starts with 0`; helm4 lower-cases both.
    #[test]
    fn semver_errors_in_helm3_words() {
        let m = |s: &str| helm3_semver_wording(s.to_string());
        assert_eq!(
            m("template: c/templates/x.yaml:1:5: executing \"c/templates/x.yaml\" at <semverCompare \">1.0\" \"a\">: error calling semverCompare: invalid semantic version"),
            "template: c/templates/x.yaml:1:5: executing \"c/templates/x.yaml\" at <semverCompare \">1.0\" \"a\">: error calling semverCompare: Invalid Semantic Version"
        );
        assert_eq!(
            m("x: error calling semver: version segment starts with 0"),
            "x: error calling semver: Version segment starts with 0"
        );
        // helm3, from the eighth random round.
        assert_eq!(
            m("at <semverCompare \"3.3.3-0 , 0-01+b.1-v2.1.00\" \"1.2\">: error calling semverCompare: constraint parser error"),
            "at <semverCompare \"3.3.3-0 , 0-01+b.1-v2.1.00\" \"1.2\">: error calling semverCompare: constraint Parser Error"
        );
        assert_eq!(
            m("at <$v.SetPrerelease>: error calling SetPrerelease: version segment starts with 0"),
            "at <$v.SetPrerelease>: error calling SetPrerelease: Version segment starts with 0"
        );
        assert_eq!(
            m("at <$v.SetPrerelease>: error calling SetPrerelease: invalid prerelease string"),
            "at <$v.SetPrerelease>: error calling SetPrerelease: Invalid Prerelease string"
        );
        assert_eq!(
            m("at <$v.SetMetadata>: error calling SetMetadata: invalid metadata string"),
            "at <$v.SetMetadata>: error calling SetMetadata: Invalid Metadata string"
        );
        assert_eq!(
            m("error calling semver: improper constraint: x"),
            "error calling semver: improper constraint: x"
        );
    }

    #[test]
    fn release_names_as_helm_checks_them() {
        for ok in ["rel", "a", "a-b.c", "1x", &"a".repeat(53)] {
            assert!(validate_release_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "BAD_NAME",
            "-a",
            "a-",
            "a..b",
            ".a",
            &"a".repeat(54),
            "<no value>",
        ] {
            assert!(validate_release_name(bad).is_err(), "{bad}");
        }
        // helm4: `helm template BAD_NAME chart`.
        let e = RenderError::ReleaseName {
            name: "BAD_NAME".into(),
            reason: validate_release_name("BAD_NAME").unwrap_err(),
            compat: Compat::V4,
        };
        assert_eq!(
            e.to_string(),
            r#"release name check failed: release name "BAD_NAME": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"#
        );
    }
}
