//! Render a chart from disk as `helm template demo examples/charts/demo` does, then look
//! at the result as structure.
//!
//! cargo run --example render_chart

use helmcore::render::{render, PrintOptions, RenderOptions};
use helmcore::value::Map;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let chart = helmcore::chart::load(helmcore_examples::demo_chart())?;
    let opts = RenderOptions {
        release_name: "demo".into(),
        ..RenderOptions::default()
    };
    let release = render(&chart, &Map::new(), &opts)?;

    for m in &release.manifests {
        eprintln!("{:<16} {:<20} from {}", m.head.kind, m.head.name, m.path);
    }
    for h in &release.hooks {
        let events: Vec<&str> = h.events.iter().map(|e| e.as_str()).collect();
        eprintln!(
            "hook {} on {} (weight {})",
            h.name,
            events.join(","),
            h.weight
        );
    }
    eprintln!("notes:\n{}", release.notes);

    // Exactly what `helm template` prints.
    print!("{}", release.template_output(&PrintOptions::default())?);
    Ok(())
}
