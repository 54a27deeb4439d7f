//! How this engine's errors reach [`TemplateError`]: every message names the file and
//! the line and column (`template: chart/templates/x.yaml:3:7: error calling default:
//! ...`); `required` and `fail` read as Helm's (`execution error at
//! (chart/templates/x.yaml:3:7): message`).

use handlebars::{RenderError, RenderErrorReason};

use super::compile::CompileError;
use crate::engine::error::TemplateError;

/// Why a helper failed, carried through the `handlebars` crate to the render boundary.
#[derive(Debug)]
pub(crate) enum Failure {
    /// `required` / `fail`: Helm prints the message and where it was raised only.
    Abort(String),
    /// A message about the helper call itself.
    Plain(String),
    /// `PREFIX: ERROR` where ERROR came from an included template or `tpl`.
    Wrapped(String, TemplateError),
    /// Too deep a nesting of partials: reported once, where it happened.
    Deep(String),
    /// An error that passes through enclosing `include`s unchanged (a `required`,
    /// the step budget, too deep a nesting).
    Final(TemplateError, bool),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Abort(m) | Failure::Plain(m) | Failure::Deep(m) => f.write_str(m),
            Failure::Wrapped(p, e) => write!(f, "{p}: {e}"),
            Failure::Final(e, _) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Failure {}

impl From<Failure> for RenderError {
    fn from(f: Failure) -> RenderError {
        RenderErrorReason::NestedError(Box::new(f)).into()
    }
}

/// A render error as a [`TemplateError`], and whether enclosing `include`s pass it on
/// unchanged (a `required`/`fail` abort, as Helm reports only where it happened; too
/// deep a nesting, which would otherwise repeat itself hundreds of times).
pub(crate) fn render_error(e: &RenderError, fallback_name: &str) -> (TemplateError, bool) {
    let file = e.template_name.as_deref().unwrap_or(fallback_name);
    let pos = match (e.line_no, e.column_no) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        _ => file.to_string(),
    };
    let failure = match e.reason() {
        RenderErrorReason::NestedError(b) => b.downcast_ref::<Failure>(),
        _ => None,
    };
    match failure {
        Some(Failure::Abort(m)) => (
            TemplateError::Message(format!("execution error at ({pos}): {m}")),
            true,
        ),
        Some(Failure::Plain(m)) => (
            TemplateError::Message(format!("template: {pos}: {m}")),
            false,
        ),
        Some(Failure::Deep(m)) => (
            TemplateError::Message(format!("template: {pos}: {m}")),
            true,
        ),
        Some(Failure::Wrapped(p, src)) => (
            TemplateError::Wrapped {
                prefix: format!("template: {pos}: {p}"),
                source: Box::new(src.clone()),
            },
            false,
        ),
        Some(Failure::Final(te, abort)) => (te.clone(), *abort),
        None => (
            TemplateError::Message(format!("template: {pos}: {}", e.reason())),
            false,
        ),
    }
}

/// A parse error: `parse error at (chart/templates/x.yaml:3:7): REASON`, as Helm
/// words its own parse errors.
pub(crate) fn compile_error(file: &str, e: &CompileError) -> TemplateError {
    if e.line == 0 {
        return TemplateError::Message(format!("parse error in ({file}): {}", e.message));
    }
    TemplateError::Message(format!(
        "parse error at ({file}:{}:{}): {}",
        e.line, e.col, e.message
    ))
}
