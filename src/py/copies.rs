//! Binding of copies of a story: `near_duplicates` and `duplicate_groups` (a corpus in, pairs
//! or groups out), `copy_share` (pairs of texts, through the column machinery) and `align`
//! (the `Alignment` class). Translation only: options, missing rows, chunking for Ctrl-C and
//! progress; the work is in `crate::similarity::copies` and `crate::similarity::align`.

use std::ops::Range;
use std::time::Instant;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use super::columns::{
    cell_text, guarded, map_pairs, next_chunk_rows, pair_rows, run_rows, Batch, Cell, OnError,
    TextInput,
};
use super::errors::row_error;
use crate::similarity::align::{align as align_texts, AlignStep};
use crate::similarity::copies::{
    self, Candidates, CopyIndex, CopyOptions, PairsOf, UnionFind, Verified,
};
use crate::Error;

/// The present rows of a corpus column: their texts and their positions in the input.
pub(super) struct Corpus<'a> {
    pub(super) texts: Vec<&'a str>,
    pub(super) positions: Vec<usize>,
    pub(super) len: usize,
    /// Indices into `texts` of rows that failed under `errors="null"`: their text is replaced
    /// by "" (nobody's copy) and their output is missing.
    failed: Vec<usize>,
}

impl<'a> Corpus<'a> {
    /// Missing rows are left out (they are nobody's copy); an unencodable row is a RowError,
    /// or a failed row under `errors="null"`.
    pub(super) fn of(
        py: Python<'_>,
        cells: &'a [super::columns::Cell<'a>],
        on_error: OnError,
    ) -> PyResult<Corpus<'a>> {
        let mut corpus = Corpus {
            texts: Vec::with_capacity(cells.len()),
            positions: Vec::with_capacity(cells.len()),
            len: cells.len(),
            failed: Vec::new(),
        };
        for (row, cell) in cells.iter().enumerate() {
            match cell_text(cell) {
                Ok(Some(text)) => corpus.push(row, text),
                Ok(None) => {}
                Err(e) if on_error == OnError::Raise => {
                    return Err(row_error(py, row, &e.to_string()))
                }
                Err(_) => {
                    corpus.failed.push(corpus.texts.len());
                    corpus.push(row, "");
                }
            }
        }
        Ok(corpus)
    }

    fn push(&mut self, row: usize, text: &'a str) {
        self.texts.push(text);
        self.positions.push(row);
    }

    /// Text `i` failed: a RowError naming its input row, or (`errors="null"`) a missing row.
    fn fail(&mut self, py: Python<'_>, i: usize, error: &Error, on_error: OnError) -> PyResult<()> {
        if on_error == OnError::Raise {
            return Err(row_error(py, self.positions[i], &error.to_string()));
        }
        self.failed.push(i);
        self.texts[i] = "";
        Ok(())
    }
}

/// The search options of `near_duplicates` and `duplicate_groups` as the Python wrappers pass
/// them: a dict with every key, `None` for the documented default.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub(super) struct SearchOptions {
    threshold: Option<f64>,
    shingle_size: Option<usize>,
    num_perm: Option<usize>,
    bands: Option<usize>,
    min_jaccard: Option<f64>,
    lead_share: Option<f64>,
    lead_floor: Option<f64>,
    seed: Option<u64>,
}

/// The core options for `given` (no dict: every default), checked.
pub(super) fn resolve(given: Option<SearchOptions>) -> PyResult<CopyOptions> {
    let d = CopyOptions::default();
    let Some(o) = given else { return Ok(d) };
    let options = CopyOptions {
        threshold: o.threshold.unwrap_or(d.threshold),
        shingle_size: o.shingle_size.unwrap_or(d.shingle_size),
        num_perm: o.num_perm.unwrap_or(d.num_perm),
        bands: o.bands.unwrap_or(d.bands),
        min_jaccard: o.min_jaccard.unwrap_or(d.min_jaccard),
        lead_share: o.lead_share.unwrap_or(d.lead_share),
        lead_floor: o.lead_floor.unwrap_or(d.lead_floor),
        seed: o.seed.unwrap_or(d.seed),
    };
    options.validate()?;
    Ok(options)
}

/// The copy search up to verification, over the present rows of a corpus.
struct Search {
    index: CopyIndex,
    candidates: Candidates,
    verified: Vec<Verified>,
}

