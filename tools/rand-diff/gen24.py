#!/usr/bin/env python3
"""Area 24: every deterministic function of helm's table called with a random number of
arguments of random Go types (nil, int, int64, float64, string, bool, []interface{},
[]string, []byte, map[string]interface{}, map[string]string, time.Time, *semver.Version,
the built-in objects), so the argument conversions, Sprig's casts and every wrong-type
and wrong-count error text are compared with helm's."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness

# helm4's function table minus what is random, reads the clock or the network, or takes
# seconds (key generation): those cannot print the same twice.
FUNCS = """abbrev abbrevboth add add1 add1f addf adler32sum all any append atoi b32dec b32enc
b64dec b64enc base biggest camelcase cat ceil chunk clean coalesce compact concat contains
date dateInZone dateModify date_in_zone date_modify deepCopy deepEqual default
derivePassword dict dig dir div divf duration durationRound empty ext first float64 floor
fromJson fromJsonArray fromToml fromYaml fromYamlArray get has hasKey hasPrefix hasSuffix
htmlDate htmlDateInZone indent initial initials int int64 isAbs join kebabcase keys kindIs
kindOf last list lower max maxf merge mergeOverwrite min minf mod mul mulf mustAppend
mustChunk mustCompact mustDateModify mustDeepCopy mustFirst mustFromJson mustHas
mustInitial mustLast mustMerge mustMergeOverwrite mustPrepend mustPush mustRegexFind
mustRegexFindAll mustRegexMatch mustRegexReplaceAll mustRegexReplaceAllLiteral
mustRegexSplit mustRest mustReverse mustSlice mustToDate mustToJson mustToPrettyJson
mustToRawJson mustToYaml mustUniq mustWithout must_date_modify nindent nospace omit osBase
osClean osDir osExt osIsAbs pick pluck plural prepend push quote regexFind regexFindAll
regexMatch regexQuoteMeta regexReplaceAll regexReplaceAllLiteral regexSplit repeat replace
rest reverse round semver semverCompare seq set sha1sum sha256sum sha512sum slice snakecase
sortAlpha split splitList splitn squote sub subf substr swapcase ternary title toDate
toDecimal toJson toPrettyJson toRawJson toString toStrings toToml toYaml toYamlPretty trim
trimAll trimPrefix trimSuffix trimall trunc tuple typeIs typeIsLike typeOf uniq unixEpoch
unset until untilStep untitle upper urlJoin urlParse values without wrap wrapWith
and or not len index print printf println html js urlquery eq ne lt le gt ge
required fail include tpl toJson lookup""".split()

ARGS = [
    'nil', '0', '1', '-3', '2', '(int64 5)', '(int64 -1)', '2.5', '-0.5', '.Values.f', '.Values.i',
    '1e6', '.Values.big', '"a"', '"a,b"', '"3"', '""', '"hello world"', '"2.5"', '"1.2.3"',
    '"2021-03-04"', '"a: 1"', '"[1,2]"', '"{\\"a\\":1}"', '"^a.*"', '"x-y_z"', '"  pad  "',
    'true', 'false', '.Values.b', '(list 1 "a")', '(list)', '(list "b" "a")', '.Values.l',
    '(dict "a" 1)', '(dict)', '.Values.m', '(split "," "a,b")', '(splitList "," "x,y")',
    '(toDate "2006-01-02" "2021-03-04")', '(semver "1.2.3")', '(b64dec "/w==")',
    '(.Files.GetBytes "f.txt")', '.Files', '.Chart', '.Release', '.Capabilities', '.Template',
    '.Capabilities.KubeVersion', '(urlParse "http://u@h:1/p?q=1#f")', '.Values.n',
    '.Values.missing', '(float64 "NaN")', '(tuple 1 2)', '(toStrings (list 1 2))',
    '(regexFindAll "a" "aa" -1)', '.', '$', '"%d-%s"', '"RFC3339"', '"UTC"', '"Asia/Tokyo"',
    '"1h30m"', '"-2h"', '"f.txt"',
]

# What a result is printed through: the Go type and value, or a serializer.
WRAPS = ['printf "%%T|%%v" (%s)', 'printf "%%T|%%v" (%s)', '%s', 'toJson (%s)', 'printf "%%#v" (%s)',
         'kindOf (%s)', '(%s) | toString', 'printf "%%+v|%%d|%%x|%%q" (%s) (%s) (%s) (%s)']

# Objects with methods, and the methods Go has on them (some helmcore may lack).
OBJECTS = {
    '(semver "1.2.3-rc.1+m")': "String Major Minor Patch Prerelease Metadata IncPatch IncMinor IncMajor "
                               "SetPrerelease SetMetadata MarshalJSON MarshalText Original LessThan "
                               "LessThanEqual GreaterThan GreaterThanEqual Equal Compare UnmarshalJSON Validate",
    '(toDate "2006-01-02T15:04:05Z07:00" "2021-03-04T05:06:07+05:30")':
        "String Format Unix UnixMilli UnixMicro UnixNano UTC Year Month Day Hour Minute Second "
        "Nanosecond YearDay Weekday IsZero Add Sub Before After Equal AddDate Truncate Round ISOWeek "
        "Zone Date Clock MarshalJSON MarshalText Compare IsDST GoString Location",
    '.Capabilities': "KubeVersion APIVersions HelmVersion Copy",
    '.Capabilities.KubeVersion': "Version Major Minor String GitVersion",
    '.Capabilities.APIVersions': "Has",
    '.Capabilities.HelmVersion': "Version GitCommit GitTreeState GoVersion KubeClientVersion",
    '.Files': "Get GetBytes Glob Lines AsConfig AsSecrets",
    '.Chart': "Name Version AppVersion APIVersion IsRoot Validate Annotations Dependencies Maintainers Keywords",
    '.Release': "Name Namespace IsUpgrade IsInstall Revision Service",
}


def method_case(r):
    obj = r.choice(list(OBJECTS))
    m = r.choice(OBJECTS[obj].split())
    n = r.choice([0, 0, 1, 1, 2])
    return "%s.%s %s" % (obj, m, " ".join(r.choice(ARGS) for _ in range(n)))


def case(r):
    if r.random() < 0.3:
        w = r.choice(WRAPS)
        e = method_case(r)
        return "{{ %s }}" % (w % ((e,) * w.count("%s")))
    f = r.choice(FUNCS)
    n = r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    args = [r.choice(ARGS) for _ in range(n)]
    e = " ".join([f] + args)
    if r.random() < 0.15 and args:
        # the last argument through a pipeline, as charts often write it
        e = "%s | %s" % (args[-1], " ".join([f] + args[:-1]))
    w = r.choice(WRAPS)
    return "{{ %s }}" % (w % ((e,) * w.count("%s")))


VALUES = """f: 2.5
i: 7
big: 12345678901234567890
b: true
n: null
l: [1, two, 3.5, null]
m: {a: 1, b: {c: [1, 2]}, z: null}
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a24", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per,
                        values=VALUES, extra_files={"f.txt": b"abc\xff\n"})


if __name__ == "__main__":
    main()
