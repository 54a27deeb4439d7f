//! Chart loading from directories, archive files and bytes; the expected errors are
//! helm4's texts for the same inputs.

use std::io::Write;
use std::path::{Path, PathBuf};

use helmcore::chart::{load, load_archive, load_dir, load_v2, BufferedFile, Chart};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/charts")
        .join(name)
}

/// A gzipped tar of `files` under the folder `top`, as `helm package` lays it out.
fn tgz(top: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, format!("{top}/{name}"), *data)
            .unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&b.into_inner().unwrap()).unwrap();
    gz.finish().unwrap()
}

/// Every file of a directory, relative paths, for packing it.
fn read_tree(dir: &Path, rel: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let r = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if p.is_dir() {
            read_tree(&p, &r, out);
        } else {
            out.push((r, std::fs::read(&p).unwrap()));
        }
    }
}

fn names(c: &Chart) -> Vec<String> {
    c.dependencies
        .iter()
        .map(|d| d.name().to_string())
        .collect()
}

#[test]
fn directory_with_helmignore_subcharts_and_archives() {
    let c = load(fixture("parent")).unwrap();
    assert_eq!(c.name(), "parent");
    assert_eq!(c.metadata.app_version, "2.0");
    let files: Vec<&str> = c.files.iter().map(|f| &*f.name).collect();
    // .helmignore drops *.bak and ignored-dir/; the ignore file itself is kept.
    assert_eq!(files, [".helmignore", "README.md"]);
    assert_eq!(c.templates.len(), 1);
    assert_eq!(names(&c), ["child", "lib", "sub1", "sub2", "tagged"]);
    let sub1 = &c.dependencies[2];
    let nested = &sub1.dependencies[0];
    assert_eq!(nested.full_path(), "parent/charts/sub1/charts/nested");
    assert_eq!(nested.chart_path(), "parent.sub1.nested");
    assert!(c.dependencies[1].is_library());
    assert_eq!(c.dependencies[3].metadata.version, "0.1.5");
    assert_eq!(
        c.values.get("replicas"),
        Some(helmcore::value::Value::Float(1.0))
    );
}

#[test]
fn archive_bytes_load_like_the_directory() {
    let mut files = Vec::new();
    read_tree(&fixture("parent"), "", &mut files);
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let c = load_archive(&tgz("parent", &refs)).unwrap();
    // Archives are not filtered by .helmignore.
    let mut got: Vec<&str> = c.files.iter().map(|f| &*f.name).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ".helmignore",
            "README.md",
            "ignored-dir/file.txt",
            "notes.bak"
        ]
    );
    assert_eq!(names(&c), ["child", "lib", "sub1", "sub2", "tagged"]);
    assert_eq!(c.dependencies[2].dependencies[0].name(), "nested");
}

