//! Private keys: generating them (`genPrivateKey`), reading Sprig's accepted PEM forms
//! (`parsePrivateKeyPEM`), writing them back out (`pemBlockForKey`) and signing.
//!
//! Sprig always re-encodes a key in the form Go's `pemBlockForKey` chooses for its type,
//! whatever form it was read in: RSA as PKCS#1 (`RSA PRIVATE KEY`), ECDSA as SEC 1
//! (`EC PRIVATE KEY`), Ed25519 as PKCS#8 (`PRIVATE KEY`) and DSA as OpenSSL's
//! `SEQUENCE { version, p, q, g, y, x }` (`DSA PRIVATE KEY`).

use ed25519_dalek::Signer as _;
use p521::elliptic_curve::sec1::ToEncodedPoint as _;
use rand::rngs::OsRng;
use rsa::pkcs1::{DecodeRsaPrivateKey as _, EncodeRsaPrivateKey as _};
use rsa::traits::PublicKeyParts as _;

use super::der::{self, tag, Element};
use super::error::{KeyError, X509Error};
use super::pem;

/// `rsaEncryption`.
const OID_RSA: &[u64] = &[1, 2, 840, 113549, 1, 1, 1];
/// `id-ecPublicKey`.
const OID_EC: &[u64] = &[1, 2, 840, 10045, 2, 1];
const OID_ED25519: &[u64] = &[1, 3, 101, 112];
const OID_P224: &[u64] = &[1, 3, 132, 0, 33];
const OID_P256: &[u64] = &[1, 2, 840, 10045, 3, 1, 7];
const OID_P384: &[u64] = &[1, 3, 132, 0, 34];
const OID_P521: &[u64] = &[1, 3, 132, 0, 35];
const OID_SHA256_WITH_RSA: &[u64] = &[1, 2, 840, 113549, 1, 1, 11];
const OID_ECDSA_SHA256: &[u64] = &[1, 2, 840, 10045, 4, 3, 2];
const OID_ECDSA_SHA384: &[u64] = &[1, 2, 840, 10045, 4, 3, 3];
const OID_ECDSA_SHA512: &[u64] = &[1, 2, 840, 10045, 4, 3, 4];

/// Sprig's RSA size for `genPrivateKey "rsa"`.
pub(crate) const RSA_KEY_BITS: usize = 4096;
/// Sprig's RSA size for the keys `genCA`, `genSelfSignedCert` and `genSignedCert` make.
pub(crate) const CERT_RSA_KEY_BITS: usize = 2048;

/// A private key of any type Sprig handles.
#[derive(Clone)]
pub(crate) enum PrivateKey {
    Rsa(Box<rsa::RsaPrivateKey>),
    Ec(EcKey),
    Ed25519(Box<ed25519_dalek::SigningKey>),
    Dsa(DsaKey),
}

/// An ECDSA key on one of the NIST curves Go's `crypto/x509` parses.
#[derive(Clone)]
pub(crate) enum EcKey {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
}

/// A DSA key, kept as the encoded INTEGERs Go's `asn1` would write back unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DsaKey {
    /// `p, q, g, y, x`, each a complete DER INTEGER.
    integers: [Vec<u8>; 5],
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print key material.
        f.write_str(match self {
            PrivateKey::Rsa(_) => "PrivateKey::Rsa",
            PrivateKey::Ec(_) => "PrivateKey::Ec",
            PrivateKey::Ed25519(_) => "PrivateKey::Ed25519",
            PrivateKey::Dsa(_) => "PrivateKey::Dsa",
        })
    }
}

impl PrivateKey {
    /// An RSA key of `bits` bits with exponent 65537, as Go's `rsa.GenerateKey`.
    ///
    /// The primes come from AWS-LC's prime search, run on every core (see
    /// [`super::primes`]); the pure-Rust search is some twenty times slower per core.
    pub fn generate_rsa(bits: usize) -> Result<PrivateKey, String> {
        Ok(PrivateKey::Rsa(Box::new(super::primes::generate(bits)?)))
    }

