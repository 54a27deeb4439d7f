//! Glob patterns as `.Files.Glob` reads them: gobwas/glob v0.2.3 with `/` as the
//! separator. `*` is any run of characters but `/`, `**` any run at all, `?` one
//! character but `/`, `[abc]`, `[!abc]`, `[a-z]`, `[!a-z]` one character, `{a,b}`
//! alternatives (nesting allowed), `\` escapes. A pattern gobwas refuses makes Helm fall
//! back to `**`, which matches every file.
//!
//! Those are the meanings for ASCII names only. gobwas does not match the pattern as a
//! whole: it compiles it into a tree of specialised matchers (fixed-length "rows",
//! binary trees split at the longest fixed-length part, prefix/suffix/contains
//! shortcuts, length bounds, ...), and several of them mix up counts of characters and
//! of bytes. With a multi-byte character in the name, a `?` may match one byte of it,
//! `[é]` never matches, a run like `[!ab][!ab]` means "two characters without the
//! substring `ab`", and one pattern (a zero-length alternative such as `a{,}` at the
//! end of a fixed-length run) even makes Go panic on a name it fits. Helm users see
//! exactly those results, so this module rebuilds the same matcher tree and evaluates
//! it with the same byte arithmetic, on raw bytes so that a part may start or end
//! inside a character as it does in Go.
//!
//! Evaluation memoises the binary-tree nodes per substring of the name, so a pattern
//! with many `*` stays polynomial where Go's search is exponential.

use std::collections::HashMap;

/// The separator Helm passes to gobwas.
const SEP: char = '/';

/// A compiled `.Files.Glob` pattern.
#[derive(Debug, Clone)]
pub struct Glob {
    /// `None` when gobwas refused the pattern: Helm then matches with `**`.
    tree: Option<Tree>,
}

impl Glob {
    /// Compiles `pattern`; a pattern gobwas/glob would refuse matches everything, as in
    /// Helm.
    ///
    /// ```
    /// use helmcore::render::Glob;
    /// let g = Glob::new("files/*.{conf,cfg}");
    /// assert!(g.matches("files/a.conf"));
    /// assert!(!g.matches("files/x/a.conf"));
    /// assert!(Glob::new("files/**").matches("files/x/a.conf"));
    /// assert!(Glob::new("[z-a]").matches("anything/at/all")); // refused: Helm uses `**`
    /// ```
    pub fn new(pattern: &str) -> Glob {
        Glob {
            tree: parse(pattern).and_then(|ast| Tree::compile(&ast)),
        }
    }

    /// Whether `name` matches; a name on which Go would panic counts as not matching
    /// (see [`Glob::try_matches`]).
    pub fn matches(&self, name: &str) -> bool {
        self.try_matches(name).unwrap_or(false)
    }

    /// Whether `name` matches, or the message of the Go runtime panic gobwas raises on
    /// it (Helm's template then fails with `error calling Glob: MESSAGE`).
    pub fn try_matches(&self, name: &str) -> Result<bool, String> {
        let Some(tree) = &self.tree else {
            return Ok(true);
        };
        let mut ev = Eval {
            ms: &tree.ms,
            s: name.as_bytes(),
            memo: HashMap::new(),
        };
        ev.is_match(tree.root, 0, name.len()).map_err(|p| {
            format!(
                "runtime error: slice bounds out of range [:{}] with length {}",
                p.hi, p.len
            )
        })
    }
}

// ---------------------------------------------------------------------------------------
// Syntax

/// What gobwas's lexer yields.
enum Token {
    Text(String),
    Any,
    Super,
    Single,
    /// `[...]`: negated, then either a character list or a range.
    Class {
        not: bool,
        chars: String,
        range: Option<(char, char)>,
    },
    Open,
    Comma,
    Close,
}

/// gobwas/glob's lexer: text runs (with `\` escapes) broken by the special characters;
/// `,` and `}` are special only inside braces.
fn lex(p: &str) -> Option<Vec<Token>> {
    // gobwas reads U+FFFD as a decoding error, wherever it stands.
    if p.contains(char::REPLACEMENT_CHARACTER) {
        return None;
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => {
                depth += 1;
                out.push(Token::Open);
                i += 1;
            }
            ',' if depth > 0 => {
                out.push(Token::Comma);
                i += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                out.push(Token::Close);
                i += 1;
            }
            '[' => {
                let (tok, next) = lex_class(&chars, i + 1)?;
                out.push(tok);
                i = next;
            }
            '?' => {
                out.push(Token::Single);
                i += 1;
            }
            '*' => {
                if chars.get(i + 1) == Some(&'*') {
                    out.push(Token::Super);
                    i += 2;
                } else {
                    out.push(Token::Any);
                    i += 1;
                }
            }
            _ => {
                let breakers: &[char] = if depth > 0 {
                    &['?', '*', '[', '{', '}', ',']
                } else {
                    &['?', '*', '[', '{']
                };
                let (text, next) = lex_text(&chars, i, breakers);
                if !text.is_empty() {
                    out.push(Token::Text(text));
                }
                i = next;
            }
        }
    }
    Some(out)
}

