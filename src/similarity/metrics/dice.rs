//! Sørensen-Dice similarity over character bigrams with whitespace removed (strsim's recipe,
//! counted in code points rather than bytes): `2 * |A ∩ B| / (|A| + |B|)` over the multisets
//! of adjacent character pairs. A string is prepared once into [`Bigrams`] so that a matrix
//! compares two sorted lists per pair.

/// One string as the Dice score reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bigrams {
    /// The characters, whitespace removed: equal strings score 1.0 whatever their bigrams.
    chars: Vec<char>,
    /// Each bigram packed into a `u64` (first character high), sorted.
    grams: Vec<u64>,
}

/// Whitespace as Python's `str.isspace` sees it: Unicode White_Space plus the four ASCII
/// information separators (U+001C..U+001F).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

impl Bigrams {
    /// Removes whitespace from `text` and collects its sorted bigrams.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().filter(|&c| !is_space(c)).collect();
        let mut grams: Vec<u64> = chars
            .windows(2)
            .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
            .collect();
        grams.sort_unstable();
        Bigrams { chars, grams }
    }

    /// Number of characters other than whitespace.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// True when the string is empty or all whitespace.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The Dice similarity of two prepared strings.
    pub fn similarity(&self, other: &Bigrams) -> f64 {
        if self.chars == other.chars {
            return 1.0;
        }
        if self.chars.len() < 2 || other.chars.len() < 2 {
            return 0.0;
        }
        let common = sorted_intersection(&self.grams, &other.grams);
        (2 * common) as f64 / (self.chars.len() + other.chars.len() - 2) as f64
    }
}

/// Size of the multiset intersection of two sorted lists.
fn sorted_intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(a: &str, b: &str) -> f64 {
        Bigrams::new(a).similarity(&Bigrams::new(b))
    }

    #[test]
    fn agrees_with_strsim_on_ascii() {
        for (a, b) in [
            ("night", "nacht"),
            ("french", "fence"),
            ("a b c", "abc"),
            ("", ""),
            ("a", "ab"),
            ("aaaa", "aa"),
        ] {
            assert_eq!(similarity(a, b), strsim::sorensen_dice(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn counts_code_points_not_bytes() {
        // 'é' is two bytes: strsim would divide by 8, the code-point count gives 6.
        assert_eq!(similarity("café", "cafe"), 2.0 * 2.0 / 6.0);
    }
}
