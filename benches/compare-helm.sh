#!/usr/bin/env bash
# Side-by-side speed and memory of `helmcore template` and `helm template` (whole
# process), with hyperfine: medians and ratios, then peak memory (/usr/bin/time %M).
#
# usage: benches/compare-helm.sh [HELM] [HELMCORE]
#   HELM      the real helm binary (default: /work/helm-oracle/helm4, else `helm`)
#   HELMCORE  default: target/release/helmcore (build: cargo build --release -p helmcore-cli)
# Charts: bitnami-postgresql and airbyte from the corpus ($HELMCORE_CORPUS, default
# ../shared/corpus), kube-prometheus-stack from $HELMCORE_KPS when set (a complete copy:
# the corpus's lacks subcharts). Also times every corpus case once through each binary.
set -euo pipefail
cd "$(dirname "$0")/.."
HELM=${1:-/work/helm-oracle/helm4}
[ -x "$HELM" ] || HELM=$(command -v helm)
CORE=$(realpath "${2:-target/release/helmcore}")
CORPUS=$(realpath "${HELMCORE_CORPUS:-../shared/corpus}")
ARGS="--namespace demo --kube-version 1.31.0"

charts=("$CORPUS/charts/bitnami-postgresql" "$CORPUS/charts/airbyte")
[ -n "${HELMCORE_KPS:-}" ] && charts+=("$HELMCORE_KPS")

for c in "${charts[@]}"; do
  name=$(basename "$c")
  echo "== $name"
  hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-json "/tmp/compare-$name.json" \
    -n helmcore "$CORE template rel $c $ARGS" \
    -n helm "$HELM template rel $c $ARGS" >/dev/null
  python3 - "/tmp/compare-$name.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
core, helm = r["helmcore"]["median"], r["helm"]["median"]
print(f"median: helmcore {core*1000:.1f} ms, helm {helm*1000:.1f} ms, ratio {helm/core:.1f}x")
PY
  mc=$( { /usr/bin/time -f %M "$CORE" template rel "$c" $ARGS >/dev/null; } 2>&1 | tail -1)
  mh=$( { /usr/bin/time -f %M "$HELM" template rel "$c" $ARGS >/dev/null; } 2>&1 | tail -1)
  echo "peak memory: helmcore ${mc} KB, helm ${mh} KB, ratio $(python3 -c "print(f'{$mh/$mc:.1f}x')")"
done

echo "== whole corpus (every case once, as the conformance tool times it)"
for bin in "$CORE" "$HELM"; do
  t=$(python3 "$CORPUS/../tools/conformance.py" --corpus "$CORPUS" --bin "$bin" 2>&1 | grep "render time" || true)
  echo "$(basename "$bin"): $t"
done
