//! `map[string]interface{}` with Go's reference semantics.

use std::collections::BTreeMap;
use std::sync::Arc;

use parking_lot::RwLock;

use super::{Object, Str, Value};

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
pub struct Map {
    entries: Arc<RwLock<BTreeMap<Str, Value>>>,
    /// The Go named type this handle holds the map as (`common.Values`); `None` for a
    /// plain `map[string]interface{}`. It belongs to the handle, not to the entries: Go
    /// converts between a named map type and its underlying type without copying, so the
    /// same entries can be `common.Values` through one path and a plain map through
    /// another (a subchart's `.Values` is its parent's `.Values.<name>`).
    named: Option<&'static NamedMap>,
}

/// A Go map type other than `map[string]interface{}`: a named type over it, such as
/// Helm's `common.Values` (`chartutil.Values` in Helm 3), or another map type such as
/// `.Chart.Annotations`' `map[string]string`. Templates see its name (`typeOf`, `%T`)
/// and its methods, which a field access tries before the map's keys, as Go's template
/// executor does.
///
/// ```
/// use helmcore::value::{Map, NamedMap, Value};
/// static POINT: NamedMap = NamedMap {
///     name: "main.Point",
///     method: |_, _| None,
///     generic: true,
///     nil: false,
/// };
/// let m = Map::new().named(&POINT);
/// assert_eq!(Value::Map(m.clone()).type_name(), "main.Point");
/// assert_eq!(Value::Map(m.unnamed()).type_name(), "map[string]interface {}");
/// ```
pub struct NamedMap {
    /// Go's `%T` of the type, e.g. `common.Values`.
    pub name: &'static str,
    /// Method `name` bound to a map of this type, as an [`Object`] whose
    /// [`Object::field`] answers [`crate::value::Field::Method`] for `name`; `None` when
    /// the type has no such method.
    pub method: fn(&Map, &str) -> Option<Arc<dyn Object>>,
    /// Whether the underlying type is `map[string]interface{}`, so that a value of this
    /// type goes where one is expected (`common.Values` does; `map[string]string` fails
    /// with `wrong type for value`).
    pub generic: bool,
    /// A nil map of this type: `toJson` and `toYaml` write `null`, `%#v` `T(nil)`.
    pub nil: bool,
}

/// `map[string]string` (`.Chart.Annotations`).
pub static STRING_MAP: NamedMap = NamedMap {
    name: "map[string]string",
    method: |_, _| None,
    generic: false,
    nil: false,
};

/// A nil `map[string]interface {}` (`fromJson "null"`).
pub static NIL_MAP: NamedMap = NamedMap {
    name: "map[string]interface {}",
    method: |_, _| None,
    generic: true,
    nil: true,
};

/// A nil `map[string]string` (`.Chart.Annotations` of a chart without annotations).
pub static NIL_STRING_MAP: NamedMap = NamedMap {
    nil: true,
    ..STRING_MAP
};

impl Map {
    /// Whether this handle holds a nil map (see [`NamedMap::nil`]).
    pub fn is_nil(&self) -> bool {
        self.named.is_some_and(|t| t.nil)
    }
}

impl std::fmt::Debug for NamedMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    pub fn from_entries(entries: impl IntoIterator<Item = (Str, Value)>) -> Map {
        Map {
            entries: Arc::new(RwLock::new(entries.into_iter().collect())),
            named: None,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.read().is_empty()
    }

    pub fn get(&self, key: &str) -> Option<Value> {
        self.entries.read().get(key).cloned()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.entries.read().contains_key(key)
    }

    /// Sets `key`, returning the previous value.
    pub fn insert(&self, key: impl Into<Str>, value: Value) -> Option<Value> {
        self.entries.write().insert(key.into(), value)
    }

    pub fn remove(&self, key: &str) -> Option<Value> {
        self.entries.write().remove(key)
    }

    pub fn clear(&self) {
        self.entries.write().clear()
    }

    /// The keys, sorted.
    pub fn keys(&self) -> Vec<Str> {
        self.entries.read().keys().cloned().collect()
    }

    /// A snapshot of the entries, sorted by key.
    pub fn entries(&self) -> Vec<(Str, Value)> {
        self.entries
            .read()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Reads the entries in place, without cloning them. The closure must not touch this
    /// same map (through any handle): the read lock is held while it runs.
    pub fn with_entries<R>(&self, f: impl FnOnce(&BTreeMap<Str, Value>) -> R) -> R {
        f(&self.entries.read())
    }

    /// Whether two handles share the same entries (Go: the same map).
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.entries, &other.entries)
    }

    /// A new map holding deep copies of the entries, of the same Go type (as Sprig's
    /// `deepCopy` keeps a named map type).
    pub fn deep_copy(&self) -> Map {
        let copy = Map::from_entries(self.entries().into_iter().map(|(k, v)| (k, v.deep_copy())));
        Map {
            named: self.named,
            ..copy
        }
    }

    /// Another handle to the same entries, holding them as the named type `t` (Go's
    /// conversion `common.Values(m)`).
    pub fn named(&self, t: &'static NamedMap) -> Map {
        Map {
            entries: self.entries.clone(),
            named: Some(t),
        }
    }

    /// Another handle to the same entries as a plain `map[string]interface{}` (what a
    /// function with a `map[string]interface{}` parameter receives).
    pub fn unnamed(&self) -> Map {
        Map {
            entries: self.entries.clone(),
            named: None,
        }
    }

    /// The named type this handle holds the map as; `None` for a plain map.
    pub fn named_type(&self) -> Option<&'static NamedMap> {
        self.named
    }
}

/// Go's `reflect.DeepEqual`: the same type and the same entries.
impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        let same_type = match (self.named, other.named) {
            (None, None) => true,
            (Some(a), Some(b)) => a.name == b.name,
            _ => false,
        };
        same_type && (self.ptr_eq(other) || self.entries() == other.entries())
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
