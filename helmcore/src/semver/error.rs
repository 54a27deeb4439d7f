//! The errors of version and constraint parsing, worded as Masterminds/semver words them
//! (Helm prints them verbatim: `error calling semver: invalid semantic version`).

use thiserror::Error;

/// Why a version or a constraint string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SemverError {
    /// The string is not a version at all (`ErrInvalidSemVer`).
    #[error("invalid semantic version")]
    InvalidSemVer,
    /// `StrictNewVersion("")`.
    #[error("version string empty")]
    EmptyString,
    /// A strict version has a non-digit in major, minor or patch.
    #[error("invalid characters in version")]
    InvalidCharacters,
    /// A numeric segment (or numeric prerelease identifier) has a leading zero.
    #[error("version segment starts with 0")]
    SegmentStartsZero,
    #[error("invalid metadata string")]
    InvalidMetadata,
    #[error("invalid prerelease string")]
    InvalidPrerelease,
    /// A lenient parse found a number that does not fit `uint64`; holds Go's
    /// `strconv.ParseUint` error text.
    #[error("error parsing version segment: {0}")]
    Segment(String),
    /// A strict parse's `strconv.ParseUint` failure, reported bare as Go does.
    #[error("{0}")]
    ParseUint(String),
    /// A constraint (or one `||` alternative of it) does not have the constraint syntax.
    #[error("improper constraint: {0}")]
    ImproperConstraint(String),
    /// The constraint looked well-formed but its version did not parse (`1.|`).
    #[error("constraint parser error")]
    ConstraintParser,
}

impl SemverError {
    /// The text helm v3 prints for this error: it bundles an older Masterminds/semver,
    /// whose messages were capitalised (`Invalid Semantic Version`, `constraint Parser
    /// Error`). The others read the same.
    ///
    /// ```
    /// use helmcore::semver::SemverError;
    /// assert_eq!(SemverError::InvalidSemVer.helm3_text(), "Invalid Semantic Version");
    /// ```
    pub fn helm3_text(&self) -> String {
        match self {
            SemverError::InvalidSemVer => "Invalid Semantic Version".into(),
            SemverError::SegmentStartsZero => "Version segment starts with 0".into(),
            SemverError::EmptyString => "Version string empty".into(),
            SemverError::InvalidCharacters => "Invalid characters in version".into(),
            SemverError::InvalidMetadata => "Invalid Metadata string".into(),
            SemverError::InvalidPrerelease => "Invalid Prerelease string".into(),
            SemverError::ConstraintParser => "constraint Parser Error".into(),
            other => other.to_string(),
        }
    }
}

/// Go's `strconv.ParseUint(s, 10, 64)`, with its error text on failure.
pub(crate) fn parse_u64(s: &str) -> Result<u64, String> {
    let reason = if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        "invalid syntax"
    } else {
        match s.parse::<u64>() {
            Ok(n) => return Ok(n),
            Err(_) => "value out of range",
        }
    };
    Err(format!(
        "strconv.ParseUint: parsing {}: {reason}",
        go_quote(s)
    ))
}

/// Go's `strconv.Quote` for the (mostly ASCII) strings these errors hold.
fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
