#!/usr/bin/env python3
"""CI gate around the corpus's conformance.py (helm template output, byte for byte).

Runs ../shared/tools/conformance.py with the given arguments and fails unless every failing
case belongs to a chart the corpus ships incomplete (a declared dependency is not vendored:
the real helm cannot render it there either) *and* helmcore failed on it with helm's
missing-dependencies error. Prints the tool's own report, then a verdict line.

usage: tools/conformance-gate.py --bin target/release/helmcore [--compat v3]
"""
import os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus as corpus_mod  # noqa: E402

MISSING = "found in Chart.yaml, but missing in charts/ directory"


def main():
    corpus = corpus_mod.find_corpus()
    if corpus is None:
        print("corpus not found beside the repository; conformance not checked")
        return 0
    tool = os.path.join(os.path.dirname(corpus), "tools", "conformance.py")
    r = subprocess.run([sys.executable, tool, "--corpus", corpus] + sys.argv[1:], capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    incomplete = corpus_mod.incomplete_charts(corpus)
    blocked, real = [], []
    for line in r.stdout.splitlines():
        m = re.match(r"FAIL ([^/]+)/(\S+): (.*)", line)
        if not m:
            continue
        (blocked if m.group(1) in incomplete and MISSING in m.group(3) else real).append(line)
    summary = re.search(r"(\d+) passed, (\d+) failed", r.stdout)
    if summary is None:
        print("conformance.py did not report a result")
        return 1
    print(f"gate: {len(real)} real failures; {len(blocked)} cases blocked by charts the corpus ships "
          f"without their dependencies ({', '.join(sorted(incomplete)) or 'none'})")
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
