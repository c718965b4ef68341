//! Quote marks: which characters are quotation marks, whether each one opens or closes, and
//! how they pair up into quoted spans.
//!
//! Not attribution: this module only finds the stretches of text that stand between marks.
//! A mark's role comes from its glyph and from what flanks it (the CommonMark idea: a mark
//! with a space before and a letter after opens, the reverse closes), so that straight quotes,
//! misused curly quotes and apostrophes (`voters’`, `’90s`, `rock ’n’ roll`, `don't`) are told
//! apart. Double marks (`"` `“` `”` `„` `«` `»`) and single marks (`'` `‘` `’` `‹` `›`) pair
//! separately; single-quoted spans inside a double-quoted one are part of its text. A double
//! quote left open at a paragraph end and re-opened at the start of the next paragraph is one
//! quote with a fragment per paragraph. Unbalanced marks never fail: a stray closer is ignored
//! and a quote still open at a paragraph end closes there.

use std::ops::Range;

/// Longest single-quoted span we accept, in bytes: an apostrophe mistaken for an opener must
/// not swallow a paragraph.
const MAX_SINGLE_SPAN: usize = 300;

/// The bytes a mark can start with: `"`, `'`, `<` (a tag), 0xC2 (`«` `»`), 0xE2 (`‘` `’` `“`
/// `”` `„` `‹` `›`). The scan skips every other byte without decoding it.
const MARK_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'<' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// Longest markup tag we skip, in bytes: a `<` with no `>` soon after is just a character.
const MAX_TAG: usize = 600;

/// Words that an elided leading apostrophe stands in front of (`’n’`, `’em`, `’til`).
const ELISIONS: &[&str] = &[
    "n", "em", "til", "tis", "twas", "cause", "bout", "round", "nuff", "cept", "ya", "s",
];

/// The two families of marks, which pair independently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// What a mark does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark between two spaces or two letters: closes an open quote, else opens.
    Either,
}

/// One quotation mark found in the text.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    /// Bytes of the mark (a character, or `''`): at most four, kept small because a page of
    /// marks holds one `Mark` per byte or two.
    len: u8,
    family: Family,
    role: Role,
}

impl Mark {
    /// Byte offset just after the mark.
    fn end(&self) -> usize {
        self.pos + usize::from(self.len)
    }
}

/// A quoted span: the insides of one pair of marks, or of several when the quote runs on
/// across paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte ranges of the text inside the marks, one per paragraph the quote spans.
    pub fragments: Vec<Range<usize>>,
    /// Byte offset of the first opening mark.
    pub open: usize,
    /// Byte offset just after the last closing mark (the end of the last fragment when the
    /// quote was never closed).
    pub close: usize,
    pub family: Family,
    /// False when the quote was still open at a paragraph end with nothing re-opening it.
    pub closed: bool,
}

impl Marked {
    /// Byte offset where the quoted text starts.
    pub fn inner_start(&self) -> usize {
        self.fragments.first().map_or(self.open, |f| f.start)
    }

    /// Byte offset where the quoted text ends.
    pub fn inner_end(&self) -> usize {
        self.fragments.last().map_or(self.close, |f| f.end)
    }
}

/// Finds every top-level quoted span of `text`, in order. `paragraphs` are the byte ranges
/// of the paragraphs (from `crate::text::sentences::paragraph_spans`).
pub fn quoted_spans(text: &str, paragraphs: &[Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut pending: Option<Marked> = None;
    let mut marks = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        marks.clear();
        collect_marks(text, para.clone(), &mut marks);
        drop_block_marker(text, para.start, &mut marks);
        let mut singles_allowed = Vec::new();
        let first_opens = marks.first().is_some_and(|m| {
            m.family == Family::Double && m.role != Role::Close && m.pos == para.start
        });
        let mut doubles = pair_doubles(&marks, para.clone(), pending.take(), first_opens);
        let open_from = doubles
            .open_at_end
            .as_ref()
            .map_or(para.end, |o| o.open.max(para.start));
        gaps_between(&doubles.spans, para.start..open_from, &mut singles_allowed);
        // Keep a quote open into the next paragraph only if that paragraph re-opens it.
        if let Some(open) = doubles.open_at_end.take() {
            if next_paragraph_reopens(text, paragraphs.get(i + 1)) {
                pending = Some(open);
            } else {
                doubles.spans.push(close_unclosed(open));
            }
        }
        let singles = pair_singles(text, &marks, &singles_allowed);
        merge_in_order(doubles.spans, singles, &mut out);
    }
    if let Some(open) = pending {
        out.push(close_unclosed(open));
    }
    out.retain(|m| {
        m.fragments
            .iter()
            .any(|f| !text[f.clone()].trim().is_empty())
    });
    out
}

