//! Deprecated Kubernetes API versions, as `helm lint` reports them.
//!
//! Helm asks client-go's scheme for the Go type of each rendered object and reads the
//! lifecycle that k8s.io/api generates for it (`APILifecycleDeprecated`, `...Removed`,
//! `...Replacement`). [`TABLE`] is that data for every kind of every group version the
//! schemes of helm v4.1.4 (k8s.io/api v0.35.1) and helm v3.17.1 (v0.32) register whose
//! lifecycle names a deprecation release, each row marked with the helms that know it
//! (`tools/gen-deprecations.py` asks both binaries). Kinds a scheme does not know (custom
//! resources, APIs removed from k8s.io/api such as `policy/v1beta1` `PodSecurityPolicy`)
//! are never reported, as with Helm.

use crate::render::Compat;

/// The lifecycle of one deprecated kind in one group version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle {
    /// The API group; empty for the core group.
    pub group: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    /// The Kubernetes release (major, minor) that deprecated it.
    pub deprecated: (u32, u32),
    /// The release that stops serving it, if one is set.
    pub removed: Option<(u32, u32)>,
    /// The group, version and kind to use instead, if one is named.
    pub replacement: Option<(&'static str, &'static str, &'static str)>,
    /// Which helm's scheme reports this lifecycle.
    pub known_to: KnownTo,
}

/// Which helm's scheme holds a [`Lifecycle`]: the k8s.io/api each was built with differ
/// (`networking.k8s.io/v1alpha1` `IPAddress` is deprecated in helm3's only, core
/// `Endpoints` in helm4's only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownTo {
    Both,
    Helm4,
    Helm3,
}

impl KnownTo {
    fn includes(self, compat: Compat) -> bool {
        match self {
            KnownTo::Both => true,
            KnownTo::Helm4 => compat == Compat::V4,
            KnownTo::Helm3 => compat == Compat::V3,
        }
    }
}

/// Looks up the lifecycle of `kind` in `api_version` (`group/version`, or `version` for
/// the core group) among the rows `compat`'s Helm knows, as Helm's scheme lookup does:
/// the match on kind is exact.
fn lookup(compat: Compat, api_version: &str, kind: &str) -> Option<&'static Lifecycle> {
    let (group, version) = split_api_version(api_version)?;
    TABLE.iter().find(|l| {
        l.kind == kind && l.version == version && l.group == group && l.known_to.includes(compat)
    })
}

/// The deprecation warning for an object, or `None` when its API is not deprecated in
/// the Kubernetes release `major.minor` (or unknown). Helm's wording:
///
/// ```
/// let w = helmcore::lint::deprecation_warning("extensions/v1beta1", "Ingress", 1, 35);
/// assert_eq!(
///     w.as_deref(),
///     Some("extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress")
/// );
/// assert_eq!(helmcore::lint::deprecation_warning("extensions/v1beta1", "Ingress", 1, 13), None);
/// ```
pub fn deprecation_warning(
    api_version: &str,
    kind: &str,
    major: u64,
    minor: u64,
) -> Option<String> {
    deprecation_warning_for(api_version, kind, major, minor, Compat::V4)
}

/// [`deprecation_warning`] from the table of `compat`'s Helm: helm3 was built with an
/// older k8s.io/api, whose lifecycles differ (`networking.k8s.io/v1alpha1` `IPAddress`
/// is deprecated there, core `Endpoints` is not).
///
/// ```
/// use helmcore::{lint::deprecation_warning_for, render::Compat};
/// assert!(deprecation_warning_for("v1", "Endpoints", 1, 35, Compat::V4).is_some());
/// assert_eq!(deprecation_warning_for("v1", "Endpoints", 1, 35, Compat::V3), None);
/// ```
pub fn deprecation_warning_for(
    api_version: &str,
    kind: &str,
    major: u64,
    minor: u64,
    compat: Compat,
) -> Option<String> {
    if api_version.is_empty() || kind.is_empty() {
        return None;
    }
    let l = lookup(compat, api_version, kind)?;
    let (dmaj, dmin) = (u64::from(l.deprecated.0), u64::from(l.deprecated.1));
    // A version of 0.0 means "unknown": Kubernetes then treats every deprecation as due.
    let due = (major == 0 && minor == 0) || (dmaj, dmin) <= (major, minor);
    if !due {
        return None;
    }
    let mut msg = format!(
        "{} {} is deprecated in v{}.{}+",
        group_version(l.group, l.version),
        l.kind,
        l.deprecated.0,
        l.deprecated.1
    );
    if let Some((rmaj, rmin)) = l.removed.filter(|r| *r != (0, 0)) {
        msg.push_str(&format!(", unavailable in v{rmaj}.{rmin}+"));
    }
    if let Some((g, v, k)) = l.replacement {
        msg.push_str(&format!("; use {} {k}", group_version(g, v)));
    }
    Some(msg)
}

