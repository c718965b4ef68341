//! Similarity: exact string metrics (`metrics`), copies of a story across a corpus (`copies`)
//! and what changed between two versions (`align`). Plain Rust; bindings live in `py/`.
pub mod align;
pub mod copies;
pub mod metrics;
