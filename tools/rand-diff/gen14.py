#!/usr/bin/env python3
"""Area 14: random Chart.yaml files (every field Helm knows, with wrong types, odd
versions, names and URLs, duplicate and unknown keys, dependency entries), with a few
values and template defects, run through `lint`, `lint --strict` and `template` by
helm and helmcore; standard output, standard error and exit code are compared.

    gen14.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py; a
                            helm3 lint that crashes -- a null maintainer -- is not
                            compared: docs/compatibility.md)"""
import os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

FIELDS = {
    "apiVersion": ["v2", "v2", "v2", "v1", "v3", '""', "2", "V2", None],
    "name": ["c", "c", "c", '""', "My_Chart", "a/b", "-x", "x.y", "..", "a b", "café", "1", "C", "c" * 70, None,
             "{a: 1}", "[c]"],
    "version": ["0.1.0", "0.1.0", "1", "1.2", "v1.2.3", "1.2.3-alpha", "1.2.3+meta", '""', "1.0", "01.2.3", "1.2.3.4",
                "latest", '"1.10"', "1.10", "2.0.0-rc.1+b", None, "[1]"],
    "appVersion": ["1.0", "1.10", "true", '"1.0"', "v2", "[1]", "{a: 1}", None, None],
    "type": ["application", "library", '""', "App", "other", "1", None, None, None],
    "kubeVersion": [">=1.20.0", ">=1.20", "bad", '""', "~1.31", "<1.0.0", '">= 1.18.0-0"', "1.31.x", "^2", None, None,
                    None],
    "icon": ["https://x.io/icon.png", '""', "ftp://x", "not a url", "http://", "/rel/path.png", None, None],
    "description": ["a chart", '""', "[a]", None],
    "home": ["https://x.io", "x", None],
    "sources": ["[https://x.io]", "[]", "x", "[1]", None],
    "keywords": ["[a, b]", "a", "[]", None],
    "maintainers": ["[{name: a, email: a@x.io}]", "[{email: a@x.io}]", "[{name: a, email: notanemail}]",
                    "[{name: a, url: 'not a url'}]", "[a]", "x", "[{name: a, url: 'https://x.io'}]", "[null]", None],
    "deprecated": ["true", "false", '"yes"', "1", None, None],
    "annotations": ["{a: b}", "{a: 1}", "x", "{}", "[a]", None],
    "engine": ["gotpl", None, None],
    "tillerVersion": [">2.0.0", None, None],
    "foo": ["bar", None, None, None],
}
DEPS = ["{name: sub, version: 0.1.0}", "{name: sub, version: '>=0.1.0', repository: 'https://x.io'}",
        "{name: sub, version: 0.1.0, alias: a_b}", "{name: sub, version: 0.1.0, alias: s2}", "{version: 0.1.0}",
        "{name: sub, version: bad}", "{name: sub}", "{name: missing, version: 1.0.0}", "null", "x",
        "{name: sub, version: 0.1.0, condition: sub.enabled, tags: [t]}", "{name: sub, version: 0.1.0, repository: 'file://../x'}",
        "{name: sub, version: 0.1.0, import-values: [a]}", "{name: '', version: 0.1.0}", "{name: sub, version: 0.2.0}"]


def chart_yaml(r):
    lines = []
    keys = list(FIELDS)
    r.shuffle(keys)
    for k in keys:
        v = r.choice(FIELDS[k])
        if v is None:
            continue
        lines.append("%s: %s" % (k, v))
        if r.random() < 0.03:  # a duplicate key
            lines.append("%s: %s" % (k, r.choice([x for x in FIELDS[k] if x is not None])))
    if r.random() < 0.35:
        deps = r.sample(DEPS, r.randint(1, 3))
        lines.append("dependencies:")
        lines += ["  - " + d for d in deps]
    if r.random() < 0.03:
        lines.insert(r.randint(0, len(lines)), r.choice(["a: [", "\tx: 1", "name: c\n name: d", "- x"]))
    return "\n".join(lines) + "\n"


TEMPLATES = [
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name | default \"cm\" }}\n",
    "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ing\n",
    "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: psp\n",
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n",
    "{{ required \"need x\" .Values.x }}\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}-{{ .Chart.Version }}\n",
    "notes {{ .Chart.AppVersion }} {{ .Chart.Deprecated }} {{ .Chart.KubeVersion }} {{ .Chart.Type }}\n",
]


def make(r, d):
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    with open(d + "/Chart.yaml", "w") as f:
        f.write(chart_yaml(r))
    if r.random() < 0.9:
        os.makedirs(d + "/templates")
        for i, t in enumerate(r.sample(TEMPLATES, r.randint(1, 3))):
            name = "NOTES.txt" if t.startswith("notes") else "t%d.yaml" % i
            with open("%s/templates/%s" % (d, name), "w") as f:
                f.write(t)
    with open(d + "/values.yaml", "w") as f:
        f.write(r.choice(["name: ok\n", "name: Bad_Name\n", "name: %s\n" % ("n" * 70), "", "x: 1\n", "a: [\n"]))
    if r.random() < 0.5:
        os.makedirs(d + "/charts/sub/templates")
        with open(d + "/charts/sub/Chart.yaml", "w") as f:
            f.write(r.choice(["apiVersion: v2\nname: sub\nversion: 0.1.0\n", "apiVersion: v2\nname: sub\nversion: bad\n",
                              "apiVersion: v2\nname: sub\nversion: 0.1.0\ntype: library\n",
                              "apiVersion: v1\nname: sub\nversion: 0.1.0\nicon: x\n"]))
        with open(d + "/charts/sub/templates/cm.yaml", "w") as f:
            f.write(r.choice(TEMPLATES))
    if r.random() < 0.1:
        with open(d + "/values.schema.json", "w") as f:
            f.write(r.choice(['{"type": "object", "required": ["name"]}',
                              '{"properties": {"name": {"type": "integer"}}}', "{bad"]))


def check(r, d, compat):
    make(r, d)
    modes = [["lint"], ["lint", "--strict"], ["template", "r"]]
    diffs = []
    for m in modes:
        extra = r.choice([[], [], ["--kube-version", "1.20.0"], ["--with-subcharts"] if m[0] == "lint" else []])
        h = harness.run([harness.HELM[compat]] + m + [d] + extra)
        c = harness.run([harness.HC] + m + [d] + extra + harness.compat_args(compat))
        if h[0] == 2 and b"panic: " in h[2]:
            continue
        if h != c:
            diffs.append((m + extra, h, c))
    return diffs


if __name__ == "__main__":
    harness.run_charts("a14", check)
