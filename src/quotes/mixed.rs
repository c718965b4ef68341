//! Mixed quotation: a reported clause that holds a partial quote, `He said the plan was "a
//! disaster" for farmers`. The partial quote stays a quote of its own; the clause around it is
//! reported speech as well, and attribution corpora (PolNeAR among them) take the whole
//! clause as the content. Nothing is read twice: the reading of the sentence outside its
//! quotes already found the clause, under the verb that attributes the partial quote, up to
//! the quote's opening mark; the clause is carried over the quote to where it ends.

use super::assemble::Draft;
use super::lexicon;
use super::phrases::lower_in;
use super::reports::{Report, MIN_CONTENT_WORDS};

/// Most bytes between a clause's end and the partial quote's first word: a space and an
/// opening mark (three bytes for `“`), nothing said between.
const MAX_GAP: usize = 8;

/// Closing marks that may follow a partial quote's last word.
const CLOSING: &[char] = &['\u{201d}', '"', '\'', '\u{2019}', '\u{bb}'];

/// Where the clause stops after the partial quote: a comma or stronger break, another quote,
/// the sentence's end.
const CLAUSE_STOPS: &[char] = &[
    ',', ';', ':', '.', '?', '!', '\n', '\u{2014}', '\u{2013}', '(', ')', '"', '\u{201c}',
    '\u{201d}',
];

/// The mixed quotation of `report`, whose verb attributes the partial quote `partial`: the
/// report's clause, which runs up to the quote's opening mark, carried over the quote and the
/// clause's rest up to `sentence_end`. None when the clause does not run into the quote, or
/// holds too few words of its own.
pub fn mixed_quotation(
    text: &str,
    partial: &Draft,
    report: &Report,
    sentence_end: usize,
) -> Option<Report> {
    let clause = report.fragments.last()?;
    let quoted = partial.fragments.first()?;
    if quoted.start < clause.start {
        return None;
    }
    // `''` marks read as two apostrophes leave the clause running over the quote already.
    let spans_quote = quoted.start < clause.end;
    let gap = text.get(clause.end.min(quoted.start)..quoted.start)?;
    if gap.len() > MAX_GAP || gap.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let words = crate::text::words::word_spans(text.get(clause.clone())?).count();
    if words < MIN_CONTENT_WORDS {
        return None;
    }
    let quote_end = partial.fragments.last()?.end;
    let end = if spans_quote {
        clause.end
    } else {
        clause_rest_end(text, quote_end, sentence_end)
    };
    let mut fragments = report.fragments.clone();
    fragments.last_mut()?.end = end;
    Some(Report {
        fragments,
        // One verb, one speaker: the partial quote's, which its attribution found.
        speaker: partial.speaker.clone().or_else(|| report.speaker.clone()),
        cue: report.cue.clone(),
    })
}

/// Forms of `be` and `become` before a participle: a passive names, it does not report.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "become", "became", "becomes",
];

/// Most words between a verb and its partial quote when no clause was read between them
/// (`called Valeant's chief executive, J. Michael Pearson, "incredibly driven"`).
const MAX_OBJECT_WORDS: usize = 4;

/// The mixed quotation of a partial quote whose verb reported no clause: `described himself
/// as her "Obama whisperer"`, `called the deal "a disaster" for farmers`. The words from the
/// verb to the quote (its object) with the quote and the clause's rest.
pub fn object_mixed(text: &str, partial: &Draft, sentence_end: usize) -> Option<Report> {
    let cue = partial.cue.clone()?;
    let quoted = partial.fragments.first()?;
    let gap = text.get(cue.end..quoted.start)?;
    if gap.contains(['.', ';', ':', '?', '!', '\n', '(']) {
        return None;
    }
    let mut words = crate::text::words::word_spans(gap);
    let first = words.next()?;
    if words.count() + 1 > MAX_OBJECT_WORDS {
        return None;
    }
    // A verb, not a noun (`his call for "..."`), and not a passive (`known as "..."`).
    let verb = lexicon::lookup(text.get(cue.clone())?).is_some_and(|c| !c.nominal && !c.noun_like);
    let before = text.get(..cue.start)?.trim_end();
    let passive = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| lower_in(w, PASSIVE_AUXILIARIES));
    if !verb || passive {
        return None;
    }
    // What follows the quote is mostly the writer's (`called Trump "a psychopath" over the
    // weekend`): the content ends with the quote.
    let quote_end = partial.fragments.last()?.end;
    let rest = text.get(quote_end..sentence_end)?;
    let end = quote_end + (rest.len() - rest.trim_start_matches(CLOSING).len());
    Some(Report {
        fragments: std::iter::once(cue.end + first.start..end).collect(),
        speaker: partial.speaker.clone(),
        cue,
    })
}

/// The end of a clause's rest after a partial quote ending at `quote_end` (inside its marks):
/// `"a disaster" for farmers` goes on to `farmers`; a quote that closes the clause with its
/// own punctuation (`"a disaster," adding ...`) or stands last ends it at its closing mark.
fn clause_rest_end(text: &str, quote_end: usize, sentence_end: usize) -> usize {
    let Some(rest) = text.get(quote_end..sentence_end) else {
        return quote_end;
    };
    let after_mark = rest.trim_start_matches(CLOSING);
    let mark_end = quote_end + (rest.len() - after_mark.len());
    if mark_end == quote_end || text[..quote_end].ends_with([',', '.', ';', '?', '!']) {
        return mark_end;
    }
    let stop = after_mark.find(CLAUSE_STOPS).unwrap_or(after_mark.len());
    let words = after_mark[..stop].trim_end();
    if words.trim_start().len() < 2 {
        return mark_end;
    }
    mark_end + words.len()
}

#[cfg(test)]
mod tests {
    use crate::quotes::{extract, QuoteKind};

    fn indirect(t: &str) -> Vec<String> {
        extract(t)
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| q.text)
            .collect()
    }

    #[test]
    fn the_clause_runs_over_the_quote_to_its_end() {
        let got = indirect(
            "He said the convention could be a “failure” if Trump cannot rally the party.",
        );
        assert_eq!(
            got,
            ["the convention could be a “failure” if Trump cannot rally the party"]
        );
        let got = indirect("She said that obtaining heroin is now “cheaper than getting candy.”");
        assert_eq!(
            got,
            ["that obtaining heroin is now “cheaper than getting candy.”"]
        );
    }

    #[test]
    fn the_clause_ends_where_the_quote_closes_it() {
        let got = indirect("He said the process could be “messy,” adding that democracy is messy.");
        assert_eq!(got, ["the process could be “messy,”"]);
    }

    #[test]
    fn typewriter_marks_too() {
        let got =
            indirect("But she acknowledged that even she found the ''debt stack'' confusing.");
        assert_eq!(got, ["that even she found the ''debt stack'' confusing"]);
    }

    #[test]
    fn a_verb_its_object_and_the_quote() {
        let got = indirect("Trump called the senator “a total disaster” on Monday.");
        assert_eq!(got, ["the senator “a total disaster”"]);
        let got = indirect("Mr. Biden described himself as her ''Obama whisperer.''");
        assert_eq!(got, ["himself as her ''Obama whisperer.''"]);
        assert_eq!(indirect("He said it was “fine”."), ["it was “fine”"]);
        // A passive names: `known as`.
        assert!(indirect("The plan has become known as the “full Grassley” in Iowa.").is_empty());
    }

    #[test]
    fn a_quote_alone_is_no_mixed_quotation() {
        assert!(indirect("She used the word “disaster” for the farmers.").is_empty());
    }
}
