//! Quoted names that are not speech: titles of works (`CNN's "State of the Union"`, a film
//! called `"13th"`), nicknames (`Robert C. "Bobby" Scott`) and other proper names in quote
//! marks. A short Title Case span counts as a name when what stands before it introduces
//! one: a possessive, a preposition, an article, or `titled` / `called`.
//!
//! Not a filter on attributed speech: `S said: "Make America Great Again"` stays a quote.

use super::doc::Doc;
use super::marks::Marked;
use super::phrases::lower_in;
use super::tokens::Tok;

/// Longest span, in words, that may be a title or a name.
const MAX_TITLE_WORDS: usize = 7;

/// How surely a quoted span is a name rather than speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    /// Not a name: speech, or a phrase in quote marks.
    No,
    /// A name by its place: after a possessive or a preposition (`CNN's "State of the Union"`,
    /// `on "Meet the Press"`), before `star` or `host`, or inside a person's name (`Robert C.
    /// "Bobby" Scott`). Never speech.
    Surely,
    /// A name by its wording, after an article or `called` (`the "War on Drugs"`): speech when
    /// a reporting verb governs it (`Trump proclaimed a goal of "Peace Through Strength"`).
    Maybe,
}

/// Is the quoted span `q` a title or a nickname rather than speech?
pub fn name_kind(doc: &Doc, q: &Marked) -> Name {
    let [inner] = q.fragments.as_slice() else {
        return Name::No;
    };
    let toks = doc.tokens(inner.clone());
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.text))
        .collect();
    if words.is_empty() || words.len() > MAX_TITLE_WORDS || !is_title_case(&words) {
        return Name::No;
    }
    let before = doc.tokens(q.open.saturating_sub(40)..q.open);
    let after = doc.tokens(q.close..(q.close + 40).min(doc.text.len()));
    if followed_by_name_noun(doc.text, after) || is_nickname(doc.text, before, after) {
        return Name::Surely;
    }
    introduces_name(doc.text, before)
}

/// Short function words that may stay lower case inside a title (`War on Drugs`).
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is",
    "it", "s",
];

/// Words before an opening mark after which a title case phrase may be a name or a title
/// (`the "War on Drugs"`, `his "Contract with America"`, `a group called "X"`), or words.
const NAME_INTRODUCERS: &[&str] = &[
    "the", "a", "an", "his", "their", "its", "our", "of", "new", "latest", "hit", "called",
    "named", "dubbed", "nickname", "slogan", "sign", "shirt",
];

/// Words before an opening mark that introduce the title of a work or an outlet: prepositions
/// (`on "Meet the Press"`), `titled`, and the kinds of works (`his book, "X"`).
const TITLE_INTRODUCERS: &[&str] = &[
    "on",
    "in",
    "at",
    "from",
    "to",
    "with",
    "titled",
    "entitled",
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
    "website",
    "blog",
    "newsletter",
    "podcast",
    "op-ed",
    "magazine",
    "episode",
    "segment",
    "musical",
    "poem",
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

/// `CNN's "X"`, `on "X"` (surely a name); `the "X"`, `a play, "X"` (maybe): the word before
/// the opening mark.
fn introduces_name(text: &str, before: &[Tok]) -> Name {
    let prev = match before.split_last() {
        Some((t, rest)) if t.is_punct(',') => rest.last(),
        other => other.map(|(t, _)| t),
    };
    let Some(mut prev) = prev.filter(|t| t.is_word()) else {
        return Name::No;
    };
    // `his 1994 "Contract with America"`: a year between the determiner and the name.
    if prev.text(text).chars().all(|c| c.is_ascii_digit()) && before.len() >= 2 {
        if let Some(p) = before.get(before.len() - 2).filter(|t| t.is_word()) {
            prev = p;
        }
    }
    let w = prev.text(text);
    if w.ends_with("'s") || w.ends_with("\u{2019}s") || lower_in(w, TITLE_INTRODUCERS) {
        Name::Surely
    } else if lower_in(w, NAME_INTRODUCERS) {
        Name::Maybe
    } else {
        Name::No
    }
}

/// `"Broad City" star Arturo Castro`: a noun right after the closing mark.
fn followed_by_name_noun(text: &str, after: &[Tok]) -> bool {
    // `"Keepin' It Real" radio program`: the noun may follow a modifier.
    after
        .iter()
        .take(2)
        .take_while(|t| t.is_word())
        .any(|t| lower_in(t.text(text), NAME_FOLLOWERS))
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
            .map(|q| name_kind(&doc, q) != Name::No)
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
    fn nicknames_programs_and_dated_titles() {
        assert_eq!(
            titles("Sharpton took calls on his \"Keepin' It Real\" radio program."),
            [true]
        );
        assert_eq!(
            titles("It was in his 1994 \u{201c}Contract with America.\u{201d}"),
            [true]
        );
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
