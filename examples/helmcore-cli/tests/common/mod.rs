//! What the CLI tests share: running the built `helmcore` and reading helm's goldens.

#![allow(dead_code)] // each test file uses a part

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
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

/// Serves each `(path, body)` of `routes` with `200 OK` (whatever the query), any other
/// path with `404 Not Found`, on a local port, until the test process ends.
pub fn serve(routes: &'static [(&'static str, &'static str)]) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut request = String::new();
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            reader.read_line(&mut request).unwrap();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let target = request.split_whitespace().nth(1).unwrap_or("");
            let path = target.split('?').next().unwrap_or("");
            let (status, body) = match routes.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => ("200 OK", *body),
                None => ("404 Not Found", "nothing here"),
            };
            let _ = write!(
                conn,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    port
}
