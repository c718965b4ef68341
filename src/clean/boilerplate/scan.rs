//! One pass over the opening bytes of a unit: its words (the words of `text::words`, found
//! byte by byte with a class table for ASCII), how many are stop words, lower-case stop words
//! and capitalised content words, and how many strong furniture phrases it holds. Each word
//! is looked up once in the lexicon's table, which answers both questions; a phrase is only
//! compared where its first word stands. Nothing is allocated. Characters of two bytes (the
//! Latin, Greek and Cyrillic letters of European text) are classed from a table built once.

use super::super::bytescan::{bytes_equal, letters_and_digits};
use super::lexicon::{entry, entry_of_packed, phrase_at, word_table, Entry, WordTable};
use crate::text::words::is_word_char;

/// What the words of a sample add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    pub words: usize,
    pub stop: usize,
    /// Stop words with no capital letter (the first word counts whatever its case).
    pub stop_lower: usize,
    /// Content words (not stop words, with letters) that start with a capital.
    pub capitalised: usize,
    pub content_words: usize,
    /// Strong furniture phrases standing as whole words in the phrase window.
    pub strong: usize,
    /// Some word has a letter.
    pub letters: bool,
    /// Kana and CJK ideographs (a run of them is one token but several words).
    pub cjk: usize,
}

/// Bits of [`CLASS`] (and of a word's summary).
const WORD: u8 = 1;
const LETTER: u8 = 2;
const UPPER: u8 = 4;
/// A byte of a multi-byte character: the slow path decodes it.
const NON_ASCII: u8 = 8;

/// The class bits of each byte: word bytes are ASCII letters, digits and `_`.
static CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            NON_ASCII
        } else if b.is_ascii_uppercase() {
            WORD | LETTER | UPPER
        } else if b.is_ascii_lowercase() {
            WORD | LETTER
        } else if b.is_ascii_digit() || b == b'_' {
            WORD
        } else {
            0
        };
        c += 1;
    }
    t
}

/// Counts the words of `sample`; phrases are looked for in its first `phrase_window` bytes
/// (a character boundary), as a search over that prefix alone would find them.
///
/// When the window is shorter than the sample, `settled` is asked once, with the counts of
/// the words before the window's end and the rest of the sample (which starts at a word
/// boundary): if it says the rest cannot change what the caller decides, the counts stop
/// there and cover only those words.
pub fn count_words(
    sample: &str,
    phrase_window: usize,
    settled: impl Fn(&WordCounts, &str) -> bool,
) -> WordCounts {
    let mut c = WordCounts::default();
    let window = &sample[..phrase_window];
    // Phrase hits do not overlap: the next one starts at or after this.
    let mut phrase_end = 0;
    let mut i = 0;
    let table = word_table();
    let b = sample.as_bytes();
    let mut settle_at = if phrase_window < sample.len() {
        phrase_window
    } else {
        usize::MAX
    };
    loop {
        if i >= settle_at {
            // The closure sees a copy: the counts never have their address taken, so they
            // can live in registers through the loop.
            let counts = c;
            if sample.get(i..).is_some_and(|rest| settled(&counts, rest)) {
                return c;
            }
            settle_at = usize::MAX;
        }
        // The common word first: one to seven ASCII letters at `i` and a separator after
        // them, classed from one eight-byte read with nothing else live.
        if let Some((len, upper, e)) = plain_word_at(b, i, table) {
            tally(&mut c, e, upper != 0, upper & 0x80 != 0, true);
            if e.phrases().is_some() {
                c.strong += phrase(window, i, e, &mut phrase_end);
            }
            // The separator after the word is passed over.
            i += len + 1;
            continue;
        }
        // A space after a comma or a full stop: the next word most likely starts after it.
        if b.get(i) == Some(&b' ') {
            i += 1;
            continue;
        }
        let Some(start) = next_word_start(sample, i, &mut c.cjk) else {
            break;
        };
        if start != i && plain_word_at(b, start, table).is_some() {
            i = start;
            continue;
        }
        // Where the search for the next word resumes.
        let (resume, bits, e) = match short_ascii_word(b, start, table) {
            // The byte after a short word is a separator: the search starts past it.
            Some((end, bits, e)) => (end + 1, bits, e),
            None => {
                let (end, bits) = word_end(sample, start, &mut c.cjk);
                let e = if bits & NON_ASCII == 0 {
                    ascii_entry(b, start, end)
                } else {
                    entry(&sample[start..end])
                };
                (end, bits, e)
            }
        };
        i = resume;
        let letter = bits & LETTER != 0;
        let first_upper = letter && starts_upper(sample, start);
        tally(&mut c, e, bits & UPPER != 0, first_upper, letter);
        if e.phrases().is_some() {
            c.strong += phrase(window, start, e, &mut phrase_end);
        }
    }
    c
}

