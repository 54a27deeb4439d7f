#!/usr/bin/env python3
"""Random differential testing of `helmcore template` against the real helm (rounds 7, 8).

Each generator writes many cases into one chart (one `define` per case in
`templates/_eN.tpl`, printed base64-encoded by `templates/tN.yaml`, so any bytes compare
exactly and the manifest stays valid YAML), renders it with helm and helmcore and compares
standard output, standard error and exit code. helm stops at the first failing template:
the failing case is then compared alone and dropped from the batch, which is rendered again.

    gen1.py SEED BATCHES PER    serializers (toYaml, toYamlPretty, toJson, toToml...) of
                                adversarial data; MODE=toml|deep|pretty narrows it
    gen23.py 2 SEED BATCHES PER fromYaml/fromYamlArray/fromJson documents
    gen23.py 3 SEED BATCHES PER values files (VF=1: as `-f` over random chart values)
    gen4.py SEED BATCHES PER    printf verbs, flags, widths, argument indexes; print/cat
    gen5.py SEED BATCHES PER [safe]  text/template structure, trimming, scoping, errors
    gen6.py SEED BATCHES PER    semver, semverCompare and the version methods (round 8)
    gen7.py SEED BATCHES PER    .Files over a random file tree per batch (.helmignore too)
    gen8.py SEED BATCHES PER    date functions with random Go layouts over fixed times
    gen9.py SEED BATCHES PER    math and conversions over mixed types
    gen10.py SEED BATCHES PER   dict and list functions and their must* forms
    gen11.py SEED BATCHES PER   regular-expression functions with random RE2 patterns
    gen12.py SEED COUNT         random chart trees (dependencies, aliases, imports, globals)
    gen13.py SEED COUNT         random manifest streams (hooks, kinds, separators, flags)
    gen14.py SEED COUNT         random Chart.yaml files through template and lint
    gen15.py SEED COUNT         random values.schema.json files against random values
    gen16.py SEED BATCHES PER   string, encoding, path and URL functions over odd strings
    gen17.py SEED COUNT         lint's rules over random manifests and JSON streams
    gen18.py SEED COUNT         the --set family over random values
    gen19.py SEED COUNT         random chart archives (template, show chart)
    gen20.py SEED BATCHES PER   tpl over random template strings (defines, nesting, errors)
    gen21.py SEED COUNT         show values --jsonpath: random JSONPath templates and values
    gen22.py SEED COUNT         release names, namespaces, kube/API versions, .Capabilities
    gen24.py SEED BATCHES PER   every function and object method with random argument types
    gen26.py SEED BATCHES PER   fromToml over random TOML documents, valid and broken
    gen25.py SEED BATCHES PER   .Files.Glob: random gobwas patterns over multi-byte file names
    gen27.py SEED BATCHES PER   byte strings (invalid UTF-8) through the string, list, regexp and
                                encoding functions
    show.py WORK/diffsN.jsonl   the differences found, as diffs
    minim.py FILE [v3|v4]       shrinks a template file that renders differently

Environment: HELM4, HELM3 (helm binaries), HC (helmcore binary), WORK (scratch folder,
default /tmp/rand-diff), COMPAT=v3 (compare with helm3 and `--compat v3`). Expected
differences already documented (Go pointer addresses are skipped; `uint8`, struct
printing) show up as diffs too: check docs/engine.md first.
"""
import base64, os, re, shutil, subprocess, sys, json, random

HELM = {"v4": os.environ.get("HELM4", "helm4"), "v3": os.environ.get("HELM3", "helm3")}
HC = os.environ.get("HC", "target/release/helmcore")
WORK = os.environ.get("WORK", "/tmp/rand-diff")


ERRS = [0]


def run(cmd, cwd=None):
    p = subprocess.run(cmd, capture_output=True, cwd=cwd, timeout=120)
    return p.returncode, p.stdout, p.stderr


