//! Go's Sprintf on any format string and a fixed set of arguments must not panic.
#![no_main]
use helmcore::gofmt::sprintf;
use helmcore::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Ok(format) = std::str::from_utf8(input) else { return };
    let args = [
        Value::int(-42),
        Value::Float(3.5e-7),
        Value::from("héllo"),
        Value::Nil,
        Value::list(vec![Value::Bool(true), Value::int64(7)]),
        Value::Float(f64::NAN),
    ];
    let _ = sprintf(format, &args);
});
