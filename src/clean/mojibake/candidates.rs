//! Candidates: stretches of a line that, encoded back with one code page, are one well-formed
//! UTF-8 sequence. Also handles the damage mojibake usually carries: a no-break space (byte
//! 0xA0) that became a plain space, a byte lost to `U+FFFD` or `?`, and UTF-16 surrogates
//! encoded one by one (CESU-8, how some software writes emoji).

use super::super::bytescan::next_byte;
use super::super::codepages::{CP1250, CP1251, CP1252, CP1257, CP437, LATIN2, MAC_ROMAN};
use std::sync::OnceLock;

/// A code page UTF-8 text is misread as, and how much evidence a repair through it needs.
pub(crate) struct Encoding {
    index: usize,
    table: &'static [u16; 128],
    /// Evidence a line must carry when it re-encodes completely (one more when partly).
    pub min_evidence: u32,
    /// Windows-1252 / Latin-1, by far the most common misreading: symbols count as evidence.
    pub western: bool,
}

/// Tried in this order; the first one that reads a whole line wins ties.
pub(crate) static ENCODINGS: [Encoding; 7] = [
    Encoding {
        index: 0,
        table: &CP1252,
        min_evidence: 1,
        western: true,
    },
    Encoding {
        index: 1,
        table: &MAC_ROMAN,
        min_evidence: 1,
        western: false,
    },
    Encoding {
        index: 2,
        table: &CP1251,
        min_evidence: 2,
        western: false,
    },
    Encoding {
        index: 3,
        table: &CP1250,
        min_evidence: 2,
        western: false,
    },
    Encoding {
        index: 4,
        table: &CP1257,
        min_evidence: 2,
        western: false,
    },
    Encoding {
        index: 5,
        table: &CP437,
        min_evidence: 2,
        western: false,
    },
    Encoding {
        index: 6,
        table: &LATIN2,
        min_evidence: 2,
        western: false,
    },
];

impl Encoding {
    /// The byte `c` was decoded from, if this code page has `c`. C1 control characters stand
    /// for their own byte: that is what a Latin-1 reading leaves behind.
    pub fn encode(&self, c: char) -> Option<u8> {
        let u = c as u32;
        if u < 0xA0 {
            return Some(u as u8);
        }
        if self.western && u <= 0xFF {
            return Some(u as u8);
        }
        let reverse = &reverse_tables()[self.index];
        let i = reverse
            .binary_search_by_key(&u, |&(ch, _)| u32::from(ch))
            .ok()?;
        Some(reverse[i].1)
    }
}

/// Every character some code page decodes from a lead byte (0xC2-0xF4), every one it
/// decodes from a continuation byte (0x80-0xBF), and every one it decodes from 0xC3 (the lead
/// of `à`), sorted: a quick test before the real scan.
struct AnyPage {
    leads: Vec<u32>,
    continuations: Vec<u32>,
    a_grave_leads: Vec<u32>,
    /// For U+0080..U+2FFF (where nearly all of them are): bit 0 lead, bit 1 continuation,
    /// bit 2 read from 0xC3.
    low: Vec<u8>,
}

/// The range the `low` table covers.
const LOW_END: u32 = 0x3000;

impl AnyPage {
    fn has(&self, u: u32, bit: u8, set: &[u32]) -> bool {
        if u < LOW_END {
            return self.low[u as usize] & bit != 0;
        }
        set.binary_search(&u).is_ok()
    }

    fn is_lead(&self, u: u32) -> bool {
        self.has(u, 1, &self.leads)
    }

    fn is_continuation(&self, u: u32) -> bool {
        self.has(u, 2, &self.continuations)
    }

    fn is_a_grave_lead(&self, u: u32) -> bool {
        self.has(u, 4, &self.a_grave_leads)
    }
}

fn any_page() -> &'static AnyPage {
    static SETS: OnceLock<AnyPage> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut leads = Vec::new();
        let mut continuations = Vec::new();
        let mut a_grave_leads = vec![0xC3];
        for enc in ENCODINGS.iter() {
            for (b, &c) in enc.table.iter().enumerate() {
                let byte = 0x80 + b as u32;
                if (0xC2..=0xF4).contains(&byte) {
                    leads.push(u32::from(c));
                } else if byte <= 0xBF {
                    continuations.push(u32::from(c));
                }
            }
            a_grave_leads.push(u32::from(enc.table[0xC3 - 0x80]));
            // Latin-1 readings: the byte is the character.
            leads.extend(0xC2..=0xF4);
            continuations.extend(0x80..=0xBF);
        }
        for v in [&mut leads, &mut continuations, &mut a_grave_leads] {
            v.sort_unstable();
            v.dedup();
        }
        let mut low = vec![0u8; LOW_END as usize];
        for (set, bit) in [(&leads, 1), (&continuations, 2), (&a_grave_leads, 4)] {
            set.iter()
                .filter(|&&u| u < LOW_END)
                .for_each(|&u| low[u as usize] |= bit);
        }
        AnyPage {
            leads,
            continuations,
            a_grave_leads,
            low,
        }
    })
}

