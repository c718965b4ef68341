//! Quote extraction: who said what, with speaker, reporting verb and exact offsets, by rules
//! over the text around quote marks (no parser). Plain Rust; the binding lives in `py/quotes.rs`.
//!
//! The pipeline: [`marks`] pairs quotation marks into quoted spans; [`attribution`] finds the
//! speaker and the reporting verb around each span; [`assemble`] keeps the spans that are
//! speech, joins split quotes and carries speakers to floating quotes; [`indirect`] adds
//! reported speech without marks; [`speakers`] resolves pronouns and descriptions to names.
//! Offsets inside are bytes; [`extract`] converts them to Python `str` indices at the end.

mod after;
mod assemble;
mod attribution;
mod before;
mod clauses;
mod doc;
mod evidence;
mod frames;
mod headlines;
mod indirect;
mod lexicon;
mod marks;
mod mixed;
mod phrases;
mod questions;
mod reports;
mod speakers;
mod titles;
mod tokens;

use std::ops::Range;

use crate::text::CharOffsets;

/// How a quote is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Quoted words standing as a clause of their own: `"We will win," she said.`
    Direct,
    /// Quoted words inside the reporting clause: `She called it "a disaster."`
    Partial,
    /// Reported speech without marks: `She said (that) they would win.`
    Indirect,
}

impl QuoteKind {
    /// The name used in the Python API.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quote. All offsets are Python `str` indices (code points) into the input text, so
/// `text[start:end]` is the span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words without the outer marks; fragments joined by one space.
    pub text: String,
    /// Start of the first fragment.
    pub start: usize,
    /// End of the last fragment.
    pub end: usize,
    /// Each the inside of one pair of marks, one continued paragraph, or reported content.
    pub fragments: Vec<(usize, usize)>,
    /// The speaker as written (`he`, `the senator`, `Jane Doe`).
    pub speaker: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    /// The speaker resolved to a name: pronouns and descriptions to the nearest compatible
    /// named person earlier, titles stripped; else the mention.
    pub speaker_name: Option<String>,
    /// The reporting verb (`said`, `according to`, `:`), without auxiliaries.
    pub cue: Option<String>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub kind: QuoteKind,
}

/// Every quote of `text`, in text order.
pub fn extract(text: &str) -> Vec<Quote> {
    crate::fault::check(text);
    let doc = doc::Doc::new(text);
    let quoted = marks::quoted_spans(text, &doc.paragraphs);
    let mut drafts = assemble::assemble(&doc, &quoted);
    indirect::add_indirect(&doc, &quoted, &mut drafts);
    assemble::carry_speakers(&mut drafts);
    let names = speakers::speaker_names(&doc, &drafts);
    let offsets = CharOffsets::new(text);
    drafts
        .into_iter()
        .zip(names)
        .map(|(d, name)| finish(&doc, &offsets, d, name))
        .collect()
}

fn finish(
    doc: &doc::Doc,
    offsets: &CharOffsets,
    d: assemble::Draft,
    name: Option<String>,
) -> Quote {
    let chars = |r: &Range<usize>| offsets.char_range(r.start, r.end);
    let fragments: Vec<(usize, usize)> = d.fragments.iter().map(chars).collect();
    let text = d
        .fragments
        .iter()
        .map(|f| doc.slice(f.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let speaker = d.speaker.as_ref().map(chars);
    let cue = d.cue.as_ref().map(chars);
    Quote {
        text,
        start: fragments.first().map_or(0, |f| f.0),
        end: fragments.last().map_or(0, |f| f.1),
        fragments,
        speaker: d.speaker.map(|r| doc.slice(r).to_string()),
        speaker_start: speaker.map(|s| s.0),
        speaker_end: speaker.map(|s| s.1),
        speaker_name: name,
        cue: d.cue.map(|r| doc.slice(r).to_string()),
        cue_start: cue.map(|c| c.0),
        cue_end: cue.map(|c| c.1),
        kind: d.kind,
    }
}
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Every offset indexes the text at char boundaries and slices what the quote says.
    fn check(text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
        for q in extract(text) {
            assert!(!q.fragments.is_empty());
            for &(s, e) in &q.fragments {
                assert!(s <= e && e <= chars.len(), "{s}..{e} in {text:?}");
            }
            let joined: Vec<String> = q.fragments.iter().map(|&(s, e)| slice(s, e)).collect();
            assert_eq!(q.text, joined.join(" "));
            if let (Some(s), Some(e), Some(speaker)) = (q.speaker_start, q.speaker_end, &q.speaker)
            {
                assert_eq!(&slice(s, e), speaker);
            }
            if let (Some(s), Some(e), Some(cue)) = (q.cue_start, q.cue_end, &q.cue) {
                assert_eq!(&slice(s, e), cue);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_unicode_text(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn strings_of_marks(text in "[\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{ab}\u{bb}\u{201e}\u{2039}\u{203a}<> .,:;?!\n\u{2014}\u{2015}-]{0,60}") {
            check(&text);
        }

        #[test]
        fn marks_among_words(text in "((said|told|He|Jane Doe|Mr\\.|w\u{f6}rd|\u{1f600}|according to|, |: |\n\n)|[\"'\u{201c}\u{201d}\u{2019} ]){0,40}") {
            check(&text);
        }
    }
}

#[cfg(test)]
mod dbg {
    /// A development aid, not a check: prints what the rules find in one file around a
    /// phrase. `DBG_DOC=path DBG_AT=phrase cargo test --lib dbg_doc -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn dbg_doc() {
        let path = std::env::var("DBG_DOC").unwrap_or_default();
        let Ok(t) = std::fs::read_to_string(&path) else {
            return;
        };
        let at = std::env::var("DBG_AT").unwrap_or_default();
        let Some(pos) = t.find(&at) else { return };
        let doc = super::doc::Doc::new(&t);
        let marked = super::marks::quoted_spans(&t, &doc.paragraphs);
        for (i, m) in marked.iter().enumerate() {
            if m.open + 600 > pos && m.open < pos + 600 {
                let a = super::attribution::attribute(&doc, &marked, i);
                eprintln!(
                    "{:?} {:?}\n   -> {:?}",
                    m.fragments,
                    m.fragments
                        .iter()
                        .map(|f| &t[f.clone()])
                        .collect::<Vec<_>>(),
                    a.map(|a| (
                        a.speaker.map(|s| &t[s]),
                        a.cue.map(|c| &t[c]),
                        a.intro,
                        a.after
                    ))
                );
            }
        }
        for s in &doc.sentences {
            if s.start + 300 > pos && s.start < pos + 300 {
                eprintln!("SENT {:?}", &t[s.clone()]);
            }
        }
    }
}
