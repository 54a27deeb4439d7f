//! Render a chart that exists only in memory, as a `.tgz` archive (what `helm package`
//! writes and repositories serve).
//!
//! cargo run --example render_archive

use helmcore::render::{render, PrintOptions, RenderOptions};

const FILES: &[(&str, &str)] = &[
    ("hello/Chart.yaml", "apiVersion: v2\nname: hello\nversion: 1.0.0\n"),
    ("hello/values.yaml", "greeting: hello\nreplicas: 2\n"),
    (
        "hello/templates/configmap.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-{{ .Chart.Name }}\ndata:\n  greeting: {{ .Values.greeting | upper | quote }}\n  replicas: {{ .Values.replicas | quote }}\n",
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Build the archive in memory.
    let mut tgz = Vec::new();
    {
        let gz = flate2::write::GzEncoder::new(&mut tgz, flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        for (path, text) in FILES {
            let mut header = tar::Header::new_gnu();
            header.set_size(text.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append_data(&mut header, path, text.as_bytes())?;
        }
        tar.into_inner()?.finish()?;
    }

    let chart = helmcore::chart::load_archive(&tgz)?;
    let opts = RenderOptions {
        release_name: "mem".into(),
        ..RenderOptions::default()
    };
    let release = render(&chart, &helmcore::value::Map::new(), &opts)?;
    print!("{}", release.template_output(&PrintOptions::default())?);
    Ok(())
}
