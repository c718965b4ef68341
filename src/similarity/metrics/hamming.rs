//! Hamming distance: the number of positions at which two strings of equal length (in code
//! points) differ. Unequal lengths are the caller's mistake and a clear error, never padding.

use crate::error::{Error, Result};

/// Positions where `a` and `b` differ; `Error::Mismatch` when their lengths differ.
pub fn distance(a: &[char], b: &[char]) -> Result<usize> {
    if a.len() != b.len() {
        return Err(Error::Mismatch(format!(
            "hamming needs strings of equal length, got {} and {} characters",
            a.len(),
            b.len()
        )));
    }
    Ok(a.iter().zip(b).filter(|(x, y)| x != y).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_differences_and_rejects_unequal_lengths() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("karolin"), &c("kathrin")), Ok(3));
        assert_eq!(distance(&c("é中"), &c("e中")), Ok(1));
        assert!(matches!(
            distance(&c("ab"), &c("abc")),
            Err(Error::Mismatch(_))
        ));
    }
}
