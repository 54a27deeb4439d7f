#!/usr/bin/env python3
"""Regenerates helmcore/tests/golden/lint/ from the real helm (v4), or with helm3 and
a second argument (`lint-v3`) helmcore/tests/golden/lint-v3/ for `--compat v3`.

Every chart folder under helmcore/tests/lint is linted plain and with --strict; the
extra cases in cases.json add flags and several paths. Each case records what
`helm lint ARGS...` printed, run from helmcore/tests/lint: <case>.txt (stdout, then
stderr; the absolute path of that folder written as $DIR) and <case>.exit.
A case that crashes helm (a Go panic) gets a <case>.crash file instead, which the test
skips. Run from the repository root: tools/gen-lint-golden.py [HELM [GOLDEN_NAME]]
"""
import json, os, subprocess, sys

helm = sys.argv[1] if len(sys.argv) > 1 else "/work/helm-oracle/helm4"
here = os.path.dirname(os.path.abspath(__file__))
charts = os.path.abspath(os.path.join(here, "..", "helmcore", "tests", "lint"))
goldens = os.path.join(here, "..", "helmcore", "tests", "golden")
golden = os.path.join(goldens, sys.argv[2] if len(sys.argv) > 2 else "lint")
os.makedirs(golden, exist_ok=True)
extra = json.load(open(os.path.join(goldens, "lint", "cases.json")))
cases = []
for name in sorted(os.listdir(charts)):
    if os.path.isdir(os.path.join(charts, name)):
        cases.append({"case": name, "args": [name]})
        cases.append({"case": name + ".strict", "args": [name, "--strict"]})
cases += extra
env = dict(os.environ, HOME="/nonexistent", KUBECONFIG="/nonexistent")
for c in cases:
    r = subprocess.run([helm, "lint"] + c["args"], cwd=charts, capture_output=True, text=True, env=env)
    text = (r.stdout + r.stderr).replace(charts, "$DIR")
    if r.returncode == 2 and "panic: " in r.stderr:
        open(os.path.join(golden, c["case"] + ".crash"), "w").write(text)
        print(c["case"], "crashed")
        continue
    open(os.path.join(golden, c["case"] + ".txt"), "w").write(text)
    open(os.path.join(golden, c["case"] + ".exit"), "w").write(f"{r.returncode}\n")
    print(c["case"], r.returncode)
