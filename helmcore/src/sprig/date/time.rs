//! Go's `time.Time` as a template value: an instant, the zone it is shown in, and the
//! methods charts call on it.

use std::any::Any;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::engine::func::Param;
use crate::engine::GoRelease;

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike};

use super::duration::SECOND;
use super::layout::format_layout;
use super::zone::Zone;
use crate::value::{Field, IntKind, Kind, Object, Value};

/// Seconds from the first of January of year 1 to the Unix epoch (Go's internal time base).
const UNIX_TO_YEAR_ONE: i64 = 62_135_596_800;

/// Go's `time.RFC3339Nano`: `MarshalJSON`, `MarshalText`, go-yaml v3 and BurntSushi
/// write times in it.
pub(crate) const RFC3339_NANO: &str = "2006-01-02T15:04:05.999999999Z07:00";

/// The Unix time of 1885-01-01 UTC, from which a Go time with a monotonic reading counts
/// its wall-clock seconds.
const WALL_1885: i64 = -2_682_288_000;

/// Where a time is shown: Go's `*time.Location`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Loc {
    Utc,
    /// A fixed offset in seconds east of UTC, with its name (empty for a parsed offset).
    Fixed(i32, String),
    /// A zone from the machine's zoneinfo files (see [`super::zone`]), `Local` among
    /// them.
    Named(Arc<Zone>),
    /// Go's zero `Location` (what `deepCopy` makes of one, its fields being
    /// unexported): named `""`, with no zones, so times in it read as UTC.
    Zero,
}

impl Loc {
    /// Go's `time.LoadLocation`: `""` and `UTC` are UTC, `Local` is the local zone,
    /// anything else a zoneinfo file.
    pub(crate) fn load(name: &str) -> Option<Loc> {
        match name {
            "" | "UTC" => Some(Loc::Utc),
            "Local" => Some(Loc::local()),
            _ => super::zone::load(name).map(Loc::Named),
        }
    }

    /// Go's `time.Local`, as the process would set it up now (`$TZ`, else
    /// `/etc/localtime`; UTC when neither loads).
    pub(crate) fn local() -> Loc {
        super::zone::local().map_or(Loc::Utc, Loc::Named)
    }

    /// The offset and zone abbreviation in effect at Unix time `sec` (Go's `lookup`).
    pub(crate) fn lookup(&self, sec: i64) -> (i32, String) {
        match self {
            Loc::Utc | Loc::Zero => (0, "UTC".into()),
            Loc::Fixed(offset, name) => (*offset, name.clone()),
            Loc::Named(zone) => zone.lookup(sec),
        }
    }

    /// Go's `lookupName`: the offset of a zone of this location abbreviated `name`,
    /// preferring one in effect around `sec`.
    pub(crate) fn lookup_name(&self, name: &str, sec: i64) -> Option<i32> {
        match self {
            Loc::Utc => (name == "UTC").then_some(0),
            Loc::Fixed(offset, n) => (n == name).then_some(*offset),
            Loc::Named(zone) => zone.lookup_name(name, sec),
            Loc::Zero => None,
        }
    }

    /// The offset Go's `time.Date` subtracts from a wall-clock time (read as UTC
    /// seconds) in this location.
    pub(crate) fn offset_for_local(&self, local_secs: i64) -> i32 {
        let (guess, _) = self.lookup(local_secs);
        if guess == 0 {
            return 0;
        }
        self.lookup(local_secs - guess as i64).0
    }

    /// Whether daylight saving time is in effect at Unix time `sec`.
    pub(crate) fn is_dst(&self, sec: i64) -> bool {
        match self {
            Loc::Named(zone) => zone.is_dst(sec),
            Loc::Utc | Loc::Fixed(..) | Loc::Zero => false,
        }
    }

    /// Go's `Location.String()`.
    pub(crate) fn name(&self) -> &str {
        match self {
            Loc::Utc => "UTC",
            Loc::Fixed(_, name) => name,
            Loc::Named(zone) => &zone.name,
            Loc::Zero => "",
        }
    }
}

