//! Glob patterns as `.Files.Glob` reads them (gobwas/glob with `/` as the separator):
//! `*` any run of characters but `/`, `**` any run at all, `?` one character but `/`,
//! `[abc]`, `[!abc]`, `[a-z]`, `[!a-z]` one character (any, `/` included), `{a,b}`
//! alternatives (nesting allowed), `\` escapes. A pattern gobwas refuses makes Helm fall
//! back to `**`, which matches every file.
//!
//! The pattern is translated into an anchored regular expression, so matching is linear.

use regex::Regex;

/// A compiled `.Files.Glob` pattern.
#[derive(Debug, Clone)]
pub struct Glob(Regex);

impl Glob {
    /// Compiles `pattern`; a pattern gobwas/glob would refuse matches everything, as in
    /// Helm.
    ///
    /// ```
    /// use helmcore::render::Glob;
    /// let g = Glob::new("files/*.{conf,cfg}");
    /// assert!(g.matches("files/a.conf"));
    /// assert!(!g.matches("files/x/a.conf"));
    /// assert!(Glob::new("files/**").matches("files/x/a.conf"));
    /// assert!(Glob::new("[z-a]").matches("anything/at/all")); // refused: Helm uses `**`
    /// ```
    pub fn new(pattern: &str) -> Glob {
        let re = translate(pattern)
            .and_then(|src| Regex::new(&src).ok())
            .unwrap_or_else(match_all);
        Glob(re)
    }

    pub fn matches(&self, name: &str) -> bool {
        self.0.is_match(name)
    }
}

fn match_all() -> Regex {
    // A constant expression: it always compiles.
    Regex::new(r"(?s)\A.*\z").unwrap_or_else(|_| unreachable!())
}

/// What gobwas's lexer yields.
enum Token {
    Text(String),
    Any,
    Super,
    Single,
    /// `[...]`: negated, then either a character list or a range.
    Class {
        not: bool,
        chars: String,
        range: Option<(char, char)>,
    },
    Open,
    Comma,
    Close,
}

/// gobwas/glob's lexer: text runs (with `\` escapes) broken by the special characters;
/// `,` and `}` are special only inside braces.
fn lex(p: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => {
                depth += 1;
                out.push(Token::Open);
                i += 1;
            }
            ',' if depth > 0 => {
                out.push(Token::Comma);
                i += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                out.push(Token::Close);
                i += 1;
            }
            '[' => {
                let (tok, next) = lex_class(&chars, i + 1)?;
                out.push(tok);
                i = next;
            }
            '?' => {
                out.push(Token::Single);
                i += 1;
            }
            '*' => {
                if chars.get(i + 1) == Some(&'*') {
                    out.push(Token::Super);
                    i += 2;
                } else {
                    out.push(Token::Any);
                    i += 1;
                }
            }
            _ => {
                let breakers: &[char] = if depth > 0 {
                    &['?', '*', '[', '{', '}', ',']
                } else {
                    &['?', '*', '[', '{']
                };
                let (text, next) = lex_text(&chars, i, breakers);
                if !text.is_empty() {
                    out.push(Token::Text(text));
                }
                i = next;
            }
        }
    }
    Some(out)
}

fn lex_text(chars: &[char], mut i: usize, breakers: &[char]) -> (String, usize) {
    let mut text = String::new();
    let mut escaped = false;
    while i < chars.len() {
        let c = chars[i];
        if !escaped {
            if c == '\\' {
                escaped = true;
                i += 1;
                continue;
            }
            if breakers.contains(&c) {
                break;
            }
        }
        escaped = false;
        text.push(c);
        i += 1;
    }
    (text, i)
}

/// The inside of `[...]`, from after the `[`. gobwas accepts `[!]`-negation, then either
/// one `lo-hi` range or a list of characters, then `]`.
fn lex_class(chars: &[char], mut i: usize) -> Option<(Token, usize)> {
    let mut not = false;
    let mut range = None;
    let mut list = String::new();
    let mut seen_not = false;
    loop {
        let c = *chars.get(i)?;
        if !seen_not && c == '!' {
            not = true;
            seen_not = true;
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'-') {
            let hi = *chars.get(i + 2)?;
            if chars.get(i + 3) != Some(&']') || hi < c || c == '\0' || hi == '\0' {
                return None;
            }
            range = Some((c, hi));
            i += 4;
            break;
        }
        let (text, next) = lex_text(chars, i, &[']']);
        list = text;
        if chars.get(next) != Some(&']') {
            return None;
        }
        i = next + 1;
        break;
    }
    if range.is_none() && list.is_empty() {
        return None;
    }
    Some((
        Token::Class {
            not,
            chars: list,
            range,
        },
        i,
    ))
}

