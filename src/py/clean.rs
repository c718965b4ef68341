//! Binding of `clean`: keyword arguments to `CleanOptions`, then the column machinery.

use pyo3::prelude::*;

use super::columns::{map_text, Batch, TextInput};
use crate::clean::{clean as clean_text, CleanOptions};

/// See `python/copydesk/_core.pyi` for the documented signature.
#[pyfunction]
#[pyo3(signature = (text, *, nfc = true, whitespace = true, errors = "raise", n_threads = None, progress = None))]
#[allow(clippy::too_many_arguments)]
pub fn clean<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    nfc: bool,
    whitespace: bool,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = CleanOptions { nfc, whitespace };
    let batch = Batch::new(errors, n_threads, progress)?;
    map_text(py, &text, &batch, |t| Ok(clean_text(t, &options)))
}
