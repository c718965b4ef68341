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
use super::clauses::{is_irregular_past, looks_like_clause, opens_subject};
use super::frames::{frames_of, ABOUT, FOR, OBJECT, OBJECT_TO, ON, TARGET, TO, TO_NP, WH};
use super::lexicon::{self, INDIRECT};
use super::phrases::{
    clause_subject, is_aux_or_adverb, is_np_word, is_time_word, lower, lower_in,
    nearest_person_before, np_after, np_before, np_over_prepositions, subject_is_plausible,
    word_at_is,
};
use super::tokens::Tok;

/// Fewest words of reported content.
pub const MIN_CONTENT_WORDS: usize = 3;
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

/// The forms of `say` that report whatever follows them and find their subject past asides.
const SAY_FORMS: &[&str] = &["said", "says", "say"];

/// Verbs whose subject, when it is evidence (a poll, records), reports what follows without
/// `that` (`Polls show Clinton up by 10 points`).
pub const EVIDENCE_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "found",
    "finds",
    "find",
    "indicate",
    "indicates",
    "indicated",
];

/// Nouns of evidence: polls, studies, records.
pub const EVIDENCE_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "research",
    "data",
    "records",
    "footage",
    "video",
    "analysis",
    "report",
    "figures",
    "numbers",
    "results",
    "documents",
    "audit",
    "review",
    "investigation",
    "estimates",
    "tally",
    "count",
    "census",
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
    // Most tokens are turned away here: not a lower-case word the lexicon knows.
    let t = &toks[j];
    if !t.is_word() || !text.as_bytes()[t.start].is_ascii_lowercase() {
        return None;
    }
    let word = t.text(text);
    let frames = lexicon::lookup(word)?.frames;
    let gerund = word.ends_with("ing");
    let participle = j > 0
        && toks[j - 1].is_punct(',')
        && (word_at_is(text, toks, j, SPEECH_GERUNDS) || gerund && frames != 0);
    let reporting = is_reporting_verb(text, toks, j) || evidence_shows(text, toks, j);
    let framed = frames != 0 && !gerund && may_be_verb(text, toks, j);
    if !(participle || reporting || framed) {
        return None;
    }
    let speaker = if participle {
        clause_subject(text, toks, j).or_else(|| nearest_person_before(text, toks, j))
    } else {
        match finite_subject(text, toks, j) {
            Some(s) => s,
            None if says_without_subject(text, toks, j) => None,
            None => return None,
        }
    };
    let (start, kind) = content_start(text, toks, j, frames, reporting || participle)?;
    // `The mayor, who says he is honored, will attend`: a relative aside ends at its comma.
    let v = verb_group_start(text, toks, j);
    let relative_aside =
        v >= 2 && word_at_is(text, toks, v - 1, &["who"]) && toks[v - 2].is_punct(',');
    // `which officials said will go into effect`: the relative pronoun is the subject of what
    // was said, which opens with its auxiliary; the relative clause ends at its comma.
    let relative_content = start == j + 1
        && lower_in(word, SAY_FORMS)
        && speaker.is_some_and(|(a, _)| a > 0 && word_at_is(text, toks, a - 1, &["which", "that"]))
        && word_at(text, toks, start).is_some_and(is_auxiliary);
    let subordinate = relative_aside
        || relative_content
        || speaker.is_some_and(|(a, _)| in_subordinate(text, toks, a));
    let mut kind = kind;
    let mut end = content_extent(text, toks, start, subordinate, kind);
    if kind == Content::Clause {
        // `the Guard and state troopers`: a form more often a noun reports only before `that`.
        let noun_like = lexicon::lookup(word).is_some_and(|c| c.noun_like);
        // `announced it would end the incentives`: a pronoun and its auxiliary open a clause
        // without doubt, `that` or not.
        let pronoun_clause = word_at(text, toks, start).is_some_and(super::phrases::is_pronoun)
            && word_at(text, toks, start + 1).is_some_and(is_auxiliary);
        // `A June poll found Trump receiving 20 percent`: evidence shows its findings bare.
        let evidence = start == j + 1
            && word_at_is(text, toks, j, EVIDENCE_VERBS)
            && speaker.is_some_and(|(a, b)| {
                toks[a..b]
                    .iter()
                    .any(|t| t.is_word() && lower_in(t.text(text), EVIDENCE_NOUNS))
            })
            && word_at(text, toks, start).is_some_and(opens_object);
        // `suggested Mr. Trump had demonstrated ...`: a short subject and its auxiliary.
        let subject_clause =
            start == j + 1 && !noun_like && subject_and_auxiliary(text, toks, start);
        let needs_that = !participle
            && !pronoun_clause
            && !subject_clause
            && !evidence
            && (noun_like || word_at_is(text, toks, j, NEEDS_THAT));
        let clause = looks_like_clause(text, &toks[start..end])
            || says_a_clause(text, toks, j, start, end)
            || evidence
            || relative_content;
        if needs_that || !clause {
            // `announced a plan`: no clause, but an object the verb's frame reports.
            let object =
                frames & OBJECT != 0 && word_at(text, toks, j + 1).is_some_and(opens_object);
            if !object || start != j + 1 {
                return None;
            }
            kind = Content::Phrase;
            end = content_extent(text, toks, start, subordinate, kind);
        }
    }
    let content = &toks[start.min(end)..end];
    let words = content.iter().filter(|t| t.is_word()).count();
    if words < MIN_CONTENT_WORDS {
        return None;
    }
    let report = Report {
        fragments: std::iter::once(content[0].start..content[content.len() - 1].end()).collect(),
        speaker: speaker.map(|np| span(toks, np)),
        cue: toks[j].range(),
    };
    Some((report, end))
}

