use super::*;

type Case<'a> = (
    &'a [(&'a str, &'a str)],
    &'a str,
    Result<&'a str, &'a str>,
    Result<&'a str, &'a str>,
);

/// Multi-file charts: include/tpl/required/fail, definition overriding across files, and
/// both helm versions' error presentations.
#[test]
fn helm_functions_and_error_formats() {
    let cases: &[Case] = &[
        (
            &[
                (r#"_h.tpl"#, r#"{{ define "a" }}A1{{ end }}"#),
                (
                    r#"x.yaml"#,
                    r#"{{ include "a" . }}{{ define "a" }}A2{{ end }}"#,
                ),
            ],
            r#""#,
            Ok(r#"A1"#),
            Ok(r#"A1"#),
        ),
        (
            &[
                (r#"_h.tpl"#, r#"{{ define "a" }}A1{{ end }}"#),
                (
                    r#"x.yaml"#,
                    r#"{{ include "a" . }}{{ define "a" }}  {{ end }}"#,
                ),
            ],
            r#""#,
            Ok(r#"A1"#),
            Ok(r#"A1"#),
        ),
        (
            &[
                (
                    r#"_h.tpl"#,
                    r#"{{ define "a" }}A {{ .x }} {{ .Values.missing }}{{ end }}"#,
                ),
                (
                    r#"x.yaml"#,
                    r#"{{ include "a" (dict "x" 1) }}|{{ include "a" .Values.missing }}|"#,
                ),
            ],
            r#""#,
            Err(r#"c/templates/x.yaml:1:3
  executing "c/templates/x.yaml" at <include "a" (dict "x" 1)>:
    error calling include:
c/templates/_h.tpl:1:37
  executing "a" at <.Values.missing>:
    nil pointer evaluating interface {}.missing"#),
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <include "a" (dict "x" 1)>: error calling include: template: c/templates/_h.tpl:1:37: executing "a" at <.Values.missing>: nil pointer evaluating interface {}.missing"#,
            ),
        ),
        (
            &[
                (
                    r#"_h.tpl"#,
                    r#"{{ define "a" }}
{{ upper .Values.missing }}{{ end }}"#,
                ),
                (
                    r#"x.yaml"#,
                    r#"x
{{ include "a" . }}"#,
                ),
            ],
            r#""#,
            Err(r#"c/templates/x.yaml:2:3
  executing "c/templates/x.yaml" at <include "a" .>:
    error calling include:
c/templates/_h.tpl:2:16
  executing "a" at <.Values.missing>:
    wrong type for value; expected string; got interface {}"#),
            Err(
                r#"template: c/templates/x.yaml:2:3: executing "c/templates/x.yaml" at <include "a" .>: error calling include: template: c/templates/_h.tpl:2:16: executing "a" at <.Values.missing>: wrong type for value; expected string; got interface {}"#,
            ),
        ),
        (
            &[
                (
                    r#"_h.tpl"#,
                    r#"{{ define "a" }}
{{ fail "inner fail" }}{{ end }}"#,
                ),
                (
                    r#"x.yaml"#,
                    r#"x
  {{ include "a" . }}"#,
                ),
            ],
            r#""#,
            Err(r#"execution error at (c/templates/x.yaml:2:5): inner fail"#),
            Err(r#"execution error at (c/templates/x.yaml:2:5): inner fail"#),
        ),
        (
            &[
                (
                    r#"x.yaml"#,
                    r#"{{ tpl "{{ define \"d\" }}D{{ end }}{{ include \"d\" . }}-{{ .Values.v }}" . }}|{{ tpl "{{ .missing }}x" . }}"#,
                ),
                (r#"y.yaml"#, r#"{{ define "d" }}OUT{{ end }}"#),
            ],
            r#"{"v": 7}"#,
            Ok(r#"D-7|x"#),
            Ok(r#"D-7|x"#),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ tpl "{{ tpl .Values.t . }}" . }}"#)],
            r#"{"t": "{{ .Release.Name }}"}"#,
            Ok(r#"rel"#),
            Ok(r#"rel"#),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ tpl "{{ tpl .Values.t . }}" . }}"#)],
            r#"{"t": "{{ upper .Values.missing }}"}"#,
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ tpl .Values.t . }}" .>: error calling tpl: error during tpl function execution for "{{ tpl .Values.t . }}": template: gotpl:1:3: executing "gotpl" at <tpl .Values.t .>: error calling tpl: error during tpl function execution for "{{ upper .Values.missing }}": template: gotpl:1:16: executing "gotpl" at <.Values.missing>: wrong type for value; expected string; got interface {}"#,
            ),
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ tpl .Values.t . }}" .>: error calling tpl: error during tpl function execution for "{{ tpl .Values.t . }}": template: gotpl:1:3: executing "gotpl" at <tpl .Values.t .>: error calling tpl: error during tpl function execution for "{{ upper .Values.missing }}": template: gotpl:1:16: executing "gotpl" at <.Values.missing>: wrong type for value; expected string; got interface {}"#,
            ),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ tpl "{{ include \"nope\" . }}" . }}"#)],
            r#""#,
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ include \"nope\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \"nope\" . }}": template: gotpl:1:3: executing "gotpl" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl""#,
            ),
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ include \"nope\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \"nope\" . }}": template: gotpl:1:3: executing "gotpl" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl""#,
            ),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ tpl "{{ template \"nope\" . }}" . }}"#)],
            r#""#,
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ template \"nope\" . }}" .>: error calling tpl: error during tpl function execution for "{{ template \"nope\" . }}": template: gotpl:1:12: executing "gotpl" at <{{template "nope" .}}>: template "nope" not defined"#,
            ),
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ template \"nope\" . }}" .>: error calling tpl: error during tpl function execution for "{{ template \"nope\" . }}": template: gotpl:1:12: executing "gotpl" at <{{template "nope" .}}>: template "nope" not defined"#,
            ),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ tpl "{{ if }}" . }}"#)],
            r#""#,
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ if }}" .>: error calling tpl: cannot parse template "{{ if }}": template: gotpl:1: missing value for if"#,
            ),
            Err(
                r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <tpl "{{ if }}" .>: error calling tpl: cannot parse template "{{ if }}": template: gotpl:1: missing value for if"#,
            ),
        ),
        (
            &[
                (r#"x.yaml"#, r#"a: {{ include "t" . }}"#),
                (
                    r#"_h.tpl"#,
                    r#"{{ define "t" }}{{ include "u" . }}{{ end }}{{ define "u" }}{{ .Values.a.b }}{{ end }}"#,
                ),
            ],
            r#""#,
            Err(r#"c/templates/x.yaml:1:6
  executing "c/templates/x.yaml" at <include "t" .>:
    error calling include:
c/templates/_h.tpl:1:19
  executing "t" at <include "u" .>:
    error calling include:
c/templates/_h.tpl:1:70
  executing "u" at <.Values.a.b>:
    nil pointer evaluating interface {}.b"#),
            Err(
                r#"template: c/templates/x.yaml:1:6: executing "c/templates/x.yaml" at <include "t" .>: error calling include: template: c/templates/_h.tpl:1:19: executing "t" at <include "u" .>: error calling include: template: c/templates/_h.tpl:1:70: executing "u" at <.Values.a.b>: nil pointer evaluating interface {}.b"#,
            ),
        ),
        (
            &[(
                r#"x.yaml"#,
                r#"{{ .Values.a.b }}|{{ .Values.f }}|{{ .Values.i }}|{{ .Values.l }}|{{ .Values.m }}"#,
            )],
            r#"{"a": {"b": 1}, "f": 1.5e7, "i": 1000000, "l": [1, "a", null, true], "m": {"z": 1, "a": [1]}}"#,
            Ok(r#"1|1.5e+07|1e+06|[1 a <nil> true]|map[a:[1] z:1]"#),
            Ok(r#"1|1.5e+07|1e+06|[1 a <nil> true]|map[a:[1] z:1]"#),
        ),
        (
            &[(
                r#"x.yaml"#,
                r#"{{ template "t" }}{{ define "t" }}
  {{ fail "in template" }}{{ end }}"#,
            )],
            r#""#,
            Err(r#"execution error at (c/templates/x.yaml:2:5): in template"#),
            Err(r#"execution error at (c/templates/x.yaml:2:5): in template"#),
        ),
        (
            &[(
                r#"x.yaml"#,
                r#"{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}"#,
            )],
            r#""#,
            Err(r#"parse error at (c/templates/x.yaml:1): multiple definition of template "a""#),
            Err(r#"parse error at (c/templates/x.yaml:1): multiple definition of template "a""#),
        ),
        (
            &[(r#"x.yaml"#, r#"{{ if }}"#)],
            r#""#,
            Err(r#"parse error at (c/templates/x.yaml:1): missing value for if"#),
            Err(r#"parse error at (c/templates/x.yaml:1): missing value for if"#),
        ),
        (
            &[(
                r#"x.yaml"#,
                r#"line1
{{ end }}"#,
            )],
            r#""#,
            Err(r#"parse error at (c/templates/x.yaml:2): unexpected {{end}}"#),
            Err(r#"parse error at (c/templates/x.yaml:2): unexpected {{end}}"#),
        ),
        (
            &[(
                r#"x.yaml"#,
                r#"{{ range .Values.l }}
{{ .x }}
{{ end }}"#,
            )],
            r#"{"l": [1]}"#,
            Err(r#"c/templates/x.yaml:2:3
  executing "c/templates/x.yaml" at <.x>:
    can't evaluate field x in type interface {}"#),
            Err(
                r#"template: c/templates/x.yaml:2:3: executing "c/templates/x.yaml" at <.x>: can't evaluate field x in type interface {}"#,
            ),
        ),
    ];
    for (files, values, want4, want3) in cases {
        let (got4, got3) = render_both(files, values, &ExecOptions::helm());
        assert_eq!(
            got4.as_deref().map_err(|e| e.as_str()),
            *want4,
            "helm4 {files:?}"
        );
        assert_eq!(
            got3.as_deref().map_err(|e| e.as_str()),
            *want3,
            "helm3 {files:?}"
        );
    }
}
