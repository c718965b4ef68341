//! Exact string metrics: edit distances (Levenshtein, Indel, OSA, Damerau-Levenshtein,
//! Hamming), Jaro and Jaro-Winkler, Sørensen-Dice on bigrams, all over code points, and
//! Jaccard / containment / cosine over word shingles; normalised similarity in [0, 1] with
//! the semantics of DESIGN.md. Pairs, dense matrices and sparse top-k share one scoring path
//! ([`CachedQuery`]). Not here: finding copies among documents (`copies`), alignment (`align`).

mod affix;
mod charmap;
mod damerau;
mod dice;
mod edit;
mod group;
mod hamming;
mod jaro;
mod lanes;
mod lcs;
mod matrix;
mod metric;
mod multi;
mod myers;
mod pattern;
mod prepared;
mod query;
mod scratch;
mod shingles;
mod topk;

/// Plain O(m * n) references the kernels are checked against, by the tests here and by the
/// differential fuzz targets in `fuzz/` (not part of the public API).
#[doc(hidden)]
pub mod reference;
#[cfg(test)]
mod tests;

/// The multi-query kernels on an explicit vector path, for the differential fuzz targets.
#[doc(hidden)]
pub use group::score_group;
pub use group::Simd;
pub use matrix::{similarity_matrix, Grid};
pub use metric::Metric;
pub use pattern::Pattern;
pub use prepared::{prepare_all, Prepared};
pub use query::CachedQuery;
pub use topk::{nearest, Match};

use crate::error::Result;

/// Normalised similarity of `a` and `b` in [0, 1] (1.0 for two empty strings).
pub fn similarity(a: &str, b: &str, metric: Metric) -> Result<f64> {
    similarity_with_cutoff(a, b, metric, 0.0)
}

/// Like [`similarity`], but 0.0 for a pair scoring below `cutoff`; edit metrics stop early
/// once the cutoff is out of reach.
pub fn similarity_with_cutoff(a: &str, b: &str, metric: Metric, cutoff: f64) -> Result<f64> {
    crate::fault::check(a);
    crate::fault::check(b);
    match metric {
        Metric::Levenshtein | Metric::Indel | Metric::Osa | Metric::DamerauLevenshtein => {
            let (a, b) = (chars(a), chars(b));
            Ok(query::edit_similarity(
                metric,
                a.len(),
                b.len(),
                cutoff,
                |max| pair_distance(metric, &a, &b, max).ok().flatten(),
            ))
        }
        _ => {
            let prepared = prepare_all(&[a, b], metric);
            CachedQuery::new(metric, &prepared[0]).similarity(&prepared[1], cutoff)
        }
    }
}

/// Edit distance of `a` and `b` for the edit metrics (levenshtein, indel, osa,
/// damerau_levenshtein, hamming); an error for the others and for hamming on unequal lengths.
pub fn distance(a: &str, b: &str, metric: Metric) -> Result<usize> {
    if !metric.is_edit() {
        return Err(metric.not_edit_error());
    }
    crate::fault::check(a);
    crate::fault::check(b);
    let (a, b) = (chars(a), chars(b));
    let max = a.len() + b.len();
    Ok(pair_distance(metric, &a, &b, max)?.expect("no edit distance exceeds m + n"))
}

/// One-off distance of a pair: strips the common affix and puts the shorter string in the
/// pattern, which a cached query cannot do.
fn pair_distance(metric: Metric, a: &[char], b: &[char], max: usize) -> Result<Option<usize>> {
    Ok(match metric {
        Metric::Levenshtein => edit::levenshtein(a, b, max),
        Metric::Indel => lcs::indel_distance(a, b, max),
        Metric::Osa => edit::osa(a, b, max),
        Metric::DamerauLevenshtein => damerau::distance(a, b, max),
        Metric::Hamming => Some(hamming::distance(a, b)?).filter(|&d| d <= max),
        other => return Err(other.not_edit_error()),
    })
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}