/// After `said`/`says`/`say`, what follows is what was said, clause-like or not (`said
/// seeing so many officers was a welcome sight`, `say they only buy American`, `says 34,570
/// citizens cast votes`), unless it is short or opens with a word no clause opens with
/// (`said nothing more`, `said in a statement`, `said so`).
fn says_a_clause(text: &str, toks: &[Tok], j: usize, start: usize, end: usize) -> bool {
    let say_form = lower_in(toks[j].text(text), SAY_FORMS);
    let words = toks[start..end].iter().filter(|t| t.is_word()).count();
    let opener = toks
        .get(start)
        .filter(|t| t.is_word() || t.is_punct('$'))
        .map(|t| t.text(text));
    say_form
        && start == j + 1
        && words >= 4
        && opener.is_some_and(|w| {
            !is_aux_or_adverb(w) && !is_auxiliary(w) && !lower_in(w, NOT_CLAUSE_OPENERS)
        })
}

/// Words that open what follows `said` when it is no clause: conjunctions and relatives
/// (`said and`), pronouns of quantity (`said nothing more`), replies (`said yes`),
/// prepositions (`said in a statement`) and adverbs (`said again`, `said later`).
const NOT_CLAUSE_OPENERS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "yet",
    "that",
    "which",
    "who",
    "nothing",
    "something",
    "anything",
    "little",
    "much",
    "goodbye",
    "hello",
    "so",
    "yes",
    "no",
    "in",
    "at",
    "on",
    "during",
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "as",
    "about",
    "after",
    "before",
    "while",
    "when",
    "if",
    "again",
    "more",
    "only",
    "just",
    "not",
    "never",
    "repeatedly",
    "publicly",
    "privately",
    "later",
    "earlier",
    "then",
    "there",
    "here",
];

/// Auxiliaries and modals that follow a subject pronoun in a clause (`it would`, `they had`).
fn is_auxiliary(word: &str) -> bool {
    lower_in(
        word,
        &[
            "would", "will", "could", "can", "should", "might", "may", "must", "was", "were",
            "had", "has", "have", "is", "are", "did", "does",
        ],
    )
}

/// What follows a reporting verb.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// `said <clause>`: a bare clause, checked once its end is known.
    Clause,
    /// `said that <clause>`, `asked whether <clause>`: a clause its first word announces.
    Introduced,
    /// `wants to <verb phrase>`, `called for <noun phrase>`, `cited <noun phrase>`: a phrase,
    /// which ends at a comma or where a subordinate clause begins.
    Phrase,
    /// `endorsed <target>`: a phrase that ends at the first comma, dash or coordinated verb.
    Target,
}

/// May a framed form that is often a noun (`plans`, `calls`, `demands`) be a verb here? Not
/// after a determiner or a possessive (`his plans`), nor after another verb form.
fn may_be_verb(text: &str, toks: &[Tok], j: usize) -> bool {
    let Some(prev) = j.checked_sub(1).map(|p| &toks[p]).filter(|p| p.is_word()) else {
        return false;
    };
    let p = prev.text(text);
    !lexicon::introduces_noun(p)
        && !p.ends_with("ing")
        && !lower_in(
            p,
            &[
                "of", "for", "in", "on", "to", "with", "by", "from", "and", "or",
            ],
        )
}

