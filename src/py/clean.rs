//! Binding of `clean` and `clean_report`: keyword arguments to `CleanOptions`, then the column
//! machinery. `clean_report` gives a `CleanResult` for one text and the long table of
//! `Removal` records for a column. No text logic here: everything comes from `crate::clean`.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use super::columns::{
    cell_text, guarded, map_records, map_text, map_text_and_records, Batch, Record, TextInput,
};
use crate::clean::{
    clean as clean_text, clean_report as report_text, CleanOptions, CleanReport, Removal,
};

/// The cleaning options as the Python wrappers pass them: one dict with every key (the
/// keywords of `clean` and `clean_report` are written once, here and in the stub).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct CleanArgs {
    html: bool,
    entities: bool,
    mojibake: bool,
    control: bool,
    nfc: bool,
    code: bool,
    metadata: bool,
    boilerplate: bool,
    join_lines: bool,
    normalize_quotes: bool,
    whitespace: bool,
}

impl CleanArgs {
    /// The core options; `None` gives the defaults.
    fn resolve(args: Option<CleanArgs>) -> CleanOptions {
        let Some(a) = args else {
            return CleanOptions::default();
        };
        CleanOptions {
            html: a.html,
            entities: a.entities,
            mojibake: a.mojibake,
            control: a.control,
            nfc: a.nfc,
            code: a.code,
            metadata: a.metadata,
            boilerplate: a.boilerplate,
            join_lines: a.join_lines,
            normalize_quotes: a.normalize_quotes,
            whitespace: a.whitespace,
        }
    }
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (text, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn clean<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    options: Option<CleanArgs>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = CleanArgs::resolve(options);
    let batch = Batch::new(errors, n_threads, progress)?;
    map_text(py, &text, &batch, |t| Ok(clean_text(t, &options)))
}

/// One stretch of the input that cleaning removed: `text` is exactly `source[start:end]`.
#[pyclass(
    name = "Removal",
    module = "copydesk._core",
    frozen,
    eq,
    get_all,
    from_py_object
)]
#[derive(Clone, PartialEq)]
pub struct PyRemoval {
    start: usize,
    end: usize,
    kind: String,
    text: String,
}

impl From<Removal> for PyRemoval {
    fn from(r: Removal) -> Self {
        PyRemoval {
            start: r.start,
            end: r.end,
            kind: r.kind.as_str().to_string(),
            text: r.text,
        }
    }
}

#[pymethods]
impl PyRemoval {
    #[new]
    fn new(start: usize, end: usize, kind: String, text: String) -> Self {
        PyRemoval {
            start,
            end,
            kind,
            text,
        }
    }

    /// Rebuilds the removal from its fields, so results travel to Dask, Spark and Ray workers.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let r = slf.get();
        let args = (r.start, r.end, r.kind.clone(), r.text.clone()).into_pyobject(py)?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        let shown: String = self.text.chars().take(40).collect();
        let more = if self.text.chars().count() > 40 {
            "..."
        } else {
            ""
        };
        format!(
            "Removal({}, {}, {:?}, {shown:?}{more})",
            self.start, self.end, self.kind
        )
    }
}

impl Record for PyRemoval {
    const FIELDS: &'static [&'static str] = &["start", "end", "kind", "text"];

    fn field_values<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        Ok(vec![
            self.start.into_pyobject(py)?.into_any(),
            self.end.into_pyobject(py)?.into_any(),
            self.kind.clone().into_pyobject(py)?.into_any(),
            self.text.clone().into_pyobject(py)?.into_any(),
        ])
    }

    fn into_object<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, self)?.into_any())
    }
}

/// The cleaned text of one input and every removal, with the input kept for display.
#[pyclass(name = "CleanResult", module = "copydesk._core", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyCleanResult {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    removed: Vec<PyRemoval>,
    #[pyo3(get)]
    source: String,
}

impl PyCleanResult {
    fn from_report(report: CleanReport, source: &str) -> Self {
        PyCleanResult {
            text: report.text,
            removed: report.removed.into_iter().map(PyRemoval::from).collect(),
            source: source.to_string(),
        }
    }
}

