use super::*;

/// Helm's serialization functions and Sprig through the full Helm table.
#[test]
fn serialization_and_sprig() {
    check_out(&[
        (
            r#"{{ fromYaml "" }}|{{ fromYaml "" | toJson }}|{{ fromYaml "" | len }}"#,
            r#"map[]|{}|0"#,
        ),
        (
            r#"{{ fromYaml "- a" }}|{{ fromYamlArray "a: 1" }}|{{ fromYamlArray "" }}|{{ fromYamlArray "" | toJson }}"#,
            r#"map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]|[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]|[]|[]"#,
        ),
        (
            r#"{{ fromJson "" }}|{{ fromJson "[1]" }}|{{ fromJsonArray "{}" }}|{{ fromJson "null" | toJson }}"#,
            r#"map[Error:unexpected end of JSON input]|map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]|[json: cannot unmarshal object into Go value of type []interface {}]|null"#,
        ),
        (
            // helm4: a number beyond float64 becomes null, the rest is decoded, and the
            // error is added under `Error`; alone, it is a number of the wrong type.
            r#"{{ fromJson "{\"a\":1e400,\"b\":[1,1e999,2],\"Error\":5,\"c\":{\"d\":-1e500}}" | toJson }}|{{ fromJson "1e400" | toJson }}|{{ fromJson "[1e400]" | toJson }}|{{ fromJsonArray "[1, 1e400]" | toJson }}"#,
            r#"{"Error":"json: cannot unmarshal number 1e400 into Go value of type float64","a":null,"b":[1,null,2],"c":{"d":null}}|{"Error":"json: cannot unmarshal number into Go value of type map[string]interface {}"}|{"Error":"json: cannot unmarshal array into Go value of type map[string]interface {}"}|["json: cannot unmarshal number 1e400 into Go value of type float64"]"#,
        ),
        (
            r#"{{ toYaml (dict "a" 1 "b" (list "x")) }}|{{ toYaml nil }}|{{ toYaml "" }}|{{ toJson nil }}|{{ toToml (dict "a" 1) }}"#,
            r#"a: 1
b:
- x|null|""|null|a = 1
"#,
        ),
        (
            r#"{{ fromToml "a = 1" }}|{{ mustToJson (dict "a" 1) }}|{{ toYamlPretty (dict "a" (list 1)) }}"#,
            r#"map[a:1]|{"a":1}|a:
  - 1"#,
        ),
        (
            r#"{{ fromYaml "a: [" }}"#,
            r#"map[Error:error converting YAML to JSON: yaml: line 1: did not find expected node content]"#,
        ),
        (
            r#"{{ include "t" . | fromYaml | toJson }}{{ define "t" }}a: 1{{ end }}"#,
            r#"{"a":1}"#,
        ),
        (
            r#"{{ toYaml (list "a: b" "yes" 1.5 nil) }}"#,
            r#"- 'a: b'
- "yes"
- 1.5
- null"#,
        ),
        (
            r#"{{ getHostByName "example.com" }}|{{ default "d" .Values.missing }}|{{ .Values.missing | default "e" | upper }}"#,
            r#"|d|E"#,
        ),
        (
            r#"{{ $d := dict }}{{ $_ := set $d "k" "v" }}{{ $d.k }}|{{ list 1 2 | toJson }}|{{ index (list 1 2) 1 | add 1 }}"#,
            r#"v|[1,2]|3"#,
        ),
        (
            r#"{{ quote .Values.missing }}|{{ .Values.missing | quote }}|{{ squote nil }}"#,
            r#"||"#,
        ),
        (
            r#"{{ trunc 3 "abcdef" }}|{{ trunc 3.0 "abcdef" }}|{{ int64 3 | typeOf }}|{{ 3 | typeOf }}|{{ 1.5 | typeOf }}"#,
            r#"abc|abc|int64|int|float64"#,
        ),
    ]);
    assert_eq!(
        render_with(
            r#"{{ toYaml .Values }}|{{ toJson .Values }}|{{ .Values | toYaml | fromYaml | toJson }}"#,
            r#"{"a": {"b": [1, 2]}, "s": "x"}"#
        ),
        Ok("a:\n  b:\n  - 1\n  - 2\ns: x|{\"a\":{\"b\":[1,2]},\"s\":\"x\"}|{\"a\":{\"b\":[1,2]},\"s\":\"x\"}".to_string())
    );
}

