//! Leaked code: JavaScript, CSS and JSON blobs (page state, JSON-LD) that a scraper copied
//! along with the article, as whole lines or glued to a sentence.
//!
//! Lines are scored first (`line_score.rs`); lines that are unsure take the side of code when
//! their nearest non-blank neighbour is code, so a script block goes as one span. Prose lines
//! that still hold code-like bytes are cut at token level (`glued.rs`), keeping the sentences
//! on both sides. Everything removed is reported with kind `code`. HTML tags and template
//! markup are the `markup` stage's job, not this one's.

mod glued;
mod line_score;
mod masks;
mod quick;

use super::bytescan::line_ranges;
use super::edit::{Edit, Kind};
use line_score::{score_line, LineClass, LineScore};
use std::ops::Range;

/// Lines scoring below this hold no glued code worth a token-level look.
const MIN_GLUED_SCORE: f32 = 2.0;

/// A code line shorter than this is cut at token level when prose survives the cut...
const MAX_CUT_LINE: usize = 2000;
/// ...at least this many word-space-word pairs of it.
const PROSE_PAIRS_TO_KEEP: u32 = 3;

/// The edits that remove leaked code from `text`.
pub fn code_edits(text: &str) -> Vec<Edit> {
    if !has_code_bytes(text.as_bytes()) {
        return Vec::new();
    }
    let lines = score_lines(text);
    let classes = smooth(&lines);
    let mut edits = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (range, score) = &lines[i];
        if classes[i] == LineClass::Code && drops_whole(text, range, score) {
            let last = last_of_run(text, &lines, &classes, i);
            edits.push(Edit::remove(range.start..lines[last].0.end, Kind::Code, ""));
            i = last + 1;
            continue;
        }
        // A glued span needs at least two strong code tokens.
        if classes[i] != LineClass::Blank && score.code >= MIN_GLUED_SCORE {
            glued_edits(text, range, &mut edits);
        }
        i += 1;
    }
    edits
}

/// Does `b` hold a byte that code cannot do without (`{ } = ; | \ / (`)? Three vector
/// `memchr` scans, the commonest bytes first: most texts with none are prose, and the scans
/// cost a fraction of an instruction a byte where a fold over the eight costs more than one.
fn has_code_bytes(b: &[u8]) -> bool {
    memchr::memchr3(b'(', b'/', b';', b).is_some()
        || memchr::memchr3(b'=', b'{', b'}', b).is_some()
        || memchr::memchr2(b'|', b'\\', b).is_some()
}

/// A code line goes whole unless it is prose with code glued in, which the cut keeps.
fn drops_whole(text: &str, range: &Range<usize>, score: &LineScore) -> bool {
    if score.certain || score.prose_pairs < PROSE_PAIRS_TO_KEEP || range.len() > MAX_CUT_LINE {
        return true;
    }
    let line = &text[range.clone()];
    let mut rest = String::with_capacity(line.len());
    let mut last = 0;
    for span in glued::code_spans(line) {
        rest.push_str(&line[last..span.start]);
        rest.push(' ');
        last = span.end;
    }
    rest.push_str(&line[last..]);
    score_line(&rest).prose_pairs < PROSE_PAIRS_TO_KEEP
        || prose_token_share(&rest) < MIN_PROSE_SHARE
}

/// What is left of a cut line must read as prose: this share of its tokens plain words.
const MIN_PROSE_SHARE: f32 = 0.7;

/// Share of whitespace-separated tokens that are plain words (letters, with punctuation at
/// the edges only): `said,` and `“We` are, `.site-logo` and `a:hover` are not.
fn prose_token_share(text: &str) -> f32 {
    let edge = |c: char| !c.is_alphanumeric();
    let (mut plain, mut all) = (0usize, 0usize);
    for tok in text.split_whitespace() {
        all += 1;
        let core = tok.trim_matches(edge);
        if !core.is_empty()
            && core
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-'))
        {
            plain += 1;
        }
    }
    plain as f32 / all.max(1) as f32
}

/// Scores every line; lines that provably score as prose or blank skip the full scorer
/// (`quick.rs`).
fn score_lines(text: &str) -> Vec<(Range<usize>, LineScore)> {
    let mut out = Vec::new();
    let keywords = quick::keyword_weights(text);
    let mut next = 0;
    for line in line_ranges(text) {
        let l = &text[line.clone()];
        let first = next;
        while keywords.get(next).is_some_and(|&(k, _)| k < line.end) {
            next += 1;
        }
        let in_line = &keywords[first..next];
        let bound = in_line.iter().map(|&(_, w)| w).sum();
        let exact = || quick::line_keyword_tenths(l, in_line.iter().map(|&(k, _)| k - line.start));
        let quick = quick::zero_score(l, bound, exact);
        out.push((line, quick.unwrap_or_else(|| score_line(l))));
    }
    mark_block_comments(text, &mut out);
    out
}

/// A `/* ... */` comment longer than this many lines is not believed.
const MAX_COMMENT_LINES: usize = 300;

