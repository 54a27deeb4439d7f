//! Expectations are helm4's output for `toJson`, `toRawJson`, `toPrettyJson` and
//! `fromJson` over the same data.

use super::*;
use crate::value::Value;

fn values() -> Value {
    crate::yaml::from_str(concat!(
        "html: \"<a href='x'>&</a>\"\n",
        "ls: \"a\\u2028b\\u2029c\"\n",
        "ctl: \"\\x01\\x1f\\b\\f\\t\\n\\r\"\n",
        "f1: 1000000\nf2: 1.5e-7\nf3: 1e21\nf4: 0.000001\nf5: 123456789012345678\nf6: -0.0\n",
        "f7: 1e20\nf8: 100000000000000000000000\nf9: 3.0\n",
        "uni: \"é😀\"\nempty: {}\nemptyl: []\nnested: {a: [1, {b: null}], c: true}\n",
    ))
    .unwrap()
}

#[test]
fn marshal_matches_go() {
    assert_eq!(
        to_string(&values()).unwrap(),
        r#"{"ctl":"\u0001\u001f\b\f\t\n\r","empty":{},"emptyl":[],"f1":1000000,"f2":1.5e-7,"f3":1e+21,"f4":0.000001,"f5":123456789012345680,"f6":-0,"f7":100000000000000000000,"f8":1e+23,"f9":3,"html":"\u003ca href='x'\u003e\u0026\u003c/a\u003e","ls":"a\u2028b\u2029c","nested":{"a":[1,{"b":null}],"c":true},"uni":"é😀"}"#
    );
    assert_eq!(
        to_string_raw(&values()).unwrap(),
        r#"{"ctl":"\u0001\u001f\b\f\t\n\r","empty":{},"emptyl":[],"f1":1000000,"f2":1.5e-7,"f3":1e+21,"f4":0.000001,"f5":123456789012345680,"f6":-0,"f7":100000000000000000000,"f8":1e+23,"f9":3,"html":"<a href='x'>&</a>","ls":"a\u2028b\u2029c","nested":{"a":[1,{"b":null}],"c":true},"uni":"é😀"}"#
    );
}

#[test]
fn marshal_indent_matches_go() {
    let v = values();
    let nested = v.get("nested").unwrap();
    assert_eq!(
        to_string_pretty(&nested).unwrap(),
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": true\n}"
    );
    assert_eq!(to_string_pretty(&v.get("empty").unwrap()).unwrap(), "{}");
    assert_eq!(to_string_pretty(&v.get("emptyl").unwrap()).unwrap(), "[]");
}

#[test]
fn unsupported_values() {
    assert_eq!(
        to_string(&Value::Float(f64::NAN)).unwrap_err().to_string(),
        "json: unsupported value: NaN"
    );
    assert_eq!(
        to_string(&Value::Float(f64::INFINITY))
            .unwrap_err()
            .to_string(),
        "json: unsupported value: +Inf"
    );
    let m = crate::value::Map::new();
    m.insert("self", Value::Map(m.clone()));
    assert_eq!(
        to_string(&Value::Map(m.clone())).unwrap_err().to_string(),
        "json: unsupported value: encountered a cycle via map[string]interface {}"
    );
    m.clear();
}

