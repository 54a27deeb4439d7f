//! What helm makes of a chart argument that is not on disk, as far as it can be told
//! without a repository: helm reads it as a URL (Go's `net/url`, [`helmcore::gourl`]),
//! then as `REPO/CHART`, and its errors print the URL as Go writes it back (`a b` as
//! `a%20b`).

/// helm's error for `name`, a chart argument that names no local file or folder.
pub fn not_found(name: &str) -> String {
    if name.starts_with('/') || name.starts_with('.') {
        return format!("path {name:?} not found");
    }
    let Ok(u) = helmcore::gourl::parse(name) else {
        return format!("invalid chart URL format: {name}");
    };
    let has_authority = !u.scheme.is_empty() && name[u.scheme.len() + 1..].starts_with("//");
    if has_authority || name.starts_with("oci://") {
        return format!(
            "helmcore loads charts from local paths and archives only: {name} would be downloaded"
        );
    }
    match u.path.split_once('/') {
        Some((repo, _)) if u.opaque.is_empty() => format!("repo {repo} not found"),
        _ => format!("non-absolute URLs should be in form of repo_name/path_to_chart, got: {u}"),
    }
}

#[cfg(test)]
mod tests {
    use super::not_found;

    /// What helm v4.1.4 printed for `helm template NAME` (each after `Error: `).
    #[test]
    fn errors_as_helm_prints_them() {
        let non_abs = "non-absolute URLs should be in form of repo_name/path_to_chart, got: ";
        for (name, want) in [
            ("é", format!("{non_abs}%C3%A9")),
            ("a b", format!("{non_abs}a%20b")),
            ("a?b", format!("{non_abs}a?b")),
            ("a#b", format!("{non_abs}a#b")),
            ("a%zz", "invalid chart URL format: a%zz".into()),
            ("a:b", format!("{non_abs}a:b")),
            ("%41", format!("{non_abs}%41")),
            ("a/b", "repo a not found".into()),
            ("a?x/y", format!("{non_abs}a?x/y")),
            ("ftp:x", format!("{non_abs}ftp:x")),
            (":x", "invalid chart URL format: :x".into()),
            ("1:2", "invalid chart URL format: 1:2".into()),
            ("a b/c", "repo a b not found".into()),
            ("é/x", "repo é not found".into()),
            ("a[b", format!("{non_abs}a[b")),
            ("a\"b", format!("{non_abs}a%22b")),
            ("a<b", format!("{non_abs}a%3Cb")),
            ("a{b", format!("{non_abs}a%7Bb")),
            ("a|b", format!("{non_abs}a%7Cb")),
            ("a^b", format!("{non_abs}a%5Eb")),
            ("a`b", format!("{non_abs}a%60b")),
            ("a'b", format!("{non_abs}a'b")),
            ("a\\b", format!("{non_abs}a%5Cb")),
            ("/nope", "path \"/nope\" not found".into()),
            (".nope", "path \".nope\" not found".into()),
            ("~/nope", "repo ~ not found".into()),
            ("A-Z_~!*()", format!("{non_abs}A-Z_~!*()")),
            ("a$b", format!("{non_abs}a$b")),
            ("a&b=c", format!("{non_abs}a&b=c")),
            ("a+b", format!("{non_abs}a+b")),
        ] {
            assert_eq!(not_found(name), want, "{name}");
        }
    }
}
