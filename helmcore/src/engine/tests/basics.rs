use super::*;

#[test]
fn language_constructs() {
    check_out(&[
        (
            r#"{{ 1 }}|{{ 1.5 }}|{{ "a" }}|{{ true }}|{{ `raw
` }}"#,
            r#"1|1.5|a|true|raw
"#,
        ),
        (
            r#"{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}"#,
            r#"2"#,
        ),
        (
            r#"{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}"#,
            r#"21"#,
        ),
        (
            r#"{{ range $i, $v := list "a" "b" }}{{ $i }}{{ $v }},{{ end }}"#,
            r#"0a,1b,"#,
        ),
        (
            r#"{{ range $k, $v := dict "b" 1 "a" 2 }}{{ $k }}={{ $v }};{{ end }}"#,
            r#"a=2;b=1;"#,
        ),
        (
            r#"{{ range $v := list "a" "b" }}{{ $v }}{{ end }}"#,
            r#"ab"#,
        ),
        (
            r#"{{ range list "a" "b" }}{{ . }}{{ end }}{{ range list }}x{{ else }}empty{{ end }}"#,
            r#"abempty"#,
        ),
        (
            r#"{{- range list 1 2 3 4 5 }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}"#,
            r#"13"#,
        ),
        (
            r#"{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}"#,
            r#"012|01|none"#,
        ),
        (
            r#"{{ with .Values.x }}x{{ else with .Release.Name }}{{ . }}{{ end }}"#,
            r#"rel"#,
        ),
        (
            r#"{{ with .Values.x }}x{{ else }}nox{{ end }}|{{ with "v" }}{{ . }}{{ end }}"#,
            r#"nox|v"#,
        ),
        (
            r#"{{ if false }}a{{ else if true }}b{{ else }}c{{ end }}|{{ if 0 }}a{{ else if "" }}b{{ else }}c{{ end }}"#,
            r#"b|c"#,
        ),
        (
            r#"{{ and 1 0 2 }}|{{ or 0 "" "z" }}|{{ and 1 2 }}|{{ or 0 "" }}|{{ not 0 }}|{{ not "x" }}"#,
            r#"0|z|2||true|false"#,
        ),
        (
            r#"{{ define "t" }}[{{ . }}]{{ end }}{{ template "t" 5 }}{{ block "b" "x" }}<{{ . }}>{{ end }}"#,
            r#"[5]<x>"#,
        ),
        (
            r#"{{ define "t" }}[{{ $ }}]{{ end }}{{ $y := 1 }}{{ template "t" }}"#,
            r#"[]"#,
        ),
        (
            r#"{{ print 1 2 "a" 3 nil }}|{{ println 1 "b" }}|{{ printf "%05.2f %q %v" 3.14159 "x" .Values }}"#,
            r#"1 2a3 <nil>|1 b
|03.14 "x" map[]"#,
        ),
        (
            r#"{{ html "<a href=\"x\">&'" }}|{{ js "a'b\"c<>&=\\" }}|{{ urlquery "a b&c=d/é" }}"#,
            r#"&lt;a href=&#34;x&#34;&gt;&amp;&#39;|a\'b\"c\u003C\u003E\u0026\u003D\\|a+b%26c%3Dd%2F%C3%A9"#,
        ),
        (
            r#"{{ html .Values.missing }}|{{ html 1 2 }}|{{ js nil }}|{{ print .Values.missing }}"#,
            r#"&lt;no value&gt;|1 2|\u003Cno value\u003E|<nil>"#,
        ),
        (
            r#"{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000 }} {{ 'a' }} {{ 1e3 }} {{ 0x1p4 }} {{ -5 }} {{ +5 }} {{ .5 }} {{ 1.0 }}"#,
            r#"31 15 15 5 1000 97 1000 16 -5 5 0.5 1"#,
        ),
        (
            r#"{{ index (list 1 (list 2 3)) 1 0 }}|{{ index (dict "a" (dict "b" "c")) "a" "b" }}|{{ index (dict) "zz" }}|{{ len "héllo" }}|{{ index "abc" 1 }}"#,
            r#"2|c||6|98"#,
        ),
        (
            r#"{{ eq 1 2 1 }}|{{ ne "a" "b" }}|{{ lt 1 2 }}|{{ le 2 2 }}|{{ gt 1.5 2.5 }}|{{ ge "b" "a" }}|{{ eq .Values.missing nil }}|{{ eq nil nil }}|{{ eq .Values.missing 1 }}"#,
            r#"true|true|true|true|false|true|true|true|false"#,
        ),
        (
            r#"a  {{- 1 -}}  b {{- /* c */ -}}   c {{/* x */}} d"#,
            r#"a1bc  d"#,
        ),
        (
            r#"{{ .Release.Name }}-{{ .Template.Name }}|{{ .Values.missing }}|{{ .Values }}|{{ .Release.IsInstall }}"#,
            r#"rel-c/templates/x.yaml||map[]|true"#,
        ),
        (
            r#"{{ $m := dict "a" (dict "b" 1) }}{{ $m.a.b }}|{{ (dict "k" "v").k }}|{{ $.Release.Name }}"#,
            r#"1|v|rel"#,
        ),
        (
            r#"{{ printf "%s" (upper "a") | printf "%s-%s" "x" }}"#,
            r#"x-A"#,
        ),
        (
            r#"{{ $x := 5 }}{{ range $x := list 1 2 }}{{ $x }}{{ end }}{{ $x }}"#,
            r#"125"#,
        ),
        (
            r#"{{ range $i, $e := list 1 2 }}{{ $i }}{{ end }}{{ range $k, $v := dict }}{{ else }}no{{ end }}"#,
            r#"01no"#,
        ),
        (
            r#"{{ $a := list }}{{ range $a }}x{{ end }}{{ len $a }}"#,
            r#"0"#,
        ),
        (
            r#"{{ if and .Values.missing .Values.missing.x }}y{{ else }}n{{ end }}"#,
            r#"n"#,
        ),
        (
            r#"{{ or .Values.missing "dflt" }}|{{ and .Release.Name .Release.Namespace }}"#,
            r#"dflt|default"#,
        ),
        (
            r#"{{ "a" | printf "%s%s" "b" }}|{{ 3 | printf "%d" }}"#,
            r#"ba|3"#,
        ),
        (r#"{{ define "x" }}{{ end }}{{ template "x" }}ok"#, r#"ok"#),
        (
            r#"{{ len (list 1 2 3) }}|{{ len (dict "a" 1) }}|{{ index (list "x" "y") 1 }}"#,
            r#"3|1|y"#,
        ),
        (
            r#"{{ $s := "x" }}{{ range $i, $c := list "a" }}{{ $s = printf "%s%s" $s $c }}{{ end }}{{ $s }}"#,
            r#"xa"#,
        ),
    ]);
    check_err(&[(
        r#"{{ (list 1 2).foo | print }}"#,
        r#"c/templates/x.yaml:1:11
  executing "c/templates/x.yaml" at <2>:
    can't evaluate field foo in type []interface {}"#,
    )]);
}
