//! Reported speech without quote marks, kind `indirect`: `S said (that) <content>.` (in
//! `reports.rs`), `<content>, S said.`, `<content>, S said, <content>.` and `According to S,
//! <content>.` The content is the reported clause.
//!
//! A sentence that holds a quote is read too, outside the quote: `Cruz urged them to "vote
//! your conscience" and said he was standing on principle` reports twice. A verb that already
//! attributes a quote gives no indirect quote of its own, unless the quote is partial and
//! the clause the verb reports holds it (`mixed.rs`).

use std::ops::Range;

use super::after::trailing;
use super::assemble::Draft;
use super::attribution::outside_quotes;
use super::clauses::looks_like_clause;
use super::doc::Doc;
use super::headlines::{headline_colon, headline_report};
use super::lexicon::{self, INDIRECT};
use super::marks::{Family, Marked};
use super::mixed::{mixed_quotation, object_mixed};
use super::phrases::{lower_in, np_after, word_at_is};
use super::questions::question_asked;
use super::reports::{forward_reports, Report, MIN_CONTENT_WORDS};
use super::tokens::Tok;
use super::QuoteKind;

/// Most words of an attribution set off by commas (`, the agency said in a June report,`).
const MAX_PARENTHETICAL_WORDS: usize = 10;
/// Most words before an attribution set off by commas when neither side is a clause alone.
const MAX_PARENTHETICAL_SUBJECT: usize = 6;

/// Adds the indirect quotes of the article to `drafts`, keeping text order.
pub fn add_indirect(doc: &Doc, quoted: &[Marked], drafts: &mut Vec<Draft>) {
    let kept = kept_quotes(quoted, drafts);
    // Sorted, so that a report's verb is looked up, not compared with every quote's.
    let mut used: Vec<(usize, usize)> = drafts
        .iter()
        .filter_map(|d| d.cue.as_ref().map(|c| (c.start, c.end)))
        .collect();
    used.sort_unstable();
    let mut found = Vec::new();
    let mut next_quote = 0;
    let mut note_end = 0;
    // The partial quotes by where their verb stands.
    let mut partials: Vec<(usize, &Draft)> = drafts
        .iter()
        .filter(|d| d.kind == QuoteKind::Partial)
        .filter_map(|d| Some((d.cue.as_ref()?.start, d)))
        .collect();
    partials.sort_by_key(|&(at, _)| at); // stable: a verb's partial quotes stay in text order
    let mut next_partial = 0;
    for sentence in &doc.sentences {
        if let Some(end) = editors_note_end(doc.text, sentence.start) {
            note_end = end;
        }
        if sentence.start < note_end {
            continue;
        }
        while next_quote < kept.len() && kept[next_quote].close <= sentence.start {
            next_quote += 1;
        }
        let holds_quote = kept[next_quote..]
            .iter()
            .take_while(|q| q.open < sentence.end)
            .next()
            .is_some();
        let toks = doc.tokens(sentence.clone());
        // The headline: the first sentence, alone in the first paragraph.
        let headline = doc.sentences.first() == Some(sentence)
            && doc
                .paragraphs
                .first()
                .is_some_and(|p| doc.slice(sentence.end..p.end).trim().is_empty());
        let colon_report = headline.then(|| headline_colon(doc.text, toks)).flatten();
        let outside;
        let (mut reports, read) = if let Some(r) = colon_report {
            (vec![r], toks)
        } else if holds_quote {
            outside = outside_quotes(toks, &kept[next_quote..]);
            (forward_reports(doc.text, &outside), &outside[..])
        } else {
            (reported(doc.text, toks), toks)
        };
        if let Some(q) = question_asked(doc.text, read) {
            if !reports.iter().any(|r| r.cue == q.cue) {
                reports.push(q);
            }
        }
        // `called the plan "a disaster"`: a verb whose partial quote follows its object, with
        // no clause read between them.
        while next_partial < partials.len() && partials[next_partial].0 < sentence.start {
            next_partial += 1;
        }
        for &(at, p) in &partials[next_partial..] {
            if at >= sentence.end {
                break;
            }
            if reports.iter().any(|r| r.cue.start == at) {
                continue;
            }
            let mixed = object_mixed(doc.text, p, sentence.end);
            if let Some(d) = mixed.and_then(|m| draft(doc, m, sentence.start)) {
                found.push(d);
            }
        }
        for r in reports {
            if used.binary_search(&(r.cue.start, r.cue.end)).is_ok() {
                // The verb attributes a partial quote inside the clause it reports.
                let partial = partial_with_cue(&partials, &r.cue);
                let mixed = partial.and_then(|p| mixed_quotation(doc.text, p, &r, sentence.end));
                if let Some(d) = mixed.and_then(|m| draft(doc, m, sentence.start)) {
                    found.push(d);
                }
                continue;
            }
            if let Some(d) = draft(doc, r, sentence.start) {
                found.push(d);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    drafts.extend(found);
    drafts.sort_by_key(|d| d.fragments.first().map_or(0, |f| f.start));
}

/// The partial quote whose verb is `cue`, from the partial quotes sorted by verb position.
fn partial_with_cue<'a>(partials: &[(usize, &'a Draft)], cue: &Range<usize>) -> Option<&'a Draft> {
    let from = partials.partition_point(|&(at, _)| at < cue.start);
    partials[from..]
        .iter()
        .take_while(|&&(at, _)| at == cue.start)
        .map(|&(_, p)| p)
        .find(|p| p.cue.as_ref() == Some(cue))
}

