//! `S said (that) <content>`: reported speech that follows its reporting verb, anywhere in a
//! sentence (`Trump said ...`, `shortly after Trump said ...`, `..., and said ...`, `which
//! Mr. Clarke says ...`, `..., saying that ...`). The content runs from after the verb (its
//! hearer, a time phrase and `that` skipped) to the end of the clause: the sentence end, a
//! quotation mark, `;`, or a comma that opens a contrast or another report (`, though she
//! noted ...`, `, saying ...`).
//!
//! Not the other shapes of reported speech (`<content>, S said.`): `indirect.rs` has those.

use std::ops::Range;

use super::attribution::span;
use super::clauses::{looks_like_clause, opens_subject};
use super::lexicon::{self, INDIRECT};
use super::phrases::{
    clause_subject, is_aux_or_adverb, is_np_word, is_time_word, lower, nearest_person_before,
    np_after, np_before, subject_is_plausible,
};
use super::tokens::Tok;

/// Fewest words of reported content.
pub const MIN_CONTENT_WORDS: usize = 4;
/// Most words of an opening phrase before the subject (`In law school and in meetings early
/// in her career, she said ...`).
const MAX_OPENING_WORDS: usize = 20;
/// Most words of a subject that opens the sentence before the phrase next to the verb.
const MAX_SUBJECT_WORDS: usize = 8;
/// Farthest after the verb a `that` may stand behind a time or place phrase (`said on
/// Tuesday that`, `says at a campaign stop in Toledo, Ohio, that`), in tokens.
const MAX_THAT_REACH: usize = 12;

/// One report: the content's byte ranges (one, or two around a `, S said,` aside), the
/// speaker's, the verb's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub fragments: Vec<Range<usize>>,
    pub speaker: Option<Range<usize>>,
    pub cue: Range<usize>,
}

/// Verbs of evidence and belief that report content only with `that` (`the study found
/// that ...`); bare, they mostly take objects (`found a way`, `announced a plan`).
const NEEDS_THAT: &[&str] = &[
    "allow",
    "allows",
    "allowed",
    "grant",
    "grants",
    "granted",
    "maintain",
    "maintains",
    "maintained",
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

/// Gerunds that report speech in a participle clause (`..., saying that ...`).
const SPEECH_GERUNDS: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "claiming",
    "insisting",
    "warning",
    "explaining",
    "suggesting",
    "asserting",
    "stressing",
    "declaring",
    "predicting",
    "contending",
    "acknowledging",
    "telling",
    "writing",
];

/// Conjunctions that may stand before the subject of the sentence.
const CONJUNCTIONS: &[&str] = &["but", "and", "yet", "still", "so", "meanwhile", "however"];
/// Words after which a subject opens a clause inside the sentence (`shortly after Trump
/// said`, `which Mr. Clarke says`).
const CLAUSE_OPENERS: &[&str] = &[
    "after", "before", "when", "as", "because", "since", "while", "although", "though", "and",
    "but", "where", "whereas", "so", "which", "that", "whom", "if", "once", "until", "unless",
];
/// Words that may join the words of a subject (`supporters in Congress`, `close to him`).
const SUBJECT_JOINERS: &[&str] = &[
    "of", "in", "for", "from", "at", "and", "to", "on", "with", "him", "her", "them", "us",
];
/// Words after a comma that end the content: a contrast or a new clause.
const CONTENT_BREAKS: &[&str] = &["but", "though", "although", "while", "whereas", "yet"];

/// Every `S V (that) <content>` of a sentence's tokens, in order. A report nested in the
/// content of another (`Trump said he believes ...`) is part of it, not a report of its own.
pub fn forward_reports(text: &str, toks: &[Tok]) -> Vec<Report> {
    let mut out = Vec::new();
    let mut j = 1;
    while j < toks.len() {
        match report_at(text, toks, j) {
            Some((report, end)) => {
                out.push(report);
                j = end.max(j + 1);
            }
            None => j += 1,
        }
    }
    out
}

