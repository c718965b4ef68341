//! The copy search cut into a per-document step and a per-pair step, for engines that spread a
//! corpus over many machines (Dask, Spark, Ray), and the per-document pieces both searches
//! share. Not a second search: both steps are methods of the single-machine
//! [`CopyIndex`](super::CopyIndex) (normalisation, shingles, MinHash, band keys, the signature
//! estimate, the verification score, the options), so a distributed run gives the same pairs,
//! with the same similarities, as one machine.
//!
//! # The distributed search
//! 1. [`CopyIndex::sketch`](super::CopyIndex::sketch) per document: an exact key (a 128-bit
//!    hash of the normalised words) and one 32-bit key per LSH band. A document without words
//!    has no sketch: it is nobody's copy, as on one machine.
//! 2. The engine shuffles `(band, band key)` entries so that documents sharing a band key meet
//!    in one place, whatever partition they started in. Inside a bucket, documents with equal
//!    exact keys count once (the earliest row stands for them, like the single-machine exact
//!    groups); every other pair of the bucket is a candidate.
//! 3. Candidates whose digests (a byte per signature value) agree on too few positions are
//!    dropped: they would fail the signature estimate. Then
//!    [`CopyIndex::score`](super::CopyIndex::score) per distinct candidate, over an index of
//!    the texts that candidates bring together: the single-machine decision, signature
//!    estimate against `min_jaccard` then the exact score against `threshold`.
//! 4. Rows with equal exact keys are paired with similarity 1, and a verified pair of
//!    representatives stands for every pair of their members.

use super::normalize::{copy_words_skipping, CopyWord};
use super::shingle::{mix64, shingle_hashes_into};
use std::ops::Range;

/// A 128-bit hash of a document's normalised word sequence; `None` for a text with no words.
pub type ExactKey = Option<(u64, u64)>;

/// What the distributed search keeps of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// Hash of the normalised word sequence: documents with equal keys are exact copies.
    pub exact: (u64, u64),
    /// One key per band, in band order: documents meet when a band's keys agree.
    pub bands: Vec<u32>,
    /// The low 8 bits of each signature value. Two documents agree on at least as many digest
    /// positions as signature positions, so a candidate whose digests agree on fewer than
    /// `CopyIndex::min_equal_positions` fails the signature estimate too: the engine can drop
    /// it before moving any text, and never drops a pair the single machine keeps.
    pub digest: Vec<u8>,
}

/// Reusable buffers for one document's words, shingles and MinHash input.
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) words: Vec<CopyWord>,
    pub(super) shingles: Vec<u64>,
    pub(super) tops: Vec<u32>,
}

impl Buffers {
    /// The copy words and `k`-word shingle hashes of `text`, replacing what was held;
    /// `skipped` are the text's skipped ranges (`normalize::skipped_ranges`).
    pub(super) fn fill(&mut self, text: &str, skipped: &[Range<usize>], k: usize) {
        self.words.clear();
        self.shingles.clear();
        copy_words_skipping(text, skipped, &mut self.words);
        shingle_hashes_into(&self.words, k, &mut self.shingles);
    }
}

/// Two independent 64-bit hashes of the folded word sequence.
pub(super) fn exact_key(words: &[CopyWord]) -> ExactKey {
    if words.is_empty() {
        return None;
    }
    let (mut h1, mut h2) = (words.len() as u64, !(words.len() as u64));
    for w in words {
        h1 = mix64(h1 ^ w.hash);
        h2 = mix64(h2.rotate_left(29).wrapping_add(w.hash));
    }
    Some((h1, h2))
}

#[cfg(test)]
mod tests {
    use super::super::{near_duplicates, CopyIndex, CopyOptions, Pair};
    use super::*;
    use std::collections::{BTreeMap, BTreeSet, HashMap};

    /// An index of `texts` alone, as a worker holding only those texts builds it.
    fn index_of(texts: &[&str], options: &CopyOptions) -> CopyIndex {
        let mut index = CopyIndex::new(options.clone()).unwrap();
        index.add(texts);
        index
    }

