//! X.509 certificates laid out as Go's `x509.CreateCertificate` writes Sprig's template.
//!
//! Sprig's template (`getBaseCertTemplate`) is fixed: version 3, a random serial below
//! 2^128, subject `CN=<cn>` only, validity from now for `days * 24h` (Go's `Duration`
//! arithmetic, which wraps on overflow), key usage `digitalSignature, keyEncipherment`
//! (plus `keyCertSign` for a CA), extended key usage `serverAuth, clientAuth`, and
//! critical basic constraints. Go then adds a subject key identifier to CA certificates
//! (the first 20 bytes of the SHA-256 of the public key, as Go 1.25 does), an authority
//! key identifier when issuer and subject differ and the parent has a key identifier,
//! and the SAN extension (critical when the subject is empty). Extensions appear in Go's
//! order: key usage, extended key usage, basic constraints, SKI, AKI, SAN.

use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use rand::RngCore as _;
use sha2::Digest as _;

use super::der::{self, tag, Element};
use super::error::X509Error;
use super::keys::PrivateKey;

const OID_COMMON_NAME: &[u64] = &[2, 5, 4, 3];
const OID_KEY_USAGE: &[u64] = &[2, 5, 29, 15];
const OID_EXT_KEY_USAGE: &[u64] = &[2, 5, 29, 37];
const OID_BASIC_CONSTRAINTS: &[u64] = &[2, 5, 29, 19];
const OID_SUBJECT_KEY_ID: &[u64] = &[2, 5, 29, 14];
const OID_AUTHORITY_KEY_ID: &[u64] = &[2, 5, 29, 35];
const OID_SUBJECT_ALT_NAME: &[u64] = &[2, 5, 29, 17];
const OID_SERVER_AUTH: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 3, 1];
const OID_CLIENT_AUTH: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 3, 2];

/// Nanoseconds in Go's `time.Hour * 24`.
const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// What varies between Sprig's certificates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pub common_name: String,
    pub ips: Vec<IpAddr>,
    pub dns_names: Vec<String>,
    pub days_valid: i64,
    pub is_ca: bool,
}

/// The parts of an issuing certificate that signing under it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParsedCertificate {
    /// The encoded subject name, used verbatim as the new certificate's issuer.
    pub raw_subject: Vec<u8>,
    pub subject_key_id: Option<Vec<u8>>,
    /// The public key's algorithm OID content and key bits, to check the CA key matches.
    pub public_key: (Vec<u8>, Vec<u8>),
}

impl ParsedCertificate {
    /// Parses a DER certificate; the error text is Go's `x509.ParseCertificate`'s for
    /// malformed input.
    pub fn from_der(bytes: &[u8]) -> Result<ParsedCertificate, String> {
        use x509_cert::der::Decode as _;
        const MALFORMED: &str = "x509: malformed certificate";
        x509_cert::Certificate::from_der(bytes).map_err(|_| MALFORMED.to_string())?;
        Self::walk(bytes).ok_or_else(|| MALFORMED.to_string())
    }

    fn walk(bytes: &[u8]) -> Option<ParsedCertificate> {
        let (cert, _) = Element::read(bytes).ok()?;
        let tbs = *cert.children().ok()?.first()?;
        let mut fields = tbs.children().ok()?.into_iter().peekable();
        if fields.peek()?.tag == tag::explicit(0) {
            fields.next();
        }
        let _serial = fields.next()?;
        let _signature = fields.next()?;
        let _issuer = fields.next()?;
        let _validity = fields.next()?;
        let subject = fields.next()?;
        let spki = fields.next()?.children().ok()?;
        let algorithm = spki.first()?.children().ok()?;
        let key_bits = spki.get(1)?.content.get(1..)?;
        let mut subject_key_id = None;
        for field in fields.filter(|f| f.tag == tag::explicit(3)) {
            let (list, _) = Element::read(field.content).ok()?;
            for ext in list.children().ok()? {
                let parts = ext.children().ok()?;
                let is_ski = parts.first()?.raw == der::oid(OID_SUBJECT_KEY_ID).as_slice();
                if is_ski {
                    let (id, _) = Element::read(parts.last()?.content).ok()?;
                    subject_key_id = Some(id.content.to_vec());
                }
            }
        }
        Some(ParsedCertificate {
            raw_subject: subject.raw.to_vec(),
            subject_key_id,
            public_key: (algorithm.first()?.content.to_vec(), key_bits.to_vec()),
        })
    }
}

