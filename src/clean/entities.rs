//! HTML character references left in text: `&amp;`, `&#39;`, `&#x2019;`, double-escaped ones
//! (`&amp;quot;`, decoded until nothing is left) and the half-broken forms scrapers leave when
//! they drop the ampersand (`isn #39;t`, ` quot;word`), where the space that replaced the `&`
//! goes too.
//!
//! Numeric references 128-159 mean their Windows-1252 characters, as browsers read them.
//! This is not an HTML parser: tags are the markup stage's job.

use super::edit::{Edit, Tracked};
use super::entity_names;
use std::borrow::Cow;

/// The longest entity name we try (`thetasym`).
const MAX_NAME: usize = 8;

/// Names that browsers also accept without the closing `;`.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Names that appear bare (`quot;`) when a scraper dropped the `&`.
const BROKEN_NAMES: &[&str] = &["quot", "amp", "lt", "gt", "apos", "nbsp"];

/// Decodes references until none is left (double escaping). Every round shortens the
/// text, so the bound is only a guard.
pub fn decode(text: &mut Tracked) {
    text.apply_until_stable(16, entity_edits);
}

/// The edits that decode one layer of references in `text`.
pub fn entity_edits(text: &str) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr2(b'&', b';', &bytes[i..]) {
        let at = i + off;
        i = at + 1;
        if bytes[at] == b'&' {
            if let Some((end, c)) = parse_reference(bytes, at) {
                edits.push(Edit::replace(at..end, char_string(c)));
                i = end;
            }
        } else if let Some((start, c)) = broken_reference_before(bytes, at) {
            if edits.last().is_none_or(|e: &Edit| e.range.end <= start) {
                edits.push(Edit::replace(start..at + 1, char_string(c)));
            }
        }
    }
    edits
}

fn char_string(c: char) -> Cow<'static, str> {
    match c {
        '&' => Cow::Borrowed("&"),
        '"' => Cow::Borrowed("\""),
        '\'' => Cow::Borrowed("'"),
        '<' => Cow::Borrowed("<"),
        '>' => Cow::Borrowed(">"),
        _ => Cow::Owned(c.to_string()),
    }
}

/// Parses a reference starting at the `&` at `at`: its end and character.
fn parse_reference(bytes: &[u8], at: usize) -> Option<(usize, char)> {
    let rest = &bytes[at + 1..];
    if rest.first() == Some(&b'#') {
        let (len, c) = parse_numeric(&rest[1..])?;
        let mut end = at + 2 + len;
        if bytes.get(end) == Some(&b';') {
            end += 1;
        } else if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((end, c));
    }
    let name_len = rest
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > MAX_NAME {
        return None;
    }
    let name = std::str::from_utf8(&rest[..name_len]).ok()?;
    let after = rest.get(name_len).copied();
    if after == Some(b';') {
        return entity_names::lookup(name).map(|c| (at + 2 + name_len, c));
    }
    let ends_cleanly = !matches!(after, Some(b) if b.is_ascii_alphanumeric() || b == b'=');
    if ends_cleanly && LEGACY_NO_SEMICOLON.contains(&name) {
        return entity_names::lookup(name).map(|c| (at + 1 + name_len, c));
    }
    None
}

/// Parses the digits of `#123` / `#x1F` (after the `#`): their length and character.
fn parse_numeric(digits: &[u8]) -> Option<(usize, char)> {
    let (hex, skip) = match digits.first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let body = &digits[skip..];
    let n = body
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if n == 0 || n > 7 {
        return None;
    }
    let s = std::str::from_utf8(&body[..n]).ok()?;
    let value = u32::from_str_radix(s, if hex { 16 } else { 10 }).ok()?;
    Some((skip + n, numeric_char(value)))
}

