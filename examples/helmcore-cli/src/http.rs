//! What the `helmcore` command fetches over HTTP, as helm fetches it: `$ref`s to
//! `http(s)` URLs in `values.schema.json` (Helm 4's schema loader: a 15 s timeout, only
//! `200 OK` accepted) and `-f`/`--set-file` files named by URL (helm's HTTP getter: no
//! timeout, `failed to fetch URL : STATUS` for any other status). Both take proxies
//! from the environment and word transport failures as Go does. Kept out of the
//! library, which never reaches the network on its own.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use helmcore::values::schema::{SchemaLoadError, SchemaLoader};
use helmcore::values::Getter;

/// The most a referenced schema document may weigh.
const MAX_SCHEMA: u64 = 64 << 20;
/// The most a fetched values file may weigh (helm sets no limit).
const MAX_FILE: u64 = 1 << 30;

/// One kind of fetch; its agent is made on the first use: most runs fetch nothing.
#[derive(Debug)]
struct Fetcher {
    timeout: Option<Duration>,
    agent: OnceLock<ureq::Agent>,
}

impl Fetcher {
    const fn new(timeout: Option<Duration>) -> Fetcher {
        Fetcher {
            timeout,
            agent: OnceLock::new(),
        }
    }

    /// The status and, for `200 OK`, the body of a GET; a transport failure worded as
    /// Go's `Get "URL": ...`.
    fn get(&self, url: &str, limit: u64) -> Result<(ureq::http::StatusCode, Vec<u8>), String> {
        let agent = self.agent.get_or_init(|| {
            ureq::Agent::config_builder()
                .timeout_global(self.timeout)
                .http_status_as_error(false)
                .user_agent(concat!("helmcore/", env!("CARGO_PKG_VERSION")))
                .build()
                .into()
        });
        let failed = |why: String| format!("Get {}: {why}", helmcore::gofmt::quote(url));
        let mut resp = agent
            .get(url)
            .call()
            .map_err(|e| failed(go_transport_error(url, &e)))?;
        let status = resp.status();
        if status != ureq::http::StatusCode::OK {
            return Ok((status, Vec::new()));
        }
        let body = resp
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| failed(e.to_string()))?;
        Ok((status, body))
    }
}

/// The schema loader every command that validates values gives the library.
pub fn schema_loader() -> Arc<dyn SchemaLoader> {
    Arc::new(HttpSchemaLoader(Fetcher::new(Some(Duration::from_secs(
        15,
    )))))
}

/// The getter every command that reads values flags gives the library.
pub fn values_getter() -> Arc<dyn Getter> {
    Arc::new(HttpGetter(Fetcher::new(None)))
}

#[derive(Debug)]
struct HttpSchemaLoader(Fetcher);

impl SchemaLoader for HttpSchemaLoader {
    fn load(&self, url: &str) -> Result<Vec<u8>, SchemaLoadError> {
        let (status, body) = self
            .0
            .get(url, MAX_SCHEMA)
            .map_err(|e| SchemaLoadError::Request {
                url: url.to_string(),
                cause: e.to_string(),
            })?;
        if status != ureq::http::StatusCode::OK {
            return Err(SchemaLoadError::Status {
                url: url.to_string(),
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
            });
        }
        Ok(body)
    }
}

/// helm's HTTP getter for `http(s)` names; helmcore reads no OCI registry.
#[derive(Debug)]
struct HttpGetter(Fetcher);

impl Getter for HttpGetter {
    fn get(&self, url: &str) -> Result<Vec<u8>, String> {
        if !url.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http")) {
            return Err(format!(
                "helmcore reads values from local files and http(s) URLs only: {url} is in an OCI registry"
            ));
        }
        let (status, body) = self.0.get(url, MAX_FILE)?;
        if status != ureq::http::StatusCode::OK {
            // Go prints the status line's own reason; ureq keeps only the code.
            return Err(format!(
                "failed to fetch {url} : {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            ));
        }
        Ok(body)
    }
}

/// Go's `net/http` wording for the failures users meet most (no such host, refused
/// connection, timeout); others keep ureq's text.
fn go_transport_error(url: &str, e: &ureq::Error) -> String {
    let host_port = host_port(url);
    let refused = |io: &std::io::Error| io.kind() == std::io::ErrorKind::ConnectionRefused;
    match e {
        e if no_such_host(e) => {
            let host = host_port.rsplit_once(':').map_or(&*host_port, |(h, _)| h);
            match first_nameserver() {
                Some(ns) => format!("dial tcp: lookup {host} on {ns}:53: no such host"),
                None => format!("dial tcp: lookup {host}: no such host"),
            }
        }
        ureq::Error::Io(io) if refused(io) => {
            format!("dial tcp {host_port}: connect: connection refused")
        }
        ureq::Error::Timeout(_) => {
            "context deadline exceeded (Client.Timeout exceeded while awaiting headers)".into()
        }
        other => other.to_string(),
    }
}

/// The name does not resolve: ureq's own verdict, or getaddrinfo's `EAI_NONAME` as the
/// standard library words it.
fn no_such_host(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::HostNotFound => true,
        ureq::Error::Io(io) => {
            let text = io.to_string();
            text.contains("failed to lookup address information")
                && (text.contains("Name or service not known")
                    || text.contains("No address associated"))
        }
        _ => false,
    }
}

/// `host:port` of an `http(s)` URL, the port defaulted by scheme, as Go's dialer names it.
fn host_port(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let has_port = match authority.rfind(']') {
        Some(i) => authority[i..].contains(':'),
        None => authority.contains(':'),
    };
    if has_port {
        authority.to_string()
    } else {
        let port = if scheme.eq_ignore_ascii_case("https") {
            443
        } else {
            80
        };
        format!("{authority}:{port}")
    }
}

/// The resolver Go's pure-Go DNS client asks first, named in its lookup errors.
fn first_nameserver() -> Option<String> {
    let conf = std::fs::read_to_string("/etc/resolv.conf").ok()?;
    conf.lines().find_map(|l| {
        let mut words = l.split_whitespace();
        (words.next() == Some("nameserver")).then(|| words.next().map(str::to_string))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dial_addresses() {
        assert_eq!(host_port("http://127.0.0.1:1/x.json"), "127.0.0.1:1");
        assert_eq!(host_port("https://example.com/x.json"), "example.com:443");
        assert_eq!(host_port("http://u:p@example.com/x"), "example.com:80");
        assert_eq!(host_port("http://[::1]/x"), "[::1]:80");
        assert_eq!(host_port("http://[::1]:8080/x"), "[::1]:8080");
    }
}
