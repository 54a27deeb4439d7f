#!/usr/bin/env python3
"""Area 7 (round 8): `.Files` over a random file tree per batch (with `.helmignore`
rules): Glob patterns, Get, GetBytes, Lines, AsConfig, AsSecrets."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

NAMES = ["a.txt", "b.yaml", "c", ".hidden", "a.b.c", "x.conf", "data.json", "read me.md", "é.txt", "[x].txt", "a*b",
         "z.TXT", "-d", "1.txt", "a.txt.bak", "{a,b}"]
DIRS = ["", "", "", "conf/", "conf/sub/", "files/", "files/.dot/", "a.d/", "deep/er/est/", ".git/"]
CONTENTS = ["", "x", "line1\nline2\n", "a\r\nb\r\n", "k: v\n", "\n\n", "no newline", "é\n", "\x00\x01bin", "\xff\xfe",
            "tab\there\n", "  lead\n", "{{ not a template }}\n"]
IGNORE = ["*.bak", "conf/sub/", "*.TXT", ".git", "/x.conf", "files/*.json", "!files/keep.json", "deep/**/est", "a.d", "# c",
          "*.md", "[ab].txt", "\\#x", "-d", "**/1.txt"]
PATS = ["*", "**", "*.txt", "**.txt", "**/*.txt", "conf/*", "conf/**", "?.txt", "[ab].*", "[!a]*", "[^a]*", "{a,b}.*",
        "*.{txt,yaml}", "files/**", "**/*", "a\\*b", "\\[x\\].txt", "[x].txt", "*/*", "deep/**", "*.json", "", "conf",
        "conf/", ".*", "**/.*", "*/**/*", "[a-c]*", "{conf,files}/*", "a.?", "**.c", "\\", "[", "{a", "*[", "é*", "*.TXT"]
FILE_NAMES = None


def tree(r):
    files = {}
    for _ in range(r.randint(3, 12)):
        c = r.choice(CONTENTS)
        files[r.choice(DIRS) + r.choice(NAMES)] = b"\xff\xfe" if c == "\xff\xfe" else c.encode()
    if r.random() < 0.6:
        files[".helmignore"] = "\n".join(r.sample(IGNORE, r.randint(1, 4))) + "\n"
    return files


def case(r, names):
    k = r.random()
    name = goq(r.choice(names + ["missing", "conf", "conf/", "./a.txt", "/a.txt", ".helmignore", "Chart.yaml", "values.yaml",
                                 "templates/t0.yaml"]))
    pat = goq(r.choice(PATS + names))
    if k < 0.3:
        return r.choice(["{{ range $k, $v := .Files.Glob %s }}{{ $k }}={{ len $v }};{{ end }}",
                         "{{ (.Files.Glob %s).AsConfig }}", "{{ (.Files.Glob %s).AsSecrets }}",
                         "{{ len (.Files.Glob %s) }}", "{{ toJson (keys (.Files.Glob %s) | sortAlpha) }}"]) % pat
    if k < 0.65:
        return r.choice(["{{ .Files.Get %s }}", "{{ .Files.GetBytes %s | toString }}", "{{ toJson (.Files.Lines %s) }}",
                         "{{ len (.Files.Lines %s) }}", "{{ printf \"%%T\" (.Files.GetBytes %s) }}",
                         "{{ .Files.Get %s | b64enc }}", "{{ range .Files.Lines %s }}[{{ . }}]{{ end }}"]) % name
    if k < 0.8:
        return r.choice(["{{ .Files.AsConfig }}", "{{ .Files.AsSecrets }}", "{{ len .Files }}",
                         "{{ toJson (keys .Files | sortAlpha) }}", "{{ range $k, $v := .Files }}{{ $k }};{{ end }}"])
    return "{{ (.Files.Glob %s).%s }}" % (pat, r.choice(["AsConfig", "AsSecrets", "Get " + name, "Lines " + name]))


def make(r, n):
    files = tree(r)
    names = sorted(files)
    return [(i, case(r, names), "") for i in range(n)], {"extra_files": files}


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a7", make, seed, nb, per)


if __name__ == "__main__":
    main()