/// The regular expression for a pattern, or `None` when gobwas would refuse it.
fn translate(pattern: &str) -> Option<String> {
    let tokens = lex(pattern)?;
    let mut re = String::from(r"(?s)\A");
    // Open braces: each alternative list becomes a non-capturing group. An unclosed
    // brace at the end is closed, as gobwas's parser simply stops there.
    let mut open = 0usize;
    for t in tokens {
        match t {
            Token::Text(s) => re.push_str(&regex::escape(&s)),
            Token::Any => re.push_str("[^/]*"),
            Token::Super => re.push_str(".*"),
            Token::Single => re.push_str("[^/]"),
            Token::Class { not, chars, range } => {
                re.push('[');
                if not {
                    re.push('^');
                }
                match range {
                    Some((lo, hi)) => {
                        re.push_str(&class_char(lo));
                        re.push('-');
                        re.push_str(&class_char(hi));
                    }
                    None => chars.chars().for_each(|c| re.push_str(&class_char(c))),
                }
                re.push(']');
            }
            Token::Open => {
                open += 1;
                re.push_str("(?:");
            }
            Token::Comma => re.push('|'),
            Token::Close => {
                open = open.saturating_sub(1);
                re.push(')');
            }
        }
    }
    for _ in 0..open {
        re.push(')');
    }
    re.push_str(r"\z");
    Some(re)
}

/// A character inside a regex class, escaped.
fn class_char(c: char) -> String {
    if c.is_ascii_alphanumeric() {
        c.to_string()
    } else {
        format!("\\x{{{:x}}}", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Which of these names helm4's `.Files.Glob PATTERN` returned (probed with a chart
    // holding exactly these files).
    #[test]
    fn matches_as_gobwas_does() {
        let names = [
            "a.txt",
            "b.conf",
            "files/a.conf",
            "files/x/b.conf",
            "files/c.cfg",
            "[x].txt",
            "f?.txt",
        ];
        let pick = |p: &str| -> Vec<&str> {
            let g = Glob::new(p);
            names.iter().copied().filter(|n| g.matches(n)).collect()
        };
        assert_eq!(pick("*.txt"), ["a.txt", "[x].txt", "f?.txt"]);
        assert_eq!(pick("files/*"), ["files/a.conf", "files/c.cfg"]);
        assert_eq!(
            pick("files/**"),
            ["files/a.conf", "files/x/b.conf", "files/c.cfg"]
        );
        assert_eq!(
            pick("**.conf"),
            ["b.conf", "files/a.conf", "files/x/b.conf"]
        );
        assert_eq!(pick("files/*.{conf,cfg}"), ["files/a.conf", "files/c.cfg"]);
        assert_eq!(pick("[ab].*"), ["a.txt", "b.conf"]);
        assert_eq!(pick("[!ab].*"), Vec::<&str>::new());
        assert_eq!(pick("[!ab]*"), ["[x].txt", "f?.txt"]);
        assert_eq!(pick("{a.txt,b"), ["a.txt"]);
        assert_eq!(pick("[ab-c]*"), ["a.txt", "b.conf"]);
        assert_eq!(
            pick("{*.txt,files/{a,c}.*}"),
            ["a.txt", "files/a.conf", "files/c.cfg", "[x].txt", "f?.txt"]
        );
        assert_eq!(pick("[a-b]*"), ["a.txt", "b.conf"]);
        assert_eq!(pick("\\[x\\].txt"), ["[x].txt"]);
        assert_eq!(pick("f\\?.txt"), ["f?.txt"]);
        assert_eq!(pick("?.txt"), ["a.txt"]);
        assert_eq!(pick("nothing"), Vec::<&str>::new());
        // Refused patterns fall back to `**`.
        assert_eq!(pick("[").len(), names.len());
        assert_eq!(pick("[]").len(), names.len());
        assert_eq!(pick("[b-a]").len(), names.len());
    }
}
