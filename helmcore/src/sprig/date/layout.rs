//! Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): formatting and parsing.

use chrono::NaiveDate;

use super::time::{Civil, GoTime, Loc, DAYS, MONTHS};
use super::time_quote as quote;

/// One element of a layout.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    /// Numeric zones: (`Z` for UTC?, colons?, minutes?, seconds?).
    Num {
        z: bool,
        colon: bool,
        minutes: bool,
        seconds: bool,
    },
    /// Fractional seconds: separator, digit count, trailing zeros trimmed?
    Frac {
        sep: u8,
        digits: usize,
        trim: bool,
    },
}

/// Splits `layout` into the literal text before its first element, the element and its
/// length (Go's `nextStdChunk`).
fn next_chunk(layout: &str) -> (usize, Option<(Std, usize)>) {
    let b = layout.as_bytes();
    let at = |i: usize, s: &str| layout.get(i..).is_some_and(|r| r.starts_with(s));
    let lower_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_lowercase);
    for i in 0..b.len() {
        let found = match b[i] {
            // A short name followed by a lower-case letter is a word ("Janet",
            // "Monaco"), not an element; Go's layouts read it as text.
            b'J' if at(i, "January") => Some((Std::LongMonth, 7)),
            b'J' if at(i, "Jan") && !lower_at(i + 3) => Some((Std::Month, 3)),
            b'M' if at(i, "Monday") => Some((Std::LongWeekDay, 6)),
            b'M' if at(i, "Mon") && !lower_at(i + 3) => Some((Std::WeekDay, 3)),
            b'M' if at(i, "MST") => Some((Std::TZ, 3)),
            b'0' if matches!(b.get(i + 1), Some(b'1'..=b'6')) => Some((
                [
                    Std::ZeroMonth,
                    Std::ZeroDay,
                    Std::ZeroHour12,
                    Std::ZeroMinute,
                    Std::ZeroSecond,
                    Std::Year,
                ][(b[i + 1] - b'1') as usize],
                2,
            )),
            b'0' if at(i, "002") => Some((Std::ZeroYearDay, 3)),
            b'1' => Some(if at(i, "15") {
                (Std::Hour, 2)
            } else {
                (Std::NumMonth, 1)
            }),
            b'2' => Some(if at(i, "2006") {
                (Std::LongYear, 4)
            } else {
                (Std::Day, 1)
            }),
            b'_' if at(i, "_2") => {
                if at(i, "_2006") {
                    return (i + 1, Some((Std::LongYear, 4)));
                }
                Some((Std::UnderDay, 2))
            }
            b'_' if at(i, "__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if at(i, "PM") => Some((Std::PM, 2)),
            b'p' if at(i, "pm") => Some((Std::Pm, 2)),
            c @ (b'-' | b'Z') => {
                let z = c == b'Z';
                let forms: [(&str, bool, bool, bool); 5] = [
                    ("070000", false, true, true),
                    ("07:00:00", true, true, true),
                    ("0700", false, true, false),
                    ("07:00", true, true, false),
                    ("07", false, false, false),
                ];
                forms
                    .iter()
                    .find(|(f, ..)| at(i + 1, f))
                    .map(|(f, colon, minutes, seconds)| {
                        (
                            Std::Num {
                                z,
                                colon: *colon,
                                minutes: *minutes,
                                seconds: *seconds,
                            },
                            f.len() + 1,
                        )
                    })
            }
            sep @ (b'.' | b',') if matches!(b.get(i + 1), Some(b'0' | b'9')) => {
                let ch = b[i + 1];
                let mut j = i + 1;
                while j < b.len() && b[j] == ch {
                    j += 1;
                }
                if b.get(j).is_some_and(u8::is_ascii_digit) {
                    None
                } else {
                    Some((
                        Std::Frac {
                            sep,
                            digits: j - i - 1,
                            trim: ch == b'9',
                        },
                        j - i,
                    ))
                }
            }
            _ => None,
        };
        if let Some(found) = found {
            return (i, Some(found));
        }
    }
    (b.len(), None)
}

fn pad(out: &mut String, v: i64, width: usize) {
    if v < 0 {
        out.push('-');
    }
    out.push_str(&format!("{:0width$}", v.unsigned_abs(), width = width));
}

