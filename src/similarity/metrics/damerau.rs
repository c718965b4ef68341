//! Unrestricted Damerau-Levenshtein distance (transpositions of characters that other edits
//! separate are allowed: "ca" -> "abc" is 2) by the Lowrance-Wagner dynamic programme. It is
//! O(m * n) in time and memory; the matrix lives in a per-thread buffer reused across calls,
//! so a matrix row allocates only when a string pair is larger than any seen before.

use std::cell::RefCell;
use std::collections::HashMap;

use super::affix;

thread_local! {
    static CELLS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Row of the last occurrence of each character of `a` seen so far (0 = none).
struct LastRow {
    latin: [u32; 256],
    others: HashMap<char, u32>,
}

impl LastRow {
    fn new() -> Self {
        LastRow {
            latin: [0; 256],
            others: HashMap::new(),
        }
    }

    #[inline]
    fn get(&self, c: char) -> usize {
        if (c as u32) < 256 {
            self.latin[c as usize] as usize
        } else {
            self.others.get(&c).copied().unwrap_or(0) as usize
        }
    }

    #[inline]
    fn set(&mut self, c: char, row: usize) {
        if (c as u32) < 256 {
            self.latin[c as usize] = row as u32;
        } else {
            self.others.insert(c, row as u32);
        }
    }
}

/// Distance of `a` and `b`, or `None` when it is larger than `max`.
pub fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (a, b) = affix::strip(a, b);
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a.is_empty() || b.is_empty() {
        return Some(a.len().max(b.len()));
    }
    let d = CELLS.with(|cells| full_matrix(a, b, &mut cells.borrow_mut()));
    (d <= max).then_some(d)
}

/// The Lowrance-Wagner recurrence over a `(m + 2) x (n + 2)` matrix with a sentinel border.
fn full_matrix(a: &[char], b: &[char], cells: &mut Vec<u32>) -> usize {
    let (m, n) = (a.len(), b.len());
    let width = n + 2;
    cells.clear();
    cells.resize((m + 2) * width, 0);
    let at = |i: usize, j: usize| i * width + j;
    let big = (m + n) as u32;
    cells[0] = big;
    for i in 0..=m {
        cells[at(i + 1, 0)] = big;
        cells[at(i + 1, 1)] = i as u32;
    }
    for j in 0..=n {
        cells[at(0, j + 1)] = big;
        cells[at(1, j + 1)] = j as u32;
    }
    let mut last_row = LastRow::new();
    for i in 1..=m {
        let mut last_col = 0usize;
        for j in 1..=n {
            let (k, l) = (last_row.get(b[j - 1]), last_col);
            let cost = if a[i - 1] == b[j - 1] {
                last_col = j;
                0
            } else {
                1
            };
            let substitute = cells[at(i, j)] + cost;
            let insert = cells[at(i + 1, j)] + 1;
            let delete = cells[at(i, j + 1)] + 1;
            let transpose = cells[at(k, l)] + (i - k - 1) as u32 + 1 + (j - l - 1) as u32;
            cells[at(i + 1, j + 1)] = substitute.min(insert).min(delete).min(transpose);
        }
        last_row.set(a[i - 1], i);
    }
    cells[at(m + 1, n + 1)] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, usize::MAX / 2).unwrap()
    }

    #[test]
    fn unrestricted_transpositions() {
        assert_eq!(dl("ca", "abc"), 2);
        assert_eq!(dl("ab", "ba"), 1);
        assert_eq!(dl("kitten", "sitting"), 3);
        assert_eq!(dl("", "abc"), 3);
        assert_eq!(dl("é中", "中é"), 1);
    }
}
