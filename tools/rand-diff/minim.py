import subprocess, os, shutil, sys
# minimise a template file text such that helm3 and helmcore --compat v3 differ in stderr
src = open(sys.argv[1]).read()
compat = sys.argv[2] if len(sys.argv) > 2 else "v3"
HELM = os.environ.get("HELM3", "helm3") if compat == "v3" else os.environ.get("HELM4", "helm4")
HC = os.environ.get("HC", "target/release/helmcore")
d = os.path.join(os.environ.get("WORK", "/tmp/rand-diff"), "min")
def differs(t):
    shutil.rmtree(d, ignore_errors=True); os.makedirs(d + "/templates")
    open(d + "/Chart.yaml", "w").write("apiVersion: v2\nname: c\nversion: 0.1.0\n")
    open(d + "/templates/x.yaml", "w").write(t)
    a = subprocess.run([HELM, "template", "r", d], capture_output=True)
    b = subprocess.run([HC, "template", "r", d] + (["--compat", "v3"] if compat == "v3" else []), capture_output=True)
    return (a.returncode, a.stdout, a.stderr) != (b.returncode, b.stdout, b.stderr)
assert differs(src), "no diff"
n = 2
while len(src) >= 2:
    chunk = max(1, len(src) // n)
    done = False
    for i in range(0, len(src), chunk):
        t = src[:i] + src[i + chunk:]
        if differs(t):
            src = t; n = max(n - 1, 2); done = True; break
    if not done:
        if chunk == 1: break
        n = min(len(src), n * 2)
print(repr(src))
