//! Python exception classes and the one mapping from core errors to them.
//!
//! `CopydeskError` is a `ValueError`, so `except ValueError` keeps working for users who do not
//! know copydesk's classes. The classes live in `copydesk._core` (and are re-exported by the
//! package) so they pickle across Dask workers.

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::Error;

create_exception!(
    copydesk._core,
    CopydeskError,
    PyValueError,
    "Base class of copydesk's errors; a ValueError."
);
create_exception!(
    copydesk._core,
    RowError,
    CopydeskError,
    "A failure inside one row of a batch; the message names the row, `.row` holds its position."
);
create_exception!(
    copydesk._core,
    InvalidOptionError,
    CopydeskError,
    "An option has a value the function does not accept."
);
create_exception!(
    copydesk._core,
    MismatchError,
    CopydeskError,
    "Two inputs that must agree do not (lengths of two columns, hamming on unequal strings)."
);

/// The one place where a core error becomes a Python exception.
pub fn to_pyerr(error: Error) -> PyErr {
    let message = error.to_string();
    match error {
        Error::InvalidOption { .. } | Error::UnknownMetric { .. } => {
            InvalidOptionError::new_err(message)
        }
        Error::Mismatch(_) => MismatchError::new_err(message),
        Error::InvalidText(_) | Error::Internal(_) => CopydeskError::new_err(message),
    }
}

/// A failure inside row `row` of a batch, as a `RowError` carrying the row position.
pub fn row_error(py: Python<'_>, row: usize, message: &str) -> PyErr {
    let err = RowError::new_err(format!("row {row}: {message}"));
    // `.row` lets callers find the row without parsing the message.
    let _ = err.value(py).setattr("row", row);
    err
}

/// A value of the wrong type in row `row` (or the whole argument when `row` is None).
pub fn type_error(row: Option<usize>, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let type_name = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    match row {
        Some(row) => {
            PyTypeError::new_err(format!("row {row}: expected {expected}, got {type_name}"))
        }
        None => PyTypeError::new_err(format!("expected {expected}, got {type_name}")),
    }
}

/// Lets `?` turn core errors into Python exceptions inside the binding layer.
impl From<Error> for PyErr {
    fn from(error: Error) -> PyErr {
        to_pyerr(error)
    }
}

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CopydeskError", py.get_type::<CopydeskError>())?;
    m.add("RowError", py.get_type::<RowError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("MismatchError", py.get_type::<MismatchError>())?;
    Ok(())
}
