//! The binding layer: converts Python arguments, runs the core with the GIL released, and
//! converts results back. It holds no text logic of its own. One file per area; every
//! function goes through `columns` (the one column machinery) and `errors` (the one error map).

mod clean;
pub mod columns;
mod copies;
mod diagnostics;
pub mod errors;
mod quotes;
mod similarity;
mod sketch;
mod threads;

use pyo3::prelude::*;

/// Adds every class and function to `copydesk._core`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    threads::install_fork_guard();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(clean::clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean::clean_report, m)?)?;
    m.add_function(wrap_pyfunction!(clean::clean_and_report, m)?)?;
    m.add_class::<clean::PyRemoval>()?;
    m.add_class::<clean::PyCleanResult>()?;
    m.add_class::<quotes::PyQuote>()?;
    m.add_function(wrap_pyfunction!(quotes::quotes, m)?)?;
    m.add_function(wrap_pyfunction!(similarity::similarity, m)?)?;
    m.add_function(wrap_pyfunction!(similarity::distance, m)?)?;
    m.add_function(wrap_pyfunction!(similarity::similarity_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(similarity::nearest, m)?)?;
    m.add_class::<copies::PyAlignment>()?;
    m.add_function(wrap_pyfunction!(copies::near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(copies::duplicate_groups, m)?)?;
    m.add_function(wrap_pyfunction!(copies::pairs_and_groups, m)?)?;
    m.add_function(wrap_pyfunction!(copies::copy_share, m)?)?;
    m.add_function(wrap_pyfunction!(copies::align, m)?)?;
    m.add_function(wrap_pyfunction!(sketch::copy_sketches, m)?)?;
    m.add_function(wrap_pyfunction!(sketch::copy_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(sketch::group_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::_echo, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::_probe, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::_arm_test_panic, m)?)?;
    Ok(())
}
