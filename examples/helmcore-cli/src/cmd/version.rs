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
    let version = concat!("v", env!("CARGO_PKG_VERSION"));
    if p.bool("short") {
        println!("{version}");
    } else {
        println!("helmcore.BuildInfo{{Version:\"{version}\", HelmCompat:\"{HELM_COMPAT}\"}}");
    }
    Ok(())
}
