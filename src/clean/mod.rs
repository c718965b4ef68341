//! Cleaning: scraped article text (or a raw page) in, clean prose out, with an audit trail of
//! every removal. This module is plain Rust; the binding lives in `py/clean.rs`.
//!
//! The pipeline, each step switchable in [`CleanOptions`]:
//! 1. `html`: a raw page becomes the text of its main content (`html/`);
//! 2. character repair: HTML entities, mojibake, control characters, NFC;
//! 3. removals: leaked markup and code, metadata lines, boilerplate;
//! 4. structure: hard-wrapped lines joined, end-of-line hyphenation repaired, optional quote
//!    straightening, whitespace.
//!
//! Every step is a function from the current text to [`edit::Edit`]s; [`edit::Tracked`] applies
//! them and, for [`clean_report`], carries every removal back to input offsets.

mod blocks;
mod boilerplate;
mod bytescan;
mod code;
mod codepages;
mod control;
mod edit;
mod entities;
mod entity_names;
mod gates;
mod html;
mod markup;
mod metadata;
mod mojibake;
mod nfc;
#[cfg(test)]
mod properties;
mod structure;
mod whitespace;

pub use edit::Kind;
pub use whitespace::normalize_whitespace;

use crate::text::CharOffsets;
use edit::Tracked;
use gates::Gates;
use std::ops::Range;

/// Options of [`clean`]; `Default` gives what a news analyst wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanOptions {
    /// The input is a raw HTML page: extract its main content first.
    pub html: bool,
    /// Decode HTML entities, double-escaped and half-broken ones included.
    pub entities: bool,
    /// Repair UTF-8 that was read as a single-byte code page.
    pub mojibake: bool,
    /// Remove control characters; C1 controls become their Windows-1252 characters.
    pub control: bool,
    /// Compose characters to Unicode NFC.
    pub nfc: bool,
    /// Remove leaked code: JavaScript, CSS, JSON blobs, HTML tags and template markup.
    pub code: bool,
    /// Remove metadata: date fields, datelines, bylines, "Updated ..." lines, wire sign-offs.
    pub metadata: bool,
    /// Remove boilerplate: share prompts, navigation, pitches, notices, credits, footers.
    pub boilerplate: bool,
    /// Join hard-wrapped lines into paragraphs and repair end-of-line hyphenation.
    pub join_lines: bool,
    /// Straighten curly quotes and apostrophes (off by default: quote extraction uses them).
    pub normalize_quotes: bool,
    /// Fold runs of spaces, tabs, no-break and zero-width spaces; CRLF to LF; keep paragraph
    /// breaks as one blank line.
    pub whitespace: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            html: false,
            entities: true,
            mojibake: true,
            control: true,
            nfc: true,
            code: true,
            metadata: true,
            boilerplate: true,
            join_lines: true,
            normalize_quotes: false,
            whitespace: true,
        }
    }
}

/// One removal of [`clean_report`]: `start..end` are code-point offsets into the input (a
/// Python `str` slice), `text` is exactly that slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: String,
}

/// The cleaned text and every removal that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanReport {
    pub text: String,
    pub removed: Vec<Removal>,
}

/// Cleans one text with `options`.
pub fn clean(text: &str, options: &CleanOptions) -> String {
    run(text, options, false).finish().0
}

/// Cleans one text and reports every removal with its offsets into `text`.
pub fn clean_report(text: &str, options: &CleanOptions) -> CleanReport {
    let (out, raw) = run(text, options, true).finish();
    let offsets = CharOffsets::new(text);
    let removed = raw
        .into_iter()
        .map(|r| {
            let (start, end) = offsets.char_range(r.range.start, r.range.end);
            Removal {
                start,
                end,
                kind: r.kind,
                text: text[r.range].to_string(),
            }
        })
        .collect();
    CleanReport { text: out, removed }
}

/// Byte ranges of `text` that cleaning treats as leaked page code: script, style and JSON
/// lines, code glued into a sentence, HTML tags and template markup. Sorted and disjoint. These
/// are the finders of the `code` step themselves, run on `text` as it is and without rewriting
/// it, so another engine (copy detection) can pass over the same junk at little cost.
pub fn leaked_code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = markup::markup_edits(text)
        .into_iter()
        .chain(code::code_edits(text))
        .map(|e| e.range)
        .collect();
    merge_ranges(&mut ranges);
    ranges
}

/// Byte ranges of `text` that cleaning removes as metadata: date and time lines, bylines,
/// field lines, `Updated ...` lines, a dateline opening the first paragraph, wire sign-offs.
/// Sorted and disjoint; the `metadata` step's own finder.
pub fn metadata_ranges(text: &str) -> Vec<Range<usize>> {
    metadata::metadata_edits(text)
        .into_iter()
        .map(|e| e.range)
        .collect()
}

