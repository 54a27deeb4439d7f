use super::*;

#[test]
fn parse_errors_and_literals() {
    check_out(&[
        (r#"{{ "a" | }}"#, r#"a"#),
        (r#"a"#, r#"a"#),
        (r#"b"#, r#"b"#),
        (r#"{{ 1i }}"#, r#"(0+1i)"#),
        (r#"{{ 1+2i }}"#, r#"(1+2i)"#),
        (r#"{{ 0x1.fp-2 }}"#, r#"0.484375"#),
    ]);
    check_err(&[
        (
            r#"{{ foo }}"#,
            r#"parse error at (c/templates/x.yaml:1): function "foo" not defined"#,
        ),
        (
            r#"{{ if }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for if"#,
        ),
        (
            r#"{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected {{end}}"#,
        ),
        (
            r#"{{ else }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected {{else}}"#,
        ),
        (
            r#"{{ if 1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected EOF"#,
        ),
        (
            r#"{{ if 1 }}{{ else }}{{ else }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): expected end; found {{else}}"#,
        ),
        (
            r#"{{ range 1 }}{{ else if 1 }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected <if> in input"#,
        ),
        (
            r#"{{ with 1 }}{{ else if 1 }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected <if> in input"#,
        ),
        (
            r#"{{ $x }}"#,
            r#"parse error at (c/templates/x.yaml:1): undefined variable "$x""#,
        ),
        (
            r#"{{ $x := 1 }}{{ $y }}"#,
            r#"parse error at (c/templates/x.yaml:1): undefined variable "$y""#,
        ),
        (
            r#"{{ if 1 }}{{ $z := 1 }}{{ end }}{{ $z }}"#,
            r#"parse error at (c/templates/x.yaml:1): undefined variable "$z""#,
        ),
        (
            r#"{{ . | "a" }}"#,
            r#"parse error at (c/templates/x.yaml:1): non executable command in pipeline stage 2"#,
        ),
        (
            r#"{{ "abc }}"#,
            r#"parse error at (c/templates/x.yaml:1): unterminated quoted string"#,
        ),
        (
            r#"{{ `abc }}"#,
            r#"parse error at (c/templates/x.yaml:1): unterminated raw quoted string"#,
        ),
        (
            r#"{{ 'ab' }}"#,
            r#"parse error at (c/templates/x.yaml:1): 'ab'"#,
        ),
        (
            r#"{{ 'a }}"#,
            r#"parse error at (c/templates/x.yaml:1): unterminated character constant"#,
        ),
        (
            r#"{{ 1.2.3 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected ".3" in operand"#,
        ),
        (
            r#"{{ 0x }}"#,
            r#"parse error at (c/templates/x.yaml:1): "0x""#,
        ),
        (
            r#"{{ 08 }}"#,
            r#"parse error at (c/templates/x.yaml:1): "08""#,
        ),
        (
            r#"{{ 99999999999999999999 }}"#,
            r#"parse error at (c/templates/x.yaml:1): "99999999999999999999""#,
        ),
        (
            r#"{{ 1e400 }}"#,
            r#"parse error at (c/templates/x.yaml:1): "1e400""#,
        ),
        (
            r#"{{ a-b }}"#,
            r#"parse error at (c/templates/x.yaml:1): bad character U+002D '-'"#,
        ),
        (
            r#"{{ .x-y }}"#,
            r#"parse error at (c/templates/x.yaml:1): bad character U+002D '-'"#,
        ),
        (
            r#"{{ $x-y := 1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): bad character U+002D '-'"#,
        ),
        (
            r#"{{ (1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unclosed left paren"#,
        ),
        (
            r#"{{ 1) }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected right paren"#,
        ),
        (
            r#"{{ ( }}"#,
            r#"parse error at (c/templates/x.yaml:1): unclosed left paren"#,
        ),
        (
            r#"{{ () }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for parenthesized pipeline"#,
        ),
        (
            r#"{{ |x }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "|" in command"#,
        ),
        (
            r#"{{ x| }}"#,
            r#"parse error at (c/templates/x.yaml:1): function "x" not defined"#,
        ),
        (
            r#"{{ .a | | .b }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "|" in command"#,
        ),
        (
            r#"{{ define "x" }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected EOF"#,
        ),
        (
            r#"{{ define x }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "x" in define clause"#,
        ),
        (
            r#"{{ define "x" 1 }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "1" in define clause"#,
        ),
        (
            r#"{{ define "x" }}{{ else }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected {{else}} in define clause"#,
        ),
        (
            r#"{{ template }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "}}" in template clause"#,
        ),
        (
            r#"{{ template x }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "x" in template clause"#,
        ),
        (
            r#"{{ template "x" 1 2 }}{{ define "x" }}{{ end }}"#,
            r#"c/templates/x.yaml:1:16
  executing "c/templates/x.yaml" at <1>:
    can't give argument to non-function 1"#,
        ),
        (
            r#"{{ block "b" }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for block clause"#,
        ),
        (
            r#"{{ break }}"#,
            r#"parse error at (c/templates/x.yaml:1): {{break}} outside {{range}}"#,
        ),
        (
            r#"{{ continue }}"#,
            r#"parse error at (c/templates/x.yaml:1): {{continue}} outside {{range}}"#,
        ),
        (
            r#"{{ range . }}{{ break 1 }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "1" in {{break}}"#,
        ),
        (
            r#"{{ range $a, $b, $c := . }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): too many declarations in range"#,
        ),
        (
            r#"{{ with $a, $b := . }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): too many declarations in with"#,
        ),
        (
            r#"{{ range $a, 1 }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): range can only initialize variables"#,
        ),
        (
            r#"{{ $x := }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for command"#,
        ),
        (
            r#"{{ $x = 1 }}"#,
            r#"c/templates/x.yaml:1:8
  executing "c/templates/x.yaml" at <1>:
    undefined variable: $x"#,
        ),
        (
            r#"{{ .a.1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected ".1" in operand"#,
        ),
        (
            r#"{{ "a".b }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected . after term "\"a\"""#,
        ),
        (
            r#"{{ nil.b }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected . after term "nil""#,
        ),
        (
            r#"{{ 1.b }}"#,
            r#"parse error at (c/templates/x.yaml:1): "1.b""#,
        ),
        (
            r#"{{ /* c */ }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "/" in command"#,
        ),
        (
            r#"{{/* c */ x }}"#,
            r#"parse error at (c/templates/x.yaml:1): comment ends before closing delimiter"#,
        ),
        (
            r#"{{/* c"#,
            r#"parse error at (c/templates/x.yaml:1): unclosed comment"#,
        ),
        (
            r#"{{- x }}"#,
            r#"parse error at (c/templates/x.yaml:1): function "x" not defined"#,
        ),
        (
            r#"{{ x -}}"#,
            r#"parse error at (c/templates/x.yaml:1): function "x" not defined"#,
        ),
        (
            r#"{{- }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for command"#,
        ),
        (
            r#"{{ # }}"#,
            r##"parse error at (c/templates/x.yaml:1): unexpected "#" in command"##,
        ),
        (
            r#"{{ @ }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected "@" in command"#,
        ),
        (
            r#"{{ é }}"#,
            r#"parse error at (c/templates/x.yaml:1): function "é" not defined"#,
        ),
        (
            r#"{{ "\q" }}"#,
            r#"parse error at (c/templates/x.yaml:1): invalid syntax"#,
        ),
        (
            r#"{{ .a	.b }}"#,
            r#"c/templates/x.yaml:1:3
  executing "c/templates/x.yaml" at <.a>:
    a is not a method but has arguments"#,
        ),
        (
            r#"{{ if 1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected EOF"#,
        ),
        (
            r#"{{ "abc"#,
            r#"parse error at (c/templates/x.yaml:1): unterminated quoted string"#,
        ),
        (
            r#"{{ (((((( 1 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unclosed left paren"#,
        ),
        (
            r#"{{ len "x" "y""#,
            r#"parse error at (c/templates/x.yaml:1): unclosed action"#,
        ),
        (
            r#"{{ 1 := 2 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected ":=" in operand"#,
        ),
        (
            r#"{{ $x := 1 2 := 3 }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected ":=" in operand"#,
        ),
        (
            r#"{{ true.x }}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected . after term "true""#,
        ),
        (
            r#"{{ print (1).x }}"#,
            r#"c/templates/x.yaml:1:10
  executing "c/templates/x.yaml" at <1>:
    can't evaluate field x in type int"#,
        ),
        (
            r#"{{ print $ .}}{{ print $.}}"#,
            r#"parse error at (c/templates/x.yaml:1): unexpected <.> in operand"#,
        ),
        (
            r#"{{ range }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for range"#,
        ),
        (
            r#"{{ with }}{{ end }}"#,
            r#"parse error at (c/templates/x.yaml:1): missing value for with"#,
        ),
    ]);
}