fn lex_text(chars: &[char], mut i: usize, breakers: &[char]) -> (String, usize) {
    let mut text = String::new();
    let mut escaped = false;
    while i < chars.len() {
        let c = chars[i];
        if !escaped {
            if c == '\\' {
                escaped = true;
                i += 1;
                continue;
            }
            if breakers.contains(&c) {
                break;
            }
        }
        escaped = false;
        text.push(c);
        i += 1;
    }
    (text, i)
}

/// The inside of `[...]`, from after the `[`. gobwas accepts `[!]`-negation, then either
/// one `lo-hi` range or a list of characters, then `]`.
fn lex_class(chars: &[char], mut i: usize) -> Option<(Token, usize)> {
    let mut not = false;
    let mut range = None;
    let mut list = String::new();
    let mut seen_not = false;
    loop {
        let c = *chars.get(i)?;
        if !seen_not && c == '!' {
            not = true;
            seen_not = true;
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'-') {
            let hi = *chars.get(i + 2)?;
            if chars.get(i + 3) != Some(&']') || hi < c || c == '\0' || hi == '\0' {
                return None;
            }
            range = Some((c, hi));
            i += 4;
            break;
        }
        let (text, next) = lex_text(chars, i, &[']']);
        list = text;
        if chars.get(next) != Some(&']') {
            return None;
        }
        i = next + 1;
        break;
    }
    if range.is_none() && list.is_empty() {
        return None;
    }
    Some((
        Token::Class {
            not,
            chars: list,
            range,
        },
        i,
    ))
}

/// gobwas's syntax tree. Equality is structural, as gobwas compares nodes when it
/// factors alternatives.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Nothing,
    Pattern(Vec<Node>),
    AnyOf(Vec<Node>),
    Text(String),
    Any,
    Super,
    Single,
    List { chars: Vec<char>, not: bool },
    Range { lo: char, hi: char, not: bool },
}

/// The pattern's tree, or `None` when gobwas refuses it. An unclosed `{` simply ends
/// with the pattern.
fn parse(pattern: &str) -> Option<Node> {
    // A stack of open patterns; each `{` adds an alternatives level holding its
    // finished alternatives.
    let mut stack: Vec<(Vec<Node>, Vec<Node>)> = vec![(Vec::new(), Vec::new())];
    for t in lex(pattern)? {
        let node = match t {
            Token::Text(s) => Node::Text(s),
            Token::Any => Node::Any,
            Token::Super => Node::Super,
            Token::Single => Node::Single,
            Token::Class { not, chars, range } => match range {
                Some((lo, hi)) => Node::Range { lo, hi, not },
                None => Node::List {
                    chars: chars.chars().collect(),
                    not,
                },
            },
            Token::Open => {
                stack.push((Vec::new(), Vec::new()));
                continue;
            }
            Token::Comma => {
                if let Some((alts, cur)) = stack.last_mut() {
                    alts.push(Node::Pattern(std::mem::take(cur)));
                }
                continue;
            }
            Token::Close => {
                close_level(&mut stack);
                continue;
            }
        };
        if let Some((_, cur)) = stack.last_mut() {
            cur.push(node);
        }
    }
    while stack.len() > 1 {
        close_level(&mut stack);
    }
    stack.pop().map(|(_, cur)| Node::Pattern(cur))
}

fn close_level(stack: &mut Vec<(Vec<Node>, Vec<Node>)>) {
    if stack.len() < 2 {
        return;
    }
    if let Some((mut alts, cur)) = stack.pop() {
        alts.push(Node::Pattern(cur));
        if let Some((_, outer)) = stack.last_mut() {
            outer.push(Node::AnyOf(alts));
        }
    }
}

/// gobwas factors out the leading and trailing parts all alternatives share
/// (`{ab,ac}` → `a{b,c}`); `None` when there are none. Its scan is reproduced with its
/// particular stopping rules, since the factoring changes which matchers are built.
fn factor_alternatives(alts: &[Node]) -> Option<Node> {
    let children: Vec<&Vec<Node>> = alts
        .iter()
        .map(|a| match a {
            Node::Pattern(c) => Some(c),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (left, right) = common_parts(&children);
    if left.is_empty() && right.is_empty() {
        return None;
    }
    let mut result = Vec::new();
    if !left.is_empty() {
        result.push(Node::Pattern(left.to_vec()));
    }
    let mut rest: Vec<Node> = Vec::new();
    for c in &children {
        let end = c.len().checked_sub(right.len())?;
        let middle = c.get(left.len()..end)?;
        let node = if middle.is_empty() {
            Node::Nothing
        } else {
            Node::Pattern(middle.to_vec())
        };
        if !rest.contains(&node) {
            rest.push(node);
        }
    }
    if rest.len() == 1 {
        if rest[0] != Node::Nothing {
            result.extend(rest);
        }
    } else if rest.len() > 1 {
        result.push(Node::AnyOf(rest));
    }
    if !right.is_empty() {
        result.push(Node::Pattern(right.to_vec()));
    }
    Some(Node::Pattern(result))
}

/// The shared leading and trailing children, compared against the first alternative
/// with the fewest children.
fn common_parts<'a>(alts: &[&'a Vec<Node>]) -> (&'a [Node], &'a [Node]) {
    if alts.len() <= 1 {
        return (&[], &[]);
    }
    let mut idx = 0;
    for (i, a) in alts.iter().enumerate() {
        if a.len() < alts[idx].len() {
            idx = i;
        }
    }
    let base = alts[idx];
    let n = base.len();
    let (mut left, mut right_from) = (0usize, n);
    let (mut stop_left, mut stop_right) = (false, false);
    let mut total = 0;
    let mut i = 0;
    while total < n && i < n && !(stop_left && stop_right) {
        let j = n - 1 - i;
        for (k, other) in alts.iter().enumerate() {
            if stop_left && stop_right {
                break;
            }
            if k == idx {
                continue;
            }
            stop_left = stop_left || base[i] != other[i];
            // The right side stops where it would meet a left part still shared.
            stop_right = stop_right || (!stop_left && j <= i);
            stop_right = stop_right || base[j] != other[j + other.len() - n];
        }
        if !stop_left {
            total += 1;
            left += 1;
        }
        if !stop_right {
            total += 1;
            right_from = j;
        }
        i += 1;
    }
    (&base[..left], &base[right_from..])
}

