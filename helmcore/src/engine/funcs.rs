//! The function table a template set is parsed with: Go's builtins, then Sprig's (or any
//! [`Func`]s), then Helm's own, later names replacing earlier ones as Go's `Funcs` does.
//! The parser resolves each function name to an index here, so execution never looks a
//! name up.

use super::compiler::ast::FuncId;
use super::func::Func;
use crate::hash::HashMap;
use crate::value::Value;

type Res = Result<Value, String>;

/// Go's text/template builtins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    And,
    Or,
    Not,
    Len,
    Index,
    Slice,
    Print,
    Printf,
    Println,
    Html,
    Js,
    UrlQuery,
    Call,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Helm's functions that need the engine itself (the template set, the lint mode, the
/// cluster).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelmFn {
    Include,
    Tpl,
    Required,
    Fail,
    Lookup,
    /// Sprig's `getHostByName`: asks the [`HostResolver`](super::HostResolver) of the
    /// execution options, or answers `""` without one (Helm without `--enable-dns`).
    GetHostByName,
}

/// Functions helm v4 added to its table: helm v3.17 fails to parse a template that
/// calls one (`function "mustToYaml" not defined`), so `--compat v3` hides them.
pub const HELM4_ONLY: &[&str] = &["mustToYaml"];

/// What a function name resolves to.
#[derive(Clone, Copy, Debug)]
pub enum FuncKind {
    Builtin(Builtin),
    Go(Func),
    Helm(HelmFn),
}

/// A name → function table.
///
/// ```
/// use helmcore::engine::FuncTable;
/// let t = FuncTable::helm();
/// assert!(t.lookup("include").is_some());
/// assert!(t.lookup("printf").is_some());
/// assert!(t.lookup("nosuch").is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct FuncTable {
    index: HashMap<&'static str, FuncId>,
    entries: Vec<(&'static str, FuncKind)>,
}

const BUILTINS: &[(&str, Builtin)] = &[
    ("and", Builtin::And),
    ("call", Builtin::Call),
    ("html", Builtin::Html),
    ("index", Builtin::Index),
    ("slice", Builtin::Slice),
    ("js", Builtin::Js),
    ("len", Builtin::Len),
    ("not", Builtin::Not),
    ("or", Builtin::Or),
    ("print", Builtin::Print),
    ("printf", Builtin::Printf),
    ("println", Builtin::Println),
    ("urlquery", Builtin::UrlQuery),
    ("eq", Builtin::Eq),
    ("ge", Builtin::Ge),
    ("gt", Builtin::Gt),
    ("le", Builtin::Le),
    ("lt", Builtin::Lt),
    ("ne", Builtin::Ne),
];

impl FuncTable {
    /// Go's builtins only.
    pub fn builtins() -> FuncTable {
        let mut t = FuncTable::default();
        for &(name, b) in BUILTINS {
            t.set(name, FuncKind::Builtin(b));
        }
        t
    }

    /// Helm's function table: Go's builtins, Sprig's functions (those `helmcore::sprig`
    /// provides), then Helm's own (`include`, `tpl`, `required`, `fail`, `lookup`, the
    /// serialization functions and `getHostByName`), each replacing earlier
    /// ones of the same name as Helm's `Funcs` calls do.
    pub fn helm() -> FuncTable {
        let mut t = FuncTable::builtins();
        t.extend(crate::sprig::functions().filter(|f| f.name != "env" && f.name != "expandenv"));
        t.with_helm();
        t
    }

    /// Adds (or replaces with) Helm's own functions.
    pub fn with_helm(&mut self) -> &mut Self {
        self.set("include", FuncKind::Helm(HelmFn::Include));
        self.set("tpl", FuncKind::Helm(HelmFn::Tpl));
        self.set("required", FuncKind::Helm(HelmFn::Required));
        self.set("fail", FuncKind::Helm(HelmFn::Fail));
        self.set("lookup", FuncKind::Helm(HelmFn::Lookup));
        for f in super::helm::serial::FUNCS {
            self.insert(*f);
        }
        self.set("getHostByName", FuncKind::Helm(HelmFn::GetHostByName));
        self
    }

