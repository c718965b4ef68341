//! Binding of the similarity metrics: `similarity` and `distance` (a pair, or two columns
//! element-wise, through the column machinery), `similarity_matrix` (a numpy float32 matrix)
//! and `nearest` (sparse top-k as field lists for a DataFrame). Translation only: metric
//! names, the `processor=` option, missing rows, chunking for Ctrl-C; the work is in
//! `crate::similarity::metrics`.

use std::borrow::Cow;
use std::ops::Range;
use std::time::Instant;

use numpy::{IntoPyArray, PyArray2, PyArrayMethods};
use pyo3::exceptions::{PyMemoryError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::columns::{
    cell_text, guarded, map_pairs, next_chunk_rows, Batch, Cell, OnError, TextInput,
};
use super::errors::row_error;
use crate::similarity::metrics::{self, Grid, Metric};
use crate::text::fold::fold_for_matching;
use crate::Error;

/// The `processor=` argument: none, the built-in news folding, or a Python callable.
enum Processor {
    Identity,
    News,
    Callable(Py<PyAny>),
}

impl Processor {
    fn from_arg(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Processor> {
        let Some(arg) = arg.filter(|a| !a.is_none()) else {
            return Ok(Processor::Identity);
        };
        if let Ok(name) = arg.cast::<PyString>() {
            return match name.to_str()? {
                "news" => Ok(Processor::News),
                other => Err(Error::option(
                    "processor",
                    format!("expected a callable or \"news\", got {other:?}"),
                )
                .into()),
            };
        }
        if arg.is_callable() {
            return Ok(Processor::Callable(arg.clone().unbind()));
        }
        Err(PyTypeError::new_err(
            "processor: expected a callable or \"news\"",
        ))
    }

    /// A Python callable runs here, with the GIL, once per string; the result replaces the
    /// input (a scalar stays a scalar, a column becomes a list of the processed strings).
    fn apply_callable<'py>(
        &self,
        py: Python<'py>,
        input: TextInput<'py>,
    ) -> PyResult<TextInput<'py>> {
        let Processor::Callable(f) = self else {
            return Ok(input);
        };
        let call = |row: Option<usize>, cell: Cell<'_>| -> PyResult<Option<Bound<'py, PyString>>> {
            let Some(text) = cell_text(&cell)? else {
                return Ok(None);
            };
            let out = f.call1(py, (text,))?.into_bound(py);
            out.cast_into::<PyString>().map(Some).map_err(|e| {
                let got = e.into_inner();
                super::errors::type_error(row, "processor to return str", &got)
            })
        };
        let cells = input.cells();
        if input.is_scalar() {
            return Ok(TextInput::Scalar(call(None, cells[0])?));
        }
        let values = cells
            .iter()
            .enumerate()
            .map(|(i, &c)| call(Some(i), c))
            .collect::<PyResult<_>>()?;
        Ok(TextInput::Objects(values))
    }

    /// The built-in folding for `"news"`; other processors already ran.
    fn fold<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self {
            Processor::News => Cow::Owned(fold_for_matching(text)),
            _ => Cow::Borrowed(text),
        }
    }
}

