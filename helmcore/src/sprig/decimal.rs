//! The part of shopspring/decimal that Sprig's float arithmetic (`addf`, `divf`, ...)
//! goes through: exact decimal arithmetic on the shortest decimal form of each float,
//! division rounded half away from zero at 16 decimal places, then the nearest float.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};

/// `value × 10^exp`.
#[derive(Clone, Debug)]
pub(super) struct Decimal {
    value: BigInt,
    exp: i64,
}

/// shopspring's `DivisionPrecision`.
const DIVISION_PRECISION: i64 = 16;

/// Exponents beyond this are far outside `f64` and make no difference to the result
/// but would take unbounded memory to hold as big integers.
const MAX_EXP_SPREAD: i64 = 2_000;

fn pow10(n: i64) -> BigInt {
    BigInt::from(10u8).pow(n.clamp(0, 4 * MAX_EXP_SPREAD) as u32)
}

impl Decimal {
    /// `decimal.NewFromFloat`: the shortest decimal that reads back as `f`.
    pub(super) fn from_f64(f: f64) -> Result<Decimal, String> {
        if f.is_nan() {
            return Err("Cannot create a Decimal from NaN".into());
        }
        if f.is_infinite() {
            let sign = if f > 0.0 { "+" } else { "-" };
            return Err(format!("Cannot create a Decimal from {sign}Inf"));
        }
        if f == 0.0 {
            return Ok(Decimal {
                value: BigInt::from(0),
                exp: 0,
            });
        }
        // Rust's `{:e}` is the shortest round-trip form, as Go's is.
        let e = format!("{f:e}");
        let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let frac_digits = mant
            .split_once('.')
            .map_or(0, |(_, frac)| frac.len() as i64);
        let digits: String = mant.chars().filter(|c| *c != '.').collect();
        let value: BigInt = digits.parse().unwrap_or_default();
        Ok(Decimal {
            value,
            exp: exp - frac_digits,
        })
    }

    fn rescaled(&self, exp: i64) -> BigInt {
        &self.value * pow10(self.exp - exp)
    }

    fn align(a: &Decimal, b: &Decimal) -> Option<(BigInt, BigInt, i64)> {
        if (a.exp - b.exp).abs() > 4 * MAX_EXP_SPREAD {
            return None;
        }
        let exp = a.exp.min(b.exp);
        Some((a.rescaled(exp), b.rescaled(exp), exp))
    }

    pub(super) fn add(&self, other: &Decimal) -> Decimal {
        match Decimal::align(self, other) {
            Some((a, b, exp)) => Decimal { value: a + b, exp },
            // One operand is negligible beside the other at f64 precision.
            None if self.exp > other.exp => self.clone(),
            None => other.clone(),
        }
    }

    pub(super) fn sub(&self, other: &Decimal) -> Decimal {
        self.add(&Decimal {
            value: -other.value.clone(),
            exp: other.exp,
        })
    }

    pub(super) fn mul(&self, other: &Decimal) -> Decimal {
        Decimal {
            value: &self.value * &other.value,
            exp: self.exp + other.exp,
        }
    }

    /// `Div`: the quotient truncated to 16 decimal places, then rounded half away from
    /// zero on the remainder.
    pub(super) fn div(&self, other: &Decimal) -> Result<Decimal, String> {
        if other.value.sign() == Sign::NoSign {
            return Err("decimal division by 0".into());
        }
        // self / other × 10^p = (a × 10^k) / b, with k = ea - eb + p.
        let k = (self.exp - other.exp + DIVISION_PRECISION)
            .clamp(-4 * MAX_EXP_SPREAD, 4 * MAX_EXP_SPREAD);
        let (num, den) = if k >= 0 {
            (&self.value * pow10(k), other.value.clone())
        } else {
            (self.value.clone(), &other.value * pow10(-k))
        };
        let q = &num / &den;
        let rem = &num - &q * &den;
        let twice: BigInt = rem.magnitude().clone().into();
        let twice = twice * BigInt::from(2u8);
        let den_abs: BigInt = den.magnitude().clone().into();
        let mut q = q;
        if twice.cmp(&den_abs) != Ordering::Less {
            if (self.value.sign() == Sign::Minus) != (other.value.sign() == Sign::Minus) {
                q -= 1;
            } else {
                q += 1;
            }
        }
        Ok(Decimal {
            value: q,
            exp: -DIVISION_PRECISION,
        })
    }

    /// `Float64`: the float nearest to the exact decimal.
    pub(super) fn to_f64(&self) -> f64 {
        format!("{}e{}", self.value, self.exp)
            .parse()
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(f: f64) -> Decimal {
        Decimal::from_f64(f).expect("finite")
    }

    #[test]
    fn shortest_form_arithmetic() {
        assert_eq!(d(0.1).add(&d(0.2)).to_f64(), 0.3);
        assert_eq!(d(1.1).mul(&d(3.0)).to_f64(), 3.3);
        assert_eq!(
            d(10.0).div(&d(3.0)).map(|x| x.to_f64()),
            Ok(3.3333333333333335)
        );
        assert_eq!(
            d(2.0).div(&d(3.0)).map(|x| x.to_f64()),
            Ok(0.6666666666666667)
        );
        assert_eq!(
            d(-2.0).div(&d(3.0)).map(|x| x.to_f64()),
            Ok(-0.6666666666666667)
        );
        assert_eq!(d(1.0).div(&d(0.0)).unwrap_err(), "decimal division by 0");
        assert_eq!(d(1e300).mul(&d(1e300)).to_f64(), f64::INFINITY);
    }
}
