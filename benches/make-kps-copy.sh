#!/usr/bin/env bash
# Assembles a renderable kube-prometheus-stack under DIR (default /tmp/kps) for benchmarks
# and side-by-side checks: the corpus's chart lacks four of its five subcharts, so this
# copies kube-state-metrics and prometheus-node-exporter from the corpus's pc-prometheus
# and puts minimal stand-ins for grafana and prometheus-windows-exporter (not in the
# corpus). The copy is for local use only; it is not the published chart.
# With KPS_SUBCHARTS=FOLDER (the published subcharts at the versions Chart.yaml names, e.g.
# `charts/` of prometheus-community/helm-charts and grafana-community/helm-charts, copied
# into one folder), those are used instead, and the copy renders as the published chart.
#
# usage: [KPS_SUBCHARTS=FOLDER] benches/make-kps-copy.sh [DIR]; then
#        HELMCORE_KPS=DIR benches/compare-helm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(realpath "${HELMCORE_CORPUS:-../shared/corpus}")
DIR=${1:-/tmp/kps}
rm -rf "$DIR"
cp -r "$CORPUS/charts/pc-kube-prometheus-stack" "$DIR"
if [ -n "${KPS_SUBCHARTS:-}" ]; then
  for n in kube-state-metrics prometheus-node-exporter grafana prometheus-windows-exporter; do
    cp -r "$KPS_SUBCHARTS/$n" "$DIR/charts/"
  done
  echo "$DIR"
  exit 0
fi
cp -r "$CORPUS/charts/pc-prometheus/charts/kube-state-metrics" \
      "$CORPUS/charts/pc-prometheus/charts/prometheus-node-exporter" "$DIR/charts/"
for c in grafana:12.11.1 prometheus-windows-exporter:0.12.0; do
  n=${c%%:*} v=${c##*:}
  mkdir -p "$DIR/charts/$n/templates"
  printf 'apiVersion: v2\nname: %s\nversion: %s\nappVersion: "1.0"\n' "$n" "$v" > "$DIR/charts/$n/Chart.yaml"
  printf 'enabled: true\nreplicas: 1\n' > "$DIR/charts/$n/values.yaml"
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n' \
    > "$DIR/charts/$n/templates/configmap.yaml"
done
echo "$DIR"
