//! Is a decoded candidate a character that real text would have there? The judge rejects
//! rare blocks (IPA, Armenian, private use, Latin Extended-B ...), letters whose case clashes
//! with their word (`MÄ£ÄM` is not `MģM`), lone letters of another script (`4288×…` is not a
//! Hebrew letter), possessives (`Ã’s`), and one-letter words other than the few that exist.
//! It returns the evidence a kept candidate adds.

use super::candidates::{Candidate, Encoding};

/// What a decoded character is, for the judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter(Script),
    Combining,
    Symbol,
    Control,
}

/// Scripts, coarse: enough to tell whether a letter has company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    /// Any other script, identified by its 128-code-point block.
    Block(u32),
}

/// One-letter words that exist in the languages mojibake hits most (à, è, é).
const ONE_LETTER_WORDS: &[char] = &['\u{e0}', '\u{e8}', '\u{e9}'];

/// The evidence candidate `i` adds, or `None` when it should not be decoded.
pub(crate) fn judge(
    chars: &[(usize, char)],
    cands: &[Candidate],
    decoded: &[char],
    i: usize,
    enc: &Encoding,
) -> Option<u32> {
    let cand = &cands[i];
    if cand.lost_byte {
        return Some(2);
    }
    let weight = if cand.lossy_space {
        u32::from(cand.decoded == '\u{e0}' && lowercase_around(chars, cand))
    } else if cand.len >= 3 {
        2
    } else {
        1
    };
    let ctx = Context {
        chars,
        cands,
        decoded,
        i,
    };
    match classify(cand.decoded)? {
        Class::Control => ctx.touches_other_candidate().then_some(0),
        Class::Combining => ctx
            .prev()
            .is_some_and(|c| !c.is_whitespace())
            .then_some(weight),
        Class::Symbol => Some(
            if enc.western || cand.len >= 3 || ctx.touches_other_candidate() {
                weight
            } else {
                0
            },
        ),
        Class::Letter(script) => ctx.letter_fits(script).then_some(weight),
    }
}

/// A candidate and the decoded line around it.
struct Context<'a> {
    chars: &'a [(usize, char)],
    cands: &'a [Candidate],
    decoded: &'a [char],
    i: usize,
}

impl Context<'_> {
    fn cand(&self) -> &Candidate {
        &self.cands[self.i]
    }

    /// The character before the candidate once the line is decoded.
    fn prev(&self) -> Option<char> {
        let start = self.cand().start;
        if self.i > 0 && self.cands[self.i - 1].end == start {
            return Some(self.decoded[self.i - 1]);
        }
        start.checked_sub(1).map(|p| self.chars[p].1)
    }

    /// The character after the candidate once the line is decoded.
    fn next(&self) -> Option<char> {
        let end = self.cand().end;
        if self.cand().keep_space {
            return Some(' ');
        }
        if self.cands.get(self.i + 1).is_some_and(|n| n.start == end) {
            return Some(self.decoded[self.i + 1]);
        }
        self.chars.get(end).map(|c| c.1)
    }

    fn touches_other_candidate(&self) -> bool {
        let c = self.cand();
        (self.i > 0 && self.cands[self.i - 1].end == c.start)
            || self.cands.get(self.i + 1).is_some_and(|n| n.start == c.end)
    }

    /// The other letters of the candidate's word, decoded where they are candidates.
    fn word_letters(&self) -> Vec<char> {
        let mut letters = Vec::new();
        let mut j = self.i;
        let mut pos = self.cand().start;
        while pos > 0 {
            let c = if j > 0 && self.cands[j - 1].end == pos {
                j -= 1;
                pos = self.cands[j].start;
                self.decoded[j]
            } else {
                pos -= 1;
                self.chars[pos].1
            };
            if !c.is_alphabetic() {
                break;
            }
            letters.push(c);
        }
        let mut j = self.i + 1;
        let mut pos = self.cand().end;
        if self.cand().keep_space {
            return letters;
        }
        while pos < self.chars.len() {
            let c = if self.cands.get(j).is_some_and(|n| n.start == pos) {
                pos = self.cands[j].end;
                j += 1;
                self.decoded[j - 1]
            } else {
                pos += 1;
                self.chars[pos - 1].1
            };
            if !c.is_alphabetic() {
                break;
            }
            letters.push(c);
        }
        letters
    }

    fn letter_fits(&self, script: Script) -> bool {
        let d = self.cand().decoded;
        let word = self.word_letters();
        let one_letter_word = word.is_empty() && !self.touches_other_candidate();
        if one_letter_word
            && script == Script::Latin
            && !d.to_lowercase().any(|l| ONE_LETTER_WORDS.contains(&l))
        {
            return false;
        }
        // Only for Latin: double-encoded Cyrillic mixes cases at random on the way back.
        let caps_word = word.len() >= 2 && word.iter().all(|c| c.is_uppercase());
        if script == Script::Latin && d.is_lowercase() && caps_word {
            return false;
        }
        if self.is_possessive() {
            return false;
        }
        match script {
            Script::Latin | Script::Greek => true,
            _ => self.script_has_company(script),
        }
    }

    /// `Ã’s`: a letter, an apostrophe and a word-final `s`/`t`/... reads as a possessive.
    fn is_possessive(&self) -> bool {
        let c = self.cand();
        if c.end - c.start != 2 || !matches!(self.chars[c.start + 1].1, '\u{2019}' | '\u{2018}') {
            return false;
        }
        let after: Vec<char> = self.chars[c.end..].iter().map(|x| x.1).take(3).collect();
        matches!(after.as_slice(), [a, ..] if a.is_lowercase())
            && !after.get(1).is_some_and(|b| b.is_alphabetic())
    }

    /// A letter of a non-Latin script needs another of its script in the decoded line: next
    /// to it for scripts written without spaces between letters' words (CJK, Indic, Thai),
    /// anywhere among the other candidates for alphabets with one-letter words (Cyrillic).
    /// A letter standing alone between punctuation (`(ง'̀⌣'́)ง`) is a symbol and is fine.
    fn script_has_company(&self, script: Script) -> bool {
        let near: Vec<char> = [self.prev(), self.next()].into_iter().flatten().collect();
        let same = |c: char| matches!(classify(c), Some(Class::Letter(s)) if s == script);
        if near.iter().any(|&c| same(c)) {
            return true;
        }
        match script {
            Script::Block(_) => !near.iter().any(|c| c.is_alphanumeric()),
            _ => self
                .decoded
                .iter()
                .enumerate()
                .any(|(k, &c)| k != self.i && same(c)),
        }
    }
}

