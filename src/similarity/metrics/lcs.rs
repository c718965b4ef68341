//! Longest common subsequence by the bit-parallel recurrence of Allison-Dix / Hyyrö:
//! `S = (S + (S & M)) | (S & !M)`, where the zero bits of `S` mark query positions that end a
//! longer common subsequence. It gives the Indel distance `m + n - 2 * lcs`.

use super::affix;
use super::pattern::{Pattern, WORD};
use super::scratch::with_words;

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
    if pattern.words() > 1 {
        return blocks(pattern, text);
    }
    let (prefix, suffix) = affix::affix_lens(query, text);
    let inner = query.len() - prefix - suffix;
    let text = &text[prefix..text.len() - suffix];
    prefix + suffix + single_word(inner, text, |c| pattern.first(c) >> prefix)
}

/// LCS for a query of `m <= 64` characters whose match bits `eq` returns.
#[inline(always)]
fn single_word(m: usize, text: &[char], eq: impl Fn(char) -> u64) -> usize {
    if m == 0 {
        return 0;
    }
    let mut s = !0u64;
    for &c in text {
        let u = s & eq(c);
        s = s.wrapping_add(u) | (s & !u);
    }
    let mask = if m == WORD { !0 } else { (1u64 << m) - 1 };
    (!s & mask).count_ones() as usize
}

/// The block version: the addition carries from word to word.
fn blocks(pattern: &Pattern, text: &[char]) -> usize {
    let words = pattern.words();
    with_words(words, |s| {
        s.fill(!0);
        for &c in text {
            let row = pattern.row(c);
            let mut carry = false;
            for (sw, &pw) in s.iter_mut().zip(row) {
                let u = *sw & pw;
                let (sum, c1) = sw.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(carry as u64);
                carry = c1 | c2;
                *sw = sum | (*sw & !u);
            }
        }
        // Bits above the query length stay set: the text never matches there.
        s.iter().map(|w| (!w).count_ones() as usize).sum()
    })
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
