//! helm3's `ProcessDependencies`, whose copies of an aliased chart share their
//! dependency entries.
//!
//! helm3 (v3.17) copies a subchart for each Chart.yaml entry that names it with a
//! shallow struct copy: the copies' `Metadata.Dependencies` point at the same
//! `*Dependency` objects, and processing writes into those objects. So when a chart is
//! listed twice (`alias`), what the first copy's processing wrote is what the second
//! sees:
//! - an `alias` below it has already replaced the entry's `name`, so the second copy
//!   finds no chart of that name and keeps the subchart under its own name (its values
//!   come from the wrong key, its templates render under `charts/<name>/`);
//! - `import-values` have been rewritten to a form helm3 then ignores, so only the
//!   first copy imports anything.
//!
//! helm4 deep-copies and has neither effect; [`super::process_dependencies`] is its
//! algorithm. This module replays helm3's on a graph of shared nodes and entries and
//! builds the processed [`Chart`] from it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use crate::value::Map;
use crate::values::coalesce::coalesce_values_helm3;
use crate::values::Warning;

use super::dependencies::{process_conditions, process_import_values, process_tags, too_deep};
use super::error::ChartError;
use super::semver_check::is_compatible_range;
use super::{Chart, Dependency};

/// A Chart.yaml dependency entry, shared by every copy of the chart that lists it.
struct Entry {
    dep: Dependency,
    /// helm3 has rewritten its `import-values` (to a type it then skips).
    imported: bool,
}

type EntryRef = Rc<RefCell<Entry>>;

/// helm3's `*chart.Chart` as processing sees it: a copy shares `entries` and, until it
/// is processed itself, `deps` with what it was copied from.
struct Node {
    loaded: Arc<Chart>,
    name: String,
    /// `Metadata.Dependencies`; `None` is Go's nil.
    entries: Option<Vec<Option<EntryRef>>>,
    deps: Vec<NodeRef>,
    /// Set by import processing (`c.Values = ...`).
    values: Option<Map>,
}

type NodeRef = Rc<RefCell<Node>>;

/// helm3's `ProcessDependenciesWithMerge`: [`super::process_dependencies_logged`] with
/// helm3's shared dependency entries (see the module's documentation) and its
/// null-deleting coalescing of the values that decide `condition`s and `tags`.
///
/// ```no_run
/// use helmcore::chart::{load, process_dependencies_helm3_logged};
/// let chart = load("mychart").unwrap();
/// let mut logged = Vec::new();
/// let processed = process_dependencies_helm3_logged(&chart, &Default::default(), &mut logged);
/// ```
pub fn process_dependencies_helm3_logged(
    chart: &Chart,
    values: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Chart, ChartError> {
    let top = node(chart);
    enabled(&top, values, "", warnings, 0)?;
    import_values(&top, warnings, 0)?;
    let mut seen = HashMap::new();
    count(&top, &mut seen);
    let c = materialize_rendered(&top, &mut seen);
    let parents = chart.parents.clone();
    Ok(c.with_parents(parents))
}

/// The loaded tree as nodes, every entry in its own cell.
fn node(c: &Chart) -> NodeRef {
    let entries = c.metadata.dependencies_set.then(|| {
        c.metadata
            .dependencies
            .iter()
            .map(|d| {
                d.as_ref().map(|d| {
                    Rc::new(RefCell::new(Entry {
                        dep: d.clone(),
                        imported: false,
                    }))
                })
            })
            .collect()
    });
    Rc::new(RefCell::new(Node {
        loaded: Arc::new(Chart {
            dependencies: Vec::new(),
            ..c.clone()
        }),
        name: c.name().to_string(),
        entries,
        deps: c.dependencies.iter().map(|d| node(d)).collect(),
        values: None,
    }))
}

/// The chart a node stands for now, as processing reads it: its name, entries,
/// subcharts and values.
fn materialize(n: &NodeRef) -> Chart {
    let deps = n
        .borrow()
        .deps
        .iter()
        .map(|d| Arc::new(materialize(d)))
        .collect();
    with_subcharts(n, deps, Stage::Processing)
}

/// Who reads a materialized chart: processing skips the `import-values` helm3 has
/// rewritten, while the rendered `.Chart.Dependencies` shows them in their rewritten
/// form.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Processing,
    Rendering,
}

/// The chart of node `n` alone, with `deps` as its subcharts.
fn with_subcharts(n: &NodeRef, deps: Vec<Arc<Chart>>, stage: Stage) -> Chart {
    let n = n.borrow();
    let mut c = (*n.loaded).clone();
    c.metadata.name = n.name.clone();
    c.metadata.dependencies_set = n.entries.is_some();
    c.metadata.dependencies = n
        .entries
        .iter()
        .flatten()
        .map(|e| {
            e.as_ref().map(|e| {
                let e = e.borrow();
                let mut d = e.dep.clone();
                if e.imported && stage == Stage::Processing {
                    d.import_values.clear();
                }
                d
            })
        })
        .collect();
    c.dependencies = deps;
    if let Some(v) = &n.values {
        c.values = v.clone().into();
    }
    c
}

/// How many times each node occurs in the processed tree. A subchart that no entry
/// renames is kept as the loaded node itself, so every copy of its parent holds that
/// one node.
fn count(n: &NodeRef, seen: &mut HashMap<*const RefCell<Node>, usize>) {
    *seen.entry(Rc::as_ptr(n)).or_default() += 1;
    for d in &n.borrow().deps {
        count(d, seen);
    }
}