/// The end of an editor's note that opens at `start` (`Editor's note: ...`), if one does:
/// the publication's own voice (a standing disclaimer, `... who has repeatedly pledged to ban
/// all Muslims`), not reporting; PolNeAR leaves it unannotated. Quotes in marks there are
/// still quotes. A note runs to the next blank line: some are broken by single line breaks.
fn editors_note_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let note = rest.starts_with("Editor")
        && rest
            .split_whitespace()
            .nth(1)
            .and_then(|w| w.get(..4))
            .is_some_and(|w| w.eq_ignore_ascii_case("note"));
    note.then(|| start + rest.find("\n\n").unwrap_or(rest.len()))
}

/// The double-quoted spans that became quotes: the ones an indirect quote must not cross.
fn kept_quotes(quoted: &[Marked], drafts: &[Draft]) -> Vec<Marked> {
    let mut starts: Vec<usize> = drafts
        .iter()
        .flat_map(|d| d.fragments.iter().map(|f| f.start))
        .collect();
    starts.sort_unstable();
    quoted
        .iter()
        .filter(|q| q.family == Family::Double)
        .filter(|q| starts.binary_search(&q.inner_start()).is_ok())
        .cloned()
        .collect()
}

fn draft(doc: &Doc, r: Report, sentence_start: usize) -> Option<Draft> {
    let fragments: Vec<Range<usize>> = r
        .fragments
        .into_iter()
        .filter_map(|c| trim_content(doc.text, c))
        .collect();
    let words: usize = fragments
        .iter()
        .map(|c| crate::text::words::word_spans(doc.slice(c.clone())).count())
        .sum();
    (words >= MIN_CONTENT_WORDS).then(|| Draft {
        fragments,
        speaker: r.speaker,
        cue: Some(r.cue),
        kind: QuoteKind::Indirect,
        paragraph: doc.paragraph_at(sentence_start),
        floating: false,
    })
}

/// The reports of a sentence without quotes: a whole-sentence shape (`According to S, ...`,
/// `..., S said.`, `..., S said, ...`) unless the sentence opens with `S said`, else every
/// `S said ...` in it.
fn reported(text: &str, toks: &[Tok]) -> Vec<Report> {
    if let Some(h) = headline_report(text, toks) {
        return vec![h];
    }
    let forward = forward_reports(text, toks);
    let shaped = according_to_first(text, toks)
        .or_else(|| parenthetical_attribution(text, toks))
        .or_else(|| trailing_attribution(text, toks))
        .or_else(|| super::evidence::evidence_after(text, toks));
    let is_according = |r: &Report| {
        text.get(r.cue.clone())
            .is_some_and(|c| c.len() > 9 && c[..9].eq_ignore_ascii_case("according"))
    };
    let according = shaped.clone().filter(is_according).or_else(|| {
        shaped
            .is_none()
            .then(|| according_to_within(text, toks))
            .flatten()
    });
    if let Some(a) = according {
        // `X called for attacks, according to SITE`: SITE reports the whole clause, X the
        // call inside it; both are attributions.
        let mut all: Vec<Report> = forward.into_iter().filter(|f| f.cue != a.cue).collect();
        all.push(a);
        all.sort_by_key(|r| r.cue.start);
        return all;
    }
    match shaped {
        // `She said X, and when pressed, she said no.`: the first report wins.
        Some(s) if forward.first().is_none_or(|f| f.cue.start > s.cue.start) => vec![s],
        _ => forward,
    }
}