/// Could `line` hold mojibake at all? A repair needs a candidate that carries evidence: one
/// that starts at a character some code page reads as a UTF-8 lead byte and goes on at once
/// with one it reads as a continuation byte or with `U+FFFD` (a lost byte), or an `à` whose
/// no-break space became a space (0xC3 read by some code page, then a space); candidates that
/// carry none are only ever repaired beside one that does. Correct text almost never has one,
/// and then the full scan is skipped. Only the non-ASCII characters are looked at.
pub(crate) fn may_hold_mojibake(line: &str) -> bool {
    let sets = any_page();
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(at) = next_byte(b, i, |c| c >= 0x80) {
        let c = line[at..].chars().next().unwrap_or(' ');
        i = at + c.len_utf8();
        let u = c as u32;
        if !sets.is_lead(u) {
            continue;
        }
        match line[i..].chars().next() {
            Some(' ') if sets.is_a_grave_lead(u) => return true,
            Some(n) if !n.is_ascii() && (n == '\u{FFFD}' || sets.is_continuation(n as u32)) => {
                return true
            }
            _ => {}
        }
    }
    false
}

/// Per code page, `(char, byte)` sorted by char, built once.
fn reverse_tables() -> &'static [Vec<(u16, u8)>; 7] {
    static TABLES: OnceLock<[Vec<(u16, u8)>; 7]> = OnceLock::new();
    TABLES.get_or_init(|| {
        std::array::from_fn(|i| {
            let table = ENCODINGS[i].table;
            let mut v: Vec<(u16, u8)> = (0..128)
                .filter(|&b| table[b] != 0)
                .map(|b| (table[b], 0x80 + b as u8))
                .collect();
            v.sort_unstable();
            v
        })
    })
}

/// One stretch `start..end` (char indices into the line) and the character it decodes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub decoded: char,
    /// Length of the UTF-8 sequence (6 for a CESU-8 surrogate pair).
    pub len: u8,
    /// A plain space stood for the final 0xA0 byte.
    pub lossy_space: bool,
    /// The sequence was cut short by `U+FFFD` or `?`: it decodes to `U+FFFD`.
    pub lost_byte: bool,
    /// Keep the space that stood for 0xA0 (`voilÃ le` -> `voilà le`).
    pub keep_space: bool,
}

impl Candidate {
    /// The text that replaces the stretch.
    pub fn replacement(&self, decoded: char) -> String {
        let mut s = decoded.to_string();
        if self.keep_space {
            s.push(' ');
        }
        s
    }
}

/// The candidates of one line under one code page.
pub(crate) struct Scan {
    pub candidates: Vec<Candidate>,
    /// Lead characters followed by continuation characters that still do not decode: a line
    /// full of them is garbled beyond repair and is left alone.
    pub failed_leads: usize,
    /// How many characters of the line are not ASCII.
    pub non_ascii: usize,
    /// How many of those this code page cannot encode: text it did not produce.
    pub foreign: usize,
}

/// Scans a line (`(byte offset, char)` pairs); `None` when nothing can be decoded.
pub(crate) fn find_candidates(chars: &[(usize, char)], enc: &Encoding) -> Option<Scan> {
    let bytes: Vec<Option<u8>> = chars
        .iter()
        .map(|&(_, c)| {
            if c.is_ascii() {
                Some(c as u8)
            } else {
                enc.encode(c)
            }
        })
        .collect();
    let mut candidates = Vec::new();
    let mut failed_leads = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1.is_ascii() || !bytes[i].is_some_and(|b| (0xC2..=0xF4).contains(&b)) {
            i += 1;
            continue;
        }
        match sequence_at(chars, &bytes, i) {
            Some(cand) => {
                i = cand.end;
                candidates.push(cand);
            }
            None => {
                if is_continuation(chars, &bytes, i + 1) {
                    failed_leads += 1;
                }
                i += 1;
            }
        }
    }
    if candidates.is_empty() {
        return None;
    }
    let non_ascii = chars
        .iter()
        .filter(|c| super::counts_for_coverage(c.1))
        .count();
    let foreign = chars
        .iter()
        .zip(&bytes)
        .filter(|(c, b)| b.is_none() && !c.1.is_whitespace())
        .count();
    Some(Scan {
        candidates,
        failed_leads,
        non_ascii,
        foreign,
    })
}

