//! Random values: `randAlphaNum`, `randAlpha`, `randNumeric`, `randAscii`, `randBytes`,
//! `randInt`, `shuffle` and `uuidv4`.
//!
//! Sprig's strings come from goutils' `CryptoRandom`, which draws uniformly from a range
//! and rejects characters outside the wanted class; the result is a uniform draw from the
//! class, which is what these functions do directly. A count of zero gives `""`; a
//! negative count is an error goutils returns and Sprig discards, so it also gives `""`.

use rand::rngs::OsRng;
use rand::seq::SliceRandom as _;
use rand::{Rng as _, RngCore as _};

use super::error::RandomError;
use super::gobase64;

/// The most characters (or bytes) one call produces. Helm has no limit and dies of
/// memory exhaustion on huge counts (`randAlphaNum 1000000000000`); a library must not.
pub const MAX_RANDOM_LEN: usize = 1 << 27;

/// Which characters a random string is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Alphabet {
    /// `[0-9A-Za-z]`
    AlphaNumeric,
    /// `[A-Za-z]`
    Alpha,
    /// `[0-9]`
    Numeric,
    /// The printable ASCII characters, space (32) to `~` (126).
    Ascii,
}

impl Alphabet {
    fn chars(self) -> &'static [u8] {
        const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        const ASCII: &[u8] = b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        match self {
            Alphabet::AlphaNumeric => ALNUM,
            Alphabet::Alpha => &ALNUM[10..],
            Alphabet::Numeric => &ALNUM[..10],
            Alphabet::Ascii => ASCII,
        }
    }
}

fn checked_len(count: i64, unit: &'static str) -> Result<usize, RandomError> {
    match usize::try_from(count) {
        Ok(n) if n <= MAX_RANDOM_LEN => Ok(n),
        _ => Err(RandomError::TooLarge {
            requested: count,
            unit,
            limit: MAX_RANDOM_LEN,
        }),
    }
}

/// A random string of `count` characters from `alphabet`.
pub(crate) fn random_string(alphabet: Alphabet, count: i64) -> Result<String, RandomError> {
    if count <= 0 {
        return Ok(String::new());
    }
    let n = checked_len(count, "characters")?;
    let chars = alphabet.chars();
    let mut rng = OsRng;
    Ok((0..n)
        .map(|_| char::from(chars[rng.gen_range(0..chars.len())]))
        .collect())
}

/// `randBytes`: base64 of `count` random bytes.
pub(crate) fn rand_bytes(count: i64) -> Result<String, RandomError> {
    if count < 0 {
        return Err(RandomError::NegativeLength);
    }
    let mut buf = vec![0u8; checked_len(count, "bytes")?];
    OsRng.fill_bytes(&mut buf);
    Ok(gobase64::encode(&buf))
}

/// `randInt`: uniform in `[min, max)`. Go computes `max-min` in wrapping `int`
/// arithmetic and panics when it is not positive.
pub(crate) fn rand_int(min: i64, max: i64) -> Result<i64, RandomError> {
    let span = max.wrapping_sub(min);
    if span <= 0 {
        return Err(RandomError::InvalidRange);
    }
    Ok(OsRng.gen_range(0..span).wrapping_add(min))
}

/// `shuffle`: the string's characters in random order.
pub(crate) fn shuffle(input: &str) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    chars.shuffle(&mut OsRng);
    chars.into_iter().collect()
}

/// `uuidv4`: a random (version 4, RFC 4122 variant) UUID in lowercase hyphenated form.
pub(crate) fn uuidv4() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn strings_use_their_alphabet_and_length() {
        type Allowed = fn(char) -> bool;
        let cases: [(Alphabet, Allowed); 4] = [
            (Alphabet::AlphaNumeric, |c| c.is_ascii_alphanumeric()),
            (Alphabet::Alpha, |c| c.is_ascii_alphabetic()),
            (Alphabet::Numeric, |c| c.is_ascii_digit()),
            (Alphabet::Ascii, |c| (' '..='~').contains(&c)),
        ];
        for (alphabet, allowed) in cases {
            let s = random_string(alphabet, 5000).unwrap();
            assert_eq!(s.len(), 5000);
            assert!(s.chars().all(allowed), "{alphabet:?}: {s}");
            // Every character of the alphabet shows up in 5000 draws.
            let seen: HashSet<char> = s.chars().collect();
            assert_eq!(seen.len(), alphabet.chars().len(), "{alphabet:?}");
        }
    }

    #[test]
    fn distribution_is_roughly_uniform() {
        let s = random_string(Alphabet::Numeric, 100_000).unwrap();
        for d in '0'..='9' {
            let n = s.chars().filter(|c| *c == d).count();
            assert!((9_000..11_000).contains(&n), "{d}: {n}");
        }
    }

    #[test]
    fn zero_and_negative_counts_give_empty_strings() {
        // helm4: randAlphaNum 0 and randAlphaNum -3 both print "".
        assert_eq!(random_string(Alphabet::AlphaNumeric, 0).unwrap(), "");
        assert_eq!(random_string(Alphabet::Ascii, -3).unwrap(), "");
    }

    #[test]
    fn huge_counts_error_instead_of_aborting() {
        let e = random_string(Alphabet::AlphaNumeric, 1_000_000_000_000).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot generate 1000000000000 random characters: the limit is 134217728"
        );
        assert!(rand_bytes(i64::MAX).is_err());
    }

    #[test]
    fn rand_bytes_is_base64_of_count_bytes() {
        assert_eq!(rand_bytes(0).unwrap(), "");
        let s = rand_bytes(10).unwrap();
        assert_eq!(gobase64::decode(&s).unwrap().bytes.len(), 10);
        assert_ne!(rand_bytes(32).unwrap(), rand_bytes(32).unwrap());
        // helm4: randBytes -1 -> "runtime error: makeslice: len out of range"
        assert_eq!(
            rand_bytes(-1).unwrap_err().to_string(),
            "runtime error: makeslice: len out of range"
        );
    }

    #[test]
    fn rand_int_stays_in_range() {
        let seen: HashSet<i64> = (0..1000).map(|_| rand_int(-3, 2).unwrap()).collect();
        assert_eq!(seen, (-3..2).collect());
        assert_eq!(rand_int(i64::MIN, i64::MIN + 1).unwrap(), i64::MIN);
        // helm4: randInt 5 5 and randInt 5 3 -> "invalid argument to Intn"
        assert_eq!(
            rand_int(5, 5).unwrap_err().to_string(),
            "invalid argument to Intn"
        );
        assert!(rand_int(5, 3).is_err());
        // max - min overflows Go's int and wraps negative.
        assert!(rand_int(i64::MIN, i64::MAX).is_err());
    }

    #[test]
    fn shuffle_permutes_characters() {
        let input = "hello wörld ✓";
        let out = shuffle(input);
        let mut a: Vec<char> = input.chars().collect();
        let mut b: Vec<char> = out.chars().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert_eq!(shuffle(""), "");
        let many: HashSet<String> = (0..50).map(|_| shuffle("abcdefgh")).collect();
        assert!(many.len() > 40);
    }

    #[test]
    fn uuids_are_version_4() {
        let u = uuidv4();
        assert_eq!(u.len(), 36);
        let b = u.as_bytes();
        assert_eq!((b[8], b[13], b[18], b[23]), (b'-', b'-', b'-', b'-'));
        assert_eq!(b[14], b'4');
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'));
        assert!(u
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)));
        assert_ne!(uuidv4(), u);
    }
}
