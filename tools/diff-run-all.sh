#!/bin/bash
# Runs tools/diff-charts.py in every mode over the same chart folders.
#
# usage: diff-run-all.sh WORK ARGS...
#   WORK   work folder (charts, helm's cached output); logs go to WORK-<mode>.log
#   ARGS   passed to diff-charts.py: chart folders, --deps DIR, --only ...
# env: BIN (helmcore binary, default target/release/helmcore next to this script),
#      HELM4, HELM3 (the real helm binaries, default /work/helm-oracle/helm4 and helm3),
#      MODES (space-separated subset of: template-v4 template-v3 values lint lint-strict
#      show show-v3 flags flags-v3 lintsub lint-v3 lint-strict-v3 lintsub-v3; default all),
#      NICE (default "nice").
# Copy BIN elsewhere first if you rebuild while it runs.
here=$(cd "$(dirname "$0")" && pwd)
W=$1; shift
B=${BIN:-$here/../target/release/helmcore}
D=$here/diff-charts.py
H4=${HELM4:-/work/helm-oracle/helm4}; H3=${HELM3:-/work/helm-oracle/helm3}
N=${NICE-nice}
MODES=${MODES:-template-v4 values lint show show-v3 template-v3 lint-strict flags flags-v3 lintsub lint-v3 lint-strict-v3 lintsub-v3}
F='--include-crds --is-upgrade --kube-version 1.21.0 -a monitoring.coreos.com/v1'
for m in $MODES; do
  case $m in
    template-v4) $N python3 $D --helm $H4 --bin $B --work $W --ci "$@" ;;
    template-v3) $N python3 $D --helm $H3 --bin $B --work $W --ci --compat v3 "$@" ;;
    values|lint|lint-strict|show) $N python3 $D --helm $H4 --bin $B --work $W --ci --mode $m "$@" ;;
    show-v3) $N python3 $D --helm $H3 --compat v3 --bin $B --work $W --ci --mode show "$@" ;;
    lint-v3) $N python3 $D --helm $H3 --compat v3 --bin $B --work $W --ci --mode lint "$@" ;;
    lint-strict-v3) $N python3 $D --helm $H3 --compat v3 --bin $B --work $W --ci --mode lint-strict "$@" ;;
    flags) $N python3 $D --helm $H4 --bin $B --work $W --ci --flags "$F" "$@" ;;
    flags-v3) $N python3 $D --helm $H3 --compat v3 --bin $B --work $W --ci --flags "$F" "$@" ;;
    lintsub) $N python3 $D --helm $H4 --bin $B --work $W --ci --mode lint --flags '--strict --with-subcharts --kube-version 1.20.0' "$@" ;;
    lintsub-v3) $N python3 $D --helm $H3 --compat v3 --bin $B --work $W --ci --mode lint --flags '--strict --with-subcharts --kube-version 1.20.0' "$@" ;;
    *) echo "unknown mode $m" >&2; exit 2 ;;
  esac > $W-$m.log 2>&1
done
