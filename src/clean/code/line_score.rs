//! How much a line looks like code, from one pass over its bytes: punctuation glued to
//! identifiers (`a.b(c)`, `x=y;`, `{margin:0}`), operators prose never uses (`=>`, `||`,
//! `!==`), JSON members (`"key": value`), CSS (`!important`, `#fff`, `12px`), comments and a
//! few keywords in the positions code puts them. Against that it counts prose: pairs of words
//! joined by a single space. URLs count as neither.

/// The evidence one line gives.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineScore {
    /// Weighted code signals.
    pub code: f32,
    /// Word-space-word pairs: the shape of prose.
    pub prose_pairs: u32,
    /// Alphanumeric characters.
    pub alnum: u32,
    /// The line is code however wordy it is: a JSON or object member (`"key": value`), a
    /// comment, a CSS selector line, or text with string escapes (`\u2019`, `<\/p>`).
    pub certain: bool,
}

/// What a line is, as far as code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    Blank,
    Code,
    Prose,
    Unsure,
}

impl LineScore {
    /// Code signals per prose pair (plus one, so short lines are not free).
    pub fn density(&self) -> f32 {
        self.code / (self.prose_pairs as f32 + 1.0)
    }

    /// The class of a line with this score.
    pub fn class(&self) -> LineClass {
        if self.alnum == 0 {
            return if self.code > 0.0 {
                LineClass::Code
            } else {
                LineClass::Blank
            };
        }
        let d = self.density();
        if self.code >= 3.0 && d >= 0.6 {
            LineClass::Code
        } else if self.code < 1.0 || d < 0.15 {
            LineClass::Prose
        } else {
            LineClass::Unsure
        }
    }
}

/// How many leading bytes of a line are scored.
pub const MAX_SCORED: usize = 4096;

/// Scores one line (without its line break).
pub fn score_line(line: &str) -> LineScore {
    // A long line is judged on its opening: minified scripts and style sheets run to
    // hundreds of kilobytes, and their first few are as telling as all of them.
    let mut end = line.len().min(MAX_SCORED);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let line = &line[..end];
    let b = line.as_bytes();
    let mut s = LineScore::default();
    let trimmed = line.trim_start();
    if is_json_member(trimmed) {
        s.code += 5.0;
        s.certain = true;
    }
    if is_comment_line(trimmed) || is_object_member(trimmed) || is_css_selector_line(trimmed) {
        s.code += 5.0;
        s.certain = true;
    }
    if memchr::memchr(b'\\', b).is_some()
        && (count_escapes(b) >= 2 || line.contains("<\\/") || has_unicode_escape(b))
    {
        s.code += 5.0;
        s.certain = true;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match BYTE_KINDS[usize::from(c)] {
            Byte::Quiet => i += 1,
            Byte::Digit => {
                s.alnum += 1;
                i += 1;
            }
            Byte::Letter => {
                if matches!(c, b'h' | b'w') {
                    if let Some(end) = url_end(b, i) {
                        i = end;
                        continue;
                    }
                }
                i = score_word(b, i, &mut s);
            }
            Byte::NonAscii => {
                // Non-ASCII letters: prose in other scripts.
                let ch = line[i..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    s.alnum += 1;
                    if line[i + ch.len_utf8()..].starts_with(' ') {
                        s.prose_pairs += 1;
                    }
                }
                i += ch.len_utf8();
            }
            Byte::Punct => {
                if c == b'/'
                    && b.get(i + 1) == Some(&b'/')
                    && s.code > 0.0
                    && (i == 0 || b[i - 1] != b':')
                {
                    // A comment after code: the rest of the line is not prose.
                    s.code += 3.0;
                    break;
                }
                s.code += punct_weight(b, i);
                i += 1;
            }
        }
    }
    s
}

/// Scores the word of ASCII letters, digits, `_` and `$` starting at `i`; returns its end.
#[inline]
fn score_word(b: &[u8], i: usize, s: &mut LineScore) -> usize {
    let mut end = i + 1;
    while end < b.len() && is_ident(b[end]) {
        end += 1;
    }
    if could_be_keyword(&b[i..end]) {
        s.code += keyword_weight(b, i, end);
    }
    if end - i >= 2
        && b.get(end) == Some(&b' ')
        && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        s.prose_pairs += 1;
    }
    s.alnum += (end - i) as u32;
    end
}

/// What the scoring loop does with a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// Spaces and punctuation that weigh nothing wherever they stand.
    Quiet,
    Digit,
    Letter,
    NonAscii,
    /// Punctuation whose weight depends on its neighbours ([`punct_weight`]).
    Punct,
}

static BYTE_KINDS: [Byte; 256] = byte_kinds();