/// Runs the copy search over the present rows: signatures in chunks (progress and Ctrl-C
/// between chunks), then candidates, then verification in chunks. Every step runs under a
/// panic guard; a chunk of texts that panicked is taken back and added again row by row to
/// find the row (a RowError, or under `errors="null"` that row becomes missing). With
/// `joined` (grouping), the two passes of `CopyIndex::group_pairs`: the star pairs of each
/// bucket, then the pairs still apart, so `k` versions of a story never list `k^2 / 2` pairs.
fn search(
    py: Python<'_>,
    corpus: &mut Corpus<'_>,
    options: Option<SearchOptions>,
    batch: &Batch,
    joined: Option<&mut UnionFind>,
) -> PyResult<Search> {
    let workers = &batch.workers;
    let index = build_index(py, corpus, options, batch)?;
    let candidates_of = |which: PairsOf<'_>| {
        py.detach(|| workers.install(|| guarded(|| Ok(index.candidates_of(which)))))
    };
    let mut verified = Vec::new();
    let candidates = match joined {
        None => {
            let all = candidates_of(PairsOf::All)?;
            verify_in_chunks(py, &index, &corpus.texts, &all, None, batch, &mut verified)?;
            all
        }
        Some(sets) => {
            let star = candidates_of(PairsOf::Star)?;
            verify_in_chunks(
                py,
                &index,
                &corpus.texts,
                &star,
                Some(sets),
                batch,
                &mut verified,
            )?;
            let apart = candidates_of(PairsOf::Apart(sets))?;
            verify_in_chunks(
                py,
                &index,
                &corpus.texts,
                &apart,
                Some(sets),
                batch,
                &mut verified,
            )?;
            apart
        }
    };
    Ok(Search {
        index,
        candidates,
        verified,
    })
}

/// Verifies `candidates` in chunks sized, like the rows of `build_index`, to about a tenth
/// of a second (a pair of long versions costs tens of microseconds, so a fixed 65,536 pairs
/// could hold Ctrl-C off for over a second), adding what verifies to `verified`.
fn verify_in_chunks(
    py: Python<'_>,
    index: &CopyIndex,
    texts: &[&str],
    candidates: &Candidates,
    mut joined: Option<&mut UnionFind>,
    batch: &Batch,
    verified: &mut Vec<Verified>,
) -> PyResult<()> {
    let (mut from, mut step) = (0, 1024);
    while from < candidates.len() {
        let range = from..(from + step).min(candidates.len());
        let (done, began) = (range.len(), Instant::now());
        let found = py.detach(|| {
            batch.workers.install(|| {
                guarded(|| match joined.as_deref_mut() {
                    Some(sets) => index.verify_unjoined(texts, candidates, range, sets),
                    None => index.verify(texts, candidates, range),
                })
            })
        })?;
        verified.extend(found);
        step = next_chunk_rows(step, done, began.elapsed());
        from += done;
        py.check_signals()?;
    }
    Ok(())
}

/// Adds the present rows to a new index in chunks, with signatures computed in parallel
/// (progress and Ctrl-C between chunks). A chunk that panicked is taken back and added again
/// row by row to find the row (a RowError, or under `errors="null"` that row becomes missing).
pub(super) fn build_index(
    py: Python<'_>,
    corpus: &mut Corpus<'_>,
    options: Option<SearchOptions>,
    batch: &Batch,
) -> PyResult<CopyIndex> {
    let workers = &batch.workers;
    let mut index = CopyIndex::new(resolve(options)?)?;
    let (mut start, mut chunk) = (0, 256);
    while start < corpus.texts.len() {
        let end = (start + chunk).min(corpus.texts.len());
        let began = Instant::now();
        let texts = &corpus.texts[start..end];
        let added = py.detach(|| {
            workers.install(|| {
                guarded(|| {
                    index.add(texts);
                    Ok(())
                })
            })
        });
        if added.is_err() {
            index.truncate(start);
            add_row_by_row(py, corpus, &mut index, start..end, batch.on_error)?;
        }
        chunk = next_chunk_rows(chunk, end - start, began.elapsed());
        py.check_signals()?;
        if let Some(progress) = &batch.progress {
            progress.call1(py, (end - start,))?;
        }
        start = end;
    }
    Ok(index)
}

