//! Template-level tests. Every expectation was printed by helm v4.1.4 (`helm template`
//! on a chart `c` whose `templates/x.yaml` holds the template; errors are the text after
//! `Error: `); `<no value>` is removed from output as Helm does.

mod basics;
mod bytes;
mod clock;
mod errors;
mod helmfns;
mod parse;
mod positions;
mod printf;
mod serial;

use crate::engine::{ExecOptions, FuncTable, TemplateSet};
use crate::value::{Map, Value};

pub(crate) const FILE: &str = "c/templates/x.yaml";

/// Reads test data written as JSON (numbers become float64, as values files give).
pub(crate) fn json(s: &str) -> Value {
    let mut p = J {
        b: s.as_bytes(),
        i: 0,
    };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.b.len(), "trailing test JSON: {s}");
    v
}

struct J<'a> {
    b: &'a [u8],
    i: usize,
}

impl J<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn value(&mut self) -> Value {
        self.ws();
        match self.b[self.i] {
            b'{' => {
                self.i += 1;
                let m = Map::new();
                loop {
                    self.ws();
                    if self.b[self.i] == b'}' {
                        self.i += 1;
                        break;
                    }
                    let Value::String(k) = self.value() else {
                        panic!("key")
                    };
                    self.ws();
                    assert_eq!(self.b[self.i], b':');
                    self.i += 1;
                    let v = self.value();
                    m.insert(k, v);
                    self.ws();
                    if self.b[self.i] == b',' {
                        self.i += 1;
                    }
                }
                Value::Map(m)
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    if self.b[self.i] == b']' {
                        self.i += 1;
                        break;
                    }
                    items.push(self.value());
                    self.ws();
                    if self.b[self.i] == b',' {
                        self.i += 1;
                    }
                }
                Value::list(items)
            }
            b'"' => {
                self.i += 1;
                let start = self.i;
                while self.b[self.i] != b'"' {
                    self.i += 1;
                }
                let s = std::str::from_utf8(&self.b[start..self.i])
                    .unwrap()
                    .to_string();
                self.i += 1;
                Value::from(s)
            }
            b't' => {
                self.i += 4;
                Value::Bool(true)
            }
            b'f' => {
                self.i += 5;
                Value::Bool(false)
            }
            b'n' => {
                self.i += 4;
                Value::Nil
            }
            _ => {
                let start = self.i;
                while self.i < self.b.len()
                    && (self.b[self.i].is_ascii_digit() || b"-+.eE".contains(&self.b[self.i]))
                {
                    self.i += 1;
                }
                Value::Float(
                    std::str::from_utf8(&self.b[start..self.i])
                        .unwrap()
                        .parse()
                        .unwrap(),
                )
            }
        }
    }
}

/// Helm's top-level template data for chart `c`, release `rel`, with these values.
pub(crate) fn helm_data(values: Value) -> Value {
    let top = Map::new();
    top.insert("Values", values);
    let release = json(
        r#"{"Name": "rel", "Namespace": "default", "Service": "Helm", "IsInstall": true, "IsUpgrade": false}"#,
    );
    if let Value::Map(m) = &release {
        m.insert("Revision", Value::int(1));
    }
    top.insert("Release", release);
    top.insert(
        "Template",
        json(r#"{"Name": "c/templates/x.yaml", "BasePath": "c/templates"}"#),
    );
    Value::Map(top)
}

/// Helm's full function table: builtins, Sprig, Helm's own.
pub(crate) fn funcs() -> FuncTable {
    FuncTable::helm()
}

/// Helm's `sortTemplates` order: deeper paths first, then reverse lexical.
fn helm_order(files: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| (format!("c/templates/{n}"), t.to_string()))
        .collect();
    v.sort_by(|a, b| {
        let (ca, cb) = (a.0.matches('/').count(), b.0.matches('/').count());
        cb.cmp(&ca).then_with(|| b.0.cmp(&a.0))
    });
    v
}

type Both = (Result<String, String>, Result<String, String>);

/// Renders `files` (names under `c/templates/`) as Helm does and executes `x.yaml`;
/// errors come back as helm4 and helm3 print them.
pub(crate) fn render_both(files: &[(&str, &str)], values: &str, opts: &ExecOptions) -> Both {
    let mut set = TemplateSet::new(funcs());
    for (name, text) in helm_order(files) {
        if let Err(e) = set.add(&name, &text) {
            let e = crate::engine::TemplateError::from(e);
            return (Err(e.helm4_message(&name)), Err(e.helm3_message(&name)));
        }
    }
    let data = helm_data(if values.is_empty() {
        Value::Map(Map::new())
    } else {
        json(values)
    });
    match set.execute(FILE, &data, opts) {
        Ok(s) => {
            let s = s.replace("<no value>", "");
            (Ok(s.clone()), Ok(s))
        }
        Err(e) => (Err(e.helm4_message(FILE)), Err(e.helm3_message(FILE))),
    }
}

pub(crate) fn render_files(
    files: &[(&str, &str)],
    values: &str,
    opts: &ExecOptions,
) -> Result<String, String> {
    render_both(files, values, opts).0
}

pub(crate) fn render_with(t: &str, values: &str) -> Result<String, String> {
    render_files(&[("x.yaml", t)], values, &ExecOptions::helm())
}

pub(crate) fn render(t: &str) -> Result<String, String> {
    render_with(t, "")
}

/// Asserts each `(template, expected output)`.
pub(crate) fn check_out(cases: &[(&str, &str)]) {
    check_out_with("", cases)
}

/// Asserts each `(template, expected output)` with these values.
pub(crate) fn check_out_with(values: &str, cases: &[(&str, &str)]) {
    for (t, want) in cases {
        match render_with(t, values) {
            Ok(got) => assert_eq!(&got, want, "template {t:?}"),
            Err(e) => panic!("template {t:?} failed: {e}"),
        }
    }
}

/// Asserts each `(template, expected helm4 error)`.
pub(crate) fn check_err(cases: &[(&str, &str)]) {
    check_err_with("", cases)
}

/// Asserts each `(template, expected helm4 error)` with these values.
pub(crate) fn check_err_with(values: &str, cases: &[(&str, &str)]) {
    for (t, want) in cases {
        match render_with(t, values) {
            Ok(got) => panic!("template {t:?} rendered {got:?}, want error {want:?}"),
            Err(e) => assert_eq!(&e, want, "template {t:?}"),
        }
    }
}