    /// The distributed search run in one process: sketches, buckets by band key (one entry per
    /// exact key, the earliest row), candidate pairs, verification, expansion.
    fn distributed_pairs(texts: &[&str], options: &CopyOptions) -> Vec<Pair> {
        let sketches: Vec<Option<Sketch>> = texts
            .iter()
            .map(|t| index_of(&[t], options).sketch(0))
            .collect();
        let mut buckets: HashMap<(usize, u32), BTreeMap<(u64, u64), usize>> = HashMap::new();
        let mut members: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
        for (row, sketch) in sketches.iter().enumerate() {
            let Some(sketch) = sketch else { continue };
            members.entry(sketch.exact).or_default().push(row);
            for (band, &key) in sketch.bands.iter().enumerate() {
                let bucket = buckets.entry((band, key)).or_default();
                bucket.entry(sketch.exact).or_insert(row);
            }
        }
        let mut candidates = BTreeSet::new();
        for bucket in buckets.values() {
            let reps: Vec<usize> = bucket.values().copied().collect();
            for (i, &a) in reps.iter().enumerate() {
                for &b in &reps[i + 1..] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
        let group_of: HashMap<usize, &Vec<usize>> = members.values().map(|m| (m[0], m)).collect();
        let mut pairs = Vec::new();
        for m in members.values() {
            for (i, &a) in m.iter().enumerate() {
                pairs.extend(m[i + 1..].iter().map(|&b| Pair::new(a, b, 1.0)));
            }
        }
        let bar = index_of(&[], options).min_equal_positions();
        for (a, b) in candidates {
            let (da, db) = (
                &sketches[a].as_ref().unwrap().digest,
                &sketches[b].as_ref().unwrap().digest,
            );
            if da.iter().zip(db).filter(|(x, y)| x == y).count() < bar {
                continue;
            }
            let both = [texts[a], texts[b]];
            if let Some(s) = index_of(&both, options).score(&both, &[(0, 1)]).unwrap()[0] {
                for &x in group_of[&a].iter() {
                    pairs.extend(group_of[&b].iter().map(|&y| Pair::new(x, y, s)));
                }
            }
        }
        pairs.sort_by_key(|p| (p.a, p.b));
        pairs
    }

    /// A seeded corpus of stories, their edited copies (trimmed, re-headlined, words swapped),
    /// exact and case-changed duplicates, stories that share background, and empty texts.
    fn corpus(seed: u64) -> Vec<String> {
        let mut state = seed;
        let mut next = move |n: usize| {
            state = mix64(state.wrapping_add(0x9e37_79b9_7f4a_7c15));
            (state % n as u64) as usize
        };
        let vocabulary: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let mut story = |len: usize| -> Vec<String> {
            (0..len).map(|_| vocabulary[next(400)].clone()).collect()
        };
        let mut texts = Vec::new();
        for _ in 0..6 {
            let words = story(120);
            let background = story(40);
            texts.push(words.join(" "));
            texts.push(words[..80].join(" "));
            let mut edited = words.clone();
            for i in (5..edited.len()).step_by(9) {
                edited[i] = "changed".into();
            }
            texts.push(format!("New headline here. {}", edited.join(" ")));
            texts.push(words.join(" ").to_uppercase());
            texts.push(format!("{} {}", story(60).join(" "), background.join(" ")));
            texts.push(format!("{} {}", story(60).join(" "), background.join(" ")));
            texts.push(story(90).join(" "));
        }
        texts.push(String::new());
        texts.push(" ,; ".into());
        texts.push(texts[0].clone());
        texts
    }

    #[test]
    fn distributed_steps_give_the_single_machine_pairs() {
        for seed in 1..6 {
            let texts = corpus(seed);
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            for options in [
                CopyOptions::default(),
                CopyOptions {
                    num_perm: 64,
                    bands: 16,
                    threshold: 0.2,
                    ..CopyOptions::default()
                },
            ] {
                let expected = near_duplicates(&refs, &options).unwrap();
                assert!(expected.len() > 20, "{} pairs", expected.len());
                assert_eq!(distributed_pairs(&refs, &options), expected, "seed {seed}");
            }
        }
    }

    #[test]
    fn texts_without_words_have_no_sketch() {
        let options = CopyOptions::default();
        let texts = [
            "",
            " ,; ",
            "The council met on Tuesday.",
            "the COUNCIL met, on Tuesday",
        ];
        let index = index_of(&texts, &options);
        assert!(index.sketch(0).is_none() && index.sketch(1).is_none());
        let s = index.sketch(2).unwrap();
        assert_eq!((s.bands.len(), s.digest.len()), (64, 128));
        assert_eq!(index.min_equal_positions(), 13); // 13 / 128 >= 0.1 > 12 / 128
        assert_eq!(index.sketch(3).unwrap(), s);
    }

    #[test]
    fn scores_follow_the_single_machine_decision() {
        let a = "The harbour bridge will close for six months of repairs from March.";
        let texts = [a, a, "A cat sat on the mat in the afternoon sun."];
        let index = index_of(&texts, &CopyOptions::default());
        let got = index.score(&texts, &[(0, 1), (0, 2), (1, 0)]).unwrap();
        assert_eq!(got, vec![Some(1.0), None, Some(1.0)]);
        assert!(index.score(&texts, &[(0, 3)]).is_err());
        assert!(index.score(&texts[..2], &[(0, 1)]).is_err());
    }
}
