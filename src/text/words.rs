//! Word tokens: the one tokeniser that word-level metrics, shingling and quote attribution
//! share. A word is a maximal run of alphanumeric characters, underscores and combining marks
//! (the `\w+` of Python's `re`, near enough), with inner apostrophes kept (`don't`, `O’Brien`).

use std::ops::Range;

/// True for the characters a word is made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Apostrophes that may sit inside a word: `don't`, `O’Brien`.
#[inline]
fn is_inner_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Byte ranges of the words of `text`, in order.
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, pos: 0 }
}

/// Iterator behind [`word_spans`].
pub struct WordSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for WordSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.pos;
        let start = loop {
            if i >= len {
                self.pos = len;
                return None;
            }
            if bytes[i] < 0x80 {
                if ASCII_WORD[usize::from(bytes[i])] {
                    break i;
                }
                i += 1;
                continue;
            }
            let (c, width) = char_at(self.text, i);
            if is_word_char(c) {
                break i;
            }
            i += width;
        };
        let mut end = start;
        let mut i = start;
        while i < len {
            // ASCII fast path; the apostrophe test needs the next char, so it goes the slow way.
            let b = bytes[i];
            if b < 0x80 && ASCII_WORD[usize::from(b)] {
                i += 1;
                end = i;
                continue;
            }
            let (c, width) = char_at(self.text, i);
            if is_word_char(c) {
                end = i + width;
            } else if !(is_inner_apostrophe(c)
                && i + width < len
                && char_at(self.text, i + width).0.is_alphabetic())
            {
                break;
            }
            i += width;
        }
        self.pos = end;
        Some(start..end)
    }
}

/// ASCII bytes that are word characters: letters, digits, `_`.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// The char at byte `i` (a char boundary) and its width, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => text
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// The words of `text` as string slices.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(move |r| &text[r])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_punctuation_and_space() {
        let got: Vec<_> = words("The minister said: \"No deal,\" today.").collect();
        assert_eq!(got, ["The", "minister", "said", "No", "deal", "today"]);
    }

    #[test]
    fn keeps_inner_apostrophes_and_unicode() {
        let got: Vec<_> = words("don't O\u{2019}Brien caf\u{e9} voters' 1990s").collect();
        assert_eq!(
            got,
            ["don't", "O\u{2019}Brien", "caf\u{e9}", "voters", "1990s"]
        );
    }

    #[test]
    fn spans_slice_the_text() {
        let t = "\u{201c}Hello, w\u{f6}rld\u{201d}";
        for r in word_spans(t) {
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
        }
        assert_eq!(words(t).collect::<Vec<_>>(), ["Hello", "w\u{f6}rld"]);
    }

    #[test]
    fn empty_and_no_words() {
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,.;! ").count(), 0);
    }
}
