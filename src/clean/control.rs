//! Control characters: C0 controls other than the whitespace ones, DEL and NUL carry no text
//! and are removed; C1 controls (U+0080-U+009F) are almost always Windows-1252 bytes read as
//! Latin-1, so they become the Windows-1252 character (`\x93` -> `“`), and the five bytes
//! Windows-1252 leaves undefined are removed. Runs after mojibake repair, which needs the C1
//! characters as they came.

use super::codepages::cp1252_byte;
use super::edit::{Edit, Kind};

/// The edits that fix the control characters of `text`.
pub fn control_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) || b == 0x7F {
            let end = i + bytes[i..].iter().take_while(|&&x| is_removed_c0(x)).count();
            edits.push(Edit::remove(i..end, Kind::Control, ""));
            i = end;
            continue;
        }
        if b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)) {
            let c1 = bytes[i + 1];
            match cp1252_byte(c1) {
                Some(c) => edits.push(Edit::replace(i..i + 2, c.to_string())),
                None => edits.push(Edit::remove(i..i + 2, Kind::Control, "")),
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    edits
}

fn is_removed_c0(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::super::edit::Tracked;
    use super::*;

    fn fix(s: &str) -> (String, Vec<String>) {
        let mut t = Tracked::new(s, true);
        t.apply(&control_edits(s));
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
    fn removes_c0_and_del_keeps_whitespace() {
        assert_eq!(
            fix("a\u{0}\u{1}b\tc\nd\u{7f}e\u{1a}"),
            (
                "ab\tc\nde".to_string(),
                vec!["\u{0}\u{1}".into(), "\u{7f}".into(), "\u{1a}".into()]
            )
        );
    }

    #[test]
    fn c1_becomes_windows_1252() {
        assert_eq!(
            fix("\u{84}Hallo\u{93} x\u{85}").0,
            "\u{201e}Hallo\u{201c} x\u{2026}"
        );
        assert_eq!(fix("a\u{81}b").0, "ab");
    }
}