/// Where the content of the verb at `j` starts, and what kind it is; None when nothing the
/// verb reports follows it. `clause_verb`: the verb may report a bare clause.
fn content_start(
    text: &str,
    toks: &[Tok],
    j: usize,
    frames: u16,
    clause_verb: bool,
) -> Option<(usize, Content)> {
    // `pointing out that ...`: the particle belongs to the verb.
    let particle =
        toks[j].text(text).starts_with("point") && word_at_is(text, toks, j + 1, &["out"]);
    let k0 = j + 1 + usize::from(particle);
    let first = word_at(text, toks, k0);
    // `called for a moratorium`, `called on Trump to apologize`, `talked about jobs`.
    for (frame, prep) in [(FOR, "for"), (ON, "on"), (ABOUT, "about"), (TO_NP, "to")] {
        if frames & frame != 0 && first.is_some_and(|w| w.eq_ignore_ascii_case(prep)) {
            return word_at(text, toks, k0 + 1).map(|_| (k0 + 1, Content::Phrase));
        }
    }
    if frames & WH != 0 && first.is_some_and(|w| lower_in(w, WH_WORDS)) {
        return Some((k0, Content::Introduced));
    }
    // `wants to repeal the law`: the plan or promise, `to` included.
    if frames & TO != 0
        && first == Some("to")
        && word_at(text, toks, k0 + 1).is_some_and(is_lowercase)
    {
        return Some((k0, Content::Phrase));
    }
    let object_end = np_after(text, toks, k0).map(|(_, end)| end);
    if frames & OBJECT_TO != 0 && object_end.is_some_and(|e| word_at(text, toks, e) == Some("to")) {
        return Some((k0, Content::Phrase));
    }
    // `asked the candidate about the tweet`, `asked Sanders if he would endorse`: the hearer
    // stands before the question.
    if let Some(e) = object_end.filter(|_| frames & (ABOUT | WH) != 0) {
        let after = word_at(text, toks, e);
        if frames & ABOUT != 0 && after.is_some_and(|w| w.eq_ignore_ascii_case("about")) {
            return word_at(text, toks, e + 1).map(|_| (e + 1, Content::Phrase));
        }
        if frames & WH != 0 && after.is_some_and(|w| lower_in(w, WH_WORDS)) {
            return Some((e, Content::Introduced));
        }
    }
    let mut k = k0;
    if takes_object(text, &toks[j]) {
        k = match object_end {
            Some(e) => hearer_end(text, toks, k0, e),
            // `told him she had signed`: an object pronoun is the hearer alone.
            None if word_at_is(text, toks, k0, &["him", "them", "us", "me"]) => k0 + 1,
            None => k,
        };
    }
    if let Some(that) = that_ahead(text, toks, k).filter(|_| clause_verb) {
        return Some((that + 1, Content::Introduced));
    }
    if clause_verb {
        while toks.get(k).is_some_and(|t| {
            t.is_punct(',')
                || t.is_word() && is_time_word(t.text(text)) && !next_is_verb(text, toks, k)
        }) {
            k += 1;
        }
        return Some((k, Content::Clause));
    }
    if frames & OBJECT != 0 && first.is_some_and(opens_object) {
        return Some((k0, Content::Phrase));
    }
    if frames & TARGET != 0 && first.is_some_and(opens_object) {
        return Some((k0, Content::Target));
    }
    None
}

/// `Supporters who have heard directly from the campaign say their priority is ...`,
/// `three-quarters of the voters said they were worried`: `said` whose subject the rules
/// cannot bound still reports when a clause opens right after it without doubt (`that` and a
/// subject, or a subject pronoun). Not after a passive, a modal or `to` (`is said to`).
fn says_without_subject(text: &str, toks: &[Tok], j: usize) -> bool {
    let verb = toks[j].text(text);
    if !lower_in(verb, SAY_FORMS) && !verb.eq_ignore_ascii_case("told") {
        return false;
    }
    let v = verb_group_start(text, toks, j);
    let blocked = toks[v.saturating_sub(1).max(j.saturating_sub(4))..j]
        .iter()
        .any(|t| t.is_word() && lower_in(t.text(text), NOT_BEFORE_BARE_SAYS));
    let preceded_by_word = v > 0 && toks[v - 1].is_word();
    let that =
        word_at_is(text, toks, j + 1, &["that"]) && complement_that(text, toks, j + 1).is_some();
    let pronoun = word_at_is(text, toks, j + 1, NOMINATIVE)
        && word_at(text, toks, j + 2).is_some_and(|w| is_auxiliary(w) || w.ends_with("ed"));
    !blocked && preceded_by_word && (that || pronoun)
}

/// Words before a bare `said` that make it no report of its own: a passive or modal (`is
/// said`, `could say`), `to` (`is said to`), a relative (`who said`).
const NOT_BEFORE_BARE_SAYS: &[&str] = &[
    "be", "been", "being", "is", "was", "were", "are", "can", "could", "may", "might", "should",
    "would", "must", "to", "having", "who", "which", "that",
];

/// `told reporters he would run`: the hearer ends before a subject pronoun, which opens the
/// content (a noun phrase may run on over it: `reporters he`).
fn hearer_end(text: &str, toks: &[Tok], from: usize, end: usize) -> usize {
    (from + 1..end)
        .find(|&m| word_at_is(text, toks, m, NOMINATIVE))
        .unwrap_or(end)
}

/// Pronouns that can only be subjects.
const NOMINATIVE: &[&str] = &["he", "she", "they", "we", "i"];

/// Most words of a bare subject after a verb that otherwise needs `that`.
const MAX_BARE_SUBJECT_WORDS: usize = 5;

/// `Mr. Trump had`, `the deal would`: a short noun phrase that opens as a subject does,
/// then an auxiliary or a modal. After `suggested`, `believes`, `announced` such words open
/// a clause, not an object.
fn subject_and_auxiliary(text: &str, toks: &[Tok], start: usize) -> bool {
    let Some(first) = word_at(text, toks, start) else {
        return false;
    };
    if !opens_subject_strictly(first) || lower_in(first, &["which", "what"]) {
        return false;
    }
    let Some((_, end)) = np_after(text, toks, start) else {
        return false;
    };
    let words = toks[start..end].iter().filter(|t| t.is_word()).count();
    words <= MAX_BARE_SUBJECT_WORDS && word_at(text, toks, end).is_some_and(is_auxiliary)
}

