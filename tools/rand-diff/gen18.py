#!/usr/bin/env python3
"""Area 18: the `--set` family -- random `--set`, `--set-string`, `--set-json`,
`--set-literal` and `--set-file` strings (escapes, `{a,b}` lists, `a[2].b` indexes,
nulls, numbers in every form, dotted and escaped keys, malformed input) over a random
chart's values and `-f` file; `template` prints every value with its Go type, helm
against helmcore (standard output, standard error, exit code).

    gen18.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

WALK = r'''{{- define "walk" -}}
{{- $v := . -}}
{{- if kindIs "map" $v -}}{ {{- range $k, $x := $v }}{{ $k | quote }}: {{ include "walk" $x }}, {{ end -}} }
{{- else if kindIs "slice" $v -}}[ {{- range $v }}{{ include "walk" . }}, {{ end -}} ]
{{- else -}}{{ typeOf $v }}({{ printf "%v" $v }})
{{- end -}}
{{- end -}}
'''
KEYS = ["a", "b", "c", "list", "m", "x.y", "name", "global", "k8s", "0", "a-b", "under_score", "UP", "sp ace", "é"]
SCALARS = ["1", "0", "-1", "007", "1.5", "1e3", "1E3", "0x10", "0o17", "true", "false", "True", "TRUE", "yes", "no",
           "on", "null", "NULL", "~", "", " ", "abc", "a b", "9223372036854775807", "9223372036854775808",
           "-9223372036854775809", "+5", "1_000", ".5", "5.", "-0", "inf", ".inf", "NaN", "1.0", "2e-3",
           "\\,", "a\\,b", "a\\=b", "a\\.b", "x\\\\y", "{a,b}", "{}", "{a}", "{1,true,null}", "{a,{b}}",
           "[1]", "\"q\"", "'s'", "a=b", "a,b", "@file", "💡", "\\", "\\n", "a\\"]
JSONS = ['1', '1.5', '"s"', 'true', 'null', '[1,"a",null]', '{"k":1,"l":[1,2]}', '{}', '[]', '1e400', '{bad',
         '"unterminated', '[1,]', '12345678901234567890', '-0.0', '{"a":{"b":null}}', 'nul', '1 2']
FILES = {"f1.txt": "file\ncontent\n", "f2.txt": "", "f3.txt": "1"}


def key(r):
    parts = []
    for _ in range(r.choice([1, 1, 2, 2, 3])):
        k = r.choice(KEYS)
        k = k.replace(".", "\\.") if r.random() < 0.7 else k
        if r.random() < 0.15:
            k += "[%s]" % r.choice(["0", "1", "2", "3", "-1", "x", "", "100", "1000000"])
            if r.random() < 0.2:
                k += "[%s]" % r.choice(["0", "1"])
        parts.append(k)
    s = ".".join(parts)
    if r.random() < 0.03:
        s = r.choice(["", ".a", "a.", "a..b", "a[", "a]", "[0]", "a[0", "a[0]b", "=", "a b"])
    return s


def setstr(r, flag):
    n = r.choice([1, 1, 1, 2, 3])
    items = []
    for _ in range(n):
        k = key(r)
        if flag == "--set-json":
            v = r.choice(JSONS)
        elif flag == "--set-file":
            v = r.choice(list(FILES) + ["missing.txt"])
        else:
            v = r.choice(SCALARS)
        items.append(k + "=" + v if r.random() < 0.95 else k)
    return ",".join(items)


def values_yaml(r):
    lines = ["a: 1", "b: two", "c: [1, 2, {x: 1}]", "list:\n- name: x\n  v: 1\n- name: y", "m:\n  k: v\n  n: 2",
             "global:\n  g: 1", "name: {{x}}" if False else "name: chart", "nul: null", "f: 1.5"]
    return "\n".join(l for l in lines if r.random() < 0.7) + "\n"


def make(r, d):
    os.makedirs(d + "/templates", exist_ok=True)
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    with open(d + "/values.yaml", "w") as f:
        f.write(values_yaml(r))
    with open(d + "/templates/_walk.tpl", "w") as f:
        f.write(WALK)
    with open(d + "/templates/v.yaml", "w") as f:
        f.write('v: {{ include "walk" .Values | b64enc }}\n')
    for n, c in FILES.items():
        with open(os.path.join(d, "..", os.path.basename(d) + "-" + n), "w") as f:
            f.write(c)


def check(r, d, compat):
    make(r, d)
    args = []
    if r.random() < 0.2:
        with open(d + "-over.yaml", "w") as f:
            f.write(values_yaml(r))
        args += ["-f", d + "-over.yaml"]
    for _ in range(r.choice([1, 1, 2, 3, 4])):
        flag = r.choice(["--set"] * 5 + ["--set-string"] * 2 + ["--set-json"] * 2 + ["--set-literal", "--set-file"])
        s = setstr(r, flag)
        if flag == "--set-file":
            s = ",".join(p.split("=", 1)[0] + "=" + os.path.basename(d) + "-" + p.split("=", 1)[1] if "=" in p else p
                         for p in s.split(","))
        args += [flag, s]
    cwd = os.path.dirname(d)
    h = harness.run([harness.HELM[compat], "template", "r", d] + args, cwd=cwd)
    c = harness.run([harness.HC, "template", "r", d] + args + harness.compat_args(compat), cwd=cwd)
    if h != c and h[:2] == c[:2] and sorted(h[2].splitlines()) == sorted(c[2].splitlines()):
        # Coalescing warnings about sibling keys: Go's map order (docs/compatibility.md).
        return harness.APART
    diffs = [(args, h, c)] if h != c else []
    if not diffs:
        for n in list(FILES) + ["over.yaml"]:
            p = d + "-" + n
            if os.path.exists(p):
                os.remove(p)
    return diffs


if __name__ == "__main__":
    harness.run_charts("a18", check)
