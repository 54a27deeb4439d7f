//! `.Files`: the chart's non-template files (Helm's `engine.files`, a
//! `map[string][]byte` with methods).

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use crate::chart::FileData;
use crate::engine::func::Param;

use base64::Engine as _;

use crate::value::{Elem, Elements, Field, Kind, List, Map, Object, Str, Value};

use super::glob::Glob;

/// The files a template sees as `.Files`, sorted by path.
///
/// ```
/// use helmcore::render::Files;
/// let files = Files::new(vec![("config/a.conf".into(), b"x: 1\n".to_vec().into())]);
/// assert_eq!(files.get("config/a.conf"), "x: 1\n");
/// assert_eq!(files.glob("config/*").as_config(), "a.conf: |\n  x: 1");
/// assert_eq!(files.lines("config/a.conf"), Ok(vec!["x: 1".to_string()]));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Files {
    entries: Arc<Vec<(Str, FileData)>>,
}

impl Files {
    /// Files from `(path, content)` pairs; a later duplicate path replaces an earlier one,
    /// as in Helm's map.
    pub fn new(mut entries: Vec<(Str, FileData)>) -> Files {
        entries.reverse();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        Files {
            entries: Arc::new(entries),
        }
    }

    /// A chart's files (everything but its templates, `Chart.yaml` and values).
    pub fn of_chart(chart: &crate::chart::Chart) -> Files {
        Files::new(
            chart
                .files
                .iter()
                .map(|f| (f.name.clone(), f.data.clone()))
                .collect(),
        )
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, name: &str) -> Option<&FileData> {
        self.entries
            .binary_search_by(|(n, _)| (**n).cmp(name))
            .ok()
            .map(|i| &self.entries[i].1)
    }

    /// `GetBytes`: the content, empty for a missing file.
    pub fn get_bytes(&self, name: &str) -> &[u8] {
        self.find(name).map(|d| &d[..]).unwrap_or(&[])
    }

    /// `Get`: the content as a string.
    pub fn get(&self, name: &str) -> String {
        crate::yaml::go_lossy_utf8(self.get_bytes(name))
    }

    /// `Glob`: the files whose path matches a gobwas/glob pattern (a name on which
    /// gobwas panics counts as not matching; see [`Files::try_glob`]).
    pub fn glob(&self, pattern: &str) -> Files {
        let g = Glob::new(pattern);
        Files {
            entries: Arc::new(
                self.entries
                    .iter()
                    .filter(|(n, _)| g.matches(n))
                    .cloned()
                    .collect(),
            ),
        }
    }

    /// `Glob` as a template calls it: gobwas panics on some pattern and name pairs,
    /// and the template then fails with the panic's message. Helm visits the files
    /// in random order; this reports the first such name by path.
    pub fn try_glob(&self, pattern: &str) -> Result<Files, String> {
        let g = Glob::new(pattern);
        let mut entries = Vec::new();
        for (n, d) in self.entries.iter() {
            if g.try_matches(n)? {
                entries.push((n.clone(), d.clone()));
            }
        }
        Ok(Files {
            entries: Arc::new(entries),
        })
    }

    /// `AsConfig`: `toYaml` of base name → content (a ConfigMap's `data`).
    pub fn as_config(&self) -> String {
        self.to_yaml(crate::yaml::go_lossy_utf8)
    }

    /// `AsSecrets`: `toYaml` of base name → base64 of the content (a Secret's `data`).
    pub fn as_secrets(&self) -> String {
        self.to_yaml(|d| base64::engine::general_purpose::STANDARD.encode(d))
    }

    fn to_yaml(&self, f: impl Fn(&[u8]) -> String) -> String {
        let m = Map::new();
        for (name, data) in self.entries.iter() {
            let base = name.rsplit('/').next().unwrap_or(name);
            m.insert(base, Value::from(f(data)));
        }
        match crate::yaml::to_string(&Value::Map(m)) {
            Ok(s) => s.strip_suffix('\n').map(str::to_owned).unwrap_or(s),
            Err(_) => String::new(),
        }
    }

    /// `Lines`: the lines of a file (one final newline dropped); an empty file is Go's
    /// index-out-of-range panic, which the template reports as an error.
    pub fn lines(&self, name: &str) -> Result<Vec<String>, String> {
        let Some(data) = self.find(name) else {
            return Ok(Vec::new());
        };
        if data.is_empty() {
            return Err("runtime error: index out of range [-1]".into());
        }
        let s = crate::yaml::go_lossy_utf8(data);
        let s = s.strip_suffix('\n').unwrap_or(&s);
        Ok(s.split('\n').map(str::to_owned).collect())
    }

