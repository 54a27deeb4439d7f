#!/usr/bin/env python3
"""Area 16: string, encoding, path, URL, digest and type-test functions over adversarial
strings (Unicode case rules, title-case and combining characters, odd whitespace, invalid
UTF-8 from a file) and over arguments of the wrong type or out of range."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

WORDS = ["", " ", "a", "A", "abc", "Hello World", "hello_world-foo bar", "HTTPServer", "fooBarBaz",
         "foo__bar--baz", "  lead and trail  ", "a\tb\nc", "x\u00a0y", "line\u2028sep", "ǅemal ǆ",
         "straße", "İstanbul ı", "ΣΊΣΥΦΟΣ σς", "éa\u0301", "日本語テキスト", "emoji 😀 ok", "a.b.c",
         "/usr/local/bin/", "../a/./b//c", "C:\\x\\y", "file.tar.gz", ".hidden", "no_ext.", "http://u:p@h:8080/p/a?q=1&r=%20#frag",
         "https://example.com/a b", "mailto:x@y", "//host/path", "%zz", "a%2Fb", "key=value&k2=v2",
         "MTIz", "aGVsbG8=", "aGVsbG8", "!!notb64", "MFRGG===", "mfrgg===", "MFRGG", "123", "-4.5", "0x1F",
         "true", "null", "x" * 40, "ab" * 13, "The quick brown fox jumps over the lazy dog",
         "one,two,,three", "a::b::c", "ÀÉÎõü", "ＡＢＣ", "ß-ß", "ﬁﬂ", "İ", "Ⅻ", "ǈ", "ꞵ",
         "snake_Case-Kebab case", "XMLHttpRequest2Go", "a1b2 c3", "_leading", "trailing_", "--", "__"]
STR_EXPR = [".Values.bad", ".Values.n", ".Values.i", ".Values.f", ".Values.b", ".Values.l", ".Values.m",
            "nil", "1", "2.5", "true", "(list \"a\" \"b\")", "(dict \"k\" \"v\")", ".Values.missing", "(.Files.Get \"bin\")"]
INTS = ["0", "1", "2", "3", "5", "-1", "-5", "10", "100", "4", "6", "\"3\"", "2.9", "nil", "9223372036854775807",
        "-9223372036854775808", ".Values.i", ".Values.f", "true", "\"x\""]

F_S = ["upper", "lower", "title", "untitle", "swapcase", "camelcase", "snakecase", "kebabcase", "initials",
       "nospace", "trim", "trimall", "quote", "squote", "b64enc", "b64dec", "b32enc", "b32dec", "sha1sum",
       "sha256sum", "sha512sum", "adler32sum", "base", "dir", "ext", "clean", "isAbs", "osBase", "osDir", "osExt",
       "osClean", "osIsAbs", "urlParse", "urlquery", "html", "js", "toString", "typeOf", "kindOf", "len",
       "empty", "toStrings", "regexQuoteMeta", "cat", "splitList \",\"", "fromJson", "toJson", "toRawJson",
       "toPrettyJson", "lower | title", "title | camelcase", "plural \"one\" \"many\"", "trimAll \"a\"",
       "trimPrefix \"a\"", "trimSuffix \"/\"", "trimAll \"\"", "contains \"a\"", "hasPrefix \"h\"", "hasSuffix \"\"",
       "replace \"a\" \"XY\"", "replace \"\" \"-\"", "indent 2", "nindent 3", "wrap 5", "wrapWith 4 \"|\"",
       "trunc 5", "trunc -3", "abbrev 6", "abbrevboth 2 8", "repeat 3", "split \".\"", "splitn \"b\" 2",
       "substr 1 4", "substr 3 1", "substr -1 2", "sortAlpha", "uniq", "first"]
F_INT_S = ["trunc", "abbrev", "repeat", "wrap", "indent", "nindent"]
F_TYPES = ["string", "int", "int64", "float64", "bool", "map[string]interface {}", "[]interface {}", "<nil>",
           "[]string", "chartutil.Values", "[]uint8"]


def word(r):
    if r.random() < 0.25:
        return r.choice(STR_EXPR)
    w = r.choice(WORDS)
    if r.random() < 0.2:
        w = w + r.choice(WORDS)
    return harness.goq(w)


def case(r):
    k = r.random()
    if k < 0.5:
        f = r.choice(F_S)
        e = "%s %s" % (f, word(r)) if r.random() < 0.6 else "%s | %s" % (word(r), f)
    elif k < 0.65:
        f = r.choice(F_INT_S)
        e = "%s %s %s" % (f, r.choice(INTS), word(r))
    elif k < 0.75:
        e = r.choice(["substr %s %s %s", "abbrevboth %s %s %s", "splitn %s %s %s"]) % (
            r.choice(INTS) if r.random() < 0.7 else word(r), r.choice(INTS), word(r))
    elif k < 0.85:
        e = r.choice(["typeIs %s %s", "typeIsLike %s %s", "kindIs %s %s"]) % (
            harness.goq(r.choice(F_TYPES + ["map", "slice", "float64", "ptr", "struct", "*string"])), r.choice(STR_EXPR + [word(r)]))
    elif k < 0.92:
        form = r.choice(["ternary %s %s %s", "coalesce %s %s %s", "deepEqual %s %s", "all %s %s %s", "any %s %s %s",
                         "urlJoin (dict \"scheme\" %s \"host\" %s \"path\" %s)", "cat %s %s %s"])
        e = form % tuple(word(r) for _ in range(form.count("%s")))
    else:
        e = "(urlParse %s).%s" % (word(r), r.choice(["scheme", "host", "path", "query", "fragment", "userinfo", "opaque", "hostname"])) \
            if r.random() < 0.5 else "%s %s %s" % (r.choice(["contains", "hasPrefix", "hasSuffix", "trimPrefix", "trimSuffix", "trimAll", "replace %s" % word(r)]), word(r), word(r))
    wrap = r.choice(["%s", "%s", "toJson (%s)", "printf \"%%v\" (%s)", "printf \"%%q\" (%s)"])
    return "{{ %s }}" % (wrap % e)


VALUES = """bad: "caf\\xe9"
n: null
i: 7
f: 2.5
b: true
l: [x, "y", 3]
m: {k: v}
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a16", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per, values=VALUES,
                        extra_files={"bin": b"ok\xff\xfe caf\xe9 \xe2\x82"})


if __name__ == "__main__":
    main()