    /// A P-256 key.
    pub fn generate_ecdsa() -> PrivateKey {
        PrivateKey::Ec(EcKey::P256(p256::ecdsa::SigningKey::random(&mut OsRng)))
    }

    pub fn generate_ed25519() -> PrivateKey {
        PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::generate(&mut OsRng)))
    }

    /// A DSA key with fresh L=2048, N=256 parameters (Go's `dsa.L2048N256`).
    pub fn generate_dsa() -> PrivateKey {
        let components = dsa::Components::generate(&mut OsRng, dsa::KeySize::DSA_2048_256);
        let key = dsa::SigningKey::generate(&mut OsRng, components);
        let public = key.verifying_key();
        let c = public.components();
        let int = |n: &num_bigint_dig::BigUint| der::uint(&n.to_bytes_be());
        PrivateKey::Dsa(DsaKey {
            integers: [
                int(c.p()),
                int(c.q()),
                int(c.g()),
                int(public.y()),
                int(key.x()),
            ],
        })
    }

    /// Reads a key the way Sprig's `parsePrivateKeyPEM` does: the first PEM block decides
    /// the format by its type.
    pub fn from_pem(text: &str) -> Result<PrivateKey, KeyError> {
        let block = pem::decode(text.as_bytes()).ok_or(KeyError::NoPem)?;
        if block.kind == "PRIVATE KEY" {
            return parse_pkcs8(&block.bytes).map_err(KeyError::Pkcs8);
        }
        let Some(prefix) = block.kind.strip_suffix(" PRIVATE KEY") else {
            return Err(KeyError::NotPrivateKey(block.kind));
        };
        match prefix {
            "RSA" => parse_pkcs1(&block.bytes)
                .map(|k| PrivateKey::Rsa(Box::new(k)))
                .map_err(KeyError::Rsa),
            "EC" => parse_sec1(None, &block.bytes)
                .map(PrivateKey::Ec)
                .map_err(KeyError::Ec),
            "DSA" => parse_dsa(&block.bytes)
                .map(PrivateKey::Dsa)
                .map_err(KeyError::Dsa),
            _ => Err(KeyError::InvalidType(block.kind)),
        }
    }

    /// The PEM text Sprig's `pemBlockForKey` writes for this key.
    pub fn to_pem(&self) -> String {
        match self {
            PrivateKey::Rsa(k) => {
                // Encoding a key that was generated or parsed cannot fail.
                let der = k
                    .to_pkcs1_der()
                    .map(|d| d.as_bytes().to_vec())
                    .unwrap_or_default();
                pem::encode("RSA PRIVATE KEY", &der)
            }
            PrivateKey::Ec(k) => pem::encode("EC PRIVATE KEY", &k.to_sec1_der()),
            PrivateKey::Ed25519(k) => {
                let der = der::sequence(&[
                    &der::small_uint(0),
                    &der::sequence(&[&der::oid(OID_ED25519)]),
                    &der::octet_string(&der::octet_string(k.as_bytes())),
                ]);
                pem::encode("PRIVATE KEY", &der)
            }
            PrivateKey::Dsa(k) => {
                let [p, q, g, y, x] = &k.integers;
                pem::encode(
                    "DSA PRIVATE KEY",
                    &der::sequence(&[&der::small_uint(0), p, q, g, y, x]),
                )
            }
        }
    }

    /// The DER `SubjectPublicKeyInfo` of the public half.
    pub fn public_key_info(&self) -> Result<Vec<u8>, X509Error> {
        let (algorithm, key) = match self {
            PrivateKey::Rsa(k) => {
                let public = der::sequence(&[
                    &der::uint(&k.n().to_bytes_be()),
                    &der::uint(&k.e().to_bytes_be()),
                ]);
                (der::sequence(&[&der::oid(OID_RSA), &der::null()]), public)
            }
            PrivateKey::Ec(k) => (
                der::sequence(&[&der::oid(OID_EC), &der::oid(k.curve_oid())]),
                k.public_point(),
            ),
            PrivateKey::Ed25519(k) => (
                der::sequence(&[&der::oid(OID_ED25519)]),
                k.verifying_key().to_bytes().to_vec(),
            ),
            PrivateKey::Dsa(_) => return Err(X509Error::UnsupportedPublicKey("*dsa.PublicKey")),
        };
        Ok(der::sequence(&[&algorithm, &der::bit_string(&key)]))
    }

    /// The `AlgorithmIdentifier` Go signs certificates with for this key type.
    pub fn signature_algorithm(&self) -> Result<Vec<u8>, X509Error> {
        Ok(match self {
            PrivateKey::Rsa(_) => der::sequence(&[&der::oid(OID_SHA256_WITH_RSA), &der::null()]),
            PrivateKey::Ec(EcKey::P256(_)) => der::sequence(&[&der::oid(OID_ECDSA_SHA256)]),
            PrivateKey::Ec(EcKey::P384(_)) => der::sequence(&[&der::oid(OID_ECDSA_SHA384)]),
            PrivateKey::Ec(EcKey::P521(_)) => der::sequence(&[&der::oid(OID_ECDSA_SHA512)]),
            PrivateKey::Ed25519(_) => der::sequence(&[&der::oid(OID_ED25519)]),
            PrivateKey::Dsa(_) => return Err(X509Error::NotSigner),
        })
    }

    /// Signs `message` with the algorithm [`Self::signature_algorithm`] names.
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, X509Error> {
        use sha2::Digest as _;
        match self {
            PrivateKey::Rsa(k) => {
                let digest = sha2::Sha256::digest(message);
                k.sign_with_rng(
                    &mut OsRng,
                    rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                    &digest,
                )
                .map_err(|e| X509Error::Signing(e.to_string()))
            }
            PrivateKey::Ec(EcKey::P256(k)) => {
                let sig: p256::ecdsa::Signature = k.sign(message);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ec(EcKey::P384(k)) => {
                let sig: p384::ecdsa::Signature = k.sign(message);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ec(EcKey::P521(k)) => {
                let sig: p521::ecdsa::Signature = k.sign(message);
                Ok(sig.to_der().as_bytes().to_vec())
            }
            PrivateKey::Ed25519(k) => Ok(k.sign(message).to_bytes().to_vec()),
            PrivateKey::Dsa(_) => Err(X509Error::NotSigner),
        }
    }
}

impl EcKey {
    fn curve_oid(&self) -> &'static [u64] {
        match self {
            EcKey::P256(_) => OID_P256,
            EcKey::P384(_) => OID_P384,
            EcKey::P521(_) => OID_P521,
        }
    }

    /// The uncompressed public point.
    fn public_point(&self) -> Vec<u8> {
        match self {
            EcKey::P256(k) => k
                .verifying_key()
                .to_encoded_point(false)
                .as_bytes()
                .to_vec(),
            EcKey::P384(k) => k
                .verifying_key()
                .to_encoded_point(false)
                .as_bytes()
                .to_vec(),
            // p521 0.13 gates `SigningKey::verifying_key` behind a feature it never defines.
            EcKey::P521(k) => p521::SecretKey::from_bytes(&k.to_bytes())
                .map(|s| s.public_key().to_encoded_point(false).as_bytes().to_vec())
                .unwrap_or_default(),
        }
    }

    fn scalar(&self) -> Vec<u8> {
        match self {
            EcKey::P256(k) => k.to_bytes().to_vec(),
            EcKey::P384(k) => k.to_bytes().to_vec(),
            EcKey::P521(k) => k.to_bytes().to_vec(),
        }
    }

    /// SEC 1 `ECPrivateKey` with the curve and public key, as Go's `MarshalECPrivateKey`.
    fn to_sec1_der(&self) -> Vec<u8> {
        der::sequence(&[
            &der::small_uint(1),
            &der::octet_string(&self.scalar()),
            &der::tlv(tag::explicit(0), &der::oid(self.curve_oid())),
            &der::tlv(tag::explicit(1), &der::bit_string(&self.public_point())),
        ])
    }
}

