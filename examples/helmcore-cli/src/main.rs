//! `helmcore`: helm's command line on the helmcore library.
//!
//! Commands, flags, arguments, outputs, error messages and exit codes mirror helm's, so
//! scripts written for `helm template` or `helm lint` run unchanged.

mod chart_ref;
mod cmd;
mod dns;
mod flags;
mod help;
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
    let globals = cmd::global_flags();
    let (command, rest) = match find_command(&commands, &globals, argv)? {
        Found::Command(c, rest) => (c, rest),
        Found::Help(text) => {
            print!("{text}");
            return Ok(());
        }
    };
    let mut specs = command.flags.clone();
    specs.extend(globals.iter().cloned());
    let parsed = flags::parse(&specs, rest)?;
    // helm3 deprecates none of these flags; helm4 notes every use of one once the
    // command line has parsed.
    if parsed.string("compat") != Some("v3") {
        for note in &parsed.deprecations {
            eprintln!("{note}");
        }
    }
    if parsed.bool("help") {
        print!("{}", help::command(command, &globals));
        return Ok(());
    }
    check_args(command, parsed.args.len())?;
    (command.run)(parsed)
}

/// What the leading words of the command line name.
enum Found<'c> {
    /// A command to run, with the rest of the command line.
    Command(&'c Command, &'c [String]),
    /// Help to print instead (the root, a group, `help ...`).
    Help(String),
}

/// Picks the longest command path that the leading non-flag words spell (`inspect` is
/// `show`, as in helm); the root, a group without its subcommand and `help` give help,
/// as cobra does.
fn find_command<'c>(
    commands: &'c [Command],
    globals: &[flags::Spec],
    argv: &'c [String],
) -> Result<Found<'c>, CliError> {
    let words: Vec<&str> = argv
        .iter()
        .take_while(|a| !a.starts_with('-'))
        .map(|w| if w == "inspect" { "show" } else { w.as_str() })
        .collect();
    let longest = |words: &[&str]| {
        commands
            .iter()
            .filter(|c| {
                c.path.len() <= words.len() && c.path.iter().zip(words).all(|(p, w)| p == w)
            })
            .max_by_key(|c| c.path.len())
    };
    let is_group = |w: &str| commands.iter().any(|c| c.path.len() > 1 && c.path[0] == w);
    if words.first() == Some(&"help") {
        let topic = &words[1..];
        return Ok(Found::Help(match (topic.first(), longest(topic)) {
            (None, _) => help::root(commands, globals),
            (_, Some(c)) => help::command(c, globals),
            (Some(w), None) if is_group(w) => help::group(&[w], commands, globals),
            (Some(_), None) => {
                let quoted: Vec<String> = topic.iter().map(|w| format!("`{w}`")).collect();
                format!(
                    "Unknown help topic [{}]\n{}",
                    quoted.join(" "),
                    help::root(commands, globals)
                )
            }
        }));
    }
    match longest(&words) {
        Some(c) => Ok(Found::Command(c, &argv[c.path.len()..])),
        None if words.is_empty() => {
            // The root runs nothing: it checks its flags and prints its help.
            flags::parse(globals, argv)?;
            Ok(Found::Help(help::root(commands, globals)))
        }
        None if is_group(words[0]) => {
            flags::parse(globals, &argv[1..])?;
            Ok(Found::Help(help::group(&words[..1], commands, globals)))
        }
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
