//! The order go-yaml writes map keys in: not byte order but a "natural" order where runs
//! of digits compare as numbers and non-letters sort before letters (`a2` before `a10`,
//! `_x` before `1` before `A`).

use std::cmp::Ordering;

/// go-yaml's `keyList.Less` for two string keys. `v3`: go-yaml v3's version, where after
/// a shared digit a letter sorts before a non-letter (`1e3` before `1.5`).
pub(crate) fn key_less(a: &[char], b: &[char], v3: bool) -> bool {
    let mut digits = false;
    for i in 0..a.len().min(b.len()) {
        if a[i] == b[i] {
            digits = is_digit(a[i]);
            continue;
        }
        let al = a[i].is_alphabetic();
        let bl = b[i].is_alphabetic();
        if al && bl {
            return a[i] < b[i];
        }
        if al || bl {
            return if v3 && digits { al } else { bl };
        }
        let (mut an, mut bn): (i64, i64) = (0, 0);
        if a[i] == '0' || b[i] == '0' {
            // A zero continuing an earlier number that has a non-zero digit counts.
            let mut j = i;
            while j > 0 && is_digit(a[j - 1]) {
                j -= 1;
                if a[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < a.len() && is_digit(a[ai]) {
            an = an.wrapping_mul(10).wrapping_add(digit(a[ai]));
            ai += 1;
        }
        let mut bi = i;
        while bi < b.len() && is_digit(b[bi]) {
            bn = bn.wrapping_mul(10).wrapping_add(digit(b[bi]));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return a[i] < b[i];
    }
    a.len() < b.len()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn digit(c: char) -> i64 {
    c as i64 - '0' as i64
}

/// Sorts keys (given with their characters) in go-yaml's order.
pub(crate) fn sort_keys<T>(keys: &mut [(Vec<char>, T)], v3: bool) {
    keys.sort_by(|(a, _), (b, _)| {
        if key_less(a, b, v3) {
            Ordering::Less
        } else if key_less(b, a, v3) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_helm_key_order() {
        // helm4's toYaml printed these keys in exactly this order.
        let want = [
            "",
            "-x",
            "_x",
            "1",
            "A",
            "Z",
            "a: b",
            "a_b",
            "a1",
            "a01",
            "a2",
            "a10",
            "aB",
            "long",
            "multi\nline",
            "true",
            "é",
        ];
        let mut keys: Vec<(Vec<char>, &str)> = want
            .iter()
            .rev()
            .map(|k| (k.chars().collect(), *k))
            .collect();
        sort_keys(&mut keys, false);
        let got: Vec<&str> = keys.iter().map(|(_, k)| *k).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn v3_puts_letters_first_after_digits() {
        // helm4's toYamlPretty printed `1e3`` before `1.5&a--|`; toYaml the reverse.
        let a: Vec<char> = "1e3`".chars().collect();
        let b: Vec<char> = "1.5&a--|".chars().collect();
        assert!(key_less(&a, &b, true));
        assert!(key_less(&b, &a, false));
    }
}
