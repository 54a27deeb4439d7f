//! `Renderer::render_once` frees the parsed templates half-way through a render; what it
//! returns must be what `Renderer::render` returns, and a renderer that kept its
//! templates must render the same again.

use helmcore::render::{PrintOptions, RenderOptions, Renderer};
use helmcore::value::Map;

#[test]
fn render_once_gives_what_render_gives() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/charts/demo");
    let chart = helmcore::chart::load(dir).expect("the demo chart loads");
    let opts = RenderOptions {
        release_name: "rel".into(),
        ..RenderOptions::default()
    };
    let print = PrintOptions::default();
    let keeping = Renderer::new(chart.clone());
    let first = keeping.render(&Map::new(), &opts).expect("renders");
    let again = keeping.render(&Map::new(), &opts).expect("renders again");
    let once = Renderer::new(chart)
        .render_once(&Map::new(), &opts)
        .expect("renders once");
    let text = first.template_output(&print).expect("prints");
    assert!(text.contains("kind: Deployment"), "{text}");
    assert_eq!(again.template_output(&print).expect("prints"), text);
    assert_eq!(once.template_output(&print).expect("prints"), text);
    assert_eq!(once.files, first.files);
    assert_eq!(once.notes, first.notes);
}
