//! Documents that a `values.schema.json` names outside itself (`"$ref":
//! "https://…/defs.json#/x"`), loaded as Helm 4 loads them.
//!
//! Helm compiles each schema with the base URI `file:///values.schema.json` and four
//! loaders: `file:` reads the local file, `http:`/`https:` fetch over the network (15 s
//! timeout, proxies from the environment), and `urn:` stands for the permissive schema
//! `true`. helmcore's core has no network, so fetching is the embedder's: a
//! [`SchemaLoader`] given in the render or lint options (the `helmcore` command gives one
//! that fetches as Helm does). Without one, `file:` works and `http(s):` fails with an
//! error that says why.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::Warning;

/// Fetches a document that a schema refers to.
///
/// ```
/// use helmcore::values::schema::{SchemaLoadError, SchemaLoader};
/// struct Fixed;
/// impl SchemaLoader for Fixed {
///     fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
///         match url {
///             "https://example.com/defs.json" => Ok(br#"{"type": "integer"}"#.to_vec()),
///             _ => Err(SchemaLoadError::Status {
///                 url: url.to_string(),
///                 code: 404,
///                 reason: "Not Found".to_string(),
///             }),
///         }
///     }
/// }
/// assert!(Fixed.load("https://example.com/defs.json").is_ok());
/// ```
pub trait SchemaLoader: Send + Sync {
    /// The bytes of the document at `url` (absolute, without a fragment). Called only for
    /// the `http` and `https` schemes; `file:` and `urn:` are handled by helmcore.
    fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError>;
}

/// Why a [`SchemaLoader`] could not fetch a document. The message is Helm 4's, printed
/// after `failing loading "URL": `; Helm 3 (gojsonschema) words it as
/// [`SchemaLoadError::helm3_text`] does.
///
/// ```
/// use helmcore::values::schema::SchemaLoadError;
/// let e = SchemaLoadError::Status { url: "https://x/d.json".into(), code: 404, reason: "Not Found".into() };
/// assert_eq!(e.to_string(), "HTTP request to https://x/d.json returned status 404 (Not Found)");
/// assert_eq!(e.helm3_text(), "Could not read schema from HTTP, response status is 404 Not Found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaLoadError {
    /// No answer came: `cause` is the client's error (Go's reads `Get "URL": dial tcp ...`).
    #[error("HTTP request failed for {url}: {cause}")]
    Request { url: String, cause: String },
    /// The server answered with a status other than 200 OK; `reason` is the status's
    /// standard phrase (empty for a code without one).
    #[error("HTTP request to {url} returned status {code} ({reason})")]
    Status {
        url: String,
        code: u16,
        reason: String,
    },
}

impl SchemaLoadError {
    /// The text Helm 3 prints: the bare cause, or gojsonschema's words for a status.
    pub fn helm3_text(&self) -> String {
        match self {
            SchemaLoadError::Request { cause, .. } => cause.clone(),
            // Go's `resp.Status`: `404 Not Found`.
            SchemaLoadError::Status { code, reason, .. } => {
                format!("Could not read schema from HTTP, response status is {code} {reason}")
            }
        }
    }
}

/// The loader used when none is given: no network.
struct Offline;

impl SchemaLoader for Offline {
    fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
        Err(SchemaLoadError::Request {
            url: url.to_string(),
            cause: "no schema loader that fetches over HTTP was given \
                    (helmcore's core has no network)"
                .to_string(),
        })
    }
}

/// Why a referenced document did not load: the loader's failure, or a file or JSON error
/// whose text both Helms print alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FetchError {
    Loader(SchemaLoadError),
    Text(String),
}

impl FetchError {
    /// What `compat`'s Helm prints for it: helm4 after `failing loading "URL": `, helm3
    /// alone.
    pub(super) fn text_for(&self, compat: crate::render::Compat) -> String {
        match (self, compat) {
            (FetchError::Loader(e), crate::render::Compat::V3) => e.helm3_text(),
            (FetchError::Loader(e), crate::render::Compat::V4) => e.to_string(),
            (FetchError::Text(t), _) => t.clone(),
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_for(crate::render::Compat::V4))
    }
}

impl std::error::Error for FetchError {}

/// Adapts a [`SchemaLoader`] to the validator's retriever, adding Helm's `file:` and
/// `urn:` loaders and decoding with Go's JSON error texts.
pub(super) struct Retriever {
    pub(super) loader: Option<Arc<dyn SchemaLoader>>,
    /// The URNs stood in for by `true`, which Helm warns about.
    pub(super) urns: Arc<Mutex<Vec<String>>>,
    /// Every document asked for, by URL: each is fetched once.
    cache: Mutex<HashMap<String, Result<serde_json::Value, FetchError>>>,
    /// Set once the `$ref`s Helm follows have all loaded (see `schema_ref_walk`): the
    /// validator also resolves references no evaluation reaches, which Helm never
    /// loads, so a failure there stands for the permissive schema `true`.
    pub(super) lenient: bool,
}