/// Whether `der` has the shape of the Go struct a parse would fill, used for Go's hints
/// ("use ParsePKCS8PrivateKey instead").
#[derive(Clone, Copy)]
enum Shape {
    Pkcs1,
    Sec1,
    Pkcs8,
}

fn has_shape(der: &[u8], shape: Shape) -> bool {
    let Ok((outer, _)) = Element::read(der) else {
        return false;
    };
    if outer.tag != tag::SEQUENCE {
        return false;
    }
    let Ok(fields) = outer.children() else {
        return false;
    };
    let tags: Vec<u8> = fields.iter().map(|f| f.tag).collect();
    match shape {
        // version, n, e, d, p, q and optionally the CRT values.
        Shape::Pkcs1 => tags.len() >= 6 && tags[..6].iter().all(|t| *t == tag::INTEGER),
        Shape::Sec1 => tags.len() >= 2 && tags[0] == tag::INTEGER && tags[1] == tag::OCTET_STRING,
        Shape::Pkcs8 => {
            tags.len() >= 3
                && tags[0] == tag::INTEGER
                && tags[1] == tag::SEQUENCE
                && tags[2] == tag::OCTET_STRING
        }
    }
}

const HINT_PKCS1: &str =
    "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)";
const HINT_SEC1: &str =
    "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)";
