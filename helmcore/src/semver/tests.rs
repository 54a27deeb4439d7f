//! Expectations recorded from helm v4.1.4 (`semver`, `semverCompare` in a template).

use super::*;

/// Constraints checked against every version of [`VERSIONS`]; `MATRIX[i]` holds helm's
/// answers for `CONSTRAINTS[i]`, one digit per version.
const CONSTRAINTS: &[&str] = &[
    "1.2.3",
    "=1.2.3",
    "!=1.2.3",
    ">1.2.3",
    "<1.2.3",
    ">=1.2.3",
    "<=1.2.3",
    "=>1.2.3",
    "=<1.2.3",
    "~1.2.3",
    "~>1.2.3",
    "^1.2.3",
    "^0.2.3",
    "^0.0.3",
    "^0.0",
    "^0",
    "^0.x",
    "^1.x",
    "~1",
    "~1.2",
    "~0",
    "~0.0.0",
    "~*",
    "1.x",
    "1.2.x",
    "*",
    "x",
    "X",
    "1.*",
    ">1",
    ">1.2",
    ">1.x",
    ">=1.x",
    "<1.x",
    "<=1.x",
    "<=1.2",
    "<=1",
    "!=1.x",
    "!=1.2.x",
    "!=1.2.x-beta",
    ">=1.2.3-beta",
    "^1.2.3-alpha.1",
    "~1.2.3-beta",
    "1.2.3-beta",
    ">=1.20",
    ">=1.20-0",
    ">=1.19.0-0 <1.30.0-0",
    "1.2 - 1.4.5",
    "1.2.3 - 2",
    ">= 1.2, < 2",
    ">=1.2 <2 || 3.x",
    "v1.2.3",
    ">=v1.2",
    "1.2.3+meta",
    "<1.2.3-0",
    "> 1.0",
    "  >=1.0 ",
    "1.2.3-beta - 2.0",
    "^0.0.0",
    "~0.1",
    "!=1",
    ">0.x",
    "<=0.x",
    "^1.2.x",
    "~1.x",
    ">=1.2.3-0, <=1.2.3",
    "!=1.2.3-beta",
    "=1.2",
    "1.2.3 || 2.x || >=3.5",
    "<2.0.0-0",
    ">1.2.3-alpha <1.2.3",
    "01.2.3",
    ">=1.2.3 , <2",
];

const VERSIONS: &[&str] = &[
    "1.2.3",
    "1.2.4",
    "1.3.0",
    "1.2.2",
    "2.0.0",
    "0.2.3",
    "0.2.4",
    "0.3.0",
    "0.0.3",
    "0.0.4",
    "0.1.0",
    "1.0.0",
    "0.0.0",
    "1.2.3-beta",
    "1.2.3-alpha",
    "1.2.3-alpha.2",
    "1.2.3-beta.2",
    "1.2.4-beta",
    "1.20.0",
    "1.19.9",
    "1.20.0-rc.1",
    "1.31.0-gke.100",
    "v1.25.3",
    "1.2",
    "3.1.0",
    "3.5.0-rc",
    "1.2.3+meta",
    "1.4.5",
    "1.4.6",
    "1.1.9",
    "1.9.9",
    "4.0.0",
    "1.2.3-0",
    "0.0.0-0",
];

const MATRIX: &[&str] = &[
    "1000000000000000000000000010000000",
    "1000000000000000000000000010000000",
    "0111111111111000001100111001111100",
    "0110100000000000001100101001101100",
    "0001011111111000000000010000010000",
    "1110100000000000001100101011101100",
    "1001011111111000000000010010010000",
    "1110100000000000001100101011101100",
    "1001011111111000000000010010010000",
    "1100000000000000000000000010000000",
    "1100000000000000000000000010000000",
    "1110000000000000001100100011101000",
    "0000011000000000000000000000000000",
    "0000000010000000000000000000000000",
    "0000000011001000000000000000000000",
    "0000011111101000000000000000000000",
    "0000011111101000000000000000000000",
    "1111000000010000001100110011111000",
    "1111000000010000001100110011111000",
    "1101000000000000000000010010000000",
    "0000011111101000000000000000000000",
    "1111111111111000001100111011111100",
    "1111111111111000001100111011111100",
    "1111000000010000001100110011111000",
    "1101000000000000000000010010000000",
    "1111111111111000001100111011111100",
    "1111111111111000001100111011111100",
    "1111111111111000001100111011111100",
    "1111000000010000001100110011111000",
    "0000100000000000000000001000000100",
    "0010100000000000001100101001101100",
    "0000100000000000000000001000000100",
    "1111100000010000001100111011111100",
    "0000011111101000000000000000000000",
    "1111011111111000001100110011111000",
    "1101011111111000000000010010010000",
    "1111011111111000001100110011111000",
    "0000111111101000000000001000000100",
    "0010111111111000001100101001111100",
    "1111111111111011101111111111111111",
    "1110100000000100111111101111101100",
    "1110000000000101111111100011101000",
    "1100000000000100110000000010000000",
    "0000000000000100000000000000000000",
    "0000100000000000001000101000000100",
    "0000100000000000001011101100000100",
    "0000000000000000001110100000000000",
    "1111000000000000000000010011000000",
    "1110100000000000001100100011101000",
    "1111000000000000001100110011101000",
    "1111000000000000001100111011101000",
    "1000000000000000000000000010000000",
    "1111100000000000001100111011101100",
    "1000000000000000000000000010000000",
    "0001011111111000000000010000010001",
    "1111100000000000001100111011111100",
    "1111100000010000001100111011111100",
    "1110100000000100111111100011101000",
    "0000000000001000000000000000000000",
    "0000000000100000000000000000000000",
    "0000111111101000000000001000000100",
    "1111100000010000001100111011111100",
    "0000011111101000000000000000000000",
    "1111000000000000001100110011101000",
    "1111000000010000001100110011111000",
    "1000000000000111100000000010000010",
    "1111111111111011111111111111111111",
    "1101000000000000000000010010000000",
    "1000100000000000000000000010000100",
    "1111011111111111111111110011111011",
    "0000000000000101100000000000000000",
    "1000000000000000000000000010000000",
    "1110000000000000001100100011101000",
];

