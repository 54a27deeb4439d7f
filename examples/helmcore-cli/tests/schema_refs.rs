//! `$ref`s from `values.schema.json` to documents served over HTTP, fetched as helm 4
//! fetches them. The expected texts are what helm v4.1.4 printed for the same charts
//! against a local server.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};

/// Serves `/defs.json` (a port definition), `/bad.json` (not JSON), 404 otherwise.
fn serve() -> u16 {
    common::serve(&[
        (
            "/defs.json",
            r#"{"definitions": {"port": {"type": "integer", "maximum": 100}}}"#,
        ),
        ("/bad.json", "not json"),
    ])
}

/// A chart whose `port` value (`port`) is checked by the schema `$ref` `reference`.
fn chart(dir: &Path, name: &str, reference: &str, port: u32) -> PathBuf {
    let c = dir.join(name);
    std::fs::create_dir_all(c.join("templates")).unwrap();
    std::fs::write(
        c.join("Chart.yaml"),
        format!("apiVersion: v2\nname: {name}\nversion: 0.1.0\n"),
    )
    .unwrap();
    std::fs::write(c.join("values.yaml"), format!("port: {port}\n")).unwrap();
    std::fs::write(
        c.join("values.schema.json"),
        format!(r#"{{"properties":{{"port":{{"$ref":"{reference}"}}}}}}"#),
    )
    .unwrap();
    std::fs::write(
        c.join("templates/cm.yaml"),
        "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: x\ndata:\n  p: \"{{ .Values.port }}\"\n",
    )
    .unwrap();
    c
}

fn template(chart: &Path) -> (String, String, bool) {
    common::run_in(
        chart.parent().unwrap(),
        &["template", "r", chart.to_str().unwrap()],
    )
}

const HEADER: &str =
    "Error: values don't meet the specifications of the schema(s) in the following chart(s):\n";

#[test]
fn http_references_are_fetched() {
    let port = serve();
    let dir = std::env::temp_dir().join(format!("helmcore-schema-refs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let url = format!("http://127.0.0.1:{port}");

    let ok = chart(
        &dir,
        "httpok",
        &format!("{url}/defs.json#/definitions/port"),
        5,
    );
    let (out, err, success) = template(&ok);
    assert!(success, "{err}");
    assert!(out.contains("  p: \"5\"\n"), "{out}");

    let big = chart(
        &dir,
        "httpbad",
        &format!("{url}/defs.json#/definitions/port"),
        500,
    );
    assert_eq!(
        template(&big).1,
        format!("{HEADER}httpbad:\n- at '/port': maximum: got 500, want 100\n\n")
    );

    let missing = chart(&dir, "http404", &format!("{url}/nope.json#/x"), 5);
    assert_eq!(
        template(&missing).1,
        format!(
            "{HEADER}http404:\nfailing loading \"{url}/nope.json\": \
             HTTP request to {url}/nope.json returned status 404 (Not Found)\n"
        )
    );

    let junk = chart(&dir, "httpjunk", &format!("{url}/bad.json"), 5);
    assert_eq!(
        template(&junk).1,
        format!(
            "{HEADER}httpjunk:\nfailing loading \"{url}/bad.json\": \
             invalid character 'o' in literal null (expecting 'u')\n"
        )
    );

    let nowhere = chart(
        &dir,
        "badptr",
        &format!("{url}/defs.json#/definitions/nope"),
        5,
    );
    assert_eq!(
        template(&nowhere).1,
        format!(
            "{HEADER}badptr:\njson-pointer in \"{url}/defs.json#/definitions/nope\" not found\n"
        )
    );

    // A port nobody listens on: helm's dial error.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let refused = chart(
        &dir,
        "refused",
        &format!("http://127.0.0.1:{closed}/d.json"),
        5,
    );
    assert_eq!(
        template(&refused).1,
        format!(
            "{HEADER}refused:\nfailing loading \"http://127.0.0.1:{closed}/d.json\": \
             HTTP request failed for http://127.0.0.1:{closed}/d.json: \
             Get \"http://127.0.0.1:{closed}/d.json\": \
             dial tcp 127.0.0.1:{closed}: connect: connection refused\n"
        )
    );

    // helm3's gojsonschema gives the bare cause (helm v3.17.1 against the same server).
    let v3 = |chart: &Path| {
        let args = ["template", "r", chart.to_str().unwrap(), "--compat", "v3"];
        common::run_in(chart.parent().unwrap(), &args).1
    };
    assert_eq!(
        v3(&missing),
        format!(
            "{HEADER}http404:\nCould not read schema from HTTP, response status is 404 Not Found\n"
        )
    );
    assert_eq!(
        v3(&junk),
        format!("{HEADER}httpjunk:\ninvalid character 'o' in literal null (expecting 'u')\n")
    );
    assert_eq!(
        v3(&refused),
        format!(
            "{HEADER}refused:\nGet \"http://127.0.0.1:{closed}/d.json\": \
             dial tcp 127.0.0.1:{closed}: connect: connection refused\n"
        )
    );

    // lint and values fetch too.
    let (out, _, success) = common::run_in(&dir, &["lint", big.to_str().unwrap()]);
    assert!(!success);
    assert!(
        out.contains("[ERROR] values.yaml: - at '/port': maximum: got 500, want 100\n"),
        "{out}"
    );
    let (out, err, success) = common::run_in(&dir, &["values", ok.to_str().unwrap()]);
    assert!(success, "{err}");
    assert_eq!(out, "port: 5\n");
    let _ = std::fs::remove_dir_all(&dir);
}
