//! Control characters, in two steps around mojibake repair.
//!
//! - Before: C0 controls other than the whitespace ones, DEL, and the invisible zero-width
//!   space, word joiner and byte-order mark go. They carry no text, and removing them first
//!   means mojibake repair sees what the final text will hold.
//! - After: C1 controls (U+0080-U+009F) are almost always Windows-1252 bytes read as Latin-1,
//!   so they become the Windows-1252 character (`\x93` -> `“`); the five bytes Windows-1252
//!   leaves undefined are removed. Mojibake repair needs them as they came, hence the order.

use super::bytescan::next_byte;
use super::codepages::cp1252_byte;
use super::edit::{Edit, Kind};

/// The edits that remove C0 controls, DEL and invisible characters.
pub fn c0_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_byte(b, i, is_candidate) {
        i = at;
        if removable_at(b, i) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() {
            let w = removable_at(b, i);
            if w == 0 {
                break;
            }
            i += w;
        }
        edits.push(Edit::remove(start..i, Kind::Control, ""));
    }
    edits
}

/// A byte that may start a removable character. A superset (tabs and the like pass, and
/// `removable_at` turns them away): fewer compares make the vector block test cheaper, and
/// only `\n` is common in text.
#[inline]
fn is_candidate(c: u8) -> bool {
    (c < 0x20 && c != b'\n') | (c == 0x7F) | (c == 0xE2) | (c == 0xEF)
}

/// The byte length of a removable character at `i` (0 if there is none).
fn removable_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        c if c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => 1,
        0x7F => 1,
        // U+200B, U+2060, U+FEFF
        0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0x8B]) | Some([0x81, 0xA0])) => 3,
        0xEF if b.get(i + 1..i + 3) == Some(&[0xBB, 0xBF]) => 3,
        _ => 0,
    }
}

/// The edits that turn C1 controls into their Windows-1252 characters.
pub fn c1_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(0xC2, &b[i..]) {
        let at = i + off;
        i = at + 1;
        let Some(&c1) = b.get(at + 1).filter(|n| (0x80..0xA0).contains(*n)) else {
            continue;
        };
        match cp1252_byte(c1) {
            Some(c) => edits.push(Edit::replace(at..at + 2, c.to_string())),
            None => edits.push(Edit::remove(at..at + 2, Kind::Control, "")),
        }
        i = at + 2;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::edit::Tracked;
    use super::*;

    fn fix(s: &str, f: fn(&str) -> Vec<Edit>) -> (String, Vec<String>) {
        let mut t = Tracked::new(s, true);
        t.apply(&f(s));
        let (text, removed) = t.finish();
        (
            text,
            removed
                .into_iter()
                .map(|r| s[r.range].to_string())
                .collect(),
        )
    }

    #[test]
    fn removes_c0_del_and_invisibles_keeps_whitespace() {
        let (text, removed) = fix(
            "a\u{0}\u{1}b\tc\nd\u{7f}e\u{1a}\u{feff}f\u{200b}g",
            c0_edits,
        );
        assert_eq!(text, "ab\tc\ndefg");
        assert_eq!(
            removed,
            ["\u{0}\u{1}", "\u{7f}", "\u{1a}\u{feff}", "\u{200b}"]
        );
    }

    #[test]
    fn c1_becomes_windows_1252() {
        assert_eq!(
            fix("\u{84}Hallo\u{93} x\u{85}", c1_edits).0,
            "\u{201e}Hallo\u{201c} x\u{2026}"
        );
        assert_eq!(fix("a\u{81}b", c1_edits).0, "ab");
    }
}
