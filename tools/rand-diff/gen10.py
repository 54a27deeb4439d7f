#!/usr/bin/env python3
"""Area 10 (round 8): dict and list functions (and their must* forms) over mixed types."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

ATOMS = ['0', '1', '-1', '2.5', '"a"', '"b"', '""', 'nil', 'true', 'false', '"x"', '.Values.f', '.Values.n', '.Values.s']
LISTS = ['(list)', '(list 1 2 3)', '(list "b" "a" "c" "a")', '(list nil 1 "" 0 false)', '(list (list 1) (dict "a" 1))',
         '.Values.l', '.Values.ls', '(list 1 "1" 1.0)', '(splitList "," "c,a,b")', '(list 3 1 2 1 3)', '(until 5)',
         '.Values.empty', '(list (list 1) (list 1))']
DICTS = ['(dict)', '(dict "a" 1 "b" "x")', '(dict "a" (dict "b" (dict "c" 3)))', '.Values.m', '.Values.d', '(dict "z" nil "y" (list 1))',
         '(dict "a" 2 "c" (dict "x" 1))', '.Values', '(dict 1 2)', '(fromJson "null")', '(dict "a" (fromJson "null"))', '(fromYaml "a: {b: 1}\\nc: [1]")']
KEYS = ['"a"', '"b"', '"c"', '"z"', '""', '"x"', '1', 'nil']


def any_(r, d=0):
    k = r.random()
    if k < 0.4:
        return r.choice(ATOMS)
    if k < 0.7:
        return r.choice(LISTS)
    return r.choice(DICTS)


def case(r):
    k = r.random()
    must = r.choice(["", "", "must"])
    def M(f):
        return (must + f[0].upper() + f[1:]) if must else f
    if k < 0.35:
        f = r.choice(["first", "rest", "last", "initial", "reverse", "uniq", "compact", "sortAlpha"])
        mf = M(f) if f != "sortAlpha" else f
        a = r.choice(LISTS + LISTS + [any_(r)])
        e = "%s %s" % (mf, a)
    elif k < 0.55:
        f = r.choice(["append", "prepend", "without", "has", "slice", "chunk", "concat"])
        a = r.choice(LISTS + LISTS + [any_(r)])
        if f in ("append", "prepend"):
            e = "%s %s %s" % (M(f), a, any_(r))
        elif f == "without":
            e = "%s %s %s" % (M(f), a, " ".join(any_(r) for _ in range(r.randint(0, 2))))
        elif f == "has":
            e = "%s %s %s" % (M(f), any_(r), a)
        elif f == "slice":
            e = "%s %s %s" % (M(f), a, " ".join(r.choice(["0", "1", "2", "3", "-1", "5", '"1"', "nil"]) for _ in range(r.randint(0, 3))))
        elif f == "chunk":
            e = "%s %s %s" % (M(f), r.choice(["0", "1", "2", "3", "-1", '"2"']), a)
        else:
            e = "concat " + " ".join(r.choice(LISTS + [any_(r)]) for _ in range(r.randint(0, 3)))
    elif k < 0.85:
        f = r.choice(["get", "set", "unset", "hasKey", "pluck", "pick", "omit", "keys", "dig", "merge", "mergeOverwrite",
                      "deepCopy", "dict", "values"])
        d = r.choice(DICTS + DICTS + [any_(r)])
        if f == "get":
            e = "get %s %s" % (d, r.choice(KEYS))
        elif f == "set":
            e = "set %s %s %s" % (d, r.choice(KEYS), any_(r))
        elif f in ("unset", "hasKey"):
            e = "%s %s %s" % (f, d, r.choice(KEYS))
        elif f == "pluck":
            e = "pluck %s %s" % (r.choice(KEYS), " ".join(r.choice(DICTS + [any_(r)]) for _ in range(r.randint(0, 3))))
        elif f in ("pick", "omit"):
            e = "%s %s %s" % (f, d, " ".join(r.choice(KEYS) for _ in range(r.randint(0, 3))))
        elif f in ("keys", "values"):
            e = "sortAlpha (%s %s)" % (f, " ".join(r.choice(DICTS + [any_(r)]) for _ in range(r.randint(0, 2))))
        elif f == "dig":
            e = "dig %s %s" % (" ".join(r.choice(KEYS) for _ in range(r.randint(0, 3))), d)
        elif f in ("merge", "mergeOverwrite"):
            e = "%s %s" % (M(f), " ".join(r.choice(DICTS + [any_(r)]) for _ in range(r.randint(0, 3))))
            e = "%s | toJson" % e
        elif f == "deepCopy":
            e = "%s %s" % (M(f), any_(r))
        else:
            e = "dict " + " ".join(any_(r) for _ in range(r.randint(0, 5)))
    else:
        e = "list " + " ".join(any_(r) for _ in range(r.randint(0, 4)))
    wrap = r.choice(["%s", "%s", "toJson (%s)", "printf \"%%v\" (%s)", "toYaml (%s)", "len (%s)",
                     "typeOf (%s)", "printf \"%%#v\" (%s)", "toYamlPretty (%s)"])
    return "{{ %s }}" % (wrap % e)


VALUES = """f: 2.5
n: null
s: str
l: [1, two, 3.5, null]
ls: [b, a, B, "10", "9"]
m: {a: 1, b: {c: [1, 2]}, z: null}
d: {x: {y: {z: deep}}}
empty: []
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a10", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per, values=VALUES)


if __name__ == "__main__":
    main()
