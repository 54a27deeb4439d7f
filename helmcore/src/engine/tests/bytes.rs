//! Byte strings: Go strings that are not valid UTF-8, here made with `b64dec` (a binary
//! file read with `.Files.Get` is one too). Each case is a template and what helm4
//! printed for it (through `include ... | b64enc`, so the raw bytes reach the golden).

use super::*;

#[test]
fn byte_strings_as_helm_handles_them() {
    check_out(&[
        (r#"{{ "gGEgYoE=" | b64dec | len }}"#, r#"5"#),
        // A byte string indexes a map as the string it is.
        (
            r#"{{ index (dict "a" 1) (b64dec "/w==") }}|{{ index (dict (b64dec "/w==") 1) (b64dec "/w==") }}|{{ index (dict "a" (dict "b" 2)) (b64dec "/w==") | kindOf }}"#,
            r#"|1|invalid"#,
        ),
        // urlJoin escapes a byte string's bytes in host, path and fragment, copies them
        // in scheme, query and opaque.
        (
            r#"{{ urlJoin (dict "host" ("/w==" | b64dec) "path" ("/w==" | b64dec) "scheme" "http" "fragment" ("/w==" | b64dec)) | b64enc }} {{ urlJoin (dict "host" "é" "path" "é" "scheme" ("/w==" | b64dec) "query" ("/w==" | b64dec)) | b64enc }} {{ urlJoin (dict "opaque" ("/w==" | b64dec) "scheme" "x") | b64enc }}"#,
            r#"aHR0cDovLyVGRi8lRkYjJUZG /zovLyVDMyVBOS8lQzMlQTk//w== eDr/"#,
        ),
        // `wrap` counts bytes: a cut may fall inside a broken sequence or the newline.
        (
            r#"{{ "b2v//iBjYWbpIOKC" | b64dec | wrapWith 4 "|" | b64enc }} {{ "b2v//iBjYWbpIOKC" | b64dec | wrap 3 | b64enc }} {{ "b2v//iBjYWbpIOKC" | b64dec | wrapWith 2 ("/w==" | b64dec) | b64enc }}"#,
            r#"b2v//nxjYWbpfOKC b2v//gpjYWbpCuKC b2v///7/Y2H/Zun/4oI="#,
        ),
        // The path functions cut at slashes and dots and keep the bytes between.
        (
            r#"{{ "L2EvYv8vYy5k/y/p" | b64dec | base | b64enc }} {{ "L2EvYv8vYy5k/y/p" | b64dec | dir | b64enc }} {{ "L2EvYv8vYy5k/y/p" | b64dec | ext | b64enc }} {{ "Li4vYv8vLi4vL2P/Ly4=" | b64dec | clean | b64enc }} {{ "L2EvYv8vYy5k/y/p" | b64dec | isAbs }}"#,
            r#"6Q== L2EvYv8vYy5k/w==  Li4vY/8= true"#,
        ),
        (
            r#"{{ "L2EvYv8vYy5k/y/p" | b64dec | osBase | b64enc }} {{ "L2EvYv8vYy5k/y/p" | b64dec | osDir | b64enc }} {{ "YS7/" | b64dec | osExt | b64enc }} {{ "Li4vYv8vLi4vL2P/Ly4=" | b64dec | osClean | b64enc }} {{ "/w==" | b64dec | osIsAbs }}"#,
            r#"6Q== L2EvYv8vYy5k/w== Lv8= Li4vY/8= false"#,
        ),
        (
            r#"{{ print ("b2v//iBjYWbpIOKC" | b64dec | splitn "b" 2) | b64enc }} {{ print ("b2v//iBjYWbpIOKC" | b64dec | splitn ("/w==" | b64dec) -1) | b64enc }}"#,
            r#"bWFwW18wOm9r//4gY2Fm6SDigl0= bWFwW18wOm9rIF8xOv4gY2Fm6SDigl0="#,
        ),
        // A layout's invalid bytes are text that `Format`, `AppendFormat`, `date` and
        // `dateInZone` copy (TZ=UTC).
        (
            r#"{{ $t := toDate "2006-01-02T15:04:05Z07:00" "2021-03-04T05:06:07+05:30" }}{{ $t.Format ("/zIwMDbvv70xNSBKYW7/TW9u" | b64dec) | b64enc }} {{ $t | date ("/w==" | b64dec) | b64enc }} {{ dateInZone ("MDH/" | b64dec) $t "UTC" | b64enc }} {{ printf "%s" ($t.AppendFormat nil ("/w==" | b64dec)) | b64enc }}"#,
            r#"/zIwMjHvv70wNSBNYXL/VGh1 /w== MDP/ /w=="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | typeOf }} {{ "gGEgYoE=" | b64dec | kindOf }}"#,
            r#"string string"#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | b64enc }} {{ "gGEgYoE=" | b64dec | b32enc }}"#,
            r#"gGEgYoE= QBQSAYUB"#,
        ),
        (
            r#"{{ printf "%q %x %X %#v" ("gGEgYoE=" | b64dec) ("gGEgYoE=" | b64dec) ("gGEgYoE=" | b64dec) ("gGEgYoE=" | b64dec) }}"#,
            r#""\x80a b\x81" 8061206281 8061206281 "\x80a b\x81""#,
        ),
        (
            r#"{{ printf "[%6.2s]" ("gGEgYoE=" | b64dec) | b64enc }}"#,
            r#"WyAgICCAYV0="#,
        ),
        (
            r#"{{ print ("gGEgYoE=" | b64dec) 1 2 | b64enc }}"#,
            r#"gGEgYoExIDI="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | upper | b64enc }}"#,
            r#"77+9QSBC77+9"#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | quote }} {{ "gGEgYoE=" | b64dec | squote | b64enc }}"#,
            r#""\x80a b\x81" J4BhIGKBJw=="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | toJson }}"#,
            r#""\ufffda b\ufffd""#,
        ),
        (r#"{{ "gGEgYoE=" | b64dec | toYaml }}"#, r#"�a b�"#),
        (
            r#"{{ "gGEgYoE=" | b64dec | toYamlPretty }}"#,
            r#"!!binary gGEgYoE="#,
        ),
        (
            r#"{{ eq ("gGEgYoE=" | b64dec) ("gGEgYoE=" | b64dec) }} {{ eq ("gGEgYoE=" | b64dec) "\ufffda b\ufffd" }} {{ lt ("gA==" | b64dec) ("gQ==" | b64dec) }}"#,
            r#"true false true"#,
        ),
        (
            r#"{{ "aMOp" | b64dec | trunc 2 | b64enc }} {{ "aMOp" | b64dec | substr 1 2 | b64enc }} {{ "aMOpw6nDqQ==" | b64dec | abbrev 4 | b64enc }}"#,
            r#"aMM= ww== aC4uLg=="#,
        ),
        (
            r#"{{ define "t" }}{{ "gGEgYoE=" | b64dec }}{{ end }}{{ include "t" . | b64enc }} {{ include "t" . | len }}"#,
            r#"gGEgYoE= 5"#,
        ),
        (
            r#"{{ tpl "{{ \"gA==\" | b64dec }}" . | b64enc }}"#,
            r#"gA=="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | indent 2 | b64enc }} {{ "gGEgYoE=" | b64dec | replace " " "-" | b64enc }}"#,
            r#"ICCAYSBigQ== gGEtYoE="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | splitList " " | toJson }} {{ list ("gA==" | b64dec) "x" | join "," | b64enc }}"#,
            r#"["\ufffda","b\ufffd"] gCx4"#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | nospace | b64enc }} {{ "gGEgYoE=" | b64dec | initials | b64enc }}"#,
            r#"woBhYsKB woBi"#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | urlquery }} {{ "gGEgYoE=" | b64dec | html | b64enc }} {{ "gGEgYoE=" | b64dec | js | b64enc }}"#,
            r#"%80a+b%81 gGEgYoE= gGEgYoE="#,
        ),
        (
            r#"{{ "gGEgYoE=" | b64dec | fromYaml | toJson }} {{ "gGEgYoE=" | b64dec | fromYamlArray | toJson }}"#,
            r#"{"Error":"error converting YAML to JSON: yaml: invalid leading UTF-8 octet"} ["error converting YAML to JSON: yaml: invalid leading UTF-8 octet"]"#,
        ),
        (
            r#"{{ empty ("gA==" | b64dec) }} {{ if "gA==" | b64dec }}true{{ end }} {{ "gA==" | b64dec | default "x" | b64enc }}"#,
            r#"false true gA=="#,
        ),
        (
            r#"{{ index ("gGEgYoE=" | b64dec) 0 }} {{ "gGEgYoE=" | b64dec | cat "z" | b64enc }} {{ "gGEgYoE=" | b64dec | toString | b64enc }}"#,
            r#"128 eiCAYSBigQ== gGEgYoE="#,
        ),
        (
            r#"{{ encryptAES "pw" ("gGEgYoE=" | b64dec) | decryptAES "pw" | b64enc }}"#,
            r#"gGEgYoE="#,
        ),
        (
            r#"{{ printf "%s" ("gGEgYoE=" | b64dec) | sha256sum }} {{ "gGEgYoE=" | b64dec | sha1sum }} {{ "gGEgYoE=" | b64dec | adler32sum }}"#,
            r#"ffb35122aa8fd7cf3bc4e392e35d91d76db162b2ea4cefe4553b06a22eaea0ef 0faff15650f206046a7fde53063c4394fa35fcb5 95289829"#,
        ),
        (
            r#"{{ list ("gA==" | b64dec) | toStrings | toJson }} {{ "gGEgYoE=" | b64dec | trim | trimSuffix ("gQ==" | b64dec) | trimPrefix ("gA==" | b64dec) }}"#,
            r#"["\ufffd"] a b"#,
        ),
    ]);
}

// `toString`, `cat` and `squote` print lists and maps with `%v`, byte strings inside
// them included.
#[test]
fn byte_strings_inside_lists_and_maps_print_as_bytes() {
    check_out(&[
        (
            r#"{{ list ("gA==" | b64dec) "x" | toString | b64enc }}"#,
            "W4AgeF0=",
        ),
        (
            r#"{{ cat (list ("gA==" | b64dec)) "y" | b64enc }}"#,
            "W4BdIHk=",
        ),
        (
            r#"{{ squote (list ("gA==" | b64dec)) | b64enc }}"#,
            "J1uAXSc=",
        ),
        (
            r#"{{ dict "k" ("gA==" | b64dec) | toString | b64enc }}"#,
            "bWFwW2s6gF0=",
        ),
    ]);
}

// `\x` and octal escapes are single bytes in Go string literals.
#[test]
fn byte_escapes_in_literals() {
    check_out(&[
        (
            r#"{{ "\xff" | b64enc }} {{ "\xc3\xa9" }} {{ "a\303\251b" }} {{ "\377" | len }} {{ "\xff" | typeOf }} {{ `\xff` }}"#,
            r#"/w== é aéb 1 string \xff"#,
        ),
        (
            r#"{{ printf "%q" "\xe2\x82" | b64enc }} {{ "\xe2\x82" | upper | b64enc }} {{ eq "\xff" ("/w==" | b64dec) }}"#,
            r#"Ilx4ZTJceDgyIg== 77+977+9 true"#,
        ),
        (
            r#"{{ include "\xc3\xa9" . }}{{- define "é" }}ok{{ end }}"#,
            "ok",
        ),
    ]);
}

#[test]
fn printed_bytes_reach_the_output() {
    let mut set = TemplateSet::new(funcs());
    set.add(
        "x",
        r#"{{ "gGEgYoE=" | b64dec }}|{{ printf "%s" ("/w==" | b64dec) }}"#,
    )
    .unwrap();
    let opts = ExecOptions::helm();
    let mut s = set.session(&opts);
    assert_eq!(
        s.execute_bytes("x", &Value::Nil).unwrap(),
        b"\x80a b\x81|\xff"
    );
    // As text, each invalid byte is one U+FFFD.
    assert_eq!(
        s.execute("x", &Value::Nil).unwrap(),
        "\u{fffd}a b\u{fffd}|\u{fffd}"
    );
}
