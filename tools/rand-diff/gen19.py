#!/usr/bin/env python3
"""Area 19: random chart archives -- tar formats (ustar, GNU, PAX), entry types
(directories, links, devices, FIFOs), odd paths (`./`, `..`, absolute, backslashes,
doubled slashes, several top folders, a top folder not named as the chart), duplicate
entries, nested subchart archives, empty and truncated streams, gzip trailers and extra
members, `.helmignore` inside the archive; `template` and `show chart` of the archive,
helm against helmcore (standard output, standard error, exit code).

    gen19.py SEED COUNT    (env HELM4, HELM3, HC, WORK, COMPAT=v3 as harness.py)"""
import gzip, io, os, re, sys, tarfile, zlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

CHART = b"apiVersion: v2\nname: c\nversion: 0.1.0\n"
SUB = b"apiVersion: v2\nname: sub\nversion: 0.2.0\n"
TPL = b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}-{{ .Values.x | default \"d\" }}\n"


def entries(r, top):
    es = [(top + "/Chart.yaml", CHART), (top + "/values.yaml", b"x: 1\n"), (top + "/templates/cm.yaml", TPL)]
    if r.random() < 0.3:
        es.append((top + "/templates/NOTES.txt", b"notes {{ .Release.Name }}\n"))
    if r.random() < 0.3:
        es.append((top + "/.helmignore", r.choice([b"*.txt\n", b"templates/cm.yaml\n", b"# c\n", b"ci/\n"])))
    if r.random() < 0.3:
        es.append((top + "/charts/sub/Chart.yaml", SUB))
        es.append((top + "/charts/sub/templates/s.yaml", TPL))
    if r.random() < 0.2:
        es.append((top + "/charts/sub.tgz", nested(r)))
    if r.random() < 0.2:
        es.append((top + "/files/a.txt", b"a\n"))
    return es


def nested(r):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for name, data in [(r.choice(["sub2", "other"]) + "/Chart.yaml",
                            b"apiVersion: v2\nname: sub2\nversion: 0.3.0\n"),
                           ("sub2/templates/s.yaml", TPL)][: r.choice([1, 2, 2])]:
            add(t, name, data)
    return buf.getvalue() if r.random() < 0.9 else buf.getvalue()[: r.randint(0, 40)]


def add(t, name, data, kind=tarfile.REGTYPE, mode=0o644, linkname=""):
    ti = tarfile.TarInfo(name)
    ti.type = kind
    ti.mode = mode
    ti.linkname = linkname
    ti.size = len(data) if kind in (tarfile.REGTYPE, tarfile.AREGTYPE) else 0
    t.addfile(ti, io.BytesIO(data) if ti.size else None)


def mangle(r, name):
    k = r.random()
    if k < 0.04:
        return "./" + name
    if k < 0.06:
        return "/" + name
    if k < 0.08:
        return name.replace("/", "//", 1)
    if k < 0.09:
        return name.replace("/", "\\", 1)
    if k < 0.10:
        return name.replace("/templates/", "/templates/../templates/")
    if k < 0.11:
        return "../" + name
    return name


def archive(r):
    top = r.choice(["c", "c", "c", "c", "other", "c-0.1.0", "."])
    es = entries(r, top)
    if r.random() < 0.1:
        es.append((r.choice(["x", "y"]) + "/Chart.yaml", SUB))
    if r.random() < 0.1:
        es.append((top + "/Chart.yaml", CHART.replace(b"0.1.0", b"0.9.0")))
    if r.random() < 0.2:
        r.shuffle(es)
    fmt = r.choice([tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=fmt) as t:
        if r.random() < 0.3:
            add(t, top + "/", b"", tarfile.DIRTYPE, 0o755)
        for name, data in es:
            add(t, mangle(r, name), data)
        if r.random() < 0.1:
            add(t, top + "/templates/link.yaml", b"", tarfile.SYMTYPE, linkname="cm.yaml")
        if r.random() < 0.05:
            add(t, top + "/templates/hard.yaml", b"", tarfile.LNKTYPE, linkname=top + "/templates/cm.yaml")
        if r.random() < 0.05:
            add(t, top + "/fifo", b"", tarfile.FIFOTYPE)
        if r.random() < 0.05 and fmt != tarfile.USTAR_FORMAT:
            add(t, top + "/templates/" + "l" * 120 + ".yaml", TPL)
        if r.random() < 0.05:
            add(t, top + "/templates/sub/deep.yaml", TPL)
    data = raw.getvalue()
    k = r.random()
    if k < 0.05:
        data = data[: r.randint(0, len(data))]
    gz = gzip.compress(data, mtime=0)
    k = r.random()
    if k < 0.04:
        gz = gz[: r.randint(0, len(gz))]
    elif k < 0.07:
        gz = gz + gzip.compress(b"extra", mtime=0)
    elif k < 0.09:
        gz = gz + b"garbage"
    elif k < 0.10:
        gz = data
    elif k < 0.11:
        gz = zlib.compress(data)
    elif k < 0.12:
        gz = gz[:-8] + b"\0" * 8
    return gz


def check(r, d, compat):
    os.makedirs(d, exist_ok=True)
    p = d + "/c-0.1.0.tgz"
    with open(p, "wb") as f:
        f.write(archive(r))
    diffs = []
    for m in (["template", "r"], ["show", "chart"]):
        h = harness.run([harness.HELM[compat]] + m + [p])
        c = harness.run([harness.HC] + m + [p] + (harness.compat_args(compat) if m[0] == "template" else []))
        if h != c:
            # Links and special entries: refused on purpose (docs/compatibility.md).
            if re.search(rb"illegally contains a (link|special file)", c[2]) or (
                    h[0] == 0 and b"unable to load chart archive" in c[2]):
                return harness.APART
            diffs.append((m, h, c))
    return diffs


if __name__ == "__main__":
    harness.run_charts("a19", check)
