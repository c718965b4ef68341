//! Structure: the lines of a hard-wrapped paragraph are joined with a space, and a word
//! hyphenated across a line end is put back together (`inter-` + `national` ->
//! `international`) when the next line goes on in lower case. Blocks that are lists, menus or
//! verse keep their line breaks; paragraphs stay separated by blank lines.
//!
//! Also here: straightening curly quotes, an option for pipelines that want ASCII quotes.

use super::blocks::Block;
use super::edit::Edit;

/// The edits that join the hard-wrapped lines of `text`, whose blocks are `blocks`.
pub fn join_edits_in(text: &str, blocks: &[Block]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for block in blocks.iter().filter(|b| b.wrapped) {
        for pair in block.lines.windows(2) {
            let (prev, next) = (&pair[0], &pair[1]);
            let before = &text[prev.clone()];
            let after = &text[next.clone()];
            let hyphenated = before.ends_with('-')
                && before[..before.len() - 1].ends_with(|c: char| c.is_alphabetic())
                && after.starts_with(|c: char| c.is_lowercase());
            if hyphenated {
                edits.push(Edit::replace(prev.end - 1..next.start, ""));
            } else {
                edits.push(Edit::replace(prev.end..next.start, " "));
            }
        }
    }
    edits
}

/// The edits that straighten curly single and double quotes.
pub fn straight_quote_edits(text: &str) -> Vec<Edit> {
    if text.is_ascii() {
        return Vec::new();
    }
    text.char_indices()
        .filter_map(|(i, c)| {
            let with = match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => "'",
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => "\"",
                _ => return None,
            };
            Some(Edit::replace(i..i + c.len_utf8(), with))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply_to_str;
    use super::*;

    #[test]
    fn joins_wrapped_lines_and_repairs_hyphens() {
        let t = "  Showers continued throughout the week in\n  the Bahia cocoa zone, alleviating the inter-\n  national drought since early January.\n\nHome\nNews";
        assert_eq!(
            apply_to_str(t, &join_edits_in(t, &super::super::blocks::blocks(t))),
            "  Showers continued throughout the week in the Bahia cocoa zone, alleviating the international drought since early January.\n\nHome\nNews"
        );
    }

    #[test]
    fn straightens_quotes() {
        let t = "\u{201c}It\u{2019}s done,\u{201d} she said.";
        assert_eq!(
            apply_to_str(t, &straight_quote_edits(t)),
            "\"It's done,\" she said."
        );
    }
}
