#!/usr/bin/env python3
"""Area 5: text/template structure, trimming, scoping, errors."""
import os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

VALUES = """a: 1
s: str
f: 1.5
b: false
t: true
n: null
big: 12345678901234567890
neg: -1
e: {}
el: []
m: {k: v, n: null, z: 0, b: false, s: "", l: [1, 2]}
l: [1, two, 3.5, null, {x: y}]
sl: [b, a, c]
nested: {a: {b: {c: deep}}}
str2: "héllo wörld"
"""

OPS = [".Values.a", ".Values.s", ".Values.f", ".Values.b", ".Values.t", ".Values.n", ".Values.big", ".Values.neg",
       ".Values.e", ".Values.el", ".Values.m", ".Values.l", ".Values.sl", ".Values.missing", ".Values.m.k", ".Values.m.n",
       ".Values.m.missing", ".Values.nested.a.b.c", ".Values.str2", ".", "$", "$.Values.a", "1", "0", "-1", "1.5", "0.0", '"s"',
       '""', "true", "false", "nil", "'a'", "0x10", "1e3", ".Values.missing.deeper", ".Release.Name", ".Chart.Name",
       ".Template.Name", ".Template.BasePath", "(list)", "(dict)", '(list 1 "a")', '(dict "k" 1)', "3", "(int 2)",
       ".Values.l.x", ".Values.s.x", ".Values.a.b"]

SAFE = [False]
SAFE_OPS = ["$.Values.a", "$.Values.s", "$.Values.f", "$.Values.b", "$.Values.t", "$.Values.n", "$.Values.big", "$.Values.e", "$.Values.el", "$.Values.m", "$.Values.l", "$.Values.sl", "$.Values.missing", "$.Values.m.k", "$.Values.m.n", "$.Values.m.missing", "$.Values.m.z", "$.Values.m.s", "$.Values.nested.a.b.c", "$.Values.str2", "$.Values.a", "1", "0", "-1", "1.5", '"s"', '""', "true", "false", ".Release.Name", ".Template.Name", "$.Values.m.l", "$.Values.neg"]
CMP = ["eq", "ne", "lt", "le", "gt", "ge"]
TEXT = ["", "a", " ", "\n", "  \n", "\n  ", "x y", "\t", " b ", "\n\n", "-", "}", "{", "{ {", "c\n"]


