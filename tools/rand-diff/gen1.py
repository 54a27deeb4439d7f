#!/usr/bin/env python3
"""Area 1: serializers of adversarial data."""
import os, random, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

FRAG = ["<a>", "&amp;", "a&b", "<", ">", "\u003c", "\\u0041", "%!", "{{", "}}", "\u00ad", "\u0300a", "\uFEFFb", "\U0010FFFF", "\x9b", "\u061c", "\u180e", "", " ", " a", "a ", "a:b", "a: b", "a:", ":", ": ", "#a", "a #b", "a#b", " #", "- a", "-", "--", "---", "...", "--- a",
        "? a", "?", "?a", "{a}", "[a]", "{", "]", "}", ",", "'", '"', "'a'", '"a"', "a'b", 'a"b', "\\", "a\\nb", "\t", "a\tb",
        "\ta", "a\t", "\n", "a\n", "a\nb", "a\n\n", "\na", "\n\n", "a \nb", "a\n b", "  a\nb", "a\r\nb", "\r", "a\rb", "é",
        "\u00a0", "a\u00a0", "\ufeff", "\ufeffa", "😀", "\U0001F600a", "\x00", "\x01", "\x7f", "\x85", "\u2028", "\u2029",
        "\x1b[0m", "\x08", "\x0b", "\x0c", "\ue000", "\ufffd", "\ufffe", "\u200b", "\u0301", "\U000E0001",
        "y", "Y", "n", "N", "yes", "No", "on", "OFF", "Off", "true", "True", "TRUE", "false", "~", "null", "Null", "NULL",
        ".inf", "-.inf", ".Inf", "+.inf", ".nan", ".NaN", ".NAN", "0x1F", "0X1f", "0o17", "012", "0b101", "1_000", "1e3",
        "1E3", "1e+3", "1.0", ".5", "5.", "+1", "-0", "0", "00", "1:20", "1:20:30", "190:20:30", "2001-12-14",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "=", "<<", "!tag", "!!str", "&a", "*a", "%a", "@a",
        "`a", "|", ">", "|-", ">+", "a,b", "a, b", "0.1.2", "1.2.3", "v1", "+", ".", "a b", "  ", "a  b", "0x", "0xg",
        "1e", "e3", "-", "-.5", "+.5", "1.5e-7", "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809",
        "0.0", "-0.0", "1e400", "NaN", "Infinity", "inf", "nan", "%", "a%b", "&", "*", "!", "@", "`", "'\n'", "a: b\nc: d",
        "- a\n- b", "a:\n  b", "  lead", "trail  ", "trail \n", "x\n ", " \n", "\n ", "a\n\n\nb", "a\n  \nb", "\t\n", "a \t",
        ]
WORDS = ["lorem", "ipsum", "dolor", "sit", "amet,", "x", "verylongwordwithoutanyspacesatall" * 2, "a:", "#b", "-", "é", "😀"]


def long_str(r):
    k = r.randint(0, 5)
    if k == 0:
        return " ".join(r.choice(WORDS) for _ in range(r.randint(10, 40)))
    if k == 1:
        return "x" * r.randint(70, 200)
    if k == 2:
        return "\n".join(" ".join(r.choice(WORDS) for _ in range(r.randint(1, 25))) for _ in range(r.randint(2, 4)))
    if k == 3:
        return r.choice([" ", "  ", "\t"]) + " ".join(r.choice(WORDS) for _ in range(r.randint(10, 30)))
    if k == 4:
        s = " ".join(r.choice(WORDS) for _ in range(r.randint(10, 30)))
        i = r.randint(0, len(s))
        return s[:i] + r.choice(["  ", " \n", "\n ", "\t", ": ", " #", "\n\n"]) + s[i:]
    return ("a" * r.randint(1, 90) + " ") * r.randint(1, 4) + r.choice(["", " ", "\n"])


def mline(r):
    lines = []
    for _ in range(r.randint(1, 5)):
        l = r.choice(["", " ", "  x", "x", "x ", "a b  ", "\tt", "- i", "# c", "k: v", " ".join(r.choice(WORDS) for _ in range(r.randint(1, 20)))])
        lines.append(l)
    s = "\n".join(lines)
    return s + r.choice(["", "\n", "\n\n", " ", "\n ", "\r\n"])


def rstr(r):
    if r.random() < 0.15:
        return mline(r)
    k = r.random()
    if k < 0.45:
        return r.choice(FRAG)
    if k < 0.8:
        return "".join(r.choice(FRAG) for _ in range(r.randint(2, 3)))
    return long_str(r)


NUMS = ["0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808", "1e21", "1e20", "1.5", "0.000001", "1e-7",
        "100000000000000000000.0", "123456789.0", "1e6", "1000000.0", "0.1", "3.0", "-0.0", "2.5e-5", "1e100", "0x1F", "0o17",
        "017", "1_000", "0b101", "'a'", "12345678.9", "1.7976931348623157e308", "5e-324", "100000", "1e+06"]
FNUMS = ['float64 "NaN"', 'float64 "+Inf"', 'float64 "-Inf"', 'float64 "-0"', 'float64 "1e21"', 'int64 "123"',
         'float64 "0.1"', 'int "9"', 'float64 "1e-7"', 'float64 "123456789012"', 'atoi "77"', 'add 1 2', 'div 7 2',
         'divf 7 2', 'mulf 1.1 3', 'float64 1', 'int64 2.7', 'maxf 1e21 2']


