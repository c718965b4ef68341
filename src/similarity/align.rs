//! What changed between two versions of a story: a sentence alignment.
//!
//! Both texts are cut into sentences by the one segmenter (`crate::text::sentences`). Two
//! sentences are compared as bags of copy words (`copies::copy_words`: folded case and accents,
//! leaked page code ignored) with the Dice coefficient, so a sentence with a word swapped or
//! its clauses turned round still matches. A dynamic programme finds the monotone alignment
//! (no crossings) with the largest total similarity, using only pairs at or above
//! [`MIN_SIMILARITY`]; sentences it leaves over on both sides are then paired greedily,
//! best first, as moved. Everything else is added (only in `b`) or removed (only in `a`).
//!
//! Not a word diff: it says which sentences correspond, with a score; the caller (or the
//! notebook view) can diff inside an `edited` pair.

use crate::similarity::copies::{copy_words, intersection_size};
use crate::text::sentences::sentence_spans;
use crate::text::CharOffsets;
use crate::{Error, Result};
use std::ops::Range;

/// Sentences less similar than this are never paired.
pub const MIN_SIMILARITY: f64 = 0.5;

/// What happened to a sentence between `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlignOp {
    /// In both versions, with the same words (case, accents and spacing aside).
    Same,
    /// In both versions at the same place in the order, with some words changed.
    Edited,
    /// Only in `b`.
    Added,
    /// Only in `a`.
    Removed,
    /// In both versions, at a different place in the order (possibly edited too).
    Moved,
}

impl AlignOp {
    /// The lower-case name used in frames and HTML (`same`, `edited`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            AlignOp::Same => "same",
            AlignOp::Edited => "edited",
            AlignOp::Added => "added",
            AlignOp::Removed => "removed",
            AlignOp::Moved => "moved",
        }
    }
}

/// One row of an alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignStep {
    /// What happened.
    pub op: AlignOp,
    /// Sentence number in `a` (None for `added`).
    pub a_index: Option<usize>,
    /// Sentence number in `b` (None for `removed`).
    pub b_index: Option<usize>,
    /// The sentence of `a`, as written there.
    pub a_text: Option<String>,
    /// The sentence of `b`, as written there.
    pub b_text: Option<String>,
    /// Code-point range of the sentence in `a`.
    pub a_span: Option<(usize, usize)>,
    /// Code-point range of the sentence in `b`.
    pub b_span: Option<(usize, usize)>,
    /// Word-bag Dice similarity of the two sentences (0 for added and removed).
    pub score: f64,
}

/// The alignment of two texts: steps in reading order (removed sentences before what replaced
/// them, moved sentences where they now stand in `b`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// The steps.
    pub steps: Vec<AlignStep>,
}

/// The most sentence pairs [`align`] compares. Every pair is scored and kept (about 40
/// bytes each with the dynamic programme), so two book-length texts would need tens of
/// gigabytes; 4 million pairs (2,000 sentences on each side) is 160 MB and under a second.
pub const MAX_SENTENCE_PAIRS: usize = 4_000_000;

/// Aligns the sentences of `a` and `b`; an error when they have more than
/// [`MAX_SENTENCE_PAIRS`] pairs of sentences between them.
pub fn align(a: &str, b: &str) -> Result<Alignment> {
    let sa = Sentences::new(a);
    let sb = Sentences::new(b);
    let pairs = sa.spans.len().saturating_mul(sb.spans.len());
    if pairs > MAX_SENTENCE_PAIRS {
        return Err(Error::InvalidText(format!(
            "align: {} x {} sentences is more than align compares (at most {MAX_SENTENCE_PAIRS} \
             sentence pairs); align two versions of an article, or split long texts first",
            sa.spans.len(),
            sb.spans.len()
        )));
    }
    let sim: Vec<Vec<f64>> = sa
        .bags
        .iter()
        .map(|x| sb.bags.iter().map(|y| dice(x, y)).collect())
        .collect();
    let matched = monotone_matches(&sim);
    let moved = moved_matches(&sim, &matched);
    Ok(Alignment {
        steps: order_steps(&sa, &sb, &sim, &matched, &moved),
    })
}

/// The sentences of one text: spans, word bags and a code-point map.
struct Sentences<'a> {
    text: &'a str,
    spans: Vec<Range<usize>>,
    /// Sorted word hashes of each sentence (a multiset).
    bags: Vec<Vec<u64>>,
    /// Word hashes in order, to tell `same` from `edited`.
    sequences: Vec<Vec<u64>>,
    offsets: CharOffsets<'a>,
}

