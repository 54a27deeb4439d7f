#!/usr/bin/env python3
"""Area 8 (round 8): date functions with random Go layouts over fixed times."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness
from harness import goq

TOK = ["2006", "06", "01", "1", "Jan", "January", "02", "2", "_2", "002", "__2", "Mon", "Monday", "15", "3", "03", "04", "4",
       "05", "5", "PM", "pm", "MST", "-0700", "-07:00", "-07", "Z0700", "Z07:00", "Z07", "-070000", "Z07:00:00", ".000", ".999",
       ",000", ".000000000", ".9", "T", " ", "-", ":", "/", "x", "999", "0.00", ".0", "2006-01-02T15:04:05Z07:00", "Jan 2"]
TIMES = ['0', '1', '-1', '86400', '1700000000', '253402300799', '-62135596800', '(int64 1709251200)', '(int 951782400)',
         '(toDate "2006-01-02" "2024-02-29")', '(toDate "2006-01-02 15:04:05" "2021-12-31 23:59:59")',
         '(toDate "2006-01-02T15:04:05Z07:00" "2020-06-15T08:30:00+02:00")', '(toDate "2006-01-02T15:04:05.000Z" "2019-01-01T00:00:00.123Z")',
         '(int64 -1)', '(int 0)']
# (a string, a float64 or nil gives `date` the current time: left out.)
ZONES = ['"UTC"', '"Europe/Paris"', '"America/New_York"', '"Asia/Kolkata"', '"Local"', '""', '"Nowhere/X"', '"Australia/Lord_Howe"', '"EST"',
         '"America/Panama"', '"HST"', '"Europe/Dublin"', '"Pacific/Apia"', '"Asia/Tehran"', '"Etc/GMT-14"', '"America/St_Johns"',
         '"Africa/Casablanca"', '"../UTC"', '"GMT"', '"EST5EDT"']
DURS = ['"1h"', '"-30m"', '"1.5h"', '"90s"', '"1h30m15s"', '"24h"', '"0"', '""', '"1d"', '"3ms"', '"-1h-1m"', '"1us"', '"1µs"',
        '"2562047h"', '"x"', '"+5m"', '".5s"', '"1h1h"']


def layout(r):
    return "".join(r.choice(TOK) for _ in range(r.randint(1, 5)))


def case(r):
    k = r.random()
    t = r.choice(TIMES)
    if k < 0.3:
        return "{{ date %s %s }}" % (goq(layout(r)), t)
    if k < 0.45:
        return "{{ dateInZone %s %s %s }}" % (goq(layout(r)), t, r.choice(ZONES))
    if k < 0.6:
        lay = r.choice(["2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z07:00", "Jan 2 2006", "02/01/06", "15:04", layout(r),
                        "2006-01-02 15:04 MST", "2006-01-02 15:04 MST -0700", "2006-01-02 15:04 -0700"])
        val = r.choice(["2024-02-29", "2023-02-29", "2021-12-31 23:59:59", "2020-06-15T08:30:00+02:00", "Mar 5 2021", "05/03/21",
                        "25:00", "", "2024-13-01", "2024-1-1", "2020-06-15T08:30:00Z", "0000-01-01", "9999-12-31",
                        "2020-06-15 08:30 CEST", "2020-06-15 08:30 UTC", "2020-06-15 08:30 GMT", "2020-06-15 08:30 EST",
                        "2020-06-15 08:30 CEST +0200", "2020-06-15 08:30 UTC +0000", "2020-06-15 08:30 +0000", "2020-06-15 08:30 -0330"])
        if r.random() < 0.2:
            return "{{ (%s %s %s).Location }} {{ ((%s %s %s).In (toDate \"2006 MST -0700\" \"2020 CET +0100\").Location).String }}" % (
                "toDate", goq(lay), goq(val), "toDate", goq(lay), goq(val))
        f = r.choice(["toDate", "mustToDate"])
        return "{{ %s %s %s | date %s }}" % (f, goq(lay), goq(val), goq(r.choice(["2006-01-02T15:04:05.999999999Z07:00 MST", layout(r)])))
    if k < 0.72:
        f = r.choice(["dateModify", "mustDateModify"])
        return "{{ %s %s %s | date \"2006-01-02T15:04:05.999999999Z07:00\" }}" % (f, r.choice(DURS), r.choice(TIMES[9:13]))
    if k < 0.85:
        d = r.choice(['0', '1', '59', '60', '3600', '86399', '-5', '90061', '"100"', '"abc"', '1.5', '(int64 31536000)', 'nil',
                      '"1h2m"', '.Values.t'])
        return "{{ %s %s }}" % (r.choice(["duration", "durationRound", "durationRound"]), d if r.random() < 0.6 else r.choice(DURS))
    if k < 0.93:
        return "{{ %s %s }}" % (r.choice(["htmlDate", "unixEpoch"]), t)
    return "{{ htmlDateInZone %s %s }}" % (t, r.choice(ZONES))


VALUES = """t: 1600000000
ts: "1600000000"
"""


def main():
    seed, nb, per = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    harness.run_batches("a8", lambda r, n: [(i, case(r), "") for i in range(n)], seed, nb, per, values=VALUES)


if __name__ == "__main__":
    main()
