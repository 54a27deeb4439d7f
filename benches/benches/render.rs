//! In-process rendering of real charts, as `helm template` renders them: bitnami-postgresql,
//! kube-prometheus-stack and airbyte from the conformance corpus (`$HELMCORE_CORPUS` or
//! `shared/corpus` beside the repo). The corpus's kube-prometheus-stack lacks four of its
//! subcharts; point `$HELMCORE_KPS` at a complete copy to bench it. Charts that are
//! absent are skipped.
//!
//! Each chart is measured twice: a first render (templates parsed) and a repeated render
//! on one [`Renderer`] (parsed templates reused).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use helmcore::render::{PrintOptions, RenderOptions, Renderer};
use helmcore::value::Map;
use helmcore_benches::corpus;

fn charts() -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    if let Some(c) = corpus() {
        out.push(("bitnami-postgresql", c.join("charts/bitnami-postgresql")));
        out.push(("airbyte", c.join("charts/airbyte")));
    }
    match std::env::var("HELMCORE_KPS") {
        Ok(p) => out.push(("kube-prometheus-stack", PathBuf::from(p))),
        Err(_) => {
            if let Some(c) = corpus() {
                out.push((
                    "kube-prometheus-stack",
                    c.join("charts/pc-kube-prometheus-stack"),
                ));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let opts = RenderOptions {
        release_name: "rel".into(),
        namespace: "demo".into(),
        kube_version: helmcore::render::KubeVersion::parse("1.31.0", Default::default()).ok(),
        ..RenderOptions::default()
    };
    let user = Map::new();
    for (name, path) in charts() {
        let Ok(chart) = helmcore::chart::load(&path) else {
            eprintln!("{name}: not found at {}; skipped", path.display());
            continue;
        };
        let renderer = Renderer::new(chart.clone());
        if let Err(e) = renderer.render(&user, &opts) {
            eprintln!("{name}: does not render ({e}); skipped");
            continue;
        }
        c.bench_function(&format!("{name}/first render"), |b| {
            b.iter(|| {
                let r = Renderer::new(chart.clone());
                r.render(&user, &opts)
                    .and_then(|rel| rel.template_output(&PrintOptions::default()))
                    .map(|s| s.len())
            })
        });
        c.bench_function(&format!("{name}/repeat render"), |b| {
            b.iter(|| {
                renderer
                    .render(&user, &opts)
                    .and_then(|rel| rel.template_output(&PrintOptions::default()))
                    .map(|s| s.len())
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
