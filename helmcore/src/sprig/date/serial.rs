//! `time.Time` in the encoders and decoders that know it: go-yaml v3 (`toYamlPretty`)
//! writes a timestamp, BurntSushi/toml (`toToml`, `fromToml`) a TOML date-time. The JSON
//! path (`toJson`, `toYaml`) goes through `MarshalJSON` and needs nothing here. (Both
//! encoders write a `time.Duration` as its `String()`: `format_duration`.)

use super::layout::parse_layout;
use super::time::{as_time, GoTime, Loc, RFC3339_NANO};
use crate::value::Value;

/// The kinds of TOML date-time. BurntSushi decodes the local ones into fixed zones it
/// names, at the offset `time.Local` has when the process starts, and writes a time in
/// one of those zones back in its kind's layout, converted to UTC first (so a local
/// date-time read on a machine east of UTC comes back earlier).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TomlKind {
    /// `1979-05-27T07:32:00Z`, `1979-05-27T07:32:00-07:00`.
    Offset,
    /// `1979-05-27T07:32:00`.
    LocalDatetime,
    /// `1979-05-27`.
    LocalDate,
    /// `07:32:00`.
    LocalTime,
}

/// The local kinds: their zone's name and the layout BurntSushi writes them in.
const LOCAL_KINDS: [(TomlKind, &str, &str); 3] = [
    (
        TomlKind::LocalDatetime,
        "datetime-local",
        "2006-01-02T15:04:05.999999999",
    ),
    (TomlKind::LocalDate, "date-local", "2006-01-02"),
    (TomlKind::LocalTime, "time-local", "15:04:05.999999999"),
];

/// go-yaml v3's text for a `time.Time`: RFC 3339 with nanoseconds, as a plain scalar.
pub(crate) fn yaml_timestamp(v: &Value) -> Option<String> {
    as_time(v).map(|t| t.format(RFC3339_NANO))
}

/// BurntSushi's TOML text for a `time.Time` (unquoted): a local kind's layout, in UTC,
/// for the zones `fromToml` gives them; RFC 3339 with nanoseconds otherwise.
pub(crate) fn toml_datetime_text(v: &Value) -> Option<String> {
    let t = as_time(v)?;
    if let Loc::Fixed(_, name) = &t.loc {
        if let Some((_, _, layout)) = LOCAL_KINDS.iter().find(|(_, zone, _)| zone == name) {
            return Some(t.in_loc(Loc::Utc).format(layout));
        }
    }
    Some(t.format(RFC3339_NANO))
}

/// The `time.Time` BurntSushi decodes a TOML date-time into, given as RFC 3339 text
/// (local kinds at offset `Z`, a time alone on `0000-01-01`): an offset date-time as
/// `time.ParseInLocation` reads it in `time.Local` (UTC for `Z`, `Local` where the
/// offset is the local zone's, else an unnamed fixed zone); a local kind as the same
/// wall clock in its zone.
pub(crate) fn from_toml_datetime(rfc3339: &str, kind: TomlKind) -> Value {
    let local = Loc::local();
    let Some((_, zone, _)) = LOCAL_KINDS.iter().find(|(k, _, _)| *k == kind) else {
        let t = parse_layout(RFC3339_NANO, rfc3339, &local, &local);
        return t.unwrap_or_else(|_| GoTime::zero()).value();
    };
    let wall = parse_layout(RFC3339_NANO, rfc3339, &Loc::Utc, &Loc::Utc)
        .unwrap_or_else(|_| GoTime::zero());
    let (offset, _) = local.lookup(GoTime::now().secs);
    GoTime::from_unix(
        wall.secs - offset as i64,
        wall.nanos,
        Loc::Fixed(offset, zone.to_string()),
    )
    .value()
}
