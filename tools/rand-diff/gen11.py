#!/usr/bin/env python3
"""Area 11 (round 8): regular-expression functions with random RE2 patterns."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

ATOMS = ["a", "b", ".", "\\d", "\\w", "\\s", "[a-c]", "[^ab]", "x", "é", "\\.", "[[:alpha:]]", "\\pL", "\\b", "^", "$",
         "(a|b)", "(?P<n>\\w)", "(?i)a", "\\Q.*\\E", "[é-ü]", "\\x41", "\\n", "-", "", "(?:ab)", "(?s).", "(?m)^b"]
BAD = ["(", ")", "[", "a**", "(?P<>a)", "\\", "x{2,1}", "a{1001}", "(?<n>a)", "\\8", "[z-a]", "(?z)", "*", "\\C", "a++"]
QUANT = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "*?", "+?", "{0,}"]
INPUTS = ["", "a", "abc", "aAbBcC", "a b\tc\nd", "éa ü", "x.y.z", "ab ab ab", "123-456", "b\na\nb", "日本語", "aaa",
          "a1b2c3", "A-b_C", "$1 ${n}"]
REPL = ["", "x", "$1", "${1}", "$n", "${n}", "$0", "[$1]", "$$", "$", "${", "$1x", "${n}x", "$2", "\\1", "<$0>"]


def pattern(r):
    if r.random() < 0.07:
        return r.choice(BAD)
    return "".join(r.choice(ATOMS) + r.choice(QUANT) for _ in range(r.randint(1, 4)))


def case(r):
    p, s = goq(pattern(r)), goq(r.choice(INPUTS))
    f = r.choice(["regexMatch", "regexFind", "regexFindAll", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit",
                  "regexQuoteMeta"])
    must = r.random() < 0.3 and f != "regexQuoteMeta"
    name = ("must" + f[0].upper() + f[1:]) if must else f
    if f in ("regexMatch", "regexFind"):
        e = "%s %s %s" % (name, p, s)
    elif f in ("regexFindAll", "regexSplit"):
        e = "%s %s %s %s" % (name, p, s, r.choice(["-1", "0", "1", "2", "5", "-2"]))
    elif f.startswith("regexReplace"):
        e = "%s %s %s %s" % (name, p, s, goq(r.choice(REPL)))
    else:
        e = "regexQuoteMeta %s" % goq(r.choice(INPUTS + ["a.b*c", "[x]{1}", "\\", "é+"]))
    wrap = r.choice(["%s", "%s", "toJson (%s)", "printf \"%%q\" (%s)"])
    return "{{ %s }}" % (wrap % e)


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a11", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per)


if __name__ == "__main__":
    main()