/// `According to S, <content>.`
fn according_to_first(text: &str, toks: &[Tok]) -> Option<Report> {
    if !(word_at_is(text, toks, 0, &["according"]) && word_at_is(text, toks, 1, &["to"])) {
        return None;
    }
    let comma = toks.iter().position(|t| t.is_punct(','))?;
    // `According to the World Bank, about 12 percent of ...`: what follows is what the
    // source holds, a clause or not, unless it is too short to be one.
    let words = toks[comma + 1..].iter().filter(|t| t.is_word()).count();
    if words < 4 && !looks_like_clause(text, &toks[comma + 1..]) {
        return None;
    }
    let speaker = np_after(text, toks, 2).map(|(a, b)| toks[a].start..toks[b - 1].end());
    let content = toks.get(comma + 1)?.start..toks.last()?.end();
    Some(Report {
        fragments: vec![content],
        speaker,
        cue: toks[0].start..toks[1].end(),
    })
}

/// `According to S` inside a sentence, where the sentence-wide shapes do not fit: after a
/// colon (`It has not gone unnoticed: According to recent polls, Trump holds ...`), or after
/// its content when more follows (`59 percent view her unfavorably, according to a poll last
/// week - virtually the same as ...`, `46 percent to 39 percent according to a CBS poll`).
fn according_to_within(text: &str, toks: &[Tok]) -> Option<Report> {
    // The length test turns most tokens away before any text is compared.
    let at = (1..toks.len().saturating_sub(1)).find(|&k| {
        toks[k].end() - toks[k].start == "according".len()
            && word_at_is(text, toks, k, &["according"])
            && word_at_is(text, toks, k + 1, &["to"])
    })?;
    let clause_start = toks[..at]
        .iter()
        .rposition(|t| matches!(t.punct, Some(':' | ';' | '\u{2014}' | '\u{2013}')))
        .map_or(0, |k| k + 1);
    if clause_start == at {
        let mut report = according_to_first(text, &toks[at..])?;
        report.cue = toks[at].start..toks[at + 1].end();
        return Some(report);
    }
    let before_end = if toks[at - 1].is_punct(',') {
        at - 1
    } else {
        at
    };
    let before = &toks[clause_start..before_end];
    let words = before.iter().filter(|t| t.is_word()).count();
    if words < MIN_CONTENT_WORDS || !looks_like_clause(text, before) || dangles(text, before) {
        return None;
    }
    let speaker = np_after(text, toks, at + 2).map(|(a, b)| toks[a].start..toks[b - 1].end());
    Some(Report {
        fragments: std::iter::once(before.first()?.start..before.last()?.end()).collect(),
        speaker,
        cue: toks[at].start..toks[at + 1].end(),
    })
}

/// `<content>, S said.` / `<content>, said S.` / `<content>, according to S.`
fn trailing_attribution(text: &str, toks: &[Tok]) -> Option<Report> {
    let (comma, a) = trailing(text, toks)?;
    let cue = a.cue?;
    let cue_word = text.get(cue.clone()).unwrap_or("");
    if !cue_word.eq_ignore_ascii_case("according to")
        && lexicon::lookup(cue_word).is_none_or(|c| !c.can(INDIRECT))
    {
        return None;
    }
    // `An average of 81 percent of Democrats approve of Obama, according to HuffPost
    // Pollster`: what a source holds need not read as a clause, as after `According to S,`.
    let according = cue_word.eq_ignore_ascii_case("according to");
    let words = toks[..comma].iter().filter(|t| t.is_word()).count();
    let clause = looks_like_clause(text, &toks[..comma]) || according && words >= 4;
    if !clause || dangles(text, &toks[..comma]) {
        return None;
    }
    let content = toks.first()?.start..toks[comma].start;
    Some(Report {
        fragments: vec![content],
        speaker: a.speaker,
        cue,
    })
}

