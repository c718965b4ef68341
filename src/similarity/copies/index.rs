//! The corpus index behind `near_duplicates`: texts go in (in chunks, if the caller wants a
//! progress bar), and per document only an exact-text key, a MinHash signature and the byte
//! ranges its normalisation passed over (leaked code and metadata: usually none or one) are
//! kept, so memory is `O(n x num_perm)`. [`CopyIndex::pairs`] then finds, verifies and expands
//! the copy pairs; verification re-reads the texts chunk by chunk instead of holding every
//! document's shingles, and reuses the kept ranges instead of running the cleaning module's
//! finders a second time.

use super::groups::UnionFind;
use super::lsh::{band_key, candidate_pairs, PairsOf, Signatures};
use super::minhash::{estimated_jaccard, Permutations};
use super::normalize::skipped_ranges;
use super::score::verify;
use super::shingle::ShingleProfile;
use super::sketch::{exact_key, Buffers, ExactKey, Sketch};
use super::{CopyOptions, Pair};
use crate::{Error, Result};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// Candidate pairs verified per chunk: bounds the shingle profiles held at once.
const VERIFY_CHUNK: usize = 1 << 15;
/// Pairs verified between checks of what is already joined ([`CopyIndex::verify_unjoined`]):
/// small, so a large set of versions is joined after few wasted verifications, and large
/// enough to keep every thread busy.
const JOIN_CHUNK: usize = 1 << 9;

/// Signatures and exact keys of the texts added so far.
#[derive(Debug, Clone)]
pub struct CopyIndex {
    options: CopyOptions,
    perms: Permutations,
    signatures: Vec<u32>,
    exact: Vec<ExactKey>,
    /// Per text, the ranges its normalisation skips (found once, when the text is added).
    skipped: Vec<Box<[Range<usize>]>>,
}

impl CopyIndex {
    /// An empty index; fails on options that do not fit together.
    pub fn new(options: CopyOptions) -> Result<Self> {
        options.validate()?;
        let perms = Permutations::new(options.num_perm, options.seed);
        Ok(CopyIndex {
            options,
            perms,
            signatures: Vec::new(),
            exact: Vec::new(),
            skipped: Vec::new(),
        })
    }

    /// The options in force.
    pub fn options(&self) -> &CopyOptions {
        &self.options
    }

    /// Number of texts added.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    /// True before any text was added.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Forgets every text after the first `len` (a chunk that failed halfway is taken back).
    pub fn truncate(&mut self, len: usize) {
        self.signatures.truncate(len * self.options.num_perm);
        self.exact.truncate(len);
        self.skipped.truncate(len);
    }

    /// Adds a chunk of texts (in parallel); their rows follow the rows already added.
    pub fn add(&mut self, texts: &[&str]) {
        let p = self.options.num_perm;
        let old = self.len();
        self.signatures.resize((old + texts.len()) * p, u32::MAX);
        self.exact.resize(old + texts.len(), None);
        self.skipped
            .resize_with(old + texts.len(), Default::default);
        let k = self.options.shingle_size;
        let perms = &self.perms;
        self.signatures[old * p..]
            .par_chunks_mut(p)
            .zip(self.exact[old..].par_iter_mut())
            .zip(self.skipped[old..].par_iter_mut())
            .zip(texts.par_iter())
            .for_each_init(Buffers::default, |buf, (((sig, exact), skipped), text)| {
                crate::fault::check(text);
                let ranges = skipped_ranges(text);
                buf.fill(text, &ranges, k);
                *exact = exact_key(&buf.words);
                perms.signature_with(&buf.shingles, &mut buf.tops, sig);
                *skipped = ranges.into_boxed_slice();
            });
    }

    /// All copy pairs among the added texts; `texts` must be those texts, in order. The same
    /// as [`Self::candidates`], [`Self::verify`] over every candidate, then [`Self::finish`]
    /// (callers that want to stop or report between verification chunks use the steps).
    pub fn pairs(&self, texts: &[&str]) -> Result<Vec<Pair>> {
        let candidates = self.candidates();
        let verified = self.verify(texts, &candidates, 0..candidates.len())?;
        self.finish(&candidates, &verified)
    }

