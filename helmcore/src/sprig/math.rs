//! Sprig's conversions and arithmetic. Integer arithmetic converts every operand with
//! spf13/cast and wraps on overflow as Go does; the `*f` family goes through decimals.

use crate::engine::func::{Func, Param as P};
use crate::value::{fmt_v, Value};

use super::args::{any, int, rest, string};
use super::cast::{atoi, parse_int, to_float64, to_int64};
use super::decimal::Decimal;
use super::{func, Res};

/// The most elements `until`, `untilStep` and `seq` may produce (Go would try to
/// allocate whatever was asked).
const MAX_RANGE: i128 = 10_000_000;

const DIVIDE_BY_ZERO: &str = "runtime error: integer divide by zero";

fn atoi_fn(a: Vec<Value>) -> Res {
    Ok(Value::int(atoi(string(&a, 0))))
}

fn int64_fn(a: Vec<Value>) -> Res {
    Ok(Value::int64(to_int64(any(&a, 0))))
}

fn int_fn(a: Vec<Value>) -> Res {
    Ok(Value::int(to_int64(any(&a, 0))))
}

fn float64_fn(a: Vec<Value>) -> Res {
    Ok(Value::Float(to_float64(any(&a, 0))))
}

/// `toDecimal`: the `%v` text of the value read as an octal number, 0 when it is not one.
fn to_decimal(a: Vec<Value>) -> Res {
    Ok(Value::int64(parse_int(&fmt_v(any(&a, 0)), 8).unwrap_or(0)))
}

/// Sprig's `untilStep`, as a count-checked range.
fn until_step(start: i64, stop: i64, step: i64) -> Result<Vec<i64>, String> {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let count = if stop < start {
        if step >= 0 {
            return Ok(Vec::new());
        }
        (start - stop + (-step) - 1) / -step
    } else {
        if step <= 0 {
            return Ok(Vec::new());
        }
        (stop - start + step - 1) / step
    };
    if count > MAX_RANGE {
        return Err(format!(
            "untilStep: {count} elements exceed helmcore's limit of {MAX_RANGE}"
        ));
    }
    // Go's `int` arithmetic wraps; within the count the values stay in range.
    Ok((0..count).map(|i| (start + i * step) as i64).collect())
}

fn int_list(v: Vec<i64>) -> Value {
    let items = v.into_iter().map(Value::int).collect();
    Value::List(crate::value::List::typed(items, crate::value::Elem::Int))
}

fn until(a: Vec<Value>) -> Res {
    let count = int(&a, 0);
    let step = if count < 0 { -1 } else { 1 };
    Ok(int_list(until_step(0, count, step)?))
}

fn until_step_fn(a: Vec<Value>) -> Res {
    Ok(int_list(until_step(int(&a, 0), int(&a, 1), int(&a, 2))?))
}

fn seq(a: Vec<Value>) -> Res {
    let p: Vec<i64> = a
        .iter()
        .map(|v| if let Value::Int(n, _) = v { *n } else { 0 })
        .collect();
    let range = match p.as_slice() {
        [end] => {
            let incr = if *end < 1 { -1 } else { 1 };
            until_step(1, end.wrapping_add(incr), incr)?
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step(*start, end.wrapping_add(step), step)?
        }
        [start, step, end] => {
            let mut incr = 1;
            if end < start {
                incr = -1;
                if *step > 0 {
                    return Ok("".into());
                }
            }
            until_step(*start, end.wrapping_add(incr), *step)?
        }
        _ => Vec::new(),
    };
    let parts: Vec<String> = range.iter().map(i64::to_string).collect();
    Ok(parts.join(" ").into())
}

fn add1(a: Vec<Value>) -> Res {
    Ok(Value::int64(to_int64(any(&a, 0)).wrapping_add(1)))
}

fn add(a: Vec<Value>) -> Res {
    Ok(Value::int64(
        a.iter().fold(0i64, |acc, v| acc.wrapping_add(to_int64(v))),
    ))
}

