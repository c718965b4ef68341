//! copydesk: a Rust engine for news text, driven from Python.
//!
//! The core modules (`clean`, `similarity`, `quotes`, `text`) are plain Rust over `&str`,
//! returning `Result<_, Error>`; `py` is the binding layer. This file declares the modules and
//! registers the Python module `copydesk._core`; nothing else imports pyo3.

pub mod clean;
pub mod error;
#[doc(hidden)]
pub mod fault;
pub mod quotes;
pub mod similarity;
pub mod text;

mod py;

pub use error::{Error, Result};

use pyo3::prelude::*;

/// The compiled module `copydesk._core`.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    py::register(m)
}