/// A Go `time.Time`: seconds and nanoseconds since the Unix epoch, its location, and
/// the monotonic clock reading `now` attaches (see `engine::clock`).
#[derive(Clone, Debug, PartialEq)]
pub struct GoTime {
    pub(crate) secs: i64,
    pub(crate) nanos: u32,
    pub(crate) loc: Loc,
    /// Nanoseconds on the monotonic clock: `Time.String()` prints it (`m=+0.048580620`),
    /// `Add` moves it, `Sub` and the comparisons use it when both times have one, and
    /// everything that rebuilds a time (`In`, `UTC`, `Round`, `AddDate`, parsing) drops
    /// it, as in Go.
    pub(crate) mono: Option<i64>,
}

/// The civil fields of a time in its zone.
pub(crate) struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub nanos: u32,
    pub weekday: u32,
    pub yday: u32,
    pub offset: i32,
    pub zone: String,
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

impl GoTime {
    pub(crate) fn from_unix(secs: i64, nanos: u32, loc: Loc) -> GoTime {
        GoTime {
            secs,
            nanos,
            loc,
            mono: None,
        }
    }

    /// Go's zero time, `0001-01-01 00:00:00 +0000 UTC`.
    pub(crate) fn zero() -> GoTime {
        GoTime {
            secs: -62_135_596_800,
            nanos: 0,
            loc: Loc::Utc,
            mono: None,
        }
    }

    pub(crate) fn now() -> GoTime {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        GoTime {
            secs: now.as_secs() as i64,
            nanos: now.subsec_nanos(),
            loc: Loc::local(),
            mono: crate::engine::clock::monotonic_now(),
        }
    }

    pub(crate) fn in_loc(&self, loc: Loc) -> GoTime {
        GoTime {
            loc,
            mono: None,
            ..self.clone()
        }
    }

    /// Adds nanoseconds, as `Time.Add`.
    pub(crate) fn add(&self, d: i64) -> GoTime {
        let total = self.nanos as i64 + d.rem_euclid(SECOND);
        let secs = self
            .secs
            .saturating_add(d.div_euclid(SECOND))
            .saturating_add(total / SECOND);
        // Go keeps a reading only while the wall clock fits the 33 bits of seconds since
        // 1885 that a time with a reading packs, and the reading itself does not overflow.
        let packed = secs
            .checked_sub(WALL_1885)
            .is_some_and(|s| (0..1 << 33).contains(&s));
        GoTime {
            secs,
            nanos: (total % SECOND) as u32,
            loc: self.loc.clone(),
            mono: self.mono.filter(|_| packed).and_then(|m| m.checked_add(d)),
        }
    }

