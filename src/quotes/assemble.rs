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
use super::lexicon;
use super::marks::{Family, Marked};
use super::titles::{name_kind, Name};
use super::QuoteKind;

/// Fewest words for an unattributed quote that opens its sentence.
const MIN_FLOATING_WORDS: usize = 4;
/// Fewest words for an unattributed quote inside a sentence.
const MIN_EMBEDDED_WORDS: usize = 8;
/// Farthest a verb may stand before a quoted name it governs, in words.
const MAX_NAME_GOVERNOR_GAP: usize = 8;
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
    /// A quote with no attribution of its own, which takes the previous quote's speaker.
    pub floating: bool,
}

impl Draft {
    fn new(
        q: &Marked,
        speaker: Option<Range<usize>>,
        cue: Option<Range<usize>>,
        kind: QuoteKind,
        paragraph: usize,
    ) -> Self {
        let floating = cue.is_none() && speaker.is_none();
        Draft {
            fragments: q.fragments.clone(),
            speaker,
            cue,
            kind,
            paragraph,
            floating,
        }
    }

    fn absorb(&mut self, q: &Marked, paragraph: usize) {
        self.fragments.extend(q.fragments.iter().cloned());
        self.paragraph = paragraph;
    }

    fn end(&self) -> usize {
        self.fragments.last().map_or(0, |f| f.end)
    }
}

/// Attributes, filters and joins the quoted spans of one article.
pub fn assemble(doc: &Doc, quotes: &[Marked]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let opens = opens_sentence(doc, q);
        let attribution = attribute(doc, quotes, i);
        let introduced = attribution.as_ref().is_some_and(|a| a.intro && !a.after);
        let name = if opens || introduced {
            Name::No
        } else {
            name_kind(doc, q)
        };
        let governed = attribution
            .as_ref()
            .is_some_and(|a| verb_governs(doc, a, q));
        if name == Name::Surely || (name == Name::Maybe && !governed) {
            continue; // a title or a nickname, not speech
        }
        let paragraph = doc.paragraph_at(q.inner_end());
        match attribution {
            Some(a) => add_attributed(doc, &mut out, q, a, opens, paragraph),
            None => add_unattributed(doc, &mut out, q, opens, paragraph),
        }
    }
    out
}

fn add_attributed(
    doc: &Doc,
    out: &mut Vec<Draft>,
    q: &Marked,
    a: Attribution,
    opens: bool,
    paragraph: usize,
) {
    if let Some(prev) = out.last_mut() {
        // `"Q1," S said, "Q2."` / `S called it "Q1" and "Q2"`: both hang on the same verb.
        if a.cue.is_some() && prev.cue == a.cue || participle_aside(doc, prev, q, &a) {
            prev.absorb(q, paragraph);
            return;
        }
    }
    let direct = a.intro && (opens || !a.after);
    let kind = if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    out.push(Draft::new(q, a.speaker, a.cue, kind, paragraph));
}

/// `"Q1," Tester said, referring to the excuse, "Q2."`: a participle phrase set off by
/// commas between the halves of a split quote adds to the attribution of the first half; it
/// does not attribute the second.
fn participle_aside(doc: &Doc, prev: &Draft, q: &Marked, a: &Attribution) -> bool {
    let (Some(prev_cue), Some(cue)) = (prev.cue.as_ref(), a.cue.as_ref()) else {
        return false;
    };
    let trailing_attribution = prev_cue.start >= prev.end() && prev_cue.end <= cue.start;
    // `, adding later, "Q2"`, `, asking her, "Q2"`: a verb of speech introduces the second
    // half itself.
    let word = doc.slice(cue.clone());
    let participle = word.ends_with("ing")
        && !super::lexicon::lookup(word).is_some_and(|c| c.can(super::lexicon::DIRECT));
    let closed_by_comma = doc.slice(cue.end..q.open).trim_end().ends_with(',');
    trailing_attribution
        && participle
        && closed_by_comma
        && cue.end <= q.open
        && same_sentence(doc, prev.end(), q.open)
}

fn add_unattributed(doc: &Doc, out: &mut Vec<Draft>, q: &Marked, opens: bool, paragraph: usize) {
    if q.family == Family::Single {
        return;
    }
    let first_paragraph = doc.paragraph_at(q.open);
    if let Some(prev) = out.last_mut() {
        // `"Q1," S said. "Q2."` continues the same quote; `S said "Q1" to them, "Q2"` too.
        let continues =
            opens && prev.paragraph == first_paragraph && prev.kind != QuoteKind::Indirect;
        if continues || same_sentence(doc, prev.end(), q.open) {
            prev.absorb(q, paragraph);
            return;
        }
    }
    let words = q
        .fragments
        .iter()
        .map(|f| word_count(doc.slice(f.clone())))
        .sum::<usize>();
    if opens && words >= MIN_FLOATING_WORDS {
        out.push(Draft::new(q, None, None, QuoteKind::Direct, paragraph));
    } else if words >= MIN_EMBEDDED_WORDS {
        out.push(Draft::new(q, None, None, QuoteKind::Partial, paragraph));
    }
}

