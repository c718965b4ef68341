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

    /// ASCII bytes are classified without decoding (most news text is mostly ASCII); other
    /// characters are decoded one at a time. Same tokens as a plain `char` walk (tested below).
    fn next(&mut self) -> Option<Range<usize>> {
        let len = self.text.len();
        let mut i = self.pos;
        loop {
            if i >= len {
                self.pos = len;
                return None;
            }
            let (c, width) = self.char_at(i);
            if is_word_char(c) {
                break;
            }
            i += width;
        }
        let start = i;
        while i < len {
            let (c, width) = self.char_at(i);
            let inner_apostrophe = is_inner_apostrophe(c)
                && i + width < len
                && self.char_at(i + width).0.is_alphabetic();
            if !(is_word_char(c) || inner_apostrophe) {
                break;
            }
            i += width;
        }
        self.pos = i;
        Some(start..i)
    }
}

impl WordSpans<'_> {
    /// The character starting at byte `i` (a char boundary) and its width in bytes.
    #[inline(always)]
    fn char_at(&self, i: usize) -> (char, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (b as char, 1);
        }
        let c = self.text[i..].chars().next().expect("char boundary");
        (c, c.len_utf8())
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

    /// The plain `char` walk that the byte-classifying iterator must agree with.
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

    #[test]
    fn empty_and_no_words() {
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,.;! ").count(), 0);
    }
}
