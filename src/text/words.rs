//! Word tokens: the one tokeniser that word-level metrics, shingling and quote attribution
//! share. A word is a maximal run of alphanumeric characters, underscores and combining marks
//! (the `\w+` of Python's `re`, near enough), with inner apostrophes kept (`don't`, `O’Brien`).

use std::ops::Range;

/// True for the characters a word is made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// Apostrophes that may sit inside a word: `don't`, `O’Brien`.
#[inline]
fn is_inner_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// ASCII letters, digits and `_`, by byte: one load instead of three range tests.
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// An ASCII letter, digit or `_` (false for any byte of a non-ASCII character).
#[inline]
pub fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD_BYTES[usize::from(b)]
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

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.find_word_start()?;
        let end = self.word_end(start);
        self.pos = end;
        Some(start..end)
    }
}

impl WordSpans<'_> {
    /// The start of the next word at or after `pos`. Inlined for the common case, a run of
    /// ASCII; the first non-ASCII byte hands over to [`Self::find_word_start_from`].
    #[inline]
    fn find_word_start(&self) -> Option<usize> {
        let b = self.text.as_bytes();
        let mut i = self.pos;
        while i < b.len() {
            if is_ascii_word_byte(b[i]) {
                return Some(i);
            }
            if b[i] >= 0x80 {
                return self.find_word_start_from(i);
            }
            i += 1;
        }
        None
    }

    /// The start of the next word at or after `i`, any script; ASCII is skipped byte by byte.
    #[inline(never)]
    fn find_word_start_from(&self, mut i: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        while i < b.len() {
            if b[i] < 0x80 {
                if is_ascii_word_byte(b[i]) {
                    return Some(i);
                }
                i += 1;
                continue;
            }
            let c = self.text[i..].chars().next()?;
            if is_word_char(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
        None
    }

    /// The end of the word starting at `start` (inner apostrophes stay in it). Inlined for
    /// the common case, a run of ASCII letters, digits and underscores ended by another ASCII
    /// byte; anything else hands over to [`Self::word_end_from`].
    #[inline]
    fn word_end(&self, start: usize) -> usize {
        let b = self.text.as_bytes();
        let mut i = start;
        while i < b.len() && is_ascii_word_byte(b[i]) {
            i += 1;
        }
        // Any other ASCII byte but an apostrophe ends the word: no char decoding for it.
        if i == b.len() || (b[i] < 0x80 && b[i] != b'\'') {
            return i;
        }
        self.word_end_from(i)
    }

    /// The end of a word whose characters run at least to `i`, any script.
    #[inline(never)]
    fn word_end_from(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() {
            let (c, len) = if b[i] < 0x80 {
                (b[i] as char, 1)
            } else {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            let inner_apostrophe = is_inner_apostrophe(c)
                && self.text[i + len..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if !is_word_char(c) && !inner_apostrophe {
                break;
            }
            i += len;
        }
        i
    }
}

/// The words of `text` as string slices.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(move |r| &text[r])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::Range;

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

    fn reference_spans(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((offset, _)) = text[pos..].char_indices().find(|&(_, c)| is_word_char(c)) {
            let start = pos + offset;
            let mut end = start;
            let mut chars = text[start..].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if is_word_char(c) {
                    end = start + i + c.len_utf8();
                } else if !(is_inner_apostrophe(c)
                    && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()))
                {
                    break;
                }
            }
            out.push(start..end);
            pos = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_char_walk(text in "[a-zA-Z0-9_ '\u{2019}.,;\u{e9}\u{301}\u{4e2d}\u{a0}\u{1F600}-]{0,40}") {
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), reference_spans(&text));
        }
    }
}
