//! Dense similarity matrices. A [`Grid`] holds the prepared rows (queries) and columns
//! (choices); its rows are filled in parallel, one [`CachedQuery`] per row, and when the
//! columns are the rows themselves and the metric is symmetric only the upper triangle is
//! scored and then mirrored. Bindings fill a range of rows at a time so they can check for
//! Ctrl-C between chunks.

use std::ops::Range;

use rayon::prelude::*;

use super::group::{self, Simd};
use super::metric::Metric;
use super::prepared::{prepare_all, Prepared};
use super::query::{CachedQuery, LONGEST_CACHED};
use crate::error::{Error, Result};

/// Rows scored together: one group per SIMD lane set, or one row on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Group {
    Lanes(Vec<usize>),
    Single(usize),
}

/// Rows per parallel task: enough tasks to keep every thread busy, at most 64 rows so that a
/// mirrored chunk scores few columns left of its diagonal, and whole lane groups.
fn chunk_rows(rows: usize, lanes: usize) -> usize {
    let per_task = rows / (4 * rayon::current_num_threads()).max(1);
    per_task.clamp(lanes, 64).div_ceil(lanes) * lanes
}

/// Rows and columns prepared once for a matrix or a top-k search.
#[derive(Debug, Clone)]
pub struct Grid {
    pub(super) metric: Metric,
    pub(super) cutoff: f64,
    pub(super) rows: Vec<Prepared>,
    /// `None` when the columns are the rows (`b=None`).
    pub(super) cols: Option<Vec<Prepared>>,
}

impl Grid {
    /// Prepares `a` (rows) and `b` (columns, or `a` again when `None`).
    pub fn new(a: &[&str], b: Option<&[&str]>, metric: Metric, cutoff: f64) -> Result<Grid> {
        if !(cutoff.is_finite() && (0.0..=1.0).contains(&cutoff)) {
            return Err(Error::option(
                "cutoff",
                format!("must be between 0 and 1, got {cutoff}"),
            ));
        }
        let (rows, cols) = match b {
            None => (prepare_all(a, metric), None),
            Some(b) => {
                // One call, so word metrics intern rows and columns in the same table.
                let both: Vec<&str> = a.iter().chain(b).copied().collect();
                let mut rows = prepare_all(&both, metric);
                let cols = rows.split_off(a.len());
                (rows, Some(cols))
            }
        };
        let grid = Grid {
            metric,
            cutoff,
            rows,
            cols,
        };
        if metric == Metric::Hamming {
            grid.check_equal_lengths()?;
        }
        Ok(grid)
    }

