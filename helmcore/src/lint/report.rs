//! What `helm lint` prints: per chart `==> Linting PATH`, the findings, a blank line,
//! then the summary — on stdout when every chart passed, as `Error: ...` on stderr
//! (exit code 1) when one failed. Log lines (`level=WARN msg=...`) go to stderr first.

use super::{ChartLint, Severity};

/// The printed result of linting several charts, as helm4 prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    /// Everything for stderr: the log lines, then `Error: ...` when a chart failed.
    pub stderr: String,
    /// The log lines alone (the start of `stderr`): helm writes them while linting,
    /// before anything else, so a terminal shows them first.
    pub logs: String,
    /// 0 when no chart failed, 1 otherwise.
    pub exit_code: i32,
}

/// Formats the results of one `helm lint` call. `quiet` is `--quiet`: charts without
/// warnings or errors are left out, and so are INFO findings.
///
/// ```
/// use helmcore::lint::{format_output, ChartLint, Message, Severity};
/// let mut c = ChartLint::new("mychart", false);
/// c.messages.push(Message::new(Severity::Info, "Chart.yaml", "icon is recommended"));
/// let out = format_output(&[c], false);
/// assert_eq!(
///     out.stdout,
///     "==> Linting mychart\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n"
/// );
/// assert_eq!(out.exit_code, 0);
/// ```
pub fn format_output(charts: &[ChartLint], quiet: bool) -> Output {
    let mut stdout = String::new();
    let mut stderr = String::new();
    let mut failed = 0;
    let mut with_findings = 0;
    // Helm warns about an unresolved schema URN once a process, not once a chart.
    let urn_warning = format!(
        "level=WARN msg=\"{}\" ",
        crate::values::schema_refs::URN_WARNING
    );
    let mut once = std::collections::HashSet::new();
    for c in charts {
        for line in &c.logs {
            if line.starts_with(&urn_warning) && !once.insert(line) {
                continue;
            }
            stderr.push_str(line);
            stderr.push('\n');
        }
        let noteworthy = c.has_warnings_or_errors();
        if noteworthy {
            with_findings += 1;
        }
        if quiet && !noteworthy {
            continue;
        }
        stdout.push_str(&format!("==> Linting {}\n", c.path));
        // A chart that could not be linted at all has no findings, only its error.
        if c.messages.is_empty() {
            for e in c.error.iter() {
                stdout.push_str(&format!("Error {e}\n"));
            }
        }
        for m in &c.messages {
            if !quiet || m.severity > Severity::Info {
                stdout.push_str(&format!("{m}\n"));
            }
        }
        if c.failed() {
            failed += 1;
        }
        stdout.push('\n');
    }
    let summary = format!("{} chart(s) linted, {failed} chart(s) failed", charts.len());
    let logs = stderr.clone();
    if failed > 0 {
        stderr.push_str(&format!("Error: {summary}\n"));
        return Output {
            stdout,
            stderr,
            logs,
            exit_code: 1,
        };
    }
    if !quiet || with_findings > 0 {
        stdout.push_str(&summary);
        stdout.push('\n');
    }
    Output {
        stdout,
        stderr,
        logs,
        exit_code: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Message;

    fn chart(path: &str, strict: bool, msgs: &[(Severity, &str, &str)]) -> ChartLint {
        let mut c = ChartLint::new(path, strict);
        for (s, p, t) in msgs {
            c.messages.push(Message::new(*s, *p, *t));
        }
        c
    }

    const ICON: (Severity, &str, &str) = (Severity::Info, "Chart.yaml", "icon is recommended");
    const NO_TEMPLATES: (Severity, &str, &str) =
        (Severity::Warning, "templates/", "directory does not exist");

    // Expected layouts are helm v4.1.4's for `helm lint ok no-templates [--quiet] [--strict]`
    // and `helm lint nonexist`.
    #[test]
    fn warnings_pass_unless_strict() {
        let out = format_output(
            &[chart("no-templates", false, &[ICON, NO_TEMPLATES])],
            false,
        );
        assert_eq!(out.stdout, "==> Linting no-templates\n[INFO] Chart.yaml: icon is recommended\n[WARNING] templates/: directory does not exist\n\n1 chart(s) linted, 0 chart(s) failed\n");
        assert_eq!((out.stderr.as_str(), out.exit_code), ("", 0));
        let out = format_output(&[chart("no-templates", true, &[ICON, NO_TEMPLATES])], false);
        assert_eq!(out.stdout, "==> Linting no-templates\n[INFO] Chart.yaml: icon is recommended\n[WARNING] templates/: directory does not exist\n\n");
        assert_eq!(
            (out.stderr.as_str(), out.exit_code),
            ("Error: 1 chart(s) linted, 1 chart(s) failed\n", 1)
        );
    }

    #[test]
    fn quiet_hides_clean_charts_and_infos() {
        let charts = [
            chart("ok", false, &[ICON]),
            chart("no-templates", false, &[ICON, NO_TEMPLATES]),
        ];
        let out = format_output(&charts, true);
        assert_eq!(out.stdout, "==> Linting no-templates\n[WARNING] templates/: directory does not exist\n\n2 chart(s) linted, 0 chart(s) failed\n");
        let out = format_output(&charts[..1], true);
        assert_eq!((out.stdout.as_str(), out.exit_code), ("", 0));
    }

    #[test]
    fn a_chart_that_cannot_load_prints_its_error() {
        let mut c = ChartLint::new("nonexist", false);
        c.error = Some("unable to check Chart.yaml file in chart: stat nonexist/Chart.yaml: no such file or directory".into());
        let out = format_output(&[c, chart("ok", false, &[ICON])], true);
        assert_eq!(out.stdout, "==> Linting nonexist\nError unable to check Chart.yaml file in chart: stat nonexist/Chart.yaml: no such file or directory\n\n");
        assert_eq!(out.stderr, "Error: 2 chart(s) linted, 1 chart(s) failed\n");
    }

    // helm4 on pc-prometheus-postgres-exporter: the WARN line is written while linting,
    // the error after the report.
    #[test]
    fn logs_come_first_on_stderr() {
        let mut c = ChartLint::new("c", false);
        c.logs
            .push("level=WARN msg=\"missing required value\" message=x".into());
        c.messages
            .push(Message::new(Severity::Error, "templates/", "boom"));
        let out = format_output(&[c], false);
        assert_eq!(
            out.logs,
            "level=WARN msg=\"missing required value\" message=x\n"
        );
        assert_eq!(
            out.stderr,
            format!("{}Error: 1 chart(s) linted, 1 chart(s) failed\n", out.logs)
        );
    }

    // helm4 `lint urn urn2 urn`: each URN warned about once in the whole run.
    #[test]
    fn urn_warnings_are_logged_once_a_process() {
        let urn = |u: &str| {
            format!("level=WARN msg=\"unresolved URN reference ignored; using permissive schema\" urn={u}")
        };
        let lint = |u: &str| {
            let mut c = ChartLint::new("c", false);
            c.logs.push(urn(u));
            c
        };
        let out = format_output(&[lint("urn:a"), lint("urn:b"), lint("urn:a")], false);
        assert_eq!(out.logs, format!("{}\n{}\n", urn("urn:a"), urn("urn:b")));
    }
}
