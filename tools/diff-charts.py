#!/usr/bin/env python3
"""Differential test on charts outside the corpus: render (or lint, or compute values of)
every chart found in clones of public chart repositories with the real helm and with
helmcore, and print where the two differ.

usage: diff-charts.py --helm HELM --bin HELMCORE --work DIR [--compat v4|v3]
                      [--mode template|values|lint|lint-strict|show] [--ci [--ci-only]]
                      [--only SUBSTR]
                      [--flags 'FLAG...'] [--deps DIR]... REPO_CHARTS_DIR...

Each REPO_CHARTS_DIR holds chart folders (e.g. bitnami/charts' `bitnami/`,
prometheus-community/helm-charts' `charts/`). Every chart is copied to WORK/charts/<repo>-<name>
with its dependencies vendored into `charts/`: a `file://` path, else a chart of the same
name from any of the given folders (versions are not checked; neither helm nor helmcore
checks them when rendering). Charts whose dependencies cannot be found are skipped.
`--deps DIR` (repeatable) adds a folder of charts that only serves as a dependency source:
its charts are not tested, and a chart of the tested folders wins over one of the same name.

`--flags` adds flags to both commands (e.g. `--include-crds --is-upgrade -a
monitoring.coreos.com/v1`; `--kube-version` replaces the default 1.31.0).

A case is a chart with its default values, plus (with --ci) one case per `ci/*.yaml`
file, as chart authors test them. helm's output is cached in WORK/golden-<mode>-<compat>;
lines that differ between two helm runs (random passwords, certificates, timestamps) are
not compared, except for their shape where helm's runs agree on it (see `shape`). Needs PyYAML.
"""
import argparse, concurrent.futures, json, os, re, shutil, subprocess

import yaml


def chart_deps(d):
    deps = []
    for f, key in (("Chart.yaml", "dependencies"), ("requirements.yaml", "dependencies")):
        try:
            doc = yaml.safe_load(open(os.path.join(d, f))) or {}
        except (OSError, yaml.YAMLError):
            continue
        deps += doc.get(key) or []
    return deps


def vendor(d, index, depth=0):
    """Copies `d`'s missing dependencies into d/charts; returns the names not found."""
    missing = []
    cd = os.path.join(d, "charts")
    for dep in chart_deps(d):
        name, repo = dep.get("name"), dep.get("repository") or ""
        present = os.listdir(cd) if os.path.isdir(cd) else []
        if not name or name in present or any(
            f.startswith(name + "-") and f.endswith(".tgz") for f in present
        ):
            continue
        src = None
        if repo.startswith("file://"):
            p = os.path.normpath(os.path.join(d, repo[len("file://"):]))
            if os.path.exists(os.path.join(p, "Chart.yaml")):
                src = p
        src = src or index.get(name)
        if src is None or depth > 5:
            missing.append(name)
            continue
        shutil.copytree(src, os.path.join(cd, name))
        missing += vendor(os.path.join(cd, name), index, depth + 1)
    return missing


def prepare(repos, out, deps=()):
    index, charts = {}, []
    for r in repos:
        tag = os.path.basename(os.path.dirname(os.path.abspath(r))) or "repo"
        for n in sorted(os.listdir(r)):
            if os.path.exists(os.path.join(r, n, "Chart.yaml")):
                index.setdefault(n, os.path.join(r, n))
                charts.append((f"{tag}-{n}", os.path.join(r, n)))
    for r in deps:
        for n in sorted(os.listdir(r)):
            if os.path.exists(os.path.join(r, n, "Chart.yaml")):
                index.setdefault(n, os.path.join(r, n))
    os.makedirs(out, exist_ok=True)
    ready = []
    for cid, src in charts:
        dst = os.path.join(out, cid)
        if os.path.exists(dst):
            shutil.rmtree(dst)
        shutil.copytree(src, dst)
        missing = vendor(dst, index)
        if missing:
            print(f"skipped {cid}: dependencies not found: {', '.join(missing)}")
            shutil.rmtree(dst)
        else:
            ready.append(cid)
    return ready


def shape(line):
    """A line with each run of letters, digits and base64 signs as one `x`: random
    values (passwords, keys, timestamps) keep their shape from run to run."""
    return SHAPE.sub("x", line)


SHAPE = re.compile(r"[A-Za-z0-9+/=]+")


