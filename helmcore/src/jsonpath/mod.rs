//! Kubernetes' JSONPath templates, as `helm show values --jsonpath` applies them to a
//! chart's values (client-go's `util/jsonpath` with its default settings).
//!
//! A template is text with actions in braces: `{.image.tag}`, `{.items[*].name}`,
//! `{range .ports[*]}{.name}={.port}{"\n"}{end}`, filters (`[?(@.port==80)]`), slices
//! (`[1:3]`, `[-1]`), unions (`[0,2]`), wildcards (`.*`, `[*]`) and recursive descent
//! (`..name`). Maps and lists print as compact JSON, everything else as Go's `fmt.Print`
//! prints it, results of one action separated by spaces.
//!
//! Parsing reports errors in client-go's words. Evaluation fails where client-go's does (a
//! key that is not there, an index out of range, values of different types compared);
//! Helm ignores that error and prints nothing, which is [`JsonPath::execute`]'s `Err`.
//!
//! Where client-go walks a Go map (`.*`, `..`) its order is random; here it is the keys'
//! sorted order.
//!
//! ```
//! use helmcore::jsonpath::JsonPath;
//! use helmcore::value::{Map, Value};
//! let items = Value::list(vec![Value::from("a"), Value::from("b")]);
//! let m = Map::new();
//! m.insert("items", items);
//! let p = JsonPath::parse("n={.items[*]} last={.items[-1]}").unwrap();
//! assert_eq!(p.execute(&Value::Map(m)).unwrap(), b"n=a b last=b");
//! assert_eq!(
//!     JsonPath::parse("{.a[x]}").unwrap_err().to_string(),
//!     "invalid array index x"
//! );
//! ```

mod eval;
mod parse;
#[cfg(test)]
mod tests;

use crate::value::Value;

/// A parsed JSONPath template. Immutable; evaluating it does not change it.
#[derive(Clone, Debug)]
pub struct JsonPath {
    nodes: Vec<parse::Node>,
}

/// Why a template did not parse or evaluate, in client-go's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonPathError {
    /// The template's syntax: `unclosed action`, `invalid array index x`.
    #[error("{0}")]
    Parse(String),
    /// Evaluation: `image is not found`, `array index out of bounds: index 5, length 2`.
    #[error("{0}")]
    Execute(String),
}

impl JsonPath {
    /// Parses a template.
    pub fn parse(text: &str) -> Result<JsonPath, JsonPathError> {
        parse::parse(text)
            .map(|nodes| JsonPath { nodes })
            .map_err(JsonPathError::Parse)
    }

    /// The template's output for `data` (bytes: a quoted `"\xff"` in the template prints
    /// that byte).
    pub fn execute(&self, data: &Value) -> Result<Vec<u8>, JsonPathError> {
        eval::execute(&self.nodes, data).map_err(JsonPathError::Execute)
    }
}
