//! Evaluation: every action is applied to the current values, then each action's results
//! are printed. `range` and `end` are words inside actions, not blocks: they move the
//! evaluation's cursor as client-go's do, so unbalanced ones behave as they do there.

use super::parse::{Node, Param};
use crate::value::{format_float_v, IntKind, Value};

/// A value under evaluation.
#[derive(Clone, Debug)]
enum Item {
    /// A Go value; `Value::Nil` is a nil held in a map or a list.
    V(Value),
    /// Go's invalid `reflect.Value`: what a `range` hands on for a nil item, and the input
    /// of a `range` body over nothing. It prints as `<no value>`.
    Invalid,
}

type Step = (Vec<Item>, Option<String>);

/// Each `range` being iterated is a level of recursion here (Go's grows its stack to a
/// gigabyte instead).
const MAX_RANGE_NESTING: usize = 1000;

pub(super) fn execute(nodes: &[Node], data: &Value) -> Result<Vec<u8>, String> {
    let mut state = State::new(nodes);
    let groups = state.find_results(0, Item::V(data.clone()))?;
    let mut out = Vec::new();
    for group in groups {
        for (i, item) in group.iter().enumerate() {
            print(&mut out, item)?;
            if i + 1 < group.len() {
                out.push(b' ');
            }
        }
    }
    Ok(out)
}

/// The `range`/`end` bookkeeping: how many ranges were opened by the last action, how many
/// are being iterated, how many `end`s are pending, and the top-level index of the last
/// `end` that closed one.
struct State<'a> {
    nodes: &'a [Node],
    begin_range: usize,
    in_range: usize,
    end_range: usize,
    last_end: Option<usize>,
}

