{{#*inline "hello.fullname"}}{{trunc 63 (trimSuffix "-" (printf "%s-%s" Release.Name Chart.Name))}}{{/inline}}
{{#*inline "hello.labels"}}
app.kubernetes.io/name: {{Chart.Name}}
app.kubernetes.io/instance: {{Release.Name}}
app.kubernetes.io/version: {{quote Chart.AppVersion}}
app.kubernetes.io/managed-by: {{Release.Service}}
{{/inline}}
{{#*inline "hello.selectorLabels"}}
app.kubernetes.io/name: {{Chart.Name}}
app.kubernetes.io/instance: {{Release.Name}}
{{/inline}}
