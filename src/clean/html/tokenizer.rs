//! A small HTML tokenizer: text, start tags (with the few attributes cleaning looks at), end
//! tags, comments and declarations, as byte ranges into the page. One forward pass; the body
//! of `<script>`, `<style>` and the like is one raw-text token that ends at its closing tag.
//!
//! It is forgiving the way browsers are: a `<` that does not open a tag is text, a tag cut off
//! by the end of the page ends there, an unclosed quote in an attribute falls back to the
//! first `>`. It is not a tree builder (`tree.rs` keeps the stack of open elements).

use std::ops::Range;

/// One token of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Character data (entities still encoded).
    Text(Range<usize>),
    /// `<name ...>`; `attrs` is the range between the name and the closing `>`.
    Start {
        name: String,
        attrs: Range<usize>,
        range: Range<usize>,
        self_closing: bool,
    },
    /// `</name>`.
    End { name: String, range: Range<usize> },
    /// The contents of a raw-text element (`script`, `style`, ...), without its tags.
    RawText(Range<usize>),
    /// `<!-- -->`, `<!DOCTYPE>`, `<![CDATA[ ]]>`, `<? ?>`.
    Other(Range<usize>),
}

/// Elements whose content is not markup: it runs to the matching end tag.
pub const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

/// Splits `html` into tokens, in order, covering every byte.
pub fn tokenize(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + off;
        let Some((token, end)) = markup_at(html, at) else {
            i = at + 1;
            continue;
        };
        if text_start < at {
            tokens.push(Token::Text(text_start..at));
        }
        let raw = match &token {
            Token::Start {
                name,
                self_closing: false,
                ..
            } if RAW_TEXT.contains(&name.as_str()) => Some(name.clone()),
            _ => None,
        };
        tokens.push(token);
        i = end;
        if let Some(name) = raw {
            let close = find_end_tag(b, end, &name);
            if end < close {
                tokens.push(Token::RawText(end..close));
            }
            i = close;
        }
        text_start = i;
    }
    if text_start < b.len() {
        tokens.push(Token::Text(text_start..b.len()));
    }
    tokens
}

/// The token starting with the `<` at `at` and where it ends, or `None` if the `<` is text.
fn markup_at(html: &str, at: usize) -> Option<(Token, usize)> {
    let b = html.as_bytes();
    match b.get(at + 1)? {
        b'!' => Some(declaration(b, at)),
        b'?' => {
            let end = find(b, at + 2, b">").map_or(b.len(), |p| p + 1);
            Some((Token::Other(at..end), end))
        }
        b'/' => {
            let (name, after) = tag_name(b, at + 2)?;
            let end = tag_close(b, after);
            Some((
                Token::End {
                    name,
                    range: at..end,
                },
                end,
            ))
        }
        c if c.is_ascii_alphabetic() => {
            let (name, after) = tag_name(b, at + 1)?;
            let end = tag_close(b, after);
            let inner_end = if b.get(end - 1) == Some(&b'>') {
                end - 1
            } else {
                end
            };
            let self_closing = inner_end > after && b[inner_end - 1] == b'/';
            Some((
                Token::Start {
                    name,
                    attrs: after..inner_end,
                    range: at..end,
                    self_closing,
                },
                end,
            ))
        }
        _ => None,
    }
}

/// `<!-- ... -->`, `<![CDATA[ ... ]]>`, `<!DOCTYPE ...>`.
fn declaration(b: &[u8], at: usize) -> (Token, usize) {
    let rest = &b[at..];
    let end = if rest.starts_with(b"<!--") {
        find(b, at + 4, b"-->").map_or(b.len(), |p| p + 3)
    } else if rest.starts_with(b"<![CDATA[") {
        find(b, at + 9, b"]]>").map_or(b.len(), |p| p + 3)
    } else {
        find(b, at + 2, b">").map_or(b.len(), |p| p + 1)
    };
    (Token::Other(at..end), end)
}

