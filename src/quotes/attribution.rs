//! Who said a quoted span, from the words around it, without a parser. The patterns:
//!
//! - after the quote, in its sentence: `"Q," S said.` / `"Q," said S.` / `"Q," S, a
//!   spokeswoman, said.` / `"Q," according to S.`
//! - before the quote, in its sentence: `S said: "Q"` / `S said, "Q"` / `S said (that) ...
//!   "partial"` / `According to S, "Q"` / `S: "Q"`
//! - a quote paragraph after a paragraph that ends `S said:`.
//!
//! Split quotes and floating quotes are the assembler's job (`assemble.rs`): here each quoted
//! span is attributed on its own.

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{self, DIRECT, PARTIAL};
use super::marks::Marked;
use super::phrases::{lower, np_after, np_before};
use super::tokens::Tok;

/// Farthest a subject may stretch between a quote and its verb (`"Q," S ... said`), in tokens.
const MAX_SUBJECT_TOKENS: usize = 30;

/// The speaker and cue found for one quoted span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    /// The quote stands as a clause of its own (`S said: "Q"`, `"Q," S said`) rather than
    /// inside the reporting clause (`S called it "a disaster"`).
    pub intro: bool,
    /// The attribution follows the quote (`"Q," S said`).
    pub after: bool,
}

/// Attributes quote `i` of `quotes` (all the article's quoted spans, in order).
pub fn attribute(doc: &Doc, quotes: &[Marked], i: usize) -> Option<Attribution> {
    let q = &quotes[i];
    if q.closed {
        let toks = doc.tokens(after_window(doc, quotes, i));
        if let Some(a) = after_quote(doc.text, toks) {
            return Some(a);
        }
    }
    let toks = doc.tokens(before_window(doc, quotes, i));
    if toks.iter().any(Tok::is_word) {
        return before_quote(doc.text, toks);
    }
    previous_paragraph_colon(doc, quotes, i)
}

/// From the closing mark to the end of its sentence, or to the next quote.
fn after_window(doc: &Doc, quotes: &[Marked], i: usize) -> Range<usize> {
    let q = &quotes[i];
    let sentence_end = doc
        .sentence_at(q.close.saturating_sub(1))
        .map_or(q.close, |s| s.end);
    let para = &doc.paragraphs[doc.paragraph_at(q.close.saturating_sub(1))];
    let mut end = sentence_end.max(q.close).min(para.end.max(q.close));
    if let Some(next) = quotes.get(i + 1) {
        end = end.min(next.open.max(q.close));
    }
    q.close..end
}

/// From the start of the quote's sentence (or the previous quote's end) to the opening mark.
fn before_window(doc: &Doc, quotes: &[Marked], i: usize) -> Range<usize> {
    let q = &quotes[i];
    let mut start = doc
        .sentence_at(q.open)
        .map_or(q.open, |s| s.start.min(q.open));
    if let Some(prev) = i.checked_sub(1).map(|p| &quotes[p]) {
        if prev.close <= q.open {
            start = start.max(prev.close);
        }
    }
    start..q.open
}

fn word_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.is_word()).map(|t| t.text(text))
}

fn is_according_to(text: &str, toks: &[Tok], i: usize) -> bool {
    word_at(text, toks, i).is_some_and(|w| w.eq_ignore_ascii_case("according"))
        && word_at(text, toks, i + 1).is_some_and(|w| w.eq_ignore_ascii_case("to"))
}

/// A verb form that can close a direct quote: `said`, `says`, not `saying`.
fn is_direct_cue(word: &str) -> bool {
    lexicon::lookup(word).is_some_and(|c| c.can(DIRECT) && !c.gerund)
}

fn span(toks: &[Tok], (a, b): (usize, usize)) -> Range<usize> {
    toks[a].start..toks[b - 1].end
}

/// `"Q," S said.` / `"Q," said S.` / `"Q," according to S.`
pub fn after_quote(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let mut i = 0;
    if toks
        .first()
        .is_some_and(|t| matches!(t.punct, Some(',' | '\u{2014}' | '\u{2013}' | '-')))
    {
        i = 1;
    }
    let first = word_at(text, toks, i)?;
    if is_according_to(text, toks, i) {
        let speaker = np_after(text, toks, i + 2).map(|s| span(toks, s));
        let cue = Some(toks[i].start..toks[i + 1].end);
        return Some(Attribution {
            speaker,
            cue,
            intro: true,
            after: true,
        });
    }
    if is_direct_cue(first) {
        let speaker = np_after(text, toks, i + 1).map(|s| span(toks, s));
        return Some(Attribution {
            speaker,
            cue: Some(toks[i].range()),
            intro: true,
            after: true,
        });
    }
    let verb = find_verb_after_subject(text, toks, i)?;
    let (a, b) = np_before(text, toks, verb)?;
    let subject_start = if a == i {
        a
    } else {
        subject_run_start(text, toks, i, a)?
    };
    Some(Attribution {
        speaker: Some(toks[subject_start].start..toks[b - 1].end),
        cue: Some(toks[verb].range()),
        intro: true,
        after: true,
    })
}