/// `<content>, S said, <content>.`: an attribution set off by commas inside the sentence
/// (`Acts of protest, Mr. Obama said, are acts of patriotism.`, `Lenox was a juggernaut, Mr.
/// Clarke said, until it went bankrupt.`).
fn parenthetical_attribution(text: &str, toks: &[Tok]) -> Option<Report> {
    let commas: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_punct(','))
        .map(|(k, _)| k)
        .collect();
    commas.windows(2).find_map(|w| {
        let (open, close) = (w[0], w[1]);
        let words_inside = toks[open..close].iter().filter(|t| t.is_word()).count();
        if words_inside > MAX_PARENTHETICAL_WORDS || open == 0 || close + 2 >= toks.len() {
            return None;
        }
        let a = super::after::after_quote(text, &toks[open..close])?;
        let cue = a.cue.clone()?;
        let end_of_attribution = a.speaker.as_ref().map_or(cue.end, |s| s.end.max(cue.end));
        let tail_words = toks[open..close]
            .iter()
            .filter(|t| t.is_word() && t.start >= end_of_attribution)
            .count();
        let cue_word = text.get(cue.clone()).unwrap_or("");
        let reports = cue_word.eq_ignore_ascii_case("according to")
            || lexicon::lookup(cue_word).is_some_and(|c| c.can(INDIRECT));
        // `, said Brian Baker, a longtime adviser`: after an inverted attribution, a phrase
        // describes the speaker. `according to S` names its source after it by nature, and
        // what follows it goes on with the content (`Since last November, according to HRW,
        // security forces have killed ...`).
        let according = cue_word.eq_ignore_ascii_case("according to");
        let inverted = !according && a.speaker.as_ref().is_some_and(|sp| cue.start < sp.start);
        let ok = a.speaker.is_some()
            && reports
            && tail_words <= 4
            && sides_make_a_clause(text, toks, open, close);
        ok.then(|| Report {
            fragments: around_aside(text, toks, open, close, inverted),
            speaker: a.speaker,
            cue,
        })
    })
}

/// Subordinators that open a clause which cannot stand as reported content alone.
const SUBORDINATORS: &[&str] = &[
    "when", "while", "although", "though", "if", "because", "after", "before", "as", "since",
    "once", "unless", "whereas", "until",
];

/// `But when Congress cut funding, Mexico said enough`: content that is only a subordinate
/// clause, with no comma before a main clause, is not what was said.
fn dangles(text: &str, toks: &[Tok]) -> bool {
    let mut words = toks.iter().filter(|t| t.is_word()).map(|t| t.text(text));
    let first = words.next().unwrap_or("");
    let opener = if CONJUNCTIONS.iter().any(|c| first.eq_ignore_ascii_case(c)) {
        words.next().unwrap_or("")
    } else {
        first
    };
    let subordinate = SUBORDINATORS.iter().any(|s| opener.eq_ignore_ascii_case(s));
    subordinate && !toks.iter().any(|t| t.is_punct(','))
}

const CONJUNCTIONS: &[&str] = &["but", "and", "yet", "so"];

