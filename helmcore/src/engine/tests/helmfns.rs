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

/// `helm lint` renders in lint mode: `required` and `fail` log instead of failing (helm4
/// logs `level=WARN msg="missing required value" message="need it"` and
/// `level=INFO msg="funcMap fail" message=failed!`) and return "".
#[test]
fn lint_mode_records_required_and_fail() {
    use crate::engine::{LintKind, LintMessage};
    let mut set = TemplateSet::new(funcs());
    set.add(FILE, "x: {{ required \"need it\" .Values.missing }}\ny: {{ fail \"failed!\" }}\nz: {{ .Values.a }}\nw: {{ required \"e\" .Values.e }}\n")
        .unwrap();
    let opts = ExecOptions {
        lint: true,
        ..ExecOptions::helm()
    };
    let mut session = set.session(&opts);
    let out = session
        .execute(FILE, &helm_data(json(r#"{"a": 1, "e": ""}"#)))
        .unwrap();
    assert_eq!(out, "x: \ny: \nz: 1\nw: \n");
    assert_eq!(
        session.warnings(),
        &[
            LintMessage {
                kind: LintKind::Required,
                message: "need it".into()
            },
            LintMessage {
                kind: LintKind::Fail,
                message: "failed!".into()
            },
            LintMessage {
                kind: LintKind::RequiredEmpty,
                message: "e".into()
            },
        ]
    );
}

/// Helm's SDK strict mode is Go's `missingkey=error` (the CLI does not expose it, so the
/// texts are Go's `text/template` messages).
#[test]
fn strict_mode_missing_keys() {
    let opts = ExecOptions::strict();
    let files = |t| render_files(&[("x.yaml", t)], r#"{"a": {"b": 1}}"#, &opts);
    assert_eq!(files("{{ .Values.a.b }}"), Ok("1".to_string()));
    assert_eq!(
        files("{{ .Values.zz }}"),
        Err("c/templates/x.yaml:1:10\n  executing \"c/templates/x.yaml\" at <.Values.zz>:\n    map has no entry for key \"zz\"".to_string())
    );
    assert_eq!(
        files("{{ $x := .Values.a.q }}"),
        Err("c/templates/x.yaml:1:16\n  executing \"c/templates/x.yaml\" at <.Values.a.q>:\n    map has no entry for key \"q\"".to_string())
    );
    assert_eq!(
        files("{{ $x := (index .Values \"q\") }}{{ $x.y }}"),
        Err("c/templates/x.yaml:1:36\n  executing \"c/templates/x.yaml\" at <$x.y>:\n    nil data; no entry for key \"y\"".to_string())
    );
}

/// `lookup` without a cluster returns an empty map; with one it asks it.
#[test]
fn lookup_through_the_trait() {
    struct Fake;
    impl crate::engine::Lookup for Fake {
        fn lookup(&self, api: &str, kind: &str, ns: &str, name: &str) -> Result<Value, String> {
            if name == "bad" {
                return Err("not allowed".into());
            }
            Ok(Value::from(format!("{api}/{kind}/{ns}/{name}")))
        }
    }
    let t = r#"{{ lookup "v1" "Secret" "ns" "n" }}"#;
    assert_eq!(render(t), Ok("map[]".to_string()));
    let opts = ExecOptions {
        lookup: Some(std::sync::Arc::new(Fake)),
        ..ExecOptions::helm()
    };
    assert_eq!(
        render_files(&[("x.yaml", t)], "", &opts),
        Ok("v1/Secret/ns/n".to_string())
    );
    let bad = r#"{{ lookup "v1" "Secret" "ns" "bad" }}"#;
    assert_eq!(
        render_files(&[("x.yaml", bad)], "", &opts),
        Err(r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <lookup "v1" "Secret" "ns" "bad">: error calling lookup: not allowed"#.to_string())
    );
    // Lint mode never reaches the cluster.
    let lint = ExecOptions { lint: true, ..opts };
    assert_eq!(
        render_files(&[("x.yaml", t)], "", &lint),
        Ok("map[]".to_string())
    );
}

/// The step budget ends runaway templates with an error.
#[test]
fn step_budget_stops_work() {
    let opts = ExecOptions {
        max_steps: Some(1000),
        ..ExecOptions::helm()
    };
    let r = render_files(&[("x.yaml", "{{ range 1000000 }}x{{ end }}")], "", &opts);
    assert_eq!(
        r,
        Err("template: c/templates/x.yaml: execution step budget of 1000 exceeded".to_string())
    );
}

/// Go structs reach templates as `Object`s: methods are tried before fields, method
/// errors are wrapped as `error calling NAME`, fields refuse arguments.
#[test]
fn objects_methods_and_fields() {
    use crate::value::{Field, Kind, Object};
    use std::borrow::Cow;

    #[derive(Debug)]
    struct Files;
    impl Object for Files {
        fn type_name(&self) -> Cow<'_, str> {
            "engine.files".into()
        }
        fn kind(&self) -> Kind {
            Kind::Map
        }
        fn field(&self, name: &str) -> Field {
            match name {
                "Get" => Field::Method,
                "Size" => Field::Value(Value::int(2)),
                _ => Field::Missing,
            }
        }
        fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
            match (name, args) {
                ("Get", [Value::String(s)]) if &**s == "a.txt" => Ok(Value::from("content")),
                ("Get", [Value::String(s)]) => Err(format!("no file {s}")),
                _ => Err(format!(
                    "wrong number of args for {name}: want 1 got {}",
                    args.len()
                )),
            }
        }
        fn format(&self, out: &mut String) {
            out.push_str("map[]");
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    let mut set = TemplateSet::new(funcs());
    let t = |set: &mut TemplateSet, text: &str| {
        set.add(FILE, text).unwrap();
        let data = crate::value::Map::new();
        data.insert("Files", Value::Object(std::sync::Arc::new(Files)));
        set.execute(FILE, &Value::Map(data), &ExecOptions::helm())
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        t(
            &mut set,
            r#"{{ .Files.Get "a.txt" }}|{{ "a.txt" | .Files.Get }}|{{ .Files.Size }}"#
        ),
        Ok("content|content|2".into())
    );
    assert_eq!(
        t(&mut set, r#"{{ .Files.Get "b" }}"#),
        Err(r#"template: c/templates/x.yaml:1:9: executing "c/templates/x.yaml" at <.Files.Get>: error calling Get: no file b"#.into())
    );
    assert_eq!(
        t(&mut set, r#"{{ .Files.Size 1 }}"#),
        Err(r#"template: c/templates/x.yaml:1:9: executing "c/templates/x.yaml" at <.Files.Size>: Size has arguments but cannot be invoked as function"#.into())
    );
}

/// `getHostByName` answers "" unless a resolver is given (helm's `--enable-dns`); with one
/// it picks one of the addresses, and a name that does not resolve fails as helm4 does:
/// `error calling getHostByName: invalid argument to Intn`.
#[test]
fn get_host_by_name_asks_the_resolver() {
    use crate::engine::HostResolver;
    struct Fixed;
    impl HostResolver for Fixed {
        fn lookup_host(&self, name: &str) -> Vec<String> {
            match name {
                "db.local" => vec!["10.0.0.7".into(), "10.0.0.8".into()],
                _ => Vec::new(),
            }
        }
    }
    let t = "{{ getHostByName \"db.local\" }}";
    let off = render_files(&[("x.yaml", t)], "{}", &ExecOptions::helm());
    assert_eq!(off, Ok(String::new()));
    let opts = ExecOptions {
        resolver: Some(std::sync::Arc::new(Fixed)),
        ..ExecOptions::helm()
    };
    let on = render_files(&[("x.yaml", t)], "{}", &opts).unwrap();
    assert!(on == "10.0.0.7" || on == "10.0.0.8", "{on}");
    let missing = render_files(
        &[("x.yaml", "{{ getHostByName \"nowhere.invalid\" }}")],
        "{}",
        &opts,
    );
    assert_eq!(
        missing.unwrap_err(),
        "template: c/templates/x.yaml:1:3: executing \"c/templates/x.yaml\" at <getHostByName \"nowhere.invalid\">: error calling getHostByName: invalid argument to Intn"
    );
}

/// `time.Time`'s `Location` is a `*time.Location` (printed by its name, `{}` to
/// `toJson`), the only thing its `In` takes; `toDate` parses in Go's `time.Local`, which
/// the unit tests see as UTC named `Local`. Recorded from helm v4.1.4.
#[test]
fn time_locations() {
    check_out(&[
        (
            r#"{{ (toDate "2006" "2020").Location | typeOf }} {{ (toDate "2006" "2020").Location | kindOf }} {{ (toDate "2006" "2020").Location | toJson }} {{ (toDate "2006" "2020").Location }} {{ (toDate "2006 MST" "2020 CET").Location.String }}"#,
            "*time.Location ptr {} Local CET",
        ),
        (
            r#"{{ $l := (toDate "2006 MST -0700" "2020 CET +0100").Location }}{{ ((toDate "2006-01-02" "2023-07-01").In $l).String }} {{ eq $l $l }}"#,
            "2023-07-01 01:00:00 +0100 CET true",
        ),
        (
            r#"{{ (toDate "2006-01-02" "2023-07-01").UTC.Location }} {{ (toDate "2006-01-02 -0700" "2023-07-01 +0000").Location }}"#,
            "UTC Local",
        ),
    ]);
    check_err(&[
        (
            r#"{{ $t := toDate "2006" "2020" }}{{ $t.In "Europe/Paris" }}"#,
            r#"c/templates/x.yaml:1:41
  executing "c/templates/x.yaml" at <"Europe/Paris">:
    can't handle "Europe/Paris" for arg of type *time.Location"#,
        ),
        (
            r#"{{ $t := toDate "2006" "2020" }}{{ $z := "Europe/Paris" }}{{ $t.In $z }}"#,
            r#"c/templates/x.yaml:1:67
  executing "c/templates/x.yaml" at <$z>:
    wrong type for value; expected *time.Location; got string"#,
        ),
        (
            r#"{{ $t := toDate "2006" "2020" }}{{ $t.In nil }}"#,
            r#"template: c/templates/x.yaml:1:37: executing "c/templates/x.yaml" at <$t.In>: error calling In: time: missing Location in call to Time.In"#,
        ),
    ]);
}

#[test]
fn merge_into_a_nil_map_from_from_json() {
    // `fromJson "null"` is a nil map; under a key, merging takes the source's map
    // (helm v4.1.4).
    check_out(&[
        (
            r#"{{ mustMergeOverwrite (dict "a" (fromJson "null")) (dict "a" (dict "b" 1)) }}"#,
            "map[a:map[b:1]]",
        ),
        (
            r#"{{ merge (dict "a" (fromJson "null")) (dict "a" (dict "b" (dict "c" 1))) }}"#,
            "map[a:map[b:map[c:1]]]",
        ),
        (
            r#"{{ mergeOverwrite (dict "a" (fromJson "null")) (dict "x" 1) }}"#,
            "map[a:map[] x:1]",
        ),
    ]);
}