/// `"PENCE: Well, ... an episode of “Shark Tank.” But ...`: a straight mark that opens a
/// paragraph and is never closed in it, while curly marks quote inside it, marks a block
/// quotation (a transcript, a quoted article), not a quote of its own; the curly pairs are
/// the quotes.
fn drop_block_marker(text: &str, para_start: usize, marks: &mut Vec<Mark>) {
    let straight = |m: &Mark| m.family == Family::Double && text.as_bytes()[m.pos] == b'"';
    let Some(first) = marks.iter().position(|m| m.family == Family::Double) else {
        return;
    };
    let opens_paragraph = marks[first].pos == para_start && straight(&marks[first]);
    let lone_straight = marks.iter().filter(|m| straight(m)).count() == 1;
    // The curly marks must open a quote of their own: `"Q,” Grassley said.` is one quote
    // with mismatched marks.
    let curly = marks
        .iter()
        .any(|m| m.family == Family::Double && !straight(m) && m.role == Role::Open);
    if opens_paragraph && lone_straight && curly {
        marks.remove(first);
    }
}

fn close_unclosed(mut m: Marked) -> Marked {
    m.close = m.inner_end();
    m.closed = false;
    m
}

fn next_paragraph_reopens(text: &str, next: Option<&Range<usize>>) -> bool {
    let Some(next) = next else { return false };
    let para = &text[next.clone()];
    let mut chars = para.chars();
    let first = chars.next();
    let second = chars.next();
    let reopens = matches!(first, Some(c) if is_double(c))
        && second.is_some_and(|c| !c.is_whitespace() && !is_double(c));
    reopens && !opens_turn(para) && !opens_block(para)
}

/// `"PENCE: Well, ...`: a paragraph that opens with a speaker's label in capitals starts a
/// new turn of a transcript, not the continuation of the quote before.
fn opens_turn(para: &str) -> bool {
    let body = para.trim_start_matches(is_double);
    let Some((label, _)) = body.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.'))
}

/// A paragraph whose opening straight mark is a block marker (see [`drop_block_marker`]).
fn opens_block(para: &str) -> bool {
    para.starts_with('"')
        && para.matches('"').count() == 1
        && para.contains(['\u{201c}', '\u{201e}'])
}

/// The result of pairing the double marks of one paragraph.
struct DoublePairs {
    spans: Vec<Marked>,
    /// A quote still open at the paragraph end.
    open_at_end: Option<Marked>,
}

/// Pairs double marks with a stack: the bottom of the stack is the top-level quote, deeper
/// levels are nested quotes that stay part of its text.
fn pair_doubles(
    marks: &[Mark],
    para: Range<usize>,
    carried: Option<Marked>,
    first_opens: bool,
) -> DoublePairs {
    let mut spans = Vec::new();
    let mut current = carried;
    let mut depth = usize::from(current.is_some());
    let mut marks = marks
        .iter()
        .filter(|m| m.family == Family::Double)
        .peekable();
    if let Some(c) = current.as_mut() {
        // The re-opening mark of a continued quote starts its next fragment.
        let start = if first_opens {
            marks.next().map_or(para.start, |m| m.end())
        } else {
            para.start
        };
        c.fragments.push(start..start);
    }
    for m in marks {
        let opens = match m.role {
            Role::Open => true,
            Role::Close => false,
            Role::Either => depth == 0,
        };
        if opens {
            if depth == 0 {
                current = Some(Marked {
                    fragments: std::iter::once(m.end()..m.end()).collect(),
                    open: m.pos,
                    close: m.end(),
                    family: Family::Double,
                    closed: true,
                });
            }
            depth += 1;
            continue;
        }
        if depth == 0 {
            continue; // a stray closer
        }
        depth -= 1;
        if depth == 0 {
            if let Some(mut done) = current.take() {
                set_last_end(&mut done, m.pos);
                done.close = m.end();
                // `""` quotes nothing: dropped here, so a run of marks costs no memory.
                if done.fragments.iter().any(|f| !f.is_empty()) {
                    spans.push(done);
                }
            }
        }
    }
    let open_at_end = current.map(|mut c| {
        set_last_end(&mut c, para.end);
        c
    });
    DoublePairs { spans, open_at_end }
}

fn set_last_end(m: &mut Marked, end: usize) {
    if let Some(last) = m.fragments.last_mut() {
        last.end = end.max(last.start);
    }
}

