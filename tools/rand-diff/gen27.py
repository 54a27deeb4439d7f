#!/usr/bin/env python3
"""Area 27: byte strings (Go strings that are not valid UTF-8: a binary `.Files.Get`, a
`"\\xff"` literal) through every string, list, dict, encoding and regular-expression
function: each batch writes a few files of random bytes (invalid sequences, U+FFFD itself,
multi-byte characters, ASCII punctuation) and calls the functions on them, printing the
result with `%q`, which shows every byte.

Known and documented (docs/compatibility.md): a map key that is not UTF-8 (`dict X 1`,
`keys`, `toRawJson` of such a map) is its Go-lossy text in helmcore."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

ATOMS = [b"\xff", b"\xfe", b"\xe2\x82", b"\xe9", b"\xc3", "\ufffd".encode(), b"A", b"Z", b"a", b"z",
         b"1", b"9", b"-", b"_", b" ", b".", b"!", b",", b"/", b":", b"\t", b"\n", b"{", b"\"", b"\\",
         "\u00e9".encode(), "\u00c9".encode(), "\u00df".encode(), "\u65e5".encode(), "\u20ac".encode(),
         "\u30c6".encode(), "\U0001F600".encode(), "\u00a0".encode(), "\u2028".encode(), "\u01c5".encode()]

# X stands for the byte string. Forms that fail on some inputs (`semver`, `tpl`, ...) are
# left out: a failing case is compared alone, which is slow.
FORMS = [
    "upper X", "lower X", "title X", "untitle X", "swapcase X", "camelcase X", "snakecase X",
    "kebabcase X", "initials X", "nospace X", "trim X", "trimAll \"a\" X", "trimAll \"\\xff\" X",
    "trimAll \"\\uFFFD\" X", "trimPrefix \"\\xff\" X", "trimSuffix \"a\" X", "quote X", "squote X",
    "b64enc X", "b32enc X", "b64enc X | b64dec", "sha1sum X", "adler32sum X", "base X", "dir X",
    "ext X", "clean X", "osBase X", "isAbs X", "urlquery X", "html X", "js X", "toString X", "len X",
    "toJson X", "toRawJson X", "toPrettyJson (dict \"a\" X)", "toYaml (dict \"a\" X)",
    "toToml (dict \"a\" X)", "trunc 3 X", "trunc -2 X", "abbrev 5 X", "abbrevboth 1 6 X",
    "indent 2 X", "nindent 1 X", "wrap 3 X", "wrapWith 2 \"|\" X", "repeat 2 X",
    "split \".\" X", "splitList \",\" X", "splitList \"\\xff\" X", "splitn \"b\" 2 X",
    "substr 1 3 X", "replace \"a\" \"\\xff\" X", "replace \"\\uFFFD\" \"Q\" X",
    "contains \"\\xe9\" X", "contains \"\\xc3\" X", "hasPrefix \"\\xff\" X", "hasSuffix \"a\" X",
    "regexQuoteMeta X", "regexMatch \"^.+$\" X", "regexFind \".\" X",
    "regexFindAll \"[^a]\" X -1", "regexReplaceAll \"(.)\" X \"<$1>\"",
    "regexReplaceAllLiteral \"\\\\x{FFFD}\" X \"-\"", "regexSplit \"\" X -1",
    "(urlParse (cat \"http://h/\" X)).path", "plural X \"b\" 1", "toStrings (list X 1)",
    "join X (list \"a\" \"b\")", "join \",\" (list X X)", "sortAlpha (list X \"a\" \"\\xc3\")",
    "has X (list X \"a\")", "without (list X \"a\" X) X", "uniq (list X X \"a\")",
    "coalesce \"\" X", "default \"d\" X", "empty X", "eq X \"\\xff\"", "lt X \"b\"",
    "ternary X \"n\" true", "get (dict \"k\" X) \"k\"", "values (dict \"a\" X)",
    "cat X X", "print X 1", "printf \"%v|%s|%q|%x|%5.1s\" X X X X X", "include \"x\" X",
    "kindOf X", "typeOf X", "fromJson X", "fromYaml X",
]


def case(r, n_files):
    form = r.choice(FORMS)
    x = '(.Files.Get "f%d")' % r.randrange(n_files)
    return '{{ printf "%%q" (%s) }}' % form.replace("X", x)


def batch(r, per):
    files = {"f%d" % i: b"".join(r.choice(ATOMS) for _ in range(r.randint(1, 8))) for i in range(6)}
    cases = [(i, case(r, len(files)), "") for i in range(per)]
    files["templates/_x.tpl"] = b'{{- define "x" -}}[{{ . }}]{{- end -}}'
    return cases, {"extra_files": files}


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a27", batch, seed, nb, per)


if __name__ == "__main__":
    main()
