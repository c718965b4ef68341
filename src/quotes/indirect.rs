//! Reported speech without quote marks, kind `indirect`: `S said (that) <content>.`,
//! `<content>, S said.` and `According to S, <content>.` The content is the reported clause
//! to the end (or from the start) of the sentence.
//!
//! Only sentences with no quotation marks are read: a sentence holding a quoted span was
//! already attributed by `attribution.rs`. Conservative on purpose: the subject must open the
//! sentence (or follow a short opening phrase and a comma) and the content must be a clause
//! of a few words, so that `the state said no` is not mistaken for speech.

use std::ops::Range;

use super::after::trailing;
use super::assemble::Draft;
use super::clauses::looks_like_clause;
use super::doc::Doc;
use super::lexicon::{self, INDIRECT};
use super::marks::Marked;
use super::phrases::{lower, np_after, np_before, subject_is_plausible};
use super::tokens::Tok;
use super::QuoteKind;

/// Fewest words of reported content.
const MIN_CONTENT_WORDS: usize = 4;
/// Farthest into the sentence the reporting verb may stand, in tokens.
const MAX_VERB_POSITION: usize = 24;
/// Most words of an opening phrase before the subject (`In law school and in meetings early
/// in her career, she said ...`).
const MAX_OPENING_WORDS: usize = 12;

/// Adds the indirect quotes of the article to `drafts`, keeping text order.
pub fn add_indirect(doc: &Doc, quoted: &[Marked], drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    let mut next_quote = 0;
    for sentence in &doc.sentences {
        while next_quote < quoted.len() && quoted[next_quote].close <= sentence.start {
            next_quote += 1;
        }
        if quoted
            .get(next_quote)
            .is_some_and(|q| q.open < sentence.end)
        {
            continue; // the sentence holds (part of) a quoted span
        }
        if let Some(d) = reported(doc, sentence.clone()) {
            found.push(d);
        }
    }
    if found.is_empty() {
        return;
    }
    drafts.extend(found);
    drafts.sort_by_key(|d| d.fragments.first().map_or(0, |f| f.start));
}

/// The indirect quote of one sentence, if it reports speech.
fn reported(doc: &Doc, sentence: Range<usize>) -> Option<Draft> {
    let toks = doc.tokens(sentence.clone());
    let valid = |(content, speaker, cue): Found| {
        let content = trim_content(doc.text, content)?;
        let words = crate::text::words::word_spans(doc.slice(content.clone())).count();
        (words >= MIN_CONTENT_WORDS).then_some((content, speaker, cue))
    };
    let (content, speaker, cue) = according_to_first(doc.text, toks)
        .and_then(valid)
        .or_else(|| trailing_attribution(doc.text, toks).and_then(valid))
        .or_else(|| subject_verb_content(doc.text, toks).and_then(valid))?;
    Some(Draft {
        fragments: vec![content],
        speaker,
        cue: Some(cue),
        kind: QuoteKind::Indirect,
        paragraph: doc.paragraph_at(sentence.start),
        floating: false,
    })
}

type Found = (Range<usize>, Option<Range<usize>>, Range<usize>);

fn word_is(text: &str, t: Option<&Tok>, w: &str) -> bool {
    t.is_some_and(|t| t.is_word() && t.text(text).eq_ignore_ascii_case(w))
}

/// `According to S, <content>.`
fn according_to_first(text: &str, toks: &[Tok]) -> Option<Found> {
    if !(word_is(text, toks.first(), "according") && word_is(text, toks.get(1), "to")) {
        return None;
    }
    let comma = toks.iter().position(|t| t.is_punct(','))?;
    if !looks_like_clause(text, &toks[comma + 1..]) {
        return None;
    }
    let speaker = np_after(text, toks, 2).map(|(a, b)| toks[a].start..toks[b - 1].end);
    let content = toks.get(comma + 1)?.start..toks.last()?.end;
    Some((content, speaker, toks[0].start..toks[1].end))
}

/// `<content>, S said.` / `<content>, said S.` / `<content>, according to S.`
fn trailing_attribution(text: &str, toks: &[Tok]) -> Option<Found> {
    let (comma, a) = trailing(text, toks)?;
    let cue = a.cue?;
    let cue_word = text.get(cue.clone()).unwrap_or("");
    if !cue_word.eq_ignore_ascii_case("according to")
        && lexicon::lookup(cue_word).is_none_or(|c| !c.can(INDIRECT))
    {
        return None;
    }
    if !looks_like_clause(text, &toks[..comma]) {
        return None;
    }
    let content = toks.first()?.start..toks[comma].start;
    Some((content, a.speaker, cue))
}

