//! Byte offsets (what Rust string slicing speaks) to code-point offsets (what Python `str`
//! indexing speaks). Every span that leaves the core goes through [`CharOffsets`], so that
//! `text[start:end]` in Python is exactly the span the engine meant.
//!
//! The map is lazy and small: for ASCII text a byte offset *is* the code-point offset; for
//! other text we keep the code-point count at the start of every 64-byte block and count the
//! remaining lead bytes inside one block per lookup. Memory is `len / 64` words, lookups are
//! O(64) and need no ordering.

const BLOCK: usize = 64;

/// Maps byte offsets of one text to Python `str` indices (code points).
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before each block start; empty when the text is ASCII.
    block_starts: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    /// Builds the map for `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharOffsets {
                text,
                block_starts: Vec::new(),
            };
        }
        let mut block_starts = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(BLOCK) {
            block_starts.push(count);
            count += count_lead_bytes(chunk);
        }
        CharOffsets { text, block_starts }
    }

    /// The Python `str` index of byte offset `byte`. `byte` must be a char boundary of the
    /// text (or its length); other values are rounded down to the enclosing char's start.
    pub fn char_index(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let byte = byte.min(bytes.len());
        if self.block_starts.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        if block >= self.block_starts.len() {
            // byte == len and len is a multiple of BLOCK
            let last = self.block_starts.len() - 1;
            return self.block_starts[last] + count_lead_bytes(&bytes[last * BLOCK..byte]);
        }
        let start = block * BLOCK;
        let before = count_lead_bytes(&bytes[start..byte]);
        // A byte offset inside a multi-byte char counts as that char's start.
        self.block_starts[block] + before
    }

    /// Converts a byte range to a code-point range.
    pub fn char_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_index(start), self.char_index(end))
    }

    /// Number of code points in the whole text.
    pub fn char_len(&self) -> usize {
        self.char_index(self.text.len())
    }
}

/// Counts the bytes that start a UTF-8 sequence (everything but `10xxxxxx`).
fn count_lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_is_identity() {
        let t = "plain ascii text";
        let map = CharOffsets::new(t);
        for b in 0..=t.len() {
            assert_eq!(map.char_index(b), b);
        }
    }

    #[test]
    fn matches_char_count_on_every_boundary() {
        let t = "Caf\u{e9} \u{201c}quoted\u{201d} \u{1F600} na\u{ef}ve ".repeat(20);
        let map = CharOffsets::new(&t);
        for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            assert_eq!(map.char_index(b), reference(&t, b), "byte {b}");
        }
        assert_eq!(map.char_len(), t.chars().count());
    }

    #[test]
    fn length_on_block_multiple() {
        let t = "\u{e9}".repeat(BLOCK); // 128 bytes, exactly two blocks
        let map = CharOffsets::new(&t);
        assert_eq!(map.char_index(t.len()), BLOCK);
    }

    #[test]
    fn empty_text() {
        let map = CharOffsets::new("");
        assert_eq!(map.char_index(0), 0);
        assert_eq!(map.char_len(), 0);
    }
}
