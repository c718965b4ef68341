//! Multi-query kernels: the Myers/Hyyrö (Levenshtein, OSA; see `myers.rs`), LCS and Jaro run on
//! [`Lanes`], one query per lane, against one text. They track no running score: a distance
//! comes from the last column's vertical deltas (`D[m][n] = n + #VP - #VN` below row m), an
//! LCS from the zero bits of `S`, so the inner loop is the recurrence alone. No early exit:
//! cutoffs apply to the finished scores.

use super::lanes::{Bits, Lanes};
use super::pattern::{blocks_for, PatternTable, WORD};
use super::scratch::Vectors;
use super::{lcs, myers};

/// A lane pattern: up to L queries, one per lane.
pub type LanePattern<const L: usize> = PatternTable<Lanes<L>>;

/// The bits of lane positions below `len` that fall in block `w`.
#[inline]
fn block_mask(len: usize, w: usize) -> u64 {
    let start = w * WORD;
    match len.saturating_sub(start) {
        0 => 0,
        k if k >= WORD => !0,
        k => (1u64 << k) - 1,
    }
}

/// Sum over blocks of `popcount(v & mask)` per lane, for lanes of lengths `lens`.
#[inline(always)]
fn masked_popcounts<const L: usize>(
    vectors: &[Lanes<L>],
    lens: &[usize; L],
    invert: bool,
) -> [usize; L] {
    let mut out = [0usize; L];
    for (w, v) in vectors.iter().enumerate() {
        for lane in 0..L {
            let bits = if invert { !v.0[lane] } else { v.0[lane] };
            out[lane] += (bits & block_mask(lens[lane], w)).count_ones() as usize;
        }
    }
    out
}

/// Levenshtein (or, with `TRANSPOSE`, OSA) distance of each lane's query, of length
/// `lens[lane]`, to `text`. Lanes without a query give `text.len()`.
#[inline(always)]
pub fn myers<const L: usize, const TRANSPOSE: bool>(
    pattern: &LanePattern<L>,
    lens: &[usize; L],
    text: &[char],
) -> [usize; L] {
    let words = pattern.words();
    let (plus, minus) = if words == 1 {
        let (vp, vn) = myers::single_word::<Lanes<L>, TRANSPOSE>(
            text,
            #[inline(always)]
            |c| pattern.first(c),
            #[inline(always)]
            |_, _, _| true,
        )
        .expect("a run without a stopping step finishes");
        (
            masked_popcounts(&[vp], lens, false),
            masked_popcounts(&[vn], lens, false),
        )
    } else {
        let mut vectors = Vectors::new(words);
        let (vp, vn, d0) = vectors.split(words);
        myers::blocks::<Lanes<L>, TRANSPOSE>(pattern, text, (&mut *vp, &mut *vn, d0), |_, _, _| {
            true
        });
        (
            masked_popcounts(vp, lens, false),
            masked_popcounts(vn, lens, false),
        )
    };
    std::array::from_fn(|lane| text.len() + plus[lane] - minus[lane])
}

/// Length of the longest common subsequence of each lane's query and `text`.
#[inline(always)]
pub fn lcs<const L: usize>(
    pattern: &LanePattern<L>,
    lens: &[usize; L],
    text: &[char],
) -> [usize; L] {
    let words = pattern.words();
    if words == 1 {
        let s = lcs::single_word(
            text,
            #[inline(always)]
            |c| pattern.first(c),
        );
        return masked_popcounts(&[s], lens, true);
    }
    let mut vectors = Vectors::new(words);
    let (s, _, _) = vectors.split(words);
    lcs::blocks(pattern, text, s);
    masked_popcounts(s, lens, true)
}

/// Per-text-block flags of the matched text positions, one bit per position and lane.
struct TextFlags<const L: usize> {
    stack: [Lanes<L>; 4],
    heap: Vec<Lanes<L>>,
    blocks: usize,
}

impl<const L: usize> TextFlags<L> {
    #[inline(always)]
    fn new(len: usize) -> Self {
        let blocks = blocks_for(len);
        let heap = if blocks > 4 {
            vec![Lanes([0; L]); blocks]
        } else {
            Vec::new()
        };
        TextFlags {
            stack: [Lanes([0; L]); 4],
            heap,
            blocks,
        }
    }

    #[inline(always)]
    fn blocks(&mut self) -> &mut [Lanes<L>] {
        if self.blocks > 4 {
            &mut self.heap
        } else {
            &mut self.stack[..self.blocks]
        }
    }

