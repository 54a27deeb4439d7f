//! Helm's values coalescing (`CoalesceValues`, `MergeValues`, `CoalesceTables`,
//! `MergeTables`): user values over chart defaults over subchart defaults, globals copied
//! down.
//!
//! This follows Helm's algorithm step by step on shared-reference maps, because Helm's
//! results depend on its aliasing: globals are copied one level deep only, so a child's
//! global keys also land in the parent's nested global tables ("merged both ways"), and
//! `null` handling differs between coalescing (a user `null` deletes a default) and
//! merging (nulls are kept).

use crate::chart::{Chart, ChartError};
use crate::value::{fmt_v, Map, Value};

use super::warning::Warning;

/// The key under which globals live.
pub const GLOBAL_KEY: &str = "global";

/// Helm's `CoalesceValues(chart, vals)`: a copy of `vals` with the chart's and every
/// subchart's defaults filled in; a `null` in `vals` deletes the default.
pub fn coalesce_values(
    chart: &Chart,
    vals: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Map, ChartError> {
    coalesced_copy(chart, vals, Rules::COALESCE, warnings)
}

/// [`coalesce_values`] as helm v3 does it: a `null` in `vals` deletes the key whatever
/// the default, so the nulls among a subchart's own defaults (which processing the
/// dependencies copied into the parent's values) disappear too; helm4 keeps a null that
/// overrides nothing.
pub fn coalesce_values_helm3(
    chart: &Chart,
    vals: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Map, ChartError> {
    coalesced_copy(chart, vals, Rules::COALESCE_HELM3, warnings)
}

/// The coalescing of `compat`'s Helm: [`coalesce_values`] or [`coalesce_values_helm3`].
pub fn coalesce_values_for(
    compat: crate::render::Compat,
) -> fn(&Chart, &Map, &mut Vec<Warning>) -> Result<Map, ChartError> {
    match compat {
        crate::render::Compat::V4 => coalesce_values,
        crate::render::Compat::V3 => coalesce_values_helm3,
    }
}

/// Helm's `MergeValues`: as [`coalesce_values`] but nulls are kept, not deleting.
pub fn merge_values(
    chart: &Chart,
    vals: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Map, ChartError> {
    coalesced_copy(chart, vals, Rules::MERGE, warnings)
}

/// [`merge_values`] as helm v3 does it: a null in the destination does not first
/// replace the source's value, so a table under it is reported as not overwriting it.
pub fn merge_values_helm3(
    chart: &Chart,
    vals: &Map,
    warnings: &mut Vec<Warning>,
) -> Result<Map, ChartError> {
    coalesced_copy(chart, vals, Rules::MERGE_HELM3, warnings)
}

/// A copy of `vals` with the chart tree's defaults filled in under `rules`.
fn coalesced_copy(
    chart: &Chart,
    vals: &Map,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) -> Result<Map, ChartError> {
    let dest = vals.deep_copy();
    coalesce(chart, &dest, "", rules, warnings)?;
    Ok(dest)
}

/// Helm's `CoalesceTables(dst, src)`: fills `dst` from `src` in place; `dst` wins.
pub fn coalesce_tables(dst: &Map, src: &Map, warnings: &mut Vec<Warning>) {
    coalesce_tables_full_key(dst, src, "", Rules::COALESCE, warnings)
}

/// Helm's `MergeTables(dst, src)`: as [`coalesce_tables`] but nulls are kept.
pub fn merge_tables(dst: &Map, src: &Map, warnings: &mut Vec<Warning>) {
    coalesce_tables_full_key(dst, src, "", Rules::MERGE, warnings)
}

/// [`merge_tables`] as helm v3 does it (see [`merge_values_helm3`]).
pub fn merge_tables_helm3(dst: &Map, src: &Map, warnings: &mut Vec<Warning>) {
    coalesce_tables_full_key(dst, src, "", Rules::MERGE_HELM3, warnings)
}

/// How `null`s are treated, which is where Helm's ways of combining values differ.
#[derive(Clone, Copy, Debug)]
struct Rules {
    /// Merging keeps nulls; coalescing lets a null delete a default.
    merge: bool,
    /// helm3's coalescing: any null in the destination deletes the key, and the source
    /// is left alone (helm4 first copies the destination's nulls into it).
    helm3: bool,
}

impl Rules {
    const COALESCE: Rules = Rules {
        merge: false,
        helm3: false,
    };
    const COALESCE_HELM3: Rules = Rules {
        merge: false,
        helm3: true,
    };
    const MERGE: Rules = Rules {
        merge: true,
        helm3: false,
    };
    const MERGE_HELM3: Rules = Rules {
        merge: true,
        helm3: true,
    };

    fn merging(self) -> Rules {
        Rules {
            merge: true,
            ..self
        }
    }
}

fn concat_prefix(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}.{b}")
    }
}

fn coalesce(
    chart: &Chart,
    dest: &Map,
    prefix: &str,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) -> Result<(), ChartError> {
    coalesce_chart_values(chart, dest, prefix, rules, warnings);
    coalesce_deps(chart, dest, prefix, rules, warnings)
}

fn coalesce_deps(
    chart: &Chart,
    dest: &Map,
    prefix: &str,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) -> Result<(), ChartError> {
    for sub in &chart.dependencies {
        let name = sub.name();
        let table = match dest.get(name) {
            None => {
                let m = Map::new();
                dest.insert(name, Value::Map(m.clone()));
                m
            }
            Some(Value::Map(m)) => m,
            Some(other) => {
                return Err(ChartError::TypeMismatch {
                    name: name.to_string(),
                    shown: go_fmt_t(&other),
                });
            }
        };
        let sub_prefix = concat_prefix(prefix, chart.name());
        coalesce_globals(&table, dest, &sub_prefix, rules, warnings);
        coalesce(sub, &table, &sub_prefix, rules, warnings)?;
    }
    Ok(())
}

/// Copies the parent's globals (`src`) into the child's table (`dest`); the parent's
/// values win. Tables are copied one level deep only, as Helm does.
fn coalesce_globals(
    dest: &Map,
    src: &Map,
    prefix: &str,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) {
    let dg = match dest.get(GLOBAL_KEY) {
        None => Map::new(),
        Some(Value::Map(m)) => m,
        Some(_) => {
            warnings.push(logged(
                138,
                "warning: skipping globals because destination global is not a table.",
            ));
            return;
        }
    };
    let sg = match src.get(GLOBAL_KEY) {
        None => Map::new(),
        Some(Value::Map(m)) => m,
        Some(_) => {
            warnings.push(logged(
                145,
                "warning: skipping globals because source global is not a table.",
            ));
            return;
        }
    };
    for (key, val) in sg.entries() {
        if let Value::Map(table) = &val {
            let vv = Map::from_entries(table.entries());
            match dg.get(&key) {
                None => {
                    dg.insert(key, Value::Map(vv));
                }
                Some(Value::Map(destv)) => {
                    coalesce_tables_full_key(
                        &vv,
                        &destv,
                        &concat_prefix(prefix, &key),
                        rules.merging(),
                        warnings,
                    );
                    dg.insert(key, Value::Map(vv));
                }
                Some(_) => {
                    warnings.push(logged(
                        161,
                        format!(
                            "Conflict: cannot merge map onto non-map for {}. Skipping.",
                            crate::gofmt::quote(&key)
                        ),
                    ));
                }
            }
        } else if matches!(dg.get(&key), Some(Value::Map(_))) {
            warnings.push(logged(175, format!("key {key} is table. Skipping")));
        } else {
            dg.insert(key, val);
        }
    }
    dest.insert(GLOBAL_KEY, Value::Map(dg));
}

/// Fills `v` (values given for this chart) from a copy of the chart's defaults.
fn coalesce_chart_values(
    chart: &Chart,
    v: &Map,
    prefix: &str,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) {
    let sub_prefix = concat_prefix(prefix, chart.name());
    let defaults = chart.values.deep_copy();
    for (key, val) in defaults.entries() {
        match v.get(&key) {
            None => {
                v.insert(key, val);
            }
            Some(Value::Nil) if !rules.merge => {
                v.remove(&key);
            }
            Some(Value::Map(dest)) => match &val {
                Value::Map(src) => {
                    // A subchart's section is always merged, so its own nulls survive to
                    // be handled when the subchart is coalesced.
                    let is_subchart = chart.dependencies.iter().any(|d| d.name() == &*key);
                    coalesce_tables_full_key(
                        &dest,
                        src,
                        &concat_prefix(&sub_prefix, &key),
                        if is_subchart { rules.merging() } else { rules },
                        warnings,
                    );
                }
                Value::Nil => {}
                _ => warnings.push(logged(
                    237,
                    format!("warning: skipped value for {sub_prefix}.{key}: Not a table."),
                )),
            },
            Some(_) => {}
        }
    }
}

/// A message helm4 logs with `log.Printf` (INFO); helm3's `log` prints it after the
/// file and line of that call in helm v3.17's `coalesce.go`.
fn logged(helm3_line: u32, message: impl Into<String>) -> Warning {
    let message = message.into();
    let helm3 = format!("coalesce.go:{helm3_line}: {message}");
    Warning::log(message).or_in_helm3(helm3)
}

/// Helm's `coalesceTablesFullKey`: `dst` wins; `src` fills in. Note that `src` is
/// changed too (keys that are null in `dst` become null in `src`), as in Helm.
fn coalesce_tables_full_key(
    dst: &Map,
    src: &Map,
    prefix: &str,
    rules: Rules,
    warnings: &mut Vec<Warning>,
) {
    if dst.ptr_eq(src) {
        return;
    }
    // Sorted, as the map's keys are: looked up by binary search.
    let src_non_nil: Vec<_> = if rules.helm3 {
        Vec::new()
    } else {
        src.entries()
            .into_iter()
            .filter(|(_, v)| !v.is_nil())
            .map(|(k, _)| k)
            .collect()
    };
    if !rules.helm3 {
        for (key, val) in dst.entries() {
            if val.is_nil() {
                src.insert(key, Value::Nil);
            }
        }
    }
    for (key, val) in src.entries() {
        let full_key = concat_prefix(prefix, &key);
        match dst.get(&key) {
            Some(Value::Nil)
                if !rules.merge && (rules.helm3 || src_non_nil.binary_search(&key).is_ok()) =>
            {
                dst.remove(&key);
            }
            None => {
                dst.insert(key, val);
            }
            Some(dv) => match (&val, &dv) {
                (Value::Map(s), Value::Map(d)) => {
                    coalesce_tables_full_key(d, s, &full_key, rules, warnings)
                }
                (Value::Map(_), _) => warnings.push(logged(
                    298,
                    format!(
                        "warning: cannot overwrite table with non table for {full_key} ({})",
                        fmt_v(&val)
                    ),
                )),
                (v, Value::Map(_)) if !v.is_nil() => warnings.push(logged(
                    301,
                    format!(
                    "warning: destination for {full_key} is a table. Ignoring non-table value ({})",
                    fmt_v(&val)
                ),
                )),
                _ => {}
            },
        }
    }
}

/// Go's `fmt.Sprintf("%t", v)` for a value that is not a bool: `%!t(string=x)`, with
/// `<nil>` for nils inside lists and maps.
pub(crate) fn go_fmt_t(v: &Value) -> String {
    crate::gofmt::sprintf("%t", std::slice::from_ref(v))
}