const HINT_PKCS8: &str =
    "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)";

/// `x509.ParsePKCS1PrivateKey`.
fn parse_pkcs1(der: &[u8]) -> Result<rsa::RsaPrivateKey, String> {
    let fail = |e: String| {
        if has_shape(der, Shape::Sec1) {
            HINT_SEC1.to_string()
        } else if has_shape(der, Shape::Pkcs8) {
            HINT_PKCS8.to_string()
        } else {
            e
        }
    };
    let (_, rest) =
        Element::read_struct(der, "pkcs1PrivateKey").map_err(|e| fail(e.to_string()))?;
    if !rest.is_empty() {
        return Err("asn1: syntax error: trailing data".into());
    }
    if !has_shape(der, Shape::Pkcs1) {
        return Err(fail(
            "asn1: structure error: malformed PKCS #1 private key".into(),
        ));
    }
    rsa::RsaPrivateKey::from_pkcs1_der(der)
        .map_err(|e| format!("x509: invalid RSA private key: {e}"))
}

/// `x509.ParseECPrivateKey`, or the SEC 1 key inside PKCS#8 when `curve` comes from there.
fn parse_sec1(curve: Option<&[u8]>, der: &[u8]) -> Result<EcKey, String> {
    let fail = |e: String| {
        if has_shape(der, Shape::Pkcs8) {
            HINT_PKCS8.to_string()
        } else if has_shape(der, Shape::Pkcs1) {
            HINT_PKCS1.to_string()
        } else {
            format!("x509: failed to parse EC private key: {e}")
        }
    };
    let (outer, _) = Element::read_struct(der, "ecPrivateKey").map_err(|e| fail(e.to_string()))?;
    let fields = outer.children().map_err(|e| fail(e.to_string()))?;
    if !has_shape(der, Shape::Sec1) {
        return Err(fail(
            "asn1: structure error: malformed EC private key".into(),
        ));
    }
    let version = fields[0].small_int().map_err(|e| fail(e.to_string()))?;
    if version != 1 {
        return Err(format!("x509: unknown EC private key version {version}"));
    }
    let embedded_curve = fields
        .iter()
        .find(|f| f.tag == tag::explicit(0))
        .and_then(|f| {
            let (oid, _) = Element::read(f.content).ok()?;
            (oid.tag == tag::OID).then_some(oid.content)
        });
    let curve = curve
        .or(embedded_curve)
        .ok_or("x509: unknown elliptic curve")?;
    let scalar_len = match curve_by_oid(curve) {
        Some(Curve::P224) => return Err("x509: P-224 keys are not supported".into()),
        Some(Curve::P256) => 32,
        Some(Curve::P384) => 48,
        Some(Curve::P521) => 66,
        None => return Err("x509: unknown elliptic curve".into()),
    };
    let mut scalar = fields[1].content;
    while scalar.len() > scalar_len {
        match scalar.split_first() {
            Some((0, rest)) => scalar = rest,
            _ => return Err("x509: invalid private key length".into()),
        }
    }
    let mut padded = vec![0u8; scalar_len];
    padded[scalar_len - scalar.len()..].copy_from_slice(scalar);
    let invalid = |_| "x509: invalid elliptic curve private key value".to_string();
    Ok(match curve_by_oid(curve) {
        Some(Curve::P384) => {
            EcKey::P384(p384::ecdsa::SigningKey::from_slice(&padded).map_err(invalid)?)
        }
        Some(Curve::P521) => {
            EcKey::P521(p521::ecdsa::SigningKey::from_slice(&padded).map_err(invalid)?)
        }
        _ => EcKey::P256(p256::ecdsa::SigningKey::from_slice(&padded).map_err(invalid)?),
    })
}

