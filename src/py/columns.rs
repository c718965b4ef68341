//! The column machinery, Rust half: every public function reads its text input and writes
//! its output through here, so there is exactly one place that knows what a "column" is.
//!
//! The Python half (`python/copydesk/_columns.py`) recognises the caller's container (pandas,
//! numpy, polars, pyarrow, list) and hands `_core` one of three payloads: a `str` (or a missing
//! scalar), a `list` of Python objects, or an object exporting Arrow (`__arrow_c_array__` /
//! `__arrow_c_stream__`). This half turns that payload into borrowed `&str` rows with no copy
//! (Arrow rows never become Python objects), runs a core function over the rows with the GIL
//! released, and builds the output: a Python value for a scalar, a `list` for a list, an Arrow
//! array for Arrow. The Python half then restores the caller's container, index and name.
//!
//! Failures: a value of the wrong type is a `TypeError` naming the row; a failure inside a row
//! (a core error, or a panic, which is caught per row) is a `RowError` naming the row under
//! `errors="raise"` and a missing value under `errors="null"`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arrow_array::builder::{Float64Builder, Int64Builder, LargeStringBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, LargeStringArray, StringArray, StringViewArray};
use arrow_schema::DataType;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString, PyTuple};
use pyo3_arrow::input::AnyArray;
use pyo3_arrow::PyArray;
use rayon::prelude::*;

use super::errors::{row_error, type_error};
use super::threads::Workers;
use crate::Error;

/// What to do when one row fails.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OnError {
    /// Raise `RowError` naming the first failed row.
    Raise,
    /// Give that row a missing value.
    Null,
}

impl OnError {
    pub fn parse(value: &str) -> Result<OnError, Error> {
        match value {
            "raise" => Ok(OnError::Raise),
            "null" => Ok(OnError::Null),
            other => Err(Error::option(
                "errors",
                format!("expected \"raise\" or \"null\", got {other:?}"),
            )),
        }
    }
}

/// The keyword arguments every batch function takes: `errors=`, `n_threads=`, `progress=`.
pub struct Batch {
    pub on_error: OnError,
    pub workers: Workers,
    /// Called from the calling thread with the number of rows just finished (tqdm's `update`).
    pub progress: Option<Py<PyAny>>,
}

impl Batch {
    pub fn new(
        errors: &str,
        n_threads: Option<usize>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Batch> {
        Ok(Batch {
            on_error: OnError::parse(errors)?,
            workers: Workers::for_request(n_threads)?,
            progress,
        })
    }
}

/// One row as the core sees it.
#[derive(Clone, Copy, Debug)]
pub enum Cell<'a> {
    Text(&'a str),
    Missing,
    /// The value is a `str` that cannot be UTF-8 (a lone surrogate): a failure of that row.
    Unencodable,
}

/// A text argument as passed by the Python half, holding what the borrowed rows point into.
pub enum TextInput<'py> {
    /// A single `str`, or a missing scalar (`None`).
    Scalar(Option<Bound<'py, PyString>>),
    /// A list or tuple of Python objects (strings or missing values).
    Objects(Vec<Option<Bound<'py, PyString>>>),
    /// Arrow chunks of a string type.
    Arrow(Vec<ArrayRef>),
}

impl<'py> FromPyObject<'_, 'py> for TextInput<'py> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(TextInput::Scalar(Some(s.to_owned())));
        }
        if obj.is_none() {
            return Ok(TextInput::Scalar(None));
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return objects(list.iter()).map(TextInput::Objects);
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return objects(tuple.iter()).map(TextInput::Objects);
        }
        if obj.hasattr("__arrow_c_array__")? || obj.hasattr("__arrow_c_stream__")? {
            let array: AnyArray = obj.extract()?;
            let chunked = array.into_chunked_array()?;
            let (chunks, field) = chunked.into_inner();
            check_string_type(field.data_type())?;
            return Ok(TextInput::Arrow(chunks));
        }
        if is_missing(&obj)? {
            return Ok(TextInput::Scalar(None));
        }
        Err(type_error(None, "str or a column of str", &obj))
    }
}