// ---------------------------------------------------------------------------------------
// Matchers

/// An index into [`Tree::ms`].
type Id = usize;

/// gobwas's matchers. Lengths are in characters, as gobwas counts them, even where
/// they are later used as byte counts.
#[derive(Debug, Clone)]
enum M {
    Nothing,
    Super,
    /// `*`: no separator.
    Any,
    /// `?`: one character, not the separator.
    Single,
    List {
        chars: Vec<char>,
        not: bool,
    },
    Range {
        lo: char,
        hi: char,
        not: bool,
    },
    Text(String),
    Prefix(String),
    Suffix(String),
    PrefixSuffix(String, String),
    /// A prefix, then no separator.
    PrefixAny(String),
    /// No separator, then a suffix.
    SuffixAny(String),
    Contains {
        needle: String,
        not: bool,
    },
    /// At least this many characters.
    Min(usize),
    /// At most this many characters.
    Max(usize),
    /// Fixed-length parts one after another, `len` characters in all.
    Row {
        parts: Vec<Id>,
        len: usize,
    },
    AnyOf(Vec<Id>),
    EveryOf(Vec<Id>),
    /// `value` found somewhere, `left` matching what is before, `right` what is after.
    /// The lengths are those of the parts when the tree was built (`-1`: not fixed).
    BTree {
        value: Id,
        left: Option<Id>,
        right: Option<Id>,
        llen: isize,
        rlen: isize,
        len: isize,
    },
}

/// A compiled pattern: matchers in an arena, and the one to run.
#[derive(Debug, Clone)]
struct Tree {
    ms: Vec<M>,
    root: Id,
}

/// The length gobwas reports for a matcher: characters, or -1 when not fixed.
fn len_of(ms: &[M], id: Id) -> isize {
    match &ms[id] {
        M::Nothing => 0,
        M::Single | M::List { .. } | M::Range { .. } => 1,
        M::Text(s) => s.chars().count() as isize,
        M::Row { len, .. } => *len as isize,
        M::BTree { len, .. } => *len,
        // gobwas's alternatives take the first fixed length they meet after any
        // unfixed ones, so `{*,ab}` counts as two characters.
        M::AnyOf(parts) => {
            let mut l = -1;
            for &m in parts {
                let ml = len_of(ms, m);
                if l == -1 {
                    l = ml;
                } else if ml == -1 || ml != l {
                    return -1;
                }
            }
            l
        }
        M::EveryOf(parts) if parts.is_empty() => 0,
        _ => -1,
    }
}

/// How a run of matchers can be merged into one.
enum Glue {
    /// Only `*`, `**`, `?` and negated classes sharing one separator set.
    Every { sep: Vec<char> },
    /// Only fixed-length matchers.
    Row { len: usize },
}

impl Tree {
    fn compile(ast: &Node) -> Option<Tree> {
        let mut t = Tree {
            ms: Vec::new(),
            root: 0,
        };
        t.root = t.compile_node(ast)?;
        Some(t)
    }

    fn push(&mut self, m: M) -> Id {
        self.ms.push(m);
        self.ms.len() - 1
    }

    fn len(&self, id: Id) -> isize {
        len_of(&self.ms, id)
    }

    fn compile_node(&mut self, node: &Node) -> Option<Id> {
        let m = match node {
            Node::AnyOf(alts) => {
                if let Some(n) = factor_alternatives(alts) {
                    return self.compile_node(&n);
                }
                let ms = self.compile_children(alts)?;
                // Not simplified here: only as a part of a pattern.
                return Some(self.push(M::AnyOf(ms)));
            }
            Node::Pattern(children) if children.is_empty() => self.push(M::Nothing),
            Node::Pattern(children) => {
                let ms = self.compile_children(children)?;
                let ms = self.merge_runs(ms);
                self.build(&ms)?
            }
            Node::Nothing => self.push(M::Nothing),
            Node::Any => self.push(M::Any),
            Node::Super => self.push(M::Super),
            Node::Single => self.push(M::Single),
            Node::Text(s) => self.push(M::Text(s.clone())),
            Node::List { chars, not } => self.push(M::List {
                chars: chars.clone(),
                not: *not,
            }),
            Node::Range { lo, hi, not } => self.push(M::Range {
                lo: *lo,
                hi: *hi,
                not: *not,
            }),
        };
        Some(self.simplify(m))
    }