enum Curve {
    P224,
    P256,
    P384,
    P521,
}

fn curve_by_oid(content: &[u8]) -> Option<Curve> {
    let is = |arcs: &[u64]| der::oid(arcs).get(2..) == Some(content);
    if is(OID_P256) {
        Some(Curve::P256)
    } else if is(OID_P384) {
        Some(Curve::P384)
    } else if is(OID_P521) {
        Some(Curve::P521)
    } else if is(OID_P224) {
        Some(Curve::P224)
    } else {
        None
    }
}

/// `x509.ParsePKCS8PrivateKey` for the key types Sprig can use.
fn parse_pkcs8(der: &[u8]) -> Result<PrivateKey, String> {
    let fail = |e: String| {
        if has_shape(der, Shape::Sec1) {
            HINT_SEC1.to_string()
        } else if has_shape(der, Shape::Pkcs1) {
            HINT_PKCS1.to_string()
        } else {
            e
        }
    };
    let (outer, _) = Element::read_struct(der, "pkcs8").map_err(|e| fail(e.to_string()))?;
    if !has_shape(der, Shape::Pkcs8) {
        return Err(fail(
            "asn1: structure error: malformed PKCS #8 private key".into(),
        ));
    }
    let fields = outer.children().map_err(|e| fail(e.to_string()))?;
    let algorithm = fields[1].children().map_err(|e| e.to_string())?;
    let oid = match algorithm.first() {
        Some(o) if o.tag == tag::OID => o.content,
        _ => return Err("asn1: structure error: malformed algorithm identifier".into()),
    };
    let params = algorithm.get(1);
    let inner = fields[2].content;
    let is = |arcs: &[u64]| der::oid(arcs).get(2..) == Some(oid);
    if is(OID_RSA) {
        parse_pkcs1(inner)
            .map(|k| PrivateKey::Rsa(Box::new(k)))
            .map_err(|e| format!("x509: failed to parse RSA private key embedded in PKCS#8: {e}"))
    } else if is(OID_EC) {
        let curve = params.filter(|p| p.tag == tag::OID).map(|p| p.content);
        parse_sec1(curve, inner)
            .map(PrivateKey::Ec)
            .map_err(|e| format!("x509: failed to parse EC private key embedded in PKCS#8: {e}"))
    } else if is(OID_ED25519) {
        if params.is_some() {
            return Err("x509: invalid Ed25519 private key parameters".into());
        }
        let (seed, _) =
            Element::read(inner).map_err(|e| format!("x509: invalid Ed25519 private key: {e}"))?;
        if seed.tag != tag::OCTET_STRING {
            return Err(
                "x509: invalid Ed25519 private key: asn1: structure error: tags don't match".into(),
            );
        }
        let seed: [u8; 32] = seed.content.try_into().map_err(|_| {
            format!(
                "x509: invalid Ed25519 private key length: {}",
                seed.content.len()
            )
        })?;
        Ok(PrivateKey::Ed25519(Box::new(
            ed25519_dalek::SigningKey::from_bytes(&seed),
        )))
    } else {
        Err(format!(
            "x509: PKCS#8 wrapping contained private key with unknown algorithm: {}",
            der::oid_to_string(oid)
        ))
    }
}

