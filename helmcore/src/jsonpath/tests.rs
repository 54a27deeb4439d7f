//! Expectations from `helm show values --jsonpath` (helm v4.1.4, client-go v0.35.1) over
//! the values below. helm prints nothing when evaluation fails; a parse error is its
//! message after `error parsing jsonpath TEMPLATE: `.

use super::{JsonPath, JsonPathError};

const VALUES: &str = r#"
image: {repository: nginx, tag: "1.25"}
replicas: 3
ratio: 0.5
big: 1000000
enabled: true
empty: ""
nothing: null
html: "<b>&</b>"
ports:
  - {name: http, port: 80}
  - {name: https, port: 443, tls: true}
  - {name: metrics, port: 9090}
tags: [a, b, c, d, e]
nested: {list: [[1, 2], [3]], one: {deep: x}}
nulls: [null, x]
"dotted.key": dk
"#;

/// What helm prints: the output, or nothing when evaluation fails.
fn run(template: &str) -> Result<Vec<u8>, JsonPathError> {
    let values = crate::yaml::from_str(VALUES).unwrap();
    let path = JsonPath::parse(template)?;
    Ok(path.execute(&values).unwrap_or_default())
}

#[test]
fn outputs_match_helm() {
    let mut failed = Vec::new();
    for (template, want) in OUTPUTS {
        let got = run(template).map(|b| String::from_utf8(b).unwrap());
        if got.as_deref() != Ok(*want) {
            failed.push(format!("{template}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn parse_errors_match_helm() {
    let mut failed = Vec::new();
    for (template, want) in PARSE_ERRORS {
        match JsonPath::parse(template) {
            Err(JsonPathError::Parse(msg)) if msg == *want => {}
            other => failed.push(format!("{template:?}: want {want:?}, got {other:?}")),
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn quoted_byte_escapes_print_raw_bytes() {
    assert_eq!(run(r#"{"\xff"}"#).unwrap(), b"\xff");
    assert_eq!(run(r#"{'\303\251'}"#).unwrap(), "é".as_bytes());
}

#[test]
fn evaluation_errors_are_reported_to_library_callers() {
    let values = crate::yaml::from_str(VALUES).unwrap();
    let err = |t: &str| JsonPath::parse(t).unwrap().execute(&values).unwrap_err();
    assert_eq!(err("{.nope}").to_string(), "nope is not found");
    assert_eq!(
        err("{.tags[5]}").to_string(),
        "array index out of bounds: index 5, length 5"
    );
    assert_eq!(err("{end}").to_string(), "not in range, nothing to end");
    assert_eq!(
        err("{.ports[?(@.port>100)].name}").to_string(),
        "incompatible types for comparison"
    );
}

#[test]
fn random_templates_never_panic() {
    let values = crate::yaml::from_str(VALUES).unwrap();
    let alphabet = "{}[]().*@$?=!<>:,'\"\\ -019abrangeednt\n";
    for text in crate::testing::random_strings(alphabet, 0x2545_F491_4F6C_DD1D, 20_000) {
        let text = format!("{{{text}}}");
        if let Ok(path) = JsonPath::parse(&text) {
            let _ = path.execute(&values);
        }
    }
}

#[test]
fn deeply_nested_ranges_end_with_an_error() {
    let values = crate::yaml::from_str(VALUES).unwrap();
    let t = "{range}".repeat(5000);
    let err = JsonPath::parse(&t).unwrap().execute(&values).unwrap_err();
    assert_eq!(err.to_string(), "more than 1000 nested ranges");
}

#[test]
fn a_parsed_template_is_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<JsonPath>();
}

const OUTPUTS: &[(&str, &str)] = &[
    (r#"{.image.repository}"#, r#"nginx"#),
    (r#"{.image}"#, r#"{"repository":"nginx","tag":"1.25"}"#),
    (r#"{.replicas}"#, r#"3"#),
    (r#"{.ratio}"#, r#"0.5"#),
    (r#"{.big}"#, r#"1e+06"#),
    (r#"{.enabled}"#, r#"true"#),
    (r#"{.empty}"#, r#""#),
    (r#"{.nothing}"#, r#"null"#),
    (r#"{.html}"#, r#"<b>&</b>"#),
    (r#"{.ports[0].name}"#, r#"http"#),
    (r#"{.ports[*].port}"#, r#"80 443 9090"#),
    (r#"{.ports[-1].name}"#, r#"metrics"#),
    (r#"{.ports[1:].name}"#, r#"https metrics"#),
    (r#"{.ports[:2].name}"#, r#"http https"#),
    (r#"{.ports[::2].name}"#, r#"http metrics"#),
    (r#"{.tags[1:4:2]}"#, r#"b d"#),
    (r#"{.tags[5]}"#, r#""#),
    (r#"{.tags[-6]}"#, r#""#),
    (r#"{.tags[2:2]}"#, r#""#),
    (r#"{.tags[3:1]}"#, r#""#),
    (r#"{.tags[0:5:0]}"#, r#""#),
    (r#"{.tags[0,2,4]}"#, r#"a c e"#),
    (r#"{.tags[]}"#, r#"a"#),
    (r#"{.ports[?(@.port==80)].name}"#, r#""#),
    (r#"{.ports[?(@.port>100.0)].name}"#, r#"https metrics"#),
    (r#"{.ports[?(@.tls)].name}"#, r#"https"#),
    (r#"{.ports[?(@.name!="http")].port}"#, r#"443 9090"#),
    (r#"{.ports[?(@.port>100)].name}"#, r#""#),
    (r#"{.ports[?(@.tls==true)].name}"#, r#""#),
    (
        r#"{range .ports[*]}{.name}={.port}{"\n"}{end}"#,
        "http=80\nhttps=443\nmetrics=9090\n",
    ),
    (r#"{range .tags[*]}[{@}]{end}"#, r#"[a][b][c][d][e]"#),
    (r#"{range .nulls[*]}<{@}>{end}"#, r#"<<no value>><x>"#),
    (r#"{.nulls[*]}"#, r#"null x"#),
    (r#"{range .missing[*]}x{end}"#, r#""#),
    (r#"{range .nested.list[5:5]}x{end}y"#, r#"y"#),
    (r#"{..deep}"#, r#"x"#),
    (r#"{.nested.list[*][0]}"#, r#"1 3"#),
    (r#"{.nested.one.*}"#, r#"x"#),
    (r#"{.image.tag.*}"#, r#"49 46 50 53"#),
    (r#"{['dotted.key']}"#, r#""#),
    (r#"{.dotted\.key}"#, r#"dk"#),
    (
        r#"{.ports[*]['name','port']}"#,
        r#"http https metrics 80 443 9090"#,
    ),
    (r#"text only"#, r#"text only"#),
    (r#"a{"\t"}b"#, "a\tb"),
    (r#"{"\x41\u00e9"}"#, r#"Aé"#),
    (r#"{'single'}"#, r#"single"#),
    (r#"{5} {1.5} {true} {-3} {+7}"#, r#"5 1.5 true -3 7"#),
    (r#"{.nope}"#, r#""#),
    (r#"{.image.nope}"#, r#""#),
    (r#"{.tags.x}"#, r#""#),
    (r#"{.image[0]}"#, r#""#),
    (r#"{end}"#, r#""#),
    (r#"{.replicas}{end}"#, r#""#),
    (r#"{frob}"#, r#""#),
    (r#"{range .ports[*]}{.name},"#, r#""#),
    (r#"{@.replicas} {$.replicas} { .replicas }"#, r#"3 3 3"#),
    (r#"{.replicas}{.ratio}"#, r#"30.5"#),
    (
        r#"{.ports[0:2]}"#,
        r#"{"name":"http","port":80} {"name":"https","port":443,"tls":true}"#,
    ),
    (r#"{.tags[*]}{"|"}{.tags[0]}"#, r#"a b c d e|a"#),
    (r#"{.empty.*}"#, r#""#),
    (
        r#"{}"#,
        r#"{"big":1000000,"dotted.key":"dk","empty":"","enabled":true,"html":"\u003cb\u003e\u0026\u003c/b\u003e","image":{"repository":"nginx","tag":"1.25"},"nested":{"list":[[1,2],[3]],"one":{"deep":"x"}},"nothing":null,"nulls":[null,"x"],"ports":[{"name":"http","port":80},{"name":"https","port":443,"tls":true},{"name":"metrics","port":9090}],"ratio":0.5,"replicas":3,"tags":["a","b","c","d","e"]}"#,
    ),
    (r#"{.nested.list[*][*]}"#, r#"1 2 3"#),
    (r#"{.ports[?(@.port<=443.0)].name}"#, r#"http https"#),
    (r#"{.ports[?(@.name<"i")].name}"#, r#"http https"#),
    (r#"{range .ports[*]}{range .tags[0:2]}x{end}{end}"#, r#""#),
    (
        r#"{range .ports[*]}{.name}{range .missing}{end}{end}"#,
        r#""#,
    ),
    (r#"{.ports[?(@.nope)].name}"#, r#""#),
    (r#"{.ports[?(@.port=='80')].name}"#, r#""#),
    (r#"{.tags[-1:]}"#, r#"e"#),
    (r#"{.tags[:-3]}"#, r#"a b"#),
    (r#"{.tags[-2:-1]}"#, r#"d"#),
    (r#"{.tags[1:2:]}"#, r#"b"#),
    (r#"{.tags[:]}"#, r#"a b c d e"#),
    (r#"{range .tags[0:2]}{end}done"#, r#"done"#),
    (r#"{.image.repository end}"#, r#""#),
    (r#"{.replicas 5}"#, r#"5"#),
    (r#"{.replicas "lit"}"#, r#"lit"#),
    (
        r#"{.ports[?(@.port==80.0)].name}{.ports[?(@.port!=80.0)].name}"#,
        r#"httphttps metrics"#,
    ),
    (r#"{..tls}"#, r#"true"#),
    (r#"{range .ports[*]}{..port}{end}"#, r#"804439090"#),
    (r#"{.ports[*].tls}"#, r#"true"#),
    (r#"{.ports[1].tls}"#, r#"true"#),
    (r#"{"{"}x{"}"}"#, r#"{x}"#),
    (r#"{99999999999999999999}"#, r#"1e+20"#),
    (r#"{1e5}"#, r#""#),
    (r#"{ÿ}"#, r#""#),
    (r#"{é}"#, r#""#),
    (r#"{.a..}"#, r#""#),
    (r#"{.a[?()]}"#, r#""#),
];

const PARSE_ERRORS: &[(&str, &str)] = &[
    (r#"{"#, r#"unclosed action"#),
    (r#"{.a"#, r#"unclosed action"#),
    (r#"{.a[}"#, r#"unterminated array"#),
    (r#"{.a[x]}"#, r#"invalid array index x"#),
    (r#"{.a[?(@.x}"#, r#"unterminated filter"#),
    (r#"{.a[?(@.x)}"#, r#"unclosed array expect ]"#),
    (r#"{"abc}"#, r#"unterminated quoted string"#),
    (r#"{'a\"'}"#, r#"unquote string 'a\"' error invalid syntax"#),
    (r#"{"a\'"}"#, r#"unquote string "a\'" error invalid syntax"#),
    (r#"{....a}"#, r#"invalid multiple recursive descent"#),
    (r#"{1.2.3}"#, r#"cannot parse number 1.2.3"#),
    (r#"{-}"#, r#"cannot parse number -"#),
    (r#"{*}"#, r#"unrecognized character in action: U+002A '*'"#),
    ("{.a\t}", r#"unrecognized character in action: U+0009"#),
    (r#"{.a[1:2:3:4]}"#, r#"invalid array index 1:2:3:4"#),
    (r#"{.a[-]}"#, r#"array index - is not a number"#),
    (r#"{.a['x]}"#, r#"invalid array index 'x"#),
    (
        r#"{.a[99999999999999999999]}"#,
        r#"array index 99999999999999999999 is not a number"#,
    ),
    (r#"{.a[?(@.b=="x)]}"#, r#"unterminated filter"#),
    (r#"{.a[?(@.b=="x")}"#, r#"unclosed array expect ]"#),
    (r#"{.a["k"]}"#, r#"invalid array index "k""#),
    (r#"{.a[0,"k"]}"#, r#"invalid array index "k""#),
    (r#"{'\q'}"#, r#"unquote string '\q' error invalid syntax"#),
    (r#"{.a[?(a[)]}"#, r#"unterminated array"#),
    (r#"{.a[?(@.x==[)]}"#, r#"unterminated array"#),
    (r#"{٣}"#, r#"cannot parse number ٣"#),
    (r#"{½}"#, r#"unrecognized character in action: U+00BD '½'"#),
    ("{.a[\n]}", r#"unterminated array"#),
    ("{\"a\n\"}", r#"unterminated quoted string"#),
    (
        r#"{{.a}}"#,
        r#"unrecognized character in action: U+007B '{'"#,
    ),
    (
        r#"{.a{}"#,
        r#"unrecognized character in action: U+007B '{'"#,
    ),
    (r#"{.a[:x]}"#, r#"invalid array index :x"#),
    (r#"{.a[1:-]}"#, r#"array index - is not a number"#),
    (r#"{?}"#, r#"unrecognized character in action: U+003F '?'"#),
];
