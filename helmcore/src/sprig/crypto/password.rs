//! Password functions: `bcrypt`, `htpasswd` and `derivePassword`.

use hmac::Mac as _;

/// Go's `bcrypt.DefaultCost`.
const BCRYPT_COST: u32 = 10;
/// Go's bcrypt refuses longer passwords rather than truncating them.
const BCRYPT_MAX_PASSWORD: usize = 72;

/// `bcrypt`: a `$2a$10$` hash. Sprig returns failures as the result text, not an error.
pub(crate) fn bcrypt(input: &str) -> String {
    if input.len() > BCRYPT_MAX_PASSWORD {
        return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
            .to_string();
    }
    match bcrypt::hash_with_result(input, BCRYPT_COST) {
        Ok(parts) => parts.format_for_version(bcrypt::Version::TwoA),
        Err(e) => format!("failed to encrypt string with bcrypt: {e}"),
    }
}

/// `htpasswd`: `user:bcrypt-hash`, or Sprig's message for a user name with a colon.
pub(crate) fn htpasswd(username: &str, password: &str) -> String {
    if username.contains(':') {
        return format!("invalid username: {username}");
    }
    format!("{username}:{}", bcrypt(password))
}

/// The Master Password algorithm's site templates, by password type.
fn templates(password_type: &str) -> Option<&'static [&'static str]> {
    Some(match password_type {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

/// The characters a template letter stands for.
fn template_characters(class: u8) -> &'static [u8] {
    match class {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

const MASTER_PASSWORD_SEED: &[u8] = b"com.lyndir.masterpassword";

/// `derivePassword`: the Master Password site password for `counter`, `user` and `site`.
/// Deterministic: the same inputs give Helm's exact output.
pub(crate) fn derive_password(
    counter: u32,
    password_type: &str,
    password: &str,
    user: &str,
    site: &str,
) -> String {
    let Some(templates) = templates(password_type) else {
        return format!("cannot find password template {password_type}");
    };

    // Master key: scrypt(password, seed || len(user) || user), N=32768, r=8, p=2, 64 bytes.
    let mut salt = MASTER_PASSWORD_SEED.to_vec();
    salt.extend_from_slice(&(user.len() as u32).to_be_bytes());
    salt.extend_from_slice(user.as_bytes());
    let mut key = [0u8; 64];
    let derived = scrypt::Params::new(15, 8, 2, key.len())
        .map_err(|e| e.to_string())
        .and_then(|params| {
            scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key).map_err(|e| e.to_string())
        });
    if let Err(e) = derived {
        return format!("failed to derive password: {e}");
    }

    // Site seed: HMAC-SHA256(key, seed || len(site) || site || counter).
    let mut message = MASTER_PASSWORD_SEED.to_vec();
    message.extend_from_slice(&(site.len() as u32).to_be_bytes());
    message.extend_from_slice(site.as_bytes());
    message.extend_from_slice(&counter.to_be_bytes());
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key) else {
        return "failed to derive password: invalid HMAC key".to_string();
    };
    mac.update(&message);
    let seed = mac.finalize().into_bytes();

    let template = templates[usize::from(seed[0]) % templates.len()].as_bytes();
    template
        .iter()
        .zip(seed.iter().skip(1))
        .map(|(class, s)| {
            let chars = template_characters(*class);
            char::from(chars[usize::from(*s) % chars.len()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are helm4's output for the same template calls.
    #[test]
    fn derive_password_matches_helm() {
        let cases = [
            ("maximum", "pf4zS1LjCg&LjhsZ7T2~"),
            ("long", "ZedaFaxcZaso9*"),
            ("medium", "ZedJuz8$"),
            ("short", "Zed5"),
            ("basic", "pIS54PLs"),
            ("pin", "6685"),
        ];
        for (kind, expected) in cases {
            assert_eq!(
                derive_password(1, kind, "password", "user", "example.com"),
                expected,
                "{kind}"
            );
        }
        assert_eq!(derive_password(0, "long", "", "", ""), "Rozi8;WilbQoyu");
        assert_eq!(
            derive_password(u32::MAX, "maximum", "pässwörd", "üser", "exämple.com"),
            "jmKW8iuD7Nh(5O4jEZ1,"
        );
        assert_eq!(
            derive_password(7, "basic", "secret", "bob", "helm.sh"),
            "Dh22FxE9"
        );
    }

    #[test]
    fn unknown_password_type() {
        assert_eq!(
            derive_password(1, "nope", "password", "user", "example.com"),
            "cannot find password template nope"
        );
    }

    #[test]
    fn bcrypt_verifies_and_helm_hashes_verify() {
        let h = bcrypt("x");
        assert!(h.starts_with("$2a$10$"), "{h}");
        assert_eq!(h.len(), 60);
        assert!(::bcrypt::verify("x", &h).unwrap());
        assert!(!::bcrypt::verify("y", &h).unwrap());
        // Hashes helm4 printed for `bcrypt "x"` and a 72-byte password.
        assert!(::bcrypt::verify(
            "x",
            "$2a$10$A8MPI6V.Uy3W0cNL6NA02edy1AoXyw2NvcFajucelL0cGAcXmkcn."
        )
        .unwrap());
        let long72 = "012345678901234567890123456789012345678901234567890123456789012345678901";
        assert!(::bcrypt::verify(
            long72,
            "$2a$10$3upjoEMZsvRbmCZCAcITfunLnPX7fV5s0DgvGu0TfOrENldIvk6xC"
        )
        .unwrap());
        assert!(::bcrypt::verify(long72, &bcrypt(long72)).unwrap());
    }

    #[test]
    fn bcrypt_rejects_long_passwords_like_go() {
        let long73 = "0123456789012345678901234567890123456789012345678901234567890123456789012";
        assert_eq!(
            bcrypt(long73),
            "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
        );
    }

    #[test]
    fn htpasswd_lines() {
        // helm4: htpasswd "a:b" "x" -> "invalid username: a:b"
        assert_eq!(htpasswd("a:b", "x"), "invalid username: a:b");
        let line = htpasswd("ab", "x");
        let hash = line.strip_prefix("ab:").unwrap();
        assert!(::bcrypt::verify("x", hash).unwrap());
        // helm4 printed this line for `htpasswd "ab" "x"`.
        let helm = "ab:$2a$10$tzvj4LCDZKjjkOD2FE8ZIuhVVjyQC6WTy0.8PTVapCrQk/HtiO9iC";
        assert!(::bcrypt::verify("x", &helm[3..]).unwrap());
    }
}
