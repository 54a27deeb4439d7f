//! Go's monotonic clock reading, which `time.Now()` attaches to the time it returns and
//! `Time.String()` prints as a last field: `2026-11-28 15:17:43.52 +0000 UTC m=+0.048580620`
//! (`{{ now | quote }}`, `{{ now | toString }}`, `printf "%v" now`).
//!
//! Go counts the reading from its runtime's start. A library has no process of its own,
//! so a session counts from [`ExecOptions::clock_origin`](super::ExecOptions), which the
//! `helmcore` command sets to its own start, or else from the session's creation. As with
//! [`super::memo`], the running session's origin sits in a slot of the executing thread
//! because `now` is a plain function without context; outside an execution `now` carries
//! no reading.

use std::cell::Cell;
use std::time::Instant;

thread_local! {
    static ORIGIN: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Runs `f` with `origin` as the monotonic clock's zero on this thread.
pub(crate) fn with_origin<R>(origin: Instant, f: impl FnOnce() -> R) -> R {
    let outer = ORIGIN.with(|slot| slot.replace(Some(origin)));
    let r = f();
    ORIGIN.with(|slot| slot.set(outer));
    r
}

/// Nanoseconds since the running session's origin, never 0 (Go's runtime starts its
/// count one nanosecond before its own start); `None` outside an execution.
pub(crate) fn monotonic_now() -> Option<i64> {
    let origin = ORIGIN.with(Cell::get)?;
    let elapsed = i64::try_from(origin.elapsed().as_nanos()).unwrap_or(i64::MAX);
    Some(elapsed.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_exists_only_inside_an_execution() {
        assert_eq!(monotonic_now(), None);
        let origin = Instant::now();
        let inside = with_origin(origin, monotonic_now).unwrap();
        assert!(inside >= 1);
        assert_eq!(monotonic_now(), None);
    }
}
