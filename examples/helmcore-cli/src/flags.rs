//! Command-line flags parsed the way helm's (cobra + spf13/pflag) are, so that every
//! invocation that works with helm works here, and every mistake gets helm's message:
//! `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, bundled boolean
//! shorthands `-gx`, `--` ends the flags, flags and arguments may be interleaved.

use std::collections::HashMap;

/// How a flag takes its value, which decides both parsing and repetition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `--x`, `--x=false`; never consumes the next argument.
    Bool,
    /// Last occurrence wins.
    String,
    /// Each occurrence appends one value (`--set`).
    StringArray,
    /// Each occurrence appends comma-separated values, CSV-quoted (`-f a.yaml,b.yaml`).
    StringSlice,
    /// A signed integer.
    Int,
    /// A float (`--qps`).
    Float,
    /// A Go duration (`--timeout 5m0s`).
    Duration,
    /// `k=v,k2=v2` pairs (`--labels`).
    StringToString,
}

/// One flag's declaration.
#[derive(Clone, Debug)]
pub struct Spec {
    pub name: &'static str,
    pub short: Option<char>,
    pub kind: Kind,
    /// The value a flag given without `=value` takes when it is not a bool
    /// (pflag's `NoOptDefVal`, e.g. `--dry-run` means `--dry-run=unset`).
    pub no_opt_default: Option<&'static str>,
    /// pflag's deprecation note: each use of the flag prints
    /// `Flag --NAME has been deprecated, NOTE` (helm4 only; see `Parsed::deprecations`).
    pub deprecated: Option<&'static str>,
}

impl Spec {
    pub const fn new(name: &'static str, kind: Kind) -> Spec {
        Spec {
            name,
            short: None,
            kind,
            no_opt_default: None,
            deprecated: None,
        }
    }

    pub const fn deprecated(mut self, note: &'static str) -> Spec {
        self.deprecated = Some(note);
        self
    }

    pub const fn short(mut self, c: char) -> Spec {
        self.short = Some(c);
        self
    }

    pub const fn no_opt(mut self, v: &'static str) -> Spec {
        self.no_opt_default = Some(v);
        self
    }

    /// How pflag names the flag in messages: `-g, --generate-name` or `--debug`.
    fn display(&self) -> String {
        match self.short {
            Some(c) => format!("-{c}, --{}", self.name),
            None => format!("--{}", self.name),
        }
    }
}

/// The parsed command line: flag values by long name, and the positional arguments.
#[derive(Debug, Default)]
pub struct Parsed {
    values: HashMap<&'static str, Vec<String>>,
    pub args: Vec<String>,
    /// What pflag printed while parsing: one line per use of a deprecated flag, in order.
    pub deprecations: Vec<String>,
}

