//! TOML date-times as BurntSushi reads them: `z`, `t` and spaces become `Z` and `T`,
//! then the text must match one of its Go layouts exactly (two-digit fields, a
//! fraction of any length, offsets up to `±24:60` as Go's `time.Parse` allows); v1.6
//! also takes times without seconds. The value is the `time.Time` it decodes into.

use super::lex::Flavor;
use crate::sprig::date::TomlKind;
use crate::value::Value;

/// The text BurntSushi matches (and quotes in its error).
pub(super) fn normalize(t: &str) -> String {
    t.replace('z', "Z").replace(['t', ' '], "T")
}

/// A cursor over the normalized text.
struct Cur<'a>(&'a [u8]);

impl Cur<'_> {
    fn num(&mut self, width: usize) -> Option<u32> {
        let d = self.0.get(..width)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[width..];
        Some(d.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    }

    fn lit(&mut self, c: u8) -> Option<()> {
        if self.0.first() == Some(&c) {
            self.0 = &self.0[1..];
            return Some(());
        }
        None
    }
}

/// `2006-01-02`.
fn date(c: &mut Cur) -> Option<String> {
    let y = c.num(4)?;
    c.lit(b'-')?;
    let m = c.num(2)?;
    c.lit(b'-')?;
    let d = c.num(2)?;
    // Go's `time.Parse` checks the day against the month (and leap years), as chrono does.
    chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `15:04:05.999999999`, or `15:04` when `seconds` is false.
fn time(c: &mut Cur, seconds: bool) -> Option<String> {
    let h = c.num(2)?;
    c.lit(b':')?;
    let m = c.num(2)?;
    if h > 23 || m > 59 {
        return None;
    }
    if !seconds {
        return Some(format!("{h:02}:{m:02}:00"));
    }
    c.lit(b':')?;
    let s = c.num(2)?;
    if s > 59 {
        return None;
    }
    let mut text = format!("{h:02}:{m:02}:{s:02}");
    if c.0.len() >= 2 && c.0[0] == b'.' && c.0[1].is_ascii_digit() {
        let n = c.0[1..].iter().take_while(|b| b.is_ascii_digit()).count();
        // Go reads nine digits and ignores the rest.
        text.push('.');
        text.push_str(std::str::from_utf8(&c.0[1..1 + n.min(9)]).unwrap_or("0"));
        c.0 = &c.0[1 + n..];
    }
    Some(text)
}

/// `Z07:00`.
fn zone(c: &mut Cur) -> Option<String> {
    if c.lit(b'Z').is_some() {
        return Some("Z".into());
    }
    let z = c.0.get(..6)?;
    if !matches!(z[0], b'+' | b'-') || z[3] != b':' {
        return None;
    }
    let mut digits = Cur(&z[1..]);
    let h = digits.num(2)?;
    digits.lit(b':')?;
    let m = digits.num(2)?;
    if h > 24 || m > 60 {
        return None;
    }
    c.0 = &c.0[6..];
    Some(std::str::from_utf8(z).ok()?.to_owned())
}

/// One layout: a date, a time (with or without seconds), a zone; all of the text.
fn try_layout(s: &str, has_date: bool, seconds: Option<bool>, has_zone: bool) -> Option<String> {
    let mut c = Cur(s.as_bytes());
    let d = if has_date {
        date(&mut c)?
    } else {
        "0000-01-01".into()
    };
    let t = match seconds {
        Some(secs) => {
            if has_date {
                c.lit(b'T')?;
            }
            time(&mut c, secs)?
        }
        None => "00:00:00".into(),
    };
    let z = if has_zone { zone(&mut c)? } else { "Z".into() };
    c.0.is_empty().then(|| format!("{d}T{t}{z}"))
}

/// The date-time `t` means, or `None` when it matches no layout.
pub(super) fn parse(t: &str, flavor: Flavor) -> Option<Value> {
    let s = normalize(t);
    // BurntSushi's layouts in its order, the last three TOML 1.1's.
    let layouts: &[(bool, Option<bool>, bool, TomlKind)] = &[
        (true, Some(true), true, TomlKind::Offset),
        (true, Some(true), false, TomlKind::LocalDatetime),
        (true, None, false, TomlKind::LocalDate),
        (false, Some(true), false, TomlKind::LocalTime),
        (true, Some(false), true, TomlKind::Offset),
        (true, Some(false), false, TomlKind::LocalDatetime),
        (false, Some(false), false, TomlKind::LocalTime),
    ];
    let n = if flavor == Flavor::V1_4 { 4 } else { 7 };
    layouts[..n].iter().find_map(|&(d, secs, z, kind)| {
        try_layout(&s, d, secs, z).map(|text| crate::sprig::date::from_toml_datetime(&text, kind))
    })
}
