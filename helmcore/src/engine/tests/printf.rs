use super::*;

#[test]
fn go_fmt_through_templates() {
    check_out(&[
        (
            r#"{{ printf "%d|%5d|%-5d|%05d|%x|%X|%#x|%o|%#o|%O|%b|%+d|% d" 42 42 42 42 42 42 42 42 42 42 42 42 42 }}"#,
            r#"42|   42|42   |00042|2a|2A|0x2a|52|052|0o52|101010|+42| 42"#,
        ),
        (
            r#"{{ printf "%c|%q|%U|%#U|%.3d|%.0d|%05d" 65 65 65 65 7 0 -42 }}"#,
            r#"A|'A'|U+0041|U+0041 'A'|007||-0042"#,
        ),
        (
            r#"{{ printf "%f|%.2f|%8.3f|%-8.1f|%e|%g|%v|%E|%G" 3.14159 3.14159 3.14159 3.14159 3.14159 3.14159 3.14159 3.14159 3.14159 }}"#,
            r#"3.141590|3.14|   3.142|3.1     |3.141590e+00|3.14159|3.14159|3.141590E+00|3.14159"#,
        ),
        (
            r#"{{ printf "%v|%v|%.3g|%+.1f|%08.2f|%v|%v" 1e6 1e21 1234.5678 2.0 -3.5 100000.0 0.0001 }}"#,
            r#"1e+06|1e+21|1.23e+03|+2.0|-0003.50|100000|0.0001"#,
        ),
        (
            r#"{{ printf "%#g|%#.3f|%x|%X|%#v|%b" 1.0 2.0 1.0 255.5 1.5 1.0 }}"#,
            r#"1.00000|2.000|0x1p+00|0X1.FFP+07|1.5|4503599627370496p-52"#,
        ),
        (
            r#"{{ printf "%s|%q|%x|% x|%.2s|%5.1s|%#q|%+q|%X" "héllo" "a\"b" "hi" "hi" "héllo" "abc" "a`b" "é" "hi" }}"#,
            r#"héllo|"a\"b"|6869|68 69|hé|    a|"a`b"|"\u00e9"|6869"#,
        ),
        (
            r#"{{ printf "%d" "x" }}|{{ printf "%s" 1 }}|{{ printf "%s %s" "a" }}|{{ printf "%s" "a" 2 nil }}"#,
            r#"%!d(string=x)|%!s(int=1)|a %!s(MISSING)|a%!(EXTRA int=2, <nil>)"#,
        ),
        (
            r#"{{ printf "%" }}|{{ printf "%z" 1 }}|{{ printf "%d %v %s" nil nil nil }}"#,
            r#"%!(NOVERB)|%!z(int=1)|%!d(<nil>) <nil> %!s(<nil>)"#,
        ),
        (
            r#"{{ printf "%[2]d %[1]d" 1 2 }}|{{ printf "%[3]d" 1 }}|{{ printf "%*d|%-*d" 4 1 3 2 }}|{{ printf "%.*f" 2 3.14159 }}"#,
            r#"2 1|%!d(BADINDEX)|   1|2  |3.14"#,
        ),
        (
            r#"{{ printf "%t %v %5t" true false true }}|{{ printf "100%%" }}|{{ printf "%v" .Values }}"#,
            r#"true false  true|100%|map[]"#,
        ),
        (
            r#"{{ printf "%v|%d|%s" (list 1 "a" nil) (list 1 "a") (list "x" 2) }}"#,
            r#"[1 a <nil>]|[1 %!d(string=a)]|[x %!s(int=2)]"#,
        ),
        (
            r#"{{ printf "%v|%#v|%T|%T|%T" (dict "b" (list 1) "a" 0.5) (dict "a" 1) (list) 1 nil }}"#,
            r#"map[a:0.5 b:[1]]|map[string]interface {}{"a":1}|[]interface {}|int|<nil>"#,
        ),
        (
            r#"{{ printf "%5v|%-5v|%05v" "ab" 1 2 }}"#,
            r#"   ab|1    |00002"#,
        ),
        (
            r#"{{ printf "%T %T %T %T" 1.5 "s" true (dict) }}"#,
            r#"float64 string bool map[string]interface {}"#,
        ),
        (
            r#"{{ printf "%!" 1 }}|{{ printf "%d %d" 1 }}|{{ printf "%[0]d" 1 }}|{{ printf "%[x]d" 1 }}"#,
            r#"%!!(int=1)|1 %!d(MISSING)|%!d(BADINDEX)|%!d(BADINDEX)"#,
        ),
        (
            r#"{{ printf "%-010d|%+05d|% 05d|%#05x" 42 42 42 42 }}"#,
            r#"42        |+0042| 0042|0x0002a"#,
        ),
        (
            r#"{{ printf "%6.2f%%" 12.3456 }}|{{ printf "%010.3e" -1234.5 }}|{{ printf "%g|%g|%g" 1e-5 123456789.0 0.000123 }}"#,
            r#" 12.35%|-1.234e+03|1e-05|1.23456789e+08|0.000123"#,
        ),
        (
            r#"{{ printf "%s" .Release }}|{{ printf "%d" .Values.missing }}"#,
            r#"map[IsInstall:%!s(bool=true) IsUpgrade:%!s(bool=false) Name:rel Namespace:default Revision:%!s(int=1) Service:Helm]|%!d(<nil>)"#,
        ),
        (
            r#"{{ printf "%.1f|%.0f|%.0f|%.0f|%.2f" 0.25 0.5 1.5 2.5 1.005 }}"#,
            r#"0.2|0|2|2|1.00"#,
        ),
        (
            r#"{{ printf "%x|%X|%o|%b" -255 -255 -8 -5 }}"#,
            r#"-ff|-FF|-10|-101"#,
        ),
        (
            r#"{{ printf "%q|%q" 128512 -1 }}|{{ printf "%c" 0x1F600 }}"#,
            r#"'😀'|'�'|😀"#,
        ),
        (
            r#"{{ printf "%08.3f|%-8.3f|%+08.3f" -3.14159 3.14159 3.14159 }}"#,
            r#"-003.142|3.142   |+003.142"#,
        ),
        (r#"{{ printf "%v %v" (list) (dict) }}"#, r#"[] map[]"#),
        (
            r#"{{ printf "%s %v" (list (list 1 2) (dict "a" (list))) true }}"#,
            r#"[[%!s(int=1) %!s(int=2)] map[a:[]]] true"#,
        ),
        (
            r#"{{ printf "%6.2v|%.3v|%.1v" 3.14159 "abcdef" 123.0 }}"#,
            r#"   3.1|abc|1e+02"#,
        ),
        (
            r#"{{ printf "%U|%#U|%x" 0x1F600 10 "é" }}"#,
            r#"U+1F600|U+000A|c3a9"#,
        ),
        (
            r#"{{ print 1 2 }}{{ print "a" "b" }}{{ print 1 "a" 2 }}{{ print nil 1 }}{{ print 1.5 2.5 }}{{ print true false }}"#,
            r#"1 2ab1a2<nil> 11.5 2.5true false"#,
        ),
        (
            r#"{{ println }}|{{ print }}|{{ println nil }}"#,
            r#"
||<nil>
"#,
        ),
    ]);
    check_err(&[]);
}

#[test]
fn type_verb_and_nil_elements() {
    check_out(&[
        // helm4: precision cuts the type name of `%T`, as it cuts a string; a nil
        // interface is padded but not cut.
        (
            r#"{{ printf "%.2T|%.2v|%.1T|%-6.3T|%08.2T|" nil nil 1 (list) "s" }}"#,
            r#"<nil>|<nil>|i|[]i   |000000st|"#,
        ),
        // helm4: a nil element of a list or map prints `<nil>` with no padding.
        (
            r#"{{ printf "%8v|%8d|%08v|%-8v|%8s|%8v" (list nil) (list nil) (dict "a" nil) (list nil 1) (list nil) (list (list nil)) }}"#,
            r#"[<nil>]|[<nil>]|map[0000000a:<nil>]|[<nil> 1       ]|[<nil>]|[[<nil>]]"#,
        ),
    ]);
}
