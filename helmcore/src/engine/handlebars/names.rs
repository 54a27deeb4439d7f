//! Helper names: the internal ones the compiler inserts, the `handlebars` crate's own
//! block helpers, and the extra helpers this engine adds to Helm's functions.

/// Prints a value as Go's `%v` (inserted for `{{path}}`).
pub(crate) const VALUE: &str = "~v";
/// Fails in strict mode when a block helper's argument is missing.
pub(crate) const CHECK: &str = "~check";
/// Enters / leaves a partial (bounds partial recursion).
pub(crate) const ENTER: &str = "~enter";
pub(crate) const LEAVE: &str = "~leave";

/// The internal helpers, installed in every render. Their names cannot be written in a
/// template (`~` is whitespace control there).
pub(crate) const INTERNAL: &[&str] = &[VALUE, CHECK, ENTER, LEAVE];

/// `{{method OBJ "Name" args...}}`: calls a method of a Go object (`{{method Files
/// "Get" "a.txt"}}`, `{{method (method Files "Glob" "conf/*") "AsConfig"}}`):
/// Handlebars helper names cannot contain dots.
pub(crate) const METHOD: &str = "method";

/// The crate's block helpers (`{{#if}}` ...), kept as Handlebars defines them.
pub(crate) const BLOCK_HELPERS: &[&str] = &["if", "unless", "each", "with", "raw"];

/// The crate's other built-in helpers that Helm's functions do not replace
/// (`eq`, `and`, `len`, `lookup`... are Helm's here).
pub(crate) const CRATE_HELPERS: &[&str] = &["log", "gte", "lte"];
