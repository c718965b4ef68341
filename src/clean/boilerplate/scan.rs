//! One pass over the opening bytes of a unit: its words (the words of `text::words`, found
//! byte by byte with a class table for ASCII), how many are stop words, lower-case stop words
//! and capitalised content words, and how many strong furniture phrases it holds. Each word
//! is looked up once in the lexicon's table, which answers both questions; a phrase is only
//! compared where its first word stands. Nothing is allocated.

use super::lexicon::{entry, entry_of_packed, phrase_at, Entry};
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
pub fn count_words(sample: &str, phrase_window: usize) -> WordCounts {
    let mut c = WordCounts::default();
    let window = &sample[..phrase_window];
    // Phrase hits do not overlap: the next one starts at or after this.
    let mut phrase_end = 0;
    let mut i = 0;
    while let Some(start) = next_word_start(sample, i) {
        let (end, bits) = word_end(sample, start);
        i = end;
        c.words += 1;
        let e = if bits & NON_ASCII == 0 {
            ascii_entry(sample.as_bytes(), start, end)
        } else {
            entry(&sample[start..end])
        };
        if e.stop {
            c.stop += 1;
            c.stop_lower += usize::from(bits & UPPER == 0 || c.words == 1);
        } else if bits & LETTER != 0 {
            c.content_words += 1;
            c.capitalised += usize::from(starts_upper(sample, start));
        }
        c.letters |= bits & LETTER != 0;
        if let Some(group) = e
            .phrases
            .filter(|_| start >= phrase_end && start < window.len())
        {
            if let Some((end, whole)) = phrase_at(window, start, group) {
                phrase_end = end;
                c.strong += usize::from(whole);
            }
        }
    }
    c
}

/// The start of the next word at or after `i`.
#[inline]
fn next_word_start(text: &str, mut i: usize) -> Option<usize> {
    let b = text.as_bytes();
    loop {
        while i < b.len() && CLASS[usize::from(b[i])] == 0 {
            i += 1;
        }
        let &x = b.get(i)?;
        if CLASS[usize::from(x)] & WORD != 0 {
            return Some(i);
        }
        let c = char_at(text, i);
        if is_word_char(c) {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

/// The end of the word starting at `start` (inner apostrophes before a letter stay in it),
/// with the class bits of its characters or-ed together.
#[inline]
fn word_end(text: &str, start: usize) -> (usize, u8) {
    let b = text.as_bytes();
    let mut i = start;
    let mut bits = 0u8;
    loop {
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
        let c = char_at(text, i);
        let len = c.len_utf8();
        if is_word_char(c) {
            bits |= NON_ASCII | if c.is_alphabetic() { LETTER } else { 0 };
            bits |= if c.is_uppercase() { UPPER } else { 0 };
        } else if !(c == '\u{2019}' && followed_by_letter(text, i + len)) {
            break;
        }
        i += len;
    }
    (i, bits)
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

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn followed_by_letter(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&x) if x < 0x80 => CLASS[usize::from(x)] & LETTER != 0,
        Some(_) => char_at(text, i).is_alphabetic(),
        None => false,
    }
}

fn starts_upper(text: &str, i: usize) -> bool {
    let x = text.as_bytes()[i];
    if x < 0x80 {
        x.is_ascii_uppercase()
    } else {
        char_at(text, i).is_uppercase()
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
        c
    }

    fn strong(t: &str) -> usize {
        count_words(t, t.len()).strong
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert_eq!(strong("Share this article"), 1);
        assert_eq!(strong("Sign up for our newsletter"), 2);
        assert_eq!(strong("The shareholders met"), 0);
        assert_eq!(strong("SIGN UP, then Sign Upstairs"), 1);
        assert_eq!(strong("Lee también: Suscríbete"), 2);
        assert_eq!(strong("Read the editor's picks and Editors' Picks"), 2);
        assert_eq!(count_words("Share this article", 7).strong, 0);
    }

    #[test]
    fn counts_words_like_the_tokeniser() {
        for t in [
            "The minister said: \"No deal,\" today.",
            "don't O\u{2019}Brien caf\u{e9} voters' 1990s THE The the",
            "Die Regierung und der Minister f\u{fc}r \u{dc}BER alles",
            "\u{201c}Hello, w\u{f6}rld\u{201d} _x_ a'b 'c ''",
        ] {
            let mut got = count_words(t, t.len());
            got.strong = 0;
            assert_eq!(got, reference(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_tokeniser(text in "[a-zA-Z0-9_ '\u{2019}.,;\u{e9}\u{c9}\u{301}\u{4e2d}\u{a0}-]{0,60}|(?:[Tt]he|[Uu]nd|F\u{dc}R|f\u{fc}r|[Ss]aid|[Ll]es|-| |,){0,20}") {
            let mut got = count_words(&text, text.len());
            got.strong = 0;
            proptest::prop_assert_eq!(got, reference(&text));
        }
    }
}
