//! Template engine benchmarks: the shapes that dominate real chart renders.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use helmcore::engine::{ExecOptions, FuncTable, TemplateSet};
use helmcore::value::{Map, Value};

fn data(n: usize) -> Value {
    let values = Map::new();
    values.insert("name", Value::from("web"));
    values.insert("replicas", Value::Float(3.0));
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let m = Map::new();
            m.insert("name", Value::from(format!("item-{i}")));
            m.insert("port", Value::Float(8000.0 + i as f64));
            Value::Map(m)
        })
        .collect();
    values.insert("items", Value::list(items));
    let labels = Map::new();
    for k in ["app", "tier", "release", "chart"] {
        labels.insert(k, Value::from(format!("{k}-value")));
    }
    values.insert("labels", Value::Map(labels));
    let top = Map::new();
    top.insert("Values", Value::Map(values));
    let release = Map::new();
    release.insert("Name", Value::from("rel"));
    release.insert("Namespace", Value::from("default"));
    top.insert("Release", Value::Map(release));
    Value::Map(top)
}

const HELPERS: &str = r#"
{{- define "fullname" -}}
{{- if .Values.fullnameOverride -}}{{ .Values.fullnameOverride }}{{- else -}}{{ printf "%s-%s" .Release.Name .Values.name }}{{- end -}}
{{- end -}}
{{- define "labels" -}}
app.kubernetes.io/name: {{ include "fullname" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v }}
{{- end }}
{{- end -}}
"#;

fn set(main: &str) -> TemplateSet {
    let mut set = TemplateSet::new(FuncTable::helm());
    // (one table per set; sets built below share nothing)
    set.add("_helpers.tpl", HELPERS).expect("helpers parse");
    set.add("main.yaml", main).expect("main parses");
    set
}

/// Times executing `main.yaml` of `set` on `d`.
fn bench_execute(c: &mut Criterion, name: &str, set: &TemplateSet, d: &Value, opts: &ExecOptions) {
    c.bench_function(name, |b| {
        b.iter(|| {
            set.execute("main.yaml", black_box(d), opts)
                .expect("renders")
        })
    });
}

fn bench(c: &mut Criterion) {
    let opts = ExecOptions::helm();

    // A define included thousands of times (Bitnami-style helpers).
    let include_heavy =
        set("{{- range $i := $.Values.items }}{{ include \"labels\" $ }}\n{{ end }}");
    let d = data(5000);
    bench_execute(
        c,
        "include 5000x (labels helper)",
        &include_heavy,
        &d,
        &opts,
    );

    // range over a long list with field access.
    let range_set = set("{{- range $i, $e := .Values.items }}\n- name: {{ $e.name }}\n  port: {{ $e.port }}\n  index: {{ $i }}{{ end }}\n");
    let d = data(10_000);
    bench_execute(c, "range 10000 items", &range_set, &d, &opts);

    // printf-heavy output.
    let printf_set = set(
        r#"{{- range .Values.items }}{{ printf "%s:%05d|%-12s|%x|%.2f|%q\n" .name (len .name) .name (len .name) .port .name }}{{ end }}"#,
    );
    let d = data(5000);
    bench_execute(c, "printf 5000 lines", &printf_set, &d, &opts);

    // toYaml of a large map: 5000 items of two keys each, plus nested labels, written
    // with go-yaml's key order and quoting (what `{{ toYaml .Values | nindent 4 }}` does
    // for a big values block).
    let to_yaml_set = set("{{ toYaml .Values | nindent 4 }}");
    let d = data(5000);
    bench_execute(c, "toYaml 5000-item values", &to_yaml_set, &d, &opts);

    // Parsing a helpers file (the function table is built once per chart render).
    let table = std::sync::Arc::new(FuncTable::helm());
    c.bench_function("parse helpers", |b| {
        b.iter(|| {
            let mut s = TemplateSet::new(table.clone());
            s.add("_helpers.tpl", black_box(HELPERS)).expect("parses");
            s
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
