//! Builds a [`Value`] from libyaml's event stream the way `sigs.k8s.io/yaml.Unmarshal`
//! sees a document: go-yaml v2 decodes it into `interface{}` (anchors, aliases, `<<`
//! merges, YAML 1.1 scalars), then every map key is turned into a string and, in JSON
//! mode, every number into a `float64` (the JSON round trip).
//!
//! The build is iterative (an explicit stack of open collections), so nesting depth never
//! touches the call stack. Aliases reuse the anchored node's finished value (deep-copied:
//! Go decodes an alias afresh, so the copies are separate maps). Errors follow go-yaml's
//! order: a syntax error anywhere in the document wins over decode errors (bad tags,
//! self-referencing aliases, invalid keys), which win over the JSON conversion's errors.

use std::collections::{BTreeMap, HashMap};

use super::error::{DecodeError, YamlError};
use super::events::{Event, Parser, ParserFailure, ScalarStyle};
use super::resolve::{resolve_node, Scalar, MERGE_TAG};
use crate::json::go_quote;
use crate::value::{format_float, Map, Str, Value};

/// Nesting limit. go-yaml allows 10000 flow levels and 10000 block indents (its
/// goroutine stacks grow); here every consumer of a value (drop, encoders, templates)
/// recurses on a fixed stack, so documents are cut off earlier, with go-yaml's wording.
pub(crate) const MAX_DEPTH: usize = 2_500;

/// How numbers come out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// After the JSON round trip: numbers are `float64`, NaN and infinities are errors.
    Json,
    /// go-yaml's own types: ints stay Go `int`.
    Native,
}

/// Decodes the first document of `src`. An empty stream gives `Nil`.
pub(crate) fn decode(src: &[u8], mode: Mode) -> Result<Value, YamlError> {
    // go-yaml keeps a `:` followed by `,`, `?`, `[`, `]`, `{` or `}` inside a flow plain
    // scalar (`[x:]` is the string "x:"); libyaml 0.2.5 refuses it. Such a colon is
    // replaced by an unused private-use character and the document parsed again.
    let mut patched: Option<Vec<u8>> = None;
    let mut stand_in: Option<char> = None;
    for _ in 0..64 {
        let input = patched.as_deref().unwrap_or(src);
        match decode_once(input, mode, stand_in) {
            Err(Failure::Syntax(f)) if f.problem == "found unexpected ':'" => {
                let Some(pos) = colon_byte(input, f.problem_index) else {
                    return Err(syntax(f));
                };
                let c = *stand_in.get_or_insert_with(|| unused_private_char(src));
                let mut buf = [0u8; 4];
                let mut next = input.to_vec();
                next.splice(pos..pos + 1, c.encode_utf8(&mut buf).bytes());
                patched = Some(next);
            }
            Err(Failure::Syntax(f)) => return Err(syntax(f)),
            Err(Failure::Other(e)) => return Err(e),
            Ok(v) => return Ok(v),
        }
    }
    Err(YamlError::yaml(None, "found unexpected ':'"))
}

/// The byte offset of the `:` libyaml stopped at (its mark counts bytes after a UTF-8
/// byte order mark), if that is what is there.
fn colon_byte(input: &[u8], index: usize) -> Option<usize> {
    let skip = if input.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let pos = index + skip;
    (input.get(pos) == Some(&b':')).then_some(pos)
}

/// A private-use character the input does not contain.
fn unused_private_char(src: &[u8]) -> char {
    let text = String::from_utf8_lossy(src);
    ('\u{E000}'..='\u{F8FF}')
        .find(|c| !text.contains(*c))
        .unwrap_or('\u{E000}')
}

enum Failure {
    Syntax(ParserFailure),
    Other(YamlError),
}

impl From<YamlError> for Failure {
    fn from(e: YamlError) -> Failure {
        Failure::Other(e)
    }
}

fn decode_once(src: &[u8], mode: Mode, colon: Option<char>) -> Result<Value, Failure> {
    let mut parser = Parser::new(src).with_colon_stand_in(colon);
    let next = |p: &mut Parser| p.next().map_err(Failure::Syntax);
    next(&mut parser)?; // stream start
    let (ev, _) = next(&mut parser)?;
    if !matches!(ev, Event::DocumentStart) {
        return Ok(Value::Nil);
    }
    let mut b = Builder::new(mode);
    b.decode_count = 1; // the document node
    let root = loop {
        let (ev, line) = next(&mut parser)?;
        if let Some(root) = b.event(ev, line)? {
            break root;
        }
    };
    next(&mut parser)?; // document end
    Ok(b.finish(root)?)
}

