//! Compiled regular expressions and `semverCompare` answers memoized per session.
//!
//! Sprig's regex functions compile their pattern on every call, and charts call them
//! with the same few patterns again and again (bitnami's common helpers do in every
//! image reference); compiling is far costlier than matching. Likewise charts ask
//! `semverCompare` the same question (`">=1.21-0"` of the cluster's version) in nearly
//! every template: kube-prometheus-stack spent 5% of its render parsing the same
//! constraint and version.
//!
//! A [`SessionMemo`] belongs to one session's state. While the session executes, the
//! memo is moved into a slot of the executing thread, where the functions (plain `fn`s
//! without context) find it; it is moved back when the execution ends. Outside an
//! execution the slot is empty and everything is computed as before, so results never
//! depend on the memo.

use std::cell::RefCell;

use crate::hash::HashMap;
use crate::sprig::goregex::{compile, GoRegex};

/// Entries of each kind one session keeps at most; a chart needing more just computes
/// the rest.
const MAX_ENTRIES: usize = 256;

/// `semverCompare` answers by version, under one constraint.
type Answers = HashMap<Box<str>, Result<bool, String>>;

/// A session's compiled patterns and `semverCompare` answers.
#[derive(Default)]
pub(crate) struct SessionMemo {
    regexes: HashMap<Box<str>, GoRegex>,
    /// By constraint, then version: a hit looks both up without allocating.
    semver: HashMap<Box<str>, Answers>,
}

thread_local! {
    static RUNNING: RefCell<Option<SessionMemo>> = const { RefCell::new(None) };
}

/// Runs `f` with `memo` reachable by [`compile_memo`] and [`semver_memo`] on this thread.
pub(crate) fn with_memo<R>(memo: &mut SessionMemo, f: impl FnOnce() -> R) -> R {
    let outer = RUNNING.with(|slot| slot.replace(Some(std::mem::take(memo))));
    let r = f();
    if let Some(m) = RUNNING.with(|slot| slot.replace(outer)) {
        *memo = m;
    }
    r
}

/// `find` in the running session's memo, else `compute`, kept by `keep` while the
/// session has room.
fn memoized<T: Clone>(
    find: impl FnOnce(&SessionMemo) -> Option<T>,
    compute: impl FnOnce() -> T,
    keep: impl FnOnce(&mut SessionMemo, &T),
) -> T {
    if let Some(hit) = RUNNING.with(|slot| slot.borrow().as_ref().and_then(find)) {
        return hit;
    }
    let value = compute();
    RUNNING.with(|slot| {
        if let Some(m) = slot.borrow_mut().as_mut() {
            keep(m, &value);
        }
    });
    value
}

/// Go's `regexp.Compile(pattern)`, from the running session's memo when it has it.
pub(crate) fn compile_memo(pattern: &str) -> Result<GoRegex, String> {
    memoized(
        |m| m.regexes.get(pattern).cloned().map(Ok),
        || compile(pattern),
        |m, re| {
            if let Ok(re) = re {
                if m.regexes.len() < MAX_ENTRIES {
                    m.regexes.insert(pattern.into(), re.clone());
                }
            }
        },
    )
}

/// `semverCompare constraint version` through `answer`, from the running session's
/// memo when it has asked the same before (the answer is a pure function of the two
/// strings).
pub(crate) fn semver_memo(
    constraint: &str,
    version: &str,
    answer: impl FnOnce() -> Result<bool, String>,
) -> Result<bool, String> {
    memoized(
        |m| m.semver.get(constraint)?.get(version).cloned(),
        answer,
        |m, r| {
            let count: usize = m.semver.values().map(Answers::len).sum();
            if count < MAX_ENTRIES {
                m.semver
                    .entry(constraint.into())
                    .or_default()
                    .insert(version.into(), r.clone());
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_compiles_each_pattern_once() {
        let mut memo = SessionMemo::default();
        with_memo(&mut memo, || {
            assert!(compile_memo("a+b").is_ok());
            assert!(compile_memo("a+b").is_ok());
            assert!(compile_memo("(").is_err());
        });
        assert_eq!(memo.regexes.len(), 1);
        // Outside a session nothing is kept.
        assert!(compile_memo("c").is_ok());
        assert_eq!(memo.regexes.len(), 1);
        with_memo(&mut memo, || {
            assert_eq!(
                RUNNING.with(|s| s.borrow().as_ref().map(|m| m.regexes.len())),
                Some(1)
            )
        });
    }

    #[test]
    fn a_session_answers_each_semver_question_once() {
        let mut memo = SessionMemo::default();
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
