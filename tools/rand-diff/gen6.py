#!/usr/bin/env python3
"""Area 6 (round 8): semverCompare, semver and the version methods with random
Masterminds constraints and versions."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

PRE = ["", "", "", "", "", "", "", "", "-0", "-alpha", "-alpha.1", "-beta.2", "-rc.1", "-gke.100", "-eks-1.2", "-1", "-01", "-x.7.z.92",
       "-", "-a..b", "-Alpha", "-0.3.7", "-SNAPSHOT"]
META = ["", "", "", "", "", "+build", "+001", "+b.1", "+exp.sha.5114f85", "+", "+a_b"]


def num(r):
    if r.random() < 0.8:
        return r.choice(["0", "1", "2", "3", "10", "21", "x", "*", "0", "1", "2"])
    return r.choice(["0", "1", "2", "3", "10", "21", "31", "01", "00", "999", "18446744073709551615",
                     "18446744073709551616", "9223372036854775808", "x", "X", "*", "", "a", "-1"] + ["1", "2", "0"] * 4)


def version(r):
    if r.random() < 0.08:
        return r.choice(["", "v", "1", "1.2", "v1.31.0", "1.21.0-gke.100", "v1.20.15-eks-1.2", "1.2.3.4", " 1.2.3", "1.2.3 ",
                         "latest", "1.x", "1.2.x", "01.2.3", "1.02.3", "v1", "V1.2.3", "1.2.3-", "1.2.3+", "==1.2",
                         "1..2", "1.2.3-alpha..1", "1.2.3-01", "1.2.3_4", "1e3", "0.0.0", "1.2.3-0.a", "1.2-beta"])
    parts = [r.choice(["0", "1", "2", "3", "10", "31", "0", "1"])]
    for _ in range(r.choice([0, 1, 2, 2, 2, 2, 3])):
        parts.append(r.choice(["0", "1", "2", "3", "21", "31", "00", "05", "0", "1"]))
    v = ".".join(parts) + r.choice(PRE) + r.choice(META)
    return r.choice(["", "", "", "", "", "", "v", "V", "=", "v"]) + v


def single(r):
    op = r.choice(["", "", "=", "==", "!=", ">", ">=", "<", "<=", "=<", "=>", "~", "~>", "^", "~ ", "^ ", ">= ", "!", "=~"])
    if r.random() < 0.15:
        a, b = version(r), version(r)
        return a + r.choice([" - ", " -", "-", "  -  "]) + b
    parts = [num(r)]
    for _ in range(r.choice([0, 1, 2, 2, 2, 3])):
        parts.append(num(r))
    v = ".".join(parts)
    if r.random() < 0.2:
        v += r.choice(PRE)
    if r.random() < 0.05:
        v += r.choice(META)
    if r.random() < 0.2:
        v = r.choice(["v", "V"]) + v
    return op + v


def constraint(r):
    if r.random() < 0.05:
        return r.choice(["", " ", "*", "x", "||", ",", "1.2 ||", ">=1.2,", "> =1.2", ">=1.2 <", "garbage", "1.2.3 - ", "- 1.2",
                         "1.2 1.3", ">=1.0 , <2.0", "1.2, || 1.3", ">=v1.20.0-0", ">= 1.21.0-0", "~1.2.3-0", "^0.0.1", "^0.0",
                         "^0", "~0", "1.2.3 || >=2", "\t>=1", ">=1\n", "1.2.3-beta.1 - 1.2.4", ">=*", "<*", "!=*"])
    n = r.choice([1, 1, 1, 2, 2, 3])
    groups = []
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        cs = [single(r) for _ in range(n)]
        sep = r.choice([",", ", ", " ", "  ", " , "])
        groups.append(sep.join(cs))
    return r.choice([" || ", "||", " ||", "|| "]).join(groups)


METHODS = ["Major", "Minor", "Patch", "Prerelease", "Metadata", "Original", "String", "IncMajor", "IncMinor", "IncPatch"]


def case(r):
    k = r.random()
    if k < 0.55:
        c = constraint(r)
        v = r.choice([version(r), version(r), "KV"])
        vs = ".Capabilities.KubeVersion.Version" if v == "KV" else goq(v)
        return "{{ semverCompare %s %s }}" % (goq(c), vs)
    if k < 0.8:
        v = version(r)
        m = r.choice(METHODS)
        if r.random() < 0.2:
            m = r.choice(["SetPrerelease", "SetMetadata"]) + " " + goq(r.choice(["", "rc.1", "01", "a..b", "x+y", "b.2"]))
            return "{{ $v := semver %s }}{{ ($v.%s).String }}" % (goq(v), m)
        return "{{ (semver %s).%s }}" % (goq(v), m)
    if k < 0.9:
        a, b = version(r), version(r)
        m = r.choice(["Compare", "LessThan", "GreaterThan", "Equal", "LessThanEqual", "GreaterThanEqual"])
        return "{{ (semver %s).%s (semver %s) }}" % (goq(a), m, goq(b))
    v = version(r)
    return r.choice(["{{ semver @V }}", "{{ toJson (semver @V) }}", "{{ printf \"%v|%s\" (semver @V) (semver @V) }}",
                     "{{ typeOf (semver @V) }}", "{{ toYaml (semver @V) }}", "{{ (semver @V).Compare (semver \"1.2.3\") }}"]).replace("@V", goq(v))


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a6", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per)


if __name__ == "__main__":
    main()