/// `semver X`: `String|Original|Major.Minor.Patch|Prerelease|Metadata`, or `ERR:` and the error.
const PARSED: &[(&str, &str)] = &[("1.2.3", "1.2.3|1.2.3|1.2.3||"),
("v1.2.3", "1.2.3|v1.2.3|1.2.3||"),
("V1.2.3", "ERR:invalid semantic version"),
("1", "1.0.0|1|1.0.0||"),
("1.2", "1.2.0|1.2|1.2.0||"),
("v1", "1.0.0|v1|1.0.0||"),
("01.02.03", "1.2.3|01.02.03|1.2.3||"),
("1.2.3.4", "ERR:invalid semantic version"),
("1.2.3-", "ERR:invalid semantic version"),
("1.2.3-beta..1", "ERR:invalid semantic version"),
("1.2.3-01", "ERR:version segment starts with 0"),
("1.2.3-0a", "1.2.3-0a|1.2.3-0a|1.2.3|0a|"),
("1.2.3-beta_1", "ERR:invalid semantic version"),
("1.2.3+", "ERR:invalid semantic version"),
("1.2.3+meta..x", "ERR:invalid semantic version"),
("1.2.3+meta.01", "1.2.3+meta.01|1.2.3+meta.01|1.2.3||meta.01"),
("1.2.3-a-b+c-d", "1.2.3-a-b+c-d|1.2.3-a-b+c-d|1.2.3|a-b|c-d"),
("", "ERR:invalid semantic version"),
(" 1.2.3", "ERR:invalid semantic version"),
("1.2.3 ", "ERR:invalid semantic version"),
("18446744073709551615.0.0", "18446744073709551615.0.0|18446744073709551615.0.0|18446744073709551615.0.0||"),
("18446744073709551616.0.0", "ERR:error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range"),
("1.18446744073709551616", "ERR:error parsing version segment: strconv.ParseUint: parsing \"18446744073709551616\": value out of range"),
("1.2.3-18446744073709551616", "1.2.3-18446744073709551616|1.2.3-18446744073709551616|1.2.3|18446744073709551616|"),
("1.2.x", "ERR:invalid semantic version"),
("1.2-beta", "1.2.0-beta|1.2-beta|1.2.0|beta|"),
("1-beta+meta", "1.0.0-beta+meta|1-beta+meta|1.0.0|beta|meta"),
("v1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5|v1.2.3-rc.1+build.5|1.2.3|rc.1|build.5"),
("1.2.3-0", "1.2.3-0|1.2.3-0|1.2.3|0|"),
("0.0.0", "0.0.0|0.0.0|0.0.0||"),
("1.2.3-alpha.beta.01", "ERR:version segment starts with 0")];

/// `semverCompare X "1.2.3"`.
const CONSTRAINT_RESULTS: &[(&str, &str)] = &[
    ("", "ERR:improper constraint: "),
    ("foo", "ERR:improper constraint: foo"),
    ("1.|", "ERR:constraint parser error"),
    (">=1.2 <", "ERR:improper constraint: >=1.2 <"),
    ("1.2.3 -", "ERR:improper constraint: 1.2.3 -"),
    (">= 1.2,, <2", "ERR:improper constraint: >= 1.2,, <2"),
    (">=1.2,<2", "true"),
    ("1.2||", "ERR:improper constraint: "),
    ("||", "ERR:improper constraint: "),
    (" || 1.2", "ERR:improper constraint:  "),
    (">> 1.2", "ERR:improper constraint: >> 1.2"),
    ("1.2.3.4", "ERR:improper constraint: 1.2.3.4"),
    ("~=1.2", "ERR:improper constraint: ~=1.2"),
    ("1.x.y", "ERR:improper constraint: 1.x.y"),
    ("1x", "ERR:constraint parser error"),
    (">=1.2.3-01", "ERR:constraint parser error"),
    ("1.2 - ", "ERR:improper constraint: 1.2 - "),
    ("1 - 2 - 3", "ERR:improper constraint: >= 1, <= 2 - 3"),
    ("v", "ERR:improper constraint: v"),
    ("=", "ERR:improper constraint: ="),
    ("^", "ERR:improper constraint: ^"),
    (">=1.2\u{0b}", "ERR:improper constraint: >=1.2\u{0b}"),
    ("1.2\t", "true"),
    ("\t1.2", "true"),
    ("*.*.*", "true"),
    ("1.*.3", "true"),
    ("1.2.3-beta+m", "false"),
    ("x.1.2", "true"),
];

