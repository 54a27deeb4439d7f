//! Sprig's dictionary functions. Maps are shared references: `set`, `unset`, `merge`
//! change the map they are given, as in Go.

use crate::engine::func::{Func, Param as P};
use crate::value::{Map, Value, NIL_MAP};

use super::args::{any, map, rest, string, string_list};
use super::cast::strval;
use super::defaults::is_empty;
use super::{func, Res};

fn dict(a: Vec<Value>) -> Res {
    let out = Map::new();
    for pair in a.chunks(2) {
        let key = strval(&pair[0]);
        out.insert(key, pair.get(1).cloned().unwrap_or_else(|| Value::from("")));
    }
    Ok(Value::Map(out))
}

fn get(a: Vec<Value>) -> Res {
    Ok(map(&a, 0)
        .and_then(|m| m.get(string(&a, 1)))
        .unwrap_or_else(|| Value::from("")))
}

fn set(a: Vec<Value>) -> Res {
    let m = map(&a, 0)
        .filter(|m| !m.is_nil())
        .ok_or("assignment to entry in nil map")?;
    m.insert(string(&a, 1), any(&a, 2).clone());
    Ok(Value::Map(m.clone()))
}

/// A nil map argument comes back as an empty map (Go prints a nil map as `map[]`).
/// `unset` deletes the key and hands the map back: a `nil` argument is a nil map, which
/// stays one (`toJson` writes `null`).
fn unset(a: Vec<Value>) -> Res {
    Ok(Value::Map(match map(&a, 0) {
        Some(m) => {
            m.remove(string(&a, 1));
            m.clone()
        }
        None => Map::new().named(&NIL_MAP),
    }))
}

fn has_key(a: Vec<Value>) -> Res {
    Ok(map(&a, 0)
        .is_some_and(|m| m.contains_key(string(&a, 1)))
        .into())
}

fn pluck(a: Vec<Value>) -> Res {
    let key = string(&a, 0);
    let found = rest(&a, 1)
        .iter()
        .filter_map(|d| d.as_map().and_then(|m| m.get(key)));
    Ok(Value::list(found.collect()))
}

/// Go lists a map's keys in random order; helmcore lists each map's keys sorted, which
/// is one of the orders Go may give.
fn keys(a: Vec<Value>) -> Res {
    let all = a.iter().filter_map(Value::as_map).flat_map(|m| m.keys());
    Ok(string_list(all))
}

fn pick(a: Vec<Value>) -> Res {
    let out = Map::new();
    if let Some(m) = map(&a, 0) {
        for k in rest(&a, 1).iter().filter_map(Value::as_str) {
            if let Some(v) = m.get(k) {
                out.insert(k, v);
            }
        }
    }
    Ok(Value::Map(out))
}

fn omit(a: Vec<Value>) -> Res {
    let drop: Vec<&str> = rest(&a, 1).iter().filter_map(Value::as_str).collect();
    let entries = map(&a, 0).map(Map::entries).unwrap_or_default();
    Ok(Value::Map(
        entries
            .into_iter()
            .filter(|(k, _)| !drop.contains(&&**k))
            .collect(),
    ))
}

/// Values in key order (Go's order is random).
fn values(a: Vec<Value>) -> Res {
    let entries = map(&a, 0).map(Map::entries).unwrap_or_default();
    Ok(Value::list(entries.into_iter().map(|(_, v)| v).collect()))
}

/// Nested maps deeper than this stop a merge with an error (Go would overflow its
/// stack on a map that contains itself).
const MAX_MERGE_DEPTH: usize = 10_000;

/// mergo's `Merge` (`overwrite` false) and `MergeWithOverwrite` of `src` into `dst`,
/// for `map[string]interface{}`:
/// - a nil source value is skipped, or with overwrite written as nil;
/// - a map onto a map merges into the destination map in place;
/// - otherwise the source value is written when overwriting, or when the destination
///   has no such key or holds an empty value (`""`, `0`, `false`, nil, `[]`, `{}`);
///   a map replacing an empty destination map is first merged into it, as mergo does.
fn merge_into(dst: &Map, src: &Map, overwrite: bool, depth: usize) -> Result<(), String> {
    if depth > MAX_MERGE_DEPTH {
        return Err("merge: maps nested too deeply (a map that contains itself?)".into());
    }
    for (key, sv) in src.entries() {
        let dv = dst.get(&key);
        if sv.is_nil() {
            if overwrite {
                dst.insert(key, Value::Nil);
            }
            continue;
        }
        // A nil destination map (`fromJson "null"`) takes the source map itself, as
        // mergo's does when it cannot allocate one in place.
        if let (Value::Map(sm), Some(Value::Map(dm))) = (&sv, &dv) {
            if dm.is_nil() {
                dst.insert(key, sv);
                continue;
            }
            if !dm.ptr_eq(sm) {
                merge_into(dm, sm, overwrite, depth + 1)?;
            }
            if !dm.is_empty() {
                continue;
            }
        }
        let dst_empty = dv.as_ref().is_none_or(is_empty);
        if !dst_empty && matches!(sv, Value::List(_)) && !overwrite {
            continue;
        }
        if overwrite || dst_empty {
            dst.insert(key, sv);
        }
    }
    Ok(())
}

