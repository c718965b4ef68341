//! Working memory for the block kernels: a few bit vectors of one query's block count, on the
//! stack for strings of up to 512 characters and on the heap beyond, so that scoring a pair
//! of ordinary strings allocates nothing.

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