#[test]
fn constraint_matrix_matches_helm() {
    let versions: Vec<Version> = VERSIONS
        .iter()
        .map(|v| Version::parse(v).expect("test versions parse"))
        .collect();
    let mut failures = Vec::new();
    for (c, row) in CONSTRAINTS.iter().zip(MATRIX) {
        let parsed = Constraints::parse(c).expect("test constraints parse");
        for ((v, text), want) in versions.iter().zip(VERSIONS).zip(row.chars()) {
            let got = if parsed.check(v) { '1' } else { '0' };
            if got != want {
                failures.push(format!("{c:?} vs {text:?}: want {want} got {got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn describe(v: &str) -> String {
    match Version::parse(v) {
        Ok(v) => format!(
            "{v}|{}|{}.{}.{}|{}|{}",
            v.original(),
            v.major(),
            v.minor(),
            v.patch(),
            v.prerelease(),
            v.metadata()
        ),
        Err(e) => format!("ERR:{e}"),
    }
}

#[test]
fn lenient_parsing_matches_helm() {
    for (input, want) in PARSED {
        assert_eq!(describe(input), *want, "{input:?}");
    }
}

#[test]
fn constraint_parsing_matches_helm() {
    let v = Version::parse("1.2.3").expect("valid");
    for (input, want) in CONSTRAINT_RESULTS {
        let got = match Constraints::parse(input) {
            Ok(c) => c.check(&v).to_string(),
            Err(e) => format!("ERR:{e}"),
        };
        assert_eq!(got, *want, "{input:?}");
    }
}

#[test]
fn strict_parsing() {
    let err = |s: &str| {
        Version::parse_strict(s)
            .map(|v| v.to_string())
            .unwrap_or_else(|e| e.to_string())
    };
    assert_eq!(err("1.2.3-rc.1+b"), "1.2.3-rc.1+b");
    assert_eq!(err(""), "version string empty");
    assert_eq!(err("1.2"), "invalid semantic version");
    assert_eq!(err("v1.2.3"), "invalid characters in version");
    assert_eq!(err("01.2.3"), "version segment starts with 0");
    assert_eq!(
        err("1..3"),
        "strconv.ParseUint: parsing \"\": invalid syntax"
    );
    assert_eq!(err("1.2.3-"), "invalid prerelease string");
    assert_eq!(err("1.2.3+a..b"), "invalid metadata string");
}

#[test]
fn ordering_follows_precedence() {
    let order = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
        "1.0.1",
        "1.1.0",
        "2.0.0",
    ];
    for pair in order.windows(2) {
        let (a, b) = (
            Version::parse(pair[0]).expect("valid"),
            Version::parse(pair[1]).expect("valid"),
        );
        assert!(a < b, "{a} < {b}");
    }
    assert_eq!(Version::parse("1.0.0+a").ok(), Version::parse("v1+b").ok());
}

#[test]
fn increments_keep_the_v_prefix() {
    let v = Version::parse("v1.2.3-rc.1+m").expect("valid");
    assert_eq!(v.inc_patch().original(), "v1.2.3");
    assert_eq!(v.inc_minor().to_string(), "1.3.0");
    assert_eq!(v.inc_major().original(), "v2.0.0");
    assert_eq!(
        Version::parse("1.2.3")
            .expect("valid")
            .inc_patch()
            .to_string(),
        "1.2.4"
    );
    assert_eq!(
        v.set_prerelease("01", false).unwrap_err().to_string(),
        "version segment starts with 0"
    );
}

#[test]
fn display_and_validate() {
    let c = Constraints::parse(">=1.2 <2 || 3.x").expect("valid");
    assert_eq!(c.to_string(), ">=1.2 <2 || 3.x");
    let c = Constraints::parse("1.2 - 1.4.5").expect("valid");
    assert_eq!(c.to_string(), ">=1.2 <=1.4.5");
    let v = Version::parse("1.5.0-rc.1").expect("valid");
    assert_eq!(
        c.validate(&v).unwrap_err(),
        vec!["1.5.0-rc.1 is a prerelease version and the constraint is only looking for release versions".to_string()]
    );
    let mut c = Constraints::parse("^1.2").expect("valid");
    c.include_prerelease = true;
    assert!(c.check(&Version::parse("1.3.0-rc.1").expect("valid")));
}