/// A tag name starting at `from` (lower-cased) and the byte after it.
fn tag_name(b: &[u8], from: usize) -> Option<(String, usize)> {
    let len = b[from.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        .count();
    if len == 0 || !b[from].is_ascii_alphabetic() {
        return None;
    }
    let name = String::from_utf8_lossy(&b[from..from + len]).to_ascii_lowercase();
    Some((name, from + len))
}

/// Attribute values longer than this are not believed: the quote was a typo.
const MAX_QUOTED: usize = 4096;

/// Where a tag whose name ends at `from` ends: after the first `>` outside quotes, or after
/// the first `>` at all when a quote does not close soon, or at the end of the page.
fn tag_close(b: &[u8], from: usize) -> usize {
    let mut quote = 0u8;
    for (k, &c) in b[from..].iter().enumerate().take(MAX_QUOTED) {
        match c {
            b'"' | b'\'' if quote == 0 => quote = c,
            c if c == quote => quote = 0,
            b'>' if quote == 0 => return from + k + 1,
            _ => {}
        }
    }
    find(b, from, b">").map_or(b.len(), |p| p + 1)
}

/// The start of `</name` (any case) at or after `from`, or the end of the page.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let n = name.as_bytes();
    let mut i = from;
    while let Some(off) = b[i..].windows(2).position(|w| w == b"</") {
        let at = i + off;
        let after = at + 2;
        if b.len() >= after + n.len() && b[after..after + n.len()].eq_ignore_ascii_case(n) {
            let next = b.get(after + n.len()).copied().unwrap_or(b'>');
            if !next.is_ascii_alphanumeric() {
                return at;
            }
        }
        i = at + 2;
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = &b[from.min(b.len())..];
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The value of attribute `name` in the attribute text `attrs` (`class="a b"`, `id=x`,
/// `hidden`), if present; an attribute without a value gives `""`.
pub fn attribute<'a>(html: &'a str, attrs: &Range<usize>, name: &str) -> Option<&'a str> {
    let s = &html[attrs.clone()];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = &s[key_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v, next) = attr_value(s, i);
            value = v;
            i = next;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if i == key_start {
            i += 1;
        }
    }
    None
}

/// A quoted or bare attribute value at `i` and the index after it.
fn attr_value(s: &str, i: usize) -> (&str, usize) {
    let b = s.as_bytes();
    match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => match b[i + 1..].iter().position(|&c| c == q) {
            Some(len) => (&s[i + 1..i + 1 + len], i + len + 2),
            None => (&s[i + 1..], b.len()),
        },
        Some(_) => {
            let len = b[i..]
                .iter()
                .take_while(|c| !c.is_ascii_whitespace() && **c != b'>')
                .count();
            (&s[i..i + len], i + len)
        }
        None => ("", i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_page() {
        let html = "<!DOCTYPE html><p class=\"a b\">Hi &amp; <b>you</b></p><script>if (a<b) x='</p>';</script>t<br/>";
        let toks = tokenize(html);
        let names: Vec<String> = toks
            .iter()
            .map(|t| match t {
                Token::Text(r) => format!("T:{}", &html[r.clone()]),
                Token::Start { name, .. } => format!("S:{name}"),
                Token::End { name, .. } => format!("E:{name}"),
                Token::RawText(r) => format!("R:{}", &html[r.clone()]),
                Token::Other(_) => "O".to_string(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "O",
                "S:p",
                "T:Hi &amp; ",
                "S:b",
                "T:you",
                "E:b",
                "E:p",
                "S:script",
                "R:if (a<b) x='</p>';",
                "E:script",
                "T:t",
                "S:br"
            ]
        );
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        let html = "a < b and 3<4 <> done";
        assert_eq!(tokenize(html), vec![Token::Text(0..html.len())]);
    }

    #[test]
    fn attributes() {
        let html = "<div id=main class='story body' hidden data-x=\"1>2\">";
        let Token::Start { attrs, .. } = &tokenize(html)[0] else {
            panic!()
        };
        assert_eq!(attribute(html, attrs, "class"), Some("story body"));
        assert_eq!(attribute(html, attrs, "id"), Some("main"));
        assert_eq!(attribute(html, attrs, "hidden"), Some(""));
        assert_eq!(attribute(html, attrs, "style"), None);
    }

    #[test]
    fn unclosed_things_end_at_the_page_end() {
        let html = "<p>text<script>never closed";
        let toks = tokenize(html);
        assert!(matches!(toks.last(), Some(Token::RawText(_))));
        assert!(!tokenize("<div class=\"oops>text").is_empty());
    }
}