    fn compile_children(&mut self, nodes: &[Node]) -> Option<Vec<Id>> {
        nodes
            .iter()
            .map(|n| self.compile_node(n).map(|m| self.simplify(m)))
            .collect()
    }

    /// gobwas's peephole rewrites: a one-character list is text, a single alternative is
    /// itself, and a tree around a text with `**`, `*`, a prefix or a suffix beside it
    /// becomes a prefix/suffix/contains test.
    fn simplify(&mut self, id: Id) -> Id {
        match self.ms[id].clone() {
            M::List { chars, not: false } if chars.len() == 1 => {
                self.push(M::Text(chars.iter().collect()))
            }
            M::AnyOf(ms) if ms.len() == 1 => ms[0],
            mut rebuilt @ M::BTree { .. } => {
                let M::BTree {
                    value, left, right, ..
                } = &mut rebuilt
                else {
                    return id;
                };
                *left = left.map(|l| self.simplify(l));
                *right = right.map(|r| self.simplify(r));
                let (value, left, right) = (*value, *left, *right);
                let M::Text(text) = self.ms[value].clone() else {
                    return self.push(rebuilt);
                };
                let l = left.map(|l| self.ms[l].clone());
                let r = right.map(|r| self.ms[r].clone());
                let m = match (l, r) {
                    (None, None) => M::Text(text),
                    (Some(M::Super), Some(M::Super)) => M::Contains {
                        needle: text,
                        not: false,
                    },
                    (Some(M::Super), None) => M::Suffix(text),
                    (None, Some(M::Super)) => M::Prefix(text),
                    (None, Some(M::Suffix(s))) => M::PrefixSuffix(text, s),
                    (Some(M::Prefix(p)), None) => M::PrefixSuffix(p, text),
                    (Some(M::Any), None) => M::SuffixAny(text),
                    (None, Some(M::Any)) => M::PrefixAny(text),
                    _ => rebuilt,
                };
                self.push(m)
            }
            _ => id,
        }
    }

    /// What a run of matchers would merge into, trying "every" before "row" as gobwas
    /// does.
    fn glue_kind(&self, run: &[Id]) -> Option<Glue> {
        if run.len() < 2 {
            return None;
        }
        let first = self.every_sep(run[0]);
        if let Some(sep) = &first {
            if run.iter().all(|&m| self.every_sep(m).as_ref() == Some(sep)) {
                return Some(Glue::Every { sep: sep.clone() });
            }
        }
        let mut len = 0;
        for &m in run {
            len += usize::try_from(self.len(m)).ok()?;
        }
        Some(Glue::Row { len })
    }

    /// The separators a matcher excludes, for those an "every" merge accepts.
    fn every_sep(&self, id: Id) -> Option<Vec<char>> {
        match &self.ms[id] {
            M::Super => Some(Vec::new()),
            M::Any | M::Single => Some(vec![SEP]),
            M::List { chars, not: true } => Some(chars.clone()),
            _ => None,
        }
    }

    fn glue(&mut self, run: &[Id]) -> Option<Id> {
        let m = match self.glue_kind(run)? {
            Glue::Row { len } => M::Row {
                parts: run.to_vec(),
                len,
            },
            Glue::Every { sep } => {
                let kinds: Vec<&M> = run.iter().map(|&m| &self.ms[m]).collect();
                let has_super = kinds.iter().any(|m| matches!(m, M::Super));
                let has_any = kinds.iter().any(|m| matches!(m, M::Any));
                let min = kinds
                    .iter()
                    .filter(|m| matches!(m, M::Single | M::List { .. }))
                    .count();
                if has_super && !has_any && min == 0 {
                    M::Super
                } else if has_any && !has_super && min == 0 {
                    M::Any
                } else if (has_any || has_super) && min > 0 && sep.is_empty() {
                    M::Min(min)
                } else {
                    let mut every = Vec::new();
                    if min > 0 {
                        every.push(self.push(M::Min(min)));
                        if !has_any && !has_super {
                            every.push(self.push(M::Max(min)));
                        }
                    }
                    if !sep.is_empty() {
                        // gobwas tests the separator list as one substring.
                        every.push(self.push(M::Contains {
                            needle: sep.iter().collect(),
                            not: true,
                        }));
                    }
                    M::EveryOf(every)
                }
            }
        };
        Some(self.push(m))
    }