/// The stretches of a paragraph outside its double-quoted spans, where single marks may
/// form top-level quotes of their own.
fn gaps_between(spans: &[Marked], para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = para.start;
    for s in spans {
        if s.open >= start && s.open <= para.end {
            out.push(start..s.open);
        }
        start = start.max(s.close);
    }
    if start < para.end {
        out.push(start..para.end);
    }
}

/// Pairs single marks inside each allowed stretch: an opener with the nearest closer after
/// it, within [`MAX_SINGLE_SPAN`] bytes.
fn pair_singles(text: &str, marks: &[Mark], allowed: &[Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    // Gaps and marks are both in text order: one walk over the marks serves every gap.
    let mut next = 0;
    for gap in allowed {
        let mut open: Option<&Mark> = None;
        while next < marks.len() && marks[next].pos < gap.start {
            next += 1;
        }
        let until = next + marks[next..].partition_point(|m| m.pos < gap.end);
        for m in marks[next..until]
            .iter()
            .filter(|m| m.family == Family::Single)
        {
            match (open, m.role) {
                (None, Role::Open) => open = Some(m),
                (Some(o), Role::Close | Role::Either) => {
                    let inner = o.end()..m.pos;
                    if inner.len() <= MAX_SINGLE_SPAN && !text[inner.clone()].trim().is_empty() {
                        out.push(Marked {
                            fragments: vec![inner],
                            open: o.pos,
                            close: m.end(),
                            family: Family::Single,
                            closed: true,
                        });
                    }
                    open = None;
                }
                (Some(_), Role::Open) => open = Some(m),
                _ => {}
            }
        }
        next = until;
    }
    out
}

fn merge_in_order(doubles: Vec<Marked>, singles: Vec<Marked>, out: &mut Vec<Marked>) {
    let start = out.len();
    out.extend(doubles);
    out.extend(singles);
    out[start..].sort_by_key(|m| m.open);
}

/// Every quotation mark of the paragraph `para`, with its role decided from its neighbours.
/// Marks inside markup tags (`<tweet id="1">`) are not quotation marks; two straight
/// apostrophes (`''`), a typewriter convention, count as one double mark.
fn collect_marks(text: &str, para: Range<usize>, out: &mut Vec<Mark>) {
    let bytes = text.as_bytes();
    let mut i = para.start;
    while i < para.end {
        match bytes[i..para.end]
            .iter()
            .position(|&b| MARK_LEAD[usize::from(b)])
        {
            Some(skip) => i += skip,
            None => break,
        }
        let Some(c) = text[i..para.end].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        let mut next = text[i + width..para.end].chars().next();
        if c == '<' {
            let opens_tag = next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/');
            let close = bytes[i..para.end]
                .iter()
                .take(MAX_TAG)
                .position(|&b| b == b'>');
            i += match (opens_tag, close) {
                (true, Some(close)) => close + 1,
                _ => 1,
            };
            continue;
        }
        if !is_quote_char(c) {
            i += width;
            continue;
        }
        let prev = text[para.start..i].chars().next_back();
        let (len, glyph) = if c == '\'' && next == Some('\'') {
            next = text[i + 2..para.end].chars().next();
            (2, '"')
        } else {
            (width, c)
        };
        if let Some(role) = role_of(glyph, prev, next, &text[i + len..para.end]) {
            let family = if is_double(glyph) {
                Family::Double
            } else {
                Family::Single
            };
            out.push(Mark {
                pos: i,
                len: u8::try_from(len).unwrap_or(u8::MAX),
                family,
                role,
            });
        }
        i += len;
    }
}

/// Cheap first test for the scan: is `c` any quotation mark or apostrophe?
#[inline]
fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}'
    )
}

/// Double quotation marks of every convention.
#[inline]
pub fn is_double(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}'
    )
}

/// The role of mark `c` between `prev` and `next` (None at the text edges); `rest` is the
/// paragraph after the mark. None means the mark is not a quotation mark here (an
/// apostrophe, or a straight mark with spaces on both sides).
fn role_of(c: char, prev: Option<char>, next: Option<char>, rest: &str) -> Option<Role> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || is_opening_punct(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n));
    let left = space_before && !space_after; // looks like an opener
    let right = space_after && !space_before; // looks like a closer
    match c {
        '"' => Some(flanked(left, right, Role::Either)),
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => {
            Some(if right { Role::Close } else { Role::Open })
        }
        '\u{201d}' | '\u{bb}' => Some(if left { Role::Open } else { Role::Close }),
        '\u{2018}' | '\u{201a}' | '\u{201b}' | '\u{2039}' => {
            Some(if right { Role::Close } else { Role::Open })
        }
        '\u{203a}' => Some(if left { Role::Open } else { Role::Close }),
        '\'' | '\u{2019}' => single_role(prev, next, rest, left, right),
        _ => None,
    }
}

