//! Coalescing big charts' values with a realistic override set: what `helm template`/
//! `install` computes before rendering. The corpus's biggest complete chart is
//! bitnami-mastodon (14 charts, 570 KB of values); its kube-prometheus-stack lacks four of
//! its five subcharts, so point `$HELMCORE_KPS` at a complete copy (see
//! `benches/make-kps-copy.sh`) to bench that one too. Needs the corpus
//! (`$HELMCORE_CORPUS` or `shared/corpus` beside the repo).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use helmcore::chart::load;
use helmcore::values::{computed_values, Options};
use helmcore_benches::corpus;

fn bench(c: &mut Criterion) {
    let Some(corpus) = corpus() else {
        eprintln!("corpus not found; no benchmark");
        return;
    };
    let chart = load(corpus.join("charts/bitnami-mastodon")).expect("chart loads");
    let sets = [
        "web.replicaCount=3",
        "sidekiq.replicaCount=2",
        "postgresql.enabled=true",
        "redis.architecture=replication",
        "elasticsearch.enabled=true",
        "minio.enabled=true",
        "global.imageRegistry=registry.example.com",
        "global.storageClass=fast",
        "adminUser=admin",
        "web.resources.requests.cpu=500m",
        "ingress.enabled=true",
        "ingress.hostname=mastodon.example.com",
    ];
    let opts = Options {
        values: sets.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let user = opts.merge_values().expect("values parse");
    c.bench_function("computed_values bitnami-mastodon + 12 --set", |b| {
        b.iter(|| computed_values(&chart, &user).expect("coalesces"))
    });
    c.bench_function("load bitnami-mastodon", |b| {
        b.iter(|| load(corpus.join("charts/bitnami-mastodon")).expect("loads"))
    });
    if let Ok(kps) = std::env::var("HELMCORE_KPS") {
        bench_kps(c, Path::new(&kps));
    }
}

/// kube-prometheus-stack with an override set like its users' (the corpus's ci files).
fn bench_kps(c: &mut Criterion, dir: &Path) {
    let chart = load(dir).expect("kube-prometheus-stack loads");
    let sets = [
        "grafana.enabled=true",
        "alertmanager.alertmanagerSpec.replicas=3",
        "prometheus.prometheusSpec.replicas=2",
        "prometheus.prometheusSpec.retention=30d",
        "prometheus.ingress.enabled=true",
        "prometheus.ingress.hosts[0]=prometheus.example.com",
        "prometheusOperator.admissionWebhooks.patch.enabled=true",
        "kube-state-metrics.replicas=2",
        "prometheus-node-exporter.hostNetwork=false",
        "global.imageRegistry=registry.example.com",
        "defaultRules.rules.etcd=false",
        "kubeEtcd.enabled=false",
    ];
    let opts = Options {
        values: sets.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let user = opts.merge_values().expect("values parse");
    c.bench_function("computed_values kube-prometheus-stack + 12 --set", |b| {
        b.iter(|| computed_values(&chart, &user).expect("coalesces"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
