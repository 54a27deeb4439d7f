//! Helm's `Values.Table` and `Values.PathValue`: dotted-path lookups into values.

use crate::value::{Map, Value};

/// Why a path lookup found nothing (Helm's `ErrNoTable` / `ErrNoValue`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("{0:?} is not a table")]
    NoTable(String),
    #[error("{0:?} is not a value")]
    NoValue(String),
}

/// The table at a dotted path (`a.b.c`), as Helm's `Values.Table`.
pub fn table(values: &Map, path: &str) -> Result<Map, PathError> {
    let mut t = values.clone();
    for part in path.split('.') {
        match t.get(part) {
            Some(Value::Map(m)) => t = m,
            _ => return Err(PathError::NoTable(part.to_string())),
        }
    }
    Ok(t)
}

/// The non-table value at a dotted path, as Helm's `Values.PathValue`.
pub fn path_value(values: &Map, path: &str) -> Result<Value, PathError> {
    let (parent, key) = match path.rsplit_once('.') {
        Some((p, k)) => (Some(p), k),
        None => (None, path),
    };
    let t = match parent {
        None => values.clone(),
        Some(p) => table(values, p).map_err(|_| PathError::NoValue(key.to_string()))?,
    };
    match t.get(key) {
        Some(Value::Map(_)) | None => Err(PathError::NoValue(key.to_string())),
        Some(v) => Ok(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let inner = Map::new();
        inner.insert("b", Value::Bool(true));
        inner.insert("t", Value::Map(Map::new()));
        let m = Map::new();
        m.insert("a", Value::Map(inner));
        assert_eq!(path_value(&m, "a.b"), Ok(Value::Bool(true)));
        assert_eq!(path_value(&m, "a.t"), Err(PathError::NoValue("t".into())));
        assert_eq!(path_value(&m, "x.y"), Err(PathError::NoValue("y".into())));
        assert!(table(&m, "a.t").is_ok());
        assert_eq!(
            table(&m, "a.b").unwrap_err().to_string(),
            "\"b\" is not a table"
        );
    }
}
