//! The contents of a chart file: in memory since loading, or read from disk when first
//! used ([`load_deferred`](super::load_deferred)).
//!
//! Most of a big chart's bytes are files no render looks at (kube-prometheus-stack: 4.6
//! of 8.1 MB are CRDs a default `helm template` never prints), and for a short-lived
//! command, reading them is most of loading's cost.

use std::fmt;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::error::ChartError;

/// A chart file's bytes, shared by every copy of the chart.
///
/// ```
/// use helmcore::chart::FileData;
/// let d = FileData::from(b"a: 1\n".to_vec());
/// assert_eq!(&d[..], b"a: 1\n");
/// assert!(d.read_error().is_none());
/// ```
#[derive(Clone)]
pub struct FileData(Repr);

#[derive(Clone)]
enum Repr {
    Ready(Arc<[u8]>),
    Deferred(Arc<Deferred>),
}

struct Deferred {
    /// Relative to the chart root, for errors (`templates/x.yaml`).
    name: String,
    path: PathBuf,
    /// The size the walk measured.
    len: u64,
    read: OnceLock<Result<Arc<[u8]>, String>>,
}

impl FileData {
    /// Contents to read from `path` on first use; `name` is the path within the chart.
    pub(crate) fn deferred(name: String, path: PathBuf, len: u64) -> FileData {
        FileData(Repr::Deferred(Arc::new(Deferred {
            name,
            path,
            len,
            read: OnceLock::new(),
        })))
    }

    /// The bytes. A deferred file is read now if it was not yet; if that read fails the
    /// bytes are empty and [`read_error`](Self::read_error) says why.
    pub fn bytes(&self) -> &[u8] {
        self.arc().map_or(&[], |a| &a[..])
    }

    /// The bytes as a shared buffer (empty when a deferred read failed).
    pub fn shared(&self) -> Arc<[u8]> {
        self.arc().cloned().unwrap_or_else(|| Arc::from(&[][..]))
    }

    /// Why a deferred read failed, as loading would have reported it (Helm reads every
    /// file at load). `None` for a file not yet read: this never reads.
    pub fn read_error(&self) -> Option<ChartError> {
        let Repr::Deferred(d) = &self.0 else {
            return None;
        };
        match d.read.get() {
            Some(Err(message)) => Some(ChartError::Read {
                path: d.name.clone(),
                message: message.clone(),
            }),
            _ => None,
        }
    }

    fn arc(&self) -> Option<&Arc<[u8]>> {
        match &self.0 {
            Repr::Ready(a) => Some(a),
            Repr::Deferred(d) => d
                .read
                .get_or_init(|| {
                    super::loader::read_file(&d.path, d.len)
                        .map_err(|e| super::loader::go_open_error(&d.path, &e))
                })
                .as_ref()
                .ok(),
        }
    }
}

impl Deref for FileData {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.bytes()
    }
}

impl AsRef<[u8]> for FileData {
    fn as_ref(&self) -> &[u8] {
        self.bytes()
    }
}

impl From<Arc<[u8]>> for FileData {
    fn from(a: Arc<[u8]>) -> FileData {
        FileData(Repr::Ready(a))
    }
}

impl From<Vec<u8>> for FileData {
    fn from(v: Vec<u8>) -> FileData {
        FileData(Repr::Ready(v.into()))
    }
}

impl From<&[u8]> for FileData {
    fn from(b: &[u8]) -> FileData {
        FileData(Repr::Ready(b.into()))
    }
}

impl PartialEq for FileData {
    fn eq(&self, other: &FileData) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for FileData {}

impl fmt::Debug for FileData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Ready(a) => write!(f, "FileData({} bytes)", a.len()),
            Repr::Deferred(d) => write!(f, "FileData({} bytes at {})", d.len, d.path.display()),
        }
    }
}