#[test]
fn to_toml_of_nil() {
    // helm4: a nil inside a map is left out, a nil list element is the encoder's error
    // text, a nil argument makes the encoder panic: the call fails.
    check_out(&[(
        r#"{{ toToml (dict "a" nil) | quote }}|{{ toToml (dict "a" (list nil)) }}"#,
        r#"""|toml: cannot encode array with nil element"#,
    )]);
    check_err(&[
        (
            r#"{{ toToml nil }}"#,
            r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <toToml nil>: error calling toToml: reflect: call of reflect.Value.Type on zero Value"#,
        ),
        (
            r#"{{ .Values.missing | toToml }}"#,
            r#"template: c/templates/x.yaml:1:21: executing "c/templates/x.yaml" at <toToml>: error calling toToml: reflect: call of reflect.Value.Type on zero Value"#,
        ),
    ]);
}

#[test]
fn from_yaml_of_a_null_document() {
    // helm4 (and helm3): a null document gives an empty map, where `fromJson "null"`
    // gives a nil one.
    check_out(&[(
        r##"{{ fromYaml "null" | toJson }}|{{ fromYaml "# x" | toJson }}|{{ fromYaml "\u0085# x" | toJson }}|{{ fromYaml "~" }}|{{ fromYaml "--- !!null" | len }}|{{ fromJson "null" | toJson }}"##,
        r#"{}|{}|{}|map[]|0|null"#,
    )]);
}

/// Times in the encoders that know `time.Time`: BurntSushi writes a TOML date-time
/// (unquoted) and go-yaml v3 a plain timestamp, where the JSON path quotes a string; both
/// write a `time.Duration` as its text, where JSON writes the integer;
/// `fromToml` gives `time.Time`s, the local kinds in zones it names at the local offset
/// (UTC in the tests, as with `TZ=UTC` when these were recorded from helm v4.1.4 and
/// v3.17.1).
#[test]
fn times_in_toml_and_yaml_v3() {
    let t = r#"(toDate "2006-01-02T15:04:05Z07:00" "2021-03-04T05:06:07.5+05:30")"#;
    let d = r#"(toDate "2006-01-02" "2021-03-04")"#;
    let span = r#"((toDate "2006-01-02T15:04:05.999" "2021-01-01T00:00:00.5").Sub (toDate "2006" "2020"))"#;
    check_out(&[
        (
            &format!(r#"{{{{ dict "d" {span} | toToml}}}}|{{{{ list {span} | toYamlPretty}}}}|{{{{ {span} | toJson}}}}"#),
            "d = \"8784h0m0.5s\"\n|- 8784h0m0.5s|31622400500000000",
        ),
        (
            &format!(r#"{{{{ dict "t" {t} "l" (list {d}) | toToml}}}}|{{{{ {t} | toToml}}}}"#),
            "l = [2021-03-04T00:00:00Z]\nt = 2021-03-04T05:06:07.5+05:30\n|2021-03-04T05:06:07.5+05:30",
        ),
        (
            &format!(r#"{{{{ dict "t" {t} "l" (list {d}) | toYamlPretty}}}}|{{{{ {d} | toYamlPretty}}}}|{{{{ dict "t" {t} | toYaml}}}}"#),
            "l:\n  - 2021-03-04T00:00:00Z\nt: 2021-03-04T05:06:07.5+05:30|2021-03-04T00:00:00Z|t: \"2021-03-04T05:06:07.5+05:30\"",
        ),
        (
            r#"{{ $m := fromToml "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T07:32:00\nc = 1979-05-27\nd = 07:32:00.5\ne = 1979-05-27 07:32:00.123456789123-01:00\nf = [1979-05-27]" }}{{ typeOf $m.a }} {{ printf "%v|%v|%v|%v|%v|%v" $m.a $m.b $m.c $m.d $m.e $m.f }}"#,
            "time.Time 1979-05-27 07:32:00 +0000 UTC|1979-05-27 07:32:00 +0000 datetime-local|1979-05-27 00:00:00 +0000 date-local|0000-01-01 07:32:00.5 +0000 time-local|1979-05-27 07:32:00.123456789 -0100 -0100|[1979-05-27 00:00:00 +0000 date-local]",
        ),
        (
            r#"{{ $m := fromToml "b = 1979-05-27T07:32:00\nc = 1979-05-27\nh = {i = 00:00:01}" }}{{ toToml $m }}|{{ toJson $m }}|{{ toYamlPretty $m }}"#,
            "b = 1979-05-27T07:32:00\nc = 1979-05-27\n\n[h]\n  i = 00:00:01\n|{\"b\":\"1979-05-27T07:32:00Z\",\"c\":\"1979-05-27T00:00:00Z\",\"h\":{\"i\":\"0000-01-01T00:00:01Z\"}}|b: 1979-05-27T07:32:00Z\nc: 1979-05-27T00:00:00Z\nh:\n  i: 0000-01-01T00:00:01Z",
        ),
    ]);
}