/// The first direct cue verb after token `from`, before any sentence punctuation.
fn find_verb_after_subject(text: &str, toks: &[Tok], from: usize) -> Option<usize> {
    let end = toks.len().min(from + MAX_SUBJECT_TOKENS);
    for j in from + 1..end {
        let t = &toks[j];
        match t.punct {
            None if is_direct_cue(t.text(text)) && is_lowercase(t.text(text)) => return Some(j),
            None => {}
            Some(',' | '(' | ')' | '-' | '\u{2019}' | '\'' | '&' | '.') => {
                if t.is_punct('.') && !abbreviation_dot(text, toks, j) {
                    return None;
                }
            }
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

fn is_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// When the phrase right before the verb starts later than the quote's end (`"Q," the
/// senator from Texas said`), accept the whole run if no clause word breaks it.
fn subject_run_start(text: &str, toks: &[Tok], from: usize, np_start: usize) -> Option<usize> {
    let run = &toks[from..np_start];
    let words = run.iter().filter(|t| t.is_word()).count();
    let clean = run
        .iter()
        .filter(|t| t.is_word())
        .all(|t| !breaks_subject(t.text(text)));
    (words <= 6 && clean).then_some(from)
}

/// Words that start a new clause, so what follows them is not the quote's speaker.
fn breaks_subject(word: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| {
        matches!(
            w,
            "and"
                | "but"
                | "or"
                | "that"
                | "which"
                | "when"
                | "while"
                | "because"
                | "if"
                | "so"
                | "then"
                | "where"
                | "although"
                | "though"
                | "whether"
                | "than"
                | "as"
                | "is"
                | "was"
                | "are"
                | "were"
        )
    })
}

/// `S said: "Q"` / `S said, "Q"` / `S called it "Q"` / `According to S, "Q"` / `S: "Q"`.
fn before_quote(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let n = toks.len();
    for j in (0..n).rev() {
        let Some(word) = word_at(text, toks, j) else {
            continue;
        };
        if is_according_to(text, toks, j) {
            return according_to_before(text, toks, j);
        }
        let Some(cue) = lexicon::lookup(word) else {
            continue;
        };
        if !is_lowercase(word) {
            continue;
        }
        let intro = is_intro_gap(text, &toks[j + 1..]);
        if !(if intro {
            cue.can(DIRECT)
        } else {
            cue.can(PARTIAL)
        }) {
            continue;
        }
        let speaker = if cue.gerund {
            sentence_subject(text, &toks[..j])
        } else {
            np_before(text, toks, j)
                .or_else(|| {
                    if intro {
                        np_after(text, toks, j + 1)
                    } else {
                        None
                    }
                })
                .map(|s| span(toks, s))
        };
        return Some(Attribution {
            speaker,
            cue: Some(toks[j].range()),
            intro,
            after: false,
        });
    }
    colon_only(text, toks)
}

/// `According to S, "Q"` or `according to S, ... "partial"`.
fn according_to_before(text: &str, toks: &[Tok], j: usize) -> Option<Attribution> {
    let speaker = np_after(text, toks, j + 2).map(|s| span(toks, s));
    let after = speaker
        .as_ref()
        .map_or(j + 2, |s| toks.partition_point(|t| t.end <= s.end));
    let intro = is_intro_gap(text, &toks[after.min(toks.len())..]);
    Some(Attribution {
        speaker,
        cue: Some(toks[j].start..toks[j + 1].end),
        intro,
        after: false,
    })
}

/// Is what stands between the verb and the quote only an introduction: nothing, `:`, `,`,
/// or a short phrase ending in `:` (`told reporters:`, `said in a statement:`)?
fn is_intro_gap(text: &str, gap: &[Tok]) -> bool {
    match gap.last() {
        None => true,
        Some(t) if t.is_punct(':') => gap.iter().filter(|t| t.is_word()).count() <= 12,
        Some(t) if t.is_punct(',') => {
            let mut words = gap.iter().filter(|t| t.is_word());
            words.clone().count() <= 4 && words.all(|w| !breaks_subject(w.text(text)))
        }
        Some(_) => false,
    }
}

/// `Smith: "Q"` (a name and a colon, no verb): the colon is the cue.
fn colon_only(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let colon = toks.len().checked_sub(1)?;
    if !toks[colon].is_punct(':') {
        return None;
    }
    let (a, b) = np_before(text, toks, colon)?;
    if a != 0
        || !word_at(text, toks, a).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    Some(Attribution {
        speaker: Some(span(toks, (a, b))),
        cue: Some(toks[colon].range()),
        intro: true,
        after: false,
    })
}

/// The subject at the start of a sentence, for a gerund cue (`Trump tweeted, saying "Q"`).
fn sentence_subject(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    let verb = toks
        .iter()
        .position(|t| t.is_word() && is_direct_cue(t.text(text)))?;
    np_before(text, toks, verb).map(|s| span(toks, s))
}

/// A quote that opens a paragraph right after one ending `S said:`.
fn previous_paragraph_colon(doc: &Doc, quotes: &[Marked], i: usize) -> Option<Attribution> {
    let q = &quotes[i];
    let para = doc.paragraph_at(q.open);
    let prev = doc.paragraphs.get(para.checked_sub(1)?)?;
    if !doc.slice(prev.clone()).ends_with(':') {
        return None;
    }
    let sentence = doc.sentence_at(prev.end.saturating_sub(1))?;
    if i > 0 && quotes[i - 1].close > sentence.start {
        return None;
    }
    before_quote(
        doc.text,
        doc.tokens(sentence.start.max(prev.start)..prev.end),
    )
    .filter(|a| a.intro)
}

#[cfg(test)]
mod tests {
    use super::super::marks::quoted_spans;
    use super::*;

    fn attr(t: &str) -> Vec<(Option<String>, Option<String>, bool)> {
        let doc = Doc::new(t);
        let quotes = quoted_spans(t, &doc.paragraphs);
        (0..quotes.len())
            .map(|i| match attribute(&doc, &quotes, i) {
                None => (None, None, false),
                Some(a) => (
                    a.speaker.map(|r| t[r].to_string()),
                    a.cue.map(|r| t[r].to_string()),
                    a.intro,
                ),
            })
            .collect()
    }

    fn one(t: &str) -> (String, String, bool) {
        let (s, c, intro) = attr(t).remove(0);
        (s.unwrap_or_default(), c.unwrap_or_default(), intro)
    }

    #[test]
    fn quote_then_subject_verb() {
        assert_eq!(
            one("\"We will win,\" Jane Doe said."),
            ("Jane Doe".into(), "said".into(), true)
        );
        assert_eq!(
            one("\"Yes,\" he said Thursday."),
            ("he".into(), "said".into(), true)
        );
        let t = "\"No,\" Flynn, a top Trump surrogate, said on Fox.";
        assert_eq!(one(t), ("Flynn".into(), "said".into(), true));
    }

    #[test]
    fn quote_then_verb_subject() {
        let t = "\"It went beyond the room,\" said Donna Brazile, the interim chairwoman.";
        assert_eq!(one(t), ("Donna Brazile".into(), "said".into(), true));
        let t = "\"It is up,\" according to the poll.";
        assert_eq!(one(t), ("the poll".into(), "according to".into(), true));
    }

    #[test]
    fn subject_verb_then_quote() {
        assert_eq!(
            one("Mr. Obama said: \"It's about me.\""),
            ("Mr. Obama".into(), "said".into(), true)
        );
        assert_eq!(
            one("She told reporters, \"No.\""),
            ("She".into(), "told".into(), true)
        );
        let t = "The president told them he would consider it a \"personal insult\" if they stayed home.";
        assert_eq!(one(t), ("The president".into(), "told".into(), false));
        let t = "Trump called the senator a \"nasty guy.\"";
        assert_eq!(one(t), ("Trump".into(), "called".into(), false));
    }

    #[test]
    fn colon_paragraph_and_bare_colon() {
        let t = "Clinton said:\n\n\"We are stronger together.\"";
        assert_eq!(one(t), ("Clinton".into(), "said".into(), true));
        assert_eq!(
            one("Trump: \"I will win.\""),
            ("Trump".into(), ":".into(), true)
        );
    }

    #[test]
    fn unattributed_titles() {
        assert_eq!(
            attr("He watched \"Fox and Friends\" on Sunday."),
            [(None, None, false)]
        );
    }
}
