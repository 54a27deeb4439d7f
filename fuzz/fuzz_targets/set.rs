//! The `--set` family's parser (Helm's strvals) on any string: a value or an error, never a
//! panic. Each flavour runs into a map already holding earlier results, as repeated `--set`
//! flags do, so list-growing and type-conflict paths are reached too.
#![no_main]
use helmcore::value::Map;
use helmcore::values::strvals;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let dest = Map::new();
        let _ = strvals::parse_into(text, &dest);
        let _ = strvals::parse_into_string(text, &dest);
        let _ = strvals::parse_json(text, &dest);
        let _ = strvals::parse_literal_into(text, &dest);
        let mut read = |path: &str| Ok(helmcore::value::Value::from(path));
        let _ = strvals::parse_into_file(text, &dest, &mut read);
    }
});
