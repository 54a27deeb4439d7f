//! Sprig's `certificate` value and the functions that make one: `genCA`, `genCAWithKey`,
//! `genSelfSignedCert`, `genSelfSignedCertWithKey`, `genSignedCert`,
//! `genSignedCertWithKey` and `buildCustomCert`.

use std::any::Any;
use std::borrow::Cow;
use std::net::IpAddr;
use std::time::SystemTime;

use crate::value::{fmt_v, Field, GoFields, Kind, Map, Object, Value};

use super::error::CertError;
use super::keys::{PrivateKey, CERT_RSA_KEY_BITS};
use super::x509::{self, ParsedCertificate, Template};
use super::{gobase64, pem};

/// Go's `%T` of Sprig's certificate struct.
pub const CERTIFICATE_TYPE: &str = "sprig.certificate";

/// Sprig's `certificate{Cert, Key string}`: PEM texts of a certificate and its private
/// key. Templates read `.Cert` and `.Key`; `%v` prints `{<cert> <key>}`.
///
/// ```
/// use helmcore::sprig::crypto::Certificate;
/// use helmcore::value::{Field, Object};
/// let c = Certificate { cert: "C".into(), key: "K".into() };
/// assert!(matches!(c.field("Cert"), Field::Value(v) if v.as_str() == Some("C")));
/// assert_eq!(c.type_name(), "sprig.certificate");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// `.Cert`: the PEM `CERTIFICATE` block.
    pub cert: String,
    /// `.Key`: the PEM private key, in the form Sprig writes for its type.
    pub key: String,
}

