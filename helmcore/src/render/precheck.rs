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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::render::manifest::{sort_manifests, sort_prechecked};

    /// Outputs checked beside execution sort exactly as outputs decoded by the sort:
    /// same manifests and hooks, same first failing document, same hooks before it.
    #[test]
    fn checked_outputs_sort_as_unchecked_ones() {
        let ok = [
            ("c/templates/a.yaml", "kind: Service\nmetadata:\n  name: a\n---\nkind: Deployment\nmetadata:\n  name: b\n"),
            ("c/templates/hook.yaml", "kind: Job\nmetadata:\n  name: h\n  annotations:\n    helm.sh/hook: pre-install\n"),
            ("c/templates/_helpers.tpl", "not: [yaml"),
            ("c/templates/NOTES.txt", "hello: [\n"),
            ("c/templates/empty.yaml", "  \n"),
        ];
        let bad = [
            ("c/templates/b.yaml", "kind: ConfigMap\n---\nkind: [x\n"),
            ("c/templates/z.yaml", "kind: Secret\n"),
        ];
        for set in [ok.to_vec(), [ok.to_vec(), bad.to_vec()].concat()] {
            let files: BTreeMap<String, String> = set
                .iter()
                .map(|(p, c)| (p.to_string(), c.to_string()))
                .collect();
            for compat in [Compat::V4, Compat::V3] {
                let pre = Prechecked::new(compat);
                // Some outputs checked, one (z.yaml) left to the sort.
                for (p, c) in files.iter().filter(|(p, _)| !p.ends_with("z.yaml")) {
                    pre.check(p.clone(), c);
                }
                let none = BTreeMap::new();
                let with = sort_prechecked(&files, &none, compat, &pre);
                let without = sort_manifests(&files, &none, compat);
                assert_eq!(format!("{with:?}"), format!("{without:?}"));
            }
        }
    }

    /// The sort takes the heads checked beside execution rather than decoding again:
    /// heads checked from other text than the final output show through.
    #[test]
    fn the_sort_takes_the_checked_heads() {
        let files: BTreeMap<String, String> = [(
            "c/templates/a.yaml".to_string(),
            "kind: Service
"
            .to_string(),
        )]
        .into();
        let pre = Prechecked::new(Compat::V4);
        pre.check(
            "c/templates/a.yaml".into(),
            "kind: Secret
",
        );
        let sorted = sort_prechecked(&files, &BTreeMap::new(), Compat::V4, &pre).unwrap();
        assert_eq!(sorted.manifests[0].head.kind, "Secret");
        // Taken: a second sort decodes the output itself.
        let sorted = sort_prechecked(&files, &BTreeMap::new(), Compat::V4, &pre).unwrap();
        assert_eq!(sorted.manifests[0].head.kind, "Service");
    }

    #[test]
    fn beside_hands_every_output_to_the_checker() {
        let pre = Prechecked::new(Compat::V4);
        let n = pre.beside(|send| {
            send("c/templates/a.yaml", "kind: A\n");
            send("c/templates/b.yaml", "kind: [\n");
            2
        });
        assert_eq!(n, 2);
        assert_eq!(pre.take("c/templates/a.yaml").map(|h| h.len()), Some(1));
        assert!(pre
            .take("c/templates/b.yaml")
            .is_some_and(|h| h[0].is_err()));
        assert!(pre.take("c/templates/a.yaml").is_none());
    }
}