/// Creates a DER certificate for `subject_key`, signed by `issuer` (its certificate and
/// key) or self-signed when `issuer` is `None`. Failures come in Go's order: a key that
/// cannot sign, a public key type certificates cannot hold, a CA key that does not match
/// its certificate, a DNS name that is not ASCII.
pub(crate) fn create(
    template: &Template,
    subject_key: &PrivateKey,
    issuer: Option<(&ParsedCertificate, &PrivateKey)>,
    now: SystemTime,
) -> Result<Vec<u8>, X509Error> {
    let signing_key = issuer.map_or(subject_key, |(_, key)| key);
    let signature_algorithm = signing_key.signature_algorithm()?;
    let spki = subject_key.public_key_info()?;
    let subject = name(&template.common_name);
    let issuer_name = issuer.map_or_else(|| subject.clone(), |(cert, _)| cert.raw_subject.clone());

    let subject_key_id = template.is_ca.then(|| key_id(&spki)).flatten();
    let authority_key_id = if issuer_name != subject {
        issuer.and_then(|(cert, _)| cert.subject_key_id.clone())
    } else {
        None
    };

    if let Some((cert, key)) = issuer {
        let signer_spki = key.public_key_info()?;
        if !same_public_key(&signer_spki, &cert.public_key) {
            return Err(X509Error::KeyMismatch);
        }
    }

    let extensions = extensions(
        template,
        subject == EMPTY_NAME,
        subject_key_id,
        authority_key_id,
    )?;
    let tbs = der::sequence(&[
        &der::tlv(tag::explicit(0), &der::small_uint(2)),
        &serial_number(),
        &signature_algorithm,
        &issuer_name,
        &validity(now, template.days_valid),
        &subject,
        &spki,
        &der::tlv(tag::explicit(3), &extensions),
    ]);
    let signature = signing_key.sign(&tbs)?;
    Ok(der::sequence(&[
        &tbs,
        &signature_algorithm,
        &der::bit_string(&signature),
    ]))
}

/// A positive serial number below 2^128, as Sprig draws it.
fn serial_number() -> Vec<u8> {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    der::uint(&bytes)
}

const EMPTY_NAME: [u8; 2] = [tag::SEQUENCE, 0];

/// `CN=<cn>` (nothing for an empty name), as a PrintableString when Go's `asn1` allows
/// one (no `*`, `&`, `_`, `@`, non-ASCII, ...) and a UTF8String otherwise.
fn name(common_name: &str) -> Vec<u8> {
    if common_name.is_empty() {
        return EMPTY_NAME.to_vec();
    }
    let string_tag = if common_name.bytes().all(is_printable) {
        tag::PRINTABLE_STRING
    } else {
        tag::UTF8_STRING
    };
    let attribute = der::sequence(&[
        &der::oid(OID_COMMON_NAME),
        &der::tlv(string_tag, common_name.as_bytes()),
    ]);
    der::sequence(&[&der::tlv(tag::SET, &attribute)])
}

/// ASN.1 PrintableString's characters.
fn is_printable(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'\'' | b'(' | b')' | b'+' | b',' | b'-' | b'.' | b'/' | b' ' | b':' | b'=' | b'?'
        )
}

