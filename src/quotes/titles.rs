//! Quoted names that are not speech: titles of works (`CNN's "State of the Union"`, a film
//! called `"13th"`), nicknames (`Robert C. "Bobby" Scott`) and other proper names in quote
//! marks. A short Title Case span counts as a name when what stands before it introduces
//! one: a possessive, a preposition, an article, or `titled` / `called`.
//!
//! Not a filter on attributed speech: `S said: "Make America Great Again"` stays a quote.

use super::doc::Doc;
use super::marks::Marked;
use super::phrases::lower;
use super::tokens::Tok;

/// Longest span, in words, that may be a title or a name.
const MAX_TITLE_WORDS: usize = 7;

/// Is the quoted span `q` a title or a nickname rather than speech?
pub fn is_title_or_name(doc: &Doc, q: &Marked) -> bool {
    let [inner] = q.fragments.as_slice() else {
        return false;
    };
    let toks = doc.tokens(inner.clone());
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.text))
        .collect();
    if words.is_empty() || words.len() > MAX_TITLE_WORDS || !is_title_case(&words) {
        return false;
    }
    let before = doc.tokens(q.open.saturating_sub(40)..q.open);
    let after = doc.tokens(q.close..(q.close + 40).min(doc.text.len()));
    introduces_name(doc.text, before)
        || followed_by_name_noun(doc.text, after)
        || is_nickname(doc.text, before, after)
}

/// Short function words that may stay lower case inside a title (`War on Drugs`).
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is",
    "it", "s",
];

/// Words before an opening mark that introduce a name or a title (`on "Meet the Press"`,
/// `the "War on Drugs"`, `his "Contract with America"`, `a book called "X"`).
const NAME_INTRODUCERS: &[&str] = &[
    "on",
    "in",
    "at",
    "from",
    "of",
    "with",
    "to",
    "the",
    "a",
    "an",
    "his",
    "their",
    "its",
    "our",
    "new",
    "latest",
    "hit",
    "titled",
    "entitled",
    "named",
    "called",
    "dubbed",
    "nickname",
    "program",
    "show",
    "film",
    "book",
    "movie",
    "song",
    "anthem",
    "album",
    "column",
    "article",
    "headline",
    "documentary",
    "series",
    "play",
    "novel",
    "memoir",
    "slogan",
    "hashtag",
    "website",
    "blog",
    "newsletter",
    "podcast",
    "op-ed",
    "magazine",
    "sign",
    "shirt",
];

/// Nouns after a closing mark that show the quoted words were a name (`"Broad City" star`).
const NAME_FOLLOWERS: &[&str] = &[
    "star",
    "stars",
    "host",
    "hosts",
    "anchor",
    "actor",
    "actress",
    "creator",
    "producer",
    "author",
    "episode",
    "segment",
    "series",
    "show",
    "program",
    "movie",
    "film",
    "book",
    "song",
    "album",
    "co-host",
    "correspondent",
    "contestant",
    "cast",
    "finale",
    "premiere",
    "sign",
    "signs",
    "t-shirt",
    "t-shirts",
    "hat",
    "hats",
    "bag",
    "button",
    "sticker",
    "banner",
    "tour",
    "ad",
    "ads",
    "commercial",
    "website",
    "podcast",
    "column",
    "documentary",
    "hashtag",
    "app",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| list.contains(&w))
}

/// Every word capitalised, except short function words inside (`War on Drugs`).
fn is_title_case(words: &[&str]) -> bool {
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    capital(words[0])
        && words
            .iter()
            .all(|w| capital(w) || lower_in(w, TITLE_SMALL_WORDS))
}

/// `CNN's "X"`, `on "X"`, `the "X"`, `a play, "X"`: the word before the opening mark.
fn introduces_name(text: &str, before: &[Tok]) -> bool {
    let prev = match before.split_last() {
        Some((t, rest)) if t.is_punct(',') => rest.last(),
        other => other.map(|(t, _)| t),
    };
    let Some(prev) = prev.filter(|t| t.is_word()) else {
        return false;
    };
    let w = prev.text(text);
    w.ends_with("'s") || w.ends_with("\u{2019}s") || lower_in(w, NAME_INTRODUCERS)
}

/// `"Broad City" star Arturo Castro`: a noun right after the closing mark.
fn followed_by_name_noun(text: &str, after: &[Tok]) -> bool {
    after
        .first()
        .is_some_and(|t| t.is_word() && lower_in(t.text(text), NAME_FOLLOWERS))
}

/// `Robert C. "Bobby" Scott`: a capitalised word (or initial) on both sides.
fn is_nickname(text: &str, before: &[Tok], after: &[Tok]) -> bool {
    let capital = |t: Option<&Tok>| {
        t.is_some_and(|t| {
            t.is_word() && t.text(text).chars().next().is_some_and(char::is_uppercase)
        })
    };
    let prev = match before.last() {
        Some(t) if t.is_punct('.') => before.len().checked_sub(2).and_then(|i| before.get(i)),
        other => other,
    };
    capital(prev) && capital(after.first())
}

#[cfg(test)]
mod tests {
    use super::super::marks::quoted_spans;
    use super::*;

    fn titles(t: &str) -> Vec<bool> {
        let doc = Doc::new(t);
        quoted_spans(t, &doc.paragraphs)
            .iter()
            .map(|q| is_title_or_name(&doc, q))
            .collect()
    }

    #[test]
    fn titles_and_nicknames() {
        assert_eq!(
            titles("Pence said on CNN's \"State of the Union\" that it was fine."),
            [true]
        );
        assert_eq!(
            titles("Rep. Robert C. \"Bobby\" Scott threw a party."),
            [true]
        );
        assert_eq!(titles("the \"War On Drugs\" began."), [true]);
    }

    #[test]
    fn speech_is_not_a_title() {
        assert_eq!(titles("Trump called her \"Miss Piggy\" twice."), [false]);
        assert_eq!(
            titles("He said it was \"a total disaster\" for all."),
            [false]
        );
    }
}