def make_chart(d, cases, values=None, extra_files=None, trim=True):
    """cases: list of (id, body, partial) -- body is a define body (text of the
    template), partial extra top-level text for the partial file (other defines)."""
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d + "/templates")
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    if values is not None:
        with open(d + "/values.yaml", "wb") as f:
            f.write(values if isinstance(values, bytes) else values.encode())
    for cid, body, partial in cases:
        with open(f"{d}/templates/_e{cid}.tpl", "wb") as f:
            if trim:
                f.write((partial or "").encode() + b'{{- define "e' + str(cid).encode() + b'" -}}' + body.encode() + b"{{- end -}}")
            else:
                f.write((partial or "").encode() + b'{{ define "e' + str(cid).encode() + b'" }}' + body.encode() + b"{{ end }}")
        with open(f"{d}/templates/t{cid}.yaml", "w") as f:
            f.write('v: {{ include "e%s" . | b64enc }}\n' % cid)
    for name, content in (extra_files or {}).items():
        p = os.path.join(d, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())


def render(d, compat="v4", args=()):
    h = run([HELM[compat], "template", "r", d] + list(args))
    c = run([HC, "template", "r", d] + list(args) + (["--compat", "v3"] if compat == "v3" else []))
    return h, c


def split_out(out):
    res = {}
    for m in re.finditer(rb"# Source: c/templates/t(\d+)\.yaml\nv: ?(\S*)\n", out):
        res[int(m.group(1))] = base64.b64decode(m.group(2))
    return res


def compare(cases, name, compat=None, values=None, args=(), log=None, stop=60, trim=True, extra_files=None):
    """Returns (n_compared, diffs). Removes failing cases one by one and compares them."""
    compat = compat or os.environ.get("COMPAT", "v4")
    if compat == "v3":
        name += "-v3"
    d = f"{WORK}/{name}"
    bodies = {c[0]: c for c in cases}
    remaining = list(cases)
    diffs = []
    n = 0
    for _ in range(stop):
        if not remaining:
            break
        make_chart(d, remaining, values, extra_files, trim=trim)
        (hr, ho, he), (cr, co, ce) = render(d, compat, args)
        if hr == 0 and cr != 0:
            m = re.search(rb"c/templates/[t_]e?(\d+)\.(?:yaml|tpl)", ce)
            if m and int(m.group(1)) in bodies:
                cid = int(m.group(1))
                make_chart(d + "-1", [bodies[cid]], values, extra_files, trim=trim)
                (hr1, ho1, he1), (cr1, co1, ce1) = render(d + "-1", compat, args)
                n += 1
                diffs.append(("err-hc", bodies[cid], (hr1, ho1, he1), (cr1, co1, ce1)))
                remaining = [c for c in remaining if c[0] != cid]
                continue
        if hr == 0:
            hs, cs = split_out(ho), split_out(co)
            for cid, *_ in remaining:
                n += 1
                if hs.get(cid) != cs.get(cid) and not re.search(rb"(?i)0xc0[0-9a-f]{7}", hs.get(cid) or b""):
                    diffs.append(("out", bodies[cid], hs.get(cid), cs.get(cid)))
            if set(hs) != set(cs) or ho.count(b"# Source:") != co.count(b"# Source:"):
                diffs.append(("whole", None, ho[-3000:], co[-3000:]))
            if cr != 0 or he != ce:
                diffs.append(("rc/err", None, (hr, he), (cr, ce)))
                if cr != 0:
                    # helmcore failed without naming a template (a panic): find the case.
                    for c in remaining:
                        make_chart(d + "-1", [c], values, extra_files, trim=trim)
                        r1 = run([HC, "template", "r", d + "-1"] + list(args) + (["--compat", "v3"] if compat == "v3" else []))
                        if r1[0] != 0:
                            diffs.append(("hc-fails", c, None, (r1[0], r1[2][:300])))
            break
        # helm failed: find the failing case
        m = re.search(rb"c/templates/[t_]e?(\d+)\.(?:yaml|tpl)", he)
        if not m:
            diffs.append(("err-unattributed", None, (hr, he), (cr, ce)))
            break
        cid = int(m.group(1))
        ERRS[0] += 1
        # compare the failing case alone
        make_chart(d + "-1", [bodies[cid]], values, extra_files, trim=trim)
        (hr1, ho1, he1), (cr1, co1, ce1) = render(d + "-1", compat, args)
        n += 1
        if (hr1, ho1, he1) != (cr1, co1, ce1):
            diffs.append(("err", bodies[cid], (hr1, ho1, he1), (cr1, co1, ce1)))
        remaining = [c for c in remaining if c[0] != cid]
    if log:
        with open(log, "a") as f:
            for kind, case, h, c in diffs:
                f.write(json.dumps({"kind": kind, "case": case, "helm": repr(h), "hc": repr(c)}) + "\n")
    return n, diffs


