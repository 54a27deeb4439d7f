#!/usr/bin/env python3
"""Area 26: fromToml over random TOML documents, near-valid and broken: tables, arrays
of tables, dotted and quoted keys, duplicates, inline tables, every string form and
escape, numbers in all bases, floats, date-times, comments, CRLF; then random edits
(characters deleted, inserted, replaced; lines doubled, swapped, cut), control
characters and invalid UTF-8. Each case prints the decoded map as JSON, its `Error`
text, or the map with `printf`."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

BARE = ["a", "b", "c", "x", "key", "a-b", "_u", "1", "01", "true", "inf", "A"]
QUOTED = ['"a b"', '""', "'lit'", '"é"', '"a.b"', "'x y'", '"\\u0041"', '"\\t"', '"a\\\\b"', '"\\e"', "''", '"\\q"']
INTS = ["0", "1", "-1", "+5", "42", "1_000", "0x1F", "0xdead_BEEF", "0o17", "0o7_7", "0b101", "0b1_0", "-0", "+0",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "01", "1__0", "1_", "_1", "0x_1", "0b_1", "+0x1", "-0o7",
        "0x", "0b2", "00", "+01", "99999999999999999999999"]
FLOATS = ["1.5", "-0.0", "+0.0", "1e5", "1E-5", "6.02e+23", "inf", "+inf", "-inf", "nan", "+nan", "-nan", "1.",
          ".5", "1e400", "-1e400", "1e-400", "1_0.5", "1._5", "1.5_", "3.14159", "0.1", "00.5", "1e", "1.2.3",
          "1e5+", "1.0e-0", "5e+22", "1_000.000_1", "0e0", "in", "na", "nan1", "infx", "+i", "-n", "+.5", "1e_5",
          "1.e5", "-1.5e-7", "123456789.123456789", "1e308", "2e308"]
DATES = ["1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999+07:00",
         "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27", "07:32:00",
         "07:32:00.5", "07:32", "1979-05-27T07:32", "1979-05-27T07:32Z", "1979-05-27T07:32+01:00",
         "1979-05-27T07:32:00.123456789123Z", "2000-02-29", "1979-02-29", "1979-13-01", "1979-00-10",
         "1979-05-32", "24:00:00", "23:59:60", "7:32:00", "1979-5-27", "1979-05-27T07:32:00+24:00",
         "1979-05-27T07:32:00+01:60", "1979-05-27T07:32:00+25:00", "1979-05-27T07:32:00.Z", "1979-05-27 ",
         "1979-05-27  07:32:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59", "12:30:00-01:00",
         "1979-05-27T07:32:00+0100", "1979-05-27T07:32:00 Z"]
STRINGS = ['"plain"', '""', '"tab\\there"', '"q\\"uote"', '"back\\\\slash"', '"\\u00e9\\U0001F600"', '"\\e"', '"\\x41"',
           '"\\x4"', '"\\uD800"', '"\\U00110000"', '"\\uabcg"', '"\\ "', '"\\q"', '"a\\b\\f\\r\\n"', "'literal \\n'",
           "''", "'it''s'", '"""\nmulti\nline"""', '"""a\\\n   b"""', '"""a\\   \n\n  b"""', '"""a\\ b"""',
           '"""x""""', '"""x"""""', '"""x""""""', "'''\nraw\n'''", "'''a''''", "'''a''''''", '"""\\\n"""',
           '"""\r\nx"""', '"é 😀"', '"a # not comment"', '"unterminated', "'unterminated", '"""open',
           '"new\nline"', "'new\nline'", '"a\\\nb"', '"\\u00"']
BOOLS = ["true", "false", "tru", "True", "yes", "fals", "trueX", "nope", "tré"]
# The entries of each list TOML 1.1 accepts (the others are there to break documents).
GOOD = {
    "INTS": INTS[:20], "FLOATS": FLOATS[:9] + ["1e-400", "3.14159", "0.1", "1.0e-0", "5e+22", "1_000.000_1", "0e0",
                                                 "-1.5e-7", "123456789.123456789", "1e308"],
    "DATES": DATES[:15] + ["2000-02-29", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59",
                           "1979-05-27T07:32:00+01:00"],
    "STRINGS": STRINGS[:8] + ['"a\\b\\f\\r\\n"', "'literal \\n'", "''", '"""\nmulti\nline"""', '"""a\\\n   b"""',
                              '"""x""""', '"""x"""""', "'''\nraw\n'''", "'''a''''", '"é 😀"', '"a # not comment"'],
    "BOOLS": ["true", "false"],
}
BAD = [0.0]
WS = [" ", " ", " ", "", "\t", "  "]


def key(r):
    parts = []
    for _ in range(1 if r.random() < 0.7 else r.randint(2, 3)):
        q = r.choice(QUOTED)
        if q in ('"\\e"', '"\\q"') and r.random() >= BAD[0]:
            q = '"q"'
        parts.append(r.choice(BARE) if r.random() < 0.75 else q)
    sep = r.choice([".", ".", " . ", ". "])
    return sep.join(parts)


def pick(r, name):
    return r.choice(globals()[name] if r.random() < BAD[0] else GOOD[name])


