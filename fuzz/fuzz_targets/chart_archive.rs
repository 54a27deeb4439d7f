//! Archives are hostile input: any bytes as a `.tgz`, and any bytes as the tar stream
//! inside a well-formed gzip member, give a chart or an error — never a panic, a hang,
//! unbounded memory or a file outside the chart.
#![no_main]
use std::io::Write;

use helmcore::chart::{load_archive_with_limits, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    // Small limits, so that a decompression bomb is caught within the fuzzer's memory.
    let limits = Limits {
        max_chart_size: 1 << 20,
        max_file_size: 1 << 18,
    };
    let _ = load_archive_with_limits(input, limits);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if gz.write_all(input).is_err() {
        return;
    }
    let Ok(tgz) = gz.finish() else { return };
    if let Ok(chart) = load_archive_with_limits(&tgz, limits) {
        // Every path the loader kept is relative and inside the chart.
        for file in chart.raw.iter() {
            assert!(!file.name.starts_with('/') && !file.name.split('/').any(|p| p == ".."));
        }
    }
});
