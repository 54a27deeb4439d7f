//! `helmcore show chart|values|readme|crds|all CHART`, as `helm show` prints them, with
//! helm's flags (`show values --jsonpath` included); `--compat v3` prints as helm3 does.

use helmcore::chart::{show_for, ShowFormat};
use helmcore::render::Compat;

use super::shared::{chart_path_flags, compat, locate_local_chart};
use super::{Args, Command};
use crate::flags::{Kind, Parsed, Spec};
use crate::CliError;

/// The `show` subcommands, most specific first.
pub fn commands() -> Vec<Command> {
    vec![
        command(&["show", "all"], "show all [CHART]", 
            "show all information of the chart",
            "This command inspects a chart (directory or archive) and displays all its content\n(values.yaml, Chart.yaml, README)",
            run_all),
        command(&["show", "chart"], "show chart [CHART]", 
            "show the chart's definition",
            "This command inspects a chart (directory or archive) and displays the contents\nof the Chart.yaml file",
            run_chart),
        command(&["show", "crds"], "show crds [CHART]", 
            "show the chart's CRDs",
            "This command inspects a chart (directory or archive) and displays the contents\nof the CustomResourceDefinition files",
            run_crds),
        command(&["show", "readme"], "show readme [CHART]", 
            "show the chart's README",
            "This command inspects a chart (directory or archive) and displays the contents\nof the README file",
            run_readme),
        Command {
            flags: {
                let mut flags = show_flags();
                flags.push(Spec::new("jsonpath", Kind::String));
                flags
            },
            ..command(&["show", "values"], "show values [CHART]", 
            "show the chart's values",
            "This command inspects a chart (directory or archive) and displays the contents\nof the values.yaml file",
            run_values)
        },
    ]
}

/// A `show` subcommand.
fn command(
    path: &'static [&'static str],
    usage: &'static str,
    short: &'static str,
    long: &'static str,
    run: fn(Parsed) -> Result<(), CliError>,
) -> Command {
    Command {
        path,
        usage,
        short,
        long,
        flags: show_flags(),
        args: Args::Exact(1),
        run,
    }
}

fn show_flags() -> Vec<Spec> {
    let mut flags = chart_path_flags();
    flags.push(Spec::new("compat", Kind::String));
    flags
}

fn print(p: &Parsed, format: ShowFormat) -> Result<(), CliError> {
    let compat = compat(p)?;
    let chart = load(p, compat)?;
    let text = show_for(&chart, format, compat).map_err(|e| CliError::Message(e.to_string()))?;
    print!("{text}");
    Ok(())
}

fn load(p: &Parsed, compat: Compat) -> Result<helmcore::chart::Chart, CliError> {
    let name = p.args[0].trim();
    let path = locate_local_chart(p, name)?;
    match compat {
        // `helm show` loads with the chart-v2 loader directly.
        Compat::V4 => {
            let mut log = Vec::new();
            let loaded = helmcore::chart::load_v2_logged(path, &mut log);
            super::shared::print_log(&log, compat);
            loaded.map_err(|e| CliError::Message(e.to_string()))
        }
        // helm3 has one loader, the one `template` uses; it decodes values.yaml at once.
        Compat::V3 => {
            let chart = super::shared::load_chart(&path, compat)?;
            match chart.values_error() {
                Some(e) => Err(CliError::Message(e.to_string())),
                None => Ok(chart),
            }
        }
    }
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

/// `--jsonpath` prints the template applied to the chart's values, without a newline,
/// and nothing when evaluating it fails (helm ignores that error).
fn run_values(p: Parsed) -> Result<(), CliError> {
    let Some(template) = p.string("jsonpath").filter(|t| !t.is_empty()) else {
        return print(&p, ShowFormat::Values);
    };
    let chart = load(&p, compat(&p)?)?;
    let out = helmcore::chart::show_values_jsonpath(&chart, template)
        .map_err(|e| CliError::Message(e.to_string()))?;
    std::io::Write::write_all(&mut std::io::stdout(), &out)
        .map_err(|e| CliError::Message(e.to_string()))
}
