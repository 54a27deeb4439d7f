//! Sprig's date functions, with Go's `time.Time` ([`GoTime`]), layouts and durations.
//!
//! Helm formats dates in the machine's local zone (`$TZ`, `/etc/localtime`), which
//! `zone` reads as Go reads it. `now` reads the system clock.

mod duration;
mod layout;
mod named_int;
mod serial;
mod time;
mod zone;

pub use self::time::GoTime;
pub(crate) use duration::format_duration;
pub(crate) use named_int::{named_int_method, named_int_string};
pub(crate) use serial::{from_toml_datetime, toml_datetime_text, yaml_timestamp, TomlKind};

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::{any, string};
use super::{func, Res};
use duration::{parse_duration, SECOND};
use layout::parse_layout;
use time::{as_time, Loc};

/// The `time` package's own quoting in its errors (not `strconv.Quote`): `"` and `\`
/// escaped, and every byte of a control or non-ASCII character as `\xNN`.
pub(crate) fn time_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='\u{7f}' => out.push(c),
            _ => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// Helm's read of a `time.Time` from a JSON string (Chart.lock's `generated`): the
/// string's contents as they stand between the quotes (Go parses them without
/// unescaping), parsed with the RFC 3339 layout. Helm accepts what the layout parser
/// accepts (a one-digit hour, `,` before fractional seconds, a `+24:00` offset).
pub(crate) fn parse_rfc3339_json(s: &str) -> Result<GoTime, String> {
    // Only whether it parses matters (the time is not kept), so the local zone, which
    // decides nothing but the location of the result, is not read.
    parse_layout("2006-01-02T15:04:05Z07:00", s, &Loc::Utc, &Loc::Utc)
}

/// A `time.Time` parameter.
const TIME: P = P::Struct("time.Time");

/// A `time.Time` argument: the executor has checked it; a direct caller gets Go's text.
fn time_param(v: &Value) -> Result<&GoTime, String> {
    as_time(v).ok_or_else(|| {
        let got = if v.is_nil() {
            "<nil>".to_string()
        } else {
            v.type_name()
        };
        format!("wrong type for value; expected time.Time; got {got}")
    })
}

/// The time `dateInZone` and friends take: a time, or Unix seconds as `int`/`int64`;
/// anything else means now.
fn time_of(v: &Value) -> GoTime {
    match v {
        // `time.Unix` is Local, but every caller shows the time in a zone of its own.
        Value::Int(n, _) => GoTime::from_unix(*n, 0, Loc::Utc),
        other => as_time(other).cloned().unwrap_or_else(GoTime::now),
    }
}

fn in_zone(date: &Value, zone: &str) -> GoTime {
    time_of(date).in_loc(Loc::load(zone).unwrap_or(Loc::Utc))
}

fn date_in_zone_str(layout: &str, date: &Value, zone: &str) -> String {
    in_zone(date, zone).format(layout)
}

/// [`date_in_zone_str`] with a layout that may be a byte string, whose invalid bytes Go
/// copies into the result.
fn date_in_zone_value(layout: &Value, date: &Value, zone: &str) -> Value {
    match layout {
        Value::Bytes(b) => in_zone(date, zone).format_bytes(b),
        other => date_in_zone_str(other.as_str().unwrap_or(""), date, zone).into(),
    }
}

fn now(_: Vec<Value>) -> Res {
    Ok(GoTime::now().value())
}

fn date(a: Vec<Value>) -> Res {
    Ok(date_in_zone_value(any(&a, 0), any(&a, 1), "Local"))
}

fn html_date(a: Vec<Value>) -> Res {
    Ok(date_in_zone_str("2006-01-02", any(&a, 0), "Local").into())
}

fn html_date_in_zone(a: Vec<Value>) -> Res {
    Ok(date_in_zone_str("2006-01-02", any(&a, 0), string(&a, 1)).into())
}

fn date_in_zone(a: Vec<Value>) -> Res {
    Ok(date_in_zone_value(any(&a, 0), any(&a, 1), string(&a, 2)))
}

