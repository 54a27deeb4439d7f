//! `.helmignore`: which files of a chart directory are left out when loading it.
//!
//! Helm's rules, which are not gitignore's: patterns are tried in file order and the
//! first one that decides wins; a pattern without `/` matches the base name only, one
//! with `/` matches the whole path relative to the chart, a leading `/` anchors at the
//! chart root, a trailing `/` matches directories only, `**` is refused. A negated rule
//! `!p` decides "ignore" for every path it does *not* match and lets matching paths go
//! on to the next rule. The default `templates/.?*` comes last.

use super::glob::{glob_match, BadPattern};

/// The name of the ignore file in a chart directory.
pub const HELM_IGNORE: &str = ".helmignore";

/// Why an ignore file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IgnoreError {
    #[error("double-star (**) syntax is not supported")]
    DoubleStar,
    #[error(transparent)]
    BadPattern(#[from] BadPattern),
    /// Go's `bufio.Scanner` refuses lines over 64 KiB.
    #[error("bufio.Scanner: token too long")]
    LineTooLong,
}

#[derive(Debug, Clone)]
struct Pattern {
    glob: String,
    /// The common shapes decided without the general matcher.
    shape: Shape,
    negate: bool,
    must_dir: bool,
    anchor: Anchor,
}

/// A pattern's shape. For the first two, `filepath.Match` is plain string comparison:
/// no character can make it fail with `ErrBadPattern`, and a `*` matches any run
/// without `/`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// No `*`, `?`, `[` or backslash: the name must equal the pattern.
    Literal,
    /// `*` then such a literal tail (`*.swp`): the name must end with the tail, and what
    /// the star covers must hold no `/`.
    StarSuffix,
    /// Anything else: Go's matcher.
    Glob,
}

impl Shape {
    fn of(glob: &str) -> Shape {
        let literal = |s: &str| !s.contains(['*', '?', '[', '\\']);
        if literal(glob) {
            Shape::Literal
        } else if glob.strip_prefix('*').is_some_and(literal) {
            Shape::StarSuffix
        } else {
            Shape::Glob
        }
    }

    fn matches(self, glob: &str, name: &str) -> bool {
        match self {
            Shape::Literal => glob == name,
            Shape::StarSuffix => name
                .strip_suffix(glob.get(1..).unwrap_or_default())
                .is_some_and(|covered| !covered.contains('/')),
            // A pattern that fails at match time counts as no match (Helm logs it).
            Shape::Glob => glob_match(glob, name).unwrap_or(false),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    /// No `/` in the pattern: matched against the base name.
    BaseName,
    /// Matched against the whole relative path.
    Path,
}

/// A parsed `.helmignore`.
///
/// ```
/// use helmcore::chart::ignore::Rules;
/// let mut rules = Rules::parse("*.bak\nsecret/\n").unwrap();
/// rules.add_defaults();
/// assert!(rules.ignore("a/b.bak", false));
/// assert!(rules.ignore("secret", true));
/// assert!(!rules.ignore("secret", false));
/// assert!(rules.ignore("templates/.hidden", false));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Rules {
    patterns: Vec<Pattern>,
}

/// Go's bufio.Scanner maximum token size.
const MAX_LINE: usize = 64 * 1024;

impl Rules {
    /// No rules.
    pub fn empty() -> Rules {
        Rules::default()
    }

    /// Parses an ignore file's text, one pattern a line, `#` comments.
    pub fn parse(text: &str) -> Result<Rules, IgnoreError> {
        let mut rules = Rules::empty();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for line in text.split('\n') {
            if line.len() > MAX_LINE {
                return Err(IgnoreError::LineTooLong);
            }
            // bufio.ScanLines drops one trailing \r.
            let line = line.strip_suffix('\r').unwrap_or(line);
            rules.add_rule(line)?;
        }
        Ok(rules)
    }

    /// Adds Helm's default rule: dot files under `templates/` are never templates.
    pub fn add_defaults(&mut self) {
        // A constant pattern that is known to be valid.
        let _ = self.add_rule("templates/.?*");
    }

