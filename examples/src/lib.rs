//! The examples live beside this file (`cargo run --example render_chart`); this crate
//! has no library code beyond the path to the demo chart they render.

/// `examples/charts/demo`, the `helm create` scaffold.
pub fn demo_chart() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("charts/demo")
}
