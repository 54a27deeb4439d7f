//! Helpers shared by the benchmarks in `benches/`.

use std::path::PathBuf;

#[path = "../../helmcore/tests/common/corpus.rs"]
mod corpus_path;

/// The conformance corpus: `$HELMCORE_CORPUS`, else `shared/corpus` beside the repository
/// (or one level further up, as in a worktree); `None` when it is not there.
///
/// ```
/// if let Some(dir) = helmcore_benches::corpus() {
///     assert!(dir.join("corpus.json").is_file());
/// }
/// ```
pub fn corpus() -> Option<PathBuf> {
    corpus_path::find(env!("CARGO_MANIFEST_DIR"))
}