/// Reads a sequence of Python objects: `str` stays, missing values become `None`, anything
/// else is a `TypeError` naming the row.
fn objects<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
) -> PyResult<Vec<Option<Bound<'py, PyString>>>> {
    items
        .enumerate()
        .map(|(row, item)| match item.cast_into::<PyString>() {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                let item = e.into_inner();
                if is_missing(&item.as_borrowed())? {
                    Ok(None)
                } else {
                    Err(type_error(Some(row), "str", &item))
                }
            }
        })
        .collect()
}

/// `None`, a float NaN (`float('nan')`, `numpy.nan`), `pandas.NA` and `pandas.NaT`.
fn is_missing(obj: &Borrowed<'_, '_, PyAny>) -> PyResult<bool> {
    if obj.is_none() {
        return Ok(true);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let type_name = obj.get_type().name()?;
    Ok(type_name == "NAType" || type_name == "NaTType")
}

fn check_string_type(data_type: &DataType) -> PyResult<()> {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => Ok(()),
        other => Err(PyTypeError::new_err(format!(
            "expected an Arrow column of strings (utf8, large_utf8 or string_view), got {other}"
        ))),
    }
}

impl<'py> TextInput<'py> {
    /// Borrowed rows, in order. Arrow rows are read in place.
    pub fn cells(&self) -> Vec<Cell<'_>> {
        match self {
            TextInput::Scalar(value) => vec![object_cell(value.as_ref())],
            TextInput::Objects(values) => values.iter().map(|v| object_cell(v.as_ref())).collect(),
            TextInput::Arrow(chunks) => {
                let mut cells = Vec::with_capacity(chunks.iter().map(|c| c.len()).sum());
                for chunk in chunks {
                    arrow_cells(chunk.as_ref(), &mut cells);
                }
                cells
            }
        }
    }

    /// True for a single `str` (or missing scalar): the output is a single value.
    pub fn is_scalar(&self) -> bool {
        matches!(self, TextInput::Scalar(_))
    }
}

fn object_cell<'a>(value: Option<&'a Bound<'_, PyString>>) -> Cell<'a> {
    match value {
        None => Cell::Missing,
        Some(s) => match s.to_str() {
            Ok(text) => Cell::Text(text),
            Err(_) => Cell::Unencodable,
        },
    }
}

fn arrow_cells<'a>(chunk: &'a dyn Array, out: &mut Vec<Cell<'a>>) {
    let any = chunk.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        out.extend(a.iter().map(|v| v.map_or(Cell::Missing, Cell::Text)));
    } else if let Some(a) = any.downcast_ref::<LargeStringArray>() {
        out.extend(a.iter().map(|v| v.map_or(Cell::Missing, Cell::Text)));
    } else if let Some(a) = any.downcast_ref::<StringViewArray>() {
        out.extend(a.iter().map(|v| v.map_or(Cell::Missing, Cell::Text)));
    } else {
        // DataType::Null: every row missing (types were checked on extraction).
        out.extend(std::iter::repeat_n(Cell::Missing, chunk.len()));
    }
}

/// Chunking: each chunk should take about a tenth of a second, so that Ctrl-C and progress
/// bars answer well within a second whatever a row costs, while re-attaching to Python between
/// chunks (a few microseconds) stays unmeasurable. The row count adapts to the measured time;
/// the byte cap keeps the first chunk of huge texts small.
const FIRST_CHUNK_ROWS: usize = 32;
const MAX_CHUNK_ROWS: usize = 1 << 16;
const CHUNK_BYTES: usize = 8 << 20;
const CHUNK_TOO_FAST: Duration = Duration::from_millis(40);
const CHUNK_TOO_SLOW: Duration = Duration::from_millis(200);

/// A row of a batch: how much text it carries decides the chunking.
pub trait RowItem: Sync {
    fn text_len(&self) -> usize;
}

impl RowItem for Cell<'_> {
    fn text_len(&self) -> usize {
        match self {
            Cell::Text(t) => t.len(),
            _ => 0,
        }
    }
}

impl RowItem for (Cell<'_>, Cell<'_>) {
    fn text_len(&self) -> usize {
        self.0.text_len() + self.1.text_len()
    }
}

