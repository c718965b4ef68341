//! The one error type of the core. Every fallible core function returns `Result<_, Error>`;
//! the binding layer (`py/errors.rs`) maps each variant to a Python exception class in one place.

use thiserror::Error;

/// What can go wrong in the core. Variants describe the caller's mistake or the text's
/// problem, never a Python concept: the binding layer decides which exception that becomes.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// An option has a value the function does not accept (`errors="maybe"`, `k=0`, ...).
    #[error("{name}: {message}")]
    InvalidOption { name: String, message: String },

    /// A metric name that copydesk does not know; `valid` lists the ones it does.
    #[error("unknown metric {name:?}; valid metrics: {valid}")]
    UnknownMetric { name: String, valid: String },

    /// Two inputs that must agree do not (columns of different length, hamming on unequal
    /// lengths, ...).
    #[error("{0}")]
    Mismatch(String),

    /// A single text cannot be processed (for example it is too large for an index type).
    #[error("{0}")]
    InvalidText(String),

    /// A bug in copydesk: an invariant broke or a panic was caught.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidOption`].
    pub fn option(name: &str, message: impl Into<String>) -> Self {
        Error::InvalidOption {
            name: name.to_string(),
            message: message.into(),
        }
    }
}

/// The result type of the core.
pub type Result<T> = std::result::Result<T, Error>;