    /// `Time.AddDate`: the civil date moved by whole years, months and days and
    /// normalised as `time.Date` normalises it (October 31 plus one month is December 1),
    /// at the same clock time in the same location.
    fn add_date(&self, years: i64, months: i64, days: i64) -> GoTime {
        let c = self.civil();
        let m0 = (c.month as i64 - 1).saturating_add(months);
        let year = c
            .year
            .saturating_add(years)
            .saturating_add(m0.div_euclid(12));
        let month = m0.rem_euclid(12) as u32 + 1;
        let first = i32::try_from(year)
            .ok()
            .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, 1))
            .map_or(0, |d| {
                d.and_hms_opt(0, 0, 0)
                    .map_or(0, |t| t.and_utc().timestamp())
            });
        let day_offset = (c.day as i64 - 1).saturating_add(days);
        let local_secs = first
            .saturating_add(day_offset.saturating_mul(86_400))
            .saturating_add((c.hour * 3600 + c.minute * 60 + c.second) as i64);
        let offset = self.loc.offset_for_local(local_secs);
        GoTime::from_unix(local_secs - offset as i64, self.nanos, self.loc.clone())
    }

    /// `Time.Truncate` and `Time.Round`: to a multiple of `d` counted from Go's zero
    /// time (January 1 of year 1), not from the Unix epoch.
    fn to_multiple(&self, d: i64, round: bool) -> GoTime {
        let stripped = GoTime {
            mono: None,
            ..self.clone()
        };
        if d <= 0 {
            return stripped;
        }
        let since_zero =
            (self.secs as i128 - GoTime::zero().secs as i128) * SECOND as i128 + self.nanos as i128;
        let r = since_zero.rem_euclid(d as i128) as i64;
        if round && (r as u64) + (r as u64) >= d as u64 {
            stripped.add(d - r)
        } else {
            stripped.add(-r)
        }
    }

    /// `Time.MarshalJSON` (quoted), `MarshalText` and `AppendText`: RFC 3339 with
    /// nanoseconds, for years 0 to 9999.
    fn marshal(&self, method: &str, quoted: bool) -> Result<Vec<u8>, String> {
        if !(0..=9999).contains(&self.civil().year) {
            return Err(format!("Time.{method}: year outside of range [0,9999]"));
        }
        let text = self.format(RFC3339_NANO);
        let text = if quoted { format!("\"{text}\"") } else { text };
        Ok(text.into_bytes())
    }

    /// `Time.MarshalBinary` (and `GobEncode`, `AppendBinary`): a version byte, seconds
    /// since the first of January of year 1 UTC, nanoseconds and the zone offset in
    /// minutes (-1 for UTC itself), big-endian; version 2 adds the offset's odd seconds.
    fn marshal_binary(&self) -> Result<Vec<u8>, String> {
        let (offset_min, odd_secs) = match self.loc {
            Loc::Utc => (-1, 0),
            _ => {
                let (offset, _) = self.loc.lookup(self.secs);
                let minutes = offset / 60;
                if minutes == -1 || i16::try_from(minutes).is_err() {
                    return Err("Time.MarshalBinary: unexpected zone offset".into());
                }
                (minutes as i16, (offset % 60) as i8)
            }
        };
        let version: u8 = if odd_secs != 0 { 2 } else { 1 };
        let mut out = vec![version];
        out.extend_from_slice(&self.secs.wrapping_add(UNIX_TO_YEAR_ONE).to_be_bytes());
        out.extend_from_slice(&(self.nanos as i32).to_be_bytes());
        out.extend_from_slice(&offset_min.to_be_bytes());
        if version == 2 {
            out.push(odd_secs as u8);
        }
        Ok(out)
    }

    /// Nanoseconds from `other` to `self` (saturating, as `Time.Sub`), on the monotonic
    /// clock when both have a reading.
    pub(crate) fn sub(&self, other: &GoTime) -> i64 {
        if let (Some(a), Some(b)) = (self.mono, other.mono) {
            return (a as i128 - b as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        }
        let secs = self.secs as i128 - other.secs as i128;
        let ns = secs * SECOND as i128 + self.nanos as i128 - other.nanos as i128;
        ns.clamp(i64::MIN as i128, i64::MAX as i128) as i64
    }

    pub(crate) fn civil(&self) -> Civil {
        // An empty zone name prints as Go prints it, `-0700` style (`format_layout`).
        let (offset, zone) = self.loc.lookup(self.secs);
        let local = self.secs.saturating_add(offset as i64);
        let dt = DateTime::from_timestamp(local, 0)
            .map(|d| d.naive_utc())
            .unwrap_or(NaiveDateTime::MIN);
        Civil {
            year: dt.year() as i64,
            month: dt.month(),
            day: dt.day(),
            hour: dt.hour(),
            minute: dt.minute(),
            second: dt.second(),
            nanos: self.nanos,
            weekday: dt.weekday().num_days_from_sunday(),
            yday: dt.ordinal(),
            offset,
            zone,
        }
    }

    pub(crate) fn format(&self, layout: &str) -> String {
        format_layout(&self.civil(), layout)
    }

    /// `Time.Format` with a layout that is not valid UTF-8: Go copies its invalid bytes
    /// as text, so they come back in the result (a byte string).
    pub(crate) fn format_bytes(&self, layout: &[u8]) -> Value {
        crate::value::escape::unescape(self.format_escaped(layout))
    }

    /// [`GoTime::format`] over a byte layout, its invalid bytes escaped in the result
    /// (see `value::escape`).
    fn format_escaped(&self, layout: &[u8]) -> String {
        let mut escaped = String::new();
        crate::value::escape::push_escaped(&mut escaped, layout);
        self.format(&escaped)
    }

    /// `Time.String()`: the monotonic reading last, in seconds with nine decimals.
    pub(crate) fn go_string(&self) -> String {
        let mut s = self.format("2006-01-02 15:04:05.999999999 -0700 MST");
        if let Some(m) = self.mono {
            let sign = if m < 0 { '-' } else { '+' };
            let m = m.unsigned_abs();
            let _ = write!(s, " m={sign}{}.{:09}", m / 1_000_000_000, m % 1_000_000_000);
        }
        s
    }

    pub(crate) fn value(self) -> Value {
        Value::Object(Arc::new(self))
    }
}