/// `polls show`, `records showed`: an evidence noun right before a verb of evidence makes
/// it a verb, even in a form more often a noun (`shows`).
fn evidence_shows(text: &str, toks: &[Tok], j: usize) -> bool {
    // The first-letter test turns most words away before any list is read.
    j > 0
        && matches!(text.as_bytes()[toks[j].start], b's' | b'f' | b'i')
        && word_at_is(text, toks, j, EVIDENCE_VERBS)
        && word_at(text, toks, j - 1).is_some_and(|w| lower_in(w, EVIDENCE_NOUNS))
}

/// Words that open an embedded question.
const WH_WORDS: &[&str] = &[
    "why", "how", "what", "whether", "when", "where", "who", "which", "if",
];

/// Can `word` open a noun phrase object (`the audit`, `Trump's remarks`, `climate change`)?
fn opens_object(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let det = lower(word, &mut buf).is_some_and(super::phrases::is_determiner);
    det || !is_lowercase(word)
        || (opens_subject(word)
            && !lower_in(
                word,
                &[
                    "to", "that", "it", "in", "on", "at", "out", "up", "off", "back", "down",
                ],
            ))
}

fn word_at<'a>(text: &'a str, toks: &[Tok], k: usize) -> Option<&'a str> {
    toks.get(k).filter(|t| t.is_word()).map(|t| t.text(text))
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
    let compound = toks[j - 1].is_punct('-') && toks[j - 1].end() == toks[j].start;
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
        // `Voters who say the economy matters were divided`: a relative clause inside the
        // subject runs into the main verb, which no rule can find.
        let verbish = |w: &str| {
            is_irregular_past(w)
                || super::phrases::is_pronoun(w)
                || is_aux_or_adverb(w)
                || w.len() > 4 && w.ends_with("ed")
                || lexicon::lookup(w).is_some_and(|c| !c.noun_like && !c.nominal)
        };
        let in_subject = toks[..v - 1].iter().all(|t| {
            t.is_word()
                && !verbish(t.text(text))
                && (is_np_word(t.text(text)) || is_determiner_word(t.text(text)))
        });
        if in_subject {
            return None;
        }
        let comma = v >= 2 && toks[v - 2].is_punct(',');
        if !comma {
            return Some(Some((v - 1, v)));
        }
        // `said Army Capt. Christian Pardo, who said he would not vote`: a relative clause
        // is a clause of its own; its subject is the name before the comma.
        return Some(Some(np_before(text, toks, j).unwrap_or((v - 1, v))));
    }
    let subject = np_before(text, toks, j).and_then(|np| checked_subject(text, toks, np, j));
    if subject.is_none() && lower_in(toks[j].text(text), SAY_FORMS) {
        return subject_past_an_aside(text, toks, v)
            .or_else(|| opening_subject(text, toks, v))
            .map(Some);
    }
    subject.map(Some)
}

/// The phrase before the verb at `j` as its subject, if it can be one, widened to where its
/// clause opens.
fn checked_subject(
    text: &str,
    toks: &[Tok],
    (a, b): (usize, usize),
    j: usize,
) -> Option<(usize, usize)> {
    let (a, b) = np_over_prepositions(text, toks, (a, b));
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
    if disagrees(text, toks, (a, b), j) {
        return None;
    }
    let start = opens_clause(text, toks, a)?;
    Some((start, b))
}

/// `Will Rogers, for example, said`: the subject before a short aside set off by commas.
fn subject_past_an_aside(text: &str, toks: &[Tok], v: usize) -> Option<(usize, usize)> {
    let close = v.checked_sub(1).filter(|&c| toks[c].is_punct(','))?;
    let open = toks[..close].iter().rposition(|t| t.is_punct(','))?;
    let aside = &toks[open + 1..close];
    let short = (1..=3).contains(&aside.len()) && aside.iter().all(Tok::is_word);
    let adverbial = aside.first().is_some_and(|t| is_lowercase(t.text(text)));
    if !(short && adverbial) {
        return None;
    }
    let (a, b) = np_before(text, toks, open)?;
    subject_is_plausible(text, toks, (a, b)).then_some((a, b))?;
    opens_clause(text, toks, a).map(|_| (a, b))
}

/// `Majorities of Democrats in five states going to the polls Tuesday say`, `A statement
/// posted on the website said`: a long subject that opens the sentence and holds no finite
/// verb or clause break before `said`; all of it is the speaker, as attribution corpora mark
/// it (`The last man to mount a major third-party race says`).
fn opening_subject(text: &str, toks: &[Tok], v: usize) -> Option<(usize, usize)> {
    let start = toks[..v]
        .iter()
        .position(|t| !(t.is_word() && lower_in(t.text(text), CONJUNCTIONS)))?;
    let before = &toks[start..v];
    let words = before.iter().filter(|t| t.is_word()).count();
    let clean = before.iter().all(|t| {
        if t.is_word() {
            let w = t.text(text);
            !is_auxiliary(w) && !lower_in(w, &["that", "who", "which", "whose", "whom"])
        } else {
            matches!(t.punct, Some('.' | '-' | '\'' | '\u{2019}'))
        }
    });
    let first = before.first().filter(|t| t.is_word())?.text(text);
    if !clean || !(3..=16).contains(&words) || !opens_subject_strictly(first) {
        return None;
    }
    Some((start, v))
}

