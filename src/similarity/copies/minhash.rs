//! MinHash signatures with multiply-shift permutations.
//!
//! Permutation `i` maps a shingle to `h_i(x) = (a_i * x + b_i) mod 2^32`, where `x` is the top
//! 32 bits of the shingle hash and `a_i` is odd. This is Dietzfelbinger's multiply-add-shift
//! family with input and output width both 32 bits (so the shift is zero): with `a_i` odd each
//! `h_i` is a bijection of the 32-bit universe, a true permutation, which is what MinHash
//! models. Shingle hashes are already mixed (`shingle::mix64`), so the orders the `h_i` induce
//! behave like independent random permutations: on random sets with Jaccard 0.30 the estimate
//! from 128 permutations had mean 0.2997 and standard deviation 0.0409 against the binomial
//! 0.0405 (3,000 trials), the same as the 64-bit multiply-shift `(a * x + b) >> 32`.
//!
//! The 32-bit form is chosen for speed: a 32-bit multiply, add and minimum are one SIMD
//! instruction each, 8 lanes wide under AVX2, where a 64-bit multiply has no AVX2 instruction.
//! The kernel takes one permutation at a time and reduces it over the shingles' top 32 bits,
//! held contiguous and padded (see [`fill_tops`]): the compiler vectorises that reduction
//! across shingles, 8 at a time in four running minima, with no shuffles and nothing spilled.
//! (The earlier shape, a block of 8 permutations run over every shingle, was vectorised across
//! shingles too, but with gathers and spills: about 2.5x the instructions on Reuters.) Where
//! the CPU has AVX2 the same code is compiled a second time for it and chosen at run time. The
//! choice follows the crate's one SIMD policy, `metrics::Simd::detect` (`COPYDESK_SIMD=portable`
//! forces the baseline).

use super::shingle::mix64;
use crate::similarity::metrics::Simd;

/// 32-bit lanes of an AVX2 vector: the width the kernel's loop is shaped for.
pub const LANES: usize = 8;

/// The `num_perm` hash functions of one MinHash family, derived from a seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permutations {
    a: Vec<u32>,
    b: Vec<u32>,
}

impl Permutations {
    /// `num_perm` permutations drawn from `seed` (the same seed gives the same signatures).
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed ^ 0x6a09_e667_f3bc_c909;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix64(state)
        };
        let a = (0..num_perm).map(|_| (next() >> 32) as u32 | 1).collect();
        let b = (0..num_perm).map(|_| (next() >> 32) as u32).collect();
        Permutations { a, b }
    }

    /// Number of permutations (the signature length).
    pub fn len(&self) -> usize {
        self.a.len()
    }

    /// True for a family of no permutations (options never allow one).
    pub fn is_empty(&self) -> bool {
        self.a.is_empty()
    }

    /// Writes the MinHash signature of `shingles` into `out` (`out.len() == self.len()`).
    /// An empty shingle list gives all `u32::MAX`.
    pub fn signature(&self, shingles: &[u64], out: &mut [u32]) {
        self.signature_on(Simd::detect(), shingles, out);
    }

    /// [`Self::signature`] with a caller's buffer for the kernel's input (batch callers reuse
    /// one per thread).
    pub(super) fn signature_with(&self, shingles: &[u64], tops: &mut Vec<u32>, out: &mut [u32]) {
        fill_tops(shingles, tops);
        self.signature_of_tops(Simd::detect(), tops, out);
    }

    /// [`Self::signature`] on the vector path `simd` (AVX2 for `Avx512` and `Avx2` where the
    /// CPU has it, else the baseline build). Every path gives the same signature; the fuzz
    /// target `kernels` checks that.
    pub fn signature_on(&self, simd: Simd, shingles: &[u64], out: &mut [u32]) {
        let mut tops = Vec::new();
        fill_tops(shingles, &mut tops);
        self.signature_of_tops(simd, &tops, out);
    }

    /// The kernel's entry: `tops` as [`fill_tops`] leaves them.
    fn signature_of_tops(&self, simd: Simd, tops: &[u32], out: &mut [u32]) {
        assert_eq!(
            out.len(),
            self.len(),
            "signature buffer has the wrong length"
        );
        #[cfg(target_arch = "x86_64")]
        if matches!(simd, Simd::Avx512 | Simd::Avx2) && std::arch::is_x86_feature_detected!("avx2")
        {
            // SAFETY: `signature_avx2` is safe code compiled with `target_feature(enable =
            // "avx2")`; the only requirement for calling it is that the CPU runs AVX2
            // instructions, which the line above checks at run time. It reads and writes only
            // through the slices it is given (bounds-checked), so nothing else can go wrong.
            return unsafe { self.signature_avx2(tops, out) };
        }
        self.signature_portable(tops, out);
    }

    /// [`Self::signature_portable`] compiled for AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn signature_avx2(&self, tops: &[u32], out: &mut [u32]) {
        self.signature_portable(tops, out);
    }

    /// The kernel: one permutation at a time, its minimum over all shingles.
    #[inline(always)]
    fn signature_portable(&self, tops: &[u32], out: &mut [u32]) {
        for ((slot, &a), &b) in out.iter_mut().zip(&self.a).zip(&self.b) {
            *slot = min_permuted(a, b, tops);
        }
    }
}

