//! Go's text/template front end: lexer, parser and the parse tree.

pub mod ast;
mod lexer;
mod number;
mod parser;

pub use parser::{parse, parse_shared, ParseError};
