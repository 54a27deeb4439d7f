#!/usr/bin/env python3
"""Regenerates the table of helmcore/src/lint/deprecations.rs: the deprecated Kubernetes
APIs each helm's lint knows (helm v4.1.4: k8s.io/api v0.35; helm v3.17.1: v0.32), asked
of the helm binaries themselves.

usage: gen-deprecations.py HELM4 HELM3   (rewrites the file in place)

A probe chart holds one object for every kind of every group version the current table
names, in every common version of each group, plus kinds older releases had;
`helm lint --kube-version 1.999.0` then reports every deprecated one with its
deprecation release, removal release and replacement. Rows both helms report alike are
`l(...)`, rows only one reports `l(...).only(Helm4)` / `.only(Helm3)`.
"""
import os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "../helmcore/src/lint/deprecations.rs")
EXTRA_KINDS = """PodSchedulingContext ResourceClaimParameters ResourceClassParameters ResourceClass
PodSecurityPolicy StorageVersionMigration ClusterTrustBundle IPAddress ServiceCIDR
VolumeAttributesClass LeaseCandidate DeviceTaintRule StorageVersion SelfSubjectReview
PodCertificateRequest""".split()
EXTRA_GROUPS = ["internal.apiserver.k8s.io"]
VERSIONS = "v1 v2 v1alpha1 v1alpha2 v1alpha3 v1beta1 v1beta2 v1beta3 v2beta1 v2beta2".split()
LINE = re.compile(r"^\[WARNING\] templates/all\.yaml: (\S+) (\S+) is deprecated in v(\d+)\.(\d+)\+"
                  r"(?:, unavailable in v(\d+)\.(\d+)\+)?(?:; use (\S+) (\S+))?$")
ROW = re.compile(r'^    l\("([^"]*)", "([^"]*)", "([^"]*)"', re.M)
START = "    use KnownTo::{Helm3, Helm4};\n    &[\n"


def split_gv(gv):
    return ("", gv) if "/" not in gv else tuple(gv.split("/", 1))


def probe(helm, groups, versions, kinds):
    """{(group, version, kind): the row's arguments after the kind} as `helm` reports."""
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "c/templates"))
        open(os.path.join(d, "c/Chart.yaml"), "w").write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
        with open(os.path.join(d, "c/templates/all.yaml"), "w") as f:
            for g in groups:
                for v in versions:
                    gv = v if g == "" else f"{g}/{v}"
                    for k in kinds:
                        f.write(f"---\napiVersion: {gv}\nkind: {k}\nmetadata:\n  name: x\n")
        out = subprocess.run([helm, "lint", "c", "--kube-version", "1.999.0"], cwd=d,
                             capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        gv, kind, dmaj, dmin, rmaj, rmin, rgv, rkind = m.groups()
        removed = f"Some(({rmaj}, {rmin}))" if rmaj else "None"
        repl = "None"
        if rgv:
            rg, rv = split_gv(rgv)
            repl = f'Some(("{rg}", "{rv}", "{rkind}"))'
        rows[(*split_gv(gv), kind)] = f"({dmaj}, {dmin}), {removed}, {repl}"
    return rows


def main():
    helm4, helm3 = sys.argv[1], sys.argv[2]
    src = open(PATH).read()
    known = ROW.findall(src)
    groups = sorted({g for g, _, _ in known} | set(EXTRA_GROUPS))
    versions = sorted({v for _, v, _ in known} | set(VERSIONS))
    kinds = sorted({k for _, _, k in known} | set(EXTRA_KINDS) | {k + "List" for k in EXTRA_KINDS})
    v4, v3 = probe(helm4, groups, versions, kinds), probe(helm3, groups, versions, kinds)
    lines = []
    for key in sorted(set(v4) | set(v3)):
        g, v, k = key
        head = f'"{g}", "{v}", "{k}"'
        if v4.get(key) == v3.get(key):
            lines.append(f"    l({head}, {v4[key]}),")
            continue
        if key in v4:
            lines.append(f"    l({head}, {v4[key]}).only(Helm4),")
        if key in v3:
            lines.append(f"    l({head}, {v3[key]}).only(Helm3),")
    start = src.index(START) + len(START)
    end = src.index("    ]\n};\n", start)
    open(PATH, "w").write(src[:start] + "\n".join(lines) + "\n" + src[end:])
    print(f"{len(v4)} rows for helm4, {len(v3)} for helm3, {len(lines)} in the table", file=sys.stderr)


if __name__ == "__main__":
    main()
