//! The driver of the Myers-style edit distances (Levenshtein, and OSA with `TRANSPOSE`):
//! the length bound, empty strings, the block kernel for queries over 64 characters and, for
//! shorter ones, the common prefix and suffix cut off by shifting the query's pattern.

use super::affix;
use super::myers;
use super::pattern::{Pattern, WORD};
use super::scratch::Vectors;

/// Levenshtein distance of `a` and `b`, or `None` when it is larger than `max`.
pub fn levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    distance::<false>(a, b, max)
}

/// OSA distance of `a` and `b`, or `None` when it is larger than `max`.
pub fn osa(a: &[char], b: &[char], max: usize) -> Option<usize> {
    distance::<true>(a, b, max)
}

/// Levenshtein distance of a query (with its prebuilt `pattern`) and `text`.
pub fn levenshtein_cached(
    pattern: &Pattern,
    query: &[char],
    text: &[char],
    max: usize,
) -> Option<usize> {
    distance_cached::<false>(pattern, query, text, max)
}

/// OSA distance of a query (with its prebuilt `pattern`) and `text`.
pub fn osa_cached(pattern: &Pattern, query: &[char], text: &[char], max: usize) -> Option<usize> {
    distance_cached::<true>(pattern, query, text, max)
}

/// A pair scored once: the common affix goes first and the shorter string becomes the
/// pattern, which a cached query cannot choose.
fn distance<const TRANSPOSE: bool>(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (a, b) = affix::strip(a, b);
    let (query, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if text.len() - query.len() > max {
        return None;
    }
    if query.is_empty() {
        return Some(text.len());
    }
    distance_cached::<TRANSPOSE>(&Pattern::new(query), query, text, max)
}

fn distance_cached<const TRANSPOSE: bool>(
    pattern: &Pattern,
    query: &[char],
    text: &[char],
    max: usize,
) -> Option<usize> {
    let m = query.len();
    if m.abs_diff(text.len()) > max {
        return None;
    }
    if m == 0 {
        return Some(text.len());
    }
    if pattern.words() > 1 {
        return blocks::<TRANSPOSE>(pattern, text, max);
    }
    let (prefix, suffix) = affix::affix_lens(query, text);
    let inner = m - prefix - suffix;
    let text = &text[prefix..text.len() - suffix];
    if inner == 0 {
        return (text.len() <= max).then_some(text.len());
    }
    let (last, n) = (1u64 << (inner - 1), text.len());
    let mut score = inner;
    let eq = |c| pattern.first(c) >> prefix;
    myers::single_word::<u64, TRANSPOSE>(text, eq, |j, hp, hn| {
        track(&mut score, last, hp, hn, max + (n - 1 - j))
    })?;
    Some(score)
}

/// The block kernel for one query of over 64 characters, tracking the score.
fn blocks<const TRANSPOSE: bool>(pattern: &Pattern, text: &[char], max: usize) -> Option<usize> {
    let (words, m, n) = (pattern.words(), pattern.len(), text.len());
    let last = 1u64 << ((m - 1) % WORD);
    let mut score = m;
    let mut vectors = Vectors::new(words);
    let finished =
        myers::blocks::<u64, TRANSPOSE>(pattern, text, vectors.split(words), |j, hp, hn| {
            track(&mut score, last, hp, hn, max + (n - 1 - j))
        });
    finished.then_some(score)
}

/// Moves the running score of the last query row by this column's horizontal delta; false
/// once it exceeds `bound`, the most it may still be for the final distance to stay within
/// the maximum (each remaining text character lowers it by one at most).
#[inline(always)]
fn track(score: &mut usize, last: u64, hp: u64, hn: u64, bound: usize) -> bool {
    *score += (hp & last != 0) as usize;
    *score -= (hn & last != 0) as usize;
    *score <= bound
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn lev(a: &str, b: &str) -> usize {
        levenshtein(&c(a), &c(b), usize::MAX / 2).unwrap()
    }

    fn osa_of(a: &str, b: &str) -> usize {
        osa(&c(a), &c(b), usize::MAX / 2).unwrap()
    }

    #[test]
    fn classic_levenshtein_pairs() {
        assert_eq!(lev("kitten", "sitting"), 3);
        assert_eq!(lev("", "abc"), 3);
        assert_eq!(lev("abc", ""), 3);
        assert_eq!(lev("", ""), 0);
        assert_eq!(lev("flaw", "lawn"), 2);
        assert_eq!(lev("café", "cafe"), 1);
        assert_eq!(lev("中文字", "中字"), 1);
    }

    #[test]
    fn osa_counts_adjacent_transpositions_once() {
        assert_eq!(osa_of("ab", "ba"), 1);
        assert_eq!(osa_of("ca", "abc"), 3);
        assert_eq!(osa_of("kitten", "sitting"), 3);
        assert_eq!(lev("ab", "ba"), 2);
    }

    #[test]
    fn long_strings_use_blocks() {
        let a = "the quick brown fox jumps over the lazy dog ".repeat(4);
        assert_eq!(lev(&a, &a.replace("fox", "cat")), 12);
        assert_eq!(lev(&a, &format!("x{a}")), 1);
        let b = "abcdefghij".repeat(14);
        assert_eq!(osa_of(&b, &b.replacen("ij", "ji", 7)), 7);
    }

    #[test]
    fn cutoff_gives_none_above_max() {
        let (a, b) = (c("kitten"), c("sitting"));
        assert_eq!(levenshtein(&a, &b, 3), Some(3));
        assert_eq!(levenshtein(&a, &b, 2), None);
        let p = Pattern::new(&a);
        assert_eq!(levenshtein_cached(&p, &a, &b, 2), None);
        assert_eq!(levenshtein_cached(&p, &a, &b, 10), Some(3));
    }
}
