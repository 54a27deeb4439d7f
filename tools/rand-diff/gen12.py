#!/usr/bin/env python3
"""Area 12: random chart trees -- dependencies with conditions, tags, aliases and
import-values (both forms), subcharts nested two deep, `global` sections, nulls, lists
and type conflicts in every chart's values.yaml, `-f` files and `--set` strings over
them. Each case is its own chart tree; helm and helmcore render it (every chart prints
its scoped `.Values` as JSON) and standard output, standard error and exit code are
compared
(standard error as a set of lines: helm logs warnings about sibling keys in Go's random
map order). LINT=1 runs `lint` instead of `template` for half of the cases.

    gen12.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import json, os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

KEYS = ["a", "b", "x", "enabled", "list", "m"]
SCALARS = [1, 0, -1, 2.5, 1000000, "s", "", True, False, None, "yes", "1", [1, "a"], [], {}, [{"k": 1}]]
SUBS = ["sa", "sb", "sc"]


def rval(r, depth):
    if depth < 3 and r.random() < 0.35:
        return rmap(r, depth + 1)
    return r.choice(SCALARS)


def rmap(r, depth):
    return {k: rval(r, depth) for k in r.sample(KEYS, r.randint(0, 3))}


def rglobal(r):
    return {k: rval(r, 2) for k in r.sample(["g1", "g2", "gm", "a"], r.randint(0, 3))}


def values(r, chart, subs, top):
    """values.yaml for `chart`; subs are the names (or aliases) its dependencies use."""
    v = rmap(r, 0)
    if r.random() < 0.6:
        v["global"] = rglobal(r)
        if r.random() < 0.2:
            v["global"] = r.choice([None, "s", [1]])
    for s in subs:
        if r.random() < 0.7:
            sv = rmap(r, 1)
            if r.random() < 0.5:
                sv["enabled"] = r.choice([True, False, "true", None, 1])
            if r.random() < 0.3:
                sv["global"] = rglobal(r)
            v[s] = sv
        elif r.random() < 0.2:
            v[s] = r.choice([None, "s", [1], True])
    if top and r.random() < 0.5:
        v["tags"] = {t: r.choice([True, False, "true", None]) for t in r.sample(["t1", "t2", "t3"], r.randint(1, 3))}
    if not top and r.random() < 0.5:
        v["exports"] = {e: rmap(r, 1) for e in r.sample(["data", "more"], r.randint(1, 2))}
        if r.random() < 0.2:
            v["exports"]["data"] = r.choice([None, "s", [1]])
    return v


def dependency(r, name, alias, own_subs):
    d = {"name": name, "version": "0.1.0"}
    if r.random() < 0.1:
        d["version"] = r.choice([">=0.1.0", "^1.0.0", "0.1.x", "~0.1"])
    if alias:
        d["alias"] = alias
    key = alias or name
    if r.random() < 0.6:
        paths = [key + ".enabled", key + ".x", "nope.enabled", "global." + key, key + ".m.enabled", key + ".a",
                 "global.g1", key, " " + key + ".enabled", key + ".enabled "]
        d["condition"] = ",".join(r.sample(paths, r.randint(1, 3)))
    if r.random() < 0.4:
        d["tags"] = r.sample(["t1", "t2", "t3"], r.randint(1, 2))
    if r.random() < 0.4:
        imp = []
        for _ in range(r.randint(1, 2)):
            if r.random() < 0.5:
                imp.append(r.choice(["data", "more", "missing"]))
            else:
                imp.append({"child": r.choice(["exports.data", "a", "m", "m.a", "missing", "x", "exports"]),
                            "parent": r.choice(["imp", "a", "m", "sa", "global.g1", "x.y", "imp.deep"])})
        d["import-values"] = imp
    return d


def template(chart):
    return ("{{- /* values of %s */ -}}\n%s: {{ toJson .Values | quote }}\nchart: {{ .Chart.Name | quote }}\n" % (chart, chart))


def write_chart(path, name, api, deps, vals, r):
    os.makedirs(path + "/templates", exist_ok=True)
    meta = {"apiVersion": api, "name": name, "version": "0.1.0"}
    if api == "v2" and deps:
        meta["dependencies"] = deps
    with open(path + "/Chart.yaml", "w") as f:
        f.write(json.dumps(meta) + "\n")
    if api == "v1" and deps:
        with open(path + "/requirements.yaml", "w") as f:
            f.write(json.dumps({"dependencies": deps}) + "\n")
    with open(path + "/values.yaml", "w") as f:
        # JSON is YAML; the order of keys is the generator's
        f.write(json.dumps(vals, indent=r.choice([None, 1])) + "\n")
    with open(path + "/templates/v.yaml", "w") as f:
        f.write(template(name))


def make_tree(r, d):
    if os.path.exists(d):
        shutil.rmtree(d)
    n = r.randint(1, 3)
    names = r.sample(SUBS, n)
    deps, used = [], []
    for name in names:
        alias = None
        if r.random() < 0.3:
            alias = r.choice(["al", name + "2", "sb" if name != "sb" else "sa"])
            if alias in used:
                alias = None
        used.append(alias or name)
        deps.append(dependency(r, name, alias, []))
        for extra in ["-b", "-c"]:  # the same chart again, aliased
            if r.random() < 0.15:
                used.append(name + extra)
                deps.append(dependency(r, name, name + extra, []))
    api = r.choice(["v2", "v2", "v2", "v1"])
    write_chart(d, "p", api, deps, values(r, "p", used, True), r)
    for name in names:
        sd = "%s/charts/%s" % (d, name)
        inner, keys = [], []
        if r.random() < 0.35:
            # an alias below a chart listed twice is where helm3's shared entries show
            alias = r.choice([None, None, "lf"])
            inner = [dependency(r, "leaf", alias, [])]
            keys = [alias or "leaf"]
            if alias and r.random() < 0.5:
                inner.append(dependency(r, "leaf", "lf2", []))
                keys.append("lf2")
            write_chart(sd + "/charts/leaf", "leaf", "v2", [], values(r, "leaf", [], False), r)
        write_chart(sd, name, r.choice(["v2", "v2", "v1"]), inner, values(r, name, keys, False), r)
    if r.random() < 0.1 and names:  # a declared dependency that is missing
        shutil.rmtree("%s/charts/%s" % (d, names[-1]))
    return used


SET_VALUES = ["true", "false", "null", "1", "s", "{a,b}", "0", "2.5", ""]


def args(r, d, used):
    out = []
    keys = used + ["tags.t1", "tags.t2", "global.g1", "global.gm.a", "x", "a.b", "imp"]
    for _ in range(r.randint(0, 3)):
        k = r.choice(keys)
        if r.random() < 0.6 and k in used:
            k += "." + r.choice(["enabled", "x", "a", "m.a", "list[1]", "global.g1", "leaf.enabled", "leaf.x"])
        flag = r.choice(["--set", "--set", "--set-string", "--set-json"])
        v = r.choice(SET_VALUES) if flag != "--set-json" else r.choice(['{"a":1}', "null", "[1]", '"s"', "true"])
        out += [flag, "%s=%s" % (k, v)]
    if r.random() < 0.4:
        ov = rmap(r, 0)
        for s in r.sample(used, min(len(used), r.randint(0, 2))):
            ov[s] = rmap(r, 1) if r.random() < 0.8 else None
        if r.random() < 0.4:
            ov["global"] = rglobal(r)
        with open(d + "-over.yaml", "w") as f:
            f.write(json.dumps(ov) + "\n")
        out += ["-f", d + "-over.yaml"]
    return out


def check(r, d, compat):
    used = make_tree(r, d)
    a = args(r, d, used)
    if os.environ.get("LINT") and r.random() < 0.5:
        h = harness.run([harness.HELM[compat], "lint", d] + a)
        c = harness.run([harness.HC, "lint", d] + a + harness.compat_args(compat))
    else:
        h, c = harness.render(d, compat, a)
    # helm logs coalescing warnings about sibling keys in Go's random map order
    if (h[0], h[1], sorted(h[2].splitlines())) != (c[0], c[1], sorted(c[2].splitlines())):
        return [(a, h, c)]
    return []


if __name__ == "__main__":
    harness.run_charts("a12", check)
