//! A semantic version and how Masterminds/semver v3 parses and orders it.

use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

use regex_lite::Regex;

use super::error::{parse_u64, SemverError};

/// A semantic version as Masterminds/semver v3 holds it: the three numbers, the
/// prerelease and metadata strings, and the text it was parsed from.
///
/// Equality and ordering are by semver precedence, as `Version.Compare` defines it:
/// metadata is ignored, so `1.0.0+a == 1.0.0+b`.
///
/// ```
/// use helmcore::semver::Version;
/// let v = Version::parse("v1.2").unwrap();
/// assert_eq!(v.to_string(), "1.2.0");
/// assert_eq!(v.original(), "v1.2");
/// assert!(Version::parse("1.0.0-rc.1").unwrap() < Version::parse("1.0.0").unwrap());
/// ```
/// `Version::default()` is Go's zero `semver.Version`: `0.0.0` with an empty original.
#[derive(Clone, Debug, Default)]
pub struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: String,
    metadata: String,
    original: String,
}

/// `NewVersion`'s lenient grammar: an optional `v`, one to three numbers (leading zeros
/// allowed), then optional prerelease and metadata identifiers.
fn loose_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::ascii_regex(
            r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
        )
    })
}

impl Version {
    /// Masterminds' `NewVersion`: lenient parsing. `v1`, `1.2`, `01.02.03` are accepted
    /// and completed to three numbers; prerelease numeric identifiers must not have
    /// leading zeros.
    ///
    /// ```
    /// use helmcore::semver::Version;
    /// assert_eq!(Version::parse("1.2.3-01").unwrap_err().to_string(), "version segment starts with 0");
    /// assert_eq!(Version::parse("x").unwrap_err().to_string(), "invalid semantic version");
    /// ```
    pub fn parse(v: &str) -> Result<Version, SemverError> {
        let m = loose_regex()
            .captures(v)
            .ok_or(SemverError::InvalidSemVer)?;
        let group = |i: usize| m.get(i).map_or("", |g| g.as_str());
        let number = |s: &str| -> Result<u64, SemverError> {
            if s.is_empty() {
                return Ok(0);
            }
            parse_u64(s.trim_start_matches('.')).map_err(SemverError::Segment)
        };
        let version = Version {
            major: number(group(1))?,
            minor: number(group(2))?,
            patch: number(group(3))?,
            pre: group(5).to_string(),
            metadata: group(8).to_string(),
            original: v.to_string(),
        };
        if !version.pre.is_empty() {
            validate_prerelease(&version.pre, false)?;
        }
        if !version.metadata.is_empty() {
            validate_metadata(&version.metadata, false)?;
        }
        Ok(version)
    }

