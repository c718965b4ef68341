//! Who said a quoted span, from the words around it, without a parser. This file picks the
//! stretch of text to read on each side of the quote; the patterns live in `after.rs`
//! (`"Q," S said.`, `"Q," said S.`, `"Q" ― S`) and `before.rs` (`S said: "Q"`, `S called it
//! "Q"`, `According to S, "Q"`); a quote that opens a paragraph may also hang on a previous
//! paragraph ending `S said:`.
//!
//! Split quotes and floating quotes are the assembler's job (`assemble.rs`): here each quoted
//! span is attributed on its own.

use std::ops::Range;

use super::after::{after_quote, credit_line, trailing, unknown_verb_after};
use super::before::before_quote;
use super::doc::Doc;
use super::marks::Marked;
use super::phrases::{is_preposition, is_pronoun, lower_in};
use super::tokens::Tok;

/// Longest stretch read on either side of a quote, in bytes: a run-on "sentence" with many
/// quotes in it must not make the work quadratic.
const MAX_WINDOW: usize = 2000;
/// Most other quotes the text before a quote may hold and still be read for its attribution
/// (`S called them "a", "b", "c" and "d"` needs three): bounds the work per quote when a text
/// is dense with marks (a JSON blob, a run of `a"a"a"`), where each window would otherwise
/// hold up to a thousand quotes to step over.
const MAX_QUOTES_BACK: usize = 16;

/// Most words of a sentence that only attributes the quote before it (`Trump said Monday.`).
const MAX_BARE_ATTRIBUTION: usize = 5;

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
    if let Some(a) = transcript_turn(doc, q) {
        return Some(a);
    }
    let before = outside_quotes(doc.tokens(before_window(doc, quotes, i)), quotes);
    if q.closed {
        let toks = doc.tokens(after_window(doc, quotes, i));
        if let Some(after) = after_attribution(doc, q, toks) {
            if !closes_sentence(doc.text, toks, &after) {
                if let Some(b) = governing_before(doc.text, &before) {
                    return Some(b);
                }
            }
            let after = relayed_by(doc.text, toks, &after).unwrap_or(after);
            return Some(named_intro(doc.text, &before, &after).unwrap_or(after));
        }
    }
    if before.iter().any(Tok::is_word) {
        return before_quote(doc.text, &before);
    }
    previous_paragraph_colon(doc, quotes, i)
        .or_else(|| credit_below(doc, q))
        .or_else(|| previous_sentence(doc, quotes, q))
}

/// `Weiner admitted that they had "been friends," he claimed they never met`: a quote that
/// continues a reporting clause (a word, not a comma or colon, right before its mark) belongs
/// to that clause's verb, whatever follows it.
fn governing_before(text: &str, before: &[Tok]) -> Option<Attribution> {
    if !before.last().is_some_and(Tok::is_word) {
        return None;
    }
    before_quote(text, before).filter(|b| match (&b.speaker, &b.cue) {
        (Some(s), Some(c)) => s.end <= c.start && !b.intro,
        _ => false,
    })
}

/// `"Q," Welch said, according to Vermont Edition.`: the words reach the article through the
/// source after `according to`, and PolNeAR attributes the quote to it, not to `Welch said`
/// (9 of 9 such sentences in PolNeAR train).
fn relayed_by(text: &str, toks: &[Tok], after: &Attribution) -> Option<Attribution> {
    let end = after
        .speaker
        .iter()
        .chain(&after.cue)
        .map(|r| r.end)
        .max()?;
    let from = toks.iter().position(|t| t.start >= end)?;
    let tail = &toks[from..];
    let comma = tail
        .iter()
        .take_while(|t| !matches!(t.punct, Some('.' | '!' | '?' | ';')))
        .position(|t| t.is_punct(','))?;
    let n = source_cue(text, tail, comma + 1)?;
    let (a, b) = super::phrases::np_after(text, tail, comma + 1 + n)?;
    Some(Attribution {
        speaker: Some(span(tail, (a, b))),
        cue: Some(span(tail, (comma + 1, comma + 1 + n))),
        ..after.clone()
    })
}

/// Most words after an attribution's speaker and cue, when they do not open a phrase, for it
/// still to close its sentence (`"Q," Smith said Monday night.`).
const MAX_CLOSING_TAIL: usize = 2;

