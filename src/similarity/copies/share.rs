//! `copy_share(a, b)`: how much of `b` was taken from `a`, and where. Asymmetric on purpose:
//! a local story that quotes three wire paragraphs has a small share of the wire story but the
//! wire story's share of the local one is large.
//!
//! A word of `b` counts as taken when it sits inside a shingle of `b` (k consecutive copy
//! words) that also occurs in `a`. The share is taken words over all copy words of `b` (leaked
//! page code is not text and counts on neither side); the spans are the maximal runs of taken
//! words, as Python `str` offsets into `b`.

use super::normalize::copy_words;
use super::shingle::shingle_hashes_into;
use crate::text::CharOffsets;
use std::collections::HashSet;

/// The answer of [`copy_share`].
#[derive(Debug, Clone, PartialEq)]
pub struct CopyShare {
    /// Taken words of `b` over all its words, in `[0, 1]` (0 for a `b` without words).
    pub share: f64,
    /// Code-point ranges `(start, end)` of `b` made of taken words, in order, not overlapping.
    pub spans: Vec<(usize, usize)>,
}

/// The share of `b`'s text taken from `a`, with `shingle_size`-word shingles.
pub fn copy_share(a: &str, b: &str, shingle_size: usize) -> CopyShare {
    let k = shingle_size.max(1);
    let mut from_a = Vec::new();
    shingle_hashes_into(&copy_words(a), k, &mut from_a);
    let from_a: HashSet<u64> = from_a.into_iter().collect();
    let words = copy_words(b);
    let mut in_b = Vec::new();
    shingle_hashes_into(&words, k, &mut in_b);
    let window = k.min(words.len());
    let mut taken = vec![false; words.len()];
    for (i, h) in in_b.iter().enumerate() {
        if from_a.contains(h) {
            taken[i..i + window].iter_mut().for_each(|t| *t = true);
        }
    }
    let count = taken.iter().filter(|&&t| t).count();
    let share = if words.is_empty() {
        0.0
    } else {
        count as f64 / words.len() as f64
    };
    CopyShare {
        share,
        spans: taken_spans(b, &words, &taken),
    }
}

/// Maximal runs of taken words as code-point ranges of `text`.
fn taken_spans(
    text: &str,
    words: &[super::normalize::CopyWord],
    taken: &[bool],
) -> Vec<(usize, usize)> {
    let offsets = CharOffsets::new(text);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !taken[i] {
            i += 1;
            continue;
        }
        let start = words[i].start;
        while i + 1 < words.len() && taken[i + 1] {
            i += 1;
        }
        spans.push(offsets.char_range(start, words[i].end));
        i += 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The central bank raised interest rates by half a point on Thursday. \
                        Economists had expected a smaller move.";

    #[test]
    fn full_copy_is_all_taken() {
        let got = copy_share(WIRE, WIRE, 3);
        assert_eq!(got.share, 1.0);
        assert_eq!(got.spans, vec![(0, WIRE.chars().count() - 1)]);
    }

    #[test]
    fn local_story_with_wire_paragraph() {
        let local = format!("Café owners in Leeds were worried. {WIRE} The mayor said nothing.");
        let got = copy_share(WIRE, &local, 3);
        assert!(got.share > 0.5 && got.share < 0.8, "{}", got.share);
        let (s, e) = got.spans[0];
        let chars: Vec<char> = local.chars().collect();
        let span: String = chars[s..e].iter().collect();
        assert!(
            span.starts_with("The central bank") && span.ends_with("smaller move"),
            "{span}"
        );
        // Asymmetric: most of the wire text is in the local story, not the reverse.
        assert_eq!(copy_share(&local, WIRE, 3).share, 1.0);
    }

    #[test]
    fn unrelated_and_empty() {
        assert_eq!(
            copy_share(WIRE, "A cat sat on a mat in the sun.", 3).share,
            0.0
        );
        assert_eq!(
            copy_share(WIRE, "", 3),
            CopyShare {
                share: 0.0,
                spans: vec![]
            }
        );
        assert_eq!(copy_share("", "Anything at all here.", 3).share, 0.0);
    }
}
