//! Leaked code (placeholder).
use super::edit::Edit;

pub fn code_edits(_text: &str) -> Vec<Edit> {
    Vec::new()
}