fn syntax(f: ParserFailure) -> YamlError {
    YamlError::yaml(f.go_line(), f.problem)
}

/// Which kind of YAML node a finished value came from (merges and keys care).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Scalar,
    Sequence,
    Mapping,
}

/// A finished node.
struct Done {
    value: Value,
    /// The go-yaml scalar, for scalars: keys are converted from it.
    scalar: Option<Scalar>,
    origin: Origin,
    alias: bool,
    problems: Option<Problems>,
    /// For a sequence that is a merge's value: what each item turned out to be.
    merge_items: Option<Vec<MergeItem>>,
}

/// An item of a sequence that is the value of `<<`. go-yaml checks and decodes such items
/// last to first, stopping at the first that is not a mapping or fails to decode, so the
/// items' errors are kept apart until the merge picks the one that counts.
struct MergeItem {
    mapping: bool,
    error: Option<DecodeError>,
}

/// What the JSON conversion will refuse inside a node: keys JSON has no form for and
/// NaN or infinite numbers. sigs.k8s.io/yaml converts what go-yaml *decoded*, so these
/// are kept per entry: a value that a later duplicate key or a merge replaces takes its
/// problems with it.
#[derive(Clone)]
enum Problems {
    /// A NaN or infinite number, as encoding/json names it (`+Inf`).
    NonFinite(String),
    /// Items with problems, by index.
    Seq(Vec<(usize, Problems)>),
    Map(MapProblems),
}

#[derive(Clone, Default)]
struct MapProblems {
    /// Unsupported keys (`~`, a uint64) by key, with their error message. A repeated
    /// key is one Go map entry: the last value is the one the message shows.
    bad_keys: BTreeMap<String, String>,
    /// Entries whose values have problems.
    entries: BTreeMap<Str, Problems>,
}

impl Problems {
    /// The conversion's error, if any: an unsupported key first (sigs.k8s.io/yaml checks
    /// keys before encoding/json runs; among several Go's map order picks at random),
    /// then the first NaN or infinity in encoding/json's order (keys sorted).
    fn error(&self) -> Option<DecodeError> {
        let mut first_value = None;
        let mut stack = vec![self];
        while let Some(p) = stack.pop() {
            match p {
                Problems::NonFinite(v) => {
                    first_value.get_or_insert(v);
                }
                Problems::Seq(items) => stack.extend(items.iter().rev().map(|(_, p)| p)),
                Problems::Map(m) => {
                    if let Some(message) = m.bad_keys.values().next() {
                        return Some(DecodeError::MapKey(message.clone()));
                    }
                    stack.extend(m.entries.values().rev());
                }
            }
        }
        first_value.map(|v| DecodeError::UnsupportedValue(v.clone()))
    }
}

enum Anchor {
    /// Its node (a collection) is still being built: an alias to it is a self-reference.
    Open(Origin),
    Done {
        value: Value,
        scalar: Option<Scalar>,
        origin: Origin,
        size: u64,
        problems: Option<Problems>,
    },
}

enum KeyState {
    /// The next finished node is a key.
    Want,
    Key(Str),
    /// The key was `<<`: the next node is merged in.
    Merge,
    /// The key cannot be a JSON key (`~`, a uint64): the value is needed for the message.
    Unsupported {
        type_name: &'static str,
        key: String,
    },
    /// The key was refused already: drop the value.
    Skip,
}

enum Kind {
    Seq(Vec<Value>),
    Map {
        entries: BTreeMap<Str, Value>,
        key: KeyState,
    },
}

struct Frame {
    kind: Kind,
    /// A flow collection (`[...]`, `{...}`).
    flow: bool,
    anchor: Option<String>,
    /// `decode_count` before this node, to size the anchor.
    start: u64,
    /// Items with problems (sequences).
    seq_problems: Vec<(usize, Problems)>,
    /// Keys and entries with problems (mappings).
    map_problems: MapProblems,
    /// Set for a sequence that is a merge's value (see `MergeItem`).
    merge_items: Option<Vec<MergeItem>>,
}

