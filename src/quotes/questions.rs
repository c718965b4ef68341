//! Questions put to someone, reported without marks: `Asked about Trump's temperament, he
//! said ...`, `when asked whether he would fire a speechwriter`, `Huckabee was asked by a
//! caller why young Syrian men are coming`. The content is the question (`about ...`, a
//! wh-clause, `to ...`); its source is the asker when the sentence names one (`by a caller`),
//! else no one. News attribution (PolNeAR's among it) counts the question as reported
//! speech. `S asked Y about X` is an ordinary report (`reports.rs`); this module reads the
//! shapes where the asker is not the subject.

use super::phrases::{np_after, word_at_is};
use super::reports::{Report, MIN_CONTENT_WORDS};
use super::tokens::Tok;

/// Most tokens between `asked` and the start of the question (`Asked at a briefing Monday in
/// Washington about ...`).
const MAX_QUESTION_REACH: usize = 12;

/// Words that open the question itself.
const QUESTION_OPENERS: &[&str] = &[
    "about", "whether", "if", "why", "what", "how", "when", "where", "who", "which", "to",
];

/// Words before `asked` that make it a participle or a passive: the asker is not its subject.
const NOT_THE_ASKER: &[&str] = &[
    "when", "if", "once", "after", "was", "were", "is", "are", "been", "being", "be",
];

/// The question reported at an `asked` of `toks` whose asker is not its subject.
pub fn question_asked(text: &str, toks: &[Tok]) -> Option<Report> {
    // The length test turns most tokens away before any text is compared.
    let at = toks.iter().position(|t| {
        t.end() - t.start == "asked".len()
            && t.is_word()
            && t.text(text).eq_ignore_ascii_case("asked")
    })?;
    let opens_sentence = toks[..at].iter().all(|t| !t.is_word());
    let participle_or_passive = at > 0 && word_at_is(text, toks, at - 1, NOT_THE_ASKER);
    if !(opens_sentence || participle_or_passive) {
        return None;
    }
    let mut k = at + 1;
    let mut speaker = None;
    if word_at_is(text, toks, k, &["by"]) {
        let (a, b) = np_after(text, toks, k + 1)?;
        speaker = Some(toks[a].start..toks[b - 1].end());
        k = b;
    }
    let limit = toks.len().min(k + MAX_QUESTION_REACH);
    let start = (k..limit)
        .take_while(|&m| toks[m].is_word() || toks[m].punct == Some('\''))
        .find(|&m| word_at_is(text, toks, m, QUESTION_OPENERS))?;
    let end = (start..toks.len())
        .find(|&m| {
            matches!(toks[m].punct, Some(',' | ';' | '.' | '?' | ':'))
                || toks[m].punct.is_some_and(super::marks::is_double)
        })
        .unwrap_or(toks.len());
    let words = toks[start..end].iter().filter(|t| t.is_word()).count();
    (words >= MIN_CONTENT_WORDS).then(|| Report {
        fragments: std::iter::once(toks[start].start..toks[end - 1].end()).collect(),
        speaker,
        cue: toks[at].range(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn question(t: &str) -> Option<(String, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        question_asked(t, &toks).map(|r| {
            (
                t[r.fragments[0].clone()].to_string(),
                r.speaker.map(|s| t[s].to_string()),
            )
        })
    }

    #[test]
    fn questions_put_to_the_subject() {
        assert_eq!(
            question("Asked about Trump's temperament, Cuban said he saw no change."),
            Some(("about Trump's temperament".into(), None))
        );
        assert_eq!(
            question("He paused when asked whether he would fire a speechwriter."),
            Some(("whether he would fire a speechwriter".into(), None))
        );
        assert_eq!(
            question("Huckabee was asked by a caller why young men are coming here."),
            Some((
                "why young men are coming here".into(),
                Some("a caller".into())
            ))
        );
        assert_eq!(
            question("Asked at a briefing Monday in Washington about her future role, he smiled."),
            Some(("about her future role".into(), None))
        );
    }

    #[test]
    fn an_asker_as_subject_is_no_question_here() {
        assert_eq!(question("Todd asked the candidate about the tweet."), None);
        assert_eq!(question("Asked, he declined."), None);
    }
}
