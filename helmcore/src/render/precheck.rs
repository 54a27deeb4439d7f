//! Checking rendered documents while the templates still execute.
//!
//! Every rendered document is parsed as YAML before it is sorted (Helm fails on any bad
//! one), and for a big chart that check costs more than executing the templates. A
//! template's output is final once it has executed, so a second thread can split and
//! decode it while the render thread executes the next template; the sort then takes
//! those results instead of decoding again. The results are the same values computed
//! earlier: which document fails, and with what error, does not change.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::Mutex;

use super::manifest::{decode_head, is_partial, Head};
use super::Compat;
use crate::yaml::YamlError;

/// Each checked output's documents' heads (or errors), in document order, by path.
pub(crate) struct Prechecked {
    compat: Compat,
    heads: Mutex<HashMap<String, Vec<Result<Head, YamlError>>>>,
}

impl Prechecked {
    pub(crate) fn new(compat: Compat) -> Prechecked {
        Prechecked {
            compat,
            heads: Mutex::new(HashMap::new()),
        }
    }

    /// Splits `content` as the sort will and decodes each document's head.
    fn check(&self, path: String, content: &str) {
        // The sort skips these; NOTES.txt is never a manifest.
        if is_partial(&path) || path.ends_with("/NOTES.txt") || content.trim().is_empty() {
            return;
        }
        let heads = crate::yaml::split_manifests(content)
            .iter()
            .map(|d| decode_head(d, self.compat))
            .collect();
        if let Ok(mut m) = self.heads.lock() {
            m.insert(path, heads);
        }
    }

    /// The heads checked for `path`, if it was.
    pub(crate) fn take(&self, path: &str) -> Option<Vec<Result<Head, YamlError>>> {
        self.heads.lock().ok()?.remove(path)
    }

    /// Runs `execute` with a function that hands each finished output to a checking
    /// thread, which has checked them all when this returns. Without a thread (the
    /// system refused one) outputs are not checked here and the sort decodes them.
    pub(crate) fn beside<R>(&self, execute: impl FnOnce(&(dyn Fn(&str, &str) + Sync)) -> R) -> R {
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(String, String)>();
            let checker = std::thread::Builder::new().spawn_scoped(scope, move || {
                for (path, content) in rx {
                    self.check(path, &content);
                }
            });
            if checker.is_err() {
                return execute(&|_, _| {});
            }
            let send = |path: &str, content: &str| {
                let _ = tx.send((path.to_string(), content.to_string()));
            };
            let r = execute(&send);
            drop(tx);
            r
        })
    }
}
