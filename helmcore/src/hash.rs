//! The hash map of the engine's hot paths (template and function names, identifiers,
//! include counts): foldhash instead of std's SipHash, which took 5% of a render's
//! instructions. Seeded per process, so crafted names cannot force collisions.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
