//! A small safe layer over libyaml's parser (the `unsafe-libyaml` crate): the same scanner
//! and parser go-yaml v2 ports, so tokens, events, error texts and marks match Helm's.
//!
//! All `unsafe` of the YAML layer lives here. The parser state is boxed (libyaml keeps a
//! pointer to itself as the read handler's data) and borrows the input for its lifetime.

use std::marker::PhantomData;
use std::mem::MaybeUninit;

use unsafe_libyaml as unsafe_sys;

/// How a scalar was written; only plain versus the rest matters for resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    Quoted,
    Block,
}

/// One parser event, with owned data.
#[derive(Debug)]
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias {
        anchor: String,
    },
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: crate::value::Str,
        /// libyaml's `plain_implicit`, which go-yaml calls `implicit`.
        implicit: bool,
        style: ScalarStyle,
    },
    SequenceStart {
        anchor: Option<String>,
        flow: bool,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
        flow: bool,
    },
    MappingEnd,
}

/// libyaml's error report: which stage failed, its problem text and marks (0-based lines).
#[derive(Debug, Clone)]
pub(crate) struct ParserFailure {
    pub scanner: bool,
    pub problem: String,
    pub problem_line: usize,
    /// Byte offset of the problem in the input.
    pub problem_index: usize,
    pub context_line: usize,
}

impl ParserFailure {
    /// The line go-yaml v2 prints (`yaml: line N: ...`), or `None` when it prints none.
    /// go-yaml prints the 0-based problem line as is for parser errors (so usually one
    /// less than the human line) and adds one for scanner errors; a problem on the first
    /// line gets no line at all.
    pub fn go_line(&self) -> Option<usize> {
        let line = if self.problem_line != 0 {
            if self.scanner {
                self.problem_line + 1
            } else {
                self.problem_line
            }
        } else {
            self.context_line
        };
        (line != 0).then_some(line)
    }
}

/// A libyaml parser over a borrowed byte slice.
pub(crate) struct Parser<'a> {
    raw: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
    _input: PhantomData<&'a [u8]>,
    finished: bool,
    /// A character standing in for `:` in the input; turned back into `:` in scalars.
    colon: Option<char>,
}

impl<'a> Parser<'a> {
    /// A parser over `input`. An empty input is read as a single line break, as go-yaml
    /// does (libyaml refuses a zero-length string input).
    pub fn new(input: &'a [u8]) -> Parser<'a> {
        const NEWLINE: &[u8] = b"\n";
        let input: &'a [u8] = if input.is_empty() { NEWLINE } else { input };
        let mut raw = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        // SAFETY: `raw` is boxed, so the address libyaml stores for itself stays valid;
        // initialization only fails on allocation failure, which aborts in Rust anyway.
        // The input slice outlives the parser through the `'a` borrow.
        unsafe {
            let p = raw.as_mut_ptr();
            if unsafe_sys::yaml_parser_initialize(p).fail {
                std::process::abort();
            }
            unsafe_sys::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as _);
        }
        Parser {
            raw,
            _input: PhantomData,
            finished: false,
            colon: None,
        }
    }

    /// Reads `c` in scalars as `:` (see `build::decode`).
    pub fn with_colon_stand_in(mut self, c: Option<char>) -> Parser<'a> {
        self.colon = c;
        self
    }

    /// The next event and the 0-based line it starts on.
    pub fn next(&mut self) -> Result<(Event, usize), ParserFailure> {
        if self.finished {
            return Ok((Event::StreamEnd, 0));
        }
        let mut ev = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialized in `new`; `ev` is filled by a successful
        // `yaml_parser_parse` and deleted right after its data is copied out.
        unsafe {
            let p = self.raw.as_mut_ptr();
            if unsafe_sys::yaml_parser_parse(p, ev.as_mut_ptr()).fail {
                self.finished = true;
                return Err(failure(&*p));
            }
            let ev = ev.assume_init_mut();
            let line = ev.start_mark.line as usize;
            let mut event = convert(ev);
            if let (Some(c), Event::Scalar { value, .. }) = (self.colon, &mut event) {
                if value.contains(c) {
                    *value = value.replace(c, ":").into();
                }
            }
            unsafe_sys::yaml_event_delete(ev);
            if matches!(event, Event::StreamEnd) {
                self.finished = true;
            }
            Ok((event, line))
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialized in `new`, deleted once.
        unsafe { unsafe_sys::yaml_parser_delete(self.raw.as_mut_ptr()) }
    }
}

/// Copies a NUL-terminated libyaml string.
///
/// SAFETY: `ptr` is null or points to a NUL-terminated string owned by the event.
unsafe fn cstr(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    let s = std::ffi::CStr::from_ptr(ptr.cast());
    Some(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

/// SAFETY: `ev` is an event just produced by the parser.
unsafe fn convert(ev: &unsafe_sys::yaml_event_t) -> Event {
    match ev.type_ {
        unsafe_sys::YAML_STREAM_START_EVENT => Event::StreamStart,
        unsafe_sys::YAML_STREAM_END_EVENT => Event::StreamEnd,
        unsafe_sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
        unsafe_sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
        unsafe_sys::YAML_ALIAS_EVENT => Event::Alias {
            anchor: cstr(ev.data.alias.anchor).unwrap_or_default(),
        },
        unsafe_sys::YAML_SCALAR_EVENT => {
            let s = &ev.data.scalar;
            let bytes = if s.value.is_null() {
                &[][..]
            } else {
                std::slice::from_raw_parts(s.value, s.length as usize)
            };
            let style = match s.style {
                unsafe_sys::YAML_PLAIN_SCALAR_STYLE => ScalarStyle::Plain,
                unsafe_sys::YAML_LITERAL_SCALAR_STYLE | unsafe_sys::YAML_FOLDED_SCALAR_STYLE => {
                    ScalarStyle::Block
                }
                _ => ScalarStyle::Quoted,
            };
            Event::Scalar {
                anchor: cstr(s.anchor),
                tag: cstr(s.tag),
                value: match std::str::from_utf8(bytes) {
                    Ok(s) => s.into(),
                    Err(_) => super::utf8::go_lossy(bytes).into(),
                },
                implicit: s.plain_implicit,
                style,
            }
        }
        unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart {
            anchor: cstr(ev.data.sequence_start.anchor),
            flow: ev.data.sequence_start.style == unsafe_sys::YAML_FLOW_SEQUENCE_STYLE,
        },
        unsafe_sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
        unsafe_sys::YAML_MAPPING_START_EVENT => Event::MappingStart {
            anchor: cstr(ev.data.mapping_start.anchor),
            flow: ev.data.mapping_start.style == unsafe_sys::YAML_FLOW_MAPPING_STYLE,
        },
        unsafe_sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
        // YAML_NO_EVENT is never returned by a successful parse.
        _ => Event::StreamEnd,
    }
}

/// SAFETY: `p` is a parser whose last call failed.
unsafe fn failure(p: &unsafe_sys::yaml_parser_t) -> ParserFailure {
    let mut problem =
        cstr(p.problem.cast()).unwrap_or_else(|| "unknown problem parsing YAML content".into());
    // go-yaml keeps libyaml's old spelling.
    if problem == "did not find expected hexadecimal number" {
        problem = "did not find expected hexdecimal number".into();
    }
    ParserFailure {
        scanner: p.error == unsafe_sys::YAML_SCANNER_ERROR,
        problem,
        problem_line: p.problem_mark.line as usize,
        problem_index: p.problem_mark.index as usize,
        context_line: p.context_mark.line as usize,
    }
}
