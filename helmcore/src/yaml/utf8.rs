//! Go's handling of invalid UTF-8 in strings that are printed or encoded.

/// Converts bytes to a string the way Go's `encoding/json` (and a `for range` loop) reads
/// them: every byte that does not start a valid UTF-8 sequence becomes one U+FFFD. Rust's
/// `from_utf8_lossy` instead replaces a whole broken sequence with a single U+FFFD.
///
/// ```
/// use helmcore::yaml::go_lossy_utf8;
/// assert_eq!(go_lossy_utf8(b"a\xe2\x82b"), "a\u{fffd}\u{fffd}b");
/// assert_eq!(go_lossy_utf8("héllo".as_bytes()), "héllo");
/// ```
pub fn go_lossy(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len() + 8);
            let mut rest = bytes;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let (valid, after) = rest.split_at(e.valid_up_to());
                        // SAFETY-free: `valid_up_to` marks a valid prefix.
                        out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                        out.push('\u{fffd}');
                        rest = after.get(1..).unwrap_or_default();
                    }
                }
            }
            out
        }
    }
}
