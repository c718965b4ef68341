//! MinHash signatures with multiply-shift permutations.
//!
//! Permutation `i` maps a shingle hash `x` to `(a_i * x + b_i) >> 32` (wrapping `u64`
//! arithmetic, `a_i` odd): Dietzfelbinger's multiply-shift scheme, which needs no modulus and
//! keeps the well-mixed high bits. Shingle hashes are already mixed (`shingle::mix64`), so this
//! cheap family behaves like random permutations for MinHash. The inner loop runs over a fixed
//! block of [`LANES`] permutations for every shingle, with the running minima in a local
//! array, a shape the compiler turns into SIMD multiplies and minima.

use super::shingle::mix64;

/// Permutations per inner block: the vector width the kernel is written for.
pub const LANES: usize = 8;

/// The `num_perm` hash functions of one MinHash family, derived from a seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permutations {
    a: Vec<u64>,
    b: Vec<u64>,
}

impl Permutations {
    /// `num_perm` permutations drawn from `seed` (the same seed gives the same signatures).
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed ^ 0x6a09_e667_f3bc_c909;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix64(state)
        };
        let a = (0..num_perm).map(|_| next() | 1).collect();
        let b = (0..num_perm).map(|_| next()).collect();
        Permutations { a, b }
    }

    /// Number of permutations (the signature length).
    pub fn len(&self) -> usize {
        self.a.len()
    }

    /// Writes the MinHash signature of `shingles` into `out` (`out.len() == self.len()`).
    /// An empty shingle list gives all `u32::MAX`.
    pub fn signature(&self, shingles: &[u64], out: &mut [u32]) {
        assert_eq!(
            out.len(),
            self.len(),
            "signature buffer has the wrong length"
        );
        let blocks = self.a.len() / LANES * LANES;
        for start in (0..blocks).step_by(LANES) {
            let a: &[u64; LANES] = self.a[start..start + LANES].try_into().expect("block");
            let b: &[u64; LANES] = self.b[start..start + LANES].try_into().expect("block");
            let block: &mut [u32; LANES] =
                (&mut out[start..start + LANES]).try_into().expect("block");
            *block = min_block(a, b, shingles);
        }
        let rest = out[blocks..]
            .iter_mut()
            .zip(&self.a[blocks..])
            .zip(&self.b[blocks..]);
        for ((slot, &a), &b) in rest {
            *slot = shingles
                .iter()
                .map(|&x| permute(a, b, x))
                .min()
                .unwrap_or(u32::MAX);
        }
    }
}

/// One permutation of one shingle hash.
#[inline(always)]
fn permute(a: u64, b: u64, x: u64) -> u32 {
    (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32
}

/// Minima of [`LANES`] permutations over all shingles: the vectorised kernel.
#[inline]
fn min_block(a: &[u64; LANES], b: &[u64; LANES], shingles: &[u64]) -> [u32; LANES] {
    let mut m = [u32::MAX; LANES];
    for &x in shingles {
        for l in 0..LANES {
            m[l] = m[l].min(permute(a[l], b[l], x));
        }
    }
    m
}

/// Share of equal positions of two signatures: an unbiased estimate of the shingle Jaccard.
#[inline]
pub fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(p: &Permutations, set: &[u64]) -> Vec<u32> {
        let hashed: Vec<u64> = set.iter().map(|&x| mix64(x)).collect();
        let mut out = vec![0; p.len()];
        p.signature(&hashed, &mut out);
        out
    }

    #[test]
    fn identical_sets_identical_signatures() {
        let p = Permutations::new(64, 7);
        assert_eq!(sig(&p, &[1, 2, 3]), sig(&p, &[3, 2, 1, 2]));
    }

    #[test]
    fn estimate_tracks_jaccard() {
        let p = Permutations::new(512, 1);
        let a: Vec<u64> = (0..300).collect();
        let b: Vec<u64> = (100..400).collect(); // Jaccard 200 / 400 = 0.5
        let est = estimated_jaccard(&sig(&p, &a), &sig(&p, &b));
        assert!((est - 0.5).abs() < 0.07, "estimate {est}");
        let c: Vec<u64> = (1000..1300).collect();
        assert!(estimated_jaccard(&sig(&p, &a), &sig(&p, &c)) < 0.03);
    }

    #[test]
    fn remainder_permutations_are_filled() {
        let p = Permutations::new(LANES + 3, 2);
        let s = sig(&p, &[5, 6]);
        assert!(s.iter().all(|&v| v != u32::MAX));
        assert!(sig(&p, &[]).iter().all(|&v| v == u32::MAX));
    }
}