    /// Masterminds' `StrictNewVersion`: exactly `MAJOR.MINOR.PATCH[-PRE][+META]`, no `v`,
    /// no leading zeros.
    ///
    /// ```
    /// use helmcore::semver::Version;
    /// assert!(Version::parse_strict("1.2.3").is_ok());
    /// assert_eq!(Version::parse_strict("1.2").unwrap_err().to_string(), "invalid semantic version");
    /// assert_eq!(Version::parse_strict("v1.2.3").unwrap_err().to_string(), "invalid characters in version");
    /// ```
    pub fn parse_strict(v: &str) -> Result<Version, SemverError> {
        if v.is_empty() {
            return Err(SemverError::EmptyString);
        }
        let mut parts = v.splitn(3, '.');
        let (Some(major), Some(minor), Some(rest)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(SemverError::InvalidSemVer);
        };
        let (rest, metadata) = match rest.split_once('+') {
            Some((r, m)) => {
                validate_metadata(m, false)?;
                (r, m)
            }
            None => (rest, ""),
        };
        let (patch, pre) = match rest.split_once('-') {
            Some((p, pre)) => {
                validate_prerelease(pre, false)?;
                (p, pre)
            }
            None => (rest, ""),
        };
        for part in [major, minor, patch] {
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(SemverError::InvalidCharacters);
            }
            if part.len() > 1 && part.starts_with('0') {
                return Err(SemverError::SegmentStartsZero);
            }
        }
        Ok(Version {
            major: parse_u64(major).map_err(SemverError::ParseUint)?,
            minor: parse_u64(minor).map_err(SemverError::ParseUint)?,
            patch: parse_u64(patch).map_err(SemverError::ParseUint)?,
            pre: pre.to_string(),
            metadata: metadata.to_string(),
            original: v.to_string(),
        })
    }

    /// Masterminds' `New`: a version from its parts, whose original text is its
    /// canonical form. The parts are taken as given (no validation), as in Go.
    pub fn new(major: u64, minor: u64, patch: u64, pre: &str, metadata: &str) -> Version {
        let mut v = Version {
            major,
            minor,
            patch,
            pre: pre.to_string(),
            metadata: metadata.to_string(),
            original: String::new(),
        };
        v.original = v.to_string();
        v
    }

    pub fn major(&self) -> u64 {
        self.major
    }

    pub fn minor(&self) -> u64 {
        self.minor
    }

    pub fn patch(&self) -> u64 {
        self.patch
    }

    /// The prerelease, without its leading `-` (empty when there is none).
    pub fn prerelease(&self) -> &str {
        &self.pre
    }

    /// The build metadata, without its leading `+` (empty when there is none).
    pub fn metadata(&self) -> &str {
        &self.metadata
    }

    /// The text this version was parsed from (`v1.2`), as `Original()` gives it.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// `IncPatch`: a prerelease drops its prerelease and metadata and keeps its patch
    /// (`1.2.3-rc` → `1.2.3`); a release increments the patch.
    pub fn inc_patch(&self) -> Version {
        let mut next = self.clone();
        next.pre.clear();
        next.metadata.clear();
        if self.pre.is_empty() {
            next.patch = self.patch.wrapping_add(1);
        }
        next.with_original_prefix(self)
    }

    /// `IncMinor`: `1.2.3` → `1.3.0`, dropping prerelease and metadata.
    pub fn inc_minor(&self) -> Version {
        let mut next = self.clone();
        next.pre.clear();
        next.metadata.clear();
        next.patch = 0;
        next.minor = self.minor.wrapping_add(1);
        next.with_original_prefix(self)
    }

    /// `IncMajor`: `1.2.3` → `2.0.0`, dropping prerelease and metadata.
    pub fn inc_major(&self) -> Version {
        let mut next = self.clone();
        next.pre.clear();
        next.metadata.clear();
        next.patch = 0;
        next.minor = 0;
        next.major = self.major.wrapping_add(1);
        next.with_original_prefix(self)
    }

    /// `SetPrerelease`: the same version with another (validated) prerelease.
    ///
    /// `empty_parts`: accept empty dot-separated identifiers (`a..b`), as
    /// Masterminds/semver v3.3 (helm3's) did.
    pub fn set_prerelease(&self, pre: &str, empty_parts: bool) -> Result<Version, SemverError> {
        if !pre.is_empty() {
            validate_prerelease(pre, empty_parts)?;
        }
        let mut next = self.clone();
        next.pre = pre.to_string();
        Ok(next.with_original_prefix(self))
    }

    /// `SetMetadata`: the same version with other (validated) metadata.
    /// (`empty_parts` as for [`set_prerelease`](Self::set_prerelease).)
    pub fn set_metadata(&self, metadata: &str, empty_parts: bool) -> Result<Version, SemverError> {
        if !metadata.is_empty() {
            validate_metadata(metadata, empty_parts)?;
        }
        let mut next = self.clone();
        next.metadata = metadata.to_string();
        Ok(next.with_original_prefix(self))
    }

    /// The derived versions' original text: the canonical form, keeping a leading `v`.
    fn with_original_prefix(mut self, from: &Version) -> Version {
        let prefix = if from.original.starts_with('v') {
            "v"
        } else {
            ""
        };
        self.original = format!("{prefix}{self}");
        self
    }

    /// `Compare`: by major, minor, patch, then prerelease (a release ranks above its
    /// prereleases; identifiers compare numerically when both are numbers, numbers rank
    /// below words). Metadata is ignored.
    pub fn compare(&self, other: &Version) -> Ordering {
        self.major
            .cmp(&other.major)
            .then(self.minor.cmp(&other.minor))
            .then(self.patch.cmp(&other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.pre, &other.pre),
            })
    }
}

/// Compares dot-separated prerelease strings identifier by identifier; a missing
/// identifier ranks below a present one.
pub(crate) fn compare_prerelease(a: &str, b: &str) -> Ordering {
    let mut xs = a.split('.');
    let mut ys = b.split('.');
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return Ordering::Equal,
            (x, y) => match compare_pre_part(x.unwrap_or(""), y.unwrap_or("")) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}

fn compare_pre_part(s: &str, o: &str) -> Ordering {
    if s == o {
        return Ordering::Equal;
    }
    if s.is_empty() {
        return Ordering::Less;
    }
    if o.is_empty() {
        return Ordering::Greater;
    }
    match (parse_u64(s), parse_u64(o)) {
        (Err(_), Err(_)) => s.cmp(o),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        // Equal numbers with different text ("01" vs "1") count as unequal in Go's
        // comparison, which only answers "greater" or "less" here.
        (Ok(x), Ok(y)) => {
            if x > y {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
    }
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// Identifiers must be non-empty, of `[0-9A-Za-z-]`, and numeric ones without a
/// leading zero.
fn validate_prerelease(p: &str, empty_parts: bool) -> Result<(), SemverError> {
    for part in p.split('.') {
        if part.is_empty() {
            if empty_parts {
                continue;
            }
            return Err(SemverError::InvalidPrerelease);
        } else if part.bytes().all(|b| b.is_ascii_digit()) {
            if part.len() > 1 && part.starts_with('0') {
                return Err(SemverError::SegmentStartsZero);
            }
        } else if !part.bytes().all(is_ident_char) {
            return Err(SemverError::InvalidPrerelease);
        }
    }
    Ok(())
}

fn validate_metadata(m: &str, empty_parts: bool) -> Result<(), SemverError> {
    if m.split('.')
        .all(|part| (empty_parts || !part.is_empty()) && part.bytes().all(is_ident_char))
    {
        Ok(())
    } else {
        Err(SemverError::InvalidMetadata)
    }
}

/// `String()`: the canonical form, without a `v` prefix.
impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        if !self.metadata.is_empty() {
            write!(f, "+{}", self.metadata)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Version {
    type Err = SemverError;

    fn from_str(s: &str) -> Result<Version, SemverError> {
        Version::parse(s)
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Version) -> bool {
        self.compare(other) == Ordering::Equal
    }
}

impl Eq for Version {}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Version) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Version) -> Ordering {
        self.compare(other)
    }
}
