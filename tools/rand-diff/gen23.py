#!/usr/bin/env python3
"""Areas 2 and 3: fromYaml/fromJson of adversarial documents; values files with such scalars."""
import random, sys, json, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import compare, goq

PLAIN = ["y", "Y", "n", "N", "yes", "No", "on", "OFF", "true", "False", "~", "null", "NULL", "Null", ".inf", "-.Inf", ".NaN",
         "0x1F", "0o17", "012", "0b101", "1_000", "1e3", "1E3", "1.0", ".5", "5.", "+1", "-0", "0", "00", "08", "1:20", "1:20:30",
         "190:20:30.15", "-1:20", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14T00:00:00Z",
         "12345678901234567890", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e21", "1e+21", "0.000001",
         "1e-7", "123456789.123456789", "3.0", "-0.0", "+.5", "1.7976931348623157e309", "4.9e-325", "0x_1F", "1__0", "+0x10", "-0x10",
         "0xFFFFFFFFFFFFFFFF", "0x8000000000000000", "0o777", "0b", "=", "<<", "a b", "a  b", "é", "😀", "a:b", "a#b", "x?", "-x",
         "1.2.3", "v1.2", "100000000000000000000", "1000000", "1e6", "1.0e+6", "0.1", "True", "TRUE", "oN", "yES"]
QUOTED = ["''", '""', "' a '", '" a "', "'it''s'", '"\\t"', '"\\x41"', '"\\u00e9"', '"\\U0001F600"', '"\\0"', '"\\e"', '"\\N"',
          '"\\_"', '"\\L"', '"\\P"', '"a\\\nb"', '"line1\\nline2"', "'multi\n  line'", '"multi\n  line"', "'a\n\n  b'",
          '"trail \\n"', '"\\r\\n"', '" "', "'#'", "': '", "'- '", "'yes'", '"null"', "'1e3'", '"\\ufeff"', '"\\x85"', '"\\u2028"',
          '"\\x7f"', '"\\x01"', "'\t'"]
BLOCK = ["|\n  a\n  b\n", "|-\n  a\n  b\n", "|+\n  a\n  b\n\n", ">\n  a\n  b\n", ">-\n  a\n\n  b\n", ">+\n  a\n", "|2\n    lead\n  x\n",
         "|\n  trailing  \n", ">\n  folded\n    more\n  back\n", "|\n\n  after blank\n", "|-\n  \n", "|\n  \ttab\n", ">\n  \n  x\n",
         "|1\n  two\n", "|\n  # not comment\n"]
TAGS = ["!!str 1", "!!str", "!!int 3", "!!int '3'", "!!float 1", "!!float '1.5'", "!!bool yes", "!!bool 'true'", "!!null ''",
        "!!null x", "!!binary aGVsbG8=", "!!binary '!!'", "!!timestamp 2001-12-14", "!custom x", "!<tag:yaml.org,2002:str> 5",
        "!!map {a: 1}", "!!seq [1]", "!!set {a, b}", "!!omap [{a: 1}]", "!!str [1]", "!!int 0x10", "!!float 1e3", "!!merge <<",
        "!!str ~", "!!int 1_000", "!!float .inf", "! x", "!!binary |\n  aGVs\n  bG8=\n"]
FLOW = ["[]", "{}", "[a, b]", "{a: 1, b: [2]}", "[1, 1.5, true, ~, '']", "{? a}", "[a: 1]", "{a: }", "[ , ]", "{a: 1, a: 2}",
        "[-1, .inf, 0x1f]", "{'a b': \"c\"}", "[[], [{}]]", "{x: [y, {z: ~}]}"]


def scalar(r):
    k = r.random()
    if k < 0.45:
        return r.choice(PLAIN)
    if k < 0.7:
        return r.choice(QUOTED)
    if k < 0.8:
        return r.choice(BLOCK)
    if k < 0.9:
        return r.choice(TAGS)
    return r.choice(FLOW)


def indent(s, n):
    return s.replace("\n", "\n" + " " * n)


def doc(r, depth=0):
    """A block mapping (or sequence) document."""
    lines = []
    anchors = []
    keys = ["a", "b", "c", "x", "'q'", '"d"', "1", "1.5", "true", "-1", "0x10", "yes", "'yes'", "a b", "é", "<<",
            "? k", "[1, 2]", "{a: 1}", "''", '"\\t"', "a:b", "2001-12-14", ".inf", "y", "10", "9", "01"]
    for i in range(r.randint(1, 4)):
        key = r.choice(keys)
        if key == "<<":
            v = r.choice(["*A", "[*A, *B]", "{m: 1}", "*B", "1", "[{m: 2}]"])
        elif r.random() < 0.15 and depth < 2:
            sub = doc(r, depth + 1)
            v = "\n  " + indent(sub.rstrip("\n"), 2)
        elif r.random() < 0.1 and depth < 2:
            v = "\n" + "\n".join("  - " + indent(scalar(r).rstrip("\n"), 4) for _ in range(r.randint(1, 3)))
        else:
            v = scalar(r)
            if r.random() < 0.12:
                a = r.choice(["A", "B"])
                v = "&%s %s" % (a, v) if not v.startswith(("|", ">")) else v
            elif r.random() < 0.08:
                v = r.choice(["*A", "*B", "*A ", "*C"])
        if key.startswith("? "):
            lines.append("%s\n: %s" % (key, indent(v.rstrip("\n"), 2)))
        else:
            lines.append("%s: %s" % (key, indent(v.rstrip("\n"), 2)))
    s = "\n".join(lines) + "\n"
    if depth == 0:
        if r.random() < 0.1:
            s = "a: &A {m: 1, n: 2}\nb: &B {n: 3}\n" + s
        if r.random() < 0.08:
            s += "---\n" + r.choice(["z: 1\n", "", "- x\n", "...\n"])
        if r.random() < 0.05:
            s = r.choice(["%YAML 1.1\n---\n", "---\n", "# c\n", "--- # c\n", "\ufeff"]) + s
        if r.random() < 0.05:
            s = s.replace("\n", " \t\n", 1)
    return s