def scalar(r):
    k = r.random()
    if k < 0.25:
        return pick(r, "INTS")
    if k < 0.45:
        return pick(r, "FLOATS")
    if k < 0.6:
        return pick(r, "DATES")
    if k < 0.9:
        return pick(r, "STRINGS")
    return pick(r, "BOOLS")


def value(r, depth=0):
    k = r.random()
    if k < 0.65 or depth > 2:
        return scalar(r)
    if k < 0.82:
        items = [value(r, depth + 1) for _ in range(r.randint(0, 4))]
        seps = [r.choice([", ", ",", " , ", ",\n  ", ", # c\n"]) for _ in items]
        body = "".join(v + (s if i + 1 < len(items) else "") for i, (v, s) in enumerate(zip(items, seps)))
        if items and r.random() < 0.2:
            body += ","
        return "[" + r.choice(["", " ", "\n  "]) + body + r.choice(["", " ", "\n"]) + "]"
    pairs = [key(r) + r.choice([" = ", "=", " =  "]) + value(r, depth + 1) for _ in range(r.randint(0, 3))]
    body = r.choice([", ", ",", ",\n "]).join(pairs)
    if pairs and r.random() < 0.2:
        body += ","
    return "{" + r.choice(["", " ", "\n"]) + body + r.choice(["", " ", "\n"]) + "}"


SMALL_KEYS = ["a", "b", "c", "a.b", "a.c", "b.a", "a.b.c", '"a"', '"a.b"', '""', "a.\"\"", "'b'"]
SMALL_VALUES = ["1", "[1]", "[]", "{}", "{b = 1}", "{c = 2}", "{b.c = 1}", "[{b = 1}]", "[{}, {c = 1}]", "[[{b = 1}]]",
                "{a = {b = 1}}", "{b = [1]}", "{b = [{c = 1}]}", '"s"', "[1, {b = 1}]", "{b = 1, b = 2}", "{b = {}, b.c = 1}"]


def doc_small(r):
    """Few names, so tables, arrays of tables, dotted keys and inline tables collide."""
    lines = []
    for _ in range(r.randint(2, 6)):
        k = r.random()
        if k < 0.25:
            lines.append("[" + r.choice(SMALL_KEYS) + "]")
        elif k < 0.4:
            lines.append("[[" + r.choice(SMALL_KEYS) + "]]")
        else:
            lines.append(r.choice(SMALL_KEYS) + " = " + r.choice(SMALL_VALUES))
    return "\n".join(lines) + "\n"


def doc(r):
    if r.random() < 0.3:
        return doc_small(r)
    lines = []
    used = []
    for _ in range(r.randint(1, 7)):
        k = r.random()
        if k < 0.15:
            name = r.choice(used) if used and r.random() < 0.3 else key(r)
            used.append(name)
            lines.append("[" + r.choice(WS) + name + r.choice(WS) + "]")
        elif k < 0.25:
            name = r.choice(used) if used and r.random() < 0.5 else key(r)
            used.append(name)
            lines.append("[[" + name + "]]")
        elif k < 0.3:
            lines.append(r.choice(["# comment", "", "   # x é", "#"]))
        else:
            name = r.choice(used) if used and r.random() < 0.25 else key(r)
            used.append(name)
            line = name + r.choice(WS) + "=" + r.choice(WS) + value(r)
            if r.random() < 0.15:
                line += r.choice([" # trailing", "  ", "\t#", " x"])
            lines.append(line)
    nl = "\r\n" if r.random() < 0.1 else "\n"
    text = nl.join(lines)
    if r.random() < 0.6:
        text += nl
    return text


INSERTS = list("=[]{},.\"'#\n\t \\:+-_0123456789aeEtxzZ") + ["\r", "\r\n", "\x01", "\x7f", "\x00", "é", "\udcff",
                                                             "\udcc3", "\ufeff", '"""', "'''", "[[", "]]"]


def mutate(r, text):
    for _ in range(r.randint(1, 3)):
        k = r.random()
        i = r.randint(0, len(text))
        if k < 0.3 and text:
            j = min(len(text), i + r.randint(1, 3))
            text = text[:i] + text[j:]
        elif k < 0.6:
            text = text[:i] + r.choice(INSERTS) + text[i:]
        elif k < 0.8 and text:
            text = text[:i] + r.choice(INSERTS) + text[i + 1:]
        elif k < 0.9:
            ls = text.split("\n")
            a = r.randrange(len(ls))
            if r.random() < 0.5:
                ls.insert(a, ls[a])
            else:
                b = r.randrange(len(ls))
                ls[a], ls[b] = ls[b], ls[a]
            text = "\n".join(ls)
        else:
            text = text[:i]
    if r.random() < 0.05:
        text = r.choice(["\ufeff", "\udcff\udcfe", "\udcfe\udcff"]) + text
    return text


def make(r, n):
    cases = []
    for i in range(n):
        BAD[0] = r.choice([0.0, 0.0, 0.05, 0.3])
        text = doc(r)
        if r.random() < 0.45:
            text = mutate(r, text)
        d = goq(text)
        form = r.random()
        if form < 0.45:
            body = "{{ toJson (fromToml %s) }}" % d
        elif form < 0.85:
            body = "{{ (fromToml %s).Error }}" % d
        else:
            body = '{{ printf "%%v" (fromToml %s) }}' % d
        cases.append((i, body, ""))
    return cases


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a26", make, seed, nb, per)


if __name__ == "__main__":
    main()
