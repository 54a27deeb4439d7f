#!/usr/bin/env python3
"""Checks `helmcore values` against the corpus's computed values, byte for byte.

For every case with computed values in corpus.json, runs (from the corpus folder)
  BIN values charts/<id> [-f F]... [--set S]...
and compares stdout with golden/<id>/<case>.values.yaml. Prints each failure, then
`N passed, N failed` (charts the corpus ships without all their dependencies, which helm
itself cannot render there, are counted apart as `known`).

Usage: tools/values-conformance.py --bin target/debug/helmcore [--corpus ../shared/corpus]
"""
import argparse, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import corpus as corpus_mod  # noqa: E402
ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--corpus", default=None)
a = ap.parse_args()
corpus = corpus_mod.find_corpus(a.corpus)
if corpus is None:
    print("corpus not found; nothing checked")
    sys.exit(0)
binary = os.path.abspath(a.bin)
index = json.load(open(os.path.join(corpus, "corpus.json")))
# Charts whose vendored dependencies are incomplete: helm4 fails on them here too.
known_broken = corpus_mod.incomplete_charts(corpus)
passed = failed = known = 0
for chart in index["charts"]:
    for case in chart["cases"]:
        if not case.get("computed_values"):
            continue
        args = [binary, "values", chart["chart"]]
        for f in case["values"]:
            args += ["-f", f]
        for s in case["set"]:
            args += ["--set", s]
        r = subprocess.run(args, cwd=corpus, capture_output=True)
        want = open(os.path.join(corpus, "golden", chart["id"], case["name"] + ".values.yaml"), "rb").read()
        if r.returncode == 0 and r.stdout == want:
            passed += 1
            continue
        if chart["id"] in known_broken:
            known += 1
            continue
        failed += 1
        got = r.stdout.decode(errors="replace").splitlines()
        exp = want.decode(errors="replace").splitlines()
        line = next((i + 1 for i, (x, y) in enumerate(zip(got, exp)) if x != y), min(len(got), len(exp)) + 1)
        print(f"FAIL {chart['id']}/{case['name']}: exit {r.returncode}, first difference at line {line}")
        if r.stderr:
            print("  " + r.stderr.decode(errors="replace").strip().splitlines()[-1])
print(f"known-broken (missing dependencies): {known}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
