//! The e-mail and URL checks Helm applies to Chart.yaml (asaskevich/govalidator's
//! `IsEmail`, `IsURL` and `IsRequestURL`), with govalidator's patterns in the syntax of
//! the `regex` crate: Go's `\d`, `\s` and `\S` are ASCII-only, so they are spelled out.

use std::sync::OnceLock;

use regex::Regex;

use crate::gourl;

/// govalidator's e-mail pattern (RFC 5322 in the style of a well-known JavaScript one).
const EMAIL: &str = concat!(
    r#"^(((([a-zA-Z]|[0-9]|[!#\$%&'\*\+\-\/=\?\^_`{\|}~]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])+(\.([a-zA-Z]|[0-9]|[!#\$%&'\*\+\-\/=\?\^_`{\|}~]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])+)*)|((\x22)((((\x20|\x09)*(\x0d\x0a))?(\x20|\x09)+)?(([\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\x21|[\x23-\x5b]|[\x5d-\x7e]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])|(\([\x01-\x09\x0b\x0c\x0d-\x7f]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}]))))*(((\x20|\x09)*(\x0d\x0a))?(\x20|\x09)+)?(\x22)))@"#,
    r#"((([a-zA-Z]|[0-9]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])|(([a-zA-Z]|[0-9]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])([a-zA-Z]|[0-9]|-|\.|_|~|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])*([a-zA-Z]|[0-9]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])))\.)+"#,
    r#"(([a-zA-Z]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])|(([a-zA-Z]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])([a-zA-Z]|[0-9]|-|_|~|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])*([a-zA-Z]|[\x{00A0}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFEF}])))\.?$"#,
);

/// govalidator's IPv6/IPv4 pattern, used inside brackets in [`URL`].
const IP: &str = r"(([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:)|fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}|::(ffff(:0{1,4}){0,1}:){0,1}((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])|([0-9a-fA-F]{1,4}:){1,4}:((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9]))";

/// Go's ASCII `\S`.
const NON_SPACE: &str = r"[^\t\n\f\r ]";

fn url_pattern() -> String {
    let schema = r"((ftp|tcp|udp|wss?|https?):\/\/)";
    let username = format!(r"({NON_SPACE}+(:{NON_SPACE}*)?@)");
    let path = format!(r"((\/|\?|#){NON_SPACE}*)");
    let port = r"(:([0-9]{1,5}))";
    let ip = r"([1-9][0-9]?|1[0-9][0-9]|2[01][0-9]|22[0-3]|24[0-9]|25[0-5])(\.([0-9]{1,2}|1[0-9][0-9]|2[0-4][0-9]|25[0-5])){2}(?:\.([0-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5]))";
    let subdomain = r"((www\.)|([a-zA-Z0-9]+([-_\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\.[a-zA-Z0-9]+))";
    format!(
        r"^{schema}?{username}?(({ip}|(\[{IP}\])|(([a-zA-Z0-9]([a-zA-Z0-9_\-]+)?[a-zA-Z0-9]([-\.][a-zA-Z0-9]+)*)|({subdomain}?))?(([a-zA-Z\x{{00a1}}-\x{{ffff}}0-9]+-?-?)*[a-zA-Z\x{{00a1}}-\x{{ffff}}0-9]+)(?:\.([a-zA-Z\x{{00a1}}-\x{{ffff}}]{{1,}}))?))\.?{port}?{path}?$"
    )
}

fn email_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(EMAIL).expect("the e-mail pattern is valid"))
}

fn url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&url_pattern()).expect("the URL pattern is valid"))
}

/// govalidator's `IsEmail` (maintainers' `email`).
pub(crate) fn is_email(s: &str) -> bool {
    email_regex().is_match(s)
}

/// govalidator's `IsURL` (maintainers' `url`): a loose check that also takes
/// scheme-less hosts such as `example.com`.
pub(crate) fn is_url(s: &str) -> bool {
    let runes = s.chars().count();
    if s.is_empty() || runes >= 2083 || s.len() <= 3 || s.starts_with('.') {
        return false;
    }
    // A colon without "://" is taken for a port: parse it as an http URL.
    let parsed = if s.contains(':') && !s.contains("://") {
        gourl::parse(&format!("http://{s}"))
    } else {
        gourl::parse(s)
    };
    let Ok(u) = parsed else { return false };
    if u.host.starts_with('.') {
        return false;
    }
    if u.host.is_empty() && !u.path.is_empty() && !u.path.contains('.') {
        return false;
    }
    url_regex().is_match(s)
}