/// Adds `rows` one at a time, each under its own guard (the slow path after a panic).
fn add_row_by_row(
    py: Python<'_>,
    corpus: &mut Corpus<'_>,
    index: &mut CopyIndex,
    rows: Range<usize>,
    on_error: OnError,
) -> PyResult<()> {
    for i in rows {
        let text = [corpus.texts[i]];
        let added = py.detach(|| {
            guarded(|| {
                index.add(&text);
                Ok(())
            })
        });
        if let Err(error) = added {
            index.truncate(i);
            corpus.fail(py, i, &error, on_error)?;
            index.add(&[""]);
        }
    }
    Ok(())
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn near_duplicates<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    options: Option<SearchOptions>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    let cells = texts.cells();
    let mut corpus = Corpus::of(py, &cells, batch.on_error)?;
    let found = search(py, &mut corpus, options, &batch, None)?;
    let dict = PyDict::new(py);
    set_pairs(py, &dict, &corpus, &found)?;
    Ok(dict)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, *, dates = None, options = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn duplicate_groups<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    dates: Option<Vec<Option<i64>>>,
    options: Option<SearchOptions>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    let cells = texts.cells();
    let mut corpus = Corpus::of(py, &cells, batch.on_error)?;
    check_dates(&corpus, dates.as_deref())?;
    // Only the components matter: pairs already joined are not verified.
    let mut joined = UnionFind::new(corpus.texts.len());
    let found = search(py, &mut corpus, options, &batch, Some(&mut joined))?;
    let dict = PyDict::new(py);
    set_groups(&dict, &corpus, &found, dates.as_deref())?;
    Ok(dict)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (texts, *, dates = None, options = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn pairs_and_groups<'py>(
    py: Python<'py>,
    texts: TextInput<'py>,
    dates: Option<Vec<Option<i64>>>,
    options: Option<SearchOptions>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    let cells = texts.cells();
    let mut corpus = Corpus::of(py, &cells, batch.on_error)?;
    check_dates(&corpus, dates.as_deref())?;
    // Every candidate pair is verified for the pairs; their components are the groups.
    let found = search(py, &mut corpus, options, &batch, None)?;
    let dict = PyDict::new(py);
    set_pairs(py, &dict, &corpus, &found)?;
    set_groups(&dict, &corpus, &found, dates.as_deref())?;
    Ok(dict)
}

fn check_dates(corpus: &Corpus<'_>, dates: Option<&[Option<i64>]>) -> PyResult<()> {
    match dates {
        Some(d) if d.len() != corpus.len => {
            let msg = format!("{} dates for {} texts", d.len(), corpus.len);
            Err(crate::Error::Mismatch(msg).into())
        }
        _ => Ok(()),
    }
}

/// The copy pairs of a search as `a`, `b` (input positions) and `similarity` lists.
fn set_pairs(
    py: Python<'_>,
    dict: &Bound<'_, PyDict>,
    corpus: &Corpus<'_>,
    found: &Search,
) -> PyResult<()> {
    let pairs = py.detach(|| guarded(|| found.index.finish(&found.candidates, &found.verified)))?;
    let at = |i: usize| corpus.positions[i];
    dict.set_item("a", pairs.iter().map(|p| at(p.a)).collect::<Vec<_>>())?;
    dict.set_item("b", pairs.iter().map(|p| at(p.b)).collect::<Vec<_>>())?;
    dict.set_item(
        "similarity",
        pairs.iter().map(|p| p.similarity).collect::<Vec<_>>(),
    )?;
    Ok(())
}

/// The groups of a search's verified pairs as `group` and `original` lists (input
/// positions; `None` for a missing or failed row).
fn set_groups(
    dict: &Bound<'_, PyDict>,
    corpus: &Corpus<'_>,
    found: &Search,
    dates: Option<&[Option<i64>]>,
) -> PyResult<()> {
    let edges = found.index.group_edges(&found.candidates, &found.verified);
    let present_dates: Option<Vec<Option<i64>>> =
        dates.map(|d| corpus.positions.iter().map(|&i| d[i]).collect());
    let groups = copies::group_rows(corpus.texts.len(), edges, present_dates.as_deref());
    let mut group = vec![None; corpus.len];
    let mut original = vec![None; corpus.len];
    for (i, &row) in corpus.positions.iter().enumerate() {
        group[row] = Some(groups.group[i]);
        original[row] = Some(corpus.positions[groups.original[i]]);
    }
    for &i in &corpus.failed {
        group[corpus.positions[i]] = None;
        original[corpus.positions[i]] = None;
    }
    dict.set_item("group", group)?;
    dict.set_item("original", original)?;
    Ok(())
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (a, b, *, shingle_size = 3, spans = false, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn copy_share<'py>(
    py: Python<'py>,
    a: TextInput<'py>,
    b: TextInput<'py>,
    shingle_size: usize,
    spans: bool,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    CopyOptions {
        shingle_size,
        ..CopyOptions::default()
    }
    .validate()?;
    let batch = Batch::new(errors, n_threads, progress)?;
    if !spans {
        return map_pairs(py, &a, &b, &batch, |x, y| {
            Ok(copies::copy_share(x, y, shingle_size).share)
        });
    }
    let rows = pair_rows(&a, &b)?;
    let work = |(x, y): &(super::columns::Cell<'_>, super::columns::Cell<'_>)| match (
        cell_text(x)?,
        cell_text(y)?,
    ) {
        (Some(x), Some(y)) => Ok(Some(copies::copy_share(x, y, shingle_size))),
        _ => Ok(None),
    };
    let shares = run_rows(py, &rows, &batch, work)?;
    let to_tuple = |s: &Option<copies::CopyShare>| -> PyResult<Bound<'py, PyAny>> {
        match s {
            Some(s) => Ok(PyTuple::new(
                py,
                [
                    s.share.into_pyobject(py)?.into_any(),
                    PyList::new(py, &s.spans)?.into_any(),
                ],
            )?
            .into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    };
    if a.is_scalar() && b.is_scalar() {
        return to_tuple(&shares[0]);
    }
    let items = shares.iter().map(to_tuple).collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.into_any())
}

/// The sentence alignment of two versions of a story (see `copydesk.align`).
#[pyclass(name = "Alignment", module = "copydesk._core", frozen)]
pub struct PyAlignment {
    a: String,
    b: String,
    steps: Vec<AlignStep>,
}

/// Field names of one step, in the order of [`step_values`].
const STEP_FIELDS: &[&str] = &[
    "op", "a_index", "b_index", "a_text", "b_text", "score", "a_start", "a_end", "b_start", "b_end",
];

fn step_values<'py>(py: Python<'py>, s: &AlignStep) -> PyResult<Vec<Bound<'py, PyAny>>> {
    Ok(vec![
        s.op.as_str().into_pyobject(py)?.into_any(),
        s.a_index.into_pyobject(py)?.into_any(),
        s.b_index.into_pyobject(py)?.into_any(),
        s.a_text.as_deref().into_pyobject(py)?.into_any(),
        s.b_text.as_deref().into_pyobject(py)?.into_any(),
        s.score.into_pyobject(py)?.into_any(),
        s.a_span.map(|r| r.0).into_pyobject(py)?.into_any(),
        s.a_span.map(|r| r.1).into_pyobject(py)?.into_any(),
        s.b_span.map(|r| r.0).into_pyobject(py)?.into_any(),
        s.b_span.map(|r| r.1).into_pyobject(py)?.into_any(),
    ])
}

