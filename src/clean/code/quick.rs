//! Lines that cannot score as code, found without scoring them. Every code signal of
//! `line_score.rs` needs a byte prose uses rarely (`{`, `;`, `=`, `<`, `#`, ...), a common
//! byte in a code position (`a.b`, `f(`, `key:value`, `", `) or a keyword at a word start; a
//! line with none of them scores exactly zero. The test reads eight bytes at a time and only
//! looks closer at punctuation and non-ASCII bytes, so prose costs a couple of instructions a
//! byte instead of a full scoring pass. Keywords are looked for last (`has_keyword`).

use super::super::bytescan::{bytes_equal, letters_and_digits};
use super::line_score::{LineScore, MAX_SCORED};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// The score of `line` when it provably has no code signal: code 0, not certain, and `alnum`
/// 1 or 0 as the full score would have it non-zero or zero (`prose_pairs` is left at 0: a
/// line with no code signal is prose or blank whatever its pairs). `None` sends the line to
/// the full scorer. `line` must hold no keyword of [`has_keyword`].
pub fn zero_score(line: &str) -> Option<LineScore> {
    let b = line.as_bytes();
    if b.len() > MAX_SCORED || needs_line_shape_check(line) {
        return None;
    }
    let mut alnum = false;
    let mut non_ascii = false;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        let (letters, digits) = letters_and_digits(x);
        alnum |= (letters | digits) != 0;
        let mut other = !(letters | digits | bytes_equal(x, b' ')) & HIGHS;
        while other != 0 {
            let i = base + (other.trailing_zeros() / 8) as usize;
            other &= other - 1;
            match look_closer(b, i) {
                Seen::Risky => return None,
                Seen::NonAscii => non_ascii = true,
                Seen::Nothing => {}
            }
        }
        base += 8;
    }
    for i in base..b.len() {
        alnum |= b[i].is_ascii_alphanumeric();
        match look_closer(b, i) {
            Seen::Risky => return None,
            Seen::NonAscii => non_ascii = true,
            Seen::Nothing => {}
        }
    }
    if !alnum && non_ascii {
        // Letters of other scripts: only the full scorer tells them from symbols.
        return None;
    }
    Some(LineScore {
        alnum: u32::from(alnum),
        ..LineScore::default()
    })
}

const HIGHS: u64 = 0x8080_8080_8080_8080;

/// What one byte that is not a letter, digit or space says.
enum Seen {
    Risky,
    NonAscii,
    Nothing,
}

/// Bytes with a code weight in some position (see `punct_weight` and the line shapes of
/// `line_score.rs`); the others weigh nothing anywhere.
fn look_closer(b: &[u8], i: usize) -> Seen {
    let c = b[i];
    if c >= 0x80 {
        return Seen::NonAscii;
    }
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    let next = b.get(i + 1).copied().unwrap_or(b'\n');
    let risky = match c {
        b'{' | b'}' | b';' | b'=' | b'|' | b'[' | b']' | b'<' | b'>' | b'\\' | b'*' | b'@'
        | b'#' => true,
        b'&' => next == b'&',
        b'(' => next == b')' || is_ident(prev),
        b':' => !(next.is_ascii_whitespace() || (prev.is_ascii_digit() && next.is_ascii_digit())),
        b'"' => matches!(next, b':' | b',' | b';' | b')' | b']' | b'}') || quote_opener(prev),
        b'\'' => quote_opener(prev),
        // `www.` starts a URL, which the scorer passes over (letters and all).
        b'.' => next.is_ascii_lowercase() || matches!(next, b'_' | b'$') || after_www(b, i),
        b'$' => !next.is_ascii_digit(),
        b'!' => next == b'i',
        b'/' => next == b'/' || next == b'*',
        _ => false,
    };
    if risky {
        Seen::Risky
    } else {
        Seen::Nothing
    }
}

fn quote_opener(prev: u8) -> bool {
    matches!(prev, b'(' | b'=' | b'[' | b'+')
}

fn after_www(b: &[u8], i: usize) -> bool {
    i >= 3 && &b[i - 3..i] == b"www"
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// Line shapes the scorer believes whatever the bytes weigh: a line opening with `/` (a
/// comment), one ending with `,` or `{` (a CSS selector), and a line with a `:` that opens
/// like a JSON or object member (a quote, a lower-case letter or `_`).
fn needs_line_shape_check(line: &str) -> bool {
    // The scorer trims with `str::trim_start` (Unicode spaces too).
    let Some(&first) = line.trim_start().as_bytes().first() else {
        return false;
    };
    let last = line.bytes().rev().find(|c| !c.is_ascii_whitespace());
    first == b'/'
        || matches!(last, Some(b',' | b'{'))
        || ((first == b'"' || first == b'_' || first.is_ascii_lowercase())
            && memchr::memchr(b':', line.as_bytes()).is_some())
}

/// Does `line` hold a keyword the scorer weighs, at a word start? Such a line goes to the full
/// scorer. (A superset: any ASCII word boundary before it, any after. `px`, `em` and `rem`
/// never weigh: the scorer wants them after a digit, inside a word.)
pub fn has_keyword(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?-u)\b(?:function|typeof|instanceof|undefined|var|let|const|null|true|false|return|window|document|jQuery|googletag|console)\b",
        )
        .expect("keyword regex")
    });
    re.is_match(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::super::line_score::{score_line, LineClass};
    use super::*;

    /// Where the quick test answers, it answers as the scorer does.
    fn agrees(line: &str) -> bool {
        if has_keyword(line) {
            return true;
        }
        match zero_score(line) {
            None => true,
            Some(quick) => {
                let full = score_line(line);
                full.code == 0.0
                    && !full.certain
                    && (full.alnum > 0) == (quick.alnum > 0)
                    && full.class() == quick.class()
            }
        }
    }

    #[test]
    fn prose_passes_code_does_not() {
        for l in [
            "The minister said on Monday (in Paris) that talks had failed, \"again\".",
            "Der Minister sagte am Mittwoch, dass die Gespr\u{e4}che gescheitert seien.",
            "Score: 3-1 at 10:30 in the final. It cost $25, or 5%.",
            "",
        ] {
            assert!(zero_score(l).is_some(), "{l}");
            assert!(agrees(l), "{l}");
        }
        for l in [
            "window.a = 1;",
            "a.b(c)",
            "enabled: true",
            "\"key\": 1",
            ".menu li,",
            "// note",
            "see www. now",
            "x{y}",
        ] {
            assert!(zero_score(l).is_none(), "{l}");
        }
        for l in ["the document.", "undefined", "true$", "a \u{e9}true"] {
            assert!(has_keyword(l), "{l}");
        }
        for l in ["x_true", "documents", "2true", "Trueman"] {
            assert!(!has_keyword(l), "{l}");
        }
    }

    #[test]
    fn blank_and_symbol_lines() {
        assert_eq!(
            zero_score("  - ").map(|s| s.class()),
            Some(LineClass::Blank)
        );
        assert!(zero_score("\u{4e2d}\u{6587}").is_none());
    }

    proptest::proptest! {
        #[test]
        fn never_disagrees_with_the_scorer(line in "[a-zA-Z0-9 .,:;'\"(){}=$!/_\u{e9}\u{a0}\u{2014}-]{0,40}|(?:[Tt]he|a|b|c|\\.|,|:|'|\"|\\(|\\)|\\$|/|!|w|ww|x|1|2| |  |_|\u{e9}|\u{a0}|\u{4e2d}|document|true|var|let|px|important|www|http){0,20}") {
            proptest::prop_assert!(agrees(&line), "{}", line);
        }
    }
}