/// Is `after` the sentence's closing attribution (`..., the lawsuit says.`, `..., according to
/// Reuters.`) rather than the start of a clause of its own (`..., he claimed they never met`)?
fn closes_sentence(text: &str, toks: &[Tok], after: &Attribution) -> bool {
    let end = [&after.speaker, &after.cue]
        .iter()
        .filter_map(|r| r.as_ref().map(|r| r.end))
        .max()
        .unwrap_or(0);
    let mut tail = toks.iter().filter(|t| t.start >= end).peekable();
    let opens_phrase = tail.peek().is_some_and(|t| {
        let w = t.text(text);
        !t.is_word() || is_preposition(w) || lower_in(w, ASIDE_OPENERS)
    });
    opens_phrase || tail.filter(|t| t.is_word()).count() <= MAX_CLOSING_TAIL
}

/// Words besides prepositions that open a phrase about the saying, not a clause of its own,
/// after an attribution (`Susan said as she turned around`, `..., adding that ...`).
const ASIDE_OPENERS: &[&str] = &[
    "as",
    "when",
    "while",
    "because",
    "since",
    "adding",
    "according",
    "referring",
    "citing",
];

/// `Sen. Claire McCaskill scolded him: "Q," she said.`: when a quote has both, a colon
/// introduction that names the speaker wins over a pronoun after it.
fn named_intro(text: &str, before: &[Tok], after: &Attribution) -> Option<Attribution> {
    let pronoun = after
        .speaker
        .as_ref()
        .is_some_and(|s| is_pronoun(text.get(s.clone()).unwrap_or("")));
    if !pronoun || !before.last().is_some_and(|t| t.is_punct(':')) {
        return None;
    }
    before_quote(text, before).filter(|a| {
        a.intro
            && a.speaker
                .as_ref()
                .is_some_and(|s| !is_pronoun(text.get(s.clone()).unwrap_or("")))
            && a.cue.as_ref().is_some_and(|c| {
                text.get(c.clone()) != Some(":") && !reports_own_clause(text, before, c)
            })
    })
}

/// Most words between a verb and the colon of an introduction that only names who is spoken
/// to or about (`scolded him:`, `told reporters on Monday:`).
const MAX_INTRO_OBJECT_WORDS: usize = 6;

/// `Trump asserted that France had lost its identity: "Q," he claimed.`: the verb before the
/// colon reports a clause of its own, so the quote after it is attributed on its own.
fn reports_own_clause(text: &str, before: &[Tok], cue: &Range<usize>) -> bool {
    let gap: Vec<&str> = before
        .iter()
        .filter(|t| t.is_word() && t.start >= cue.end)
        .map(|t| t.text(text))
        .collect();
    gap.len() > MAX_INTRO_OBJECT_WORDS || gap.iter().any(|w| w.eq_ignore_ascii_case("that"))
}

/// `She said she and Obama had made progress. "I really believe ..."`: a quote that opens a
/// sentence with no attribution of its own hangs on a reporting verb in the sentence before,
/// in the same paragraph.
fn previous_sentence(doc: &Doc, quotes: &[Marked], q: &Marked) -> Option<Attribution> {
    let current = doc.sentence_at(q.open)?;
    let prev = doc.sentence_at(current.start.checked_sub(1)?)?;
    let first_after = quotes.partition_point(|o| o.close <= prev.start);
    let holds_quote = quotes.get(first_after).is_some_and(|o| o.open < prev.end);
    if doc.paragraph_at(prev.start) != doc.paragraph_at(q.open) || prev.end > q.open || holds_quote
    {
        return None;
    }
    let prev = prev.start.max(prev.end.saturating_sub(MAX_WINDOW))..prev.end;
    let toks = outside_quotes(doc.tokens(prev), quotes);
    before_quote(doc.text, &toks)
        .filter(|a| {
            a.cue
                .as_ref()
                .is_some_and(|c| !negated(doc.text, &toks, c.start))
        })
        .map(|a| Attribution { intro: true, ..a })
}

/// `He didn't suggest retaliation.`: a verb that says what was not said introduces nothing.
fn negated(text: &str, toks: &[Tok], cue_start: usize) -> bool {
    let Some(k) = toks.iter().position(|t| t.start == cue_start) else {
        return false;
    };
    toks[k.saturating_sub(2)..k].iter().any(|t| {
        let w = t.text(text);
        t.is_word()
            && (w.eq_ignore_ascii_case("not")
                || w.eq_ignore_ascii_case("never")
                || w.ends_with("n't")
                || w.ends_with("n\u{2019}t"))
    })
}

