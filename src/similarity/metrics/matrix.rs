//! Dense similarity matrices. A [`Grid`] holds the prepared rows (queries) and columns
//! (choices); its rows are filled in parallel, one [`CachedQuery`] per row, and when the
//! columns are the rows themselves and the metric is symmetric only the upper triangle is
//! scored and then mirrored. Bindings fill a range of rows at a time so they can check for
//! Ctrl-C between chunks.

use std::ops::Range;

use rayon::prelude::*;

use super::metric::Metric;
use super::prepared::{prepare_all, Prepared};
use super::query::CachedQuery;
use crate::error::{Error, Result};

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

    /// Scores `rows` into `out` (row-major, `rows.len() * n_cols` values). In a mirrored grid
    /// only the entries on and above the diagonal are written; call [`Grid::mirror`] at the end.
    pub fn fill_rows(&self, rows: Range<usize>, out: &mut [f32]) -> Result<()> {
        let n_cols = self.n_cols();
        assert_eq!(
            out.len(),
            rows.len() * n_cols,
            "output slice has the wrong size"
        );
        if n_cols == 0 {
            return Ok(());
        }
        let cols = self.cols();
        let mirrored = self.is_mirrored();
        out.par_chunks_mut(n_cols)
            .zip(rows)
            .try_for_each(|(row_out, i)| {
                let query = CachedQuery::new(self.metric, &self.rows[i]);
                let start = if mirrored { i } else { 0 };
                for (slot, choice) in row_out[start..].iter_mut().zip(&cols[start..]) {
                    *slot = query.similarity(choice, self.cutoff)? as f32;
                }
                Ok(())
            })
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
    grid.fill_rows(0..grid.n_rows(), &mut out)?;
    grid.mirror(&mut out);
    Ok(out)
}
