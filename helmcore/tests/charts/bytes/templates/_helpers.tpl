{{- define "bytes.keystore" }}{{ .Files.Get "files/keystore.bin" }}{{ end -}}