    fn add_rule(&mut self, rule: &str) -> Result<(), IgnoreError> {
        let rule = trim_go_space(rule);
        if rule.is_empty() || rule.starts_with('#') {
            return Ok(());
        }
        if rule.contains("**") {
            return Err(IgnoreError::DoubleStar);
        }
        glob_match(rule, "abc")?;
        let (negate, rule) = match rule.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, rule),
        };
        let (must_dir, rule) = match rule.strip_suffix('/') {
            Some(r) => (true, r),
            None => (false, rule),
        };
        let (anchor, glob) = if let Some(r) = rule.strip_prefix('/') {
            (Anchor::Path, r)
        } else if rule.contains('/') {
            (Anchor::Path, rule)
        } else {
            (Anchor::BaseName, rule)
        };
        self.patterns.push(Pattern {
            glob: glob.to_string(),
            shape: Shape::of(glob),
            negate,
            must_dir,
            anchor,
        });
        Ok(())
    }

    /// Whether the path (relative to the chart, `/`-separated) is ignored.
    pub fn ignore(&self, path: &str, is_dir: bool) -> bool {
        if path.is_empty() || path == "." || path == "./" {
            return false;
        }
        let base = base_name(path);
        for p in &self.patterns {
            let subject = match p.anchor {
                Anchor::Path => path,
                Anchor::BaseName => base,
            };
            let matched = || p.shape.matches(&p.glob, subject);
            if p.negate {
                if p.must_dir && !is_dir {
                    return true;
                }
                if !matched() {
                    return true;
                }
                continue;
            }
            if p.must_dir && !is_dir {
                continue;
            }
            if matched() {
                return true;
            }
        }
        false
    }
}

/// Go's `filepath.Base` for a `/`-separated relative path.
fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return if path.is_empty() { "." } else { "/" };
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// Go's `strings.TrimSpace` (Unicode white space).
fn trim_go_space(s: &str) -> &str {
    s.trim_matches(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Rules {
        let mut r = Rules::parse(text).unwrap();
        r.add_defaults();
        r
    }

    #[test]
    fn shapes_decide_as_go_matcher_does() {
        let patterns = [
            "OWNERS",
            ".DS_Store",
            "a-b]c",
            "*",
            "*.swp",
            "*~",
            "*/x.md",
            "*.",
            "x*",
            "a?c",
            "[ab]c",
            "*.[ch]",
            "a\\*b",
        ];
        let names = [
            "",
            "OWNERS",
            "owners",
            ".DS_Store",
            "a-b]c",
            "f.swp",
            ".swp",
            "dir/f.swp",
            "a~",
            "~",
            "docs/x.md",
            "a/b/x.md",
            "x.md",
            "f.",
            "xyz",
            "abc",
            "bc",
            "f.c",
            "a*b",
            "/",
        ];
        for p in patterns {
            let shape = Shape::of(p);
            for n in names {
                let go = glob_match(p, n).unwrap_or(false);
                assert_eq!(shape.matches(p, n), go, "{p:?} on {n:?} ({shape:?})");
            }
        }
        assert_eq!(Shape::of("OWNERS"), Shape::Literal);
        assert_eq!(Shape::of("*.swp"), Shape::StarSuffix);
        assert_eq!(Shape::of("*.[ch]"), Shape::Glob);
    }

    #[test]
    fn base_name_and_path_patterns() {
        let r = rules("*.txt\ndocs/*.md\n/top.yaml\n");
        assert!(r.ignore("a.txt", false));
        assert!(r.ignore("deep/dir/a.txt", false));
        assert!(r.ignore("docs/x.md", false));
        assert!(!r.ignore("sub/docs/x.md", false));
        assert!(r.ignore("top.yaml", false));
        assert!(!r.ignore("sub/top.yaml", false));
        assert!(!r.ignore("", true));
        assert!(!r.ignore(".", true));
    }

    #[test]
    fn directory_only_rules() {
        let r = rules("build/\n");
        assert!(r.ignore("build", true));
        assert!(!r.ignore("build", false));
        assert!(r.ignore("a/build", true));
    }

    #[test]
    fn negation_ignores_what_it_does_not_match() {
        // Helm's quirk: `!keep.txt` first means everything else is ignored.
        let r = rules("!keep.txt\n");
        assert!(!r.ignore("keep.txt", false));
        assert!(r.ignore("other.txt", false));
        // After a matching rule, the negation is never reached.
        let r = rules("*.txt\n!keep.txt\n");
        assert!(r.ignore("keep.txt", false));
        // A negated directory rule ignores every file.
        let r = rules("!dir/\n");
        assert!(r.ignore("file", false));
        assert!(!r.ignore("dir", true));
    }

    #[test]
    fn defaults_hide_dot_templates() {
        let r = rules("");
        assert!(r.ignore("templates/.keep", false));
        assert!(!r.ignore("templates/x.yaml", false));
        assert!(!r.ignore(".helmignore", false));
        assert!(!r.ignore("templates/sub/.x", false));
    }

    #[test]
    fn refused_patterns() {
        assert_eq!(
            Rules::parse("a/**/b").unwrap_err().to_string(),
            "double-star (**) syntax is not supported"
        );
        assert_eq!(
            Rules::parse("[").unwrap_err().to_string(),
            "syntax error in pattern"
        );
        assert!(Rules::parse("# [\n  \n").is_ok());
        assert_eq!(
            Rules::parse(&"a".repeat(70000)).unwrap_err(),
            IgnoreError::LineTooLong
        );
    }
}
