//! Plain O(m * n) reference implementations: the textbook recurrences, written for clarity,
//! against which the bit-parallel kernels are checked (unit tests and `fuzz/`). Never called by
//! the library itself.

use std::collections::HashMap;

pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + (ca != cb) as usize);
            cur.push(v);
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0; b.len() + 1];
    for ca in a {
        let mut cur = vec![0];
        for (j, cb) in b.iter().enumerate() {
            cur.push(if ca == cb {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            });
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn osa(a: &[char], b: &[char]) -> usize {
    let (m, n) = (a.len(), b.len());
    let mut d = vec![vec![0usize; n + 1]; m + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=m {
        for j in 1..=n {
            let cost = (a[i - 1] != b[j - 1]) as usize;
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[m][n]
}

pub fn damerau(a: &[char], b: &[char]) -> usize {
    let (m, n) = (a.len(), b.len());
    let big = m + n;
    let mut d = vec![vec![0usize; n + 2]; m + 2];
    d[0][0] = big;
    for i in 0..=m {
        d[i + 1][0] = big;
        d[i + 1][1] = i;
    }
    for j in 0..=n {
        d[0][j + 1] = big;
        d[1][j + 1] = j;
    }
    let mut last: HashMap<char, usize> = HashMap::new();
    for i in 1..=m {
        let mut db = 0;
        for j in 1..=n {
            let k = last.get(&b[j - 1]).copied().unwrap_or(0);
            let l = db;
            let mut cost = 1;
            if a[i - 1] == b[j - 1] {
                cost = 0;
                db = j;
            }
            d[i + 1][j + 1] = (d[i][j] + cost)
                .min(d[i + 1][j] + 1)
                .min(d[i][j + 1] + 1)
                .min(d[k][l] + (i - k - 1) + 1 + (j - l - 1));
        }
        last.insert(a[i - 1], i);
    }
    d[m + 1][n + 1]
}

pub fn jaro(a: &[char], b: &[char]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 && lb == 0 {
        return 1.0;
    }
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let r = (la.max(lb) / 2).saturating_sub(1);
    let (mut af, mut bf) = (vec![false; la], vec![false; lb]);
    let mut m = 0;
    for (i, ca) in a.iter().enumerate() {
        for j in i.saturating_sub(r)..(i + r + 1).min(lb) {
            if !bf[j] && b[j] == *ca {
                af[i] = true;
                bf[j] = true;
                m += 1;
                break;
            }
        }
    }
    if m == 0 {
        return 0.0;
    }
    let am = a.iter().zip(&af).filter(|p| *p.1).map(|p| p.0);
    let bm = b.iter().zip(&bf).filter(|p| *p.1).map(|p| p.0);
    let t = am.zip(bm).filter(|(x, y)| x != y).count() / 2;
    let m = m as f64;
    (m / la as f64 + m / lb as f64 + (m - t as f64) / m) / 3.0
}

pub fn jaro_winkler(a: &[char], b: &[char]) -> f64 {
    let s = jaro(a, b);
    if s <= 0.7 {
        return s;
    }
    let p = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
    s + 0.1 * p as f64 * (1.0 - s)
}

pub fn dice(a: &[char], b: &[char]) -> f64 {
    let keep = |s: &[char]| -> Vec<char> {
        s.iter()
            .copied()
            .filter(|c| !super::dice::is_space(*c))
            .collect()
    };
    let (a, b) = (keep(a), keep(b));
    if a == b {
        return 1.0;
    }
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), usize> = HashMap::new();
    for w in a.windows(2) {
        *counts.entry((w[0], w[1])).or_default() += 1;
    }
    let mut inter = 0;
    for w in b.windows(2) {
        if let Some(c) = counts.get_mut(&(w[0], w[1])) {
            if *c > 0 {
                *c -= 1;
                inter += 1;
            }
        }
    }
    (2 * inter) as f64 / (a.len() + b.len() - 2) as f64
}

fn norm(d: usize, denom: usize) -> f64 {
    if denom == 0 {
        1.0
    } else {
        1.0 - d as f64 / denom as f64
    }
}

/// Reference normalised similarity by metric name (character metrics only).
pub fn similarity(name: &str, a: &[char], b: &[char]) -> f64 {
    match name {
        "levenshtein" => norm(levenshtein(a, b), a.len().max(b.len())),
        "osa" => norm(osa(a, b), a.len().max(b.len())),
        "damerau_levenshtein" => norm(damerau(a, b), a.len().max(b.len())),
        "indel" => norm(a.len() + b.len() - 2 * lcs(a, b), a.len() + b.len()),
        "jaro" => jaro(a, b),
        "jaro_winkler" => jaro_winkler(a, b),
        "sorensen_dice" => dice(a, b),
        "hamming" => norm(a.iter().zip(b).filter(|(x, y)| x != y).count(), a.len()),
        _ => unreachable!("{name}"),
    }
}
