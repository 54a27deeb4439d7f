//! Every template of the conformance corpus parses (helm renders all of them, so none
//! has a parse error), with the full Helm function table.

use std::path::{Path, PathBuf};

use helmcore::engine::{FuncTable, TemplateSet};

fn corpus() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        here.join("../../shared/corpus/charts"),
        here.join("../shared/corpus/charts"),
        PathBuf::from("/work/shared/corpus/charts"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

fn templates(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            templates(&p, out);
        } else if p.components().any(|c| c.as_os_str() == "templates") {
            out.push(p);
        }
    }
}

#[test]
fn corpus_templates_parse() {
    let Some(root) = corpus() else {
        eprintln!("conformance corpus not found; nothing to parse");
        return;
    };
    let mut files = Vec::new();
    templates(&root, &mut files);
    assert!(files.len() > 1000, "corpus has {} templates", files.len());
    let funcs = std::sync::Arc::new(FuncTable::helm());
    let mut set = TemplateSet::new(funcs);
    let mut failures = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        if let Err(e) = set.add(&f.to_string_lossy(), &text) {
            failures.push(e.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} templates failed to parse:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
