//! Levenshtein and OSA distances by Myers' bit-vector algorithm in Hyyrö's formulation. One
//! column of the DP matrix is held as vertical +1/-1 delta bits, so each text character costs
//! a handful of word operations per 64 query characters; queries over 64 characters run the
//! block version, with carries between words. With `TRANSPOSE`, Hyyrö's 2003 extension gives
//! the optimal string alignment distance: a transposition bit is set where the text's previous
//! character matches here and this one matched the row above, and it joins `D0`.
//!
//! The recurrences are written once over [`Bits`]: a `u64` for one query (the caller tracks
//! the score through `step` and may stop early), or `Lanes` for one query per lane (no
//! tracking; the distance comes from the final vertical deltas).

use super::lanes::Bits;
use super::pattern::PatternTable;

/// Runs the recurrence for queries of at most 64 characters whose match bits `eq` returns.
/// After each text character `j`, `step(j, hp, hn)` sees the horizontal deltas (before the
/// shift) and returns false to stop, which gives `None`; otherwise the final `(VP, VN)`.
#[inline(always)]
pub fn single_word<B: Bits, const TRANSPOSE: bool>(
    text: &[char],
    eq: impl Fn(char) -> B,
    mut step: impl FnMut(usize, B, B) -> bool,
) -> Option<(B, B)> {
    let (mut vp, mut vn, mut d0, mut pm_prev) = (B::ONES, B::ZERO, B::ZERO, B::ZERO);
    for (j, &c) in text.iter().enumerate() {
        let pm = eq(c);
        let x = pm | vn;
        let tr = if TRANSPOSE {
            (pm.and_not(d0) << 1) & pm_prev
        } else {
            B::ZERO
        };
        d0 = ((x & vp).plus(vp) ^ vp) | x | tr;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        if !step(j, hp, hn) {
            return None;
        }
        // Row 0 of the matrix grows by one per text character: a +1 enters at the bottom.
        let hp = (hp << 1) | B::ONE;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_prev = pm;
    }
    Some((vp, vn))
}

/// The block version over `pattern`'s words: columns linked by the carry of the addition and
/// by the bits that the horizontal deltas (and transpositions) shift across word boundaries.
/// `vp`, `vn` and `d0` hold one word each per block; `step` sees the last block's deltas and
/// may stop the run (the result is then false).
#[inline(always)]
pub fn blocks<B: Bits, const TRANSPOSE: bool>(
    pattern: &PatternTable<B>,
    text: &[char],
    vectors: (&mut [B], &mut [B], &mut [B]),
    mut step: impl FnMut(usize, B, B) -> bool,
) -> bool {
    let (vp, vn, d0) = vectors;
    vp.fill(B::ONES);
    vn.fill(B::ZERO);
    d0.fill(B::ZERO);
    let mut prev: &[B] = &[];
    for (j, &c) in text.iter().enumerate() {
        let row = pattern.row(c);
        let (mut hp_carry, mut hn_carry, mut add_carry, mut tr_carry) =
            (B::ONE, B::ZERO, B::ZERO, B::ZERO);
        let (mut hp_last, mut hn_last) = (B::ZERO, B::ZERO);
        for w in 0..row.len() {
            let pm = row[w];
            let tr = if TRANSPOSE && !prev.is_empty() {
                let moving = pm.and_not(d0[w]);
                let tr = ((moving << 1) | tr_carry) & prev[w];
                tr_carry = moving >> 63;
                tr
            } else {
                B::ZERO
            };
            let x = pm | vn[w];
            let (sum, carry) = (x & vp[w]).add_with_carry(vp[w], add_carry);
            add_carry = carry;
            d0[w] = (sum ^ vp[w]) | x | tr;
            let hp = vn[w] | !(d0[w] | vp[w]);
            let hn = d0[w] & vp[w];
            (hp_last, hn_last) = (hp, hn);
            let hp_shifted = (hp << 1) | hp_carry;
            let hn_shifted = (hn << 1) | hn_carry;
            hp_carry = hp >> 63;
            hn_carry = hn >> 63;
            vp[w] = hn_shifted | !(d0[w] | hp_shifted);
            vn[w] = hp_shifted & d0[w];
        }
        if !step(j, hp_last, hn_last) {
            return false;
        }
        prev = row;
    }
    true
}
