//! The units boilerplate is judged in: a paragraph of wrapped prose is one unit, every other
//! line is its own (scraped menus, link lists and credits come one item per line).

use std::ops::Range;

/// A wrapped paragraph has lines (all but its last) at least this long on average (bytes).
const WRAPPED_MEAN_LINE: usize = 35;

/// Byte ranges of the units of `text`, trimmed, in order.
pub fn unit_ranges(text: &str) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = trim(text, start..start + line.len());
        start += line.len() + 1;
        if range.is_empty() {
            flush(&mut block, &mut units, text);
        } else {
            block.push(range);
        }
    }
    flush(&mut block, &mut units, text);
    units
}

fn flush(block: &mut Vec<Range<usize>>, units: &mut Vec<Range<usize>>, text: &str) {
    if block.len() > 1 && is_wrapped(block, text) {
        units.push(block[0].start..block[block.len() - 1].end);
    } else {
        units.append(block);
    }
    block.clear();
}

/// Lines of one paragraph broken at a fixed width: long on average, most of them end
/// mid-sentence, and many of the next ones go on in lower case.
fn is_wrapped(block: &[Range<usize>], text: &str) -> bool {
    let body = &block[..block.len() - 1];
    let mean = body.iter().map(|r| r.len()).sum::<usize>() / body.len();
    let open_ends = body
        .iter()
        .filter(|&r| !text[r.clone()].ends_with(['.', '!', '?', ':', '"', '\u{201d}']))
        .count();
    // A sentence carried over starts its next line in lower case more often than not; the
    // lines of a list or a schedule start with capitals or numbers.
    let carried = block[1..]
        .iter()
        .filter(|&r| text[r.clone()].starts_with(|c: char| c.is_lowercase()))
        .count();
    mean >= WRAPPED_MEAN_LINE
        && 2 * open_ends >= block.len() - 1
        && 5 * carried >= 2 * (block.len() - 1)
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<&str> {
        unit_ranges(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn lines_and_wrapped_paragraphs() {
        let t = "Home\nNews\n\nThe minister said on Monday that the talks\nhad failed and that a new round would start\nnext week in Geneva.\n\n Sport ";
        assert_eq!(units(t), ["Home", "News", "The minister said on Monday that the talks\nhad failed and that a new round would start\nnext week in Geneva.", "Sport"]);
    }
}
