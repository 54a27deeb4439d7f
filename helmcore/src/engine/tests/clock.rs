//! `now`'s monotonic clock reading. helm v4.1.4 printed, for `{{ now | quote }}` and the
//! like, `"2026-11-28 15:17:43.52235682 +0000 UTC m=+0.048580620"`: the reading in
//! seconds with nine decimals, moved by `Add` and `dateModify` (`m=+3600.048626096`),
//! negative below the clock's zero, and gone after `UTC`, `Local`, `In`, `Round`,
//! `Truncate`, `AddDate`, an `Add` past year 2157 or before 1885, `toJson` and `toYaml`.

use std::time::{Duration, Instant};

use super::*;

/// Executes `src` with the monotonic clock started `secs` seconds ago.
fn run_at(src: &str, secs: u64) -> String {
    let mut set = TemplateSet::new(FuncTable::helm());
    set.add("t", src).unwrap();
    let origin = Instant::now()
        .checked_sub(Duration::from_secs(secs))
        .expect("the machine has been up longer than the test's offset");
    let opts = ExecOptions {
        clock_origin: Some(origin),
        ..ExecOptions::helm()
    };
    set.execute("t", &Value::Nil, &opts).unwrap()
}

/// The reading `out` ends with: its whole seconds with the sign, after checking that nine
/// decimals follow.
fn reading(out: &str) -> Option<&str> {
    let (_, m) = out.rsplit_once(" m=")?;
    let (secs, frac) = m.split_once('.')?;
    assert!(
        frac.len() == 9 && frac.bytes().all(|b| b.is_ascii_digit()),
        "{out}"
    );
    Some(secs)
}

#[test]
fn now_carries_the_reading_that_go_prints() {
    assert_eq!(reading(&run_at("{{ now }}", 7)), Some("+7"));
    assert_eq!(reading(&run_at("{{ now | toString }}", 7)), Some("+7"));
    assert_eq!(reading(&run_at("{{ printf \"%v\" now }}", 7)), Some("+7"));
    assert_eq!(reading(&run_at("{{ now.String }}", 7)), Some("+7"));
    assert_eq!(reading(&run_at("{{ deepCopy now }}", 7)), Some("+7"));
    let listed = run_at("{{ list now }}", 7);
    assert_eq!(reading(listed.trim_end_matches(']')), Some("+7"));
    assert_eq!(
        reading(&run_at("{{ now | dateModify \"1h\" }}", 7)),
        Some("+3607")
    );
    assert_eq!(
        reading(&run_at("{{ now.Add -3600000000000 }}", 7)),
        Some("-3592")
    );
}

#[test]
fn rebuilt_times_drop_the_reading() {
    for src in [
        "{{ now.UTC }}",
        "{{ now.Local }}",
        "{{ now.In now.Location }}",
        "{{ now.Round 0 }}",
        "{{ now.Truncate 1000 }}",
        "{{ now.AddDate 0 0 1 }}",
        "{{ now.Add 8000000000000000000 }}",
        "{{ now.Add -9223372036854775807 }}",
        "{{ now | toJson }}",
        "{{ now | toYaml }}",
        "{{ toDate \"2006-01-02\" \"2020-01-01\" }}",
    ] {
        let out = run_at(src, 7);
        assert!(!out.contains(" m="), "{src}: {out}");
    }
}

#[test]
fn without_an_origin_the_session_start_is_zero() {
    let mut set = TemplateSet::new(FuncTable::helm());
    set.add("t", "{{ now }}").unwrap();
    let out = set.execute("t", &Value::Nil, &ExecOptions::helm()).unwrap();
    assert_eq!(reading(&out), Some("+0"));
}