    /// gobwas's repeated merging of runs of a pattern's matchers. Each round it scans
    /// every start and, for each, the longest mergeable run from there (shorter ones
    /// never win), keeping the first found unless a later one has more matchers, or
    /// both are rows and the later one is longer.
    fn merge_runs(&mut self, mut ms: Vec<Id>) -> Vec<Id> {
        loop {
            let n = ms.len();
            if n < 2 {
                return ms;
            }
            // Where the "every" and the "row" run starting at each index end.
            let mut every_end = vec![0; n + 1];
            let mut row_end = vec![0; n + 1];
            every_end[n] = n;
            row_end[n] = n;
            for l in (0..n).rev() {
                let sep = self.every_sep(ms[l]);
                every_end[l] = if sep.is_none() {
                    l
                } else if l + 1 < n && self.every_sep(ms[l + 1]) == sep {
                    every_end[l + 1]
                } else {
                    l + 1
                };
                row_end[l] = if self.len(ms[l]) == -1 {
                    l
                } else {
                    row_end[l + 1].max(l + 1)
                };
            }
            let mut best: Option<(usize, usize, isize)> = None;
            for l in 0..n {
                let r = every_end[l].max(row_end[l]);
                if r < l + 2 {
                    continue;
                }
                let glued_len = if r <= every_end[l] {
                    -1
                } else {
                    ms[l..r].iter().map(|&m| self.len(m)).sum()
                };
                let take = match best {
                    None => true,
                    Some((bl, br, blen)) => {
                        (blen > -1 && glued_len > -1 && glued_len > blen) || br - bl < r - l
                    }
                };
                if take {
                    best = Some((l, r, glued_len));
                }
            }
            let Some((l, r, _)) = best else {
                return ms;
            };
            let Some(g) = self.glue(&ms[l..r]) else {
                return ms;
            };
            ms.splice(l..r, [g]);
        }
    }

    /// gobwas's tree over a pattern's (merged) matchers: split at the last of the
    /// longest fixed-length ones, or at the first when none is fixed.
    fn build(&mut self, ms: &[Id]) -> Option<Id> {
        match ms {
            [] => None,
            [m] => Some(*m),
            _ => {
                if let Some(g) = self.glue(ms) {
                    return Some(g);
                }
                let mut pick: Option<(usize, isize)> = None;
                for (i, &m) in ms.iter().enumerate() {
                    let l = self.len(m);
                    if l != -1 && pick.is_none_or(|(_, best)| l >= best) {
                        pick = Some((i, l));
                    }
                }
                let (value, left, right) = match pick {
                    None => (ms[0], None, Some(self.build(&ms[1..])?)),
                    Some((i, _)) => {
                        let left = if i > 0 {
                            Some(self.build(&ms[..i])?)
                        } else {
                            None
                        };
                        let right = if i + 1 < ms.len() {
                            Some(self.build(&ms[i + 1..])?)
                        } else {
                            None
                        };
                        (ms[i], left, right)
                    }
                };
                let vlen = self.len(value);
                let llen = left.map_or(0, |l| self.len(l));
                let rlen = right.map_or(0, |r| self.len(r));
                let len = if vlen == -1 || llen == -1 || rlen == -1 {
                    -1
                } else {
                    vlen + llen + rlen
                };
                Some(self.push(M::BTree {
                    value,
                    left,
                    right,
                    llen,
                    rlen,
                    len,
                }))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Evaluation, on bytes: gobwas slices names by byte offsets computed from character
// counts, so a matcher may see part of a character.

/// Go's `slice bounds out of range [:hi] with length len`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Panic {
    hi: usize,
    len: usize,
}

/// One name being matched. Inputs are byte ranges of the name.
struct Eval<'a> {
    ms: &'a [M],
    s: &'a [u8],
    memo: HashMap<(Id, usize, usize), Result<bool, Panic>>,
}

/// A matcher's search result: where its match starts (relative to the input) and the
/// byte lengths it could have there, as gobwas lists them.
type Found = Option<(usize, Vec<usize>)>;

/// Go's `utf8.DecodeRune`, the rune as a number.
fn decode(b: &[u8]) -> (u32, usize) {
    let (c, n) = crate::gofmt::decode_rune(b);
    (c as u32, n)
}

/// Go's `for i, r := range s`: (offset, rune).
fn runes(b: &[u8]) -> impl Iterator<Item = (usize, u32)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let (r, w) = decode(&b[i..]);
        let at = i;
        i += w;
        Some((at, r))
    })
}

/// Go's `utf8.RuneLen`, which is 3 for the U+FFFD an invalid byte decodes to.
fn rune_len(r: u32) -> usize {
    match r {
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0x800..=0xFFFF => 3,
        _ => 4,
    }
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    s.windows(needle.len()).position(|w| w == needle)
}

fn rfind(s: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(s.len());
    }
    s.windows(needle.len()).rposition(|w| w == needle)
}

fn sep_at(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == SEP as u8)
}

/// A single-character test on a whole input: gobwas decodes one character and refuses
/// longer inputs, so an empty input is tested as U+FFFD.
fn one_char(s: &[u8]) -> Option<u32> {
    let (r, w) = decode(s);
    (s.len() <= w).then_some(r)
}

fn in_list(chars: &[char], r: u32) -> bool {
    chars.iter().any(|&c| c as u32 == r)
}

/// gobwas's merge of two sorted segment lists, also as it behaves on unsorted ones.
fn merge_segments(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut x, mut y) = (0, 0);
    loop {
        match (a.get(x), b.get(y)) {
            (None, None) => break,
            (None, Some(_)) => {
                out.extend_from_slice(&b[y..]);
                break;
            }
            (Some(_), None) => {
                out.extend_from_slice(&a[x..]);
                break;
            }
            (Some(&p), Some(&q)) => {
                if p <= q {
                    out.push(p);
                    x += 1;
                }
                if q <= p {
                    if p != q {
                        out.push(q);
                    }
                    y += 1;
                }
            }
        }
    }
    out
}