/// The report whose verb is token `j`, and the token where its content ends.
fn report_at(text: &str, toks: &[Tok], j: usize) -> Option<(Report, usize)> {
    let participle = is_speech_gerund(text, toks, j);
    if !participle && !is_reporting_verb(text, toks, j) {
        return None;
    }
    let speaker = if participle {
        clause_subject(text, toks, j).or_else(|| nearest_person_before(text, toks, j))
    } else {
        finite_subject(text, toks, j)?
    };
    let (start, that) = content_start(text, toks, j);
    let subordinate = speaker.is_some_and(|(a, _)| in_opening_subordinate(text, toks, a));
    let end = content_end(text, toks, start, subordinate);
    let end = without_final_apposition(text, toks, start, end);
    let content = &toks[start.min(end)..end];
    let words = content.iter().filter(|t| t.is_word()).count();
    if words < MIN_CONTENT_WORDS {
        return None;
    }
    // `the Guard and state troopers`: a form more often a noun reports only before `that`.
    let noun_like = lexicon::lookup(toks[j].text(text)).is_some_and(|c| c.noun_like);
    let needs_that = !participle && (noun_like || word_at_is(text, toks, j, NEEDS_THAT));
    if !that && (needs_that || !looks_like_clause(text, content)) {
        return None;
    }
    let report = Report {
        fragments: std::iter::once(content[0].start..content[content.len() - 1].end).collect(),
        speaker: speaker.map(|np| span(toks, np)),
        cue: toks[j].range(),
    };
    Some((report, end))
}

/// The subject of the finite reporting verb at `j`: `Some(None)` when the verb reports but
/// its subject is not found (never: a verb without a subject is no report), None when the
/// verb at `j` does not head a report.
#[allow(clippy::option_option)]
fn finite_subject(text: &str, toks: &[Tok], j: usize) -> Option<Option<(usize, usize)>> {
    // `It should be noted that ...`, `people were mistakenly charged`: a passive reports no
    // one's words. A bare form after a modal (`You can find more details`) is no report
    // either, nor `Having said that`.
    let v = verb_group_start(text, toks, j);
    let group_start = v.saturating_sub(1).max(j.saturating_sub(4));
    let passive_or_modal = [
        "be", "been", "being", "is", "was", "were", "are", "can", "could", "may", "might",
        "should", "would", "must", "to", "having",
    ];
    let blocked = toks[group_start..j]
        .iter()
        .any(|t| t.is_word() && lower_in(t.text(text), &passive_or_modal));
    // `well-known`: a participle inside a compound.
    let compound = toks[j - 1].is_punct('-') && toks[j - 1].end == toks[j].start;
    if blocked || compound {
        return None;
    }
    // `X announced ... and said a curfew would continue`: the subject of the first verb.
    let lead = v.checked_sub(1).map(|p| &toks[p]).filter(|t| t.is_word());
    if lead.is_some_and(|t| lower_in(t.text(text), &["and", "but"])) {
        return clause_subject(text, toks, j).map(Some);
    }
    // `listeners who said they ...`: the relative pronoun is the subject.
    if v > 0 && lower_in(toks[v - 1].text(text), &["who"]) {
        let comma = v >= 2 && toks[v - 2].is_punct(',');
        if !comma {
            return Some(Some((v - 1, v)));
        }
    }
    let (a, b) = np_before(text, toks, j)?;
    // `shortly after Trump said`: `after` opens a clause here, it is no preposition.
    let after_opener = a > 0 && lower_in(toks[a - 1].text(text), CLAUSE_OPENERS);
    let plausible = if after_opener {
        subject_is_plausible(text, &toks[a..], (0, b - a))
    } else {
        subject_is_plausible(text, toks, (a, b))
    };
    if !plausible {
        return None;
    }
    let start = opens_clause(text, toks, a)?;
    Some(Some((start, b)))
}

/// The first token of the verb group that ends at `j` (`has repeatedly said`).
fn verb_group_start(text: &str, toks: &[Tok], j: usize) -> usize {
    let mut v = j;
    while v > 0 && toks[v - 1].is_word() && is_aux_or_adverb(toks[v - 1].text(text)) {
        v -= 1;
    }
    v
}

/// Where the content starts after the verb at `j`, and whether a `that` introduced it: past
/// the hearer of `told`, then a time or place phrase before `that`, or bare time words.
fn content_start(text: &str, toks: &[Tok], j: usize) -> (usize, bool) {
    let mut k = j + 1;
    if takes_object(text, &toks[j]) {
        k = np_after(text, toks, k).map_or(k, |(_, end)| end);
    }
    if let Some(that) = that_ahead(text, toks, k) {
        return (that + 1, true);
    }
    while toks.get(k).is_some_and(|t| {
        t.is_punct(',') || t.is_word() && is_time_word(t.text(text)) && !next_is_verb(text, toks, k)
    }) {
        k += 1;
    }
    (k, false)
}

