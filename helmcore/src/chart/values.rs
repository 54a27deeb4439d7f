//! A chart's `values.yaml`, decoded at load or when first used.
//!
//! Decoding a big chart's values files is a sizeable part of a one-shot render
//! (kube-prometheus-stack's 330 KB take longer than reading every file of the chart).
//! [`load_deferred`](super::load_deferred) leaves them undecoded, so that a render can
//! decode them on one thread while another parses the templates. Loading is still
//! all-or-nothing as seen from outside: a values file that does not decode is reported
//! by [`Chart::values_error`](super::Chart::values_error) with the error loading would
//! have given, and the render checks that before anything else.

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::error::ChartError;
use super::FileData;
use crate::render::Compat;
use crate::value::Map;

/// The values of a chart's `values.yaml`: a [`Map`] to read (through `Deref`), decoded
/// on first use when the chart was loaded with [`load_deferred`](super::load_deferred).
/// A copy shares the decoding, which happens once.
///
/// ```
/// use helmcore::chart::ChartValues;
/// use helmcore::value::{Map, Value};
/// let m = Map::new();
/// m.insert("a", Value::from(1i64));
/// let v = ChartValues::from(m);
/// assert_eq!(v.len(), 1);
/// assert!(v.error().is_none());
/// ```
#[derive(Clone)]
pub struct ChartValues(Repr);

#[derive(Clone)]
enum Repr {
    Ready(Map),
    /// With the subchart's entry under its parent's `charts/` (`common`,
    /// `common-2.1.0.tgz`), which Helm's error names.
    Pending(Arc<Pending>, String),
}

struct Pending {
    data: FileData,
    compat: Compat,
    /// The values, or an empty map and why decoding failed.
    decoded: OnceLock<(Map, Option<ChartError>)>,
}

impl ChartValues {
    /// Values to decode from `data` (a values.yaml, read as `compat`'s Helm reads it) on
    /// first use.
    pub(crate) fn pending(data: FileData, compat: Compat) -> ChartValues {
        let pending = Pending {
            data,
            compat,
            decoded: OnceLock::new(),
        };
        ChartValues(Repr::Pending(Arc::new(pending), String::new()))
    }

    /// Records the subchart's entry under its parent's `charts/`.
    pub(crate) fn set_entry(&mut self, name: &str) {
        if let Repr::Pending(_, entry) = &mut self.0 {
            *entry = name.to_string();
        }
    }

    /// The subchart's entry under its parent's `charts/` (empty unless decoding was
    /// deferred).
    pub(crate) fn entry(&self) -> &str {
        match &self.0 {
            Repr::Pending(_, entry) => entry,
            Repr::Ready(_) => "",
        }
    }

    /// Why values.yaml did not decode, worded as loading reports it
    /// (`cannot load values.yaml: ...`); decodes it now if that was deferred.
    pub fn error(&self) -> Option<ChartError> {
        match &self.0 {
            Repr::Ready(_) => None,
            Repr::Pending(p, _) => p.get().1.clone(),
        }
    }
}

impl Pending {
    fn get(&self) -> &(Map, Option<ChartError>) {
        self.decoded
            .get_or_init(|| match decode(&self.data, self.compat) {
                Ok(m) => (m, None),
                Err(e) => (Map::new(), Some(ChartError::load("values.yaml", e))),
            })
    }
}

/// Helm's `LoadValues` of a chart's values.yaml: helm4's reads every document, helm3's
/// only the first.
pub(crate) fn decode(data: &[u8], compat: Compat) -> Result<Map, ChartError> {
    match compat {
        Compat::V4 => Ok(crate::yaml::load_values_slice(data)?),
        Compat::V3 => Ok(crate::yaml::load_values_first_slice(data)?),
    }
}

impl Deref for ChartValues {
    type Target = Map;

    fn deref(&self) -> &Map {
        match &self.0 {
            Repr::Ready(m) => m,
            Repr::Pending(p, _) => &p.get().0,
        }
    }
}

impl From<Map> for ChartValues {
    fn from(m: Map) -> ChartValues {
        ChartValues(Repr::Ready(m))
    }
}

impl Default for ChartValues {
    fn default() -> ChartValues {
        Map::new().into()
    }
}

impl fmt::Debug for ChartValues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for ChartValues {
    fn eq(&self, other: &ChartValues) -> bool {
        **self == **other
    }
}
