//! The match-bit table of a query string: for every character, a bit vector with bit `i` set
//! where the query holds that character at position `i`. Bit-parallel kernels (Levenshtein,
//! LCS, OSA, Jaro) read one such vector per character of the other string, so a matrix row
//! builds its query's pattern once and reuses it for every choice.
//!
//! Characters below 256 index a dense table; the rest go through a small [`CharMap`]. Queries
//! longer than 64 characters span several 64-bit words ("blocks"), stored side by side. The
//! same table holds several queries at once when its cells are [`Lanes`], one query per lane.

use super::charmap::CharMap;
use super::lanes::Bits;
#[cfg(test)]
use super::lanes::Lanes;

/// Bits per block.
pub const WORD: usize = 64;

/// Number of 64-bit blocks needed for `len` characters (at least one).
#[inline]
pub fn blocks_for(len: usize) -> usize {
    len.div_ceil(WORD).max(1)
}

/// Per-character bit vectors of one query (`T = u64`) or of one query per lane.
#[derive(Debug, Clone)]
pub struct PatternTable<T> {
    len: usize,
    words: usize,
    /// `256 * words` cells: the row of character `c < 256` starts at `c * words`.
    latin: Vec<T>,
    map: CharMap,
    /// One row of `words` cells per mapped character, then one row of zeros for the absent.
    others: Vec<T>,
}

/// The pattern of a single query.
pub type Pattern = PatternTable<u64>;

impl Pattern {
    /// Builds the table for `query`.
    pub fn new(query: &[char]) -> Self {
        PatternTable::for_lanes(&[query])
    }
}

impl<T: Bits> PatternTable<T> {
    /// Builds the table with `queries[i]` in lane `i`; blocks cover the longest query.
    pub fn for_lanes(queries: &[&[char]]) -> Self {
        let len = queries.iter().map(|q| q.len()).max().unwrap_or(0);
        let words = blocks_for(len);
        let wide: usize = queries
            .iter()
            .map(|q| q.iter().filter(|&&c| c as u32 >= 256).count())
            .sum();
        let mut map = CharMap::with_capacity(wide);
        let mut latin = vec![T::ZERO; 256 * words];
        let mut others = vec![T::ZERO; (wide + 1) * words];
        for (lane, query) in queries.iter().enumerate() {
            for (i, &c) in query.iter().enumerate() {
                let row = if (c as u32) < 256 {
                    &mut latin[c as usize * words..][..words]
                } else {
                    let r = map.row_or_insert(c);
                    &mut others[r * words..][..words]
                };
                row[i / WORD].set(lane, 1u64 << (i % WORD));
            }
        }
        // Rows were reserved for every wide character; the zero row follows the used ones.
        others.truncate((map.len() + 1) * words);
        PatternTable {
            len,
            words,
            latin,
            map,
            others,
        }
    }

    /// Length in characters of the (longest) query.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for the pattern of empty queries only.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of 64-bit blocks per character.
    #[inline]
    pub fn words(&self) -> usize {
        self.words
    }

    /// The first block of `c`'s bit vector: the whole vector for queries of at most 64 characters.
    #[inline(always)]
    pub fn first(&self, c: char) -> T {
        let code = c as u32;
        if code < 256 {
            self.latin[code as usize * self.words]
        } else {
            match self.map.row(c) {
                Some(r) => self.others[r * self.words],
                None => T::ZERO,
            }
        }
    }

    /// All blocks of `c`'s bit vector (zeros for a character no query holds).
    #[inline(always)]
    pub fn row(&self, c: char) -> &[T] {
        let code = c as u32;
        let start = if code < 256 {
            return &self.latin[code as usize * self.words..][..self.words];
        } else {
            self.map.row(c).unwrap_or(self.map.len()) * self.words
        };
        &self.others[start..][..self.words]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn single_block_bits() {
        let p = Pattern::new(&chars("abca€"));
        assert_eq!(p.first('a'), 0b01001);
        assert_eq!(p.first('b'), 0b00010);
        assert_eq!(p.first('€'), 0b10000);
        assert_eq!(p.first('z'), 0);
        assert_eq!(p.first('中'), 0);
        assert_eq!(p.words(), 1);
    }

    #[test]
    fn multi_block_bits() {
        let mut s = "x".repeat(70);
        s.push('é');
        s.push('中');
        let p = Pattern::new(&chars(&s));
        assert_eq!(p.words(), 2);
        assert_eq!(p.row('x'), &[u64::MAX, 0b111111]);
        assert_eq!(p.row('é'), &[0, 1 << 6]);
        assert_eq!(p.row('中'), &[0, 1 << 7]);
        assert_eq!(p.row('y'), &[0, 0]);
        assert_eq!(p.row('文'), &[0, 0]);
    }

    #[test]
    fn one_query_per_lane() {
        let (a, b) = (chars("ab中"), chars("ba"));
        let p: PatternTable<Lanes<2>> = PatternTable::for_lanes(&[&a, &b]);
        assert_eq!(p.first('a'), Lanes([0b01, 0b10]));
        assert_eq!(p.first('中'), Lanes([0b100, 0]));
        assert_eq!(p.first('z'), Lanes([0, 0]));
    }

    #[test]
    fn empty_query() {
        let p = Pattern::new(&[]);
        assert!(p.is_empty());
        assert_eq!(p.first('a'), 0);
        assert_eq!(p.row('中'), &[0]);
    }
}