/// `"Q"` then a paragraph `- Hillary Clinton.`: a credit line under a quote paragraph.
fn credit_below(doc: &Doc, q: &Marked) -> Option<Attribution> {
    let para = doc.paragraph_at(q.inner_end());
    let here = &doc.paragraphs[para];
    let rest = doc.slice(q.close.min(here.end)..here.end);
    if !q.closed || rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    let next = doc.paragraphs.get(para + 1)?;
    let toks = doc.tokens(next.clone());
    let short = toks.iter().filter(|t| t.is_word()).count() <= 5;
    short.then(|| credit_line(doc.text, toks)).flatten()
}

/// `PENCE: Well, look, ... "Q"`: in a transcript, a paragraph that opens with a speaker's
/// name in capitals and a colon is that speaker's turn, quotes inside it included.
fn transcript_turn(doc: &Doc, q: &Marked) -> Option<Attribution> {
    let para = &doc.paragraphs[doc.paragraph_at(q.open)];
    let toks = doc.tokens(para.start..para.end.min(para.start + 60));
    let first = toks.iter().position(Tok::is_word)?;
    let colon = toks
        .iter()
        .position(|t| t.is_punct(':'))
        .filter(|&c| c > first)?;
    let label = &toks[first..colon];
    let words: Vec<&str> = label
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.text))
        .collect();
    let capitals = |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.');
    let is_label = !words.is_empty() && words.len() <= 3 && words.iter().all(capitals);
    // The label may sit inside a quote that opens the paragraph (`"PENCE: Well, ...`).
    let before_quote = toks[colon].end() <= q.open || q.open <= toks[first].start;
    (is_label && before_quote).then(|| Attribution {
        speaker: Some(label[0].start..label[label.len() - 1].end()),
        cue: Some(toks[colon].range()),
        intro: true,
        after: false,
    })
}

/// The attribution in the tokens after quote `q`, if any.
fn after_attribution(doc: &Doc, q: &Marked, toks: &[Tok]) -> Option<Attribution> {
    if let Some(a) = credit_line(doc.text, toks) {
        return Some(a);
    }
    if !may_attribute_after(doc, q, toks) {
        // `"... missing." Trump said.`: a sentence that is nothing but the attribution.
        let short = toks.iter().filter(|t| t.is_word()).count() <= MAX_BARE_ATTRIBUTION;
        let ends_sentence = toks
            .last()
            .is_some_and(|t| matches!(t.punct, Some('.' | '!' | '?')));
        return (short && ends_sentence)
            .then(|| after_quote(doc.text, toks))
            .flatten();
    }
    after_quote(doc.text, toks)
        .or_else(|| trailing(doc.text, toks).map(|(_, a)| a))
        .or_else(|| ends_in_attribution_mark(doc, q).then(|| unknown_verb_after(doc.text, toks))?)
}

/// Does the quote end in `,` `?` `!` or a dash, the punctuation that hands over to an
/// attribution (`"Q," Toomey fumed.`)?
fn ends_in_attribution_mark(doc: &Doc, q: &Marked) -> bool {
    let inner = doc.slice(q.fragments.last().map_or(q.close..q.close, Clone::clone));
    inner.trim_end().ends_with([',', '?', '!', '\u{2014}', '-'])
}

