//! Findings credited to evidence after them: `The aircraft was insured at $35 million, records
//! show.`, `Senate races are all close, a Quinnipiac University poll shows.` News attribution
//! (PolNeAR's among it) treats a poll, a study or a set of records as the source of what it
//! shows. The forward shape (`Polls show Clinton up by 10 points`) is in `reports.rs`.

use super::clauses::looks_like_clause;
use super::phrases::{is_np_word, lower_in, word_at_is};
use super::reports::{Report, EVIDENCE_NOUNS, EVIDENCE_VERBS};
use super::tokens::Tok;

/// Most words of the evidence phrase (`Federal Election Commission records compiled by the
/// Center for Responsive Politics`).
const MAX_EVIDENCE_WORDS: usize = 12;

/// `<clause>, <evidence> shows.`: the content before the sentence's last comma, when all
/// that follows it is a noun phrase holding an evidence noun and a verb of evidence at the
/// end (`have shown` too).
pub fn evidence_after(text: &str, toks: &[Tok]) -> Option<Report> {
    let mut last = toks.len();
    while last > 0 && !toks[last - 1].is_word() {
        if !matches!(toks[last - 1].punct, Some('.' | '!')) {
            return None;
        }
        last -= 1;
    }
    let verb = last.checked_sub(1)?;
    // The first-letter test turns most sentences away before any list is read.
    let first = text.as_bytes()[toks[verb].start];
    if !matches!(first, b's' | b'f' | b'i') || !word_at_is(text, toks, verb, EVIDENCE_VERBS) {
        return None;
    }
    let comma = toks[..verb].iter().rposition(|t| t.is_punct(','))?;
    let mut np_end = verb;
    if word_at_is(text, toks, verb - 1, &["have", "has", "had"]) {
        np_end -= 1;
    }
    let phrase = &toks[comma + 1..np_end];
    let words: Vec<&str> = phrase
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .collect();
    let joined = |t: &Tok| t.is_word() || matches!(t.punct, Some('\'' | '\u{2019}' | '-' | '.'));
    let evidence = words.iter().any(|w| lower_in(w, EVIDENCE_NOUNS));
    let noun_phrase = words
        .iter()
        .all(|w| is_np_word(w) || lower_in(w, &["by", "of", "from", "the", "a", "an"]));
    if words.is_empty()
        || words.len() > MAX_EVIDENCE_WORDS
        || !evidence
        || !noun_phrase
        || !phrase.iter().all(joined)
    {
        return None;
    }
    let content = &toks[..comma];
    if !looks_like_clause(text, content) {
        return None;
    }
    Some(Report {
        fragments: std::iter::once(content.first()?.start..content.last()?.end()).collect(),
        speaker: Some(phrase.first()?.start..phrase.last()?.end()),
        cue: toks[verb].range(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn found(t: &str) -> Option<(String, String, String)> {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        evidence_after(t, &toks).map(|r| {
            (
                t[r.fragments[0].clone()].to_string(),
                t[r.speaker.unwrap()].to_string(),
                t[r.cue].to_string(),
            )
        })
    }

    #[test]
    fn findings_before_their_evidence() {
        assert_eq!(
            found("The aircraft was insured at a value of $35 million in 2011, records show."),
            Some((
                "The aircraft was insured at a value of $35 million in 2011".into(),
                "records".into(),
                "show".into()
            ))
        );
        assert_eq!(
            found("Senate races in Ohio are all close, a Quinnipiac University poll shows.")
                .map(|f| f.1),
            Some("a Quinnipiac University poll".into())
        );
    }

    #[test]
    fn no_evidence_no_finding() {
        assert_eq!(found("The plan failed, the senator shows."), None);
        assert_eq!(found("As the numbers show, the plan failed."), None);
        assert_eq!(found("The plan failed, and the polls show it."), None);
    }
}
