//! The small interface the renderer programs against, so a second engine can sit behind
//! it.

use std::sync::Arc;

use super::error::TemplateError;
use super::funcs::FuncTable;
use super::set::{ExecOptions, LintMessage, Session, TemplateSet};
use crate::value::Value;

/// Compiles a chart's templates into a [`CompiledSet`].
pub trait TemplateEngine: Send + Sync {
    /// Parses `(name, text)` pairs in the given order (later definitions of a name win).
    /// A parse error names the file it came from.
    fn compile(&self, templates: &[(&str, &str)]) -> Result<Box<dyn CompiledSet>, TemplateError>;
}

/// Parsed templates ready to execute, shareable across threads.
pub trait CompiledSet: Send + Sync {
    /// Starts a render: executions sharing Helm's per-render state.
    fn session<'s>(&'s self, opts: &'s ExecOptions) -> Box<dyn RenderSession + 's>;
    /// Whether a template of that name exists.
    fn contains(&self, name: &str) -> bool;
}

/// One render's executions.
pub trait RenderSession {
    fn execute(&mut self, name: &str, data: &Value) -> Result<String, TemplateError>;
    fn warnings(&self) -> &[LintMessage];
}

/// The Go text/template engine.
#[derive(Clone, Debug)]
pub struct GoTemplateEngine {
    funcs: Arc<FuncTable>,
}

impl GoTemplateEngine {
    pub fn new(funcs: impl Into<Arc<FuncTable>>) -> Self {
        GoTemplateEngine {
            funcs: funcs.into(),
        }
    }
}

impl TemplateEngine for GoTemplateEngine {
    fn compile(&self, templates: &[(&str, &str)]) -> Result<Box<dyn CompiledSet>, TemplateError> {
        let mut set = TemplateSet::new(self.funcs.clone());
        for (name, text) in templates {
            set.add(name, text)?;
        }
        Ok(Box::new(set))
    }
}

impl CompiledSet for TemplateSet {
    fn session<'s>(&'s self, opts: &'s ExecOptions) -> Box<dyn RenderSession + 's> {
        Box::new(TemplateSet::session(self, opts))
    }

    fn contains(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }
}

impl RenderSession for Session<'_> {
    fn execute(&mut self, name: &str, data: &Value) -> Result<String, TemplateError> {
        Session::execute(self, name, data)
    }

    fn warnings(&self) -> &[LintMessage] {
        Session::warnings(self)
    }
}
