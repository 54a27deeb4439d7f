//! `encryptAES` and `decryptAES`: Sprig's AES-256-CBC scheme.
//!
//! The key is the password's bytes zero-padded or truncated to 32 bytes; the output is
//! base64 of a random 16-byte IV followed by the PKCS#7-padded ciphertext. Decryption
//! does not check the padding: it drops as many bytes as the last byte says, and the Go
//! runtime panics Sprig's code hits on malformed input are reported with Go's texts.

use aes::cipher::{BlockDecryptMut as _, BlockEncryptMut as _, KeyIvInit as _};
use rand::RngCore as _;

use super::error::AesError;
use super::gobase64;

const BLOCK: usize = 16;

fn key(password: &str) -> [u8; 32] {
    let mut key = [0u8; 32];
    let bytes = password.as_bytes();
    let n = bytes.len().min(key.len());
    key[..n].copy_from_slice(&bytes[..n]);
    key
}

pub(crate) fn encrypt_aes(password: &str, plaintext: impl AsRef<[u8]>) -> String {
    let plaintext = plaintext.as_ref();
    if plaintext.is_empty() {
        return String::new();
    }
    let mut iv = [0u8; BLOCK];
    rand::rngs::OsRng.fill_bytes(&mut iv);
    let content = plaintext;
    let padding = BLOCK - content.len() % BLOCK;
    let mut buf = Vec::with_capacity(BLOCK + content.len() + padding);
    buf.extend_from_slice(&iv);
    buf.extend_from_slice(content);
    buf.resize(BLOCK + content.len() + padding, padding as u8);
    let mut encryptor = cbc::Encryptor::<aes::Aes256>::new(&key(password).into(), &iv.into());
    for block in buf[BLOCK..].chunks_exact_mut(BLOCK) {
        encryptor.encrypt_block_mut(block.into());
    }
    gobase64::encode(&buf)
}

/// Decrypts; text that is not valid UTF-8 (a wrong password) is converted lossily, since
/// helmcore strings are Unicode where Go's may hold any bytes.
pub(crate) fn decrypt_aes(password: &str, crypt64: &str) -> Result<Vec<u8>, AesError> {
    if crypt64.is_empty() {
        return Ok(Vec::new());
    }
    let decoded = gobase64::decode(crypt64)?;
    let crypt = decoded.bytes;
    if crypt.len() < BLOCK {
        return Err(if decoded.capacity < BLOCK {
            AesError::ShortIvCapacity(decoded.capacity)
        } else {
            AesError::ShortIv(crypt.len())
        });
    }
    let (iv, body) = crypt.split_at(BLOCK);
    if body.len() % BLOCK != 0 {
        return Err(AesError::NotFullBlocks);
    }
    let mut plain = body.to_vec();
    let mut decryptor = cbc::Decryptor::<aes::Aes256>::new(&key(password).into(), iv.into());
    for block in plain.chunks_exact_mut(BLOCK) {
        decryptor.decrypt_block_mut(block.into());
    }
    let Some(&last) = plain.last() else {
        return Err(AesError::NoBlocks);
    };
    let keep = plain.len() as i64 - i64::from(last);
    if keep < 0 {
        return Err(AesError::BadPadding(keep));
    }
    plain.truncate(keep as usize);
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decrypt_text(password: &str, crypt64: &str) -> Result<String, AesError> {
        decrypt_aes(password, crypt64).map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    fn err(password: &str, crypt: &str) -> String {
        decrypt_text(password, crypt).unwrap_err().to_string()
    }

    #[test]
    fn decrypts_helm_ciphertexts() {
        // Each ciphertext is helm4's `encryptAES` output for the password and text shown.
        assert_eq!(
            decrypt_text("secretkey", "gaePdx/GDuMY5L1RAdfkaIadS9xGEO62gWTnq4BaSw0=").unwrap(),
            "plaintext"
        );
        assert_eq!(
            decrypt_text(
                "0123456789abcdef0123456789abcdefXYZ",
                "MRcSput9MDYLgm5zPjH7/2brKVghnmfsOaneAeTSMTYzssV0pS8c81tW0CBXr0ejk4p/A56+QVFDMxsUQHlprt4zz9+07h1LAf/jzjrlpTc="
            )
            .unwrap(),
            "héllo wörld, a longer plaintext of several blocks!"
        );
        // The password is truncated to 32 bytes.
        assert_eq!(
            decrypt_text(
                "0123456789abcdef0123456789abcdef",
                "MRcSput9MDYLgm5zPjH7/2brKVghnmfsOaneAeTSMTYzssV0pS8c81tW0CBXr0ejk4p/A56+QVFDMxsUQHlprt4zz9+07h1LAf/jzjrlpTc="
            )
            .unwrap(),
            "héllo wörld, a longer plaintext of several blocks!"
        );
        assert_eq!(
            decrypt_text("", "G8xAg1HZTAWMIw30/cUSP2VVePo+4plsCELC5OgL5MU=").unwrap(),
            "x"
        );
        // A whole block of padding after a 16-byte text.
        assert_eq!(
            decrypt_text(
                "k",
                "sosAKNTs0Blzxk6vkcSI7N6mPhQaTBUVAbRaCltLNBh9GDbPUL2rhhd0zVt0Dwp6"
            )
            .unwrap(),
            "exactly sixteen!"
        );
    }

    #[test]
    fn round_trip_and_fresh_iv() {
        let a = encrypt_aes("pw", "some text");
        let b = encrypt_aes("pw", "some text");
        assert_ne!(a, b);
        assert_eq!(gobase64::decode(&a).unwrap().bytes.len(), 32);
        assert_eq!(decrypt_text("pw", &a).unwrap(), "some text");
        assert_eq!(
            decrypt_text("pw", &encrypt_aes("pw", "z".repeat(48))).unwrap(),
            "z".repeat(48)
        );
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(encrypt_aes("k", ""), "");
        assert_eq!(decrypt_text("k", "").unwrap(), "");
    }

    #[test]
    fn malformed_ciphertext_errors_match_helm() {
        assert_eq!(err("k", "YQ"), "illegal base64 data at input byte 0");
        assert_eq!(
            err("k", "YWJj"),
            "runtime error: slice bounds out of range [:16] with capacity 3"
        );
        assert_eq!(
            err("k", "YWJjZGVmZ2hpamtsbW5vcA=="),
            "runtime error: index out of range [-1]"
        );
        assert_eq!(
            err("k", "YWJjZGVmZ2hpamtsbW5vcHFy"),
            "crypto/cipher: input not full blocks"
        );
        assert_eq!(
            err("k", "YWJjZGVmZ2hpamtsbW5vcGFiY2RlZmdoaWprbG1ub3A="),
            "runtime error: slice bounds out of range [:-100]"
        );
        assert_eq!(
            err("wrongkey", "gaePdx/GDuMY5L1RAdfkaIadS9xGEO62gWTnq4BaSw0="),
            "runtime error: slice bounds out of range [:-118]"
        );
    }

    #[test]
    fn short_input_with_spare_capacity() {
        // Newlines make Go allocate room for 18 bytes, so the IV slice succeeds and the
        // body slice fails instead.
        let input = format!("YWJj{}", "\n".repeat(20));
        assert_eq!(
            err("k", &input),
            "runtime error: slice bounds out of range [16:3]"
        );
    }
}
