//! `$ref`s to `http(s)` URLs in `values.schema.json`, fetched as Helm 4's schema loader
//! fetches them (a GET with a 15 s timeout, proxies from the environment, only `200 OK`
//! accepted), with its error texts. Kept out of the library, which never reaches the
//! network on its own.

use std::time::Duration;

use helmcore::values::schema::SchemaLoader;

/// The most a referenced schema document may weigh.
const MAX_BODY: u64 = 64 << 20;

/// Made on the first fetch: most charts refer to nothing remote.
#[derive(Default)]
pub struct HttpSchemaLoader {
    agent: std::sync::OnceLock<ureq::Agent>,
}

/// The loader every command that validates values gives the library.
pub fn loader() -> std::sync::Arc<dyn SchemaLoader> {
    std::sync::Arc::new(HttpSchemaLoader::default())
}

impl HttpSchemaLoader {
    fn agent(&self) -> &ureq::Agent {
        self.agent.get_or_init(|| {
            ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(15)))
                .http_status_as_error(false)
                .user_agent(concat!("helmcore/", env!("CARGO_PKG_VERSION")))
                .build()
                .into()
        })
    }
}

impl SchemaLoader for HttpSchemaLoader {
    fn load(&self, url: &str) -> Result<Vec<u8>, String> {
        let failed = |why: String| format!("HTTP request failed for {url}: Get {url:?}: {why}");
        let mut resp = self
            .agent()
            .get(url)
            .call()
            .map_err(|e| failed(go_transport_error(url, &e)))?;
        let status = resp.status();
        if status != ureq::http::StatusCode::OK {
            return Err(format!(
                "HTTP request to {url} returned status {} ({})",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            ));
        }
        resp.body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| failed(e.to_string()))
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
