#!/usr/bin/env python3
"""Area 20: `tpl` -- random template strings rendered through `tpl` (and `tpl` inside
`tpl`), with defines made inside the string, includes of the chart's named templates,
`.Template` inside and outside, contexts of every shape, error positions inside the
string, variables of the caller (not visible), missing keys and failing functions."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

CTX = [".", ".", "$", ".Values", "(dict \"Values\" .Values)", "(dict \"Template\" (dict \"Name\" \"n\" \"BasePath\" \"b\"))",
       "(dict \"Template\" .Template \"Values\" (dict \"a\" 1))", "\"str\"", "nil", "(list 1)", ".Values.m", "(dict)",
       "(merge (dict \"Values\" (dict \"a\" \"over\")) .)", ".Template", "(dict \"Template\" \"x\")"]
TEXT = ["x", " ", "\n", "a: b", "\t", "é", "{", "}", "-", "  y  ", "\n\n"]
SIMPLE = [".Values.a", ".Values.n", ".Values.f", ".Values.l", ".Values.m", ".Values.m.k", ".Values.nokey",
          ".Values.nokey.deeper", ".Release.Name", ".Release.Namespace", ".Template.Name", ".Template.BasePath",
          ".Chart.Name", ".Capabilities.KubeVersion.Minor", "$", "$.Values.a", ".", ".Values.s | quote",
          ".Files.Get \"f.txt\"", "(.Files.Glob \"*.txt\").AsConfig", "len .Values.l", ".Values.a | upper",
          "typeOf .", "typeOf $", "include \"h\" .", "include \"h\" $", "template \"h\" .", "include \"ctx\" .",
          "include \"nope\" .", "printf \"%v\" .Values.m", "index .Values.l 5", ".Values.m.k.z", ".Values.a.b",
          "fail \"boom\"", "required \"need it\" .Values.nokey", "required \"ok\" .Values.a", "nope 1",
          "$undef", "toYaml .Values.m", "default \"d\" .Values.nokey", "lookup \"v1\" \"Pod\" \"\" \"\"",
          ".Values.s", "tpl .Values.s .", "tpl .Values.t .", "tpl .Values.n .", "tpl \"{{ .Values.a }}\" .Values"]
PARSE_BAD = ["{{", "{{ end }}", "{{ if }}", "{{ .Values.a", "{{ else }}", "{{ range }}{{ end }}", "{{ define \"q\" }}",
             "{{ 1 2 }}", "{{ .Values.a | }}", "{{ $x := }}", "{{/* open", "}}"]


def inner(r, depth):
    parts = []
    for _ in range(r.randint(1, 4)):
        k = r.random()
        if k < 0.25:
            parts.append(r.choice(TEXT))
        elif k < 0.6:
            lt, rt = r.choice(["{{ ", "{{- ", "{{ ", "{{"]), r.choice([" }}", " -}}", " }}", "}}"])
            parts.append(lt + r.choice(SIMPLE) + rt)
        elif k < 0.67 and depth < 2:
            body = inner(r, depth + 1)
            parts.append("{{ tpl %s %s }}" % (harness.goq(body), r.choice(CTX)))
        elif k < 0.74:
            name = r.choice(["h", "h2", "ctx", "in"])
            parts.append('{{ define "%s" }}%s{{ end }}' % (name, inner(r, depth + 1) if depth < 2 else r.choice(TEXT)))
            if r.random() < 0.7:
                parts.append('{{ include "%s" . }}' % name)
        elif k < 0.79:
            parts.append('{{ block "%s" . }}%s{{ end }}' % (r.choice(["h", "blk"]), r.choice(TEXT)))
        elif k < 0.86:
            parts.append(r.choice(["{{ if .Values.b }}T{{ else }}F{{ end }}", "{{ range .Values.l }}[{{ . }}]{{ end }}",
                                   "{{ with .Values.m }}{{ .k }}{{ end }}", "{{ $v := 1 }}{{ $v }}", "{{ range $i, $e := .Values.l }}{{ $i }}{{ end }}",
                                   "{{ with .Values.nokey }}w{{ else }}e{{ end }}"]))
        elif k < 0.91:
            parts.append(r.choice(PARSE_BAD))
        else:
            parts.append(r.choice(["{{ /* c */ }}", "{{- /* c */ -}}", "{{ \"lit\" }}", "{{ 1.5 }}", "{{ nil }}"]))
    return "".join(parts)


def case(r):
    s = inner(r, 0)
    arg = harness.goq(s) if r.random() < 0.85 or "`" in s else "`%s`" % s
    ctx = r.choice(CTX)
    pre = r.choice(["", "", "{{ $v := \"o\" }}", "{{ $v := \"o\" }}{{ tpl \"{{ $v }}\" . }}", "{{ .Template.Name }}|"])
    wrap = r.choice(["{{ tpl %s %s }}", "{{ tpl %s %s | upper }}", "{{ tpl %s %s | toJson }}", "{{ tpl %s %s | len }}",
                     "{{ include \"h\" . }}{{ tpl %s %s }}{{ include \"h\" . }}", "{{ with .Values.m }}{{ tpl %s %s }}{{ end }}"])
    return pre + wrap % (arg, ctx)


PARTIAL = ('{{- define "h" -}}H({{ typeOf . }}){{- end -}}'
           '{{- define "ctx" -}}{{ .Template.Name }}~{{ .Template.BasePath }}{{- end -}}')

VALUES = """a: va
n: 3
f: 2.5
b: true
l: [x, "y", 3]
m: {k: v}
s: "{{ .Values.a }}-{{ .Template.Name }}"
t: "{{ tpl .Values.s . }}!"
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a20", lambda r, n: [(i, case(r), PARTIAL) for i in range(n)], seed, nb, per, values=VALUES,
                        extra_files={"f.txt": "file {{ .Values.a }}\n", "g.txt": "g"})


if __name__ == "__main__":
    main()