/// `A big question remains`: a bare form (`question`, `plan`) after a singular subject is a
/// noun, not a verb, unless `do` carries the agreement (`Trump did not question`).
fn disagrees(text: &str, toks: &[Tok], (a, b): (usize, usize), j: usize) -> bool {
    let verb = toks[j].text(text);
    // `A strong majority of voters say`: `say` is no noun after a subject, whatever its number.
    if verb == "say" {
        return false;
    }
    let bare = !verb.ends_with('s') && !verb.ends_with("ed") && !is_irregular_past(verb);
    let with_do = toks[verb_group_start(text, toks, j)..j]
        .iter()
        .any(|t| t.is_word() && lower_in(t.text(text), &["do", "does", "did", "will"]));
    if !bare || with_do {
        return false;
    }
    // The head noun stands before a preposition: `Parents at Lindqvist Primary say`.
    let head_at = (a..b)
        .find(|&k| {
            k > a
                && word_at_is(
                    text,
                    toks,
                    k,
                    &["of", "at", "in", "for", "from", "on", "with"],
                )
        })
        .map_or(b - 1, |k| k - 1);
    let head = toks[head_at].text(text);
    let plural_pronoun = lower_in(
        head,
        &[
            "i", "we", "you", "they", "who", "both", "many", "some", "most", "few", "others", "all",
        ],
    );
    let coordinated = toks[a..b]
        .iter()
        .any(|t| t.is_word() && t.text(text) == "and");
    // `many Democrats`, `the Republicans`: a capitalised plural after a word of the phrase.
    let after_determiner = head_at > a && {
        let prev = toks[head_at - 1].text(text);
        let mut buf = [0u8; 16];
        lower(prev, &mut buf).is_some_and(super::phrases::is_determiner)
    };
    let plural = head.ends_with('s')
        && !head.ends_with("ss")
        && (is_lowercase(head) || head_at == 0 || after_determiner)
        || head.chars().all(|c| c.is_ascii_digit())
        || lower_in(
            head,
            &[
                "police",
                "people",
                "staff",
                "media",
                "public",
                "clergy",
                "personnel",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "dozens",
            ],
        );
    !(plural_pronoun || coordinated || plural)
}

/// The first token of the verb group that ends at `j` (`has repeatedly said`).
fn verb_group_start(text: &str, toks: &[Tok], j: usize) -> usize {
    let mut v = j;
    while v > 0 && toks[v - 1].is_word() && is_aux_or_adverb(toks[v - 1].text(text)) {
        v -= 1;
    }
    v
}

/// A `that` at `k` or behind a phrase of place and time (`on Tuesday that`, `in a statement
/// that`, `Friday that`): its index. Not after an object (`believed the polls that showed`).
fn that_ahead(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    // `told MSNBC's "Morning Joe" that`: the marks of a quoted name in the object (its words
    // are left out of a sentence that holds quotes).
    let mut k = k;
    while toks
        .get(k)
        .is_some_and(|t| t.punct.is_some_and(super::marks::is_double))
    {
        k += 1;
    }
    let first = toks.get(k).filter(|t| t.is_word())?.text(text);
    if first.eq_ignore_ascii_case("that") {
        return complement_that(text, toks, k);
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
            return complement_that(text, toks, m);
        }
        let phrase_word = is_np_word(w) || is_time_word(w) || lower_in(w, PHRASE_OPENERS);
        if !phrase_word || super::phrases::is_pronoun(w) {
            return None;
        }
    }
    None
}

/// The `that` at `k` if it opens a clause (`that Americans living ...`), not a relative clause
/// (`rules that could lead ...`): a subject, not a verb, follows it.
fn complement_that(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let next = toks.get(k + 1)?;
    let opens = !next.is_word() || opens_subject(next.text(text));
    opens.then_some(k)
}

