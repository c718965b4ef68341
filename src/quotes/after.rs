//! Attribution that follows a quote: `"Q," S said.` / `"Q," said S.` / `"Q," S, a
//! spokeswoman, said.` / `"Q," according to S.` / `"Q" ― S` (a credit line). The tokens given
//! are those between the closing mark and the end of the sentence.

use super::attribution::{is_according_to, span, word_at, Attribution};
use super::lexicon::{self, DIRECT};
use super::phrases::{is_np_word, is_pronoun, lower, np_after, np_before};
use super::tokens::Tok;

/// Farthest a subject may stretch between a quote and its verb (`"Q," S ... said`), in tokens.
const MAX_SUBJECT_TOKENS: usize = 30;
/// Most words between the quote and the start of the subject phrase next to the verb.
const MAX_SUBJECT_RUN: usize = 6;

/// A verb form that can close a direct quote: `said`, `says`, not `saying`.
pub fn is_direct_cue(word: &str) -> bool {
    lexicon::lookup(word).is_some_and(|c| c.can(DIRECT) && !c.gerund)
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
    let i = usize::from(first_punct == Some(',') || is_dash(first_punct));
    let first = word_at(text, toks, i)?;
    if is_according_to(text, toks, i) {
        let speaker = np_after(text, toks, i + 2).map(|s| span(toks, s));
        return Some(found(speaker, toks[i].start..toks[i + 1].end));
    }
    if is_direct_cue(first) && is_lowercase(first) {
        let speaker = np_after(text, toks, i + 1).map(|s| span(toks, s));
        return Some(found(speaker, toks[i].range()));
    }
    let verb = find_verb_after_subject(text, toks, i)?;
    let (a, b) = np_before(text, toks, verb)?;
    let start = if a == i {
        a
    } else {
        subject_run_start(text, toks, i, a)?
    };
    Some(found(
        Some(toks[start].start..toks[b - 1].end),
        toks[verb].range(),
    ))
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

/// The first direct cue verb after token `from`, before any sentence punctuation.
fn find_verb_after_subject(text: &str, toks: &[Tok], from: usize) -> Option<usize> {
    let end = toks.len().min(from + MAX_SUBJECT_TOKENS);
    for j in from + 1..end {
        let t = &toks[j];
        match t.punct {
            None if is_direct_cue(t.text(text)) && is_lowercase(t.text(text)) => return Some(j),
            None => {}
            Some(',' | '(' | ')' | '-' | '\u{2019}' | '\'' | '&') => {}
            Some('.') if abbreviation_dot(text, toks, j) => {}
            Some(_) => return None,
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
        lower(w, &mut buf).is_some_and(|w| matches!(w, "of" | "for" | "from" | "at"))
    };
    let clean = words
        .iter()
        .all(|w| (is_np_word(w) || joins(w)) && !is_pronoun(w));
    (words.len() <= MAX_SUBJECT_RUN && clean).then_some(from)
}
