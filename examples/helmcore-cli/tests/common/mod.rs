//! What the CLI tests share: running the built `helmcore` and reading helm's goldens.

#![allow(dead_code)] // each test file uses a part

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// helmcore's test fixtures (`helmcore/tests`: `charts/`, `golden/`).
pub fn tests_dir() -> PathBuf {
    root().join("helmcore/tests")
}

/// Runs `helmcore ARGS` in `dir`: standard output, standard error, success.
pub fn run_in(dir: &Path, args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_helmcore"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("helmcore runs");
    (
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
        out.status.success(),
    )
}

/// A golden file under `helmcore/tests/golden`.
pub fn golden(path: &str) -> String {
    std::fs::read_to_string(tests_dir().join("golden").join(path)).expect("golden exists")
}