#[pymethods]
impl PyCleanResult {
    #[new]
    fn new(text: String, removed: Vec<PyRemoval>, source: String) -> Self {
        PyCleanResult {
            text,
            removed,
            source,
        }
    }

    /// Rebuilds the result from its fields (pickling).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let r = slf.get();
        let removed = PyList::new(
            py,
            r.removed
                .iter()
                .cloned()
                .map(|x| Bound::new(py, x))
                .collect::<PyResult<Vec<_>>>()?,
        )?;
        let args = PyTuple::new(
            py,
            [
                r.text.clone().into_pyobject(py)?.into_any(),
                removed.into_any(),
                r.source.clone().into_pyobject(py)?.into_any(),
            ],
        )?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        let shown: String = self.text.chars().take(60).collect();
        let more = if self.text.chars().count() > 60 {
            "..."
        } else {
            ""
        };
        format!(
            "CleanResult({shown:?}{more}, removed=[{} removals])",
            self.removed.len()
        )
    }

    /// The input with every removal highlighted by kind (notebook display).
    fn _repr_html_(&self) -> String {
        let spans: Vec<(usize, usize, &str)> = self
            .removed
            .iter()
            .map(|r| (r.start, r.end, r.kind.as_str()))
            .collect();
        highlight_html(&self.source, &spans)
    }
}

/// Colours of the removal kinds in the notebook display.
fn kind_style(kind: &str) -> &'static str {
    match kind {
        "code" => "background:#e5e7eb;color:#6b7280",
        "markup" => "background:#f3e8ff;color:#7e22ce",
        "boilerplate" => "background:#fee2e2;color:#991b1b;text-decoration:line-through",
        "metadata" => "background:#dbeafe;color:#1e40af",
        _ => "background:#fef3c7",
    }
}

/// HTML of `source` with `spans` (code-point offsets, sorted, disjoint) highlighted.
fn highlight_html(source: &str, spans: &[(usize, usize, &str)]) -> String {
    let mut out =
        String::from("<div style=\"white-space:pre-wrap;line-height:1.5;font-family:sans-serif\">");
    let chars: Vec<char> = source.chars().collect();
    let mut pos = 0;
    for &(start, end, kind) in spans {
        let (start, end) = (start.clamp(pos, chars.len()), end.min(chars.len()));
        escape_into(&mut out, &chars[pos..start]);
        if start < end {
            out.push_str(&format!(
                "<span style=\"{}\" title=\"{kind}\">",
                kind_style(kind)
            ));
            escape_into(&mut out, &chars[start..end]);
            out.push_str("</span>");
        }
        pos = end.max(start);
    }
    escape_into(&mut out, &chars[pos.min(chars.len())..]);
    out.push_str("</div>");
    out
}

fn escape_into(out: &mut String, chars: &[char]) {
    for &c in chars {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (text, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn clean_report<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    options: Option<CleanArgs>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = CleanArgs::resolve(options);
    let batch = Batch::new(errors, n_threads, progress)?;
    if text.is_scalar() {
        let cells = text.cells();
        let Some(source) = cell_text(&cells[0])? else {
            return Ok(py.None().into_bound(py));
        };
        let report = py.detach(|| guarded(|| Ok(report_text(source, &options))))?;
        return Ok(Bound::new(py, PyCleanResult::from_report(report, source))?.into_any());
    }
    map_records(py, &text, &batch, |t| {
        Ok(report_text(t, &options)
            .removed
            .into_iter()
            .map(PyRemoval::from)
            .collect::<Vec<_>>())
    })
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (text, *, options = None, errors = "raise", n_threads = None, progress = None))]
pub fn clean_and_report<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    options: Option<CleanArgs>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let options = CleanArgs::resolve(options);
    let batch = Batch::new(errors, n_threads, progress)?;
    map_text_and_records(py, &text, &batch, |t| {
        let report = report_text(t, &options);
        let removed = report.removed.into_iter().map(PyRemoval::from).collect();
        Ok((report.text, removed))
    })
}