/// Prepositions that open a phrase of place, time or manner between a verb and its `that`.
const PHRASE_OPENERS: &[&str] = &[
    "of",
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
/// comma before a new clause with its own subject (`, though she noted ...`) or before a
/// participle that reports again (`, saying ...`), or `and` before another reporting verb
/// (`announced the arrest and said ...`). A phrase (`phrase`) also ends where a subordinate
/// or relative clause begins (`questioned Cruz's eligibility because ...`, `, which ...`).
fn content_end(text: &str, toks: &[Tok], start: usize, phrase: bool) -> usize {
    for k in start..toks.len() {
        let t = &toks[k];
        match t.punct {
            Some(';') => return k,
            Some(c) if super::marks::is_double(c) => return k,
            Some(',') => {
                let next = k + 1;
                let reports_again = word_at(text, toks, next).is_some_and(|w| {
                    is_lowercase(w)
                        && w.ends_with("ing")
                        && (lower_in(w, SPEECH_GERUNDS) || frames_of(w) != 0)
                });
                let conjunction = word_at_is(text, toks, next, CONTENT_BREAKS)
                    || word_at_is(text, toks, next, &["and"]);
                // `said X, but that Y`: a second `that` goes on with what was said.
                let that_again = || {
                    word_at_is(text, toks, next + 1, &["that"])
                        && complement_that(text, toks, next + 1).is_some()
                };
                let new_clause = conjunction
                    && !that_again()
                    && (word_at(text, toks, next + 1).is_some_and(opens_subject_strictly)
                        || looks_like_clause(text, &toks[(next + 1).min(toks.len())..]));
                let relative = phrase
                    && (word_at_is(text, toks, next, COMMA_PHRASE_BREAKS)
                        || word_at(text, toks, next)
                            .is_some_and(|w| w.ends_with("ing") && is_lowercase(w)))
                    && !that_again();
                if reports_again || new_clause || relative {
                    return k;
                }
            }
            None if phrase && k > start && lower_in(t.text(text), PHRASE_BREAKS) => return k,
            None if k > start
                && lower_in(t.text(text), &["and", "but"])
                && reports_again_after_and(text, toks, k + 1) =>
            {
                return k;
            }
            _ => {}
        }
    }
    toks.len()
}

/// Where the target of a stance verb ends: at a comma or dash, or before a coordinated verb
/// (`endorsed Trump last week and has appeared`, `who supported Cruz but recently joined`).
fn target_end(text: &str, toks: &[Tok], start: usize, end: usize) -> usize {
    (start..end)
        .find(|&k| {
            let t = &toks[k];
            matches!(t.punct, Some(',' | '\u{2014}' | '\u{2013}' | '(' | ':'))
                || k > start
                    && word_at_is(text, toks, k, &["and", "but", "who", "which", "after"])
                    && word_at(text, toks, k + 1).is_some_and(|w| {
                        is_lowercase(w)
                            && (is_aux_or_adverb(w) || w.ends_with("ed") || is_irregular_past(w))
                    })
        })
        .unwrap_or(end)
}

/// `and said`, `and called for`: a finite reporting form (past or `-s`) after `and`.
fn reports_again_after_and(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(w) = word_at(text, toks, k) else {
        return false;
    };
    let finite = w.ends_with("ed") || w.ends_with('s') || is_irregular_past(w);
    let noun_like = lexicon::lookup(w).is_some_and(|c| c.noun_like);
    is_lowercase(w)
        && finite
        && !noun_like
        && (frames_of(w) != 0 || is_reporting_verb(text, toks, k))
}

/// A word that opens a clause as its subject without doubt: a pronoun, a determiner, a
/// capitalised word.
fn opens_subject_strictly(word: &str) -> bool {
    let mut buf = [0u8; 16];
    super::phrases::is_pronoun(word)
        || !is_lowercase(word)
        || lower(word, &mut buf).is_some_and(super::phrases::is_determiner)
}

/// Does the subject at token `a` stand in a subordinate clause (`When Clinton noted ...`,
/// `..., when my mother mentioned ...`)? Its content ends at the next comma.
fn in_subordinate(text: &str, toks: &[Tok], a: usize) -> bool {
    a > 0 && word_at_is(text, toks, a - 1, SUBORDINATORS)
}

/// Subordinators whose clause ends at a comma.
const SUBORDINATORS: &[&str] = &[
    "when", "while", "although", "though", "if", "because", "after", "before", "as", "since",
    "once", "unless", "whereas", "until",
];

/// Words that end a phrase of content: a subordinate clause begins.
const PHRASE_BREAKS: &[&str] = &[
    "because", "while", "although", "though", "whereas", "unless",
];
/// Words after a comma that end a phrase of content: a relative or adverbial clause begins.
const COMMA_PHRASE_BREAKS: &[&str] = &[
    "which",
    "who",
    "whose",
    "where",
    "when",
    "as",
    "after",
    "before",
    "since",
    "if",
    "until",
    "according",
    "with",
    "including",
    "such",
    "especially",
    "for",
    "from",
    "in",
    "on",
    "at",
    "during",
    "a",
    "an",
    "the",
    "but",
    "though",
    "although",
    "while",
    "because",
];

/// Where content of `kind` that starts at `start` ends, its final apposition left out.
fn content_extent(
    text: &str,
    toks: &[Tok],
    start: usize,
    subordinate: bool,
    kind: Content,
) -> usize {
    let end = content_end(text, toks, start, kind != Content::Clause);
    let end = if kind == Content::Target {
        target_end(text, toks, start, end)
    } else {
        end
    };
    // `When Clinton noted that X, Trump boasted`: a subordinate clause ends at its comma.
    let end = if subordinate {
        toks[start..end]
            .iter()
            .position(|t| t.is_punct(','))
            .map_or(end, |c| start + c)
    } else {
        end
    };
    without_final_apposition(text, toks, start, end)
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

fn is_determiner_word(word: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(super::phrases::is_determiner)
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
            || is_spaced_hyphen(text, t)
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

/// ` - ` standing for a dash: `Fiorina was a planner - a former speechwriter said ... - and`.
fn is_spaced_hyphen(text: &str, t: &Tok) -> bool {
    t.is_punct('-') && t.start > 0 && text.as_bytes()[t.start - 1] == b' '
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
    fn a_relative_pronoun_subject_of_what_was_said() {
        let t = "The changes, which officials said will go into effect in a few months, will not apply.";
        let (c, s, _) = one(t);
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("will go into effect in a few months", "officials")
        );
        let t = "She has the kind of job that many economists say is the future in America.";
        assert_eq!(one(t).0, "is the future in America.");
        // No relative pronoun: an auxiliary opens no content.
        assert!(reports("The officials said would be best.").is_empty());
    }

    #[test]
    fn subjects_with_prepositional_phrases_and_capitalised_plurals() {
        let t = "Developers and supporters in Congress say the program has brought billions to poor areas.";
        let (c, s, _) = one(t);
        assert_eq!(c, "the program has brought billions to poor areas.");
        assert!(s.ends_with("supporters in Congress"), "{s}");
        let t = "A lawyer for the news outlets, David Schulz, said no decision had been made.";
        let (_, s, _) = one(t);
        assert_eq!(s, "A lawyer for the news outlets");
        let t = "But many Democrats say the lead obscures concerns about turnout.";
        assert_eq!(one(t).1, "many Democrats");
        // A verb form before the preposition is no head: the whole phrase is the subject.
        let t = "Those marching in Ohio say the lead obscures concerns.";
        assert_eq!(one(t).1, "Those marching in Ohio");
    }

    #[test]
    fn plans_and_promises_with_an_infinitive() {
        let t = "She wants to triple the size of the program.";
        assert_eq!(one(t).0, "to triple the size of the program.");
        let t = "The company agreed to clean up the shuttered mines.";
        assert_eq!(one(t).1, "The company");
        // `to` before a name or a noun is a preposition: `agreed to Monday's terms`.
        assert!(reports("The union agreed to Monday's terms for the new contract.").is_empty());
    }

    #[test]
    fn a_pronoun_and_auxiliary_open_content_without_that() {
        let t = "Wells Fargo announced it would get rid of these incentives.";
        assert_eq!(one(t).0, "it would get rid of these incentives.");
        assert!(reports("Wells Fargo announced a plan.").is_empty());
        let t = "The mayor, who says he is honored, will attend.";
        assert_eq!(one(t).0, "he is honored");
    }

    #[test]
    fn a_second_that_goes_on_with_the_content() {
        let t = "He said that Obama advanced this agenda, but that the party has more to do.";
        assert_eq!(
            one(t).0,
            "Obama advanced this agenda, but that the party has more to do."
        );
        let t = "He said the talks had failed, but that was not the end of it.";
        assert_eq!(one(t).0, "the talks had failed");
    }

    #[test]
    fn said_reports_a_clear_clause_without_a_bounded_subject() {
        let t = "Democrats in Iowa who watched the Saturday debate said they were unfazed by it.";
        let got = reports(t);
        assert_eq!(got[0].0, "they were unfazed by it.");
        assert!(reports("The candidate is said to have left the state early.").is_empty());
    }

    #[test]
    fn a_hearer_ends_before_a_subject_pronoun() {
        let t = "Brad Thor told reporters he would consider running as a candidate.";
        assert_eq!(one(t).0, "he would consider running as a candidate.");
        let t = "The governor told him she had signed the bill on Monday.";
        assert_eq!(one(t).0, "she had signed the bill on Monday.");
    }

    #[test]
    fn a_short_subject_and_auxiliary_open_content_without_that() {
        let t = "Mr. Biden suggested Mr. Trump had demonstrated a fondness for strongmen.";
        assert_eq!(
            one(t).0,
            "Mr. Trump had demonstrated a fondness for strongmen."
        );
        let t = "Officials believe the storm will reach the coast by Friday.";
        assert_eq!(one(t).0, "the storm will reach the coast by Friday.");
        // A form more often a noun stays a noun: `rules that could lead`.
        assert!(reports("It set rules that could lead to the closing of plants.").is_empty());
        assert!(reports("The senator suggested a compromise on the bill.").is_empty());
    }

    #[test]
    fn an_age_is_no_speaker() {
        let t =
            "Hanna Lowe, 71, who has lived below the dam all her life, said the water was rising.";
        assert_eq!(one(t).1, "Hanna Lowe");
        let t = "About 2,000 people said they would leave their homes before nightfall.";
        assert_eq!(one(t).1, "About 2,000 people");
        let t = "Sen. Odile Marchetti on Saturday said she would vote against the budget.";
        assert_eq!(one(t).1, "Sen. Odile Marchetti");
    }

    #[test]
    fn that_after_a_longer_hearer() {
        let t = "In Honolulu, he told a meeting of Pacific leaders that few people understood the stakes.";
        assert_eq!(one(t).0, "few people understood the stakes.");
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
        let got = reports(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "the arrest of a man");
        assert_eq!(got[1].0, "a curfew would continue.");
        assert_eq!(got[1].1.as_deref(), Some("Authorities"));
        let t = "He met black listeners who said they had misgivings about the plan.";
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
        assert!(reports("People were mistakenly charged fees on their new accounts.").is_empty());
        assert!(reports("A big question remains about the plan and its cost.").is_empty());
        assert!(reports("Voters who say the economy matters most were evenly divided.").is_empty());
    }

    #[test]
    fn frames_other_than_clauses() {
        let (c, s, v) = one("The NAACP called for a moratorium on charter schools.");
        assert_eq!(
            (c.as_str(), s.as_str(), v.as_str()),
            ("a moratorium on charter schools.", "The NAACP", "called")
        );
        let (c, _, _) = one("Palmieri called on Trump to stop attacking Machado.");
        assert_eq!(c, "Trump to stop attacking Machado.");
        let (c, _, _) = one("Clinton cited derogatory comments Trump had made about Machado.");
        assert_eq!(c, "derogatory comments Trump had made about Machado.");
        let (c, _, v) =
            one("Lawmakers also asked whether the deals required the recipients to cooperate.");
        assert_eq!(
            (c.as_str(), v.as_str()),
            (
                "whether the deals required the recipients to cooperate.",
                "asked"
            )
        );
        // A phrase ends where a subordinate clause begins.
        let (c, _, _) = one("Trump questioned Cruz's eligibility to run for president because he was born in Canada.");
        assert_eq!(c, "Cruz's eligibility to run for president");
    }

    #[test]
    fn what_a_speaker_points_to() {
        let (c, s, v) = one("She pointed to his 22 percent showing in Miami-Dade County.");
        assert_eq!(
            (c.as_str(), s.as_str(), v.as_str()),
            (
                "his 22 percent showing in Miami-Dade County.",
                "She",
                "pointed"
            )
        );
        let (c, _, _) = one("Trump was pleased, pointing out that North Carolina would win.");
        assert_eq!(c, "North Carolina would win.");
    }

    #[test]
    fn evidence_reports_its_findings_without_that() {
        let (c, s, _) =
            one("A June poll found Trump receiving 20 percent support from Latino voters.");
        assert_eq!(
            (c.as_str(), s.as_str()),
            (
                "Trump receiving 20 percent support from Latino voters.",
                "A June poll"
            )
        );
        // Not every subject is evidence: `found a way` stays an object.
        assert!(reports("The senator found a way around the rules this week.").is_empty());
        let (c, _, _) =
            one("Instant polls showed Clinton was the winner, but instant polls are no forecast.");
        assert_eq!(c, "Clinton was the winner");
        // `shows` after an evidence noun is a verb, though the form is more often a noun.
        let (c, s, _) = one("The new poll shows Trump far out in front of his opponents.");
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("Trump far out in front of his opponents.", "The new poll")
        );
        assert!(reports("The talk shows Trump attended were popular.").is_empty());
    }

    #[test]
    fn subjects_past_asides_and_long_subjects() {
        let (_, s, _) = one(
            "Polk County GOP Chairman Tom Rogers, for example, said the visit would earn attention.",
        );
        assert_eq!(s, "Polk County GOP Chairman Tom Rogers");
        let (c, s, _) = one(
            "Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied.",
        );
        assert_eq!(
            (c.as_str(), s.as_str()),
            (
                "they would be satisfied.",
                "Majorities of Democrats in five states going to the polls Tuesday"
            )
        );
    }

    #[test]
    fn after_said_what_follows_was_said() {
        let (c, s, _) = one("Manny Gomez said seeing so many police officers was a welcome sight.");
        assert_eq!(
            (c.as_str(), s.as_str()),
            (
                "seeing so many police officers was a welcome sight.",
                "Manny Gomez"
            )
        );
        assert_eq!(
            one("A mere 9 percent say they only buy American.").0,
            "they only buy American."
        );
        assert!(reports("Everything Trump says is a lie unless proven otherwise.").is_empty());
        assert!(reports("He said nothing more about the plan that day.").is_empty());
    }

    #[test]
    fn a_relative_clause_after_a_name_reports_for_the_name() {
        let (c, s, _) =
            one("The march was led by Christian Pardo, who said he would not vote for either.");
        assert_eq!(
            (c.as_str(), s.as_str()),
            ("he would not vote for either.", "Christian Pardo")
        );
    }

    #[test]
    fn a_stance_reports_its_target_alone() {
        let (c, s, v) =
            one("The experts generally praised the proposals to benefit small businesses.");
        assert_eq!(
            (c.as_str(), s.as_str(), v.as_str()),
            (
                "the proposals to benefit small businesses.",
                "The experts",
                "praised"
            )
        );
        let (c, _, _) = one(
            "Mr. Ryan accused Mr. Obama of bungling the recovery last year and has since gone quiet.",
        );
        assert_eq!(c, "Mr. Obama of bungling the recovery last year");
        let (c, _, _) =
            one("Gay rights groups condemned the new abortion bill, which passed on Tuesday.");
        assert_eq!(c, "the new abortion bill");
    }

    #[test]
    fn agreement_and_collective_subjects() {
        let (_, s, _) = one("Police say he posed a deadly threat and refused to drop the gun.");
        assert_eq!(s, "Police");
        let (c, s, _) = one(
            "Parents at Lindqvist Primary say the new timetable leaves too little time for lunch.",
        );
        assert_eq!(
            (c.as_str(), s.as_str()),
            (
                "the new timetable leaves too little time for lunch.",
                "Parents at Lindqvist Primary"
            )
        );
    }
}
