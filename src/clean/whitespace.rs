//! Whitespace normalisation: the step every cleaned text goes through last.
//!
//! - runs of horizontal space (space, tab, no-break, the Unicode space block, ideographic
//!   space) become one ASCII space; spaces at line starts and ends go;
//! - zero-width spaces, word joiners and byte-order marks go (they are invisible and break
//!   word matching); ZWJ and ZWNJ stay, because emoji and Persian need them;
//! - CRLF, CR, vertical tab, form feed and U+2028 become a line break; U+2029 a paragraph break;
//! - a single line break stays a line break, two or more (with only spaces between) become
//!   exactly one blank line, the paragraph break;
//! - the text is trimmed.
//!
//! One pass, copying runs of ordinary characters in bulk: it is on every hot path.

/// What a character means to the normaliser.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Ordinary,
    Space,
    LineBreak,
    ParagraphBreak,
    Invisible,
}

#[inline]
fn classify(c: char) -> Class {
    match c {
        ' '
        | '\t'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => Class::Space,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => Class::LineBreak,
        '\u{2029}' => Class::ParagraphBreak,
        '\u{200b}' | '\u{2060}' | '\u{feff}' => Class::Invisible,
        _ => Class::Ordinary,
    }
}

/// Normalises the whitespace of `text` as the module comment describes.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_breaks = 0u8;
    let mut run_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let class = if c.is_ascii_graphic() {
            Class::Ordinary
        } else {
            classify(c)
        };
        if class == Class::Ordinary {
            if run_start.is_none() {
                flush_separator(&mut out, &mut pending_space, &mut pending_breaks);
                run_start = Some(i);
            }
            continue;
        }
        if let Some(start) = run_start.take() {
            out.push_str(&text[start..i]);
        }
        match class {
            Class::Space => pending_space = true,
            Class::LineBreak => {
                // CRLF is one break, not two.
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                pending_breaks = pending_breaks.saturating_add(1);
            }
            Class::ParagraphBreak => pending_breaks = pending_breaks.saturating_add(2),
            Class::Invisible | Class::Ordinary => {}
        }
    }
    if let Some(start) = run_start {
        out.push_str(&text[start..]);
    }
    out
}

/// Writes the separator owed before the next ordinary character: nothing at the start of the
/// text, a paragraph break, a line break, or one space.
#[inline]
fn flush_separator(out: &mut String, pending_space: &mut bool, pending_breaks: &mut u8) {
    if !out.is_empty() {
        match *pending_breaks {
            0 if *pending_space => out.push(' '),
            0 => {}
            1 => out.push('\n'),
            _ => out.push_str("\n\n"),
        }
    }
    *pending_space = false;
    *pending_breaks = 0;
}

#[cfg(test)]
mod tests {
    use super::normalize_whitespace as ws;

    #[test]
    fn folds_horizontal_space() {
        assert_eq!(ws("a  \t b\u{a0}\u{2009}c\u{3000}d"), "a b c d");
    }

    #[test]
    fn keeps_paragraph_breaks_as_one_blank_line() {
        assert_eq!(
            ws("one\r\n\r\n \r\n\ttwo\n\n\n\nthree"),
            "one\n\ntwo\n\nthree"
        );
    }

    #[test]
    fn keeps_single_line_breaks_and_trims_lines() {
        assert_eq!(ws("  one  \n  two  "), "one\ntwo");
        assert_eq!(ws("a\rb"), "a\nb");
    }

    #[test]
    fn removes_invisible_but_keeps_joiners() {
        assert_eq!(ws("\u{feff}co\u{200b}operate"), "cooperate");
        assert_eq!(
            ws("\u{1F468}\u{200d}\u{1F469}"),
            "\u{1F468}\u{200d}\u{1F469}"
        );
    }

    #[test]
    fn unicode_separators() {
        assert_eq!(ws("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
    }

    #[test]
    fn only_whitespace_becomes_empty() {
        assert_eq!(ws(" \n\n\t\u{a0} "), "");
        assert_eq!(ws(""), "");
    }
}
