//! go-yaml v2's strict decoding (`UnmarshalStrict`, which sigs.k8s.io/yaml's
//! `UnmarshalStrict` uses first): a key repeated in one mapping is an error, reported
//! with the line of the repeated key's value, all of them in one message.

use std::collections::HashMap;

use super::error::YamlError;
use super::events::{Event, Parser};
use super::resolve::{resolve_node, Scalar};
use crate::gofmt::quote;
use crate::value::format_float;

/// The duplicate-key errors go-yaml's strict mode finds in the first document of `src`,
/// as sigs.k8s.io/yaml reports them; `None` when there are none or the text does not
/// parse (the non-strict decode reports that).
///
/// ```
/// let e = helmcore::yaml::strict_duplicate_keys("a: 1\nb: 2\na: 3\n").unwrap();
/// assert_eq!(
///     e.to_string(),
///     "error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key \"a\" already set in map"
/// );
/// assert!(helmcore::yaml::strict_duplicate_keys("a: 1\nb: {a: 2}\n").is_none());
/// ```
pub fn strict_duplicate_keys(src: &str) -> Option<YamlError> {
    let lines = duplicate_lines(src.as_bytes());
    if lines.is_empty() {
        return None;
    }
    Some(YamlError::yaml(
        None,
        format!("unmarshal errors:\n  {}", lines.join("\n  ")),
    ))
}

/// A key as go-yaml holds it in an `interface{}`: its Go type and its `%#v` text.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: u8,
    shown: String,
}

/// The document as go-yaml's node tree, as far as strict decoding needs it.
enum Node {
    /// A scalar: its key form (`None` when go-yaml cannot hold it as a key) and whether
    /// it is the merge key `<<`.
    Scalar {
        key: Option<Key>,
        merge: bool,
        line: usize,
    },
    Seq {
        items: Vec<usize>,
        line: usize,
    },
    Map {
        entries: Vec<(usize, usize)>,
        line: usize,
    },
    Alias {
        target: Option<usize>,
        line: usize,
    },
}

impl Node {
    fn line(&self) -> usize {
        match self {
            Node::Scalar { line, .. }
            | Node::Seq { line, .. }
            | Node::Map { line, .. }
            | Node::Alias { line, .. } => *line,
        }
    }
}

/// Nodes visited at most, aliases expanded: the non-strict decode already refused alias
/// bombs, this only bounds the work on what it let through.
const VISIT_BUDGET: usize = 1_000_000;

fn duplicate_lines(src: &[u8]) -> Vec<String> {
    let Some((nodes, root)) = build_tree(src) else {
        return Vec::new();
    };
    let mut walk = Walk {
        nodes: &nodes,
        out: Vec::new(),
        budget: VISIT_BUDGET,
    };
    if let Some(root) = root {
        walk.value(root, 0);
    }
    walk.out
}

