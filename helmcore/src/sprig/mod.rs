//! Sprig's template functions, as Helm exposes them (`sprig.TxtFuncMap()` without
//! `env` and `expandenv`), each with its Go signature and exact Go behaviour.
//!
//! The crypto, hashing and random functions live in [`crypto`]; [`functions`] includes
//! them. Not here: `getHostByName` (network) and Helm's own overrides (`toJson`,
//! `mustToJson`, `fromJson`, `fail`), which the engine defines.
//!
//! ```
//! use helmcore::sprig;
//! use helmcore::value::Value;
//! let trunc = sprig::functions().find(|f| f.name == "trunc").unwrap();
//! let out = (trunc.call)(vec![Value::int(5), Value::from("hello world")]).unwrap();
//! assert_eq!(out, Value::from("hello"));
//! ```

pub mod crypto;

mod args;
mod cast;
pub(crate) mod date;
mod decimal;
mod defaults;
mod dicts;
mod encoding;
pub(crate) mod goregex;
mod json;
mod lists;
mod math;
pub(crate) mod netip;
mod paths;
mod reflect;
mod regex;
pub(crate) mod semver;
pub(crate) mod strings;
pub(crate) mod unicode;
mod url;
mod xstrings;

pub use date::GoTime;
pub use semver::VersionObject;

use crate::engine::func::{Func, FuncImpl, Param};
use crate::value::Value;

/// What a function body returns: the value, or Go's error text.
type Res = Result<Value, String>;

const fn func(
    name: &'static str,
    params: &'static [Param],
    variadic: Option<Param>,
    call: FuncImpl,
) -> Func {
    Func {
        name,
        params,
        variadic,
        call,
    }
}

/// Every Sprig function this module implements.
pub fn functions() -> impl Iterator<Item = &'static Func> {
    [
        strings::FUNCS,
        lists::FUNCS,
        dicts::FUNCS,
        defaults::FUNCS,
        reflect::FUNCS,
        math::FUNCS,
        semver::FUNCS,
        encoding::FUNCS,
        paths::FUNCS,
        regex::FUNCS,
        date::FUNCS,
        url::FUNCS,
        json::FUNCS,
        crypto::functions(),
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests;
