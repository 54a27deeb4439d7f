#!/usr/bin/env python3
"""Area 21: `show values --jsonpath` -- random JSONPath templates (fields, indexes,
slices, unions, filters, wildcards, recursive descent, range/end, quoted text, broken
syntax) over random values. Where helm's output changes between runs (it walks Go maps
in random order for `*` and `..`), the case is counted apart."""
import os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

KEYS = ["a", "b", "name", "port", "items", "tags", "x", "on", "y", "key.dot", "n", "é", "1", "true"]
SCALARS = ["1", "2.5", "-3", "1000000", "0", "true", "false", "null", "~", "\"\"", "x", "\"80\"", "yes", "\"<a&b>\"",
           "1e3", "0x1f", "\"multi word\"", "'q'", "9007199254740993"]


def value(r, depth):
    k = r.random()
    if depth > 3 or k < 0.4:
        return r.choice(SCALARS)
    if k < 0.7:
        items = [value(r, depth + 1) for _ in range(r.randint(0, 4))]
        return "[" + ", ".join(items) + "]"
    keys = r.sample(KEYS, r.randint(0, 3))
    return "{" + ", ".join('"%s": %s' % (k, value(r, depth + 1)) for k in keys) + "}"


def values_doc(r):
    keys = r.sample(KEYS, r.randint(2, 6))
    lines = ['"%s": %s' % (k, value(r, 0)) for k in keys]
    if r.random() < 0.6:
        lines.append("items: [%s]" % ", ".join(
            "{name: %s, port: %s%s}" % (r.choice(["http", "https", "m", "\"\""]), r.choice(["80", "443", "1.5", "\"80\"", "null"]),
                                        r.choice(["", ", tls: true", ", tls: false", ", tags: [a, b]"])) for _ in range(r.randint(0, 4))))
    return "\n".join(lines) + "\n"


def segment(r):
    k = r.random()
    if k < 0.35:
        return "." + r.choice(KEYS[:9] + ["*", "nope", "key\\.dot", ""])
    if k < 0.55:
        return "[%s]" % r.choice(["0", "1", "-1", "*", "5", "1:", ":2", "::2", "-2:", "0:0", "2:1", "0:3:0", "", "0,1", "0, -1",
                                  "'a'", "'name'", "'key.dot'", "\"a\"", "x", "1:2:3:4", "-"])
    if k < 0.7:
        left = r.choice(["@.name", "@.port", "@.tls", "@", "@.tags[0]", "@.nope"])
        if r.random() < 0.3:
            return "[?(%s)]" % left
        right = r.choice(["80", "80.0", "443.0", "'http'", "\"http\"", "true", "@.port", "1.5", "'a'"])
        return "[?(%s%s%s)]" % (left, r.choice(["==", "!=", "<", ">", "<=", ">=", "=", "==="]), right)
    if k < 0.8:
        return ".." + r.choice(["name", "port", "a", "", "[0]", "*"])
    return r.choice(["", " ", "@", "$"])


def action(r):
    k = r.random()
    if k < 0.6:
        return "{" + "".join(segment(r) for _ in range(r.randint(0, 3))) + "}"
    if k < 0.75:
        body = "".join(action(r) if r.random() < 0.7 else r.choice(["-", ",", "\\n", " "]) for _ in range(r.randint(1, 3)))
        return "{range %s}%s{end}" % ("".join(segment(r) for _ in range(r.randint(1, 2))), body)
    if k < 0.85:
        return r.choice(['{"\\n"}', "{'x'}", '{"\\t"}', '{"a\\"b"}', "{5}", "{1.5}", "{true}", "{-1}", '{"é"}'])
    return r.choice(["{", "}", "{end}", "{range}", "{.a[}", "{.a[?(@.x}", "{*}", "{'a}", "{....a}", "{.a\t}", "{1.2.3}", "{{.a}}"])


def template(r):
    parts = []
    for _ in range(r.randint(1, 3)):
        parts.append(action(r) if r.random() < 0.8 else r.choice(["x", " ", "=", ": "]))
    return "".join(parts)


def check(r, d, compat):
    os.makedirs(d, exist_ok=True)
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    with open(d + "/values.yaml", "w") as f:
        f.write(values_doc(r))
    diffs, random_order = [], False
    for _ in range(25):
        t = template(r)
        args = ["show", "values", d, "--jsonpath", t]
        h = harness.run([harness.HELM["v4"]] + args)
        c = harness.run([harness.HC] + args)
        if h == c:
            continue
        if h != harness.run([harness.HELM["v4"]] + args) or any(
                h != harness.run([harness.HELM["v4"]] + args) for _ in range(4)):
            random_order = True
            continue
        diffs.append((args[3:], h, c))
    if not diffs and random_order:
        return harness.APART
    return diffs


if __name__ == "__main__":
    harness.run_charts("a21", check)
