use super::*;

#[test]
fn scratch() {
    for t in [
        "a: {{Values.big}} {{Values.n}} {{Values}} {{list 1 \"a\" 2.5}} {{add 1 2}}",
        "{{#each Values.l}}[{{this}} {{@index}}]{{/each}}",
        "{{toYaml Values}}",
        "{{indent 4 (toYaml Values.m)}}",
        "{{default \"x\" Values.missing}} {{typeOf Values.big}} {{typeOf (add 1 2)}} {{typeOf 5}}",
        "{{trunc Values.big \"hello\"}}",
        "{{upper Values.missing}}",
        "{{nosuch 1}}",
        "{{#if Values.big}}\nyes\n{{else}}\nno\n{{/if}}\n{{Release.Name}}",
    ] {
        eprintln!(
            "{t:?} => {:?}",
            run(
                t,
                r#"{"big": 1000000, "n": 1.5, "l": ["a", 2], "m": {"k": "v", "z": [1, 2]}}"#
            )
        );
    }
}