    /// [`Files::lines`] as Go strings: a line that is not valid UTF-8 keeps its bytes.
    fn line_values(&self, name: &str) -> Result<Value, String> {
        let strings = |items| Value::List(List::typed(items, Elem::String));
        let Some(data) = self.find(name) else {
            return Ok(strings(Vec::new()));
        };
        if std::str::from_utf8(data).is_ok() {
            return Ok(strings(
                self.lines(name)?.into_iter().map(Value::from).collect(),
            ));
        }
        let body = data.strip_suffix(b"\n").unwrap_or(data);
        Ok(strings(
            body.split(|&b| b == b'\n')
                .map(Value::from_go_slice)
                .collect(),
        ))
    }

    /// The template object.
    pub fn to_value(&self) -> Value {
        Value::Object(Arc::new(self.clone()))
    }
}

fn string_arg(name: &str, args: &[Value]) -> Result<Str, String> {
    match args {
        [Value::String(s)] => Ok(s.clone()),
        [other] => Err(format!(
            "wrong type for value; expected string; got {}",
            other.type_name()
        )),
        _ => Err(format!(
            "wrong number of args for {name}: want 1 got {}",
            args.len()
        )),
    }
}

fn no_args(name: &str, args: &[Value]) -> Result<(), String> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "wrong number of args for {name}: want 0 got {}",
            args.len()
        ))
    }
}

