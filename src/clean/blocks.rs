//! Blocks of lines: the text between blank lines, each line trimmed, and whether the block is
//! one paragraph hard-wrapped at a fixed width (wire copy, e-mail, PDFs) or a set of separate
//! lines (a menu, a list, a schedule, verse). Boilerplate judges wrapped blocks as one unit;
//! the structure step joins their lines.

use super::bytescan::line_ranges;
use std::ops::Range;

/// A wrapped paragraph has lines (all but its last) at least this long on average (bytes).
const WRAPPED_MEAN_LINE: usize = 35;

/// The trimmed, non-empty lines between two blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub lines: Vec<Range<usize>>,
    pub wrapped: bool,
}

/// The blocks of `text`, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<Range<usize>> = Vec::new();
    for line in line_ranges(text) {
        let range = trim(text, line);
        if range.is_empty() {
            push_block(&mut lines, &mut out, text);
        } else {
            lines.push(range);
        }
    }
    push_block(&mut lines, &mut out, text);
    out
}

fn push_block(lines: &mut Vec<Range<usize>>, out: &mut Vec<Block>, text: &str) {
    if lines.is_empty() {
        return;
    }
    let wrapped = lines.len() > 1 && is_wrapped(lines, text);
    out.push(Block {
        lines: std::mem::take(lines),
        wrapped,
    });
}

/// Lines of one paragraph broken at a fixed width: long on average, most of them end
/// mid-sentence, and many of the next ones go on in lower case (the lines of a list or a
/// schedule start with capitals or numbers).
fn is_wrapped(block: &[Range<usize>], text: &str) -> bool {
    let body = &block[..block.len() - 1];
    let mean = body.iter().map(|r| r.len()).sum::<usize>() / body.len();
    let open_ends = body
        .iter()
        .filter(|&r| !text[r.clone()].ends_with(['.', '!', '?', ':', '"', '\u{201d}']))
        .count();
    let carried = block[1..]
        .iter()
        .filter(|&r| text[r.clone()].starts_with(|c: char| c.is_lowercase()))
        .count();
    mean >= WRAPPED_MEAN_LINE && 2 * open_ends >= body.len() && 5 * carried >= 2 * body.len()
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    start..start + t.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_and_separate_lines() {
        let t = "Home\nNews\n\nThe minister said on Monday that the talks\nhad failed and that a new round would start\nnext week in Geneva.\n\nJune 9 - West Palm Beach, FL at the Amphitheatre\nJune 10 - Tampa, FL at the Credit Union Amphitheatre";
        let b = blocks(t);
        assert_eq!(b.len(), 3);
        assert!(!b[0].wrapped && b[1].wrapped && !b[2].wrapped);
        assert_eq!(
            &t[b[1].lines[1].clone()],
            "had failed and that a new round would start"
        );
    }
}
