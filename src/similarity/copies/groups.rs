//! Duplicate groups: union-find over the copy pairs, one group id per row, and the earliest
//! version of each group named as its original.

/// Disjoint sets over `0..n` with path halving and union by size.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    /// The representative of `x`'s set, without shortening paths (for readers sharing the
    /// sets across threads; union by size keeps paths short).
    pub fn root(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }

    /// Merges the sets of `a` and `b`.
    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
    }
}

/// Group ids and originals for every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    /// Group id of each row: consecutive from 0, numbered in order of each group's first row,
    /// so a row with no copy has a group of its own.
    pub group: Vec<usize>,
    /// For each row, the row of its group's original: the earliest date (rows without a date
    /// come after dated ones), ties broken by the earlier row.
    pub original: Vec<usize>,
}

/// Groups `n` rows connected by `pairs`; `dates` (any ordered key, such as nanoseconds since
/// the epoch) chooses each group's original.
pub fn group_rows(
    n: usize,
    pairs: impl IntoIterator<Item = (usize, usize)>,
    dates: Option<&[Option<i64>]>,
) -> Groups {
    let mut sets = UnionFind::new(n);
    for (a, b) in pairs {
        sets.union(a as u32, b as u32);
    }
    let mut id_of_root = vec![usize::MAX; n];
    let mut original_of_root = vec![usize::MAX; n];
    let mut group = Vec::with_capacity(n);
    let mut next = 0;
    let key = |row: usize| {
        let date = dates.and_then(|d| d.get(row).copied().flatten());
        (date.is_none(), date.unwrap_or(0), row)
    };
    for row in 0..n {
        let root = sets.find(row as u32) as usize;
        if id_of_root[root] == usize::MAX {
            id_of_root[root] = next;
            next += 1;
        }
        group.push(id_of_root[root]);
        let best = original_of_root[root];
        if best == usize::MAX || key(row) < key(best) {
            original_of_root[root] = row;
        }
    }
    let original = (0..n)
        .map(|row| original_of_root[sets.find(row as u32) as usize])
        .collect();
    Groups { group, original }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_connected_components() {
        let g = group_rows(6, [(0, 3), (3, 5), (1, 2)], None);
        assert_eq!(g.group, vec![0, 1, 1, 0, 2, 0]);
        assert_eq!(g.original, vec![0, 1, 1, 0, 4, 0]);
    }

    #[test]
    fn earliest_date_is_the_original() {
        let dates = [Some(30), None, Some(10), Some(20)];
        let g = group_rows(4, [(0, 1), (1, 2), (2, 3)], Some(&dates));
        assert_eq!(g.original, vec![2; 4]);
        let undated = group_rows(2, [(0, 1)], Some(&[None, Some(5)]));
        assert_eq!(undated.original, vec![1, 1]);
    }
}