    /// Number of rows (queries).
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }

    /// Number of columns (choices).
    pub fn n_cols(&self) -> usize {
        self.cols().len()
    }

    pub(super) fn cols(&self) -> &[Prepared] {
        self.cols.as_deref().unwrap_or(&self.rows)
    }

    /// True when only the upper triangle is scored and the rest is its mirror image.
    pub fn is_mirrored(&self) -> bool {
        self.cols.is_none() && self.metric.is_symmetric()
    }

    /// Hamming is only defined on equal lengths: one differing pair fails the whole matrix.
    fn check_equal_lengths(&self) -> Result<()> {
        let first = self
            .rows
            .first()
            .or(self.cols().first())
            .map_or(0, Prepared::len);
        let odd_row = self.rows.iter().position(|p| p.len() != first);
        let odd_col = self.cols().iter().position(|p| p.len() != first);
        let (side, index, len) = match (odd_row, odd_col) {
            (Some(i), _) => ("a", i, self.rows[i].len()),
            (None, Some(j)) => ("b", j, self.cols()[j].len()),
            (None, None) => return Ok(()),
        };
        Err(Error::Mismatch(format!(
            "hamming needs strings of equal length: the first has {first} characters, {side}[{index}] has {len}"
        )))
    }

    /// Scores `rows` into `out` (row-major, `rows.len() * n_cols` values), on rayon's current
    /// pool when `parallel`, else on the calling thread. In a mirrored grid only the entries on
    /// and above the diagonal are written; call [`Grid::mirror`] at the end.
    pub fn fill_rows(&self, rows: Range<usize>, out: &mut [f32], parallel: bool) -> Result<()> {
        let n_cols = self.n_cols();
        assert_eq!(
            out.len(),
            rows.len() * n_cols,
            "output slice has the wrong size"
        );
        if n_cols == 0 || rows.is_empty() {
            return Ok(());
        }
        let simd = Simd::detect();
        let chunk_rows = chunk_rows(rows.len(), simd.lanes());
        let fill = |(k, chunk): (usize, &mut [f32])| {
            let start = rows.start + k * chunk_rows;
            self.fill_chunk(simd, start..start + chunk.len() / n_cols, chunk)
        };
        if parallel {
            out.par_chunks_mut(chunk_rows * n_cols)
                .enumerate()
                .try_for_each(fill)
        } else {
            out.chunks_mut(chunk_rows * n_cols)
                .enumerate()
                .try_for_each(fill)
        }
    }

    /// Fills the rows of one chunk, group by group.
    fn fill_chunk(&self, simd: Simd, rows: Range<usize>, out: &mut [f32]) -> Result<()> {
        let n_cols = self.n_cols();
        for group in self.plan(rows.clone(), simd) {
            match group {
                Group::Lanes(ids) => self.score_lanes(simd, &ids, |lane, j, score| {
                    out[(ids[lane] - rows.start) * n_cols + j] = score as f32;
                }),
                Group::Single(i) => {
                    let row = &mut out[(i - rows.start) * n_cols..][..n_cols];
                    let query = CachedQuery::new(self.metric, &self.rows[i]);
                    let start = self.first_col(i);
                    for (slot, choice) in row[start..].iter_mut().zip(&self.cols()[start..]) {
                        *slot = query.similarity(choice, self.cutoff)? as f32;
                    }
                }
            }
        }
        Ok(())
    }

    /// The first column a row needs: its diagonal in a mirrored grid, else 0.
    pub(super) fn first_col(&self, row: usize) -> usize {
        if self.is_mirrored() {
            row
        } else {
            0
        }
    }

    /// Splits `rows` into groups for the multi-query kernels, sorted by length so a group's
    /// queries need the same number of blocks, or into single rows for the other metrics.
    pub(super) fn plan(&self, rows: Range<usize>, simd: Simd) -> Vec<Group> {
        let mut order: Vec<usize> = rows.collect();
        if simd == Simd::Off || !group::supports(self.metric) {
            return order.into_iter().map(Group::Single).collect();
        }
        order.sort_by_key(|&i| self.rows[i].len());
        // Very long queries get no lane table (see `query::LONGEST_CACHED`): alone, one-off.
        let long = order.partition_point(|&i| self.rows[i].len() <= LONGEST_CACHED);
        let singles = order.split_off(long).into_iter().map(Group::Single);
        order
            .chunks(simd.lanes())
            .map(|ids| Group::Lanes(ids.to_vec()))
            .chain(singles)
            .collect()
    }

    /// Runs the multi-query kernels for the rows `ids` over every column they need.
    pub(super) fn score_lanes(
        &self,
        simd: Simd,
        ids: &[usize],
        sink: impl FnMut(usize, usize, f64),
    ) {
        let queries: Vec<&[char]> = ids.iter().map(|&i| self.rows[i].as_chars()).collect();
        let start = ids.iter().map(|&i| self.first_col(i)).min().unwrap_or(0);
        group::score_group(
            simd,
            self.metric,
            &queries,
            self.cols(),
            start..self.n_cols(),
            self.cutoff,
            sink,
        );
    }

    /// Copies the upper triangle of a mirrored grid's full matrix into the lower one, tile by
    /// tile so both sides stay in cache.
    pub fn mirror(&self, out: &mut [f32]) {
        if !self.is_mirrored() {
            return;
        }
        const TILE: usize = 64;
        let n = self.n_rows();
        for i0 in (0..n).step_by(TILE) {
            for j0 in (0..=i0).step_by(TILE) {
                for i in i0..(i0 + TILE).min(n) {
                    for j in j0..(j0 + TILE).min(i) {
                        out[i * n + j] = out[j * n + i];
                    }
                }
            }
        }
    }
}

/// Row-major `a.len() x b.len()` matrix of similarities (`b = None`: `a` against itself);
/// scores below `cutoff` are 0.0.
pub fn similarity_matrix(
    a: &[&str],
    b: Option<&[&str]>,
    metric: Metric,
    cutoff: f64,
) -> Result<Vec<f32>> {
    let grid = Grid::new(a, b, metric, cutoff)?;
    let mut out = vec![0f32; grid.n_rows() * grid.n_cols()];
    grid.fill_rows(0..grid.n_rows(), &mut out, true)?;
    grid.mirror(&mut out);
    Ok(out)
}
