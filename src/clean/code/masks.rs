//! Which bytes of a line the quick prose test (`quick.rs`) has to look at: a bit for each
//! byte that is not an ASCII letter, digit or space, nor punctuation that never weighs in the
//! scorer (`,` `-` `)` `?` `%`), and whether the line has a letter or digit. A block of 64
//! bytes at a time (the test stops at the first byte that sends a line to the scorer),
//! sixteen bytes to an SSE2 compare on x86_64 (a byte loop elsewhere and in the tests).

/// The bytes of one block to look at, a bit each, and whether it has an ASCII letter or digit.
#[derive(Debug, PartialEq, Eq)]
pub struct BlockMasks {
    pub look: u64,
    pub alnum: bool,
}

/// The masks of the bytes `64 * k..` (at most 64) of `line`.
#[cfg(target_arch = "x86_64")]
pub fn block_masks(line: &[u8], k: usize) -> BlockMasks {
    // SAFETY: SSE2 is part of the x86_64 baseline, so every CPU this runs on has it. (Classing
    // eight bytes at a time in a `u64`, as this test did before, costs about twice the
    // instructions.)
    unsafe { sse2::block_masks(block(line, k)) }
}

#[cfg(not(target_arch = "x86_64"))]
pub fn block_masks(line: &[u8], k: usize) -> BlockMasks {
    block_masks_bytewise(block(line, k))
}

/// The bytes `64 * k..` (at most 64) of `line`.
fn block(line: &[u8], k: usize) -> &[u8] {
    let start = (64 * k).min(line.len());
    &line[start..line.len().min(start + 64)]
}

/// Does the byte need a look: not an ASCII letter, digit or space, nor `,` `-` `)` `?` `%`?
#[inline]
fn needs_look(c: u8) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, b' ' | b',' | b'-' | b')' | b'?' | b'%'))
}

/// [`block_masks`] of one block (at most 64 bytes) a byte at a time.
fn block_masks_bytewise(block: &[u8]) -> BlockMasks {
    let mut m = BlockMasks {
        look: 0,
        alnum: false,
    };
    for (i, &c) in block.iter().enumerate() {
        m.look |= u64::from(needs_look(c)) << i;
        m.alnum |= c.is_ascii_alphanumeric();
    }
    m
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::BlockMasks;
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };

    #[target_feature(enable = "sse2")]
    pub fn block_masks(block: &[u8]) -> BlockMasks {
        let mut alnum = 0u64;
        let mut look = 0u64;
        let mut sixteens = block.chunks_exact(16);
        for (q, sixteen) in (&mut sixteens).enumerate() {
            let half = |h: usize| {
                i64::from_le_bytes(sixteen[8 * h..8 * h + 8].try_into().unwrap_or([0; 8]))
            };
            let x = _mm_set_epi64x(half(1), half(0));
            // Signed compares: bytes from 0x80 are negative and in none of these ranges.
            let letters = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
            let alnums = _mm_or_si128(letters, in_range(x, b'0', b'9'));
            // `,` and `-` are neighbours; ` `, `)`, `?` and `%` are compared one by one.
            let mut quiet = _mm_or_si128(alnums, in_range(x, b',', b'-'));
            for c in [b' ', b')', b'?', b'%'] {
                quiet = _mm_or_si128(quiet, _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8)));
            }
            let bits = |v: __m128i| u64::from(_mm_movemask_epi8(v) as u16);
            alnum |= bits(alnums);
            look |= (!bits(quiet) & 0xFFFF) << (16 * q);
        }
        let rest = super::block_masks_bytewise(sixteens.remainder());
        let base = block.len() - sixteens.remainder().len();
        BlockMasks {
            look: look | rest.look.checked_shl(base as u32).unwrap_or(0),
            alnum: alnum != 0 || rest.alnum,
        }
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
            for k in 0..line.len().div_ceil(64) {
                proptest::prop_assert_eq!(block_masks(&line, k), block_masks_bytewise(block(&line, k)));
            }
        }
    }
}
