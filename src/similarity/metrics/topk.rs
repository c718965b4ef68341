//! Sparse top-k: for each query, the k best choices, without ever holding the dense matrix
//! (100k x 100k would not fit). Each row keeps a small heap whose worst entry doubles as a
//! rising cutoff, so the edit-distance kernels stop early on choices that cannot enter it.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use rayon::prelude::*;

use super::group::{self, Simd};
use super::matrix::{Grid, Group};
use super::metric::Metric;
use super::query::CachedQuery;
use crate::error::{Error, Result};

/// `(query, choice, score)`.
pub type Match = (usize, usize, f64);

/// The matches of one query row, tagged with the row.
type RowMatches = (usize, Vec<Match>);

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
    /// cutoff are left out; without explicit columns a query never matches itself. Runs on
    /// rayon's current pool when `parallel`, else on the calling thread.
    pub fn nearest_rows(&self, rows: Range<usize>, k: usize, parallel: bool) -> Result<Vec<Match>> {
        if k == 0 {
            return Err(Error::option("k", "must be at least 1"));
        }
        let simd = Simd::detect();
        let plan = self.plan(rows, simd);
        let best = |group: Group| match group {
            Group::Single(i) => Ok(vec![(i, self.best_of_row(i, k)?)]),
            Group::Lanes(ids) => Ok(self.best_of_group(simd, &ids, k)),
        };
        let groups: Vec<Vec<RowMatches>> = if parallel {
            plan.into_par_iter().map(best).collect::<Result<_>>()?
        } else {
            plan.into_iter().map(best).collect::<Result<_>>()?
        };
        let mut per_row: Vec<RowMatches> = groups.into_iter().flatten().collect();
        per_row.sort_unstable_by_key(|(i, _)| *i);
        Ok(per_row.into_iter().flat_map(|(_, best)| best).collect())
    }

    /// Top-k of a lane group: every choice scored by the multi-query kernels, no early exit.
    fn best_of_group(&self, simd: Simd, ids: &[usize], k: usize) -> Vec<RowMatches> {
        let mut heaps: Vec<TopK> = ids.iter().map(|_| TopK::new(k)).collect();
        let skip_self = self.cols.is_none();
        let cutoff = self.cutoff;
        let queries: Vec<&[char]> = ids.iter().map(|&i| self.rows[i].as_chars()).collect();
        group::score_group(
            simd,
            self.metric,
            &queries,
            self.cols(),
            0..self.n_cols(),
            cutoff,
            |lane, j, score| {
                if !(skip_self && j == ids[lane]) && score >= cutoff {
                    heaps[lane].offer(score, j);
                }
            },
        );
        ids.iter()
            .zip(heaps)
            .map(|(&i, heap)| (i, heap.into_rows(i)))
            .collect()
    }

    /// Top-k of one row, the heap's worst entry serving as a rising cutoff.
    fn best_of_row(&self, i: usize, k: usize) -> Result<Vec<Match>> {
        let query = CachedQuery::new(self.metric, &self.rows[i]);
        let skip_self = self.cols.is_none();
        let mut heap = TopK::new(k);
        for (j, choice) in self.cols().iter().enumerate() {
            if skip_self && j == i {
                continue;
            }
            let score = query.similarity(choice, heap.floor().max(self.cutoff))?;
            if score >= self.cutoff {
                heap.offer(score, j);
            }
        }
        Ok(heap.into_rows(i))
    }
}

/// The k best candidates seen so far.
struct TopK {
    k: usize,
    heap: BinaryHeap<Candidate>,
}

impl TopK {
    fn new(k: usize) -> Self {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    /// The score a candidate must reach to matter: the worst kept one once the heap is full.
    fn floor(&self) -> f64 {
        match self.heap.peek() {
            Some(worst) if self.heap.len() == self.k => worst.score,
            _ => 0.0,
        }
    }

    fn offer(&mut self, score: f64, choice: usize) {
        let candidate = Candidate { score, choice };
        if self.heap.len() < self.k {
            self.heap.push(candidate);
        } else if self.heap.peek().is_some_and(|worst| candidate < *worst) {
            self.heap.pop();
            self.heap.push(candidate);
        }
    }

    /// Best first, as `(query, choice, score)`.
    fn into_rows(self, query: usize) -> Vec<Match> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|c| (query, c.choice, c.score))
            .collect()
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
) -> Result<Vec<Match>> {
    let grid = Grid::new(queries, choices, metric, cutoff)?;
    grid.nearest_rows(0..grid.n_rows(), k, true)
}
