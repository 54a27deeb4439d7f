//! Certificates from Sprig's functions, checked field by field against certificates the
//! real helm v4.1.4 generated from the same arguments (`tests/fixtures/crypto/`).
//!
//! Both are parsed with `x509-cert` (an independent DER parser) and reduced to a
//! description of everything that does not depend on randomness or the clock (serial
//! bytes, keys, signatures and dates are replaced by their properties). The descriptions
//! must be equal; signatures are verified and keys matched separately.

use std::sync::Arc;

use helmcore::sprig::crypto::{self, Certificate};
use helmcore::value::{Field, Object, Value};
use sha2::Digest as _;
use x509_cert::der::{Decode as _, Encode as _, Tagged as _};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/crypto/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The DER of the first PEM block of `text`, which must be of type `kind`.
fn pem_der(text: &str, kind: &str) -> Vec<u8> {
    let begin = format!("-----BEGIN {kind}-----\n");
    let end = format!("-----END {kind}-----\n");
    assert!(text.starts_with(&begin), "{text}");
    assert!(text.ends_with(&end), "{text}");
    let body: String = text[begin.len()..text.len() - end.len()].lines().collect();
    for line in text[begin.len()..text.len() - end.len()].lines() {
        assert!(line.len() <= 64, "PEM lines are 64 columns: {line}");
    }
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap()
}

fn parse(cert_pem: &str) -> x509_cert::Certificate {
    x509_cert::Certificate::from_der(&pem_der(cert_pem, "CERTIFICATE")).unwrap()
}

fn names(name: &x509_cert::name::Name) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .map(|atv| {
            let value = std::str::from_utf8(atv.value.value()).unwrap();
            format!("{}={:?} (tag {:?})", atv.oid, value, atv.value.tag())
        })
        .collect()
}

fn spki_bits(cert: &x509_cert::Certificate) -> Vec<u8> {
    cert.tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes()
        .to_vec()
}

fn extension<'a>(
    cert: &'a x509_cert::Certificate,
    oid: &str,
) -> Option<&'a x509_cert::ext::Extension> {
    cert.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id.to_string() == oid)
}

const SKI: &str = "2.5.29.14";
const AKI: &str = "2.5.29.35";

/// Everything about `cert` that the same template call must reproduce.
fn describe(cert: &x509_cert::Certificate, issuer: Option<&x509_cert::Certificate>) -> Vec<String> {
    let tbs = &cert.tbs_certificate;
    let mut out = vec![
        format!("version {:?}", tbs.version),
        format!(
            "signature {} params {:?}",
            tbs.signature.oid,
            tbs.signature.parameters.as_ref().map(|p| p.tag())
        ),
        format!(
            "outer signature same as inner: {}",
            cert.signature_algorithm == tbs.signature
        ),
        format!("issuer {:?}", names(&tbs.issuer)),
        format!("subject {:?}", names(&tbs.subject)),
        format!(
            "spki {} params {:?}",
            tbs.subject_public_key_info.algorithm.oid,
            tbs.subject_public_key_info
                .algorithm
                .parameters
                .as_ref()
                .map(|p| p.to_der().unwrap())
        ),
        format!("public key bits {}", spki_bits(cert).len()),
    ];
    let serial = tbs.serial_number.as_bytes();
    out.push(format!(
        "serial positive, at most 128 bits: {}",
        serial.len() <= 17 && serial[0] & 0x80 == 0
    ));
    let nb = &tbs.validity.not_before;
    let na = &tbs.validity.not_after;
    let kind = |t: &x509_cert::time::Time| match t {
        x509_cert::time::Time::UtcTime(_) => "UTCTime",
        x509_cert::time::Time::GeneralTime(_) => "GeneralizedTime",
    };
    out.push(format!(
        "validity {} {} seconds {}",
        kind(nb),
        kind(na),
        na.to_unix_duration().as_secs() as i64 - nb.to_unix_duration().as_secs() as i64
    ));
    for ext in tbs.extensions.iter().flatten() {
        let oid = ext.extn_id.to_string();
        let value = ext.extn_value.as_bytes();
        let shown = match oid.as_str() {
            SKI => format!(
                "sha256(key)[..20]: {}",
                value[2..] == sha2::Sha256::digest(spki_bits(cert))[..20]
            ),
            AKI => {
                let issuer_ski = issuer
                    .and_then(|i| extension(i, SKI))
                    .map(|e| e.extn_value.as_bytes()[2..].to_vec());
                format!(
                    "[0] of issuer's SKI: {}",
                    Some(value[4..].to_vec()) == issuer_ski && value[2] == 0x80
                )
            }
            _ => format!("{value:02x?}"),
        };
        out.push(format!("extension {oid} critical {} {shown}", ext.critical));
    }
    out
}

