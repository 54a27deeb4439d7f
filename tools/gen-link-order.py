#!/usr/bin/env python3
"""Regenerates examples/helmcore-cli/link-order.txt: the functions a render runs, in the
order they first run, for the linker to lay out side by side. (That order differs a
little from run to run, two threads being involved, so a regeneration rewrites much of
the file; sorted by name it would be stable but cost postgresql 0.9 MB of peak RSS.)

A render touches about 1.7 MB of the command's 10 MB of code, spread over the whole
binary; the kernel maps a file's pages in 64 KiB blocks around each one touched, so the
spread costs more resident memory than the code itself. Laid out together, the code a
render runs fills few blocks (bitnami-postgresql: 16.5 MB peak RSS -> 10.7 MB).

usage: tools/gen-link-order.py [--bin target/release/helmcore] [CHART]...
       tools/gen-link-order.py --check [--bin target/release/helmcore]
Runs `template` under valgrind's callgrind for each chart (default: the chart shipped in
examples/, plus a few corpus charts when ../shared/corpus is present), keeps the names
the binary defines. Names carry hashes of the toolchain and of helmcore's dependency set:
regenerate after a Rust upgrade or a dependency change (stale names are ignored by the
linker, costing only the layout: adding one dependency to helmcore renamed every helmcore
function, and postgresql's peak RSS went from 8.2 to 11.3 MB). `--check` says how much of
the file the binary still matches.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "helmcore-cli", "link-order.txt")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "charts")
CORPUS_CHARTS = ["bitnami-postgresql", "airbyte", "ingress-nginx", "trino"]


def executed(binary, chart, args):
    """Function names in first-run order (callgrind lists each at its first call)."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--demangle=no", "--dump-instr=no",
             f"--callgrind-out-file={out.name}", binary, *args, chart],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        names = []
        with open(out.name, errors="replace") as f:
            for line in f:
                m = re.match(r"^c?fn=\(\d+\) (\S+)", line)
                if m:
                    names.append(m.group(1))
        return names


def defined_functions(binary):
    nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True,
                        check=True).stdout
    return {p[2] for p in (l.split() for l in nm.splitlines())
            if len(p) == 3 and p[1] in "tTwW"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "helmcore"))
    ap.add_argument("--check", action="store_true",
                    help="report how many of the file's names the binary defines")
    ap.add_argument("charts", nargs="*")
    a = ap.parse_args()
    if a.check:
        known = defined_functions(a.bin)
        with open(OUT) as f:
            names = [l.strip() for l in f if l.strip()]
        hit = sum(n in known for n in names)
        print(f"{hit} of {len(names)} names in {os.path.relpath(OUT, ROOT)} are defined by "
              f"{a.bin}{'' if hit * 10 >= len(names) * 9 else ': stale, regenerate it'}")
        return 0 if hit * 10 >= len(names) * 9 else 1
    charts = a.charts or [os.path.join(ROOT, "examples", "charts", "demo")] + [
        os.path.join(CORPUS, c) for c in CORPUS_CHARTS if os.path.isdir(os.path.join(CORPUS, c))]
    known = defined_functions(a.bin)
    order, seen = [], set()
    for chart in charts:
        for args in (["template", "rel", "--namespace", "demo"], ["lint"]):
            for name in executed(a.bin, chart, args):
                if name in known and name not in seen:
                    seen.add(name)
                    order.append(name)
    with open(OUT, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"{len(order)} functions from {len(charts)} charts -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