/// `metric=` and `ngram=` to a core metric.
fn parse_metric(name: &str, ngram: usize) -> PyResult<Metric> {
    Ok(Metric::from_name(name)?.with_ngram(ngram)?)
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (a, b, *, metric = "levenshtein", ngram = 1, processor = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn similarity<'py>(
    py: Python<'py>,
    a: TextInput<'py>,
    b: TextInput<'py>,
    metric: &str,
    ngram: usize,
    processor: Option<Bound<'py, PyAny>>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let metric = parse_metric(metric, ngram)?;
    let processor = Processor::from_arg(processor.as_ref())?;
    let (a, b) = (
        processor.apply_callable(py, a)?,
        processor.apply_callable(py, b)?,
    );
    let batch = Batch::new(errors, n_threads, progress)?;
    map_pairs(py, &a, &b, &batch, |x, y| {
        metrics::similarity(&processor.fold(x), &processor.fold(y), metric)
    })
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (a, b, *, metric = "levenshtein", processor = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn distance<'py>(
    py: Python<'py>,
    a: TextInput<'py>,
    b: TextInput<'py>,
    metric: &str,
    processor: Option<Bound<'py, PyAny>>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let metric = parse_metric(metric, 1)?;
    if !metric.is_edit() {
        // Every row would fail the same way: say it once.
        metrics::distance("", "", metric)?;
    }
    let processor = Processor::from_arg(processor.as_ref())?;
    let (a, b) = (
        processor.apply_callable(py, a)?,
        processor.apply_callable(py, b)?,
    );
    let batch = Batch::new(errors, n_threads, progress)?;
    map_pairs(py, &a, &b, &batch, |x, y| {
        metrics::distance(&processor.fold(x), &processor.fold(y), metric).map(|d| d as i64)
    })
}

/// Where the present (non-missing) strings of one side sit in the input.
struct Present {
    positions: Vec<usize>,
    len: usize,
}

impl Present {
    fn has_missing(&self) -> bool {
        self.positions.len() < self.len
    }
}

/// One side of a grid: its present strings, processed, and where they sit.
struct Side<'a> {
    texts: Vec<Cow<'a, str>>,
    present: Present,
    /// `"a"` or `"b"`, for error messages.
    name: &'static str,
}

impl<'a> Side<'a> {
    /// The present strings of `cells`. An unencodable row is a RowError, or under
    /// `errors="null"` a missing row.
    fn of(
        py: Python<'_>,
        cells: &'a [Cell<'a>],
        processor: &Processor,
        on_error: OnError,
        name: &'static str,
    ) -> PyResult<Side<'a>> {
        let mut found = Vec::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            match cell_text(cell) {
                Ok(Some(text)) => found.push((i, text)),
                Ok(None) => {}
                Err(e) if on_error == OnError::Raise => {
                    return Err(row_error(py, i, &format!("{name}: {e}")))
                }
                Err(_) => {}
            }
        }
        let texts = py.detach(|| found.iter().map(|&(_, t)| processor.fold(t)).collect());
        let positions = found.into_iter().map(|(i, _)| i).collect();
        Ok(Side {
            texts,
            present: Present {
                positions,
                len: cells.len(),
            },
            name,
        })
    }

    fn strs(&self) -> Vec<&str> {
        self.texts.iter().map(|t| t.as_ref()).collect()
    }

    /// The first string whose preparation fails (panics) on its own, if any.
    fn first_failing(&self, py: Python<'_>, metric: Metric) -> Option<(usize, Error)> {
        py.detach(|| {
            self.texts.iter().enumerate().find_map(|(i, t)| {
                guarded(|| Ok(metrics::prepare_all(&[t.as_ref()], metric)))
                    .err()
                    .map(|e| (i, e))
            })
        })
    }

    /// Drops string `i`: its row becomes missing.
    fn drop_row(&mut self, i: usize) {
        self.texts.remove(i);
        self.present.positions.remove(i);
    }
}

/// A matrix or top-k call: the core grid of the present strings, where they sit in the
/// inputs, and the batch settings (threads, `errors=`, progress).
struct GridCall {
    grid: Grid,
    rows: Present,
    cols: Option<Present>,
    batch: Batch,
}