/// The content around an aside `toks[open..=close]`: the words before it (from a relative
/// pronoun right before it: `the stadium, which, Tompkins said, is full`) and the words after
/// it when they continue the sentence (`are acts of patriotism`, `until it went bankrupt`),
/// not when they describe the speaker (`, a longtime adviser to the family`), up to a
/// contrast (`, although ...`).
fn around_aside(
    text: &str,
    toks: &[Tok],
    open: usize,
    close: usize,
    inverted: bool,
) -> Vec<Range<usize>> {
    let relative = toks[..open]
        .iter()
        .rposition(|t| t.is_word())
        .filter(|&k| {
            let w = toks[k].text(text);
            ["which", "who", "that"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        })
        .filter(|&k| k > 0 && toks[k - 1].is_punct(','))
        .unwrap_or(0);
    let first = toks[relative].start..toks[open].start;
    let rest = &toks[close + 1..];
    // `, a longtime adviser to the family` describes the speaker; `, compared with $2,700`
    // is the writer's.
    let describes_speaker = rest.first().is_some_and(|t| {
        t.is_word() && {
            let w = t.text(text);
            let participle =
                (w.ends_with("ed") || w.ends_with("ing")) && w.starts_with(char::is_lowercase);
            let determiner = ["a", "an", "the", "who", "whose"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d));
            (participle || determiner) && (inverted || !looks_like_clause(text, rest))
                || inverted && !lower_in(w, SUBORDINATORS)
        }
    });
    // `The top 1 percent would see ..., according to X, more than twice ...`: after a whole
    // clause, words that are no clause and continue none are the writer's.
    let strict_subject = rest.first().is_some_and(|t| {
        let w = t.text(text);
        t.is_word()
            && (w.starts_with(char::is_uppercase)
                || super::phrases::is_pronoun(w)
                || super::phrases::is_determiner(&w.to_ascii_lowercase()))
    });
    // `Bringing the show back, he said, feels appropriate`, `It's to our advantage, he says,
    // to help write the rules`: the aside parts a subject from its verb, or a clause from
    // its infinitive.
    let predicate_follows = rest.first().is_some_and(|t| {
        let w = t.text(text);
        t.is_word()
            && w.starts_with(char::is_lowercase)
            && (super::phrases::is_aux_or_adverb(w) && !w.ends_with("ly") || w == "to")
    });
    let continues = relative > 0
        || predicate_follows
        || looks_like_clause(text, rest) && strict_subject
        || !looks_like_clause(text, &toks[..open])
        || rest.first().is_some_and(|t| {
            t.is_word()
                && [
                    "until", "because", "since", "although", "though", "while", "when", "as", "if",
                    "after", "before", "unless", "whether", "for", "and", "but",
                ]
                .iter()
                .any(|w| t.text(text).eq_ignore_ascii_case(w))
        });
    if describes_speaker || !continues || rest.is_empty() {
        return vec![first];
    }
    let end = rest
        .iter()
        .enumerate()
        .position(|(k, t)| {
            t.is_punct(',')
                && rest.get(k + 1).is_some_and(|n| {
                    n.is_word() && {
                        let w = n.text(text);
                        ["but", "though", "although", "while", "whereas", "yet"]
                            .iter()
                            .any(|c| w.eq_ignore_ascii_case(c))
                    }
                })
        })
        .unwrap_or(rest.len());
    if end == 0 {
        return vec![first];
    }
    vec![first, rest[0].start..rest[end - 1].end()]
}

/// Around an aside `toks[open..=close]`: either side is a clause, or a short subject before
/// it and the rest make one (`The latest test, North Korea said, was its biggest yet`).
fn sides_make_a_clause(text: &str, toks: &[Tok], open: usize, close: usize) -> bool {
    if looks_like_clause(text, &toks[..open]) || looks_like_clause(text, &toks[close + 1..]) {
        return true;
    }
    let subject_words = toks[..open].iter().filter(|t| t.is_word()).count();
    let joined: Vec<Tok> = toks[..open]
        .iter()
        .chain(&toks[close + 1..])
        .copied()
        .collect();
    subject_words <= MAX_PARENTHETICAL_SUBJECT && looks_like_clause(text, &joined)
}

