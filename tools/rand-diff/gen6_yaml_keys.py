#!/usr/bin/env python3
"""Random YAML documents around simple keys and flow collections, decoded with fromYaml
by helm4 and helmcore; prints the cases whose results differ.

    gen6_yaml_keys.py SEED COUNT    (env HELM4, HC, WORK as harness.py)"""
import json, os, random, subprocess, sys

PIECES = ["a: 1", "b:", "{}", "[]", "{a: 1}", "[1, 2]", "- x", "-", "? k", ": v", "\"q\": 2",
          "'s': 3", "c: {d: 1}", "e: [1]", "plain text", "f: |", "  lit", "g: >", "&x h: 1",
          "*x", "!!str i: 1", "{a: 1}: 2", "[a]: 3", "j: k: l", "m:  {", "n: }", "o: [", "]",
          "p: 'unterminated", "\"r", "s: #c", "# comment", "---", "...", "t: v\n  w", "{a: [b, {c: d}]}",
          "u: - 1", "- {a: 1}", "- [1]", "- a: 1", "  - b", "x:\n- 1", "{a: 1,", "[1,", "a: 1 # c", "k: v: w"]

def doc(rng):
    lines = []
    for _ in range(rng.randint(1, 6)):
        ind = " " * rng.choice([0, 0, 0, 1, 2, 2, 4])
        lines.append(ind + rng.choice(PIECES))
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n"])

def main():
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    docs = [doc(rng) for _ in range(n)]
    d = os.path.join(os.environ.get("WORK", "/tmp/rand-diff"), f"yaml-keys-{seed}")
    os.makedirs(f"{d}/templates", exist_ok=True)
    open(f"{d}/Chart.yaml", "w").write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    open(f"{d}/values.yaml", "w").write(json.dumps({"docs": docs}))
    open(f"{d}/templates/a.yaml", "w").write(
        "r: |\n{{- range .Values.docs }}\n  {{ fromYaml . | toJson | b64enc }}\n{{- end }}\n")
    outs = []
    for b in [os.environ.get("HELM4", "helm4"), os.environ.get("HC", "target/release/helmcore")]:
        p = subprocess.run([b, "template", d], capture_output=True, text=True)
        outs.append(p.stdout.split("\n") if p.returncode == 0 else ["FAIL " + p.stderr])
    if outs[0][0].startswith("FAIL") or outs[1][0].startswith("FAIL"):
        print("run failed", outs[0][0][:300], outs[1][0][:300]); return
    import base64
    a = [l.strip() for l in outs[0] if l.startswith("  ")]
    b = [l.strip() for l in outs[1] if l.startswith("  ")]
    bad = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            bad += 1
            if bad <= 8:
                print(repr(docs[i]))
                print("  helm:", base64.b64decode(x).decode(errors="replace")[:200])
                print("  hc:  ", base64.b64decode(y).decode(errors="replace")[:200])
    print(f"seed {seed}: {len(a)} docs, {bad} differ" + ("" if len(a) == len(b) == n else f" (counts {len(a)} {len(b)})"))

main()
