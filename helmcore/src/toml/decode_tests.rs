//! `fromToml` against helm: each document's result as helm4 and helm3 printed it with
//! `{{ $m := fromToml DOC }}{{ if hasKey $m "Error" }}E{{ $m.Error }}{{ else }}J{{ toJson $m }}{{ end }}`
//! (`E` and the error text, or `J` and the JSON). Every error BurntSushi words is here,
//! in both versions where they differ (helm3: TOML 1.0, other end-of-input lines).

use super::*;

/// `E` + the error or `J` + the JSON, as the template above prints it.
fn shown(r: Result<Map, TomlError>) -> String {
    match r {
        Ok(m) => format!("J{}", crate::json::to_string(&Value::Map(m)).unwrap()),
        Err(e) => format!("E{e}"),
    }
}

/// (document, helm4's result, helm3's when it differs).
type Case = (&'static [u8], &'static str, Option<&'static str>);

fn check(cases: &[Case]) {
    for (doc, v4, v3) in cases {
        let text = String::from_utf8_lossy(doc);
        assert_eq!(shown(from_slice(doc)), *v4, "helm4: {text:?}");
        assert_eq!(
            shown(from_slice_helm3(doc)),
            v3.unwrap_or(v4),
            "helm3: {text:?}"
        );
    }
}

#[test]
fn errors_and_values_match_helm() {
    check(&[
        ("{\"a\":1}".as_bytes(), "Etoml: line 1: expected '.' or '=', but got '{' instead", None),
        ("a: 1".as_bytes(), "Etoml: line 1: expected '.' or '=', but got ':' instead", None),
        ("a\n".as_bytes(), "Etoml: line 1: expected '.' or '=', but got '\\n' instead", Some("Etoml: line 2: expected '.' or '=', but got '\\n' instead")),
        ("a\r\n".as_bytes(), "Etoml: line 1: expected '.' or '=', but got '\\r' instead", None),
        ("a".as_bytes(), "Etoml: line 1: unexpected EOF; expected key separator '='", Some("Etoml: line 0: unexpected EOF; expected key separator '='")),
        ("=1".as_bytes(), "Etoml: line 1: unexpected '=': key name appears blank", None),
        (".a=1".as_bytes(), "Etoml: line 1: unexpected '.': keys cannot start with a '.'", None),
        ("a.=1".as_bytes(), "Etoml: line 1: unexpected '='", None),
        ("a..b=1".as_bytes(), "Etoml: line 1: unexpected '.'", None),
        ("a = ".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected value", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected value")),
        ("a = \n".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found '\\n' instead", Some("Etoml: line 2 (last key \"a\"): expected value but found '\\n' instead")),
        ("a = \r\n".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found '\\r' instead", None),
        ("a = tru".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found \"tru\" instead", None),
        ("a = naf".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found \"af\" instead", None),
        ("a = in".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found \"n\" instead", None),
        ("a = inan".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"inan\": underscores must be surrounded by digits", None),
        ("a = @".as_bytes(), "Etoml: line 1 (last key \"a\"): expected value but found '@' instead", None),
        ("a = .5".as_bytes(), "Etoml: line 1 (last key \"a\"): floats must start with a digit, not '.'", None),
        ("a = [1,,2]".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected comma", None),
        ("a = [,]".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected comma", None),
        ("a = [1 2]".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got '2'", None),
        ("a = [1".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got end of file", Some("Etoml: line 0 (last key \"a\"): expected a comma (',') or array terminator (']'), but got end of file")),
        ("a = [1\n".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a comma (',') or array terminator (']'), but got end of file", None),
        ("a = [".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected value", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected value")),
        ("a = {,}".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected comma", None),
        ("a = {b=1 c=2}".as_bytes(), "Etoml: line 1 (last key \"a.b\"): expected a comma or an inline table terminator '}', but got 'c' instead", None),
        ("a = {b=1".as_bytes(), "Etoml: line 1 (last key \"a.b\"): expected a comma or an inline table terminator '}', but got end of file instead", Some("Etoml: line 0 (last key \"a.b\"): expected a comma or an inline table terminator '}', but got end of file instead")),
        ("a = {".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected '=': key name appears blank", None),
        ("a = {b = 1,}".as_bytes(), "J{\"a\":{\"b\":1}}", Some("Etoml: line 1 (last key \"a.b\"): trailing comma not allowed in inline tables")),
        ("a = {b = 1,\n c = 2}".as_bytes(), "J{\"a\":{\"b\":1,\"c\":2}}", Some("Etoml: line 1 (last key \"a.b\"): newlines not allowed within inline tables")),
        ("a = {\nb = 1}".as_bytes(), "J{\"a\":{\"b\":1}}", Some("Etoml: line 1 (last key \"a\"): newlines not allowed within inline tables")),
        ("a = {b = 1,\r\n c = 2}".as_bytes(), "J{\"a\":{\"b\":1,\"c\":2}}", Some("Etoml: line 0 (last key \"a.b\"): newlines not allowed within inline tables")),
        ("a = { # c\nb = 1 }".as_bytes(), "J{\"a\":{\"b\":1}}", Some("Etoml: line 1 (last key \"a\"): newlines not allowed within inline tables")),
        ("a = \"x".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected '\"'", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected '\"'")),
        ("a = 'x".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected \"'\"", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected \"'\"")),
        ("a = \"\"\"x".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected '\"\"\"'", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected '\"\"\"'")),
        ("a = '''x".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected \"'''\"", Some("Etoml: line 0 (last key \"a\"): unexpected EOF; expected \"'''\"")),
        ("a = \"\"\"x\n".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected EOF; expected '\"\"\"'", None),
        ("a = \"x\ny\"".as_bytes(), "Etoml: line 1 (last key \"a\"): strings cannot contain newlines", None),
        ("a = 'x\ny'".as_bytes(), "Etoml: line 1 (last key \"a\"): strings cannot contain newlines", None),
        ("a = \"x\r\ny\"".as_bytes(), "Etoml: line 0 (last key \"a\"): strings cannot contain newlines", None),
        ("a = \"\\q\"".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid escape in string '\\q'", None),
        ("a = \"\\".as_bytes(), "Etoml: line 0 (last key \"a\"): invalid escape in string '\\\u{0}'", None),
        ("a = \"a\\\nb\"".as_bytes(), "Etoml: line 2 (last key \"a\"): invalid escape in string '\\\n'", None),
        ("a = \"\\e\"".as_bytes(), "J{\"a\":\"\\u001b\"}", Some("Etoml: line 1 (last key \"a\"): invalid escape in string '\\e'")),
        ("a = \"\\x41\"".as_bytes(), "J{\"a\":\"A\"}", Some("Etoml: line 1 (last key \"a\"): invalid escape in string '\\x'")),
        ("a = \"\\x4\"".as_bytes(), "Etoml: line 1 (last key \"a\"): expected two hexadecimal digits after '\\x', but got \"\\\\x4\\\"\" instead", Some("Etoml: line 1 (last key \"a\"): invalid escape in string '\\x'")),
        ("a = \"\\uabcg\"".as_bytes(), "Etoml: line 1 (last key \"a\"): expected four hexadecimal digits after '\\u', but got \"\\\\uabcg\" instead", None),
        ("a = \"\\u12".as_bytes(), "Etoml: line 1 (last key \"a\"): expected four hexadecimal digits after '\\u', but got \"\\\\u12\" instead", Some("Etoml: line 0 (last key \"a\"): expected four hexadecimal digits after '\\u', but got \"\\\\u12\" instead")),
        ("a = \"\\U0001F60\"".as_bytes(), "Etoml: line 1 (last key \"a\"): expected eight hexadecimal digits after '\\U', but got \"\\\\U0001F60\\\"\" instead", None),
        ("a = \"\"\"x\n\\uZ\"\"\"".as_bytes(), "Etoml: line 2 (last key \"a\"): expected four hexadecimal digits after '\\u', but got \"x\\n\\\\uZ\" instead", None),
        ("a = \"\"\"a\"\"\"\"\"\"".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected '\"\"\"\"\"\"'", None),
        ("a = \"\"\"a\"\"\"\"\"".as_bytes(), "J{\"a\":\"a\\\"\\\"\"}", None),
        ("a = '''a''''''".as_bytes(), "Etoml: line 1 (last key \"a\"): unexpected \"''''''\"", None),
        ("a = '''a'''''".as_bytes(), "J{\"a\":\"a''\"}", None),
        ("a = 0x".as_bytes(), "Etoml: line 1 (last key \"a\"): not a hexadecimal number: '0x\u{0}'", Some("Etoml: line 1 (last key \"a\"): not a hexidecimal number: '0x\u{0}'")),
        ("a = 0b2".as_bytes(), "Etoml: line 1 (last key \"a\"): not a binary number: '0b2'", None),
        ("a = 0o8".as_bytes(), "Etoml: line 1 (last key \"a\"): not an octal number: '0o8'", None),
        ("a = 0x_f".as_bytes(), "Etoml: line 1 (last key \"a\"): not a hexadecimal number: '0x_'", Some("Etoml: line 1 (last key \"a\"): not a hexidecimal number: '0x_'")),
        ("a = +i".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid float: '+i'", None),
        ("a = -nax".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid float: '-na'", None),
        ("a = +0x1".as_bytes(), "Etoml: line 1 (last key \"a\"): cannot use sign with non-decimal numbers: '+0x'", None),
        ("a = +".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a digit but got '\\x00'", Some("Etoml: line 0 (last key \"a\"): expected a digit but got '\\x00'")),
        ("a = -a".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a digit but got 'a'", None),
        ("a = +\n".as_bytes(), "Etoml: line 2 (last key \"a\"): expected a digit but got '\\n'", None),
        ("a = 1 b".as_bytes(), "Etoml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead", None),
        ("[a]]".as_bytes(), "Etoml: line 1 (last key \"a\"): expected a top-level item to end with a newline, comment, or EOF, but got ']' instead", None),
        ("[".as_bytes(), "Etoml: line 1: unexpected end of table name (table names cannot be empty)", None),
        ("[\n".as_bytes(), "Etoml: line 2: expected '.' or ']' to end table name, but got '\\n' instead", None),
        ("[.a]".as_bytes(), "Etoml: line 1: unexpected table separator (table names cannot be empty)", None),
        ("[a.]".as_bytes(), "Etoml: line 1: unexpected end of table name (table names cannot be empty)", None),
        ("[a".as_bytes(), "Etoml: line 1: expected '.' or ']' to end table name, but got '\\x00' instead", Some("Etoml: line 0: expected '.' or ']' to end table name, but got '\\x00' instead")),
        ("[a\n]".as_bytes(), "Etoml: line 2: expected '.' or ']' to end table name, but got '\\n' instead", None),
        ("[a b]".as_bytes(), "Etoml: line 1: expected '.' or ']' to end table name, but got 'b' instead", None),
        ("[[a]".as_bytes(), "Etoml: line 1: expected end of table array name delimiter ']', but got '\\x00' instead", Some("Etoml: line 0: expected end of table array name delimiter ']', but got '\\x00' instead")),
        ("[[a]\n".as_bytes(), "Etoml: line 2: expected end of table array name delimiter ']', but got '\\n' instead", None),
        ("[[a] ]".as_bytes(), "Etoml: line 1: expected end of table array name delimiter ']', but got ' ' instead", None),
        ("\u{1}".as_bytes(), "Etoml: line 1: TOML files cannot contain control characters: '0x01'", None),
        ("a = 1\u{7f}".as_bytes(), "Etoml: line 1 (last key \"a\"): TOML files cannot contain control characters: '0x7f'", None),
        ("a = 1\r".as_bytes(), "Etoml: line 1 (last key \"a\"): TOML files cannot contain control characters: '0x0d'", None),
        (b"a = \x22\xff\x22", "Etoml: line 1 (last key \"a\"): invalid UTF-8 byte: 0xff", None),
        (b"# \xc3", "Etoml: line 1: invalid UTF-8 byte: 0xc3", None),
        ("\u{0}a = 1".as_bytes(), "Etoml: line 1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8", None),
        ("\u{feff}a = 1".as_bytes(), "J{\"a\":1}", None),
        (b"\xff\xfea = 1", "J{\"a\":1}", None),
        ("a = 1_".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid integer \"1_\": underscores must be surrounded by digits", None),
        ("a = 1__0".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid integer \"1__0\": underscores must be surrounded by digits", None),
        ("a = 01".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid integer \"01\": cannot have leading zeroes", None),
        ("a = +01".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid integer \"+01\": cannot have leading zeroes", None),
        ("a = 9223372036854775808".as_bytes(), "Etoml: line 1 (last key \"a\"): 9223372036854775808 is out of range for int64", None),
        ("a = -9223372036854775809".as_bytes(), "Etoml: line 1 (last key \"a\"): -9223372036854775809 is out of range for int64", None),
        ("a = 0x8000000000000000".as_bytes(), "Etoml: line 1 (last key \"a\"): 0x8000000000000000 is out of range for int64", None),
        ("a = 1._5".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"1._5\": underscores must be surrounded by digits", None),
        ("a = 1e5+".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"1e5+\": underscores must be surrounded by digits", None),
        ("a = 00.5".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"00.5\": cannot have leading zeroes", None),
        ("a = 1.".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"1.\": '.' must be followed by one or more digits", None),
        ("a = 1.e5".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float \"1.e5\": '.' must be followed by one or more digits", None),
        ("a = 1.2.3".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float value: \"1.2.3\"", None),
        ("a = 0e".as_bytes(), "Etoml: line 1 (last key \"a\"): Invalid float value: \"0e\"", None),
        ("a = 1e400".as_bytes(), "Etoml: line 1 (last key \"a\"): 1e400 is out of range for float64", None),
        ("a = 1979-02-29".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid datetime: \"1979-02-29\"", None),
        ("a = 1979-5-27".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid datetime: \"1979-5-27\"", None),
        ("a = 24:00:00".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid datetime: \"24:00:00\"", None),
        ("a = 1979-05-27T07:32:60".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid datetime: \"1979-05-27T07:32:60\"", None),
        ("a = 07:32".as_bytes(), "J{\"a\":\"0000-01-01T07:32:00Z\"}", Some("Etoml: line 1 (last key \"a\"): invalid datetime: \"07:32\"")),
        ("a = 1979-05-27T07:32Z".as_bytes(), "J{\"a\":\"1979-05-27T07:32:00Z\"}", Some("Etoml: line 1 (last key \"a\"): invalid datetime: \"1979-05-27T07:32Z\"")),
        ("a = 1979-05-27 07:32".as_bytes(), "J{\"a\":\"1979-05-27T07:32:00Z\"}", Some("Etoml: line 1 (last key \"a\"): invalid datetime: \"1979-05-27T07:32\"")),
        ("a = \"a\\ b\"".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid escape: '\\ '", None),
        ("a = \"\"\"a\\ b\"\"\"".as_bytes(), "Etoml: line 1 (last key \"a\"): invalid escape: '\\ '", None),
        ("a = \"x\\uD800\"".as_bytes(), "Etoml: line 1 (last key \"a\"): Escaped character '\\uD800' is not valid UTF-8.", None),
        ("a = \"\\U00110000\"".as_bytes(), "Etoml: line 1 (last key \"a\"): Escaped character '\\u00110000' is not valid UTF-8.", None),
        ("\"a\\ \" = 1".as_bytes(), "Etoml: line 1: invalid escape: '\\ '", None),
        ("a = 1\na = 2".as_bytes(), "Etoml: line 2 (last key \"a\"): Key 'a' has already been defined.", None),
        ("[a]\nb=1\n[a]".as_bytes(), "Etoml: line 3: Key 'a' has already been defined.", None),
        ("a.b = 1\n[a]\nc = 2\n[a]".as_bytes(), "Etoml: line 4: Key 'a' has already been defined.", None),
        ("a = 1\n[a.b]".as_bytes(), "Etoml: line 2: Key 'a' was already created as a hash.", None),
        ("[a]\nb = 1\n[a.b.c]".as_bytes(), "Etoml: line 3 (last key \"a\"): Key 'a.b' was already created as a hash.", None),
        ("a = [{b = 1}]\n[[a]]".as_bytes(), "Etoml: line 2: Key 'a' was already created and cannot be used as an array.", None),
        ("a = 1\na = [{b = 1}]".as_bytes(), "Etoml: line 2: Key 'a' was already created and cannot be used as an array.", None),
        ("x = { a = 1, a.b = 2 }".as_bytes(), "Etoml: line 1 (last key \"x.a.b\"): Key 'x.a' has already been defined.", None),
        ("a.\"b c\".d = 1\na.\"b c\".d = 2".as_bytes(), "Etoml: line 2 (last key \"a.\\\"b c\\\".d\"): Key 'a.\"b c\".d' has already been defined.", None),
        ("[t]\n\"x y\" = 1\n\"x y\" = 2".as_bytes(), "Etoml: line 3 (last key \"t.x y\"): Key 't.\"x y\"' has already been defined.", None),
        ("a = [1]\na = 2".as_bytes(), "Etoml: line 2 (last key \"a\"): Key 'a' has already been defined.", Some("J{\"a\":2}")),
        ("[t]\n\"\" = [1]\n[t]".as_bytes(), "Etoml: line 3: Key 't' has already been defined.", Some("J{\"t\":{}}")),
        ("a = [1]\na.b = 1".as_bytes(), "J{\"a\":{\"b\":1}}", None),
        ("a = 1 # c\n# d\n[b] # e\nc = [ # f\n1, # g\n]".as_bytes(), "J{\"a\":1,\"b\":{\"c\":[1]}}", None),
        ("[[a]]\nb = 1\n[[a]]\nb = 2\n[a.c]\nd = 1".as_bytes(), "J{\"a\":[{\"b\":1},{\"b\":2,\"c\":{\"d\":1}}]}", None),
        ("a = [{b = 1}, {b = 2}]".as_bytes(), "J{\"a\":[{\"b\":1},{\"b\":2}]}", None),
        ("a = {b.c = 1, b.d = 2}".as_bytes(), "J{\"a\":{\"b\":{\"c\":1,\"d\":2}}}", None),
        ("a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = -0\nf = +5\ng = 9223372036854775807\nh = -9223372036854775808".as_bytes(), "J{\"a\":31,\"b\":15,\"c\":5,\"d\":1000,\"e\":0,\"f\":5,\"g\":9223372036854775807,\"h\":-9223372036854775808}", None),
        ("a = 1.5\nb = -0.0\nc = 1e5\nd = 1E-5\ne = 6.02e+23\nf = -1.5e-7\ng = 1_000.5\nh = 1e-400".as_bytes(), "J{\"a\":1.5,\"b\":-0,\"c\":100000,\"d\":0.00001,\"e\":6.02e+23,\"f\":-1.5e-7,\"g\":1000.5,\"h\":0}", None),
        ("a = \"tab\\there \\u00e9 \\U0001F600 \\\" \\\\ \\b\\f\\r\\n\"\nb = 'lit \\n'\nc = \"\"\"\nml\\\n   x\"\"\"\nd = '''\nraw\n'''".as_bytes(), "J{\"a\":\"tab\\there é 😀 \\\" \\\\ \\b\\f\\r\\n\",\"b\":\"lit \\\\n\",\"c\":\"mlx\",\"d\":\"raw\\n\"}", None),
        ("a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00.5-07:00\nc = 1979-05-27\nd = 07:32:00.123456789123\ne = 1979-05-27t07:32:00z".as_bytes(), "J{\"a\":\"1979-05-27T07:32:00Z\",\"b\":\"1979-05-27T07:32:00.5-07:00\",\"c\":\"1979-05-27T00:00:00Z\",\"d\":\"0000-01-01T07:32:00.123456789Z\",\"e\":\"1979-05-27T07:32:00Z\"}", None),
    ]);
}

/// Floats and date-times come out as Go has them (`-0`, NaN's sign, `time.Time`).
#[test]
fn special_values() {
    let m = from_str("a = -nan\nb = +nan\nc = inf\nd = -0.0\ne = 1979-05-27T07:32:00Z").unwrap();
    let f = |k: &str| match m.get(k) {
        Some(Value::Float(f)) => f,
        other => panic!("{k}: {other:?}"),
    };
    assert!(f("a").is_nan() && f("a").is_sign_negative());
    assert!(f("b").is_nan() && f("b").is_sign_positive());
    assert_eq!(f("c"), f64::INFINITY);
    assert!(f("d") == 0.0 && f("d").is_sign_negative());
    assert_eq!(m.get("e").unwrap().type_name(), "time.Time");
}

/// helm4 decodes arrays nested 100,000 deep (BurntSushi has no limit). The parser
/// grows its own stack; the resulting `Value` is dropped recursively, so the test runs
/// on a stack as large as the engine's.
#[test]
fn deep_arrays() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let n = 100_000;
            let doc = format!("a = {}{}", "[".repeat(n), "]".repeat(n));
            let m = from_str(&doc).unwrap();
            assert!(matches!(m.get("a"), Some(Value::List(_))));
            let e = from_str(&format!("a = {}", "[".repeat(n))).unwrap_err();
            assert_eq!(
                e.to_string(),
                "toml: line 1 (last key \"a\"): unexpected EOF; expected value"
            );
        })
        .unwrap()
        .join()
        .unwrap();
}
