//! Go's `path` and `path/filepath` functions as they behave on Unix, where Helm runs:
//! Helm prints paths the way these spell them (`filepath.Abs` of `../c` is cleaned,
//! not `/work/../c`).

use std::path::{Path, PathBuf};

/// Go's `path.Clean`: lexical clean-up of `.`, `..` and repeated slashes.
///
/// ```
/// assert_eq!(helmcore::gopath::clean("./a//b/../c/"), "a/c");
/// assert_eq!(helmcore::gopath::clean(""), ".");
/// ```
pub fn clean(path: &str) -> String {
    String::from_utf8(clean_bytes(path.as_bytes())).expect("cut only at ASCII slashes")
}

/// [`clean`] on bytes: Go's path functions work on a string's bytes, so a byte string
/// (a binary file's name part) keeps its bytes through them.
pub(crate) fn clean_bytes(path: &[u8]) -> Vec<u8> {
    if path.is_empty() {
        return b".".to_vec();
    }
    let rooted = path.starts_with(b"/");
    let mut parts: Vec<&[u8]> = Vec::new();
    for seg in path.split(|&b| b == b'/') {
        match seg {
            b"" | b"." => {}
            b".." => match parts.last() {
                Some(&last) if last != b".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(b".."),
            },
            s => parts.push(s),
        }
    }
    let joined = parts.join(&b'/');
    match (rooted, joined.is_empty()) {
        (true, _) => [b"/".as_slice(), &joined].concat(),
        (false, true) => b".".to_vec(),
        (false, false) => joined,
    }
}

/// Go's `filepath.Join(a, b)`.
///
/// ```
/// assert_eq!(helmcore::gopath::join("./x/", "Chart.yaml"), "x/Chart.yaml");
/// ```
pub fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => String::new(),
        (true, false) => clean(b),
        (false, true) => clean(a),
        (false, false) => clean(&format!("{a}/{b}")),
    }
}

/// Go's `filepath.Abs`: joined to the working directory when relative, then cleaned.
/// A name that is not UTF-8 keeps its bytes.
///
/// ```
/// use std::path::{Path, PathBuf};
/// assert_eq!(helmcore::gopath::abs(Path::new("/t/../c/")), PathBuf::from("/c"));
/// ```
pub fn abs(path: &Path) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        let mut bytes = path.as_os_str().as_bytes().to_vec();
        if !bytes.starts_with(b"/") {
            let cwd = working_dir();
            let mut joined = cwd.into_os_string().into_vec();
            joined.push(b'/');
            joined.extend_from_slice(&bytes);
            bytes = joined;
        }
        PathBuf::from(std::ffi::OsString::from_vec(clean_bytes(&bytes)))
    }
    #[cfg(not(unix))]
    {
        std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
    }
}

/// Go's `os.Getwd`: `$PWD` when it names the working directory (so a folder reached
/// through a symbolic link keeps that name), else the system's answer.
#[cfg(unix)]
fn working_dir() -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    if let Some(pwd) = std::env::var_os("PWD").map(PathBuf::from) {
        let same = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        };
        if pwd.is_absolute() && same(&pwd, Path::new(".")) {
            return pwd;
        }
    }
    std::env::current_dir().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_join_and_abs_as_go() {
        for (p, want) in [
            ("a/./b", "a/b"),
            ("a/../..", ".."),
            ("", "."),
            ("a//b/", "a/b"),
            ("../a", "../a"),
            ("a/..", "."),
            ("./a//b/../c/", "a/c"),
            ("/../x", "/x"),
        ] {
            assert_eq!(clean(p), want, "{p}");
        }
        assert_eq!(
            join("no-chart-yaml", "Chart.yaml"),
            "no-chart-yaml/Chart.yaml"
        );
        assert_eq!(join("./x/", "Chart.yaml"), "x/Chart.yaml");
        assert_eq!(join("", ""), "");
        assert_eq!(abs(Path::new("/t/../c/./d/")), PathBuf::from("/c/d"));
        let cwd = std::env::current_dir().unwrap();
        let parent = cwd.parent().unwrap_or(&cwd).to_path_buf();
        assert_eq!(abs(Path::new("../x")), parent.join("x"));
    }
}
