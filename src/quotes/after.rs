//! Attribution that follows a quote: `"Q," S said.` / `"Q," said S.` / `"Q," S, a
//! spokeswoman, said.` / `"Q," according to S.` / `"Q" ― S` (a credit line). The tokens given
//! are those between the closing mark and the end of the sentence.

use super::attribution::{source_cue, span, word_at, Attribution};
use super::lexicon::{self, DIRECT};
use super::phrases::{
    is_determiner, is_np_word, is_pronoun, lower, name_after, np_after, np_before,
};
use super::tokens::Tok;

/// Farthest a subject may stretch between a quote and its verb (`"Q," S ... said`), in tokens.
const MAX_SUBJECT_TOKENS: usize = 30;
/// Most words a trailing attribution may have (`, the senator said in a statement Monday.`).
const MAX_TAIL_WORDS: usize = 14;
/// How many commas from the sentence end a trailing attribution may start at.
const MAX_COMMAS: usize = 3;
/// Most words between the quote and the start of the subject phrase next to the verb.
const MAX_SUBJECT_RUN: usize = 6;

/// A verb form that can close a direct quote, after the word `prev`: `said`, `says`, not
/// `saying`, not the noun `the report`.
pub fn is_direct_cue(word: &str, prev: Option<&str>) -> bool {
    lexicon::cue_at(word, prev).is_some_and(|c| c.can(DIRECT) && !c.gerund && !c.nominal)
}

fn is_dash(c: Option<char>) -> bool {
    matches!(c, Some('\u{2015}' | '\u{2014}' | '\u{2013}' | '-'))
}

fn found(speaker: Option<std::ops::Range<usize>>, cue: std::ops::Range<usize>) -> Attribution {
    Attribution {
        speaker,
        cue: Some(cue),
        intro: true,
        after: true,
    }
}

/// `"Q," S said.` / `"Q," said S.` / `"Q," according to S.`
pub fn after_quote(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let first_punct = toks.first().and_then(|t| t.punct);
    let mut i = usize::from(first_punct == Some(',') || is_dash(first_punct));
    if word_at(text, toks, i).is_some_and(|w| w.eq_ignore_ascii_case("as")) {
        i += 1; // `"Q," as a Homeland Security memo put it.`
    }
    let first = word_at(text, toks, i)?;
    if let Some(n) = source_cue(text, toks, i) {
        let speaker = np_after(text, toks, i + n).map(|s| span(toks, s));
        return Some(found(speaker, toks[i].start..toks[i + n - 1].end()));
    }
    // `the advertisement "unmistakably and wrongfully" suggests that ...`: a verb with a
    // clause of its own after the quote does not attribute it.
    let clause_follows =
        word_at(text, toks, i + 1).is_some_and(|w| w.eq_ignore_ascii_case("that")) && i == 0;
    if is_direct_cue(first, None) && is_lowercase(first) && !clause_follows {
        // `, said that in 1998 ...`: a complementizer opens no inverted subject.
        let complementizer =
            word_at(text, toks, i + 1).is_some_and(|w| w.eq_ignore_ascii_case("that"));
        let speaker = np_after(text, toks, i + 1)
            .filter(|_| !complementizer)
            .filter(|&(a, b)| {
                let named = toks[a..b]
                    .iter()
                    .any(|t| t.is_word() && !is_lowercase(t.text(text)));
                named || starts_with_determiner(text, toks, a)
            })
            .map(|s| span(toks, s));
        return Some(found(speaker, toks[i].range()));
    }
    let verb = find_verb_after_subject(text, toks, i)?;
    if is_passive(text, toks, verb) {
        return None; // `people were mistakenly charged fees`
    }
    let (a, b) = np_before(text, toks, verb)?;
    let start = if a == i {
        a
    } else {
        subject_run_start(text, toks, i, a)?
    };
    Some(found(
        Some(toks[start].start..toks[b - 1].end()),
        toks[verb].range(),
    ))
}

/// `<clause>, S said.` at the end of a sentence: the index of the comma and the
/// attribution, when nothing but a short tail (`in a statement`, `on Monday`) follows it.
pub fn trailing(text: &str, toks: &[Tok]) -> Option<(usize, Attribution)> {
    // `... flat out wrong — according to the journal.`: a dash hands over too.
    let commas = toks
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.is_punct(',') || is_dash(t.punct) && t.punct != Some('-'))
        .take(MAX_COMMAS);
    commas
        .map(|(k, _)| k)
        .find_map(|comma| trailing_at(text, toks, comma))
}