struct Builder {
    mode: Mode,
    stack: Vec<Frame>,
    anchors: HashMap<String, Anchor>,
    decode_count: u64,
    alias_count: u64,
    /// First go-yaml decode failure (tags, aliases, keys, merges).
    decode_error: Option<DecodeError>,
    /// What the JSON conversion refuses in the document's root node.
    root_problems: Option<Problems>,
}

impl Builder {
    fn new(mode: Mode) -> Builder {
        Builder {
            mode,
            stack: Vec::new(),
            anchors: HashMap::new(),
            decode_count: 0,
            alias_count: 0,
            decode_error: None,
            root_problems: None,
        }
    }

    fn failed(&self) -> bool {
        self.decode_error.is_some()
    }

    fn decode_fail(&mut self, message: String) {
        if self.decode_error.is_none() {
            self.decode_error = Some(DecodeError::Yaml {
                line: None,
                message,
            });
        }
    }

    fn finish(self, root: Value) -> Result<Value, YamlError> {
        let e = self
            .decode_error
            .or_else(|| self.root_problems.as_ref().and_then(Problems::error));
        if let Some(e) = e {
            return Err(YamlError::Convert(e));
        }
        Ok(root)
    }

    /// go-yaml's guard against alias bombs, checked after every node.
    fn count(&mut self, nodes: u64, aliased: u64) {
        self.decode_count += nodes;
        self.alias_count += aliased;
        let (a, d) = (self.alias_count, self.decode_count);
        if a > 100 && d > 1000 && a as f64 / d as f64 > allowed_alias_ratio(d) {
            self.decode_fail("document contains excessive aliasing".into());
        }
    }

