//! Where the conformance corpus is, for the tests and benchmarks that read it. One file,
//! included by `#[path]` from `helmcore/tests` and `benches/src`.

use std::path::{Path, PathBuf};

/// `$HELMCORE_CORPUS`, else `shared/corpus` beside the repository (or one level further
/// up, as in a worktree); `None` when it is not there. `crate_dir` is the calling
/// crate's `CARGO_MANIFEST_DIR` (a crate directly below the repository root).
pub fn find(crate_dir: &str) -> Option<PathBuf> {
    if let Ok(p) = std::env::var("HELMCORE_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let repo = Path::new(crate_dir).parent()?;
    [
        repo.join("../shared/corpus"),
        repo.join("../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.join("corpus.json").is_file())
}