/// Go's `Time.Format`.
pub(crate) fn format_layout(c: &Civil, layout: &str) -> String {
    let mut out = String::with_capacity(layout.len() + 10);
    let mut rest = layout;
    loop {
        let (prefix, chunk) = next_chunk(rest);
        out.push_str(&rest[..prefix]);
        let Some((std, len)) = chunk else { break };
        rest = &rest[prefix + len..];
        let hour12 = if c.hour.is_multiple_of(12) {
            12
        } else {
            c.hour % 12
        } as i64;
        match std {
            Std::LongMonth => out.push_str(MONTHS[(c.month as usize + 11) % 12]),
            Std::Month => out.push_str(&MONTHS[(c.month as usize + 11) % 12][..3]),
            Std::NumMonth => pad(&mut out, c.month as i64, 0),
            Std::ZeroMonth => pad(&mut out, c.month as i64, 2),
            Std::LongWeekDay => out.push_str(DAYS[c.weekday as usize % 7]),
            Std::WeekDay => out.push_str(&DAYS[c.weekday as usize % 7][..3]),
            Std::Day => pad(&mut out, c.day as i64, 0),
            Std::UnderDay => out.push_str(&format!("{:>2}", c.day)),
            Std::ZeroDay => pad(&mut out, c.day as i64, 2),
            Std::UnderYearDay => out.push_str(&format!("{:>3}", c.yday)),
            Std::ZeroYearDay => pad(&mut out, c.yday as i64, 3),
            Std::Hour => pad(&mut out, c.hour as i64, 2),
            Std::Hour12 => pad(&mut out, hour12, 0),
            Std::ZeroHour12 => pad(&mut out, hour12, 2),
            Std::Minute => pad(&mut out, c.minute as i64, 0),
            Std::ZeroMinute => pad(&mut out, c.minute as i64, 2),
            Std::Second => pad(&mut out, c.second as i64, 0),
            Std::ZeroSecond => pad(&mut out, c.second as i64, 2),
            Std::LongYear => pad(&mut out, c.year, 4),
            Std::Year => pad(&mut out, c.year % 100, 2),
            Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
            Std::TZ => {
                if c.zone.is_empty() {
                    let zone = c.offset / 60;
                    out.push(if zone < 0 { '-' } else { '+' });
                    pad(&mut out, (zone.abs() / 60) as i64, 2);
                    pad(&mut out, (zone.abs() % 60) as i64, 2);
                } else {
                    out.push_str(&c.zone);
                }
            }
            Std::Num {
                z,
                colon,
                minutes,
                seconds,
            } => {
                if z && c.offset == 0 {
                    out.push('Z');
                    continue;
                }
                let zone = c.offset / 60;
                let abs = c.offset.abs();
                out.push(if zone < 0 { '-' } else { '+' });
                pad(&mut out, (zone.abs() / 60) as i64, 2);
                if minutes {
                    if colon {
                        out.push(':');
                    }
                    pad(&mut out, (zone.abs() % 60) as i64, 2);
                }
                if seconds {
                    if colon {
                        out.push(':');
                    }
                    pad(&mut out, (abs % 60) as i64, 2);
                }
            }
            Std::Frac { sep, digits, trim } => {
                // Go writes at most nine digits, however many the layout has.
                let frac = format!("{:09}", c.nanos);
                let digits_str = &frac[..digits.min(9)];
                if trim {
                    let t = digits_str.trim_end_matches('0');
                    if !t.is_empty() {
                        out.push(sep as char);
                        out.push_str(t);
                    }
                } else {
                    out.push(sep as char);
                    out.push_str(digits_str);
                }
            }
        }
    }
    out
}

/// What parsing collected.
#[derive(Default)]
struct Fields {
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    yday: Option<u32>,
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    pm: Option<bool>,
    offset: Option<i32>,
    zone_name: Option<String>,
}