/// Reads the first document into nodes; `None` if it does not parse.
fn build_tree(src: &[u8]) -> Option<(Vec<Node>, Option<usize>)> {
    let mut parser = Parser::new(src);
    let mut nodes: Vec<Node> = Vec::new();
    // Open collections: the node index and, for maps, a pending key.
    let mut stack: Vec<(usize, Option<usize>)> = Vec::new();
    let mut anchors: HashMap<String, usize> = HashMap::new();
    let mut root = None;
    let mut started = false;
    loop {
        let (ev, line) = parser.next().ok()?;
        let done = match ev {
            Event::StreamStart => continue,
            Event::StreamEnd | Event::DocumentEnd => break,
            Event::DocumentStart if started => break,
            Event::DocumentStart => {
                started = true;
                continue;
            }
            Event::Scalar {
                anchor,
                tag,
                value,
                implicit,
                ..
            } => {
                let merge = &*value == "<<"
                    && (implicit || tag.as_deref() == Some("tag:yaml.org,2002:merge"));
                let key = key_of(tag.as_deref(), &value, implicit);
                nodes.push(Node::Scalar { key, merge, line });
                if let Some(a) = anchor {
                    anchors.insert(a, nodes.len() - 1);
                }
                nodes.len() - 1
            }
            Event::Alias { anchor } => {
                nodes.push(Node::Alias {
                    target: anchors.get(&anchor).copied(),
                    line,
                });
                nodes.len() - 1
            }
            Event::SequenceStart { ref anchor, .. } | Event::MappingStart { ref anchor, .. } => {
                let is_seq = matches!(ev, Event::SequenceStart { .. });
                let anchor = anchor.clone();
                nodes.push(if is_seq {
                    Node::Seq {
                        items: Vec::new(),
                        line,
                    }
                } else {
                    Node::Map {
                        entries: Vec::new(),
                        line,
                    }
                });
                let id = nodes.len() - 1;
                if let Some(a) = anchor {
                    anchors.insert(a, id);
                }
                stack.push((id, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some((id, _)) => id,
                None => continue,
            },
        };
        match stack.last_mut() {
            None => root = Some(done),
            Some((parent, pending)) => match &mut nodes[*parent] {
                Node::Seq { items, .. } => items.push(done),
                Node::Map { entries, .. } => match pending.take() {
                    None => *pending = Some(done),
                    Some(k) => entries.push((k, done)),
                },
                _ => {}
            },
        }
    }
    Some((nodes, root))
}

struct Walk<'n> {
    nodes: &'n [Node],
    out: Vec<String>,
    budget: usize,
}

impl Walk<'_> {
    fn spend(&mut self) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        true
    }

    /// Decodes a value node into a fresh place, as go-yaml does (aliases re-decode the
    /// anchored node, so its errors repeat).
    fn value(&mut self, id: usize, depth: usize) {
        if depth > super::MAX_NESTING || !self.spend() {
            return;
        }
        match &self.nodes[id] {
            Node::Scalar { .. } => {}
            Node::Seq { items, .. } => {
                for &i in items {
                    self.value(i, depth + 1);
                }
            }
            Node::Map { .. } => {
                let mut seen = Vec::new();
                self.mapping_into(id, &mut seen, depth);
            }
            Node::Alias { target, .. } => {
                if let Some(t) = *target {
                    self.value(t, depth + 1);
                }
            }
        }
    }

    /// Decodes a mapping node into the map whose keys are `seen` (go-yaml's `mapping`
    /// with `setMapIndex`'s strict check).
    fn mapping_into(&mut self, id: usize, seen: &mut Vec<Key>, depth: usize) {
        let Node::Map { entries, .. } = &self.nodes[id] else {
            return;
        };
        for &(k, v) in entries {
            if !self.spend() {
                return;
            }
            if let Node::Scalar { merge: true, .. } = self.nodes[k] {
                self.merge(v, seen, depth + 1);
                continue;
            }
            let key = match &self.nodes[k] {
                Node::Scalar { key, .. } => key.clone(),
                Node::Alias {
                    target: Some(t), ..
                } => match &self.nodes[*t] {
                    Node::Scalar { key, .. } => key.clone(),
                    _ => None,
                },
                _ => None,
            };
            self.value(v, depth + 1);
            if let Some(key) = key {
                if seen.contains(&key) {
                    let line = self.nodes[v].line() + 1;
                    self.out
                        .push(format!("line {line}: key {} already set in map", key.shown));
                } else {
                    seen.push(key);
                }
            }
        }
    }

    /// `<<`: a mapping, an alias to one, or a sequence of them (later ones first).
    fn merge(&mut self, id: usize, seen: &mut Vec<Key>, depth: usize) {
        if depth > super::MAX_NESTING {
            return;
        }
        match &self.nodes[id] {
            Node::Map { .. } => self.mapping_into(id, seen, depth),
            Node::Alias {
                target: Some(t), ..
            } => {
                let t = *t;
                if matches!(self.nodes[t], Node::Map { .. }) {
                    self.mapping_into(t, seen, depth);
                }
            }
            Node::Seq { items, .. } => {
                for &i in items.iter().rev() {
                    self.merge(i, seen, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// The key's identity and `%#v` form; `None` where go-yaml could not use it as a key.
fn key_of(tag: Option<&str>, value: &crate::value::Str, implicit: bool) -> Option<Key> {
    let (kind, shown) = match resolve_node(tag, value, implicit).ok()? {
        Scalar::Null => (0, "<nil>".to_string()),
        Scalar::Bool(b) => (1, b.to_string()),
        Scalar::Int(n) => (2, n.to_string()),
        Scalar::Uint(n) => (3, format!("0x{n:x}")),
        Scalar::Float(f) => (4, format_float(f, 'g', -1)),
        Scalar::Str(s) => (5, quote(&s)),
    };
    Some(Key { kind, shown })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        strict_duplicate_keys(src)
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    // Texts from helm v4.1.4's "failed to strictly parse chart metadata file" warnings.
    #[test]
    fn duplicate_keys_with_value_lines() {
        assert_eq!(err("type: a\nname: x\ntype: b\n"), "error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key \"type\" already set in map");
        assert_eq!(
            err("a: 1\na: 2\nm:\n  x: 1\n  x:\n    - 1\n"),
            "error converting YAML to JSON: yaml: unmarshal errors:\n  line 2: key \"a\" already set in map\n  line 6: key \"x\" already set in map"
        );
        assert_eq!(err("1: a\n1: b\n"), "error converting YAML to JSON: yaml: unmarshal errors:\n  line 2: key 1 already set in map");
        assert_eq!(err("1: a\n\"1\": b\n"), "");
        assert_eq!(err("- a: 1\n- a: 1\n"), "");
        assert_eq!(err("a: [1, 1]\n"), "");
        assert_eq!(
            err("k: 1\nk: 2\nm:\n  1: a\n  1: b\n  \"1\": c\n  1.0: d\n  true: e\n  true: f\n  1.5: x\n  1.5: y\n"),
            "error converting YAML to JSON: yaml: unmarshal errors:\n  line 2: key \"k\" already set in map\n  line 5: key 1 already set in map\n  line 9: key true already set in map\n  line 11: key 1.5 already set in map"
        );
    }

    #[test]
    fn merges_count_as_set() {
        let src = "foo: &a\n  x: 1\n  y: 1\nbaz: &b\n  y: 2\nbar:\n  x: 0\n  <<: [*a, *b]\n  z: 2\nqux:\n  <<: {z: 1}\n  z: 2\n";
        assert_eq!(
            err(src),
            "error converting YAML to JSON: yaml: unmarshal errors:\n  line 2: key \"x\" already set in map\n  line 3: key true already set in map\n  line 12: key \"z\" already set in map"
        );
    }
}