impl Retriever {
    pub(super) fn new(
        loader: Option<Arc<dyn SchemaLoader>>,
        urns: Arc<Mutex<Vec<String>>>,
    ) -> Self {
        Retriever {
            loader,
            urns,
            cache: Mutex::default(),
            lenient: false,
        }
    }

    /// The document at `url` (absolute, no fragment), or why it did not load.
    pub(super) fn fetch(&self, url: &str) -> Result<serde_json::Value, FetchError> {
        // Recorded on every fetch, not only the first: a second walk of the `$ref`s (in
        // another order, see `schema::validate_single_for`) lists the URNs it meets.
        if !self.lenient && url.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("urn:")) {
            let mut urns = self.urns.lock().unwrap_or_else(|e| e.into_inner());
            if !urns.iter().any(|u| u == url) {
                urns.push(url.to_string());
            }
        }
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = cache.get(url) {
            return hit.clone();
        }
        let got = self.load(url);
        cache.insert(url.to_string(), got.clone());
        got
    }

    fn load(&self, url: &str) -> Result<serde_json::Value, FetchError> {
        if is_unversioned_meta_schema(url) {
            return Ok(serde_json::Value::Bool(true));
        }
        let (scheme, rest) = url.split_once(':').unwrap_or(("", url));
        let bytes = match scheme.to_ascii_lowercase().as_str() {
            // Helm's urn loader: unresolved URNs are the always-valid schema.
            // (`fetch` records it for the warning.)
            "urn" => return Ok(serde_json::Value::Bool(true)),
            "file" => {
                let path = match jsonschema::uri::from_str(url) {
                    Ok(u) => percent_decode(u.path().as_str()),
                    Err(_) => percent_decode(rest),
                };
                std::fs::read(&path).map_err(|e| {
                    FetchError::Text(format!(
                        "open {path}: {}",
                        crate::chart::go_errno_text_of(&e)
                    ))
                })?
            }
            "http" | "https" => match &self.loader {
                Some(loader) => loader.load(url),
                None => Offline.load(url),
            }
            .map_err(FetchError::Loader)?,
            // santhosh's SchemeURLLoader for a scheme it has no loader for.
            other => {
                return Err(FetchError::Text(format!(
                    "no URLLoader registered for {other:?}"
                )))
            }
        };
        // Go's decoder first, for its error texts.
        let text = |e: &dyn std::fmt::Display| FetchError::Text(e.to_string());
        crate::json::from_slice(&bytes).map_err(|e| text(&e))?;
        serde_json::from_slice(&bytes).map_err(|e| text(&e))
    }
}

/// `$schema: http://json-schema.org/schema#` (every Bitnami chart's): santhosh (Helm 4)
/// takes it for its latest draft and loads nothing. The validator here does not know
/// that URI and asks for the document, which must not reach the network (a DNS lookup on
/// every render, seconds when the resolver is slow): it gets the permissive schema, which
/// leaves the validator on its default draft, also the latest (2020-12).
fn is_unversioned_meta_schema(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    rest.is_some_and(|r| r.trim_end_matches('#') == "json-schema.org/schema")
}

/// What Helm logs, once a process, for each URN it could not resolve.
pub(crate) const URN_WARNING: &str = "unresolved URN reference ignored; using permissive schema";

/// Helm's warning for a URN it could not resolve.
pub(super) fn urn_warning(urn: &str) -> Warning {
    Warning::warn(URN_WARNING, vec![("urn", urn.to_string())])
}

impl jsonschema::Retrieve for Retriever {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
        match self.fetch(uri.as_str()) {
            Ok(v) => Ok(v),
            Err(_) if self.lenient => Ok(serde_json::Value::Bool(true)),
            Err(e) => Err(Box::new(e)),
        }
    }
}

