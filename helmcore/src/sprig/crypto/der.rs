//! A minimal DER writer and reader: just what certificates and private keys need.
//!
//! Certificates are assembled by hand rather than with a builder crate so that every byte
//! (extension order, string types, criticality, empty fields) can follow what Go's
//! `crypto/x509` writes.

/// Universal tags (with the constructed bit where the type is always constructed).
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;

    /// `[n] EXPLICIT` (constructed, context-specific).
    pub const fn explicit(n: u8) -> u8 {
        0xa0 | n
    }

    /// `[n] IMPLICIT` of a primitive type.
    pub const fn implicit(n: u8) -> u8 {
        0x80 | n
    }
}

/// One TLV: tag byte, definite length, content.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// A SEQUENCE of already encoded elements.
pub(crate) fn sequence(items: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &items.concat())
}

/// An INTEGER from unsigned big-endian magnitude bytes (leading zeros allowed).
pub(crate) fn uint(magnitude: &[u8]) -> Vec<u8> {
    let trimmed = match magnitude.iter().position(|b| *b != 0) {
        Some(i) => &magnitude[i..],
        None => &[][..],
    };
    let mut content = Vec::with_capacity(trimmed.len() + 1);
    if trimmed.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(trimmed);
    tlv(tag::INTEGER, &content)
}

/// A small non-negative INTEGER.
pub(crate) fn small_uint(n: u64) -> Vec<u8> {
    uint(&n.to_be_bytes())
}

/// A BIT STRING with no unused bits.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(tag::BIT_STRING, &content)
}

pub(crate) fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(tag::OCTET_STRING, bytes)
}

pub(crate) fn null() -> Vec<u8> {
    vec![tag::NULL, 0]
}

pub(crate) fn boolean(b: bool) -> Vec<u8> {
    vec![tag::BOOLEAN, 1, if b { 0xff } else { 0 }]
}

/// An OBJECT IDENTIFIER from its arcs.
pub(crate) fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut content = Vec::new();
    let (first, rest) = match arcs {
        [a, b, rest @ ..] => (a * 40 + b, rest),
        [a] => (a * 40, &[][..]),
        [] => (0, &[][..]),
    };
    for arc in std::iter::once(first).chain(rest.iter().copied()) {
        let mut groups = vec![(arc & 0x7f) as u8];
        let mut v = arc >> 7;
        while v > 0 {
            groups.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        content.extend(groups.iter().rev());
    }
    tlv(tag::OID, &content)
}

/// The dotted form of an encoded OID's content, as Go prints an `asn1.ObjectIdentifier`.
pub(crate) fn oid_to_string(content: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut v: u64 = 0;
    for b in content {
        v = v.saturating_mul(128) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (v / 40).min(2);
                arcs.push(first);
                arcs.push(v - first * 40);
            } else {
                arcs.push(v);
            }
            v = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Why a DER element could not be read; `Display` gives Go's `encoding/asn1` text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DerError {
    #[error("asn1: syntax error: sequence truncated")]
    Empty,
    #[error("asn1: syntax error: data truncated")]
    Truncated,
    #[error("asn1: syntax error: indefinite length found (not DER)")]
    Indefinite,
    #[error("asn1: structure error: length too large")]
    LengthTooLarge,
    #[error("asn1: structure error: non-minimal length")]
    NonMinimalLength,
    #[error("asn1: structure error: tags don't match ({expected} vs {{class:{class} tag:{tag} length:{length} isCompound:{compound}}}) {{optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false}} {type_name} @{offset}")]
    TagMismatch {
        expected: u8,
        class: u8,
        tag: u8,
        length: usize,
        compound: bool,
        type_name: &'static str,
        offset: usize,
    },
    #[error("asn1: structure error: {0}")]
    Structure(&'static str),
}

/// A decoded element: its identifier octet, content and the whole encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

impl<'a> Element<'a> {
    /// Reads one element from the front of `input`, returning it and what follows.
    pub fn read(input: &'a [u8]) -> Result<(Element<'a>, &'a [u8]), DerError> {
        let (tag, len, header_len) = read_header(input)?;
        let end = header_len.checked_add(len).ok_or(DerError::Truncated)?;
        if end > input.len() {
            return Err(DerError::Truncated);
        }
        let element = Element {
            tag,
            content: &input[header_len..end],
            raw: &input[..end],
        };
        Ok((element, &input[end..]))
    }

    /// Reads a SEQUENCE standing for Go struct `type_name`, failing as Go's
    /// `asn1.Unmarshal` does at the outermost level.
    pub fn read_struct(
        input: &'a [u8],
        type_name: &'static str,
    ) -> Result<(Element<'a>, &'a [u8]), DerError> {
        if input.is_empty() {
            return Err(DerError::Empty);
        }
        let (tag, len, header_len) = read_header(input)?;
        if tag != tag::SEQUENCE {
            return Err(DerError::TagMismatch {
                expected: 16,
                class: tag >> 6,
                tag: tag & 0x1f,
                length: len,
                compound: tag & 0x20 != 0,
                type_name,
                offset: header_len,
            });
        }
        Element::read(input)
    }

    /// The elements inside a constructed element.
    pub fn children(&self) -> Result<Vec<Element<'a>>, DerError> {
        let mut out = Vec::new();
        let mut rest = self.content;
        while !rest.is_empty() {
            let (e, r) = Element::read(rest)?;
            out.push(e);
            rest = r;
        }
        Ok(out)
    }

    /// A small INTEGER's value.
    pub fn small_int(&self) -> Result<i64, DerError> {
        if self.tag != tag::INTEGER {
            return Err(DerError::Structure("expected an INTEGER"));
        }
        if self.content.is_empty() || self.content.len() > 8 {
            return Err(DerError::Structure("integer too large"));
        }
        let negative = self.content[0] & 0x80 != 0;
        let mut v: i64 = if negative { -1 } else { 0 };
        for b in self.content {
            v = (v << 8) | i64::from(*b);
        }
        Ok(v)
    }
}

