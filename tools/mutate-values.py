#!/usr/bin/env python3
"""Copies chart folders and adds values files to each copy's ci/ folder that give ONE value
of its values.yaml (or of a folder subchart's, under the subchart's name) a value of the
wrong type, so that `tools/diff-charts.py --ci --ci-only` compares helm's and helmcore's
errors (and renderings) on values nobody wrote the templates for:

    ci/zz-mut-1.yaml ... ci/zz-mut-N.yaml   one changed path each

The mutation kinds are tried in turn (each chart starts at a different kind, so every kind
is used across a chart set): number -> "abc", number -> "8080", string -> integer,
string -> {a: 1}, string -> [x], bool -> "yes", map -> string, map -> list, list -> map,
list -> string, scalar -> null, number -> 1.5e+20, number -> negative integer. Paths are
picked at random, favouring leaves at depth >= 2, with a seed made of the chart's folder
name, so a run is reproducible. The copies' own ci/*.yaml files are removed (earlier runs
compared them), so that `--ci-only` runs the mutations alone.

usage: mutate-values.py [-n N] SRC_CHARTS_DIR... DEST_DIR   (needs PyYAML)"""
import argparse, os, random, shutil, yaml

KINDS = [
    ("num", "abc"),
    ("num", "8080"),
    ("str", 12345),
    ("str", {"a": 1}),
    ("str", ["x"]),
    ("bool", "yes"),
    ("map", "abc"),
    ("map", ["x"]),
    ("list", {"a": 1}),
    ("list", "abc"),
    ("scalar", None),
    ("num", 1.5e20),
    ("num", -7),
]


def kind_of(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "num"
    if isinstance(x, str):
        return "str"
    if isinstance(x, dict):
        return "map"
    if isinstance(x, list):
        return "list"
    return None


def paths(v, prefix=()):
    """(path, kind) for every value under map v, maps included."""
    out = []
    for k, x in v.items():
        if not isinstance(k, str):
            continue
        p = prefix + (k,)
        kd = kind_of(x)
        if kd:
            out.append((p, kd))
        if isinstance(x, dict):
            out += paths(x, p)
    return out


def matches(want, kd):
    return kd == want or (want == "scalar" and kd in ("num", "str", "bool"))


def pick(rng, cands):
    deep = [c for c in cands if len(c[0]) >= 2]
    if deep and rng.random() < 0.8:
        return rng.choice(deep)
    return rng.choice(cands)


def nest(path, value):
    for k in reversed(path):
        value = {k: value}
    return value


def load(p):
    try:
        v = yaml.safe_load(open(p))
        return v if isinstance(v, dict) else {}
    except Exception:
        return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=4, help="files per chart")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    srcs, dest = a.dirs[:-1], a.dirs[-1]
    os.makedirs(dest, exist_ok=True)
    for src in srcs:
        for name in sorted(os.listdir(src)):
            s = os.path.join(src, name)
            if not os.path.exists(os.path.join(s, "Chart.yaml")):
                continue
            d = os.path.join(dest, name)
            if os.path.exists(d):
                shutil.rmtree(d)
            shutil.copytree(s, d, symlinks=True)
            ci = os.path.join(d, "ci")
            if os.path.isdir(ci):
                for f in os.listdir(ci):
                    if f.endswith((".yaml", ".yml")):
                        os.remove(os.path.join(ci, f))
            cands = paths(load(os.path.join(s, "values.yaml")))
            cd = os.path.join(s, "charts")
            if os.path.isdir(cd):
                for sc in sorted(os.listdir(cd)):
                    sv = os.path.join(cd, sc, "values.yaml")
                    if os.path.exists(sv):
                        cands += paths(load(sv), (sc,))
            if not cands:
                continue
            rng = random.Random(name)
            start = rng.randrange(len(KINDS))
            os.makedirs(ci, exist_ok=True)
            written, used = 0, set()
            for i in range(len(KINDS)):
                if written == a.n:
                    break
                want, new = KINDS[(start + i) % len(KINDS)]
                ok = [c for c in cands if matches(want, c[1]) and c[0] not in used]
                if not ok:
                    continue
                path, _ = pick(rng, ok)
                used.add(path)
                written += 1
                with open(os.path.join(ci, f"zz-mut-{written}.yaml"), "w") as f:
                    yaml.safe_dump(nest(path, new), f)


if __name__ == "__main__":
    main()
