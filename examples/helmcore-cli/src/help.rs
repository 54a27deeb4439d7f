//! `--help`, `help COMMAND` and the bare command: usage laid out as helm's (cobra's)
//! is, so that a helm user reads it the same way. Flags helm hides stay hidden; flags
//! that only matter for a download or a cluster say what helmcore does with them.

use crate::cmd::Command;
use crate::flags::{Kind, Spec};
use crate::ROOT;

/// What the root command says about itself.
const ROOT_LONG: &str =
    "helmcore renders, lints and inspects Helm charts as helm v4.1.4 does (helm v3.17.1
with --compat v3), byte for byte, without a cluster and without Go.

Commands, flags, output, errors and exit codes follow helm's, so command lines
written for helm run unchanged.";

/// The one-line description of each flag, by long name. Deprecated flags have none:
/// pflag leaves them out of the help.
fn describe(name: &str) -> Option<&'static str> {
    Some(match name {
        "api-versions" => "Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)",
        "burst-limit" => "client-side default throttling limit (accepted; helmcore contacts no cluster)",
        "ca-file" => "verify certificates of HTTPS-enabled servers using this CA bundle (accepted; helmcore downloads no chart)",
        "cert-file" => "identify HTTPS client using this SSL certificate file (accepted; helmcore downloads no chart)",
        "color" | "colour" => "use colored output (never, auto, always); helmcore prints no color",
        "compat" => "the helm release to behave as: v4 (helm v4.1.4, the default) or v3 (helm v3.17.1)",
        "content-cache" => "path to the directory containing cached content (accepted; unused)",
        "create-namespace" => "create the release namespace if not present (no effect on rendering)",
        "debug" => "enable verbose output (the rendered output of a template that is not valid YAML)",
        "dependency-update" => "update dependencies if they are missing (helmcore reads local charts only: missing dependencies fail)",
        "description" => "add a custom description (no effect on rendering)",
        "devel" => "use development versions, too (accepted; helmcore downloads no chart)",
        "disable-openapi-validation" => "do not validate rendered templates against the Kubernetes OpenAPI Schema (no effect on rendering)",
        "dry-run" => "\"client\" renders locally; \"server\" needs a cluster and fails",
        "enable-dns" => "enable DNS lookups when rendering templates (getHostByName)",
        "force-conflicts" => "if set server-side apply will force changes against conflicts (no effect on rendering)",
        "force-replace" => "force resource updates by replacement (no effect on rendering)",
        "generate-name" => "generate the name (and omit the NAME parameter)",
        "help" => "help for this command",
        "hide-notes" => "do not show notes in install output (no effect on rendering)",
        "include-crds" => "include CRDs in the templated output",
        "insecure-skip-tls-verify" => "skip tls certificate checks for the chart download (accepted; helmcore downloads no chart)",
        "is-upgrade" => "set .Release.IsUpgrade instead of .Release.IsInstall",
        "jsonpath" => "supply a JSONPath expression to filter the output",
        "key-file" => "identify HTTPS client using this SSL key file (accepted; helmcore downloads no chart)",
        "keyring" => "location of public keys used for verification",
        "kube-apiserver" => "the address and the port for the Kubernetes API server (accepted; helmcore contacts no cluster)",
        "kube-as-group" => "group to impersonate for the operation, can be repeated (accepted; helmcore contacts no cluster)",
        "kube-as-user" => "username to impersonate for the operation (accepted; helmcore contacts no cluster)",
        "kube-ca-file" => "the certificate authority file for the Kubernetes API server connection (accepted; helmcore contacts no cluster)",
        "kube-context" => "name of the kubeconfig context to use (accepted; helmcore contacts no cluster)",
        "kube-insecure-skip-tls-verify" => "skip the Kubernetes API server's certificate check (accepted; helmcore contacts no cluster)",
        "kube-tls-server-name" => "server name to use for Kubernetes API server certificate validation (accepted; helmcore contacts no cluster)",
        "kube-token" => "bearer token used for authentication (accepted; helmcore contacts no cluster)",
        "kube-version" => "Kubernetes version used for Capabilities.KubeVersion (and lint's deprecation checks)",
        "kubeconfig" => "path to the kubeconfig file (accepted; helmcore contacts no cluster)",
        "labels" => "labels that would be added to release metadata, comma-separated (no effect on rendering)",
        "name-template" => "specify template used to name the release",
        "namespace" => "namespace scope for this request (.Release.Namespace)",
        "no-hooks" => "prevent hooks from running during install (leaves them out of the output)",
        "output-dir" => "writes the executed templates to files in output-dir instead of stdout",
        "pass-credentials" => "pass credentials to all domains (accepted; helmcore downloads no chart)",
        "password" => "chart repository password (accepted; helmcore downloads no chart)",
        "plain-http" => "use insecure HTTP connections for the chart download (accepted; helmcore downloads no chart)",
        "post-renderer" => "the path to an executable to be used for post rendering (manifests on stdin, result on stdout)",
        "post-renderer-args" => "an argument to the post-renderer (can specify multiple)",
        "qps" => "queries per second used when communicating with the Kubernetes API (accepted; helmcore contacts no cluster)",
        "quiet" => "print only warnings and errors",
        "registry-config" => "path to the registry config file (accepted; helmcore contacts no registry)",
        "release-name" => "use release name in the output-dir path",
        "render-subchart-notes" => "if set, render subchart notes along with the parent",
        "replace" => "re-use the given name, only if that name is a deleted release which remains in the history (no effect on rendering)",
        "repo" => "chart repository url where to locate the requested chart (refused: helmcore reads local charts only)",
        "repository-cache" => "path to the directory containing cached repository indexes (accepted; unused)",
        "repository-config" => "path to the file containing repository names and URLs (accepted; unused)",
        "rollback-on-failure" => "roll back on a failed install (no effect on rendering)",
        "server-side" => "object updates run in the server instead of the client (no effect on rendering)",
        "set" => "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)",
        "set-file" => "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)",
        "set-json" => "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {\"key1\": jsonval1, \"key2\": \"jsonval2\"})",
        "set-literal" => "set a literal STRING value on the command line",
        "set-string" => "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)",
        "short" => "print the version number",
        "show-only" => "only show manifests rendered from the given templates",
        "skip-crds" => "if set, no CRDs will be installed (left out of the output with --include-crds)",
        "skip-schema-validation" => "if set, disables JSON schema validation",
        "skip-tests" => "skip tests from templated output",
        "strict" => "fail on lint warnings",
        "take-ownership" => "ignore the check for helm annotations and take ownership of the existing resources (no effect on rendering)",
        "template" => "template for version string format (fields .Version and .HelmCompat)",
        "timeout" => "time to wait for any individual Kubernetes operation (no effect on rendering)",
        "username" => "chart repository username (accepted; helmcore downloads no chart)",
        "values" => "specify values in a YAML file or a URL (can specify multiple)",
        "verify" => "verify the package before using it (helmcore checks no OpenPGP signature: it fails)",
        "version" => "specify a version constraint for the chart version to use (ignored for a local chart, as in helm)",
        "wait" => "wait until resources are ready (no effect on rendering)",
        "wait-for-jobs" => "wait until all Jobs have completed (no effect on rendering)",
        "with-subcharts" => "lint dependent charts",
        _ => return None,
    })
}

