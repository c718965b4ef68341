//! Word shingles hashed to `u64`, and the per-document shingle profile that verification
//! compares. A shingle is `k` consecutive copy words (see `normalize`); a text with fewer than
//! `k` words has one shingle made of all its words, so short texts still compare.

use super::normalize::CopyWord;

/// A strong 64-bit finaliser (the splitmix64 / murmur3 style xor-shift-multiply cascade): every
/// input bit affects every output bit, which MinHash's multiply-shift permutations rely on.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hashes of the `k`-word shingles of `words`, in text order, appended to `out`.
pub fn shingle_hashes_into(words: &[CopyWord], k: usize, out: &mut Vec<u64>) {
    let k = k.max(1);
    if words.is_empty() {
        return;
    }
    if words.len() <= k {
        out.push(shingle_hash(words));
        return;
    }
    // A width known at compile time unrolls the per-window loop (3 is the default).
    match k {
        2 => push_windows::<2>(words, out),
        3 => push_windows::<3>(words, out),
        4 => push_windows::<4>(words, out),
        5 => push_windows::<5>(words, out),
        _ => out.extend(words.windows(k).map(shingle_hash)),
    }
}

/// The hashes of every `K`-word window, appended to `out`.
#[inline(always)]
fn push_windows<const K: usize>(words: &[CopyWord], out: &mut Vec<u64>) {
    out.reserve(words.len() + 1 - K);
    out.extend(words.windows(K).map(|w| {
        let window: &[CopyWord; K] = w.try_into().expect("K words");
        shingle_hash(window)
    }));
}

/// Order-sensitive hash of a window of words: `a b c` and `c b a` differ.
#[inline(always)]
fn shingle_hash(window: &[CopyWord]) -> u64 {
    // Word hashes are already mixed: rotating each by its position makes the combination
    // order-sensitive, and one finaliser per shingle is enough.
    let mut h = window.len() as u64;
    for (j, w) in window.iter().enumerate() {
        h ^= w.hash.rotate_left((j as u32 * 21) % 64);
    }
    mix64(h)
}

/// What verification needs of one document: its distinct shingles and the distinct shingles
/// of its lead (the opening share of the text), both sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShingleProfile {
    /// Distinct shingle hashes, sorted.
    pub set: Vec<u64>,
    /// Distinct shingle hashes of the first `lead_share` of the shingle sequence, sorted.
    pub lead: Vec<u64>,
}

impl ShingleProfile {
    /// Builds the profile from shingle hashes in text order.
    pub fn new(ordered: &[u64], lead_share: f64) -> Self {
        let lead_len =
            ((ordered.len() as f64 * lead_share).ceil() as usize).clamp(1, ordered.len().max(1));
        let lead = sorted_distinct(&ordered[..lead_len.min(ordered.len())]);
        ShingleProfile {
            set: sorted_distinct(ordered),
            lead,
        }
    }

    /// True when the document had no words at all.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

fn sorted_distinct(hashes: &[u64]) -> Vec<u64> {
    let mut v = hashes.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// Size of the intersection of two sorted slices (a merge walk). With repeated values it is
/// the multiset intersection: `[1, 1, 2]` and `[1, 1, 1]` share 2.
pub fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::normalize::copy_words;
    use super::*;

    fn shingles(text: &str, k: usize) -> Vec<u64> {
        let mut out = Vec::new();
        shingle_hashes_into(&copy_words(text), k, &mut out);
        out
    }

    #[test]
    fn counts_windows_and_short_texts() {
        assert_eq!(shingles("one two three four five", 3).len(), 3);
        assert_eq!(shingles("one two", 3).len(), 1);
        assert!(shingles(" ,; ", 3).is_empty());
    }

    #[test]
    fn order_sensitive_and_fold_insensitive() {
        assert_ne!(shingles("a b c", 3), shingles("c b a", 3));
        assert_eq!(
            shingles("Caf\u{e9} au lait", 3),
            shingles("cafe AU lait", 3)
        );
    }

    /// The unrolled widths give the generic window hash.
    #[test]
    fn every_width_hashes_like_the_generic_window() {
        let words = copy_words("one two three four five six seven eight nine ten eleven");
        for k in 1..=8 {
            let mut got = Vec::new();
            shingle_hashes_into(&words, k, &mut got);
            let want: Vec<u64> = words.windows(k).map(shingle_hash).collect();
            assert_eq!(got, want, "k = {k}");
        }
    }

    #[test]
    fn profile_lead_is_the_opening() {
        let ordered: Vec<u64> = (0..10).collect();
        let p = ShingleProfile::new(&ordered, 0.2);
        assert_eq!(p.lead, vec![0, 1]);
        assert_eq!(p.set.len(), 10);
        assert_eq!(ShingleProfile::new(&[7], 0.2).lead, vec![7]);
        assert!(ShingleProfile::new(&[], 0.2).is_empty());
    }

    #[test]
    fn intersection_of_sorted_sets() {
        assert_eq!(intersection_size(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersection_size(&[], &[1]), 0);
        assert_eq!(intersection_size(&[1, 1, 2], &[1, 1, 1]), 2);
    }
}
