//! Working memory for the block kernels: a few bit vectors of one query's block count, on the
//! stack for strings of up to 512 characters and on the heap beyond, so that scoring a pair
//! of ordinary strings allocates nothing.

use super::lanes::Bits;

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