fn sub(a: Vec<Value>) -> Res {
    Ok(Value::int64(
        to_int64(any(&a, 0)).wrapping_sub(to_int64(any(&a, 1))),
    ))
}

fn div(a: Vec<Value>) -> Res {
    let (x, y) = (to_int64(any(&a, 0)), to_int64(any(&a, 1)));
    if y == 0 {
        return Err(DIVIDE_BY_ZERO.into());
    }
    Ok(Value::int64(x.wrapping_div(y)))
}

fn modulo(a: Vec<Value>) -> Res {
    let (x, y) = (to_int64(any(&a, 0)), to_int64(any(&a, 1)));
    if y == 0 {
        return Err(DIVIDE_BY_ZERO.into());
    }
    Ok(Value::int64(x.wrapping_rem(y)))
}

fn mul(a: Vec<Value>) -> Res {
    let first = to_int64(any(&a, 0));
    Ok(Value::int64(
        rest(&a, 1)
            .iter()
            .fold(first, |acc, v| acc.wrapping_mul(to_int64(v))),
    ))
}

fn max(a: Vec<Value>) -> Res {
    let first = to_int64(any(&a, 0));
    Ok(Value::int64(
        rest(&a, 1).iter().map(to_int64).fold(first, i64::max),
    ))
}

fn min(a: Vec<Value>) -> Res {
    let first = to_int64(any(&a, 0));
    Ok(Value::int64(
        rest(&a, 1).iter().map(to_int64).fold(first, i64::min),
    ))
}

/// Go's `math.Max`: NaN wins, then +Inf, and +0 beats -0.
fn go_max(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x > 0.0 || y.is_infinite() && y > 0.0 {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// Go's `math.Min`: NaN wins, then -Inf, and -0 beats +0.
fn go_min(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x < 0.0 || y.is_infinite() && y < 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

fn maxf(a: Vec<Value>) -> Res {
    let first = to_float64(any(&a, 0));
    Ok(Value::Float(
        rest(&a, 1).iter().map(to_float64).fold(first, go_max),
    ))
}

fn minf(a: Vec<Value>) -> Res {
    let first = to_float64(any(&a, 0));
    Ok(Value::Float(
        rest(&a, 1).iter().map(to_float64).fold(first, go_min),
    ))
}

/// Sprig's `execDecimalOp`: folds the operands as decimals with `op`.
fn decimal_fold(
    first: &Value,
    others: &[Value],
    op: fn(&Decimal, &Decimal) -> Result<Decimal, String>,
) -> Res {
    let mut acc = Decimal::from_f64(to_float64(first))?;
    for v in others {
        acc = op(&acc, &Decimal::from_f64(to_float64(v))?)?;
    }
    Ok(Value::Float(acc.to_f64()))
}

fn add1f(a: Vec<Value>) -> Res {
    decimal_fold(any(&a, 0), &[Value::int(1)], |x, y| Ok(x.add(y)))
}

fn addf(a: Vec<Value>) -> Res {
    decimal_fold(&Value::Float(0.0), &a, |x, y| Ok(x.add(y)))
}

fn subf(a: Vec<Value>) -> Res {
    decimal_fold(any(&a, 0), rest(&a, 1), |x, y| Ok(x.sub(y)))
}

fn divf(a: Vec<Value>) -> Res {
    decimal_fold(any(&a, 0), rest(&a, 1), Decimal::div)
}

fn mulf(a: Vec<Value>) -> Res {
    decimal_fold(any(&a, 0), rest(&a, 1), |x, y| Ok(x.mul(y)))
}

fn ceil(a: Vec<Value>) -> Res {
    Ok(Value::Float(to_float64(any(&a, 0)).ceil()))
}

fn floor(a: Vec<Value>) -> Res {
    Ok(Value::Float(to_float64(any(&a, 0)).floor()))
}

/// Go's `math.Pow(x, n)` for a whole `n`: square-and-multiply on the binary mantissa,
/// keeping the exponent apart, so results round exactly as Go's do.
fn go_pow_int(x: f64, n: i64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return x.powf(n as f64);
    }
    let (mut mant, mut exp) = frexp(x);
    let mut acc = 1.0f64;
    let mut acc_exp: i64 = 0;
    let mut i = n.unsigned_abs();
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&exp) {
            acc_exp += exp;
            break;
        }
        if i & 1 == 1 {
            acc *= mant;
            acc_exp += exp;
        }
        mant *= mant;
        exp <<= 1;
        if mant < 0.5 {
            mant += mant;
            exp -= 1;
        }
        i >>= 1;
    }
    if n < 0 {
        acc = 1.0 / acc;
        acc_exp = -acc_exp;
    }
    ldexp(acc, acc_exp)
}

