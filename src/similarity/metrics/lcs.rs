//! Longest common subsequence by the bit-parallel recurrence of Allison-Dix / Hyyrö:
//! `S = (S + (S & M)) | (S & !M)`, where the zero bits of `S` mark query positions that end a
//! longer common subsequence. It gives the Indel distance `m + n - 2 * lcs`. The recurrence
//! is written over [`Bits`], so the multi-query kernels run the same code on lanes.

use super::affix;
use super::lanes::Bits;
use super::pattern::{Pattern, PatternTable, WORD};
use super::scratch::Vectors;

/// Indel distance (insertions and deletions only) of `a` and `b`, or `None` above `max`.
pub fn indel_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (a, b) = affix::strip(a, b);
    let (query, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if query.is_empty() {
        return (text.len() <= max).then_some(text.len());
    }
    indel_distance_cached(&Pattern::new(query), query, text, max)
}

/// Indel distance of a query (with its prebuilt `pattern`) and `text`, or `None` above `max`.
pub fn indel_distance_cached(
    pattern: &Pattern,
    query: &[char],
    text: &[char],
    max: usize,
) -> Option<usize> {
    let (m, n) = (query.len(), text.len());
    if m.abs_diff(n) > max {
        return None;
    }
    let lcs = lcs_cached(pattern, query, text);
    let dist = m + n - 2 * lcs;
    (dist <= max).then_some(dist)
}

/// Length of the longest common subsequence of a query and `text`.
fn lcs_cached(pattern: &Pattern, query: &[char], text: &[char]) -> usize {
    if query.is_empty() || text.is_empty() {
        return 0;
    }
    let words = pattern.words();
    if words > 1 {
        let mut vectors = Vectors::new(words);
        let (s, _, _) = vectors.split(words);
        blocks(pattern, text, s);
        // Bits above the query length stay set: the text never matches there.
        return s.iter().map(|w| (!w).count_ones() as usize).sum();
    }
    let (prefix, suffix) = affix::affix_lens(query, text);
    let inner = query.len() - prefix - suffix;
    let text = &text[prefix..text.len() - suffix];
    let s = single_word(text, |c| pattern.first(c) >> prefix);
    let mask = if inner == WORD {
        !0
    } else {
        (1u64 << inner) - 1
    };
    prefix + suffix + (!s & mask).count_ones() as usize
}

/// The vector `S` after `text`, for queries of at most 64 characters whose match bits `eq`
/// returns (one query in a `u64`, or one per lane); the LCS is the count of its zero bits
/// below the query length.
#[inline(always)]
pub fn single_word<B: Bits>(text: &[char], eq: impl Fn(char) -> B) -> B {
    let mut s = B::ONES;
    for &c in text {
        let u = s & eq(c);
        s = s.plus(u) | s.and_not(u);
    }
    s
}

/// The block version, leaving `S` in `s` (one word per block): the addition carries from
/// word to word.
#[inline(always)]
pub fn blocks<B: Bits>(pattern: &PatternTable<B>, text: &[char], s: &mut [B]) {
    s.fill(B::ONES);
    for &c in text {
        let mut carry = B::ZERO;
        for (sw, &pm) in s.iter_mut().zip(pattern.row(c)) {
            let u = *sw & pm;
            let (sum, out) = sw.add_with_carry(u, carry);
            carry = out;
            *sw = sum | sw.and_not(u);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indel(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        indel_distance(&a, &b, usize::MAX / 2).unwrap()
    }

    #[test]
    fn classic_pairs() {
        assert_eq!(indel("kitten", "sitting"), 5);
        assert_eq!(indel("", "abc"), 3);
        assert_eq!(indel("abc", "abc"), 0);
        assert_eq!(indel("ab", "ba"), 2);
    }

    #[test]
    fn long_strings_use_blocks() {
        let a = "lorem ipsum dolor sit amet ".repeat(5);
        let b = a.replace("dolor", "color");
        assert_eq!(indel(&a, &b), 10);
    }
}