fn flanked(left: bool, right: bool, otherwise: Role) -> Role {
    match (left, right) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => otherwise,
    }
}

/// `'` and `’` are apostrophes far more often than quotation marks.
fn single_role(
    prev: Option<char>,
    next: Option<char>,
    rest: &str,
    left: bool,
    right: bool,
) -> Option<Role> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return None; // don't, O’Brien
    }
    if left && (next.is_some_and(|n| n.is_ascii_digit()) || starts_with_elision(rest)) {
        return None; // ’90s, ’n’, ’em
    }
    if left {
        return Some(Role::Open);
    }
    if right {
        // `voters’` is a possessive, but it also closes `‘the voters’`: pairing decides.
        return Some(Role::Close);
    }
    None
}

fn starts_with_elision(rest: &str) -> bool {
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    word.len() <= 5 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '>'
    ) || is_quote_char(c)
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2014}' | '\u{2013}' | '-' | '<'
    ) || is_quote_char(c)
        || c == '\u{2026}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::paragraph_spans;

    fn quotes(t: &str) -> Vec<Vec<&str>> {
        let paras = paragraph_spans(t);
        quoted_spans(t, &paras)
            .into_iter()
            .map(|m| m.fragments.into_iter().map(|f| &t[f]).collect())
            .collect()
    }

    #[test]
    fn straight_and_curly_doubles() {
        let t = "\"We will win,\" she said. He said: \u{201c}No.\u{201d}";
        assert_eq!(quotes(t), [vec!["We will win,"], vec!["No."]]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "The voters\u{2019} choice in the \u{2019}90s was rock \u{2019}n\u{2019} roll, don't ask.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn singles_pair_and_nest_inside_doubles() {
        let t = "\"He said 'no' to me,\" she said. Obama sees 'personal insult' here.";
        assert_eq!(
            quotes(t),
            [vec!["He said 'no' to me,"], vec!["personal insult"]]
        );
    }

    #[test]
    fn a_block_marker_is_no_quote_and_turns_do_not_run_on() {
        // A straight mark opening a paragraph, never closed, around curly quotes.
        let t = "\"Trump walked on, chanting \u{201c}U-S-A!\u{201d}\n\n\u{201c}Right,\u{201d} she said.";
        assert_eq!(quotes(t), [vec!["U-S-A!"], vec!["Right,"]]);
        // Each transcript turn is its own quote, not one quote run on across paragraphs.
        let t = "\"WALLACE: Why?\n\n\"PENCE: Well, look.";
        assert_eq!(
            quotes(t),
            [vec!["WALLACE: Why?"], vec!["PENCE: Well, look."]]
        );
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let t = "Il a dit \u{ab}\u{a0}non\u{a0}\u{bb} et \u{201e}ja\u{201c}.";
        assert_eq!(quotes(t), [vec!["\u{a0}non\u{a0}"], vec!["ja"]]);
    }

    #[test]
    fn continued_paragraphs_form_one_quote() {
        let t = "\u{201c}First part.\n\n\u{201c}Second part,\u{201d} he said.\n\nNext.";
        assert_eq!(quotes(t), [vec!["First part.", "Second part,"]]);
    }

    #[test]
    fn unclosed_quote_closes_at_paragraph_end() {
        let t = "He said \"this never ends.\n\nOther paragraph \"closed\" here.";
        assert_eq!(quotes(t), [vec!["this never ends."], vec!["closed"]]);
    }

    #[test]
    fn stray_closer_is_ignored() {
        let t = "It was fine.\u{201d} Then \u{201c}ok\u{201d} and done.";
        assert_eq!(quotes(t), [vec!["ok"]]);
    }

    #[test]
    fn typewriter_double_apostrophes_and_tags() {
        let t = "a bipartisan ''Grand Bargain'' and <tweet id=\"1\">text</tweet> here";
        assert_eq!(quotes(t), [vec!["Grand Bargain"]]);
    }

    #[test]
    fn misused_closer_opens_at_paragraph_start() {
        let t = "\u{201d}Mr. Trump embodies it,\u{201d} she said.";
        assert_eq!(quotes(t), [vec!["Mr. Trump embodies it,"]]);
    }
}
