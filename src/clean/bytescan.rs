//! Byte scans that pass over text with nothing to do quickly, and the lines of a text. A stage asks for the next byte
//! of a kind it cares about (a control byte, a lead byte of a composed character, a
//! non-ASCII byte); blocks are tested with a fold that has no early exit, which the compiler turns into
//! vector compares, and only a block with a hit is searched byte by byte.

/// Bytes per block: large enough for vector code, small enough to stop soon after a hit.
const BLOCK: usize = 64;

/// The first byte at or after `from` for which `wanted` holds.
#[inline]
pub fn next_byte(b: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut start = from;
    while start < b.len() {
        let block = &b[start..b.len().min(start + BLOCK)];
        if block.iter().fold(false, |acc, &c| acc | wanted(c)) {
            return block.iter().position(|&c| wanted(c)).map(|p| start + p);
        }
        start += BLOCK;
    }
    None
}

/// What one pass over a text's bytes says about it: a step that looks for bytes the text
/// does not have is skipped (already-clean English text has no controls and no byte from
/// 0xCC up, so the control and NFC steps need not scan it at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSummary {
    /// The largest byte (below 0x80 the text is ASCII).
    pub max: u8,
    /// Some byte is a C0 control other than `\n` (DEL, rare and a single byte, is left to
    /// a vector `memchr`).
    pub controls: bool,
}

/// Bytes per step of [`byte_summary`]: one lane per byte, kept apart until the end, which
/// the compiler turns into vector code with no reduction inside the loop.
const LANES: usize = 32;

/// Summarises the bytes of `b` in one pass.
pub fn byte_summary(b: &[u8]) -> ByteSummary {
    let mut max = [0u8; LANES];
    // The smallest byte with `\n` lifted out of the control range.
    let mut low = [u8::MAX; LANES];
    let mut chunks = b.chunks_exact(LANES);
    for chunk in &mut chunks {
        for j in 0..LANES {
            let c = chunk[j];
            max[j] = max[j].max(c);
            low[j] = low[j].min(c | (u8::from(c == b'\n') << 7));
        }
    }
    for (j, &c) in chunks.remainder().iter().enumerate() {
        max[j] = max[j].max(c);
        low[j] = low[j].min(c | (u8::from(c == b'\n') << 7));
    }
    ByteSummary {
        max: max.into_iter().fold(0, u8::max),
        controls: low.into_iter().fold(u8::MAX, u8::min) < 0x20,
    }
}

/// The byte ranges of the lines of `text` (without their `\n`), as `text.split('\n')` gives
/// them, found with the vector `memchr`.
pub fn line_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = start..end;
        start = end + 1;
        line
    })
}

/// Eight bytes at a time: 0x80 in each byte of `x` that is an ASCII letter, and in each that
/// is an ASCII digit (non-ASCII bytes are neither).
#[inline]
pub fn letters_and_digits(x: u64) -> (u64, u64) {
    let ascii = !x & HIGHS;
    let v = x & (0x7F * ONES);
    let letters = in_range(v | (0x20 * ONES), b'a', b'z') & ascii;
    let digits = in_range(v, b'0', b'9') & ascii;
    (letters, digits)
}

/// 0x80 in each byte of `x` equal to `c` (for ASCII `c`; non-ASCII bytes never match).
#[inline]
pub fn bytes_equal(x: u64, c: u8) -> u64 {
    in_range(x & (0x7F * ONES), c, c) & !x & HIGHS
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x80 * ONES;

/// 0x80 in each byte of `v` (bytes below 0x80) within `lo..=hi`.
#[inline]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    v.wrapping_add(u64::from(0x80 - lo) * ONES)
        & !v.wrapping_add(u64::from(0x7F - hi) * ONES)
        & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_wanted_byte_across_blocks() {
        let mut text = vec![b'a'; 300];
        text[70] = b'{';
        text[200] = b'{';
        let brace = |c: u8| c == b'{';
        assert_eq!(next_byte(&text, 0, brace), Some(70));
        assert_eq!(next_byte(&text, 71, brace), Some(200));
        assert_eq!(next_byte(&text, 201, brace), None);
    }

    #[test]
    fn classes_eight_bytes_at_once() {
        let x = u64::from_le_bytes(*b"aZ0_$\xc3\xa9 ");
        let (letters, digits) = letters_and_digits(x);
        assert_eq!(letters, 0x8080);
        assert_eq!(digits, 0x80_0000);
        assert_eq!(bytes_equal(x, b'_'), 0x8000_0000);
    }

    #[test]
    fn summary_finds_the_largest_byte_and_controls() {
        let plain = byte_summary(
            "Caf\u{e9} costs \u{a3}3.\n\nNext line"
                .repeat(20)
                .as_bytes(),
        );
        assert_eq!(
            plain,
            ByteSummary {
                max: 0xC3,
                controls: false
            }
        );
        for (text, max, controls) in [
            ("a\tb", b'b', true),
            ("a\x7fb", 0x7F, false),
            ("\u{1}", 1, true),
        ] {
            let long = format!("{}{text}", "x ".repeat(300));
            assert_eq!(
                byte_summary(long.as_bytes()),
                ByteSummary {
                    max: max.max(b'x'),
                    controls
                }
            );
        }
        assert_eq!(
            byte_summary(b""),
            ByteSummary {
                max: 0,
                controls: false
            }
        );
    }

    #[test]
    fn lines_as_split_gives_them() {
        for t in ["", "a", "a\n", "\n\nb\nc d\n", "x\r\ny"] {
            let got: Vec<&str> = line_ranges(t).map(|r| &t[r]).collect();
            assert_eq!(got, t.split('\n').collect::<Vec<_>>());
        }
    }
}