    /// Step 1: exact groups, and the candidate pairs of their representatives from LSH.
    pub fn candidates(&self) -> Candidates {
        self.candidates_of(PairsOf::All)
    }

    /// [`Self::candidates`], with `which` pairs of each LSH bucket. Grouping takes the star
    /// pairs first and then the pairs still apart (see [`Self::group_pairs`]), so `k` versions
    /// of one story never list their `k^2 / 2` pairs.
    pub fn candidates_of(&self, which: PairsOf<'_>) -> Candidates {
        let groups = exact_groups(&self.exact);
        let representatives: Vec<u32> = groups.iter().map(|g| g[0]).collect();
        let pairs = candidate_pairs(
            self.signatures(),
            &representatives,
            self.options.bands,
            self.options.min_jaccard,
            which,
        );
        Candidates { groups, pairs }
    }

    /// Steps 1 and 2 for grouping in one call (the bindings run the same two passes in chunks,
    /// for Ctrl-C): verify the star pairs of every bucket, then the pairs that are still apart,
    /// each with [`Self::verify_unjoined`]. The components of the verified pairs are those of
    /// verifying every candidate pair: a pair left out is joined already.
    pub fn group_pairs(
        &self,
        texts: &[&str],
        joined: &mut UnionFind,
    ) -> Result<(Candidates, Vec<Verified>)> {
        let star = self.candidates_of(PairsOf::Star);
        let mut verified = self.verify_unjoined(texts, &star, 0..star.len(), joined)?;
        let apart = self.candidates_of(PairsOf::Apart(joined));
        verified.extend(self.verify_unjoined(texts, &apart, 0..apart.len(), joined)?);
        Ok((apart, verified))
    }

    /// Step 2: exact scores of `candidates.pairs[range]`, keeping those at or above the
    /// threshold, as `(row, row, similarity)`. Shingle profiles are rebuilt from `texts` for
    /// the rows of this range only; verify in ranges of a few tens of thousands of pairs to
    /// bound memory.
    pub fn verify(
        &self,
        texts: &[&str],
        candidates: &Candidates,
        range: Range<usize>,
    ) -> Result<Vec<Verified>> {
        self.check_texts(texts)?;
        let mut out = Vec::new();
        for chunk in candidates.pairs[range].chunks(VERIFY_CHUNK) {
            out.extend(self.verify_chunk(texts, chunk));
        }
        Ok(out)
    }

    /// Step 2 for grouping: [`Self::verify`], but a pair whose rows `joined` already connects
    /// is skipped, and every pair that verifies joins its rows. Grouping needs connected
    /// components only, so the result groups the same rows as verifying everything, while
    /// `k` near-identical versions of one story cost about `k` verifications, not `k^2 / 2`.
    pub fn verify_unjoined(
        &self,
        texts: &[&str],
        candidates: &Candidates,
        range: Range<usize>,
        joined: &mut UnionFind,
    ) -> Result<Vec<Verified>> {
        self.check_texts(texts)?;
        let mut out = Vec::new();
        for chunk in candidates.pairs[range].chunks(JOIN_CHUNK) {
            let open: Vec<(u32, u32)> = chunk
                .iter()
                .filter(|&&(a, b)| joined.find(a) != joined.find(b))
                .copied()
                .collect();
            let found = self.verify_chunk(texts, &open);
            for &(a, b, _) in &found {
                joined.union(a, b);
            }
            out.extend(found);
        }
        Ok(out)
    }

    fn verify_chunk(&self, texts: &[&str], chunk: &[(u32, u32)]) -> Vec<Verified> {
        let scores = self.exact_scores(texts, chunk);
        chunk
            .iter()
            .zip(scores)
            .filter(|(_, s)| *s >= self.options.threshold)
            .map(|(&(a, b), s)| (a, b, s))
            .collect()
    }

