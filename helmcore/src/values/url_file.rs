//! How Helm reads the file behind `-f` and `--set-file`: standard input for `-`, else
//! the name is parsed as a URL and fetched when one of Helm's getters serves its scheme
//! (`http`, `https`, `oci`), else read from disk. The core fetches nothing itself: a
//! [`Getter`] given in the options does.

use super::ValuesError;

/// The URL schemes of Helm's built-in getters; a name with another scheme (`file:`,
/// `ftp:`) is a local path, as in helm.
const FETCHED_SCHEMES: [&str; 3] = ["http", "https", "oci"];

/// Fetches a values file named by an `http`, `https` or `oci` URL (Helm's
/// `getter.Getter`). Its error is printed as it is, after `failed parsing --set-file
/// data: ` for `--set-file`; helm's HTTP getter says `Get "URL": dial tcp ...` or
/// `failed to fetch URL : 404 Not Found`.
///
/// ```
/// use helmcore::values::{Getter, Options};
/// #[derive(Debug)]
/// struct Fixed;
/// impl Getter for Fixed {
///     fn get(&self, url: &str) -> Result<Vec<u8>, String> {
///         match url {
///             "https://example.com/prod.yaml" => Ok(b"replicas: 3\n".to_vec()),
///             _ => Err(format!("failed to fetch {url} : 404 Not Found")),
///         }
///     }
/// }
/// let opts = Options {
///     value_files: vec!["https://example.com/prod.yaml".into()],
///     getter: Some(std::sync::Arc::new(Fixed)),
///     ..Default::default()
/// };
/// let values = opts.merge_values().unwrap();
/// assert_eq!(values.get("replicas").unwrap().to_go_string(), "3");
/// ```
pub trait Getter: std::fmt::Debug + Send + Sync {
    /// The file's bytes, or the error helm's getter would print.
    fn get(&self, url: &str) -> Result<Vec<u8>, String>;
}

/// The bytes of the file `name` names, as helm's `readFile` finds them.
pub(super) fn read(name: &str, getter: Option<&dyn Getter>) -> Result<Vec<u8>, ValuesError> {
    if name.trim() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| ValuesError::Read(format!("read /dev/stdin: {e}")))?;
        return Ok(buf);
    }
    let url = crate::gourl::parse(name).map_err(|e| ValuesError::Read(e.to_string()))?;
    if !FETCHED_SCHEMES.contains(&url.scheme.as_str()) {
        return read_local(name);
    }
    match getter {
        Some(g) => g.get(name).map_err(ValuesError::Read),
        None => Err(ValuesError::Read(format!(
            "no getter was given to fetch {name}: the helmcore library reads no URL itself"
        ))),
    }
}

/// Go's `os.ReadFile`: opening a directory succeeds, reading it fails.
fn read_local(path: &str) -> Result<Vec<u8>, ValuesError> {
    let fail = |op: &str, e: std::io::Error| {
        ValuesError::Read(format!(
            "{op} {path}: {}",
            crate::chart::go_errno_text_of(&e)
        ))
    };
    let mut file = std::fs::File::open(path).map_err(|e| fail("open", e))?;
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut buf).map_err(|e| fail("read", e))?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Options;
    use std::sync::Arc;

    #[derive(Debug)]
    struct Echo;
    impl Getter for Echo {
        fn get(&self, url: &str) -> Result<Vec<u8>, String> {
            Ok(format!("fetched: {url:?}\n").into_bytes())
        }
    }

    fn merged(opts: Options) -> Result<String, String> {
        opts.merge_values()
            .map(|m| crate::json::to_string(&crate::value::Value::Map(m)).unwrap())
            .map_err(|e| e.to_string())
    }

    /// What helm v4.1.4 and v3.17.1 printed for `-f NAME` and `--set-file a=NAME`.
    #[test]
    fn names_go_refuses_as_urls_fail_as_in_helm() {
        for (name, why) in [
            (
                "a%zz.yaml",
                r#"parse "a%zz.yaml": invalid URL escape "%zz""#,
            ),
            (
                "1a:b.yaml",
                r#"parse "1a:b.yaml": first path segment in URL cannot contain colon"#,
            ),
            (":x.yaml", r#"parse ":x.yaml": missing protocol scheme"#),
        ] {
            let files = Options {
                value_files: vec![name.into()],
                ..Default::default()
            };
            assert_eq!(merged(files).unwrap_err(), why);
            let set_file = Options {
                file_values: vec![format!("a={name}")],
                ..Default::default()
            };
            assert_eq!(
                merged(set_file).unwrap_err(),
                format!("failed parsing --set-file data: {why}")
            );
        }
    }

    #[test]
    fn helms_getter_schemes_are_fetched_and_others_are_paths() {
        let with = |name: &str| Options {
            value_files: vec![name.into()],
            getter: Some(Arc::new(Echo)),
            ..Default::default()
        };
        for url in ["http://h/v.yaml", "HTTPS://h/v.yaml?x=1#f", "oci://r/v"] {
            assert_eq!(
                merged(with(url)).unwrap(),
                format!(r#"{{"fetched":"{url}"}}"#)
            );
        }
        // helm: `open ftp://h/x.yaml: no such file or directory`.
        for path in ["ftp://h/x.yaml", "file:///nonexistent/v.yaml", "x:y.yaml"] {
            assert_eq!(
                merged(with(path)).unwrap_err(),
                format!("open {path}: no such file or directory")
            );
        }
        let set_file = Options {
            file_values: vec!["a=https://h/f.txt".into()],
            getter: Some(Arc::new(Echo)),
            ..Default::default()
        };
        assert_eq!(
            merged(set_file).unwrap(),
            r#"{"a":"fetched: \"https://h/f.txt\"\n"}"#
        );
    }

    #[test]
    fn a_url_without_a_getter_fails_clearly() {
        let opts = Options {
            value_files: vec!["https://h/v.yaml".into()],
            ..Default::default()
        };
        assert_eq!(
            merged(opts).unwrap_err(),
            "no getter was given to fetch https://h/v.yaml: the helmcore library reads no URL itself"
        );
    }
}
