#!/usr/bin/env python3
"""Copies chart folders and adds three values files to each copy's ci/ folder that flip
booleans of its values.yaml (and of its folder subcharts' under their names), so that
`tools/diff-charts.py --ci --ci-only` compares the template branches default values
leave dark:

    ci/zz-flip-on.yaml    every `enabled` key set to true
    ci/zz-flip-off.yaml   every `enabled` key set to false
    ci/zz-flip-all.yaml   every boolean inverted

usage: flip-values.py SRC_CHARTS_DIR DEST_DIR   (needs PyYAML)"""
import os, shutil, sys, yaml

def walk(v, mode, path=()):
    """The overrides for map v: {key: new} for bools (per mode), recursing into maps."""
    out = {}
    if not isinstance(v, dict):
        return out
    for k, x in v.items():
        if isinstance(x, bool):
            if mode == "on" and str(k) == "enabled":
                out[k] = True
            elif mode == "off" and str(k) == "enabled":
                out[k] = False
            elif mode == "all":
                out[k] = not x
        elif isinstance(x, dict):
            sub = walk(x, mode)
            if sub:
                out[k] = sub
    return out

def load(p):
    try:
        return yaml.safe_load(open(p)) or {}
    except Exception:
        return {}

src, dest = sys.argv[1], sys.argv[2]
os.makedirs(dest, exist_ok=True)
for name in sorted(os.listdir(src)):
    s = os.path.join(src, name)
    if not os.path.exists(os.path.join(s, "Chart.yaml")):
        continue
    d = os.path.join(dest, name)
    if not os.path.exists(d):
        shutil.copytree(s, d, symlinks=True)
    vals = load(os.path.join(s, "values.yaml"))
    subs = {}
    cd = os.path.join(s, "charts")
    if os.path.isdir(cd):
        for sc in os.listdir(cd):
            sv = os.path.join(cd, sc, "values.yaml")
            if os.path.exists(sv):
                subs[sc] = load(sv)
    os.makedirs(os.path.join(d, "ci"), exist_ok=True)
    for mode in ("on", "off", "all"):
        o = walk(vals, mode)
        for sc, sv in subs.items():
            so = walk(sv, mode)
            if so:
                o.setdefault(sc, {})
                if isinstance(o[sc], dict):
                    for k, x in so.items():
                        o[sc].setdefault(k, x)
        if o:
            with open(os.path.join(d, "ci", f"zz-flip-{mode}.yaml"), "w") as f:
                yaml.safe_dump(o, f)
