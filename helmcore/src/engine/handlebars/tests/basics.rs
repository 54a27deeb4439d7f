//! Values, blocks and the built-in objects. Expected texts: helm v4.1.4 on the Go
//! template in the comment, with `VALUES` as `values.yaml`.

use super::*;

pub(crate) const VALUES: &str = r#"{
  "name": "web", "replicas": 3, "big": 1000000, "ratio": 1.5, "enabled": true,
  "empty": "", "tags": ["a", "b", "c"],
  "labels": {"app": "web", "tier": "front"},
  "nested": {"deep": {"key": "value"}}
}"#;

fn check(cases: &[(&str, &str)]) {
    for (t, want) in cases {
        assert_eq!(ok(t, VALUES), *want, "{t}");
    }
}

#[test]
fn values_print_as_go_prints_them() {
    check(&[
        // {{ .Values.name }} {{ .Values.replicas }} {{ .Values.big }} {{ .Values.ratio }} {{ .Values.enabled }}
        (
            "{{Values.name}} {{Values.replicas}} {{Values.big}} {{Values.ratio}} {{Values.enabled}}",
            "web 3 1e+06 1.5 true",
        ),
        // {{ .Values.tags }} {{ .Values.labels }} {{ .Values.nested }}
        (
            "{{Values.tags}} {{Values.labels}} {{Values.nested}}",
            "[a b c] map[app:web tier:front] map[deep:map[key:value]]",
        ),
        // {{{ }}} is the same as {{ }}: nothing is HTML-escaped.
        ("{{{Values.name}}} {{html \"<a>\"}}", "web &lt;a&gt;"),
        // A missing value prints nothing, as Helm removes `<no value>`.
        ("[{{Values.missing}}][{{Values.nested.nope.deeper}}]", "[][]"),
        ("{{this.Values.name}} {{./Values.name}} {{Values/name}}", "web web web"),
    ]);
}

#[test]
fn built_in_objects() {
    // {{ .Release.Name }}-{{ .Chart.Name }} {{ .Template.Name }} {{ .Release.Revision }} {{ .Release.IsInstall }}
    check(&[(
        "{{Release.Name}}-{{Chart.Name}} {{Template.Name}} {{Release.Revision}} {{Release.IsInstall}}",
        "r-c c/templates/x.yaml 1 true",
    )]);
}

#[test]
fn blocks() {
    check(&[
        // {{ range $i, $t := .Values.tags }}{{ $i }}={{ $t }};{{ end }}
        ("{{#each Values.tags}}{{@index}}={{this}};{{/each}}", "0=a;1=b;2=c;"),
        // {{ range $k, $v := .Values.labels }}{{ $k }}={{ $v }};{{ end }}
        ("{{#each Values.labels}}{{@key}}={{this}};{{/each}}", "app=web;tier=front;"),
        ("{{#each Values.labels as |v k|}}{{k}}={{v}};{{/each}}", "app=web;tier=front;"),
        // {{ if .Values.enabled }}on{{ else }}off{{ end }} {{ if .Values.empty }}yes{{ else if .Values.name }}name{{ end }}
        (
            "{{#if Values.enabled}}on{{else}}off{{/if}} {{#if Values.empty}}yes{{else if Values.name}}name{{/if}}",
            "on name",
        ),
        ("{{#unless Values.empty}}none{{/unless}}", "none"),
        // {{ with .Values.nested.deep }}{{ .key }}{{ end }}
        ("{{#with Values.nested.deep}}{{key}}{{/with}}", "value"),
        // Inside a block, `../` and `@root` reach outer data, with Go's printing.
        ("{{#each Values.tags}}{{@root.Values.big}}{{/each}}", "1e+061e+061e+06"),
        ("{{#with Values.nested}}{{../Values.ratio}}{{/with}}", "1.5"),
        // Helpers in block arguments.
        ("{{#if (eq Values.name \"web\")}}web{{/if}}", "web"),
        ("{{#each (list 1 2)}}{{add this 1}}{{/each}}", "23"),
        ("{{{{raw}}}}{{Values.name}}{{{{/raw}}}}", "{{Values.name}}"),
    ]);
}

#[test]
fn handlebars_whitespace_rules_hold() {
    // Standalone block tags take their line with them; `~` trims as `{{-` does in Go.
    check(&[
        (
            "a:\n{{#if Values.enabled}}\n  b: 1\n{{/if}}\nc: 2",
            "a:\n  b: 1\nc: 2",
        ),
        ("x  {{~Values.name~}}  y", "xweby"),
    ]);
}
