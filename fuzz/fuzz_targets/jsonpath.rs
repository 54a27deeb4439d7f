//! `show values --jsonpath` templates: any text parsed, and what parses run over values
//! with maps, lists, strings and nulls (wildcards over strings, filters, `range`/`end` in
//! any order): a result or an error, never a panic.
#![no_main]
use helmcore::jsonpath::JsonPath;
use libfuzzer_sys::fuzz_target;

const VALUES: &str = "a: {b: [1, x, null, {c: 2.5}], s: str}\nl: [[], [1, [2]], {}]\nn: null\n";

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(path) = JsonPath::parse(text) {
            let values = helmcore::yaml::from_str(VALUES).expect("fixed values parse");
            let _ = path.execute(&values);
        }
    }
});