/// `Ã` + space read as `à` counts as evidence in lowercase prose only.
fn lowercase_around(chars: &[(usize, char)], cand: &Candidate) -> bool {
    let before = cand.start.checked_sub(1).map(|p| chars[p].1);
    let after = chars.get(cand.end).map(|c| c.1);
    before.is_some_and(char::is_lowercase) || after.is_some_and(char::is_lowercase)
}

/// The class of `c`, or `None` when decoding to it would be a guess too far.
fn classify(c: char) -> Option<Class> {
    let u = c as u32;
    let latin = Some(Class::Letter(Script::Latin));
    match u {
        0x80..=0x9F => Some(Class::Control),
        0xA0..=0xBF | 0xD7 | 0xF7 => Some(Class::Symbol),
        0xC0..=0xFF => latin,
        0x100..=0x17F => common_extended_a(c).then_some(Class::Letter(Script::Latin)),
        0x218..=0x21B => latin, // Romanian comma-below letters
        0x2C6 | 0x2C7 | 0x2D8..=0x2DD => Some(Class::Symbol),
        0x300..=0x36F | 0xFE00..=0xFE0F => Some(Class::Combining),
        0x386..=0x3CE => Some(Class::Letter(Script::Greek)),
        0x400..=0x45F | 0x490 | 0x491 => Some(Class::Letter(Script::Cyrillic)),
        0x5D0..=0x5EA => Some(Class::Letter(Script::Hebrew)),
        0x60C | 0x61B | 0x61F => Some(Class::Symbol),
        0x621..=0x63A
        | 0x641..=0x64A
        | 0x660..=0x669
        | 0x67E
        | 0x686
        | 0x698
        | 0x6A9
        | 0x6AF
        | 0x6CC
        | 0x6F0..=0x6F9 => Some(Class::Letter(Script::Arabic)),
        0x64B..=0x652 => Some(Class::Combining),
        0x900..=0xEFF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => {
            Some(Class::Letter(Script::Block(block_of(u))))
        }
        0x1E00..=0x1EFF | 0xFB00..=0xFB06 => latin,
        0x1F00..=0x1FFF => Some(Class::Letter(Script::Greek)),
        0x2000..=0x2BFF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0xFFFD => Some(Class::Symbol),
        0x1F000..=0x1FAFF => Some(Class::Symbol),
        0x20000..=0x2FFFF => Some(Class::Letter(Script::Block(block_of(0x4E00)))),
        _ => None,
    }
}

/// CJK ideographs share one id; other scripts use their 128-code-point block.
fn block_of(u: u32) -> u32 {
    match u {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => 0x4E00 >> 7,
        0xAC00..=0xD7A3 => 0xAC00 >> 7,
        _ => u >> 7,
    }
}

/// Latin Extended-A letters that living orthographies use often (Central European, Baltic,
/// Turkish, Romanian, Maltese aside); the rest (Esperanto, Sami, archaic) are rare enough
/// that a decoding to them is more likely wrong than right.
fn common_extended_a(c: char) -> bool {
    !matches!(
        c,
        'Ĉ' | 'ĉ'
            | 'Ĝ'
            | 'ĝ'
            | 'Ġ'
            | 'ġ'
            | 'Ĥ'
            | 'ĥ'
            | 'Ħ'
            | 'ħ'
            | 'Ĩ'
            | 'ĩ'
            | 'Ĭ'
            | 'ĭ'
            | 'Ĳ'
            | 'ĳ'
            | 'Ĵ'
            | 'ĵ'
            | 'ĸ'
            | 'Ŀ'
            | 'ŀ'
            | 'ŉ'
            | 'Ŋ'
            | 'ŋ'
            | 'Ŏ'
            | 'ŏ'
            | 'Ŝ'
            | 'ŝ'
            | 'Ŧ'
            | 'ŧ'
            | 'Ũ'
            | 'ũ'
            | 'Ŭ'
            | 'ŭ'
            | 'Ŵ'
            | 'ŵ'
            | 'Ŷ'
            | 'ŷ'
            | 'ſ'
            | 'Ĕ'
            | 'ĕ'
            | 'Ċ'
            | 'ċ'
    )
}