    /// The verification score of every pair of `chunk`, in order; shingle profiles are built
    /// once per document of the chunk.
    fn exact_scores(&self, texts: &[&str], chunk: &[(u32, u32)]) -> Vec<f64> {
        let mut docs: Vec<u32> = chunk.iter().flat_map(|&(a, b)| [a, b]).collect();
        docs.par_sort_unstable();
        docs.dedup();
        let profiles: Vec<ShingleProfile> = docs
            .par_iter()
            .map_init(Buffers::default, |buf, &d| {
                let skipped = &self.skipped[d as usize];
                buf.fill(texts[d as usize], skipped, self.options.shingle_size);
                ShingleProfile::new(&buf.shingles, self.options.lead_share)
            })
            .collect();
        let profile = |d: u32| &profiles[docs.binary_search(&d).expect("profiled doc")];
        chunk
            .par_iter()
            .map(|&(a, b)| verify(profile(a), profile(b), self.options.lead_floor).similarity)
            .collect()
    }

    /// The distributed search's per-document step: text `doc`'s exact key and band keys, or
    /// `None` for a text without words (see `sketch`).
    pub fn sketch(&self, doc: usize) -> Option<Sketch> {
        let exact = self.exact[doc]?;
        let signature = self.signature(doc as u32);
        let bands = signature
            .chunks(self.options.rows())
            .map(band_key)
            .collect();
        let digest = signature.iter().map(|&v| v as u8).collect();
        Some(Sketch {
            exact,
            bands,
            digest,
        })
    }

    /// The fewest equal signature positions with which two texts pass the LSH step's
    /// estimate (`min_jaccard`): the bar that digests (see [`Sketch::digest`]) are held to.
    pub fn min_equal_positions(&self) -> usize {
        let p = self.options.num_perm;
        (0..=p)
            .find(|&k| k as f64 / p as f64 >= self.options.min_jaccard)
            .unwrap_or(p + 1)
    }

    /// The distributed search's per-pair step: for pairs of added texts that met in a band
    /// and are not exact copies of each other, the similarity this search reports, or `None`
    /// where it does not pair them (signature estimate below `min_jaccard`, as in the LSH
    /// step, or verified similarity below `threshold`). `texts` must be the added texts.
    pub fn score(&self, texts: &[&str], pairs: &[(u32, u32)]) -> Result<Vec<Option<f64>>> {
        self.check_texts(texts)?;
        if let Some(&(a, b)) = pairs
            .iter()
            .find(|&&(a, b)| a.max(b) as usize >= self.len())
        {
            let msg = format!("pair ({a}, {b}) is out of range for {} texts", self.len());
            return Err(Error::Mismatch(msg));
        }
        let estimate = |&(a, b): &(u32, u32)| {
            estimated_jaccard(self.signature(a), self.signature(b)) >= self.options.min_jaccard
        };
        let passed: Vec<usize> = (0..pairs.len()).filter(|&i| estimate(&pairs[i])).collect();
        let mut out = vec![None; pairs.len()];
        for chunk in passed.chunks(VERIFY_CHUNK) {
            let chunk_pairs: Vec<(u32, u32)> = chunk.iter().map(|&i| pairs[i]).collect();
            for (&i, s) in chunk.iter().zip(self.exact_scores(texts, &chunk_pairs)) {
                out[i] = (s >= self.options.threshold).then_some(s);
            }
        }
        Ok(out)
    }

    fn signature(&self, doc: u32) -> &[u32] {
        self.signatures().row(doc)
    }

