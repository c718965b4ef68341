//! Lines that cannot score as code, found without scoring them. Every code signal of
//! `line_score.rs` needs a byte prose uses rarely (`{`, `;`, `=`, `<`, `#`, ...), a common
//! byte in a code position (`a.b`, `f(`, `key:value`, `", `) or a keyword at a word start. The
//! test classes sixteen bytes at a time (`masks.rs`) and only looks closer at punctuation
//! that may weigh and at non-ASCII bytes, adding up the most each signal could weigh; a line
//! whose bound keeps it prose (a `; ` in a paragraph, a stray `"` before a comma) gets the
//! score class the scorer would give it for about an instruction a byte instead of a full
//! scoring pass. Keywords are looked for once a text (`keyword_weights`) and weigh in the
//! bound at their most, or as the scorer weighs them in their line when the most would tip it.

use super::line_score::{
    is_json_member, is_object_member, keyword_tenths_at, LineScore, MAX_SCORED,
};
use super::masks::block_masks;
use regex::bytes::Regex;
use std::sync::OnceLock;

/// A score standing in for the scorer's when `line` provably scores as prose or blank and
/// below the glued-code threshold: code 0, not certain, and `alnum` 1 or 0 as the full score
/// would have it non-zero or zero (`prose_pairs` is left at 0). Its class is the scorer's and
/// nothing downstream reads more of it. `None` sends the line to the full scorer.
/// `keyword_bound` is the most the line's keywords can weigh ([`keyword_weights`]);
/// `keyword_tenths` says what they weigh as the scorer weighs them in the line
/// ([`line_keyword_tenths`]), asked only when the most would send the line to the scorer.
pub fn zero_score(
    line: &str,
    keyword_bound: u32,
    keyword_tenths: impl FnOnce() -> u32,
) -> Option<LineScore> {
    let b = line.as_bytes();
    if b.len() > MAX_SCORED || needs_line_shape_check(line) {
        return None;
    }
    let mut alnum = false;
    let mut non_ascii = false;
    // An upper bound of the line's code weight, in tenths (every weight is a whole tenth).
    let mut tenths = keyword_bound;
    for k in 0..b.len().div_ceil(64) {
        let masks = block_masks(b, k);
        alnum |= masks.alnum;
        let mut look = masks.look;
        while look != 0 {
            let i = 64 * k + look.trailing_zeros() as usize;
            look &= look - 1;
            match look_closer(b, i) {
                Seen::Bail => return None,
                Seen::NonAscii => non_ascii = true,
                Seen::Weight(w) => tenths += w,
            }
        }
    }
    if !alnum && non_ascii {
        // Letters of other scripts: only the full scorer tells them from symbols.
        return None;
    }
    let sends_on = |tenths: u32| tenths > 0 && !(alnum && stays_prose(b, tenths));
    if sends_on(tenths)
        && (keyword_bound == 0 || sends_on(tenths - keyword_bound + keyword_tenths()))
    {
        return None;
    }
    Some(LineScore {
        alnum: u32::from(alnum),
        ..LineScore::default()
    })
}

/// Does a line with letters and at most `tenths` / 10 of code weight score as prose (code
/// under 1, or under 0.15 a prose pair) and below the glued-code look (code under 2)? The
/// density test takes a little margin, so float rounding in the scorer cannot tip it.
fn stays_prose(b: &[u8], tenths: u32) -> bool {
    if tenths >= 20 {
        return false;
    }
    // Density under 0.145: `tenths / 10 / (pairs + 1) < 0.145`, that is `20 * tenths < 29 *
    // (pairs + 1)`, which the least `pairs` meeting it is `20 * tenths / 29`.
    tenths < 10 || has_prose_pairs(b, 20 * tenths / 29)
}

/// Does `b` hold at least `need` word-space-word pairs the scorer surely counts: two ASCII
/// letters, one space, an ASCII letter? (The word around the two letters is at least two
/// long and ends at the space; URLs, which the scorer passes over, and `//` comments, where
/// it stops, made the line bail.) Stops as soon as it has them.
fn has_prose_pairs(b: &[u8], need: u32) -> bool {
    let mut n = 0;
    for w in b.windows(4) {
        if w[2] == b' '
            && w[0].is_ascii_alphabetic()
            && w[1].is_ascii_alphabetic()
            && w[3].is_ascii_alphabetic()
        {
            n += 1;
            if n >= need {
                return true;
            }
        }
    }
    false
}

