//! Locality-sensitive hashing over MinHash signatures: candidate pairs for verification.
//!
//! The signature of `num_perm` values is cut into `bands` bands of `rows = num_perm / bands`
//! values; two documents become candidates when all rows of at least one band agree. For
//! shingle Jaccard `J` that happens with probability `1 - (1 - J^rows)^bands` (the S-curve in
//! the parent module's documentation). Each band is one sort of `(band key, doc)` entries, so
//! memory stays `O(n)` per band on top of the `O(n x num_perm)` signatures.
//!
//! Pairs that meet in a bucket are first checked against the signatures themselves: the share
//! of equal MinHash values estimates Jaccard, and pairs estimated below `min_jaccard` (pairs
//! that met by chance on a common phrase) are dropped before any exact verification.

use super::groups::UnionFind;
use super::minhash::estimated_jaccard;
use super::shingle::mix64;
use rayon::prelude::*;

/// The signatures of a corpus: row `d` is `values[d * num_perm..(d + 1) * num_perm]`.
#[derive(Debug, Clone, Copy)]
pub struct Signatures<'a> {
    /// All signature values, one row per document.
    pub values: &'a [u32],
    /// Signature length.
    pub num_perm: usize,
}

impl<'a> Signatures<'a> {
    /// The signature of document `doc`.
    #[inline]
    pub fn row(&self, doc: u32) -> &'a [u32] {
        let start = doc as usize * self.num_perm;
        &self.values[start..start + self.num_perm]
    }
}

/// Which pairs of a bucket become candidates.
#[derive(Debug, Clone, Copy)]
pub enum PairsOf<'a> {
    /// Every pair (`near_duplicates` lists them all).
    All,
    /// Each member with the bucket's first member only: a number of pairs linear in the
    /// bucket's size, which join the versions of one story once verified (grouping's first
    /// pass). Each is also a pair of [`PairsOf::All`].
    Star,
    /// Every pair whose members `joined` does not connect yet (grouping's second pass).
    Apart(&'a UnionFind),
}

/// Candidate pairs `(a, b)` with `a < b` among `docs`, sorted and distinct.
///
/// A pair of near-identical documents meets in most of the `bands` buckets; it is judged
/// only in the first band where it meets (the band keys of every document are computed once
/// up front), so a corpus of `k` versions of one template makes `k (k - 1) / 2` candidates,
/// not `bands` times as many (4,000 such versions took 100 s and 4 GB before, with 64 bands).
pub fn candidate_pairs(
    sigs: Signatures<'_>,
    docs: &[u32],
    bands: usize,
    min_jaccard: f64,
    which: PairsOf<'_>,
) -> Vec<(u32, u32)> {
    let rows = sigs.num_perm / bands;
    let keys = BandKeys {
        keys: (0..bands)
            .into_par_iter()
            .flat_map_iter(|b| {
                docs.iter()
                    .map(move |&d| band_key(&sigs.row(d)[b * rows..(b + 1) * rows]))
            })
            .collect(),
        docs: docs.len(),
    };
    let mut pairs: Vec<(u32, u32)> = (0..bands)
        .into_par_iter()
        .flat_map_iter(|band| band_pairs(sigs, docs, &keys, band, min_jaccard, which))
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup(); // a star pair may meet in several bands
    pairs
}

/// The band keys of every document, band by band: `keys[band * docs + i]` for `docs[i]`
/// (one band's keys are contiguous for its sort).
struct BandKeys {
    keys: Vec<u32>,
    docs: usize,
}

impl BandKeys {
    #[inline]
    fn get(&self, i: u32, band: usize) -> u32 {
        self.keys[band * self.docs + i as usize]
    }

    /// The keys of one band, in `docs` order.
    fn band(&self, band: usize) -> &[u32] {
        &self.keys[band * self.docs..(band + 1) * self.docs]
    }

    /// True when `docs[x]` and `docs[y]` share a bucket in a band before `band`.
    #[inline]
    fn met_before(&self, x: u32, y: u32, band: usize) -> bool {
        (0..band).any(|b| self.get(x, b) == self.get(y, b))
    }
}

