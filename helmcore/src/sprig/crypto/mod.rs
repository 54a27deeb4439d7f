//! Sprig's crypto, hashing and random template functions, with Sprig v3.3.0's Go
//! signatures (the version Helm 3.17 and 4.1 build with).
//!
//! | function | Go signature |
//! | --- | --- |
//! | `sha1sum` `sha256sum` `sha512sum` `adler32sum` | `func(string) string` |
//! | `randAlphaNum` `randAlpha` `randNumeric` `randAscii` | `func(int) string` |
//! | `randBytes` | `func(int) (string, error)` |
//! | `randInt` | `func(min, max int) int` |
//! | `shuffle` | `func(string) string` |
//! | `uuidv4` | `func() string` |
//! | `bcrypt` | `func(string) string` |
//! | `htpasswd` | `func(user, password string) string` |
//! | `derivePassword` | `func(counter uint32, passwordType, password, user, site string) string` |
//! | `encryptAES` `decryptAES` | `func(password, text string) (string, error)` |
//! | `genPrivateKey` | `func(typ string) string` |
//! | `buildCustomCert` | `func(b64cert, b64key string) (certificate, error)` |
//! | `genCA` | `func(cn string, days int) (certificate, error)` |
//! | `genCAWithKey` | `func(cn string, days int, key string) (certificate, error)` |
//! | `genSelfSignedCert` | `func(cn string, ips, dns []interface{}, days int) (certificate, error)` |
//! | `genSelfSignedCertWithKey` | `… days int, key string) (certificate, error)` |
//! | `genSignedCert` | `… days int, ca certificate) (certificate, error)` |
//! | `genSignedCertWithKey` | `… days int, ca certificate, key string) (certificate, error)` |
//!
//! Several functions report failures as their *result* text rather than an error, as
//! Sprig does (`genPrivateKey "foo"` gives `Unknown type foo`, `htpasswd "a:b" "x"` gives
//! `invalid username: a:b`).
//!
//! ```
//! use helmcore::sprig::crypto::functions;
//! use helmcore::value::Value;
//! let sha = functions().iter().find(|f| f.name == "sha256sum").unwrap();
//! let out = (sha.call)(vec![Value::from("hello")]).unwrap();
//! assert_eq!(out.as_str(), Some("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
//! ```

mod aes;
mod certificate;
mod der;
mod error;
mod gobase64;
mod hash;
mod keys;
mod password;
mod pem;
mod primes;
mod random;
mod x509;

pub use certificate::{
    build_custom_cert, gen_ca, gen_ca_with_key, gen_self_signed_cert,
    gen_self_signed_cert_with_key, gen_signed_cert, gen_signed_cert_with_key, Certificate,
    CERTIFICATE_TYPE,
};
pub use error::{AesError, CertError, KeyError, RandomError, X509Error};
pub use random::MAX_RANDOM_LEN;

use crate::engine::func::{Func, Param};
use crate::value::Value;

use keys::PrivateKey;
use random::Alphabet;

/// The crypto, hashing and random functions, with their Go signatures.
pub fn functions() -> &'static [Func] {
    FUNCS
}

const CERT: Param = Param::Struct(CERTIFICATE_TYPE);

