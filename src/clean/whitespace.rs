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
//! One pass that emits an edit only where a whitespace run differs from what it becomes:
//! ordinary prose (single spaces, single line breaks) produces no edits at all.

use super::edit::Edit;
use memchr::memmem;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

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
    super::edit::apply_to_str(text, &whitespace_edits(text))
}

/// The edits that normalise the whitespace of `text`.
pub fn whitespace_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut seen_text = false;
    while i < bytes.len() {
        if seen_text {
            i = skip_plain(bytes, i);
            if i == bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        if b.is_ascii_graphic() || (b >= 0x80 && !starts_special(bytes, i)) {
            seen_text = true;
            i += 1;
            continue;
        }
        // The common case: one space between two words is already what it should be.
        if b == b' ' && seen_text && bytes.get(i + 1).is_some_and(|n| n.is_ascii_graphic()) {
            i += 1;
            continue;
        }
        let run = whitespace_run(text, i);
        if run.range.is_empty() {
            seen_text = true;
            i += 1;
            continue;
        }
        let at_end = run.range.end == text.len();
        let want: &'static str = if !seen_text || at_end {
            ""
        } else {
            match run.breaks {
                0 if run.spaces => " ",
                0 => "",
                1 => "\n",
                _ => "\n\n",
            }
        };
        if &text[run.range.clone()] != want {
            edits.push(Edit::replace(run.range.clone(), Cow::Borrowed(want)));
        }
        i = run.range.end;
    }
    edits
}

/// Does text whose only whitespace characters are ASCII spaces and line breaks (the caller
/// knows from its bytes) need no edit? It does not when no run of them differs from what it
/// becomes: no space or break opens or ends the text, and inside it every run is a single
/// space, a single break or one blank line, which is what holds when none of the four pairs
/// and triples below occurs. Vector substring searches, cheaper than the step's own scan.
pub fn spaces_and_breaks_are_normal(text: &str) -> bool {
    static PATTERNS: OnceLock<[memmem::Finder<'static>; 4]> = OnceLock::new();
    let patterns = PATTERNS
        .get_or_init(|| ["  ", " \n", "\n ", "\n\n\n"].map(|p| memmem::Finder::new(p.as_bytes())));
    let b = text.as_bytes();
    let edge = |c: Option<&u8>| c.is_some_and(|&c| c == b' ' || c == b'\n');
    !edge(b.first()) && !edge(b.last()) && patterns.iter().all(|p| p.find(b).is_none())
}

/// Could the non-ASCII character starting at byte `i` be whitespace or invisible? Only
/// U+0085, U+00A0, U+1680, U+2000-U+202F, U+205F-U+2060, U+3000 and U+FEFF can.
/// Passes over printable ASCII whose spaces each stand alone before a printable byte: such
/// text has nothing to normalise (once some text has been seen). Eight bytes are tested at a
/// time; once a whole block has passed so, whole blocks are tested (text with a quote or a
/// break every few words never pays for a block test that fails).
#[inline]
fn skip_plain(bytes: &[u8], from: usize) -> usize {
    let mut i = skip_chunks(bytes, from, PLAIN_BLOCK);
    if i - from < PLAIN_BLOCK {
        return i;
    }
    while let Some(block) = bytes.get(i..i + PLAIN_BLOCK + 1) {
        if !plain_block(block) {
            break;
        }
        i += PLAIN_BLOCK;
    }
    skip_chunks(bytes, i, usize::MAX)
}

/// [`skip_plain`] eight bytes at a time, over at most `max` bytes.
#[inline]
fn skip_chunks(bytes: &[u8], from: usize, max: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 9) {
        let x = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if i - from >= max || !plain_chunk(x, chunk[8]) {
            break;
        }
        i += 8;
    }
    i
}

/// Bytes tested at once by [`plain_block`].
const PLAIN_BLOCK: usize = 64;

