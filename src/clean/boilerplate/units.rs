//! The units boilerplate is judged in: a paragraph of wrapped prose is one unit, every other
//! line is its own (scraped menus, link lists and credits come one item per line).

use super::super::blocks::Block;
use std::ops::Range;

/// Byte ranges of the units of a text with these blocks, trimmed, in order.
pub fn unit_ranges(blocks: &[Block]) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    for block in blocks {
        if block.wrapped {
            units.push(block.lines[0].start..block.lines[block.lines.len() - 1].end);
        } else {
            units.extend(block.lines.iter().cloned());
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<&str> {
        unit_ranges(&super::super::super::blocks::blocks(t))
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn lines_and_wrapped_paragraphs() {
        let t = "Home\nNews\n\nThe minister said on Monday that the talks\nhad failed and that a new round would start\nnext week in Geneva.\n\n Sport ";
        assert_eq!(units(t), ["Home", "News", "The minister said on Monday that the talks\nhad failed and that a new round would start\nnext week in Geneva.", "Sport"]);
    }
}
