#!/usr/bin/env python3
"""Area 9 (round 8): math and conversion functions over mixed argument types."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

ARGS = ['0', '1', '-1', '2', '3', '7', '-7', '10', '255', '9223372036854775807', '-9223372036854775808', '9223372036854775808',
        '1.5', '-1.5', '2.5', '-2.5', '0.0', '-0.0', '0.1', '1e300', '1e21', '3.0', '0.49999999999999994', '1e-320',
        '"3"', '"-3"', '"2.5"', '"abc"', '""', '" 4"', '"1e3"', '"0x10"', '"1_0"', '"+5"', '"9223372036854775808"', '"-0"',
        '"NaN"', '"Inf"', 'true', 'false', 'nil', '(list 1 2)', '(dict)', '(list)',
        '(float64 "NaN")', '(float64 "+Inf")', '(float64 "-Inf")', '(int64 5)', '(int 5)', '(int64 -9223372036854775808)',
        '.Values.i', '.Values.f', '.Values.nf', '.Values.big', '.Values.huge', '.Values.s', '.Values.b', '.Values.n',
        '.Values.z', '.Values.nz', '.Values.l', '.Values.missing', '.Values.fs', '.Values.e', '(atoi "12")',
        '(toDecimal "0777")', '(div 7 2)', '(mul 3000000000 4000000000)']

FN2 = ["add", "sub", "mul", "div", "mod", "max", "min", "addf", "subf", "mulf", "divf", "maxf", "minf"]
FN1 = ["add1", "add1f", "floor", "ceil", "int", "int64", "float64", "atoi", "toString", "toDecimal", "toStrings",
       "until", "seq", "len", "biggest"]


def arg(r):
    return r.choice(ARGS)


def case(r):
    k = r.random()
    wrap = r.choice(["%s", "%s", "%s", "%s", "printf \"%%v\" (%s)", "toJson (%s)", "toYaml (%s)"])
    if k < 0.4:
        f = r.choice(FN2)
        n = 2 if f in ("sub", "div", "mod", "subf", "divf") and r.random() < 0.8 else r.randint(0, 4)
        e = " ".join([f] + [arg(r) for _ in range(n)])
    elif k < 0.7:
        f = r.choice(FN1)
        e = "%s %s" % (f, arg(r)) if r.random() < 0.95 else f
    elif k < 0.8:
        e = "round %s %s" % (arg(r), r.choice(["0", "1", "2", "-1", "3", "1.5", "\"2\"", ""])) + (" %s" % r.choice(["0.5", "0.4", "0.6", "1"]) if r.random() < 0.3 else "")
    elif k < 0.9:
        e = "untilStep %s %s %s" % (arg(r), arg(r), arg(r)) if r.random() < 0.3 else \
            "untilStep %s %s %s" % tuple(r.choice(["0", "1", "-1", "5", "10", "-5", "3", "2", "-2", "0"]) for _ in range(3))
    else:
        n = r.choice([1, 2, 3, 3, 4])
        e = "seq " + " ".join(r.choice(["0", "1", "-1", "5", "10", "-5", "3", "2", "-2", "0", "1.5", "\"3\"", ".Values.f"]) for _ in range(n))
    return "{{ %s }}" % (wrap % e)


VALUES = """i: 7
f: 2.5
nf: -3.5
big: 12345678901234567890
huge: 1e400
s: "12"
fs: "2.75"
b: true
n: null
z: 0
nz: -0.0
e: 1.0e+2
l: [1, 2]
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a9", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per, values=VALUES)


if __name__ == "__main__":
    main()