/// The subject key identifier Go 1.25 generates: SHA-256 of the public key bits,
/// truncated to 160 bits.
fn key_id(spki: &[u8]) -> Option<Vec<u8>> {
    let bits = public_key_parts(spki)?.1;
    Some(sha2::Sha256::digest(bits)[..20].to_vec())
}

/// The algorithm OID content and key bits of an encoded `SubjectPublicKeyInfo`.
fn public_key_parts(spki: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let (outer, _) = Element::read(spki).ok()?;
    let parts = outer.children().ok()?;
    let algorithm = parts.first()?.children().ok()?;
    Some((
        algorithm.first()?.content.to_vec(),
        parts.get(1)?.content.get(1..)?.to_vec(),
    ))
}

fn same_public_key(spki: &[u8], other: &(Vec<u8>, Vec<u8>)) -> bool {
    public_key_parts(spki).as_ref() == Some(other)
}

fn extension(oid: &[u64], critical: bool, value: &[u8]) -> Vec<u8> {
    if critical {
        der::sequence(&[
            &der::oid(oid),
            &der::boolean(true),
            &der::octet_string(value),
        ])
    } else {
        der::sequence(&[&der::oid(oid), &der::octet_string(value)])
    }
}

fn extensions(
    template: &Template,
    subject_is_empty: bool,
    subject_key_id: Option<Vec<u8>>,
    authority_key_id: Option<Vec<u8>>,
) -> Result<Vec<u8>, X509Error> {
    // digitalSignature (bit 0) and keyEncipherment (bit 2), plus keyCertSign (bit 5):
    // a one-byte BIT STRING whose unused count is the trailing zero bits.
    let usage: u8 = if template.is_ca {
        0b1010_0100
    } else {
        0b1010_0000
    };
    let key_usage = der::tlv(tag::BIT_STRING, &[usage.trailing_zeros() as u8, usage]);
    let ext_key_usage = der::sequence(&[&der::oid(OID_SERVER_AUTH), &der::oid(OID_CLIENT_AUTH)]);
    let basic_constraints = if template.is_ca {
        der::sequence(&[&der::boolean(true)])
    } else {
        der::sequence(&[])
    };

    let mut list = vec![
        extension(OID_KEY_USAGE, true, &key_usage),
        extension(OID_EXT_KEY_USAGE, false, &ext_key_usage),
        extension(OID_BASIC_CONSTRAINTS, true, &basic_constraints),
    ];
    if let Some(id) = subject_key_id {
        list.push(extension(
            OID_SUBJECT_KEY_ID,
            false,
            &der::octet_string(&id),
        ));
    }
    if let Some(id) = authority_key_id {
        list.push(extension(
            OID_AUTHORITY_KEY_ID,
            false,
            &der::sequence(&[&der::tlv(tag::implicit(0), &id)]),
        ));
    }
    if !template.dns_names.is_empty() || !template.ips.is_empty() {
        let mut names = Vec::new();
        for dns in &template.dns_names {
            if !dns.is_ascii() {
                return Err(X509Error::NotIa5(go_quote(dns)));
            }
            names.extend(der::tlv(tag::implicit(2), dns.as_bytes()));
        }
        for ip in &template.ips {
            names.extend(der::tlv(tag::implicit(7), &ip_bytes(ip)));
        }
        list.push(extension(
            OID_SUBJECT_ALT_NAME,
            subject_is_empty,
            &der::tlv(tag::SEQUENCE, &names),
        ));
    }
    Ok(der::tlv(tag::SEQUENCE, &list.concat()))
}

/// Four bytes for IPv4 and IPv4-mapped IPv6 addresses (Go's `To4`), sixteen otherwise.
fn ip_bytes(ip: &IpAddr) -> Vec<u8> {
    match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.octets().to_vec(),
            None => v6.octets().to_vec(),
        },
    }
}