/// A `that` at `k` or behind a phrase of place and time (`on Tuesday that`, `in a statement
/// that`, `Friday that`): its index. Not after an object (`believed the polls that showed`).
fn that_ahead(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let first = toks.get(k).filter(|t| t.is_word())?.text(text);
    if first.eq_ignore_ascii_case("that") {
        return Some(k);
    }
    let opens_phrase = is_time_word(first) || lower_in(first, PHRASE_OPENERS);
    if !opens_phrase {
        return None;
    }
    let end = toks.len().min(k + MAX_THAT_REACH);
    for (m, t) in toks.iter().enumerate().take(end).skip(k + 1) {
        if !t.is_word() {
            if matches!(t.punct, Some(',' | '.' | '-')) {
                continue;
            }
            return None;
        }
        let w = t.text(text);
        if w.eq_ignore_ascii_case("that") {
            return Some(m);
        }
        let phrase_word = is_np_word(w) || is_time_word(w) || lower_in(w, PHRASE_OPENERS);
        if !phrase_word || super::phrases::is_pronoun(w) {
            return None;
        }
    }
    None
}

/// Prepositions that open a phrase of place, time or manner between a verb and its `that`.
const PHRASE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "from",
    "to",
    "with",
    "via",
    "over",
    "through",
    "throughout",
    "since",
    "while",
    "when",
    "as",
];

/// `Monday` in `said Monday (that)`, not in `said Monday was the day`.
fn next_is_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k + 1)
        .is_some_and(|t| t.is_word() && lower_in(t.text(text), &["is", "was", "will", "would"]))
}

