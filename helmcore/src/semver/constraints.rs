//! Version constraints (`>=1.20 <2`, `^1.2`, `1.x || 2.0.0-rc.1`) as Masterminds/semver v3
//! parses and checks them.
//!
//! The syntax is defined by Masterminds' regular expressions, and odd inputs are accepted
//! or rejected by exactly those expressions, so the same expressions (RE2 semantics, as
//! the `regex` crate has them) decide here too.

use std::fmt;
use std::sync::OnceLock;

use regex_lite::Regex;

use super::error::SemverError;
use super::version::{compare_prerelease, Version};

/// Go's `\s`: ASCII space, `\t`, `\n`, `\f`, `\r` (not `\v`, unlike Rust's ASCII `\s`).
const WS: &str = r"[\t\n\f\r ]";
/// The operators. The empty alternative is Go's, and makes `1.2.3` mean `=1.2.3`.
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
/// A constraint version: `x`, `X` and `*` wildcards (and, as in Go, a stray `|`).
const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";

struct Grammar {
    /// One constraint: operator and version, and nothing else.
    single: Regex,
    /// A hyphen range `1.2 - 1.4.5`.
    range: Regex,
    /// Finds each constraint of an AND group.
    find: Regex,
    /// A whole AND group: constraints separated by spaces or commas.
    valid: Regex,
}

fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| {
        let re = |s: String| super::ascii_regex(&s);
        Grammar {
            single: re(format!(r"^{WS}*({OPS}){WS}*({CV}){WS}*$")),
            range: re(format!(r"{WS}*({CV}){WS}+-{WS}+({CV}){WS}*")),
            find: re(format!(r"({OPS}){WS}*({CV})")),
            valid: re(format!(
                r"^({WS}*({OPS}){WS}*({CV}){WS}*)((?:{WS}+|,{WS}*)({OPS}){WS}*({CV}){WS}*)*$"
            )),
        }
    })
}

/// A parsed constraint: alternatives (`||`) of AND groups.
///
/// A prerelease version satisfies an AND group only when some constraint of that group
/// names a prerelease itself (or [`Constraints::include_prerelease`] is set).
///
/// ```
/// use helmcore::semver::{Constraints, Version};
/// let c = Constraints::parse(">= 1.20, < 1.30 || ^2").unwrap();
/// assert!(c.check(&Version::parse("1.25.3").unwrap()));
/// assert!(c.check(&Version::parse("2.9").unwrap()));
/// assert!(!c.check(&Version::parse("1.25.0-rc.1").unwrap()));
/// assert_eq!(Constraints::parse("foo").unwrap_err().to_string(), "improper constraint: foo");
/// ```
#[derive(Clone, Debug)]
pub struct Constraints {
    groups: Vec<Group>,
    /// Masterminds' `IncludePrerelease`: let prereleases match every group.
    pub include_prerelease: bool,
}

#[derive(Clone, Debug)]
struct Group {
    constraints: Vec<Constraint>,
    /// Some constraint of the group has a prerelease, which opts the group in to
    /// prerelease versions.
    has_pre: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Op {
    TildeOrEqual,
    NotEqual,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
    Tilde,
    Caret,
}

#[derive(Clone, Debug)]
struct Constraint {
    /// The version compared with, wildcards replaced by zeros.
    con: Version,
    /// The version as written (`4.x`), for messages.
    orig: String,
    /// The operator as written, for `Display`.
    op_text: String,
    op: Op,
    dirty: bool,
    minor_dirty: bool,
    patch_dirty: bool,
}

impl Constraints {
    /// Masterminds' `NewConstraint`.
    pub fn parse(c: &str) -> Result<Constraints, SemverError> {
        let g = grammar();
        let c = rewrite_range(g, c);
        let mut groups = Vec::new();
        for alternative in c.split("||") {
            if !g.valid.is_match(alternative) {
                return Err(SemverError::ImproperConstraint(alternative.to_string()));
            }
            let mut constraints = Vec::new();
            let mut has_pre = false;
            for m in g.find.find_iter(alternative) {
                let parsed = Constraint::parse(g, m.as_str())?;
                has_pre |= !parsed.con.prerelease().is_empty();
                constraints.push(parsed);
            }
            if constraints.is_empty() {
                let parsed = Constraint::parse(g, alternative)?;
                has_pre |= !parsed.con.prerelease().is_empty();
                constraints.push(parsed);
            }
            groups.push(Group {
                constraints,
                has_pre,
            });
        }
        Ok(Constraints {
            groups,
            include_prerelease: false,
        })
    }

