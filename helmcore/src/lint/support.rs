//! Findings and their severities, as Helm's `lint/support` package keeps them.

use std::fmt;

/// How serious a finding is. The order matters: `--strict` fails a chart on
/// [`Severity::Warning`] and above, a plain lint on [`Severity::Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Helm's `UnknownSev`; no rule uses it, it exists so the scale matches Helm's.
    Unknown,
    /// Worth knowing (a missing icon); never fails a chart, hidden by `--quiet`.
    Info,
    /// Breaks a convention but will likely work; fails the chart under `--strict`.
    Warning,
    /// Will likely not work; fails the chart.
    Error,
}

impl Severity {
    /// The label Helm prints between brackets.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Unknown => "UNKNOWN",
            Severity::Info => "INFO",
            Severity::Warning => "WARNING",
            Severity::Error => "ERROR",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One finding of one rule.
///
/// `path` is what Helm prints before the colon: `Chart.yaml`, `values.yaml`,
/// `templates/`, a template such as `templates/cm.yaml`, the chart's absolute
/// directory (dependency rules), or the empty string (a chart that cannot load).
///
/// ```
/// use helmcore::lint::{Message, Severity};
/// let m = Message::new(Severity::Info, "Chart.yaml", "icon is recommended");
/// assert_eq!(m.to_string(), "[INFO] Chart.yaml: icon is recommended");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub severity: Severity,
    pub path: String,
    /// The line of `path` the finding is about, where one is known (YAML errors,
    /// template errors). Helm prints it only inside `text`.
    pub line: Option<usize>,
    /// Helm's message text, which may span several lines.
    pub text: String,
}

impl Message {
    pub fn new(severity: Severity, path: impl Into<String>, text: impl Into<String>) -> Message {
        Message {
            severity,
            path: path.into(),
            line: None,
            text: text.into(),
        }
    }

    /// The same message with a line number attached.
    pub fn at_line(mut self, line: Option<usize>) -> Message {
        self.line = line;
        self
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}: {}", self.severity, self.path, self.text)
    }
}

/// The findings of one chart, in the order the rules produced them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Linter {
    pub messages: Vec<Message>,
}

impl Linter {
    /// Records `outcome` when it is a finding; returns whether the rule passed, so that
    /// a rule can stop at the first failed guard as Helm's do.
    pub fn rule(&mut self, severity: Severity, path: &str, outcome: Result<(), String>) -> bool {
        match outcome {
            Ok(()) => true,
            Err(text) => {
                self.messages.push(Message::new(severity, path, text));
                false
            }
        }
    }

    /// Like [`Linter::rule`] with a line number for the finding.
    pub fn rule_at(
        &mut self,
        severity: Severity,
        path: &str,
        outcome: Result<(), (String, Option<usize>)>,
    ) -> bool {
        match outcome {
            Ok(()) => true,
            Err((text, line)) => {
                self.messages
                    .push(Message::new(severity, path, text).at_line(line));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_order_and_print_as_helm() {
        assert!(Severity::Error > Severity::Warning);
        assert!(Severity::Warning > Severity::Info);
        assert!(Severity::Info > Severity::Unknown);
        let m = Message::new(Severity::Warning, "templates/", "directory does not exist");
        assert_eq!(
            m.to_string(),
            "[WARNING] templates/: directory does not exist"
        );
    }

    #[test]
    fn rule_records_only_failures() {
        let mut l = Linter::default();
        assert!(l.rule(Severity::Error, "Chart.yaml", Ok(())));
        assert!(!l.rule(
            Severity::Info,
            "Chart.yaml",
            Err("icon is recommended".into())
        ));
        assert_eq!(l.messages.len(), 1);
        assert_eq!(
            l.messages[0].to_string(),
            "[INFO] Chart.yaml: icon is recommended"
        );
    }
}
