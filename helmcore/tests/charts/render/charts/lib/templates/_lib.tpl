{{- define "lib.hello" -}}hello from lib{{- end -}}