impl<'a> State<'a> {
    fn new(nodes: &'a [Node]) -> State<'a> {
        State {
            nodes,
            begin_range: 0,
            in_range: 0,
            end_range: 0,
            last_end: None,
        }
    }

    /// The results of the top-level nodes from `start` on, one group per node, stopping at
    /// an `end` that closes the range being iterated.
    fn find_results(&mut self, start: usize, data: Item) -> Result<Vec<Vec<Item>>, String> {
        let nodes = self.nodes;
        let mut groups = Vec::new();
        let mut i = start;
        while i < nodes.len() {
            let (results, err) = self.walk(vec![data.clone()], &nodes[i]);
            if let Some(e) = err {
                return Err(e);
            }
            if self.end_range > 0 && self.end_range <= self.in_range {
                self.end_range -= 1;
                self.last_end = Some(i);
                break;
            }
            if self.begin_range > 0 {
                if self.in_range >= MAX_RANGE_NESTING {
                    return Err(format!("more than {MAX_RANGE_NESTING} nested ranges"));
                }
                self.begin_range -= 1;
                self.in_range += 1;
                if results.is_empty() {
                    // Walked once anyway, to find the `end`.
                    self.find_results(i + 1, Item::Invalid)?;
                } else {
                    for item in results {
                        groups.extend(self.find_results(i + 1, as_interface(item))?);
                    }
                }
                self.in_range -= 1;
                if let Some(end) = self.last_end.filter(|&e| e > i) {
                    i = end;
                }
                i += 1;
                continue;
            }
            groups.push(results);
            i += 1;
        }
        Ok(groups)
    }

    /// Applies `node` to `input`. Like client-go's, a failing step also returns values,
    /// which an existence filter looks at.
    fn walk(&mut self, input: Vec<Item>, node: &Node) -> Step {
        match node {
            Node::List(nodes) => self.walk_list(input, nodes),
            Node::Text(t) => (vec![Item::V(Value::from_go_slice(t))], None),
            Node::Field(name) => field(input, name),
            Node::Array(params) => array(input, params),
            Node::Filter { left, right, op } => self.filter(input, left, right, op),
            Node::Int(n) => repeat(&input, Value::Int(*n, IntKind::Int)),
            Node::Float(f) => repeat(&input, Value::Float(*f)),
            Node::Bool(b) => repeat(&input, Value::Bool(*b)),
            Node::Wildcard => (input.iter().flat_map(children).collect(), None),
            Node::Recursive => (recursive(input), None),
            Node::Union(members) => {
                let mut out = Vec::new();
                for m in members {
                    match self.walk_list(input.clone(), m) {
                        (_, Some(e)) => return (input, Some(e)),
                        (items, None) => out.extend(items),
                    }
                }
                (out, None)
            }
            Node::Identifier(word) => match word.as_str() {
                "range" => {
                    self.begin_range += 1;
                    (input, None)
                }
                "end" if self.in_range > 0 => {
                    self.end_range += 1;
                    (Vec::new(), None)
                }
                "end" => (Vec::new(), Some("not in range, nothing to end".into())),
                _ => (input, Some(format!("unrecognized identifier {word}"))),
            },
        }
    }

    fn walk_list(&mut self, input: Vec<Item>, nodes: &[Node]) -> Step {
        let mut cur = input;
        for node in nodes {
            let (next, err) = self.walk(cur, node);
            if err.is_some() {
                return (next, err);
            }
            cur = next;
        }
        (cur, None)
    }

    fn filter(&mut self, input: Vec<Item>, left: &[Node], right: &[Node], op: &str) -> Step {
        let mut out = Vec::new();
        for value in &input {
            let items = match value {
                Item::V(Value::List(items)) => items,
                other => {
                    let e = format!(
                        "{} is not array or slice and cannot be filtered",
                        describe(other)
                    );
                    return (input, Some(e));
                }
            };
            for item in items.iter() {
                let this = vec![Item::V(item.clone())];
                let (lefts, err) = self.walk_list(this.clone(), left);
                if op == "exists" {
                    if !lefts.is_empty() {
                        out.push(Item::V(item.clone()));
                    }
                    continue;
                }
                let l = match one_side(lefts, err) {
                    Ok(Some(l)) => l,
                    Ok(None) => continue,
                    Err(e) => return (input, Some(e)),
                };
                let (rights, err) = self.walk_list(this, right);
                let r = match one_side(rights, err) {
                    Ok(Some(r)) => r,
                    Ok(None) => continue,
                    Err(e) => return (input, Some(e)),
                };
                match compare(&l, &r, op) {
                    Ok(true) => out.push(Item::V(item.clone())),
                    Ok(false) => {}
                    Err(e) => return (out, Some(e)),
                }
            }
        }
        (out, None)
    }
}

/// One side of a filter's comparison: its value, none (the item is skipped), or why the
/// filter fails (the side failed, or gave several values).
fn one_side(mut items: Vec<Item>, err: Option<String>) -> Result<Option<Item>, String> {
    if let Some(e) = err {
        return Err(e);
    }
    match items.len() {
        0 => Ok(None),
        1 => Ok(items.pop()),
        _ => Err("can only compare one element at a time".into()),
    }
}

/// What a `range` hands its body: the item as an `interface{}`, so a nil one is invalid.
fn as_interface(item: Item) -> Item {
    match item {
        Item::V(Value::Nil) => Item::Invalid,
        other => other,
    }
}

fn repeat(input: &[Item], v: Value) -> Step {
    (input.iter().map(|_| Item::V(v.clone())).collect(), None)
}

fn field(input: Vec<Item>, name: &str) -> Step {
    if input.is_empty() {
        return (input, None);
    }
    let found: Vec<Item> = input
        .iter()
        .filter_map(|item| match item {
            Item::V(Value::Map(m)) => m.get(name).map(Item::V),
            _ => None,
        })
        .collect();
    if found.is_empty() {
        return (found, Some(format!("{name} is not found")));
    }
    (found, None)
}

fn array(input: Vec<Item>, params: &[Param; 3]) -> Step {
    let mut out = Vec::new();
    for value in &input {
        let items = match value {
            Item::V(Value::Nil) => continue,
            Item::V(Value::List(items)) => items,
            other => {
                return (
                    input.clone(),
                    Some(format!("{} is not array or slice", type_name(other))),
                )
            }
        };
        let len = items.len() as i64;
        let mut start = if params[0].known { params[0].value } else { 0 };
        if start < 0 {
            start += len;
        }
        let mut end = if params[1].known {
            params[1].value
        } else {
            len
        };
        if end < 0 || (end == 0 && params[1].derived) {
            end += len;
        }
        if start == end {
            // An empty selection ends the whole step, as in client-go.
            return (out, None);
        }
        if start >= len || start < 0 {
            return (
                input.clone(),
                Some(format!(
                    "array index out of bounds: index {start}, length {len}"
                )),
            );
        }
        if end > len || end < 0 {
            return (
                input.clone(),
                Some(format!(
                    "array index out of bounds: index {}, length {len}",
                    end.wrapping_sub(1)
                )),
            );
        }
        if start > end {
            return (
                input.clone(),
                Some(format!(
                    "starting index {start} is greater than ending index {end}"
                )),
            );
        }
        let step = if params[2].known {
            if params[2].value <= 0 {
                return (input.clone(), Some("step must be > 0".into()));
            }
            params[2].value as usize
        } else {
            1
        };
        out.extend(
            items[start as usize..end as usize]
                .iter()
                .step_by(step)
                .cloned()
                .map(Item::V),
        );
    }
    (out, None)
}

/// A container's members in client-go's walking order (a map's in key order, where Go's
/// is random); a string's are its bytes. Nothing for anything else.
fn children(item: &Item) -> Vec<Item> {
    match item {
        Item::V(Value::Map(m)) => m.entries().into_iter().map(|(_, v)| Item::V(v)).collect(),
        Item::V(Value::List(items)) => items.iter().cloned().map(Item::V).collect(),
        Item::V(v @ (Value::String(_) | Value::Bytes(_))) => v
            .go_bytes()
            .unwrap_or_default()
            .iter()
            .map(|&b| Item::V(Value::Int(i64::from(b), IntKind::Int)))
            .collect(),
        _ => Vec::new(),
    }
}

/// `..`: every value with members, each followed by its members' turn, depth first.
fn recursive(input: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::new();
    for item in input {
        let members = children(&item);
        if !members.is_empty() {
            out.push(item);
            out.extend(recursive(members));
        }
    }
    out
}

/// The old `text/template` comparison client-go uses: both sides of one basic kind.
fn compare(l: &Item, r: &Item, op: &str) -> Result<bool, String> {
    use std::cmp::Ordering;
    let bad_type = || "invalid type for comparison".to_string();
    let (l, r) = match (l, r) {
        (Item::V(l), Item::V(r)) => (l, r),
        _ => return Err(bad_type()),
    };
    let ord = match (l, r) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                "==" => Ok(a == b),
                "!=" => Ok(a != b),
                "<" | ">" | "<=" | ">=" => Err(bad_type()),
                _ => Err(format!("unrecognized filter operator {op}")),
            }
        }
        (Value::Int(a, _), Value::Int(b, _)) => a.cmp(b),
        (Value::Float(a), Value::Float(b)) => match a.partial_cmp(b) {
            Some(o) => o,
            None => return Ok(op == "!="),
        },
        (Value::String(_) | Value::Bytes(_), Value::String(_) | Value::Bytes(_)) => {
            l.go_bytes().cmp(&r.go_bytes())
        }
        (a, b) if !is_basic(a) || !is_basic(b) => return Err(bad_type()),
        _ => return Err("incompatible types for comparison".into()),
    };
    match op {
        "==" => Ok(ord == Ordering::Equal),
        "!=" => Ok(ord != Ordering::Equal),
        "<" => Ok(ord == Ordering::Less),
        ">" => Ok(ord == Ordering::Greater),
        "<=" => Ok(ord != Ordering::Greater),
        ">=" => Ok(ord != Ordering::Less),
        _ => Err(format!("unrecognized filter operator {op}")),
    }
}