/// `%XX` escapes of a URL path, as Go's `url.Parse` undoes them.
pub(super) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Map, Value};
    use crate::values::schema::validate_single_with;

    /// Validates `{port: port}` against a schema whose `port` is the `$ref` `reference`.
    fn check(
        reference: &str,
        port: i64,
        loader: Option<Arc<dyn SchemaLoader>>,
    ) -> Result<(), String> {
        let values = Map::new();
        values.insert("port", Value::Int(port, crate::value::IntKind::Int64));
        let schema = format!(r#"{{"properties":{{"port":{{"$ref":"{reference}"}}}}}}"#);
        validate_single_with(&values, schema.as_bytes(), loader.as_ref(), &mut Vec::new())
    }

    const DEFS: &str = r#"{"definitions": {"port": {"type": "integer", "maximum": 100}}}"#;

    struct Served;
    impl SchemaLoader for Served {
        fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
            match url {
                "https://example.com/defs.json" => Ok(DEFS.into()),
                "https://example.com/junk.json" => Ok(b"not json".to_vec()),
                _ => Err(SchemaLoadError::Status {
                    url: url.to_string(),
                    code: 404,
                    reason: "Not Found".to_string(),
                }),
            }
        }
    }

    /// Fails the test on any fetch.
    struct NoNetwork;
    impl SchemaLoader for NoNetwork {
        fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
            panic!("fetched {url}")
        }
    }

    #[test]
    fn the_unversioned_meta_schema_is_never_fetched() {
        let values = Map::new();
        values.insert("port", Value::from("x"));
        let loader: Arc<dyn SchemaLoader> = Arc::new(NoNetwork);
        for uri in [
            "http://json-schema.org/schema#",
            "https://json-schema.org/schema",
        ] {
            let schema =
                format!(r#"{{"$schema":"{uri}","properties":{{"port":{{"type":"integer"}}}}}}"#);
            // helm v4.1.4 validates as draft 2020-12 and reports the type.
            let err =
                validate_single_with(&values, schema.as_bytes(), Some(&loader), &mut Vec::new())
                    .unwrap_err();
            assert!(
                err.contains("at '/port': got string, want integer"),
                "{err}"
            );
        }
    }

    // helm v4.1.4's texts for the same schemas.
    #[test]
    fn file_references_read_the_local_file() {
        let dir = std::env::temp_dir().join(format!("helmcore-refs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("defs.json"), DEFS).unwrap();
        let d = dir.display();
        assert_eq!(
            check(
                &format!("file://{d}/defs.json#/definitions/port"),
                500,
                None
            ),
            Err("- at '/port': maximum: got 500, want 100\n".into())
        );
        assert_eq!(
            check(&format!("file://{d}/defs.json#/definitions/port"), 5, None),
            Ok(())
        );
        // Relative to `file:///values.schema.json`: from the file system's root.
        let relative = format!(
            "{}/defs.json#/definitions/port",
            d.to_string().trim_start_matches('/')
        );
        assert_eq!(
            check(&relative, 500, None),
            Err("- at '/port': maximum: got 500, want 100\n".into())
        );
        assert_eq!(
            check(&format!("file://{d}/none.json#/x"), 5, None),
            Err(format!(
                "failing loading \"file://{d}/none.json\": open {d}/none.json: no such file or directory"
            ))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn unresolved_urns_allow_anything() {
        assert_eq!(check("urn:example:port", 5, None), Ok(()));
        let values = Map::new();
        let schema = br#"{"properties":{"a":{"$ref":"urn:x"},"b":{"$ref":"urn:x"}}}"#;
        let mut warnings = vec![urn_warning("urn:y")];
        validate_single_with(&values, schema, None, &mut warnings).unwrap();
        // helm4, once per URN: level=WARN msg="unresolved URN reference ignored; using
        // permissive schema" urn=urn:x
        assert_eq!(warnings, [urn_warning("urn:y"), urn_warning("urn:x")]);
        assert_eq!(
            warnings[1].to_string(),
            "level=WARN msg=\"unresolved URN reference ignored; using permissive schema\" urn=urn:x"
        );
    }

    #[test]
    fn http_references_go_through_the_loader() {
        let served: Option<Arc<dyn SchemaLoader>> = Some(Arc::new(Served));
        let defs = "https://example.com/defs.json";
        assert_eq!(
            check(&format!("{defs}#/definitions/port"), 5, served.clone()),
            Ok(())
        );
        assert_eq!(
            check(&format!("{defs}#/definitions/port"), 500, served.clone()),
            Err("- at '/port': maximum: got 500, want 100\n".into())
        );
        assert_eq!(
            check(&format!("{defs}#/definitions/nope"), 5, served.clone()),
            Err(format!(
                "json-pointer in \"{defs}#/definitions/nope\" not found"
            ))
        );
        assert_eq!(
            check("https://example.com/junk.json", 5, served.clone()),
            Err("failing loading \"https://example.com/junk.json\": invalid character 'o' in literal null (expecting 'u')".into())
        );
        assert_eq!(
            check("https://example.com/gone.json", 5, served),
            Err("failing loading \"https://example.com/gone.json\": HTTP request to https://example.com/gone.json returned status 404 (Not Found)".into())
        );
        let offline = check(&format!("{defs}#/definitions/port"), 5, None).unwrap_err();
        assert!(
            offline.starts_with(&format!(
                "failing loading \"{defs}\": HTTP request failed for {defs}: "
            )),
            "{offline}"
        );
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decode("/a%20b/c%2Fd"), "/a b/c/d");
        assert_eq!(percent_decode("/x%2"), "/x%2");
        assert_eq!(percent_decode("/x%zz"), "/x%zz");
    }
}
