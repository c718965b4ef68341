//! Shared text pieces used by every engine: byte <-> code-point offsets, word tokens and
//! sentence / paragraph segmentation. Engines call these; they never re-implement them.

pub mod fold;
pub mod hash;
pub mod offsets;
pub mod sentences;
pub mod words;

pub use offsets::CharOffsets;
