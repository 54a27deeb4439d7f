//! Hooks: documents annotated `helm.sh/hook`, which Helm runs around an install instead
//! of applying with the release (Helm's `release.Hook`).

use super::manifest::Head;

/// The annotation naming a document's hook events.
pub const HOOK_ANNOTATION: &str = "helm.sh/hook";
/// The annotation ordering hooks of one event.
pub const HOOK_WEIGHT_ANNOTATION: &str = "helm.sh/hook-weight";
/// The annotation saying when to delete a hook's resource.
pub const HOOK_DELETE_ANNOTATION: &str = "helm.sh/hook-delete-policy";
/// helm4: the annotation saying when to print a hook pod's logs.
pub const HOOK_OUTPUT_LOG_ANNOTATION: &str = "helm.sh/hook-output-log-policy";

/// When a hook runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HookEvent {
    PreInstall,
    PostInstall,
    PreDelete,
    PostDelete,
    PreUpgrade,
    PostUpgrade,
    PreRollback,
    PostRollback,
    /// `test` (and Helm 2's `test-success`).
    Test,
}

impl HookEvent {
    /// The annotation value naming this event.
    pub fn as_str(self) -> &'static str {
        match self {
            HookEvent::PreInstall => "pre-install",
            HookEvent::PostInstall => "post-install",
            HookEvent::PreDelete => "pre-delete",
            HookEvent::PostDelete => "post-delete",
            HookEvent::PreUpgrade => "pre-upgrade",
            HookEvent::PostUpgrade => "post-upgrade",
            HookEvent::PreRollback => "pre-rollback",
            HookEvent::PostRollback => "post-rollback",
            HookEvent::Test => "test",
        }
    }

    /// An event as Helm reads it: lower-cased and trimmed by the caller.
    pub fn parse(s: &str) -> Option<HookEvent> {
        Some(match s {
            "pre-install" => HookEvent::PreInstall,
            "post-install" => HookEvent::PostInstall,
            "pre-delete" => HookEvent::PreDelete,
            "post-delete" => HookEvent::PostDelete,
            "pre-upgrade" => HookEvent::PreUpgrade,
            "post-upgrade" => HookEvent::PostUpgrade,
            "pre-rollback" => HookEvent::PreRollback,
            "post-rollback" => HookEvent::PostRollback,
            "test" | "test-success" => HookEvent::Test,
            _ => return None,
        })
    }
}

/// A hook document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// `metadata.name`.
    pub name: String,
    pub kind: String,
    /// The template it came from.
    pub path: String,
    /// The document, trimmed.
    pub manifest: String,
    pub events: Vec<HookEvent>,
    /// `helm.sh/hook-weight` as Go's `strconv.Atoi` reads it; 0 when absent or invalid.
    pub weight: i64,
    /// `helm.sh/hook-delete-policy`, each lower-cased and trimmed.
    pub delete_policies: Vec<String>,
    /// `helm.sh/hook-output-log-policy` (helm4), each lower-cased and trimmed.
    pub output_log_policies: Vec<String>,
}

impl Hook {
    /// The hook for a document whose `helm.sh/hook` is `events`; `None` when one of the
    /// events is unknown (Helm then drops the document with an info log).
    pub(crate) fn from_document(
        path: &str,
        manifest: String,
        head: Head,
        events: &str,
    ) -> Option<Hook> {
        let mut parsed = Vec::new();
        for e in events.split(',') {
            parsed.push(HookEvent::parse(&e.trim().to_lowercase())?);
        }
        let ann = head.annotations.unwrap_or_default();
        let list = |key: &str| -> Vec<String> {
            ann.get(key)
                .map(|v| v.split(',').map(|p| p.trim().to_lowercase()).collect())
                .unwrap_or_default()
        };
        Some(Hook {
            name: head.name,
            kind: head.kind,
            path: path.to_string(),
            manifest,
            events: parsed,
            weight: ann
                .get(HOOK_WEIGHT_ANNOTATION)
                .and_then(|w| go_atoi(w))
                .unwrap_or(0),
            delete_policies: list(HOOK_DELETE_ANNOTATION),
            output_log_policies: list(HOOK_OUTPUT_LOG_ANNOTATION),
        })
    }
}

/// Go's `strconv.Atoi`: an optional sign and decimal digits, in range.
fn go_atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn head(ann: &[(&str, &str)]) -> Head {
        Head {
            kind: "Job".into(),
            name: "j".into(),
            annotations: Some(
                ann.iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<BTreeMap<_, _>>(),
            ),
            ..Head::default()
        }
    }

    #[test]
    fn events_weights_and_policies() {
        let h = Hook::from_document(
            "c/templates/j.yaml",
            "kind: Job".into(),
            head(&[
                (HOOK_ANNOTATION, " Pre-Install, post-upgrade,test-success"),
                (HOOK_WEIGHT_ANNOTATION, "-5"),
                (
                    HOOK_DELETE_ANNOTATION,
                    "before-hook-creation, Hook-Succeeded",
                ),
            ]),
            " Pre-Install, post-upgrade,test-success",
        )
        .unwrap();
        assert_eq!(
            h.events,
            [
                HookEvent::PreInstall,
                HookEvent::PostUpgrade,
                HookEvent::Test
            ]
        );
        assert_eq!(h.weight, -5);
        assert_eq!(
            h.delete_policies,
            ["before-hook-creation", "hook-succeeded"]
        );
        assert!(h.output_log_policies.is_empty());
        assert!(
            Hook::from_document("p", String::new(), head(&[]), "pre-install,crd-install").is_none()
        );
        assert_eq!(go_atoi(" 5"), None);
        assert_eq!(go_atoi("+5"), Some(5));
        assert_eq!(go_atoi("1.5"), None);
    }
}