impl GridCall {
    #[allow(clippy::too_many_arguments)]
    fn new<'py>(
        py: Python<'py>,
        a: TextInput<'py>,
        b: Option<TextInput<'py>>,
        metric: &str,
        ngram: usize,
        cutoff: f64,
        processor: Option<Bound<'py, PyAny>>,
        batch: Batch,
    ) -> PyResult<GridCall> {
        let metric = parse_metric(metric, ngram)?;
        let processor = Processor::from_arg(processor.as_ref())?;
        let a = processor.apply_callable(py, a)?;
        let b = b.map(|b| processor.apply_callable(py, b)).transpose()?;
        let (cells_a, cells_b) = (a.cells(), b.as_ref().map(|b| b.cells()));
        let on_error = batch.on_error;
        let mut side_a = Side::of(py, &cells_a, &processor, on_error, "a")?;
        let mut side_b = cells_b
            .as_deref()
            .map(|c| Side::of(py, c, &processor, on_error, "b"))
            .transpose()?;
        let grid = loop {
            let (strs_a, strs_b) = (side_a.strs(), side_b.as_ref().map(Side::strs));
            let built =
                py.detach(|| guarded(|| Grid::new(&strs_a, strs_b.as_deref(), metric, cutoff)));
            match built {
                Ok(grid) => break grid,
                Err(error @ Error::Internal(_)) => {
                    // A panic: find the string, then name its row or drop it.
                    let failing = std::iter::once(&mut side_a)
                        .chain(side_b.as_mut())
                        .find_map(|side| side.first_failing(py, metric).map(|f| (side, f)));
                    let Some((side, (i, error))) = failing else {
                        return Err(error.into());
                    };
                    if on_error == OnError::Raise {
                        let message = format!("{}: {error}", side.name);
                        return Err(row_error(py, side.present.positions[i], &message));
                    }
                    side.drop_row(i);
                }
                Err(error) => return Err(error.into()),
            }
        };
        Ok(GridCall {
            grid,
            rows: side_a.present,
            cols: side_b.map(|s| s.present),
            batch,
        })
    }

    fn cols(&self) -> &Present {
        self.cols.as_ref().unwrap_or(&self.rows)
    }

    /// Runs `work` over the grid's rows in chunks sized to take about a tenth of a second,
    /// with the GIL released, checking for Ctrl-C and reporting progress between chunks. A
    /// chunk that fails (a panic caught, or an error) runs again row by row on this thread to
    /// find the row: a RowError naming it, or under `errors="null"` it is passed to
    /// `failed_row` (the caller makes it missing).
    fn in_chunks(
        &self,
        py: Python<'_>,
        mut work: impl FnMut(&Grid, Range<usize>, bool) -> Result<(), Error> + Send,
        mut failed_row: impl FnMut(usize),
    ) -> PyResult<()> {
        let workers = &self.batch.workers;
        let parallel = workers.is_parallel();
        let n_rows = self.grid.n_rows();
        let (mut start, mut chunk) = (0, 8);
        while start < n_rows {
            let end = (start + chunk).min(n_rows);
            let began = Instant::now();
            let done = py
                .detach(|| workers.install(|| guarded(|| work(&self.grid, start..end, parallel))));
            if done.is_err() {
                for row in start..end {
                    let one = py.detach(|| guarded(|| work(&self.grid, row..row + 1, false)));
                    if let Err(error) = one {
                        if self.batch.on_error == OnError::Raise {
                            let position = self.rows.positions[row];
                            return Err(row_error(py, position, &error.to_string()));
                        }
                        failed_row(row);
                    }
                }
            }
            chunk = next_chunk_rows(chunk, end - start, began.elapsed());
            py.check_signals()?;
            if let Some(progress) = &self.batch.progress {
                progress.call1(py, (end - start,))?;
            }
            start = end;
        }
        Ok(())
    }
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (a, b = None, *, metric = "levenshtein", cutoff = 0.0, ngram = 1, processor = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn similarity_matrix<'py>(
    py: Python<'py>,
    a: TextInput<'py>,
    b: Option<TextInput<'py>>,
    metric: &str,
    cutoff: f64,
    ngram: usize,
    processor: Option<Bound<'py, PyAny>>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyArray2<f32>>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    let call = GridCall::new(py, a, b, metric, ngram, cutoff, processor, batch)?;
    let n_cols = call.grid.n_cols();
    let copies = if call.rows.has_missing() || call.cols().has_missing() {
        2
    } else {
        1
    };
    let mut out = matrix_buffer(call.rows.len, call.cols().len, copies)?;
    out.resize(call.grid.n_rows() * n_cols, 0.0);
    let mut failed = Vec::new();
    call.in_chunks(
        py,
        |grid, range, parallel| {
            let slice = &mut out[range.start * n_cols..range.end * n_cols];
            grid.fill_rows(range, slice, parallel)
        },
        |row| failed.push(row),
    )?;
    py.detach(|| call.grid.mirror(&mut out));
    for &row in &failed {
        out[row * n_cols..(row + 1) * n_cols].fill(f32::NAN);
        if call.grid.is_mirrored() {
            (0..n_cols).for_each(|r| out[r * n_cols + row] = f32::NAN);
        }
    }
    let (rows, cols) = (&call.rows, call.cols());
    let full = if rows.has_missing() || cols.has_missing() {
        py.detach(|| with_missing(&out, rows, cols))
    } else {
        out
    };
    full.into_pyarray(py).reshape([rows.len, cols.len])
}

