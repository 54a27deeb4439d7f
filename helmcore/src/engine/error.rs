//! Template errors, structured, printing Go's raw text (`Display`) and Helm's two
//! presentations ([`TemplateError::helm4_message`], [`TemplateError::helm3_message`]).

use crate::gofmt::quote;

use super::compiler::ParseError;

/// Where an execution error happened: `file:line:col` (col is Go's 0-based byte column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub col: usize,
}

/// An error raised while executing a template (Go's `template.ExecError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecError {
    /// The template being executed (`executing "NAME"`).
    pub template: String,
    /// The node's location, absent for errors before any node ran.
    pub location: Option<Location>,
    /// The node's source form (`at <...>`).
    pub context: String,
    /// The message, without the cause.
    pub message: String,
    /// The error a called function returned (`error calling X: CAUSE`).
    pub cause: Option<Box<TemplateError>>,
}

impl ExecError {
    /// Writes this error's own text, without the cause.
    fn write_head(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(l) => write!(
                f,
                "template: {}:{}:{}: executing {} at <{}>: {}",
                l.file,
                l.line,
                l.col,
                quote(&self.template),
                self.context,
                self.message
            )?,
            None => write!(f, "template: {}: {}", self.template, self.message)?,
        }
        Ok(())
    }
}

impl std::fmt::Display for ExecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_head(f)?;
        match &self.cause {
            Some(c) => {
                f.write_str(": ")?;
                write_chain(f, c)
            }
            None => Ok(()),
        }
    }
}

// Errors from recursive includes nest a thousand deep: printing and dropping them walk
// the chain in a loop rather than by recursion.
fn write_chain(f: &mut std::fmt::Formatter<'_>, e: &TemplateError) -> std::fmt::Result {
    let mut cur = e;
    loop {
        match cur {
            TemplateError::Exec(x) => {
                x.write_head(f)?;
                match &x.cause {
                    Some(c) => {
                        f.write_str(": ")?;
                        cur = c;
                    }
                    None => return Ok(()),
                }
            }
            TemplateError::Wrapped { prefix, source } => {
                write!(f, "{prefix}: ")?;
                cur = source;
            }
            other => return write!(f, "{other}"),
        }
    }
}

impl Drop for ExecError {
    fn drop(&mut self) {
        let mut next = self.cause.take();
        while let Some(mut b) = next {
            next = match &mut *b {
                TemplateError::Exec(x) => x.cause.take(),
                TemplateError::Wrapped { source, .. } => Some(std::mem::replace(
                    source,
                    Box::new(TemplateError::Message(String::new())),
                )),
                _ => None,
            };
        }
    }
}

/// Any error from parsing or executing templates. `Display` is Go's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error("{0}")]
    Exec(Box<ExecError>),
    /// `ExecuteTemplate` of a name that is not in the set.
    #[error("template: no template {} associated with template {}", quote(.name), quote(.root))]
    NoTemplate { name: String, root: String },
    /// A plain error message returned by a function.
    #[error("{0}")]
    Message(String),
    /// `PREFIX: SOURCE`, where SOURCE stays reachable (Go's `%w`).
    #[error("{}", WrappedDisplay(.prefix, .source))]
    Wrapped {
        prefix: String,
        source: Box<TemplateError>,
    },
    /// The execution step budget ran out (not a Go error: a bound for untrusted input).
    #[error("template: {template}: execution step budget of {budget} exceeded")]
    Budget { template: String, budget: u64 },
}

/// HELM_ERR_START / HELM_ERR_END: how Helm marks `required` and `fail` messages.
pub(crate) const WARN_START: &str = "HELM_ERR_START";
pub(crate) const WARN_END: &str = "HELM_ERR_END";