/// Go's `parseTimeZone`: the length of the zone abbreviation `value` starts with —
/// `ChST` or `MeST`, `GMT` with an optional signed hour, a signed hour alone (`+07`),
/// three upper-case letters, or four or five ending in `T` (and `WITA`).
fn time_zone_len(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if value.starts_with("ChST") || value.starts_with("MeST") {
        return Some(4);
    }
    if let Some(rest) = value.strip_prefix("GMT") {
        return Some(3 + signed_offset_len(rest));
    }
    if matches!(b[0], b'+' | b'-') {
        return Some(signed_offset_len(value)).filter(|&n| n > 0);
    }
    let upper = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match upper {
        3 => Some(3),
        4 if b[3] == b'T' || value.starts_with("WITA") => Some(4),
        5 if b[4] == b'T' => Some(5),
        _ => None,
    }
}

/// Go's `parseSignedOffset`: the length of a sign and an hour up to 23 (`+7`, `-03`);
/// 0 when `value` does not start with one.
fn signed_offset_len(value: &str) -> usize {
    let b = value.as_bytes();
    if !matches!(b.first(), Some(b'+' | b'-')) {
        return 0;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let hours = value[1..1 + digits].parse::<u64>();
    match hours {
        Ok(h) if digits > 0 && h <= 23 => 1 + digits,
        _ => 0,
    }
}

fn take_digits(value: &str, min: usize, max: usize) -> Option<(i64, &str)> {
    let n = value
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if n < min {
        return None;
    }
    Some((value[..n].parse().ok()?, &value[n..]))
}

fn take_name<'a>(value: &'a str, names: &[&str], len: Option<usize>) -> Option<(usize, &'a str)> {
    for (i, name) in names.iter().enumerate() {
        let name = len.map_or(*name, |l| &name[..l]);
        if value.len() >= name.len()
            && value.is_char_boundary(name.len())
            && value[..name.len()].eq_ignore_ascii_case(name)
        {
            return Some((i, &value[name.len()..]));
        }
    }
    None
}

/// Matches the layout's literal text `lit` at the start of `value`, as Go does: a run
/// of spaces in `lit` matches any run of spaces (none included) unless `value` goes on
/// with something else; other bytes must be equal. Gives the rest of `value`, or where
/// it stopped matching (Go's error names that point).
fn skip_literal<'a>(mut value: &'a str, mut lit: &str) -> Result<&'a str, &'a str> {
    while let Some(c) = lit.chars().next() {
        if c == ' ' {
            if value.starts_with(|v| v != ' ') {
                return Err(value);
            }
            lit = lit.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
        } else if value.starts_with(c) {
            lit = &lit[c.len_utf8()..];
            value = &value[c.len_utf8()..];
        } else {
            return Err(value);
        }
    }
    Ok(value)
}