/// Sorts `ranges` and merges those that overlap or touch.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// Runs the pipeline; `track` keeps the offset map for the report.
fn run(input: &str, o: &CleanOptions, track: bool) -> Tracked {
    crate::fault::check(input);
    let mut t = Tracked::new(input, track);
    step(&mut t, o.html, html::html_edits);
    text_passes(&mut t, o);
    t
}

/// Most inputs are stable after one pass.
const MAX_PASSES: usize = 4;

/// Runs the text pipeline until a pass changes nothing. A removal can bring together what a
/// repair needs (mojibake split by a tag), so one pass is not always a fixed point; repeating
/// makes `clean(clean(x)) == clean(x)` hold. Clean text takes one pass. (A pass whose edits
/// all undo each other is repeated up to the bound for nothing, which is harmless.)
fn text_passes(t: &mut Tracked, o: &CleanOptions) {
    let mut measured = boilerplate::Measured::default();
    for _ in 0..MAX_PASSES {
        let before = t.changes();
        text_pass(t, o, &mut measured);
        if t.changes() == before {
            return;
        }
    }
}

/// One pass of every text step. The character-repair steps run only where their gate says
/// the text has bytes they look for (`gates.rs`); boilerplate units unchanged since the last
/// pass keep their measurements (`measured`).
fn text_pass(t: &mut Tracked, o: &CleanOptions, measured: &mut boilerplate::Measured) {
    if o.entities {
        entities::decode(t);
    }
    let mut gates = Gates::new(t);
    step(t, o.control && gates.c0(t), control::c0_edits);
    if o.mojibake && gates.mojibake(t) {
        mojibake::repair(t);
    }
    step(t, o.control && gates.c1(t), control::c1_edits);
    step(t, o.nfc && gates.nfc(t), nfc::nfc_edits);
    step(t, o.code, markup::markup_edits);
    step(t, o.code, code::code_edits);
    step(t, o.metadata, metadata::metadata_edits);
    boilerplate_and_join(t, o, measured);
    step(t, o.normalize_quotes, structure::straight_quote_edits);
    step(
        t,
        o.whitespace && gates.whitespace(t),
        whitespace::whitespace_edits,
    );
}

/// The boilerplate and line-joining steps, which both read the text's blocks: the blocks are
/// found once, and found again only when boilerplate has removed something.
fn boilerplate_and_join(t: &mut Tracked, o: &CleanOptions, measured: &mut boilerplate::Measured) {
    if !o.boilerplate && !o.join_lines {
        return;
    }
    let mut found = blocks::blocks(t.text());
    if o.boilerplate {
        let edits = boilerplate::boilerplate_edits_in(t.text(), &found, measured);
        if !edits.is_empty() {
            t.apply(&edits);
            found = blocks::blocks(t.text());
        }
    }
    if o.join_lines {
        let edits = structure::join_edits_in(t.text(), &found);
        t.apply(&edits);
    }
}

/// Runs one edit-producing step when `on`.
fn step(t: &mut Tracked, on: bool, edits: fn(&str) -> Vec<edit::Edit>) {
    if on {
        let e = edits(t.text());
        t.apply(&e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_folds() {
        let text = "Cafe\u{301}  au\u{a0}lait\r\n\r\n\r\nNext\tpara ";
        assert_eq!(
            clean(text, &CleanOptions::default()),
            "Caf\u{e9} au lait\n\nNext para"
        );
    }

    #[test]
    fn options_switch_steps_off() {
        let off = CleanOptions {
            nfc: false,
            whitespace: false,
            ..CleanOptions::default()
        };
        assert_eq!(clean("e\u{301}  x", &off), "e\u{301}  x");
    }

    #[test]
    fn range_finders_point_at_junk() {
        let text = "LONDON (Reuters) - Shares rose <b>sharply</b> on Monday, traders said.\nwindow.a = 1;\nText.";
        let code: Vec<&str> = leaked_code_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(code, ["<b>", "</b>", "window.a = 1;"]);
        let meta: Vec<&str> = metadata_ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(meta, ["LONDON (Reuters) - "]);
    }

    #[test]
    fn idempotent_on_examples() {
        let opts = CleanOptions::default();
        for t in [
            "",
            " ",
            "a\n\n\n\nb",
            "x\u{200b}y",
            "\u{feff}Hello\r\nworld",
            "A \u{3000} B",
        ] {
            let once = clean(t, &opts);
            assert_eq!(clean(&once, &opts), once, "{t:?}");
        }
    }
}