#[test]
fn unmarshal_errors_match_go() {
    let cases = [
        ("{\"a\": 1", "unexpected end of JSON input"),
        ("{\"a\" 1}", "invalid character '1' after object key"),
        (
            "[1,2]",
            "json: cannot unmarshal array into Go value of type map[string]interface {}",
        ),
        ("{\"a\":1}x", "invalid character 'x' after top-level value"),
        (
            "{\"a\":tru}",
            "invalid character '}' in literal true (expecting 'e')",
        ),
        ("{\"a\":-x}", "invalid character 'x' in numeric literal"),
        (
            "{\"a\":1.e}",
            "invalid character 'e' after decimal point in numeric literal",
        ),
        (
            "{\"a\":1e+}",
            "invalid character '}' in exponent of numeric literal",
        ),
        (
            "{\"a\":\"\\q\"}",
            "invalid character 'q' in string escape code",
        ),
        (
            "{\"a\":1e400}",
            "json: cannot unmarshal number 1e400 into Go value of type float64",
        ),
        (
            "{a:1}",
            "invalid character 'a' looking for beginning of object key string",
        ),
        ("{\"a\":[1 2]}", "invalid character '2' after array element"),
        (
            "{\"a\":1 \"b\":2}",
            "invalid character '\"' after object key:value pair",
        ),
        ("", "unexpected end of JSON input"),
        (
            "{\"a\":'x'}",
            "invalid character '\\'' looking for beginning of value",
        ),
        (
            "{\"a\":01}",
            "invalid character '1' after object key:value pair",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(from_str_map(src).unwrap_err().to_string(), want, "{src:?}");
    }
    assert_eq!(
        from_str_list("{}").unwrap_err().to_string(),
        "json: cannot unmarshal object into Go value of type []interface {}"
    );
}

#[test]
fn unmarshal_values() {
    assert_eq!(from_str_map("null").unwrap(), None);
    let m = from_str_map("{\"a\":\"\\ud800x\\u00e9\", \"b\": [1.5, -0, 1e2], \"a\": \"dup\"}")
        .unwrap()
        .unwrap();
    assert_eq!(m.get("a"), Some(Value::from("dup")));
    assert_eq!(
        m.get("b"),
        Some(Value::list(vec![
            Value::Float(1.5),
            Value::Float(-0.0),
            Value::Float(100.0)
        ]))
    );
    assert_eq!(
        from_str("\"\\ud800x\\u00e9\\ud83d\\ude00\"").unwrap(),
        Value::from("\u{fffd}xé😀")
    );
    let n = crate::yaml::MAX_NESTING;
    let deep = format!("{}{}", "[".repeat(n + 1), "]".repeat(n + 1));
    assert_eq!(
        from_str(&deep).unwrap_err().to_string(),
        "invalid character '[' exceeded max depth"
    );
    let ok = format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(from_str(&ok).is_ok());
}

#[test]
fn round_trip_through_go_json() {
    let v = values();
    let text = to_string(&v).unwrap();
    assert_eq!(from_str(&text).unwrap(), v);
}

#[test]
fn never_panics_on_malformed_input() {
    let seeds: [&[u8]; 5] = [
        b"{\"a\":[1,2.5e3,{\"b\":\"\\u00e9\\ud83d\\ude00\"}],\"c\":null}",
        b"[true,false,-0.1e-2,\"\\\\\\/\"]",
        b"\"\xff\xfe\"",
        b"{\"a\":{\"b\":{\"c\":[[[]]]}}}",
        b"  123  ",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for seed in seeds {
        for _ in 0..400 {
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
                        const PUNCT: &[u8] = b"[]{}:,\"\\u-.e0";
                        bytes.insert(pos, PUNCT[(state >> 16) as usize % PUNCT.len()])
                    }
                }
            }
            if let Ok(v) = from_slice(&bytes) {
                let text = to_string(&v).unwrap();
                assert_eq!(from_str(&text).unwrap(), v);
            }
        }
    }
}

#[test]
fn end_of_input_reads_as_a_space() {
    // helm4's fromJson errors: Go's scanner feeds a space at the end of input.
    let cases = [
        ("\"\\", "invalid character ' ' in string escape code"),
        (
            "\"\\u12",
            "invalid character ' ' in \\u hexadecimal character escape",
        ),
        ("\"ab", "unexpected end of JSON input"),
        ("[1,", "unexpected end of JSON input"),
        ("{\"a\"", "unexpected end of JSON input"),
        ("{\"a\":", "unexpected end of JSON input"),
        ("-", "invalid character ' ' in numeric literal"),
        (
            "1.",
            "invalid character ' ' after decimal point in numeric literal",
        ),
        ("1e", "invalid character ' ' in exponent of numeric literal"),
        (
            "1e+",
            "invalid character ' ' in exponent of numeric literal",
        ),
        (
            "tr",
            "invalid character ' ' in literal true (expecting 'u')",
        ),
        (
            "nul",
            "invalid character ' ' in literal null (expecting 'l')",
        ),
        ("[", "unexpected end of JSON input"),
        ("  ", "unexpected end of JSON input"),
    ];
    for (src, want) in cases {
        assert_eq!(from_str(src).unwrap_err().to_string(), want, "{src:?}");
    }
}

// helm4: `toJson` of a byte string writes each invalid byte as the escape `\ufffd`
// (a real U+FFFD character stays as it is).
#[test]
fn byte_strings_marshal_invalid_bytes_as_escapes() {
    let v = Value::list(vec![Value::from_go_slice(
        b"\x00\xff<a\xe2\x82\n\xef\xbf\xbd",
    )]);
    assert_eq!(
        to_string(&v).unwrap(),
        "[\"\\u0000\\ufffd\\u003ca\\ufffd\\ufffd\\n\u{fffd}\"]"
    );
}

// `json.Decoder` reports a syntax error's offset as the bytes read up to and including
// the offending one (helm3's lint prints it: `json: offset N: ...`).
#[test]
fn stream_syntax_errors_point_at_the_offending_byte() {
    use super::{decode_prefix, StreamError};
    let at = |src: &str| match decode_prefix(src.as_bytes()) {
        Err(StreamError::Syntax { at, .. }) => at,
        other => panic!("{src}: {other:?}"),
    };
    assert_eq!(at("--"), 1);
    assert_eq!(at("{\"a\": 1.e}"), 8);
    assert_eq!(at("{\"a\": 1e+}"), 9);
    assert_eq!(at("{\"a\": trux}"), 9);
    assert_eq!(at("{\"a\": \"\\q\"}"), 8);
    assert_eq!(at("{\"a\": \"\\u12g4\"}"), 11);
    assert!(matches!(
        decode_prefix(b"tr"),
        Err(StreamError::UnexpectedEof)
    ));
    assert!(matches!(
        decode_prefix(b"[1e999] x"),
        Err(StreamError::Value { used: 7, .. })
    ));
}
