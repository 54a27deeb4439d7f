//! Expectations are helm4's `toToml` / `fromToml` output.

use super::*;
use crate::value::{Map, Value};

#[test]
fn encodes_values_like_helm() {
    let v = crate::yaml::from_str(concat!(
        "s: \"hello \\\"q\\\" \\\\ \\t\\n é 😀 \\x01\"\n",
        "i: 42\nf1: 1000000\nf2: 1.5\nf3: 1e21\nf4: 1e-7\nf5: 3.0\nb: true\nnul: null\n",
        "arr: [1, 2, 3]\nmixed: [1, \"a\", true]\ntabs: [{a: 1}, {b: 2}]\n",
        "nest: {x: 1, y: {z: \"deep\"}, w: [1]}\nempty: {}\nemptyl: []\n",
        "\"key with space\": 1\n\"k.dot\": 2\nzlast: end\nAbc: 1\n_u: 2\n\"1num\": 3\n",
    ))
    .unwrap();
    let want = concat!(
        "1num = 3.0\nAbc = 1.0\n_u = 2.0\narr = [1.0, 2.0, 3.0]\nb = true\nemptyl = []\n",
        "f1 = 1e+06\nf2 = 1.5\nf3 = 1e+21\nf4 = 1e-07\nf5 = 3.0\ni = 42.0\n",
        "\"k.dot\" = 2.0\n\"key with space\" = 1.0\nmixed = [1.0, \"a\", true]\n",
        "s = \"hello \\\"q\\\" \\\\ \\t\\n é 😀 \\u0001\"\nzlast = \"end\"\n",
        "\n[empty]\n",
        "\n[nest]\n  w = [1.0]\n  x = 1.0\n  [nest.true]\n    z = \"deep\"\n",
        "\n[[tabs]]\n  a = 1.0\n\n[[tabs]]\n  b = 2.0\n",
    );
    assert_eq!(to_string(&v).unwrap(), want);
}

#[test]
fn small_values_and_errors() {
    let m = Map::new();
    m.insert("a", Value::int(1));
    m.insert("b", Value::int64(2));
    m.insert("c", Value::Float(1.0));
    assert_eq!(
        to_string(&Value::Map(m)).unwrap(),
        "a = 1\nb = 2\nc = 1.0\n"
    );
    assert_eq!(
        to_string(&Value::list(vec![Value::int(1), Value::int(2)])).unwrap(),
        "[1, 2]"
    );
    assert_eq!(to_string(&Value::from("x")).unwrap(), "\"x\"");
    let m = Map::new();
    m.insert("n", Value::Float(f64::NAN));
    assert_eq!(to_string(&Value::Map(m)).unwrap(), "n = nan\n");
    let m = Map::new();
    m.insert("n", Value::Nil);
    assert_eq!(to_string(&Value::Map(m)).unwrap(), "");
    let m = Map::new();
    m.insert("n", Value::list(vec![Value::int(1), Value::Nil]));
    assert_eq!(
        to_string(&Value::Map(m)).unwrap_err().to_string(),
        "toml: cannot encode array with nil element"
    );
}

#[test]
fn inline_tables_in_arrays() {
    let inner = Map::new();
    inner.insert("a", Value::int(1));
    inner.insert(
        "t",
        Value::Map(Map::from_entries([("x".into(), Value::Bool(true))])),
    );
    let m = Map::new();
    m.insert("l", Value::list(vec![Value::int(1), Value::Map(inner)]));
    assert_eq!(
        to_string(&Value::Map(m)).unwrap(),
        "l = [1, {a = 1, t = {x = true}}]\n"
    );
}

#[test]
fn decodes_like_helm() {
    // helm4: fromToml "a = 1\nb = 1.5\nc = \"x\"\nd = true\ne = [1, 2]\n[t]\nk = \"v\"\n" | toJson
    let m = from_str("a = 1\nb = 1.5\nc = \"x\"\nd = true\ne = [1, 2]\n[t]\nk = \"v\"\n").unwrap();
    assert_eq!(
        crate::json::to_string(&Value::Map(m.clone())).unwrap(),
        r#"{"a":1,"b":1.5,"c":"x","d":true,"e":[1,2],"t":{"k":"v"}}"#
    );
    assert_eq!(m.get("a").unwrap().type_name(), "int64");
    // helm4: date-times marshal to JSON as these strings.
    let m = from_str("a = 1979-05-27T07:32:00Z\nb = 1979-05-27\n").unwrap();
    assert_eq!(
        crate::json::to_string(&Value::Map(m)).unwrap(),
        r#"{"a":"1979-05-27T07:32:00Z","b":"1979-05-27T00:00:00Z"}"#
    );
}