const fn byte_kinds() -> [Byte; 256] {
    let mut t = [Byte::Quiet; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            Byte::NonAscii
        } else if b.is_ascii_alphabetic() {
            Byte::Letter
        } else if b.is_ascii_digit() {
            Byte::Digit
        } else if matches!(
            b,
            b'{' | b'}'
                | b';'
                | b'='
                | b'|'
                | b'&'
                | b'('
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b':'
                | b'"'
                | b'\''
                | b'.'
                | b'$'
                | b'\\'
                | b'*'
                | b'!'
                | b'@'
                | b'#'
                | b'/'
        ) {
            Byte::Punct
        } else {
            Byte::Quiet
        };
        c += 1;
    }
    t
}

/// A JSON object member line: `"key": value` (value a string, number, object, array,
/// `true`, `false` or `null`).
pub fn is_json_member(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('"') else {
        return false;
    };
    let Some(close) = rest.find('"') else {
        return false;
    };
    if close == 0 || close > 80 {
        return false;
    }
    let after = rest[close + 1..].trim_start();
    let Some(value) = after.strip_prefix(':') else {
        return false;
    };
    let v = value.trim_start();
    v.is_empty()
        || v.starts_with(['"', '{', '[', '-'])
        || v.starts_with(|c: char| c.is_ascii_digit())
        || v.starts_with("true")
        || v.starts_with("false")
        || v.starts_with("null")
}

/// String escapes (`\n`, `\"`, `\u2019`, `<\/`): text copied out of a script's string
/// literals, never typed by an author.
fn count_escapes(b: &[u8]) -> usize {
    b.windows(2)
        .filter(|w| w[0] == b'\\' && matches!(w[1], b'n' | b't' | b'r' | b'"' | b'/' | b'u'))
        .count()
}

/// `\u2019`: a `\u` and four hex digits, how JSON writes characters.
fn has_unicode_escape(b: &[u8]) -> bool {
    b.windows(6)
        .any(|w| w[0] == b'\\' && w[1] == b'u' && w[2..].iter().all(u8::is_ascii_hexdigit))
}

/// A whole-line comment: `// ...`, `/* ... */`, `<!-- ... -->`, or a line inside a block
/// comment (`* @param x`).
fn is_comment_line(t: &str) -> bool {
    (t.starts_with("//") && !t.starts_with("///"))
        || (t.starts_with("/*") && t.ends_with("*/"))
        || (t.starts_with("<!--") && t.ends_with("-->"))
}

/// A JavaScript object member: a lower-case or camelCase key, a colon and one value
/// (`eventCategory: 'Gallery',`, `mode: 'thumbnails-b',`, `enabled: true`).
pub fn is_object_member(t: &str) -> bool {
    let key_len = t.bytes().take_while(|&c| is_ident(c)).count();
    if key_len == 0 || !t.as_bytes()[0].is_ascii_lowercase() && t.as_bytes()[0] != b'_' {
        return false;
    }
    let Some(value) = t[key_len..].trim_start().strip_prefix(':') else {
        return false;
    };
    let value = value.trim().trim_end_matches(',');
    let quoted = value.len() >= 2
        && ((value.starts_with('\'') && value.ends_with('\''))
            || (value.starts_with('"') && value.ends_with('"')));
    let ident = !value.is_empty()
        && value.bytes().all(|c| is_ident(c) || c == b'.')
        && (value
            .bytes()
            .any(|c| c.is_ascii_uppercase() || c == b'_' || c == b'.')
            || matches!(value, "true" | "false" | "null"))
        && value.as_bytes()[0].is_ascii_lowercase();
    (quoted && !value[1..value.len() - 1].contains(['\'', '"']))
        || ident
        || value.parse::<f64>().is_ok()
}

/// One line of a CSS selector list: `.topbar-wrapp,`, `.site-logo img {`,
/// `.menu ul > li:hover,`. Every token is a selector piece and the line ends with `,` or `{`.
fn is_css_selector_line(t: &str) -> bool {
    if !t.ends_with([',', '{']) || t.len() < 3 {
        return false;
    }
    let body = t[..t.len() - 1].trim_end();
    let mut marked = false;
    for tok in body.split_whitespace() {
        let tok = tok.trim_end_matches(',');
        let first = tok.as_bytes().first().copied().unwrap_or(b' ');
        marked |= matches!(first, b'.' | b'#') || tok.contains([':', '.', '#', '[']);
        let piece = matches!(first, b'.' | b'#' | b'[' | b':' | b'>' | b'+' | b'~' | b'*')
            || (first.is_ascii_lowercase()
                && tok
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.#:[]=()\"'>*".contains(&c)));
        if !piece {
            return false;
        }
    }
    marked
}

/// The end of a URL starting at `i`, if one does.
fn url_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let is_start =
        rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"www.");
    if !is_start || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    Some(
        i + rest
            .iter()
            .take_while(|x| !x.is_ascii_whitespace() && !matches!(x, b'"' | b'\'' | b')' | b'<'))
            .count(),
    )
}