/// `NotBefore` is now and `NotAfter` now plus `days * 24h`, both to the second; the
/// duration wraps as Go's `int64` nanoseconds do (so 200000 days ends in 1989).
fn validity(now: SystemTime, days: i64) -> Vec<u8> {
    let now_ns: i128 = match now.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    };
    let span = i128::from(days.wrapping_mul(NANOS_PER_DAY));
    let not_before = now_ns.div_euclid(1_000_000_000) as i64;
    let not_after = (now_ns + span).div_euclid(1_000_000_000) as i64;
    der::sequence(&[&time(not_before), &time(not_after)])
}

/// UTCTime for 1950 to 2049, GeneralizedTime otherwise (RFC 5280, as Go does).
fn time(unix_seconds: i64) -> Vec<u8> {
    let days = unix_seconds.div_euclid(86_400);
    let secs = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let clock = format!(
        "{month:02}{day:02}{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    if (1950..2050).contains(&year) {
        der::tlv(
            tag::UTC_TIME,
            format!("{:02}{clock}", year % 100).as_bytes(),
        )
    } else {
        der::tlv(
            tag::GENERALIZED_TIME,
            format!("{year:04}{clock}").as_bytes(),
        )
    }
}

/// The proleptic Gregorian date of a day count from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Go's `%q` of a string (`strconv.Quote`), for error messages.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if is_go_printable(c) => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint`: not a control, format or separator
/// character (the ASCII space excepted).
fn is_go_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
    }

    #[test]
    fn times_switch_to_generalized_in_2050() {
        // 2049-12-31T23:59:59Z and a second later.
        assert_eq!(
            time(2_524_607_999),
            der::tlv(tag::UTC_TIME, b"491231235959Z")
        );
        assert_eq!(
            time(2_524_608_000),
            der::tlv(tag::GENERALIZED_TIME, b"20500101000000Z")
        );
        assert_eq!(
            time(-631_152_001),
            der::tlv(tag::GENERALIZED_TIME, b"19491231235959Z")
        );
    }

    #[test]
    fn validity_wraps_like_go_durations() {
        // helm4 2026-11-25T19:50:31Z: 200000 days -> 1989-12-05T20:15:57Z, and
        // 9223372036854775807 days -> one day before now.
        let now = UNIX_EPOCH + std::time::Duration::from_secs(1_795_636_231);
        let v = validity(now, 200_000);
        let (seq, _) = Element::read(&v).unwrap();
        let parts = seq.children().unwrap();
        assert_eq!(parts[0].content, b"261125195031Z");
        assert_eq!(parts[1].content, b"891205201557Z");
        let v = validity(now, i64::MAX);
        let (seq, _) = Element::read(&v).unwrap();
        assert_eq!(seq.children().unwrap()[1].content, b"261124195031Z");
        let v = validity(now, 10_000);
        let (seq, _) = Element::read(&v).unwrap();
        assert_eq!(seq.children().unwrap()[1].content, b"20540412195031Z");
    }

    #[test]
    fn names_choose_string_types_like_go() {
        assert_eq!(name(""), vec![0x30, 0]);
        let printable = name("my-ca");
        assert_eq!(printable[printable.len() - 7], tag::PRINTABLE_STRING);
        for cn in ["*.example.com", "a&b", "a_b", "ünï", "a@b"] {
            let n = name(cn);
            assert_eq!(n[n.len() - cn.len() - 2], tag::UTF8_STRING, "{cn}");
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(go_quote("é.com"), "\"é.com\"");
        assert_eq!(
            go_quote("a\"b\\\n\u{0}\u{200b}"),
            "\"a\\\"b\\\\\\n\\x00\\u200b\""
        );
    }

    #[test]
    fn ip_encoding() {
        assert_eq!(ip_bytes(&"10.0.0.1".parse().unwrap()), vec![10, 0, 0, 1]);
        assert_eq!(
            ip_bytes(&"::ffff:1.2.3.4".parse().unwrap()),
            vec![1, 2, 3, 4]
        );
        assert_eq!(ip_bytes(&"::1".parse().unwrap()).len(), 16);
    }
}