    /// This table as helm3 has it (functions the table replaced are left alone):
    /// helm4's `toToml` becomes helm3's, whose BurntSushi/toml v1.4 writes floats in
    /// plain decimals, `fromToml` helm3's, which reads TOML 1.0 with v1.4's messages,
    /// `semver` helm3's, whose Masterminds/semver v3.3 lets
    /// `SetPrerelease`/`SetMetadata` take empty parts, and the functions helm4 added
    /// ([`HELM4_ONLY`]) parse as undefined. The function ids stay, so templates parsed
    /// with either table run with both.
    pub fn for_helm3(&self) -> FuncTable {
        use super::helm::serial;
        use crate::sprig::semver;
        let mut t = self.clone();
        // A function's name, the test that its entry is still helm4's, helm3's version.
        type Swap = (&'static str, fn(fn(Vec<Value>) -> Res) -> bool, Func);
        let swaps: [Swap; 3] = [
            ("toToml", serial::is_helm4_to_toml, serial::TO_TOML_HELM3),
            (
                "fromToml",
                serial::is_helm4_from_toml,
                serial::FROM_TOML_HELM3,
            ),
            ("semver", semver::is_helm4_semver, semver::SEMVER_HELM3),
        ];
        for (name, is_helm4, helm3) in swaps {
            let Some(&id) = t.index.get(name) else {
                continue;
            };
            if matches!(&t.entries[id as usize].1, FuncKind::Go(f) if is_helm4(f.call)) {
                t.entries[id as usize].1 = FuncKind::Go(helm3);
            }
        }
        t.without(HELM4_ONLY)
    }

    /// Adds or replaces one function.
    pub fn insert(&mut self, f: Func) -> &mut Self {
        self.set(f.name, FuncKind::Go(f));
        self
    }

    /// Adds or replaces several functions.
    pub fn extend<'a>(&mut self, funcs: impl IntoIterator<Item = &'a Func>) -> &mut Self {
        for f in funcs {
            self.insert(*f);
        }
        self
    }

    fn set(&mut self, name: &'static str, kind: FuncKind) {
        if let Some(&id) = self.index.get(name) {
            self.entries[id as usize].1 = kind;
        } else {
            self.index.insert(name, self.entries.len() as FuncId);
            self.entries.push((name, kind));
        }
    }

    /// The id of function `name` and the table's own copy of the name.
    pub fn lookup_name(&self, name: &str) -> Option<(FuncId, &'static str)> {
        self.index.get_key_value(name).map(|(k, id)| (*id, *k))
    }

    /// The id of a function name.
    pub fn lookup(&self, name: &str) -> Option<FuncId> {
        self.index.get(name).copied()
    }

    /// The function behind an id from [`lookup`](Self::lookup).
    pub fn get(&self, id: FuncId) -> Option<&FuncKind> {
        self.entries.get(id as usize).map(|(_, k)| k)
    }

    /// The table as an older Helm has it: `names` parse as undefined functions
    /// (`function "mustToYaml" not defined`), every other name keeps its id, so trees
    /// parsed with either table run with both.
    ///
    /// ```
    /// use helmcore::engine::{FuncTable, HELM4_ONLY};
    /// let v4 = FuncTable::helm();
    /// let v3 = v4.without(HELM4_ONLY);
    /// assert!(v3.lookup("mustToYaml").is_none());
    /// assert_eq!(v3.lookup("toYaml"), v4.lookup("toYaml"));
    /// ```
    pub fn without(&self, names: &[&str]) -> FuncTable {
        let mut t = self.clone();
        for n in names {
            t.index.remove(*n);
        }
        t
    }

    /// Every function name, in insertion order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(n, _)| *n)
    }
}