/// Runs `work` over every row, in parallel, with the GIL released, in chunks (checking for
/// Ctrl-C and updating the progress bar between chunks). `work` returns `Ok(None)` for a
/// missing row; a failed row (an error or a caught panic) follows `batch.on_error`.
pub fn run_rows<I, T, F>(
    py: Python<'_>,
    rows: &[I],
    batch: &Batch,
    work: F,
) -> PyResult<Vec<Option<T>>>
where
    I: RowItem,
    T: Send,
    F: Fn(&I) -> Result<Option<T>, Error> + Sync,
{
    let mut out = Vec::with_capacity(rows.len());
    let mut start = 0;
    let mut chunk_rows = FIRST_CHUNK_ROWS;
    while start < rows.len() {
        let end = chunk_end(rows, start, chunk_rows);
        let chunk = &rows[start..end];
        let parallel = batch.workers.is_parallel();
        let began = Instant::now();
        let failures = py.detach(|| {
            batch
                .workers
                .install(|| run_chunk(chunk, parallel, &work, &mut out))
        });
        chunk_rows = next_chunk_rows(chunk_rows, end - start, began.elapsed());
        if let Some((offset, error)) = failures.into_iter().min_by_key(|(offset, _)| *offset) {
            if batch.on_error == OnError::Raise {
                return Err(row_error(py, start + offset, &error.to_string()));
            }
        }
        py.check_signals()?;
        if let Some(progress) = &batch.progress {
            progress.call1(py, (end - start,))?;
        }
        start = end;
    }
    Ok(out)
}

fn chunk_end<I: RowItem>(rows: &[I], start: usize, max_rows: usize) -> usize {
    let mut bytes = 0;
    let mut end = start;
    while end < rows.len() && end - start < max_rows && bytes < CHUNK_BYTES {
        bytes += rows[end].text_len();
        end += 1;
    }
    end
}

/// The row count of the next chunk, from how long the last one took.
pub fn next_chunk_rows(current: usize, done: usize, took: Duration) -> usize {
    if took < CHUNK_TOO_FAST && done == current {
        (current * 2).min(MAX_CHUNK_ROWS)
    } else if took > CHUNK_TOO_SLOW {
        (done / 2).max(1)
    } else {
        current
    }
}

/// Runs one chunk, appending one value per row to `out` (missing for a failed row) and
/// returning the failures with their offsets in the chunk. Failures are rare, so they travel
/// on the side and the common path writes values straight into the output.
///
/// Panics are caught once per chunk, not once per row (a per-row guard keeps the kernel from
/// being inlined into the loop). A chunk that panicked is run again row by row under a
/// per-row guard, which names the rows that panic; kernels are pure, so the rerun is safe.
fn run_chunk<I, T, F>(
    chunk: &[I],
    parallel: bool,
    work: &F,
    out: &mut Vec<Option<T>>,
) -> Vec<(usize, Error)>
where
    I: RowItem,
    T: Send,
    F: Fn(&I) -> Result<Option<T>, Error> + Sync,
{
    let done = out.len();
    let fast = catch_unwind(AssertUnwindSafe(|| {
        run_rows_unguarded(chunk, parallel, work, out)
    }));
    match fast {
        Ok(failures) => failures,
        Err(_) => {
            out.truncate(done);
            run_rows_guarded(chunk, work, out)
        }
    }
}

fn run_rows_unguarded<I, T, F>(
    chunk: &[I],
    parallel: bool,
    work: &F,
    out: &mut Vec<Option<T>>,
) -> Vec<(usize, Error)>
where
    I: RowItem,
    T: Send,
    F: Fn(&I) -> Result<Option<T>, Error> + Sync,
{
    let failures = Mutex::new(Vec::new());
    let one = |(offset, row): (usize, &I)| match work(row) {
        Ok(value) => value,
        Err(error) => {
            failures
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push((offset, error));
            None
        }
    };
    if parallel {
        out.par_extend(chunk.par_iter().enumerate().with_min_len(4).map(one));
    } else {
        out.extend(chunk.iter().enumerate().map(one));
    }
    failures.into_inner().unwrap_or_else(|p| p.into_inner())
}

