//! `--enable-dns`: the system resolver behind `getHostByName`, kept out of the library
//! (which never reaches the network on its own).

use std::net::ToSocketAddrs;

use helmcore::engine::HostResolver;

/// Resolves names through the system's resolver (`getaddrinfo`), as Go's `net.LookupHost`
/// does on a host without a custom resolver configuration.
pub struct SystemDns;

impl HostResolver for SystemDns {
    fn lookup_host(&self, name: &str) -> Vec<String> {
        let mut addrs: Vec<String> = Vec::new();
        if let Ok(found) = (name, 0u16).to_socket_addrs() {
            for a in found {
                let ip = a.ip().to_string();
                if !addrs.contains(&ip) {
                    addrs.push(ip);
                }
            }
        }
        addrs
    }
}
