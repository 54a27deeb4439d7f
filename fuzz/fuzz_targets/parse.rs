//! Parsing any text must give a tree or a parse error, never a panic or a hang.
#![no_main]
use helmcore::engine::{FuncTable, TemplateSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut set = TemplateSet::new(FuncTable::helm());
        let _ = set.add("t", text);
    }
});