/// govalidator's `IsRequestURL` (`sources`, `icon`): Go parses it as a request URI and
/// it has a scheme.
pub(crate) fn is_request_url(s: &str) -> bool {
    gourl::parse_request_uri(s).is_ok_and(|u| !u.scheme.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    // (input, accepted as source/icon, accepted as maintainer url): what helm v4.1.4 said
    // about each as `sources: [X]`, `icon: X` and `maintainers: [{name: n, url: X}]`.
    const URLS: &[(&str, bool, bool)] = &[
        ("https://example.com", true, true),
        ("http://example.com/path?x=1#frag", true, true),
        ("example.com", false, true),
        ("www.example.com", false, true),
        ("notaurl", false, false),
        ("ftp://x", true, true),
        ("foo:bar", true, false),
        (":foo", false, false),
        ("mailto:a@b.c", true, true),
        ("http://", true, false),
        ("http://[::1]:80/", true, true),
        ("http://[::1", false, false),
        ("http://host:port/", false, false),
        ("http://host:80/", true, true),
        ("http://a b.com", false, false),
        ("http://ex%41mple.com", false, false),
        ("http://ex%zzmple.com", false, false),
        ("http://user:pass@host.com/", true, true),
        ("http://us er@host.com/", false, false),
        ("https://example.com/%zz", false, false),
        ("https://example.com/a#%zz", false, false),
        ("/just/a/path", false, false),
        ("//host/path", false, false),
        ("git@github.com:foo/bar.git", false, false),
        ("https://github.com/foo/bar", true, true),
        ("https://raw.githubusercontent.com/x/y/z.png", true, true),
        ("data:image/png;base64,iVBORw0KGgo=", true, false),
        ("HTTPS://EXAMPLE.COM", true, false),
        ("http://exa_mple.com", true, true),
        ("http://-example.com", true, false),
        ("http://example-.com", true, false),
        ("http://.example.com", true, false),
        ("http://example.com.", true, true),
        ("http://1.2.3.4", true, true),
        ("http://256.1.1.1", true, false),
        ("http://localhost", true, true),
        ("http://localhost:8080", true, true),
        ("localhost", false, false),
        ("abc", false, false),
        ("a.b", false, false),
        ("http://ünïcode.com", true, true),
        ("https://example.com/ü", true, true),
        ("1http://x.com", false, false),
        ("h+ttp://x.com", true, false),
        ("http://x.com/?", true, true),
        ("*", false, false),
        ("http:/x.com", true, false),
        ("http:x.com", true, false),
        ("s3://bucket/key", true, false),
        ("oci://registry/x", true, false),
        ("http://[fe80::1%25en0]/", true, true),
        ("http://[abc]/", false, false),
        ("http://[::1]x/", false, false),
        ("http://a:b:c/", false, false),
        ("http://[1.2.3.4]/", false, false),
        ("http://[::1]:/", true, false),
        ("http://host:/", true, false),
        ("http://h%C3%BCst.com/", true, false),
        ("http://h%25st.com/", true, false),
        ("http://ho{st.com/", false, false),
        ("http://ho\"st.com/", true, false),
        ("http://us%zzer@host.com/", false, false),
        ("http://us:pa:ss@host.com/", true, true),
        ("http://us{er@host.com/", false, false),
        ("http://a@b@host.com/", true, true),
        ("http://host.com/a b", true, false),
        ("http://host.com/a%20b", true, true),
        ("http://host.com?a b", true, false),
        (" http://host.com", false, false),
        ("http://host.com ", false, false),
        ("http://host.com/\tx", false, false),
        ("x:", true, false),
        ("a1+-.:b", true, false),
        ("http://host.com:99999999/", true, false),
    ];

    #[test]
    fn urls_as_helm_judges_them() {
        for (s, request, url) in URLS {
            assert_eq!(is_request_url(s), *request, "IsRequestURL({s:?})");
            assert_eq!(is_url(s), *url, "IsURL({s:?})");
            assert!(!is_email(s) || s.contains('@'), "IsEmail({s:?})");
        }
    }

    // (input, accepted as a maintainer's email) from helm v4.1.4.
    const EMAILS: &[(&str, bool)] = &[
        ("a@b.c", true),
        ("a@b.co", true),
        ("user.name+tag@example.com", true),
        ("User@Example.COM", true),
        ("a@b", false),
        ("a@localhost", false),
        ("\"quoted\"@example.com", false),
        ("a..b@example.com", false),
        (".a@example.com", false),
        ("a.@example.com", false),
        ("a@-b.com", false),
        ("a@b-.com", false),
        ("a@b..com", false),
        ("a@b.c.", true),
        ("ü@example.com", true),
        ("a@ü.com", true),
        ("a b@example.com", false),
        ("a@b_c.com", true),
        ("a@1.2.3.4", false),
        ("a@[1.2.3.4]", false),
        ("@example.com", false),
        ("a@", false),
        ("a@b.c1", false),
        ("a@b.1c", false),
    ];

    #[test]
    fn emails_as_helm_judges_them() {
        for (s, ok) in EMAILS {
            assert_eq!(is_email(s), *ok, "IsEmail({s:?})");
        }
    }
}
