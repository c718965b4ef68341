//! Folding text for matching (the `processor="news"` of the similarity functions): lower case,
//! accents removed, curly quotes and typographic dashes made plain, whitespace (zero-width
//! included) collapsed to single spaces and trimmed. Two versions of a headline that differ
//! only in typography then compare equal. Not a cleaner: it throws information away.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The plain character for a typographic quote or dash, or `c` itself.
fn plain(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
        | '\u{203A}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        other => other,
    }
}

/// Whitespace for folding: Unicode White_Space plus the zero-width space, joiners and BOM.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `text` folded for matching (see the module comment).
pub fn fold_for_matching(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bases = text.nfd().filter(|&c| !is_combining_mark(c)).nfc();
    for c in bases {
        if is_space(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(plain(c).to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_quotes_dashes_and_space() {
        assert_eq!(
            fold_for_matching("  Caf\u{e9} \u{201C}Cr\u{e8}me\u{201D}\u{a0}\u{2014} O\u{2019}Brien\u{200B}  says "),
            "cafe \"creme\" - o'brien says"
        );
        assert_eq!(fold_for_matching("Cafe\u{301}"), "cafe");
        assert_eq!(fold_for_matching(""), "");
        assert_eq!(fold_for_matching("\u{d55c}\u{ad6d}"), "\u{d55c}\u{ad6d}");
    }
}
