//! `helmcore values CHART`: the values helm computes for an install of CHART with the
//! given values flags — exactly the YAML that `helm install --dry-run=client --debug`
//! prints under `COMPUTED VALUES:`. A helmcore extension.

use super::shared::{load_chart, locate_chart, user_values, value_flags};
use super::{Args, Command};
use crate::flags::Parsed;
use crate::CliError;

pub fn command() -> Command {
    Command {
        path: &["values"],
        usage: "values [CHART]",
        short: "print the values helm computes for an install of a chart",
        long: "Print the values helm computes for an install of the chart with the given values
flags: the YAML that `helm install --dry-run=client --debug` prints under
COMPUTED VALUES. A helmcore extension.",
        flags: value_flags(),
        args: Args::Exact(1),
        run,
    }
}

fn run(p: Parsed) -> Result<(), CliError> {
    let path = locate_chart(p.args[0].trim())?;
    let chart = load_chart(&path, helmcore::render::Compat::V4)?;
    let user = user_values(&p, helmcore::render::Compat::V4)?;
    let computed = helmcore::values::computed_values_logged(&chart, &user).map_err(|f| {
        for w in &f.warnings {
            eprintln!("{w}");
        }
        CliError::Message(f.error.to_string())
    })?;
    for w in &computed.warnings {
        eprintln!("{w}");
    }
    // helm validates before it prints anything.
    let loader = crate::http::schema_loader();
    let mut warnings = Vec::new();
    let valid = helmcore::values::schema::validate_against_schema_with(
        &computed.chart,
        &computed.values,
        Some(&loader),
        &mut warnings,
    );
    for w in &warnings {
        eprintln!("{w}");
    }
    valid.map_err(|e| CliError::Message(e.to_string()))?;
    let text = computed
        .to_yaml()
        .map_err(|e| CliError::Message(e.to_string()))?;
    print!("{text}");
    Ok(())
}
