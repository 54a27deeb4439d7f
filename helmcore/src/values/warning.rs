//! Warnings Helm logs while it loads and coalesces values.

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
}

impl Warning {
    /// A message Helm prints with `log.Printf` (shown at INFO level).
    pub fn log(message: impl Into<String>) -> Warning {
        Warning {
            level: "INFO",
            message: message.into(),
            attrs: Vec::new(),
        }
    }

    /// A `slog.Warn` with attributes.
    pub fn warn(message: impl Into<String>, attrs: Vec<(&'static str, String)>) -> Warning {
        Warning {
            level: "WARN",
            message: message.into(),
            attrs,
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
