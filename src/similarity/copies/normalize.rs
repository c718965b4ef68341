//! Normalisation for copy detection: the words of an article in the form that two outlets'
//! versions of one story share, each with its byte span and a hash of its folded form.
//!
//! Folding: lower case, compatibility decomposition with combining marks dropped (`café` and
//! `cafe`, `ﬁnal` and `final` are one word), curly apostrophes as straight ones. Dashes of every
//! kind separate words in the one tokeniser (`crate::text::words`), so `rat-eating` and
//! `rat–eating` give the same words without a table of dashes.
//!
//! Leaked page code is dropped before tokenising: a whitespace-delimited chunk that looks like
//! script or JSON (`{`, `=`, `;x`, `gtag(`, `":`, `||`, `</`) contributes no words, except a
//! capitalised word glued to its end (`...})();The` keeps `The`). The same chartbeat snippet in two
//! unrelated scraped stories must not count as shared content.
//!
//! This is the copy detector's own small normaliser. When the cleaning module (`crate::clean`)
//! grows its boilerplate and dateline stages, [`copy_words`] is the one place to call it from;
//! nothing else in `copies` looks at raw text. It is not a cleaner: it never rewrites the text,
//! it only chooses and folds the words that copy detection compares.

use crate::text::words::{is_word_char, word_spans};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// One word kept for copy detection: its byte span in the text and the hash of its folded form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyWord {
    /// Byte offset of the word's first byte.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Hash of the folded word: equal for `Café`, `cafe` and `CAFÉ`.
    pub hash: u64,
}

/// The words of `text` that copy detection compares, in order.
pub fn copy_words(text: &str) -> Vec<CopyWord> {
    let mut out = Vec::with_capacity(text.len() / 6);
    copy_words_into(text, &mut out);
    out
}

/// Like [`copy_words`], appending to `out` (lets batch callers reuse one buffer).
pub fn copy_words_into(text: &str, out: &mut Vec<CopyWord>) {
    for (start, end) in whitespace_chunks(text) {
        let chunk = &text[start..end];
        let (from, kept) = if is_code_like(chunk) {
            match glued_word_tail(chunk) {
                Some(tail) => (end - tail.len(), tail),
                None => continue,
            }
        } else {
            (start, chunk)
        };
        for r in word_spans(kept) {
            let word = &kept[r.clone()];
            out.push(CopyWord {
                start: from + r.start,
                end: from + r.end,
                hash: fold_hash(word),
            });
        }
    }
}

/// Byte ranges of the maximal runs of non-whitespace characters.
fn whitespace_chunks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let lead = rest.len() - rest.trim_start().len();
        let start = pos + lead;
        if start >= text.len() {
            return None;
        }
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        pos = start + len;
        Some((start, pos))
    })
}

/// Does this whitespace-free chunk look like script, JSON or markup rather than prose?
fn is_code_like(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    if bytes.iter().any(|&b| matches!(b, b'{' | b'}' | b'=')) {
        return true;
    }
    bytes.windows(2).any(|w| match (w[0], w[1]) {
        (b';', next) => !next.is_ascii_whitespace(),
        (b'(', _) => false,
        (prev, b'(') => prev.is_ascii_alphanumeric() || prev == b'_' || prev == b')',
        (b'"', b':') | (b'|', b'|') | (b'&', b'&') | (b'<', b'/') | (b'/', b'>') => true,
        _ => false,
    })
}

/// A capitalised word glued after code (`...})();The`), if there is one: the first word of a
/// sentence that a scraper ran into a script. A lower-case tail (`...;function`) is code.
fn glued_word_tail(chunk: &str) -> Option<&str> {
    let cut = chunk.rfind([';', '}', ')', ']', '"'])?;
    let tail = &chunk[cut + 1..];
    let first = tail.chars().next()?;
    let plain = first.is_uppercase()
        && tail
            .chars()
            .all(|c| is_word_char(c) || c == '\'' || c == '\u{2019}');
    plain.then_some(tail)
}

/// Hash of the folded form of `word` (see the module comment for what folding does).
pub fn fold_hash(word: &str) -> u64 {
    let mut h = WordHasher::default();
    for c in word.chars() {
        if c.is_ascii() {
            h.push(c.to_ascii_lowercase() as u32);
        } else {
            fold_char(c, &mut |f| h.push(f as u32));
        }
    }
    h.finish()
}

/// Emits the folded characters of one non-ASCII character.
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') {
        return emit('\'');
    }
    for lower in c.to_lowercase() {
        decompose_compatible(lower, |d| {
            if !is_combining_mark(d) {
                emit(d);
            }
        });
    }
}

/// A small multiply-rotate hash over code points, finished with a strong mixer. Words are
/// short, so this is cheaper than a general-purpose hasher and has no state to allocate.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn push(&mut self, unit: u32) {
        self.0 = (self.0.rotate_left(5) ^ unit as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        super::shingle::mix64(self.0 ^ 0x9e37_79b9_7f4a_7c15)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        copy_words(text)
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect()
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold_hash("Café"), fold_hash("cafe"));
        assert_eq!(fold_hash("CAFÉ"), fold_hash("café"));
        assert_eq!(fold_hash("O\u{2019}Brien"), fold_hash("o'brien"));
        assert_eq!(fold_hash("\u{fb01}nal"), fold_hash("final"));
        assert_ne!(fold_hash("cafe"), fold_hash("cafes"));
    }

    #[test]
    fn drops_leaked_script_and_json() {
        let text =
            "Shares rose. var _sf={uid:2571,domain:\"x.com\"};(function(){var s=1;})();The bank \
                    {\"@context\":\"https://schema.org\",\"headline\":\"Bank\"}said so.";
        assert_eq!(kept(text), ["Shares", "rose", "var", "The", "bank", "so"]);
    }

    #[test]
    fn keeps_prose_punctuation() {
        let text = "He said; (BBC) \"quoted\" words: 3.5% rise [sic] \u{2014} fine.";
        assert_eq!(
            kept(text),
            ["He", "said", "BBC", "quoted", "words", "3", "5", "rise", "sic", "fine"]
        );
    }

    #[test]
    fn dashes_split_words_alike() {
        let a: Vec<u64> = copy_words("rat-eating").iter().map(|w| w.hash).collect();
        let b: Vec<u64> = copy_words("rat\u{2013}eating")
            .iter()
            .map(|w| w.hash)
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "  caf\u{e9}\u{a0}gtag(\"js\");Fin   d\u{e9}j\u{e0} ";
        for w in copy_words(text) {
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        }
        assert_eq!(kept(text), ["caf\u{e9}", "Fin", "d\u{e9}j\u{e0}"]);
    }
}