/// Splits a finite non-zero `x` into a mantissa in [0.5, 1) and a power of two.
fn frexp(x: f64) -> (f64, i64) {
    let mut x = x;
    let mut e: i64 = 0;
    if x.abs() < f64::MIN_POSITIVE {
        x *= (1u64 << 52) as f64;
        e = -52;
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let mant = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mant, e + exp)
}

/// `x × 2^e`, in steps so intermediate powers of two neither overflow nor underflow
/// before the final rounding.
fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        // Stop before going subnormal so the last multiplication rounds once.
        if x.abs() < f64::MIN_POSITIVE * 2f64.powi(1000) {
            break;
        }
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e.clamp(-1100, 1100) as i32)
}

/// Sprig's `round`: rounds up when the fraction reaches `roundOn` (0.5 by default);
/// the fraction of a negative number is negative, so negatives always round down.
fn round(a: Vec<Value>) -> Res {
    let round_on = match rest(&a, 2).first() {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(n, _)) => *n as f64,
        _ => 0.5,
    };
    let val = to_float64(any(&a, 0));
    let pow = go_pow_int(10.0, int(&a, 1));
    let digit = pow * val;
    let frac = if digit.is_infinite() {
        0.0
    } else {
        digit.fract()
    };
    let rounded = if frac >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::Float(rounded / pow))
}

pub(super) const FUNCS: &[Func] = &[
    func("atoi", &[P::String], None, atoi_fn),
    func("int64", &[P::Any], None, int64_fn),
    func("int", &[P::Any], None, int_fn),
    func("float64", &[P::Any], None, float64_fn),
    func("toDecimal", &[P::Any], None, to_decimal),
    func("seq", &[], Some(P::Int), seq),
    func("until", &[P::Int], None, until),
    func("untilStep", &[P::Int, P::Int, P::Int], None, until_step_fn),
    func("add1", &[P::Any], None, add1),
    func("add", &[], Some(P::Any), add),
    func("sub", &[P::Any, P::Any], None, sub),
    func("div", &[P::Any, P::Any], None, div),
    func("mod", &[P::Any, P::Any], None, modulo),
    func("mul", &[P::Any], Some(P::Any), mul),
    func("add1f", &[P::Any], None, add1f),
    func("addf", &[], Some(P::Any), addf),
    func("subf", &[P::Any], Some(P::Any), subf),
    func("divf", &[P::Any], Some(P::Any), divf),
    func("mulf", &[P::Any], Some(P::Any), mulf),
    func("biggest", &[P::Any], Some(P::Any), max),
    func("max", &[P::Any], Some(P::Any), max),
    func("min", &[P::Any], Some(P::Any), min),
    func("maxf", &[P::Any], Some(P::Any), maxf),
    func("minf", &[P::Any], Some(P::Any), minf),
    func("ceil", &[P::Any], None, ceil),
    func("floor", &[P::Any], None, floor),
    func("round", &[P::Any, P::Int], Some(P::Float64), round),
];