/// The token where content that starts at `start` ends: before a quotation mark, `;`, a
/// dash that opens an aside of the writer's, or a comma before a contrast or a participle
/// that reports again.
/// In an opening subordinate clause (`When Clinton noted that X, Trump boasted`) the content
/// also ends at the comma before the main clause.
fn content_end(text: &str, toks: &[Tok], start: usize, subordinate: bool) -> usize {
    for k in start..toks.len() {
        let t = &toks[k];
        match t.punct {
            Some(';') => return k,
            Some(c) if super::marks::is_double(c) => return k,
            Some(',') => {
                let next = k + 1;
                let main_clause = subordinate
                    && toks.get(next).is_some_and(|n| {
                        n.is_word() && {
                            let w = n.text(text);
                            let mut buf = [0u8; 16];
                            !is_lowercase(w)
                                || super::phrases::is_pronoun(w)
                                || lower(w, &mut buf).is_some_and(super::phrases::is_determiner)
                        }
                    });
                let breaks = main_clause
                    || word_at_is(text, toks, next, CONTENT_BREAKS)
                    || is_speech_gerund(text, toks, next);
                if breaks {
                    return k;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// Does the subject at token `a` stand in a subordinate clause that opens the sentence
/// (`When Clinton noted ...`, `But while a judge found ...`)?
fn in_opening_subordinate(text: &str, toks: &[Tok], a: usize) -> bool {
    let words: Vec<&str> = toks[..a]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .collect();
    let subordinators = [
        "when", "while", "although", "though", "if", "because", "after", "before", "as", "since",
        "once", "unless", "whereas", "until",
    ];
    match words.as_slice() {
        [w] => lower_in(w, &subordinators),
        [c, w] => lower_in(c, CONJUNCTIONS) && lower_in(w, &subordinators),
        _ => false,
    }
}

fn is_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// `he did not support Mr. Trump, the presumed Putin favorite`: an apposition that closes the
/// content describes a name in it and is the writer's words, not the speaker's.
fn without_final_apposition(text: &str, toks: &[Tok], start: usize, end: usize) -> usize {
    let Some(comma) = toks[start..end].iter().rposition(|t| t.is_punct(',')) else {
        return end;
    };
    let comma = start + comma;
    let rest = &toks[comma + 1..end];
    let apposition = word_at_is(text, toks, comma + 1, &["a", "an", "the"])
        && comma > start
        && toks[comma - 1].is_word()
        && !is_lowercase(toks[comma - 1].text(text))
        && !looks_like_clause(text, rest);
    if apposition {
        comma
    } else {
        end
    }
}

/// A lower-case finite form that reports speech or thought (`said`, `believes`).
fn is_reporting_verb(text: &str, toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let w = t.text(text);
    let prev = j
        .checked_sub(1)
        .map(|p| &toks[p])
        .filter(|p| p.is_word())
        .map(|p| p.text(text));
    if !t.is_word() || !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if lexicon::cue_at(w, prev).is_some_and(|c| c.can(INDIRECT) && !c.gerund && !c.nominal) {
        return true;
    }
    // `A Bloomberg poll shows that ...`: before `that`, a form that is more often a noun is a
    // verb unless a determiner or a possessive makes it a noun (`the claim that`).
    // `rules that could lead ...`: a relative clause after a noun, not a complement.
    let before_that = toks
        .get(j + 1)
        .is_some_and(|n| n.is_word() && n.text(text).eq_ignore_ascii_case("that"))
        && toks
            .get(j + 2)
            .is_some_and(|n| n.is_word() && opens_subject(n.text(text)));
    before_that
        && prev.is_some_and(|p| !lexicon::introduces_noun(p))
        && lexicon::lookup(w).is_some_and(|c| c.can(INDIRECT) && !c.gerund && c.flags != 0)
}

/// `, saying ...`: a speech gerund right after a comma.
fn is_speech_gerund(text: &str, toks: &[Tok], j: usize) -> bool {
    j > 0 && toks[j - 1].is_punct(',') && word_at_is(text, toks, j, SPEECH_GERUNDS)
}

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
    let last = before.last();
    let after_break = last.is_some_and(|t| {
        matches!(
            t.punct,
            Some(':' | ';' | '(' | '\u{2014}' | '\u{2013}' | '\u{2015}')
        ) || t.punct.is_some_and(super::marks::is_double)
    });
    let opening_phrase =
        last.is_some_and(|t| t.is_punct(',')) && words().count() <= MAX_OPENING_WORDS;
    let after_opener = last.is_some_and(|t| t.is_word() && lower_in(t.text(text), CLAUSE_OPENERS));
    if opening_phrase || after_opener || after_break {
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
    lower_in(
        t.text(text),
        &[
            "told", "tells", "tell", "informed", "informs", "reminded", "reminds", "assured",
            "assures", "warned", "warns", "advised", "advises", "telling",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn reports(t: &str) -> Vec<(String, Option<String>, String)> {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        forward_reports(t, &toks)
            .into_iter()
            .map(|r| {
                (
                    t[r.fragments[0].clone()].to_string(),
                    r.speaker.map(|s| t[s].to_string()),
                    t[r.cue].to_string(),
                )
            })
            .collect()
    }

    fn one(t: &str) -> (String, String, String) {
        let mut got = reports(t);
        assert_eq!(got.len(), 1, "{t}: {got:?}");
        let (c, s, v) = got.remove(0);
        (c, s.unwrap_or_default(), v)
    }

    #[test]
    fn subject_verb_content_with_lower_case_subjects() {
        let (c, s, _) = one("She said leaders had agreed to put together a reform plan.");
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("leaders had agreed to put together a reform plan.", "She")
        );
        let t = "But Megan Hester, senior associate at the Annenberg Institute, said parents still want neighborhood schools.";
        let (c, s, _) = one(t);
        assert_eq!(c, "parents still want neighborhood schools.");
        assert_eq!(s, "Megan Hester");
    }

    #[test]
    fn hearer_time_phrase_and_that_are_skipped() {
        let t = "Head teacher Maria Osei told a meeting on Monday that the change was temporary.";
        let (c, s, v) = one(t);
        assert_eq!(
            (c.as_str(), s.as_str(), v.as_str()),
            (
                "the change was temporary.",
                "Head teacher Maria Osei",
                "told"
            )
        );
        let (c, _, _) =
            one("Stumpf said on Tuesday that the lowest-paid workers make $12 an hour.");
        assert_eq!(c, "the lowest-paid workers make $12 an hour.");
    }

    #[test]
    fn reports_inside_the_sentence() {
        let t = "The caucus met shortly after Trump said he finally believes Obama was born here.";
        let (c, s, _) = one(t);
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("he finally believes Obama was born here.", "Trump")
        );
        let t = "Authorities announced the arrest of a man and said a curfew would continue.";
        let (c, s, _) = one(t);
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("a curfew would continue.", "Authorities")
        );
        let t = "He called black listeners who said they had misgivings about the plan.";
        assert_eq!(one(t).1, "who");
    }

    #[test]
    fn a_contrast_ends_the_content_and_reports_again() {
        let t = "Lynch said the demands sometimes erase the barriers, though she noted clients are beginning to demand diverse teams.";
        let got = reports(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "the demands sometimes erase the barriers");
        assert_eq!(got[1].0, "clients are beginning to demand diverse teams.");
        assert_eq!(got[1].1.as_deref(), Some("she"));
    }

    #[test]
    fn objects_passives_and_modals_are_not_reports() {
        assert!(reports("The state said no.").is_empty());
        assert!(reports("He said nothing about the plan at all.").is_empty());
        assert!(reports("Ivanka Trump noted the rule in the interview last week.").is_empty());
        assert!(reports("It should be noted that the vote was close.").is_empty());
        assert!(reports("You can find more details on the website today.").is_empty());
        assert!(reports("Police found the gun in a car near the house.").is_empty());
    }
}
