//! `b64enc`, `b64dec`, `b32enc`, `b32dec` with Go's standard encodings. A decoding
//! error is not an error for Sprig: its text (`illegal base64 data at input byte 4`) is
//! the result, so the byte offset must be Go's.

use crate::engine::func::{Func, Param as P};
use crate::value::Value;

use super::args::bytes;
use super::{func, Res};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn b64_value(c: u8) -> Option<u8> {
    B64.iter().position(|&x| x == c).map(|p| p as u8)
}

fn b32_value(c: u8) -> Option<u8> {
    B32.iter().position(|&x| x == c).map(|p| p as u8)
}

pub(super) fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString`: `\r` and `\n` are skipped anywhere, padding
/// is required, unused trailing bits are ignored; the error is the offending offset.
pub(super) fn base64_decode(src: &[u8]) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let mut si = 0usize;
    let skip_newlines = |si: &mut usize| {
        while *si < src.len() && matches!(src[*si], b'\n' | b'\r') {
            *si += 1;
        }
    };
    loop {
        let mut quantum = [0u8; 4];
        let mut len = 4;
        let mut j = 0;
        let mut end = false;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok(out);
                }
                return Err(si - j);
            }
            let c = src[si];
            si += 1;
            if let Some(v) = b64_value(c) {
                quantum[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if c != b'=' {
                return Err(si - 1);
            }
            match j {
                0 | 1 => return Err(si - 1),
                2 => {
                    skip_newlines(&mut si);
                    if si == src.len() {
                        return Err(src.len());
                    }
                    if src[si] != b'=' {
                        return Err(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            skip_newlines(&mut si);
            if si < src.len() {
                return Err(si);
            }
            len = j;
            end = true;
            break;
        }
        let n = (quantum[0] as u32) << 18
            | (quantum[1] as u32) << 12
            | (quantum[2] as u32) << 6
            | quantum[3] as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..len - 1]);
        if end {
            return Ok(out);
        }
    }
}

pub(super) fn base32_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut b = [0u8; 5];
        b[..chunk.len()].copy_from_slice(chunk);
        let n = b.iter().fold(0u64, |acc, &x| acc << 8 | x as u64);
        let symbols = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < symbols {
                out.push(B32[(n >> (35 - 5 * i) & 31) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Go's `base32.StdEncoding.DecodeString`: newlines are removed first (offsets count
/// the input without them), then 8-symbol quanta with strict padding lengths.
pub(super) fn base32_decode(input: &[u8]) -> Result<Vec<u8>, usize> {
    let src: Vec<u8> = input
        .iter()
        .copied()
        .filter(|c| !matches!(c, b'\n' | b'\r'))
        .collect();
    let olen = src.len();
    let mut out = Vec::with_capacity(olen / 8 * 5);
    let mut pos = 0usize;
    let mut end = false;
    while pos < olen && !end {
        let mut quantum = [0u8; 8];
        let mut len = 8;
        let mut j = 0;
        while j < 8 {
            if pos == olen {
                return Err(olen - (olen - pos) - j);
            }
            let c = src[pos];
            pos += 1;
            let remaining = olen - pos;
            if c == b'=' && j >= 2 && remaining < 8 {
                if remaining + j < 7 {
                    return Err(olen);
                }
                for k in 0..7 - j {
                    if remaining > k && src[pos + k] != b'=' {
                        return Err((olen - remaining + k).wrapping_sub(1));
                    }
                }
                len = j;
                end = true;
                if matches!(len, 1 | 3 | 6) {
                    return Err(olen - remaining - 1);
                }
                break;
            }
            match b32_value(c) {
                Some(v) => quantum[j] = v,
                None => return Err(olen - remaining - 1),
            }
            j += 1;
        }
        let n = quantum.iter().fold(0u64, |acc, &x| acc << 5 | x as u64);
        let bytes = [
            (n >> 32) as u8,
            (n >> 24) as u8,
            (n >> 16) as u8,
            (n >> 8) as u8,
            n as u8,
        ];
        let produced = match len {
            8 => 5,
            7 => 4,
            5 => 3,
            4 => 2,
            2 => 1,
            _ => 0,
        };
        out.extend_from_slice(&bytes[..produced]);
    }
    Ok(out)
}

// Go encodes and decodes a string's bytes; decoded binary data is a byte string.

fn b64enc(a: Vec<Value>) -> Res {
    Ok(base64_encode(bytes(&a, 0)).into())
}

fn b64dec(a: Vec<Value>) -> Res {
    Ok(match base64_decode(bytes(&a, 0)) {
        Ok(data) => Value::from_go_bytes(data),
        Err(at) => format!("illegal base64 data at input byte {at}").into(),
    })
}

fn b32enc(a: Vec<Value>) -> Res {
    Ok(base32_encode(bytes(&a, 0)).into())
}

fn b32dec(a: Vec<Value>) -> Res {
    Ok(match base32_decode(bytes(&a, 0)) {
        Ok(data) => Value::from_go_bytes(data),
        Err(at) => format!("illegal base32 data at input byte {at}").into(),
    })
}

pub(super) const FUNCS: &[Func] = &[
    func("b64enc", &[P::BytesString], None, b64enc),
    func("b64dec", &[P::BytesString], None, b64dec),
    func("b32enc", &[P::BytesString], None, b32enc),
    func("b32dec", &[P::BytesString], None, b32dec),
];
