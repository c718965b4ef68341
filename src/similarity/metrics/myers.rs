//! Levenshtein and OSA distances by Myers' bit-vector algorithm in Hyyrö's formulation. One
//! column of the DP matrix is held as vertical +1/-1 delta bits, so each text character costs
//! a handful of word operations per 64 query characters; queries over 64 characters run the
//! block version, with carries between words. With `TRANSPOSE`, Hyyrö's 2003 extension gives
//! the optimal string alignment distance: a transposition bit is set where the text's previous
//! character matches here and this one matched the row above, and it joins `D0`.

use super::pattern::{Pattern, WORD};
use super::scratch::with_words;

/// Distance for a query of `m <= 64` characters whose match bits `eq` returns, or `None` once
/// it must exceed `max`.
#[inline(always)]
pub fn single_word<const TRANSPOSE: bool>(
    m: usize,
    text: &[char],
    max: usize,
    eq: impl Fn(char) -> u64,
) -> Option<usize> {
    let last = 1u64 << (m - 1);
    let (mut vp, mut vn, mut d0, mut pm_prev) = (!0u64, 0u64, 0u64, 0u64);
    let mut score = m;
    let n = text.len();
    for (j, &c) in text.iter().enumerate() {
        let pm = eq(c);
        let x = pm | vn;
        let tr = if TRANSPOSE {
            ((!d0 & pm) << 1) & pm_prev
        } else {
            0
        };
        d0 = ((x & vp).wrapping_add(vp) ^ vp) | x | tr;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        score += (hp & last != 0) as usize;
        score -= (hn & last != 0) as usize;
        // Row 0 of the matrix grows by one per text character: a +1 enters at the bottom.
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_prev = pm;
        if score > max + (n - 1 - j) {
            return None;
        }
    }
    Some(score)
}

/// The block version: `words` 64-bit columns linked by the carry of the addition and by the
/// bits that the horizontal deltas (and transpositions) shift across word boundaries.
pub fn blocks<const TRANSPOSE: bool>(
    pattern: &Pattern,
    text: &[char],
    max: usize,
) -> Option<usize> {
    let words = pattern.words();
    let m = pattern.len();
    let last = 1u64 << ((m - 1) % WORD);
    with_words(3 * words, |buf| {
        let (vp, rest) = buf.split_at_mut(words);
        let (vn, d0) = rest.split_at_mut(words);
        vp.fill(!0);
        let mut score = m;
        let mut prev: &[u64] = &[];
        let n = text.len();
        for (j, &c) in text.iter().enumerate() {
            let row = pattern.row(c);
            let (mut hp_carry, mut hn_carry, mut add_carry, mut tr_carry) =
                (1u64, 0u64, false, 0u64);
            let (mut hp_last, mut hn_last) = (0, 0);
            for w in 0..words {
                let pm = row[w];
                let tr = if TRANSPOSE && !prev.is_empty() {
                    let moving = !d0[w] & pm;
                    let tr = ((moving << 1) | tr_carry) & prev[w];
                    tr_carry = moving >> 63;
                    tr
                } else {
                    0
                };
                let x = pm | vn[w];
                let (sum, c1) = (x & vp[w]).overflowing_add(vp[w]);
                let (sum, c2) = sum.overflowing_add(add_carry as u64);
                add_carry = c1 | c2;
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
            prev = row;
            score += (hp_last & last != 0) as usize;
            score -= (hn_last & last != 0) as usize;
            if score > max + (n - 1 - j) {
                return None;
            }
        }
        Some(score)
    })
}
