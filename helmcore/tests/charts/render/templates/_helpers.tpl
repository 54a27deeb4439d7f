{{- define "shop.name" -}}parent-{{ .Chart.Name }}{{- end -}}
{{- define "shared.label" -}}from-parent{{- end -}}
{{- define "shop.bad" -}}{{ index .Values.replicas 1 }}{{- end -}}
