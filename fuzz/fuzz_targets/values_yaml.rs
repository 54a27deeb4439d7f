//! Values files as Helm reads them (YAML 1.1 through JSON, several documents merged): any
//! bytes give values or an error naming a line, never a panic, a hang or unbounded memory
//! (aliases that expand exponentially must be refused).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = helmcore::yaml::load_values_slice(data);
    let _ = helmcore::yaml::from_slice(data);
});