/// The content without surrounding spaces and the sentence's final punctuation.
fn trim_content(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(content.clone())?;
    let trimmed =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ',' | ';'));
    let lead = trimmed.len() - trimmed.trim_start().len();
    let body = trimmed.trim_start();
    (!body.is_empty()).then(|| content.start + lead..content.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indirect(t: &str) -> Vec<(String, Option<String>, String)> {
        let doc = Doc::new(t);
        let mut drafts = Vec::new();
        add_indirect(&doc, &[], &mut drafts);
        drafts
            .into_iter()
            .map(|d| {
                (
                    t[d.fragments[0].clone()].to_string(),
                    d.speaker.map(|s| t[s].to_string()),
                    t[d.cue.unwrap()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn subject_said_that() {
        let got =
            indirect("Federal officials said the two raised $350 million through the program.");
        assert_eq!(
            got,
            [(
                "the two raised $350 million through the program".into(),
                Some("Federal officials".into()),
                "said".into()
            )]
        );
        let got = indirect("On Monday, Trump told reporters that he would win the state.");
        assert_eq!(got[0].0, "he would win the state");
    }

    #[test]
    fn trailing_and_according_to() {
        let got =
            indirect("Clinton beats Trump by 46 percent to 42 percent, according to the poll.");
        assert_eq!(got[0].0, "Clinton beats Trump by 46 percent to 42 percent");
        assert_eq!(got[0].1.as_deref(), Some("the poll"));
        let got = indirect("The plant was safe, an official told The New York Times on Sunday.");
        assert_eq!(got[0].0, "The plant was safe");
        assert_eq!(got[0].1.as_deref(), Some("an official"));
        let got = indirect("The economy is growing fast now, she said.");
        assert_eq!(got[0].0, "The economy is growing fast now");
        let got =
            indirect("The employee, though, did not do so immediately, according to the summary.");
        assert_eq!(got[0].0, "The employee, though, did not do so immediately");
        let got = indirect("An average of 81 percent of Democrats approve of Obama, according to HuffPost Pollster.");
        assert_eq!(
            got[0].0,
            "An average of 81 percent of Democrats approve of Obama"
        );
        let got = indirect("According to exit polls, Romney had a ten-point lead.");
        assert_eq!(got[0].0, "Romney had a ten-point lead");
    }

    #[test]
    fn an_aside_between_subject_and_verb() {
        let got = indirect("Bringing the show back, he said, feels particularly appropriate now.");
        assert_eq!(got[0].0, "Bringing the show back");
        let doc_text = "Bringing the show back, he said, feels particularly appropriate now.";
        let doc = Doc::new(doc_text);
        let mut drafts = Vec::new();
        add_indirect(&doc, &[], &mut drafts);
        assert_eq!(drafts[0].fragments.len(), 2);
        assert_eq!(
            &doc_text[drafts[0].fragments[1].clone()],
            "feels particularly appropriate now"
        );
    }

    #[test]
    fn according_to_as_an_aside() {
        let t = "Since last November, according to Human Rights Watch, security forces have killed 400 protesters.";
        let doc = Doc::new(t);
        let mut drafts = Vec::new();
        add_indirect(&doc, &[], &mut drafts);
        let parts: Vec<&str> = drafts[0].fragments.iter().map(|f| &t[f.clone()]).collect();
        assert_eq!(
            parts,
            [
                "Since last November",
                "security forces have killed 400 protesters"
            ]
        );
        let got = indirect("The implication, according to the aide, is that Clinton cheated.");
        assert_eq!(got[0].1.as_deref(), Some("the aide"));
    }

    #[test]
    fn not_in_an_editors_note() {
        let t = "Editor\u{2019}s note: Donald Trump is a candidate who has repeatedly pledged to ban all Muslims from entering the U.S.";
        assert!(indirect(t).is_empty());
        let t = "Editor's Note: Officials said the two raised $350 million through the program.";
        assert!(indirect(t).is_empty());
        let t = "Editor\u{2019}s note: Donald Trump is a\ncandidate who has\nrepeatedly pledged to ban all Muslims from entering the U.S.";
        assert!(indirect(t).is_empty());
        let t = "He said so.\nEditor's note: Donald Trump is a candidate who has repeatedly pledged to ban all Muslims from entering the U.S.";
        assert_eq!(indirect(t).len(), 0);
        let t = "Editors said the two raised $350 million through the program.";
        assert_eq!(indirect(t).len(), 1);
    }

    #[test]
    fn not_speech() {
        assert!(indirect("The state said no.").is_empty());
        assert!(indirect("He said nothing about the plan at all.").is_empty());
        assert!(indirect("She walked home after the rally ended.").is_empty());
    }
}