impl Parsed {
    pub fn is_set(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    pub fn bool(&self, name: &str) -> bool {
        self.values
            .get(name)
            .and_then(|v| v.last())
            .is_some_and(|v| parse_bool(v) == Some(true))
    }

    pub fn string(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .and_then(|v| v.last())
            .map(String::as_str)
    }

    /// Every value given for a repeatable flag, in order.
    pub fn strings(&self, name: &str) -> &[String] {
        self.values.get(name).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A flag-parsing error, worded as pflag words it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FlagError {
    #[error("unknown flag: --{0}")]
    Unknown(String),
    #[error("unknown shorthand flag: '{0}' in -{1}")]
    UnknownShort(char, String),
    #[error("flag needs an argument: --{0}")]
    NeedsArg(String),
    #[error("flag needs an argument: '{0}' in -{1}")]
    NeedsArgShort(char, String),
    #[error("invalid argument \"{value}\" for \"{flag}\" flag: {reason}")]
    Invalid {
        value: String,
        flag: String,
        reason: String,
    },
    #[error("bad flag syntax: {0}")]
    BadSyntax(String),
}

/// Parses `argv` (without the program and command names) against `specs`.
///
/// ```ignore
/// let specs = [Spec::new("namespace", Kind::String).short('n')];
/// let p = parse(&specs, &["-ndemo".into(), "chart".into()]).unwrap();
/// assert_eq!(p.string("namespace"), Some("demo"));
/// ```
pub fn parse(specs: &[Spec], argv: &[String]) -> Result<Parsed, FlagError> {
    let mut out = Parsed::default();
    let mut i = 0;
    while i < argv.len() {
        let arg = &argv[i];
        i += 1;
        if arg == "--" {
            out.args.extend(argv[i..].iter().cloned());
            break;
        }
        if let Some(body) = arg.strip_prefix("--") {
            if body.starts_with('-') || body.starts_with('=') {
                return Err(FlagError::BadSyntax(arg.clone()));
            }
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let spec = specs
                .iter()
                .find(|s| s.name == name)
                .ok_or_else(|| FlagError::Unknown(name.into()))?;
            let value = match inline {
                Some(v) => v,
                None if spec.kind == Kind::Bool => "true".into(),
                None if spec.no_opt_default.is_some() => {
                    spec.no_opt_default.unwrap_or_default().into()
                }
                None => {
                    let v = argv
                        .get(i)
                        .ok_or_else(|| FlagError::NeedsArg(name.into()))?;
                    i += 1;
                    v.clone()
                }
            };
            set(&mut out, spec, value)?;
        } else if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            let chars: Vec<char> = shorts.chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                let spec = specs
                    .iter()
                    .find(|s| s.short == Some(c))
                    .ok_or_else(|| FlagError::UnknownShort(c, shorts.into()))?;
                let rest: String = chars[j + 1..].iter().collect();
                if let Some(v) = rest.strip_prefix('=') {
                    set(&mut out, spec, v.into())?;
                    break;
                }
                if spec.kind == Kind::Bool {
                    set(&mut out, spec, "true".into())?;
                    j += 1;
                    continue;
                }
                if let Some(d) = spec.no_opt_default.filter(|_| rest.is_empty()) {
                    set(&mut out, spec, d.into())?;
                    break;
                }
                let value = if !rest.is_empty() {
                    rest
                } else {
                    let v = argv
                        .get(i)
                        .ok_or_else(|| FlagError::NeedsArgShort(c, shorts.into()))?;
                    i += 1;
                    v.clone()
                };
                set(&mut out, spec, value)?;
                break;
            }
        } else {
            out.args.push(arg.clone());
        }
    }
    Ok(out)
}

fn set(out: &mut Parsed, spec: &Spec, value: String) -> Result<(), FlagError> {
    let invalid = |reason: String| FlagError::Invalid {
        value: value.clone(),
        flag: spec.display(),
        reason,
    };
    let values: Vec<String> = match spec.kind {
        Kind::Bool => {
            parse_bool(&value).ok_or_else(|| {
                invalid(format!(
                    "strconv.ParseBool: parsing \"{value}\": invalid syntax"
                ))
            })?;
            vec![value.clone()]
        }
        Kind::Int => {
            value.parse::<i64>().map_err(|_| {
                invalid(format!(
                    "strconv.ParseInt: parsing \"{value}\": invalid syntax"
                ))
            })?;
            vec![value.clone()]
        }
        Kind::Float => {
            value.parse::<f64>().map_err(|_| {
                invalid(format!(
                    "strconv.ParseFloat: parsing \"{value}\": invalid syntax"
                ))
            })?;
            vec![value.clone()]
        }
        Kind::Duration => {
            parse_duration(&value)
                .ok_or_else(|| invalid(format!("time: invalid duration \"{value}\"")))?;
            vec![value.clone()]
        }
        Kind::StringSlice => {
            if value.is_empty() {
                vec![]
            } else {
                split_csv(&value).map_err(invalid)?
            }
        }
        Kind::StringToString => {
            let pairs = split_csv(&value).map_err(invalid)?;
            for p in &pairs {
                if !p.contains('=') {
                    return Err(invalid(format!("{p} must be formatted as key=value")));
                }
            }
            pairs
        }
        Kind::String | Kind::StringArray => vec![value.clone()],
    };
    if let Some(note) = spec.deprecated {
        out.deprecations
            .push(format!("Flag --{} has been deprecated, {note}", spec.name));
    }
    let slot = out.values.entry(spec.name).or_default();
    match spec.kind {
        Kind::StringArray | Kind::StringSlice | Kind::StringToString => slot.extend(values),
        _ => *slot = values,
    }
    Ok(())
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Go's `time.ParseDuration`, in seconds: `5m0s`, `1h30m`, `300ms`, `-1.5h`.
pub fn parse_duration(s: &str) -> Option<f64> {
    let (neg, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if rest == "0" {
        return Some(0.0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = &rest[..num_len];
        if num.is_empty() || num == "." {
            return None;
        }
        let n: f64 = num.parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ns" => 1e-9,
            "us" | "µs" | "μs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += n * scale;
    }
    Some(if neg { -total } else { total })
}

/// One CSV record, as Go's `encoding/csv` reads it for pflag's string slices.
fn split_csv(s: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut at_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    if !matches!(chars.peek(), None | Some(',')) {
                        return Err("parse error on line 1, column 1: extraneous or missing \" in quoted-field".into());
                    }
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => {
                return Err("parse error on line 1, column 1: bare \" in non-quoted-field".into())
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
            }
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err(
            "parse error on line 1, column 1: extraneous or missing \" in quoted-field".into(),
        );
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs() -> Vec<Spec> {
        vec![
            Spec::new("namespace", Kind::String).short('n'),
            Spec::new("generate-name", Kind::Bool).short('g'),
            Spec::new("values", Kind::StringSlice).short('f'),
            Spec::new("set", Kind::StringArray),
            Spec::new("debug", Kind::Bool),
            Spec::new("dry-run", Kind::String).no_opt("unset"),
            Spec::new("timeout", Kind::Duration),
        ]
    }

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    fn err(s: &[&str]) -> String {
        parse(&specs(), &argv(s)).unwrap_err().to_string()
    }

    #[test]
    fn forms_of_values() {
        let p = parse(
            &specs(),
            &argv(&[
                "rel",
                "-ndemo",
                "chart",
                "--set",
                "a=1,b=2",
                "--set=c=3",
                "-f",
                "x.yaml,y.yaml",
                "-f=z.yaml",
            ]),
        )
        .unwrap();
        assert_eq!(p.args, ["rel", "chart"]);
        assert_eq!(p.string("namespace"), Some("demo"));
        assert_eq!(p.strings("set"), ["a=1,b=2", "c=3"]);
        assert_eq!(p.strings("values"), ["x.yaml", "y.yaml", "z.yaml"]);
    }

    #[test]
    fn bools_and_no_opt_defaults() {
        let p = parse(
            &specs(),
            &argv(&["-g", "--debug=false", "--dry-run", "server"]),
        )
        .unwrap();
        assert!(p.bool("generate-name"));
        assert!(!p.bool("debug"));
        assert!(p.is_set("debug"));
        assert_eq!(p.string("dry-run"), Some("unset"));
        assert_eq!(p.args, ["server"]);
    }

    #[test]
    fn double_dash_ends_flags() {
        let p = parse(&specs(), &argv(&["--", "-n", "x"])).unwrap();
        assert_eq!(p.args, ["-n", "x"]);
    }

    // Expected texts are what helm v4.1.4 printed for the same command lines.
    #[test]
    fn errors_match_pflag() {
        assert_eq!(err(&["--foo"]), "unknown flag: --foo");
        assert_eq!(err(&["-x"]), "unknown shorthand flag: 'x' in -x");
        assert_eq!(err(&["-gx"]), "unknown shorthand flag: 'x' in -gx");
        assert_eq!(err(&["-n"]), "flag needs an argument: 'n' in -n");
        assert_eq!(err(&["--set"]), "flag needs an argument: --set");
        assert_eq!(
            err(&["--debug=maybe"]),
            "invalid argument \"maybe\" for \"--debug\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        assert_eq!(
            err(&["-g=maybe"]),
            "invalid argument \"maybe\" for \"-g, --generate-name\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        assert_eq!(
            err(&["--timeout=abc"]),
            "invalid argument \"abc\" for \"--timeout\" flag: time: invalid duration \"abc\""
        );
    }

    #[test]
    fn csv_quoting_in_slices() {
        let p = parse(&specs(), &argv(&["-f", "a.yaml,\"b,c.yaml\""])).unwrap();
        assert_eq!(p.strings("values"), ["a.yaml", "b,c.yaml"]);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("5m0s"), Some(300.0));
        assert_eq!(parse_duration("1h30m"), Some(5400.0));
        assert_eq!(parse_duration("-1.5h"), Some(-5400.0));
        assert_eq!(parse_duration("10"), None);
        assert_eq!(parse_duration(""), None);
    }
}
