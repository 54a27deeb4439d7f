//! Go slices as templates see them.
//!
//! Most lists are `[]interface{}`, but a few Sprig functions hand back other slice types
//! (`splitList`, `keys`, `regexFindAll` give `[]string`, `until` gives `[]int`), which
//! `typeOf` and `printf "%#v"` show, and some hand back a *nil* slice (`rest` and
//! `initial` of an empty list, `concat` of empty lists, `regexFindAll` without a match),
//! which `toJson` and `toYaml` write as `null` where an empty slice is `[]`.

use std::ops::Deref;
use std::sync::Arc;

use super::Value;

/// A Go slice's element type, as far as templates can tell slices apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Elem {
    /// `[]interface {}`: lists from values files, `list`, and nearly every function.
    #[default]
    Interface,
    /// `[]string`.
    String,
    /// `[]int`.
    Int,
    /// `[][]interface {}` (`chunk`).
    Slice,
    /// `[]*chart.Maintainer` (helm3's `.Chart.Maintainers`).
    Maintainer,
    /// `[]*chart.Dependency` (helm3's `.Chart.Dependencies`).
    Dependency,
}

impl Elem {
    /// Go's `%T` of a slice of this element type.
    pub fn slice_type(self) -> &'static str {
        match self {
            Elem::Interface => "[]interface {}",
            Elem::String => "[]string",
            Elem::Int => "[]int",
            Elem::Slice => "[][]interface {}",
            Elem::Maintainer => "[]*chart.Maintainer",
            Elem::Dependency => "[]*chart.Dependency",
        }
    }
}

/// An immutable, cheaply cloned Go slice: its items, element type, and whether it is
/// nil. It reads as the items it holds.
///
/// ```
/// use helmcore::value::{Elem, List, Value};
/// let keys = List::typed(vec![Value::from("a")], Elem::String);
/// assert_eq!(Value::List(keys.clone()).type_name(), "[]string");
/// assert_eq!(keys.len(), 1);
/// assert!(List::nil(Elem::Interface).is_nil());
/// ```
#[derive(Clone, Default)]
pub struct List {
    items: Arc<Vec<Value>>,
    elem: Elem,
    nil: bool,
}

impl List {
    /// A `[]interface {}` holding `items`.
    pub fn new(items: Vec<Value>) -> List {
        List::typed(items, Elem::Interface)
    }

    /// A slice of element type `elem` holding `items`.
    pub fn typed(items: Vec<Value>, elem: Elem) -> List {
        List {
            items: Arc::new(items),
            elem,
            nil: false,
        }
    }

    /// A nil slice of element type `elem`: no items, written `null` by `toJson`.
    pub fn nil(elem: Elem) -> List {
        List {
            items: Arc::default(),
            elem,
            nil: true,
        }
    }

    /// A slice of the same element type as `self` holding `items` (Go's `s[i:j]` and
    /// `copystructure` keep the type). Slicing a nil slice to nothing stays nil.
    pub fn with_items(&self, items: Vec<Value>) -> List {
        List {
            nil: self.nil && items.is_empty(),
            items: Arc::new(items),
            elem: self.elem,
        }
    }

    pub fn is_nil(&self) -> bool {
        self.nil
    }

    pub fn elem(&self) -> Elem {
        self.elem
    }

    /// Whether both share one allocation (a cheap first test of equality).
    pub fn ptr_eq(a: &List, b: &List) -> bool {
        Arc::ptr_eq(&a.items, &b.items)
    }
}

impl Deref for List {
    type Target = Vec<Value>;

    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl From<Vec<Value>> for List {
    fn from(items: Vec<Value>) -> List {
        List::new(items)
    }
}

/// Go's `reflect.DeepEqual`: the same slice type, both nil or neither, equal items.
impl PartialEq for List {
    fn eq(&self, other: &List) -> bool {
        self.elem == other.elem
            && self.nil == other.nil
            && (List::ptr_eq(self, other) || self.items == other.items)
    }
}

impl std::fmt::Debug for List {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.items.iter()).finish()
    }
}