    /// Marks text position `j` in the lanes set in `lanes`.
    #[inline(always)]
    fn mark(&mut self, j: usize, lanes: Lanes<L>) {
        let block = &mut self.blocks()[j / WORD];
        *block = *block | (lanes & Lanes::splat(1u64 << (j % WORD)));
    }
}

/// Jaro matches and doubled transpositions of each lane's query and `text`, with strsim's
/// greedy matching (see `jaro.rs` for the single-query version). The match window of text
/// position j covers query positions `j - r ..= j + r`, r depending on each lane's length;
/// it starts as bits `0..=r` and moves up one bit per text character.
#[inline(always)]
pub fn jaro_counts<const L: usize>(
    pattern: &LanePattern<L>,
    lens: &[usize; L],
    text: &[char],
) -> ([usize; L], [usize; L]) {
    let n = text.len();
    let radius: Lanes<L> = Lanes(std::array::from_fn(|lane| {
        (lens[lane].max(n) / 2).saturating_sub(1) as u64
    }));
    let mut flags = TextFlags::new(n);
    let words = pattern.words();
    if words == 1 {
        let taken = match_single_word(pattern, radius, text, &mut flags);
        let matches = taken.0.map(|t| t.count_ones() as usize);
        let transpositions = transpositions(pattern, &mut [taken], text, &mut flags);
        return (matches, transpositions);
    }
    let mut vectors = Vectors::new(words);
    let (taken, window, _) = vectors.split(words);
    for (w, win) in window.iter_mut().enumerate() {
        *win = Lanes(std::array::from_fn(|lane| {
            block_mask(radius.0[lane] as usize + 1, w)
        }));
    }
    let one = Lanes::splat(1);
    for (j, &c) in text.iter().enumerate() {
        let row = pattern.row(c);
        let mut found = Lanes::splat(0);
        for w in 0..words {
            let lowest = (row[w] & window[w])
                .and_not(taken[w])
                .lowest_bit()
                .and_not(found);
            taken[w] = taken[w] | lowest;
            found = found | !lowest.is_zero();
        }
        flags.mark(j, found);
        let mut carry = Lanes::splat(j as u64).less_than(radius) & one;
        for win in window.iter_mut() {
            let moved = (*win << 1) | carry;
            carry = *win >> 63;
            *win = moved;
        }
    }
    let matches = masked_popcounts(taken, &[usize::MAX; L], false);
    (matches, transpositions(pattern, taken, text, &mut flags))
}

/// The greedy matching when every query fits one word; returns the taken query positions.
#[inline(always)]
fn match_single_word<const L: usize>(
    pattern: &LanePattern<L>,
    radius: Lanes<L>,
    text: &[char],
    flags: &mut TextFlags<L>,
) -> Lanes<L> {
    let mut window = Lanes(radius.0.map(|r| {
        if r >= WORD as u64 - 1 {
            !0
        } else {
            (1u64 << (r + 1)) - 1
        }
    }));
    let one = Lanes::splat(1);
    let mut taken = Lanes::splat(0);
    for (j, &c) in text.iter().enumerate() {
        let lowest = (pattern.first(c) & window).and_not(taken).lowest_bit();
        taken = taken | lowest;
        flags.mark(j, !lowest.is_zero());
        window = (window << 1) | (Lanes::splat(j as u64).less_than(radius) & one);
    }
    taken
}

/// Doubled transpositions: the k-th matched text character against the k-th taken query
/// position, per lane; consumes `taken`.
#[inline(always)]
fn transpositions<const L: usize>(
    pattern: &LanePattern<L>,
    taken: &mut [Lanes<L>],
    text: &[char],
    flags: &mut TextFlags<L>,
) -> [usize; L] {
    let one = Lanes::splat(1);
    let mut count = Lanes::splat(0);
    for (block, lane_flags) in flags.blocks().iter().enumerate() {
        let mut any = lane_flags.0.iter().fold(0, |acc, f| acc | f);
        while any != 0 {
            let bit = any & any.wrapping_neg();
            any ^= bit;
            let j = block * WORD + bit.trailing_zeros() as usize;
            let here = !(*lane_flags & Lanes::splat(bit)).is_zero();
            let row = pattern.row(text[j]);
            let mut found = !here;
            let mut miss = Lanes::splat(0);
            for (w, t) in taken.iter_mut().enumerate() {
                let lowest = t.lowest_bit().and_not(found);
                miss = miss | (row[w] & lowest).is_zero().and_not(lowest.is_zero());
                *t = *t ^ lowest;
                found = found | !lowest.is_zero();
            }
            count = count + (miss & one);
        }
    }
    count.0.map(|t| t as usize)
}
