//! `sha1sum`, `sha256sum`, `sha512sum` (lowercase hex digests) and `adler32sum` (the
//! checksum in decimal).

use sha1::Digest as _;

/// Lowercase hex of `bytes`, as Go's `hex.EncodeToString`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

pub(crate) fn sha1sum(input: impl AsRef<[u8]>) -> String {
    hex(&sha1::Sha1::digest(input.as_ref()))
}

pub(crate) fn sha256sum(input: impl AsRef<[u8]>) -> String {
    hex(&sha2::Sha256::digest(input.as_ref()))
}

pub(crate) fn sha512sum(input: impl AsRef<[u8]>) -> String {
    hex(&sha2::Sha512::digest(input.as_ref()))
}

pub(crate) fn adler32sum(input: impl AsRef<[u8]>) -> String {
    adler2::adler32_slice(input.as_ref()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are helm4's output for the same template calls.
    #[test]
    fn digests_match_helm() {
        assert_eq!(sha1sum("hello"), "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
        assert_eq!(
            sha256sum("hello"),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(
            sha512sum("hello"),
            "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"
        );
        assert_eq!(adler32sum("hello"), "103547413");
        assert_eq!(adler32sum(""), "1");
        assert_eq!(sha1sum(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            sha256sum(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha512sum("héllo wörld ✓"),
            "73caa564cb3c4c7f36170f3a113d34fb9ab766e6eb866da8442891d8f2214482dad7a1cd7144d425ee73c63bd84a23129dff476ed37b82743d41dca6396176d8"
        );
        assert_eq!(adler32sum("héllo wörld ✓"), "1287915679");
        // Long enough for the modular reduction to matter.
        assert_eq!(adler32sum("ÿ".repeat(6000)), "3070908654");
        assert_eq!(
            sha256sum("ab".repeat(1000)),
            "696e1b3c609d2a2826160a90c0cda0967c2fee0cd2f13e13ff33c7f15a116526"
        );
    }
}
