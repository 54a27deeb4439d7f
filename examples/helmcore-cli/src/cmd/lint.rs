//! `helmcore lint PATH...`: helm's lint, with its flags, layout and exit codes;
//! `--compat v3` lints as helm3 does.

use super::shared::{compat, user_values, value_flags};
use super::{Args, Command};
use crate::flags::{Kind, Parsed, Spec};
use crate::CliError;
use helmcore::lint::{format_output, lint_all, LintOptions};
use helmcore::render::KubeVersion;

pub fn command() -> Command {
    let mut flags = vec![
        Spec::new("strict", Kind::Bool),
        Spec::new("with-subcharts", Kind::Bool),
        Spec::new("quiet", Kind::Bool),
        Spec::new("skip-schema-validation", Kind::Bool),
        Spec::new("kube-version", Kind::String),
        Spec::new("compat", Kind::String),
    ];
    flags.extend(value_flags());
    Command {
        path: &["lint"],
        usage: "lint PATH",
        short: "examine a chart for possible issues",
        long: "This command takes a path to a chart and runs a series of tests to verify that
the chart is well-formed.

If the linter encounters things that will cause the chart to fail installation,
it will emit [ERROR] messages. If it encounters issues that break with convention
or recommendation, it will emit [WARNING] messages.

--compat v3 lints as helm v3.17.1 does.",
        flags,
        args: Args::AtLeast(1),
        run,
    }
}

fn run(p: Parsed) -> Result<(), CliError> {
    let compat = compat(&p)?;
    let kube_version = match p.string("kube-version").filter(|v| !v.is_empty()) {
        Some(v) => Some(
            KubeVersion::parse(v, compat)
                .map_err(|e| CliError::Message(format!("invalid kube version '{v}': {e}")))?,
        ),
        None => None,
    };
    let values = user_values(&p, compat)?;
    let opts = LintOptions {
        strict: p.bool("strict"),
        namespace: p
            .string("namespace")
            .filter(|n| !n.is_empty())
            .unwrap_or("default")
            .to_string(),
        kube_version,
        skip_schema_validation: p.bool("skip-schema-validation"),
        schema_loader: Some(crate::http::schema_loader()),
        values,
        compat,
    };
    let results = lint_all(&p.args, p.bool("with-subcharts"), &opts);
    let out = format_output(&results, p.bool("quiet"));
    // helm logs while linting, prints the report at the end, then its error.
    eprint!("{}", out.logs);
    print!("{}", out.stdout);
    eprint!("{}", &out.stderr[out.logs.len()..]);
    if out.exit_code != 0 {
        // The summary was printed as helm prints its error.
        return Err(CliError::Exit(out.exit_code as u8));
    }
    Ok(())
}