#[test]
fn parse_errors_name_the_line() {
    // helm4: (fromToml "a = 1\nb = \n").Error
    let e = from_str("a = 1\nb = \n").unwrap_err().to_string();
    assert_eq!(
        e,
        "toml: line 2 (last key \"b\"): expected value but found '\\n' instead"
    );
    assert!(from_str("a = 1\na = 2").is_err());
}

#[test]
fn self_containing_map_is_an_error() {
    let m = Map::new();
    m.insert("me", Value::Map(m.clone()));
    assert_eq!(
        to_string(&Value::Map(m.clone())).unwrap_err(),
        TomlError::TooDeep
    );
    m.clear();
}

#[test]
fn quirks_match_helm() {
    let d = |pairs: Vec<(&str, Value)>| {
        Value::Map(Map::from_entries(
            pairs.into_iter().map(|(k, v)| (k.into(), v)),
        ))
    };
    // helm4: toToml (dict "l" (list (dict "a" 1 "n" nil)))
    let v = d(vec![(
        "l",
        Value::list(vec![d(vec![("a", Value::int(1)), ("n", Value::Nil)])]),
    )]);
    assert_eq!(to_string(&v).unwrap(), "[[l]]\n  a = 1\n");
    // helm4: toToml (dict "l" (list 1 (dict "a" 1 "n" nil))): a nil leaves its comma.
    let v = d(vec![(
        "l",
        Value::list(vec![
            Value::int(1),
            d(vec![("a", Value::int(1)), ("n", Value::Nil)]),
        ]),
    )]);
    assert_eq!(to_string(&v).unwrap(), "l = [1, {a = 1, }]\n");
    // helm4: toToml (dict "" 1 "a b" (dict "c.d" 2))
    let v = d(vec![
        ("", Value::int(1)),
        ("a b", d(vec![("c.d", Value::int(2))])),
    ]);
    assert_eq!(
        to_string(&v).unwrap(),
        "\"\" = 1\n\n[\"a b\"]\n  \"c.d\" = 2\n"
    );
    // helm4: toToml (list (dict "a" 1))
    let v = Value::list(vec![d(vec![("a", Value::int(1))])]);
    assert_eq!(
        to_string(&v).unwrap_err().to_string(),
        "toml: top-level values must be Go maps or structs"
    );
    // helm4: toToml (dict "n" (float64 "-Inf") "del" "a\u007fb")
    let v = d(vec![
        ("n", Value::Float(f64::NEG_INFINITY)),
        ("del", Value::from("a\u{7f}b")),
    ]);
    assert_eq!(to_string(&v).unwrap(), "del = \"a\\u007fb\"\nn = -inf\n");
}

/// BurntSushi copies a byte string's invalid bytes into the quoted string (helm v4.1.4,
/// `toToml (dict "a" (.Files.Get "bin") "k" (list (.Files.Get "bin")))`); a character of
/// the escapes' own range in a plain string stays itself.
#[test]
fn byte_strings_keep_their_bytes() {
    let bin = Value::Bytes(b"a\xffb\xc3".to_vec().into());
    let m = Map::new();
    m.insert("a", bin.clone());
    m.insert("k", Value::list(vec![bin]));
    m.insert("p", Value::from("\u{10FFFF}"));
    let want = b"a = \"a\xffb\xc3\"\nk = [\"a\xffb\xc3\"]\np = \"\xf4\x8f\xbf\xbf\"\n".to_vec();
    assert_eq!(
        to_go_string(&Value::Map(m.clone())),
        Ok(Value::Bytes(want.into()))
    );
    assert_eq!(
        to_string(&Value::Map(m)).unwrap(),
        "a = \"a\u{FFFD}b\u{FFFD}\"\nk = [\"a\u{FFFD}b\u{FFFD}\"]\np = \"\u{10FFFF}\"\n"
    );
    let plain = Map::new();
    plain.insert("p", Value::from("\u{10FFFF}"));
    assert_eq!(
        to_go_string(&Value::Map(plain)),
        Ok(Value::from("p = \"\u{10FFFF}\"\n"))
    );
}
