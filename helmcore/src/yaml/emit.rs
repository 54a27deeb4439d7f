//! A YAML writer that makes go-yaml v2's emitter's choices: the scalar analysis (which
//! styles a string allows), the style selection, 80-column folding of plain and quoted
//! scalars, literal block chomping and indentation hints, block collections with
//! sequences not indented under their key, `{}`/`[]` for empty ones, `? ` for keys that
//! cannot be simple.
//!
//! It is driven directly by the encoder (no event queue), but keeps the emitter's state
//! (`column`, `indent`, `whitespace`, `indention`) so layout follows the same rules.

/// go-yaml's preferred width and indent (it never changes them for `Marshal`).
const BEST_WIDTH: usize = 80;
const BEST_INDENT: i32 = 2;
/// Longest key (in bytes) written as a simple `key: value`.
const MAX_SIMPLE_KEY: usize = 128;

/// The style the encoder asks for; the emitter may pick a safer one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// Where a node sits, as libyaml's emitter contexts.
#[derive(Clone, Copy, Default)]
pub(crate) struct Context {
    pub mapping: bool,
    pub simple_key: bool,
}

pub(crate) struct Emitter {
    pub out: String,
    /// Column past which a space becomes a line break (go-yaml v3 as Helm uses it: none).
    width: usize,
    /// go-yaml v3 rather than v2: sequences indented under their key, tabs allowed in
    /// literal blocks, its key order.
    pub v3: bool,
    column: usize,
    indent: i32,
    indents: Vec<i32>,
    whitespace: bool,
    indention: bool,
}

/// What a scalar's content allows (libyaml's `analyze_scalar`).
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

impl Emitter {
    /// go-yaml v2's emitter, as `yaml.Marshal` configures it.
    pub fn new() -> Emitter {
        Emitter {
            out: String::new(),
            width: BEST_WIDTH,
            v3: false,
            column: 0,
            indent: -1,
            indents: Vec::new(),
            whitespace: true,
            indention: true,
        }
    }

    /// go-yaml v3's emitter with `SetIndent(2)`: no folding, sequences indented.
    pub fn new_v3() -> Emitter {
        Emitter {
            width: usize::MAX,
            v3: true,
            ..Emitter::new()
        }
    }

    /// Ends the document: the final line break.
    pub fn finish(&mut self) {
        self.write_indent();
    }