def goq(s, style=None):
    """Go double-quoted string literal for s (str); lone surrogates U+DC80..U+DCFF (as
    Python's `surrogateescape` decodes invalid bytes) stand for those bytes."""
    import random
    out = ['"']
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append("\\x%02x" % (o - 0xDC00))
        elif ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append(random.choice(["\\t", "\t"]))
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif o < 0x7F:
            out.append(ch)
        elif o > 0xFFFF:
            out.append(random.choice(["\\U%08x" % o, ch]))
        else:
            out.append(random.choice(["\\u%04x" % o, ch]))
    out.append('"')
    return "".join(out)


def run_batches(tag, make_cases, seed, batches, per, shown=8, **compare_kw):
    """Compares `batches` batches of `per` cases each, batch b drawn from a generator
    seeded with seed*1000+b (so a batch can be replayed alone), and prints each batch's
    count and first differences, then the totals. `make_cases(r, per)` returns the
    batch's (id, template, partial) cases, or (cases, kw) with more `compare` arguments for
    that batch (its own files); `compare_kw` goes to `compare`."""
    tot = nd = 0
    for b in range(batches):
        r = random.Random(seed * 1000 + b)
        random.seed(seed * 1000 + b)
        cases, kw = make_cases(r, per), dict(compare_kw)
        if isinstance(cases, tuple):
            cases, more = cases
            kw.update(more)
        n, diffs = compare(cases, "%s-%d-%d" % (tag, seed, b),
                           log=os.path.join(WORK, "diffs-%s.jsonl" % tag), **kw)
        tot += n
        nd += len(diffs)
        print("batch", b, "compared", n, "diffs", len(diffs), flush=True)
        for d in diffs[:shown]:
            print(" ", d[0], d[1] and repr(d[1][1]), "\n    H:", repr(d[2])[:500], "\n    C:", repr(d[3])[:500])
    print("TOTAL", tot, "diffs", nd, "errors", ERRS[0])


APART = "apart"


def run_charts(tag, check):
    """The per-chart generators' loop (gen12 and later): `SEED COUNT` from the command
    line, chart i built in WORK/TAG-COMPAT-SEED-i from a generator seeded with
    seed*100000+i (replayable alone). `check(r, d, compat)` builds the chart, runs both
    programs and returns the differences as (args, helm_result, helmcore_result) tuples
    (none: the folder is removed), or APART for a case counted apart (a documented
    difference, an order helm draws at random). Differences are printed and appended to
    WORK/diffs-TAG.jsonl; the totals end the output."""
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    compat = os.environ.get("COMPAT", "v4")
    os.makedirs(WORK, exist_ok=True)
    log = os.path.join(WORK, "diffs-%s.jsonl" % tag)
    nd = apart = 0
    for i in range(count):
        d = "%s/%s-%s-%d-%d" % (WORK, tag, compat, seed, i)
        diffs = check(random.Random(seed * 100000 + i), d, compat)
        if diffs == APART:
            apart += 1
            continue
        for args, h, c in diffs:
            nd += 1
            with open(log, "a") as f:
                f.write(json.dumps({"case": d, "args": args, "helm": repr(h), "hc": repr(c)}) + "\n")
            print("DIFF", d, args, "\n  H:", repr(h)[:700], "\n  C:", repr(c)[:700], flush=True)
        if not diffs:
            shutil.rmtree(d, ignore_errors=True)
    print("TOTAL", count, "diffs", nd, "apart", apart)


def compat_args(compat):
    """helmcore's flag for `compat` (helm needs none: each compat mode has its binary)."""
    return ["--compat", "v3"] if compat == "v3" else []
