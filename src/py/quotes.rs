//! Binding of `quotes`: the `Quote` class and the record path of the column machinery. A
//! single text gives a list of `Quote` objects; a column gives one long table of their fields
//! with a `row` column. No text logic here: everything comes from `crate::quotes::extract`.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use super::columns::{map_records, Batch, Record, TextInput};
use crate::quotes::{extract, Quote};

/// One quote found in a text: what was said, who said it, the reporting verb, and where, as
/// Python `str` offsets into the text that was passed in.
#[pyclass(name = "Quote", module = "copydesk._core", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct PyQuote {
    text: String,
    start: usize,
    end: usize,
    fragments: Vec<(usize, usize)>,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_name: Option<String>,
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    kind: String,
}

impl From<Quote> for PyQuote {
    fn from(q: Quote) -> Self {
        PyQuote {
            text: q.text,
            start: q.start,
            end: q.end,
            fragments: q.fragments,
            speaker: q.speaker,
            speaker_start: q.speaker_start,
            speaker_end: q.speaker_end,
            speaker_name: q.speaker_name,
            cue: q.cue,
            cue_start: q.cue_start,
            cue_end: q.cue_end,
            kind: q.kind.as_str().to_string(),
        }
    }
}

#[pymethods]
impl PyQuote {
    #[new]
    #[pyo3(signature = (text, start, end, fragments, speaker, speaker_start, speaker_end,
                        speaker_name, cue, cue_start, cue_end, kind))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        start: usize,
        end: usize,
        fragments: Vec<(usize, usize)>,
        speaker: Option<String>,
        speaker_start: Option<usize>,
        speaker_end: Option<usize>,
        speaker_name: Option<String>,
        cue: Option<String>,
        cue_start: Option<usize>,
        cue_end: Option<usize>,
        kind: String,
    ) -> Self {
        PyQuote {
            text,
            start,
            end,
            fragments,
            speaker,
            speaker_start,
            speaker_end,
            speaker_name,
            cue,
            cue_start,
            cue_end,
            kind,
        }
    }

    /// Rebuilds the quote from its fields, so quotes travel to Dask, Spark and Ray workers.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, slf.get().field_values(py)?)?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        let shown: String = self.text.chars().take(60).collect();
        let more = if self.text.chars().count() > 60 {
            "..."
        } else {
            ""
        };
        let opt = |s: &Option<String>| s.as_ref().map_or("None".to_string(), |s| format!("{s:?}"));
        format!(
            "Quote({shown:?}{more}, speaker_name={}, cue={}, kind={:?}, start={}, end={})",
            opt(&self.speaker_name),
            opt(&self.cue),
            self.kind,
            self.start,
            self.end
        )
    }
}

impl Record for PyQuote {
    const FIELDS: &'static [&'static str] = &[
        "text",
        "start",
        "end",
        "fragments",
        "speaker",
        "speaker_start",
        "speaker_end",
        "speaker_name",
        "cue",
        "cue_start",
        "cue_end",
        "kind",
    ];

    fn field_values<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let fragments = PyList::new(py, &self.fragments)?.into_any();
        Ok(vec![
            self.text.clone().into_pyobject(py)?.into_any(),
            self.start.into_pyobject(py)?.into_any(),
            self.end.into_pyobject(py)?.into_any(),
            fragments,
            self.speaker.clone().into_pyobject(py)?.into_any(),
            self.speaker_start.into_pyobject(py)?.into_any(),
            self.speaker_end.into_pyobject(py)?.into_any(),
            self.speaker_name.clone().into_pyobject(py)?.into_any(),
            self.cue.clone().into_pyobject(py)?.into_any(),
            self.cue_start.into_pyobject(py)?.into_any(),
            self.cue_end.into_pyobject(py)?.into_any(),
            self.kind.clone().into_pyobject(py)?.into_any(),
        ])
    }

    fn into_object<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, self)?.into_any())
    }
}

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (text, *, errors = "raise", n_threads = None, progress = None))]
pub fn quotes<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    map_records(py, &text, &batch, |t| {
        Ok(extract(t)
            .into_iter()
            .map(PyQuote::from)
            .collect::<Vec<_>>())
    })
}
