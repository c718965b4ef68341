//! Jaro and Jaro-Winkler similarity with strsim's semantics, computed bit-parallel: the
//! query's pattern gives, for each text character, the query positions holding it; masking by
//! the match window and by the positions already taken leaves the candidates, and the lowest
//! bit is the greedy match. Transpositions pair the k-th matched text character with the k-th
//! matched query position. Greedy Jaro matching is symmetric, so the cached query may sit on
//! either side.

use super::pattern::{blocks_for, Pattern, WORD};
use super::scratch::with_words;

/// Winkler's prefix scale and the longest prefix it rewards (strsim's values).
const PREFIX_WEIGHT: f64 = 0.1;
const MAX_PREFIX: usize = 4;
/// Jaro similarity above which the prefix bonus applies.
const BOOST_THRESHOLD: f64 = 0.7;

/// Jaro similarity of a query (with its prebuilt `pattern`) and `text`.
pub fn jaro_cached(pattern: &Pattern, query: &[char], text: &[char]) -> f64 {
    let (m, n) = (query.len(), text.len());
    if m == 0 || n == 0 {
        return empty_score(query, text);
    }
    let (matches, transpositions) = if m <= WORD && n <= WORD {
        count_short(pattern, m, text)
    } else {
        count_blocks(pattern, m, text)
    };
    from_counts(matches, transpositions, query, text)
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
pub fn jaro_winkler_cached(pattern: &Pattern, query: &[char], text: &[char]) -> f64 {
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

/// Half-width of the match window: `max(m, n) / 2 - 1`, never negative.
#[inline]
fn window_radius(m: usize, n: usize) -> usize {
    (m.max(n) / 2).saturating_sub(1)
}

/// Matches and (doubled) transpositions when both strings fit one word.
#[inline]
fn count_short(pattern: &Pattern, m: usize, text: &[char]) -> (usize, usize) {
    let r = window_radius(m, text.len());
    // Query positions within the window of text position j: bits j - r ..= j + r.
    let mut window = if r >= WORD - 1 {
        !0u64
    } else {
        (1u64 << (r + 1)) - 1
    };
    let (mut taken, mut matched_text) = (0u64, 0u64);
    for (j, &c) in text.iter().enumerate() {
        let candidates = pattern.first(c) & window & !taken;
        let lowest = candidates & candidates.wrapping_neg();
        taken |= lowest;
        matched_text |= ((lowest != 0) as u64) << j;
        window = (window << 1) | (j < r) as u64;
    }
    let matches = taken.count_ones() as usize;
    let mut transpositions = 0;
    while matched_text != 0 {
        let j = matched_text.trailing_zeros() as usize;
        let lowest = taken & taken.wrapping_neg();
        transpositions += (pattern.first(text[j]) & lowest == 0) as usize;
        taken ^= lowest;
        matched_text &= matched_text - 1;
    }
    (matches, transpositions)
}

/// Matches and (doubled) transpositions for strings of any length, one word at a time.
fn count_blocks(pattern: &Pattern, m: usize, text: &[char]) -> (usize, usize) {
    let n = text.len();
    let r = window_radius(m, n);
    let query_words = blocks_for(m);
    with_words(query_words + blocks_for(n), |buf| {
        let (taken, matched_text) = buf.split_at_mut(query_words);
        let mut matches = 0;
        for (j, &c) in text.iter().enumerate() {
            let lo = j.saturating_sub(r);
            if lo >= m {
                break;
            }
            let hi = (j + r).min(m - 1);
            if let Some((w, bit)) = first_free(pattern.row(c), taken, lo, hi) {
                taken[w] |= bit;
                matched_text[j / WORD] |= 1u64 << (j % WORD);
                matches += 1;
            }
        }
        let mut transpositions = 0;
        let mut w = 0;
        for (tw, &bits) in matched_text.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let j = tw * WORD + bits.trailing_zeros() as usize;
                while taken[w] == 0 {
                    w += 1;
                }
                let lowest = taken[w] & taken[w].wrapping_neg();
                transpositions += (pattern.row(text[j])[w] & lowest == 0) as usize;
                taken[w] ^= lowest;
                bits &= bits - 1;
            }
        }
        (matches, transpositions)
    })
}

/// The lowest bit in `lo..=hi` set in `row` and not in `taken`, as (word, bit mask).
#[inline]
fn first_free(row: &[u64], taken: &[u64], lo: usize, hi: usize) -> Option<(usize, u64)> {
    let (first, last) = (lo / WORD, hi / WORD);
    for w in first..=last {
        let mut bits = row[w] & !taken[w];
        if w == first {
            bits &= !0u64 << (lo % WORD);
        }
        if w == last && hi % WORD != WORD - 1 {
            bits &= (1u64 << (hi % WORD + 1)) - 1;
        }
        if bits != 0 {
            return Some((w, bits & bits.wrapping_neg()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn jaro(a: &[char], b: &[char]) -> f64 {
        jaro_cached(&Pattern::new(a), a, b)
    }

    fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
        jaro_winkler_cached(&Pattern::new(a), a, b)
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
