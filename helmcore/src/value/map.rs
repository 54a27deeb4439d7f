//! `map[string]interface{}` with Go's reference semantics.

use std::collections::BTreeMap;
use std::sync::Arc;

use parking_lot::RwLock;

use super::{Str, Value};

/// A shared, mutable string-keyed map: cloning a `Map` gives another handle to the same
/// entries, as copying a Go map does. Keys are kept sorted, which is the order every Go
/// printer of a map uses (`fmt`, `encoding/json`, go-yaml, `range`).
///
/// No method hands out a lock guard, so a caller can never hold the lock while calling
/// back into the same map (`merge $d $d` must not deadlock): reads return clones, which
/// are cheap because every [`Value`] is.
///
/// ```
/// use helmcore::value::{Map, Value};
/// let m = Map::new();
/// m.insert("b", Value::from(1i64));
/// m.insert("a", Value::from("x"));
/// assert_eq!(m.keys(), vec!["a".into(), "b".into()] as Vec<helmcore::value::Str>);
/// ```
#[derive(Clone, Default)]
pub struct Map(Arc<RwLock<BTreeMap<Str, Value>>>);

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    pub fn from_entries(entries: impl IntoIterator<Item = (Str, Value)>) -> Map {
        Map(Arc::new(RwLock::new(entries.into_iter().collect())))
    }

    pub fn len(&self) -> usize {
        self.0.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.read().is_empty()
    }

    pub fn get(&self, key: &str) -> Option<Value> {
        self.0.read().get(key).cloned()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.0.read().contains_key(key)
    }

    /// Sets `key`, returning the previous value.
    pub fn insert(&self, key: impl Into<Str>, value: Value) -> Option<Value> {
        self.0.write().insert(key.into(), value)
    }

    pub fn remove(&self, key: &str) -> Option<Value> {
        self.0.write().remove(key)
    }

    pub fn clear(&self) {
        self.0.write().clear()
    }

    /// The keys, sorted.
    pub fn keys(&self) -> Vec<Str> {
        self.0.read().keys().cloned().collect()
    }

    /// A snapshot of the entries, sorted by key.
    pub fn entries(&self) -> Vec<(Str, Value)> {
        self.0
            .read()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Reads the entries in place, without cloning them. The closure must not touch this
    /// same map (through any handle): the read lock is held while it runs.
    pub fn with_entries<R>(&self, f: impl FnOnce(&BTreeMap<Str, Value>) -> R) -> R {
        f(&self.0.read())
    }

    /// Whether two handles share the same entries (Go: the same map).
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// A new map holding deep copies of the entries.
    pub fn deep_copy(&self) -> Map {
        Map::from_entries(self.entries().into_iter().map(|(k, v)| (k, v.deep_copy())))
    }
}

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.ptr_eq(other) || self.entries() == other.entries()
    }
}

impl std::fmt::Debug for Map {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.entries()).finish()
    }
}

impl FromIterator<(Str, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Str, Value)>>(iter: I) -> Map {
        Map::from_entries(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_share_entries() {
        let a = Map::new();
        let b = a.clone();
        b.insert("k", Value::from(true));
        assert_eq!(a.get("k"), Some(Value::Bool(true)));
        assert!(a.ptr_eq(&b));
    }

    #[test]
    fn self_merge_does_not_deadlock() {
        let m = Map::new();
        m.insert("a", Value::from(1i64));
        for (k, v) in m.entries() {
            m.insert(k, v);
        }
        assert_eq!(m.len(), 1);
    }
}
