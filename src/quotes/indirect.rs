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
use super::marks::{Family, Marked};
use super::phrases::{is_np_word, lower, np_after, np_before, subject_is_plausible};
use super::tokens::Tok;
use super::QuoteKind;

/// Fewest words of reported content.
const MIN_CONTENT_WORDS: usize = 4;
/// Farthest into the sentence the reporting verb may stand, in tokens.
const MAX_VERB_POSITION: usize = 24;
/// Most words of an opening phrase before the subject (`In law school and in meetings early
/// in her career, she said ...`).
const MAX_OPENING_WORDS: usize = 20;
/// Most words of a subject that opens the sentence before the phrase next to the verb.
const MAX_SUBJECT_WORDS: usize = 8;
/// Most words of an attribution set off by commas (`, the agency said in a June report,`).
const MAX_PARENTHETICAL_WORDS: usize = 10;
/// Most words before an attribution set off by commas.
const MAX_PARENTHETICAL_SUBJECT: usize = 6;
/// Verbs of evidence and belief that report content only with `that` (`the study found
/// that ...`); bare, they mostly take objects (`found a way`, `announced a plan`).
const NEEDS_THAT: &[&str] = &[
    "find",
    "finds",
    "found",
    "show",
    "shows",
    "showed",
    "shown",
    "suggest",
    "suggests",
    "suggested",
    "announce",
    "announces",
    "announced",
    "deny",
    "denies",
    "denied",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "believe",
    "believes",
    "believed",
    "expect",
    "expects",
    "expected",
    "hope",
    "hopes",
    "hoped",
    "feel",
    "feels",
    "felt",
    "know",
    "knows",
    "knew",
    "indicate",
    "indicates",
    "indicated",
    "reveal",
    "reveals",
    "revealed",
    "estimate",
    "estimates",
    "estimated",
    "fear",
    "fears",
    "feared",
    "doubt",
    "doubts",
    "doubted",
];

/// Adds the indirect quotes of the article to `drafts`, keeping text order.
pub fn add_indirect(doc: &Doc, quoted: &[Marked], drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    let mut next_quote = 0;
    for sentence in &doc.sentences {
        while next_quote < quoted.len() && quoted[next_quote].close <= sentence.start {
            next_quote += 1;
        }
        let holds_quote = quoted[next_quote..]
            .iter()
            .take_while(|q| q.open < sentence.end)
            .any(|q| q.family == Family::Double);
        if holds_quote {
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
        let content: Vec<Range<usize>> = content
            .into_iter()
            .filter_map(|c| trim_content(doc.text, c))
            .collect();
        let words: usize = content
            .iter()
            .map(|c| crate::text::words::word_spans(doc.slice(c.clone())).count())
            .sum();
        (words >= MIN_CONTENT_WORDS).then_some((content, speaker, cue))
    };
    let (content, speaker, cue) = according_to_first(doc.text, toks)
        .and_then(valid)
        .or_else(|| trailing_attribution(doc.text, toks).and_then(valid))
        .or_else(|| parenthetical_attribution(doc.text, toks).and_then(valid))
        .or_else(|| subject_verb_content(doc.text, toks).and_then(valid))?;
    Some(Draft {
        fragments: content,
        speaker,
        cue: Some(cue),
        kind: QuoteKind::Indirect,
        paragraph: doc.paragraph_at(sentence.start),
        floating: false,
    })
}

type Found = (Vec<Range<usize>>, Option<Range<usize>>, Range<usize>);

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
    Some((vec![content], speaker, toks[0].start..toks[1].end))
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
    Some((vec![content], a.speaker, cue))
}

/// `<content>, S said, <content>.`: an attribution set off by commas inside the sentence
/// (`Acts of protest, Mr. Obama said, are acts of patriotism.`).
fn parenthetical_attribution(text: &str, toks: &[Tok]) -> Option<Found> {
    let commas: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_punct(','))
        .map(|(k, _)| k)
        .collect();
    commas.windows(2).find_map(|w| {
        let (open, close) = (w[0], w[1]);
        let words_inside = toks[open..close].iter().filter(|t| t.is_word()).count();
        if words_inside > MAX_PARENTHETICAL_WORDS || open == 0 || close + 2 >= toks.len() {
            return None;
        }
        let a = super::after::after_quote(text, &toks[open..close])?;
        let cue = a.cue.clone()?;
        let end_of_attribution = a.speaker.as_ref().map_or(cue.end, |s| s.end.max(cue.end));
        let tail_words = toks[open..close]
            .iter()
            .filter(|t| t.is_word() && t.start >= end_of_attribution)
            .count();
        let cue_word = text.get(cue.clone()).unwrap_or("");
        let reports = lexicon::lookup(cue_word).is_some_and(|c| c.can(INDIRECT));
        // `Acts of protest, Mr. Obama said, are ...`: a short subject before the aside.
        let subject_words = toks[..open].iter().filter(|t| t.is_word()).count();
        let ok = a.speaker.is_some()
            && reports
            && tail_words <= 4
            && subject_words <= MAX_PARENTHETICAL_SUBJECT
            && looks_like_clause(text, toks);
        ok.then(|| {
            let first = toks[0].start..toks[open].start;
            let second = toks[close + 1].start..toks.last().map_or(toks[close].end, |t| t.end);
            (vec![first, second], a.speaker, cue)
        })
    })
}

