//! Helpers shared by the benchmarks in `benches/`.

use std::path::{Path, PathBuf};

/// The conformance corpus: `$HELMCORE_CORPUS`, else `shared/corpus` beside the repository
/// (or one level further up, as in a worktree); `None` when it is not there.
///
/// ```
/// if let Some(dir) = helmcore_benches::corpus() {
///     assert!(dir.join("corpus.json").is_file());
/// }
/// ```
pub fn corpus() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("HELMCORE_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    [
        repo.join("../shared/corpus"),
        repo.join("../../shared/corpus"),
    ]
    .into_iter()
    .find(|p| p.join("corpus.json").is_file())
}
