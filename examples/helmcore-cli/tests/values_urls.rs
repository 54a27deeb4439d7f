//! `-f` and `--set-file` names read as helm reads them: URLs with helm's getter schemes
//! fetched, names Go's `url.Parse` refuses failing. The expected texts are what helm
//! v4.1.4 (and v3.17.1, the same) printed for the same command lines against a local
//! server.

mod common;

use std::path::PathBuf;

/// A scratch folder holding chart `c`, which prints `.Values.a`.
fn chart(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "helmcore-values-urls-{test}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("c/templates")).unwrap();
    std::fs::write(
        dir.join("c/Chart.yaml"),
        "apiVersion: v2\nname: c\nversion: 0.1.0\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("c/templates/x.yaml"),
        "a: {{ .Values.a | quote }}\n",
    )
    .unwrap();
    dir
}

#[test]
fn values_files_and_set_files_are_fetched_over_http() {
    let port = common::serve(&[("/v.yaml", "a: 1\n"), ("/f.txt", "from a file")]);
    let dir = chart("fetch");
    let run = |args: &[&str]| common::run_in(&dir, &[&["template", "r", "c"], args].concat());
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let out = |a: &str| format!("---\n# Source: c/templates/x.yaml\na: \"{a}\"\n");

    assert_eq!(run(&["-f", &url("/v.yaml")]).0, out("1"));
    // The query and fragment go to the server (which ignores them) as Go sends them.
    assert_eq!(run(&["-f", &url("/v.yaml?x=1#top")]).0, out("1"));
    assert_eq!(
        run(&["--set-file", &format!("a={}", url("/f.txt"))]).0,
        out("from a file")
    );

    let (_, err, ok) = run(&["-f", &url("/nope.yaml")]);
    assert!(!ok);
    assert_eq!(
        err,
        format!(
            "Error: failed to fetch {} : 404 Not Found\n",
            url("/nope.yaml")
        )
    );
    let (_, err, _) = run(&["--set-file", &format!("a={}", url("/nope"))]);
    assert_eq!(
        err,
        format!(
            "Error: failed parsing --set-file data: failed to fetch {} : 404 Not Found\n",
            url("/nope")
        )
    );
}

#[test]
fn refused_connections_and_bad_names_fail_as_in_helm() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = chart("refused");
    let run = |args: &[&str]| common::run_in(&dir, &[&["template", "r", "c"], args].concat()).1;
    let url = format!("http://127.0.0.1:{closed}/v.yaml");
    assert_eq!(
        run(&["-f", &url]),
        format!("Error: Get \"{url}\": dial tcp 127.0.0.1:{closed}: connect: connection refused\n")
    );
    assert_eq!(
        run(&["-f", "a%zz.yaml"]),
        "Error: parse \"a%zz.yaml\": invalid URL escape \"%zz\"\n"
    );
    assert_eq!(
        run(&["--set-file", "a=1a:b"]),
        "Error: failed parsing --set-file data: parse \"1a:b\": first path segment in URL cannot contain colon\n"
    );
    // Schemes helm has no getter for are paths.
    assert_eq!(
        run(&["-f", "ftp://h/x.yaml"]),
        "Error: open ftp://h/x.yaml: no such file or directory\n"
    );
}
