//! Package time's named integer types — `Duration`, `Month`, `Weekday` — which the value
//! model holds as integers of their own [`IntKind`]: arithmetic, comparisons, `toJson` and
//! `%d` see the number, the string verbs and templates print `String()`, and a field
//! access reaches their methods (`{{ ($a.Sub $b).Hours }}`).

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use super::duration::{format_duration, HOUR, MICROSECOND, MILLISECOND, MINUTE, SECOND};
use super::time::{DAYS, MONTHS};
use crate::engine::func::Param;
use crate::value::{Field, IntKind, Kind, Object, Value};

/// `String()` of a named integer type; `None` for the types without one.
pub(crate) fn named_int_string(kind: IntKind, n: i64) -> Option<String> {
    match kind {
        IntKind::Duration => Some(format_duration(n)),
        // Go prints an out-of-range value with a bad-verb style marker.
        IntKind::Month => Some(match n {
            1..=12 => MONTHS[n as usize - 1].to_string(),
            _ => format!("%!Month({n})"),
        }),
        IntKind::Weekday => Some(match n {
            0..=6 => DAYS[n as usize].to_string(),
            _ => format!("%!Weekday({n})"),
        }),
        _ => None,
    }
}

const DURATION_METHODS: &[&str] = &[
    "String",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
    "Microseconds",
    "Nanoseconds",
    "Round",
    "Truncate",
    "Abs",
];

/// Method `name` of the named integer `n`, as an object the executor calls; `None` when
/// its type has no such method.
pub(crate) fn named_int_method(n: i64, kind: IntKind, name: &str) -> Option<Arc<dyn Object>> {
    let known = match kind {
        IntKind::Duration => DURATION_METHODS.contains(&name),
        IntKind::Month | IntKind::Weekday => name == "String",
        _ => false,
    };
    known.then(|| Arc::new(NamedInt { n, kind }) as Arc<dyn Object>)
}

fn duration(n: i64) -> Value {
    Value::Int(n, IntKind::Duration)
}

/// A named integer as the receiver of a method call.
#[derive(Debug)]
struct NamedInt {
    n: i64,
    kind: IntKind,
}

impl Object for NamedInt {
    fn type_name(&self) -> Cow<'_, str> {
        self.kind.name().into()
    }

    fn kind(&self) -> Kind {
        Value::Int(self.n, self.kind).kind()
    }

    fn field(&self, name: &str) -> Field {
        match named_int_method(self.n, self.kind, name) {
            Some(_) => Field::Method,
            None => Field::Missing,
        }
    }

    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        match name {
            "Round" | "Truncate" => Some(&[Param::Duration]),
            _ => Some(&[]),
        }
    }

    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let d = self.n;
        let m = match args {
            [Value::Int(m, IntKind::Duration)] => *m,
            _ => 0,
        };
        // Whole units plus the remainder as a fraction, as Go splits them to keep
        // precision.
        let float = |unit: i64| (d / unit) as f64 + (d % unit) as f64 / unit as f64;
        Ok(match name {
            "Hours" => Value::Float(float(HOUR)),
            "Minutes" => Value::Float(float(MINUTE)),
            "Seconds" => Value::Float(float(SECOND)),
            "Milliseconds" => Value::int64(d / MILLISECOND),
            "Microseconds" => Value::int64(d / MICROSECOND),
            "Nanoseconds" => Value::int64(d),
            "Truncate" if m <= 0 => duration(d),
            "Truncate" => duration(d - d % m),
            "Round" => duration(round(d, m)),
            "Abs" => duration(if d == i64::MIN { i64::MAX } else { d.abs() }),
            _ => named_int_string(self.kind, d).unwrap_or_default().into(),
        })
    }

    fn format(&self, out: &mut String) {
        out.push_str(&named_int_string(self.kind, self.n).unwrap_or_default());
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `Duration.Round`: to the nearest multiple of `m`, halves away from zero, saturating
/// at the ends of the range.
fn round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let r = (d % m).unsigned_abs();
    let less_than_half = r + r < m as u64;
    if d < 0 {
        if less_than_half {
            return d + r as i64;
        }
        d.checked_sub(m - r as i64).unwrap_or(i64::MIN)
    } else {
        if less_than_half {
            return d - r as i64;
        }
        d.checked_add(m - r as i64).unwrap_or(i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_as_go() {
        // Go: time.Duration(254043500000000).Round(time.Second) is 70h34m4s.
        assert_eq!(round(254_043_500_000_000, SECOND), 254_044_000_000_000);
        assert_eq!(round(-1_500, 1_000), -2_000);
        assert_eq!(round(-1_400, 1_000), -1_000);
        assert_eq!(round(i64::MAX - 1, i64::MAX / 2 + 7), i64::MAX);
        assert_eq!(round(5, 0), 5);
    }

    #[test]
    fn out_of_range_months_and_days_print_as_go() {
        assert_eq!(named_int_string(IntKind::Month, 13).unwrap(), "%!Month(13)");
        assert_eq!(named_int_string(IntKind::Weekday, 4).unwrap(), "Thursday");
        assert_eq!(named_int_string(IntKind::Int, 4), None);
    }
}
