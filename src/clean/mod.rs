//! Cleaning: scraped article text (or a raw page) in, clean prose out, with an audit trail of
//! every removal. This module is plain Rust; the binding lives in `py/clean.rs`.
//!
//! Today it holds the first slice of the pipeline: Unicode NFC and whitespace normalisation.
//! Leaked code, boilerplate, metadata, entities and mojibake are later stages of [`clean`].

mod whitespace;

pub use whitespace::normalize_whitespace;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Options of [`clean`]; `Default` gives what a news analyst wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanOptions {
    /// Compose characters to Unicode NFC.
    pub nfc: bool,
    /// Fold runs of spaces, tabs, non-breaking and zero-width spaces; CRLF to LF; keep
    /// paragraph breaks as one blank line.
    pub whitespace: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            nfc: true,
            whitespace: true,
        }
    }
}

/// Cleans one text with `options`.
pub fn clean(text: &str, options: &CleanOptions) -> String {
    let mut out = if options.nfc {
        to_nfc(text)
    } else {
        text.to_string()
    };
    if options.whitespace {
        out = normalize_whitespace(&out);
    }
    out
}

/// Unicode NFC, skipping the work when the quick check says the text is already composed.
fn to_nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_folds() {
        let text = "Cafe\u{301}  au\u{a0}lait\r\n\r\n\r\nNext\tpara ";
        assert_eq!(
            clean(text, &CleanOptions::default()),
            "Caf\u{e9} au lait\n\nNext para"
        );
    }

    #[test]
    fn options_switch_steps_off() {
        let off = CleanOptions {
            nfc: false,
            whitespace: false,
        };
        assert_eq!(clean("e\u{301}  x", &off), "e\u{301}  x");
    }

    #[test]
    fn idempotent_on_examples() {
        let opts = CleanOptions::default();
        for t in [
            "",
            " ",
            "a\n\n\n\nb",
            "x\u{200b}y",
            "\u{feff}Hello\r\nworld",
            "A \u{3000} B",
        ] {
            let once = clean(t, &opts);
            assert_eq!(clean(&once, &opts), once, "{t:?}");
        }
    }
}
