//! Binding of the copy search cut into steps for distributed engines (see
//! `crate::similarity::copies::sketch`): `copy_sketches` (a column of texts in, numpy arrays of
//! exact and band keys out), `copy_candidates` (a column of texts and candidate pairs among
//! them, one similarity or `None` per pair) and `group_pairs` (union-find over pairs, the
//! grouping of `duplicate_groups`). Translation only: both steps are `CopyIndex` methods, the
//! texts read and indexed exactly as `near_duplicates` reads them.

use numpy::{IntoPyArray, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::{guarded, Batch, OnError, TextInput};
use super::copies::{build_index, Corpus, SearchOptions};
use crate::similarity::copies::group_rows;
use crate::Error;

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, *, options = None, n_threads = None, progress = None))]
pub fn copy_sketches<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    options: Option<SearchOptions>,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let cells = texts.cells();
    let mut corpus = Corpus::of(py, &cells, OnError::Raise)?;
    let batch = Batch::new("raise", n_threads, progress)?;
    let index = build_index(py, &mut corpus, options, &batch)?;
    let (mut rows, mut exact, mut bands, mut digest) = (vec![], vec![], vec![], vec![]);
    for (doc, &row) in corpus.positions.iter().enumerate() {
        if let Some(s) = index.sketch(doc) {
            rows.push(row as i64);
            exact.extend([s.exact.0, s.exact.1]);
            bands.extend(s.bands);
            digest.extend(s.digest);
        }
    }
    let n = rows.len();
    let o = index.options();
    let dict = PyDict::new(py);
    dict.set_item("row", rows.into_pyarray(py))?;
    dict.set_item("exact", exact.into_pyarray(py).reshape([n, 2])?)?;
    dict.set_item("bands", bands.into_pyarray(py).reshape([n, o.bands])?)?;
    dict.set_item("digest", digest.into_pyarray(py).reshape([n, o.num_perm])?)?;
    dict.set_item("min_equal", index.min_equal_positions())?;
    Ok(dict)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, a, b, *, options = None, n_threads = None))]
pub fn copy_candidates<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    a: Vec<u32>,
    b: Vec<u32>,
    options: Option<SearchOptions>,
    n_threads: Option<usize>,
) -> PyResult<Vec<Option<f64>>> {
    if a.len() != b.len() {
        let msg = format!("{} first rows for {} second rows", a.len(), b.len());
        return Err(Error::Mismatch(msg).into());
    }
    let cells = texts.cells();
    let mut corpus = Corpus::of(py, &cells, OnError::Raise)?;
    if let Some(row) = (0..corpus.len).find(|r| corpus.positions.get(*r) != Some(r)) {
        let msg = format!("row {row}: a candidate's text is missing");
        return Err(Error::Mismatch(msg).into());
    }
    let batch = Batch::new("raise", n_threads, None)?;
    let index = build_index(py, &mut corpus, options, &batch)?;
    let pairs: Vec<(u32, u32)> = a.into_iter().zip(b).collect();
    let texts = &corpus.texts;
    let scores = py.detach(|| {
        batch
            .workers
            .install(|| guarded(|| index.score(texts, &pairs)))
    });
    Ok(scores?)
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
