//! The order in which a schema document writes its object keys.
//!
//! Helm's validators keep a schema's keyword maps (`properties`, `patternProperties`,
//! `dependencies`...) as Go maps filled in document order, and Go iterates a small map
//! from a random slot: a rotation of that order, most often the order itself. helmcore
//! reads schemas into `serde_json` maps, which sort their keys; this index gives back the
//! document's order where Helm's reports follow it. It is built only when needed (a
//! failed validation, a failed `$ref` load), from the schema's text.

use std::collections::HashMap;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A schema document's shape: objects with their keys in document order, and the
/// strings (`$ref` targets are followed).
#[derive(Debug)]
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    String(String),
    Other,
}

/// Key order of every object of one schema document.
#[derive(Debug)]
pub(super) struct DocOrder(Node);

impl DocOrder {
    /// The index of `text`, or `None` when it is not JSON (the validator reports that).
    pub(super) fn parse(text: &[u8]) -> Option<DocOrder> {
        serde_json::from_slice::<Node>(text).ok().map(DocOrder)
    }

    /// The keys of the object at `pointer` (an escaped JSON pointer into this
    /// document, no `$ref` followed), in document order.
    pub(super) fn keys_at(&self, pointer: &str) -> Option<Vec<&str>> {
        let tokens = super::schema::pointer_tokens(pointer);
        match self.walk(&tokens, false)? {
            Node::Object(entries) => Some(entries.iter().map(|(k, _)| k.as_str()).collect()),
            _ => None,
        }
    }

    /// Where the last of `tokens` (a keyword location, unescaped, as the validator
    /// gives it) stands among the keys of its object: `/properties/b` is 1 in
    /// `{"properties": {"a": {}, "b": {}}}`. A `$ref` on the way is followed when it
    /// points into this document.
    pub(super) fn index_of(&self, tokens: &[String]) -> Option<usize> {
        let (last, parent) = tokens.split_last()?;
        match self.walk(parent, true)? {
            Node::Object(entries) => entries.iter().position(|(k, _)| k == last),
            _ => None,
        }
    }

    fn walk(&self, tokens: &[String], follow_refs: bool) -> Option<&Node> {
        let mut at = &self.0;
        // Each `$ref` followed restarts from the root: bound the hops against cycles.
        let mut hops = 0;
        for t in tokens {
            if follow_refs && t == "$ref" {
                hops += 1;
                let target = match child(at, t)? {
                    Node::String(s) => s.strip_prefix('#')?,
                    _ => return None,
                };
                if hops > 64 || (!target.is_empty() && !target.starts_with('/')) {
                    return None; // an anchor, or a loop
                }
                at = &self.0;
                for p in super::schema::pointer_tokens(target) {
                    at = child(at, &super::schema_refs::percent_decode(&p))?;
                }
                continue;
            }
            at = child(at, t)?;
        }
        Some(at)
    }
}

fn child<'a>(node: &'a Node, token: &str) -> Option<&'a Node> {
    match node {
        Node::Object(entries) => entries.iter().find(|(k, _)| k == token).map(|(_, v)| v),
        Node::Array(items) => items.get(token.parse::<usize>().ok()?),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_str<E>(self, s: &str) -> Result<Node, E> {
        Ok(Node::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Node, E> {
        Ok(Node::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        // A repeated key keeps its first place and takes the last value, as a Go map
        // filled by encoding/json does.
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        while let Some((k, v)) = map.next_entry::<String, Node>()? {
            match seen.get(&k) {
                Some(&i) => entries[i].1 = v,
                None => {
                    seen.insert(k.clone(), entries.len());
                    entries.push((k, v));
                }
            }
        }
        Ok(Node::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::DocOrder;

    fn tokens(p: &str) -> Vec<String> {
        p.split('/').skip(1).map(str::to_string).collect()
    }

    #[test]
    fn keys_keep_the_documents_order() {
        let d = DocOrder::parse(
            br##"{"properties": {"zeta": {"$ref": "#/$defs/s"}, "alpha": {}, "zeta": {"$ref": "#/$defs/s"}},
                 "$defs": {"s": {"properties": {"y": {}, "x": {}}}}}"##,
        )
        .unwrap();
        assert_eq!(d.keys_at("/properties"), Some(vec!["zeta", "alpha"]));
        assert_eq!(d.index_of(&tokens("/properties/alpha")), Some(1));
        assert_eq!(
            d.index_of(&tokens("/properties/zeta/$ref/properties/x")),
            Some(1)
        );
        assert_eq!(d.index_of(&tokens("/properties/nope")), None);
        assert!(DocOrder::parse(b"{bad").is_none());
    }
}