    /// `Check`: whether `v` satisfies some alternative.
    pub fn check(&self, v: &Version) -> bool {
        self.groups.iter().any(|group| {
            let include_pre = self.include_prerelease || group.has_pre;
            group
                .constraints
                .iter()
                .all(|c| c.check(v, include_pre).is_ok())
        })
    }

    /// `Validate`: `Ok` when `v` satisfies some alternative, otherwise every reason it
    /// failed, in Masterminds' words (`1.19.0 is less than 1.20`).
    pub fn validate(&self, v: &Version) -> Result<(), Vec<String>> {
        let mut reasons = Vec::new();
        let mut prerelease_reported = false;
        for group in &self.groups {
            let include_pre = self.include_prerelease || group.has_pre;
            let mut ok = true;
            for c in &group.constraints {
                if !include_pre && !v.prerelease().is_empty() {
                    if !prerelease_reported {
                        reasons.push(prerelease_message(v));
                        prerelease_reported = true;
                    }
                    ok = false;
                } else if let Err(reason) = c.check(v, include_pre) {
                    reasons.push(reason);
                    ok = false;
                }
            }
            if ok {
                return Ok(());
            }
        }
        Err(reasons)
    }
}

/// `String()`: each group's constraints joined by spaces, groups by ` || `.
impl fmt::Display for Constraints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.groups.iter().enumerate() {
            if i > 0 {
                f.write_str(" || ")?;
            }
            for (j, c) in group.constraints.iter().enumerate() {
                if j > 0 {
                    f.write_str(" ")?;
                }
                write!(f, "{}{}", c.op_text, c.orig)?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for Constraints {
    type Err = SemverError;

    fn from_str(s: &str) -> Result<Constraints, SemverError> {
        Constraints::parse(s)
    }
}

/// Rewrites each hyphen range `A - B` to `>= A, <= B `, replacing the first occurrence
/// of the matched text each time, as Go does.
fn rewrite_range(g: &Grammar, c: &str) -> String {
    let mut out = c.to_string();
    for caps in g.range.captures_iter(c) {
        let (Some(whole), Some(from), Some(to)) = (caps.get(0), caps.get(1), caps.get(11)) else {
            continue;
        };
        let replacement = format!(">= {}, <= {} ", from.as_str(), to.as_str());
        out = out.replacen(whole.as_str(), &replacement, 1);
    }
    out
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "X" | "*")
}

fn prerelease_message(v: &Version) -> String {
    format!("{v} is a prerelease version and the constraint is only looking for release versions")
}

impl Constraint {
    fn parse(g: &Grammar, c: &str) -> Result<Constraint, SemverError> {
        let m = g
            .single
            .captures(c)
            .ok_or_else(|| SemverError::ImproperConstraint(c.to_string()))?;
        let group = |i: usize| m.get(i).map_or("", |x| x.as_str());
        let (op_text, orig) = (group(1), group(2));
        let (major, minor, patch, pre) = (group(3), group(4), group(5), group(6));
        let op = match op_text {
            "" | "=" => Op::TildeOrEqual,
            "!=" => Op::NotEqual,
            ">" => Op::Greater,
            "<" => Op::Less,
            ">=" | "=>" => Op::GreaterEqual,
            "<=" | "=<" => Op::LessEqual,
            "~" | "~>" => Op::Tilde,
            _ => Op::Caret,
        };
        let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
        let version_text = if is_x(major) || major.is_empty() {
            dirty = true;
            format!("0.0.0{pre}")
        } else if minor.is_empty() || is_x(minor.trim_start_matches('.')) {
            dirty = true;
            minor_dirty = true;
            format!("{major}.0.0{pre}")
        } else if patch.is_empty() || is_x(patch.trim_start_matches('.')) {
            dirty = true;
            patch_dirty = true;
            format!("{major}{minor}.0{pre}")
        } else {
            orig.to_string()
        };
        let con = Version::parse(&version_text).map_err(|_| SemverError::ConstraintParser)?;
        Ok(Constraint {
            con,
            orig: orig.to_string(),
            op_text: op_text.to_string(),
            op,
            dirty,
            minor_dirty,
            patch_dirty,
        })
    }

    /// Whether `v` satisfies this constraint; the error is Masterminds' reason why not.
    fn check(&self, v: &Version, include_pre: bool) -> Result<(), String> {
        if !v.prerelease().is_empty() && !include_pre {
            return Err(prerelease_message(v));
        }
        match self.op {
            Op::TildeOrEqual => self.tilde_or_equal(v),
            Op::NotEqual => self.not_equal(v),
            Op::Greater => self.greater(v),
            Op::Less => self.less(v),
            Op::GreaterEqual => self.greater_equal(v),
            Op::LessEqual => self.less_equal(v),
            Op::Tilde => self.tilde(v),
            Op::Caret => self.caret(v),
        }
    }

