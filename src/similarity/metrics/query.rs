//! A query prepared once and scored against many choices: the unit of work of a matrix row
//! and of a top-k search. For the bit-parallel metrics it holds the query's [`Pattern`], so a
//! row of n choices builds one table, not n.

use super::metric::Metric;
use super::multi::LanePattern;
use super::pattern::Pattern;
use super::prepared::Prepared;
use super::{damerau, edit, hamming, jaro, lcs};
use crate::error::{Error, Result};

/// `1 - distance / denominator`, and 1.0 when the denominator is zero (two empty strings).
#[inline]
pub fn normalized(distance: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        1.0 - distance as f64 / denominator as f64
    }
}

/// What an edit distance is divided by: `m + n` for indel, `max(m, n)` for the others.
#[inline]
pub fn denominator(metric: Metric, m: usize, n: usize) -> usize {
    match metric {
        Metric::Indel => m + n,
        _ => m.max(n),
    }
}

/// The largest distance whose normalised similarity is still at least `cutoff`, or `None`
/// when no distance qualifies (a cutoff above 1). Computed with the same formula as the score,
/// so the kernels' early exit never drops a pair that the cutoff would keep.
pub fn max_distance(cutoff: f64, denominator: usize) -> Option<usize> {
    if cutoff <= 0.0 {
        return Some(denominator);
    }
    if normalized(0, denominator) < cutoff {
        return None;
    }
    let estimate = ((1.0 - cutoff) * denominator as f64).floor().max(0.0) as usize;
    let mut d = estimate.min(denominator);
    while d < denominator && normalized(d + 1, denominator) >= cutoff {
        d += 1;
    }
    while d > 0 && normalized(d, denominator) < cutoff {
        d -= 1;
    }
    Some(d)
}

/// Scores below `cutoff` become 0.0, as in a matrix with a score cutoff.
#[inline]
pub fn apply_cutoff(score: f64, cutoff: f64) -> f64 {
    if score >= cutoff {
        score
    } else {
        0.0
    }
}

/// Similarity of an edit metric given a distance function that may stop above a maximum.
#[inline]
pub fn edit_similarity(
    metric: Metric,
    m: usize,
    n: usize,
    cutoff: f64,
    distance: impl FnOnce(usize) -> Option<usize>,
) -> f64 {
    let denom = denominator(metric, m, n);
    match max_distance(cutoff, denom).and_then(distance) {
        Some(d) => apply_cutoff(normalized(d, denom), cutoff),
        None => 0.0,
    }
}

/// Queries longer than this (in characters) get no pattern table. A table has 256 rows of one
/// word per 64 characters: 2 MB at this length, but 3.2 GB for a 100-million-character
/// query (8 lanes of it, 25 GB, killed the process). Longer queries score each choice through
/// the one-off pair kernels, which put the shorter string in the pattern.
pub const LONGEST_CACHED: usize = 1 << 16;

/// A query ready to be scored against many choices prepared for the same metric.
#[derive(Debug, Clone)]
pub struct CachedQuery<'a> {
    metric: Metric,
    query: &'a Prepared,
    /// The edit-distance kernels' table.
    pattern: Option<Pattern>,
    /// The Jaro kernel's table (one lane).
    jaro_pattern: Option<LanePattern<1>>,
}

impl<'a> CachedQuery<'a> {
    /// Prepares `query` for `metric`, building its pattern when the metric's kernel uses one.
    pub fn new(metric: Metric, query: &'a Prepared) -> Self {
        let (mut pattern, mut jaro_pattern) = (None, None);
        match (metric, query) {
            (_, Prepared::Chars(chars)) if chars.len() > LONGEST_CACHED => {}
            (Metric::Levenshtein | Metric::Indel | Metric::Osa, Prepared::Chars(chars)) => {
                pattern = Some(Pattern::new(chars))
            }
            (Metric::Jaro | Metric::JaroWinkler, Prepared::Chars(chars)) => {
                jaro_pattern = Some(LanePattern::for_lanes(&[chars.as_slice()]))
            }
            _ => {}
        }
        CachedQuery {
            metric,
            query,
            pattern,
            jaro_pattern,
        }
    }