impl Object for Files {
    fn type_name(&self) -> Cow<'_, str> {
        "engine.files".into()
    }
    fn kind(&self) -> Kind {
        Kind::Map
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "Get" | "GetBytes" | "Glob" | "AsConfig" | "AsSecrets" | "Lines" => Field::Method,
            _ => Field::Missing,
        }
    }
    fn method_params(&self, name: &str) -> Option<&'static [Param]> {
        match name {
            "Get" | "GetBytes" | "Glob" | "Lines" => Some(&[Param::String]),
            "AsConfig" | "AsSecrets" => Some(&[]),
            _ => None,
        }
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match name {
            "Get" => Ok(Value::from_go_slice(
                self.get_bytes(&string_arg(name, args)?),
            )),
            "GetBytes" => Ok(crate::value::byte_slice::value(
                self.get_bytes(&string_arg(name, args)?),
            )),
            "Glob" => Ok(self.try_glob(&string_arg(name, args)?)?.to_value()),
            "AsConfig" => no_args(name, args).map(|_| self.as_config().into()),
            "AsSecrets" => no_args(name, args).map(|_| self.as_secrets().into()),
            "Lines" => self.line_values(&string_arg(name, args)?),
            _ => Err(format!("can't call method {name} on type engine.files")),
        }
    }
    /// `map[name:[104 105] ...]`.
    fn format(&self, out: &mut String) {
        out.push_str("map[");
        for (i, (name, data)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(name);
            out.push(':');
            crate::value::byte_slice::write(out, data);
        }
        out.push(']');
    }
    /// `encoding/json` writes `[]byte` as base64.
    fn to_data(&self) -> Option<Value> {
        let m = Map::new();
        for (name, data) in self.entries.iter() {
            m.insert(name.clone(), crate::value::byte_slice::base64(data));
        }
        Some(Value::Map(m))
    }
    /// Helm's `Files` is a `map[string][]byte`: each entry is the file's bytes.
    fn elements(&self) -> Option<Elements> {
        Some(Elements::Map {
            entries: self
                .entries
                .iter()
                .map(|(name, data)| (name.clone(), crate::value::byte_slice::value(data)))
                .collect(),
            zero: crate::value::byte_slice::nil(),
        })
    }
    fn is_truthy(&self) -> bool {
        !self.entries.is_empty()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        let f = |n: &str, d: &str| (Str::from(n), FileData::from(d.as_bytes()));
        Files::new(vec![
            f("a.txt", "hi\n"),
            f("files/a.conf", "hi\n"),
            f("files/lines.txt", "l1\nl2\n\n"),
            f("files/empty.txt", ""),
            f("files/nonl.txt", "no newline"),
        ])
    }

    // Expectations: helm4's output for the same files (see the doc of each method).
    #[test]
    fn methods_as_helm_gives_them() {
        let f = files();
        assert_eq!(f.glob("files/*.conf").as_config(), "a.conf: |\n  hi");
        assert_eq!(f.glob("files/*.conf").as_secrets(), "a.conf: aGkK");
        assert_eq!(f.glob("nothing").as_config(), "{}");
        assert_eq!(f.lines("files/lines.txt").unwrap(), ["l1", "l2", ""]);
        assert_eq!(f.lines("files/nonl.txt").unwrap(), ["no newline"]);
        assert_eq!(f.lines("missing").unwrap(), Vec::<String>::new());
        assert_eq!(
            f.lines("files/empty.txt").unwrap_err(),
            "runtime error: index out of range [-1]"
        );
        assert_eq!(f.get("missing"), "");
        assert_eq!(
            crate::value::byte_slice::value(f.get_bytes("a.txt")).to_go_string(),
            "[104 105 10]"
        );
        assert_eq!(
            f.glob("a.txt").to_value().to_go_string(),
            "map[a.txt:[104 105 10]]"
        );
        assert_eq!(
            crate::json::to_string(&f.glob("a.txt").to_value()).unwrap(),
            "{\"a.txt\":\"aGkK\"}"
        );
        assert!(!f.glob("nothing").to_value().is_truthy());
    }

    fn run(t: &str) -> Result<String, String> {
        use crate::engine::{ExecOptions, FuncTable, TemplateSet};
        let mut set = TemplateSet::new(FuncTable::helm());
        set.add("c/templates/x.yaml", t)
            .map_err(|e| e.to_string())?;
        let top = Map::new();
        top.insert("Files", files().to_value());
        set.execute("c/templates/x.yaml", &Value::Map(top), &ExecOptions::helm())
            .map_err(|e| e.to_string())
    }

    // helm4: `Files` is a `map[string][]byte` to the template language: a field access or
    // `index` gives a file's bytes (an empty `[]byte` for a missing path), `range` the
    // path and the bytes.
    #[test]
    fn files_as_a_go_map() {
        assert_eq!(
            run(
                r#"{{ .Files.y }}|{{ index .Files "y" }}|{{ index .Files "a.txt" }}|{{ len .Files }}|{{ printf "%T" .Files.y }}|{{ range $k, $v := .Files.Glob "*.txt" }}{{ $k }}={{ $v }};{{ end }}"#
            ),
            Ok("[]|[]|[104 105 10]|5|[]uint8|a.txt=[104 105 10];".into())
        );
        // helm4: a missing entry is a nil slice, `GetBytes` of a missing file an empty one.
        assert_eq!(
            run(
                r#"{{ .Files.y | toJson }}|{{ index .Files "y" | toJson }}|{{ .Files.GetBytes "y" | toJson }}"#
            ),
            Ok(r#"null|null|"""#.into())
        );
        assert_eq!(
            run(
                r#"{{ range $p, $b := .Files.Glob "a.txt" }}{{ toString $b }}{{ len $b }}{{ printf "%s" $b }}{{ typeOf $b }}{{ end }}"#
            ),
            Ok("hi\n3hi\n[]uint8".into())
        );
        assert_eq!(
            run(r#"{{ index .Files 1 }}"#),
            Err(r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <index .Files 1>: error calling index: value has type int; should be string"#.into())
        );
    }

    // helm4: a `[]byte` ranges and indexes over its bytes; `printf` formats it as Go's
    // fmt formats a byte slice.
    #[test]
    fn byte_slices_as_go_sees_them() {
        assert_eq!(
            run(r#"{{ $b := .Files.GetBytes "a.txt" }}{{ range $b }}{{ . }},{{ end }}|{{ index $b 1 }}|{{ len $b }}|{{ printf "%#v|%v|%d|%5d|%c|%q|%x|% x|%X|%.1s" $b $b $b $b $b $b $b $b $b $b }}"#),
            Ok(r#"104,105,10,|105|3|[]byte{0x68, 0x69, 0xa}|[104 105 10]|[104 105 10]|[  104   105    10]|[h i 
]|"hi\n"|68690a|68 69 0a|68690A|h"#.into())
        );
        assert_eq!(
            run(
                r#"{{ $b := .Files.GetBytes "a.txt" }}{{ printf "%s|%v" (list $b) (dict "a" $b) }}"#
            ),
            Ok("[hi\n]|map[a:[104 105 10]]".into())
        );
        assert_eq!(
            run(r#"{{ index (.Files.GetBytes "a.txt") 3 }}"#),
            Err(r#"template: c/templates/x.yaml:1:3: executing "c/templates/x.yaml" at <index (.Files.GetBytes "a.txt") 3>: error calling index: reflect: slice index out of range"#.into())
        );
    }
}
