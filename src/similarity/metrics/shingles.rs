//! Word-level metrics for documents: Jaccard and containment over the sets of word n-gram
//! shingles, cosine over shingle counts (n = 1: a bag of words). Words come from the shared
//! tokeniser `crate::text::words`; shingles are interned to integer ids, so comparing two
//! documents merges two sorted id lists. Case and accents are kept: a `processor` folds them.

use std::collections::HashMap;

use crate::text::words::words;

/// One document's shingles: `(id, count)` sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles {
    counts: Vec<(u32, u32)>,
}

/// Gives each distinct shingle text one id, shared by all documents compared together.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The `ngram`-word shingles of `text`. A text with fewer words than `ngram` (but at least
    /// one) is one shingle of all its words, so short texts still compare.
    pub fn shingles(&mut self, text: &str, ngram: usize) -> Shingles {
        let tokens: Vec<&str> = words(text).collect();
        let n = ngram.max(1).min(tokens.len().max(1));
        let mut ids: Vec<u32> = tokens
            .windows(n)
            .map(|gram| self.id(&gram.join(" ")))
            .collect();
        ids.sort_unstable();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match counts.last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => counts.push((id, 1)),
            }
        }
        Shingles { counts }
    }

    fn id(&mut self, shingle: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(shingle.to_string()).or_insert(next)
    }
}

/// Sums over the shingles two documents share, and their sizes.
struct Overlap {
    /// Distinct shingles in both.
    common: usize,
    /// Sum of the products of the two counts over the shared shingles.
    dot: u64,
}

impl Shingles {
    /// Number of distinct shingles.
    pub fn distinct(&self) -> usize {
        self.counts.len()
    }

    fn squared_norm(&self) -> u64 {
        self.counts.iter().map(|&(_, c)| c as u64 * c as u64).sum()
    }

    fn overlap(&self, other: &Shingles) -> Overlap {
        let (a, b) = (&self.counts, &other.counts);
        let (mut i, mut j) = (0, 0);
        let mut out = Overlap { common: 0, dot: 0 };
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.common += 1;
                    out.dot += a[i].1 as u64 * b[j].1 as u64;
                    i += 1;
                    j += 1;
                }
            }
        }
        out
    }

    /// 1.0 when both documents have no words, 0.0 when only one has none; `None` otherwise.
    fn empty_score(&self, other: &Shingles) -> Option<f64> {
        match (self.counts.is_empty(), other.counts.is_empty()) {
            (true, true) => Some(1.0),
            (true, false) | (false, true) => Some(0.0),
            (false, false) => None,
        }
    }

    /// Shared shingles over all distinct shingles of the two documents.
    pub fn jaccard(&self, other: &Shingles) -> f64 {
        if let Some(score) = self.empty_score(other) {
            return score;
        }
        let common = self.overlap(other).common;
        common as f64 / (self.distinct() + other.distinct() - common) as f64
    }

    /// Share of this document's distinct shingles that `other` also holds (not symmetric).
    pub fn containment(&self, other: &Shingles) -> f64 {
        if let Some(score) = self.empty_score(other) {
            return score;
        }
        self.overlap(other).common as f64 / self.distinct() as f64
    }

    /// Cosine of the two shingle-count vectors.
    pub fn cosine(&self, other: &Shingles) -> f64 {
        if let Some(score) = self.empty_score(other) {
            return score;
        }
        let dot = self.overlap(other).dot as f64;
        // One square root of the product: identical documents give exactly 1.0.
        (dot / (self.squared_norm() as f64 * other.squared_norm() as f64).sqrt()).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str, n: usize) -> (Shingles, Shingles) {
        let mut interner = Interner::default();
        (interner.shingles(a, n), interner.shingles(b, n))
    }

    #[test]
    fn jaccard_and_containment_over_words() {
        let (a, b) = pair("the cat sat on the mat", "the cat sat", 1);
        assert_eq!(a.distinct(), 5);
        assert_eq!(a.jaccard(&b), 3.0 / 5.0);
        assert_eq!(b.containment(&a), 1.0);
        assert_eq!(a.containment(&b), 3.0 / 5.0);
    }

    #[test]
    fn bigram_shingles() {
        let (a, b) = pair("the cat sat on the mat", "the cat sat", 2);
        // a: the cat, cat sat, sat on, on the, the mat; b: the cat, cat sat.
        assert_eq!(a.jaccard(&b), 2.0 / 5.0);
        let (c, d) = pair("one", "one", 3);
        assert_eq!(c.jaccard(&d), 1.0);
    }

    #[test]
    fn cosine_over_counts() {
        let (a, b) = pair("a a b", "a b b", 1);
        assert!((a.cosine(&b) - 4.0 / 5.0).abs() < 1e-15);
        let (c, d) = pair("x y z x", "x y z x", 1);
        assert_eq!(c.cosine(&d), 1.0);
    }

    #[test]
    fn empty_documents() {
        let (a, b) = pair("", "...", 1);
        assert_eq!(a.jaccard(&b), 1.0);
        let (c, d) = pair("", "word", 1);
        assert_eq!(c.cosine(&d), 0.0);
        assert_eq!(d.containment(&c), 0.0);
    }
}