impl<'a> Sentences<'a> {
    fn new(text: &'a str) -> Self {
        let spans = sentence_spans(text);
        let sequences: Vec<Vec<u64>> = spans
            .iter()
            .map(|r| {
                copy_words(&text[r.clone()])
                    .iter()
                    .map(|w| w.hash)
                    .collect()
            })
            .collect();
        let bags = sequences
            .iter()
            .map(|s| {
                let mut v = s.clone();
                v.sort_unstable();
                v
            })
            .collect();
        Sentences {
            text,
            spans,
            bags,
            sequences,
            offsets: CharOffsets::new(text),
        }
    }

    fn text(&self, i: usize) -> String {
        self.text[self.spans[i].clone()].to_string()
    }

    fn span(&self, i: usize) -> (usize, usize) {
        self.offsets
            .char_range(self.spans[i].start, self.spans[i].end)
    }
}

/// Dice coefficient of two sorted multisets; two empty bags are equal.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * intersection_size(a, b) as f64 / (a.len() + b.len()) as f64
}

/// The monotone matching with the largest total similarity (pairs below MIN_SIMILARITY are not
/// allowed), as `(a_index, b_index)` in increasing order.
fn monotone_matches(sim: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let n = sim.len();
    let m = sim.first().map_or(0, Vec::len);
    // best[i][j]: best total for a[i..] and b[j..].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = best[i + 1][j].max(best[i][j + 1]);
            let take = if sim[i][j] >= MIN_SIMILARITY {
                sim[i][j] + best[i + 1][j + 1]
            } else {
                f64::MIN
            };
            best[i][j] = skip.max(take);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if sim[i][j] >= MIN_SIMILARITY && best[i][j] == sim[i][j] + best[i + 1][j + 1] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Greedy best-first pairs among the sentences the monotone matching left over.
fn moved_matches(sim: &[Vec<f64>], matched: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut a_free = vec![true; sim.len()];
    let mut b_free = vec![true; sim.first().map_or(0, Vec::len)];
    for &(i, j) in matched {
        a_free[i] = false;
        b_free[j] = false;
    }
    let mut options: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in sim.iter().enumerate().filter(|(i, _)| a_free[*i]) {
        for (j, &s) in row
            .iter()
            .enumerate()
            .filter(|&(j, &s)| b_free[j] && s >= MIN_SIMILARITY)
        {
            options.push((s, i, j));
        }
    }
    options.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut out = Vec::new();
    for (_, i, j) in options {
        if a_free[i] && b_free[j] {
            a_free[i] = false;
            b_free[j] = false;
            out.push((i, j));
        }
    }
    out
}

/// Lays the matches out in reading order: walk `b`, emitting removed `a` sentences before
/// whatever stands in their place in `b`, and moved sentences at their place in `b`.
fn order_steps(
    sa: &Sentences<'_>,
    sb: &Sentences<'_>,
    sim: &[Vec<f64>],
    matched: &[(usize, usize)],
    moved: &[(usize, usize)],
) -> Vec<AlignStep> {
    let mut a_of_b: Vec<Option<(usize, bool)>> = vec![None; sb.spans.len()];
    let mut a_used = vec![false; sa.spans.len()];
    for &(i, j) in matched {
        a_of_b[j] = Some((i, false));
        a_used[i] = true;
    }
    for &(i, j) in moved {
        a_of_b[j] = Some((i, true));
        a_used[i] = true;
    }
    // The `a` index of the next in-order match at or after each `b` position (or the end):
    // removed sentences are emitted before the additions and the match that replace them.
    let mut next_match = vec![sa.spans.len(); a_of_b.len() + 1];
    for j in (0..a_of_b.len()).rev() {
        next_match[j] = match a_of_b[j] {
            Some((i, false)) => i,
            _ => next_match[j + 1],
        };
    }
    let mut steps = Vec::new();
    let mut next_a = 0;
    for (j, pairing) in a_of_b.iter().enumerate() {
        if pairing.is_none_or(|(_, is_moved)| !is_moved) {
            emit_removed(sa, &a_used, next_a..next_match[j], &mut steps);
            next_a = next_a.max(next_match[j]);
        }
        steps.push(match *pairing {
            None => one_sided(AlignOp::Added, None, Some((sb, j))),
            Some((i, is_moved)) => {
                if !is_moved {
                    next_a = i + 1;
                }
                paired(sa, sb, i, j, sim[i][j], is_moved)
            }
        });
    }
    emit_removed(sa, &a_used, next_a..sa.spans.len(), &mut steps);
    steps
}

fn emit_removed(
    sa: &Sentences<'_>,
    a_used: &[bool],
    range: Range<usize>,
    steps: &mut Vec<AlignStep>,
) {
    for i in range.filter(|&i| !a_used[i]) {
        steps.push(one_sided(AlignOp::Removed, Some((sa, i)), None));
    }
}

fn one_sided(
    op: AlignOp,
    a: Option<(&Sentences<'_>, usize)>,
    b: Option<(&Sentences<'_>, usize)>,
) -> AlignStep {
    AlignStep {
        op,
        a_index: a.map(|(_, i)| i),
        b_index: b.map(|(_, j)| j),
        a_text: a.map(|(s, i)| s.text(i)),
        b_text: b.map(|(s, j)| s.text(j)),
        a_span: a.map(|(s, i)| s.span(i)),
        b_span: b.map(|(s, j)| s.span(j)),
        score: 0.0,
    }
}

fn paired(
    sa: &Sentences<'_>,
    sb: &Sentences<'_>,
    i: usize,
    j: usize,
    score: f64,
    is_moved: bool,
) -> AlignStep {
    let op = if is_moved {
        AlignOp::Moved
    } else if sa.sequences[i] == sb.sequences[j] {
        AlignOp::Same
    } else {
        AlignOp::Edited
    };
    AlignStep {
        op,
        score,
        ..one_sided(op, Some((sa, i)), Some((sb, j)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(al: &Alignment) -> Vec<(&'static str, Option<usize>, Option<usize>)> {
        al.steps
            .iter()
            .map(|s| (s.op.as_str(), s.a_index, s.b_index))
            .collect()
    }

    const A: &str = "The council closed the bridge. Traffic was diverted to the ring road. \
                     Repairs will take six months. The ferry will run every hour.";

    #[test]
    fn identical_texts_are_all_same() {
        let al = align(A, A).unwrap();
        assert!(al
            .steps
            .iter()
            .all(|s| s.op == AlignOp::Same && s.score == 1.0));
        assert_eq!(al.steps.len(), 4);
    }

    #[test]
    fn edits_additions_and_removals() {
        let b = "The city council closed the bridge. Repairs will take six months. \
                 Shops fear a quiet summer. The ferry will run every hour.";
        assert_eq!(
            ops(&align(A, b).unwrap()),
            vec![
                ("edited", Some(0), Some(0)),
                ("removed", Some(1), None),
                ("same", Some(2), Some(1)),
                ("added", None, Some(2)),
                ("same", Some(3), Some(3)),
            ]
        );
    }

    #[test]
    fn moved_sentence_is_detected() {
        let b = "The ferry will run every hour. The council closed the bridge. \
                 Traffic was diverted to the ring road. Repairs will take six months.";
        let got = ops(&align(A, b).unwrap());
        assert_eq!(got[0], ("moved", Some(3), Some(0)));
        assert_eq!(
            &got[1..],
            &[
                ("same", Some(0), Some(1)),
                ("same", Some(1), Some(2)),
                ("same", Some(2), Some(3))
            ]
        );
    }

    #[test]
    fn spans_are_code_point_offsets() {
        let a = "Caf\u{e9} owners met. They agreed.";
        let al = align(a, "They agreed.").unwrap();
        let removed = &al.steps[0];
        assert_eq!(
            (removed.op, removed.a_span),
            (AlignOp::Removed, Some((0, 16)))
        );
        let chars: Vec<char> = a.chars().collect();
        let (s, e) = al.steps[1].a_span.unwrap();
        assert_eq!(chars[s..e].iter().collect::<String>(), "They agreed.");
    }

    #[test]
    fn empty_sides() {
        assert!(align("", "").unwrap().steps.is_empty());
        assert!(align(A, "")
            .unwrap()
            .steps
            .iter()
            .all(|s| s.op == AlignOp::Removed));
        assert!(align("", A)
            .unwrap()
            .steps
            .iter()
            .all(|s| s.op == AlignOp::Added));
    }

    /// Two texts of 100,000 sentences each used to allocate an 80 GB table and get the
    /// process killed; past the cap it is an error, before any table is built.
    #[test]
    fn too_many_sentence_pairs_is_an_error() {
        let a = "One sentence here. ".repeat(2001);
        let b = "Another one there. ".repeat(2000);
        assert!(matches!(align(&a, &b), Err(Error::InvalidText(_))));
        assert!(align(&a, "Short.").is_ok());
    }
}