/// The slow path after a panic: one row at a time, each under its own guard.
fn run_rows_guarded<I, T, F>(chunk: &[I], work: &F, out: &mut Vec<Option<T>>) -> Vec<(usize, Error)>
where
    I: RowItem,
    F: Fn(&I) -> Result<Option<T>, Error>,
{
    let mut failures = Vec::new();
    for (offset, row) in chunk.iter().enumerate() {
        match guarded(|| work(row)) {
            Ok(value) => out.push(value),
            Err(error) => {
                failures.push((offset, error));
                out.push(None);
            }
        }
    }
    failures
}

/// Runs `work`, turning a panic into `Error::Internal`: a bug in one row must not abort the
/// interpreter (see the panic policy in Cargo.toml).
pub fn guarded<T>(work: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(panic) => Err(Error::Internal(format!(
            "{} (a bug in copydesk, please report it)",
            panic_message(&panic)
        ))),
    }
}

/// The text of a cell for a core function: `None` when missing, an error when unencodable.
pub fn cell_text<'a>(cell: &Cell<'a>) -> Result<Option<&'a str>, Error> {
    match *cell {
        Cell::Text(text) => Ok(Some(text)),
        Cell::Missing => Ok(None),
        Cell::Unencodable => Err(Error::InvalidText(
            "text contains a lone surrogate and is not valid Unicode".into(),
        )),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// A per-row result type that knows how to become a Python value, a list item or an Arrow
/// array. Implemented for the plain outputs; rich per-row results (quotes, reports) use
/// [`map_records`].
pub trait CellValue: Send + Sized {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    fn to_arrow(values: &[Option<Self>]) -> ArrayRef;
    /// The value as text, for values that are text: an output equal to its input row is
    /// handed back as the input's own object instead of a new one.
    fn as_text(&self) -> Option<&str> {
        None
    }
}

impl CellValue for String {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
    fn to_arrow(values: &[Option<Self>]) -> ArrayRef {
        string_array(values.iter().map(|v| v.as_deref()))
    }
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl CellValue for &str {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
    fn to_arrow(values: &[Option<Self>]) -> ArrayRef {
        string_array(values.iter().copied())
    }
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl CellValue for f64 {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyFloat::new(py, *self).into_any())
    }
    fn to_arrow(values: &[Option<Self>]) -> ArrayRef {
        let mut b = Float64Builder::with_capacity(values.len());
        values.iter().for_each(|v| b.append_option(*v));
        Arc::new(b.finish())
    }
}

impl CellValue for i64 {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.into_pyobject(py)?.into_any())
    }
    fn to_arrow(values: &[Option<Self>]) -> ArrayRef {
        let mut b = Int64Builder::with_capacity(values.len());
        values.iter().for_each(|v| b.append_option(*v));
        Arc::new(b.finish())
    }
}

/// Strings to Arrow: `utf8` unless the total passes 2 GiB, then `large_utf8`.
fn string_array<'a>(values: impl Iterator<Item = Option<&'a str>> + Clone) -> ArrayRef {
    let (rows, bytes) = values
        .clone()
        .fold((0, 0usize), |(n, b), v| (n + 1, b + v.map_or(0, str::len)));
    if bytes < i32::MAX as usize {
        let mut b = StringBuilder::with_capacity(rows, bytes);
        values.for_each(|v| b.append_option(v));
        Arc::new(b.finish())
    } else {
        let mut b = LargeStringBuilder::with_capacity(rows, bytes);
        values.for_each(|v| b.append_option(v));
        Arc::new(b.finish())
    }
}

