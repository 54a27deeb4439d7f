use super::*;

/// Positions on later lines, trimming, scoping, values from a values file.
#[test]
fn positions_trimming_and_values() {
    let values = r#"{"a": {"b": 1}}"#;
    check_out_with(
        values,
        &[
            (
                r#"line1
  {{- if true }}
  x: {{ .Values.a.b }}
{{- end }}"#,
                r#"line1
  x: 1"#,
            ),
            (
                r#"{{- /* comment */ -}}

{{ printf "%d" "x" }}"#,
                r#"%!d(string=x)"#,
            ),
            (r#"{{ "x" }}{{- "y" -}}  {{ "z" }}"#, r#"xyz"#),
            (r#"  {{-  "a"  -}}  "#, r#"a"#),
            (
                r#"{{- " b " }}

{{- "c" -}}

d"#,
                r#" b cd"#,
            ),
            (
                r#"{{ $x := "v" }}{{ define "e" }}{{ $ }}{{ end }}{{ template "e" $x }}"#,
                r#"v"#,
            ),
            (
                r#"{{ range $i, $e := list "a" "b" }}{{ $i }}:{{ $e }}{{ $i = 5 }}{{ end }}"#,
                r#"0:a1:b"#,
            ),
            (
                r#"{{ $i := 0 }}{{ range list 1 2 3 }}{{ $i = add $i . }}{{ end }}{{ $i }}"#,
                r#"6"#,
            ),
            (r#"{{ range $k, $v := .Values }}{{ $k }}{{ end }}"#, r#"a"#),
            (
                r#"{{ .Values.a | toJson }}
{{ (.Values.a).b }}"#,
                r#"{"b":1}
1"#,
            ),
            (
                r#"{{ if eq .Values.a.b 1.0 }}float{{ end }}|{{ if eq (int .Values.a.b) 1 }}int{{ end }}"#,
                r#"float|int"#,
            ),
        ],
    );
    check_err_with(
        values,
        &[
            (
                r#"a:
{{- range $i, $e := list 1 2 }}
  - {{ $e }}
{{- end }}
b: {{ upper .Values.q }}"#,
                r#"c/templates/x.yaml:5:19
  executing "c/templates/x.yaml" at <.Values.q>:
    wrong type for value; expected string; got interface {}"#,
            ),
            (
                r#"{{ define "d" }}

   {{ .Values.zz.y }}{{ end }}
{{ include "d" . }}"#,
                r#"c/templates/x.yaml:4:3
  executing "c/templates/x.yaml" at <include "d" .>:
    error calling include:
c/templates/x.yaml:3:13
  executing "d" at <.Values.zz.y>:
    nil pointer evaluating interface {}.y"#,
            ),
            (
                r#"{{ with .Values }}
{{ .missing.deep }}{{ end }}"#,
                r#"c/templates/x.yaml:2:11
  executing "c/templates/x.yaml" at <.missing.deep>:
    nil pointer evaluating interface {}.deep"#,
            ),
        ],
    );
}
