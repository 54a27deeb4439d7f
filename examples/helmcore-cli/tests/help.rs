//! Help as helm (cobra) lays it out: the root and `show` list their commands, `--help`
//! and `help COMMAND` print a command's usage and flags, exit code 0; the layout and the
//! command lines that print help were checked against helm v4.1.4.

mod common;

fn run(args: &[&str]) -> (String, String, bool) {
    common::run_in(&common::root(), args)
}

#[test]
fn the_root_lists_commands_and_global_flags() {
    for args in [&[][..], &["--help"], &["-h"], &["help"], &["--debug"]] {
        let (out, err, ok) = run(args);
        assert!(ok && err.is_empty(), "{args:?}: {err}");
        assert!(
            out.contains("Usage:\n  helmcore [command]\n\nAvailable Commands:\n"),
            "{out}"
        );
        assert!(
            out.contains("\n  template    locally render templates\n"),
            "{out}"
        );
        assert!(
            out.contains("\n  help        Help about any command\n"),
            "{out}"
        );
        assert!(
            out.contains("\n  -h, --help                            help for helmcore\n"),
            "{out}"
        );
        assert!(out.ends_with(
            "Use \"helmcore [command] --help\" for more information about a command.\n"
        ));
    }
    let (_, err, ok) = run(&["--bogus"]);
    assert!(!ok);
    assert_eq!(err, "Error: unknown flag: --bogus\n");
}

#[test]
fn a_command_prints_its_usage_and_flags() {
    let (out, _, ok) = run(&["template", "--help"]);
    assert!(ok);
    assert!(out.starts_with("Render chart templates locally and display the output.\n"));
    assert!(out.contains("\nUsage:\n  helmcore template [NAME] [CHART] [flags]\n\nFlags:\n"));
    assert!(out.contains("\n  -a, --api-versions strings   "), "{out}");
    assert!(
        out.contains("\n      --dry-run string[=\"unset\"]   "),
        "{out}"
    );
    assert!(out.contains("\n  -h, --help                   "), "{out}");
    // helm hides these; the global --help is listed once, among the command's own.
    for hidden in ["--atomic", "--force ", "--validate"] {
        assert!(!out.contains(hidden), "{hidden}");
    }
    assert_eq!(out.matches("--help").count(), 1);
    assert!(out.contains("\nGlobal Flags:\n      --burst-limit int   "));
    assert_eq!(run(&["help", "template"]).0, out);
    // Flags after --help are parsed, not run.
    assert_eq!(run(&["template", "x", "--help", "-n", "y"]).0, out);
}

#[test]
fn show_is_a_group_also_called_inspect() {
    for args in [
        &["show"][..],
        &["show", "--help"],
        &["show", "nope"],
        &["help", "show"],
        &["inspect"],
    ] {
        let (out, _, ok) = run(args);
        assert!(ok, "{args:?}");
        assert!(
            out.contains("Usage:\n  helmcore show [command]\n\nAliases:\n  show, inspect\n"),
            "{args:?}: {out}"
        );
        assert!(out.contains("\n  values      show the chart's values\n"));
    }
    let (out, _, ok) = run(&["inspect", "chart", "examples/charts/demo"]);
    assert!(ok);
    assert!(out.starts_with("apiVersion: v2\n"), "{out}");
}

#[test]
fn unknown_help_topics_are_named_as_cobra_names_them() {
    let (out, _, ok) = run(&["help", "a", "b"]);
    assert!(ok);
    assert!(out.starts_with("Unknown help topic [`a` `b`]\n"));
    assert!(out.contains("Usage:\n  helmcore [command]\n"));
}