/// The root's help: `helmcore`, `helmcore --help`, `helmcore help`.
pub fn root(commands: &[Command], globals: &[Spec]) -> String {
    let mut out = format!("{ROOT_LONG}\n\nUsage:\n  {ROOT} [command]\n\n");
    out.push_str(&command_list(commands, &[]));
    out.push_str("\nFlags:\n");
    out.push_str(&flag_table(globals, ROOT));
    out.push_str(&format!(
        "\nUse \"{ROOT} [command] --help\" for more information about a command.\n"
    ));
    out
}

/// A group's help (`helmcore show`): its subcommands and the global flags.
pub fn group(prefix: &[&str], commands: &[Command], globals: &[Spec]) -> String {
    let name = prefix.join(" ");
    let about = group_about(prefix).1;
    let mut out = format!("{about}\n\nUsage:\n  {ROOT} {name} [command]\n\n");
    if prefix == ["show"] {
        out.push_str("Aliases:\n  show, inspect\n\n");
    }
    out.push_str(&command_list(commands, prefix));
    let help = [Spec::new("help", Kind::Bool).short('h')];
    out.push_str("\nFlags:\n");
    out.push_str(&flag_table(&help, prefix.last().copied().unwrap_or(ROOT)));
    out.push_str("\nGlobal Flags:\n");
    out.push_str(&flag_table(&without_help(globals), ROOT));
    out.push_str(&format!(
        "\nUse \"{ROOT} {name} [command] --help\" for more information about a command.\n"
    ));
    out
}