/// `S said (that) <content>.` with the subject at the start of the sentence.
fn subject_verb_content(text: &str, toks: &[Tok]) -> Option<Found> {
    let limit = toks.len().min(MAX_VERB_POSITION);
    let verb = (1..limit).find(|&j| is_reporting_verb(text, toks, j))?;
    let (a, b) = np_before(text, toks, verb)?;
    if !opens_clause(text, toks, a) || !subject_is_plausible(text, toks, (a, b)) {
        return None;
    }
    let mut k = verb + 1;
    if takes_object(text, &toks[verb]) {
        k = np_after(text, toks, k).map_or(k, |(_, end)| end);
    }
    let that = word_is(text, toks.get(k), "that");
    if that {
        k += 1;
    }
    let first = toks.get(k).filter(|t| t.is_word())?;
    if !that && !looks_like_clause(text, &toks[k..]) {
        return None;
    }
    let speaker = Some(toks[a].start..toks[b - 1].end);
    Some((first.start..toks.last()?.end, speaker, toks[verb].range()))
}

fn is_reporting_verb(text: &str, toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let w = t.text(text);
    let prev = j
        .checked_sub(1)
        .map(|p| &toks[p])
        .filter(|p| p.is_word())
        .map(|p| p.text(text));
    t.is_word()
        && w.chars().next().is_some_and(char::is_lowercase)
        && lexicon::cue_at(w, prev).is_some_and(|c| c.can(INDIRECT) && !c.gerund && !c.nominal)
}

/// Does the subject at token `a` open the sentence, or follow an opening phrase and comma?
fn opens_clause(text: &str, toks: &[Tok], a: usize) -> bool {
    let before = &toks[..a];
    let conjunction = |t: &Tok| {
        let mut buf = [0u8; 16];
        lower(t.text(text), &mut buf)
            .is_some_and(|w| matches!(w, "but" | "and" | "yet" | "still" | "so"))
    };
    if before.iter().all(|t| !t.is_word() || conjunction(t)) {
        return true;
    }
    before.last().is_some_and(|t| t.is_punct(','))
        && before.iter().filter(|t| t.is_word()).count() <= MAX_OPENING_WORDS
        && !before
            .iter()
            .any(|t| t.is_word() && is_subordinator(t.text(text)))
}

fn is_subordinator(word: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| {
        matches!(
            w,
            "if" | "when"
                | "because"
                | "although"
                | "though"
                | "while"
                | "as"
                | "since"
                | "whether"
        )
    })
}

/// Verbs whose hearer comes before the content: `told reporters (that) ...`.
fn takes_object(text: &str, t: &Tok) -> bool {
    let mut buf = [0u8; 16];
    lower(t.text(text), &mut buf).is_some_and(|w| {
        matches!(
            w,
            "told"
                | "tells"
                | "tell"
                | "informed"
                | "informs"
                | "reminded"
                | "reminds"
                | "assured"
                | "assures"
                | "warned"
                | "warns"
                | "advised"
                | "advises"
        )
    })
}

/// The content without surrounding spaces and the sentence's final punctuation.
fn trim_content(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(content.clone())?;
    let trimmed =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ',' | ';'));
    let lead = trimmed.len() - trimmed.trim_start().len();
    let body = trimmed.trim_start();
    (!body.is_empty()).then(|| content.start + lead..content.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indirect(t: &str) -> Vec<(String, Option<String>, String)> {
        let doc = Doc::new(t);
        let mut drafts = Vec::new();
        add_indirect(&doc, &[], &mut drafts);
        drafts
            .into_iter()
            .map(|d| {
                (
                    t[d.fragments[0].clone()].to_string(),
                    d.speaker.map(|s| t[s].to_string()),
                    t[d.cue.unwrap()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn subject_said_that() {
        let got =
            indirect("Federal officials said the two raised $350 million through the program.");
        assert_eq!(
            got,
            [(
                "the two raised $350 million through the program".into(),
                Some("Federal officials".into()),
                "said".into()
            )]
        );
        let got = indirect("On Monday, Trump told reporters that he would win the state.");
        assert_eq!(got[0].0, "he would win the state");
    }

    #[test]
    fn trailing_and_according_to() {
        let got =
            indirect("Clinton beats Trump by 46 percent to 42 percent, according to the poll.");
        assert_eq!(got[0].0, "Clinton beats Trump by 46 percent to 42 percent");
        assert_eq!(got[0].1.as_deref(), Some("the poll"));
        let got = indirect("The economy is growing fast now, she said.");
        assert_eq!(got[0].0, "The economy is growing fast now");
        let got = indirect("According to exit polls, Romney had a ten-point lead.");
        assert_eq!(got[0].0, "Romney had a ten-point lead");
    }

    #[test]
    fn not_speech() {
        assert!(indirect("The state said no.").is_empty());
        assert!(indirect("He said nothing about the plan at all.").is_empty());
        assert!(indirect("She walked home after the rally ended.").is_empty());
    }
}
