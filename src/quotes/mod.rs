//! Quote extraction: who said what, with speaker, reporting verb and exact offsets, by rules
//! over the text around quote marks (no parser). Plain Rust; the binding lives in `py/quotes.rs`.
