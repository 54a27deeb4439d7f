#!/usr/bin/env python3
"""Area 22: the release and the cluster a template sees -- random release names
(valid, too long, odd characters), --generate-name and --name-template, --namespace,
--kube-version and --api-versions strings, --is-upgrade, a Chart.yaml kubeVersion
constraint, and templates printing .Release, .Capabilities (KubeVersion and its parts,
APIVersions.Has), .Chart, .Template and semverCompare against the cluster version, in the
root chart and in a subchart. Each case is its own chart; standard output, standard
error and exit code are compared."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

VALID = ["r", "my-release", "a.b", "release.name-1", "x" * 53, "z" * 63, "a--b", "1abc", "rel"]
NAMES = ["r", "my-release", "a.b", "A", "rel_1", "x" * 53, "x" * 54, "y" * 60, "-lead", "trail-", "1abc", "a--b",
         "é", "a b", "", "release.name-1", "z" * 63, "a.", ".a", "UPPER"]
NAMESPACES = ["default", "ns", "kube-system", "", "Bad_NS", "a" * 70, "x.y", "é", "with space"]
NAME_TEMPLATES = ['{{ "gen" }}', '{{ "a" | upper }}-x', '{{ printf "%s-%d" "n" 3 }}', "plain", "{{ bad", '{{ "" }}',
                  '{{ "x" | repeat 60 }}', '{{ .Release.Name }}', '{{ "UPPER" }}', '{{ fail "no" }}', '{{ "a_b" }}',
                  '{{ nope }}', '{{ "ok" }}{{/* c */}}']
KUBE_VERSIONS = ["1.20", "1.20.0", "v1.20.3", "1.29.0-rc.1", "v1.30.1+k3s1", "1.2.3.4", "abc", "1", "v1", "1.x",
                 "1.33.0", "0.0.0", "1.27.3-gke.100", "v2.0.0", "1.20.0-alpha+meta", "01.2.3", "1.2.03", " 1.2.3",
                 "1.31.0-0", ""]
API_VERSIONS = ["v1", "apps/v1", "apps/v1/Deployment", "x.io/v1alpha1", "networking.k8s.io/v1/Ingress", "a,b",
                "monitoring.coreos.com/v1", "", "policy/v1beta1", "bogus/v9/Thing", "v1/Pod", "a/b/c/d"]
CONSTRAINTS = [">=1.20.0", ">=1.20.0-0", "<1.20", "~1.20", "^1.19", ">= 1.16, < 1.40", "1.20.x", "*", ">=1.22 || <1.10",
               "!=1.20.0", ">1.30.0-0", "bogus", ">=v1.18", "=1.20", "1.x", ">=1.19.0 <2.0.0", ">= 1.25.0-0", ""]
HAS = ["v1", "apps/v1", "apps/v1/Deployment", "batch/v1/CronJob", "x.io/v1alpha1", "networking.k8s.io/v1/Ingress",
       "monitoring.coreos.com/v1", "policy/v1beta1", "v1/Pod", "apps/v1/deployment", "", "a", "b", "autoscaling/v2",
       "admissionregistration.k8s.io/v1", "storage.k8s.io/v1/CSIDriver", "bogus/v9/Thing"]
PARTS = ['{{ .Release.Name | quote }}', '{{ .Release.Namespace | quote }}', '{{ .Release.Revision }}',
         '{{ .Release.IsInstall }}', '{{ .Release.IsUpgrade }}', '{{ .Release.Service }}',
         '{{ .Capabilities.KubeVersion }}', '{{ .Capabilities.KubeVersion.Version }}',
         '{{ .Capabilities.KubeVersion.Major | quote }}', '{{ .Capabilities.KubeVersion.Minor | quote }}',
         '{{ .Capabilities.KubeVersion.GitVersion }}', '{{ .Capabilities.KubeVersion | toJson | quote }}',
         '{{ semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version }}',
         '{{ semverCompare ">=1.21.0" .Capabilities.KubeVersion.GitVersion }}',
         '{{ semver .Capabilities.KubeVersion.Version | toJson | quote }}',
         '{{ .Chart.Name }}', '{{ .Chart.Version }}', '{{ .Chart.AppVersion | quote }}', '{{ .Chart.KubeVersion | quote }}',
         '{{ .Chart.IsRoot }}', '{{ .Template.Name }}', '{{ .Template.BasePath }}',
         '{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}',
         '{{ len .Capabilities.APIVersions | lt 10 }}', '{{ .Release | toJson | quote }}']


def has_part(r):
    return '{{ .Capabilities.APIVersions.Has %s }}' % harness.goq(r.choice(HAS))


def template(r):
    lines = []
    for i in range(r.randint(3, 8)):
        part = has_part(r) if r.random() < 0.3 else r.choice(PARTS)
        lines.append("  k%d: %s" % (i, part))
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n" + "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def make(r, d):
    meta = "apiVersion: v2\nname: c\nversion: 0.1.0\n"
    if r.random() < 0.5:
        meta += "appVersion: %s\n" % r.choice(["1.0", '"2.1"', "v3", "1.10"])
    if r.random() < 0.3:
        meta += "kubeVersion: %s\n" % harness.goq(r.choice(CONSTRAINTS))
    write(d + "/Chart.yaml", meta)
    write(d + "/templates/cm.yaml", template(r))
    if r.random() < 0.4:
        sub = "apiVersion: v2\nname: sub\nversion: 1.2.3\n"
        if r.random() < 0.3:
            sub += "kubeVersion: %s\n" % harness.goq(r.choice(CONSTRAINTS))
        write(d + "/charts/sub/Chart.yaml", sub)
        write(d + "/charts/sub/templates/cm.yaml", template(r))


def command_line(r, d):
    args = ["template"]
    k = r.random()
    if k < 0.6:
        args.append(r.choice(VALID if r.random() < 0.8 else NAMES))
    elif k < 0.75:
        args.append("--generate-name" if r.random() < 0.5 else "-g")
    elif k < 0.9:
        args += ["--name-template", r.choice(NAME_TEMPLATES)]
    args.append(d)
    if r.random() < 0.5:
        args += [r.choice(["-n", "--namespace"]), r.choice(NAMESPACES)]
    if r.random() < 0.6:
        args += ["--kube-version", r.choice(KUBE_VERSIONS[:16] if r.random() < 0.8 else KUBE_VERSIONS)]
    for _ in range(r.choice([0, 0, 1, 2])):
        args += [r.choice(["-a", "--api-versions"]), r.choice(API_VERSIONS)]
    if r.random() < 0.3:
        args.append("--is-upgrade")
    if r.random() < 0.05 and "--name-template" not in args:
        args.append(r.choice(NAMES))  # a stray extra argument
    return args


def check(r, d, compat):
    make(r, d)
    args = command_line(r, d)
    h = harness.run([harness.HELM[compat]] + args)
    c = harness.run([harness.HC] + args + harness.compat_args(compat))
    if "-g" in args or "--generate-name" in args:
        # A generated name is random: compare everything but the name.
        h, c = blank_generated(h), blank_generated(c)
    return [] if h == c else [(args, h, c)]


def blank_generated(res):
    import re
    rc, out, err = res
    pat = rb"c(?:hart)?-\d{10}"
    return rc, re.sub(pat, b"GEN", out), re.sub(pat, b"GEN", err)


if __name__ == "__main__":
    harness.run_charts("a22", check)