fn date_modify(a: Vec<Value>) -> Res {
    let t = time_param(any(&a, 1))?;
    Ok(match parse_duration(string(&a, 0)) {
        Ok(d) => t.add(d).value(),
        Err(_) => t.clone().value(),
    })
}

fn must_date_modify(a: Vec<Value>) -> Res {
    let t = time_param(any(&a, 1))?;
    Ok(t.add(parse_duration(string(&a, 0))?).value())
}

/// `Duration.Round(time.Second)`: half away from zero.
fn round_to_second(d: i64) -> i64 {
    let r = d % SECOND;
    if d < 0 {
        let r = -r;
        if r + r < SECOND {
            d + r
        } else {
            d.checked_sub(SECOND - r).unwrap_or(i64::MIN)
        }
    } else if r + r < SECOND {
        d - r
    } else {
        d.checked_add(SECOND - r).unwrap_or(i64::MAX)
    }
}

fn ago(a: Vec<Value>) -> Res {
    let t = time_of(any(&a, 0));
    Ok(format_duration(round_to_second(GoTime::now().sub(&t))).into())
}

/// `duration`: seconds from a string or an `int64` (any other type, `int` included,
/// counts as 0).
fn duration(a: Vec<Value>) -> Res {
    let n = match any(&a, 0) {
        Value::String(s) => super::cast::parse_int(s, 10).unwrap_or(0),
        Value::Int(n, crate::value::IntKind::Int64) => *n,
        _ => 0,
    };
    Ok(format_duration(n.wrapping_mul(SECOND)).into())
}

fn duration_round(a: Vec<Value>) -> Res {
    let d: i64 = match any(&a, 0) {
        Value::String(s) => parse_duration(s).unwrap_or(0),
        Value::Int(n, crate::value::IntKind::Int64) => *n,
        other => match as_time(other) {
            Some(t) => GoTime::now().sub(t),
            None => 0,
        },
    };
    let u = d.unsigned_abs();
    let hour = 3600 * SECOND as u64;
    let units: [(u64, &str); 6] = [
        (hour * 24 * 365, "y"),
        (hour * 24 * 30, "mo"),
        (hour * 24, "d"),
        (hour, "h"),
        (60 * SECOND as u64, "m"),
        (SECOND as u64, "s"),
    ];
    for (size, suffix) in units {
        if u > size {
            return Ok(format!("{}{suffix}", u / size).into());
        }
    }
    Ok("0s".into())
}

fn to_date(a: Vec<Value>) -> Res {
    let local = Loc::local();
    Ok(parse_layout(string(&a, 0), string(&a, 1), &local, &local)
        .unwrap_or_else(|_| GoTime::zero())
        .value())
}

fn must_to_date(a: Vec<Value>) -> Res {
    let local = Loc::local();
    Ok(parse_layout(string(&a, 0), string(&a, 1), &local, &local)?.value())
}

fn unix_epoch(a: Vec<Value>) -> Res {
    Ok(time_param(any(&a, 0))?.secs.to_string().into())
}

pub(super) const FUNCS: &[Func] = &[
    func("now", &[], None, now),
    func("date", &[P::BytesString, P::Any], None, date),
    func("htmlDate", &[P::Any], None, html_date),
    func(
        "htmlDateInZone",
        &[P::Any, P::String],
        None,
        html_date_in_zone,
    ),
    func(
        "dateInZone",
        &[P::BytesString, P::Any, P::String],
        None,
        date_in_zone,
    ),
    func(
        "date_in_zone",
        &[P::BytesString, P::Any, P::String],
        None,
        date_in_zone,
    ),
    func("dateModify", &[P::String, TIME], None, date_modify),
    func("date_modify", &[P::String, TIME], None, date_modify),
    func("mustDateModify", &[P::String, TIME], None, must_date_modify),
    func(
        "must_date_modify",
        &[P::String, TIME],
        None,
        must_date_modify,
    ),
    func("ago", &[P::Any], None, ago),
    func("duration", &[P::Any], None, duration),
    func("durationRound", &[P::Any], None, duration_round),
    func("toDate", &[P::String, P::String], None, to_date),
    func("mustToDate", &[P::String, P::String], None, must_to_date),
    func("unixEpoch", &[TIME], None, unix_epoch),
];