/// Lines inside a `/* ... */` comment that spans lines are code, prose-like as they read.
fn mark_block_comments(text: &str, lines: &mut [(Range<usize>, LineScore)]) {
    if memchr::memchr(b'*', text.as_bytes()).is_none() {
        return;
    }
    let has_star: Vec<bool> = lines
        .iter()
        .map(|(r, _)| memchr::memchr(b'*', &text.as_bytes()[r.clone()]).is_some())
        .collect();
    // For every line, the nearest line at or after it that closes a comment.
    let mut next_close = vec![usize::MAX; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        next_close[i] = if has_star[i] && text[lines[i].0.clone()].contains("*/") {
            i
        } else {
            next_close[i + 1]
        };
    }
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].0.clone()];
        let opens = has_star[i] && line.rfind("/*").is_some_and(|o| !line[o..].contains("*/"));
        let close = next_close[i + 1];
        if opens && close != usize::MAX && close - i <= MAX_COMMENT_LINES {
            for (range, score) in &mut lines[i..=close] {
                // The quick test leaves out word pairs, which the class of a bumped line needs.
                *score = score_line(&text[range.clone()]);
                score.code += 5.0;
                score.certain = true;
            }
            i = close + 1;
        } else {
            i += 1;
        }
    }
}

/// Unsure lines next to code (across blank lines) become code, in both directions.
fn smooth(lines: &[(Range<usize>, LineScore)]) -> Vec<LineClass> {
    let mut classes: Vec<LineClass> = lines.iter().map(|(_, s)| s.class()).collect();
    let mut last = LineClass::Blank;
    for class in classes.iter_mut() {
        smooth_one(class, &mut last);
    }
    let mut last = LineClass::Blank;
    for class in classes.iter_mut().rev() {
        smooth_one(class, &mut last);
    }
    classes
}

/// One step of [`smooth`]: an unsure line after code becomes code; blank lines are passed over.
#[inline]
fn smooth_one(class: &mut LineClass, last: &mut LineClass) {
    match *class {
        LineClass::Blank => {}
        LineClass::Unsure if *last == LineClass::Code => *class = LineClass::Code,
        c => *last = c,
    }
}

/// The last line of the code run starting at `i` (blank lines inside a run belong to it).
fn last_of_run(
    text: &str,
    lines: &[(Range<usize>, LineScore)],
    classes: &[LineClass],
    i: usize,
) -> usize {
    let mut last = i;
    for j in i + 1..lines.len() {
        match classes[j] {
            LineClass::Blank => {}
            LineClass::Code if drops_whole(text, &lines[j].0, &lines[j].1) => last = j,
            _ => break,
        }
    }
    last
}

/// Token-level removals inside one line.
fn glued_edits(text: &str, range: &Range<usize>, edits: &mut Vec<Edit>) {
    let line = &text[range.clone()];
    for span in glued::code_spans(line) {
        let before = line[..span.start].chars().next_back();
        let after = line[span.end..].chars().next();
        let glued_both =
            before.is_some_and(|c| !c.is_whitespace()) && after.is_some_and(|c| !c.is_whitespace());
        let sep = if glued_both { " " } else { "" };
        edits.push(Edit::remove(
            range.start + span.start..range.start + span.end,
            Kind::Code,
            sep,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply_to_str;
    use super::*;

    fn strip(t: &str) -> String {
        apply_to_str(t, &code_edits(t))
    }

    #[test]
    fn block_comments_spanning_lines_go() {
        let t = "Story text stays.\n/**\nCopyright (c) 2017 The Authors. All rights reserved.\nThis code may only be used under the BSD style license.\n*/\nMore story text.";
        assert_eq!(
            strip(t).split_whitespace().collect::<Vec<_>>().join(" "),
            "Story text stays. More story text."
        );
    }

    #[test]
    fn drops_script_block_keeps_article() {
        let t = "Title of the story\n\nwindow.privLanguage = 'EN';\nvar x = {\n\"a\": 1,\n\"b\": \"two words here\"\n};\n\nThe minister said on Monday that talks had failed.\n\nbody {\nbackground: #FCFCFC;\n}";
        assert_eq!(
            strip(t).split_whitespace().collect::<Vec<_>>().join(" "),
            "Title of the story The minister said on Monday that talks had failed."
        );
    }

    #[test]
    fn json_ld_block_goes() {
        let t = "Story text stays here.\n\n{\n\"@context\": \"http://schema.org\",\n\"@type\": \"NewsArticle\",\n\"headline\": \"US service members killed in Afghanistan helicopter crash\",\n\"author\": {\n\"@type\": \"Organization\",\n\"name\": \"Al Jazeera\"\n}\n}";
        assert_eq!(strip(t).trim(), "Story text stays here.");
    }

    #[test]
    fn glued_code_inside_prose_line() {
        let t = "\"It failed,\" she said.window.adq=window.adq||[];adq.push({slot:\"mid\"});The ministry later denied it.";
        assert_eq!(
            strip(t),
            "\"It failed,\" she said. The ministry later denied it."
        );
    }

    #[test]
    fn prose_is_untouched() {
        let t = "Prices rose (again); the index [sic] fell.\n\nShe said: \"x = y\" is math.";
        assert_eq!(strip(t), t);
    }
}