def rscalar(r, depth):
    k = r.random()
    if k < 0.55:
        return goq(rstr(r))
    if k < 0.7:
        return r.choice(NUMS)
    if k < 0.78:
        return "(%s)" % r.choice(FNUMS)
    if k < 0.85:
        return r.choice(["true", "false", "nil"])
    if k < 0.9:
        return '(toString %s)' % r.choice(NUMS)
    return goq(rstr(r))


def rkey(r):
    k = r.random()
    if k < 0.6:
        return goq(rstr(r))
    return goq(r.choice(["a", "b", "key", "z", "A", "1", "10", "2", "_x", "x.y", "x-y", "Ä", "é", "a b"]))


def rval(r, depth=0):
    k = r.random()
    if depth > 3 or k < 0.45:
        return rscalar(r, depth)
    if k < 0.65:
        n = r.randint(0, 4)
        return "(dict %s)" % " ".join("%s %s" % (rkey(r), rval(r, depth + 1)) for _ in range(n))
    if k < 0.82:
        n = r.randint(0, 4)
        return "(list %s)" % " ".join(rval(r, depth + 1) for _ in range(n))
    if k < 0.92:
        return "(fromYaml %s)" % goq(ryamldoc(r))
    return "(fromJson %s)" % goq(rjsondoc(r))


def ryamldoc(r):
    lines = []
    for i in range(r.randint(1, 4)):
        key = r.choice(["a", "b", "c", "d", "'x y'", '"q"', "1", "true", "~", "-1", "1.5", "k%d" % i])
        v = r.choice(FRAG + NUMS + ["[]", "{}", "[a, b]", "{x: 1}", "|\n  lit\n  text", ">-\n  fold\n  text", "!!str 1",
                                    "!!int '3'", "!!float 1", "!!binary aGVsbG8=", '"\\x41\\u00e9"', "'it''s'", "&A 1",
                                    "\n  - x\n  - y", "\n  n: 1", "2001-12-14", "0x10", "1_000", "0o7", "+12", ".inf"])
        if "\n" in v and not v.startswith(("\n", "|", ">")):
            v = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        elif v and (v[0] in "#:?-{[]}!&*%@`,'\"|>" or v.strip() != v) and v not in ("[]", "{}", "[a, b]", "{x: 1}") and not v.startswith(("!!", "&A", "'it", '"\\x', "|\n", ">-")):
            v = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") + '"'
        elif any(ord(c) < 0x20 and c not in "\n" for c in v) or any(c in v for c in "\x7f\x85\u2028\u2029\ufeff\ufffe\U000E0001"):
            v = '"' + v.encode("unicode_escape").decode().replace('"', '\\"') + '"'
        lines.append("%s: %s" % (key, v))
    return "\n".join(lines) + "\n"


def rjsondoc(r):
    def jv(d):
        k = r.random()
        if d > 2 or k < 0.5:
            return r.choice([json.dumps(rstr(r)), "1", "1.0", "1e21", "1E3", "-0", "0.000001", "12345678901234567890",
                             "true", "null", "1.5e300", "-1.25"])
        if k < 0.75:
            return "[" + ",".join(jv(d + 1) for _ in range(r.randint(0, 3))) + "]"
        return "{" + ",".join("%s:%s" % (json.dumps(rstr(r)), jv(d + 1)) for _ in range(r.randint(0, 3))) + "}"
    return "{" + ",".join("%s:%s" % (json.dumps(r.choice(["a", "b", rstr(r)])), jv(1)) for _ in range(r.randint(1, 3))) + "}"


OUTS = ["toYaml", "toYaml", "toYaml", "toYamlPretty", "toYamlPretty", "toYaml | indent 2", "toYaml | nindent 4", "toString", "printf \"%v\"", "printf \"%#v\"", "print", "quote", "toJson", "toPrettyJson", "toRawJson", "toToml", "toYaml"]


def case(r):
    fn = r.choice(OUTS)
    if MODE == "deep":
        v = goq(r.choice([long_str(r), mline(r), rstr(r), long_str(r) + r.choice(FRAG) + long_str(r)]))
        for _ in range(r.randint(0, 6)):
            v = r.choice(["(list @@)", "(dict " + rkey(r) + " @@)", "(list 1 @@)", "(dict \"a\" 1 \"zz\" @@)"]).replace("@@", v)
        return "{{ %s | %s }}" % (v, r.choice(["toYaml", "toYaml", "toYamlPretty", "toYaml | indent 3", "toJson", "toPrettyJson", "toToml"] if v.startswith("(dict") else ["toYaml", "toYamlPretty", "toPrettyJson"]))
    if MODE == "pretty":
        v = rval(r) if r.random() < 0.5 else goq(r.choice([long_str(r), mline(r), rstr(r)]))
        for _ in range(r.randint(0, 3)):
            v = r.choice(["(list @@)", "(dict " + rkey(r) + " @@)", "(list 1 @@ (dict))", "(dict \"a\" (list) \"zz\" @@)"]).replace("@@", v)
        return "{{ %s | toYamlPretty }}" % v
    if MODE == "toml":
        fn = "toToml"
        return "{{ (dict %s) | toToml }}" % " ".join("%s %s" % (rkey(r), rval(r, 1)) for _ in range(r.randint(1, 5)))
    v = rval(r)
    if fn == "toToml" or r.random() < 0.5:
        v = "(dict %s %s)" % (rkey(r), v)
    return "{{ %s | %s }}" % (v, fn)


import os
MODE = os.environ.get("MODE", "")


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a1", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per, shown=5)


if __name__ == "__main__":
    main()
