//! Working memory for the block kernels: a few bit vectors of one query's block count, on the
//! stack for strings of up to 512 characters and on the heap beyond, so that scoring a pair
//! of ordinary strings allocates nothing.

use super::lanes::Bits;

/// Words kept on the stack: 8 vectors of 8 blocks, enough for 512-character queries.
const STACK_WORDS: usize = 64;

/// Calls `f` with a zeroed buffer of `len` words.
#[inline]
pub fn with_words<R>(len: usize, f: impl FnOnce(&mut [u64]) -> R) -> R {
    if len <= 8 {
        // Most strings fit a few words: zeroing 64 would cost more than the work.
        let mut buf = [0u64; 8];
        f(&mut buf[..len])
    } else if len <= STACK_WORDS {
        let mut buf = [0u64; STACK_WORDS];
        f(&mut buf[..len])
    } else {
        let mut buf = vec![0u64; len];
        f(&mut buf)
    }
}

/// Blocks kept on the stack per vector by [`Vectors`] (512 characters).
const STACK_BLOCKS: usize = 8;

/// Three working vectors of `words` cells each (`u64` or lanes): on the stack for queries
/// of up to 512 characters. Free of closures, so it inlines into `#[target_feature]` callers.
pub enum Vectors<B> {
    Stack([B; 3 * STACK_BLOCKS]),
    Heap(Vec<B>),
}

impl<B: Bits> Vectors<B> {
    #[inline(always)]
    pub fn new(words: usize) -> Self {
        if words <= STACK_BLOCKS {
            Vectors::Stack([B::ZERO; 3 * STACK_BLOCKS])
        } else {
            Vectors::Heap(vec![B::ZERO; 3 * words])
        }
    }

    /// The three vectors.
    #[inline(always)]
    pub fn split(&mut self, words: usize) -> (&mut [B], &mut [B], &mut [B]) {
        let buf = match self {
            Vectors::Stack(a) => &mut a[..3 * words],
            Vectors::Heap(v) => &mut v[..],
        };
        let (a, rest) = buf.split_at_mut(words);
        let (b, c) = rest.split_at_mut(words);
        (a, b, c)
    }
}
