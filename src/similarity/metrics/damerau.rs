//! Unrestricted Damerau-Levenshtein distance (transpositions of characters that other edits
//! separate are allowed: "ca" -> "abc" is 2). The Lowrance-Wagner recurrence needs the whole
//! O(m * n) matrix, because a transposition reaches back to the row and column where the two
//! characters last occurred; two strings of 100,000 characters would need 40 GB. Zhao and
//! Sahni (2019) showed that a transposition can only beat the other edits when one of the two
//! gaps is empty, and both cases need one remembered value each: one per column for the
//! column gap, one per row for the row gap. So this is O(m * n) time and O(n) memory, three
//! rows and a map of last occurrences.

use std::collections::HashMap;

use super::affix;

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
    let d = linear_space(a, b);
    (d <= max).then_some(d)
}

/// The distance in three rows. `D[i][j]` is the distance of `a[..i]` and `b[..j]`; a row is
/// stored shifted by one (`row[j + 1] = D[i][j]`) so that column -1 is a sentinel, `FAR`.
///
/// The Lowrance-Wagner transposition at `(i, j)` costs `D[k-1][l-1] + (i-k-1) + 1 + (j-l-1)`,
/// where `k` is the last row before `i` whose character is `b[j-1]` and `l` the last column
/// before `j` whose character is `a[i-1]`. When both gaps are non-empty a substitution path is
/// never worse, so only `l = j - 1` (needing `D[k-1][j-2]`, kept per column in `at_match`) and
/// `k = i - 1` (needing `D[i-2][l-1]`, kept for the row in `row_gap_base`) are scored.
fn linear_space(a: &[char], b: &[char]) -> usize {
    const FAR: usize = usize::MAX / 4;
    let n = b.len();
    // `prev` is row i - 1; `cur` holds row i - 2 until row i overwrites it.
    let mut prev: Vec<usize> = std::iter::once(FAR).chain(0..=n).collect();
    let mut cur = vec![FAR; n + 2];
    // at_match[j + 1] = D[k-1][j-2] for the last row k whose character equals b[j-1].
    let mut at_match = vec![FAR; n + 2];
    let mut last_row = LastRow::new();
    for (i, &ai) in (1..).zip(a) {
        let mut last_col = 0;
        let mut row_gap_base = FAR;
        let mut two_rows_up_left = cur[1];
        cur[0] = FAR;
        cur[1] = i;
        for (j, &bj) in (1..).zip(b) {
            let mut best = (prev[j] + usize::from(ai != bj))
                .min(cur[j] + 1)
                .min(prev[j + 1] + 1);
            if ai == bj {
                last_col = j;
                at_match[j + 1] = prev[j - 1];
                row_gap_base = two_rows_up_left;
            } else {
                let k = last_row.get(bj);
                if k > 0 && last_col > 0 {
                    if j - last_col == 1 {
                        best = best.min(at_match[j + 1] + (i - k));
                    } else if i - k == 1 {
                        best = best.min(row_gap_base + (j - last_col));
                    }
                }
            }
            two_rows_up_left = cur[j + 1];
            cur[j + 1] = best;
        }
        last_row.set(ai, i);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n + 1]
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

    /// Long strings used to need an m x n matrix (two 60,000-character strings: 58 GB, and the
    /// process aborted on the allocation); now three rows. Checked against strsim at a size
    /// where its own full matrix is still small.
    #[test]
    fn long_strings_in_linear_memory() {
        let a: String = (0..1500).map(|i| ['a', 'b', 'c', 'd'][i * 7 % 4]).collect();
        let b: String = (0..1400).map(|i| ['b', 'a', 'd', 'c'][i * 5 % 4]).collect();
        assert_eq!(dl(&a, &b), strsim::damerau_levenshtein(&a, &b));
        assert_eq!(dl(&"ab".repeat(700), &"ba".repeat(700)), 2);
    }
}