/// [`materialize`] for rendering: a node held in several places renders once, at the
/// last. helm3 keys templates by `ChartFullPath()`, which follows the node's one parent
/// pointer (set by the last parent processed), so each occurrence writes the same
/// paths and the last one in the walk wins, with its values.
fn materialize_rendered(n: &NodeRef, seen: &mut HashMap<*const RefCell<Node>, usize>) -> Chart {
    let deps: Vec<Arc<Chart>> = n
        .borrow()
        .deps
        .iter()
        .map(|d| Arc::new(materialize_rendered(d, seen)))
        .collect();
    let mut c = with_subcharts(n, deps, Stage::Rendering);
    let left = seen.entry(Rc::as_ptr(n)).or_default();
    *left -= 1;
    if *left > 0 {
        c.templates.clear();
    }
    c
}

/// helm3's `getAliasDependency`: a copy of the first subchart of the entry's name whose
/// version the entry accepts, renamed to the alias.
fn alias_copy(deps: &[NodeRef], req: &Dependency) -> Option<NodeRef> {
    let found = deps.iter().find(|d| {
        let d = d.borrow();
        d.name == req.name && is_compatible_range(&req.version, &d.loaded.metadata.version)
    })?;
    let f = found.borrow();
    Some(Rc::new(RefCell::new(Node {
        loaded: f.loaded.clone(),
        name: if req.alias.is_empty() {
            f.name.clone()
        } else {
            req.alias.clone()
        },
        entries: f.entries.clone(),
        deps: f.deps.clone(),
        values: f.values.clone(),
    })))
}

/// helm3's `processDependencyEnabled`.
fn enabled(
    n: &NodeRef,
    v: &Map,
    path: &str,
    w: &mut Vec<Warning>,
    depth: usize,
) -> Result<(), ChartError> {
    if depth > super::dependencies::MAX_DEPTH {
        return Err(too_deep(&n.borrow().loaded));
    }
    let Some(entries) = n.borrow().entries.clone() else {
        return Ok(());
    };
    let reqs = || entries.iter().flatten();
    let existing = n.borrow().deps.clone();
    let mut chosen: Vec<NodeRef> = existing
        .iter()
        .filter(|e| {
            let e = e.borrow();
            !reqs().any(|r| {
                let r = &r.borrow().dep;
                e.name == r.name && is_compatible_range(&r.version, &e.loaded.metadata.version)
            })
        })
        .cloned()
        .collect();
    for r in reqs() {
        let mut r = r.borrow_mut();
        chosen.extend(alias_copy(&existing, &r.dep));
        if !r.dep.alias.is_empty() {
            r.dep.name = r.dep.alias.clone();
        }
    }
    n.borrow_mut().deps = chosen;
    for r in reqs() {
        r.borrow_mut().dep.enabled = true;
    }
    let cvals = coalesce_values_helm3(&materialize(n), v, w)?;
    // Tags and conditions decide `enabled` on a snapshot, written back to the entries.
    let mut snapshot: Vec<Option<Dependency>> =
        reqs().map(|r| Some(r.borrow().dep.clone())).collect();
    process_tags(&mut snapshot, &cvals, w);
    process_conditions(&mut snapshot, &cvals, path, w);
    for (r, s) in reqs().zip(snapshot.iter().flatten()) {
        r.borrow_mut().dep.enabled = s.enabled;
    }
    let removed: Vec<String> = reqs()
        .filter(|r| !r.borrow().dep.enabled)
        .map(|r| r.borrow().dep.name.clone())
        .collect();
    let kept: Vec<NodeRef> = n
        .borrow()
        .deps
        .iter()
        .filter(|d| !removed.contains(&d.borrow().name))
        .cloned()
        .collect();
    let kept_entries: Vec<Option<EntryRef>> = reqs()
        .filter(|r| !removed.contains(&r.borrow().dep.name))
        .map(|r| Some(r.clone()))
        .collect();
    for t in &kept {
        let sub_path = format!("{path}{}.", t.borrow().name);
        enabled(t, &cvals, &sub_path, w, depth + 1)?;
    }
    let mut n = n.borrow_mut();
    // Go appends the kept entries to nil: with none kept it is nil again.
    n.entries = (!kept_entries.is_empty()).then_some(kept_entries);
    n.deps = kept;
    Ok(())
}

/// helm3's `processDependencyImportValues`: subcharts first, then the node; an entry
/// imports once, whichever copy of its chart comes first.
fn import_values(n: &NodeRef, w: &mut Vec<Warning>, depth: usize) -> Result<(), ChartError> {
    if depth > super::dependencies::MAX_DEPTH {
        return Err(too_deep(&n.borrow().loaded));
    }
    let deps = n.borrow().deps.clone();
    for d in &deps {
        import_values(d, w, depth + 1)?;
    }
    let Some(entries) = n.borrow().entries.clone() else {
        return Ok(());
    };
    let mut c = materialize(n);
    process_import_values(&mut c, w, true)?;
    for (e, d) in entries
        .iter()
        .flatten()
        .zip(c.metadata.dependencies.iter().flatten())
    {
        let mut e = e.borrow_mut();
        e.dep.import_values = d.import_values.clone();
        e.imported = true;
    }
    n.borrow_mut().values = Some((*c.values).clone());
    Ok(())
}