static FUNCS: &[Func] = &[
    func("sha1sum", &[Param::BytesString], |a| {
        Ok(hash::sha1sum(bytes(&a, 0)?).into())
    }),
    func("sha256sum", &[Param::BytesString], |a| {
        Ok(hash::sha256sum(bytes(&a, 0)?).into())
    }),
    func("sha512sum", &[Param::BytesString], |a| {
        Ok(hash::sha512sum(bytes(&a, 0)?).into())
    }),
    func("adler32sum", &[Param::BytesString], |a| {
        Ok(hash::adler32sum(bytes(&a, 0)?).into())
    }),
    func("randAlphaNum", &[Param::Int], |a| {
        random_string(Alphabet::AlphaNumeric, &a)
    }),
    func("randAlpha", &[Param::Int], |a| {
        random_string(Alphabet::Alpha, &a)
    }),
    func("randNumeric", &[Param::Int], |a| {
        random_string(Alphabet::Numeric, &a)
    }),
    func("randAscii", &[Param::Int], |a| {
        random_string(Alphabet::Ascii, &a)
    }),
    func("randBytes", &[Param::Int], |a| {
        Ok(random::rand_bytes(int(&a, 0)?)
            .map_err(|e| e.to_string())?
            .into())
    }),
    func("randInt", &[Param::Int, Param::Int], |a| {
        Ok(Value::int(
            random::rand_int(int(&a, 0)?, int(&a, 1)?).map_err(|e| e.to_string())?,
        ))
    }),
    func("shuffle", &[Param::String], |a| {
        Ok(random::shuffle(string(&a, 0)?).into())
    }),
    func("uuidv4", &[], |_| Ok(random::uuidv4().into())),
    func("bcrypt", &[Param::String], |a| {
        Ok(password::bcrypt(string(&a, 0)?).into())
    }),
    func("htpasswd", &[Param::String, Param::String], |a| {
        Ok(password::htpasswd(string(&a, 0)?, string(&a, 1)?).into())
    }),
    func(
        "derivePassword",
        &[
            Param::Uint32,
            Param::String,
            Param::String,
            Param::String,
            Param::String,
        ],
        |a| {
            // The executor has already reduced the counter to 32 bits, as Go's SetUint does.
            let counter = int(&a, 0)? as u32;
            Ok(password::derive_password(
                counter,
                string(&a, 1)?,
                string(&a, 2)?,
                string(&a, 3)?,
                string(&a, 4)?,
            )
            .into())
        },
    ),
    func("encryptAES", &[Param::String, Param::BytesString], |a| {
        Ok(aes::encrypt_aes(string(&a, 0)?, bytes(&a, 1)?).into())
    }),
    func("decryptAES", &[Param::String, Param::String], |a| {
        // The plaintext is whatever bytes were encrypted: a Go string, maybe not UTF-8.
        Ok(Value::from_go_bytes(
            aes::decrypt_aes(string(&a, 0)?, string(&a, 1)?).map_err(|e| e.to_string())?,
        ))
    }),
    func("genPrivateKey", &[Param::String], |a| {
        Ok(generate_private_key(string(&a, 0)?).into())
    }),
    func("buildCustomCert", &[Param::String, Param::String], |a| {
        cert(build_custom_cert(string(&a, 0)?, string(&a, 1)?))
    }),
    func("genCA", &[Param::String, Param::Int], |a| {
        cert(gen_ca(string(&a, 0)?, int(&a, 1)?))
    }),
    func(
        "genCAWithKey",
        &[Param::String, Param::Int, Param::String],
        |a| cert(gen_ca_with_key(string(&a, 0)?, int(&a, 1)?, string(&a, 2)?)),
    ),
    func(
        "genSelfSignedCert",
        &[Param::String, Param::List, Param::List, Param::Int],
        |a| {
            cert(gen_self_signed_cert(
                string(&a, 0)?,
                arg(&a, 1)?,
                arg(&a, 2)?,
                int(&a, 3)?,
            ))
        },
    ),
    func(
        "genSelfSignedCertWithKey",
        &[
            Param::String,
            Param::List,
            Param::List,
            Param::Int,
            Param::String,
        ],
        |a| {
            cert(gen_self_signed_cert_with_key(
                string(&a, 0)?,
                arg(&a, 1)?,
                arg(&a, 2)?,
                int(&a, 3)?,
                string(&a, 4)?,
            ))
        },
    ),
    func(
        "genSignedCert",
        &[Param::String, Param::List, Param::List, Param::Int, CERT],
        |a| {
            cert(gen_signed_cert(
                string(&a, 0)?,
                arg(&a, 1)?,
                arg(&a, 2)?,
                int(&a, 3)?,
                certificate(&a, 4)?,
            ))
        },
    ),
    func(
        "genSignedCertWithKey",
        &[
            Param::String,
            Param::List,
            Param::List,
            Param::Int,
            CERT,
            Param::String,
        ],
        |a| {
            let ca = certificate(&a, 4)?;
            cert(gen_signed_cert_with_key(
                string(&a, 0)?,
                arg(&a, 1)?,
                arg(&a, 2)?,
                int(&a, 3)?,
                ca,
                string(&a, 5)?,
            ))
        },
    ),
];

const fn func(
    name: &'static str,
    params: &'static [Param],
    call: fn(Vec<Value>) -> Result<Value, String>,
) -> Func {
    Func {
        name,
        params,
        variadic: None,
        call,
    }
}

/// `genPrivateKey`: a PEM private key of the named type; `""` means `rsa`.
fn generate_private_key(typ: &str) -> String {
    let key = match typ {
        "" | "rsa" => PrivateKey::generate_rsa(keys::RSA_KEY_BITS),
        "dsa" => Ok(PrivateKey::generate_dsa()),
        "ecdsa" => Ok(PrivateKey::generate_ecdsa()),
        "ed25519" => Ok(PrivateKey::generate_ed25519()),
        _ => return format!("Unknown type {typ}"),
    };
    match key {
        Ok(key) => key.to_pem(),
        Err(e) => format!("failed to generate private key: {e}"),
    }
}

fn random_string(alphabet: Alphabet, args: &[Value]) -> Result<Value, String> {
    Ok(random::random_string(alphabet, int(args, 0)?)
        .map_err(|e| e.to_string())?
        .into())
}

fn cert(result: Result<Certificate, CertError>) -> Result<Value, String> {
    result
        .map(Certificate::into_value)
        .map_err(|e| e.to_string())
}

// The executor converts arguments to the declared types before calling; these accessors
// still refuse a mismatch (with Go's wording) rather than panic.

fn arg(args: &[Value], i: usize) -> Result<&Value, String> {
    args.get(i)
        .ok_or_else(|| format!("missing argument {}", i + 1))
}

/// A [`Param::BytesString`] argument's bytes.
fn bytes(args: &[Value], i: usize) -> Result<&[u8], String> {
    let v = arg(args, i)?;
    v.go_bytes().ok_or_else(|| {
        format!(
            "wrong type for value; expected string; got {}",
            v.type_name()
        )
    })
}

fn string(args: &[Value], i: usize) -> Result<&str, String> {
    let v = arg(args, i)?;
    v.as_str().ok_or_else(|| {
        format!(
            "wrong type for value; expected string; got {}",
            v.type_name()
        )
    })
}

fn int(args: &[Value], i: usize) -> Result<i64, String> {
    match arg(args, i)? {
        Value::Int(n, _) => Ok(*n),
        v => Err(format!(
            "wrong type for value; expected int; got {}",
            v.type_name()
        )),
    }
}

fn certificate(args: &[Value], i: usize) -> Result<&Certificate, String> {
    let v = arg(args, i)?;
    v.downcast::<Certificate>().ok_or_else(|| {
        format!(
            "wrong type for value; expected {CERTIFICATE_TYPE}; got {}",
            v.type_name()
        )
    })
}
