//! Normalisation for copy detection: the words of an article in the form that two outlets'
//! versions of one story share, each with its byte span and a hash of its folded form.
//!
//! Folding: lower case, compatibility decomposition with combining marks dropped (`café` and
//! `cafe`, `ﬁnal` and `final` are one word), curly apostrophes as straight ones. Dashes of every
//! kind separate words in the one tokeniser (`crate::text::words`), so `rat-eating` and
//! `rat–eating` give the same words without a table of dashes.
//!
//! Leaked page code and metadata contribute no words: the ranges come from the cleaning
//! module's own finders ([`crate::clean::leaked_code_ranges`] for scripts, JSON, code glued into
//! a sentence and markup; [`crate::clean::metadata_ranges`] for datelines, bylines, date lines
//! and wire sign-offs), run on the text as it is. The same chartbeat snippet or `LONDON
//! (Reuters) -` in two unrelated stories must not count as shared content, and the crate has
//! one code detector, not two.
//!
//! It is not a cleaner: it never rewrites the text, it only chooses and folds the words that
//! copy detection compares. [`copy_words`] is the one place that looks at raw text.

use crate::clean::{leaked_code_ranges, metadata_ranges};
use crate::text::words::word_spans;
use std::ops::Range;
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
    crate::fault::check(text);
    copy_words_skipping(text, &skipped_ranges(text), out);
}

/// Like [`copy_words_into`], with the skipped ranges already known (`skipped_ranges(text)`,
/// kept from an earlier pass over the same text): the words are those of `copy_words`. The
/// caller checks the test switch (`crate::fault`) at its entry.
pub(super) fn copy_words_skipping(text: &str, skipped: &[Range<usize>], out: &mut Vec<CopyWord>) {
    // `skipped[next]` is the first range that does not end before the current word; words
    // that start before `guard`, its start, are kept without looking further.
    let mut next = 0;
    let mut guard = skipped.first().map_or(usize::MAX, |c| c.start);
    for r in word_spans(text) {
        if r.start >= guard {
            while skipped.get(next).is_some_and(|c| c.end <= r.start) {
                next += 1;
            }
            guard = skipped.get(next).map_or(usize::MAX, |c| c.start);
            if r.start >= guard {
                continue; // starts inside leaked code or metadata
            }
        }
        out.push(CopyWord {
            start: r.start,
            end: r.end,
            hash: span_fold_hash(text, r.start, r.end),
        });
    }
}

/// The byte ranges whose words copy detection passes over, sorted by start.
pub(super) fn skipped_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = leaked_code_ranges(text);
    let metadata = metadata_ranges(text);
    if !metadata.is_empty() {
        ranges.extend(metadata);
        ranges.sort_unstable_by_key(|r| r.start);
    }
    ranges
}

/// `fold_hash(&text[start..end])` for a word span. An ASCII word of up to 16 bytes at least 16
/// bytes before the end of the text (nearly every word of a news story) is read as two 8-byte
/// blocks straight from the text, the bytes past the word masked off: the same blocks
/// [`hash_folded_bytes`] forms, without a per-byte loop.
#[inline]
fn span_fold_hash(text: &str, start: usize, end: usize) -> u64 {
    let bytes = text.as_bytes();
    let len = end - start;
    if let Some(window) = bytes.get(start..start + 16) {
        let lo = u64::from_le_bytes(window[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(window[8..].try_into().expect("8 bytes"));
        let seed = length_seed(len);
        if (1..=8).contains(&len) {
            let block = lo & low_bytes_mask(len);
            if block & HIGH_BITS == 0 {
                return super::shingle::mix64(absorb(seed, block));
            }
        } else if (9..=16).contains(&len) {
            let block = hi & low_bytes_mask(len - 8);
            if (lo | block) & HIGH_BITS == 0 {
                return super::shingle::mix64(absorb(absorb(seed, lo), block));
            }
        }
    }
    fold_hash(&text[start..end])
}

/// A mask of the low `n` bytes of a `u64`, `1 <= n <= 8`.
#[inline(always)]
fn low_bytes_mask(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n)
}

/// Hash of the folded form of `word` (see the module comment for what folding does).
#[inline]
pub fn fold_hash(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_folded_bytes(word.as_bytes());
    }
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut |f| folded.push(f));
    }
    hash_folded_bytes(folded.as_bytes())
}

