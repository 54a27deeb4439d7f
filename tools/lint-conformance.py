#!/usr/bin/env python3
"""Checks `helmcore lint` against what helm v4 printed, byte for byte, with exit codes.

Two sets, each run plain and with --strict:
  - lint-cases: broken variants of the `helm create` scaffold; run from
    corpus/lint-cases as `BIN lint <name> [--strict]`, compared with
    <name>.lint[-strict].txt (stdout then stderr; `$CASES/` stands for the absolute
    path of the lint-cases folder) and the .exit file;
  - corpus charts: run from the corpus folder as `BIN lint charts/<id> [--strict]`,
    compared with golden/<id>/lint[-strict].txt and corpus.json's lint_exit /
    lint_strict_exit.
Prints each failure with its first differing line, then `N passed, N failed`.
Charts the corpus ships incomplete (a declared dependency is not vendored, see
tools/corpus.py; helm4 itself no longer prints their golden output there:
pc-kube-prometheus-stack lacks 4 of its 5 subcharts) are counted apart as `known` when
they differ.

Usage: tools/lint-conformance.py --bin target/debug/helmcore [--corpus ../shared/corpus]
"""
import argparse, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import corpus as corpus_mod  # noqa: E402
ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--corpus", default=None)
ap.add_argument("-v", "--verbose", action="store_true", help="print whole outputs of failures")
a = ap.parse_args()
corpus = corpus_mod.find_corpus(a.corpus)
if corpus is None:
    print("corpus not found; nothing checked")
    sys.exit(0)
corpus = os.path.abspath(corpus)
binary = os.path.abspath(a.bin)
passed = failed = known = 0
known_broken = corpus_mod.incomplete_charts(corpus)


def first_difference(got, want):
    g, w = got.split("\n"), want.split("\n")
    for i in range(max(len(g), len(w))):
        gl = g[i] if i < len(g) else "<end>"
        wl = w[i] if i < len(w) else "<end>"
        if gl != wl:
            return f"line {i + 1}:\n    want: {wl!r}\n    got:  {gl!r}"
    return "outputs equal"


def check(label, args, cwd, want, want_exit, is_known=False):
    global passed, failed, known
    r = subprocess.run([binary] + args, cwd=cwd, capture_output=True)
    got = (r.stdout + r.stderr).decode("utf-8", "replace")
    if got == want and r.returncode == want_exit:
        passed += 1
        return
    if is_known:
        known += 1
        return
    failed += 1
    if got != want:
        print(f"FAIL {label}: {first_difference(got, want)}")
    else:
        print(f"FAIL {label}: exit {r.returncode}, want {want_exit}")
    if a.verbose:
        print("---- got\n" + got + "---- want\n" + want)


cases_dir = os.path.join(corpus, "lint-cases")
names = sorted(n for n in os.listdir(cases_dir) if os.path.isdir(os.path.join(cases_dir, n)))
for name in names:
    for suffix, extra in (("lint", []), ("lint-strict", ["--strict"])):
        base = os.path.join(cases_dir, f"{name}.{suffix}")
        want = open(base + ".txt", encoding="utf-8").read().replace("$CASES/", cases_dir + "/")
        want_exit = int(open(base + ".exit").read().strip())
        check(f"lint-cases/{name} {' '.join(extra)}".strip(), ["lint", name] + extra, cases_dir, want, want_exit)

index = json.load(open(os.path.join(corpus, "corpus.json")))
for chart in index["charts"]:
    cid = chart["id"]
    for suffix, extra, key in (("lint", [], "lint_exit"), ("lint-strict", ["--strict"], "lint_strict_exit")):
        path = os.path.join(corpus, "golden", cid, suffix + ".txt")
        if not os.path.exists(path):
            continue
        want = open(path, encoding="utf-8").read()
        check(f"{cid} {' '.join(extra)}".strip(), ["lint", chart["chart"]] + extra, corpus, want,
              chart.get(key, 0), is_known=cid in known_broken)

print(f"{passed} passed, {failed} failed" + (f", {known} known (incomplete vendored dependencies)" if known else ""))
sys.exit(1 if failed else 0)
