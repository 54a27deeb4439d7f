//! `helmcore version`: which helmcore this is and which helm it renders like.

use super::{Args, Command};
use crate::flags::{Kind, Parsed, Spec};

/// The helm release whose behaviour helmcore reproduces by default (`--compat v4`).
pub const HELM_COMPAT: &str = "v4.1.4";

pub fn command() -> Command {
    Command {
        path: &["version"],
        usage: "version",
        short: "print the helmcore version information",
        long: "Show the version of helmcore and of the helm release it renders like by default.

--short prints the version number alone.",
        flags: vec![
            Spec::new("short", Kind::Bool),
            Spec::new("template", Kind::String),
        ],
        args: Args::Exact(0),
        run,
    }
}

fn run(p: Parsed) -> Result<(), crate::CliError> {
    let info = BuildInfo {
        version: concat!("v", env!("CARGO_PKG_VERSION")),
        helm_compat: HELM_COMPAT,
    };
    match p.string("template").filter(|t| !t.is_empty()) {
        Some(template) => print!("{}", info.execute(template)?),
        None if p.bool("short") => println!("{}", info.version),
        None => println!("{}", info.to_go_string()),
    }
    Ok(())
}

/// What `version` prints, and what `--template` sees as `.` (helm's `version.BuildInfo`).
#[derive(Debug)]
struct BuildInfo {
    version: &'static str,
    helm_compat: &'static str,
}

impl BuildInfo {
    /// `--template`: Go's text/template without Helm's or Sprig's functions, as helm
    /// runs it (template name `_`).
    fn execute(self, template: &str) -> Result<String, crate::CliError> {
        use helmcore::engine::{ExecOptions, FuncTable, TemplateSet};
        let fail = |e: String| crate::CliError::Message(e);
        let mut set = TemplateSet::new(FuncTable::builtins());
        set.add("_", template).map_err(|e| fail(e.to_string()))?;
        let data = helmcore::value::Value::Object(std::sync::Arc::new(self));
        set.execute("_", &data, &ExecOptions::helm())
            .map_err(|e| fail(e.to_string()))
    }

    /// Go's `%#v`.
    fn to_go_string(&self) -> String {
        format!(
            "helmcore.BuildInfo{{Version:\"{}\", HelmCompat:\"{}\"}}",
            self.version, self.helm_compat
        )
    }
}

impl helmcore::value::Object for BuildInfo {
    fn type_name(&self) -> std::borrow::Cow<'_, str> {
        "helmcore.BuildInfo".into()
    }

    fn kind(&self) -> helmcore::value::Kind {
        helmcore::value::Kind::Struct
    }

    fn field(&self, name: &str) -> helmcore::value::Field {
        use helmcore::value::{Field, Value};
        match name {
            "Version" => Field::Value(Value::from(self.version)),
            "HelmCompat" => Field::Value(Value::from(self.helm_compat)),
            _ => Field::Missing,
        }
    }

    fn format(&self, out: &mut String) {
        out.push_str(&format!("{{{} {}}}", self.version, self.helm_compat));
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