/// Sprig's `DSAKeyFormat`: version and five integers; extra trailing fields are ignored.
fn parse_dsa(der: &[u8]) -> Result<DsaKey, String> {
    let (outer, _) = Element::read_struct(der, "DSAKeyFormat").map_err(|e| e.to_string())?;
    let fields = outer.children().map_err(|e| e.to_string())?;
    if fields.len() < 6 {
        return Err("asn1: syntax error: sequence truncated".into());
    }
    for f in &fields[..6] {
        let minimal = match f.content {
            [] => false,
            [0, b, ..] => b & 0x80 != 0,
            [0xff, b, ..] => b & 0x80 == 0,
            _ => true,
        };
        if f.tag != tag::INTEGER {
            return Err("asn1: structure error: tags don't match".into());
        }
        if !minimal {
            return Err("asn1: structure error: integer not minimally-encoded".into());
        }
    }
    fields[0].small_int().map_err(|e| e.to_string())?;
    let int = |i: usize| fields[i].raw.to_vec();
    Ok(DsaKey {
        integers: [int(1), int(2), int(3), int(4), int(5)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // A key helm4 printed for `genPrivateKey "ecdsa"`.
    const HELM_EC: &str = "-----BEGIN EC PRIVATE KEY-----
MHcCAQEEINHKjPwGd23dtySb8GbVkBjL8kVDCZixqh3j5dY17RHloAoGCCqGSM49
AwEHoUQDQgAEOiTEme5h6qUStyjyT5d4QKMdQTug+sErFgPYQJI7Shh4FLq7Mn/m
L2QC93kL3thd37Xy61V3cJdFPG4t0OO9wg==
-----END EC PRIVATE KEY-----
";

    fn err(pem_text: &str) -> String {
        PrivateKey::from_pem(pem_text).unwrap_err().to_string()
    }

    #[test]
    fn block_type_errors_match_helm() {
        assert_eq!(err(""), "no PEM data in input");
        assert_eq!(
            err("-----BEGIN FOO-----\n-----END FOO-----\n"),
            "no private key data in PEM block of type FOO"
        );
        assert_eq!(
            err("-----BEGIN FOO PRIVATE KEY-----\n-----END FOO PRIVATE KEY-----\n"),
            "invalid private key type FOO PRIVATE KEY"
        );
        assert_eq!(
            err("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"),
            "decoding PEM as PKCS#8: asn1: syntax error: sequence truncated"
        );
        assert_eq!(
            err("-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n"),
            "parsing RSA private key from PEM: asn1: syntax error: sequence truncated"
        );
        assert_eq!(
            err("-----BEGIN EC PRIVATE KEY-----\n-----END EC PRIVATE KEY-----\n"),
            "parsing EC private key from PEM: x509: failed to parse EC private key: asn1: syntax error: sequence truncated"
        );
        assert_eq!(
            err("-----BEGIN DSA PRIVATE KEY-----\n-----END DSA PRIVATE KEY-----\n"),
            "parsing DSA private key from PEM: asn1: syntax error: sequence truncated"
        );
    }

    #[test]
    fn outer_tag_errors_match_helm() {
        let tail = "{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}";
        let head = "asn1: structure error: tags don't match (16 vs {class:1 tag:1 length:98 isCompound:true})";
        assert_eq!(
            err("-----BEGIN RSA PRIVATE KEY-----\nYWJj\n-----END RSA PRIVATE KEY-----\n"),
            format!("parsing RSA private key from PEM: {head} {tail} pkcs1PrivateKey @2")
        );
        assert_eq!(
            err("-----BEGIN EC PRIVATE KEY-----\nYWJj\n-----END EC PRIVATE KEY-----\n"),
            format!("parsing EC private key from PEM: x509: failed to parse EC private key: {head} {tail} ecPrivateKey @2")
        );
        assert_eq!(
            err("-----BEGIN PRIVATE KEY-----\nYWJj\n-----END PRIVATE KEY-----\n"),
            format!("decoding PEM as PKCS#8: {head} {tail} pkcs8 @2")
        );
        assert_eq!(
            err("-----BEGIN DSA PRIVATE KEY-----\nYWJj\n-----END DSA PRIVATE KEY-----\n"),
            format!("parsing DSA private key from PEM: {head} {tail} DSAKeyFormat @2")
        );
    }

    #[test]
    fn helm_ec_key_round_trips_byte_for_byte() {
        let key = PrivateKey::from_pem(HELM_EC).unwrap();
        assert_eq!(key.to_pem(), HELM_EC);
    }

    #[test]
    fn pkcs8_ec_is_rewritten_as_sec1() {
        let key = PrivateKey::from_pem(HELM_EC).unwrap();
        let PrivateKey::Ec(ec) = &key else {
            panic!("not EC")
        };
        // Wrap the same key as PKCS#8 (the curve in the algorithm parameters).
        let inner = der::sequence(&[&der::small_uint(1), &der::octet_string(&ec.scalar())]);
        let p8 = der::sequence(&[
            &der::small_uint(0),
            &der::sequence(&[&der::oid(OID_EC), &der::oid(OID_P256)]),
            &der::octet_string(&inner),
        ]);
        let again = PrivateKey::from_pem(&pem::encode("PRIVATE KEY", &p8)).unwrap();
        assert_eq!(again.to_pem(), HELM_EC);
    }

    #[test]
    fn wrong_container_hints() {
        let key = PrivateKey::from_pem(HELM_EC).unwrap();
        let PrivateKey::Ec(ec) = &key else {
            panic!("not EC")
        };
        let sec1 = ec.to_sec1_der();
        assert_eq!(
            err(&pem::encode("RSA PRIVATE KEY", &sec1)),
            format!("parsing RSA private key from PEM: {HINT_SEC1}")
        );
        assert_eq!(
            err(&pem::encode("PRIVATE KEY", &sec1)),
            format!("decoding PEM as PKCS#8: {HINT_SEC1}")
        );
    }

    #[test]
    fn unknown_pkcs8_algorithm() {
        let p8 = der::sequence(&[
            &der::small_uint(0),
            &der::sequence(&[&der::oid(&[1, 3, 101, 110])]),
            &der::octet_string(&der::octet_string(&[0; 32])),
        ]);
        assert_eq!(
            err(&pem::encode("PRIVATE KEY", &p8)),
            "decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm: 1.3.101.110"
        );
    }

    #[test]
    fn ed25519_pkcs8_layout() {
        let key = PrivateKey::generate_ed25519();
        let text = key.to_pem();
        let block = pem::decode(text.as_bytes()).unwrap();
        assert_eq!(block.kind, "PRIVATE KEY");
        // Go's MarshalPKCS8PrivateKey: 46 bytes, no public key attribute.
        assert_eq!(block.bytes.len(), 48);
        assert_eq!(
            &block.bytes[..16],
            &[0x30, 0x2e, 2, 1, 0, 0x30, 5, 6, 3, 0x2b, 0x65, 0x70, 4, 0x22, 4, 0x20]
        );
        assert_eq!(PrivateKey::from_pem(&text).unwrap().to_pem(), text);
    }

    #[test]
    fn dsa_keys_cannot_sign() {
        let der = der::sequence(&[
            &der::small_uint(0),
            &der::small_uint(23),
            &der::small_uint(11),
            &der::small_uint(4),
            &der::small_uint(3),
            &der::small_uint(2),
        ]);
        let text = pem::encode("DSA PRIVATE KEY", &der);
        let key = PrivateKey::from_pem(&text).unwrap();
        assert_eq!(key.to_pem(), text);
        assert_eq!(
            key.sign(b"x").unwrap_err().to_string(),
            "x509: certificate private key does not implement crypto.Signer"
        );
        assert_eq!(
            key.public_key_info().unwrap_err().to_string(),
            "x509: unsupported public key type: *dsa.PublicKey"
        );
    }
}