impl Object for Certificate {
    fn type_name(&self) -> Cow<'_, str> {
        CERTIFICATE_TYPE.into()
    }

    fn kind(&self) -> Kind {
        Kind::Struct
    }

    fn field(&self, name: &str) -> Field {
        match name {
            "Cert" => Field::Value(Value::from(self.cert.as_str())),
            "Key" => Field::Value(Value::from(self.key.as_str())),
            _ => Field::Missing,
        }
    }

    fn format(&self, out: &mut String) {
        out.push('{');
        out.push_str(&self.cert);
        out.push(' ');
        out.push_str(&self.key);
        out.push('}');
    }

    fn to_data(&self) -> Option<Value> {
        let map = Map::new();
        map.insert("Cert", Value::from(self.cert.as_str()));
        map.insert("Key", Value::from(self.key.as_str()));
        Some(Value::Map(map))
    }

    fn struct_fields(&self) -> Option<GoFields> {
        Some(GoFields {
            pointer: false,
            name: CERTIFICATE_TYPE.into(),
            fields: vec![
                ("Cert", self.cert.as_str().into()),
                ("Key", self.key.as_str().into()),
            ],
        })
    }

    fn eq_object(&self, other: &dyn Object) -> bool {
        other.as_any().downcast_ref::<Certificate>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Certificate {
    /// The certificate as a template value.
    pub fn into_value(self) -> Value {
        Value::Object(std::sync::Arc::new(self))
    }
}

/// `genCA`: a self-signed CA certificate with a new 2048-bit RSA key.
pub fn gen_ca(cn: &str, days_valid: i64) -> Result<Certificate, CertError> {
    let key = new_rsa_key()?;
    ca_with_key(cn, days_valid, &key)
}

/// `genCAWithKey`: a self-signed CA certificate for the given PEM private key.
pub fn gen_ca_with_key(cn: &str, days_valid: i64, key_pem: &str) -> Result<Certificate, CertError> {
    let key = PrivateKey::from_pem(key_pem).map_err(CertError::ArgumentKey)?;
    ca_with_key(cn, days_valid, &key)
}

/// `genSelfSignedCert`: a self-signed leaf certificate with a new 2048-bit RSA key.
/// `ips` and `dns_names` are `[]interface{}` arguments: a list or nil.
pub fn gen_self_signed_cert(
    cn: &str,
    ips: &Value,
    dns_names: &Value,
    days_valid: i64,
) -> Result<Certificate, CertError> {
    let template = leaf_template(cn, ips, dns_names, days_valid)?;
    let key = new_rsa_key()?;
    issue(&template, &key, None)
}

/// `genSelfSignedCertWithKey`: a self-signed leaf certificate for the given PEM key.
pub fn gen_self_signed_cert_with_key(
    cn: &str,
    ips: &Value,
    dns_names: &Value,
    days_valid: i64,
    key_pem: &str,
) -> Result<Certificate, CertError> {
    let key = PrivateKey::from_pem(key_pem).map_err(CertError::ArgumentKey)?;
    let template = leaf_template(cn, ips, dns_names, days_valid)?;
    issue(&template, &key, None)
}

/// `genSignedCert`: a leaf certificate with a new 2048-bit RSA key, signed by `ca`.
pub fn gen_signed_cert(
    cn: &str,
    ips: &Value,
    dns_names: &Value,
    days_valid: i64,
    ca: &Certificate,
) -> Result<Certificate, CertError> {
    let (ca_cert, ca_key) = parse_signer(ca)?;
    let template = leaf_template(cn, ips, dns_names, days_valid)?;
    let key = new_rsa_key()?;
    issue(&template, &key, Some((&ca_cert, &ca_key)))
}

/// `genSignedCertWithKey`: a leaf certificate for the given PEM key, signed by `ca`.
pub fn gen_signed_cert_with_key(
    cn: &str,
    ips: &Value,
    dns_names: &Value,
    days_valid: i64,
    ca: &Certificate,
    key_pem: &str,
) -> Result<Certificate, CertError> {
    let key = PrivateKey::from_pem(key_pem).map_err(CertError::ArgumentKey)?;
    let (ca_cert, ca_key) = parse_signer(ca)?;
    let template = leaf_template(cn, ips, dns_names, days_valid)?;
    issue(&template, &key, Some((&ca_cert, &ca_key)))
}

/// `buildCustomCert`: a certificate value from base64-encoded PEM texts, after checking
/// that they hold a certificate and a private key. The texts are kept as given.
pub fn build_custom_cert(b64_cert: &str, b64_key: &str) -> Result<Certificate, CertError> {
    let cert = gobase64::decode(b64_cert)
        .map_err(|_| CertError::CertificateBase64)?
        .bytes;
    let key = gobase64::decode(b64_key)
        .map_err(|_| CertError::KeyBase64)?
        .bytes;
    let block = pem::decode(&cert).ok_or(CertError::NoCertificatePem)?;
    ParsedCertificate::from_der(&block.bytes).map_err(CertError::CustomCertificate)?;
    let key = String::from_utf8_lossy(&key).into_owned();
    PrivateKey::from_pem(&key).map_err(CertError::StoredKey)?;
    Ok(Certificate {
        cert: String::from_utf8_lossy(&cert).into_owned(),
        key,
    })
}

fn new_rsa_key() -> Result<PrivateKey, CertError> {
    PrivateKey::generate_rsa(CERT_RSA_KEY_BITS).map_err(CertError::KeyGeneration)
}

fn ca_with_key(cn: &str, days_valid: i64, key: &PrivateKey) -> Result<Certificate, CertError> {
    let template = Template {
        common_name: cn.to_string(),
        ips: Vec::new(),
        dns_names: Vec::new(),
        days_valid,
        is_ca: true,
    };
    issue(&template, key, None)
}

fn issue(
    template: &Template,
    key: &PrivateKey,
    issuer: Option<(&ParsedCertificate, &PrivateKey)>,
) -> Result<Certificate, CertError> {
    let der = x509::create(template, key, issuer, SystemTime::now()).map_err(CertError::Create)?;
    Ok(Certificate {
        cert: pem::encode("CERTIFICATE", &der),
        key: key.to_pem(),
    })
}

/// The CA's certificate and key, checked in Sprig's order.
fn parse_signer(ca: &Certificate) -> Result<(ParsedCertificate, PrivateKey), CertError> {
    let block = pem::decode(ca.cert.as_bytes()).ok_or(CertError::NoCertificatePem)?;
    let cert = ParsedCertificate::from_der(&block.bytes).map_err(CertError::SignerCertificate)?;
    let key = PrivateKey::from_pem(&ca.key).map_err(CertError::StoredKey)?;
    Ok((cert, key))
}

fn leaf_template(
    cn: &str,
    ips: &Value,
    dns_names: &Value,
    days_valid: i64,
) -> Result<Template, CertError> {
    let ips = list_items(ips)
        .iter()
        .map(|ip| match ip {
            Value::String(s) => s
                .parse::<IpAddr>()
                .map_err(|_| CertError::InvalidIp(s.to_string())),
            other => Err(CertError::IpNotString(fmt_v(other))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let dns_names = list_items(dns_names)
        .iter()
        .map(|name| match name {
            Value::String(s) => Ok(s.to_string()),
            other => Err(CertError::DnsNotString(fmt_v(other))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Template {
        common_name: cn.to_string(),
        ips,
        dns_names,
        days_valid,
        is_ca: false,
    })
}

/// The elements of a `[]interface{}` argument; nil is an empty list.
fn list_items(v: &Value) -> &[Value] {
    v.as_list().unwrap_or(&[])
}
