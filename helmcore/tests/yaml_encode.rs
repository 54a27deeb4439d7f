//! `yaml::to_string` against helm4: `golden/yaml/encode.expected.yaml` is what
//! `{{ toYaml .Values }}` printed (plus the newline `toYaml` trims) for the values file
//! `golden/yaml/encode.input.yaml`: quoting, folding, block scalars, key order, numbers.

use helmcore::value::{Map, Value};
use helmcore::yaml::{from_str, to_string, to_string_pretty};

const INPUT: &str = include_str!("golden/yaml/encode.input.yaml");
const EXPECTED: &str = include_str!("golden/yaml/encode.expected.yaml");

#[test]
fn to_yaml_of_values_matches_helm() {
    let v = from_str(INPUT).unwrap();
    let got = to_string(&v).unwrap();
    for (i, (g, w)) in got.lines().zip(EXPECTED.lines()).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got, EXPECTED);
}

fn s(x: &str) -> Value {
    Value::from(x)
}

#[test]
fn top_level_scalars_and_lists_match_helm() {
    // helm4: toYaml of single values (shown with toYaml's final newline trimmed).
    let long = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv";
    let cases: Vec<(Value, &str)> = vec![
        (s("abc"), "abc"),
        (s("a\n\n"), "|+\n  a\n"),
        (s(long), "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq\n  rrrr ssss tttt uuuu vvvv"),
        (s(""), "\"\""),
        (Value::Float(1e6), "1000000"),
        (Value::Nil, "null"),
        (Value::list(vec![]), "[]"),
        (Value::Map(Map::new()), "{}"),
    ];
    for (v, want) in cases {
        let got = to_string(&v).unwrap();
        assert_eq!(got.strip_suffix('\n').unwrap_or(&got), want, "{v:?}");
    }
}

#[test]
fn json_and_yaml_failures() {
    assert_eq!(
        to_string(&Value::Float(f64::NAN)).unwrap_err().to_string(),
        "error marshaling into JSON: json: unsupported value: NaN"
    );
    assert_eq!(
        to_string(&s("a\u{7f}")).unwrap_err().to_string(),
        "yaml: control characters are not allowed"
    );
    let m = Map::new();
    m.insert("me", Value::Map(m.clone()));
    assert!(to_string(&Value::Map(m.clone()))
        .unwrap_err()
        .to_string()
        .contains("encountered a cycle"));
    m.clear();
}

#[test]
fn big_maps_are_fast_enough() {
    let m = Map::new();
    for i in 0..10_000 {
        m.insert(format!("key{i}"), Value::from(format!("value number {i}")));
    }
    let start = std::time::Instant::now();
    let out = to_string(&Value::Map(m)).unwrap();
    assert!(out.starts_with("key0: value number 0\nkey1: value number 1\nkey2:"));
    // Generous even for debug builds on a loaded machine.
    assert!(start.elapsed().as_secs_f64() < 2.0, "{:?}", start.elapsed());
    let back = from_str(&out).unwrap();
    assert_eq!(back.as_map().unwrap().len(), 10_000);
}

#[test]
fn nested_folding_and_keys_match_helm() {
    // golden/yaml/encode2.*: helm4's toYaml of a second values file: folding inside
    // sequences and nested mappings, quoted keys, `? ` keys, double spaces at folds.
    let v = from_str(include_str!("golden/yaml/encode2.input.yaml")).unwrap();
    let got = to_string(&v).unwrap();
    let want = include_str!("golden/yaml/encode2.expected.yaml");
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got, want);
}

#[test]
fn to_yaml_pretty_matches_helm() {
    // golden/yaml/pretty2.expected.yaml: helm4's toYamlPretty of the same values.
    let v = from_str(include_str!("golden/yaml/encode2.input.yaml")).unwrap();
    let got = to_string_pretty(&v).unwrap();
    let want = include_str!("golden/yaml/pretty2.expected.yaml");
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(got, want);
}

fn map(pairs: Vec<(&str, Value)>) -> Value {
    Value::Map(Map::from_entries(
        pairs.into_iter().map(|(k, v)| (k.into(), v)),
    ))
}

#[test]
fn v3_tabs_and_key_order_match_helm() {
    // helm4: toYamlPretty / toYaml of {"a": "x\n\ty", "1e3": 1, "1.5": 2}.
    let v = map(vec![
        ("a", s("x\n\ty")),
        ("1e3", Value::Float(1.0)),
        ("1.5", Value::Float(2.0)),
    ]);
    assert_eq!(
        to_string_pretty(&v).unwrap(),
        "\"1e3\": 1\n\"1.5\": 2\na: |-\n  x\n  \ty\n"
    );
    assert_eq!(
        to_string(&v).unwrap(),
        "\"1.5\": 2\n\"1e3\": 1\na: \"x\\n\\ty\"\n"
    );
}

#[test]
fn json_text_that_go_yaml_cannot_read_back() {
    // helm4's mustToYaml errors: a NEL in a key breaks the simple key; a NEL followed by
    // `--- ` inside a string reads as a document marker; a key over 1024 characters.
    let e = |v: Value| to_string(&v).unwrap_err().to_string();
    assert_eq!(
        e(map(vec![("a\u{85}b", Value::Float(1.0))])),
        "yaml: line 1: did not find expected ',' or '}'"
    );
    assert_eq!(
        e(map(vec![("a", s("x\u{85}--- y"))])),
        "yaml: line 2: found unexpected document indicator"
    );
    let long = "k".repeat(1023);
    assert_eq!(
        e(map(vec![(long.as_str(), Value::Float(1.0))])),
        "yaml: did not find expected ',' or '}'"
    );
    let ok = "k".repeat(1022);
    assert!(to_string(&map(vec![(ok.as_str(), Value::Float(1.0))])).is_ok());
    // helm4: a NEL then an escaped tab reads back as a space and the tab.
    assert_eq!(
        to_string(&map(vec![("a", s("b\u{85}\t"))])).unwrap(),
        "a: \"b \\t\"\n"
    );
}