/// Go's `*time.Location` (what `.Location` gives and `.In` takes): printed by its
/// `String` method, its name; `toJson` writes `{}` (no exported fields).
impl Object for Loc {
    fn type_name(&self) -> Cow<'_, str> {
        "*time.Location".into()
    }

    fn kind(&self) -> Kind {
        Kind::Ptr
    }

    fn field(&self, name: &str) -> Field {
        if name == "String" {
            Field::Method
        } else {
            Field::Missing
        }
    }

    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        (name == "String").then_some(&[])
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        no_args(name, args)?;
        Ok(self.name().into())
    }

    fn format(&self, out: &mut String) {
        out.push_str(self.name());
    }

    /// Go compares the pointers: the shared locations (`UTC`, `Local`, a loaded zone)
    /// equal themselves, every copied one only itself (the same handle).
    fn eq_object(&self, other: &dyn Object) -> bool {
        *self != Loc::Zero && other.as_any().downcast_ref::<Loc>() == Some(self)
    }

    fn deep_copy(&self) -> Option<Value> {
        Some(Value::Object(Arc::new(Loc::Zero)))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn no_args(name: &str, args: &[Value]) -> Result<(), String> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {name}: want 0 got {}",
            args.len()
        ))
    }
}

const METHODS: &[&str] = &[
    "String",
    "Format",
    "Unix",
    "UnixMilli",
    "UnixMicro",
    "UnixNano",
    "UTC",
    "Local",
    "Year",
    "Month",
    "Day",
    "Hour",
    "Minute",
    "Second",
    "Nanosecond",
    "YearDay",
    "Weekday",
    "IsZero",
    "Add",
    "Sub",
    "In",
    "Location",
    "Before",
    "After",
    "Equal",
    "AddDate",
    "Truncate",
    "Round",
    "IsDST",
    "GoString",
    "Compare",
    "MarshalJSON",
    "MarshalText",
    "MarshalBinary",
    "GobEncode",
    "AppendFormat",
    "AppendBinary",
    "AppendText",
    "Date",
    "Clock",
    "ISOWeek",
    "Zone",
    "ZoneBounds",
];

/// A method's `[]byte` result.
fn bytes(result: Result<Vec<u8>, String>) -> Result<Value, String> {
    result.map(|b| crate::value::byte_slice::value(&b))
}

/// The bytes of a `[]byte` argument (nil: none) followed by `tail`, as Go's `Append*`
/// methods give them.
fn appended(dst: &Value, tail: Vec<u8>) -> Vec<u8> {
    match dst {
        Value::Object(o) => [o.as_go_bytes().unwrap_or_default(), &tail].concat(),
        _ => tail,
    }
}

/// The single argument of method `name`.
fn one_arg<'a>(args: &'a [Value], name: &str) -> Result<&'a Value, String> {
    match args {
        [arg] => Ok(arg),
        _ => Err(format!(
            "wrong number of args for {name}: want 1 got {}",
            args.len()
        )),
    }
}

fn time_arg<'a>(args: &'a [Value], name: &str) -> Result<&'a GoTime, String> {
    let arg = one_arg(args, name)?;
    as_time(arg).ok_or_else(|| {
        format!(
            "wrong type for value; expected time.Time; got {}",
            arg.type_name()
        )
    })
}

