//! The command tree, one file per helm command.

mod lint;
mod shared;
mod show;
mod template;
mod values;
mod version;

use crate::flags::{Kind, Parsed, Spec};

/// How many positional arguments a command takes, with cobra's/helm's wording when the
/// count is wrong.
#[derive(Clone, Copy, Debug)]
pub enum Args {
    Exact(usize),
    AtLeast(usize),
}

/// A runnable command: `helmcore show chart` has the path `["show", "chart"]`.
pub struct Command {
    pub path: &'static [&'static str],
    /// cobra's `Use` line without the root name, e.g. `template [NAME] [CHART]`.
    pub usage: &'static str,
    /// The line `helmcore --help` lists it with.
    pub short: &'static str,
    /// What `--help` says first.
    pub long: &'static str,
    pub flags: Vec<Spec>,
    pub args: Args,
    pub run: fn(Parsed) -> Result<(), crate::CliError>,
}

/// Flags every helm command accepts (helm's persistent flags). The cluster ones are
/// accepted so that command lines written for helm work; commands that would need a
/// cluster say so.
pub fn global_flags() -> Vec<Spec> {
    vec![
        Spec::new("burst-limit", Kind::Int),
        Spec::new("color", Kind::String),
        Spec::new("colour", Kind::String),
        Spec::new("content-cache", Kind::String),
        Spec::new("debug", Kind::Bool),
        Spec::new("help", Kind::Bool).short('h'),
        Spec::new("kube-apiserver", Kind::String),
        Spec::new("kube-as-group", Kind::StringArray),
        Spec::new("kube-as-user", Kind::String),
        Spec::new("kube-ca-file", Kind::String),
        Spec::new("kube-context", Kind::String),
        Spec::new("kube-insecure-skip-tls-verify", Kind::Bool),
        Spec::new("kube-tls-server-name", Kind::String),
        Spec::new("kube-token", Kind::String),
        Spec::new("kubeconfig", Kind::String),
        Spec::new("namespace", Kind::String).short('n'),
        Spec::new("qps", Kind::Float),
        Spec::new("registry-config", Kind::String),
        Spec::new("repository-cache", Kind::String),
        Spec::new("repository-config", Kind::String),
    ]
}

/// Every command, most specific path first within a family.
pub fn commands() -> Vec<Command> {
    let mut all = vec![
        version::command(),
        values::command(),
        template::command(),
        lint::command(),
    ];
    all.extend(show::commands());
    all
}