impl Eval<'_> {
    fn len(&self, id: Id) -> isize {
        len_of(self.ms, id)
    }

    /// `Match` of matcher `id` on `s[a..b]`.
    fn is_match(&mut self, id: Id, a: usize, b: usize) -> Result<bool, Panic> {
        let (ms, full) = (self.ms, self.s);
        let s = &full[a..b];
        Ok(match &ms[id] {
            M::Nothing => s.is_empty(),
            M::Super => true,
            M::Any => sep_at(s).is_none(),
            M::Single => one_char(s).is_some_and(|r| r != SEP as u32),
            M::List { chars, not } => one_char(s).is_some_and(|r| in_list(chars, r) != *not),
            M::Range { lo, hi, not } => {
                one_char(s).is_some_and(|r| (*lo as u32 <= r && r <= *hi as u32) != *not)
            }
            M::Text(t) => s == t.as_bytes(),
            M::Prefix(p) => s.starts_with(p.as_bytes()),
            M::Suffix(x) => s.ends_with(x.as_bytes()),
            M::PrefixSuffix(p, x) => s.starts_with(p.as_bytes()) && s.ends_with(x.as_bytes()),
            M::PrefixAny(p) => s.starts_with(p.as_bytes()) && sep_at(&s[p.len()..]).is_none(),
            M::SuffixAny(x) => {
                s.ends_with(x.as_bytes()) && sep_at(&s[..s.len() - x.len()]).is_none()
            }
            M::Contains { needle, not } => find(s, needle.as_bytes()).is_some() != *not,
            // gobwas counts to the limit, so `Min(0)` refuses an empty input.
            M::Min(n) => runes(s).take((*n).max(1)).count() >= (*n).max(1),
            M::Max(n) => runes(s).nth(*n).is_none(),
            M::Row { parts, len } => {
                runes(s).take(len + 1).count() == *len && self.row_prefix(parts, a, b)?
            }
            M::AnyOf(parts) => {
                for &p in parts {
                    if self.is_match(p, a, b)? {
                        return Ok(true);
                    }
                }
                false
            }
            M::EveryOf(parts) => {
                for &p in parts {
                    if !self.is_match(p, a, b)? {
                        return Ok(false);
                    }
                }
                true
            }
            M::BTree { .. } => {
                if let Some(r) = self.memo.get(&(id, a, b)) {
                    return *r;
                }
                let r = self.btree_match(id, a, b);
                self.memo.insert((id, a, b), r);
                r?
            }
        })
    }

    /// gobwas's row test from the start of `s[a..b]`: each part gets as many characters
    /// as its length, except that the last of them is cut to its first byte.
    fn row_prefix(&mut self, parts: &[Id], a: usize, b: usize) -> Result<bool, Panic> {
        let total = b - a;
        let mut idx = 0;
        for &p in parts {
            let want = usize::try_from(self.len(p)).unwrap_or(0);
            let (mut count, mut last) = (0, 0);
            for (i, _) in runes(&self.s[a + idx..b]) {
                last = i;
                count += 1;
                if count == want {
                    break;
                }
            }
            if count < want {
                return Ok(false);
            }
            let hi = idx + last + 1;
            if hi > total {
                return Err(Panic { hi, len: total });
            }
            if !self.is_match(p, a + idx, a + hi)? {
                return Ok(false);
            }
            idx = hi;
        }
        Ok(true)
    }

    fn btree_match(&mut self, id: Id, a: usize, b: usize) -> Result<bool, Panic> {
        let M::BTree {
            value,
            left,
            right,
            llen,
            rlen,
            len,
        } = self.ms[id]
        else {
            return Ok(false);
        };
        let n = b - a;
        // Character counts compared with and subtracted from byte counts, as gobwas
        // does.
        if len != -1 && len > n as isize {
            return Ok(false);
        }
        let mut offset = usize::try_from(llen).unwrap_or(0);
        let limit = if rlen >= 0 {
            n as isize - rlen
        } else {
            n as isize
        };
        while (offset as isize) < limit {
            let lim = limit as usize;
            let Some((index, segments)) = self.index(value, a + offset, a + lim)? else {
                return Ok(false);
            };
            let at = offset + index;
            let left_ok = match left {
                Some(l) => self.is_match(l, a, a + at)?,
                None => at == 0,
            };
            if left_ok {
                for &seg in segments.iter().rev() {
                    let from = if n <= at + seg { b } else { a + at + seg };
                    let right_ok = match right {
                        Some(r) => self.is_match(r, from, b)?,
                        None => from == b,
                    };
                    if right_ok {
                        return Ok(true);
                    }
                }
            }
            let (_, step) = decode(&self.s[a + at..b]);
            offset = at + step;
        }
        Ok(false)
    }

    /// `Index` of matcher `id` on `s[a..b]`: gobwas's search for the first place it
    /// matches, with the candidate lengths there.
    fn index(&mut self, id: Id, a: usize, b: usize) -> Result<Found, Panic> {
        let (ms, full) = (self.ms, self.s);
        let s = &full[a..b];
        // Each character start, then the end.
        let starts = |t: &[u8], base: usize| -> Vec<usize> {
            runes(t)
                .map(|(i, _)| base + i)
                .chain(std::iter::once(base + t.len()))
                .collect()
        };
        // The end of each character (by Go's rune length) after a fixed part.
        let ends_after = |t: &[u8], base: usize| -> Vec<usize> {
            std::iter::once(base)
                .chain(runes(t).map(|(i, r)| base + i + rune_len(r)))
                .collect()
        };
        let first_char = |ok: &dyn Fn(u32) -> bool| -> Found {
            runes(s)
                .find(|&(_, r)| ok(r))
                .map(|(i, r)| (i, vec![rune_len(r)]))
        };
        Ok(match &ms[id] {
            M::Nothing => Some((0, vec![0])),
            M::Super => Some((0, starts(s, 0))),
            M::Any => match sep_at(s) {
                Some(0) => Some((0, vec![0])),
                Some(k) => Some((0, starts(&s[..k], 0))),
                None => Some((0, starts(s, 0))),
            },
            M::Single => first_char(&|r| r != SEP as u32),
            M::List { chars, not } => first_char(&|r| in_list(chars, r) != *not),
            M::Range { lo, hi, not } => {
                first_char(&|r| (*lo as u32 <= r && r <= *hi as u32) != *not)
            }
            M::Text(t) => find(s, t.as_bytes()).map(|i| (i, vec![t.len()])),
            M::Prefix(p) => find(s, p.as_bytes()).map(|i| {
                let n = p.len();
                (i, ends_after(&s[i + n..], n))
            }),
            M::PrefixAny(p) => find(s, p.as_bytes()).map(|i| {
                let n = p.len();
                let sub = &s[i + n..];
                let sub = &sub[..sep_at(sub).unwrap_or(sub.len())];
                (i, ends_after(sub, n))
            }),
            M::PrefixSuffix(p, x) => match find(s, p.as_bytes()) {
                None => None,
                Some(pi) if x.is_empty() => Some((pi, vec![s.len() - pi])),
                Some(pi) if s.len() <= pi => None,
                Some(pi) => {
                    let mut segs = Vec::new();
                    let mut sub = &s[pi..];
                    while let Some(k) = rfind(sub, x.as_bytes()) {
                        segs.push(k + x.len());
                        sub = &sub[..k];
                    }
                    segs.reverse();
                    (!segs.is_empty()).then_some((pi, segs))
                }
            },
            M::Suffix(x) => find(s, x.as_bytes()).map(|i| (0, vec![i + x.len()])),
            M::SuffixAny(x) => find(s, x.as_bytes()).map(|i| {
                let from = s[..i]
                    .iter()
                    .rposition(|&c| c == SEP as u8)
                    .map_or(0, |k| k + 1);
                (from, vec![i + x.len() - from])
            }),
            M::Contains { needle, not } => {
                let at = find(s, needle.as_bytes());
                if !*not {
                    match at {
                        None => None,
                        Some(i) => {
                            let offset = i + needle.len();
                            if s.len() <= offset {
                                Some((0, vec![offset]))
                            } else {
                                Some((0, starts(&s[offset..], offset)))
                            }
                        }
                    }
                } else {
                    let t = &s[..at.unwrap_or(s.len())];
                    Some((0, starts(t, 0)))
                }
            }
            M::Min(n) => {
                // gobwas first compares the limit with the byte length.
                if s.len() < *n {
                    None
                } else {
                    let segs: Vec<usize> = runes(s)
                        .enumerate()
                        .filter(|&(k, _)| k + 1 >= *n)
                        .map(|(_, (i, r))| i + rune_len(r))
                        .collect();
                    (!segs.is_empty()).then_some((0, segs))
                }
            }
            M::Max(n) => {
                let segs = std::iter::once(0)
                    .chain(runes(s).take(*n).map(|(i, r)| i + rune_len(r)))
                    .collect();
                Some((0, segs))
            }
            M::Row { parts, len } => {
                for (i, _) in runes(s) {
                    if s.len() - i < *len {
                        break;
                    }
                    if self.row_prefix(parts, a + i, b)? {
                        // The length is the character count, used as bytes.
                        return Ok(Some((i, vec![*len])));
                    }
                }
                None
            }
            M::AnyOf(parts) => {
                let mut best: Found = None;
                for &p in parts {
                    let Some((i, segs)) = self.index(p, a, b)? else {
                        continue;
                    };
                    best = match best {
                        Some((bi, bsegs)) if bi < i => Some((bi, bsegs)),
                        Some((bi, bsegs)) if bi == i => Some((bi, merge_segments(&bsegs, &segs))),
                        _ => Some((i, segs)),
                    };
                }
                best
            }
            M::EveryOf(parts) => {
                let mut index = 0;
                let mut current: Vec<usize> = Vec::new();
                for (k, &p) in parts.iter().enumerate() {
                    let Some((i, segs)) = self.index(p, a + index, b)? else {
                        return Ok(None);
                    };
                    if k > 0 {
                        // Keep the ends both agree on, as offsets from the new start.
                        let next: Vec<usize> = current
                            .iter()
                            .flat_map(|&ex| segs.iter().filter(move |&&n| ex == n + i))
                            .copied()
                            .collect();
                        if next.is_empty() {
                            return Ok(None);
                        }
                        current = next;
                    } else {
                        current = segs;
                    }
                    index += i;
                }
                Some((index, current))
            }
            // gobwas never implemented a tree's search: it finds nothing.
            M::BTree { .. } => None,
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    // Which of these names helm4's `.Files.Glob PATTERN` returned (probed with a chart
    // holding exactly these files).
    #[test]
    fn matches_as_gobwas_does() {
        let names = [
            "a.txt",
            "b.conf",
            "files/a.conf",
            "files/x/b.conf",
            "files/c.cfg",
            "[x].txt",
            "f?.txt",
        ];
        let pick = |p: &str| -> Vec<&str> {
            let g = Glob::new(p);
            names.iter().copied().filter(|n| g.matches(n)).collect()
        };
        assert_eq!(pick("*.txt"), ["a.txt", "[x].txt", "f?.txt"]);
        assert_eq!(pick("files/*"), ["files/a.conf", "files/c.cfg"]);
        assert_eq!(
            pick("files/**"),
            ["files/a.conf", "files/x/b.conf", "files/c.cfg"]
        );
        assert_eq!(
            pick("**.conf"),
            ["b.conf", "files/a.conf", "files/x/b.conf"]
        );
        assert_eq!(pick("files/*.{conf,cfg}"), ["files/a.conf", "files/c.cfg"]);
        assert_eq!(pick("[ab].*"), ["a.txt", "b.conf"]);
        assert_eq!(pick("[!ab].*"), Vec::<&str>::new());
        assert_eq!(pick("[!ab]*"), ["[x].txt", "f?.txt"]);
        assert_eq!(pick("{a.txt,b"), ["a.txt"]);
        assert_eq!(pick("[ab-c]*"), ["a.txt", "b.conf"]);
        assert_eq!(
            pick("{*.txt,files/{a,c}.*}"),
            ["a.txt", "files/a.conf", "files/c.cfg", "[x].txt", "f?.txt"]
        );
        assert_eq!(pick("[a-b]*"), ["a.txt", "b.conf"]);
        assert_eq!(pick("\\[x\\].txt"), ["[x].txt"]);
        assert_eq!(pick("f\\?.txt"), ["f?.txt"]);
        assert_eq!(pick("?.txt"), ["a.txt"]);
        assert_eq!(pick("nothing"), Vec::<&str>::new());
        // Refused patterns fall back to `**`.
        assert_eq!(pick("[").len(), names.len());
        assert_eq!(pick("[]").len(), names.len());
        assert_eq!(pick("[b-a]").len(), names.len());
    }

    // What helm4 and helm3 returned for a chart holding exactly these files:
    // multi-byte characters meet gobwas's mix of character and byte counts.
    #[test]
    fn matches_multibyte_names_as_gobwas_does() {
        let names = [
            "a", "a.txt", "é.txt", "éa.txt", "aé.txt", "日.txt", "ab", "ba", "aa", "cd", "xy",
            "é日", "é/a",
        ];
        let pick = |p: &str| -> Vec<&str> {
            let g = Glob::new(p);
            names.iter().copied().filter(|n| g.matches(n)).collect()
        };
        let none = Vec::<&str>::new();
        assert_eq!(pick("?.txt"), ["a.txt"]);
        assert_eq!(pick("??.txt"), none);
        assert_eq!(pick("[é].txt"), none);
        assert_eq!(pick("?a.txt"), none);
        assert_eq!(pick("é?.txt"), none);
        assert_eq!(pick("?é.txt"), ["aé.txt"]);
        assert_eq!(pick("é.txt"), ["é.txt"]);
        assert_eq!(pick("*é"), none);
        assert_eq!(pick("*é*"), ["é.txt", "éa.txt", "aé.txt", "é日"]);
        assert_eq!(pick("??"), ["ab", "ba", "aa", "cd", "xy", "é日"]);
        assert_eq!(
            pick("{?,??}.txt"),
            ["a.txt", "é.txt", "éa.txt", "aé.txt", "日.txt"]
        );
        assert_eq!(pick("[!日].txt"), ["a.txt"]);
        assert_eq!(pick("*/?"), ["é/a"]);
        // A run of negated classes tests its excluded characters as one substring.
        assert_eq!(pick("[!ab][!ab]"), ["ba", "aa", "cd", "xy", "é日"]);
        assert_eq!(
            pick("[!ab]*[!ab]"),
            ["é.txt", "éa.txt", "日.txt", "cd", "xy", "é日"]
        );
    }

    #[test]
    fn reports_gobwas_panics() {
        let g = Glob::new("a{,}");
        assert_eq!(
            g.try_matches("a"),
            Err("runtime error: slice bounds out of range [:2] with length 1".into())
        );
        assert!(!g.matches("a"));
        assert_eq!(g.try_matches("b"), Ok(false));
    }

    // Go panics are reported, never Rust ones: random patterns over random names.
    #[test]
    fn never_panics() {
        let atoms = [
            "a", "é", "日", "😀", "/", ".", "*", "**", "?", "[é]", "[!a]", "[a-é]", "{", "}", ",",
            "\\", "[", "]", "!", "-",
        ];
        let chars = ["a", "b", "é", "日", "😀", "/", "."];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..20_000 {
            let pattern: String = (0..1 + next(7)).map(|_| atoms[next(atoms.len())]).collect();
            let name: String = (0..next(6)).map(|_| chars[next(chars.len())]).collect();
            let _ = Glob::new(&pattern).try_matches(&name);
        }
    }
}
