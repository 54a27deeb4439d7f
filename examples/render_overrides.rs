//! Render with the user's values and a target cluster, as
//! `helm template web examples/charts/demo -n prod --set replicaCount=3 --set-string
//! image.tag=1.27 --kube-version 1.30.2 --api-versions gateway.networking.k8s.io/v1
//! --show-only templates/deployment.yaml` does.
//!
//! cargo run --example render_overrides

use helmcore::render::{Compat, KubeVersion, PrintOptions, RenderOptions, Renderer};
use helmcore::values::Options;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let chart = helmcore::chart::load(helmcore_examples::demo_chart())?;
    // The `-f`/`--set` family, merged as helm merges them.
    let user = Options {
        values: vec!["replicaCount=3".into()],
        string_values: vec!["image.tag=1.27".into()],
        ..Options::default()
    }
    .merge_values()?;
    let opts = RenderOptions {
        release_name: "web".into(),
        namespace: "prod".into(),
        kube_version: Some(KubeVersion::parse("1.30.2", Compat::V4)?),
        api_versions: vec!["gateway.networking.k8s.io/v1".into()],
        ..RenderOptions::default()
    };
    // A Renderer keeps the parsed templates: render it again with other values cheaply.
    let renderer = Renderer::new(chart);
    let release = renderer.render(&user, &opts)?;
    let only = PrintOptions {
        show_only: vec!["templates/deployment.yaml".into()],
        ..PrintOptions::default()
    };
    print!("{}", release.template_output(&only)?);
    Ok(())
}