    fn push_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// Writes a line break character of the scalar itself.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        ind: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in ind.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// `{}` or `[]`: empty collections are written in flow style.
    pub fn empty_collection(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    /// Starts a block mapping (not empty).
    pub fn mapping_start(&mut self) {
        self.push_indent(false, false);
    }

    pub fn collection_end(&mut self) {
        self.pop_indent();
    }

    /// Starts a block sequence (not empty) in context `ctx`.
    pub fn sequence_start(&mut self, ctx: Context) {
        let indentless = !self.v3 && ctx.mapping && !self.indention;
        self.push_indent(false, indentless);
    }

    pub fn sequence_item(&mut self) {
        self.write_indent();
        self.write_indicator("-", true, false, true);
    }

    /// Whether a scalar key fits `key: value` (one line, at most 128 bytes); collections
    /// as keys never occur here.
    pub fn simple_key_ok(key: &str) -> bool {
        key.len() <= MAX_SIMPLE_KEY && !key.chars().any(is_break)
    }

    /// Starts a key: `simple` for `key:`, else the `? ` form.
    pub fn key_start(&mut self, simple: bool) {
        self.write_indent();
        if !simple {
            self.write_indicator("?", true, false, true);
        }
    }

    /// Between key and value.
    pub fn value_indicator(&mut self, simple: bool) {
        if simple {
            self.write_indicator(":", false, false, false);
        } else {
            self.write_indent();
            self.write_indicator(":", true, false, true);
        }
    }

    /// Writes a scalar the encoder wants in `style`, in context `ctx`.
    pub fn scalar(&mut self, value: &str, style: Style, ctx: Context) {
        self.tagged_scalar(None, value, style, ctx)
    }

    /// [`Emitter::scalar`] with an explicit tag written before it (`!!binary`).
    pub fn tagged_scalar(&mut self, tag: Option<&str>, value: &str, style: Style, ctx: Context) {
        let a = analyze(value, self.v3);
        let mut style = style;
        if ctx.simple_key && a.multiline {
            style = Style::DoubleQuoted;
        }
        if style == Style::Plain && (!a.block_plain_allowed || (value.is_empty() && ctx.simple_key))
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted && !a.single_quoted_allowed {
            style = Style::DoubleQuoted;
        }
        if style == Style::Literal && (!a.block_allowed || ctx.simple_key) {
            style = Style::DoubleQuoted;
        }
        if let Some(tag) = tag {
            self.write_indicator(tag, true, false, false);
        }
        self.push_indent(true, false);
        let allow_breaks = !ctx.simple_key;
        match style {
            Style::Plain => self.write_plain(value, allow_breaks),
            Style::SingleQuoted => self.write_single(value, allow_breaks),
            Style::DoubleQuoted => self.write_double(value, allow_breaks),
            Style::Literal => self.write_literal(value),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, value: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut chars = value.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ' ' {
                if allow_breaks && !spaces && self.column > self.width && chars.peek() != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        let mut chars = value.chars().enumerate().peekable();
        let last = value.chars().count().saturating_sub(1);
        while let Some((i, c)) = chars.next() {
            if c == ' ' {
                let next_space = chars.peek().is_some_and(|(_, n)| *n == ' ');
                if allow_breaks
                    && !spaces
                    && self.column > self.width
                    && i > 0
                    && i < last
                    && !next_space
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        // go-yaml tests for a byte order mark at the start of the value, not at each
        // character, so a value starting with one has every character escaped.
        let bom_start = value.starts_with('\u{feff}');
        let mut spaces = false;
        let mut chars = value.chars().enumerate().peekable();
        let last = value.chars().count().saturating_sub(1);
        while let Some((i, c)) = chars.next() {
            if !is_printable(c) || bom_start || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match c {
                    '\0' => self.put('0'),
                    '\u{7}' => self.put('a'),
                    '\u{8}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{b}' => self.put('v'),
                    '\u{c}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1b}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    _ => {
                        let v = c as u32;
                        let (ind, width) = if v <= 0xFF {
                            ('x', 2)
                        } else if v <= 0xFFFF {
                            ('u', 4)
                        } else {
                            ('U', 8)
                        };
                        self.put(ind);
                        for k in (0..width).rev() {
                            let d = (v >> (k * 4)) & 0xF;
                            self.put(char::from_digit(d, 16).unwrap_or('0').to_ascii_uppercase());
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > self.width && i > 0 && i < last {
                    self.write_indent();
                    if chars.peek().is_some_and(|(_, n)| *n == ' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_literal(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        self.block_hints(value);
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in value.chars() {
            if is_break(c) {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }

    /// The indentation indicator (when the text starts with a space or break) and the
    /// chomping indicator: `-` without a final break, `+` with more than one.
    fn block_hints(&mut self, value: &str) {
        let mut chars = value.chars();
        if chars.next().is_some_and(|c| c == ' ' || is_break(c)) {
            self.write_indicator("2", false, false, false);
        }
        let mut rev = value.chars().rev();
        let chomp = match rev.next() {
            None => Some("-"),
            Some(c) if !is_break(c) => Some("-"),
            Some(_) => match rev.next() {
                None => Some("+"),
                Some(p) if is_break(p) => Some("+"),
                Some(_) => None,
            },
        };
        if let Some(chomp) = chomp {
            self.write_indicator(chomp, false, false, false);
        }
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// libyaml's printable set: LF, ASCII graphic and space, then everything from U+00A0 on
/// except the BOM and U+FFFE/U+FFFF, and nothing beyond the BMP.
fn is_printable(c: char) -> bool {
    let v = c as u32;
    v == 0x0A || (0x20..=0x7E).contains(&v) || ((0xA0..=0xFFFD).contains(&v) && v != 0xFEFF)
}

/// `tabs_in_blocks`: go-yaml v3 counts a tab apart from other special characters, so a
/// text with tabs may still be a literal block.
fn analyze(value: &str, tabs_in_blocks: bool) -> Analysis {
    if value.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let mut block_indicators = value.starts_with("---") || value.starts_with("...");
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break, mut special, mut line_breaks) =
        (false, false, false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let mut tabs = false;
    let mut iter = value.chars().peekable();
    let mut i = 0;
    while let Some(c) = iter.next() {
        let next = iter.peek().copied();
        let last = next.is_none();
        let followed_by_whitespace = next.is_none_or(|d| d == ' ' || d == '\t');
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if tabs_in_blocks && c == '\t' {
            tabs = true;
        } else if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            line_breaks = true;
            leading_break |= i == 0;
            trailing_break |= last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = c == ' ' || c == '\t' || is_break(c);
        i += 1;
    }
    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || tabs || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_allowed = false;
    }
    if line_breaks || block_indicators {
        a.block_plain_allowed = false;
    }
    a
}
