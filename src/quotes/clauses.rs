//! Does a stretch of words read as a clause (`the two raised $350 million`, `he would win`)
//! rather than a noun phrase (`a note of caution`) or a fragment (`stung after the crisis`)?
//! Reported content must be a clause; without a parser we ask for a subject-like first word
//! and a verb-like word soon after it.

use super::lexicon;
use super::phrases::{is_determiner, is_pronoun, lower};
use super::tokens::Tok;

/// How far into the content the verb must show up, in words.
const VERB_WITHIN: usize = 12;

/// Lower-case words that can open a reported clause as (or before) its subject.
const SUBJECT_OPENERS: &[&str] = &[
    "there",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "somebody",
    "all",
    "most",
    "many",
    "some",
    "few",
    "none",
    "each",
    "every",
    "any",
    "more",
    "less",
    "only",
    "neither",
    "either",
    "voters",
    "people",
    "americans",
    "officials",
    "police",
    "democrats",
    "republicans",
];

/// Auxiliaries, modals and forms of `be`, `have`, `do`: the verbs a clause most often shows.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "won't",
    "can't",
    "isn't",
    "wasn't",
    "doesn't",
    "didn't",
    "don't",
    "aren't",
    "weren't",
    "hasn't",
    "haven't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "it's",
    "he's",
    "she's",
    "that's",
    "there's",
    "they're",
    "we're",
    "i'm",
    "you're",
];

fn lower_is(word: &str, list: &[&str]) -> bool {
    let normalised = word.replace('\u{2019}', "'");
    let mut buf = [0u8; 16];
    lower(&normalised, &mut buf).is_some_and(|w| list.contains(&w))
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Can `word` open a clause?
fn opens_subject(word: &str) -> bool {
    let mut buf = [0u8; 16];
    // `he'd`, `it's`, `they're`: a pronoun with its verb attached.
    let stem = word.split(['\'', '\u{2019}']).next().unwrap_or(word);
    is_capitalised(word)
        || is_pronoun(stem)
        || lower(word, &mut buf).is_some_and(is_determiner)
        || lower_is(word, SUBJECT_OPENERS)
}

/// Is `word` (after `prev`) likely a finite verb?
fn is_verb_like(word: &str, prev: &str) -> bool {
    if lower_is(word, AUXILIARIES) {
        return true;
    }
    let lowercase = word.chars().next().is_some_and(char::is_lowercase);
    let past = word.len() > 4 && word.ends_with("ed");
    let third = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
    let after_subject = is_capitalised(prev) || is_pronoun(prev);
    let after_function_word = lower_is(
        prev,
        &[
            "of", "a", "an", "the", "to", "for", "in", "on", "with", "his", "her", "their", "its",
            "our",
        ],
    );
    lowercase
        && (past
            || (third && after_subject)
            || !after_function_word
                && lexicon::cue_at(word, Some(prev)).is_some_and(|c| !c.gerund && !c.nominal))
}

/// Do the words of `toks` open with a subject and show a verb soon after?
pub fn looks_like_clause(text: &str, toks: &[Tok]) -> bool {
    // The verb comes before the first comma: `a note of caution, should ...` is no clause.
    let words: Vec<&str> = toks
        .iter()
        .take_while(|t| !t.is_punct(','))
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .take(VERB_WITHIN)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !opens_subject(first)
        || lower_is(first, &["it", "this", "then", "no", "yes"]) && words.len() < 3
    {
        return false;
    }
    words.windows(2).any(|w| is_verb_like(w[1], w[0]))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn clause(t: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        looks_like_clause(t, &toks)
    }

    #[test]
    fn clauses() {
        assert!(clause("the two raised $350 million through the program"));
        assert!(clause("he would win the state"));
        assert!(clause("Clinton beats Trump by 46 percent"));
        assert!(clause("there are also national security concerns"));
    }

    #[test]
    fn not_clauses() {
        assert!(!clause(
            "a note of caution, should Clinton attempt a return"
        ));
        assert!(!clause(
            "stung after the euro crisis highlighted differences"
        ));
        assert!(!clause("Machado since the Monday night debate"));
        assert!(!clause(
            "Ivanka Trump, the Republican presidential nominee's eldest daughter"
        ));
    }
}
