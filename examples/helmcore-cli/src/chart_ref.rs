//! What helm makes of a chart argument that is not on disk, as far as it can be told
//! without a repository: helm reads it as a URL (Go's `net/url`), then as
//! `REPO/CHART`, and its errors print the URL as Go writes it back (`a b` as `a%20b`).

/// helm's error for `name`, a chart argument that names no local file or folder.
pub fn not_found(name: &str) -> String {
    if name.starts_with('/') || name.starts_with('.') {
        return format!("path {name:?} not found");
    }
    let Some(u) = GoUrl::parse(name) else {
        return format!("invalid chart URL format: {name}");
    };
    if u.has_authority() || name.starts_with("oci://") {
        return format!(
            "helmcore loads charts from local paths and archives only: {name} would be downloaded"
        );
    }
    match u.path.split_once('/') {
        Some((repo, _)) if u.opaque().is_none() => format!("repo {repo} not found"),
        _ => format!(
            "non-absolute URLs should be in form of repo_name/path_to_chart, got: {}",
            u.string()
        ),
    }
}

/// The parts of a parsed reference that helm's message needs; a reference with an
/// authority (`scheme://host...`) is not taken apart further.
struct GoUrl<'a> {
    scheme: &'a str,
    /// What follows `scheme:` (the whole reference without one), before `?` and `#`:
    /// the opaque part or the path as written.
    rest: &'a str,
    /// `rest` decoded, when it is a path.
    path: String,
    query: Option<&'a str>,
    fragment: Option<(String, &'a str)>,
}

impl<'a> GoUrl<'a> {
    /// `url.Parse`, or `None` where it fails.
    fn parse(raw: &'a str) -> Option<Self> {
        let (main, fragment) = match raw.split_once('#') {
            Some((m, f)) => (m, Some((unescape(f)?, f))),
            None => (raw, None),
        };
        if main.bytes().any(|b| b < b' ' || b == 0x7f) {
            return None;
        }
        let (scheme, rest) = scheme(main)?;
        let (rest, query) = match rest.strip_suffix('?') {
            Some(r) if rest.matches('?').count() == 1 => (r, Some("")),
            _ => match rest.split_once('?') {
                Some((r, q)) => (r, Some(q)),
                None => (rest, None),
            },
        };
        let mut u = GoUrl {
            scheme,
            rest,
            path: String::new(),
            query,
            fragment,
        };
        // A colon before the first slash of a reference without a scheme would read as
        // one.
        if scheme.is_empty() && rest.split('/').next().is_some_and(|seg| seg.contains(':')) {
            return None;
        }
        if u.opaque().is_none() && !u.has_authority() {
            u.path = unescape(rest)?;
        }
        Some(u)
    }

    /// `scheme:rest` where `rest` does not start with a slash.
    fn opaque(&self) -> Option<&'a str> {
        (!self.scheme.is_empty() && !self.rest.starts_with('/')).then_some(self.rest)
    }

    fn has_authority(&self) -> bool {
        !self.scheme.is_empty() && self.rest.starts_with("//")
    }

    /// `(*URL).String()` for a reference without an authority.
    fn string(&self) -> String {
        let mut out = String::new();
        if !self.scheme.is_empty() {
            out.push_str(self.scheme);
            out.push(':');
        }
        match self.opaque() {
            Some(o) => out.push_str(o),
            None => out.push_str(&escaped(&self.path, self.rest, Mode::Path)),
        }
        if let Some(q) = self.query {
            out.push('?');
            out.push_str(q);
        }
        if let Some((f, raw)) = &self.fragment {
            if !f.is_empty() {
                out.push('#');
                out.push_str(&escaped(f, raw, Mode::Fragment));
            }
        }
        out
    }
}

/// Go's `getScheme`: letters, then digits, `+`, `-`, `.` up to a colon; `None` for a
/// leading colon (a missing scheme).
fn scheme(raw: &str) -> Option<(&str, &str)> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return None,
            b':' => return Some((&raw[..i], &raw[i + 1..])),
            _ => return Some(("", raw)),
        }
    }
    Some(("", raw))
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Path,
    Fragment,
}

/// Go's `shouldEscape` for a path or a fragment.
fn should_escape(c: u8, mode: Mode) -> bool {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => {
            mode == Mode::Path && c == b'?'
        }
        b'!' | b'(' | b')' | b'*' => mode == Mode::Path,
        _ => true,
    }
}

/// Go's `validEncoded`: may the raw form be printed as it was written?
fn valid_encoded(s: &str, mode: Mode) -> bool {
    s.bytes().all(|c| {
        matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'['
                | b']'
                | b'%'
        ) || !should_escape(c, mode)
    })
}

/// Go's `EscapedPath`/`EscapedFragment`: the raw form when it is a valid spelling of
/// the decoded one, else the decoded one escaped.
fn escaped(decoded: &str, raw: &str, mode: Mode) -> String {
    if valid_encoded(raw, mode) && unescape(raw).as_deref() == Some(decoded) {
        return raw.to_string();
    }
    let mut out = String::new();
    for c in decoded.bytes() {
        if should_escape(c, mode) {
            out.push_str(&format!("%{c:02X}"));
        } else {
            out.push(c as char);
        }
    }
    out
}

/// Go's `unescape` of a path or fragment: `%XX` decoded; `None` for a bad escape.
fn unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let digit = |j: usize| b.get(j).and_then(|&c| (c as char).to_digit(16));
            out.push((digit(i + 1)? * 16 + digit(i + 2)?) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    // Go's strings hold any bytes; a decoded name that is not UTF-8 is printed escaped.
    Some(String::from_utf8_lossy(&out).into_owned())
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