/// What one byte that is not a letter, digit or space says.
enum Seen {
    /// The scorer may read more than weights here (a URL, a comment, an escape, a tag or
    /// a heavy CSS signal): only it can say.
    Bail,
    NonAscii,
    /// At most this many tenths of code weight (see `punct_weight` of `line_score.rs`).
    Weight(u32),
}

/// The most the byte at `i` can weigh in the scorer, or [`Seen::Bail`].
fn look_closer(b: &[u8], i: usize) -> Seen {
    let c = b[i];
    if c >= 0x80 {
        return Seen::NonAscii;
    }
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    let next = b.get(i + 1).copied().unwrap_or(b'\n');
    let tenths = match c {
        b'<' | b'>' | b'\\' | b'@' => return Seen::Bail,
        b'!' if next == b'i' => return Seen::Bail,
        b'/' if next == b'/' || next == b'*' => return Seen::Bail,
        // `www.` starts a URL, which the scorer passes over (letters and all).
        b'.' if after_www(b, i) => return Seen::Bail,
        b':' if next == b'/' => return Seen::Bail,
        b'{' | b'}' | b'=' => 20,
        b';' if next == b' ' && (prev.is_ascii_alphanumeric() || prev == b')') => 6,
        b';' => 20,
        b'|' if next == b'|' => 15,
        b'&' if next == b'&' => 15,
        b'*' if prev == b'/' || next == b'/' => 15,
        b'[' | b']' => 5,
        b'#' => 10,
        b'(' if next == b')' => 20,
        b'(' if is_ident(prev) => 10,
        b':' if !(next.is_ascii_whitespace()
            || (prev.is_ascii_digit() && next.is_ascii_digit())) =>
        {
            10
        }
        b'"' if matches!(next, b':' | b',' | b';' | b')' | b']' | b'}') || quote_opener(prev) => 10,
        b'\'' if quote_opener(prev) => 10,
        b'.' if next.is_ascii_lowercase() || matches!(next, b'_' | b'$') => 10,
        b'$' if !next.is_ascii_digit() => 10,
        _ => 0,
    };
    Seen::Weight(tenths)
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
/// comment), one ending with `,` or `{` (a CSS selector), and a JSON or object member (asked
/// of the scorer's own tests when the line opens like one and holds a `:`).
fn needs_line_shape_check(line: &str) -> bool {
    // The scorer trims with `str::trim_start` (Unicode spaces too).
    let Some(&first) = line.trim_start().as_bytes().first() else {
        return false;
    };
    let last = line.bytes().rev().find(|c| !c.is_ascii_whitespace());
    first == b'/'
        || matches!(last, Some(b',' | b'{'))
        || ((first == b'"' || first == b'_' || first.is_ascii_lowercase())
            && memchr::memchr(b':', line.as_bytes()).is_some()
            && is_member(line.trim_start()))
}

/// A JSON or object member line, as the scorer tells them.
fn is_member(trimmed: &str) -> bool {
    is_json_member(trimmed) || is_object_member(trimmed)
}

/// What the keywords of `line` weigh, in tenths ([`line_keyword_tenths`] of its
/// [`keyword_weights`]).
#[cfg(test)]
pub fn keyword_tenths(line: &str) -> u32 {
    line_keyword_tenths(line, keyword_weights(line).into_iter().map(|(k, _)| k))
}

/// The most the keywords of `line` can weigh, in tenths ([`keyword_weights`] on one line).
#[cfg(test)]
pub fn keyword_bound(line: &str) -> u32 {
    keyword_weights(line).iter().map(|&(_, w)| w).sum()
}

/// Where in `text` the keywords the scorer may weigh start, in order, each with the most it
/// can weigh in tenths (`null`, `true`, `false` and `return` 1, the others 2): one search over
/// the whole text instead of one a line. (A superset: any ASCII word boundary before a
/// keyword, any after. `px`, `em` and `rem` never weigh: the scorer wants them after a digit,
/// inside a word. A keyword holds no line break and a line break is no word byte, so the
/// matches starting inside a line are the line's own.)
pub fn keyword_weights(text: &str) -> Vec<(usize, u32)> {
    keyword_regex()
        .find_iter(text.as_bytes())
        .map(|m| {
            let light = matches!(m.as_bytes(), b"null" | b"true" | b"false" | b"return");
            (m.start(), if light { 10 } else { 20 })
        })
        .collect()
}

/// What the keywords starting at `starts` (offsets into `line`) weigh in the scorer, in
/// tenths: each as the scorer weighs it in the line (`the function of`, `in return for` and
/// `let the` weigh nothing), so prose that uses the words still skips the scorer.
pub fn line_keyword_tenths(line: &str, starts: impl Iterator<Item = usize>) -> u32 {
    starts.map(|k| keyword_tenths_at(line.as_bytes(), k)).sum()
}

fn keyword_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?-u)\b(?:function|typeof|instanceof|undefined|var|let|const|null|true|false|return|window|document|jQuery|googletag|console)\b",
        )
        .expect("keyword regex")
    })
}