fn merge_all(a: &[Value], overwrite: bool) -> Result<Value, String> {
    // mergo makes a nil destination a new map once a source is a non-nil map (the
    // caller's variable stays nil); with none, the nil map comes back.
    let mut dst = map(a, 0).cloned();
    for src in rest(a, 1) {
        let Some(src) = src.as_map().filter(|m| !m.is_nil()) else {
            continue;
        };
        let into = match dst.as_ref() {
            Some(d) if !d.is_nil() => d,
            _ => dst.insert(Map::new()),
        };
        merge_into(into, src, overwrite, 0)?;
    }
    Ok(Value::Map(
        dst.unwrap_or_else(|| Map::new().named(&NIL_MAP)),
    ))
}

fn merge(a: Vec<Value>) -> Res {
    merge_all(&a, false)
}

fn merge_overwrite(a: Vec<Value>) -> Res {
    merge_all(&a, true)
}

/// copystructure's `Copy`. A nil value makes it panic inside reflect, with this text
/// (for `deepCopy` and `mustDeepCopy` alike).
fn deep_copy(a: Vec<Value>) -> Res {
    let v = any(&a, 0);
    if v.is_nil() {
        return Err("reflect: call of reflect.Value.Type on zero Value".into());
    }
    Ok(v.deep_copy())
}

fn dig(a: Vec<Value>) -> Res {
    if a.len() < 3 {
        return Err("dig needs at least three arguments".into());
    }
    let n = a.len();
    // Sprig asserts `map[string]interface{}`, which a named map type (`.Values`) fails
    // and a nil one passes.
    let plain = |m: &Map| m.named_type().is_none_or(|t| std::ptr::eq(t, &NIL_MAP));
    let mut current = match &a[n - 1] {
        Value::Map(m) if plain(m) => m.clone(),
        other => return Err(interface_conversion(other, "map[string]interface {}")),
    };
    let default = &a[n - 2];
    let keys = &a[..n - 2];
    let mut path = Vec::with_capacity(keys.len());
    for k in keys {
        match k {
            Value::String(s) => path.push(s.clone()),
            other => return Err(interface_conversion(other, "string")),
        }
    }
    for (i, key) in path.iter().enumerate() {
        let Some(step) = current.get(key) else {
            return Ok(default.clone());
        };
        if i + 1 == path.len() {
            return Ok(step);
        }
        current = match step {
            Value::Map(m) if plain(&m) => m,
            other => return Err(interface_conversion(&other, "map[string]interface {}")),
        };
    }
    Ok(default.clone())
}

/// Go's failed type assertion panic text.
fn interface_conversion(v: &Value, want: &str) -> String {
    let got = match v {
        Value::Nil => "nil".to_string(),
        other => other.type_name(),
    };
    format!("interface conversion: interface {{}} is {got}, not {want}")
}

pub(super) const FUNCS: &[Func] = &[
    func("dict", &[], Some(P::Any), dict),
    func("get", &[P::Map, P::String], None, get),
    func("set", &[P::Map, P::String, P::Any], None, set),
    func("unset", &[P::Map, P::String], None, unset),
    func("hasKey", &[P::Map, P::String], None, has_key),
    func("pluck", &[P::String], Some(P::Map), pluck),
    func("keys", &[], Some(P::Map), keys),
    func("pick", &[P::Map], Some(P::String), pick),
    func("omit", &[P::Map], Some(P::String), omit),
    func("values", &[P::Map], None, values),
    func("merge", &[P::Map], Some(P::Map), merge),
    func("mustMerge", &[P::Map], Some(P::Map), merge),
    func("mergeOverwrite", &[P::Map], Some(P::Map), merge_overwrite),
    func(
        "mustMergeOverwrite",
        &[P::Map],
        Some(P::Map),
        merge_overwrite,
    ),
    func("deepCopy", &[P::Any], None, deep_copy),
    func("mustDeepCopy", &[P::Any], None, deep_copy),
    func("dig", &[], Some(P::Any), dig),
];
