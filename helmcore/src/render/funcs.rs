//! The function tables templates are parsed with.

use crate::engine::func::{Func, Param};
use crate::engine::FuncTable;
use crate::value::Value;

/// Helm's template functions ([`FuncTable::helm`]): Go's builtins, Sprig's (without
/// `env` and `expandenv`), then Helm's own (`include`, `tpl`, `required`, `fail`,
/// `lookup`, `toYaml`..., and `getHostByName` answering `""` as Helm does without
/// `--enable-dns`), later names replacing earlier ones.
///
/// ```
/// let t = helmcore::render::helm_functions();
/// for f in ["include", "toYaml", "default", "getHostByName", "printf"] {
///     assert!(t.lookup(f).is_some(), "{f}");
/// }
/// assert!(t.lookup("env").is_none());
/// ```
pub fn helm_functions() -> FuncTable {
    FuncTable::helm()
}

/// Sprig's `getHostByName` would ask DNS; a name template gets `""` instead.
const GET_HOST_BY_NAME: Func = Func {
    name: "getHostByName",
    params: &[Param::String],
    variadic: None,
    call: |_| Ok(Value::from("")),
};

/// The functions of `--name-template`: Go's builtins and all of Sprig's, `env` and
/// `expandenv` included, and Sprig's own `fail`; none of Helm's.
pub fn name_template_functions() -> FuncTable {
    let mut t = FuncTable::builtins();
    t.extend(crate::sprig::functions());
    t.extend(&[GET_HOST_BY_NAME, ENV, EXPANDENV, FAIL]);
    t
}

const ENV: Func = Func {
    name: "env",
    params: &[Param::String],
    variadic: None,
    call: |a| {
        let name = a.first().and_then(Value::as_str).unwrap_or_default();
        Ok(Value::from(std::env::var(name).unwrap_or_default()))
    },
};

const EXPANDENV: Func = Func {
    name: "expandenv",
    params: &[Param::String],
    variadic: None,
    call: |a| {
        let s = a.first().and_then(Value::as_str).unwrap_or_default();
        Ok(Value::from(expand_env(s)))
    },
};

const FAIL: Func = Func {
    name: "fail",
    params: &[Param::String],
    variadic: None,
    call: |a| {
        Err(a
            .first()
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string())
    },
};

/// Go's `os.ExpandEnv`: `$NAME` and `${NAME}` replaced by the variable's value.
fn expand_env(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i] != b'$' || i + 1 >= b.len() {
            i += 1;
            continue;
        }
        out.push_str(&s[last..i]);
        let (name, width) = shell_name(&s[i + 1..]);
        if name.is_none() && width > 0 {
            // A bad `${...}`: Go drops it.
        } else if let Some(n) = name {
            out.push_str(&std::env::var(n).unwrap_or_default());
        } else {
            out.push('$');
        }
        i += 1 + width;
        last = i;
    }
    out.push_str(&s[last..]);
    out
}

/// Go's `os.getShellName`: the name after `$` and how many bytes it took.
fn shell_name(s: &str) -> (Option<&str>, usize) {
    let b = s.as_bytes();
    if b.first() == Some(&b'{') {
        if b.len() > 2 && is_special(b[1]) && b[2] == b'}' {
            return (Some(&s[1..2]), 3);
        }
        return match s[1..].find('}') {
            Some(0) => (None, 2),
            Some(end) => (Some(&s[1..1 + end]), end + 2),
            None => (None, 1),
        };
    }
    if b.first().is_some_and(|c| is_special(*c)) {
        return (Some(&s[..1]), 1);
    }
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count();
    if n == 0 {
        (None, 0)
    } else {
        (Some(&s[..n]), n)
    }
}

fn is_special(c: u8) -> bool {
    matches!(c, b'*' | b'#' | b'$' | b'@' | b'!' | b'?' | b'-') || c.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_like_go() {
        std::env::set_var("HELMCORE_TEST_X", "v");
        assert_eq!(
            expand_env("a-$HELMCORE_TEST_X-${HELMCORE_TEST_X}-$"),
            "a-v-v-$"
        );
        assert_eq!(expand_env("$HELMCORE_TEST_UNSET."), ".");
        assert_eq!(expand_env("${}x"), "x");
    }
}
