{{- define "shop.name" -}}parent-{{ .Chart.Name }}{{- end -}}
{{- define "shared.label" -}}from-parent{{- end -}}
