//! Which bytes of a line the quick prose test (`quick.rs`) has to look at: a bit for each
//! byte that is not an ASCII letter, digit or space, nor punctuation that never weighs in the
//! scorer (`,` `-` `)` `?` `%`), and whether the line has a letter or digit. Sixteen bytes at
//! a time with SSE2 compares on x86_64 (a byte loop elsewhere and in the tests).

use super::line_score::MAX_SCORED;

/// Mask words a line of up to [`MAX_SCORED`] bytes takes.
pub const WORDS: usize = MAX_SCORED / 64;

/// The bytes of a line to look at, 64 to a word, and whether it has an ASCII letter or digit.
pub struct LineMasks {
    pub look: [u64; WORDS],
    pub alnum: bool,
}

/// The masks of `line` (at most [`MAX_SCORED`] bytes).
#[cfg(target_arch = "x86_64")]
pub fn line_masks(line: &[u8]) -> LineMasks {
    debug_assert!(line.len() <= MAX_SCORED);
    // SAFETY: SSE2 is part of the x86_64 baseline, so every CPU this runs on has it. (Classing
    // eight bytes at a time in a `u64`, as this test did before, costs about twice the
    // instructions.)
    unsafe { sse2::line_masks(line) }
}

#[cfg(not(target_arch = "x86_64"))]
pub fn line_masks(line: &[u8]) -> LineMasks {
    line_masks_bytewise(line)
}

/// Does the byte need a look: not an ASCII letter, digit or space, nor `,` `-` `)` `?` `%`?
#[inline]
fn needs_look(c: u8) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, b' ' | b',' | b'-' | b')' | b'?' | b'%'))
}

/// [`line_masks`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
pub fn line_masks_bytewise(line: &[u8]) -> LineMasks {
    let mut m = LineMasks {
        look: [0; WORDS],
        alnum: false,
    };
    for (i, &c) in line.iter().enumerate() {
        m.look[i / 64] |= u64::from(needs_look(c)) << (i % 64);
        m.alnum |= c.is_ascii_alphanumeric();
    }
    m
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{LineMasks, WORDS};
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };

    #[target_feature(enable = "sse2")]
    pub fn line_masks(line: &[u8]) -> LineMasks {
        let mut m = LineMasks {
            look: [0; WORDS],
            alnum: false,
        };
        let mut alnum = 0u64;
        let mut sixteens = line.chunks_exact(16);
        for (q, sixteen) in (&mut sixteens).enumerate() {
            let half = |h: usize| {
                i64::from_le_bytes(sixteen[8 * h..8 * h + 8].try_into().unwrap_or([0; 8]))
            };
            let x = _mm_set_epi64x(half(1), half(0));
            // Signed compares: bytes from 0x80 are negative and in none of these ranges.
            let letters = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
            let alnums = _mm_or_si128(letters, in_range(x, b'0', b'9'));
            let mut quiet = alnums;
            for c in [b' ', b',', b'-', b')', b'?', b'%'] {
                quiet = _mm_or_si128(quiet, _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8)));
            }
            let bits = |v: __m128i| u64::from(_mm_movemask_epi8(v) as u16);
            alnum |= bits(alnums);
            m.look[q / 4 % WORDS] |= (!bits(quiet) & 0xFFFF) << (16 * (q % 4));
        }
        let base = line.len() - sixteens.remainder().len();
        for (j, &c) in sixteens.remainder().iter().enumerate() {
            let i = base + j;
            m.look[i / 64 % WORDS] |= u64::from(super::needs_look(c)) << (i % 64);
            alnum |= u64::from(c.is_ascii_alphanumeric());
        }
        m.alnum = alnum != 0;
        m
    }

    /// 0xFF in each byte of `x` within `lo..=hi` (ASCII bounds).
    #[target_feature(enable = "sse2")]
    #[inline]
    fn in_range(x: __m128i, lo: u8, hi: u8) -> __m128i {
        let above = _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1));
        let below = _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1));
        _mm_and_si128(above, below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn vector_masks_are_the_bytewise_ones(line in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let (vector, plain) = (line_masks(&line), line_masks_bytewise(&line));
            proptest::prop_assert_eq!(vector.look, plain.look);
            proptest::prop_assert_eq!(vector.alnum, plain.alnum);
        }
    }
}
