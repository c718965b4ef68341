//! From attributed quoted spans to quotes: decides which spans are speech, joins the pieces
//! of a split quote (`"Q1," S said. "Q2."`, `"Q1," S said, "Q2."`), and lets a floating quote
//! paragraph take the speaker of the quote before it.
//!
//! Precision lives here: a quoted span with no attribution is kept only when it reads like
//! speech (it opens its sentence and has a few words, or it is long); scare quotes, titles
//! and nicknames (`Robert C. "Bobby" Scott`, CNN's `"State of the Union"`) are dropped unless
//! a reporting verb governs them.

use std::ops::Range;

use super::attribution::{attribute, Attribution};
use super::doc::Doc;
use super::marks::{Family, Marked};
use super::QuoteKind;

/// Fewest words for an unattributed quote that opens its sentence.
const MIN_FLOATING_WORDS: usize = 4;
/// Fewest words for an unattributed quote inside a sentence.
const MIN_EMBEDDED_WORDS: usize = 8;
/// How many paragraphs back a floating quote may look for its speaker.
const FLOATING_REACH: usize = 2;

/// A quote before offsets are converted and names resolved: byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub fragments: Vec<Range<usize>>,
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub kind: QuoteKind,
    /// Paragraph of the last fragment.
    pub paragraph: usize,
}

/// Attributes, filters and joins the quoted spans of one article.
pub fn assemble(doc: &Doc, quotes: &[Marked]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let attribution = attribute(doc, quotes, i);
        let paragraph = doc.paragraph_at(q.inner_end());
        let opens_sentence = opens_sentence(doc, q);
        match attribution {
            Some(a) => add_attributed(&mut out, q, a, opens_sentence, paragraph),
            None => add_unattributed(doc, &mut out, q, opens_sentence, paragraph),
        }
    }
    out
}

fn add_attributed(out: &mut Vec<Draft>, q: &Marked, a: Attribution, opens: bool, paragraph: usize) {
    let direct = a.intro && (opens || !a.after);
    if let Some(prev) = out.last_mut() {
        // `"Q1," S said, "Q2."`: both halves hang on the same verb.
        if a.cue.is_some() && prev.cue == a.cue {
            prev.fragments.extend(q.fragments.iter().cloned());
            prev.paragraph = paragraph;
            return;
        }
    }
    let kind = if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    out.push(Draft {
        fragments: q.fragments.clone(),
        speaker: a.speaker,
        cue: a.cue,
        kind,
        paragraph,
    });
}

fn add_unattributed(doc: &Doc, out: &mut Vec<Draft>, q: &Marked, opens: bool, paragraph: usize) {
    let words = q
        .fragments
        .iter()
        .map(|f| word_count(doc.slice(f.clone())))
        .sum::<usize>();
    if q.family == Family::Single || words < MIN_FLOATING_WORDS {
        return;
    }
    let first_paragraph = doc.paragraph_at(q.open);
    if opens {
        if let Some(prev) = out.last_mut() {
            // `"Q1," S said. "Q2."`: the second sentence continues the same quote.
            if prev.paragraph == first_paragraph && prev.kind == QuoteKind::Direct {
                prev.fragments.extend(q.fragments.iter().cloned());
                prev.paragraph = paragraph;
                return;
            }
        }
        let speaker = out
            .last()
            .filter(|p| {
                p.kind != QuoteKind::Indirect && p.paragraph + FLOATING_REACH >= first_paragraph
            })
            .and_then(|p| p.speaker.clone());
        out.push(Draft {
            fragments: q.fragments.clone(),
            speaker,
            cue: None,
            kind: QuoteKind::Direct,
            paragraph,
        });
        return;
    }
    if words >= MIN_EMBEDDED_WORDS {
        let kind = QuoteKind::Partial;
        out.push(Draft {
            fragments: q.fragments.clone(),
            speaker: None,
            cue: None,
            kind,
            paragraph,
        });
    }
}

/// Does the quote open its sentence (nothing but punctuation before it)?
fn opens_sentence(doc: &Doc, q: &Marked) -> bool {
    let start = doc
        .sentence_at(q.open)
        .map_or(q.open, |s| s.start.min(q.open));
    !doc.slice(start..q.open).chars().any(char::is_alphanumeric)
}

fn word_count(s: &str) -> usize {
    crate::text::words::word_spans(s).count()
}