/// One to seven ASCII letters at `i` followed by an ASCII byte that ends a word: their
/// length, upper-case letters (0x80 per byte) and lexicon entry.
#[inline(always)]
fn plain_word_at(b: &[u8], i: usize, table: &WordTable) -> Option<(usize, u64, Entry)> {
    let x = eight_bytes(b, i)?;
    let letter = ascii_letters(x);
    let len = (!letter & HIGHS).trailing_zeros() as usize / 8;
    if len == 0 || len == 8 || !ends_a_word((x >> (8 * len)) as u8) {
        return None;
    }
    let keep = (1u64 << (8 * len)) - 1;
    let upper = upper_letters(x, letter) & keep;
    Some((len, upper, table.get((x | (upper >> 2)) & keep)))
}

/// Adds one word to the counts.
#[inline(always)]
fn tally(c: &mut WordCounts, e: Entry, upper: bool, first_upper: bool, letter: bool) {
    c.words += 1;
    if e.stop() {
        c.stop += 1;
        c.stop_lower += usize::from(!upper || c.words == 1);
    } else if letter {
        c.content_words += 1;
        c.capitalised += usize::from(first_upper);
    }
    c.letters |= letter;
}

/// 1 when a strong phrase of `e`'s group stands at `start` as whole words, else 0 (hits do
/// not overlap: `phrase_end` is where the last one ended).
#[inline(never)]
fn phrase(window: &str, start: usize, e: Entry, phrase_end: &mut usize) -> usize {
    let Some(group) = e.phrases() else { return 0 };
    if start < *phrase_end || start >= window.len() {
        return 0;
    }
    match phrase_at(window, start, group) {
        Some((end, whole)) => {
            *phrase_end = end;
            usize::from(whole)
        }
        None => 0,
    }
}

/// The start of the next word at or after `i`; CJK characters passed over are counted.
#[inline]
fn next_word_start(text: &str, mut i: usize, cjk: &mut usize) -> Option<usize> {
    let b = text.as_bytes();
    loop {
        while i < b.len() && CLASS[usize::from(b[i])] == 0 {
            i += 1;
        }
        let &x = b.get(i)?;
        if CLASS[usize::from(x)] & WORD != 0 {
            return Some(i);
        }
        let (bits, len) = non_ascii_at(text, i);
        if bits & WORD != 0 {
            return Some(i);
        }
        *cjk += usize::from(bits & CJK != 0);
        i += len;
    }
}

/// The end of the word starting at `start` (inner apostrophes before a letter stay in it),
/// with the class bits of its characters or-ed together; CJK characters in it are counted.
#[inline]
fn word_end(text: &str, start: usize, cjk: &mut usize) -> (usize, u8) {
    let b = text.as_bytes();
    let mut i = start;
    let mut bits = 0u8;
    loop {
        while let Some(chunk_bits) = word_chunk_bits(b, i) {
            bits |= chunk_bits;
            i += 8;
        }
        while i < b.len() {
            let class = CLASS[usize::from(b[i])];
            if class & WORD == 0 {
                break;
            }
            bits |= class;
            i += 1;
        }
        let Some(&x) = b.get(i) else { break };
        if x == b'\'' {
            if followed_by_letter(text, i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        if x < 0x80 {
            break;
        }
        let (class, len) = non_ascii_at(text, i);
        if class & WORD != 0 {
            bits |= class | NON_ASCII;
            *cjk += usize::from(class & CJK != 0);
        } else if !(class & RIGHT_QUOTE != 0 && followed_by_letter(text, i + len)) {
            break;
        }
        i += len;
    }
    (i, bits & (WORD | LETTER | UPPER | NON_ASCII))
}

/// The class bits of the eight bytes at `i` when all are ASCII word bytes (a long word is
/// passed over a chunk at a time), else `None`.
#[inline]
fn word_chunk_bits(b: &[u8], i: usize) -> Option<u8> {
    let x = eight_bytes(b, i)?;
    let (letter, digit) = letters_and_digits(x);
    if letter | digit | bytes_equal(x, b'_') != HIGHS {
        return None;
    }
    let mut bits = WORD;
    if letter != 0 {
        bits |= LETTER;
    }
    if upper_letters(x, letter) != 0 {
        bits |= UPPER;
    }
    Some(bits)
}

/// The bits and byte length of the non-ASCII character at `i` (kept out of the hot loops).
#[inline(never)]
fn non_ascii_at(text: &str, i: usize) -> (u8, usize) {
    let (c, len) = decode(text, i);
    (char_bits(c), len)
}

/// `’`, which may sit inside a word: a bit of [`char_bits`] only.
const RIGHT_QUOTE: u8 = 32;

/// Kana and CJK ideographs: a bit of [`char_bits`] only.
const CJK: u8 = 16;

/// The class bits of a non-ASCII character: [`WORD`] for the characters words are made of
/// (`text::words::is_word_char`), [`LETTER`], [`UPPER`], [`CJK`].
#[inline]
fn char_bits(c: char) -> u8 {
    let u = c as usize;
    if u < TWO_BYTE_END {
        return two_byte_bits()[u - 0x80];
    }
    if u < THREE_BYTE_END {
        return three_byte_bits()[u - TWO_BYTE_END];
    }
    bits_of(c)
}

/// Characters below this are at most three bytes of UTF-8 (the Basic Multilingual Plane:
/// CJK, kana, Hangul, Indic scripts): their bits come from a second table, built on first use.
const THREE_BYTE_END: usize = 0x1_0000;

fn three_byte_bits() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (TWO_BYTE_END as u32..THREE_BYTE_END as u32)
            .map(|u| char::from_u32(u).map_or(0, bits_of))
            .collect()
    })
}

