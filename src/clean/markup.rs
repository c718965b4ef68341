//! Markup left in text: HTML tags (`<a href="...">`, `</FONT>`, also once entity-decoded from
//! `&lt;b&gt;`), comments, whole `<script>`/`<style>` elements, template placeholders
//! (`{{ title }}`, `{% if %}`, `<% %>`) and WordPress-style shortcodes (`[caption id="1"]`).
//! Block tags leave a paragraph break, `<br>` a line break, inline tags nothing.
//!
//! Only names HTML defines count as tags, so `<TXN.N>` (a ticker) and `a < b > c` stay.
//! Raw pages go through `html/` instead; this is for text that merely carries markup.

use super::edit::{Edit, Kind};

/// The longest tag or placeholder we remove (a guard against unclosed `<`).
const MAX_TAG: usize = 2000;

/// Tag names that break a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Inline and void tag names.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "amp-img", "b", "big", "button", "caption", "cite", "code", "del", "em", "embed",
    "font", "g", "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "mark", "meta",
    "noscript", "object", "option", "param", "path", "picture", "q", "s", "select", "small",
    "source", "span", "strike", "strong", "sub", "sup", "svg", "template", "textarea", "time",
    "tt", "u", "use", "video", "wbr",
];

/// The edits that remove markup from `text`.
pub fn markup_edits(text: &str) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    let mut closers = Closers::default();
    let mut i = 0;
    while let Some(off) = memchr::memchr3(b'<', b'{', b'[', &b[i..]) {
        let at = i + off;
        let found = match b[at] {
            b'<' => tag_at(text, at, &mut closers),
            b'{' => template_at(b, at),
            _ => shortcode_at(b, at),
        };
        match found {
            Some((end, kind, sep)) => {
                edits.push(Edit::remove(at..end, kind, sep));
                i = end;
            }
            None => i = at + 1,
        }
    }
    edits
}

/// Where the next `-->`, `</script` and `</style` are, remembered so that a text full of
/// unclosed openers is still scanned in linear time.
#[derive(Default)]
struct Closers {
    found: [Option<(usize, Option<usize>)>; 3],
}

impl Closers {
    const NEEDLES: [&'static [u8]; 3] = [b"-->", b"</script", b"</style"];

    /// The first occurrence of closer `k` at or after `from` (case-insensitive).
    fn next(&mut self, b: &[u8], k: usize, from: usize) -> Option<usize> {
        if let Some((searched, hit)) = self.found[k] {
            if from >= searched && hit.is_none_or(|h| h >= from) {
                return hit;
            }
        }
        let needle = Self::NEEDLES[k];
        let hit = b[from.min(b.len())..]
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| from + p);
        self.found[k] = Some((from, hit));
        hit
    }
}

/// A tag, comment or script/style element at `at`: its end, kind and separator.
fn tag_at(text: &str, at: usize, closers: &mut Closers) -> Option<(usize, Kind, &'static str)> {
    let b = text.as_bytes();
    let rest = &b[at..];
    if rest.starts_with(b"<!--") {
        let end = closers.next(b, 0, at + 4)? + 3;
        return Some((end, Kind::Markup, ""));
    }
    let closing = rest.get(1) == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let name_len = b[name_start..]
        .iter()
        .take(12)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let after = b.get(name_start + name_len).copied()?;
    if name_len == 0 || !matches!(after, b'>' | b' ' | b'/' | b'\n' | b'\t') {
        return None;
    }
    let name = text[name_start..name_start + name_len].to_ascii_lowercase();
    let end = tag_end(b, name_start + name_len)?;
    if !closing && (name == "script" || name == "style") {
        let k = if name == "script" { 1 } else { 2 };
        let body_end = closers.next(b, k, end)?;
        let close_end = tag_end(b, body_end + Closers::NEEDLES[k].len())?;
        return Some((close_end, Kind::Code, "\n\n"));
    }
    if BLOCK_TAGS.contains(&name.as_str()) {
        Some((end, Kind::Markup, "\n\n"))
    } else if name == "br" {
        Some((end, Kind::Markup, "\n"))
    } else if INLINE_TAGS.contains(&name.as_str()) {
        Some((end, Kind::Markup, ""))
    } else {
        None
    }
}