#[pymethods]
impl PyAlignment {
    #[new]
    fn new(a: &Bound<'_, PyString>, b: &Bound<'_, PyString>) -> PyResult<Self> {
        let text = |s: &Bound<'_, PyString>| -> PyResult<String> {
            let cell = s.to_str().map_or(Cell::Unencodable, Cell::Text);
            Ok(cell_text(&cell)?.unwrap_or_default().to_string())
        };
        let py = a.py();
        let (a, b) = (text(a)?, text(b)?);
        let steps = py.detach(|| guarded(|| align_texts(&a, &b)))?.steps;
        Ok(PyAlignment { a, b, steps })
    }

    /// The first version.
    #[getter]
    fn a(&self) -> &str {
        &self.a
    }

    /// The second version.
    #[getter]
    fn b(&self) -> &str {
        &self.b
    }

    /// The op of every step, in reading order.
    #[getter]
    fn ops(&self) -> Vec<&'static str> {
        self.steps.iter().map(|s| s.op.as_str()).collect()
    }

    /// The steps as a dict of field lists (what `to_frame` builds the DataFrame from).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut columns: Vec<Vec<Bound<'py, PyAny>>> =
            STEP_FIELDS.iter().map(|_| Vec::new()).collect();
        for step in &self.steps {
            for (column, value) in columns.iter_mut().zip(step_values(py, step)?) {
                column.push(value);
            }
        }
        let dict = PyDict::new(py);
        for (name, column) in STEP_FIELDS.iter().zip(columns) {
            dict.set_item(name, PyList::new(py, column)?)?;
        }
        Ok(dict)
    }

    /// The steps as a `pandas.DataFrame`, one row per step (column `op` first).
    fn to_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let frame = py.import("copydesk._copies")?.getattr("alignment_frame")?;
        frame.call1((self.to_dict(py)?,))
    }

    /// The two versions side by side, changes coloured (Jupyter calls this).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let html = slf
            .py()
            .import("copydesk._copies")?
            .getattr("alignment_html")?;
        html.call1((slf,))
    }

    fn __len__(&self) -> usize {
        self.steps.len()
    }

    /// Rebuilds the alignment from the two texts (alignment is deterministic), so it travels
    /// to Dask, Spark and Ray workers.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let args = PyTuple::new(py, [me.a.as_str(), me.b.as_str()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        let count = |op: &str| self.steps.iter().filter(|s| s.op.as_str() == op).count();
        let parts: Vec<String> = ["same", "edited", "moved", "added", "removed"]
            .iter()
            .map(|op| format!("{op}={}", count(op)))
            .collect();
        format!("Alignment({})", parts.join(", "))
    }
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
pub fn align(a: &Bound<'_, PyString>, b: &Bound<'_, PyString>) -> PyResult<PyAlignment> {
    PyAlignment::new(a, b)
}
