use super::*;
#[test]
fn stack() {
    let h = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
        run("{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}{{#if Values.enabled}}{{> a}}{{/if}}{{/inline}}{{> a}}", super::basics::VALUES)
    }).unwrap();
    eprintln!("stack => {:?}", h.join().map_err(|_| "panicked"));
}
#[test]
fn scratch() {
    let v = super::basics::VALUES;
    let helpers = ("c/templates/_helpers.tpl", "{{#*inline \"c.name\"}}{{default Chart.Name Values.nameOverride}}{{/inline}}\n{{#*inline \"c.labels\"}}app: {{> c.name}}\ntier: {{Values.labels.tier}}{{/inline}}\n");
    let lbl = ("c/templates/_labels.hbs", "release: {{Release.Name}}");
    for t in [
        "name: {{> c.name}}\nlabels:\n  {{> c.labels}}\n{{> labels}}",
        "x: {{include \"c.name\" this}} {{upper (include \"c.labels\" this)}}",
        "x: {{nindent 2 (include \"c.labels\" this)}}",
        "x: {{include \"c/templates/_labels.hbs\" this}}",
        "x: {{tpl \"{{Values.name}}-{{upper Release.Name}}\" this}}",
        "x: {{tpl \"{{> c.name}}\" this}}",
        "x: {{tpl \"{{nosuch 1}}\" this}}",
        "x: {{tpl \"{{semver \\\"bad\\\"}}\" this}}",
        "x: {{tpl \"{{required \\\"need\\\" Values.nope}}\" this}}",
        "x: {{include \"c.name\" Values.nested}}",
        "x: {{#with Values.nested}}{{> c.name}}{{/with}}",
        "{{#*inline \"a\"}}{{> b}}{{/inline}}{{#*inline \"b\"}}{{> a}}{{/inline}}{{> a}}",
        "{{#*inline \"rec\"}}{{include \"rec\" this}}{{/inline}}{{include \"rec\" this}}",
        "{{include \"c/templates/x.yaml\" this}}",
    ] {
        eprintln!(
            "{t:?} => {:?}",
            run_with(&[helpers, lbl, (FILE, t)], v, &ExecOptions::helm())
        );
    }
}