/// ASCII letters, digits, `_` and `$`: the bytes of an identifier.
#[inline]
fn is_ident(c: u8) -> bool {
    IDENT[usize::from(c)]
}

static IDENT: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
        c += 1;
    }
    t
};

/// Weight of the punctuation byte at `i` in context.
fn punct_weight(b: &[u8], i: usize) -> f32 {
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    let next = b.get(i + 1).copied().unwrap_or(b'\n');
    match b[i] {
        b'{' | b'}' => 2.0,
        // `; K Morgan (Newport), T Shanklin; ...`: a list of names set out with semicolons,
        // as team line-ups and award lists are; code never starts a statement with a capital
        // after a semicolon and a space but for a class name.
        b';' if next == b' '
            && (prev.is_ascii_alphanumeric() || prev == b')')
            && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) =>
        {
            0.0
        }
        b';' if next == b' ' && (prev.is_ascii_alphanumeric() || prev == b')') => 0.6,
        b';' => 2.0,
        b'=' if matches!(next, b'=' | b'>') || matches!(prev, b'!' | b'=' | b'<' | b'>') => 1.5,
        b'=' => 2.0,
        b'|' if next == b'|' => 1.5,
        b'&' if next == b'&' => 1.5,
        b'(' if next == b')' => 2.0,
        b'(' if is_ident(prev) => 1.0,
        b'[' | b']' => 0.5,
        b'<' | b'>' => 0.5,
        b':' if prev.is_ascii_alphanumeric()
            && !next.is_ascii_whitespace()
            && !(prev.is_ascii_digit() && next.is_ascii_digit()) =>
        {
            1.0
        }
        b'"' if matches!(next, b':' | b',' | b';' | b')' | b']' | b'}') => 1.0,
        b'"' | b'\'' if matches!(prev, b'(' | b'=' | b'[' | b'+') => 1.0,
        b'.' if (is_ident(prev) || prev == b')' || prev == b']')
            && (next.is_ascii_lowercase() || next == b'_' || next == b'$')
            && !single_letter_before(b, i) =>
        {
            1.0
        }
        b'$' if !next.is_ascii_digit() => 1.0,
        b'\\' => 1.0,
        b'*' if prev == b'/' || next == b'/' => 1.5,
        b'!' if b[i + 1..].starts_with(b"important") => 3.0,
        b'@' if [&b"media"[..], b"import", b"font-face", b"keyframes"]
            .iter()
            .any(|k| b[i + 1..].starts_with(k)) =>
        {
            3.0
        }
        b'#' if is_hex_colour(&b[i + 1..]) => 1.0,
        _ => 0.0,
    }
}

/// `e.g.`: a one-letter segment before the dot is an abbreviation, not an object.
fn single_letter_before(b: &[u8], i: usize) -> bool {
    i >= 1 && b[i - 1].is_ascii_alphabetic() && (i < 2 || !is_ident(b[i - 2]))
}

fn is_hex_colour(rest: &[u8]) -> bool {
    let n = rest.iter().take_while(|x| x.is_ascii_hexdigit()).count();
    (n == 3 || n == 6) && !rest.get(n).is_some_and(|x| x.is_ascii_alphanumeric())
}

/// A cheap test before [`keyword_weight`]: the keywords are 2 to 10 bytes long, and each
/// length has only a few first letters ([`KEYWORD_STARTS`]).
#[inline]
fn could_be_keyword(word: &[u8]) -> bool {
    KEYWORD_STARTS
        .get(word.len())
        .is_some_and(|&letters| letters & letter_bit(word[0]) != 0)
}

/// Bit of a letter (`a` = bit 0, `z` = bit 25; other bytes share bit 31).
const fn letter_bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        1 << 31
    }
}

/// For each word length, the first letters of the keywords of that length.
static KEYWORD_STARTS: [u32; 11] = {
    let keywords: [&[u8]; 19] = [
        b"function",
        b"var",
        b"let",
        b"const",
        b"typeof",
        b"instanceof",
        b"undefined",
        b"null",
        b"true",
        b"false",
        b"return",
        b"window",
        b"document",
        b"jQuery",
        b"googletag",
        b"console",
        b"px",
        b"em",
        b"rem",
    ];
    let mut t = [0u32; 11];
    let mut k = 0;
    while k < keywords.len() {
        t[keywords[k].len()] |= letter_bit(keywords[k][0]);
        k += 1;
    }
    t
};