/// Emits the folded characters of one character (ASCII letters are lower-cased later, in
/// [`hash_folded_bytes`]).
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c);
    }
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

/// Hashes UTF-8 bytes eight at a time, setting bit 5 of every ASCII byte on the way: that
/// lower-cases ASCII letters and leaves digits and the apostrophe alone, so an ASCII word needs
/// no separate folding pass. Non-ASCII bytes pass unchanged (they were folded as characters).
#[inline]
fn hash_folded_bytes(bytes: &[u8]) -> u64 {
    let mut h = length_seed(bytes.len());
    let mut blocks = bytes.chunks_exact(8);
    for block in &mut blocks {
        h = absorb(h, u64::from_le_bytes(block.try_into().expect("8 bytes")));
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let last = rest.iter().rev().fold(0u64, |v, &b| (v << 8) | b as u64);
        h = absorb(h, last);
    }
    super::shingle::mix64(h)
}

/// The hash state before the first block: the word's length in bytes, spread.
#[inline(always)]
fn length_seed(len: usize) -> u64 {
    (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The high bit of every byte of a block: clear for ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// One multiply-rotate round over a block, ASCII bytes lower-cased (bit 5 set).
#[inline]
fn absorb(h: u64, block: u64) -> u64 {
    let ascii_case_bits = (!block & HIGH_BITS) >> 2;
    ((h ^ (block | ascii_case_bits)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)).rotate_left(29)
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
    fn drops_leaked_script_json_and_metadata() {
        let text = "LONDON (Reuters) - Shares rose on Monday after the bank said profits had \
                    doubled.window.adq=window.adq||[];adq.push({slot:\"mid\"});The bank said so.\n\
                    {\"@context\":\"https://schema.org\",\"headline\":\"Bank\"}\n\
                    var _sf={uid:2571,domain:\"x.com\"};\n\
                    (Reporting by Jane Doe; Editing by John Roe)";
        assert_eq!(
            kept(text),
            [
                "Shares", "rose", "on", "Monday", "after", "the", "bank", "said", "profits", "had",
                "doubled", "The", "bank", "said", "so"
            ]
        );
    }

    #[test]
    fn keeps_prose_punctuation() {
        let text = "He said; (BBC) \"quoted\" words: 3.5% rise [sic] \u{2014} fine.";
        assert_eq!(
            kept(text),
            ["He", "said", "BBC", "quoted", "words", "3", "5", "rise", "sic", "fine"]
        );
    }

    /// The block-reading hash of a span is the hash of the span's text, whatever the word's
    /// length, script and distance from the end of the text.
    #[test]
    fn span_hash_is_the_word_hash() {
        let text = "a Bb ccc dddd eeeee ffffff GGGGGGG hhhhhhhh iiiiiiiii jjjjjjjjjjjjjjj \
                    KKKKKKKKKKKKKKKK lllllllllllllllll caf\u{e9} O\u{2019}Brien don't \
                    x_1 9z 12345678901234567 \u{c9}t\u{e9} end";
        for w in copy_words(text) {
            assert_eq!(
                w.hash,
                fold_hash(&text[w.start..w.end]),
                "{}",
                &text[w.start..w.end]
            );
        }
        for cut in (text.len() - 24..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[..cut];
            let spans: Vec<_> = word_spans(t).collect();
            for r in spans {
                assert_eq!(span_fold_hash(t, r.start, r.end), fold_hash(&t[r.clone()]));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn span_hash_agrees_with_fold_hash(text in "[a-zA-Z0-9_ '\u{2019}.,\u{e9}\u{c9}\u{301}\u{4e2d}-]{0,60}") {
            for r in word_spans(&text) {
                proptest::prop_assert_eq!(span_fold_hash(&text, r.start, r.end), fold_hash(&text[r]));
            }
        }
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
        let text =
            "  caf\u{e9}\u{a0}d\u{e9}j\u{e0} vu,   said the minister.\ngtag(\"js\", {a: 1});\nFin ";
        for w in copy_words(text) {
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        }
        assert_eq!(
            kept(text),
            [
                "caf\u{e9}",
                "d\u{e9}j\u{e0}",
                "vu",
                "said",
                "the",
                "minister",
                "Fin"
            ]
        );
    }
}
