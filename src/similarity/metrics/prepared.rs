//! Strings turned, once, into what a metric's kernels read: code points for the character
//! metrics, sorted bigrams for Sørensen-Dice, interned shingles for the word metrics. A matrix
//! of n x m pairs prepares n + m strings, never n * m.

use super::dice::Bigrams;
use super::metric::Metric;
use super::shingles::{Interner, Shingles};

/// One string prepared for one metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    Chars(Vec<char>),
    Bigrams(Bigrams),
    Shingles(Shingles),
}

impl Prepared {
    /// Length in code points for the character metrics, shingles for the word metrics.
    pub fn len(&self) -> usize {
        match self {
            Prepared::Chars(c) => c.len(),
            Prepared::Bigrams(b) => b.len(),
            Prepared::Shingles(s) => s.distinct(),
        }
    }

    /// The code points of a string prepared for a character metric (empty otherwise).
    #[inline]
    pub fn as_chars(&self) -> &[char] {
        match self {
            Prepared::Chars(c) => c,
            _ => &[],
        }
    }

    /// True for an empty string (or a document with no words).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Prepares every text for `metric`. Word metrics intern all shingles in one table, so
/// texts compared with each other must be prepared in one call.
pub fn prepare_all(texts: &[&str], metric: Metric) -> Vec<Prepared> {
    texts.iter().for_each(|t| crate::fault::check(t));
    match metric {
        Metric::Jaccard { ngram } | Metric::Containment { ngram } | Metric::Cosine { ngram } => {
            let mut interner = Interner::default();
            texts
                .iter()
                .map(|t| Prepared::Shingles(interner.shingles(t, ngram)))
                .collect()
        }
        Metric::SorensenDice => texts
            .iter()
            .map(|t| Prepared::Bigrams(Bigrams::new(t)))
            .collect(),
        _ => texts
            .iter()
            .map(|t| Prepared::Chars(t.chars().collect()))
            .collect(),
    }
}
