{{- define "probe.type" }}{{ typeOf .Values }}{{ end }}
{{- define "probe.dot" }}{{ typeOf . }}{{ end }}
