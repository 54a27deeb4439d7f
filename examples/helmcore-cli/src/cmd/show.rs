//! `helmcore show chart|values|readme|crds|all CHART`, as `helm show` prints them.

use helmcore::chart::{show, ShowFormat};

use super::shared::locate_chart;
use super::{Args, Command};
use crate::flags::Parsed;
use crate::CliError;

/// The `show` subcommands, most specific first.
pub fn commands() -> Vec<Command> {
    vec![
        command(&["show", "all"], "show all [CHART]", run_all),
        command(&["show", "chart"], "show chart [CHART]", run_chart),
        command(&["show", "crds"], "show crds [CHART]", run_crds),
        command(&["show", "readme"], "show readme [CHART]", run_readme),
        command(&["show", "values"], "show values [CHART]", run_values),
    ]
}

fn command(
    path: &'static [&'static str],
    usage: &'static str,
    run: fn(Parsed) -> Result<(), CliError>,
) -> Command {
    Command {
        path,
        usage,
        flags: Vec::new(),
        args: Args::Exact(1),
        run,
    }
}

fn print(p: &Parsed, format: ShowFormat) -> Result<(), CliError> {
    locate_chart(&p.args[0])?;
    // `helm show` loads with the chart-v2 loader directly.
    let mut log = Vec::new();
    let loaded = helmcore::chart::load_v2_logged(&p.args[0], &mut log);
    super::shared::print_log(&log, helmcore::render::Compat::V4);
    let chart = loaded.map_err(|e| CliError::Message(e.to_string()))?;
    let text = show(&chart, format).map_err(|e| CliError::Message(e.to_string()))?;
    print!("{text}");
    Ok(())
}

fn run_all(p: Parsed) -> Result<(), CliError> {
    print(&p, ShowFormat::All)
}

fn run_chart(p: Parsed) -> Result<(), CliError> {
    print(&p, ShowFormat::Chart)
}

fn run_crds(p: Parsed) -> Result<(), CliError> {
    print(&p, ShowFormat::Crds)
}

fn run_readme(p: Parsed) -> Result<(), CliError> {
    print(&p, ShowFormat::Readme)
}

fn run_values(p: Parsed) -> Result<(), CliError> {
    print(&p, ShowFormat::Values)
}
