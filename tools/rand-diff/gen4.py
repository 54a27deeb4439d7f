#!/usr/bin/env python3
"""Area 4: printf verbs/flags/widths over many types."""
import os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

VERBS = list("vdsqxXoObcUeEfFgGtT") + ["%", "w", "z"]
FLAGS = ["", "", "", "+", "-", "#", " ", "0", "-0", "+0", "# ", "#0", "+ ", "-#"]
ARGS = ['0', '1', '-1', '42', '255', '9223372036854775807', '-9223372036854775808', '3.14159', '1e21', '1e-7', '0.0', '-0.0',
        '1.5', '100000000.0', '(float64 "NaN")', '(float64 "+Inf")', '(float64 "-Inf")', '"abc"', '""', '"héllo"',
        '"a\\tb\\n"', '"\\x00\\x7f"', '"😀"', '"\\xff"', 'true', 'false', 'nil', '(list 1 "a" 2.5)', '(list)', '(dict "a" 1 "b" "x")',
        '(dict)', '(dict "z" (list 1 2) "a" (dict "k" nil))', '(int64 7)', '(int 65)', '(float64 3)', '(list nil true)',
        '(toString 1.0)', '(fromYaml "a: 1\\nb: [x, 1.5]")', '(fromJson "{\\"n\\": 1e3}")',
        '(b64enc "x")', '(atoi "12")', '(mul 1000000 1000000)', '(div 1 3)', '(divf 1 3)',
        '.Values.i', '.Values.f', '.Values.s', '.Values.m', '.Values.l', '.Values.n', '.Values.b', '.Values.big',
        '.Values.missing', '(list (list 1) (dict "a" (list)))', '(dict "a" 1.0 "b" 1e21)', '(index .Values.l 0)',
        '(int 0x41)', '1114111', '(float64 65)', '"%d"', '"%!"', '(printf "%s" "x")', '65', '128512', '-5', '(int64 -1)']


def spec(r):
    f = r.choice(FLAGS)
    w = r.choice(["", "", "", "5", "08", "1", "12", "*", "0", "3"])
    p = r.choice(["", "", "", ".2", ".0", ".", ".10", ".*", ".3"])
    idx = r.choice([""] * 8 + ["[1]", "[2]", "[3]", "[0]", "[9]"])
    return "%" + f + w + p + idx + r.choice(VERBS)


def case(r):
    if r.random() < 0.15:
        f = r.choice(["print", "println", "cat", "list", "toString (list", "join \",\" (list"])
        a = " ".join(r.choice(ARGS) for _ in range(r.randint(0, 4)))
        return "{{ %s %s%s }}" % (f, a, ")" if "(" in f else "")
    nverbs = r.randint(1, 3)
    fmt = " ".join(spec(r) for _ in range(nverbs))
    if r.random() < 0.2:
        fmt = r.choice(["x", "%", "%%", "%!", "a%", "%-", "%[", "%[1", "%[x]d", "%.[2]d", "%1.2.3d"]) + fmt
    nargs = nverbs + r.choice([0, 0, 0, 0, 1, -1, 2]) + fmt.count("*")
    nargs = max(0, nargs)
    args = " ".join(r.choice(ARGS) for _ in range(nargs))
    fn = r.choice(["printf", "printf", "printf", "printf"])
    return "{{ %s %s %s }}" % (fn, goq(fmt), args)


VALUES = """i: 7
f: 2.5
s: str
m: {b: 1, a: [x]}
l: [1, two, 3.5]
n: null
b: true
big: 12345678901234567890
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a4", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per,
                        values=VALUES)


if __name__ == "__main__":
    main()