fn read_header(input: &[u8]) -> Result<(u8, usize, usize), DerError> {
    let (&tag, rest) = input.split_first().ok_or(DerError::Truncated)?;
    if tag & 0x1f == 0x1f {
        return Err(DerError::Structure("high-tag-number form is not supported"));
    }
    let (&first, rest) = rest.split_first().ok_or(DerError::Truncated)?;
    if first < 0x80 {
        return Ok((tag, usize::from(first), 2));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 {
        return Err(DerError::Indefinite);
    }
    if n > std::mem::size_of::<usize>() - 1 {
        return Err(DerError::LengthTooLarge);
    }
    let bytes = rest.get(..n).ok_or(DerError::Truncated)?;
    if bytes[0] == 0 {
        return Err(DerError::NonMinimalLength);
    }
    let len = bytes
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    if len < 0x80 {
        return Err(DerError::NonMinimalLength);
    }
    Ok((tag, len, 2 + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_minimal_and_positive() {
        assert_eq!(uint(&[0, 0, 0x7f]), vec![2, 1, 0x7f]);
        assert_eq!(uint(&[0x80]), vec![2, 2, 0, 0x80]);
        assert_eq!(uint(&[]), vec![2, 1, 0]);
        assert_eq!(small_uint(65537), vec![2, 3, 1, 0, 1]);
    }

    #[test]
    fn long_lengths() {
        let v = tlv(tag::OCTET_STRING, &[0u8; 300]);
        assert_eq!(&v[..4], &[4, 0x82, 1, 44]);
        let (e, rest) = Element::read(&v).unwrap();
        assert_eq!(e.content.len(), 300);
        assert!(rest.is_empty());
    }

    #[test]
    fn oids_round_trip() {
        let o = oid(&[1, 2, 840, 113549, 1, 1, 11]);
        assert_eq!(o, vec![6, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 11]);
        assert_eq!(oid_to_string(&o[2..]), "1.2.840.113549.1.1.11");
    }

    #[test]
    fn go_outer_errors() {
        assert_eq!(
            Element::read_struct(b"", "pkcs8").unwrap_err().to_string(),
            "asn1: syntax error: sequence truncated"
        );
        // The text helm4 prints for a PKCS#1 block holding "abc".
        assert_eq!(
            Element::read_struct(b"abc", "pkcs1PrivateKey").unwrap_err().to_string(),
            "asn1: structure error: tags don't match (16 vs {class:1 tag:1 length:98 isCompound:true}) {optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} pkcs1PrivateKey @2"
        );
        assert_eq!(
            Element::read(&[0x30, 0x80]).unwrap_err(),
            DerError::Indefinite
        );
        assert_eq!(
            Element::read(&[0x30, 0x05, 1]).unwrap_err(),
            DerError::Truncated
        );
    }
}