/// One command's help: its long description, usage, own flags and the global ones.
pub fn command(c: &Command, globals: &[Spec]) -> String {
    let mut out = format!(
        "{}\n\nUsage:\n  {ROOT} {} [flags]\n\nFlags:\n",
        c.long, c.usage
    );
    let mut own = c.flags.clone();
    own.push(Spec::new("help", Kind::Bool).short('h'));
    out.push_str(&flag_table(&own, c.path.last().copied().unwrap_or(ROOT)));
    out.push_str("\nGlobal Flags:\n");
    out.push_str(&flag_table(&without_help(globals), ROOT));
    out
}

/// A subcommand lists `--help` among its own flags, not the global ones.
fn without_help(globals: &[Spec]) -> Vec<Spec> {
    globals
        .iter()
        .filter(|s| s.name != "help")
        .cloned()
        .collect()
}

/// `Available Commands:`: the direct children of `prefix` (a group stands for its
/// members once), with helm's `help` at the root.
fn command_list(commands: &[Command], prefix: &[&str]) -> String {
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for c in commands.iter().filter(|c| c.path.starts_with(prefix)) {
        let name = c.path[prefix.len()];
        let about = match c.path.len() - prefix.len() {
            1 => c.short,
            _ => group_about(&c.path[..=prefix.len()]).0,
        };
        if !rows.iter().any(|(n, _)| *n == name) {
            rows.push((name, about));
        }
    }
    if prefix.is_empty() {
        rows.push(("help", "Help about any command"));
    }
    rows.sort();
    let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(11);
    let mut out = String::from("Available Commands:\n");
    for (name, about) in rows {
        out.push_str(&format!("  {name:width$} {about}\n"));
    }
    out
}

/// The one-line and the long description of a command group.
fn group_about(prefix: &[&str]) -> (&'static str, &'static str) {
    match prefix {
        ["show"] => (
            "show information of a chart",
            "This command consists of multiple subcommands to display information about a chart",
        ),
        _ => ("", ""),
    }
}

/// pflag's table: `-s, --long type   description`, sorted by long name, the
/// descriptions aligned three spaces after the widest left column.
fn flag_table(specs: &[Spec], command: &str) -> String {
    let mut specs: Vec<&Spec> = specs.iter().collect();
    specs.sort_by_key(|s| s.name);
    let rows: Vec<(String, String)> = specs
        .into_iter()
        .filter(|s| s.deprecated.is_none())
        .filter_map(|s| {
            let about = match s.name {
                "help" => format!("help for {command}"),
                name => describe(name)?.to_string(),
            };
            let short = s.short.map_or("    ".to_string(), |c| format!("-{c}, "));
            let kind = match (s.kind, s.no_opt_default) {
                (_, Some(v)) => format!(" string[=\"{v}\"]"),
                (Kind::Bool, _) => String::new(),
                (Kind::String, _) => " string".into(),
                (Kind::StringArray, _) => " stringArray".into(),
                (Kind::StringSlice, _) => " strings".into(),
                (Kind::Int, _) => " int".into(),
                (Kind::Float, _) => " float32".into(),
                (Kind::Duration, _) => " duration".into(),
                (Kind::StringToString, _) => " stringToString".into(),
            };
            Some((format!("  {short}--{}{kind}", s.name), about))
        })
        .collect();
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(left, about)| format!("{left:width$}   {about}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_visible_flag_is_described() {
        let mut specs = crate::cmd::global_flags();
        for c in crate::cmd::commands() {
            specs.extend(c.flags);
        }
        for s in specs.iter().filter(|s| s.deprecated.is_none()) {
            assert!(
                describe(s.name).is_some(),
                "--{} has no description",
                s.name
            );
        }
    }

    #[test]
    fn tables_align_as_pflag_does() {
        let specs = [
            Spec::new("values", Kind::StringSlice).short('f'),
            Spec::new("strict", Kind::Bool),
            Spec::new("dry-run", Kind::String).no_opt("unset"),
            Spec::new("force", Kind::Bool).deprecated("use --force-replace instead"),
        ];
        assert_eq!(
            flag_table(&specs, "lint"),
            concat!(
                "      --dry-run string[=\"unset\"]   \"client\" renders locally; \"server\" needs a cluster and fails\n",
                "      --strict                     fail on lint warnings\n",
                "  -f, --values strings             specify values in a YAML file or a URL (can specify multiple)\n",
            )
        );
    }
}