/// The character a numeric reference means, as HTML defines it: 128-159 are Windows-1252,
/// NUL, surrogates and values past Unicode are U+FFFD.
fn numeric_char(value: u32) -> char {
    if (0x80..0xA0).contains(&value) {
        return super::codepages::cp1252_byte(value as u8).unwrap_or('\u{FFFD}');
    }
    if value == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// A reference whose `&` was lost, ending at the `;` at `semi`: ` #39;` or ` quot;`. Returns
/// where the replaced span starts (taking the space that stood for the `&`) and the character.
fn broken_reference_before(bytes: &[u8], semi: usize) -> Option<(usize, char)> {
    let head = &bytes[..semi];
    let word_len = head
        .iter()
        .rev()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if word_len == 0 || word_len > 7 {
        return None;
    }
    let word_start = semi - word_len;
    if word_start > 0 && bytes[word_start - 1] == b'#' {
        let hash = word_start - 1;
        let (len, c) = parse_numeric(&bytes[word_start..semi])?;
        let digits = len - usize::from(matches!(bytes[word_start], b'x' | b'X'));
        let before = hash.checked_sub(1).map(|p| bytes[p]);
        let ok_before = before.is_none_or(|b| b.is_ascii_whitespace() || b.is_ascii_alphabetic());
        if len != word_len || digits < 2 || !ok_before || before == Some(b'&') {
            return None;
        }
        return Some((eat_one_space(bytes, hash), c));
    }
    let name = std::str::from_utf8(&bytes[word_start..semi]).ok()?;
    let before = word_start.checked_sub(1).map(|p| bytes[p]);
    if !BROKEN_NAMES.contains(&name) || before.is_some_and(|b| !b.is_ascii_whitespace()) {
        return None;
    }
    let c = entity_names::lookup(name)?;
    Some((eat_one_space(bytes, word_start), c))
}

/// The space just before `at` stood for the lost `&`: the replaced span starts there.
fn eat_one_space(bytes: &[u8], at: usize) -> usize {
    if at > 0 && bytes[at - 1] == b' ' {
        at - 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        let mut t = Tracked::new(s, true);
        decode(&mut t);
        t.finish().0
    }

    #[test]
    fn named_and_numeric() {
        assert_eq!(
            dec("Fish &amp; chips &lt;b&gt; caf&eacute; &#8217; &#x2019;"),
            "Fish & chips <b> caf\u{e9} \u{2019} \u{2019}"
        );
    }

    #[test]
    fn cp1252_range_numeric() {
        assert_eq!(dec("Sony&#146;s &#150; x"), "Sony\u{2019}s \u{2013} x");
    }

    #[test]
    fn double_escaped() {
        assert_eq!(
            dec("&amp;quot;Hi&amp;quot; &amp;amp;amp; &amp;#39;"),
            "\"Hi\" & '"
        );
    }

    #[test]
    fn half_broken_forms_take_the_space() {
        assert_eq!(dec("Eriksson doesn #39;t feel"), "Eriksson doesn't feel");
        assert_eq!(
            dec("crack down on  quot;phone sex quot; services"),
            "crack down on \"phone sex\" services"
        );
        assert_eq!(dec("the  #36;10 million"), "the $10 million");
        assert_eq!(dec("quot;It hurt"), "\"It hurt");
        assert_eq!(dec("Sony #146;s"), "Sony\u{2019}s");
    }

    #[test]
    fn leaves_lookalikes() {
        for s in [
            "AT&T",
            "a & b",
            "&nosuch;",
            "halt; go",
            "issue #1; next",
            "x=1&copy=2",
            "&#;",
            "R&D;",
        ] {
            assert_eq!(dec(s), s);
        }
    }

    #[test]
    fn legacy_without_semicolon() {
        assert_eq!(dec("a &amp b &copy 2019 &#39 x"), "a & b \u{a9} 2019 ' x");
    }

    #[test]
    fn invalid_numbers_become_replacement() {
        assert_eq!(
            dec("&#0; &#xD800; &#99999999;"),
            "\u{FFFD} \u{FFFD} &#99999999;"
        );
    }
}
