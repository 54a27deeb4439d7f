//! Go's `unicode` predicates (by general category, as Go defines them), which differ
//! from Rust's derived properties at the edges. `IsPrint` is [`crate::gofmt::is_print`].

use unicode_general_category::{get_general_category, GeneralCategory as G};

/// Go's `unicode.IsUpper`: category Lu.
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    get_general_category(c) == G::UppercaseLetter
}

/// Go's `unicode.IsLower`: category Ll.
pub(crate) fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    get_general_category(c) == G::LowercaseLetter
}

/// Go's `unicode.IsLetter`: category L.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
    )
}

/// Go's `unicode.IsTitle`: category Lt.
pub(crate) fn is_title(c: char) -> bool {
    get_general_category(c) == G::TitlecaseLetter
}

/// Go's `unicode.IsDigit`: category Nd.
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    get_general_category(c) == G::DecimalNumber
}

/// Go's `unicode.IsNumber`: category N.
pub(crate) fn is_number(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::DecimalNumber | G::LetterNumber | G::OtherNumber
    )
}

/// Go's `unicode.IsPunct`: category P.
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::ConnectorPunctuation
            | G::DashPunctuation
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
    )
}

/// Go's `unicode.IsSpace`: the White_Space property, which Rust's `is_whitespace` is.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Go's `unicode.ToTitle` for one rune: Rust's title-case mapping is not exposed, so
/// this uses upper case except for the digraphs whose title form differs.
pub(crate) fn to_title(c: char) -> char {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        _ => to_upper(c),
    }
}

/// Go's `unicode.ToUpper`: a single-rune mapping (`ß` stays `ß`).
pub(crate) fn to_upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToLower`: a single-rune mapping.
pub(crate) fn to_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Go's `strings.ToUpper`.
pub(crate) fn upper(s: &str) -> String {
    s.chars().map(to_upper).collect()
}

/// Go's `strings.ToLower`.
pub(crate) fn lower(s: &str) -> String {
    s.chars().map(to_lower).collect()
}
