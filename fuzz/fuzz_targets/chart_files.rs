//! A chart from loose files, loaded, its values computed and checked against its schema,
//! and rendered with a step budget: any Chart.yaml, values file, schema, template or
//! subchart gives a release or an error, never a panic or a hang.
//!
//! The input is split on NUL bytes into Chart.yaml, values.yaml, values.schema.json,
//! templates/a.yaml, templates/_helpers.tpl, charts/sub/Chart.yaml and
//! charts/sub/values.yaml, so that the fuzzer mutates each file's text on its own.
#![no_main]
use helmcore::chart::{load_files, BufferedFile};
use helmcore::render::{render, RenderOptions};
use helmcore::value::Map;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = [
    "Chart.yaml",
    "values.yaml",
    "values.schema.json",
    "templates/a.yaml",
    "templates/_helpers.tpl",
    "charts/sub/Chart.yaml",
    "charts/sub/values.yaml",
];

fuzz_target!(|input: &[u8]| {
    let files = input
        .split(|b| *b == 0)
        .zip(NAMES)
        .filter(|(data, _)| !data.is_empty())
        .map(|(data, name)| BufferedFile::new(name, data.to_vec()))
        .collect::<Vec<_>>();
    let Ok(chart) = load_files(files) else { return };
    let opts = RenderOptions {
        release_name: "fuzz".into(),
        max_steps: Some(20_000),
        ..RenderOptions::default()
    };
    let _ = render(&chart, &Map::new(), &opts);
});
