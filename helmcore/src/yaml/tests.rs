//! Decoder tests; every expectation is what helm4 (v4.1.4) printed for the same input
//! (`toJson .Values`, or the error after `cannot load values.yaml: cannot unmarshal yaml
//! document: `).

use super::*;
use crate::value::Value;

fn err(src: &str) -> String {
    from_str_map(src).unwrap_err().to_string()
}

#[test]
fn syntax_errors_carry_go_yaml_texts_and_lines() {
    let cases = [
        ("a: 1\n b: 2\n", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"),
        ("a:\n  b: 1\n c: 2\n", "error converting YAML to JSON: yaml: line 2: did not find expected key"),
        ("a: b: c\n", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
        ("a: [1, 2\n", "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("a: \"unterminated\n", "error converting YAML to JSON: yaml: line 2: found unexpected end of stream"),
        ("\"a\n", "error converting YAML to JSON: yaml: line 2: found unexpected end of stream"),
        ("\ta: 1\n", "error converting YAML to JSON: yaml: found character that cannot start any token"),
        ("a: b\n- c\n", "error converting YAML to JSON: yaml: line 1: did not find expected key"),
        ("a: @foo\n", "error converting YAML to JSON: yaml: found character that cannot start any token"),
        ("a: `x\n", "error converting YAML to JSON: yaml: found character that cannot start any token"),
        ("a: |\n  x\n y\n", "error converting YAML to JSON: yaml: line 2: did not find expected key"),
        // helm4: go-yaml reads YAML 1.1 documents only.
        ("%YAML 1.2\n---\na: 1\n", "error converting YAML to JSON: yaml: found incompatible YAML document"),
        // helm4: go-yaml has no `\/` escape; the line is the escape's, not the scalar's.
        ("a: \"\\/\"\n", "error converting YAML to JSON: yaml: found unknown escape character"),
        ("a: 1\nb: \"x\n  \\/\"\n", "error converting YAML to JSON: yaml: line 3: found unknown escape character"),
        // go-yaml v2 checks only the head token's simple key for staleness, and popping an
        // empty flow collection forgets the key it started: an empty `{}`/`[]` where a key
        // must start is the parser's "did not find expected key", not the scanner's
        // "could not find expected ':'" of libyaml 0.2.5 (a non-empty one still is).
        ("a: 1\n{}\n", "error converting YAML to JSON: yaml: line 1: did not find expected key"),
        ("a:\n  b: c\n  {}\n", "error converting YAML to JSON: yaml: line 2: did not find expected key"),
        ("kind: A\nmetadata:\n  annotations:\n    checksum/config: abc\n    {}\nspec: 1\n", "error converting YAML to JSON: yaml: line 4: did not find expected key"),
        ("- x\n{}\n  lit\n", "error converting YAML to JSON: yaml: line 1: did not find expected '-' indicator"),
        ("{a: 1}: 2\n[]\n", "error converting YAML to JSON: yaml: line 1: did not find expected key"),
        ("a: 1\n{b: 1}\n", "error converting YAML to JSON: yaml: line 3: could not find expected ':'"),
        ("a: 1\n[x]\nb: 2\n", "error converting YAML to JSON: yaml: line 3: could not find expected ':'"),
        ("a: 1\nplain text\n", "error converting YAML to JSON: yaml: line 3: could not find expected ':'"),
    ];
    for (src, want) in cases {
        assert_eq!(err(src), want, "{src:?}");
    }
}

#[test]
fn decode_errors() {
    let cases = [
        ("a: *x\n", "error converting YAML to JSON: yaml: unknown anchor 'x' referenced"),
        ("a: &x [*x]\n", "error converting YAML to JSON: yaml: anchor 'x' value contains itself"),
        ("a: !!int 1.5\n", "error converting YAML to JSON: yaml: cannot decode !!float `1.5` as a !!int"),
        ("a: !!null foo\n", "error converting YAML to JSON: yaml: cannot decode !!str `foo` as a !!null"),
        ("? [1]\n: x\n", "error converting YAML to JSON: yaml: invalid map key: []interface {}{1}"),
        ("m:\n  <<: 1\n", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        // helm4: a merge source that is no mapping is refused before it is decoded, and a
        // merge's sequence is taken last item first.
        ("a: &a\n- <<: *a\n", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        ("a: &a\n- b:\n    <<: [*a]\n", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        ("m:\n  <<: [{a: !!int x}, 1]\n", "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        ("m:\n  <<: [1, {a: !!int x}]\n", "error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int"),
        ("m: &m\n  <<: [{a: 1}, *m, {b: !!int x}]\n", "error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!int"),
        ("m: &m\n  <<: [{a: !!int y}, *m, {b: 2}]\n", "error converting YAML to JSON: yaml: anchor 'm' value contains itself"),
        ("~: 1\n", "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"),
        // helm4: `null` and `~` are one Go map key; the message shows the last value.
        (
            "null: 1\na: 2\n~: [3]\n",
            "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: []interface {}{3}",
        ),
        (
            "12345678901234567890: g\n",
            "error converting YAML to JSON: unsupported map key of type: uint64, key: 0xab54a98ceb1f0ad2, value: \"g\"",
        ),
        ("inf: .inf\n", "error converting YAML to JSON: json: unsupported value: +Inf"),
        ("s: .NaN\n", "error converting YAML to JSON: json: unsupported value: NaN"),
        (".inf: .inf\n", "error converting YAML to JSON: json: unsupported value: +Inf"),
        ("&a -.inf: 1\nb: *a\n", "error converting YAML to JSON: json: unsupported value: -Inf"),
        // helm4: encoding/json meets map keys in sorted order.
        ("b: .inf\na: .nan\n", "error converting YAML to JSON: json: unsupported value: NaN"),
        ("b: [.inf]\na: {c: -.inf}\n", "error converting YAML to JSON: json: unsupported value: -Inf"),
        ("c:\n  <<: [{x: .nan}, {x: 2}]\n", "error converting YAML to JSON: json: unsupported value: NaN"),
        // helm4: a merged-in unsupported key, overridden by an explicit one.
        (
            "m: &m {~: 1}\nk:\n  <<: *m\n  ~: 2\nm: 2\n",
            "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 2",
        ),
        // helm4: Go's %q escapes U+2028 and format characters.
        (
            "? {complex: \"\\u2028\\u200b\"}\n: 1\n",
            "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"complex\":\"\\u2028\\u200b\"}",
        ),
        (
            "- a\n- b\n",
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(err(src), want, "{src:?}");
    }
}

fn json_of(src: &str) -> String {
    // A compact rendering close to Go's toJson, enough to compare structure and types.
    fn w(v: &Value, out: &mut String) {
        match v {
            Value::Nil => out.push_str("null"),
            Value::Bool(b) => out.push_str(&b.to_string()),
            Value::Float(f) => out.push_str(&format!("F{f}")),
            Value::Int(n, _) => out.push_str(&format!("I{n}")),
            Value::String(s) => out.push_str(&format!("{s:?}")),
            Value::Bytes(b) => out.push_str(&format!("{b:?}")),
            Value::List(l) => {
                out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    w(x, out);
                }
                out.push(']');
            }
            Value::Map(m) => {
                out.push('{');
                for (i, (k, x)) in m.entries().iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&format!("{k:?}:"));
                    w(x, out);
                }
                out.push('}');
            }
            Value::Object(_) => out.push_str("obj"),
        }
    }
    let mut out = String::new();
    w(&from_str(src).unwrap(), &mut out);
    out
}

#[test]
fn values_as_helm_sees_them() {
    let cases = [
        ("a: 1\na: 2\n", r#"{"a":F2}"#),
        ("a: !!float 1\n", r#"{"a":F1}"#),
        ("a:\t1\n", r#"{"a":F1}"#),
        ("a: {b:c}\n", r#"{"a":{"b:c":null}}"#),
        ("a: !!binary aGVsbG8=\n", r#"{"a":"hello"}"#),
        ("a: 'it''s'\n", r#"{"a":"it's"}"#),
        // helm4: go-yaml reads `\'` in a double-quoted scalar as a single quote.
        ("a: \"it\\'s\"\n", r#"{"a":"it's"}"#),
        ("x: 1\n---\ny: 2\n", r#"{"x":F1}"#),
        ("---\n", "null"),
        ("", "null"),
        ("# only comment\n", "null"),
        ("a: 1\n...\nb: 2\n", r#"{"a":F1}"#),
        ("<<: {a: 1}\nb: 2\n", r#"{"a":F1,"b":F2}"#),
        (
            "base: &b {a: 1, c: 3}\nm:\n  a: 2\n  <<: *b\n  c: 4\n",
            r#"{"base":{"a":F1,"c":F3},"m":{"a":F1,"c":F4}}"#,
        ),
        (
            "m:\n  <<: [{a: 1}, {a: 2, b: 2}]\n",
            r#"{"m":{"a":F1,"b":F2}}"#,
        ),
        (
            "a: !!str 1\nb: !!int \"12\"\nc: !foo bar\nd: ! 12\ne: !!bool \"yes\"\n",
            r#"{"a":"1","b":F12,"c":"bar","d":"12","e":true}"#,
        ),
        (
            "a: >\n  folded\n  text\n\n  more\nb: |+\n  keep\n\nc: >-\n  x\n   y\n  z\n",
            r#"{"a":"folded text\nmore\n","b":"keep\n\n","c":"x\n y\nz"}"#,
        ),
        (
            "n: null\nbig: 1000000\ny: yes\nk:\n  n: 1\n  1: a\n  1.5: b\n  on: c\n  0x1F: d\n",
            r#"{"big":F1000000,"false":null,"k":{"1":"a","1.5":"b","31":"d","false":F1,"true":"c"},"true":true}"#,
        ),
        (
            "ts: 2001-12-14\nq: \"yes\"\nlarge: 12345678901234567890\n",
            r#"{"large":F12345678901234567000,"q":"yes","ts":"2001-12-14"}"#,
        ),
        // helm4: NaN and infinite keys become the strings go-yaml writes for them; only
        // as values do they fail the JSON conversion.
        (
            ".inf: 1\n-.Inf: 2\nx: {.nan: 3}\n",
            r#"{"-.inf":F2,".inf":F1,"x":{".nan":F3}}"#,
        ),
        ("&a .inf: 1\nb: *a\n", "err"),
        // helm4: the JSON conversion sees what go-yaml decoded: a value a later duplicate
        // key or an explicit key replaces is never converted.
        ("a: .inf\na: 1\n", r#"{"a":F1}"#),
        ("a: {~: 1}\na: 1\n", r#"{"a":F1}"#),
        (
            "m: &m {x: .inf}\nk:\n  <<: *m\n  x: 1\nm: 2\n",
            r#"{"k":{"x":F1},"m":F2}"#,
        ),
        ("c:\n  <<: [{x: 2}, {x: .nan}]\n", r#"{"c":{"x":F2}}"#),
        ("<<: 1\n", "err"),
    ];
    for (src, want) in cases {
        if want == "err" {
            assert!(from_str(src).is_err(), "{src:?}");
            continue;
        }
        assert_eq!(json_of(src), want, "{src:?}");
    }
}

#[test]
fn float_keys_use_float32_digits() {
    // helm4: `2.50: b`, `1e3: e`, `.5: h`, `-1: f` become keys "2.5", "1000", "0.5", "-1".
    let v = from_str("2.50: b\n1e3: e\n.5: h\n-1: f\ntrue: c\n0.1: x\n").unwrap();
    let keys: Vec<String> = v
        .as_map()
        .unwrap()
        .keys()
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(keys, vec!["-1", "0.1", "0.5", "1000", "2.5", "true"]);
}

#[test]
fn aliases_are_independent_copies() {
    let v = from_str("a: &x {k: 1}\nb: *x\n").unwrap();
    let a = v.get("a").unwrap();
    let b = v.get("b").unwrap();
    assert_eq!(a, b);
    assert!(!a.as_map().unwrap().ptr_eq(b.as_map().unwrap()));
}

#[test]
fn alias_bombs_are_refused() {
    let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        src.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
    }
    assert_eq!(
        err(&src),
        "error converting YAML to JSON: yaml: document contains excessive aliasing"
    );
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let src = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    assert!(from_str(&src)
        .unwrap_err()
        .to_string()
        .contains("exceeded max depth of 2500"));
    let ok = format!(
        "a: {}1{}",
        "[".repeat(MAX_NESTING - 1),
        "]".repeat(MAX_NESTING - 1)
    );
    assert!(from_str(&ok).is_ok());
}

#[test]
fn native_keeps_ints() {
    let v = from_str_native("a: 1\nb: .inf\nc: 0x10\n").unwrap();
    assert_eq!(v.get("a"), Some(Value::int(1)));
    assert_eq!(v.get("b"), Some(Value::Float(f64::INFINITY)));
    assert_eq!(v.get("c"), Some(Value::int(16)));
}

#[test]
fn lists_and_type_errors() {
    assert_eq!(
        from_str_list("- 1\n- a\n").unwrap(),
        Some(vec![Value::Float(1.0), Value::from("a")])
    );
    assert_eq!(from_str_list("").unwrap(), None);
    assert_eq!(from_str_map("~").unwrap(), None);
    assert_eq!(
        from_str_list("a: 1\n").unwrap_err().to_string(),
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"
    );
    assert_eq!(
        from_str_map("hello\n").unwrap_err().to_string(),
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}"
    );
}

#[test]
fn never_panics_on_malformed_input() {
    let seeds: [&[u8]; 12] = [
        b"a: [1, {b: &x c}, *x]\n",
        b"? |\n  k\n: v\n",
        b"- !!binary Zm9v\n- &a !!str\n- *a\n",
        b"'\\x\n\"\\u12\"",
        b"\xff\xfe\x00a",
        b"a: b\n\t- c",
        b"%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\nx",
        b"{a: [b, {c: d}]}",
        b"<<: *nope",
        b"a: &x 1\nb: &x [*x]\n",
        b"--- |\n  x\n...\n---\n",
        b"\x00\x01\x02",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for seed in seeds {
        let _ = from_slice(seed);
        for _ in 0..300 {
            let mut bytes = seed.to_vec();
            for _ in 0..3 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if bytes.is_empty() {
                    break;
                }
                let pos = (state % bytes.len() as u64) as usize;
                match state % 3 {
                    0 => bytes[pos] = (state >> 8) as u8,
                    1 => {
                        bytes.remove(pos);
                    }
                    _ => {
                        const PUNCT: &[u8] = b"[]{}:-?&*!|>'\"#,\n ";
                        bytes.insert(pos, PUNCT[(state >> 16) as usize % PUNCT.len()])
                    }
                }
            }
            let _ = from_slice(&bytes);
            let _ = from_str_native(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn flow_edge_cases_match_go_yaml() {
    // helm4 reads `{b:c}` as a key "b:c" with a null value and refuses `[x?y]`.
    assert_eq!(json_of("a: {b:c}\n"), r#"{"a":{"b:c":null}}"#);
    assert_eq!(
        err("a: [x?y]\n"),
        "error converting YAML to JSON: yaml: did not find expected ',' or ']'"
    );
}

#[test]
fn simple_keys_longer_than_1024_are_refused() {
    // helm4 on `big:\n  "k...k": 1` with a 1100-character key.
    let src = format!("big:\n  \"{}\": 1\n", "k".repeat(1100));
    assert_eq!(
        err(&src),
        "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
    );
}

#[test]
fn flow_colons_and_escapes_match_go_yaml() {
    // helm4: `[x:]` is ["x:"], `{b:}` is {"b:": null}, `[x:,y]` is ["x:", true].
    assert_eq!(json_of("a: [x:]\n"), r#"{"a":["x:"]}"#);
    assert_eq!(json_of("a: {b:}\n"), r#"{"a":{"b:":null}}"#);
    assert_eq!(json_of("a: [x:,y]\n"), r#"{"a":["x:",true]}"#);
    assert_eq!(json_of("a: [\"é\", x:]\n"), r#"{"a":["é","x:"]}"#);
    assert_eq!(
        err("a: \"\\xZZ\"\n"),
        "error converting YAML to JSON: yaml: did not find expected hexdecimal number"
    );
}

#[test]
fn chart_yaml_string_fields() {
    // helm4: Chart.yaml `appVersion: 1.10` and `description: 12345678901` print as
    // `1.1` and `12345678901` through `.Chart`.
    let v = from_str_native("appVersion: 1.10\ndescription: 12345678901\nname: true\n").unwrap();
    assert_eq!(
        string_field(&v.get("appVersion").unwrap()).as_deref(),
        Some("1.1")
    );
    assert_eq!(
        string_field(&v.get("description").unwrap()).as_deref(),
        Some("12345678901")
    );
    assert_eq!(
        string_field(&v.get("name").unwrap()).as_deref(),
        Some("true")
    );
}

#[test]
fn invalid_key_messages_show_go_values() {
    // helm4 on `? {key: -.inf, c: ~}\n: v`.
    assert_eq!(
        err("? {key: -.inf, c: ~}\n: v\n"),
        "error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\"c\":interface {}(nil), \"key\":-Inf}"
    );
}

#[test]
fn invalid_utf8_is_a_reader_error() {
    // helm4 on values files with a 0xFF byte in a string or a comment, and a cut-off
    // two-byte sequence.
    let e = |b: &[u8]| load_values_slice(b).unwrap_err().to_string();
    let prefix = "cannot unmarshal yaml document: error converting YAML to JSON: yaml: ";
    assert_eq!(
        e(b"a: 1\nb: \"x\xffy\"\n"),
        format!("{prefix}invalid leading UTF-8 octet")
    );
    assert_eq!(
        e(b"a: 1\nb: x\xc3\n"),
        format!("{prefix}invalid trailing UTF-8 octet")
    );
    assert_eq!(
        e(b"a: 1\n# \xff\n"),
        format!("{prefix}invalid leading UTF-8 octet")
    );
}

#[test]
fn control_characters_are_a_reader_error() {
    // helm4 on values files with 0x01 in a quoted string and 0x7F in a comment.
    let e = |b: &[u8]| load_values_slice(b).unwrap_err().to_string();
    let want = "cannot unmarshal yaml document: error converting YAML to JSON: yaml: control characters are not allowed";
    assert_eq!(e(b"a: 1\nb: \"x\x01y\"\n"), want);
    assert_eq!(e(b"a: 1\n# \x7f\n"), want);
    // Far into a long file, past the reader's first 16 KB chunk.
    let mut long = "k: v\n".repeat(5000).into_bytes();
    long.extend_from_slice(b"z: \"\x01\"\n");
    assert_eq!(e(&long), want);
}

#[test]
fn long_mixed_text_reads_back_exactly() {
    // The reader copies runs of ASCII at once and decodes the rest; a value that mixes
    // both across its 16 KB input chunks must come back byte for byte.
    let piece = "ascii text, é, 日本語, \u{1F600}, tab\there; ";
    let text: String = piece.repeat(1500);
    let src = format!("a: {text:?}\nb: plain\n");
    let m = load_values_slice(src.as_bytes()).unwrap();
    assert_eq!(m.get("a"), Some(Value::String(text.as_str().into())));
    assert_eq!(m.get("b"), Some(Value::String("plain".into())));
}

/// The scanner copies runs of plain ASCII at once (vendored libyaml, `READ_RUN`): every
/// char whose meaning depends on its neighbours must still stop a run. Expectations
/// from helm4's `toJson .Values` of the same file.
#[test]
fn scalar_runs_stop_where_meaning_changes() {
    let src = "a: b:c d#e f\nu: http://x.y:80/p?q=1\nk: v # comment\nt: \"x\"\t# tab comment\n\
               f: {a: b,c: d, e: [x:y, z]}\ng: [a:b, c]\n\
               lit: |\n  line one: with colon # not a comment\n    indented\ttab\n  end\n\
               fold: >\n  one\n  two\n      three\n";
    assert_eq!(
        json_of(src),
        r#"{"a":"b:c d#e f","f":{"a":"b","c":"d","e":["x:y","z"]},"fold":"one two\n    three\n","g":["a:b","c"],"k":"v","lit":"line one: with colon # not a comment\n  indented\ttab\nend\n","t":"x","u":"http://x.y:80/p?q=1"}"#
    );
}

/// Runs longer than the scanner's decoded buffer continue across refills.
#[test]
fn long_scalars_and_comments_cross_buffer_refills() {
    let plain: String = (0..20_000).map(|i| format!("w{}-", i % 10)).collect();
    let line: String = "x".repeat(70_000);
    let comment = "#".to_string() + &"c ".repeat(40_000);
    let indent = " ".repeat(5_000);
    let src = format!(
        "{comment}\np: {plain}\nlit: |\n  {line}\n  {line}\n{comment}\nnest:\n{indent}deep: {plain}\n"
    );
    let m = from_str_map(&src).unwrap().unwrap();
    assert_eq!(m.get("p").unwrap().as_str(), Some(plain.as_str()));
    assert_eq!(
        m.get("lit").unwrap().as_str(),
        Some(format!("{line}\n{line}\n").as_str())
    );
    let Some(Value::Map(n)) = m.get("nest") else {
        panic!("nest is a map")
    };
    assert_eq!(n.get("deep").unwrap().as_str(), Some(plain.as_str()));
}