/// A quote that ends a sentence of its own (`"We will win."`) is not followed by its
/// attribution, unless the next word is lower case (`"... the U.S." he said`).
fn may_attribute_after(doc: &Doc, q: &Marked, toks: &[Tok]) -> bool {
    let inner = doc.slice(q.fragments.last().map_or(q.close..q.close, Clone::clone));
    if !inner.trim_end().ends_with('.') {
        return true;
    }
    toks.iter().find(|t| t.is_word()).is_some_and(|t| {
        t.text(doc.text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    })
}

/// From the closing mark to the end of the sentence that follows it, within the paragraph
/// and before the next quote. The shared segmenter may end a sentence at `?"`, so the
/// sentence is the one that holds the first character after the mark.
fn after_window(doc: &Doc, quotes: &[Marked], i: usize) -> Range<usize> {
    let q = &quotes[i];
    let para = &doc.paragraphs[doc.paragraph_at(q.close.saturating_sub(1))];
    let rest = doc.slice(q.close..para.end.max(q.close));
    let first = q.close + (rest.len() - rest.trim_start().len());
    let mut end = doc
        .sentence_at(first)
        .map_or(q.close, |s| s.end)
        .clamp(q.close, para.end.max(q.close))
        .min(q.close + MAX_WINDOW);
    if let Some(next) = quotes.get(i + 1) {
        end = end.min(next.open.max(q.close));
    }
    q.close..end
}

/// From the start of the quote's sentence to the opening mark, but no farther back than
/// [`MAX_QUOTES_BACK`] other quotes.
fn before_window(doc: &Doc, quotes: &[Marked], i: usize) -> Range<usize> {
    let q = &quotes[i];
    let start = doc
        .sentence_at(q.open)
        .map_or(q.open, |s| s.start.min(q.open));
    let quotes_back = i
        .checked_sub(MAX_QUOTES_BACK)
        .map_or(0, |k| quotes[k].open.min(q.open));
    start
        .max(quotes_back)
        .max(q.open.saturating_sub(MAX_WINDOW))..q.open
}

/// The tokens that are not inside another quote, keeping its marks: `S called him "a" and "b"`
/// reads as `S called him "" and` before `"b"`.
pub fn outside_quotes(toks: &[Tok], quotes: &[Marked]) -> Vec<Tok> {
    let Some(first) = toks.first() else {
        return Vec::new();
    };
    let mut k = quotes.partition_point(|q| q.close <= first.start);
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        while k < quotes.len() && quotes[k].close <= t.start {
            k += 1;
        }
        let inside = quotes
            .get(k)
            .is_some_and(|q| q.inner_start() <= t.start && t.end() <= q.inner_end());
        if !inside {
            out.push(*t);
        }
    }
    out
}

pub fn word_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.is_word()).map(|t| t.text(text))
}

/// `according to` or `per` at token `i`, which name a source: how many tokens the cue takes.
pub fn source_cue(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let first = word_at(text, toks, i)?;
    if first.eq_ignore_ascii_case("according") {
        word_at(text, toks, i + 1)
            .filter(|w| w.eq_ignore_ascii_case("to"))
            .map(|_| 2)
    } else {
        (first == "per").then_some(1)
    }
}

