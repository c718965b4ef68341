//! Binding of the copy search cut into steps for distributed engines (see
//! `crate::similarity::copies::sketch`): `copy_sketches` (a column of texts in, numpy arrays of
//! exact and band keys out) and `copy_candidates` (two columns of texts, one similarity or a
//! missing value per pair), both through the column machinery, and `group_pairs` (union-find
//! over pairs, the grouping of `duplicate_groups`). Translation only.

use numpy::{IntoPyArray, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::{cell_text, pair_rows, run_rows, to_output, Batch, Cell, TextInput};
use super::copies::{resolve, SearchOptions};
use crate::similarity::copies::{group_rows, Sketcher};
use crate::Error;

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn copy_sketches<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    options: Option<SearchOptions>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let sketcher = Sketcher::new(resolve(options)?)?;
    let batch = Batch::new(errors, n_threads, progress)?;
    let cells = texts.cells();
    let sketch = |cell: &Cell<'_>| Ok(cell_text(cell)?.and_then(|t| sketcher.sketch(t)));
    let sketches = run_rows(py, &cells, &batch, sketch)?;
    let (mut rows, mut exact, mut bands) = (Vec::new(), Vec::new(), Vec::new());
    for (row, s) in sketches.into_iter().enumerate() {
        if let Some(s) = s {
            rows.push(row as i64);
            exact.extend([s.exact.0, s.exact.1]);
            bands.extend(s.bands);
        }
    }
    let n = rows.len();
    let width = sketcher.options().bands;
    let dict = PyDict::new(py);
    dict.set_item("row", rows.into_pyarray(py))?;
    dict.set_item("exact", exact.into_pyarray(py).reshape([n, 2])?)?;
    dict.set_item("bands", bands.into_pyarray(py).reshape([n, width])?)?;
    Ok(dict)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (a, b, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn copy_candidates<'py>(
    py: Python<'py>,
    a: TextInput<'py>,
    b: TextInput<'py>,
    options: Option<SearchOptions>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let sketcher = Sketcher::new(resolve(options)?)?;
    let batch = Batch::new(errors, n_threads, progress)?;
    let rows = pair_rows(&a, &b)?;
    let score = |(x, y): &(Cell<'_>, Cell<'_>)| match (cell_text(x)?, cell_text(y)?) {
        (Some(x), Some(y)) => Ok(sketcher.candidate_similarity(x, y)),
        _ => Ok(None),
    };
    let values = run_rows(py, &rows, &batch, score)?;
    let shape = if a.is_scalar() { &b } else { &a };
    to_output(py, shape, None, values)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (n, a, b, *, dates = None))]
pub fn group_pairs(
    py: Python<'_>,
    n: usize,
    a: Vec<usize>,
    b: Vec<usize>,
    dates: Option<Vec<Option<i64>>>,
) -> PyResult<Bound<'_, PyDict>> {
    if a.len() != b.len() {
        let msg = format!("{} first rows for {} second rows", a.len(), b.len());
        return Err(Error::Mismatch(msg).into());
    }
    if let Some(&row) = a.iter().chain(&b).find(|&&row| row >= n) {
        let msg = format!("row {row} out of range for {n} rows");
        return Err(Error::Mismatch(msg).into());
    }
    if dates.as_ref().is_some_and(|d| d.len() != n) {
        let msg = format!(
            "dates for {} rows, expected {n}",
            dates.map_or(0, |d| d.len())
        );
        return Err(Error::Mismatch(msg).into());
    }
    let groups = py.detach(|| group_rows(n, a.into_iter().zip(b), dates.as_deref()));
    let dict = PyDict::new(py);
    dict.set_item("group", groups.group)?;
    dict.set_item("original", groups.original)?;
    Ok(dict)
}
