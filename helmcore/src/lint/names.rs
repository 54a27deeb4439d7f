//! Kubernetes object-name rules with apimachinery's messages, chosen by kind as
//! `helm lint` chooses them.

use crate::gofmt::quote;

const DNS1123_SUBDOMAIN_MAX: usize = 253;
const DNS_LABEL_MAX: usize = 63;

const DNS1123_SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_LABEL_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/// Which naming rule a kind follows (Kubernetes' per-kind validation, as Helm copies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRule {
    /// RFC 1123 subdomain: most kinds, and any kind Helm does not list.
    Dns1123Subdomain,
    /// RFC 1123 label: namespaces.
    Dns1123Label,
    /// DNS-1035 label: services.
    Dns1035Label,
    /// A path segment (no `/`, `%`, not `.` or `..`): RBAC kinds.
    PathSegment,
    /// No rule: certificate signing requests.
    Any,
}

impl NameRule {
    /// The rule for a kind, compared without regard to case as Helm does.
    pub fn for_kind(kind: &str) -> NameRule {
        match kind.to_ascii_lowercase().as_str() {
            "service" => NameRule::Dns1035Label,
            "namespace" => NameRule::Dns1123Label,
            "certificatesigningrequest" => NameRule::Any,
            "role" | "clusterrole" | "rolebinding" | "clusterrolebinding" => NameRule::PathSegment,
            // Service accounts, the kinds Helm lists as subdomains, and every other kind.
            _ => NameRule::Dns1123Subdomain,
        }
    }

    /// apimachinery's detail messages for `name`; empty when it is valid.
    pub fn check(self, name: &str) -> Vec<String> {
        let mut errs = Vec::new();
        match self {
            NameRule::Dns1123Subdomain => {
                if name.len() > DNS1123_SUBDOMAIN_MAX {
                    errs.push(max_len(DNS1123_SUBDOMAIN_MAX));
                }
                if !is_dns1123_subdomain(name) {
                    errs.push(DNS1123_SUBDOMAIN_MSG.to_string());
                }
            }
            NameRule::Dns1123Label => {
                if name.len() > DNS_LABEL_MAX {
                    errs.push(max_len(DNS_LABEL_MAX));
                }
                if is_dns1123_subdomain(name) && !is_dns1123_label(name) {
                    // A valid subdomain that is no label: only its dots are wrong.
                    errs.push("must not contain dots".to_string());
                } else if !is_dns1123_label(name) {
                    errs.push(DNS1123_LABEL_MSG.to_string());
                }
            }
            NameRule::Dns1035Label => {
                if name.len() > DNS_LABEL_MAX {
                    errs.push(max_len(DNS_LABEL_MAX));
                }
                if !is_dns1035_label(name) {
                    errs.push(DNS1035_LABEL_MSG.to_string());
                }
            }
            NameRule::PathSegment => {
                if name == "." || name == ".." {
                    errs.push(format!("may not be '{name}'"));
                } else {
                    for bad in ["/", "%"] {
                        if name.contains(bad) {
                            errs.push(format!("may not contain '{bad}'"));
                        }
                    }
                }
            }
            NameRule::Any => {}
        }
        errs
    }
}

