{{/* Helm 2 charts stamped resources with .Release.Time */}}
{{- define "stamp" -}}{{ now | date "2006" }}{{- end -}}