fn is_basic(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_) | Value::Int(..) | Value::Float(_) | Value::String(_) | Value::Bytes(_)
    )
}

/// Prints one result: maps and lists as compact JSON, the rest as `fmt.Print` does.
fn print(out: &mut Vec<u8>, item: &Item) -> Result<(), String> {
    let v = match item {
        Item::Invalid => {
            out.extend_from_slice(b"<no value>");
            return Ok(());
        }
        Item::V(v) => v,
    };
    match v {
        Value::Map(_) | Value::List(_) => {
            let json = crate::json::to_string(v).map_err(|e| e.to_string())?;
            out.extend_from_slice(json.as_bytes());
        }
        Value::Nil => out.extend_from_slice(b"null"),
        Value::Float(f) => out.extend_from_slice(format_float_v(*f).as_bytes()),
        Value::String(_) | Value::Bytes(_) => {
            out.extend_from_slice(v.go_bytes().unwrap_or_default())
        }
        other => out.extend_from_slice(crate::value::fmt_v(other).as_bytes()),
    }
    Ok(())
}

fn type_name(item: &Item) -> String {
    match item {
        Item::Invalid => "<invalid Value>".into(),
        Item::V(v) => v.type_name(),
    }
}

fn describe(item: &Item) -> String {
    match item {
        Item::Invalid => "<invalid reflect.Value>".into(),
        Item::V(v) => crate::value::fmt_v(v),
    }
}