def seqdoc(r):
    return "\n".join("- " + indent(scalar(r).rstrip("\n"), 2) for _ in range(r.randint(0, 4))) + "\n"


def case2(r):
    k = r.random()
    if k < 0.6:
        src = "fromYaml %s" % goq(doc(r))
    elif k < 0.8:
        src = "fromYamlArray %s" % goq(r.choice([seqdoc(r), doc(r), r.choice(FLOW), "", "~", "[1]\n---\n[2]"]))
    else:
        src = "fromJson %s" % goq(r.choice([json.dumps(json.loads(json.dumps({"a": 1}))), '{"a": 1, "a": 2}', '{"a":1e400}',
                                            '{"a": 12345678901234567890}', '[1]', '"s"', '1', '{"a":"\\ud800"}',
                                            '{"a":"\\u00e9\\t"}', '{"a": -0}', '{"a": 1.0}', '{"a": 1E2}', '{"a": [] }',
                                            '{"a":{"b":{}}}', '{a: 1}', '{"a": 1,}', '{"a": 01}', '{"a": .5}', '{"a": "x"} x',
                                            ' {"a" : true } ', '{"a": NaN}', '{"\\u0041": 1}', '{"a": "\\/"}', '{}', '']))
    out = r.choice(["toYaml", "toJson", "printf \"%v\"", "typeOf", "toYamlPretty", "toRawJson", "printf \"%#v\"", "len", "toString",
                    "keys | sortAlpha | toJson", "values | len"])
    if "fromYamlArray" in src and ("keys" in out or "values" in out):
        out = "toJson"
    if r.random() < 0.3:
        return "{{ $d := %s }}{{ range $k, $v := $d }}{{ $k }}={{ printf \"%%v %%T\" $v $v }};{{ end }}" % src
    return "{{ %s | %s }}" % (src, out)


def main2(seed, nb, per):
    harness.run_batches("a2", lambda r, n: [(i, case2(r), "") for i in range(n)], seed, nb, per,
                        stop=200)


def values_entries(r, n):
    out = []
    for i in range(n):
        v = scalar(r) if r.random() < 0.8 else ("\n  " + indent(doc(r, 1).rstrip("\n"), 2))
        if r.random() < 0.05:
            v = "&A " + v if not v.startswith(("|", ">", "\n")) else v
        out.append((i, "k%d: %s" % (i, indent(v.rstrip("\n"), 2))))
    return out


STATS = {"n": 0, "d": 0}


def run_set(entries, name, compat, depth=0):
    vals = "\n".join(e for _, e in entries) + "\n"
    cases = []
    for i, _ in entries:
        x = ".Values.k%d" % i
        cases.append((i, "{{ %s }}|{{ printf \"%%v %%T\" %s %s }}|{{ %s | toYaml }}|{{ %s | toJson }}|{{ kindOf %s }}|{{ %s | quote }}" % (x, x, x, x, x, x, x), ""))
    cases.append((100000, "{{ .Values | toYaml }}", ""))
    if os.environ.get("VF"):
        vf = os.path.join(harness.WORK, "%s-vals.yaml" % name)
        with open(vf, "w") as f:
            f.write(vals)
        n, diffs = compare(cases, name, values=os.environ.get("VBASE", "k1: base\nk2: {a: 1}\n"), compat=compat, args=["-f", vf], log=os.path.join(harness.WORK, "diffs3.jsonl"), stop=5)
    else:
        n, diffs = compare(cases, name, values=vals, compat=compat, log=os.path.join(harness.WORK, "diffs3.jsonl"), stop=5)
    bad = [d for d in diffs if d[0] == "err-unattributed"]
    if bad and len(entries) > 1:
        h, c = bad[0][2], bad[0][3]
        STATS["n"] += 1
        if h != c:
            STATS["d"] += 1
            print("  VALUES-ERR-DIFF", repr(vals)[:800], "\n   H", h, "\n   C", c)
        half = len(entries) // 2
        run_set(entries[:half], name, compat, depth + 1)
        run_set(entries[half:], name, compat, depth + 1)
        return
    STATS["n"] += max(n, 1)
    if bad:
        if bad[0][2] != bad[0][3]:
            STATS["d"] += 1
            print("  VALUES-ERR-DIFF", repr(vals)[:800], "\n   H", bad[0][2], "\n   C", bad[0][3])
        return
    STATS["d"] += len(diffs)
    for d in diffs[:8]:
        print(" ", d[0], d[1] and repr(d[1][1]), "\n    vals:", repr(vals)[:600], "\n    H:", repr(d[2])[:600], "\n    C:", repr(d[3])[:600])


def main3(seed, nb, per, compat="v4"):
    for b in range(nb):
        r = random.Random(seed * 1000 + b)
        if os.environ.get("VF"):
            os.environ["VBASE"] = "".join("k%d: %s\n" % (i, r.choice(["{a: 1, b: {c: 2}}", "[1]", "x", "null", "{}", "1", "{a: null}", "{b: [x]}", "~"])) for i in range(per))
        run_set(values_entries(r, per), "a3-%s-%d-%d" % (compat, seed, b), compat)
        print("batch", b, STATS, flush=True)
    print("TOTAL", STATS)


if __name__ == "__main__":
    area, seed, nb, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if area == "2":
        main2(seed, nb, per)
    else:
        main3(seed, nb, per, sys.argv[5] if len(sys.argv) > 5 else "v4")
