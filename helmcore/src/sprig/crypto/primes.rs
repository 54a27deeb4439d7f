//! RSA keys from a prime search spread over the machine's cores.
//!
//! A key's two primes are found by drawing random odd numbers of half the key's size
//! and testing them (AWS-LC's `BN_generate_prime_ex`: top two bits set, trial division,
//! Miller–Rabin). Every draw is independent of the others, so several threads drawing at
//! once find the two primes in about `1 / threads` of the time one thread takes: a
//! 4096-bit key for `genPrivateKey` took 0.8–3.8 s on one core of a small machine (Go
//! and OpenSSL take as long). The search stops every thread within one candidate of the
//! second prime: no work is left running after the call returns.

use std::os::raw::{c_int, c_void};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use aws_lc_sys::{
    BN_GENCB_free, BN_GENCB_get_arg, BN_GENCB_new, BN_GENCB_set, BN_bn2bin, BN_clear_free,
    BN_generate_prime_ex, BN_new, BN_num_bits, BN_GENCB,
};
use rsa::BigUint;

/// The public exponent of every key Go makes.
const E: u32 = 65537;

/// Most threads one key's search uses.
const MAX_THREADS: usize = 4;

/// An RSA key of `bits` bits (even, at least 512) with exponent 65537.
///
/// Both primes have their top two bits set, so the modulus has exactly `bits` bits, as
/// Go's `rsa.GenerateKey` guarantees; they differ in their top hundred bits (FIPS 186-4's
/// rule, which AWS-LC's own key generation applies too), and neither is 1 modulo 65537.
pub(crate) fn generate(bits: usize) -> Result<rsa::RsaPrivateKey, String> {
    if bits < 512 || !bits.is_multiple_of(2) {
        return Err(format!("unsupported RSA key size {bits}"));
    }
    let half = bits / 2;
    let search = Search {
        found: Mutex::new(Vec::with_capacity(2)),
        stop: AtomicBool::new(false),
        failed: AtomicBool::new(false),
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_THREADS);
    std::thread::scope(|scope| {
        for _ in 1..threads {
            // A thread the system refuses only makes the search slower.
            let _ = std::thread::Builder::new().spawn_scoped(scope, || search.work(half));
        }
        search.work(half);
    });
    if search.failed.load(Ordering::Relaxed) {
        return Err("RSA prime generation failed".to_string());
    }
    let mut primes = search.found.into_inner().unwrap_or_else(|e| e.into_inner());
    let (Some(q), Some(p)) = (primes.pop(), primes.pop()) else {
        return Err("RSA prime generation failed".to_string());
    };
    rsa::RsaPrivateKey::from_p_q(p, q, BigUint::from(E)).map_err(|e| e.to_string())
}

/// What the threads of one search share.
struct Search {
    found: Mutex<Vec<BigUint>>,
    /// Set once two primes are found (or the search failed); checked by AWS-LC's
    /// callback before each candidate and each Miller–Rabin round.
    stop: AtomicBool,
    failed: AtomicBool,
}

impl Search {
    /// Draws primes of `half` bits until the search has two.
    fn work(&self, half: usize) {
        while !self.stop.load(Ordering::Relaxed) {
            let Some(p) = prime(half, &self.stop) else {
                if !self.stop.swap(true, Ordering::Relaxed) {
                    self.failed.store(true, Ordering::Relaxed);
                }
                return;
            };
            if (&p - 1u32) % E == BigUint::from(0u32) {
                continue;
            }
            let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
            if found.len() < 2 && found.iter().all(|q| far_apart(&p, q, half)) {
                found.push(p);
            }
            if found.len() == 2 {
                self.stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

/// Whether `p` and `q` differ by more than 2^(half − 100).
fn far_apart(p: &BigUint, q: &BigUint, half: usize) -> bool {
    let diff = if p > q { p - q } else { q - p };
    diff.bits() > half - 100
}

/// One probable prime of `bits` bits, or `None` when `stop` was set first (or AWS-LC
/// failed: the caller tells the two apart by `stop`).
fn prime(bits: usize, stop: &AtomicBool) -> Option<BigUint> {
    let bits = c_int::try_from(bits).ok()?;
    // SAFETY: the BIGNUM and the callback are created, used and freed here; the
    // callback's argument is `stop`, which outlives the call; BN_bn2bin writes exactly
    // BN_num_bytes bytes, the size of `out`.
    unsafe {
        let bn = BN_new();
        let cb = BN_GENCB_new();
        let mut result = None;
        if !bn.is_null() && !cb.is_null() {
            BN_GENCB_set(
                cb,
                Some(keep_going),
                stop as *const AtomicBool as *mut c_void,
            );
            if BN_generate_prime_ex(bn, bits, 0, std::ptr::null(), std::ptr::null(), cb) == 1 {
                let mut out = vec![0u8; (BN_num_bits(bn) as usize).div_ceil(8)];
                let n = BN_bn2bin(bn, out.as_mut_ptr());
                result = Some(BigUint::from_bytes_be(&out[..n]));
                zero(&mut out);
            }
        }
        if !cb.is_null() {
            BN_GENCB_free(cb);
        }
        if !bn.is_null() {
            BN_clear_free(bn);
        }
        result
    }
}

/// AWS-LC's progress callback: zero aborts the search.
unsafe extern "C" fn keep_going(_event: c_int, _n: c_int, cb: *mut BN_GENCB) -> c_int {
    // SAFETY: the argument is the `AtomicBool` that `prime` passed, alive for the call.
    let stop = unsafe { &*(BN_GENCB_get_arg(cb) as *const AtomicBool) };
    c_int::from(!stop.load(Ordering::Relaxed))
}

/// Overwrites a buffer that held a secret prime.
fn zero(buf: &mut [u8]) {
    for b in buf.iter_mut() {
        // SAFETY: `b` is a valid, aligned reference; the volatile write keeps the
        // compiler from dropping the stores to a buffer about to be freed.
        unsafe { std::ptr::write_volatile(b, 0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::traits::{PrivateKeyParts as _, PublicKeyParts as _};

    #[test]
    fn keys_have_the_exact_size_and_valid_primes() {
        for bits in [1024, 2048] {
            let key = generate(bits).unwrap();
            assert_eq!(key.n().bits(), bits);
            assert_eq!(key.e(), &BigUint::from(E));
            key.validate().unwrap();
            let [p, q] = key.primes() else {
                panic!("two primes")
            };
            assert_eq!(p.bits(), bits / 2);
            assert_eq!(q.bits(), bits / 2);
            assert!(far_apart(p, q, bits / 2));
        }
    }

    #[test]
    fn two_keys_differ() {
        let a = generate(1024).unwrap();
        let b = generate(1024).unwrap();
        assert_ne!(a.n(), b.n());
    }

    #[test]
    fn odd_and_tiny_sizes_are_refused() {
        assert!(generate(2047).is_err());
        assert!(generate(256).is_err());
    }

    #[test]
    fn a_stopped_search_returns_at_once() {
        let stop = AtomicBool::new(true);
        assert!(prime(2048, &stop).is_none());
    }
}