/// Checks `cert`'s signature with `issuer`'s public key.
fn verify_signature(cert: &x509_cert::Certificate, issuer: &x509_cert::Certificate) {
    let tbs = cert.tbs_certificate.to_der().unwrap();
    let sig = cert.signature.raw_bytes();
    let spki = issuer
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .unwrap();
    match cert.signature_algorithm.oid.to_string().as_str() {
        "1.2.840.113549.1.1.11" => {
            use rsa::pkcs8::DecodePublicKey as _;
            let key = rsa::RsaPublicKey::from_public_key_der(&spki).unwrap();
            key.verify(
                rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                &sha2::Sha256::digest(&tbs),
                sig,
            )
            .unwrap();
        }
        "1.2.840.10045.4.3.2" => {
            use p256::ecdsa::signature::Verifier as _;
            use p256::pkcs8::DecodePublicKey as _;
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki).unwrap();
            key.verify(&tbs, &p256::ecdsa::Signature::from_der(sig).unwrap())
                .unwrap();
        }
        "1.2.840.10045.4.3.3" => {
            use p384::ecdsa::signature::Verifier as _;
            use p384::pkcs8::DecodePublicKey as _;
            let key = p384::ecdsa::VerifyingKey::from_public_key_der(&spki).unwrap();
            key.verify(&tbs, &p384::ecdsa::Signature::from_der(sig).unwrap())
                .unwrap();
        }
        "1.3.101.112" => {
            use ed25519_dalek::pkcs8::DecodePublicKey as _;
            use ed25519_dalek::Verifier as _;
            let key = ed25519_dalek::VerifyingKey::from_public_key_der(&spki).unwrap();
            key.verify(&tbs, &ed25519_dalek::Signature::from_slice(sig).unwrap())
                .unwrap();
        }
        other => panic!("unexpected signature algorithm {other}"),
    }
}

/// The certificate's public key is the key's: `.Key` re-derives `.Cert`'s SPKI.
fn assert_key_matches(c: &Certificate) {
    let cert = parse(&c.cert);
    let probe = crypto::gen_self_signed_cert_with_key("probe", &Value::Nil, &Value::Nil, 1, &c.key)
        .unwrap();
    assert_eq!(spki_bits(&parse(&probe.cert)), spki_bits(&cert));
}

fn list(items: &[&str]) -> Value {
    Value::list(items.iter().map(|s| Value::from(*s)).collect())
}

fn helm_ca() -> Certificate {
    Certificate {
        cert: fixture("helm_ca.crt"),
        key: fixture("helm_ca.key"),
    }
}

fn helm_ec_ca() -> Certificate {
    Certificate {
        cert: fixture("helm_ec_ca.crt"),
        key: fixture("helm_ec_ca.key"),
    }
}

