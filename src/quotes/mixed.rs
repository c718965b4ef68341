//! Reported clauses that hold a partial quote (mixed quotation): `Trump had declared that he
//! "would certainly implement" a database to track Muslims`. The partial quote is the
//! speaker's words; the clause around it is reported speech too, and attribution corpora
//! (PolNeAR's among them) take the whole clause as the content. The verb already attributes
//! the partial quote, so the ordinary pass (`indirect.rs`) leaves it alone: this one reads
//! the sentence with the partial quote's marks taken out and its words kept.

use std::ops::Range;

use super::marks::Marked;
use super::reports::{forward_reports, Report};
use super::tokens::Tok;

/// Fewest words of the clause outside the partial quote: fewer, and the report is the
/// partial quote again.
const MIN_WORDS_OUTSIDE: usize = 3;

/// A partial quote already found: its verb, its quoted words and its speaker.
#[derive(Debug, Clone)]
pub struct Partial {
    pub cue: Range<usize>,
    pub quoted: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

/// The reports of a sentence whose verb also governs a partial quote inside the reported
/// clause, with the partial quote's speaker (one verb, one speaker). `quotes`: the kept
/// quotes from the sentence on; `partials`: the partial quotes in the sentence.
pub fn mixed_reports(
    text: &str,
    toks: &[Tok],
    quotes: &[Marked],
    partials: &[Partial],
) -> Vec<Report> {
    let Some(end) = toks.last().map(Tok::end) else {
        return Vec::new();
    };
    let in_sentence: Vec<&Marked> = quotes.iter().take_while(|q| q.open < end).collect();
    let is_partial = |q: &Marked| partials.iter().any(|p| p.quoted.start == q.inner_start());
    let readable: Vec<Tok> = toks
        .iter()
        .filter(|t| {
            in_sentence.iter().all(|q| {
                let inside = q.inner_start() <= t.start && t.end() <= q.inner_end();
                let mark = q.open <= t.start && t.end() <= q.close && !inside;
                if is_partial(q) {
                    !mark
                } else {
                    !(inside || mark)
                }
            })
        })
        .copied()
        .collect();
    forward_reports(text, &readable)
        .into_iter()
        .map(|mut r| {
            // `the deal was "a disaster."`: content that ends inside the quote ends with it.
            for f in &mut r.fragments {
                if let Some(q) = in_sentence.iter().find(|q| {
                    is_partial(q)
                        && f.start <= q.inner_start()
                        && (q.inner_start()..q.close).contains(&f.end)
                }) {
                    f.end = q.close;
                }
            }
            r
        })
        .filter_map(|r| {
            let content = r.fragments.first().cloned().unwrap_or_default();
            let p = partials.iter().find(|p| {
                p.cue == r.cue
                    && content.start <= p.quoted.start
                    && p.quoted.end <= content.end
                    && words_outside(&readable, &content, &p.quoted) >= MIN_WORDS_OUTSIDE
            })?;
            Some(Report {
                speaker: p.speaker.clone().or(r.speaker),
                ..r
            })
        })
        .collect()
}

/// Words of `content` outside `quoted`.
fn words_outside(toks: &[Tok], content: &Range<usize>, quoted: &Range<usize>) -> usize {
    toks.iter()
        .filter(|t| t.is_word() && content.start <= t.start && t.end() <= content.end)
        .filter(|t| t.end() <= quoted.start || quoted.end <= t.start)
        .count()
}

#[cfg(test)]
mod tests {
    fn found(t: &str) -> Vec<(String, &'static str)> {
        super::super::extract(t)
            .into_iter()
            .map(|q| (q.text, q.kind.as_str()))
            .collect()
    }

    #[test]
    fn the_clause_around_a_partial_quote_is_reported() {
        let t =
            "Trump had declared that he \"would certainly implement\" a database to track Muslims.";
        let got = found(t);
        assert!(got.contains(&(
            "he \"would certainly implement\" a database to track Muslims".into(),
            "indirect"
        )));
        assert!(got.contains(&("would certainly implement".into(), "partial")));
        let t = "He said the deal was ''a disaster.'' Then he left.";
        assert!(found(t).contains(&("the deal was ''a disaster.''".into(), "indirect")));
    }

    #[test]
    fn a_partial_quote_alone_is_no_clause() {
        let got = found("She called the plan \"a disaster for everyone.\"");
        assert!(got.iter().all(|(_, kind)| *kind == "partial"), "{got:?}");
        let got = found("He said it was \"a disaster.\"");
        assert!(got.iter().all(|(_, kind)| *kind == "partial"), "{got:?}");
    }
}