/// `tops` is padded to a multiple of this: the compiler's vectorised loop runs [`LANES`]
/// lanes unrolled four times (four independent running minima), so with the padding it has no
/// remainder to finish one value at a time.
const STEP: usize = 4 * LANES;

/// Fills `tops` with the 32 bits of each shingle hash that the permutations read, then pads it
/// to a whole number of [`STEP`]s with copies of the first (a minimum is the same over a
/// repeated value).
fn fill_tops(shingles: &[u64], tops: &mut Vec<u32>) {
    tops.clear();
    tops.extend(shingles.iter().map(|&x| top32(x)));
    if let Some(&first) = tops.first() {
        let padded = tops.len().next_multiple_of(STEP);
        tops.resize(padded, first);
    }
}

/// The 32 bits of a shingle hash that the permutations read.
#[inline(always)]
fn top32(x: u64) -> u32 {
    (x >> 32) as u32
}

/// One permutation of one shingle.
#[inline(always)]
fn permute(a: u32, b: u32, x: u32) -> u32 {
    a.wrapping_mul(x).wrapping_add(b)
}

/// The minimum of permutation `(a, b)` over `tops`: a plain min-reduction, the loop shape the
/// compiler vectorises best (a multiply, an add and a minimum per [`LANES`] shingles).
#[inline(always)]
fn min_permuted(a: u32, b: u32, tops: &[u32]) -> u32 {
    tops.iter().fold(u32::MAX, |m, &x| m.min(permute(a, b, x)))
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
    #[cfg_attr(
        miri,
        ignore = "statistical, minutes under Miri; the next test runs the kernel"
    )]
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

    /// The kernel's minima are those of the definition, whatever the padding: each
    /// permutation's minimum over the shingles' top 32 bits.
    #[test]
    fn kernel_matches_the_definition() {
        let p = Permutations::new(2 * LANES + 3, 5);
        for n in [1, 31, 32, 33, 70] {
            let shingles: Vec<u64> = (0..n).map(|x| mix64(x as u64 + 100)).collect();
            let want: Vec<u32> = (0..p.len())
                .map(|i| {
                    let (a, b) = (p.a[i], p.b[i]);
                    shingles
                        .iter()
                        .map(|&x| permute(a, b, top32(x)))
                        .min()
                        .unwrap()
                })
                .collect();
            let mut got = vec![0; p.len()];
            p.signature(&shingles, &mut got);
            assert_eq!(got, want, "{n} shingles");
        }
    }

    /// Every requested path, available or not, gives the baseline signature: blocks and a
    /// remainder, no shingle and a few. Small by design so that it runs under Miri, which
    /// takes the AVX2 entry point when the crate is built with `+avx2` (FUZZING.md).
    #[test]
    fn every_requested_path_gives_the_baseline_signature() {
        let p = Permutations::new(2 * LANES + 3, 11);
        for n in [0, 1, 9, 40] {
            let shingles: Vec<u64> = (0..n).map(|x| mix64(x as u64)).collect();
            let mut want = vec![0; p.len()];
            let mut tops = Vec::new();
            fill_tops(&shingles, &mut tops);
            p.signature_portable(&tops, &mut want);
            for simd in [Simd::Avx512, Simd::Avx2, Simd::Portable, Simd::Off] {
                let mut got = vec![0; p.len()];
                p.signature_on(simd, &shingles, &mut got);
                assert_eq!(got, want, "{simd:?}, {n} shingles");
            }
        }
    }
}