/// Characters below this are one or two bytes of UTF-8: their bits come from a table.
const TWO_BYTE_END: usize = 0x800;

fn bits_of(c: char) -> u8 {
    let mut bits = 0;
    if is_word_char(c) {
        bits |= WORD;
    }
    if c.is_alphabetic() {
        bits |= LETTER;
    }
    if c.is_uppercase() {
        bits |= UPPER;
    }
    if matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF) {
        bits |= CJK;
    }
    if c == '\u{2019}' {
        bits |= RIGHT_QUOTE;
    }
    bits
}

fn two_byte_bits() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..TWO_BYTE_END as u32)
            .map(|u| char::from_u32(u).map_or(0, bits_of))
            .collect()
    })
}

/// The character at byte `i` (a character boundary) of `text` and its length; two-byte
/// characters are decoded in place.
#[inline]
fn decode(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    if b[i] & 0xE0 == 0xC0 && i + 1 < b.len() {
        let u = (u32::from(b[i] & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
        return (char::from_u32(u).unwrap_or(' '), 2);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The common word, read eight bytes at a time: one to fifteen ASCII letters starting at
/// `start`, ended by an ASCII byte that is neither a word byte nor an apostrophe. Its end,
/// class bits and lexicon entry; `None` sends any other word (with a digit or `_`, longer,
/// or ended by a character that may continue it) to the general path. Only letters are
/// classed here: a digit or `_` after the letters ends the run, and the terminator test
/// then sends the word on.
#[inline]
fn short_ascii_word(b: &[u8], start: usize, table: &WordTable) -> Option<(usize, u8, Entry)> {
    let x = eight_bytes(b, start)?;
    let letter = ascii_letters(x);
    if letter == HIGHS {
        return long_ascii_word(b, start, x);
    }
    let len = (!letter & HIGHS).trailing_zeros() as usize / 8;
    // No letter first (a digit or `_`): the general path.
    if len == 0 || !ends_a_word(b[start + len]) {
        return None;
    }
    let keep = (1u64 << (8 * len)) - 1;
    let upper = upper_letters(x, letter) & keep;
    let lower = (x | (upper >> 2)) & keep;
    Some((start + len, letter_bits(upper), table.get(lower)))
}

/// [`short_ascii_word`] for a word whose first eight bytes `x` are letters: eight to
/// fifteen letters, looked up by its packed head and length.
#[inline]
fn long_ascii_word(b: &[u8], start: usize, x: u64) -> Option<(usize, u8, Entry)> {
    let y = eight_bytes(b, start + 8)?;
    let letter = ascii_letters(y);
    if letter == HIGHS {
        return None;
    }
    let tail = (!letter & HIGHS).trailing_zeros() as usize / 8;
    let len = 8 + tail;
    if !ends_a_word(b[start + len]) {
        return None;
    }
    let keep = (1u64 << (8 * tail)) - 1;
    let upper = upper_letters(x, HIGHS) | (upper_letters(y, letter) & keep);
    Some((start + len, letter_bits(upper), entry_of_packed(x, len)))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x80 * ONES;

fn eight_bytes(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?))
}

/// 0x80 in each byte of `x` that is an ASCII letter (the digit classes go unused and are
/// optimised away).
#[inline]
fn ascii_letters(x: u64) -> u64 {
    letters_and_digits(x).0
}

/// 0x80 in each of the `letter` bytes of `x` that is upper-case.
#[inline]
fn upper_letters(x: u64, letter: u64) -> u64 {
    letter & !((x & (0x20 * ONES)) << 2)
}

/// The class bits of a word of letters with these upper-case bytes.
#[inline]
fn letter_bits(upper: u64) -> u8 {
    if upper != 0 {
        LETTER | UPPER
    } else {
        LETTER
    }
}

/// Does this byte after a run of ASCII letters end the word there (it is ASCII, not a word
/// byte and not an apostrophe, which may continue it)?
#[inline]
fn ends_a_word(terminator: u8) -> bool {
    terminator != b'\'' && CLASS[usize::from(terminator)] & (WORD | NON_ASCII) == 0
}

/// The lexicon entry of the ASCII word `b[start..end]`, read straight from the bytes when
/// eight of them are there to read.
#[inline]
fn ascii_entry(b: &[u8], start: usize, end: usize) -> Entry {
    match b.get(start..start + 8) {
        Some(head) => {
            let word = u64::from_le_bytes(head.try_into().unwrap_or([0; 8]));
            let len = end - start;
            let kept = if len >= 8 {
                word
            } else {
                word & ((1u64 << (8 * len)) - 1)
            };
            entry_of_packed(kept, len)
        }
        // Near the end of the sample: copy the word (ASCII, so always a string).
        None => entry(std::str::from_utf8(&b[start..end]).unwrap_or_default()),
    }
}

fn followed_by_letter(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&x) if x < 0x80 => CLASS[usize::from(x)] & LETTER != 0,
        Some(_) => non_ascii_at(text, i).0 & LETTER != 0,
        None => false,
    }
}

fn starts_upper(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if b[i] < 0x80 {
        b[i].is_ascii_uppercase()
    } else {
        non_ascii_at(text, i).0 & UPPER != 0
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::is_stop_word_any_case;
    use super::*;
    use crate::text::words::words;

    /// The counts as the shared tokeniser and a per-word lookup give them.
    fn reference(sample: &str) -> WordCounts {
        let mut c = WordCounts::default();
        for w in words(sample) {
            c.words += 1;
            let letters = w.chars().any(char::is_alphabetic);
            if is_stop_word_any_case(w) {
                c.stop += 1;
                c.stop_lower += usize::from(!w.chars().any(char::is_uppercase) || c.words == 1);
            } else if letters {
                c.content_words += 1;
                c.capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
            c.letters |= letters;
        }
        c.cjk = sample
            .chars()
            .filter(|&ch| matches!(ch as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF))
            .count();
        c
    }

    fn never(_: &WordCounts, _: &str) -> bool {
        false
    }

    fn strong(t: &str) -> usize {
        count_words(t, t.len(), never).strong
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert_eq!(strong("Share this article"), 1);
        assert_eq!(strong("Sign up for our newsletter"), 2);
        assert_eq!(strong("The shareholders met"), 0);
        assert_eq!(strong("SIGN UP, then Sign Upstairs"), 1);
        assert_eq!(strong("Lee también: Suscríbete"), 2);
        assert_eq!(strong("Read the editor's picks and Editors' Picks"), 2);
        assert_eq!(count_words("Share this article", 7, never).strong, 0);
    }

    #[test]
    fn counts_words_like_the_tokeniser() {
        for t in [
            "The minister said: \"No deal,\" today.",
            "don't O\u{2019}Brien caf\u{e9} voters' 1990s THE The the",
            "Die Regierung und der Minister f\u{fc}r \u{dc}BER alles",
            "\u{201c}Hello, w\u{f6}rld\u{201d} _x_ a'b 'c ''",
            "\u{4e2d}\u{6587}\u{30fb}\u{30ab}\u{30ca} \u{3002}x\u{4e2d}",
            "Extraordinary NEWSLETTERS, subscribe internationally abcdefgh abcdefghijklmno.",
            "abcdefghijklmnop abcdefgh1 abcdefghi's abcdefghij\u{e9} abcdefghij_ Newsletter",
            "said\u{2014}the \u{201c}Deal\u{201d} was\u{2026} \u{2018}off\u{2019} it\u{2019}s over\u{2013}and",
        ] {
            let mut got = count_words(t, t.len(), never);
            got.strong = 0;
            assert_eq!(got, reference(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_tokeniser(text in "[a-zA-Z0-9_ '\u{2019}.,;\u{e9}\u{c9}\u{301}\u{4e2d}\u{a0}\u{201c}\u{201d}\u{2014}\u{2026}\u{2018}-]{0,60}|(?:[Tt]he|[Uu]nd|F\u{dc}R|f\u{fc}r|[Ss]aid|[Ll]es|-| |,){0,20}") {
            let mut got = count_words(&text, text.len(), never);
            got.strong = 0;
            proptest::prop_assert_eq!(got, reference(&text));
        }
    }
}