/// Per-row results back to the caller's shape: a value (or None) for a scalar input, a list
/// for objects, an Arrow array for Arrow. `cells` are the input rows when each output row
/// answers the input row at the same position: text outputs equal to their input then reuse
/// the input's object (or, for Arrow, the input array), which makes cleaning already-clean
/// text nearly free.
pub fn to_output<'py, T: CellValue>(
    py: Python<'py>,
    input: &TextInput<'py>,
    cells: Option<&[Cell<'_>]>,
    values: Vec<Option<T>>,
) -> PyResult<Bound<'py, PyAny>> {
    let none = || py.None().into_bound(py);
    match input {
        TextInput::Scalar(original) => match (values.into_iter().next().flatten(), original) {
            (Some(v), Some(original))
                if cells.is_some() && unchanged(&v, original.to_str().ok()) =>
            {
                Ok(original.clone().into_any())
            }
            (Some(v), _) => v.to_python(py),
            (None, _) => Ok(none()),
        },
        TextInput::Arrow(chunks) => {
            let all_unchanged = chunks.len() == 1
                && cells.is_some_and(|cells| {
                    values.iter().zip(cells).all(|(v, c)| match (v, c) {
                        (Some(v), Cell::Text(t)) => unchanged(v, Some(t)),
                        (None, Cell::Missing) => true,
                        _ => false,
                    })
                });
            let array = if all_unchanged {
                chunks[0].clone()
            } else {
                T::to_arrow(&values)
            };
            Ok(Bound::new(py, PyArray::from_array_ref(array))?.into_any())
        }
        TextInput::Objects(originals) => {
            let items = values
                .iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Some(v) => match (&originals[i], cells.map(|c| c[i])) {
                        (Some(original), Some(Cell::Text(t))) if unchanged(v, Some(t)) => {
                            Ok(original.clone().into_any())
                        }
                        _ => v.to_python(py),
                    },
                    None => Ok(none()),
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any())
        }
    }
}

/// Is the text output `value` the same text as the input row?
fn unchanged<T: CellValue>(value: &T, input: Option<&str>) -> bool {
    match (value.as_text(), input) {
        (Some(out), Some(input)) => {
            (out.as_ptr() == input.as_ptr() && out.len() == input.len()) || out == input
        }
        _ => false,
    }
}

/// The whole path for a function with one text in and one value out per row.
pub fn map_text<'py, 'a, T, F>(
    py: Python<'py>,
    input: &'a TextInput<'py>,
    batch: &Batch,
    work: F,
) -> PyResult<Bound<'py, PyAny>>
where
    T: CellValue,
    F: Fn(&'a str) -> Result<T, Error> + Sync,
{
    let cells = input.cells();
    let per_row = |cell: &Cell<'a>| cell_text(cell)?.map(&work).transpose();
    if input.is_scalar() {
        // A single text raises its own error, not a RowError: there is no row to name.
        let value = py.detach(|| guarded(|| per_row(&cells[0])))?;
        return to_output(py, input, Some(&cells), vec![value]);
    }
    let values = run_rows(py, &cells, batch, per_row)?;
    to_output(py, input, Some(&cells), values)
}

/// Two text arguments read row by row: equal lengths, or a single `str` against a column.
pub fn pair_rows<'a>(
    a: &'a TextInput<'_>,
    b: &'a TextInput<'_>,
) -> Result<Vec<(Cell<'a>, Cell<'a>)>, Error> {
    let (ca, cb) = (a.cells(), b.cells());
    match (a.is_scalar(), b.is_scalar()) {
        (false, true) => Ok(ca.into_iter().map(|x| (x, cb[0])).collect()),
        (true, false) => Ok(cb.into_iter().map(|y| (ca[0], y)).collect()),
        _ if ca.len() == cb.len() => Ok(ca.into_iter().zip(cb).collect()),
        _ => Err(Error::Mismatch(format!(
            "the two columns differ in length: {} and {}",
            ca.len(),
            cb.len()
        ))),
    }
}

/// The whole path for a function of two texts with one value out per pair of rows. The
/// output takes the shape of the first column argument (or a scalar when both are scalars).
pub fn map_pairs<'py, T, F>(
    py: Python<'py>,
    a: &TextInput<'py>,
    b: &TextInput<'py>,
    batch: &Batch,
    work: F,
) -> PyResult<Bound<'py, PyAny>>
where
    T: CellValue,
    F: Fn(&str, &str) -> Result<T, Error> + Sync,
{
    let rows = pair_rows(a, b)?;
    let per_row = |(x, y): &(Cell<'_>, Cell<'_>)| match (cell_text(x)?, cell_text(y)?) {
        (Some(x), Some(y)) => work(x, y).map(Some),
        _ => Ok(None),
    };
    let shape = if a.is_scalar() { b } else { a };
    if shape.is_scalar() {
        let value = py.detach(|| guarded(|| per_row(&rows[0])))?;
        return to_output(py, shape, None, vec![value]);
    }
    let values = run_rows(py, &rows, batch, per_row)?;
    to_output(py, shape, None, values)
}