fn is_continuation(chars: &[(usize, char)], bytes: &[Option<u8>], i: usize) -> bool {
    i < chars.len()
        && !chars[i].1.is_ascii()
        && bytes[i].is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// The candidate starting with the lead character at `i`, if the bytes after it fit.
fn sequence_at(chars: &[(usize, char)], bytes: &[Option<u8>], i: usize) -> Option<Candidate> {
    let lead = bytes[i]?;
    let need = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut buf = [lead, 0, 0, 0];
    let mut lossy_space = false;
    for k in 1..need {
        let j = i + k;
        let c = chars.get(j)?.1;
        if is_continuation(chars, bytes, j) {
            buf[k] = bytes[j]?;
        } else if c == ' ' && k == need - 1 {
            buf[k] = 0xA0;
            lossy_space = true;
        } else if c == '\u{FFFD}' || (c == '?' && k == need - 1 && k >= 2) {
            return valid_prefix(&buf[..k]).then(|| lost(i, j + 1));
        } else {
            return None;
        }
        if k == 1 && !second_byte_ok(lead, buf[1]) {
            return if lead == 0xED {
                surrogate_pair(chars, bytes, i)
            } else {
                None
            };
        }
    }
    let decoded = std::str::from_utf8(&buf[..need]).ok()?.chars().next()?;
    let end = i + need;
    let keep_space = lossy_space && decoded == '\u{e0}' && keeps_space_after_a_grave(chars, end);
    Some(Candidate {
        start: i,
        end,
        decoded,
        len: need as u8,
        lossy_space,
        lost_byte: false,
        keep_space,
    })
}

fn lost(start: usize, end: usize) -> Candidate {
    Candidate {
        start,
        end,
        decoded: '\u{FFFD}',
        len: 0,
        lossy_space: false,
        lost_byte: true,
        keep_space: false,
    }
}

/// The second byte ranges UTF-8 allows after special lead bytes (no overlongs, no
/// surrogates, nothing past U+10FFFF).
fn second_byte_ok(lead: u8, b: u8) -> bool {
    match lead {
        0xE0 => (0xA0..=0xBF).contains(&b),
        0xED => (0x80..=0x9F).contains(&b),
        0xF0 => (0x90..=0xBF).contains(&b),
        0xF4 => (0x80..=0x8F).contains(&b),
        _ => (0x80..=0xBF).contains(&b),
    }
}

fn valid_prefix(prefix: &[u8]) -> bool {
    prefix.len() < 2 || second_byte_ok(prefix[0], prefix[1])
}

/// A high and a low surrogate, each encoded as its own three bytes: one astral character.
fn surrogate_pair(chars: &[(usize, char)], bytes: &[Option<u8>], i: usize) -> Option<Candidate> {
    let b: Vec<u8> = (0..6)
        .map(|k| bytes.get(i + k).copied().flatten())
        .collect::<Option<_>>()?;
    let conts = [1, 2, 4, 5]
        .iter()
        .all(|&k| is_continuation(chars, bytes, i + k));
    if !conts
        || b[0] != 0xED
        || !(0xA0..=0xAF).contains(&b[1])
        || b[3] != 0xED
        || !(0xB0..=0xBF).contains(&b[4])
    {
        return None;
    }
    if chars[i + 3].1.is_ascii() {
        return None;
    }
    let high = 0xD000 + ((u32::from(b[1]) & 0x3F) << 6) + (u32::from(b[2]) & 0x3F);
    let low = 0xD000 + ((u32::from(b[4]) & 0x3F) << 6) + (u32::from(b[5]) & 0x3F);
    let decoded = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
    Some(Candidate {
        start: i,
        end: i + 6,
        decoded,
        len: 6,
        lossy_space: false,
        lost_byte: false,
        keep_space: false,
    })
}

/// After `Ã` + space read as `à`: was the space also a real word break? It was unless a
/// second space follows (the no-break space and the space were both there) or the next word
/// is the tail of a Portuguese contraction (`às`, `àquele`).
fn keeps_space_after_a_grave(chars: &[(usize, char)], after: usize) -> bool {
    if chars.get(after).is_some_and(|c| c.1 == ' ') {
        return false;
    }
    let word: String = chars[after.min(chars.len())..]
        .iter()
        .map(|c| c.1)
        .take_while(|c| c.is_alphabetic())
        .collect();
    let after_word = chars.get(after + word.chars().count()).map(|c| c.1);
    let bare_s = word == "s" && !matches!(after_word, Some('\'' | '\u{2019}'));
    !(bare_s || word.starts_with("quel") || word.starts_with("quil"))
}