    fn fail(&self, v: &Version, relation: &str) -> Result<(), String> {
        Err(format!("{v} {relation} {}", self.orig))
    }

    fn not_equal(&self, v: &Version) -> Result<(), String> {
        let c = &self.con;
        if self.dirty {
            if c.major() != v.major() {
                return Ok(());
            }
            if c.minor() != v.minor() && !self.minor_dirty {
                return Ok(());
            } else if self.minor_dirty {
                return self.fail(v, "is equal to");
            } else if c.patch() != v.patch() && !self.patch_dirty {
                return Ok(());
            } else if self.patch_dirty {
                if (!v.prerelease().is_empty() || !c.prerelease().is_empty())
                    && compare_prerelease(v.prerelease(), c.prerelease()).is_ne()
                {
                    return Ok(());
                }
                return self.fail(v, "is equal to");
            }
        }
        if v.compare(c).is_eq() {
            return self.fail(v, "is equal to");
        }
        Ok(())
    }

    fn greater(&self, v: &Version) -> Result<(), String> {
        let c = &self.con;
        let ok = if !self.dirty {
            v.compare(c).is_gt()
        } else if v.major() != c.major() {
            v.major() > c.major()
        } else if self.minor_dirty {
            // `>11` is not met by 11.1.0: the next major is needed.
            false
        } else if self.patch_dirty {
            v.minor() > c.minor()
        } else {
            v.compare(c).is_gt()
        };
        if ok {
            Ok(())
        } else {
            self.fail(v, "is less than or equal to")
        }
    }

    fn less(&self, v: &Version) -> Result<(), String> {
        if v.compare(&self.con).is_lt() {
            Ok(())
        } else {
            self.fail(v, "is greater than or equal to")
        }
    }

    fn greater_equal(&self, v: &Version) -> Result<(), String> {
        if v.compare(&self.con).is_ge() {
            Ok(())
        } else {
            self.fail(v, "is less than")
        }
    }

    fn less_equal(&self, v: &Version) -> Result<(), String> {
        let c = &self.con;
        let ok = if !self.dirty {
            v.compare(c).is_le()
        } else {
            !(v.major() > c.major()
                || (v.major() == c.major() && v.minor() > c.minor() && !self.minor_dirty))
        };
        if ok {
            Ok(())
        } else {
            self.fail(v, "is greater than")
        }
    }

    fn tilde(&self, v: &Version) -> Result<(), String> {
        let c = &self.con;
        if v.compare(c).is_lt() {
            return self.fail(v, "is less than");
        }
        // `~0.0.0` (and `~*`) accepts everything.
        if c.major() == 0
            && c.minor() == 0
            && c.patch() == 0
            && !self.minor_dirty
            && !self.patch_dirty
        {
            return Ok(());
        }
        if v.major() != c.major() {
            return self.fail(v, "does not have same major version as");
        }
        if v.minor() != c.minor() && !self.minor_dirty {
            return self.fail(v, "does not have same major and minor version as");
        }
        Ok(())
    }

    fn tilde_or_equal(&self, v: &Version) -> Result<(), String> {
        if self.dirty {
            return self.tilde(v);
        }
        if v.compare(&self.con).is_eq() {
            Ok(())
        } else {
            self.fail(v, "is not equal to")
        }
    }

    fn caret(&self, v: &Version) -> Result<(), String> {
        let c = &self.con;
        if v.compare(c).is_lt() {
            return self.fail(v, "is less than");
        }
        if c.major() > 0 || self.minor_dirty {
            if v.major() == c.major() {
                return Ok(());
            }
            return self.fail(v, "does not have same major version as");
        }
        if v.major() > 0 {
            return self.fail(v, "does not have same major version as");
        }
        if c.minor() > 0 || self.patch_dirty {
            if v.minor() == c.minor() {
                return Ok(());
            }
            return self
                .fail(v, "does not have same minor version as")
                .map_err(|e| {
                    e + ". Expected minor versions to match when constraint major version is 0"
                });
        }
        if v.minor() > 0 {
            return self.fail(v, "does not have same minor version as");
        }
        if c.patch() == v.patch() {
            Ok(())
        } else {
            self.fail(v, "does not equal").map_err(|e| {
                e + ". Expect version and constraint to equal when major and minor versions are 0"
            })
        }
    }
}