/// Does a reporting verb right before the quote govern it (`Trump proclaimed a goal of
/// "Peace Through Strength"`)? A name in quote marks is speech only then.
fn verb_governs(doc: &Doc, a: &Attribution, q: &Marked) -> bool {
    let Some(cue) = a.cue.clone().filter(|c| !a.after && c.end <= q.open) else {
        return false;
    };
    let noun = lexicon::lookup(doc.slice(cue.clone())).is_some_and(|c| c.nominal && c.flags == 0);
    // `sings to Clinton in a preview clip of "The 411"`, `listed when the "War On Drugs" was`:
    // a name deep in prepositional phrases (one or two are fine: `proclaimed a goal of "Peace
    // Through Strength"`) or inside a clause of its own is not what the verb reports.
    let between = doc.tokens(cue.end..q.open);
    let prepositions = between
        .iter()
        .filter(|t| {
            t.is_word()
                && [
                    "of", "in", "on", "at", "from", "with", "about", "for", "by", "to",
                ]
                .iter()
                .any(|p| t.text(doc.text).eq_ignore_ascii_case(p))
        })
        .count();
    let after_preposition = prepositions >= 3;
    let clause_between = between.iter().any(|t| {
        t.is_word()
            && ["when", "where", "which", "who", "because", "while", "if"]
                .iter()
                .any(|c| t.text(doc.text).eq_ignore_ascii_case(c))
    });
    !noun
        && !after_preposition
        && !clause_between
        && word_count(doc.slice(cue.end..q.open)) <= MAX_NAME_GOVERNOR_GAP
}

/// A floating quote takes the speaker (and the reporting verb) of the quote before it (direct
/// or reported), if that one is at most [`FLOATING_REACH`] paragraphs back. `drafts` are in
/// text order.
pub fn carry_speakers(drafts: &mut [Draft]) {
    for i in 1..drafts.len() {
        if !drafts[i].floating {
            continue;
        }
        let first_paragraph = drafts[i].paragraph;
        let prev = &drafts[i - 1];
        if prev.paragraph + FLOATING_REACH >= first_paragraph {
            // The speech goes on: the same speaker, under the same reporting verb.
            let (speaker, cue) = (prev.speaker.clone(), prev.cue.clone());
            drafts[i].speaker = speaker;
            drafts[i].cue = cue;
        }
    }
}

fn same_sentence(doc: &Doc, a: usize, b: usize) -> bool {
    let sa = doc.sentence_at(a.saturating_sub(1)).map(|s| s.start);
    sa.is_some() && sa == doc.sentence_at(b).map(|s| s.start)
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

#[cfg(test)]
mod tests {
    use super::super::marks::quoted_spans;
    use super::*;
    use crate::quotes::extract;

    fn texts(t: &str) -> Vec<String> {
        extract(t).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn a_name_is_speech_only_when_a_verb_governs_it() {
        let t = "In his speech, Trump proclaimed a goal of \"Peace Through Strength.\"";
        // The verb's object with the quote is a mixed quotation too (`mixed.rs`).
        assert_eq!(
            texts(t),
            [
                "a goal of \"Peace Through Strength.\"",
                "Peace Through Strength."
            ]
        );
        // Deep in prepositional phrases, or behind a clause of its own: a title.
        let t = "Blige sings to Clinton in a preview clip of a part of \"The Big Show.\"";
        assert!(texts(t).is_empty());
        let t = "The article wrongly listed when the \"War On Drugs\" was introduced.";
        assert!(texts(t).is_empty());
    }

    #[test]
    fn a_participle_between_halves_keeps_the_split_quote_whole() {
        let t = "\u{201c}Every time you say that,\u{201d} Tester said, referring to the excuse, \u{201c}you give ammunition to the people.\u{201d}";
        let doc = Doc::new(t);
        let drafts = assemble(&doc, &quoted_spans(t, &doc.paragraphs));
        assert_eq!(drafts.len(), 1);
        assert_eq!(&t[drafts[0].cue.clone().unwrap()], "said");
        assert_eq!(drafts[0].fragments.len(), 2);
    }

    #[test]
    fn floating_quotes_take_speaker_and_cue() {
        let t = "\"We will win,\" Jane Doe said.\n\n\"There is no doubt about it at all.\"";
        let found = extract(t);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(found[1].cue.as_deref(), Some("said"));
    }
}
