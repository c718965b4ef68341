//! Jaro and Jaro-Winkler similarity with strsim's semantics: the score from the match and
//! transposition counts, and Winkler's prefix bonus. The counts come from the bit-parallel
//! kernel of `multi.rs` (one lane for a single query). Greedy Jaro matching is symmetric, so
//! the cached query may sit on either side.

use super::multi::{self, LanePattern};

/// Winkler's prefix scale and the longest prefix it rewards (strsim's values).
const PREFIX_WEIGHT: f64 = 0.1;
const MAX_PREFIX: usize = 4;
/// Jaro similarity above which the prefix bonus applies.
const BOOST_THRESHOLD: f64 = 0.7;

/// Jaro similarity of a query (with its prebuilt `pattern`) and `text`.
pub fn jaro_cached(pattern: &LanePattern<1>, query: &[char], text: &[char]) -> f64 {
    let (m, n) = (query.len(), text.len());
    if m == 0 || n == 0 {
        return empty_score(query, text);
    }
    let (matches, transpositions) = multi::jaro_counts(pattern, &[m], text);
    from_counts(matches[0], transpositions[0], query, text)
}

/// Jaro similarity of a pair scored once: the shorter string becomes the pattern (matching is
/// symmetric), so a very long string never gets a table of its own.
pub fn jaro_pair(a: &[char], b: &[char]) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let pattern = LanePattern::for_lanes(&[short]);
    let (m, n) = (a.len(), b.len());
    if m == 0 || n == 0 {
        return empty_score(a, b);
    }
    let (matches, transpositions) = multi::jaro_counts(&pattern, &[short.len()], long);
    from_counts(matches[0], transpositions[0], a, b)
}

/// The Jaro formula from the match count and the doubled transposition count, in strsim's
/// order of operations (so scores agree to the last bit); empty strings follow DESIGN.md.
#[inline]
pub fn from_counts(matches: usize, transpositions: usize, a: &[char], b: &[char]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return empty_score(a, b);
    }
    if matches == 0 {
        return 0.0;
    }
    let (mf, t) = (matches as f64, (transpositions / 2) as f64);
    (mf / a.len() as f64 + mf / b.len() as f64 + (mf - t) / mf) / 3.0
}

/// Jaro-Winkler of a query (with its prebuilt `pattern`) and `text`.
pub fn jaro_winkler_cached(pattern: &LanePattern<1>, query: &[char], text: &[char]) -> f64 {
    winkler(jaro_cached(pattern, query, text), query, text)
}

/// Adds Winkler's bonus for a common prefix of up to four characters to a Jaro score.
#[inline]
pub fn winkler(jaro: f64, a: &[char], b: &[char]) -> f64 {
    if jaro <= BOOST_THRESHOLD {
        return jaro;
    }
    let prefix = a
        .iter()
        .zip(b)
        .take(MAX_PREFIX)
        .take_while(|(x, y)| x == y)
        .count();
    jaro + PREFIX_WEIGHT * prefix as f64 * (1.0 - jaro)
}

/// 1.0 for two empty strings, 0.0 when only one is empty.
fn empty_score(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn jaro(a: &[char], b: &[char]) -> f64 {
        jaro_cached(&LanePattern::for_lanes(&[a]), a, b)
    }

    fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
        jaro_winkler_cached(&LanePattern::for_lanes(&[a]), a, b)
    }

    #[test]
    fn matches_strsim_on_classics() {
        for (a, b) in [
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            ("jellyfish", "smellyfish"),
            ("", "a"),
            ("a", "a"),
        ] {
            assert!(
                (jaro(&c(a), &c(b)) - strsim::jaro(a, b)).abs() < 1e-15,
                "{a} {b}"
            );
            assert!((jaro_winkler(&c(a), &c(b)) - strsim::jaro_winkler(a, b)).abs() < 1e-15);
        }
        assert_eq!(jaro(&[], &[]), 1.0);
    }

    #[test]
    fn long_strings_use_blocks() {
        let a = "the quick brown fox jumps over the lazy dog and runs away ".repeat(3);
        let b = a.replace("fox", "cat").replace("lazy", "lzay");
        assert!((jaro(&c(&a), &c(&b)) - strsim::jaro(&a, &b)).abs() < 1e-15);
    }
}
