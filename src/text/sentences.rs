//! Paragraph and sentence segmentation for news prose: the one segmenter that alignment,
//! quote attribution and copy detection share.
//!
//! Rules, not a model. A paragraph ends at a blank line (or a single line break when the text
//! has no blank lines at all, as in some scraped copy). A sentence ends after `.`, `!` or `?`
//! (plus any closing quotes and brackets) followed by whitespace and a character that can open
//! a sentence, unless the word before the stop is a known abbreviation (`Mr.`, `Jan.`, `U.S.`)
//! or a single initial (`John F. Kennedy`). Spans are byte ranges, trimmed of whitespace.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (lower-cased, no dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp", "messrs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "inc", "ltd", "co", "corp", "dept", "univ", "approx", "ave", "blvd", "mt", "ft",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c",
];

/// Byte ranges of the paragraphs of `text`, trimmed, empty ones skipped.
pub fn paragraph_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // A blank line is `\n\n` or `\n\r\n`: looked for only after newlines, found by memchr.
    let has_blank_line = memchr::memchr_iter(b'\n', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        rest.starts_with(b"\n") || rest.starts_with(b"\r\n")
    });
    let mut spans = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', bytes) {
        let is_break = !has_blank_line || next_line_is_blank(bytes, i + 1);
        if is_break {
            push_trimmed(text, start..i, &mut spans);
            start = i + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

fn next_line_is_blank(bytes: &[u8], from: usize) -> bool {
    bytes[from..]
        .iter()
        .take_while(|&&b| b != b'\n')
        .all(|b| b.is_ascii_whitespace())
        && bytes[from..].contains(&b'\n')
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

/// Byte ranges of the sentences of `text`, across paragraphs, in order.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    sentence_spans_in(text, &paragraph_spans(text))
}

/// The sentences of `text` when its paragraphs (from [`paragraph_spans`]) are at hand.
pub fn sentence_spans_in(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs {
        sentences_in(text, para.clone(), &mut out);
    }
    out
}

fn sentences_in(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    // Stops are ASCII, so a byte scan finds them without decoding the text around them.
    while let Some(at) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..para.end]) {
        let c = char::from(bytes[i + at]);
        i += at + 1;
        // Swallow repeated stops and closing marks: `?!`, `."`, `.)`, `.’`
        let mut end = i;
        for n in text[end..para.end].chars() {
            if !matches!(
                n,
                '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{bb}'
            ) {
                break;
            }
            end += n.len_utf8();
        }
        i = end;
        let rest = &text[end..para.end];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue; // no whitespace after the stop, or end of paragraph
        }
        let next = after_space.chars().next().unwrap_or(' ');
        if !can_open_sentence(next) || (c == '.' && ends_with_abbreviation(&text[start..end])) {
            continue;
        }
        push_trimmed(text, start..end, out);
        start = end;
    }
    push_trimmed(text, start..para.end, out);
}

fn can_open_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{2014}' | '-'
        )
        || (c.is_alphabetic() && !c.is_lowercase())
}

/// Is the word before the final `.` of `sentence` an abbreviation or an initial?
fn ends_with_abbreviation(sentence: &str) -> bool {
    let body = sentence.trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}']);
    let Some(body) = body.strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        sentence_spans(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_simple_sentences() {
        assert_eq!(
            sentences("One thing. Another thing! A third?"),
            ["One thing.", "Another thing!", "A third?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let t = "Mr. Smith met Sen. Jones on Jan. 5 in the U.S. capital. John F. Kennedy was not there.";
        assert_eq!(
            sentences(t),
            [
                "Mr. Smith met Sen. Jones on Jan. 5 in the U.S. capital.",
                "John F. Kennedy was not there."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        let t = "\u{201c}We will win.\u{201d} She left. \"Yes,\" he said.";
        assert_eq!(
            sentences(t),
            [
                "\u{201c}We will win.\u{201d}",
                "She left.",
                "\"Yes,\" he said."
            ]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let t = "First para\nstill first.\n\n  Second para.  \n\n\n";
        let paras: Vec<_> = paragraph_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(paras, ["First para\nstill first.", "Second para."]);
    }

    #[test]
    fn single_newlines_split_when_no_blank_lines() {
        let t = "Line one.\nLine two.";
        assert_eq!(paragraph_spans(t).len(), 2);
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            sentences("It cost 3.5 million. e.g. this one"),
            ["It cost 3.5 million. e.g. this one"]
        );
    }
}
