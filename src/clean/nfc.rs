//! Unicode NFC as edits: only the words that are not already composed are rewritten, so the
//! offset map stays exact everywhere else. Whitespace never composes with a neighbour nor
//! reorders across one, so each whitespace-delimited chunk is normalised on its own.

use super::bytescan::next_byte;
use super::edit::Edit;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The edits that bring `text` to NFC.
pub fn nfc_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    if quick_nfc(text) {
        return edits;
    }
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            let chunk = &text[start..i];
            if !chunk.is_ascii() && is_nfc_quick(chunk.chars()) != IsNormalized::Yes {
                let composed: String = chunk.nfc().collect();
                if composed != chunk {
                    edits.push(Edit::replace(start..i, composed));
                }
            }
            start = i + c.len_utf8();
        }
    }
    edits
}

/// Is `text` surely NFC already? Characters below U+0300 are NFC and start no composition,
/// so only the runs of characters from U+0300 up (whose lead bytes are 0xCC and above) are
/// checked.
fn quick_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(start) = next_byte(b, i, |c| c >= 0xCC) {
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| c < '\u{300}')
            .map_or(text.len(), |(o, _)| start + o);
        if is_nfc_quick(text[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        i = end;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_only_what_needs_it() {
        let t = "Cafe\u{301} ok re\u{301}sume\u{301}";
        let edits = nfc_edits(t);
        assert_eq!(edits.len(), 2);
        assert_eq!(edits[0].with, "Caf\u{e9}");
        assert_eq!(&t[edits[1].range.clone()], "re\u{301}sume\u{301}");
    }

    #[test]
    fn composed_text_has_no_edits() {
        assert!(nfc_edits("Caf\u{e9} \u{1F600}").is_empty());
    }
}