/// Keywords in the position code puts them.
/// What the word starting at byte `start` of the line `b` adds to the line's code weight as a
/// keyword, in tenths: what the scoring loop adds when its word starts there (0 for a word
/// that is no keyword or stands where code does not put it).
pub fn keyword_tenths_at(b: &[u8], start: usize) -> u32 {
    let mut end = start + 1;
    while end < b.len() && is_ident(b[end]) {
        end += 1;
    }
    if !could_be_keyword(&b[start..end]) {
        return 0;
    }
    // Every weight is a whole number of tenths.
    (keyword_weight(b, start, end) * 10.0).round() as u32
}

fn keyword_weight(b: &[u8], start: usize, end: usize) -> f32 {
    if start > 0 && is_ident(b[start - 1]) {
        return 0.0;
    }
    let word = &b[start..end];
    let next = b.get(end).copied().unwrap_or(b' ');
    let after = || skip_spaces(b, end);
    let prev = if start > 0 { b[start - 1] } else { b' ' };
    match word {
        b"function"
            if after()
                .first()
                .is_some_and(|&c| c == b'(' || c.is_ascii_alphabetic()) =>
        {
            2.0
        }
        b"var" | b"let" | b"const" if next == b' ' && declares(after()) => 2.0,
        b"typeof" | b"instanceof" | b"undefined" => 2.0,
        b"null" | b"true" | b"false"
            if matches!(next, b',' | b';' | b')' | b'}' | b']')
                || matches!(prev, b':' | b'=' | b'(') =>
        {
            1.0
        }
        b"return"
            if after()
                .first()
                .is_some_and(|&c| matches!(c, b';' | b'(' | b'{' | b'!' | b'"' | b'\'')) =>
        {
            1.0
        }
        b"window" | b"document" | b"jQuery" | b"googletag" | b"console"
            if next == b'.' || next == b'(' =>
        {
            2.0
        }
        b"px" | b"em" | b"rem" if start > 0 && prev.is_ascii_digit() => 1.0,
        _ => 0.0,
    }
}

fn skip_spaces(b: &[u8], from: usize) -> &[u8] {
    let rest = &b[from.min(b.len())..];
    let n = rest.iter().take_while(|&&c| c == b' ').count();
    &rest[n..]
}

/// `var x =` / `let x;` / `const {a} =`: a declaration, not the English word.
fn declares(after: &[u8]) -> bool {
    let n = after.iter().take_while(|&&c| is_ident(c)).count();
    if n == 0 {
        return after.first().is_some_and(|&c| c == b'{' || c == b'[');
    }
    let rest = skip_spaces(after, n);
    rest.first()
        .is_some_and(|&c| matches!(c, b'=' | b';' | b','))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(l: &str) -> LineClass {
        score_line(l).class()
    }

    #[test]
    fn code_lines() {
        for l in [
            "window.privLanguage = 'EN';",
            "var _sf_startpt=(new Date()).getTime()",
            "}",
            "});",
            ".heXaKt{display:-webkit-box;display:flex;padding:0;color:#E6E6E6;}",
            "/* sc-component-id: Box-sc-1fet97o-0 */",
            "\"@context\": \"http://schema.org\",",
            "\"headline\": \"US service members killed in Afghanistan helicopter crash\",",
            "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
            "if(document.getElementById(\"MAD\").style.display !== \"none\") {",
            "background: #FCFCFC;",
            "eventCategory: 'Gallery',",
            "onclick: onTaboolaClick",
            "// Set value for custom dimension at index 1.",
            ".topbar-wrapp,",
            ".sticky-header-prepared.basel-top-bar-on .header-shop,",
            ".menu ul > li:hover {",
            "var loadAllstories = 1; //1 - load all stories at once --- 0 - on reaching the end",
            "Whether you\\u2019re a founder<\\/span>, an early employee or an executive, it matters.",
        ] {
            assert_eq!(class(l), LineClass::Code, "{l}");
        }
    }

    #[test]
    fn urls_are_not_code() {
        assert_ne!(class("http://example.com/a?b=c&d=e;f"), LineClass::Code);
    }

    #[test]
    fn prose_lines() {
        for l in [
            "The cause of the crash is under investigation, however preliminary reports do not indicate it was caused by enemy fire.",
            "(Reporting by Jane Doe; Editing by John Smith)",
            "Read more at https://www.example.com/path?a=1&b=2 today.",
            "Tickets: $25; students: $10.",
            "Hartley; Ames, Duval (capt), Okoro, Lund; Pryce, Tew; Marsh, Ivey; Cole, Brant.",
            "A Brant (Leeds); C Ivey (York), D Marsh (Hull, capt); E Okoro (Bath).",
            "It cost 3.5 million, e.g. more than expected (see below).",
            "Home",
            "Der Minister sagte am Mittwoch, dass die Gespräche gescheitert seien.",
            "Score: 3-1 at 10:30 in the final.",
            "Source: Reuters",
            "note: this is not code, it is a sentence.",
            "apples, pears,",
        ] {
            assert_eq!(class(l), LineClass::Prose, "{l}");
        }
    }
}
