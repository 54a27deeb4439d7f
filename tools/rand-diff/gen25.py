#!/usr/bin/env python3
"""Area 25: `.Files.Glob` with random gobwas patterns over random file names mixing
ASCII with 2-, 3- and 4-byte UTF-8 characters, where gobwas's matchers confuse counts
of characters with counts of bytes (and sometimes panic)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

CHARS = ["a", "b", "é", "日", "😀", ".", "x", "ab", "é.", ".txt"]
DIRS = ["", "", "", "d/", "é/", "d/é/", "日日/"]
LITS = ["a", "b", "é", "日", "😀", ".", "x", "t", ".txt", "/", "ab", "éa", "d/"]
CLASSES = ["[ab]", "[!a]", "[é]", "[!é]", "[a-z]", "[à-ÿ]", "[!a-z]", "[日é]", "[!日]", "[😀a]", "[.]"]


def name(r):
    return r.choice(DIRS) + "".join(r.choice(CHARS) for _ in range(r.randint(1, 4)))


def pattern(r, depth=0):
    out = []
    for _ in range(r.randint(1, 5)):
        k = r.random()
        if k < 0.3:
            out.append(r.choice(LITS))
        elif k < 0.45:
            out.append(r.choice(["*", "*", "**"]))
        elif k < 0.65:
            out.append("?")
        elif k < 0.85:
            out.append(r.choice(CLASSES))
        elif depth < 2:
            alts = [pattern(r, depth + 1) if r.random() < 0.7 else "" for _ in range(r.randint(1, 3))]
            out.append("{" + ",".join(alts) + "}")
    return "".join(out)


def from_name(r, f):
    """A pattern near a file name: some of its characters replaced by wildcards, classes
    or alternatives, so that matches sit on the edge of character/byte confusion."""
    out = []
    for ch in f:
        k = r.random()
        if k < 0.55:
            out.append("\\" + ch if ch in "*?[]{},\\" else ch)
        elif k < 0.7:
            out.append("?")
        elif k < 0.8:
            out.append(r.choice(["*", "**"]))
        elif k < 0.9:
            out.append(r.choice(CLASSES + ["[" + ch + "]", "[!" + ch + "]"]))
        else:
            out.append("{" + ch + "," + r.choice(LITS + [""]) + "}")
    return "".join(out)


def make(r, n):
    files = {}
    for _ in range(r.randint(6, 16)):
        f = name(r)
        if f.rsplit("/", 1)[-1] not in (".", ".."):
            files[f] = b"x"
    # a file and a folder may not share a name
    names = sorted(files)
    for a in names:
        if any(b.startswith(a + "/") for b in names):
            files.pop(a, None)
    cases = []
    for i in range(n):
        pat = goq(from_name(r, r.choice(sorted(files))) if r.random() < 0.6 else pattern(r))
        cases.append((i, "{{ range $k, $v := .Files.Glob %s }}{{ $k }};{{ end }}" % pat, ""))
    return cases, {"extra_files": files}


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a25", make, seed, nb, per)


if __name__ == "__main__":
    main()
