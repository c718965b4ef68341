//! Common prefix and suffix of two strings. Edit distances do not change when both are cut
//! off, and near-identical strings (the usual case when matching copies) shrink to the part
//! that differs before any kernel runs.

/// Lengths of the common prefix and of the common suffix of `a` and `b`, not overlapping.
#[inline]
pub fn affix_lens(a: &[char], b: &[char]) -> (usize, usize) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix = ra
        .iter()
        .rev()
        .zip(rb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

/// `a` and `b` without their common prefix and suffix.
#[inline]
pub fn strip<'a, 'b>(a: &'a [char], b: &'b [char]) -> (&'a [char], &'b [char]) {
    let (p, s) = affix_lens(a, b);
    (&a[p..a.len() - s], &b[p..b.len() - s])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn strips_both_ends_without_overlap() {
        assert_eq!(affix_lens(&c("kitten"), &c("sitting")), (0, 0));
        assert_eq!(affix_lens(&c("abcxdef"), &c("abcydef")), (3, 3));
        assert_eq!(affix_lens(&c("aaa"), &c("aaaa")), (3, 0));
        assert_eq!(affix_lens(&c("ab"), &c("ab")), (2, 0));
        let (a, b) = (c("xaby"), c("xbay"));
        assert_eq!(strip(&a, &b), (&a[1..3], &b[1..3]));
    }
}