/// The end of a tag whose name ends at `from`: after the `>` (attributes may hold quoted `>`).
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = 0u8;
    for (k, &c) in b[from..].iter().enumerate().take(MAX_TAG) {
        match c {
            b'"' | b'\'' if quote == 0 => quote = c,
            c if c == quote => quote = 0,
            b'>' if quote == 0 => return Some(from + k + 1),
            b'<' if quote == 0 => return None,
            _ => {}
        }
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8], limit: usize) -> Option<usize> {
    let hay = &b[from..b.len().min(from + limit)];
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// `{{ ... }}`, `{% ... %}`, `{# ... #}` on one line.
fn template_at(b: &[u8], at: usize) -> Option<(usize, Kind, &'static str)> {
    let close: &[u8] = match b.get(at + 1)? {
        b'{' => b"}}",
        b'%' => b"%}",
        b'#' => b"#}",
        _ => return None,
    };
    let end = find(b, at + 2, close, 200)?;
    if b[at..end].contains(&b'\n') {
        return None;
    }
    Some((end + 2, Kind::Markup, ""))
}

/// `[caption id="attachment_1" align="alignnone"]`, `[/caption]`, `[gallery ids="1,2"]`.
fn shortcode_at(b: &[u8], at: usize) -> Option<(usize, Kind, &'static str)> {
    let closing = b.get(at + 1) == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let name_len = b[name_start..]
        .iter()
        .take(30)
        .take_while(|c| c.is_ascii_lowercase() || **c == b'_')
        .count();
    if name_len < 3 {
        return None;
    }
    let close = at
        + 1
        + b[at + 1..]
            .iter()
            .take(MAX_TAG)
            .position(|&c| c == b']' || c == b'\n' || c == b'[')?;
    if b[close] != b']' {
        return None;
    }
    let body = &b[name_start + name_len..close];
    let has_attr = body.windows(2).any(|w| w == b"=\"");
    let ok = if closing {
        body.is_empty()
    } else {
        has_attr && body.first() == Some(&b' ')
    };
    ok.then_some((close + 1, Kind::Markup, ""))
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply_to_str;
    use super::*;

    fn strip(t: &str) -> String {
        apply_to_str(t, &markup_edits(t))
    }

    #[test]
    fn removes_tags_keeps_text() {
        assert_eq!(
            strip("Staples Inc. <A HREF=\"http://x.com/q?s=SPLS.O\">SPLS.O</A>, the"),
            "Staples Inc. SPLS.O, the"
        );
        assert_eq!(
            strip("<FONT face=\"verdana\" color=\"#666666\"><B>-The Post</B></FONT>"),
            "-The Post"
        );
        assert_eq!(
            strip("one<p>two</p>three<br/>four"),
            "one\n\ntwo\n\nthree\nfour"
        );
    }

    #[test]
    fn removes_script_elements_comments_templates_shortcodes() {
        assert_eq!(
            strip("a<script type=\"x\">var a = '<b>';</script>b"),
            "a\n\nb"
        );
        assert_eq!(strip("a<!-- hidden -->b"), "ab");
        assert_eq!(
            strip("Hello {{ user.name }}, {% if x %}yes{% endif %}"),
            "Hello , yes"
        );
        assert_eq!(
            strip("[caption id=\"attachment_5\" align=\"alignnone\"]Photo[/caption] text"),
            "Photo text"
        );
    }

    #[test]
    fn leaves_lookalikes() {
        for t in [
            "Texas Instruments <TXN.N> rose",
            "if a < b and b > c",
            "a {b} c",
            "[sic] and [1]",
            "<40% vs >40%",
        ] {
            assert_eq!(strip(t), t);
        }
    }
}