#[test]
fn v1_chart_reads_requirements() {
    let c = load(fixture("v1chart")).unwrap();
    assert_eq!(c.metadata.api_version, "v1");
    assert_eq!(
        c.metadata
            .deps()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>(),
        ["dep"]
    );
    let lock = c.lock.as_ref().unwrap();
    assert_eq!(lock.digest, "sha256:abc");
    // v1 keeps requirements.* among the files too.
    assert!(c.files.iter().any(|f| &*f.name == "requirements.yaml"));
    assert_eq!(c.metadata.keywords, ["legacy", "1.1"]);
    assert_eq!(
        c.metadata.annotations,
        [
            ("category".into(), "Test".into()),
            ("num".into(), "2".into())
        ]
    );
    let crds: Vec<String> = c.crds().into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        crds,
        [
            "v1chart/crds/a.yaml",
            "v1chart/crds/nested/b.YML",
            "v1chart/charts/dep/crds/dep.json"
        ]
    );
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("helmcore-loader-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const CHART: &str = "apiVersion: v2\nname: x\nversion: 1.0.0\n";

#[test]
fn invalid_utf8_in_yaml_files_is_go_yamls_error() {
    // helm4: Chart.yaml and values.yaml are read as bytes; go-yaml refuses invalid UTF-8.
    let d = temp("utf8");
    let c = d.join("x");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(c.join("Chart.yaml"), CHART).unwrap();
    std::fs::write(c.join("values.yaml"), b"a: \"\xff\"\n").unwrap();
    assert_eq!(
        load(&c).unwrap_err().to_string(),
        "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: invalid leading UTF-8 octet"
    );
    std::fs::write(c.join("values.yaml"), "a: 1\n").unwrap();
    std::fs::write(
        c.join("Chart.yaml"),
        b"apiVersion: v2\nname: x\nversion: 1.0.0\ndescription: \"\xff\"\n",
    )
    .unwrap();
    assert_eq!(
        load(&c).unwrap_err().to_string(),
        "cannot load Chart.yaml: error converting YAML to JSON: yaml: invalid leading UTF-8 octet"
    );
}

#[test]
fn errors_match_helm4() {
    let d = temp("errors");
    let err = |files: &[(&str, &str)]| {
        let c = d.join("x");
        let _ = std::fs::remove_dir_all(&c);
        std::fs::create_dir_all(&c).unwrap();
        write(&c, files);
        load(&c).unwrap_err().to_string()
    };
    let x = d.join("x");
    assert_eq!(
        err(&[("values.yaml", "a: 1\n")]),
        format!("unable to detect chart at {0}/Chart.yaml: open {0}/Chart.yaml: no such file or directory", x.display())
    );
    assert_eq!(
        err(&[("Chart.yaml", CHART), ("charts/bad/values.yaml", "k: 1\n")]),
        "error unpacking subchart bad in x: Chart.yaml file is missing"
    );
    assert_eq!(
        err(&[("Chart.yaml", CHART), ("charts/README.md", "hi\n")]),
        "error unpacking subchart README.md in x: Chart.yaml file is missing"
    );
    assert_eq!(
        err(&[("Chart.yaml", CHART), ("charts/s/Chart.yaml", "apiVersion: v2\nname: s\nversion: 1.0.0\nfoo: [\n")]),
        "error unpacking subchart s in x: cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: did not find expected node content"
    );
    assert_eq!(err(&[("Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\nfoo: [\n")]), "cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: did not find expected node content");
    assert_eq!(
        err(&[("Chart.yaml", CHART), ("values.yaml", "a: [\n")]),
        "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content"
    );
    assert_eq!(
        err(&[("Chart.yaml", "apiVersion: v9\nname: x\nversion: 1.0.0\n")]),
        "unsupported chart version"
    );
    assert_eq!(
        err(&[("Chart.yaml", "apiVersion: v3\nname: x\nversion: 1.0.0\n")]),
        "invalid chart apiVersion"
    );
    assert_eq!(
        err(&[("Chart.yaml", "apiVersion: v2\nname: x\nversion: x\n")]),
        "validation: chart.metadata.version \"x\" is invalid"
    );
    assert_eq!(
        err(&[("Chart.yaml", "")]),
        "validation: chart.metadata.name is required"
    );
    assert_eq!(
        err(&[("Chart.yaml", "apiVersion: [1]\nname: x\nversion: 1.1.0\n")]),
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field chartBase.apiVersion of type string"
    );
    assert_eq!(
        err(&[("Chart.yaml", CHART), (".helmignore", "a/**/b\n")]),
        "double-star (**) syntax is not supported"
    );
    // `_` and `.` entries of charts/ are not subcharts.
    let c = d.join("ok");
    write(
        &c,
        &[
            ("Chart.yaml", CHART),
            ("charts/_skip.txt", "x"),
            ("charts/.hidden", "x"),
        ],
    );
    assert!(load_dir(&c).unwrap().dependencies.is_empty());
    // helm show's loader: no Chart.yaml pre-check.
    let e = d.join("empty");
    write(&e, &[("templates/x.yaml", "x: 1\n")]);
    assert_eq!(
        load_v2(&e).unwrap_err().to_string(),
        "Chart.yaml file is missing"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Chart.lock's `generated` is a Go `time.Time`: a string in RFC 3339 (as Go's layout
/// parser reads it: a one-digit hour and a `+24:00` offset pass), or null; anything else
/// fails with `time`'s own texts, its quoting escaping non-ASCII bytes, and the string
/// seen JSON-escaped. Expectations from helm4 (helm3 prints the same).
#[test]
fn lock_generated_time_as_helm_reads_it() {
    let d = temp("lock-generated");
    let load_lock = |generated: &str| {
        let _ = std::fs::remove_dir_all(&d);
        write(
            &d,
            &[
                ("Chart.yaml", CHART),
                ("Chart.lock", &format!("generated: {generated}\n")),
            ],
        );
        load(&d).map(|_| ()).map_err(|e| e.to_string())
    };
    let prefix = "cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: ";
    let layout = r#""2006-01-02T15:04:05Z07:00""#;
    for ok in [
        r#""2024-01-01T00:00:00Z""#,
        "2024-01-01T00:00:00Z",
        r#""2024-01-01T00:00:00.123456789+02:00""#,
        r#""2024-01-01T1:00:00Z""#,
        r#""2024-01-01T10:00:00,5Z""#,
        r#""2024-01-01T10:00:00+24:00""#,
        "null",
    ] {
        assert_eq!(load_lock(ok), Ok(()), "{ok}");
    }
    for (bad, want) in [
        (
            "5",
            "Time.UnmarshalJSON: input is not a JSON string".to_string(),
        ),
        (
            "[1]",
            "Time.UnmarshalJSON: input is not a JSON string".to_string(),
        ),
        (
            "{}",
            "Time.UnmarshalJSON: input is not a JSON string".to_string(),
        ),
        (
            "abc",
            format!(r#"parsing time "abc" as {layout}: cannot parse "abc" as "2006""#),
        ),
        (
            "2024-01-01",
            format!(r#"parsing time "2024-01-01" as {layout}: cannot parse "" as "T""#),
        ),
        (
            r#""2024-13-01T00:00:00Z""#,
            r#"parsing time "2024-13-01T00:00:00Z": month out of range"#.to_string(),
        ),
        (
            r#""é""#,
            format!(r#"parsing time "\xc3\xa9" as {layout}: cannot parse "\xc3\xa9" as "2006""#),
        ),
        (
            r#""a<b>""#,
            format!(
                r#"parsing time "a\\u003cb\\u003e" as {layout}: cannot parse "a\\u003cb\\u003e" as "2006""#
            ),
        ),
        (
            r#""2024-01-01T10:00:00.Z""#,
            format!(
                r#"parsing time "2024-01-01T10:00:00.Z" as {layout}: cannot parse ".Z" as "Z07:00""#
            ),
        ),
    ] {
        assert_eq!(load_lock(bad), Err(format!("{prefix}{want}")), "{bad}");
    }
    // helm3 names Go types by another package; the input it quotes stays as written.
    load_lock(r#""v2.x""#).unwrap_err();
    let v3 = helmcore::chart::load_for(&d, helmcore::render::Compat::V3).map(|_| ());
    assert_eq!(
        v3.map_err(|e| e.to_string()),
        Err(format!(
            r#"{prefix}parsing time "v2.x" as {layout}: cannot parse "v2.x" as "2006""#
        ))
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn archive_errors_match_helm4() {
    let d = temp("archives");
    let no_yaml = d.join("noyaml.tgz");
    std::fs::write(&no_yaml, tgz("x", &[("values.yaml", b"a: 1\n")])).unwrap();
    assert_eq!(
        load(&no_yaml).unwrap_err().to_string(),
        "unable to detect chart version, no Chart.yaml found"
    );
    assert_eq!(
        load_v2(&no_yaml).unwrap_err().to_string(),
        "Chart.yaml file is missing"
    );
    let sub_bad = d.join("subbad.tgz");
    std::fs::write(
        &sub_bad,
        tgz(
            "x",
            &[
                ("Chart.yaml", CHART.as_bytes()),
                ("charts/sub-1.0.0.tgz", b"notgz\n"),
            ],
        ),
    )
    .unwrap();
    assert_eq!(
        load(&sub_bad).unwrap_err().to_string(),
        "error unpacking subchart sub-1.0.0.tgz in x: unexpected EOF"
    );
    let not_gz = d.join("x.tgz");
    std::fs::write(&not_gz, "hi\n").unwrap();
    assert_eq!(
        load(&not_gz).unwrap_err().to_string(),
        format!(
            "file '{}' does not appear to be a gzipped archive; got 'application/octet-stream'",
            not_gz.display()
        )
    );
    let yaml = d.join("x.yaml");
    std::fs::write(&yaml, "hi\n").unwrap();
    assert_eq!(
        load(&yaml).unwrap_err().to_string(),
        format!(
            "file '{}' seems to be a YAML file, but expected a gzipped archive",
            yaml.display()
        )
    );
    let garbage = d.join("y.tgz");
    std::fs::write(&garbage, b"\x1f\x8b\x08\0garbage").unwrap();
    assert_eq!(
        load(&garbage).unwrap_err().to_string(),
        "unable to load chart archive"
    );
    assert_eq!(load_v2(&garbage).unwrap_err().to_string(), "unexpected EOF");
    // helm3 loads an archive in one step and prints the cause (v3.17.1 `template`).
    let v3 = |p: &Path| {
        helmcore::chart::load_for(p, helmcore::render::Compat::V3)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(v3(&no_yaml), "Chart.yaml file is missing");
    assert_eq!(v3(&garbage), "unexpected EOF");
    assert_eq!(
        load_archive(b"plain text, not gzip")
            .unwrap_err()
            .to_string(),
        "stream does not appear to be a valid chart file (details: gzip: invalid header)"
    );
    // Shorter than a gzip header: Go's reader says the stream was cut.
    assert_eq!(
        load_archive(b"plain").unwrap_err().to_string(),
        "unable to load chart archive: unexpected EOF"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn files_load_from_memory() {
    let files = vec![
        BufferedFile {
            name: "Chart.yaml".into(),
            data: CHART.as_bytes().to_vec().into(),
        },
        BufferedFile {
            name: "charts/s/Chart.yaml".into(),
            data: b"apiVersion: v2\nname: s\nversion: 2.0.0\n".to_vec().into(),
        },
        BufferedFile {
            name: "charts/s/values.yaml".into(),
            data: b"a: 1\n".to_vec().into(),
        },
        BufferedFile {
            name: "charts/s-1.0.0.tgz.prov".into(),
            data: b"sig".to_vec().into(),
        },
    ];
    let c = helmcore::chart::load_files(files).unwrap();
    assert_eq!(names(&c), ["s"]);
    assert_eq!(
        c.files.iter().map(|f| &*f.name).collect::<Vec<_>>(),
        ["charts/s-1.0.0.tgz.prov"]
    );
}

/// helm4 `show chart` of `version: 010`, `appVersion: 1234567.0`, `keywords: [1234567]`:
/// `"8"`, `"1.234567e+06"`, `"1234567"` (YAML ints and floats as sigs.k8s.io/yaml
/// turns them into strings).
#[test]
fn chart_yaml_numbers_become_helms_strings() {
    let files = vec![BufferedFile {
        name: "Chart.yaml".into(),
        data:
            b"apiVersion: v2\nname: av\nversion: 010\nappVersion: 1234567.0\nkeywords: [1234567]\n"
                .to_vec()
                .into(),
    }];
    let c = helmcore::chart::load_files(files).unwrap();
    assert_eq!(c.metadata.version, "8");
    assert_eq!(c.metadata.app_version, "1.234567e+06");
    assert_eq!(c.metadata.keywords, ["1234567"]);
}

#[test]
fn chart_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Chart>();
    check::<helmcore::values::Computed>();
}

/// `.Files` of a chart directory under several ignore files; expectations are what
/// helm4 lists with `{{ range $p, $_ := .Files }}`.
#[test]
fn helmignore_rules_match_helm4() {
    let d = temp("ignore");
    let c = d.join("ig");
    write(
        &c,
        &[
            ("Chart.yaml", "apiVersion: v2\nname: ig\nversion: 1.0.0\n"),
            ("templates/f.yaml", "x"),
        ],
    );
    for f in [
        "a.txt",
        "keep.txt",
        "docs/x.md",
        "docs/sub/y.md",
        "build/z",
        "other/build",
        "top.yaml",
        "templates/.hidden",
    ] {
        write(&c, &[(f, "x\n")]);
    }
    let files = |ignore: &str| {
        std::fs::write(c.join(".helmignore"), ignore).unwrap();
        match load(&c) {
            Ok(ch) => ch
                .files
                .iter()
                .map(|f| f.name.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            Err(e) => format!("Error: {e}"),
        }
    };
    assert_eq!(
        files("*.txt\n"),
        ".helmignore build/z docs/sub/y.md docs/x.md other/build top.yaml"
    );
    assert_eq!(
        files("docs/*.md\n/top.yaml\n"),
        ".helmignore a.txt build/z docs/sub/y.md keep.txt other/build"
    );
    assert_eq!(
        files("build/\n"),
        ".helmignore a.txt docs/sub/y.md docs/x.md keep.txt other/build top.yaml"
    );
    assert_eq!(files("!keep.txt\n"), "Error: Chart.yaml file is missing");
    assert_eq!(
        files("*.txt\n!keep.txt\n"),
        "Error: Chart.yaml file is missing"
    );
    assert_eq!(
        files("docs/\n!docs/sub/\n"),
        "Error: Chart.yaml file is missing"
    );
    assert_eq!(files("\\!x\n[a-\n"), "Error: syntax error in pattern");
    let _ = std::fs::remove_dir_all(&d);
}

/// A deferred load holds the same chart, file for file, at every subchart level.
#[test]
fn deferred_load_holds_the_same_files() {
    fn same(a: &Chart, b: &Chart) {
        assert_eq!(a.raw, b.raw);
        assert_eq!(a.files, b.files);
        assert_eq!(a.templates, b.templates);
        assert_eq!(a.values, b.values);
        assert_eq!(a.dependencies.len(), b.dependencies.len());
        for (x, y) in a.dependencies.iter().zip(&b.dependencies) {
            same(x, y);
        }
    }
    let dir = fixture("parent");
    let eager = load(&dir).unwrap();
    let deferred = helmcore::chart::load_deferred(&dir).unwrap();
    same(&eager, &deferred);
    assert!(deferred.read_error().is_none());
}

/// A file deferred at load and gone by the time it is needed fails the render with the
/// error loading gives for an unreadable file, before what its missing content caused.
#[test]
fn deferred_file_gone_fails_the_render_as_loading_would() {
    let d = temp("deferred-gone");
    write(
        &d,
        &[
            ("Chart.yaml", CHART),
            (
                "templates/cm.yaml",
                "data: {{ .Files.Get \"conf/app.yaml\" | fromYaml | toJson }}\n",
            ),
            ("conf/app.yaml", "a: 1\n"),
            ("crds/crd.yaml", "kind: CustomResourceDefinition\n"),
        ],
    );
    render_without(&d, "conf/app.yaml");

    // A CRD is read only when it is printed.
    let opts = render_opts();
    let values = helmcore::value::Map::new();
    let chart = helmcore::chart::load_deferred(&d).unwrap();
    std::fs::remove_file(d.join("crds/crd.yaml")).unwrap();
    helmcore::render::render(&chart, &values, &opts).unwrap();
    let with_crds = helmcore::render::RenderOptions {
        include_crds: true,
        ..opts
    };
    let err = helmcore::render::render(&chart, &values, &with_crds).unwrap_err();
    assert!(err.to_string().contains("crds/crd.yaml"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

/// A subchart's deferred file shares its data with the parent's `raw`: a failed read
/// through the subchart's `.Files` is the parent's read error, and fails the render.
#[test]
fn deferred_subchart_file_gone_fails_the_render() {
    let d = temp("deferred-sub-gone");
    write(
        &d,
        &[
            ("Chart.yaml", CHART),
            (
                "charts/sub/Chart.yaml",
                "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
            ),
            (
                "charts/sub/templates/cm.yaml",
                "data: {{ .Files.Get \"conf/app.yaml\" | quote }}\n",
            ),
            ("charts/sub/conf/app.yaml", "a: 1\n"),
        ],
    );
    render_without(&d, "charts/sub/conf/app.yaml");
    let _ = std::fs::remove_dir_all(&d);
}

fn render_opts() -> helmcore::render::RenderOptions {
    helmcore::render::RenderOptions {
        release_name: "r".into(),
        ..Default::default()
    }
}

/// Loads `d` with deferred reading, removes the file `gone`, renders: the render must
/// fail with the error loading `gone` would have given, and the chart must report it.
fn render_without(d: &Path, gone: &str) {
    let chart = helmcore::chart::load_deferred(d).unwrap();
    std::fs::remove_file(d.join(gone)).unwrap();
    let err = helmcore::render::render(&chart, &helmcore::value::Map::new(), &render_opts())
        .unwrap_err()
        .to_string();
    let expected = format!("open {}: no such file or directory", d.join(gone).display());
    assert!(err.contains(&expected), "{err}");
    assert!(chart.read_error().is_some());
}

/// `load_deferred` leaves values.yaml files to be decoded on first use; a file that
/// does not decode is then the error `load` gives (helm4 and helm3 wording checked
/// against the real helm), reported by `values_error` and by the render before anything.
#[test]
fn deferred_values_fail_as_loading_would() {
    let d = temp("deferred-values");
    let sub = tgz(
        "sub",
        &[
            ("Chart.yaml", b"apiVersion: v2\nname: sub\nversion: 0.1.0\n"),
            ("values.yaml", b"a: b: c\n"),
        ],
    );
    write(
        &d,
        &[
            // The chart's own file fails.
            ("own/Chart.yaml", CHART),
            ("own/values.yaml", "x: [1\n"),
            // A subchart's fails: named by its entry under charts/.
            ("dir/Chart.yaml", CHART),
            (
                "dir/charts/sub/Chart.yaml",
                "apiVersion: v2\nname: s\nversion: 1.0.0\n",
            ),
            ("dir/charts/sub/values.yaml", "x: [1\n"),
            ("arc/Chart.yaml", CHART),
            // Helm meets values.yaml before validating Chart.yaml and before the
            // subcharts: those errors are not the ones reported.
            (
                "late/Chart.yaml",
                "apiVersion: v2\nname: late\nversion: notsemver\n",
            ),
            ("late/values.yaml", "x: [1\n"),
            ("latesub/Chart.yaml", CHART),
            ("latesub/values.yaml", "x: [1\n"),
            (
                "latesub/charts/s/Chart.yaml",
                "apiVersion: v2\nname: s\nversion: bad\n",
            ),
        ],
    );
    std::fs::create_dir_all(d.join("arc/charts")).unwrap();
    std::fs::write(d.join("arc/charts/sub-0.1.0.tgz"), sub).unwrap();
    let cases = [
        ("own", "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("dir", "error unpacking subchart sub in x: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("arc", "error unpacking subchart sub-0.1.0.tgz in x: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
        ("late", "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("latesub", "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
    ];
    for (name, expected) in cases {
        let dir = d.join(name);
        assert_eq!(load(&dir).unwrap_err().to_string(), expected, "{name}");
        let deferred = match helmcore::chart::load_deferred(&dir) {
            // Helm would have stopped at values.yaml before this chart's later error.
            Err(e) => {
                assert!(name.starts_with("late"), "{name}: {e}");
                assert_eq!(e.to_string(), expected, "{name}");
                continue;
            }
            Ok(c) => c,
        };
        assert!(!name.starts_with("late"), "{name} loaded");
        assert_eq!(
            deferred.values_error().map(|e| e.to_string()).as_deref(),
            Some(expected),
            "{name}"
        );
        let err =
            helmcore::render::render(&deferred, &Default::default(), &render_opts()).unwrap_err();
        assert_eq!(err.to_string(), expected, "{name}");
        let err = helmcore::values::computed_values(&deferred, &Default::default()).unwrap_err();
        assert_eq!(err.to_string(), expected, "{name}");
    }
    // helm3 reads the first document only, and words it without helm4's prefix.
    let v3 =
        helmcore::chart::load_deferred_for(d.join("arc"), helmcore::render::Compat::V3).unwrap();
    assert_eq!(
        v3.values_error().unwrap().to_string(),
        "error unpacking subchart sub-0.1.0.tgz in x: cannot load values.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context"
    );
    let _ = std::fs::remove_dir_all(&d);
}