/// apimachinery's `ParseGroupVersion`: `v1` is the core group, `a/b` is group `a`, more
/// slashes are invalid (and then match nothing).
fn split_api_version(api_version: &str) -> Option<(&str, &str)> {
    if api_version.is_empty() || api_version == "/" {
        return Some(("", ""));
    }
    match api_version.split_once('/') {
        None => Some(("", api_version)),
        Some((g, v)) if !v.contains('/') => Some((g, v)),
        Some(_) => None,
    }
}

fn group_version(group: &str, version: &str) -> String {
    if group.is_empty() {
        version.to_string()
    } else {
        format!("{group}/{version}")
    }
}

/// A row both helms report alike (see [`Lifecycle::only`]).
const fn l(
    group: &'static str,
    version: &'static str,
    kind: &'static str,
    deprecated: (u32, u32),
    removed: Option<(u32, u32)>,
    replacement: Option<(&'static str, &'static str, &'static str)>,
) -> Lifecycle {
    Lifecycle {
        group,
        version,
        kind,
        deprecated,
        removed,
        replacement,
        known_to: KnownTo::Both,
    }
}

impl Lifecycle {
    /// The row as only `helm` reports it.
    const fn only(mut self, helm: KnownTo) -> Lifecycle {
        self.known_to = helm;
        self
    }
}

/// Every deprecated kind helm v4.1.4 or helm v3.17.1 knows, as each reports it
/// (generated by `tools/gen-deprecations.py`).
#[rustfmt::skip]
pub static TABLE: &[Lifecycle] = {
    use KnownTo::{Helm3, Helm4};
    &[
    l("", "v1", "ComponentStatus", (1, 19), None, None),
    l("", "v1", "ComponentStatusList", (1, 19), None, None),
    l("", "v1", "Endpoints", (1, 33), None, Some(("discovery.k8s.io", "v1", "EndpointSlice"))).only(Helm4),
    l("", "v1", "EndpointsList", (1, 33), None, Some(("discovery.k8s.io", "v1", "EndpointSliceList"))).only(Helm4),
    l("admissionregistration.k8s.io", "v1alpha1", "MutatingAdmissionPolicy", (1, 35), Some((1, 38)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "MutatingAdmissionPolicyBinding", (1, 35), Some((1, 38)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "MutatingAdmissionPolicyBindingList", (1, 35), Some((1, 38)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "MutatingAdmissionPolicyList", (1, 35), Some((1, 38)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "ValidatingAdmissionPolicy", (1, 29), Some((1, 32)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "ValidatingAdmissionPolicyBinding", (1, 29), Some((1, 32)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "ValidatingAdmissionPolicyBindingList", (1, 29), Some((1, 32)), None),
    l("admissionregistration.k8s.io", "v1alpha1", "ValidatingAdmissionPolicyList", (1, 29), Some((1, 32)), None),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingAdmissionPolicy", (1, 37), Some((1, 40)), None).only(Helm4),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingAdmissionPolicyBinding", (1, 37), Some((1, 40)), None).only(Helm4),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingAdmissionPolicyBindingList", (1, 37), Some((1, 40)), None).only(Helm4),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingAdmissionPolicyList", (1, 37), Some((1, 40)), None).only(Helm4),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingWebhookConfiguration", (1, 16), Some((1, 22)), Some(("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration"))),
    l("admissionregistration.k8s.io", "v1beta1", "MutatingWebhookConfigurationList", (1, 16), Some((1, 22)), Some(("admissionregistration.k8s.io", "v1", "MutatingWebhookConfigurationList"))),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingAdmissionPolicy", (1, 31), Some((1, 34)), None),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingAdmissionPolicyBinding", (1, 31), Some((1, 34)), None),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingAdmissionPolicyBindingList", (1, 31), Some((1, 34)), None),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingAdmissionPolicyList", (1, 31), Some((1, 34)), None),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingWebhookConfiguration", (1, 16), Some((1, 22)), Some(("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration"))),
    l("admissionregistration.k8s.io", "v1beta1", "ValidatingWebhookConfigurationList", (1, 16), Some((1, 22)), Some(("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfigurationList"))),
    l("apps", "v1beta1", "ControllerRevision", (1, 8), Some((1, 16)), Some(("apps", "v1", "ControllerRevision"))),
    l("apps", "v1beta1", "ControllerRevisionList", (1, 8), Some((1, 16)), Some(("apps", "v1", "ControllerRevisionList"))),
    l("apps", "v1beta1", "Deployment", (1, 8), Some((1, 16)), Some(("apps", "v1", "Deployment"))),
    l("apps", "v1beta1", "DeploymentList", (1, 8), Some((1, 16)), Some(("apps", "v1", "DeploymentList"))),
    l("apps", "v1beta1", "DeploymentRollback", (1, 8), Some((1, 16)), Some(("apps", "v1", "DeploymentRollback"))),
    l("apps", "v1beta1", "Scale", (1, 8), Some((1, 16)), Some(("autoscaling", "v1", "Scale"))),
    l("apps", "v1beta1", "StatefulSet", (1, 8), Some((1, 16)), Some(("apps", "v1", "StatefulSet"))),
    l("apps", "v1beta1", "StatefulSetList", (1, 8), Some((1, 16)), Some(("apps", "v1", "StatefulSetList"))),
    l("apps", "v1beta2", "ControllerRevision", (1, 9), Some((1, 16)), Some(("apps", "v1", "ControllerRevision"))),
    l("apps", "v1beta2", "ControllerRevisionList", (1, 9), Some((1, 16)), Some(("apps", "v1", "ControllerRevisionList"))),
    l("apps", "v1beta2", "DaemonSet", (1, 9), Some((1, 16)), Some(("apps", "v1", "DaemonSet"))),
    l("apps", "v1beta2", "DaemonSetList", (1, 9), Some((1, 16)), Some(("apps", "v1", "DaemonSetList"))),
    l("apps", "v1beta2", "Deployment", (1, 9), Some((1, 16)), Some(("apps", "v1", "Deployment"))),
    l("apps", "v1beta2", "DeploymentList", (1, 9), Some((1, 16)), Some(("apps", "v1", "DeploymentList"))),
    l("apps", "v1beta2", "ReplicaSet", (1, 9), Some((1, 16)), Some(("apps", "v1", "ReplicaSet"))),
    l("apps", "v1beta2", "ReplicaSetList", (1, 9), Some((1, 16)), Some(("apps", "v1", "ReplicaSetList"))),
    l("apps", "v1beta2", "Scale", (1, 9), Some((1, 16)), Some(("autoscaling", "v1", "Scale"))),
    l("apps", "v1beta2", "StatefulSet", (1, 9), Some((1, 16)), Some(("apps", "v1", "StatefulSet"))),
    l("apps", "v1beta2", "StatefulSetList", (1, 9), Some((1, 16)), Some(("apps", "v1", "StatefulSetList"))),
    l("authentication.k8s.io", "v1alpha1", "SelfSubjectReview", (1, 29), Some((1, 32)), None),
    l("authentication.k8s.io", "v1beta1", "SelfSubjectReview", (1, 30), Some((1, 33)), None),
    l("authentication.k8s.io", "v1beta1", "TokenReview", (1, 19), Some((1, 22)), Some(("authentication.k8s.io", "v1", "TokenReview"))),
    l("authorization.k8s.io", "v1beta1", "LocalSubjectAccessReview", (1, 19), Some((1, 22)), Some(("authorization.k8s.io", "v1", "LocalSubjectAccessReview"))),
    l("authorization.k8s.io", "v1beta1", "SelfSubjectAccessReview", (1, 19), Some((1, 22)), Some(("authorization.k8s.io", "v1", "SelfSubjectAccessReview"))),
    l("authorization.k8s.io", "v1beta1", "SelfSubjectRulesReview", (1, 19), Some((1, 22)), Some(("authorization.k8s.io", "v1", "SelfSubjectRulesReview"))),
    l("authorization.k8s.io", "v1beta1", "SubjectAccessReview", (1, 19), Some((1, 22)), Some(("authorization.k8s.io", "v1", "SubjectAccessReview"))),
    l("autoscaling", "v2beta1", "HorizontalPodAutoscaler", (1, 22), Some((1, 25)), Some(("autoscaling", "v2", "HorizontalPodAutoscaler"))),
    l("autoscaling", "v2beta1", "HorizontalPodAutoscalerList", (1, 22), Some((1, 25)), Some(("autoscaling", "v2beta2", "HorizontalPodAutoscalerList"))),
    l("autoscaling", "v2beta2", "HorizontalPodAutoscaler", (1, 23), Some((1, 26)), Some(("autoscaling", "v2", "HorizontalPodAutoscaler"))),
    l("autoscaling", "v2beta2", "HorizontalPodAutoscalerList", (1, 22), Some((1, 25)), None),
    l("batch", "v1beta1", "CronJob", (1, 21), Some((1, 25)), Some(("batch", "v1", "CronJob"))),
    l("batch", "v1beta1", "CronJobList", (1, 21), Some((1, 25)), Some(("batch", "v1", "CronJobList"))),
    l("certificates.k8s.io", "v1alpha1", "ClusterTrustBundle", (1, 34), Some((1, 37)), None),
    l("certificates.k8s.io", "v1alpha1", "ClusterTrustBundleList", (1, 34), Some((1, 37)), None),
    l("certificates.k8s.io", "v1beta1", "CertificateSigningRequest", (1, 19), Some((1, 22)), Some(("certificates.k8s.io", "v1", "CertificateSigningRequest"))),
    l("certificates.k8s.io", "v1beta1", "CertificateSigningRequestList", (1, 19), Some((1, 22)), Some(("certificates.k8s.io", "v1", "CertificateSigningRequestList"))),
    l("certificates.k8s.io", "v1beta1", "ClusterTrustBundle", (1, 36), Some((1, 39)), None).only(Helm4),
    l("certificates.k8s.io", "v1beta1", "ClusterTrustBundleList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("certificates.k8s.io", "v1beta1", "PodCertificateRequest", (1, 38), Some((1, 41)), None).only(Helm4),
    l("certificates.k8s.io", "v1beta1", "PodCertificateRequestList", (1, 38), Some((1, 41)), None).only(Helm4),
    l("coordination.k8s.io", "v1alpha2", "LeaseCandidate", (1, 35), Some((1, 38)), None),
    l("coordination.k8s.io", "v1alpha2", "LeaseCandidateList", (1, 35), Some((1, 38)), None),
    l("coordination.k8s.io", "v1beta1", "Lease", (1, 19), Some((1, 22)), Some(("coordination.k8s.io", "v1", "Lease"))),
    l("coordination.k8s.io", "v1beta1", "LeaseCandidate", (1, 36), Some((1, 39)), None).only(Helm4),
    l("coordination.k8s.io", "v1beta1", "LeaseCandidateList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("coordination.k8s.io", "v1beta1", "LeaseList", (1, 19), Some((1, 22)), Some(("coordination.k8s.io", "v1", "LeaseList"))),
    l("discovery.k8s.io", "v1beta1", "EndpointSlice", (1, 21), Some((1, 25)), Some(("discovery.k8s.io", "v1", "EndpointSlice"))),
    l("discovery.k8s.io", "v1beta1", "EndpointSliceList", (1, 21), Some((1, 25)), Some(("discovery.k8s.io", "v1", "EndpointSlice"))),
    l("events.k8s.io", "v1beta1", "Event", (1, 22), Some((1, 25)), None),
    l("events.k8s.io", "v1beta1", "EventList", (1, 22), Some((1, 25)), None),
    l("extensions", "v1beta1", "DaemonSet", (1, 8), Some((1, 16)), Some(("apps", "v1", "DaemonSet"))),
    l("extensions", "v1beta1", "DaemonSetList", (1, 8), Some((1, 16)), Some(("apps", "v1", "DaemonSetList"))),
    l("extensions", "v1beta1", "Deployment", (1, 8), Some((1, 16)), Some(("apps", "v1", "Deployment"))),
    l("extensions", "v1beta1", "DeploymentList", (1, 8), Some((1, 16)), Some(("apps", "v1", "DeploymentList"))),
    l("extensions", "v1beta1", "DeploymentRollback", (1, 8), Some((1, 16)), None),
    l("extensions", "v1beta1", "Ingress", (1, 14), Some((1, 22)), Some(("networking.k8s.io", "v1", "Ingress"))),
    l("extensions", "v1beta1", "IngressList", (1, 14), Some((1, 22)), Some(("networking.k8s.io", "v1", "IngressList"))),
    l("extensions", "v1beta1", "NetworkPolicy", (1, 9), Some((1, 16)), Some(("networking.k8s.io", "v1", "NetworkPolicy"))),
    l("extensions", "v1beta1", "NetworkPolicyList", (1, 9), Some((1, 16)), Some(("networking.k8s.io", "v1", "NetworkPolicyList"))),
    l("extensions", "v1beta1", "ReplicaSet", (1, 8), Some((1, 16)), Some(("apps", "v1", "ReplicaSet"))),
    l("extensions", "v1beta1", "ReplicaSetList", (1, 8), Some((1, 16)), Some(("apps", "v1", "ReplicaSetList"))),
    l("extensions", "v1beta1", "Scale", (1, 2), Some((1, 16)), None),
    l("flowcontrol.apiserver.k8s.io", "v1beta1", "FlowSchema", (1, 23), Some((1, 26)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchema"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta1", "FlowSchemaList", (1, 23), Some((1, 26)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchemaList"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta1", "PriorityLevelConfiguration", (1, 23), Some((1, 26)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfiguration"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta1", "PriorityLevelConfigurationList", (1, 23), Some((1, 26)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfigurationList"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta2", "FlowSchema", (1, 26), Some((1, 29)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchema"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta2", "FlowSchemaList", (1, 26), Some((1, 29)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchemaList"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta2", "PriorityLevelConfiguration", (1, 26), Some((1, 29)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfiguration"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta2", "PriorityLevelConfigurationList", (1, 26), Some((1, 29)), Some(("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfigurationList"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchema", (1, 29), Some((1, 32)), Some(("flowcontrol.apiserver.k8s.io", "v1", "FlowSchema"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchemaList", (1, 29), Some((1, 32)), Some(("flowcontrol.apiserver.k8s.io", "v1", "FlowSchemaList"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfiguration", (1, 29), Some((1, 32)), Some(("flowcontrol.apiserver.k8s.io", "v1", "PriorityLevelConfiguration"))),
    l("flowcontrol.apiserver.k8s.io", "v1beta3", "PriorityLevelConfigurationList", (1, 29), Some((1, 32)), Some(("flowcontrol.apiserver.k8s.io", "v1", "PriorityLevelConfigurationList"))),
    l("networking.k8s.io", "v1alpha1", "IPAddress", (1, 30), Some((1, 33)), None).only(Helm3),
    l("networking.k8s.io", "v1alpha1", "IPAddressList", (1, 30), Some((1, 33)), None).only(Helm3),
    l("networking.k8s.io", "v1alpha1", "ServiceCIDR", (1, 30), Some((1, 33)), None).only(Helm3),
    l("networking.k8s.io", "v1alpha1", "ServiceCIDRList", (1, 30), Some((1, 33)), None).only(Helm3),
    l("networking.k8s.io", "v1beta1", "IPAddress", (1, 34), Some((1, 37)), None),
    l("networking.k8s.io", "v1beta1", "IPAddressList", (1, 34), Some((1, 37)), None),
    l("networking.k8s.io", "v1beta1", "Ingress", (1, 19), Some((1, 22)), Some(("networking.k8s.io", "v1", "Ingress"))),
    l("networking.k8s.io", "v1beta1", "IngressClass", (1, 19), Some((1, 22)), Some(("networking.k8s.io", "v1", "IngressClassList"))),
    l("networking.k8s.io", "v1beta1", "IngressClassList", (1, 19), Some((1, 22)), Some(("networking.k8s.io", "v1", "IngressClassList"))),
    l("networking.k8s.io", "v1beta1", "IngressList", (1, 19), Some((1, 22)), Some(("networking.k8s.io", "v1", "IngressList"))),
    l("networking.k8s.io", "v1beta1", "ServiceCIDR", (1, 34), Some((1, 37)), None),
    l("networking.k8s.io", "v1beta1", "ServiceCIDRList", (1, 34), Some((1, 37)), None),
    l("node.k8s.io", "v1beta1", "RuntimeClass", (1, 22), Some((1, 25)), None),
    l("node.k8s.io", "v1beta1", "RuntimeClassList", (1, 22), Some((1, 25)), None),
    l("policy", "v1beta1", "Eviction", (1, 22), Some((1, 25)), None),
    l("policy", "v1beta1", "PodDisruptionBudget", (1, 21), Some((1, 25)), Some(("policy", "v1", "PodDisruptionBudget"))),
    l("policy", "v1beta1", "PodDisruptionBudgetList", (1, 21), Some((1, 25)), Some(("policy", "v1", "PodDisruptionBudgetList"))),
    l("rbac.authorization.k8s.io", "v1beta1", "ClusterRole", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "ClusterRole"))),
    l("rbac.authorization.k8s.io", "v1beta1", "ClusterRoleBinding", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding"))),
    l("rbac.authorization.k8s.io", "v1beta1", "ClusterRoleBindingList", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "ClusterRoleBindingList"))),
    l("rbac.authorization.k8s.io", "v1beta1", "ClusterRoleList", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "ClusterRoleList"))),
    l("rbac.authorization.k8s.io", "v1beta1", "Role", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "Role"))),
    l("rbac.authorization.k8s.io", "v1beta1", "RoleBinding", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "RoleBinding"))),
    l("rbac.authorization.k8s.io", "v1beta1", "RoleBindingList", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "RoleBindingList"))),
    l("rbac.authorization.k8s.io", "v1beta1", "RoleList", (1, 17), Some((1, 22)), Some(("rbac.authorization.k8s.io", "v1", "RoleList"))),
    l("resource.k8s.io", "v1alpha3", "DeviceClass", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "DeviceClass"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "DeviceClassList", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "DeviceClassList"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "DeviceTaintRule", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1alpha3", "DeviceTaintRuleList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1alpha3", "ResourceClaim", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceClaim"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "ResourceClaimList", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceClaimList"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "ResourceClaimTemplate", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceClaimTemplate"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "ResourceClaimTemplateList", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceClaimTemplateList"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "ResourceSlice", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceSlice"))).only(Helm3),
    l("resource.k8s.io", "v1alpha3", "ResourceSliceList", (1, 34), Some((1, 37)), Some(("resource.k8s.io", "v1beta1", "ResourceSliceList"))).only(Helm3),
    l("resource.k8s.io", "v1beta1", "DeviceClass", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "DeviceClassList", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceClaim", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceClaimList", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceClaimTemplate", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceClaimTemplateList", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceSlice", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta1", "ResourceSliceList", (1, 35), Some((1, 38)), None),
    l("resource.k8s.io", "v1beta2", "DeviceClass", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "DeviceClassList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceClaim", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceClaimList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceClaimTemplate", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceClaimTemplateList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceSlice", (1, 36), Some((1, 39)), None).only(Helm4),
    l("resource.k8s.io", "v1beta2", "ResourceSliceList", (1, 36), Some((1, 39)), None).only(Helm4),
    l("scheduling.k8s.io", "v1beta1", "PriorityClass", (1, 14), Some((1, 22)), Some(("scheduling.k8s.io", "v1", "PriorityClass"))),
    l("scheduling.k8s.io", "v1beta1", "PriorityClassList", (1, 14), Some((1, 22)), Some(("scheduling.k8s.io", "v1", "PriorityClassList"))),
    l("storage.k8s.io", "v1alpha1", "CSIStorageCapacity", (1, 21), Some((1, 24)), Some(("storage.k8s.io", "v1beta1", "CSIStorageCapacity"))),
    l("storage.k8s.io", "v1alpha1", "CSIStorageCapacityList", (1, 21), Some((1, 24)), Some(("storage.k8s.io", "v1beta1", "CSIStorageCapacityList"))),
    l("storage.k8s.io", "v1alpha1", "VolumeAttachment", (1, 21), Some((1, 24)), Some(("storage.k8s.io", "v1", "VolumeAttachment"))),
    l("storage.k8s.io", "v1alpha1", "VolumeAttachmentList", (1, 21), Some((1, 24)), Some(("storage.k8s.io", "v1", "VolumeAttachmentList"))),
    l("storage.k8s.io", "v1alpha1", "VolumeAttributesClass", (1, 32), Some((1, 35)), Some(("storage.k8s.io", "v1", "VolumeAttributesClass"))).only(Helm4),
    l("storage.k8s.io", "v1alpha1", "VolumeAttributesClass", (1, 32), Some((1, 35)), None).only(Helm3),
    l("storage.k8s.io", "v1alpha1", "VolumeAttributesClassList", (1, 32), Some((1, 35)), Some(("storage.k8s.io", "v1", "VolumeAttributesClassList"))).only(Helm4),
    l("storage.k8s.io", "v1alpha1", "VolumeAttributesClassList", (1, 32), Some((1, 35)), None).only(Helm3),
    l("storage.k8s.io", "v1beta1", "CSIDriver", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "CSIDriver"))),
    l("storage.k8s.io", "v1beta1", "CSIDriverList", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "CSIDriverList"))),
    l("storage.k8s.io", "v1beta1", "CSINode", (1, 17), Some((1, 22)), Some(("storage.k8s.io", "v1", "CSINode"))),
    l("storage.k8s.io", "v1beta1", "CSINodeList", (1, 17), Some((1, 22)), Some(("storage.k8s.io", "v1", "CSINode"))),
    l("storage.k8s.io", "v1beta1", "CSIStorageCapacity", (1, 24), Some((1, 27)), Some(("storage.k8s.io", "v1", "CSIStorageCapacity"))),
    l("storage.k8s.io", "v1beta1", "CSIStorageCapacityList", (1, 24), Some((1, 27)), Some(("storage.k8s.io", "v1", "CSIStorageCapacityList"))),
    l("storage.k8s.io", "v1beta1", "StorageClass", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "StorageClass"))),
    l("storage.k8s.io", "v1beta1", "StorageClassList", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "StorageClassList"))),
    l("storage.k8s.io", "v1beta1", "VolumeAttachment", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "VolumeAttachment"))),
    l("storage.k8s.io", "v1beta1", "VolumeAttachmentList", (1, 19), Some((1, 22)), Some(("storage.k8s.io", "v1", "VolumeAttachmentList"))),
    l("storage.k8s.io", "v1beta1", "VolumeAttributesClass", (1, 34), Some((1, 37)), Some(("storage.k8s.io", "v1", "VolumeAttributesClass"))).only(Helm4),
    l("storage.k8s.io", "v1beta1", "VolumeAttributesClass", (1, 34), Some((1, 37)), None).only(Helm3),
    l("storage.k8s.io", "v1beta1", "VolumeAttributesClassList", (1, 34), Some((1, 37)), Some(("storage.k8s.io", "v1", "VolumeAttributesClassList"))).only(Helm4),
    l("storage.k8s.io", "v1beta1", "VolumeAttributesClassList", (1, 34), Some((1, 37)), None).only(Helm3),
    l("storagemigration.k8s.io", "v1alpha1", "StorageVersionMigration", (1, 33), Some((1, 36)), None).only(Helm3),
    l("storagemigration.k8s.io", "v1alpha1", "StorageVersionMigrationList", (1, 33), Some((1, 36)), None).only(Helm3),
    l("storagemigration.k8s.io", "v1beta1", "StorageVersionMigration", (1, 38), Some((1, 41)), None).only(Helm4),
    l("storagemigration.k8s.io", "v1beta1", "StorageVersionMigrationList", (1, 38), Some((1, 41)), None).only(Helm4),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts are what helm v4.1.4 printed for objects of these kinds.
    #[test]
    fn ingress_and_cronjob_as_helm_words_them() {
        assert_eq!(
            deprecation_warning("batch/v1beta1", "CronJob", 1, 35).as_deref(),
            Some("batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob")
        );
        assert_eq!(
            deprecation_warning("extensions/v1beta1", "Scale", 1, 35).as_deref(),
            Some("extensions/v1beta1 Scale is deprecated in v1.2+, unavailable in v1.16+")
        );
    }

    // The core group (`apiVersion: v1`) has deprecated kinds too.
    #[test]
    fn core_group_kinds() {
        assert_eq!(
            deprecation_warning("v1", "Endpoints", 1, 35).as_deref(),
            Some("v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice")
        );
        assert_eq!(
            deprecation_warning("v1", "EndpointsList", 1, 33).as_deref(),
            Some("v1 EndpointsList is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSliceList")
        );
        assert!(deprecation_warning("v1", "Endpoints", 1, 32).is_none());
        assert_eq!(
            deprecation_warning("v1", "ComponentStatus", 1, 19).as_deref(),
            Some("v1 ComponentStatus is deprecated in v1.19+")
        );
        assert!(deprecation_warning("v1", "ConfigMap", 1, 35).is_none());
    }

    #[test]
    fn release_boundaries() {
        assert!(deprecation_warning("batch/v1beta1", "CronJob", 1, 20).is_none());
        assert!(deprecation_warning("batch/v1beta1", "CronJob", 1, 21).is_some());
        assert!(deprecation_warning("batch/v1beta1", "CronJob", 0, 0).is_some());
        assert!(deprecation_warning("batch/v1beta1", "CronJob", 2, 0).is_some());
    }

    #[test]
    fn unknown_kinds_and_bad_versions_are_silent() {
        assert!(deprecation_warning("policy/v1beta1", "PodSecurityPolicy", 1, 35).is_none());
        assert!(deprecation_warning("batch/v1beta1", "cronjob", 1, 35).is_none());
        assert!(deprecation_warning("a/b/c", "CronJob", 1, 35).is_none());
        assert!(deprecation_warning("", "CronJob", 1, 35).is_none());
        assert!(deprecation_warning("apps/v1", "Deployment", 1, 35).is_none());
    }

    #[test]
    fn table_is_complete_and_sorted() {
        let known = |c| TABLE.iter().filter(|l| l.known_to.includes(c)).count();
        // What each helm reports for the probe of tools/gen-deprecations.py.
        assert_eq!((known(Compat::V4), known(Compat::V3)), (159, 149));
        assert!(TABLE.windows(2).all(
            |w| (w[0].group, w[0].version, w[0].kind) <= (w[1].group, w[1].version, w[1].kind)
        ));
    }
}
