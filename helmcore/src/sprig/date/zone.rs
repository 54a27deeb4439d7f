//! Named time zones as Go's `time.LoadLocation` finds them: in the machine's zoneinfo
//! files, not in a database compiled into the binary.
//!
//! Helm has no time zone data of its own, so what `dateInZone "..." $t "EST"` prints
//! depends on the machine's tzdata (since tzdata 2024b `EST` may be a link to
//! `America/Panama`, or still the fixed `-05:00` zone), and on a machine without
//! zoneinfo files every named zone fails to load and Sprig falls back to UTC. Reading the
//! same files the same way gives the same output as helm on the same machine.

use std::sync::Arc;

use tz::timezone::{LocalTimeType, TimeZone};

/// A zone loaded from a TZif file, with the name it was asked for (Go's
/// `Location.String()`).
#[derive(Debug)]
pub(crate) struct Zone {
    pub name: String,
    tz: TimeZone,
    /// The file's footer rule (a POSIX TZ string) alone, which answers for the times
    /// after the last transition.
    rule: Option<TimeZone>,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

/// Where Go's `LoadLocation` looks on Unix, after `$ZONEINFO`.
const PLATFORM_SOURCES: &[&str] = &[
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo/",
];

/// Go's `LoadLocation(name)` for a name other than `""`, `UTC` and `Local`: `None` where
/// Go returns an error (a name with `..` or a leading slash, no such file, a file that is
/// not TZif).
pub(crate) fn load(name: &str) -> Option<Arc<Zone>> {
    // Go refuses any `..` in the name, not only a `..` path element.
    if name.is_empty() || name.starts_with('/') || name.starts_with('\\') || name.contains("..") {
        return None;
    }
    let from_env = std::env::var("ZONEINFO").ok().filter(|d| !d.is_empty());
    let dirs = TEST_ZONEINFO
        .map(str::to_string)
        .into_iter()
        .chain(from_env)
        .chain(PLATFORM_SOURCES.iter().map(|d| d.to_string()));
    for dir in dirs {
        let path = std::path::Path::new(&dir).join(name);
        // Go goes on to the next folder when a file is missing or does not parse.
        let Some(tz) = std::fs::read(&path)
            .ok()
            .and_then(|bytes| TimeZone::from_tz_data(&bytes).ok())
        else {
            continue;
        };
        return Some(Arc::new(Zone::new(name.to_string(), tz)));
    }
    None
}

/// Go's `time.Local` (its `initLocal`): `$TZ` unset reads `/etc/localtime`; `$TZ`
/// empty or `UTC` is UTC; an absolute path (after an optional `:`) is read as is, any
/// other value as a zone name. `None` (UTC) when that fails.
pub(crate) fn local() -> Option<Arc<Zone>> {
    let file = |path: &str, name: &str| {
        let tz = TimeZone::from_tz_data(&std::fs::read(path).ok()?).ok()?;
        Some(Arc::new(Zone::new(name.to_string(), tz)))
    };
    match tz_variable() {
        None => file(&etc_localtime(), "Local"),
        Some(tz) => {
            let tz = tz.strip_prefix(':').unwrap_or(&tz);
            match tz {
                "" | "UTC" => None,
                "/etc/localtime" => file(tz, "Local"),
                path if path.starts_with('/') => file(path, path),
                name => load(name),
            }
        }
    }
}

/// The unit tests read their zones, and their `/etc/localtime` (a copy of `Etc/UTC`),
/// from files committed beside them and ignore `$TZ`, so that they pass on any machine
/// (without tzdata, with another version of it, in another zone).
const TEST_ZONEINFO: Option<&str> = if cfg!(test) {
    Some(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/zoneinfo"
    ))
} else {
    None
};

fn etc_localtime() -> String {
    TEST_ZONEINFO.map_or("/etc/localtime".into(), |d| format!("{d}/localtime"))
}

fn tz_variable() -> Option<String> {
    TEST_ZONEINFO.map_or_else(|| std::env::var("TZ").ok(), |_| None)
}

impl Zone {
    fn new(name: String, tz: TimeZone) -> Zone {
        let rule = tz
            .as_ref()
            .extra_rule()
            .map(|r| TimeZone::new(vec![], vec![LocalTimeType::utc()], vec![], Some(r)));
        Zone {
            name,
            rule: rule.and_then(Result::ok),
            tz,
        }
    }

    /// Go's `Location.lookup(sec)`: the offset east of UTC and the abbreviation in
    /// effect at Unix time `sec`.
    pub(crate) fn lookup(&self, sec: i64) -> (i32, String) {
        self.local_type(sec).map_or((0, "UTC".to_string()), |t| {
            (t.ut_offset(), t.time_zone_designation().to_string())
        })
    }

    /// Whether daylight saving time is in effect at Unix time `sec` (`Time.IsDST`).
    pub(crate) fn is_dst(&self, sec: i64) -> bool {
        self.local_type(sec).is_some_and(LocalTimeType::is_dst)
    }

    /// The zone in effect at Unix time `sec`, chosen as Go's `Location.lookup` does.
    fn local_type(&self, sec: i64) -> Option<&LocalTimeType> {
        let tz = self.tz.as_ref();
        let types = tz.local_time_types();
        let tx = tz.transitions();
        let found = match tx.first() {
            Some(first) if sec >= first.unix_leap_time() => {
                // The last transition at or before `sec`.
                let i = tx.partition_point(|t| t.unix_leap_time() <= sec) - 1;
                // After the last transition, the footer's rule when it has an answer.
                let by_rule = match &self.rule {
                    Some(rule) if i + 1 == tx.len() => rule.find_local_time_type(sec).ok(),
                    _ => None,
                };
                by_rule.or_else(|| types.get(tx[i].local_time_type_index()))
            }
            Some(_) => types.get(first_zone(tx, types)),
            // Go gives a file without transitions one at the beginning of time, so the
            // footer's rule (when there is one) applies everywhere.
            None => match &self.rule {
                Some(rule) => rule.find_local_time_type(sec).ok(),
                None => types.first(),
            },
        };
        found
    }

    /// Go's `lookupName`: the offset of the file's zone abbreviated `name` that is in
    /// effect around `sec`, else of the first zone so abbreviated.
    pub(crate) fn lookup_name(&self, name: &str, sec: i64) -> Option<i32> {
        let types = self.tz.as_ref().local_time_types();
        let named = || types.iter().filter(|t| t.time_zone_designation() == name);
        named()
            .find_map(|t| {
                let (offset, n) = self.lookup(sec - t.ut_offset() as i64);
                (n == name).then_some(offset)
            })
            .or_else(|| named().next().map(LocalTimeType::ut_offset))
    }
}

/// Go's `lookupFirstZone`: the zone for times before the first transition.
fn first_zone(tx: &[tz::timezone::Transition], types: &[LocalTimeType]) -> usize {
    // Case 1: the first zone, when no transition uses it.
    if !tx.iter().any(|t| t.local_time_type_index() == 0) {
        return 0;
    }
    // Case 2: the first transition goes to daylight time: the standard zone before it.
    if let Some(first) = tx.first() {
        let i = first.local_time_type_index();
        if types.get(i).is_some_and(|t| t.is_dst()) {
            if let Some(zi) = (0..i).rev().find(|&zi| !types[zi].is_dst()) {
                return zi;
            }
        }
    }
    // Case 3: the first standard zone; case 4: the first zone.
    types.iter().position(|t| !t.is_dst()).unwrap_or(0)
}
