//! Errors of the crypto functions. Each `Display` is the text Helm prints after
//! `error calling NAME: `, so a chart sees the same message as with Helm.

/// Why Sprig's `parsePrivateKeyPEM` rejected a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("no PEM data in input")]
    NoPem,
    #[error("decoding PEM as PKCS#8: {0}")]
    Pkcs8(String),
    #[error("no private key data in PEM block of type {0}")]
    NotPrivateKey(String),
    #[error("parsing RSA private key from PEM: {0}")]
    Rsa(String),
    #[error("parsing EC private key from PEM: {0}")]
    Ec(String),
    #[error("parsing DSA private key from PEM: {0}")]
    Dsa(String),
    #[error("invalid private key type {0}")]
    InvalidType(String),
}

/// Failures of Go's `x509.CreateCertificate` that Sprig's inputs can reach.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum X509Error {
    #[error("x509: certificate private key does not implement crypto.Signer")]
    NotSigner,
    /// Carries Go's `%T` of the public key.
    #[error("x509: unsupported public key type: {0}")]
    UnsupportedPublicKey(&'static str),
    #[error("x509: provided PrivateKey doesn't match parent's PublicKey")]
    KeyMismatch,
    /// Carries the name already quoted as Go's `%q` does.
    #[error("x509: {0} cannot be encoded as an IA5String")]
    NotIa5(String),
    #[error("x509: signing failed: {0}")]
    Signing(String),
}

/// Errors of the certificate functions (`genCA`, `genSignedCert`, `buildCustomCert`, ...).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("error generating rsa key: {0}")]
    KeyGeneration(String),
    /// The key argument of a `...WithKey` function.
    #[error("parsing private key: {0}")]
    ArgumentKey(KeyError),
    /// The CA's key, or `buildCustomCert`'s key.
    #[error("error parsing private key: {0}")]
    StoredKey(KeyError),
    #[error("unable to decode certificate")]
    NoCertificatePem,
    #[error("error parsing certificate: decodedSignerCert.Bytes: {0}")]
    SignerCertificate(String),
    #[error("error parsing certificate: decodedCert.Bytes: {0}")]
    CustomCertificate(String),
    #[error("unable to decode base64 certificate")]
    CertificateBase64,
    #[error("unable to decode base64 private key")]
    KeyBase64,
    /// Carries Go's `%v` of the offending list element.
    #[error("error parsing ip: {0} is not a string")]
    IpNotString(String),
    #[error("error parsing ip: {0}")]
    InvalidIp(String),
    /// Carries Go's `%v` of the offending list element.
    #[error("error processing alternate dns name: {0} is not a string")]
    DnsNotString(String),
    #[error("error creating certificate: {0}")]
    Create(X509Error),
}

/// Errors of `randBytes` and the random string functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RandomError {
    /// Go's `make([]byte, n)` panic for a negative size, which the template engine reports.
    #[error("runtime error: makeslice: len out of range")]
    NegativeLength,
    /// Helm runs out of memory and crashes here; helmcore refuses instead.
    #[error("cannot generate {requested} random {unit}: the limit is {limit}")]
    TooLarge {
        requested: i64,
        unit: &'static str,
        limit: usize,
    },
    /// `rand.Intn` panics when `max - min` is not positive.
    #[error("invalid argument to Intn")]
    InvalidRange,
}

/// Errors of `encryptAES` and `decryptAES`; most are the Go runtime panics Sprig's code
/// runs into on malformed ciphertext, which Helm reports as the function's error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AesError {
    /// Go's `base64.CorruptInputError`: the offset of the first bad input byte.
    #[error("illegal base64 data at input byte {0}")]
    Base64(usize),
    #[error("runtime error: slice bounds out of range [:16] with capacity {0}")]
    ShortIvCapacity(usize),
    #[error("runtime error: slice bounds out of range [16:{0}]")]
    ShortIv(usize),
    #[error("crypto/cipher: input not full blocks")]
    NotFullBlocks,
    #[error("runtime error: index out of range [-1]")]
    NoBlocks,
    #[error("runtime error: slice bounds out of range [:{0}]")]
    BadPadding(i64),
}

impl From<super::gobase64::CorruptInput> for AesError {
    fn from(e: super::gobase64::CorruptInput) -> AesError {
        AesError::Base64(e.0)
    }
}