/// A rich per-row result of which a row may have many (a quote, a removal). For a column the
/// records come out in long form, one Python list per field plus `row`, which the Python half
/// turns into a DataFrame with the input's index labels.
#[allow(dead_code)] // used by the record functions (quotes, clean_report)
pub trait Record: Send + Sized {
    /// Field names, in the order of [`Record::field_values`].
    const FIELDS: &'static [&'static str];
    /// The values of one record, in the order of `FIELDS`.
    fn field_values<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>>;
    /// The record as a Python object (a pyclass instance), for a single-text call.
    fn into_object<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// The whole path for a function with many records out per row. A scalar gives a list of
/// objects; a column gives a dict of field lists with a `row` list of input positions.
#[allow(dead_code)] // used by the record functions (quotes, clean_report)
pub fn map_records<'py, R, F>(
    py: Python<'py>,
    input: &TextInput<'_>,
    batch: &Batch,
    work: F,
) -> PyResult<Bound<'py, PyAny>>
where
    R: Record,
    F: Fn(&str) -> Result<Vec<R>, Error> + Sync,
{
    let cells = input.cells();
    let per_row = |cell: &Cell<'_>| cell_text(cell)?.map(&work).transpose();
    if input.is_scalar() {
        let records = py
            .detach(|| guarded(|| per_row(&cells[0])))?
            .unwrap_or_default();
        let objects = records
            .into_iter()
            .map(|r| r.into_object(py))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, objects)?.into_any());
    }
    let per_input_row = run_rows(py, &cells, batch, per_row)?;
    records_to_columns(py, per_input_row)
}

/// One pass for a value per row and records per row, as `map_text` and `map_records` would
/// give them from two (the command line's `clean` and `clean_report` of the same column):
/// a `(values, records)` tuple, each in the form those functions return for the input.
pub fn map_text_and_records<'py, 'a, T, R, F>(
    py: Python<'py>,
    input: &'a TextInput<'py>,
    batch: &Batch,
    work: F,
) -> PyResult<Bound<'py, PyTuple>>
where
    T: CellValue,
    R: Record,
    F: Fn(&'a str) -> Result<(T, Vec<R>), Error> + Sync,
{
    let cells = input.cells();
    let per_row = |cell: &Cell<'a>| cell_text(cell)?.map(&work).transpose();
    let both = if input.is_scalar() {
        vec![py.detach(|| guarded(|| per_row(&cells[0])))?]
    } else {
        run_rows(py, &cells, batch, per_row)?
    };
    let (values, records): (Vec<Option<T>>, Vec<Option<Vec<R>>>) = both
        .into_iter()
        .map(|row| match row {
            Some((value, records)) => (Some(value), Some(records)),
            None => (None, None),
        })
        .unzip();
    let values = to_output(py, input, Some(&cells), values)?;
    let records = if input.is_scalar() {
        let objects = records
            .into_iter()
            .flatten()
            .flatten()
            .map(|r| r.into_object(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, objects)?.into_any()
    } else {
        records_to_columns(py, records)?
    };
    PyTuple::new(py, [values, records])
}

#[allow(dead_code)]
fn records_to_columns<'py, R: Record>(
    py: Python<'py>,
    rows: Vec<Option<Vec<R>>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut row_positions = Vec::new();
    let mut fields: Vec<Vec<Bound<'py, PyAny>>> = R::FIELDS.iter().map(|_| Vec::new()).collect();
    for (position, records) in rows.into_iter().enumerate() {
        for record in records.into_iter().flatten() {
            row_positions.push(position);
            for (column, value) in fields.iter_mut().zip(record.field_values(py)?) {
                column.push(value);
            }
        }
    }
    let dict = pyo3::types::PyDict::new(py);
    dict.set_item("row", row_positions)?;
    for (name, column) in R::FIELDS.iter().zip(fields) {
        dict.set_item(name, PyList::new(py, column)?)?;
    }
    Ok(dict.into_any())
}