#[cfg(test)]
mod tests {
    use super::super::line_score::{score_line, LineClass};
    use super::*;

    /// Where the quick test answers, it answers as the scorer does.
    fn agrees(line: &str) -> bool {
        match zero_score(line, keyword_bound(line), || keyword_tenths(line)) {
            None => true,
            Some(quick) => {
                let full = score_line(line);
                full.code < 2.0
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
            assert!(zero_score(l, 0, || 0).is_some(), "{l}");
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
            assert!(zero_score(l, 0, || 0).is_none(), "{l}");
        }
        for l in ["the document.", "undefined", "true$", "a \u{e9}true"] {
            assert!(keyword_bound(l) > 0, "{l}");
        }
        for l in ["x_true", "documents", "2true", "Trueman"] {
            assert_eq!(keyword_bound(l), 0, "{l}");
        }
        for (l, tenths) in [
            ("the document.", 20),
            ("in return for the loan", 0),
            ("return (x)", 10),
            ("let the people", 0),
            ("var x = 1", 20),
            ("true$", 0),
        ] {
            assert_eq!(keyword_tenths(l), tenths, "{l}");
        }
        // Quoted speech with a colon is no JSON member: the bound decides it.
        let quote = "\"It is over,\" he said. She added: \"We will go on with the work here.\"";
        assert!(zero_score(quote, 0, || 0).is_some() && agrees(quote));
    }

    #[test]
    fn prose_with_light_code_bytes_passes() {
        let para = "The firm said it would only break even on the rebuild ($874m; \"at best\", analysts say), after a rise in costs on the work. Any profits would depend on the outcome of cases.";
        assert!(zero_score(para, 0, || 0).is_some());
        assert!(agrees(para));
        // Too few prose pairs to dilute the weight: the scorer decides.
        assert!(zero_score("a; b; c", 0, || 0).is_none());
        assert!(zero_score("Prices rose; (see below).", 0, || 0).is_some());
        // Keywords weigh in the bound: `true` at most 1, `function` 2 (a glued-code look).
        let kw = "It is true, he said, and the rest of the story goes on at some length here.";
        assert_eq!(keyword_tenths(kw), 10);
        assert!(zero_score(kw, keyword_bound(kw), || keyword_tenths(kw)).is_some() && agrees(kw));
        let kw = "The function of the state goes on at some length here and there.";
        assert!(zero_score(kw, keyword_bound(kw), || keyword_tenths(kw)).is_none());
    }

    #[test]
    fn blank_and_symbol_lines() {
        assert_eq!(
            zero_score("  - ", 0, || 0).map(|s| s.class()),
            Some(LineClass::Blank)
        );
        assert!(zero_score("\u{4e2d}\u{6587}", 0, || 0).is_none());
    }

    proptest::proptest! {
        #[test]
        fn never_disagrees_with_the_scorer(line in "[a-zA-Z0-9 .,:;'\"(){}=$!/_\u{e9}\u{a0}\u{2014}-]{0,40}|(?:[Tt]he|a|b|c|\\.|,|:|'|\"|\\(|\\)|\\$|/|!|w|ww|x|1|2| |  |_|\u{e9}|\u{a0}|\u{4e2d}|document|true|var|let|px|important|www|http){0,20}|(?:[Tt]he|said|it|on|a|b| |  |; |;|\\. |\\.|\\.a|, |\\(|\\)|\" |\",|\\$1|\\$a|:|: |f\\(|x = |\\[|\\]|#|\\{|/|\u{e9}|true|return |null|false|true,){0,60}") {
            proptest::prop_assert!(agrees(&line), "{}", line);
        }
    }
}
