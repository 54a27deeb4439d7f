//! Methods of the objects Sprig functions return (`*semver.Version`, `time.Time`), as
//! templates call them; expectations recorded from helm v4.1.4.

use super::*;
use crate::value::{Field, Object};

fn object(v: &Value) -> &dyn Object {
    match v {
        Value::Object(o) => &**o,
        other => panic!("not an object: {other:?}"),
    }
}

/// Calls method `name` on `v`, formatting the result as helm prints it.
fn method(v: &Value, name: &str, args: Vec<Value>) -> String {
    match object(v).call(name, &args) {
        Ok(r) => fmt_v(&r),
        Err(e) => format!("ERR:{e}"),
    }
}

#[test]
fn semver_methods() {
    let v = call("semver", vec![s("v1.2.3-beta.1+meta")]).expect("valid version");
    let other = call("semver", vec![s("1.2.3")]).expect("valid version");
    let cases = [
        ("Major", vec![], "1"),
        ("Minor", vec![], "2"),
        ("Patch", vec![], "3"),
        ("Prerelease", vec![], "beta.1"),
        ("Metadata", vec![], "meta"),
        ("Original", vec![], "v1.2.3-beta.1+meta"),
        ("String", vec![], "1.2.3-beta.1+meta"),
        ("IncPatch", vec![], "1.2.3"),
        ("IncMinor", vec![], "1.3.0"),
        ("IncMajor", vec![], "2.0.0"),
        ("LessThan", vec![other.clone()], "true"),
        ("Compare", vec![other.clone()], "-1"),
        ("SetPrerelease", vec![s("rc.1")], "1.2.3-rc.1+meta"),
        (
            "SetPrerelease",
            vec![s("01")],
            "ERR:version segment starts with 0",
        ),
        // A `[]byte`, which `%v` prints as numbers (helm4: `{{ $v.MarshalJSON }}`).
        (
            "MarshalJSON",
            vec![],
            "[34 49 46 50 46 51 45 98 101 116 97 46 49 43 109 101 116 97 34]",
        ),
        (
            "Major",
            vec![i(1)],
            "ERR:wrong number of args for Major: want 0 got 1",
        ),
    ];
    for (name, args, want) in cases {
        assert_eq!(method(&v, name, args), want, "{name}");
    }
    let equal = call("semver", vec![s("1.2.3-beta.1")]).expect("valid version");
    assert_eq!(method(&v, "Equal", vec![equal]), "true");
    assert_eq!(method(&other, "IncPatch", vec![]), "1.2.4");
    assert_eq!(object(&v).type_name(), "*semver.Version");
    // IncMajor gives a plain semver.Version, without the pointer methods.
    let inc = object(&v).call("IncMajor", &[]).expect("method");
    assert_eq!(inc.type_name(), "semver.Version");
    assert_eq!(inc.kind().as_str(), "struct");
    assert!(matches!(object(&inc).field("Original"), Field::Missing));
    assert!(matches!(object(&v).field("Original"), Field::Method));
    assert_eq!(show("empty", vec![v.clone()]), "false");
    assert_eq!(show("toPrettyJson", vec![v]), "\"1.2.3-beta.1+meta\"");
}

#[test]
fn time_methods() {
    // {{ $t := toDate "2006-01-02 15:04:05.000" "2023-11-14 22:13:20.120" }}
    let t = call(
        "toDate",
        vec![s("2006-01-02 15:04:05.000"), s("2023-11-14 22:13:20.120")],
    )
    .expect("valid date");
    let cases = [
        (
            "Format",
            vec![s("Jan 2, 2006 at 3:04pm (MST)")],
            "Nov 14, 2023 at 10:13pm (UTC)",
        ),
        ("Unix", vec![], "1700000000"),
        ("UnixMilli", vec![], "1700000000120"),
        ("UnixNano", vec![], "1700000000120000000"),
        ("Year", vec![], "2023"),
        ("Month", vec![], "November"),
        ("Day", vec![], "14"),
        ("Hour", vec![], "22"),
        ("Minute", vec![], "13"),
        ("Second", vec![], "20"),
        ("Nanosecond", vec![], "120000000"),
        ("YearDay", vec![], "318"),
        ("Weekday", vec![], "Tuesday"),
        ("IsZero", vec![], "false"),
        ("String", vec![], "2023-11-14 22:13:20.12 +0000 UTC"),
        ("UTC", vec![], "2023-11-14 22:13:20.12 +0000 UTC"),
        (
            "Add",
            vec![Value::int64(3_600_000_000_000)],
            "2023-11-14 23:13:20.12 +0000 UTC",
        ),
    ];
    for (name, args, want) in cases {
        assert_eq!(method(&t, name, args), want, "{name}");
    }
    assert_eq!(fmt_v(&t), "2023-11-14 22:13:20.12 +0000 UTC");
    assert_eq!(t.type_name(), "time.Time");
    assert_eq!(show("typeOf", vec![t.clone()]), "time.Time");
    assert_eq!(show("kindOf", vec![t.clone()]), "struct");
    assert_eq!(
        show("toPrettyJson", vec![t.clone()]),
        "\"2023-11-14T22:13:20.12Z\""
    );
    let zero = call("toDate", vec![s("2006"), s("x")]).expect("zero time");
    assert_eq!(method(&zero, "IsZero", vec![]), "true");
    assert_eq!(show("unixEpoch", vec![zero]), "-62135596800");
}

#[test]
fn objects_are_never_empty() {
    let t = call("toDate", vec![s("2006"), s("x")]).expect("zero time");
    assert_eq!(show("empty", vec![t.clone()]), "false");
    assert_eq!(
        show("default", vec![s("d"), t]),
        "0001-01-01 00:00:00 +0000 UTC"
    );
    assert_eq!(
        show(
            "coalesce",
            vec![Value::Nil, l(vec![]), m(vec![("a", i(1))])]
        ),
        "map[a:1]"
    );
}