/// Are the first [`PLAIN_BLOCK`] bytes of `block` (which holds one more) printable ASCII or
/// spaces before a printable byte? (A fold without early exits over byte pairs, which the
/// compiler turns into vector compares.)
#[inline]
fn plain_block(block: &[u8]) -> bool {
    let printable = |b: u8| b.wrapping_sub(0x21) < 0x5E;
    block[..PLAIN_BLOCK]
        .iter()
        .zip(&block[1..])
        .fold(true, |ok, (&b, &next)| {
            ok & (printable(b) | ((b == b' ') & printable(next)))
        })
}

/// Are the eight bytes of `x` printable ASCII or lone spaces, the last one followed by `next`?
#[inline]
fn plain_chunk(x: u64, next: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x80 * ONES;
    // A byte of 0x7F or more (DEL, non-ASCII) or below 0x20 (controls, line breaks).
    let high = (x.wrapping_add(ONES) | x) & HIGHS;
    let low = x.wrapping_sub(0x20 * ONES) & !x & HIGHS;
    if high | low != 0 {
        return false;
    }
    // 0x80 in each byte that is a space.
    let t = x ^ (0x20 * ONES);
    let spaces = !(((t & (0x7F * ONES)).wrapping_add(0x7F * ONES)) | t | (0x7F * ONES));
    spaces & (spaces >> 8) == 0 && (spaces >> 56 == 0 || next.is_ascii_graphic())
}

#[inline]
fn starts_special(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0x85 | 0xA0)),
        0xE1 => bytes.get(i + 1) == Some(&0x9A),
        0xE2 => matches!(bytes.get(i + 1), Some(0x80 | 0x81)),
        0xE3 | 0xEF => true,
        _ => false,
    }
}

/// A maximal run of whitespace and invisible characters.
struct Run {
    range: Range<usize>,
    spaces: bool,
    breaks: u8,
}

fn whitespace_run(text: &str, from: usize) -> Run {
    let mut spaces = false;
    let mut breaks = 0u8;
    let mut end = from;
    let mut chars = text[from..].char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match classify(c) {
            Class::Ordinary => break,
            Class::Space => spaces = true,
            Class::LineBreak => {
                // CRLF is one break, not two.
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                breaks = breaks.saturating_add(1);
            }
            Class::ParagraphBreak => breaks = breaks.saturating_add(2),
            Class::Invisible => {}
        }
        end = from + chars.peek().map_or(text.len() - from, |&(o, _)| o);
    }
    Run {
        range: from..end,
        spaces,
        breaks,
    }
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
    fn long_plain_runs_keep_their_edges() {
        let t = "A sentence of plain ASCII text.  Two spaces here,\tand a tab there; then  end ";
        assert_eq!(
            ws(t),
            "A sentence of plain ASCII text. Two spaces here, and a tab there; then end"
        );
        assert_eq!(
            ws("abcdefgh ijklmnop\u{7f}qrstuvwx yz  "),
            "abcdefgh ijklmnop\u{7f}qrstuvwx yz"
        );
    }

    #[test]
    fn finds_odd_spaces_anywhere_in_long_plain_text() {
        let plain = "The minister said on Monday that talks had failed. ".repeat(6);
        let b = plain.as_bytes();
        for at in (1..plain.len() - 1).filter(|&i| b[i] != b' ' && b[i - 1] != b' ') {
            for (odd, becomes) in [
                ("  ", " "),
                ("\t", " "),
                ("\n\n\n", "\n\n"),
                (" \n", "\n"),
                ("\u{a0}", " "),
            ] {
                let t = format!("{}{odd}{}", &plain[..at], &plain[at..]);
                let want = format!("{}{becomes}{}", &plain[..at], plain[at..].trim_end());
                assert_eq!(ws(&t), want, "{odd:?} at {at}");
            }
        }
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

    #[test]
    fn non_space_non_ascii_is_text() {
        assert_eq!(
            ws("\u{3042} \u{ff21}  \u{2014}"),
            "\u{3042} \u{ff21} \u{2014}"
        );
    }
}
