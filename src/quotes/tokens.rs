//! A token view of a short stretch of text for the attribution patterns: the words of
//! `crate::text::words` plus every punctuation character between them, each with its byte
//! range. Not a tokeniser of its own: words come from the shared one; this only keeps the
//! punctuation the shared one skips, because `,` `:` `.` decide attribution.

use std::ops::Range;

use crate::text::words::word_spans;

/// One word or one punctuation character. Sixteen bytes: an article of punctuation holds
/// one per byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    /// Length in bytes (a longer word is cut to `u32::MAX` bytes).
    len: u32,
    /// The punctuation character, or None for a word.
    pub punct: Option<char>,
}

impl Tok {
    pub fn new(start: usize, end: usize, punct: Option<char>) -> Self {
        Tok {
            start,
            len: u32::try_from(end - start).unwrap_or(u32::MAX),
            punct,
        }
    }

    /// Byte offset just after the token.
    pub fn end(&self) -> usize {
        self.start + self.len as usize
    }

    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.punct == Some(c)
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end()
    }

    /// The token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end()).unwrap_or("")
    }
}

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut last = 0;
    for w in word_spans(slice) {
        push_punct(slice, last..w.start, range.start, out);
        out.push(Tok::new(range.start + w.start, range.start + w.end, None));
        last = w.end;
    }
    push_punct(slice, last..slice.len(), range.start, out);
}

fn push_punct(slice: &str, gap: Range<usize>, base: usize, out: &mut Vec<Tok>) {
    // Most gaps are a space or two, or ASCII punctuation: read as bytes, chars decoded only
    // from the first non-ASCII byte on.
    let bytes = &slice.as_bytes()[gap.clone()];
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            push_punct_chars(slice, gap.start + i..gap.end, base, out);
            return;
        }
        if !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            let start = base + gap.start + i;
            out.push(Tok::new(start, start + 1, Some(char::from(b))));
        }
    }
}

/// [`push_punct`] for a gap that holds non-ASCII characters: every one that is not white
/// space.
fn push_punct_chars(slice: &str, gap: Range<usize>, base: usize, out: &mut Vec<Tok>) {
    for (i, c) in slice[gap.clone()].char_indices() {
        if !c.is_whitespace() {
            let start = base + gap.start + i;
            out.push(Tok::new(start, start + c.len_utf8(), Some(c)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain tokeniser: every non-white-space char between words, decoded one by one.
    fn plain_tokens(text: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut last = 0;
        let gap = |from: usize, to: usize, out: &mut Vec<Tok>| {
            for (i, c) in text[from..to].char_indices() {
                if !c.is_whitespace() {
                    out.push(Tok::new(from + i, from + i + c.len_utf8(), Some(c)));
                }
            }
        };
        for w in word_spans(text) {
            gap(last, w.start, &mut out);
            out.push(Tok::new(w.start, w.end, None));
            last = w.end;
        }
        gap(last, text.len(), &mut out);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn byte_path_matches_plain_tokens(text in "[ a-z,.\"'\t\n\u{a0}\u{2019}\u{201c}\u{201d}\u{2014}\u{85}\u{1c}é]{0,40}") {
            let mut got = Vec::new();
            tokenize(&text, 0..text.len(), &mut got);
            prop_assert_eq!(got, plain_tokens(&text));
        }
    }

    #[test]
    fn words_and_punctuation_in_order() {
        let t = "x \"No,\" said Mr. O\u{2019}Brien.";
        let mut toks = Vec::new();
        tokenize(t, 2..t.len(), &mut toks);
        let got: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            got,
            [
                "\"",
                "No",
                ",",
                "\"",
                "said",
                "Mr",
                ".",
                "O\u{2019}Brien",
                "."
            ]
        );
        assert!(toks[1].is_word() && toks[2].is_punct(','));
    }
}
