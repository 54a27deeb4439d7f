//! `helmcore`: helm's command line on the helmcore library.
//!
//! Commands, flags, arguments, outputs, error messages and exit codes mirror helm's, so
//! scripts written for `helm template` or `helm lint` run unchanged.

mod chart_ref;
mod cmd;
mod dns;
mod flags;
mod http;

use std::process::ExitCode;

use cmd::{Args, Command};

/// Any failure of a command; printed as helm prints errors: `Error: MESSAGE` on stderr,
/// exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Flag(#[from] flags::FlagError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Message(String),
    /// The command printed its own error; exit with this code.
    #[error("exit status {0}")]
    Exit(u8),
}

// The system allocator, not mimalloc: since the parse trees and loading allocate
// little, mimalloc's speed edge is 5-14% on the largest charts and none on small ones,
// while its per-thread, per-size pages cost about 3 MB more peak memory
// (kube-prometheus-stack 22.2 against 19.2 MB; docs/performance.md).

const ROOT: &str = "helmcore";

fn main() -> ExitCode {
    small_footprint();
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Exit(code)) => ExitCode::from(code),
        Err(e) => {
            eprintln!("Error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Transparent huge pages would make every touched 2 MB region of this short-lived
/// process resident; a render touches little of each.
fn small_footprint() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and touches no memory of
    // ours; a failure (an old kernel) changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn run(argv: &[String]) -> Result<(), CliError> {
    let commands = cmd::commands();
    let (command, rest) = find_command(&commands, argv)?;
    let mut specs = command.flags.clone();
    specs.extend(cmd::global_flags());
    let parsed = flags::parse(&specs, rest)?;
    if parsed.bool("help") {
        println!("Usage:\n  {ROOT} {}", command.usage);
        return Ok(());
    }
    check_args(command, parsed.args.len())?;
    (command.run)(parsed)
}

/// Picks the longest command path that the leading non-flag words spell.
fn find_command<'c>(
    commands: &'c [Command],
    argv: &'c [String],
) -> Result<(&'c Command, &'c [String]), CliError> {
    let words: Vec<&str> = argv
        .iter()
        .take_while(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();
    let best = commands
        .iter()
        .filter(|c| c.path.len() <= words.len() && c.path.iter().zip(&words).all(|(p, w)| p == w))
        .max_by_key(|c| c.path.len());
    match best {
        Some(c) => Ok((c, &argv[c.path.len()..])),
        None if words.is_empty() => Err(CliError::Usage(format!(
            "a command is required\nRun '{ROOT} --help' for usage."
        ))),
        None => Err(CliError::Usage(format!(
            "unknown command {:?} for {:?}\nRun '{ROOT} --help' for usage.",
            words[0], ROOT
        ))),
    }
}

/// Helm's argument-count messages (cmd/helm/require).
fn check_args(c: &Command, n: usize) -> Result<(), CliError> {
    let path = format!("{ROOT} {}", c.path.join(" "));
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = match c.args {
        Args::Exact(k) if n != k && k == 0 => Some(format!("{path:?} accepts no arguments")),
        Args::Exact(k) if n != k => Some(format!("{path:?} requires {k} {}", plural(k))),
        Args::AtLeast(k) if n < k => Some(format!("{path:?} requires at least {k} {}", plural(k))),
        _ => None,
    };
    match msg {
        Some(m) => Err(CliError::Usage(format!(
            "{m}\n\nUsage:  {ROOT} {} [flags]",
            c.usage
        ))),
        None => Ok(()),
    }
}
