#!/usr/bin/env python3
"""Area 17: lint's rules over rendered manifests -- random template files (odd
extensions, indented first lines, several documents, YAML errors) of random kinds and
apiVersions (current, deprecated, removed, unknown) with names valid and invalid for
their kind, selectors with and without matchLabels, Lists with resource-policy
annotations, JSON streams (good, broken, truncated, numbers beyond float64, followed by
YAML); `lint` and `lint --strict` with a random `--kube-version`, helm against helmcore
(standard output, standard error, exit code).

    gen17.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import json
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

KINDS = {
    "Deployment": ["apps/v1", "extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"],
    "StatefulSet": ["apps/v1", "apps/v1beta1"],
    "DaemonSet": ["apps/v1", "extensions/v1beta1"],
    "ReplicaSet": ["apps/v1", "extensions/v1beta1"],
    "Job": ["batch/v1"],
    "CronJob": ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
    "Service": ["v1"],
    "Pod": ["v1"],
    "ConfigMap": ["v1"],
    "Secret": ["v1"],
    "Namespace": ["v1"],
    "ServiceAccount": ["v1"],
    "Role": ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    "ClusterRole": ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1alpha1"],
    "RoleBinding": ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    "Ingress": ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"],
    "IngressClass": ["networking.k8s.io/v1", "networking.k8s.io/v1beta1"],
    "NetworkPolicy": ["networking.k8s.io/v1", "extensions/v1beta1"],
    "PodSecurityPolicy": ["policy/v1beta1", "extensions/v1beta1"],
    "PodDisruptionBudget": ["policy/v1", "policy/v1beta1"],
    "HorizontalPodAutoscaler": ["autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2", "autoscaling/v1"],
    "CustomResourceDefinition": ["apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1"],
    "FlowSchema": ["flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1",
                   "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3"],
    "PriorityClass": ["scheduling.k8s.io/v1", "scheduling.k8s.io/v1beta1"],
    "CSIStorageCapacity": ["storage.k8s.io/v1", "storage.k8s.io/v1beta1"],
    "EndpointSlice": ["discovery.k8s.io/v1", "discovery.k8s.io/v1beta1"],
    "Event": ["events.k8s.io/v1", "events.k8s.io/v1beta1", "v1"],
    "ValidatingWebhookConfiguration": ["admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1"],
    "List": ["v1"],
    "Widget": ["example.com/v1", "v1"],
    "Lease": ["coordination.k8s.io/v1", "coordination.k8s.io/v1beta1"],
    "RuntimeClass": ["node.k8s.io/v1", "node.k8s.io/v1beta1"],
    "StorageClass": ["storage.k8s.io/v1", "storage.k8s.io/v1beta1"],
}
NAMES = ["web", "web", "my-app", "my.app", "My-App", "my_app", "a:b", "system:auth", "-lead", "trail-", "1abc",
         "a" * 63, "a" * 64, "a" * 253, "a" * 254, '""', "a..b", "x/y", "%x", "web.", "ab@c", "名前", "'123'",
         "{{ .Release.Name }}-x", "{{ .Release.Name | upper }}", "null", "[a]", "{a: b}", "12", "true", ".", ".."]
KUBE = [[], [], [], ["--kube-version", "1.16.0"], ["--kube-version", "1.22.0"], ["--kube-version", "1.25"],
        ["--kube-version", "v1.29.3"], ["--kube-version", "1.32.0"], ["--kube-version", "1.35.0"], ["--kube-version", "1.9"]]
EXTS = [".yaml", ".yaml", ".yaml", ".yml", ".tpl", ".txt", ".json", "", ".YAML", ".yaml.bak", ".j2"]


def doc(r):
    kind = r.choice(list(KINDS))
    api = r.choice(KINDS[kind] + (["v2", "foo/v1"] if r.random() < 0.1 else []))
    lines = []
    if r.random() < 0.05:
        lines.append(r.choice(["  indented: true", "\t# tab comment", " # comment", "   "]))
    if r.random() < 0.1:
        lines.append("# leading comment")
    order = [("apiVersion", api), ("kind", kind)]
    if r.random() < 0.5:
        order.reverse()
    for k, v in order:
        if r.random() < 0.95:
            lines.append("%s: %s" % (k, v))
    meta = []
    if r.random() < 0.93:
        meta.append("  name: %s" % r.choice(NAMES))
    if r.random() < 0.2:
        meta.append("  namespace: %s" % r.choice(["default", "Bad_NS", "kube-system", "{{ .Release.Namespace }}", '""']))
    if r.random() < 0.15:
        meta.append("  generateName: %s" % r.choice(["web-", "Bad-", "x"]))
    if r.random() < 0.15:
        meta.append("  annotations:\n    helm.sh/resource-policy: keep")
    if meta or r.random() < 0.5:
        lines.append("metadata:" + ("" if meta else r.choice([" {}", " null", ""])))
        lines.extend(meta)
    if kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job") and r.random() < 0.8:
        lines.append("spec:")
        sel = r.random()
        if sel < 0.5:
            lines.append("  selector:\n    matchLabels:\n      app: web")
        elif sel < 0.6:
            lines.append("  selector:\n    matchExpressions:\n    - {key: app, operator: In, values: [web]}")
        elif sel < 0.7:
            lines.append("  selector: {}")
        elif sel < 0.8:
            lines.append("  selector:\n    matchLabels: {}")
        lines.append("  replicas: 1")
    if kind == "List":
        items = []
        for _ in range(r.randint(0, 2)):
            ann = "\n    annotations:\n      helm.sh/resource-policy: keep" if r.random() < 0.5 else ""
            items.append("- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: %s%s" % (r.choice(NAMES[:6]), ann))
        lines.append("items:" + ("\n" + "\n".join(items) if items else r.choice([" []", ""])))
    if r.random() < 0.04:
        lines.append(r.choice(["bad: [unclosed", "key: value: other", "\tx: 1", "a: b\na: c", "- item"]))
    if r.random() < 0.1:
        lines.append("data:\n  k: {{ .Values.v | quote }}")
    if r.random() < 0.12:
        lines.append("x: " + r.choice(ACTIONS))
    return "\n".join(lines) + "\n"


def json_value(r):
    """A JSON object shaped like a Kubernetes object, with odd values where lint reads."""
    name = r.choice(["web", "My_App", 123, 1e999, -1e999, True, None, [1], {"a": 1}, "", "a" * 70])
    obj = {}
    for key in r.sample(["apiVersion", "kind", "metadata", "spec", "KIND", "Metadata"], r.randint(1, 4)):
        if key.lower() == "metadata":
            obj[key] = r.choice([{"name": name}, {"Name": name, "namespace": r.choice(["x", 5])}, 1e999, "m", None])
        elif key.lower() == "kind":
            obj[key] = r.choice(list(KINDS) + [5, 1e999, ["a"]])
        elif key == "apiVersion":
            obj[key] = r.choice(["v1", "apps/v1", "extensions/v1beta1", 1, 1e999])
        else:
            obj[key] = r.choice([{"replicas": 1}, [1e999], {"a": "b"}])
    text = json.dumps(obj).replace("Infinity", "1e999")
    return text if r.random() < 0.8 else r.choice([json.dumps(name).replace("Infinity", "1e999"), "null", "[1, 2]"])


BROKEN_JSON = ['{"a": [}', '{"a": tru}', '{"a": -}', '{"a": 1.e}', '{"a": "\\q"}', '{"a": "\\u12g4"}',
               '{"a" 1}', '{a: 1, kind: Service, metadata: {name: X_y}}', '-', 'tru', '1.', '"a\\', '{"a": 1e',
               '"abc', '{', '}', 'x', '{"a": 1}}']


def json_stream(r):
    parts = [json_value(r) for _ in range(r.choice([1, 1, 2, 3]))]
    if r.random() < 0.4:
        parts.insert(r.randint(0, len(parts)), r.choice(BROKEN_JSON))
    if r.random() < 0.2:
        parts[0] = parts[0] if parts[0].startswith("{") else "{}"
    sep = r.choice(["\n", " ", "", "\n\n"])
    body = sep.join(parts)
    if r.random() < 0.2:
        body += "\n---\n" + doc(r)
    return r.choice(["", "  ", "\n"]) + body + r.choice(["", "\n"])


# Template actions that fail, or behave differently, under lint's settings.
ACTIONS = ['{{ required "need it" .Values.missing }}', '{{ required "need it" .Values.v }}', '{{ fail "boom" }}',
           '{{ .Values.a.b.c }}', '{{ include "nope" . }}', '{{ if }}', '{{ .Values.v | toYaml | indent 2 }}',
           '{{ tpl "{{ .Values.v }}" . }}', '{{ lookup "v1" "Pod" "" "" | toJson }}', '{{ .Release.Name }}',
           '{{ .Capabilities.KubeVersion }}', '{{ .Release.IsInstall }}', '{{ include "x" . }}', '{{ end }}',
           '{{ template "x" }}', '{{ .Values.v.x }}', '{{ index .Values "v" "x" }}', '{{ toYaml .Values.missing }}',
           '{{ required "" nil }}', '{{ printf "%d" .Values.v }}', '{{ .Files.Get "nope" | quote }}',
           '{{ .Chart.Name }}-{{ .Chart.Version }}', '"{{ .Values.v }}', '{{ $x := 1 }}{{ $y }}']


def make(r, d):
    os.makedirs(d + "/templates")
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n" + ("icon: https://x.io/i.png\n" if r.random() < 0.7 else ""))
    with open(d + "/values.yaml", "w") as f:
        f.write("v: x\n")
    for i in range(r.randint(1, 4)):
        docs = [doc(r) for _ in range(r.choice([1, 1, 1, 2, 3]))]
        sep = r.choice(["---\n", "---\n", "\n---\n", "--- # c\n"])
        body = (sep if r.random() < 0.2 else "") + sep.join(docs)
        if r.random() < 0.2:
            body = json_stream(r)
        with open("%s/templates/t%d%s" % (d, i, r.choice(EXTS)), "w") as f:
            f.write(body)
    if r.random() < 0.2:
        with open(d + "/templates/_helpers.tpl", "w") as f:
            f.write('{{- define "x" -}}y{{- end -}}\n' + (r.choice(ACTIONS) if r.random() < 0.3 else ""))
    if r.random() < 0.15:
        with open(d + "/templates/NOTES.txt", "w") as f:
            f.write("notes " + r.choice(ACTIONS) + "\n")
    if r.random() < 0.25:
        # A subchart, linted with --with-subcharts (and rendered with its parent).
        s = d + "/charts/sub"
        os.makedirs(s + "/templates")
        with open(s + "/Chart.yaml", "w") as f:
            f.write("apiVersion: v2\nname: sub\nversion: 0.1.0\n")
        with open(s + "/templates/s.yaml", "w") as f:
            f.write(doc(r))


def check(r, d, compat):
    make(r, d)
    kube = r.choice(KUBE)
    diffs = []
    modes = [["lint"], ["lint", "--strict"]]
    if os.path.isdir(d + "/charts"):
        modes.append(["lint", "--with-subcharts"])
    for m in modes:
        h = harness.run([harness.HELM[compat]] + m + [d] + kube)
        c = harness.run([harness.HC] + m + [d] + kube + harness.compat_args(compat))
        if h != c:
            diffs.append((m + kube, h, c))
    return diffs


if __name__ == "__main__":
    harness.run_charts("a17", check)