fn max_len(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
fn is_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    let alnum = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            alnum(first) && alnum(last) && b.iter().all(|c| alnum(c) || *c == b'-')
        }
        _ => false,
    }
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`, of any length.
fn is_dns1123_subdomain(s: &str) -> bool {
    s.split('.').all(is_dns1123_label)
}

/// `[a-z]([-a-z0-9]*[a-z0-9])?`
fn is_dns1035_label(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && is_dns1123_label(s)
}

/// Helm's finding for an object whose `metadata.name` breaks its kind's rule:
/// the name, then apimachinery's field errors aggregated (one error alone, several
/// between brackets, duplicates dropped).
///
/// ```
/// let e = helmcore::lint::validate_metadata_name("Role", "a/b").unwrap_err();
/// assert_eq!(
///     e,
///     "object name does not conform to Kubernetes naming requirements: \"a/b\": metadata.name: Invalid value: \"a/b\": may not contain '/'"
/// );
/// ```
pub fn validate_metadata_name(kind: &str, name: &str) -> Result<(), String> {
    let details = NameRule::for_kind(kind).check(name);
    if details.is_empty() {
        return Ok(());
    }
    let quoted = quote(name);
    let mut errs: Vec<String> = Vec::new();
    for d in details {
        let e = format!("metadata.name: Invalid value: {quoted}: {d}");
        if !errs.contains(&e) {
            errs.push(e);
        }
    }
    let aggregate = if errs.len() == 1 {
        errs.remove(0)
    } else {
        format!("[{}]", errs.join(", "))
    };
    Err(format!(
        "object name does not conform to Kubernetes naming requirements: {quoted}: {aggregate}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every expectation below is a line helm v4.1.4 printed (after "[WARNING] templates/a.yaml: ").
    #[test]
    fn subdomain_for_configmaps_and_unknown_kinds() {
        assert_eq!(
            validate_metadata_name("ConfigMap", "Bad_Name").unwrap_err(),
            format!("object name does not conform to Kubernetes naming requirements: \"Bad_Name\": metadata.name: Invalid value: \"Bad_Name\": {DNS1123_SUBDOMAIN_MSG}")
        );
        assert!(validate_metadata_name("Whatever", "a.b-c.d").is_ok());
        assert!(validate_metadata_name("Deployment", "a..b").is_err());
        assert!(validate_metadata_name("Pod", "").is_err());
    }

    #[test]
    fn too_long_and_invalid_gives_two_errors_in_brackets() {
        let name = format!("{}X", "a".repeat(260));
        let got = validate_metadata_name("ConfigMap", &name).unwrap_err();
        assert_eq!(
            got,
            format!("object name does not conform to Kubernetes naming requirements: \"{name}\": [metadata.name: Invalid value: \"{name}\": must be no more than 253 characters, metadata.name: Invalid value: \"{name}\": {DNS1123_SUBDOMAIN_MSG}]")
        );
        let name = format!("{}_", "a".repeat(70));
        assert_eq!(
            validate_metadata_name("Service", &name).unwrap_err(),
            format!("object name does not conform to Kubernetes naming requirements: \"{name}\": [metadata.name: Invalid value: \"{name}\": must be no more than 63 characters, metadata.name: Invalid value: \"{name}\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')]")
        );
    }

    #[test]
    fn services_namespaces_rbac_and_csrs() {
        assert!(validate_metadata_name("Service", "1abc").is_err());
        assert!(validate_metadata_name("Namespace", "1abc").is_ok());
        assert_eq!(
            validate_metadata_name("Namespace", "é\tb").unwrap_err(),
            format!("object name does not conform to Kubernetes naming requirements: \"é\\tb\": metadata.name: Invalid value: \"é\\tb\": {DNS1123_LABEL_MSG}")
        );
        assert_eq!(
            validate_metadata_name("Role", "a/b%c").unwrap_err(),
            "object name does not conform to Kubernetes naming requirements: \"a/b%c\": [metadata.name: Invalid value: \"a/b%c\": may not contain '/', metadata.name: Invalid value: \"a/b%c\": may not contain '%']"
        );
        assert_eq!(
            validate_metadata_name("ClusterRole", "..").unwrap_err(),
            "object name does not conform to Kubernetes naming requirements: \"..\": metadata.name: Invalid value: \"..\": may not be '..'"
        );
        // A namespace that would be a valid subdomain: only its dots are named.
        for name in ["my.app", "1.a", "x.y.z"] {
            assert_eq!(
                validate_metadata_name("Namespace", name).unwrap_err(),
                format!("object name does not conform to Kubernetes naming requirements: \"{name}\": metadata.name: Invalid value: \"{name}\": must not contain dots")
            );
        }
        for name in ["a..b", ".a", "a.", "My.app"] {
            assert!(validate_metadata_name("Namespace", name)
                .unwrap_err()
                .ends_with(DNS1123_LABEL_MSG));
            assert!(validate_metadata_name("Service", name)
                .unwrap_err()
                .ends_with(DNS1035_LABEL_MSG));
        }
        let long = format!("{}.b", "a".repeat(70));
        assert_eq!(
            validate_metadata_name("Namespace", &long).unwrap_err(),
            format!("object name does not conform to Kubernetes naming requirements: \"{long}\": [metadata.name: Invalid value: \"{long}\": must be no more than 63 characters, metadata.name: Invalid value: \"{long}\": must not contain dots]")
        );
        assert!(validate_metadata_name("rolebinding", "").is_ok());
        assert!(validate_metadata_name("CertificateSigningRequest", "ABC").is_ok());
        assert!(validate_metadata_name("SERVICEACCOUNT", "").is_err());
    }
}
