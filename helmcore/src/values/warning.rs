//! Warnings Helm logs while it loads, coalesces and renders a chart.

use std::fmt;

use crate::slog::text_value;

/// One warning, as Helm 4 logs it on stderr through slog's text handler
/// (`level=WARN msg="returned non-bool value" path=a.enabled chart=a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `INFO` for Helm's `log.Printf` messages, `WARN` for `slog.Warn`.
    pub level: &'static str,
    pub message: String,
    pub attrs: Vec<(&'static str, String)>,
    /// What helm v3 logs for the same event (`--compat v3`).
    pub helm3: Helm3Line,
}

/// How helm v3 reports an event that helm v4 logs as a [`Warning`]: helm3 logs with Go's
/// `log` package (`coalesce.go:138: warning: ...`, its source file and line) or prints
/// its own text, and logs nothing before the errors helm4 logs at ERROR level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Helm3Line {
    /// The same line as helm v4 (events only helm4's code paths report, such as
    /// schema reference warnings, which `--compat v3` renders as helm4 does).
    AsHelm4,
    /// helm3's own line.
    Text(String),
    /// helm3 prints nothing.
    Silent,
}

impl Warning {
    /// A message Helm prints with `log.Printf` (shown at INFO level).
    pub fn log(message: impl Into<String>) -> Warning {
        Warning {
            level: "INFO",
            message: message.into(),
            attrs: Vec::new(),
            helm3: Helm3Line::AsHelm4,
        }
    }

    /// A `slog.Warn` with attributes.
    pub fn warn(message: impl Into<String>, attrs: Vec<(&'static str, String)>) -> Warning {
        Warning {
            level: "WARN",
            message: message.into(),
            attrs,
            helm3: Helm3Line::AsHelm4,
        }
    }

    /// What helm4 logs (`slog.Error`) just before it fails with `MESSAGE: ERROR`;
    /// helm3 logs nothing there.
    ///
    /// ```
    /// use helmcore::values::Warning;
    /// let w = Warning::error("chart dependencies processing failed", "type mismatch on a: %!t(<nil>)");
    /// assert_eq!(w.to_string(), r#"level=ERROR msg="chart dependencies processing failed" error="type mismatch on a: %!t(<nil>)""#);
    /// assert_eq!(w.helm3_line(), None);
    /// ```
    pub fn error(message: impl Into<String>, error: impl Into<String>) -> Warning {
        Warning {
            level: "ERROR",
            message: message.into(),
            attrs: vec![("error", error.into())],
            helm3: Helm3Line::Silent,
        }
    }

    /// What helm logs for a chart whose Chart.yaml says `deprecated: true`.
    pub(crate) fn chart_deprecated() -> Warning {
        Warning::warn("this chart is deprecated", Vec::new())
            .or_in_helm3("WARNING: This chart is deprecated")
    }

    /// The same warning, printed by helm3 as `line`.
    ///
    /// ```
    /// use helmcore::values::Warning;
    /// let w = Warning::warn("this chart is deprecated", vec![])
    ///     .or_in_helm3("WARNING: This chart is deprecated");
    /// assert_eq!(w.helm3_line().as_deref(), Some("WARNING: This chart is deprecated"));
    /// ```
    pub fn or_in_helm3(mut self, line: impl Into<String>) -> Warning {
        self.helm3 = Helm3Line::Text(line.into());
        self
    }

    /// The line helm3 prints for this event, if any.
    pub fn helm3_line(&self) -> Option<String> {
        match &self.helm3 {
            Helm3Line::AsHelm4 => Some(self.to_string()),
            Helm3Line::Text(t) => Some(t.clone()),
            Helm3Line::Silent => None,
        }
    }
}

/// slog's text format, values quoted where slog's text handler quotes them.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "level={} msg={}", self.level, text_value(&self.message))?;
        for (k, v) in &self.attrs {
            write!(f, " {k}={}", text_value(v))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slog_text_layout() {
        // helm4 stderr: level=INFO msg="warning: skipped value for c1.s: Not a table."
        assert_eq!(
            Warning::log("warning: skipped value for c1.s: Not a table.").to_string(),
            "level=INFO msg=\"warning: skipped value for c1.s: Not a table.\""
        );
        // helm4 stderr: level=WARN msg="returned non-bool value" path=sub.enabled chart=sub
        assert_eq!(
            Warning::warn(
                "returned non-bool value",
                vec![("path", "sub.enabled".into()), ("chart", "sub".into())]
            )
            .to_string(),
            "level=WARN msg=\"returned non-bool value\" path=sub.enabled chart=sub"
        );
    }
}