    /// The metric this query scores with.
    pub fn metric(&self) -> Metric {
        self.metric
    }

    /// Similarity in [0, 1] of the query and `choice`; 0.0 when below `cutoff`.
    pub fn similarity(&self, choice: &Prepared, cutoff: f64) -> Result<f64> {
        let score = match (self.query, choice) {
            (Prepared::Chars(q), Prepared::Chars(c)) => self.char_similarity(q, c, cutoff)?,
            (Prepared::Bigrams(q), Prepared::Bigrams(c)) => q.similarity(c),
            (Prepared::Shingles(q), Prepared::Shingles(c)) => match self.metric {
                Metric::Jaccard { .. } => q.jaccard(c),
                Metric::Containment { .. } => q.containment(c),
                _ => q.cosine(c),
            },
            _ => {
                return Err(Error::Internal(
                    "query and choice prepared for different metrics".into(),
                ))
            }
        };
        Ok(apply_cutoff(score, cutoff))
    }

    /// Edit distance of the query and `choice`, or `None` above `max`.
    pub fn distance(&self, choice: &Prepared, max: usize) -> Result<Option<usize>> {
        let (Prepared::Chars(q), Prepared::Chars(c)) = (self.query, choice) else {
            return Err(self.metric.not_edit_error());
        };
        self.char_distance(q, c, max)
    }

    fn char_similarity(&self, q: &[char], c: &[char], cutoff: f64) -> Result<f64> {
        Ok(match (self.metric, &self.jaro_pattern) {
            (Metric::Jaro, Some(pattern)) => jaro::jaro_cached(pattern, q, c),
            (Metric::JaroWinkler, Some(pattern)) => jaro::jaro_winkler_cached(pattern, q, c),
            (Metric::Jaro, None) => jaro::jaro_pair(q, c),
            (Metric::JaroWinkler, None) => jaro::winkler(jaro::jaro_pair(q, c), q, c),
            _ => self.other_char_similarity(q, c, cutoff)?,
        })
    }

    fn other_char_similarity(&self, q: &[char], c: &[char], cutoff: f64) -> Result<f64> {
        Ok(match self.metric {
            Metric::Hamming => normalized(hamming::distance(q, c)?, q.len()),
            metric => edit_similarity(metric, q.len(), c.len(), cutoff, |max| {
                self.char_distance(q, c, max).ok().flatten()
            }),
        })
    }

    fn char_distance(&self, q: &[char], c: &[char], max: usize) -> Result<Option<usize>> {
        Ok(match (self.metric, &self.pattern) {
            (Metric::Levenshtein, Some(p)) => edit::levenshtein_cached(p, q, c, max),
            (Metric::Indel, Some(p)) => lcs::indel_distance_cached(p, q, c, max),
            (Metric::Osa, Some(p)) => edit::osa_cached(p, q, c, max),
            (Metric::Levenshtein, None) => edit::levenshtein(q, c, max),
            (Metric::Indel, None) => lcs::indel_distance(q, c, max),
            (Metric::Osa, None) => edit::osa(q, c, max),
            _ => self.other_char_distance(q, c, max)?,
        })
    }

    fn other_char_distance(&self, q: &[char], c: &[char], max: usize) -> Result<Option<usize>> {
        Ok(match self.metric {
            Metric::DamerauLevenshtein => damerau::distance(q, c, max),
            Metric::Hamming => Some(hamming::distance(q, c)?).filter(|&d| d <= max),
            other => return Err(other.not_edit_error()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_distance_matches_the_score_formula() {
        for denom in 0..40usize {
            for step in 0..=20 {
                let cutoff = step as f64 / 20.0;
                let keep: Vec<usize> = (0..=denom)
                    .filter(|&d| normalized(d, denom) >= cutoff)
                    .collect();
                assert_eq!(
                    max_distance(cutoff, denom),
                    keep.last().copied(),
                    "{denom} {cutoff}"
                );
            }
        }
        assert_eq!(max_distance(1.5, 10), None);
    }
}
