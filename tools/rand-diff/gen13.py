#!/usr/bin/env python3
"""Area 13: random manifest streams -- template files holding several documents with
odd separators, comment-only and empty documents, random kinds (install order), hooks
with random events, weights and delete policies, tests, CRDs in crds/ and in templates,
NOTES.txt, and the flags that select among them (--no-hooks, --skip-tests,
--show-only, --include-crds, --skip-crds, --output-dir, --is-upgrade). Each case is its
own chart (BAD=p: the share of invalid documents, default 0.015); helm and helmcore print it and standard output, standard error, exit code
and (with --output-dir) the files written are compared.

    gen13.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

KINDS = ["ConfigMap", "Secret", "Deployment", "Service", "Namespace", "ServiceAccount", "ClusterRole", "Role",
         "RoleBinding", "ClusterRoleBinding", "CustomResourceDefinition", "Job", "CronJob", "Ingress", "Pod",
         "StatefulSet", "DaemonSet", "PersistentVolumeClaim", "NetworkPolicy", "PodDisruptionBudget",
         "HorizontalPodAutoscaler", "APIService", "Widget", "LimitRange", "ResourceQuota", "StorageClass",
         "PriorityClass", "IngressClass", "ReplicaSet", "Endpoints", "List", "ConfigMapList", ""]
EVENTS = ["pre-install", "post-install", "pre-upgrade", "post-upgrade", "pre-delete", "post-delete", "pre-rollback",
          "post-rollback", "test", "test-success", "test-failure", "crd-install", "bogus", ""]
SEPS = ["---\n", "---\n", "---\n", "--- \n", "---  # c\n", "----\n", "---\r\n", "\n---\n", "---\n---\n", "--- x: 1\n",
        "---\n\n", " ---\n", "---a\n", "...\n---\n"]
NAMES = ["a", "b", "a", "c", "zz", "A", "x-1", ""]


def doc(r, i):
    k = r.random()
    if k < 0.05:
        return r.choice(["", "\n", "# only a comment\n", "   \n", "# c\n\n# d\n"])
    if k < 0.05 + float(os.environ.get("BAD", "0.015")):
        return r.choice(["a: [\n", "kind: ConfigMap\n  bad: indent\n", "- a\n- b\n", "just text\n", "a: b: c\n",
                         "kind: ConfigMap\nmetadata: {name: x}\nkind: Secret\n"])
    lines = []
    kind = r.choice(KINDS)
    if r.random() < 0.9:
        lines.append("apiVersion: %s" % r.choice(["v1", "apps/v1", "batch/v1", "x.io/v1", "apiextensions.k8s.io/v1"]))
    if kind or r.random() < 0.5:
        lines.append("kind: %s" % (kind or r.choice(['""', "~", "1"])))
    if r.random() < 0.93:
        lines.append("metadata:")
        lines.append("  name: %s" % (r.choice(NAMES) + str(i % 3) if r.random() < 0.9 else '""'))
        if r.random() < 0.2:
            lines.append("  namespace: %s" % r.choice(["ns", "other", '""']))
        ann = []
        if r.random() < 0.4:
            ev = ",".join(r.sample(EVENTS, r.randint(1, 3)))
            ann.append('helm.sh/hook: "%s"' % r.choice([ev, ev.replace(",", ", "), ev.upper()]))
            if r.random() < 0.5:
                ann.append('helm.sh/hook-weight: "%s"' % r.choice(["0", "1", "-5", "10", "abc", "", "2.5", "+3"]))
            if r.random() < 0.3:
                ann.append('helm.sh/hook-delete-policy: "%s"' % r.choice(["before-hook-creation", "hook-succeeded",
                                                                         "hook-failed,hook-succeeded", "bogus"]))
        if r.random() < 0.1:
            ann.append('helm.sh/resource-policy: keep')
        if ann:
            lines.append("  annotations:")
            lines += ["    " + a for a in ann]
    if r.random() < 0.5:
        lines.append("data:\n  k: %s" % r.choice(["v", "'---'", "|\n    ---\n    x", "\"a\\nb\"", "{{ .Release.Name }}"]))
    if r.random() < 0.1:
        lines.append("# trailing comment")
    return "\n".join(lines) + "\n"


def stream(r, base):
    out = ""
    if r.random() < 0.3:
        out += r.choice(["---\n", "# leading comment\n", "\n", "{{- /* c */ -}}\n"])
    n = r.randint(1, 4)
    for j in range(n):
        out += doc(r, base + j)
        if j < n - 1:
            out += r.choice(SEPS)
    if r.random() < 0.2:
        out += r.choice(["---\n", "---", "\n---\n# end\n"])
    return out


def make_chart(r, d):
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d + "/templates")
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    files = []
    for i in range(r.randint(1, 5)):
        name = r.choice(["a.yaml", "b.yaml", "z.yaml", "sub/c.yaml", "tests/t.yaml", "x.yml", "notyaml.txt", "d.json",
                         "_helpers.tpl", "m.yaml"])
        if name in files:
            continue
        files.append(name)
        os.makedirs(os.path.dirname("%s/templates/%s" % (d, name)), exist_ok=True)
        with open("%s/templates/%s" % (d, name), "w") as f:
            f.write(stream(r, i * 4))
    if r.random() < 0.3:
        with open(d + "/templates/NOTES.txt", "w") as f:
            f.write(r.choice(["notes for {{ .Release.Name }}\n", "", "---\nkind: ConfigMap\n"]))
    if r.random() < 0.3:
        # a subchart with its own templates, notes and CRDs
        sd = d + "/charts/sub"
        os.makedirs(sd + "/templates")
        with open(sd + "/Chart.yaml", "w") as f:
            f.write("apiVersion: v2\nname: sub\nversion: 0.1.0\n")
        for name in r.sample(["a.yaml", "s.yaml", "tests/t.yaml", "NOTES.txt"], r.randint(1, 3)):
            os.makedirs(os.path.dirname("%s/templates/%s" % (sd, name)), exist_ok=True)
            with open("%s/templates/%s" % (sd, name), "w") as f:
                f.write("sub notes\n" if name == "NOTES.txt" else stream(r, 40))
            files.append("../charts/sub/templates/" + name)
        if r.random() < 0.4:
            os.makedirs(sd + "/crds")
            with open(sd + "/crds/c.yaml", "w") as f:
                f.write(stream(r, 60))
    if r.random() < 0.3:
        os.makedirs(d + "/crds")
        for c in r.sample(["a.yaml", "b.yaml", "sub/c.yaml", "d.txt"], r.randint(1, 2)):
            os.makedirs(os.path.dirname("%s/crds/%s" % (d, c)), exist_ok=True)
            with open("%s/crds/%s" % (d, c), "w") as f:
                f.write(stream(r, 20))
    return files


def args(r, d, files):
    out = []
    for flag in ["--no-hooks", "--skip-tests", "--include-crds", "--skip-crds", "--is-upgrade", "--render-subchart-notes"]:
        if r.random() < 0.15:
            out.append(flag)
    if r.random() < 0.2 and files:
        for f in r.sample(files, r.randint(1, len(files))):
            f = "templates/" + f
            if f.startswith("templates/../"):
                f = r.choice([f[len("templates/../"):], "c/" + f[len("templates/../"):]])
            out += ["--show-only", f]
    if r.random() < 0.05:
        out += ["--show-only", r.choice(["templates/nope.yaml", "templates/NOTES.txt", "crds/a.yaml"])]
    if r.random() < 0.2:
        out += ["--output-dir", d + "-out"]
    return out


def tree(path):
    res = {}
    for root, _, fs in os.walk(path):
        for f in fs:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                res[os.path.relpath(p, path)] = fh.read()
    return res


def check(r, d, compat):
    files = make_chart(r, d)
    a = args(r, d, files)
    shutil.rmtree(d + "-out", ignore_errors=True)
    h = harness.run([harness.HELM[compat], "template", "r", d] + a)
    ht = tree(d + "-out")
    shutil.rmtree(d + "-out", ignore_errors=True)
    c = harness.run([harness.HC, "template", "r", d] + a + harness.compat_args(compat))
    ct = tree(d + "-out")
    return [(a, (h, ht), (c, ct))] if (h, ht) != (c, ct) else []


if __name__ == "__main__":
    harness.run_charts("a13", check)