    /// Feeds one event; returns the root value once the document's node is complete.
    fn event(&mut self, ev: Event, line: usize) -> Result<Option<Value>, YamlError> {
        match ev {
            Event::Scalar {
                anchor,
                tag,
                value,
                implicit,
                style,
            } => {
                if style == ScalarStyle::Plain {
                    self.check_flow_plain(&value, line)?;
                }
                if self.is_merge_key(&tag, &value, implicit) {
                    if let Some(Frame {
                        kind: Kind::Map { key, .. },
                        ..
                    }) = self.stack.last_mut()
                    {
                        *key = KeyState::Merge;
                    }
                    return Ok(None);
                }
                let start = self.decode_count;
                self.count(1, 0);
                let done = self.scalar(tag.as_deref(), &value, implicit);
                if let Some(name) = anchor {
                    self.close_anchor(name, &done, start);
                }
                Ok(self.deliver(done))
            }
            Event::Alias { anchor } => {
                let done = self.alias(&anchor)?;
                Ok(self.deliver(done))
            }
            Event::SequenceStart { anchor, flow } => {
                self.open(Kind::Seq(Vec::new()), flow, anchor, line)?;
                Ok(None)
            }
            Event::MappingStart { anchor, flow } => {
                self.open(
                    Kind::Map {
                        entries: BTreeMap::new(),
                        key: KeyState::Want,
                    },
                    flow,
                    anchor,
                    line,
                )?;
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(None);
                };
                let (value, origin, problems) = match frame.kind {
                    Kind::Seq(items) => {
                        let problems = (!frame.seq_problems.is_empty())
                            .then_some(Problems::Seq(frame.seq_problems));
                        (Value::list(items), Origin::Sequence, problems)
                    }
                    Kind::Map { entries, .. } => {
                        let m = frame.map_problems;
                        let problems = (!m.bad_keys.is_empty() || !m.entries.is_empty())
                            .then_some(Problems::Map(m));
                        let value = Value::Map(Map::from_entries(entries));
                        (value, Origin::Mapping, problems)
                    }
                };
                let done = Done {
                    value,
                    scalar: None,
                    origin,
                    alias: false,
                    problems,
                    merge_items: frame.merge_items,
                };
                if let Some(name) = frame.anchor {
                    self.close_anchor(name, &done, frame.start);
                }
                Ok(self.deliver(done))
            }
            // Not produced inside a document's node.
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart | Event::DocumentEnd => {
                Ok(None)
            }
        }
    }

    /// The next node is the value of a `<<` key.
    fn merge_value_next(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                kind: Kind::Map {
                    key: KeyState::Merge,
                    ..
                },
                ..
            })
        )
    }

    fn is_merge_key(&self, tag: &Option<String>, value: &str, implicit: bool) -> bool {
        value == "<<"
            && (implicit || tag.as_deref() == Some(MERGE_TAG))
            && matches!(
                self.stack.last(),
                Some(Frame {
                    kind: Kind::Map {
                        key: KeyState::Want,
                        ..
                    },
                    ..
                })
            )
    }

    /// go-yaml's scanner ends a plain scalar at any `?` inside a flow collection (libyaml
    /// 0.2.5 only at `? `), and the parser then fails on the stray key indicator.
    fn check_flow_plain(&self, value: &str, line: usize) -> Result<(), YamlError> {
        let Some(frame) = self.stack.last().filter(|f| f.flow) else {
            return Ok(());
        };
        if !value.get(1..).is_some_and(|rest| rest.contains('?')) {
            return Ok(());
        }
        let close = if matches!(frame.kind, Kind::Seq(_)) {
            ']'
        } else {
            '}'
        };
        Err(YamlError::yaml(
            (line != 0).then_some(line),
            format!("did not find expected ',' or '{close}'"),
        ))
    }

    fn open(
        &mut self,
        kind: Kind,
        flow: bool,
        anchor: Option<String>,
        line: usize,
    ) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError::yaml(
                Some(line + 1),
                format!("exceeded max depth of {MAX_DEPTH}"),
            ));
        }
        let start = self.decode_count;
        self.count(1, 0);
        let origin = match kind {
            Kind::Seq(_) => Origin::Sequence,
            Kind::Map { .. } => Origin::Mapping,
        };
        if let Some(name) = &anchor {
            self.anchors.insert(name.clone(), Anchor::Open(origin));
        }
        // Errors inside a merge's sequence are sorted out by the merge; one from before
        // wins anyway.
        let merge_items =
            (origin == Origin::Sequence && self.decode_error.is_none() && self.merge_value_next())
                .then(Vec::new);
        self.stack.push(Frame {
            kind,
            flow,
            anchor,
            start,
            seq_problems: Vec::new(),
            map_problems: MapProblems::default(),
            merge_items,
        });
        Ok(())
    }

    fn close_anchor(&mut self, name: String, done: &Done, start: u64) {
        let size = self.decode_count - start;
        let anchor = Anchor::Done {
            value: done.value.clone(),
            scalar: done.scalar.clone(),
            origin: done.origin,
            size,
            problems: done.problems.clone(),
        };
        self.anchors.insert(name, anchor);
    }

    fn scalar(&mut self, tag: Option<&str>, value: &Str, implicit: bool) -> Done {
        let scalar = match resolve_node(tag, value, implicit) {
            Ok(s) => s,
            Err(message) => {
                self.decode_fail(message);
                Scalar::Null
            }
        };
        let value = self.scalar_value(&scalar);
        let problems = match scalar {
            Scalar::Float(f) if self.mode == Mode::Json && !f.is_finite() => {
                Some(Problems::NonFinite(format_float(f, 'g', -1)))
            }
            _ => None,
        };
        Done {
            value,
            scalar: Some(scalar),
            origin: Origin::Scalar,
            alias: false,
            problems,
            merge_items: None,
        }
    }

    fn scalar_value(&mut self, s: &Scalar) -> Value {
        let json = self.mode == Mode::Json;
        match s {
            Scalar::Null => Value::Nil,
            Scalar::Bool(b) => Value::Bool(*b),
            Scalar::Int(n) if json => Value::Float(*n as f64),
            Scalar::Int(n) => Value::int(*n),
            Scalar::Uint(n) => Value::Float(*n as f64),
            // NaN and infinities stay (`invalid map key: ...-Inf...` prints them); as
            // values they fail the JSON conversion (`Problems`).
            Scalar::Float(f) => Value::Float(*f),
            Scalar::Str(s) => Value::String(s.clone()),
        }
    }

    fn alias(&mut self, name: &str) -> Result<Done, YamlError> {
        let Some(anchor) = self.anchors.get(name) else {
            return Err(YamlError::yaml(
                None,
                format!("unknown anchor '{name}' referenced"),
            ));
        };
        match anchor {
            Anchor::Open(origin) => {
                // As a merge source, an alias to anything but a mapping is refused before
                // it is decoded.
                let origin = *origin;
                let merge_source = self.merge_value_next()
                    || self.stack.last().is_some_and(|f| f.merge_items.is_some());
                if !(merge_source && origin != Origin::Mapping) {
                    self.decode_fail(format!("anchor '{name}' value contains itself"));
                }
                Ok(Done {
                    value: Value::Nil,
                    scalar: None,
                    origin,
                    alias: true,
                    problems: None,
                    merge_items: None,
                })
            }
            Anchor::Done {
                value,
                scalar,
                origin,
                size,
                problems,
            } => {
                let (scalar, origin, size) = (scalar.clone(), *origin, *size);
                let problems = problems.clone();
                // Only copy while the result can still be used: after a failure the
                // copies would be thrown away, and an alias bomb must not allocate.
                let value = if self.failed() {
                    Value::Nil
                } else {
                    value.deep_copy()
                };
                self.count(1, 0);
                self.count(size, size);
                Ok(Done {
                    value,
                    scalar,
                    origin,
                    alias: true,
                    problems,
                    merge_items: None,
                })
            }
        }
    }

    /// Hands a finished node to its parent; returns it when it is the document's root.
    fn deliver(&mut self, done: Done) -> Option<Value> {
        let Some(frame) = self.stack.last_mut() else {
            self.root_problems = done.problems;
            return Some(done.value);
        };
        let state = match &mut frame.kind {
            Kind::Seq(items) => {
                if let Some(p) = done.problems {
                    frame.seq_problems.push((items.len(), p));
                }
                if let Some(checks) = &mut frame.merge_items {
                    checks.push(MergeItem {
                        mapping: done.origin == Origin::Mapping,
                        error: self.decode_error.take(),
                    });
                }
                items.push(done.value);
                return None;
            }
            Kind::Map { key, .. } => std::mem::replace(key, KeyState::Want),
        };
        match state {
            KeyState::Want => {
                // A key's own problems do not count: a NaN or infinite key becomes a
                // string (`.inf: 1` is the key ".inf").
                let state = self.key_state(&done);
                if let Some(Frame {
                    kind: Kind::Map { key, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    *key = state;
                }
            }
            KeyState::Key(k) => {
                if let Some(Frame {
                    kind: Kind::Map { entries, .. },
                    map_problems,
                    ..
                }) = self.stack.last_mut()
                {
                    match done.problems {
                        Some(p) => {
                            map_problems.entries.insert(k.clone(), p);
                        }
                        None if !map_problems.entries.is_empty() => {
                            map_problems.entries.remove(&k);
                        }
                        None => {}
                    }
                    entries.insert(k, done.value);
                }
            }
            KeyState::Merge => self.merge(done),
            KeyState::Unsupported { type_name, key } => {
                let value = go_sharp_v(&done);
                let message =
                    format!("unsupported map key of type: {type_name}, key: {key}, value: {value}");
                if let Some(frame) = self.stack.last_mut() {
                    frame.map_problems.bad_keys.insert(key, message);
                }
            }
            KeyState::Skip => {}
        }
        None
    }

    /// What a finished key node becomes: sigs.k8s.io/yaml's key conversion.
    fn key_state(&mut self, done: &Done) -> KeyState {
        let Some(scalar) = &done.scalar else {
            if !self.failed() {
                self.decode_fail(format!("invalid map key: {}", go_sharp_v(done)));
            }
            return KeyState::Skip;
        };
        let key = match scalar {
            Scalar::Str(s) => return KeyState::Key(s.clone()),
            Scalar::Int(n) => n.to_string(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Float(f) => match format_float_32(*f).as_str() {
                "+Inf" => ".inf".into(),
                "-Inf" => "-.inf".into(),
                "NaN" => ".nan".into(),
                s => s.to_owned(),
            },
            Scalar::Null => {
                return KeyState::Unsupported {
                    type_name: "%!s(<nil>)",
                    key: "<nil>".into(),
                }
            }
            Scalar::Uint(n) => {
                return KeyState::Unsupported {
                    type_name: "uint64",
                    key: format!("{n:#x}"),
                }
            }
        };
        KeyState::Key(key.into())
    }

    /// `<<`: a mapping, an alias of one, or a sequence of those (earlier ones win).
    fn merge(&mut self, done: Done) {
        let sources: Vec<(Value, Option<Problems>)> = match (done.origin, done.alias) {
            (Origin::Mapping, _) => vec![(done.value, done.problems)],
            (Origin::Sequence, false) => {
                // Last item first: the first that is no mapping, or fails, decides.
                for item in done.merge_items.into_iter().flatten().rev() {
                    if !item.mapping {
                        return self.merge_fail();
                    }
                    if let Some(e) = item.error {
                        self.decode_error = Some(e);
                        return;
                    }
                }
                let items = done
                    .value
                    .as_list()
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                if items.iter().any(|v| v.as_map().is_none()) {
                    return self.merge_fail();
                }
                let mut problems = match done.problems {
                    Some(Problems::Seq(p)) => p,
                    _ => Vec::new(),
                };
                let mut sources = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate().rev() {
                    let p = match problems.last() {
                        Some((j, _)) if *j == i => problems.pop().map(|(_, p)| p),
                        _ => None,
                    };
                    sources.push((item, p));
                }
                sources
            }
            _ => return self.merge_fail(),
        };
        if let Some(Frame {
            kind: Kind::Map { entries, .. },
            map_problems,
            ..
        }) = self.stack.last_mut()
        {
            for (source, problems) in sources {
                let Value::Map(m) = source else { continue };
                let mut problems = match problems {
                    Some(Problems::Map(p)) => p,
                    _ => MapProblems::default(),
                };
                for (k, v) in m.entries() {
                    match problems.entries.remove(&k) {
                        Some(p) => {
                            map_problems.entries.insert(k.clone(), p);
                        }
                        None if !map_problems.entries.is_empty() => {
                            map_problems.entries.remove(&k);
                        }
                        None => {}
                    }
                    entries.insert(k, v);
                }
                map_problems.bad_keys.append(&mut problems.bad_keys);
            }
        }
    }

    fn merge_fail(&mut self) {
        self.decode_fail("map merge requires map or sequence of maps as the value".into());
    }
}

/// go-yaml's allowed share of alias-expanded nodes: 99% for small documents, falling to
/// 10% for very large ones.
fn allowed_alias_ratio(decode_count: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    if decode_count <= LOW {
        0.99
    } else if decode_count >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((decode_count - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`: the shortest digits that identify the
/// `float32` nearest to `f`.
pub(crate) fn format_float_32(f: f64) -> String {
    if !f.is_finite() {
        return format_float(f, 'g', -1);
    }
    let short: f64 = format!("{:e}", f as f32).parse().unwrap_or(f);
    format_float(short, 'g', -1)
}

/// Go's `%#v` of what go-yaml decoded, for error messages.
fn go_sharp_v(done: &Done) -> String {
    match &done.scalar {
        Some(Scalar::Null) => "<nil>".into(),
        Some(Scalar::Bool(b)) => b.to_string(),
        Some(Scalar::Int(n)) => n.to_string(),
        Some(Scalar::Uint(n)) => format!("{n:#x}"),
        Some(Scalar::Float(f)) => format_float(*f, 'g', -1),
        Some(Scalar::Str(s)) => go_quote(s),
        None => sharp_value(&done.value, 0),
    }
}

fn sharp_value(v: &Value, depth: usize) -> String {
    if depth > 100 {
        return "...".into();
    }
    match v {
        Value::Nil => "interface {}(nil)".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(n, _) => n.to_string(),
        Value::Float(f) => format_float(*f, 'g', -1),
        Value::String(s) => go_quote(s),
        Value::Bytes(b) => go_quote(&crate::yaml::go_lossy_utf8(b)),
        Value::List(items) => {
            let inner: Vec<String> = items.iter().map(|i| sharp_value(i, depth + 1)).collect();
            format!("[]interface {{}}{{{}}}", inner.join(", "))
        }
        Value::Map(m) => {
            let inner: Vec<String> = m
                .entries()
                .iter()
                .map(|(k, v)| format!("{}:{}", go_quote(k), sharp_value(v, depth + 1)))
                .collect();
            format!("map[interface {{}}]interface {{}}{{{}}}", inner.join(", "))
        }
        Value::Object(o) => o.type_name().into_owned(),
    }
}
