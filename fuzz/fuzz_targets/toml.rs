//! `fromToml`'s decoder (helm4's BurntSushi v1.6 rules and helm3's v1.4 ones) on any
//! bytes: a table or BurntSushi's error text, never a panic or a stack overflow (arrays
//! and inline tables may nest without limit, as in Go).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = helmcore::toml::from_slice(data);
    let _ = helmcore::toml::from_slice_helm3(data);
});
