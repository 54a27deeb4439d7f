//! TOML documents to [`Value`]s, as BurntSushi/toml's `Unmarshal` into a
//! `map[string]interface{}` gives them: integers are `int64`, floats `float64`, tables
//! maps, arrays lists, date-times `time.Time`. Parsing is the `toml` crate's.

use super::TomlError;
use crate::value::{Map, Value};

pub(crate) fn decode(src: &str) -> Result<Map, TomlError> {
    let table: toml::Table = src.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1);
        let msg = e.message().trim_end().to_owned();
        TomlError::Parse(match line {
            Some(l) => format!("toml: line {l}: {msg}"),
            None => format!("toml: {msg}"),
        })
    })?;
    Ok(table_to_map(&table))
}

fn table_to_map(t: &toml::Table) -> Map {
    Map::from_entries(t.iter().map(|(k, v)| (k.as_str().into(), value(v))))
}

fn value(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(n) => Value::int64(*n),
        toml::Value::Float(f) => Value::Float(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => {
            use crate::sprig::date::TomlKind;
            let kind = match (d.date, d.time, d.offset) {
                (Some(_), Some(_), Some(_)) => TomlKind::Offset,
                (Some(_), Some(_), None) => TomlKind::LocalDatetime,
                (Some(_), None, _) => TomlKind::LocalDate,
                (None, _, _) => TomlKind::LocalTime,
            };
            crate::sprig::date::from_toml_datetime(&datetime_text(d), kind)
        }
        toml::Value::Array(items) => Value::list(items.iter().map(value).collect()),
        toml::Value::Table(t) => Value::Map(table_to_map(t)),
    }
}

/// A TOML date-time as RFC 3339 text: local dates and times at offset `Z`, a time
/// alone on `0000-01-01` (the date Go's `time.Parse` gives it).
fn datetime_text(d: &toml::value::Datetime) -> String {
    let date = d
        .date
        .map(|x| format!("{:04}-{:02}-{:02}", x.year, x.month, x.day))
        .unwrap_or_else(|| "0000-01-01".into());
    let time = d
        .time
        .map(|t| {
            let mut s = format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second.unwrap_or(0));
            let nanos = t.nanosecond.unwrap_or(0);
            if nanos != 0 {
                let frac = format!("{nanos:09}");
                s.push('.');
                s.push_str(frac.trim_end_matches('0'));
            }
            s
        })
        .unwrap_or_else(|| "00:00:00".into());
    let offset = match d.offset {
        None | Some(toml::value::Offset::Z) => "Z".to_owned(),
        Some(toml::value::Offset::Custom { minutes }) => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let m = minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", m / 60, m % 60)
        }
    };
    format!("{date}T{time}{offset}")
}