    fn signatures(&self) -> Signatures<'_> {
        Signatures {
            values: &self.signatures,
            num_perm: self.options.num_perm,
        }
    }

    fn check_texts(&self, texts: &[&str]) -> Result<()> {
        if texts.len() == self.len() {
            return Ok(());
        }
        let msg = format!(
            "the index holds {} texts but {} were passed",
            self.len(),
            texts.len()
        );
        Err(Error::Mismatch(msg))
    }

    /// Step 3: every row pair, sorted by `(a, b)`: all pairs inside each exact group (similarity
    /// 1) and every member pair of two groups whose representatives verified.
    ///
    /// An error, before anything is allocated, when there are more than [`MAX_PAIRS`]: `k`
    /// identical texts make `k (k - 1) / 2` pairs; 100,000 copies of a notice need 120 GB.
    pub fn finish(&self, candidates: &Candidates, verified: &[Verified]) -> Result<Vec<Pair>> {
        let group_of: HashMap<u32, &Vec<u32>> =
            candidates.groups.iter().map(|g| (g[0], g)).collect();
        let count = pair_count(&candidates.groups, verified, &group_of);
        if count > MAX_PAIRS as u128 {
            return Err(Error::InvalidText(format!(
                "near_duplicates: the corpus has {count} pairs of copies (the largest set of \
                 identical texts has {} rows), more than the {MAX_PAIRS} a table can hold; \
                 duplicate_groups gives one story id per text instead",
                candidates.groups.iter().map(Vec::len).max().unwrap_or(0)
            )));
        }
        let mut pairs = expand(&candidates.groups, verified, &group_of);
        pairs.par_sort_unstable_by_key(|p| (p.a, p.b));
        Ok(pairs)
    }

    /// Step 3 for grouping: edges that connect the same rows as [`Self::finish`]'s pairs, but
    /// only `O(n)` of them (each exact group as a star on its first row, plus the verified
    /// pairs of representatives), so grouping never expands a large group into its pairs.
    pub fn group_edges(
        &self,
        candidates: &Candidates,
        verified: &[Verified],
    ) -> Vec<(usize, usize)> {
        let stars = candidates
            .groups
            .iter()
            .flat_map(|g| g[1..].iter().map(move |&m| (g[0] as usize, m as usize)));
        let links = verified.iter().map(|&(a, b, _)| (a as usize, b as usize));
        stars.chain(links).collect()
    }
}

/// The most pairs [`CopyIndex::finish`] lists (2.4 GB as pairs, several times that as a
/// DataFrame).
pub const MAX_PAIRS: usize = 100_000_000;

/// How many pairs [`expand`] would make.
fn pair_count(
    groups: &[Vec<u32>],
    verified: &[(u32, u32, f64)],
    group_of: &HashMap<u32, &Vec<u32>>,
) -> u128 {
    let within: u128 = groups
        .iter()
        .map(|g| g.len() as u128 * (g.len() as u128).saturating_sub(1) / 2)
        .sum();
    let across: u128 = verified
        .iter()
        .map(|(a, b, _)| group_of[a].len() as u128 * group_of[b].len() as u128)
        .sum();
    within + across
}

/// A verified pair of representative rows and its similarity.
pub type Verified = (u32, u32, f64);

/// The outcome of [`CopyIndex::candidates`]: exact groups and the pairs left to verify.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Rows with equal normalised text, each group in row order (first row represents it).
    groups: Vec<Vec<u32>>,
    /// Representative pairs `(a, b)`, `a < b`, sorted.
    pairs: Vec<(u32, u32)>,
}

impl Candidates {
    /// Number of pairs to verify.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when nothing needs verifying.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// Rows grouped by exact key (texts without words left out), each group in row order, the
/// groups ordered by their first row.
fn exact_groups(keys: &[ExactKey]) -> Vec<Vec<u32>> {
    let mut order: Vec<(ExactKey, u32)> = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.is_some())
        .map(|(i, &k)| (k, i as u32))
        .collect();
    order.par_sort_unstable();
    let mut groups: Vec<Vec<u32>> = order
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| run.iter().map(|e| e.1).collect())
        .collect();
    groups.par_sort_unstable_by_key(|g| g[0]);
    groups
}

/// Every row pair implied by exact groups (similarity 1) and by verified representative pairs.
fn expand(
    groups: &[Vec<u32>],
    verified: &[(u32, u32, f64)],
    group_of: &HashMap<u32, &Vec<u32>>,
) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for g in groups.iter().filter(|g| g.len() > 1) {
        for (i, &a) in g.iter().enumerate() {
            pairs.extend(
                g[i + 1..]
                    .iter()
                    .map(|&b| Pair::new(a as usize, b as usize, 1.0)),
            );
        }
    }
    for &(ra, rb, s) in verified {
        for &a in group_of[&ra].iter() {
            pairs.extend(
                group_of[&rb]
                    .iter()
                    .map(|&b| Pair::new(a as usize, b as usize, s)),
            );
        }
    }
    pairs
}
