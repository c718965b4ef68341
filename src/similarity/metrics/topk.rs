//! Sparse top-k: for each query, the k best choices, without ever holding the dense matrix
//! (100k x 100k would not fit). Each row keeps a small heap whose worst entry doubles as a
//! rising cutoff, so the edit-distance kernels stop early on choices that cannot enter it.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use rayon::prelude::*;

use super::matrix::Grid;
use super::metric::Metric;
use super::query::CachedQuery;
use crate::error::{Error, Result};

/// One candidate of a row: ordered so that the heap's top is the *worst* candidate
/// (lowest score; among equal scores, the later choice).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    score: f64,
    choice: usize,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.choice.cmp(&other.choice))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Grid {
    /// The `k` best choices of each query in `rows`, as `(query, choice, score)` ordered by
    /// query, then best score first (ties: lower choice index first). Scores below the grid's
    /// cutoff are left out; without explicit columns a query never matches itself.
    pub fn nearest_rows(&self, rows: Range<usize>, k: usize) -> Result<Vec<(usize, usize, f64)>> {
        if k == 0 {
            return Err(Error::option("k", "must be at least 1"));
        }
        let per_row: Vec<Vec<(usize, usize, f64)>> = rows
            .into_par_iter()
            .map(|i| self.best_of_row(i, k))
            .collect::<Result<_>>()?;
        Ok(per_row.into_iter().flatten().collect())
    }

    fn best_of_row(&self, i: usize, k: usize) -> Result<Vec<(usize, usize, f64)>> {
        let query = CachedQuery::new(self.metric, &self.rows[i]);
        let skip_self = self.cols.is_none();
        let mut heap: BinaryHeap<Candidate> = BinaryHeap::with_capacity(k + 1);
        for (j, choice) in self.cols().iter().enumerate() {
            if skip_self && j == i {
                continue;
            }
            let floor = match heap.peek() {
                Some(worst) if heap.len() == k => worst.score.max(self.cutoff),
                _ => self.cutoff,
            };
            let score = query.similarity(choice, floor)?;
            if score < self.cutoff {
                continue;
            }
            let candidate = Candidate { score, choice: j };
            if heap.len() < k {
                heap.push(candidate);
            } else if heap.peek().is_some_and(|worst| candidate < *worst) {
                heap.pop();
                heap.push(candidate);
            }
        }
        let best = heap.into_sorted_vec();
        Ok(best.into_iter().map(|c| (i, c.choice, c.score)).collect())
    }
}

/// The `k` best choices of every query (`choices = None`: the queries themselves, never a
/// query with itself), as `(query, choice, score)`; scores below `cutoff` are left out.
pub fn nearest(
    queries: &[&str],
    choices: Option<&[&str]>,
    k: usize,
    metric: Metric,
    cutoff: f64,
) -> Result<Vec<(usize, usize, f64)>> {
    let grid = Grid::new(queries, choices, metric, cutoff)?;
    grid.nearest_rows(0..grid.n_rows(), k)
}
