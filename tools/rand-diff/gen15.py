#!/usr/bin/env python3
"""Area 15: random values.schema.json files (the keywords charts use: type, enum,
const, numeric and length bounds, pattern, format, required, properties,
additionalProperties, patternProperties, items, array bounds, uniqueItems, allOf, anyOf,
oneOf, not, if/then/else, $ref to definitions) against random values; helm and
helmcore render the chart and standard output, standard error and exit code are
compared. Sibling errors come in an order helm draws at random (docs/compatibility.md):
a difference only in the order of error lines is counted apart, and so is a schema
that breaks its metaschema (a documented difference).

    gen15.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import json, os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

SCALARS = [0, 1, -1, 2.5, 1000000, 10, "", "a", "abc", "1", "yes", True, False, None, "2024-01-01",
           "user@x.io", "http://x", "10.0.0.1", [], [1], ["a", "a"], {}, {"a": 1}]
KEYS = ["a", "b", "c", "port", "name", "x1"]
FORMATS = ["email", "uri", "ipv4", "date", "date-time", "hostname", "uuid", "bogus"]
TYPES = ["string", "integer", "number", "boolean", "object", "array", "null"]


def schema(r, depth):
    s = {}
    k = r.random()
    if depth > 2 or k < 0.45:
        t = r.choice(TYPES + [None, None])
        if t:
            s["type"] = t if r.random() < 0.85 else r.sample(TYPES, 2)
        for kw, vals in [("enum", [[1, 2], ["a", "b"], [None, "a"], [1, "1"]]), ("const", [1, "a", None]),
                         ("minimum", [0, 1, 2.5]), ("maximum", [1, 10]), ("exclusiveMinimum", [0, 1]),
                         ("exclusiveMaximum", [10]), ("multipleOf", [2, 0.5]), ("minLength", [1, 2]),
                         ("maxLength", [2]), ("pattern", ["^a", "[0-9]+$", "^(a|b)$"]), ("format", FORMATS),
                         ("minItems", [1, 2]), ("maxItems", [1]), ("uniqueItems", [True])]:
            if r.random() < 0.08:
                s[kw] = r.choice(vals)
        return s
    if k < 0.8:
        s["type"] = "object"
        props = {kk: schema(r, depth + 1) for kk in r.sample(KEYS, r.randint(0, 3))}
        if props:
            s["properties"] = props
        if r.random() < 0.4 and props:
            s["required"] = r.sample(sorted(props) + ["zz"], r.randint(1, 2))
        if r.random() < 0.2:
            s["additionalProperties"] = r.choice([False, {"type": "string"}, True])
        if r.random() < 0.1:
            s["patternProperties"] = {"^x": {"type": "integer"}}
        if r.random() < 0.1:
            s["minProperties"] = 1
        return s
    comb = r.choice(["allOf", "anyOf", "oneOf", "not", "if", "items", "$ref"])
    if comb in ("allOf", "anyOf", "oneOf"):
        s[comb] = [schema(r, depth + 1) for _ in range(r.randint(1, 3))]
    elif comb == "not":
        s["not"] = schema(r, depth + 1)
    elif comb == "if":
        s["if"] = schema(r, depth + 1)
        s["then"] = schema(r, depth + 1)
        if r.random() < 0.5:
            s["else"] = schema(r, depth + 1)
    elif comb == "items":
        s["type"] = "array"
        s["items"] = schema(r, depth + 1)
    else:
        s["$ref"] = "#/definitions/d"
    return s


def value(r, depth):
    if depth < 3 and r.random() < 0.35:
        return {k: value(r, depth + 1) for k in r.sample(KEYS + ["zz"], r.randint(0, 3))}
    if depth < 3 and r.random() < 0.1:
        return [value(r, depth + 1) for _ in range(r.randint(0, 3))]
    return r.choice(SCALARS)


def make(r, d):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d + "/templates")
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    sch = schema(r, 0)
    if r.random() < 0.3:
        sch["definitions"] = {"d": schema(r, 1)}
        sch.setdefault("properties", {})["a"] = {"$ref": "#/definitions/d"}
    if r.random() < 0.5:
        sch["$schema"] = r.choice(["http://json-schema.org/draft-07/schema#",
                                   "https://json-schema.org/draft/2020-12/schema",
                                   "http://json-schema.org/draft-04/schema#"])
    with open(d + "/values.schema.json", "w") as f:
        json.dump(sch, f, indent=r.choice([None, 2]))
    vals = value(r, 0)
    if not isinstance(vals, dict):
        vals = {"a": vals}
    with open(d + "/values.yaml", "w") as f:
        f.write(json.dumps(vals) + "\n")
    with open(d + "/templates/cm.yaml", "w") as f:
        f.write("v: {{ toJson .Values | quote }}\n")


def check(r, d, compat):
    make(r, d)
    h = harness.run([harness.HELM[compat], "template", "r", d])
    if b"is not valid against metaschema" in h[2]:
        # a known difference (docs/compatibility.md: the crate's one-line message)
        return harness.APART
    c = harness.run([harness.HC, "template", "r", d] + harness.compat_args(compat))
    if h == c:
        return []
    if (h[0], h[1], sorted(h[2].splitlines())) == (c[0], c[1], sorted(c[2].splitlines())):
        return harness.APART
    return [([], h, c)]


if __name__ == "__main__":
    harness.run_charts("a15", check)
