#!/usr/bin/env python3
"""Regenerates helmcore/tests/golden/values/ from the real helm (v4).

For each case in cases.json it records, for chart helmcore/tests/charts/<chart>:
  <case>.json         .Values as a template sees it (toJson), i.e. the computed values
  <case>.values.yaml  the COMPUTED VALUES block of `helm install --dry-run=client --debug`
  <case>.stderr       helm template's stderr (warnings), or its error
Run from the repository root: tools/gen-values-golden.py [HELM]
"""
import json, os, shutil, subprocess, sys, tempfile

helm = sys.argv[1] if len(sys.argv) > 1 else "/work/helm-oracle/helm4"
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "helmcore", "tests")
golden = os.path.join(root, "golden", "values")
cases = json.load(open(os.path.join(golden, "cases.json")))
for c in cases:
    out = os.path.join(golden, c["chart"])
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        chart = os.path.join(tmp, c["chart"])
        shutil.copytree(os.path.join(root, "charts", c["chart"]), chart)
        os.makedirs(os.path.join(chart, "templates"), exist_ok=True)
        with open(os.path.join(chart, "templates", "zz-values-probe.yaml"), "w") as f:
            f.write("probe: {{ toJson .Values | quote }}\n")
        t = subprocess.run([helm, "template", "rel", chart] + c["args"], cwd=root, capture_output=True, text=True)
        stderr = t.stderr.replace(tmp, "$TMP")
        open(os.path.join(out, c["case"] + ".stderr"), "w").write(stderr)
        if t.returncode == 0:
            for line in t.stdout.splitlines():
                if line.startswith("probe: "):
                    open(os.path.join(out, c["case"] + ".json"), "w").write(json.loads(line[len("probe: "):]) + "\n")
        i = subprocess.run([helm, "install", "rel", chart, "--dry-run=client", "--debug"] + c["args"], cwd=root, capture_output=True, text=True)
        if i.returncode == 0:
            text = i.stdout.split("COMPUTED VALUES:\n", 1)[1].split("\nHOOKS:\n", 1)[0]
            open(os.path.join(out, c["case"] + ".values.yaml"), "w").write(text)
    print(c["chart"], c["case"], "ok" if t.returncode == 0 else "error")
