"""Shared helpers for the conformance scripts: finding the corpus, and telling which of its
charts are incomplete (a dependency declared in Chart.yaml has no folder or archive under
charts/), which the real helm cannot render either."""
import glob, json, os, re, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))


def find_corpus(explicit=None):
    """The corpus folder: the one given, or ../shared/corpus beside the repository."""
    for c in [explicit] if explicit else ["../../shared/corpus", "../shared/corpus"]:
        p = os.path.normpath(os.path.join(HERE, c)) if not os.path.isabs(c) else c
        if os.path.isfile(os.path.join(p, "corpus.json")):
            return p
    return None


def _dependency_names(chart_yaml):
    """Names (aliases do not matter for presence) of the `dependencies:` entries."""
    names, inside = [], False
    for line in open(chart_yaml, encoding="utf-8", errors="replace"):
        if re.match(r"^dependencies:", line):
            inside = True
            continue
        if inside and re.match(r"^\S", line):
            break
        m = re.match(r"^\s*-?\s*name:\s*['\"]?([^'\"\s#]+)", line)
        if inside and m:
            names.append(m.group(1))
    return names


def _present_names(charts_dir):
    names = set()
    for d in glob.glob(os.path.join(charts_dir, "*")):
        if os.path.isdir(d) and os.path.isfile(os.path.join(d, "Chart.yaml")):
            for line in open(os.path.join(d, "Chart.yaml"), encoding="utf-8", errors="replace"):
                m = re.match(r"^name:\s*['\"]?([^'\"\s#]+)", line)
                if m:
                    names.add(m.group(1))
        elif d.endswith(".tgz"):
            try:
                with tarfile.open(d) as t:
                    for member in t.getmembers():
                        if member.name.count("/") == 1 and member.name.endswith("/Chart.yaml"):
                            for line in t.extractfile(member).read().decode(errors="replace").splitlines():
                                m = re.match(r"^name:\s*['\"]?([^'\"\s#]+)", line)
                                if m:
                                    names.add(m.group(1))
            except (tarfile.TarError, OSError):
                pass
    return names


def incomplete_charts(corpus):
    """Ids of corpus charts whose declared dependencies are not all vendored."""
    index = json.load(open(os.path.join(corpus, "corpus.json")))
    out = set()
    for chart in index["charts"]:
        root = os.path.join(corpus, chart["chart"])
        wanted = _dependency_names(os.path.join(root, "Chart.yaml"))
        if wanted and not set(wanted) <= _present_names(os.path.join(root, "charts")):
            out.add(chart["id"])
    return out
