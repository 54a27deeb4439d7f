//! Parsing and executing any text with a step budget must end with output or an error.
#![no_main]
use helmcore::engine::{ExecOptions, FuncTable, TemplateSet};
use helmcore::value::{Map, Value};
use libfuzzer_sys::fuzz_target;

fn data() -> Value {
    let values = Map::new();
    values.insert("name", Value::from("web"));
    values.insert("n", Value::Float(3.0));
    values.insert("list", Value::list(vec![Value::from("a"), Value::Nil, Value::int64(2)]));
    let nested = Map::new();
    nested.insert("k", Value::Bool(true));
    values.insert("m", Value::Map(nested));
    let top = Map::new();
    top.insert("Values", Value::Map(values.clone()));
    top.insert("Release", Value::Map(nested_release()));
    Value::Map(top)
}

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else { return };
    // A helpers file and the template, so include/template/tpl have something to find.
    let (helpers, main) = text.split_once('\u{0}').unwrap_or(("", text));
    let mut set = TemplateSet::new(FuncTable::helm());
    if set.add("_helpers.tpl", helpers).is_err() || set.add("t", main).is_err() {
        return;
    }
    let opts = ExecOptions { max_steps: Some(20_000), ..ExecOptions::helm() };
    let _ = set.execute("t", &data(), &opts);
});

fn nested_release() -> Map {
    let r = Map::new();
    r.insert("Name", Value::from("rel"));
    r.insert("Revision", Value::int(1));
    r
}