/// The time a value holds, if it is one.
pub(crate) fn as_time(v: &Value) -> Option<&GoTime> {
    v.downcast()
}

impl Object for GoTime {
    fn type_name(&self) -> Cow<'_, str> {
        "time.Time".into()
    }

    fn kind(&self) -> Kind {
        Kind::Struct
    }

    fn field(&self, name: &str) -> Field {
        if METHODS.contains(&name) {
            Field::Method
        } else {
            Field::Missing
        }
    }

    /// `Add` (a `time.Duration`) and `In` (a `*time.Location`) check their own arguments.
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        match name {
            "Format" => Some(&[Param::BytesString]),
            "Sub" | "Before" | "After" | "Equal" | "Compare" => Some(&[Param::Struct("time.Time")]),
            "In" => Some(&[Param::Struct("*time.Location")]),
            "Add" | "Truncate" | "Round" => Some(&[Param::Duration]),
            "AddDate" => Some(&[Param::Int, Param::Int, Param::Int]),
            "AppendFormat" => Some(&[Param::Struct("[]uint8"), Param::BytesString]),
            "AppendBinary" | "AppendText" => Some(&[Param::Struct("[]uint8")]),
            _ if METHODS.contains(&name) => Some(&[]),
            _ => None,
        }
    }

    /// Go 1.24 added `AppendBinary` and `AppendText` (helm4 has them, helm3 not).
    fn method_go_release(&self, name: &str) -> Option<GoRelease> {
        matches!(name, "AppendBinary" | "AppendText").then_some(GoRelease::Go1_25)
    }

    /// The methods with several results, which Go's executor refuses to call.
    fn method_signature_error(&self, name: &str) -> Option<String> {
        let second = match name {
            "Date" | "Clock" => {
                return Some(format!(
                    "function {name} has 3 return values; should be 1 or 2"
                ))
            }
            "ISOWeek" | "Zone" => "int",
            "ZoneBounds" => "time.Time",
            _ => return None,
        };
        Some(format!(
            "invalid function signature for {name}: second return value should be error; is {second}"
        ))
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        if let Some(why) = self.method_signature_error(name) {
            return Err(why);
        }
        let c = || self.civil();
        match name {
            "Format" => match args {
                [Value::String(layout)] => Ok(self.format(layout).into()),
                [Value::Bytes(layout)] => Ok(self.format_bytes(layout)),
                [other] => Err(format!(
                    "wrong type for value; expected string; got {}",
                    other.type_name()
                )),
                _ => Err(format!(
                    "wrong number of args for Format: want 1 got {}",
                    args.len()
                )),
            },
            "Add" | "Truncate" | "Round" => {
                let d = match args {
                    [Value::Int(d, _)] => *d,
                    _ => return Err("wrong type for value; expected time.Duration".into()),
                };
                Ok(match name {
                    "Add" => self.add(d),
                    _ => self.to_multiple(d, name == "Round"),
                }
                .value())
            }
            "AddDate" => match args {
                [Value::Int(y, _), Value::Int(m, _), Value::Int(d, _)] => {
                    Ok(self.add_date(*y, *m, *d).value())
                }
                _ => Err(format!(
                    "wrong number of args for AddDate: want 3 got {}",
                    args.len()
                )),
            },
            "Sub" => time_arg(args, name).map(|o| Value::Int(self.sub(o), IntKind::Duration)),
            "Compare" => time_arg(args, name).map(|o| Value::int(self.sub(o).signum())),
            "MarshalJSON" => no_args(name, args).and_then(|_| bytes(self.marshal(name, true))),
            "MarshalText" => no_args(name, args).and_then(|_| bytes(self.marshal(name, false))),
            "MarshalBinary" | "GobEncode" => {
                no_args(name, args).and_then(|_| bytes(self.marshal_binary()))
            }
            "AppendFormat" => match args {
                [dst, Value::String(layout)] => {
                    bytes(Ok(appended(dst, self.format(layout).into_bytes())))
                }
                [dst, Value::Bytes(layout)] => {
                    let text = self.format_escaped(layout);
                    bytes(Ok(appended(
                        dst,
                        crate::value::escape::unescape_bytes(&text),
                    )))
                }
                _ => Err(format!(
                    "wrong number of args for AppendFormat: want 2 got {}",
                    args.len()
                )),
            },
            "AppendText" => one_arg(args, name)
                .and_then(|dst| bytes(self.marshal(name, false).map(|t| appended(dst, t)))),
            "AppendBinary" => one_arg(args, name)
                .and_then(|dst| bytes(self.marshal_binary().map(|t| appended(dst, t)))),
            "Before" => time_arg(args, name).map(|o| (self.sub(o) < 0).into()),
            "After" => time_arg(args, name).map(|o| (self.sub(o) > 0).into()),
            "Equal" => time_arg(args, name).map(|o| (self.sub(o) == 0).into()),
            "In" => match args.first().and_then(Value::downcast::<Loc>) {
                Some(loc) => Ok(self.in_loc(loc.clone()).value()),
                None => Err("time: missing Location in call to Time.In".into()),
            },
            _ => {
                no_args(name, args)?;
                Ok(match name {
                    "String" => self.go_string().into(),
                    "Unix" => Value::int64(self.secs),
                    "UnixMilli" => {
                        Value::int64(self.secs.saturating_mul(1000) + self.nanos as i64 / 1_000_000)
                    }
                    "UnixMicro" => {
                        Value::int64(self.secs.saturating_mul(1_000_000) + self.nanos as i64 / 1000)
                    }
                    "UnixNano" => Value::int64(
                        self.secs
                            .wrapping_mul(SECOND)
                            .wrapping_add(self.nanos as i64),
                    ),
                    "UTC" => self.in_loc(Loc::Utc).value(),
                    "Local" => self.in_loc(Loc::local()).value(),
                    "Year" => Value::int(c().year),
                    "Month" => Value::Int(c().month as i64, IntKind::Month),
                    "Day" => Value::int(c().day as i64),
                    "Hour" => Value::int(c().hour as i64),
                    "Minute" => Value::int(c().minute as i64),
                    "Second" => Value::int(c().second as i64),
                    "Nanosecond" => Value::int(self.nanos as i64),
                    "YearDay" => Value::int(c().yday as i64),
                    "Weekday" => Value::Int(c().weekday as i64, IntKind::Weekday),
                    "IsDST" => self.loc.is_dst(self.secs).into(),
                    "GoString" => Object::go_string(self).unwrap_or_default().into(),
                    "IsZero" => (self.secs == GoTime::zero().secs && self.nanos == 0).into(),
                    "Location" => Value::Object(Arc::new(self.loc.clone())),
                    _ => return Err(format!("can't evaluate field {name} in type time.Time")),
                })
            }
        }
    }

    fn format(&self, out: &mut String) {
        out.push_str(&self.go_string());
    }

    fn is_stringer(&self) -> bool {
        true
    }

    /// `time.Date(2021, time.March, 4, 0, 0, 0, 0, time.Local)`: Go names `UTC` and
    /// `Local` by their variables and any other location by its name.
    fn go_string(&self) -> Option<String> {
        let c = self.civil();
        let month = MONTHS[(c.month as usize + 11) % 12];
        let loc = match &self.loc {
            Loc::Utc => "time.UTC".to_string(),
            Loc::Named(zone) if zone.name == "Local" => "time.Local".to_string(),
            other => format!("time.Location({})", crate::gofmt::quote(other.name())),
        };
        Some(format!(
            "time.Date({}, time.{month}, {}, {}, {}, {}, {}, {loc})",
            c.year, c.day, c.hour, c.minute, c.second, self.nanos
        ))
    }

    /// `encoding/json` marshals a time as RFC 3339 with nanoseconds.
    fn to_data(&self) -> Option<Value> {
        Some(self.format(RFC3339_NANO).into())
    }

    fn eq_object(&self, other: &dyn Object) -> bool {
        other
            .as_any()
            .downcast_ref::<GoTime>()
            .is_some_and(|o| o == self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