impl TemplateError {
    /// The error this one wraps (Go's `errors.Unwrap`): an `ExecError`'s function error
    /// (Go's ExecError first wraps the formatted error of the same text, which adds
    /// nothing here), a wrapped error's source.
    fn unwrap(&self) -> Option<&TemplateError> {
        match self {
            TemplateError::Exec(x) => x.cause.as_deref(),
            TemplateError::Wrapped { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The message helm v4 prints after `Error: ` when rendering template `file` failed.
    pub fn helm4_message(&self, file: &str) -> String {
        match self {
            TemplateError::Parse(_) => cleanup_parse_error(file, &self.to_string()),
            TemplateError::Exec(_) => {
                let s = self.to_string();
                let tokens: Vec<&str> = s.splitn(3, ": ").collect();
                if tokens.len() != 3 {
                    return format!("execution error in ({file}): {s}");
                }
                if let Some(m) = warn_message(tokens[2]) {
                    return format!("execution error at ({}): {m}", tokens[1]);
                }
                // Each level's text holds all the levels below it, so the chain is read
                // level by level, and given up at the first level that is not a template
                // trace (a `tpl` error's): that keeps a thousand-deep chain affordable.
                let mut traces: Vec<Trace> = Vec::new();
                let mut cur = Some(self);
                while let Some(e) = cur {
                    let t = parse_trace(&e.to_string());
                    match t {
                        Some(t) if traces.last() != Some(&t) => traces.push(t),
                        Some(_) => {}
                        None => return s,
                    }
                    cur = e.unwrap();
                }
                let mut out = String::new();
                for t in &traces {
                    if !t.location.is_empty() {
                        out.push_str(&t.location);
                        out.push_str("\n  ");
                    }
                    if !t.function.is_empty() {
                        out.push_str(&t.function);
                        out.push_str("\n    ");
                    }
                    if !t.message.is_empty() {
                        out.push_str(&t.message);
                        out.push('\n');
                    }
                }
                out.trim().to_string()
            }
            _ => self.to_string(),
        }
    }

    /// The message helm v3 prints after `Error: ` when rendering template `file` failed.
    pub fn helm3_message(&self, file: &str) -> String {
        match self {
            TemplateError::Parse(_) => cleanup_parse_error(file, &self.to_string()),
            TemplateError::Exec(_) => {
                let s = self.to_string();
                let tokens: Vec<&str> = s.splitn(3, ": ").collect();
                if tokens.len() != 3 {
                    return format!("execution error in ({file}): {s}");
                }
                match warn_message(tokens[2]) {
                    Some(m) => format!("execution error at ({}): {m}", tokens[1]),
                    None => s,
                }
            }
            _ => self.to_string(),
        }
    }
}

/// Helm's `cleanupParseError`: `parse error at (LOCATION): LAST PART`.
fn cleanup_parse_error(file: &str, s: &str) -> String {
    let tokens: Vec<&str> = s.split(": ").collect();
    if tokens.len() == 1 {
        return format!("parse error in ({file}): {s}");
    }
    format!(
        "parse error at ({}): {}",
        tokens[1],
        tokens[tokens.len() - 1]
    )
}

/// The text between the first HELM_ERR_START and the last HELM_ERR_END.
fn warn_message(s: &str) -> Option<&str> {
    let start = s.find(WARN_START)? + WARN_START.len();
    let end = s.rfind(WARN_END)?;
    s.get(start..end)
}

#[derive(PartialEq, Eq, Debug)]
struct Trace {
    location: String,
    message: String,
    function: String,
}

/// Helm v4's `parseTemplateExecErrorString`.
fn parse_trace(s: &str) -> Option<Trace> {
    let rem = s.strip_prefix("template: ")?;
    if rem.starts_with("no template ") {
        return Some(Trace {
            location: String::new(),
            message: s.to_string(),
            function: String::new(),
        });
    }
    if let Some(idx) = rem.find(": executing ") {
        let name = &rem[..idx];
        let after = &rem[idx + ": executing ".len()..];
        if let Some(t) = parse_executing(name, after) {
            return Some(t);
        }
        // Not the executing form after all: fall through to the simple form.
    }
    let sep = rem.rfind(": ")?;
    let mut msg = &rem[sep + 2..];
    if let Some(cut) = msg.find(" template:") {
        msg = &msg[..cut];
    }
    Some(Trace {
        location: rem[..sep].to_string(),
        message: msg.to_string(),
        function: String::new(),
    })
}

fn parse_executing(name: &str, after: &str) -> Option<Trace> {
    let rest = after.strip_prefix('"')?;
    let end_quote = rest.find('"')?;
    let func = &rest[..end_quote];
    let after_func = &rest[end_quote + 1..];
    let after_at = after_func.strip_prefix(" at <")?;
    let end_loc = after_at.find(">: ")?;
    let loc = &after_at[..end_loc];
    let mut msg = &after_at[end_loc + 3..];
    if let Some(cut) = msg.find(" template:") {
        msg = &msg[..cut];
    }
    Some(Trace {
        location: name.to_string(),
        message: msg.to_string(),
        function: format!("executing \"{func}\" at <{loc}>:"),
    })
}

struct WrappedDisplay<'a>(&'a String, &'a TemplateError);

impl std::fmt::Display for WrappedDisplay<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: ", self.0)?;
        write_chain(f, self.1)
    }
}