/// An empty buffer with room for the `rows x cols` matrix, or a `MemoryError` naming the shape
/// when the machine cannot hold `copies` of it: a failed allocation would abort the
/// interpreter, and one that the kernel overcommits gets the process killed later, both far
/// worse than an error a notebook user can read.
fn matrix_buffer(rows: usize, cols: usize, copies: usize) -> PyResult<Vec<f32>> {
    let bytes = rows
        .checked_mul(cols)
        .and_then(|n| n.checked_mul(copies * std::mem::size_of::<f32>()));
    let too_big = || {
        let gb = rows as f64 * cols as f64 * (copies * 4) as f64 / 1e9;
        PyMemoryError::new_err(format!(
            "similarity_matrix: a {rows} x {cols} float32 matrix needs {gb:.1} GB, more than \
             this machine has free; nearest() finds the top matches without the dense matrix"
        ))
    };
    match bytes {
        Some(b) if available_memory().is_none_or(|free| b <= free) => {}
        _ => return Err(too_big()),
    }
    let mut buffer = Vec::new();
    buffer
        .try_reserve_exact(rows * cols)
        .map_err(|_| too_big())?;
    Ok(buffer)
}

/// Memory the system can give without swapping (Linux `MemAvailable`), if known.
fn available_memory() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    kb.checked_mul(1024)
}

/// The matrix of the present rows spread over the full shape, NaN where a side is missing.
fn with_missing(compact: &[f32], rows: &Present, cols: &Present) -> Vec<f32> {
    let mut full = vec![f32::NAN; rows.len * cols.len];
    let n = cols.positions.len();
    for (r, &i) in rows.positions.iter().enumerate() {
        let target = &mut full[i * cols.len..(i + 1) * cols.len];
        for (c, &j) in cols.positions.iter().enumerate() {
            target[j] = compact[r * n + c];
        }
    }
    full
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (queries, choices = None, *, k = 5, metric = "levenshtein", cutoff = 0.0, ngram = 1, processor = None, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn nearest<'py>(
    py: Python<'py>,
    queries: TextInput<'py>,
    choices: Option<TextInput<'py>>,
    k: usize,
    metric: &str,
    cutoff: f64,
    ngram: usize,
    processor: Option<Bound<'py, PyAny>>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    if k == 0 {
        return Err(Error::option("k", "must be at least 1").into());
    }
    let batch = Batch::new(errors, n_threads, progress)?;
    let call = GridCall::new(
        py, queries, choices, metric, ngram, cutoff, processor, batch,
    )?;
    let mut found = Vec::new();
    call.in_chunks(
        py,
        |grid, range, parallel| {
            let matches = grid.nearest_rows(range, k, parallel)?;
            found.extend(matches);
            Ok(())
        },
        |_| {},
    )?;
    let (rows, cols) = (&call.rows, call.cols());
    let dict = PyDict::new(py);
    dict.set_item(
        "query",
        found
            .iter()
            .map(|m| rows.positions[m.0])
            .collect::<Vec<_>>(),
    )?;
    dict.set_item(
        "choice",
        found
            .iter()
            .map(|m| cols.positions[m.1])
            .collect::<Vec<_>>(),
    )?;
    dict.set_item("score", found.iter().map(|m| m.2).collect::<Vec<_>>())?;
    Ok(dict)
}
