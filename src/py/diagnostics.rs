//! Functions for copydesk's own tests and benchmarks, not for users (underscore names):
//! they exercise the column machinery with no text work at all.

use pyo3::prelude::*;

use super::columns::{map_text, Batch, TextInput};
use crate::Error;

/// Returns each text unchanged: measures the machinery's per-row overhead (bench/).
#[pyfunction]
#[pyo3(signature = (text, *, errors = "raise", n_threads = None, progress = None))]
pub fn _echo<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    map_text(py, &text, &batch, Ok)
}

/// Arms (or disarms) the engines' test panic (`crate::fault`) for the whole process and returns
/// the marker text that then panics in every engine: the tests prove with it that a panic deep
/// inside any function becomes an error naming its row.
#[pyfunction]
pub fn _arm_test_panic(on: bool) -> &'static str {
    crate::fault::arm(on);
    crate::fault::MARKER
}

/// Fails on rows whose text is `"fail"` and panics on `"panic"`; sleeps 10 ms on `"slow"`.
/// Proves in tests that a failure or a panic names its row and that the GIL is released.
#[pyfunction]
#[pyo3(signature = (text, *, errors = "raise", n_threads = None, progress = None))]
pub fn _probe<'py>(
    py: Python<'py>,
    text: TextInput<'py>,
    errors: &str,
    n_threads: Option<usize>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = Batch::new(errors, n_threads, progress)?;
    map_text(py, &text, &batch, |t| match t {
        "fail" => Err(Error::InvalidText("this row asked to fail".into())),
        "panic" => panic!("this row asked to panic"),
        "slow" => {
            std::thread::sleep(std::time::Duration::from_millis(10));
            Ok(t.len() as i64)
        }
        _ => Ok(t.chars().count() as i64),
    })
}