/// `S said (that) <content>.` with the subject at the start of the sentence.
fn subject_verb_content(text: &str, toks: &[Tok]) -> Option<Found> {
    let limit = toks.len().min(MAX_VERB_POSITION);
    let verb = (1..limit).find(|&j| is_reporting_verb(text, toks, j))?;
    // `It should be noted that ...`, `was reported`: a passive reports no one's words.
    if word_at_is(
        text,
        toks,
        verb - 1,
        &["be", "been", "being", "is", "was", "were", "are"],
    ) {
        return None;
    }
    // `You can find more details`: a bare form after a modal is no report.
    if word_at_is(
        text,
        toks,
        verb - 1,
        &[
            "can", "could", "may", "might", "should", "would", "will", "must",
        ],
    ) {
        return None;
    }
    let (a, b) = np_before(text, toks, verb)?;
    if !subject_is_plausible(text, toks, (a, b)) {
        return None;
    }
    let start = opens_clause(text, toks, a)?;
    let mut k = verb + 1;
    if takes_object(text, &toks[verb]) {
        k = np_after(text, toks, k).map_or(k, |(_, end)| end);
    }
    let that = word_is(text, toks.get(k), "that");
    if that {
        k += 1;
    }
    let first = toks.get(k).filter(|t| t.is_word())?;
    if !that && (word_at_is(text, toks, verb, NEEDS_THAT) || !looks_like_clause(text, &toks[k..])) {
        return None;
    }
    let speaker = Some(toks[start].start..toks[b - 1].end);
    Some((
        {
            let content = first.start..toks.last()?.end;
            vec![content]
        },
        speaker,
        toks[verb].range(),
    ))
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

/// Conjunctions that may stand before the subject of the sentence.
const CONJUNCTIONS: &[&str] = &["but", "and", "yet", "still", "so", "meanwhile", "however"];
/// Words after which a subject opens a clause inside the sentence (`shortly after Trump said`).
const CLAUSE_OPENERS: &[&str] = &[
    "after", "before", "when", "as", "because", "since", "while", "although", "though", "and",
    "but", "where", "whereas", "so",
];
/// Words that may join the words of a subject (`supporters in Congress`, `close to him`).
const SUBJECT_JOINERS: &[&str] = &[
    "of", "in", "for", "from", "at", "and", "to", "on", "with", "him", "her", "them", "us",
];

fn word_at_is(text: &str, toks: &[Tok], k: usize, list: &[&str]) -> bool {
    toks.get(k)
        .is_some_and(|t| t.is_word() && lower_in(t.text(text), list))
}

fn lower_in(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| list.contains(&w))
}

/// Does the subject at token `a` open a clause? The token where the speaker starts: `a`
/// after the sentence start, an opening phrase and comma, or a subordinator; the sentence
/// start when everything before `a` is part of the subject (`Developers and supporters in
/// Congress say`).
fn opens_clause(text: &str, toks: &[Tok], a: usize) -> Option<usize> {
    let before = &toks[..a];
    let words = || before.iter().filter(|t| t.is_word());
    if words().all(|t| lower_in(t.text(text), CONJUNCTIONS)) {
        return Some(a);
    }
    let opening_phrase =
        before.last().is_some_and(|t| t.is_punct(',')) && words().count() <= MAX_OPENING_WORDS;
    let after_opener = before
        .last()
        .is_some_and(|t| t.is_word() && lower_in(t.text(text), CLAUSE_OPENERS));
    if opening_phrase || after_opener {
        return Some(a);
    }
    let all_subject = before.iter().all(|t| {
        !t.is_word() && t.is_punct('-')
            || t.is_word() && (is_np_word(t.text(text)) || lower_in(t.text(text), SUBJECT_JOINERS))
    });
    (all_subject && words().count() <= MAX_SUBJECT_WORDS).then_some(0)
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
