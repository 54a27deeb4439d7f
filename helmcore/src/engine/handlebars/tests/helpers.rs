//! Helm's function library as helpers. Expected texts: helm v4.1.4 on the Go template
//! in the comment, with `VALUES` as `values.yaml`.

use super::basics::VALUES;
use super::*;

fn check(cases: &[(&str, &str)]) {
    for (t, want) in cases {
        assert_eq!(ok(t, VALUES), *want, "{t}");
    }
}

#[test]
fn defaults_and_strings() {
    check(&[
        // {{ default "x" .Values.missing }} {{ default "x" .Values.empty }} {{ default "x" .Values.name }}
        (
            "{{default \"x\" Values.missing}} {{default \"x\" Values.empty}} {{default \"x\" Values.name}}",
            "x x web",
        ),
        // {{ upper .Values.name | quote }} {{ squote .Values.replicas }}
        ("{{quote (upper Values.name)}} {{squote Values.replicas}}", "\"WEB\" '3'"),
        // {{ trunc 3 .Values.name }} {{ trimSuffix "-" "a-" }} {{ replace "." "-" "a.b" }} {{ contains "e" .Values.name }}
        (
            "{{trunc 3 Values.name}} {{trimSuffix \"-\" \"a-\"}} {{replace \".\" \"-\" \"a.b\"}} {{contains \"e\" Values.name}}",
            "web a a-b true",
        ),
        // {{ b64enc "hello" }} {{ sha256sum "x" }} {{ "hello world" | title }}
        (
            "{{b64enc \"hello\"}} {{sha256sum \"x\"}} {{title \"hello world\"}}",
            "aGVsbG8= 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 Hello World",
        ),
        // {{ ternary "y" "n" .Values.enabled }} {{ empty .Values.empty }} {{ coalesce .Values.missing .Values.empty "z" }}
        (
            "{{ternary \"y\" \"n\" Values.enabled}} {{empty Values.empty}} {{coalesce Values.missing Values.empty \"z\"}}",
            "y true z",
        ),
        // {{ regexReplaceAll "[0-9]+" "a1b22" "#" }} {{ splitList "," "a,b" }} {{ until 3 }} {{ seq 1 3 }}
        (
            "{{regexReplaceAll \"[0-9]+\" \"a1b22\" \"#\"}} {{splitList \",\" \"a,b\"}} {{until 3}} {{seq 1 3}}",
            "a#b# [a b] [0 1 2] 1 2 3",
        ),
    ]);
}

#[test]
fn nested_calls_keep_go_types() {
    check(&[
        // {{ indent 4 "a\nb" }}|{{ nindent 2 "x" }}
        ("{{indent 4 (printf \"a%sb\" (nindent 0 \"\"))}}|{{nindent 2 \"x\"}}", "    a\n    b|\n  x"),
        // {{ typeOf .Values.replicas }} {{ typeOf 5 }} {{ kindOf .Values.tags }} {{ typeOf (add 1 2) }} {{ typeOf 1.5 }} {{ typeOf "s" }}
        (
            "{{typeOf Values.replicas}} {{typeOf 5}} {{kindOf Values.tags}} {{typeOf (add 1 2)}} {{typeOf 1.5}} {{typeOf \"s\"}}",
            "float64 int slice int64 float64 string",
        ),
        // {{ int64 .Values.replicas }} {{ int .Values.ratio }} {{ float64 "2.5" }} {{ toString .Values.big }} {{ atoi "12" }}
        (
            "{{int64 Values.replicas}} {{int Values.ratio}} {{float64 \"2.5\"}} {{toString Values.big}} {{atoi \"12\"}}",
            "3 1 2.5 1e+06 12",
        ),
        // {{ (semver "1.2.3").Major }} {{ semver "1.2.3" }} {{ semverCompare ">=1.20" "1.25.0" }}
        (
            "{{method (semver \"1.2.3\") \"Major\"}} {{semver \"1.2.3\"}} {{semverCompare \">=1.20\" \"1.25.0\"}}",
            "1 1.2.3 true",
        ),
        ("{{#with (semver \"1.2.3\") as |v|}}{{method v \"Minor\"}}{{typeOf v}}{{/with}}", "2*semver.Version"),
    ]);
}

