//! `Lanes<L>`: L independent 64-bit words operated on together. The multi-query kernels put
//! one query per lane, so one pass over a choice scores L queries at once. The operations are
//! plain loops over arrays, which LLVM turns into SSE2, AVX2 or AVX-512 instructions inside
//! the `#[target_feature]` entry points of `group.rs`; no intrinsics and no unsafe here.
//! [`Bits`] is what the kernels ask of a word, so one kernel serves `u64` and `Lanes`.

use std::ops::{Add, BitAnd, BitOr, BitXor, Not, Shl, Shr};

/// What the bit-parallel recurrences need of a machine word: a plain `u64` (one query) or
/// [`Lanes`] (one query per lane). Kernels written once over `Bits` serve both.
pub trait Bits:
    Copy
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + BitXor<Output = Self>
    + Not<Output = Self>
    + Shl<u32, Output = Self>
    + Shr<u32, Output = Self>
{
    const ZERO: Self;
    /// All bits set.
    const ONES: Self;
    /// The value 1 in every lane.
    const ONE: Self;
    /// Lane-wise wrapping addition.
    fn plus(self, other: Self) -> Self;
    /// `self & !other`.
    fn and_not(self, other: Self) -> Self;
    /// Lane-wise `self + other + carry_in`, with the carry out (0 or 1 per lane).
    #[inline(always)]
    fn add_with_carry(self, other: Self, carry_in: Self) -> (Self, Self) {
        let sum = self.plus(other).plus(carry_in);
        // Carry out of the top bit: both tops set, or one set and the sum's top cleared.
        let carry = ((self & other) | ((self | other) & !sum)) >> 63;
        (sum, carry)
    }
    /// Sets `bit` in `lane` (pattern tables are built this way).
    fn set(&mut self, lane: usize, bit: u64);
}

impl Bits for u64 {
    const ZERO: Self = 0;
    const ONES: Self = !0;
    const ONE: Self = 1;
    #[inline(always)]
    fn plus(self, other: Self) -> Self {
        self.wrapping_add(other)
    }
    #[inline(always)]
    fn and_not(self, other: Self) -> Self {
        self & !other
    }
    #[inline]
    fn set(&mut self, _lane: usize, bit: u64) {
        *self |= bit;
    }
}

impl<const L: usize> Bits for Lanes<L> {
    const ZERO: Self = Lanes([0; L]);
    const ONES: Self = Lanes([!0; L]);
    const ONE: Self = Lanes([1; L]);
    #[inline(always)]
    fn plus(self, other: Self) -> Self {
        self + other
    }
    #[inline(always)]
    fn and_not(self, other: Self) -> Self {
        self.map2(other, |a, b| a & !b)
    }
    #[inline]
    fn set(&mut self, lane: usize, bit: u64) {
        self.0[lane] |= bit;
    }
}

/// L 64-bit lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lanes<const L: usize>(pub [u64; L]);

impl<const L: usize> Lanes<L> {
    /// Every lane set to `x`.
    #[inline(always)]
    pub fn splat(x: u64) -> Self {
        Lanes([x; L])
    }

    #[inline(always)]
    fn map2(self, other: Self, f: impl Fn(u64, u64) -> u64) -> Self {
        Lanes(std::array::from_fn(|i| f(self.0[i], other.0[i])))
    }

    #[inline(always)]
    fn map(self, f: impl Fn(u64) -> u64) -> Self {
        Lanes(self.0.map(f))
    }

    /// The lowest set bit of each lane (0 for an empty lane).
    #[inline(always)]
    pub fn lowest_bit(self) -> Self {
        self.map(|a| a & a.wrapping_neg())
    }

    /// All ones in the lanes that are zero, zero elsewhere.
    #[inline(always)]
    pub fn is_zero(self) -> Self {
        self.map(|a| if a == 0 { !0 } else { 0 })
    }

    /// All ones in the lanes that hold less than `other`'s lane, zero elsewhere.
    #[inline(always)]
    pub fn less_than(self, other: Self) -> Self {
        self.map2(other, |a, b| if (a as i64) < (b as i64) { !0 } else { 0 })
    }
}

impl<const L: usize> BitAnd for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn bitand(self, o: Self) -> Self {
        self.map2(o, |a, b| a & b)
    }
}

impl<const L: usize> BitOr for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn bitor(self, o: Self) -> Self {
        self.map2(o, |a, b| a | b)
    }
}

impl<const L: usize> BitXor for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn bitxor(self, o: Self) -> Self {
        self.map2(o, |a, b| a ^ b)
    }
}

impl<const L: usize> Not for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn not(self) -> Self {
        self.map(|a| !a)
    }
}

/// Wrapping lane-wise addition.
impl<const L: usize> Add for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self.map2(o, u64::wrapping_add)
    }
}

impl<const L: usize> Shl<u32> for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn shl(self, k: u32) -> Self {
        self.map(|a| a << k)
    }
}

impl<const L: usize> Shr<u32> for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn shr(self, k: u32) -> Self {
        self.map(|a| a >> k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_between_words() {
        let a = Lanes([u64::MAX, 5, 1 << 63]);
        let b = Lanes([1, 6, 1 << 63]);
        let (sum, carry) = a.add_with_carry(b, Lanes([0, 1, 1]));
        assert_eq!(sum, Lanes([0, 12, 1]));
        assert_eq!(carry, Lanes([1, 0, 1]));
        let (sum, carry) = Lanes([u64::MAX]).add_with_carry(Lanes([0]), Lanes([1]));
        assert_eq!((sum, carry), (Lanes([0]), Lanes([1])));
    }

    #[test]
    fn masks_and_bits() {
        let a = Lanes([0b1100u64, 0, 7]);
        assert_eq!(a.lowest_bit(), Lanes([0b100, 0, 1]));
        assert_eq!(a.is_zero(), Lanes([0, !0, 0]));
        assert_eq!(a.less_than(Lanes::splat(5)), Lanes([0, !0, 0]));
        assert_eq!(a.and_not(Lanes([0b0100, 0, 1])), Lanes([0b1000, 0, 6]));
    }
}
