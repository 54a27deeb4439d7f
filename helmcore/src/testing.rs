//! Helpers shared by the unit tests.

/// `count` pseudo-random strings of up to 63 characters drawn from `alphabet`, the same
/// for the same `seed` (a 64-bit LCG): odd input for the parsers' no-panic tests.
pub(crate) fn random_strings(alphabet: &str, seed: u64, count: usize) -> Vec<String> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 58) as usize;
            (0..len)
                .map(|i| {
                    let r = state.rotate_left(5 * i as u32 + 1);
                    alphabet[(r % alphabet.len() as u64) as usize]
                })
                .collect()
        })
        .collect()
}