/// The pairs of one band that meet here first: sort by band key, then every pair inside a
/// run of equal keys. Each entry packs the 32-bit band key above the document's index into
/// one `u64`, so the sort is an integer sort; two documents whose keys agree only in those 32
/// bits are rejected by the signature estimate like any other chance meeting.
fn band_pairs(
    sigs: Signatures<'_>,
    docs: &[u32],
    keys: &BandKeys,
    band: usize,
    min_jaccard: f64,
    which: PairsOf<'_>,
) -> Vec<(u32, u32)> {
    let mut keyed: Vec<u64> = keys
        .band(band)
        .iter()
        .zip(0u64..)
        .map(|(&key, i)| (u64::from(key) << 32) | i)
        .collect();
    sort_by_high_half(&mut keyed);
    let mut out = Vec::new();
    for run in keyed
        .chunk_by(|x, y| x >> 32 == y >> 32)
        .filter(|run| run.len() > 1)
    {
        let centres = match which {
            PairsOf::Star => 1,
            _ => run.len(),
        };
        // After grouping's first pass a bucket is mostly one story joined already: skipped in
        // one walk instead of its `k^2 / 2` pairs.
        if let PairsOf::Apart(joined) = which {
            let root = |e: u64| joined.root(docs[e as u32 as usize]);
            let first = root(run[0]);
            if run[1..].iter().all(|&e| root(e) == first) {
                continue;
            }
        }
        for (i, &x) in run.iter().enumerate().take(centres) {
            for &y in &run[i + 1..] {
                let (x, y) = (x as u32, y as u32);
                let (a, b) = (docs[x as usize], docs[y as usize]);
                let skip = match which {
                    PairsOf::All => keys.met_before(x, y, band),
                    PairsOf::Star => false,
                    PairsOf::Apart(joined) => {
                        joined.root(a) == joined.root(b) || keys.met_before(x, y, band)
                    }
                };
                if skip {
                    continue;
                }
                if estimated_jaccard(sigs.row(a), sigs.row(b)) >= min_jaccard {
                    out.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    out
}

/// Sorts entries whose low halves are already ascending (the index in `docs` order): a stable
/// least-significant-digit radix sort on the high half, a byte per pass, which leaves equal
/// high halves in low-half order, so the result is the plain sort of the `u64`s. Four linear
/// passes instead of a comparison sort's `log n` (64 sorts of `n` entries per corpus).
fn sort_by_high_half(entries: &mut Vec<u64>) {
    const DIGITS: usize = 4;
    let digit = |x: u64, pass: usize| ((x >> (32 + 8 * pass)) & 0xff) as usize;
    let mut counts = [[0usize; 256]; DIGITS];
    for &x in entries.iter() {
        for (pass, count) in counts.iter_mut().enumerate() {
            count[digit(x, pass)] += 1;
        }
    }
    let mut other = vec![0u64; entries.len()];
    for (pass, count) in counts.iter().enumerate() {
        if count.contains(&entries.len()) {
            continue; // every entry has the same digit: this pass would move nothing
        }
        let mut next = [0usize; 256];
        let mut sum = 0;
        for (n, &c) in next.iter_mut().zip(count) {
            *n = sum;
            sum += c;
        }
        for &x in entries.iter() {
            let d = digit(x, pass);
            other[next[d]] = x;
            next[d] += 1;
        }
        std::mem::swap(entries, &mut other);
    }
}

/// 32 bits of key for the rows of a band (the distributed search shuffles on the same key).
#[inline]
pub(super) fn band_key(values: &[u32]) -> u32 {
    let h = values
        .iter()
        .fold(values.len() as u64, |h, &v| mix64(h ^ v as u64));
    (h >> 32) as u32
}

/// Probability that a pair with shingle Jaccard `jaccard` becomes a candidate.
pub fn candidate_probability(jaccard: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - jaccard.powi(rows as i32)).powi(bands as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_signatures_meet_and_distant_ones_do_not() {
        let num_perm = 8;
        let values: Vec<u32> = [
            [1, 2, 3, 4, 5, 6, 7, 8],
            [1, 2, 3, 4, 5, 6, 7, 8],
            [9, 9, 9, 9, 9, 9, 9, 9],
        ]
        .concat();
        let sigs = Signatures {
            values: &values,
            num_perm,
        };
        assert_eq!(
            candidate_pairs(sigs, &[0, 1, 2], 4, 0.1, PairsOf::All),
            vec![(0, 1)]
        );
        assert!(candidate_pairs(sigs, &[0, 2], 4, 0.0, PairsOf::All).is_empty());
    }

    #[test]
    fn prefilter_drops_chance_meetings() {
        // Docs 0 and 1 agree on one band of four (estimated Jaccard 0.25).
        let values: Vec<u32> = [[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 0, 0, 0, 0, 0, 0]].concat();
        let sigs = Signatures {
            values: &values,
            num_perm: 8,
        };
        assert_eq!(
            candidate_pairs(sigs, &[0, 1], 4, 0.2, PairsOf::All),
            vec![(0, 1)]
        );
        assert!(candidate_pairs(sigs, &[0, 1], 4, 0.3, PairsOf::All).is_empty());
    }

    /// Documents that meet in every band are judged once, and the pairs are the same as
    /// judging every band: a pair per distinct meeting, sorted.
    #[test]
    fn pairs_meeting_in_many_bands_come_once() {
        let values: Vec<u32> = [
            [1, 2, 3, 4, 5, 6, 7, 8],
            [1, 2, 3, 4, 5, 6, 7, 8],
            [1, 2, 3, 4, 5, 6, 0, 0],
            [9, 9, 3, 4, 0, 0, 7, 8],
        ]
        .concat();
        let sigs = Signatures {
            values: &values,
            num_perm: 8,
        };
        let pairs = candidate_pairs(sigs, &[0, 1, 2, 3], 4, 0.0, PairsOf::All);
        assert_eq!(pairs, vec![(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
        assert_eq!(
            candidate_pairs(sigs, &[3, 0], 4, 0.0, PairsOf::All),
            vec![(0, 3)]
        );
    }

    /// A star pairs each bucket's first member with the rest, and every star pair is also a
    /// pair of `All`; `Apart` leaves out the pairs already joined.
    #[test]
    fn star_and_apart_pairs() {
        let values: Vec<u32> = [[1, 2, 3, 4, 5, 6, 7, 8]; 4].concat();
        let sigs = Signatures {
            values: &values,
            num_perm: 8,
        };
        let docs = [0, 1, 2, 3];
        let all = candidate_pairs(sigs, &docs, 4, 0.0, PairsOf::All);
        let star = candidate_pairs(sigs, &docs, 4, 0.0, PairsOf::Star);
        assert_eq!(star, vec![(0, 1), (0, 2), (0, 3)]);
        assert!(star.iter().all(|p| all.contains(p)));
        let mut joined = UnionFind::new(4);
        joined.union(0, 1);
        joined.union(2, 3);
        let apart = candidate_pairs(sigs, &docs, 4, 0.0, PairsOf::Apart(&joined));
        assert_eq!(apart, vec![(0, 2), (0, 3), (1, 2), (1, 3)]);
        joined.union(1, 2);
        assert!(candidate_pairs(sigs, &docs, 4, 0.0, PairsOf::Apart(&joined)).is_empty());
    }

    #[test]
    fn radix_sort_is_the_plain_sort() {
        for n in [0usize, 1, 2, 7, 300, 5000] {
            let mut state = n as u64;
            let mut entries: Vec<u64> = (0..n as u64)
                .map(|i| {
                    state = mix64(state.wrapping_add(1));
                    // Few distinct keys in small runs, many in large ones; some equal bytes.
                    let key = (state % (n as u64 / 3 + 2)) << (8 * (i % 2));
                    (key << 32) | i
                })
                .collect();
            let mut want = entries.clone();
            want.sort_unstable();
            sort_by_high_half(&mut entries);
            assert_eq!(entries, want, "{n} entries");
        }
    }

    #[test]
    fn s_curve_is_steep() {
        assert!(candidate_probability(0.3, 64, 2) > 0.99);
        assert!(candidate_probability(0.01, 64, 2) < 0.01);
    }
}
