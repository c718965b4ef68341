//! The binding layer: converts Python arguments, runs the core with the GIL released, and
//! converts results back. It holds no text logic of its own.

use pyo3::prelude::*;

/// Adds every class and function to `copydesk._core`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