/// Go's `parse(layout, value, defaultLocation, local)` for the common layout elements
/// (`time.Parse` passes UTC and Local, `ParseInLocation(..., loc)` passes `loc` twice).
/// The error is Go's text.
pub(crate) fn parse_layout(
    layout: &str,
    value: &str,
    default: &Loc,
    local: &Loc,
) -> Result<GoTime, String> {
    let err = |elem: &str, rest: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(value),
            quote(layout),
            quote(rest),
            quote(elem)
        )
    };
    let range_err = |what: &str| format!("parsing time {}: {what} out of range", quote(value));
    let mut f = Fields::default();
    let mut lay = layout;
    let mut val = value;
    loop {
        let (prefix, chunk) = next_chunk(lay);
        let lit = &lay[..prefix];
        val = skip_literal(val, lit).map_err(|at| err(lit, at))?;
        let Some((std, len)) = chunk else {
            if !val.is_empty() {
                return Err(format!(
                    "parsing time {}: extra text: {}",
                    quote(value),
                    quote(val)
                ));
            }
            break;
        };
        let elem = &lay[prefix..prefix + len];
        lay = &lay[prefix + len..];
        let before = val;
        let fail = || err(elem, before);
        match std {
            Std::LongYear => {
                let (y, r) = take_digits(val, 4, 4).ok_or_else(fail)?;
                f.year = Some(y);
                val = r;
            }
            Std::Year => {
                let (y, r) = take_digits(val, 2, 2).ok_or_else(fail)?;
                f.year = Some(if y >= 69 { y + 1900 } else { y + 2000 });
                val = r;
            }
            Std::LongMonth | Std::Month => {
                let (m, r) =
                    take_name(val, &MONTHS, (std == Std::Month).then_some(3)).ok_or_else(fail)?;
                f.month = Some(m as u32 + 1);
                val = r;
            }
            Std::LongWeekDay | Std::WeekDay => {
                let (_, r) =
                    take_name(val, &DAYS, (std == Std::WeekDay).then_some(3)).ok_or_else(fail)?;
                val = r;
            }
            Std::NumMonth | Std::ZeroMonth => {
                let min = if std == Std::ZeroMonth { 2 } else { 1 };
                let (m, r) = take_digits(val, min, 2).ok_or_else(fail)?;
                if !(1..=12).contains(&m) {
                    return Err(range_err("month"));
                }
                f.month = Some(m as u32);
                val = r;
            }
            Std::Day | Std::UnderDay | Std::ZeroDay => {
                if std == Std::UnderDay {
                    val = val.strip_prefix(' ').unwrap_or(val);
                }
                let min = if std == Std::ZeroDay { 2 } else { 1 };
                let (d, r) = take_digits(val, min, 2).ok_or_else(fail)?;
                f.day = Some(d as u32);
                val = r;
            }
            Std::UnderYearDay | Std::ZeroYearDay => {
                let v = if std == Std::UnderYearDay {
                    val.trim_start_matches(' ')
                } else {
                    val
                };
                let (d, r) = take_digits(v, 3, 3).ok_or_else(fail)?;
                f.yday = Some(d as u32);
                val = r;
            }
            Std::Hour => {
                // Go reads `15` as one or two digits (only the zero-padded `01`, `02`,
                // `03`, `04`, `05` need two).
                let (h, r) = take_digits(val, 1, 2).ok_or_else(fail)?;
                if h >= 24 {
                    return Err(range_err("hour"));
                }
                f.hour = h as u32;
                val = r;
            }
            Std::Hour12 | Std::ZeroHour12 => {
                let min = if std == Std::ZeroHour12 { 2 } else { 1 };
                let (h, r) = take_digits(val, min, 2).ok_or_else(fail)?;
                if h > 12 {
                    return Err(range_err("hour"));
                }
                f.hour = h as u32;
                val = r;
            }
            Std::Minute | Std::ZeroMinute | Std::Second | Std::ZeroSecond => {
                let min = if matches!(std, Std::ZeroMinute | Std::ZeroSecond) {
                    2
                } else {
                    1
                };
                let (n, r) = take_digits(val, min, 2).ok_or_else(fail)?;
                if n >= 60 {
                    let what = if matches!(std, Std::Minute | Std::ZeroMinute) {
                        "minute"
                    } else {
                        "second"
                    };
                    return Err(range_err(what));
                }
                val = r;
                if matches!(std, Std::Minute | Std::ZeroMinute) {
                    f.minute = n as u32;
                } else {
                    f.second = n as u32;
                    // A fraction the layout does not mention is still accepted.
                    let next_is_frac = matches!(next_chunk(lay), (0, Some((Std::Frac { .. }, _))));
                    if !next_is_frac
                        && val.len() >= 2
                        && matches!(val.as_bytes()[0], b'.' | b',')
                        && val.as_bytes()[1].is_ascii_digit()
                    {
                        let n = val[1..].bytes().take_while(u8::is_ascii_digit).count();
                        f.nanos = frac_nanos(&val[1..1 + n]);
                        val = &val[1 + n..];
                    }
                }
            }
            Std::Frac { digits, trim, .. } => {
                if trim {
                    if val.len() >= 2
                        && matches!(val.as_bytes()[0], b'.' | b',')
                        && val.as_bytes()[1].is_ascii_digit()
                    {
                        let n = val[1..].bytes().take_while(u8::is_ascii_digit).count();
                        f.nanos = frac_nanos(&val[1..1 + n]);
                        val = &val[1 + n..];
                    }
                } else {
                    let ok = val.len() > digits
                        && matches!(val.as_bytes()[0], b'.' | b',')
                        && val.as_bytes()[1..=digits].iter().all(u8::is_ascii_digit);
                    if !ok {
                        return Err(fail());
                    }
                    f.nanos = frac_nanos(&val[1..=digits]);
                    val = &val[1 + digits..];
                }
            }
            Std::PM | Std::Pm => {
                let word = val.get(..2).ok_or_else(fail)?;
                f.pm = Some(match word.to_ascii_uppercase().as_str() {
                    "PM" => true,
                    "AM" => false,
                    _ => return Err(fail()),
                });
                val = &val[2..];
            }
            Std::TZ => {
                if val.starts_with("UTC") {
                    f.offset = Some(0);
                    f.zone_name = Some("UTC".into());
                    val = &val[3..];
                } else {
                    let n = time_zone_len(val).ok_or_else(fail)?;
                    f.zone_name = Some(val[..n].to_string());
                    val = &val[n..];
                }
            }
            Std::Num {
                z,
                colon,
                minutes,
                seconds,
            } => {
                if z && val.starts_with('Z') {
                    f.offset = Some(0);
                    f.zone_name = Some("UTC".into());
                    val = &val[1..];
                    continue;
                }
                let sign = match val.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return Err(fail()),
                };
                let mut r = &val[1..];
                let (h, rr) = take_digits(r, 2, 2).ok_or_else(fail)?;
                r = rr;
                let mut m = 0;
                let mut s = 0;
                if minutes {
                    if colon {
                        r = r.strip_prefix(':').ok_or_else(fail)?;
                    }
                    let (mm, rr) = take_digits(r, 2, 2).ok_or_else(fail)?;
                    m = mm;
                    r = rr;
                }
                if seconds {
                    if colon {
                        r = r.strip_prefix(':').ok_or_else(fail)?;
                    }
                    let (ss, rr) = take_digits(r, 2, 2).ok_or_else(fail)?;
                    s = ss;
                    r = rr;
                }
                f.offset = Some(sign * (h * 3600 + m * 60 + s) as i32);
                val = r;
            }
        }
    }
    if let Some(pm) = f.pm {
        if pm && f.hour < 12 {
            f.hour += 12;
        } else if !pm && f.hour == 12 {
            f.hour = 0;
        }
    }
    let year = f.year.unwrap_or(0);
    let (month, day) = match (f.yday, f.month, f.day) {
        (Some(yd), _, _) => {
            let date =
                NaiveDate::from_yo_opt(year as i32, yd).ok_or_else(|| range_err("day-of-year"))?;
            use chrono::Datelike;
            (date.month(), date.day())
        }
        (None, m, d) => (m.unwrap_or(1), d.unwrap_or(1)),
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| range_err("day"))?;
    let naive = date
        .and_hms_opt(f.hour, f.minute, f.second)
        .ok_or_else(|| range_err("hour"))?;
    let local_secs = naive.and_utc().timestamp();
    // Which location the time gets, as Go decides it: UTC for a `Z` or `UTC`; a parsed
    // offset keeps `local` when `local` has that offset (and abbreviation) then, else
    // becomes a fixed zone; an abbreviation alone takes the offset `local` gives it, or
    // makes a fixed zone (with the hours of a `GMT+N`); no zone at all is `default`.
    let (offset, loc) = match (f.offset, f.zone_name) {
        (Some(0), Some(name)) if name == "UTC" => (0, Loc::Utc),
        (Some(off), name) => {
            let (local_off, local_name) = local.lookup(local_secs - off as i64);
            let name = name.unwrap_or_default();
            if local_off == off && (name.is_empty() || name == local_name) {
                (off, local.clone())
            } else {
                (off, Loc::Fixed(off, name))
            }
        }
        (None, Some(name)) if name == "UTC" => (0, Loc::Utc),
        (None, Some(name)) => match local.lookup_name(&name, local_secs) {
            Some(off) => (off, local.clone()),
            None => {
                let off = name
                    .strip_prefix("GMT")
                    .filter(|h| !h.is_empty())
                    .and_then(|h| h.trim_start_matches('+').parse::<i32>().ok())
                    .map_or(0, |h| h * 3600);
                (0, Loc::Fixed(off, name))
            }
        },
        (None, None) => (default.offset_for_local(local_secs), default.clone()),
    };
    Ok(GoTime::from_unix(local_secs - offset as i64, f.nanos, loc))
}

/// Nanoseconds from fraction digits (extra digits beyond nine are dropped).
fn frac_nanos(digits: &str) -> u32 {
    let mut s: String = digits.chars().take(9).collect();
    while s.len() < 9 {
        s.push('0');
    }
    s.parse().unwrap_or(0)
}
