{{- define "shared.label" -}}from-web{{- end -}}
{{- define "web.name" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}