/// `, S said` starting at the comma `comma`, followed only by a short tail. A later comma may
/// open a participle (`, she said, referencing the bank`), so the tail is cut there.
fn trailing_at(text: &str, toks: &[Tok], comma: usize) -> Option<(usize, Attribution)> {
    let next_comma = toks[comma + 1..]
        .iter()
        .position(|t| t.is_punct(','))
        .map_or(toks.len(), |p| comma + 1 + p);
    let participle = toks
        .get(next_comma + 1)
        .is_some_and(|t| t.is_word() && t.text(text).ends_with("ing"));
    let toks = if participle {
        &toks[..next_comma]
    } else {
        toks
    };
    let tail = &toks[comma..];
    // The attribution proper runs to the next comma; an apposition after the speaker (`, a
    // former tax aide now teaching at ...`) is measured by `ends_attribution`.
    let segment = &toks[comma..next_comma.min(toks.len()).max(comma)];
    let that = |t: &Tok| t.is_word() && t.text(text).eq_ignore_ascii_case("that");
    if segment.iter().filter(|t| t.is_word()).count() > MAX_TAIL_WORDS || segment.iter().any(that) {
        return None;
    }
    let a = after_quote(text, tail)?;
    let cue = a.cue.clone()?;
    a.speaker.as_ref()?;
    let mut attribution_end = a.speaker.as_ref().map_or(cue.end, |s| s.end.max(cue.end));
    // `, an official told The New York Times.`: the hearer after `told` belongs to it.
    let told = text
        .get(cue.clone())
        .is_some_and(|c| c.eq_ignore_ascii_case("told") || c.eq_ignore_ascii_case("tells"));
    if told && cue.end == attribution_end {
        let next = toks.partition_point(|t| t.start < cue.end);
        if let Some((_, b)) = np_after(text, toks, next) {
            attribution_end = toks[b - 1].end();
        }
    }
    ends_attribution(text, toks, attribution_end).then_some((comma, a))
}

/// Words that may start what follows `S said` to the end of the sentence.
const TAIL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "to",
    "after",
    "before",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "via",
    "from",
    "while",
    "when",
    "reporters",
    "told",
];

/// After `S said` only a short tail may follow to the sentence end: `in a statement`, `on
/// Monday`, `told reporters`, `, a spokeswoman for X`, not a clause of its own.
fn ends_attribution(text: &str, toks: &[Tok], from: usize) -> bool {
    let rest: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.start >= from && t.is_word())
        .collect();
    let Some(first) = rest.first() else {
        return true;
    };
    let mut buf = [0u8; 16];
    let Some(first_word) = lower(first.text(text), &mut buf) else {
        return false;
    };
    let opener = TAIL_OPENERS.contains(&first_word);
    let comma_next = toks
        .iter()
        .find(|t| t.start >= from)
        .is_some_and(|t| t.is_punct(','));
    // `, said Steve Elmendorf, deputy campaign manager for ...`: an appositive after the name,
    // not a clause that goes on (`, Mr. Clarke said, until it went bankrupt`).
    let describes = ["a", "an", "the", "who", "whose"].contains(&first_word);
    let goes_on = [
        "until", "because", "since", "although", "though", "while", "when", "as", "and", "but",
        "if", "after", "before", "so",
    ]
    .contains(&first_word);
    let appositive = comma_next && !goes_on && (describes || rest.len() <= 10);
    rest.len() <= 2
        || (opener && rest.len() <= 6)
        || (appositive && rest.len() <= MAX_APPOSITION_WORDS)
}

/// Most words of an apposition after a trailing attribution's speaker.
const MAX_APPOSITION_WORDS: usize = 25;

fn starts_with_determiner(text: &str, toks: &[Tok], a: usize) -> bool {
    let word = toks[a].text(text);
    let mut buf = [0u8; 16];
    is_pronoun(word) || lower(word, &mut buf).is_some_and(is_determiner)
}