#[test]
fn rsa_ca_and_leaves_match_helm_field_by_field() {
    let ca = crypto::gen_ca("my-ca", 365).unwrap();
    let ca_x = parse(&ca.cert);
    let helm_ca_x = parse(&fixture("helm_ca.crt"));
    assert_eq!(
        describe(&ca_x, Some(&ca_x)),
        describe(&helm_ca_x, Some(&helm_ca_x))
    );
    assert!(ca.key.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
    verify_signature(&ca_x, &ca_x);
    assert_key_matches(&ca);

    let signed = crypto::gen_signed_cert(
        "signed.example",
        &list(&["10.0.0.1", "::1"]),
        &list(&["a.example", "b.example"]),
        30,
        &ca,
    )
    .unwrap();
    let signed_x = parse(&signed.cert);
    let helm_signed_x = parse(&fixture("helm_signed.crt"));
    assert_eq!(
        describe(&signed_x, Some(&ca_x)),
        describe(&helm_signed_x, Some(&helm_ca_x))
    );
    verify_signature(&signed_x, &ca_x);
    assert_key_matches(&signed);

    let self_signed = crypto::gen_self_signed_cert(
        "self.example",
        &list(&["192.168.1.1"]),
        &list(&["self.example"]),
        10,
    )
    .unwrap();
    let ss_x = parse(&self_signed.cert);
    let helm_ss_x = parse(&fixture("helm_self_signed.crt"));
    assert_eq!(describe(&ss_x, None), describe(&helm_ss_x, None));
    verify_signature(&ss_x, &ss_x);
}

#[test]
fn described_fields_are_the_expected_ones() {
    // Guard against `describe` comparing too little: spell out helm's signed leaf.
    let helm_ca_x = parse(&fixture("helm_ca.crt"));
    let d = describe(&parse(&fixture("helm_signed.crt")), Some(&helm_ca_x));
    let expected = [
        "version V3",
        "signature 1.2.840.113549.1.1.11 params Some(Tag(0x05: NULL))",
        "outer signature same as inner: true",
        "issuer [\"2.5.4.3=\\\"my-ca\\\" (tag Tag(0x13: PrintableString))\"]",
        "subject [\"2.5.4.3=\\\"signed.example\\\" (tag Tag(0x13: PrintableString))\"]",
        "spki 1.2.840.113549.1.1.1 params Some([5, 0])",
        "public key bits 270",
        "serial positive, at most 128 bits: true",
        "validity UTCTime UTCTime seconds 2592000",
        "extension 2.5.29.15 critical true [03, 02, 05, a0]",
        "extension 2.5.29.37 critical false [30, 14, 06, 08, 2b, 06, 01, 05, 05, 07, 03, 01, 06, 08, 2b, 06, 01, 05, 05, 07, 03, 02]",
        "extension 2.5.29.19 critical true [30, 00]",
        "extension 2.5.29.35 critical false [0] of issuer's SKI: true",
        "extension 2.5.29.17 critical false [30, 2e, 82, 09, 61, 2e, 65, 78, 61, 6d, 70, 6c, 65, 82, 09, 62, 2e, 65, 78, 61, 6d, 70, 6c, 65, 87, 04, 0a, 00, 00, 01, 87, 10, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 00, 01]",
    ];
    assert_eq!(d, expected);
    let ca = describe(&helm_ca_x, Some(&helm_ca_x));
    assert!(
        ca.contains(&"extension 2.5.29.14 critical false sha256(key)[..20]: true".to_string()),
        "{ca:?}"
    );
    assert!(
        ca.contains(&"extension 2.5.29.15 critical true [03, 02, 02, a4]".to_string()),
        "{ca:?}"
    );
    assert!(
        ca.contains(&"extension 2.5.29.19 critical true [30, 03, 01, 01, ff]".to_string()),
        "{ca:?}"
    );
}

#[test]
fn ecdsa_ca_and_ed25519_leaf_match_helm() {
    let ca = crypto::gen_ca_with_key("ec-ca", 5, &fixture("helm_ecdsa.key")).unwrap();
    // The key comes back exactly as helm writes it.
    assert_eq!(ca.key, fixture("helm_ecdsa.key"));
    let ca_x = parse(&ca.cert);
    let helm_ca_x = parse(&fixture("helm_ec_ca.crt"));
    assert_eq!(
        describe(&ca_x, Some(&ca_x)),
        describe(&helm_ca_x, Some(&helm_ca_x))
    );
    verify_signature(&ca_x, &ca_x);

    let leaf = crypto::gen_signed_cert_with_key(
        "ed.example",
        &Value::Nil,
        &Value::Nil,
        7,
        &ca,
        &fixture("helm_ed25519.key"),
    )
    .unwrap();
    assert_eq!(leaf.key, fixture("helm_ed25519.key"));
    let leaf_x = parse(&leaf.cert);
    let helm_leaf_x = parse(&fixture("helm_ed_signed.crt"));
    assert_eq!(
        describe(&leaf_x, Some(&ca_x)),
        describe(&helm_leaf_x, Some(&helm_ca_x))
    );
    verify_signature(&leaf_x, &ca_x);
    assert_key_matches(&leaf);
}

#[test]
fn empty_common_name_makes_san_critical_like_helm() {
    let key = fixture("helm_ecdsa.key");
    let c = crypto::gen_self_signed_cert_with_key(
        "",
        &Value::Nil,
        &list(&["a.com", "", "*.b"]),
        3,
        &key,
    )
    .unwrap();
    let ours = describe(&parse(&c.cert), None);
    let helm = describe(&parse(&fixture("helm_empty_cn.crt")), None);
    // Same everything except the key type (helm's used a fresh RSA key).
    let strip = |d: Vec<String>| {
        d.into_iter()
            .filter(|l| {
                !l.starts_with("signature")
                    && !l.starts_with("spki")
                    && !l.starts_with("public key")
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(ours.clone()), strip(helm));
    assert!(ours.contains(&"subject []".to_string()));
    assert!(
        ours.iter()
            .any(|l| l.starts_with("extension 2.5.29.17 critical true")),
        "{ours:?}"
    );
}

#[test]
fn signing_under_helms_ca_links_to_its_key_id() {
    let ca = helm_ca();
    let ca_x = parse(&ca.cert);
    let leaf = crypto::gen_signed_cert_with_key(
        "leaf",
        &Value::Nil,
        &list(&["leaf.example"]),
        1,
        &ca,
        &fixture("helm_ecdsa.key"),
    )
    .unwrap();
    let leaf_x = parse(&leaf.cert);
    verify_signature(&leaf_x, &ca_x);
    assert_eq!(leaf_x.tbs_certificate.issuer, ca_x.tbs_certificate.subject);
    let aki = extension(&leaf_x, AKI).unwrap().extn_value.as_bytes();
    let ski = extension(&ca_x, SKI).unwrap().extn_value.as_bytes();
    assert_eq!(aki[4..], ski[2..]);
    // The P-384 key exercises SHA-384 signatures.
    let p384 = crypto::gen_ca_with_key("p384", 1, &fixture("openssl_p384_pkcs8.key")).unwrap();
    assert_eq!(p384.key, fixture("helm_p384_rewritten.key"));
    let p384_x = parse(&p384.cert);
    verify_signature(&p384_x, &p384_x);
}

#[test]
fn same_common_name_as_the_ca_has_no_authority_key_id() {
    // Go only links issuer and subject when their names differ (helm4 output checked).
    let ca = helm_ec_ca();
    let leaf = crypto::gen_signed_cert_with_key(
        "ec-ca",
        &Value::Nil,
        &Value::Nil,
        1,
        &ca,
        &fixture("helm_ed25519.key"),
    )
    .unwrap();
    let leaf_x = parse(&leaf.cert);
    assert!(extension(&leaf_x, AKI).is_none());
    assert!(extension(&leaf_x, SKI).is_none());
}

#[test]
fn validity_is_days_times_24h() {
    let key = fixture("helm_ed25519.key");
    for (days, seconds) in [(0i64, 0i64), (-3, -3 * 86400), (10_000, 10_000 * 86400)] {
        let c = crypto::gen_self_signed_cert_with_key("v", &Value::Nil, &Value::Nil, days, &key)
            .unwrap();
        let v = &parse(&c.cert).tbs_certificate.validity;
        let span = v.not_after.to_unix_duration().as_secs() as i64
            - v.not_before.to_unix_duration().as_secs() as i64;
        assert_eq!(span, seconds, "{days} days");
    }
}

#[test]
fn keys_of_every_type_are_written_like_helm() {
    // Helm's keys come back byte for byte when re-encoded.
    for name in ["helm_rsa4096.key", "helm_ecdsa.key", "helm_ed25519.key"] {
        let c =
            crypto::gen_self_signed_cert_with_key("k", &Value::Nil, &Value::Nil, 1, &fixture(name))
                .unwrap();
        assert_eq!(c.key, fixture(name), "{name}");
    }
}

#[test]
fn gen_private_key_types() {
    let gen = |t: &str| {
        let f = crypto::functions()
            .iter()
            .find(|f| f.name == "genPrivateKey")
            .unwrap();
        (f.call)(vec![Value::from(t)])
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    // helm4: genPrivateKey "foo" -> "Unknown type foo"
    assert_eq!(gen("foo"), "Unknown type foo");
    let ec = gen("ecdsa");
    let der = pem_der(&ec, "EC PRIVATE KEY");
    assert_eq!(der.len(), 121);
    assert_eq!(&der[..7], &[0x30, 0x77, 2, 1, 1, 4, 0x20]);
    let ed = gen("ed25519");
    assert_eq!(pem_der(&ed, "PRIVATE KEY").len(), 48);
    let dsa = pem_der(&gen("dsa"), "DSA PRIVATE KEY");
    let helm_dsa = pem_der(&fixture("helm_dsa.key"), "DSA PRIVATE KEY");
    // SEQUENCE { 0, p (2048 bits), q (256 bits), g, y, x }: the layout of helm's.
    let layout = |d: &[u8]| -> Vec<usize> {
        let mut lengths = Vec::new();
        let mut i = 4;
        while i + 1 < d.len() {
            assert_eq!(d[i], 2, "INTEGER");
            let (len, header) = match d[i + 1] {
                0x82 => (usize::from(d[i + 2]) << 8 | usize::from(d[i + 3]), 4),
                0x81 => (usize::from(d[i + 2]), 3),
                n => (usize::from(n), 2),
            };
            lengths.push(len);
            i += header + len;
        }
        lengths
    };
    assert_eq!(layout(&dsa).len(), 6);
    assert_eq!(layout(&dsa)[..3], [1, 257, 33]);
    assert_eq!(layout(&helm_dsa)[..3], [1, 257, 33]);
    let rsa = gen("");
    let rsa_der = pem_der(&rsa, "RSA PRIVATE KEY");
    // 4096-bit modulus: INTEGER of 513 bytes right after the version.
    assert_eq!(&rsa_der[4..11], &[2, 1, 0, 2, 0x82, 2, 1]);
}

#[test]
fn certificate_object_behaves_like_the_go_struct() {
    let c = Certificate {
        cert: "CERT".into(),
        key: "KEY".into(),
    };
    let v = Value::Object(Arc::new(c.clone()));
    assert_eq!(v.type_name(), "sprig.certificate");
    assert_eq!(v.kind().as_str(), "struct");
    assert_eq!(v.to_go_string(), "{CERT KEY}");
    assert!(matches!(c.field("Key"), Field::Value(k) if k.as_str() == Some("KEY")));
    assert!(matches!(c.field("Foo"), Field::Missing));
    let data = c.to_data().unwrap();
    assert_eq!(data.get("Cert"), Some(Value::from("CERT")));
    assert_eq!(v, Value::Object(Arc::new(c)));
}

#[test]
fn build_custom_cert_keeps_texts_and_reports_helms_errors() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let ca = helm_ca();
    let built = crypto::build_custom_cert(&b64(&ca.cert), &b64(&ca.key)).unwrap();
    assert_eq!(built, ca);
    // Go's decoder skips newlines in base64 input.
    let wrapped = b64(&ca.cert)
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        crypto::build_custom_cert(&wrapped, &b64(&ca.key)).unwrap(),
        ca
    );

    let err = |c: &str, k: &str| crypto::build_custom_cert(c, k).unwrap_err().to_string();
    // Texts helm4 printed after "error calling buildCustomCert: ".
    assert_eq!(err("", ""), "unable to decode certificate");
    assert_eq!(err("!!", ""), "unable to decode base64 certificate");
    assert_eq!(err("", "!!"), "unable to decode base64 private key");
    assert_eq!(err("YWJj", ""), "unable to decode certificate");
    assert_eq!(
        err(
            &b64("-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n"),
            ""
        ),
        "error parsing certificate: decodedCert.Bytes: x509: malformed certificate"
    );
    assert_eq!(
        err(&b64(&ca.cert), ""),
        "error parsing private key: no PEM data in input"
    );
}

#[test]
fn creation_errors_match_helm() {
    let ec_key = fixture("helm_ecdsa.key");
    let err = |r: Result<Certificate, crypto::CertError>| r.unwrap_err().to_string();
    // Each expected text is what helm4 printed after "error calling <function>: ".
    assert_eq!(
        err(crypto::gen_ca_with_key("x", 3, &fixture("helm_dsa.key"))),
        "error creating certificate: x509: certificate private key does not implement crypto.Signer"
    );
    assert_eq!(
        err(crypto::gen_signed_cert_with_key(
            "x",
            &Value::Nil,
            &Value::Nil,
            3,
            &helm_ec_ca(),
            &fixture("helm_dsa.key")
        )),
        "error creating certificate: x509: unsupported public key type: *dsa.PublicKey"
    );
    let mismatched = Certificate {
        cert: fixture("helm_ec_ca.crt"),
        key: fixture("helm_ed25519.key"),
    };
    assert_eq!(
        err(crypto::gen_signed_cert_with_key(
            "x",
            &Value::Nil,
            &Value::Nil,
            3,
            &mismatched,
            &ec_key
        )),
        "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey"
    );
    assert_eq!(
        err(crypto::gen_self_signed_cert_with_key(
            "x",
            &Value::Nil,
            &list(&["é.com"]),
            3,
            &ec_key
        )),
        "error creating certificate: x509: \"é.com\" cannot be encoded as an IA5String"
    );
    assert_eq!(
        err(crypto::gen_self_signed_cert_with_key(
            "x",
            &list(&["1.2.3"]),
            &Value::Nil,
            3,
            &ec_key
        )),
        "error parsing ip: 1.2.3"
    );
    let one = Value::list(vec![Value::int(1)]);
    assert_eq!(
        err(crypto::gen_self_signed_cert_with_key(
            "x",
            &one,
            &Value::Nil,
            3,
            &ec_key
        )),
        "error parsing ip: 1 is not a string"
    );
    assert_eq!(
        err(crypto::gen_self_signed_cert_with_key(
            "x",
            &Value::Nil,
            &one,
            3,
            &ec_key
        )),
        "error processing alternate dns name: 1 is not a string"
    );
    assert_eq!(
        err(crypto::gen_ca_with_key("x", 3, "")),
        "parsing private key: no PEM data in input"
    );
    let no_pem = Certificate {
        cert: String::new(),
        key: String::new(),
    };
    assert_eq!(
        err(crypto::gen_signed_cert_with_key(
            "x",
            &Value::Nil,
            &Value::Nil,
            3,
            &no_pem,
            &ec_key
        )),
        "unable to decode certificate"
    );
    let bad_key = Certificate {
        cert: fixture("helm_ec_ca.crt"),
        key: String::new(),
    };
    assert_eq!(
        err(crypto::gen_signed_cert_with_key(
            "x",
            &Value::Nil,
            &Value::Nil,
            3,
            &bad_key,
            &ec_key
        )),
        "error parsing private key: no PEM data in input"
    );
}

#[test]
fn functions_declare_sprigs_signatures() {
    use helmcore::engine::func::Param;
    let sig = |name: &str| {
        let f = crypto::functions()
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(f.variadic.is_none());
        f.params.to_vec()
    };
    assert_eq!(crypto::functions().len(), 25);
    assert_eq!(
        sig("derivePassword"),
        [
            Param::Uint32,
            Param::String,
            Param::String,
            Param::String,
            Param::String
        ]
    );
    assert_eq!(sig("htpasswd"), [Param::String, Param::String]);
    assert_eq!(sig("randInt"), [Param::Int, Param::Int]);
    assert_eq!(sig("uuidv4"), []);
    assert_eq!(
        sig("genSignedCertWithKey"),
        [
            Param::String,
            Param::List,
            Param::List,
            Param::Int,
            Param::Struct("sprig.certificate"),
            Param::String
        ]
    );
    // A certificate returned by one function is accepted by the next.
    let call = |name: &str, args: Vec<Value>| {
        let f = crypto::functions().iter().find(|f| f.name == name).unwrap();
        (f.call)(args)
    };
    let ca = call(
        "genCAWithKey",
        vec!["ca".into(), Value::int(1), fixture("helm_ecdsa.key").into()],
    )
    .unwrap();
    let leaf = call(
        "genSignedCertWithKey",
        vec![
            "l".into(),
            Value::Nil,
            Value::Nil,
            Value::int(1),
            ca,
            fixture("helm_ed25519.key").into(),
        ],
    )
    .unwrap();
    assert_eq!(leaf.type_name(), "sprig.certificate");
    assert_eq!(
        call("randInt", vec![Value::int(5), Value::int(5)]).unwrap_err(),
        "invalid argument to Intn"
    );
    assert_eq!(
        call("randInt", vec![Value::int(1), Value::int(2)]).unwrap(),
        Value::int(1)
    );
    assert_eq!(
        call(
            "derivePassword",
            vec![
                Value::int(1),
                "long".into(),
                "password".into(),
                "user".into(),
                "example.com".into()
            ]
        )
        .unwrap(),
        Value::from("ZedaFaxcZaso9*")
    );
}