class G:
    def __init__(self, r, cid):
        self.r = r
        self.cid = cid
        self.vars = ["$"]
        self.defs = []
        self.in_range = 0
        self.partial = []

    def L(self):
        r = self.r
        return r.choice(["{{", "{{", "{{- ", "{{-"  + " "])

    def R(self):
        r = self.r
        return r.choice(["}}", "}}", " -}}"])

    def op(self, d=0):
        r = self.r
        k = r.random()
        if SAFE[0]:
            if k < 0.6 or d > 2:
                if r.random() < 0.3 and len(self.vars) > 1:
                    return r.choice(self.vars[1:])
                return r.choice(SAFE_OPS)
            if k < 0.7:
                sc = ["$.Values.a", "$.Values.s", "$.Values.f", "$.Values.b", "$.Values.t", "$.Values.m.k", "$.Values.m.z", "$.Values.str2", "1", '"s"', "true", "$.Values.m.s", "$.Values.neg", "."]
                sc = r.choice([["$.Values.a", "$.Values.m.z", "1.0", "$.Values.neg", "0.5"], ["$.Values.s", "$.Values.m.k", '"s"', "$.Values.m.s", '""', "$.Values.str2"], ["true", "$.Values.b", "$.Values.t"]])
                return "(%s %s %s)" % (r.choice(CMP[:2]), r.choice(sc), r.choice(sc)) if r.random() < 0.5 else "(%s $.Values.a %s)" % (r.choice(CMP), r.choice(["0.0", "1.0", "2.5", "$.Values.neg"]))
            if k < 0.8:
                return "(%s %s %s)" % (r.choice(["and", "or"]), self.op(d + 1), self.op(d + 1))
            if k < 0.85:
                return "(not %s)" % self.op(d + 1)
            if k < 0.9:
                return "(print %s)" % " ".join(self.op(d + 1) for _ in range(r.randint(0, 3)))
            if k < 0.95:
                return r.choice(["(index $.Values.l 1)", "(index $.Values.m \"k\")", "(index $.Values.m \"none\")", "(slice $.Values.s 1 2)", "(slice $.Values.l 1)", "(len $.Values.l)", "(index $.Values.sl 2)", "(index $.Values.nested \"a\" \"b\")", "(index . )", "(print .)"])
            return "(%s | %s)" % (self.op(d + 1), r.choice(["print", "printf \"%v\"", "not", "quote", "toString", "default \"d\"", "empty", "kindOf", "typeOf", "toYaml", "toJson"]))
        if k < 0.45 or d > 2:
            if r.random() < 0.25 and len(self.vars) > 1:
                return r.choice(self.vars[1:]) + r.choice(["", "", ".k", ".a", ".x"])
            return r.choice(OPS)
        if k < 0.55:
            return "(%s %s %s)" % (r.choice(CMP), self.op(d + 1), self.op(d + 1))
        if k < 0.62:
            return "(%s %s %s)" % (r.choice(["and", "or"]), self.op(d + 1), self.op(d + 1))
        if k < 0.66:
            return "(not %s)" % self.op(d + 1)
        if k < 0.74:
            return "(index %s %s)" % (self.op(d + 1), " ".join(r.choice(["0", "1", "-1", "5", '"k"', '"x"', "nil", "1.5", ".Values.a"]) for _ in range(r.randint(0, 2))))
        if k < 0.79:
            return "(slice %s %s)" % (self.op(d + 1), " ".join(r.choice(["0", "1", "2", "3", "-1", "10"]) for _ in range(r.randint(0, 3))))
        if k < 0.84:
            return "(len %s)" % self.op(d + 1)
        if k < 0.9:
            return "(print %s)" % " ".join(self.op(d + 1) for _ in range(r.randint(0, 3)))
        if k < 0.94:
            return "(%s | %s)" % (self.op(d + 1), r.choice(["print", "len", "printf \"%v\"", "not", "quote", "toString", "default \"d\"", "empty", "kindOf", "typeOf", "toYaml", "toJson"]))
        if k < 0.97:
            return "(call %s)" % self.op(d + 1)
        return "(html %s)" % self.op(d + 1)

    def act(self, body):
        return self.L() + body + self.R()

    def block(self, d):
        r = self.r
        n = r.randint(1, 4)
        saved = list(self.vars)
        out = "".join(self.item(d) for _ in range(n))
        if d > 0:
            self.vars = saved
        return out

    def item(self, d):
        r = self.r
        k = r.random()
        if k < 0.2 or d > 3:
            return r.choice(TEXT)
        if k < 0.4:
            return self.act(self.op())
        if k < 0.45:
            return r.choice(["{{/* c */}}", "{{- /* c */}}", "{{/* c */ -}}", "{{- /* c\n */ -}}", "{{/**/}}",
                             "{{- /* */ -}}", "{{ /* c */ }}", "{{-/* c */-}}", "{{/* c */-}}", "{{ print /* c */ 1 }}"])
        if k < 0.52:
            v = "$v%d" % len(self.vars)
            o = self.op()
            self.vars.append(v)
            return self.act("%s := %s" % (v, o))
        if k < 0.56 and len(self.vars) > 1:
            return self.act("%s = %s" % (r.choice(self.vars[1:]), self.op()))
        if k < 0.64:
            s = self.act("if %s" % self.op()) + self.block(d + 1)
            for _ in range(r.randint(0, 2)):
                s += self.act(r.choice(["else if", "else with"]) + " " + self.op()) + self.block(d + 1)
            if r.random() < 0.5:
                s += self.act("else") + self.block(d + 1)
            return s + self.act("end")
        if k < 0.71:
            s = self.act("with %s" % self.op()) + self.block(d + 1)
            if r.random() < 0.3:
                s += self.act("else with %s" % self.op()) + self.block(d + 1)
            if r.random() < 0.4:
                s += self.act("else") + self.block(d + 1)
            return s + self.act("end")
        if k < 0.8:
            decl = r.choice(["", "", "$i, $e := ", "$e := ", "$k := "] + ([] if SAFE[0] else ["$i, $e = "]))
            saved = list(self.vars)
            for v in ("$i", "$e", "$k"):
                if v in decl and v not in self.vars:
                    self.vars.append(v)
            self.in_range += 1
            s = self.act("range %s%s" % (decl, r.choice(["$.Values.l", "$.Values.m", "$.Values.sl", "$.Values.el", "$.Values.e", "3", "(list 1 2)", "$.Values.m.l", "$.Values.n", "$.Values.missing"]) if SAFE[0] else r.choice([".Values.l", ".Values.m", ".Values.sl", ".Values.el", ".Values.e",
                                                         "3", "0", ".Values.a", ".Values.s", ".Values.n", ".Values.missing",
                                                         "(list 1 2)", "(dict \"b\" 1 \"a\" 2)", ".Values.f", "-1", "(int64 2)", self.op()])))
            s += self.block(d + 1)
            self.in_range -= 1
            if r.random() < 0.3:
                s += self.act("else") + self.block(d + 1)
            self.vars = saved
            return s + self.act("end")
        if k < 0.84 and self.in_range:
            return self.act(r.choice(["break", "continue"]))
        if k < 0.9:
            name = "e%d.h%d" % (self.cid, len(self.defs))
            self.defs.append(name)
            g2 = G(r, self.cid)
            g2.defs = self.defs
            g2.partial = self.partial
            g2.vars = ["$"]
            body = g2.block(d + 1)
            self.partial.append('{{ define "%s" }}%s{{ end }}' % (name, body))
            return self.act('template "%s" %s' % (name, "$" if SAFE[0] else r.choice([".", "$", ".Values", ".Values.m", "nil", "1", ".Values.l", ""])))
        if k < 0.93 and not SAFE[0]:
            name = "e%d.b%d" % (self.cid, len(self.defs))
            self.defs.append(name)
            return self.act('block "%s" %s' % (name, r.choice([".", ".Values.m", "1"]))) + self.block(d + 1) + self.act("end")
        if k < 0.96 and not SAFE[0]:
            return self.act(r.choice(['template "nope"', 'include "nope" .', 'tpl "{{ . }}" .Values.a',
                                      'tpl "{{ .Values.s }}" .', 'tpl "{{ .Values.s }}" $', 'tpl "{{" .']))
        return self.act(self.op())


def cases5(r, per):
    cases = []
    for i in range(per):
        g = G(r, i)
        body = g.block(0)
        cases.append((i, body, "".join(g.partial)))
    return cases


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    SAFE[0] = len(sys.argv) > 4
    harness.run_batches("a5", cases5, seed, nb, per, values=VALUES, trim=False, stop=400)


if __name__ == "__main__":
    main()