def common_shapes(one, two, volatile):
    """Shapes of the volatile lines whose shape two helm runs agree on, by line index:
    helmcore's line must have that shape (`m=+0.0485` missing from a time fails it)."""
    return {
        str(i): shape(one[i]) for i in volatile
        if i < len(one) and i < len(two) and shape(one[i]) == shape(two[i])
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--helm", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--compat", default="v4", choices=["v4", "v3"])
    ap.add_argument("--mode", default="template", choices=["template", "values", "lint", "lint-strict", "show"])
    ap.add_argument("--ci", action="store_true", help="also one case per ci/*.yaml file")
    ap.add_argument("--ci-only", action="store_true", help="with --ci: the ci/*.yaml cases alone")
    ap.add_argument("--only")
    ap.add_argument("--flags", default="", help="more flags for both commands")
    ap.add_argument("--deps", action="append", default=[], help="dependency source only, not tested")
    ap.add_argument("repos", nargs="+")
    a = ap.parse_args()
    helm, ours = os.path.abspath(a.helm), os.path.abspath(a.bin)
    root = os.path.join(a.work, "charts")
    charts = prepare(a.repos, root, a.deps)
    extra = a.flags.split()
    suffix = "".join(c if c.isalnum() else "_" for c in a.flags)
    cache = os.path.join(a.work, f"golden-{a.mode}-{a.compat}" + (f"-{suffix}" if extra else ""))
    os.makedirs(cache, exist_ok=True)

    def command(binary, case, is_ours):
        chart, _, values = case.partition("@")
        if a.mode == "template":
            cmd = [binary, "template", "rel", chart, "--namespace", "demo"]
            if "--kube-version" not in extra:
                cmd += ["--kube-version", "1.31.0"]
        elif a.mode.startswith("lint"):
            cmd = [binary, "lint", chart] + (["--strict"] if a.mode == "lint-strict" else [])
        elif a.mode == "show":
            cmd = [binary, "show", "all", chart]
            if is_ours and a.compat == "v3":
                cmd += ["--compat", "v3"]
            return cmd
        elif is_ours:
            cmd = [binary, "values", chart]
        else:
            cmd = [binary, "install", "rel", chart, "--dry-run=client", "--debug", "--namespace", "demo"]
        if is_ours and a.compat == "v3":
            cmd += ["--compat", "v3"]
        return cmd + extra + (["-f", os.path.join(chart, "ci", values)] if values else [])

    def run(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=root)
            return r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired:
            return None, "", "timed out"

    def golden(case):
        path = os.path.join(cache, case.replace("/", "_") + ".json")
        if os.path.exists(path):
            return json.load(open(path))
        rc, out, err = run(command(helm, case, False))
        g = {"rc": rc, "out": out, "err": err, "volatile": [], "shapes": {}}
        if a.mode == "template" and rc == 0:
            again = run(command(helm, case, False))[1].split("\n")
            g["volatile"] = [i for i, (x, y) in enumerate(zip(out.split("\n"), again)) if x != y]
            g["shapes"] = common_shapes(out.split("\n"), again, g["volatile"])
        json.dump(g, open(path, "w"))
        return g

    def first_diff(got, want, volatile, shapes=None):
        g, w, vol = got.split("\n"), want.split("\n"), set(volatile)
        for i in range(max(len(g), len(w))):
            if i in vol and i < len(g) and i < len(w):
                want_shape = (shapes or {}).get(str(i))
                if want_shape is not None and shape(g[i]) != want_shape:
                    return f"line {i + 1} (random in helm, but not its shape):\n    got  {g[i][:200]!r}\n    want {w[i][:200]!r}"
                continue
            x = g[i] if i < len(g) else "<end>"
            y = w[i] if i < len(w) else "<end>"
            if x != y:
                return f"line {i + 1}:\n    got  {x[:200]!r}\n    want {y[:200]!r}"
        return None

    def check(case):
        g = golden(case)
        rc, out, err = run(command(ours, case, True))
        if a.mode == "values":
            if g["rc"] != 0:
                return None  # helm's install failed in rendering; `values` stops before
            want = g["out"].split("COMPUTED VALUES:\n", 1)[-1].split("\nHOOKS:\n", 1)[0]
            return first_diff(out, want, []) if rc == 0 else f"we failed: {err.strip()[-300:]}"
        if a.mode.startswith("lint") or a.mode == "show":
            if (rc != 0) != (g["rc"] != 0):
                return f"exit {rc}, helm {g['rc']}"
            return first_diff(out, g["out"], [])
        if g["rc"] != 0:
            want = [l for l in g["err"].split("\n") if l.startswith("Error: ")]
            want = want[0].removeprefix("Error: ") if want else g["err"].strip()
            if rc == 0:
                return f"helm failed, we did not: {want[:300]}"
            return None if want in err else f"error differs:\n    got  {err.strip()[-300:]}\n    want {want[:300]}"
        if rc != 0:
            return f"we failed: {err.strip()[-400:]}"
        why = first_diff(out, g["out"], g["volatile"], g.get("shapes"))
        if why:
            # Two helm runs in the same second agree on a timestamp; a third, now, may
            # not: lines where it differs from the recorded run are volatile too.
            again = run(command(helm, case, False))[1].split("\n")
            old = g["out"].split("\n")
            more = [i for i, (x, y) in enumerate(zip(old, again)) if x != y]
            if more:
                g["volatile"] = sorted(set(g["volatile"]) | set(more))
                g["shapes"] = {
                    k: v for k, v in g.get("shapes", {}).items()
                    if int(k) < len(again) and shape(again[int(k)]) == v
                }
                json.dump(g, open(os.path.join(cache, case.replace("/", "_") + ".json"), "w"))
            why = first_diff(out, g["out"], g["volatile"], g.get("shapes"))
        return why

    cases = []
    for c in charts:
        if a.only and a.only not in c:
            continue
        if not a.ci_only:
            cases.append(c)
        ci = os.path.join(root, c, "ci")
        if a.ci and a.mode != "show" and os.path.isdir(ci):
            cases += [f"{c}@{f}" for f in sorted(os.listdir(ci)) if f.endswith((".yaml", ".yml"))]
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for case, why in zip(cases, pool.map(check, cases)):
            if why:
                failed += 1
                print(f"{case}: {why}", flush=True)
    print(f"{len(cases) - failed} same, {failed} differ")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
