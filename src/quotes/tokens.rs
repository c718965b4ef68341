//! A token view of a short stretch of text for the attribution patterns: the words of
//! `crate::text::words` plus every punctuation character between them, each with its byte
//! range. Not a tokeniser of its own: words come from the shared one; this only keeps the
//! punctuation the shared one skips, because `,` `:` `.` decide attribution.

use std::ops::Range;

use crate::text::words::{is_ascii_word_byte, is_word_char, word_spans};

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
///
/// One pass over the bytes: ASCII words, white space and punctuation are told apart by byte;
/// a word that may run on (an apostrophe or a non-ASCII character at its end) and any
/// non-ASCII character are handed to the shared tokeniser, so the words are exactly
/// `crate::text::words`'s.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let (bytes, base) = (slice.as_bytes(), range.start);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_ascii_word_byte(b) {
            let start = i;
            while i < bytes.len() && is_ascii_word_byte(bytes[i]) {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'\'' || !bytes[i].is_ascii()) {
                i = start + word_len_at(&slice[start..]);
            }
            out.push(Tok::new(base + start, base + i, None));
        } else if b.is_ascii() {
            if !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                out.push(Tok::new(base + i, base + i + 1, Some(char::from(b))));
            }
            i += 1;
        } else {
            let c = slice[i..].chars().next().unwrap_or(' ');
            if is_word_char(c) {
                let start = i;
                i += word_len_at(&slice[start..]);
                out.push(Tok::new(base + start, base + i, None));
            } else {
                if !c.is_whitespace() {
                    out.push(Tok::new(base + i, base + i + c.len_utf8(), Some(c)));
                }
                i += c.len_utf8();
            }
        }
    }
}

/// The length of the word that starts at the beginning of `rest`, as the shared tokeniser
/// reads it (inner apostrophes, combining marks, any script).
fn word_len_at(rest: &str) -> usize {
    word_spans(rest).next().map_or(rest.len(), |w| w.end)
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
        fn byte_path_matches_plain_tokens(text in "[ a-zA-Z0-9_,.\"'\t\n\u{a0}\u{2019}\u{201c}\u{201d}\u{2014}\u{85}\u{1c}\u{301}\u{4e2d}é]{0,40}") {
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