/// The byte range from token `a` to token `b - 1`.
pub fn span(toks: &[Tok], (a, b): (usize, usize)) -> Range<usize> {
    toks[a].start..toks[b - 1].end()
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
    let start = sentence
        .start
        .max(prev.start)
        .max(prev.end.saturating_sub(MAX_WINDOW));
    let toks = doc.tokens(start..prev.end);
    before_quote(doc.text, toks).map(|a| Attribution { intro: true, ..a })
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
    fn after_a_dash_the_clause_next_to_the_quote_governs_it() {
        let t = "Schiff called on Obama to retaliate for the hacking -- meddling the congressman said is designed to \"sow discord\" here.";
        let (s, c, _) = one(t);
        assert_eq!((s.as_str(), c.as_str()), ("the congressman", "said"));
    }

    #[test]
    fn a_clause_a_report_reports_does_not_head_the_sentence() {
        let t =
            "\"We need it,\" Law said, noting that donors feel \"we have got to find a place.\"";
        let (s, c, _) = attr(t)[1].clone();
        assert_eq!((s.as_deref(), c.as_deref()), (Some("Law"), Some("noting")));
        let t =
            "Clinton praised Sanders, saying she applauded him for \"challenging us\" on money.";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!(
            (s.as_deref(), c.as_deref()),
            (Some("Clinton"), Some("saying"))
        );
    }

    #[test]
    fn a_quote_inside_a_reporting_clause_keeps_its_verb_over_a_clause_after() {
        let t = "Weiner admitted that they had \"been friends for some time,\" he claimed they never met.";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!(
            (s.as_deref(), c.as_deref()),
            (Some("Weiner"), Some("admitted"))
        );
        // A closing attribution still wins: `..., the lawsuit says.`
        let t = "It wants to stop policies that have a \"dramatic impact\" on minorities, the lawsuit says.";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!(
            (s.as_deref(), c.as_deref()),
            (Some("the lawsuit"), Some("says"))
        );
        let t = "She compared the talk to a \"root canal,\" according to Axelrod's memoir.";
        assert_eq!(attr(t)[0].1.as_deref(), Some("according to"));
    }

    #[test]
    fn an_ing_form_takes_the_subject_of_the_main_verb() {
        let t = "Hours later, she issued a statement calling on the country \"to redouble our efforts.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("she"));
        let t = "Speaking in Salem, New Hampshire, Trump went after Bush, calling him \"a total stiff.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("Trump"));
        let t =
            "The town released a statement Wednesday saying his comments \"are based on opinion.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("The town"));
        let t = "Weaver didn't seem impressed with the comments, telling reporters, \"A lot of people said so.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("Weaver"));
    }

    #[test]
    fn an_ing_form_after_an_attribution_continues_it() {
        let t = "Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was not very religious.\"";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!(
            (s.as_deref(), c.as_deref()),
            (Some("Nefzi"), Some("adding"))
        );
        // A phrase after the verb is its object: the main clause's subject stays the speaker.
        let t = "Early on, Trump attacked Romney, calling him \"a failed candidate.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("Trump"));
    }

    #[test]
    fn a_source_after_according_to_takes_the_quote_over_the_speaker() {
        let t = "\"I'll be voting,\" Welch said, according to Vermont Edition.";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!(
            (s.as_deref(), c.as_deref()),
            (Some("Vermont Edition"), Some("according to"))
        );
        let t = "\"It stops,\" the judge said on Monday in court, according to the Post.";
        assert_eq!(attr(t)[0].0.as_deref(), Some("the Post"));
        let t = "\"I'll be voting,\" Welch said. According to Vermont Edition, he left.";
        assert_eq!(attr(t)[0].0.as_deref(), Some("Welch"));
    }

    #[test]
    fn going_on_to_say_is_the_cue_of_what_follows() {
        let t = "\"It is insane,\" Sanders said, going on to say that the country has spent \"hundreds of years fighting racism.\"";
        let (s, c, _) = attr(t)[1].clone();
        assert_eq!((s.as_deref(), c.as_deref()), (Some("Sanders"), Some("say")));
    }

    #[test]
    fn an_opening_according_to_is_no_subject() {
        let t =
            "According to The Federalist, the men were wearing shirts that read \"Settle for Hillary.\"";
        assert_eq!(attr(t)[0].0.as_deref(), Some("the men"));
    }

    #[test]
    fn a_colon_after_a_reported_clause_does_not_take_the_quote_from_its_attribution() {
        let t = "Trump asserted that France had lost its identity: \"France is no longer France,\" he claimed.";
        let (s, c, _) = attr(t)[0].clone();
        assert_eq!((s.as_deref(), c.as_deref()), (Some("he"), Some("claimed")));
        let t = "Sen. Claire McCaskill scolded him: \"You should be ashamed,\" she said.";
        assert_eq!(attr(t)[0].0.as_deref(), Some("Sen. Claire McCaskill"));
    }

    #[test]
    fn a_negated_verb_before_introduces_nothing() {
        let t = "He didn't suggest retaliation. \"Our goal is to set some norms.\"";
        assert_eq!(attr(t)[0], (None, None, false));
        let t = "He suggested retaliation. \"Our goal is to set some norms.\"";
        assert_eq!(attr(t)[0].1.as_deref(), Some("suggested"));
    }

    #[test]
    fn a_second_verb_after_and_governs_its_own_quote() {
        let t = "Though she called the behavior \"outrageous\" and called for pay to be \"clawed back\" for executives.";
        let got = attr(t);
        assert_eq!(got[1].1.as_deref(), Some("called"));
        assert_eq!(got[1].0.as_deref(), Some("she"));
        let second = t.rfind("called").unwrap();
        let doc = Doc::new(t);
        let quotes = quoted_spans(t, &doc.paragraphs);
        assert_eq!(
            attribute(&doc, &quotes, 1).unwrap().cue.unwrap().start,
            second
        );
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
    fn organisation_subjects_and_name_particles() {
        let t = "In a statement announcing the pick, the Association of Flight Attendants called Clinton a \u{201c}champion\u{201d} for its members.";
        assert_eq!(one(t).0, "the Association of Flight Attendants");
        let t = "An explosion that Mayor Bill de Blasio described as \u{201c}an intentional act.\u{201d}";
        assert_eq!(one(t).0, "Mayor Bill de Blasio");
        let t = "In a Bloomberg interview Trump declared \u{201c}NATO may be obsolete.\u{201d}";
        assert_eq!(one(t).0, "Trump");
    }

    #[test]
    fn colon_paragraph_and_bare_colon() {
        let t = "Clinton said:\n\n\"We are stronger together.\"";
        assert_eq!(one(t), ("Clinton".into(), "said".into(), true));
        assert_eq!(
            one("Trump: \"I will win.\""),
            ("Trump".into(), ":".into(), true)
        );
        // A noun cue after an adjective: the clause's subject speaks, not `a snappy`.
        let t = "Sanders delivered a snappy retort: \"No one is tearing this up.\"";
        assert_eq!(one(t), ("Sanders".into(), "retort".into(), true));
        assert_eq!(one("The ad claims \"Jeb can win.\"").0, "The ad");
        // A dash starts the clause: the name after a heading speaks.
        let t = "TURNOUT IS UP IN IOWA - Philip Bump: \"Two weeks ago, it was the South.\"";
        assert_eq!(one(t), ("Philip Bump".into(), ":".into(), true));
    }

    #[test]
    fn passives_infinitives_and_participles() {
        // A passive names no speaker: the participle clause's subject speaks.
        let t = "Hillary Clinton spoke out Tuesday, arguing that the killings should be recognized as \u{201c}intolerable.\u{201d}";
        assert_eq!(one(t), ("Hillary Clinton".into(), "arguing".into(), false));
        // An infinitive heads no clause: the finite verb's subject speaks.
        let t = "The nominee said she wanted to speak \u{201c}directly to white people.\u{201d}";
        assert_eq!(one(t).0, "The nominee");
        // `footage of Trump saying`: the name before the gerund.
        let t = "The spot ends with footage of Trump saying during the debate, \u{201c}That makes me smart.\u{201d}";
        assert_eq!(one(t).0, "Trump");
        // A progressive is no passive.
        let t = "Donald Trump is telling a veterans group that the military is \u{201c}depleted\u{201d} now.";
        assert_eq!(one(t).1, "telling");
    }

    #[test]
    fn the_verb_that_governs_the_quote() {
        // The last of coordinated verbs governs what follows it.
        let t = "The nominee outlined his plan and vowed to punish \u{201c}those who leak.\u{201d}";
        assert_eq!(one(t).1, "vowed");
        // A gerund after `by` heads its clause.
        let t = "Obama responded on Wednesday by saying the words \u{201c}Islamic terrorism\u{201d} matter little.";
        assert_eq!(one(t).1, "saying");
        // A participle clause is a clause of its own; `including` opens none.
        let t = "\"No,\" Sanders said, suggesting a few questions, including, \"Mr. Trump, why?\"";
        assert_eq!(attr(t)[1].1.as_deref(), Some("suggesting"));
        // A passive right before the quote governs it; its agent speaks, if named.
        let t = "The plan is being criticized as a \"use it or lose it\" approach.";
        assert_eq!(one(t).1, "criticized");
        // A noun introduces a quote only before a colon; a possessive pronoun's person owns it.
        let t = "I had to change my answer: \"Of course I believe it.\"";
        assert_eq!(one(t), ("I".into(), "answer".into(), true));
    }

    #[test]
    fn coordinated_and_relative_subjects() {
        let t = "Once, when my mother spoke, I laughed and said, \"I don't believe it.\"";
        assert_eq!(one(t).0, "I");
        let t = "Obama met McConnell, who in 2010 said the goal was to make Obama a \"one-term president.\"";
        assert_eq!(one(t).0, "who");
        let t = "They asked the department which reported \u{201c}2,521 shooting incidents\u{201d} in the city.";
        assert_eq!(one(t).0, "which");
    }

    #[test]
    fn a_complementizer_is_no_inverted_subject() {
        let t = "Dr. Connie Mariano, a physician, said that in 1998, Clinton hid a \"blood clot\" from the public.";
        assert_ne!(one(t).0, "that");
    }

    #[test]
    fn unattributed_titles() {
        assert_eq!(
            attr("He watched \"Fox and Friends\" on Sunday."),
            [(None, None, false)]
        );
    }
}
