//! A small open-addressing map from a character to a row index, for the characters outside the
//! 256-entry fast path of the pattern tables. It is not a general map: keys are only inserted,
//! never removed, and the table is sized once for the characters of one query.

/// Marks an empty slot: `u32::MAX` is not a Unicode scalar value, so no key collides with it.
const EMPTY: u32 = u32::MAX;

/// Character -> dense row index, with linear probing over a power-of-two table.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    keys: Vec<u32>,
    rows: Vec<u32>,
    shift: u32,
    len: usize,
}

impl CharMap {
    /// A map with room for `capacity` distinct characters at a load of at most one half.
    pub fn with_capacity(capacity: usize) -> Self {
        if capacity == 0 {
            return CharMap::default();
        }
        let size = (capacity * 2).next_power_of_two().max(8);
        CharMap {
            keys: vec![EMPTY; size],
            rows: vec![0; size],
            shift: 32 - size.trailing_zeros(),
            len: 0,
        }
    }

    /// Number of distinct characters inserted.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Fibonacci hashing: the high bits of a multiplicative hash spread nearby code points.
    #[inline]
    fn slot(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B9) >> self.shift) as usize
    }

    /// The row of `c`, inserting it with the next free row index when it is new.
    pub fn row_or_insert(&mut self, c: char) -> usize {
        let key = c as u32;
        debug_assert!(
            self.len < self.keys.len() / 2 + 1,
            "CharMap sized too small"
        );
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.rows[i] as usize,
                EMPTY => {
                    self.keys[i] = key;
                    self.rows[i] = self.len as u32;
                    self.len += 1;
                    return self.len - 1;
                }
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The row of `c`, or `None` when `c` was never inserted.
    #[inline]
    pub fn row(&self, c: char) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let key = c as u32;
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return Some(self.rows[i] as usize),
                EMPTY => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_finds() {
        let chars: Vec<char> = "é’“”ñ€中文字".chars().collect();
        let mut map = CharMap::with_capacity(chars.len());
        for (i, &c) in chars.iter().enumerate() {
            assert_eq!(map.row_or_insert(c), i);
        }
        for (i, &c) in chars.iter().enumerate() {
            assert_eq!(map.row_or_insert(c), i);
            assert_eq!(map.row(c), Some(i));
        }
        assert_eq!(map.row('x'), None);
        assert_eq!(map.len(), chars.len());
    }

    #[test]
    fn empty_map_finds_nothing() {
        let map = CharMap::with_capacity(0);
        assert_eq!(map.len(), 0);
        assert_eq!(map.row('é'), None);
    }
}
