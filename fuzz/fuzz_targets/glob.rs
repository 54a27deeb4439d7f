//! `.Files.Glob`'s gobwas model on any pattern and name (split on the first NUL): a
//! match, a miss or the Go panic's message, never a Rust panic — the model slices names
//! at byte offsets gobwas computes from character counts, which is where it could go
//! wrong.
#![no_main]
use helmcore::render::Glob;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pattern, name) = text.split_once('\0').unwrap_or((text, "a/é.txt"));
    let _ = Glob::new(pattern).try_matches(name);
});