#[test]
fn lists_dicts_and_math() {
    check(&[
        // {{ printf "%s-%d-%v-%05.1f" .Values.name 5 .Values.big .Values.ratio }}
        (
            "{{printf \"%s-%d-%v-%05.1f\" Values.name 5 Values.big Values.ratio}}",
            "web-5-1e+06-001.5",
        ),
        // {{ add 1 .Values.replicas }} {{ mul .Values.ratio 2 }} {{ sub 10 3 }} {{ div 7 2 }} {{ max 1 5 3 }}
        (
            "{{add 1 Values.replicas}} {{mul Values.ratio 2}} {{sub 10 3}} {{div 7 2}} {{max 1 5 3}}",
            "4 2 7 3 5",
        ),
        // {{ list 1 2 3 | join "," }} {{ dict "a" 1 "b" "x" }} {{ list }}
        ("{{join \",\" (list 1 2 3)}} {{dict \"a\" 1 \"b\" \"x\"}} {{list}}", "1,2,3 map[a:1 b:x] []"),
        // {{ first .Values.tags }} {{ last .Values.tags }} {{ rest .Values.tags }} {{ has "b" .Values.tags }} {{ keys .Values.labels | sortAlpha }}
        (
            "{{first Values.tags}} {{last Values.tags}} {{rest Values.tags}} {{has \"b\" Values.tags}} {{sortAlpha (keys Values.labels)}}",
            "a c [b c] true [app tier]",
        ),
        // {{ $d := dict "k" "v" }}{{ $_ := set $d "n" 1 }}{{ $d }} {{ get $d "k" }} {{ hasKey $d "n" }} {{ pick $d "k" }}
        (
            "{{#with (dict \"k\" \"v\") as |d|}}{{#if (set d \"n\" 1)}}{{/if}}{{d}} {{get d \"k\"}} {{hasKey d \"n\"}} {{pick d \"k\"}}{{/with}}",
            "map[k:v n:1] v true map[k:v]",
        ),
        ("{{set (dict \"k\" \"v\") \"n\" 1}}", "map[k:v n:1]"),
    ]);
}

#[test]
fn go_builtins() {
    check(&[
        // {{ len .Values.tags }} {{ index .Values.tags 1 }} {{ eq .Values.name "web" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ and 1 0 }} {{ or 0 "" "x" }} {{ not true }}
        (
            "{{len Values.tags}} {{index Values.tags 1}} {{eq Values.name \"web\"}} {{ne 1 2}} {{lt 1 2}} {{and 1 0}} {{or 0 \"\" \"x\"}} {{not true}}",
            "3 b true true true 0 x false",
        ),
        // {{ print 1 2 "a" "b" }} {{ println "x" }}|{{ html "<a>" }} {{ js "'" }} {{ urlquery "a b" }}
        (
            "{{print 1 2 \"a\" \"b\"}} {{println \"x\"}}|{{html \"<a>\"}} {{js \"'\"}} {{urlquery \"a b\"}}",
            "1 2ab x\n|&lt;a&gt; \\' a+b",
        ),
        // gte / lte are Go's ge / le.
        ("{{gte 2 1}} {{lte 2 1}} {{gt 1 2}} {{le 1 1}} {{ge 1 1}}", "true false false true true"),
    ]);
}

#[test]
fn lookup_without_a_cluster_and_as_handlebars_lookup() {
    check(&[
        // {{ lookup "v1" "Pod" "ns" "name" }} {{ lookup "v1" "Pod" "" "" | len }}
        (
            "{{lookup \"v1\" \"Pod\" \"ns\" \"name\"}} {{len (lookup \"v1\" \"Pod\" \"\" \"\")}}",
            "map[] 0",
        ),
        // Two arguments: Handlebars' own lookup.
        (
            "{{lookup Values.labels \"tier\"}} {{lookup Values.tags 2}} [{{lookup Values.tags 9}}]",
            "front c []",
        ),
    ]);
}

#[test]
fn serialization() {
    check(&[
        // {{ toYaml .Values.labels }}|{{ toYaml .Values.tags }}|{{ toYaml .Values.big }}
        (
            "{{toYaml Values.labels}}|{{toYaml Values.tags}}|{{toYaml Values.big}}",
            "app: web\ntier: front|- a\n- b\n- c|1000000",
        ),
        // {{ toYaml .Values.nested | indent 4 }}|{{ .Values.labels | toYaml | nindent 2 }}
        (
            "{{indent 4 (toYaml Values.nested)}}|{{nindent 2 (toYaml Values.labels)}}",
            "    deep:\n      key: value|\n  app: web\n  tier: front",
        ),
        // {{ toJson .Values.labels }} {{ toJson .Values.tags }} {{ toJson .Values.big }} {{ toPrettyJson .Values.nested }}
        (
            "{{toJson Values.labels}} {{toJson Values.tags}} {{toJson Values.big}} {{toPrettyJson Values.nested}}",
            "{\"app\":\"web\",\"tier\":\"front\"} [\"a\",\"b\",\"c\"] 1000000 {\n  \"deep\": {\n    \"key\": \"value\"\n  }\n}",
        ),
        // {{ (fromYaml "a: 1\nb: [x]").b }} {{ fromYaml "a: 1" }} {{ fromJson "{\"a\": [1, 2]}" }} {{ fromYamlArray "- 1\n- two" }}
        (
            "{{lookup (fromYaml \"a: 1\\nb: [x]\") \"b\"}} {{fromYaml \"a: 1\"}} {{fromJson \"{\\\"a\\\": [1, 2]}\"}} {{fromYamlArray \"- 1\\n- two\"}}",
            "[x] map[a:1] map[a:[1 2]] [1 two]",
        ),
        // {{ toYaml (dict "b" 2 "a" (list 1 "x")) }}
        ("{{toYaml (dict \"b\" 2 \"a\" (list 1 \"x\"))}}", "a:\n- 1\n- x\nb: 2"),
        // {{ toToml .Values.labels }}
        ("{{toToml Values.labels}}", "app = \"web\"\ntier = \"front\"\n"),
    ]);
}