/// `"Q" ― Jorge Falcon`: a dash and a name right after the quote, the dash being the cue.
pub fn credit_line(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let dash = toks.first().filter(|t| is_dash(t.punct))?;
    let (a, b) = np_after(text, toks, 1)?;
    let capitalised = toks[a]
        .text(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let ends = toks
        .get(b)
        .is_none_or(|t| matches!(t.punct, Some('.' | ',')));
    (capitalised && ends).then(|| found(Some(span(toks, (a, b))), dash.range()))
}

/// Irregular past forms that close a quote like `said` (`"Q," Trump went on.`).
const IRREGULAR_PASTS: &[&str] = &[
    "went", "wrote", "spoke", "told", "began", "sang", "swore", "shot", "threw", "broke", "put",
    "read", "thought", "felt", "knew", "came", "chimed", "fired", "bit", "struck", "drew",
];

pub fn is_irregular_past(word: &str) -> bool {
    IRREGULAR_PASTS.contains(&word)
}

/// `"Q," Toomey fumed.` / `"Q," he went on.`: after a quote that ends in `,` `?` `!`, a name
/// or pronoun and a past-tense verb not in the lexicon are still its attribution.
pub fn unknown_verb_after(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let (a, b) = name_after(text, toks, 0)?;
    if b - a > 5 {
        return None;
    }
    let verb = toks.get(b).filter(|t| t.is_word())?;
    let w = verb.text(text);
    let past = (w.len() > 4 && w.ends_with("ed")) || is_irregular_past(w);
    if !is_lowercase(w) || !past {
        return None;
    }
    let rest = toks[b + 1..]
        .iter()
        .take_while(|t| !matches!(t.punct, Some('.' | '!' | '?' | ';')));
    let short = rest.filter(|t| t.is_word()).count() <= 8;
    short.then(|| found(Some(span(toks, (a, b))), verb.range()))
}

/// The first direct cue verb after token `from`, before any sentence punctuation.
fn find_verb_after_subject(text: &str, toks: &[Tok], from: usize) -> Option<usize> {
    let end = toks.len().min(from + MAX_SUBJECT_TOKENS);
    for j in from + 1..end {
        let t = &toks[j];
        match t.punct {
            None if is_lowercase(t.text(text))
                && is_direct_cue(t.text(text), word_at(text, toks, j - 1)) =>
            {
                return Some(j)
            }
            None => {}
            Some('.') if abbreviation_dot(text, toks, j) => {}
            Some('.' | '!' | '?' | ';' | ':') => return None,
            Some(c) if super::marks::is_double(c) => return None,
            Some(_) => {}
        }
    }
    None
}

fn abbreviation_dot(text: &str, toks: &[Tok], j: usize) -> bool {
    let Some(prev) = j.checked_sub(1).and_then(|p| word_at(text, toks, p)) else {
        return false;
    };
    prev.chars().count() <= 4 && prev.chars().next().is_some_and(char::is_uppercase)
}

/// Is the verb at `j` passive (`were mistakenly charged`, `was told`)?
pub fn is_passive(text: &str, toks: &[Tok], j: usize) -> bool {
    if toks[j].text(text).ends_with("ing") {
        return false; // `is telling`: progressive, not passive
    }
    let mut k = j;
    while k > 0 && toks[k - 1].is_word() {
        k -= 1;
        let w = toks[k].text(text);
        let mut buf = [0u8; 16];
        if lower(w, &mut buf)
            .is_some_and(|w| matches!(w, "be" | "been" | "being" | "is" | "are" | "was" | "were"))
        {
            return true;
        }
        if !super::phrases::is_aux_or_adverb(w) {
            return false;
        }
    }
    false
}

pub fn is_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// When the phrase right before the verb starts after the quote's end (`"Q," the senator
/// from Texas said`), accept the whole run if it reads as one noun phrase.
fn subject_run_start(text: &str, toks: &[Tok], from: usize, np_start: usize) -> Option<usize> {
    let words: Vec<&str> = toks[from..np_start]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .collect();
    let joins = |w: &str| {
        let mut buf = [0u8; 16];
        lower(w, &mut buf)
            .is_some_and(|w| matches!(w, "of" | "for" | "from" | "at" | "in" | "with"))
    };
    let clean = words
        .iter()
        .all(|w| (is_np_word(w) || joins(w)) && !is_pronoun(w));
    (words.len() <= MAX_SUBJECT_RUN && clean).then_some(from)
}
