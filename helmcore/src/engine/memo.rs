//! Compiled regular expressions and `semverCompare` answers memoized per session.
//!
//! Sprig's regex functions compile their pattern on every call, and charts call them
//! with the same few patterns again and again (bitnami's common helpers do in every
//! image reference); compiling is far costlier than matching. Likewise charts ask
//! `semverCompare` the same question (`">=1.21-0"` of the cluster's version) in nearly
//! every template: kube-prometheus-stack spent 5% of its render parsing the same
//! constraint and version. A [`RegexMemo`] belongs to one session's state. While the session executes, the memo is moved into a slot of the
//! executing thread, where the functions (plain `fn`s without context) find it; it is
//! moved back when the execution ends. Outside an execution the slot is empty and
//! patterns are compiled as before, so results never depend on the memo.

use std::cell::RefCell;

use crate::hash::HashMap;
use crate::sprig::goregex::{compile, GoRegex};

/// Patterns one session keeps at most; a chart needing more just compiles the rest.
const MAX_PATTERNS: usize = 256;

/// Answers one session keeps at most; a chart asking more just computes the rest.
const MAX_SEMVER: usize = 256;

/// A session's compiled patterns and `semverCompare` answers.
#[derive(Default)]
pub(crate) struct RegexMemo(
    HashMap<Box<str>, GoRegex>,
    HashMap<(Box<str>, Box<str>), Result<bool, String>>,
);

thread_local! {
    static RUNNING: RefCell<Option<RegexMemo>> = const { RefCell::new(None) };
}

/// Runs `f` with `memo` reachable by [`compile_memo`] on this thread.
pub(crate) fn with_memo<R>(memo: &mut RegexMemo, f: impl FnOnce() -> R) -> R {
    let outer = RUNNING.with(|slot| slot.replace(Some(std::mem::take(memo))));
    let r = f();
    if let Some(m) = RUNNING.with(|slot| slot.replace(outer)) {
        *memo = m;
    }
    r
}

/// Go's `regexp.Compile(pattern)`, from the running session's memo when it has it.
pub(crate) fn compile_memo(pattern: &str) -> Result<GoRegex, String> {
    let hit = RUNNING.with(|slot| {
        slot.borrow()
            .as_ref()
            .and_then(|m| m.0.get(pattern).cloned())
    });
    if let Some(re) = hit {
        return Ok(re);
    }
    let re = compile(pattern)?;
    RUNNING.with(|slot| {
        if let Some(m) = slot.borrow_mut().as_mut() {
            if m.0.len() < MAX_PATTERNS {
                m.0.insert(pattern.into(), re.clone());
            }
        }
    });
    Ok(re)
}

/// `semverCompare constraint version` through `answer`, from the running session's
/// memo when it has asked the same before (the answer is a pure function of the two
/// strings).
pub(crate) fn semver_memo(
    constraint: &str,
    version: &str,
    answer: impl FnOnce() -> Result<bool, String>,
) -> Result<bool, String> {
    let key = (Box::<str>::from(constraint), Box::<str>::from(version));
    let hit = RUNNING.with(|slot| slot.borrow().as_ref().and_then(|m| m.1.get(&key).cloned()));
    if let Some(r) = hit {
        return r;
    }
    let r = answer();
    RUNNING.with(|slot| {
        if let Some(m) = slot.borrow_mut().as_mut() {
            if m.1.len() < MAX_SEMVER {
                m.1.insert(key, r.clone());
            }
        }
    });
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_compiles_each_pattern_once() {
        let mut memo = RegexMemo::default();
        with_memo(&mut memo, || {
            assert!(compile_memo("a+b").is_ok());
            assert!(compile_memo("a+b").is_ok());
            assert!(compile_memo("(").is_err());
        });
        assert_eq!(memo.0.len(), 1);
        // Outside a session nothing is kept.
        assert!(compile_memo("c").is_ok());
        assert_eq!(memo.0.len(), 1);
        with_memo(&mut memo, || {
            assert_eq!(
                RUNNING.with(|s| s.borrow().as_ref().map(|m| m.0.len())),
                Some(1)
            )
        });
    }

    #[test]
    fn a_session_answers_each_semver_question_once() {
        let mut memo = RegexMemo::default();
        let calls = std::cell::Cell::new(0);
        let ask = |c: &str, v: &str| {
            semver_memo(c, v, || {
                calls.set(calls.get() + 1);
                Ok(c < v)
            })
        };
        with_memo(&mut memo, || {
            assert_eq!(ask("a", "b"), Ok(true));
            assert_eq!(ask("a", "b"), Ok(true));
            assert_eq!(ask("b", "a"), Ok(false));
        });
        assert_eq!(calls.get(), 2);
        // Outside a session every question is computed.
        assert_eq!(ask("a", "b"), Ok(true));
        assert_eq!(calls.get(), 3);
    }
}
