//! Code glued to prose inside one line (`...she said.window.adq=window.adq||[];if(w<600){...}
//! The ministry later denied...`): the line is cut into tokens, each token is marked code,
//! prose or neutral from what it is glued to, and maximal runs of code tokens (allowing a
//! couple of prose-looking words inside, such as `if (w < 600)` or string contents) become
//! spans. A span is kept only if it is dense in code, so a stray `=` never eats a sentence.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word,
    Str,
    Punct(u8),
    Space,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Code,
    Prose,
    Neutral,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Tok,
    start: usize,
    end: usize,
    mark: Mark,
}

/// Least share of a span's bytes that must be code tokens.
const MIN_DENSITY: f32 = 0.55;
/// Prose-looking words a span may contain in a row.
const MAX_PROSE_RUN: usize = 2;

const KEYWORDS: &[&str] = &[
    "function",
    "var",
    "let",
    "const",
    "return",
    "typeof",
    "new",
    "this",
    "null",
    "undefined",
    "true",
    "false",
    "if",
    "else",
    "for",
    "while",
];

/// Byte ranges of code spans inside `line`.
pub fn code_spans(line: &str) -> Vec<Range<usize>> {
    let mut tokens = lex(line);
    mark_punct(line, &mut tokens);
    mark_words(line, &mut tokens);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].mark != Mark::Code {
            i += 1;
            continue;
        }
        let end = extend(&tokens, i);
        if let Some(span) = accept(line, &tokens, i, end) {
            spans.push(span);
        }
        i = end + 1;
    }
    spans
}

/// The last token of the span starting at `start`.
fn extend(tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    let mut prose_run = 0;
    for (j, t) in tokens.iter().enumerate().skip(start + 1) {
        match t.mark {
            Mark::Code => {
                end = j;
                prose_run = 0;
            }
            Mark::Prose => {
                prose_run += 1;
                if prose_run > MAX_PROSE_RUN {
                    break;
                }
            }
            Mark::Neutral => {}
        }
    }
    end
}

/// The byte range of tokens `start..=end` if it is a believable code span.
fn accept(line: &str, tokens: &[Token], mut start: usize, end: usize) -> Option<Range<usize>> {
    start = skip_prose_root(line, tokens, start, end);
    let span = tokens[start].start..tokens[end].end;
    let code: usize = tokens[start..=end]
        .iter()
        .filter(|t| t.mark == Mark::Code)
        .map(|t| t.end - t.start)
        .sum();
    let strong = tokens[start..=end]
        .iter()
        .filter(|t| is_strong(line, t))
        .count();
    let density = code as f32 / span.len().max(1) as f32;
    (density >= MIN_DENSITY && strong >= 2 && span.len() >= 6).then_some(span)
}

/// `she said.window.adq=`: the word before the first dot ends a sentence; code starts after.
fn skip_prose_root(line: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    let t = tokens[start];
    let word = &line[t.start..t.end];
    let dot_follows = tokens
        .get(start + 1)
        .is_some_and(|n| n.kind == Tok::Punct(b'.'))
        && start + 2 <= end;
    let after_prose =
        start >= 2 && tokens[start - 1].kind == Tok::Space && tokens[start - 2].mark == Mark::Prose;
    let plain = word.bytes().all(|b| b.is_ascii_lowercase())
        && !KEYWORDS.contains(&word)
        && !is_js_root(word);
    if t.kind == Tok::Word && dot_follows && (after_prose || start == 0) && plain {
        start + 2
    } else {
        start
    }
}

fn is_js_root(word: &str) -> bool {
    matches!(
        word,
        "window" | "document" | "console" | "googletag" | "jquery" | "navigator" | "location"
    )
}

fn is_strong(line: &str, t: &Token) -> bool {
    match t.kind {
        Tok::Punct(c) => {
            matches!(
                c,
                b'{' | b'}' | b';' | b'=' | b'|' | b'&' | b'[' | b']' | b'(' | b')'
            ) && t.mark == Mark::Code
        }
        Tok::Word => t.mark == Mark::Code && KEYWORDS.contains(&&line[t.start..t.end]),
        _ => false,
    }
}

fn lex(line: &str) -> Vec<Token> {
    let b = line.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (kind, end) = if c.is_ascii_whitespace() {
            (
                Tok::Space,
                i + b[i..]
                    .iter()
                    .take_while(|x| x.is_ascii_whitespace())
                    .count(),
            )
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || starts_alnum(line, i) {
            (Tok::Word, word_end(line, i))
        } else if matches!(c, b'"' | b'\'' | b'`') && in_string_position(&tokens) {
            match string_end(b, i) {
                Some(end) => (Tok::Str, end),
                None => (Tok::Punct(c), i + 1),
            }
        } else if c < 0x80 {
            (Tok::Punct(c), i + 1)
        } else {
            (
                Tok::Other,
                i + line[i..].chars().next().map_or(1, char::len_utf8),
            )
        };
        tokens.push(Token {
            kind,
            start: i,
            end,
            mark: Mark::Neutral,
        });
        i = end;
    }
    tokens
}

fn starts_alnum(line: &str, i: usize) -> bool {
    line.as_bytes()[i] >= 0x80 && line[i..].chars().next().is_some_and(char::is_alphanumeric)
}

fn word_end(line: &str, i: usize) -> usize {
    let mut end = i;
    for (off, ch) in line[i..].char_indices() {
        if ch.is_alphanumeric() || ch == '_' || ch == '$' {
            end = i + off + ch.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// A quote opens a string literal right after an operator or at the start.
fn in_string_position(tokens: &[Token]) -> bool {
    let prev = tokens.iter().rev().find(|t| t.kind != Tok::Space);
    match prev {
        None => true,
        Some(t) if t.kind == Tok::Punct(b',') => after_code_comma(tokens),
        Some(t) => matches!(
            t.kind,
            Tok::Punct(b'(' | b'=' | b':' | b'[' | b'{' | b'+' | b'?' | b'!' | b';')
        ),
    }
}

/// A comma opens a string only in a list of code values (`["a", "b"]`, `f(x, "y")`).
fn after_code_comma(tokens: &[Token]) -> bool {
    let mut before = tokens.iter().rev().filter(|t| t.kind != Tok::Space).skip(1);
    before
        .next()
        .is_some_and(|t| matches!(t.kind, Tok::Str | Tok::Punct(b')' | b']' | b'}')))
}

/// End (exclusive) of the string literal opening at `i`, on this line, within 400 bytes.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let quote = b[i];
    let mut j = i + 1;
    while j < b.len() && j - i < 400 {
        match b[j] {
            b'\\' => j += 2,
            c if c == quote => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

fn glued_prev(tokens: &[Token], i: usize) -> Option<&Token> {
    (i > 0 && tokens[i - 1].kind != Tok::Space).then(|| &tokens[i - 1])
}

fn glued_next(tokens: &[Token], i: usize) -> Option<&Token> {
    tokens.get(i + 1).filter(|t| t.kind != Tok::Space)
}

fn mark_punct(line: &str, tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let Tok::Punct(c) = tokens[i].kind else {
            continue;
        };
        let prev = glued_prev(tokens, i).map(|t| t.kind);
        let next = glued_next(tokens, i).map(|t| t.kind);
        let code = match c {
            // Prose has semicolons after a word and before a space (`victory; this is
            // defeat`) and brackets around words (`"it [the net] was"`); code glues its own.
            b';' => !(next.is_none() && prose_semicolon(line, tokens, i)),
            b'[' => !(prev.is_none() && next == Some(Tok::Word)),
            b']' => !(prev == Some(Tok::Word) && next.is_none()),
            b'{' | b'}' | b'=' | b'|' | b'&' | b'<' | b'>' | b'\\' => true,
            b'(' => {
                prev == Some(Tok::Word)
                    || matches!(next, Some(Tok::Punct(b')' | b'{' | b'(' | b'"' | b'\'')))
            }
            b')' => {
                matches!(next, Some(Tok::Punct(b';' | b'{' | b'.' | b')' | b',')))
                    || matches!(prev, Some(Tok::Punct(b'(')))
            }
            b'.' => is_member_dot(line, tokens, i),
            b',' | b':' => {
                let quote = |k: Option<Tok>| matches!(k, Some(Tok::Punct(b'"' | b'\'')));
                prev.is_some()
                    && next.is_some()
                    && !quote(prev)
                    && !quote(next)
                    && !digits_both_sides(line, tokens, i)
            }
            _ => false,
        };
        if code {
            tokens[i].mark = Mark::Code;
        }
    }
}

/// A semicolon that ends a clause of prose: right after a word, with a space after it (the
/// caller knows it is not glued to what follows). After a parenthesis it is code's
/// (`...}); Officials said`).
fn prose_semicolon(line: &str, tokens: &[Token], i: usize) -> bool {
    let before = tokens[i].start.checked_sub(1).map(|x| line.as_bytes()[x]);
    before.is_some_and(|b| b.is_ascii_alphanumeric())
}

fn is_member_dot(line: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(p), Some(n)) = (glued_prev(tokens, i), glued_next(tokens, i)) else {
        return false;
    };
    let left_ok = matches!(p.kind, Tok::Word | Tok::Punct(b')' | b']'))
        && (p.end - p.start > 1 || p.kind != Tok::Word);
    let right = line.as_bytes()[n.start];
    left_ok && n.kind == Tok::Word && (right.is_ascii_lowercase() || right == b'_' || right == b'$')
}

fn digits_both_sides(line: &str, tokens: &[Token], i: usize) -> bool {
    let b = line.as_bytes();
    let p = tokens[i].start.checked_sub(1).map(|x| b[x]);
    let n = b.get(tokens[i].end).copied();
    p.is_some_and(|x| x.is_ascii_digit()) && n.is_some_and(|x| x.is_ascii_digit())
}

fn mark_words(line: &str, tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let mark = match tokens[i].kind {
            Tok::Word => word_mark(line, tokens, i),
            Tok::Str => string_mark(tokens, i),
            _ => continue,
        };
        tokens[i].mark = mark;
    }
}

fn word_mark(line: &str, tokens: &[Token], i: usize) -> Mark {
    let t = tokens[i];
    let word = &line[t.start..t.end];
    let is_code = |x: Option<&Token>| x.is_some_and(|x| x.mark == Mark::Code);
    let next = glued_next(tokens, i);
    let prev = glued_prev(tokens, i);
    if is_code(next)
        && !matches!(
            next.map(|n| n.kind),
            Some(Tok::Punct(b';' | b',' | b':' | b'<' | b'>'))
        )
    {
        return Mark::Code;
    }
    if is_code(prev) && !starts_sentence(line, tokens, i) {
        return Mark::Code;
    }
    if matches!(next.map(|n| n.kind), Some(Tok::Punct(b';' | b','))) && is_code(prev) {
        return Mark::Code;
    }
    let near_code = |k: Option<&Token>| k.is_some_and(|k| k.mark == Mark::Code);
    let before = tokens[..i].iter().rev().find(|x| x.kind != Tok::Space);
    let after = tokens[i + 1..].iter().find(|x| x.kind != Tok::Space);
    if KEYWORDS.contains(&word) && (near_code(before) || near_code(after)) {
        return Mark::Code;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return Mark::Neutral;
    }
    Mark::Prose
}

/// `}The ministry later...`: a capitalised word followed by a lowercase word starts prose.
fn starts_sentence(line: &str, tokens: &[Token], i: usize) -> bool {
    let first = line[tokens[i].start..].chars().next().unwrap_or(' ');
    let space = tokens.get(i + 1).is_some_and(|t| t.kind == Tok::Space);
    let next_word = tokens.get(i + 2).filter(|t| t.kind == Tok::Word);
    first.is_uppercase()
        && space
        && next_word.is_some_and(|w| line[w.start..].starts_with(|c: char| c.is_lowercase()))
}

fn string_mark(tokens: &[Token], i: usize) -> Mark {
    let before = tokens[..i].iter().rev().find(|x| x.kind != Tok::Space);
    let after = tokens[i + 1..].iter().find(|x| x.kind != Tok::Space);
    let code_before = before.is_some_and(|t| {
        matches!(
            t.kind,
            Tok::Punct(b'(' | b'=' | b':' | b',' | b'[' | b'{' | b'+')
        )
    });
    let code_after = after.is_some_and(|t| {
        matches!(
            t.kind,
            Tok::Punct(b':' | b')' | b',' | b';' | b']' | b'}' | b'+')
        )
    });
    if code_before || code_after {
        Mark::Code
    } else {
        Mark::Prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(line: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for s in code_spans(line) {
            out.push_str(&line[last..s.start]);
            out.push('|');
            last = s.end;
        }
        out.push_str(&line[last..]);
        out
    }

    #[test]
    fn code_glued_between_sentences() {
        let line = "the talks failed,\" she said.window.adq=window.adq||[];adq.push({slot:\"mid\"});if(w<600){document.getElementById(\"ad\").style.display=\"none\"}The ministry later denied it.";
        assert_eq!(
            cut(line),
            "the talks failed,\" she said.|The ministry later denied it."
        );
    }

    #[test]
    fn spaced_code_after_prose() {
        let line = "He resigned on Monday. googletag.cmd.push(function() { googletag.display('div-1'); }); Officials declined to comment.";
        assert_eq!(
            cut(line),
            "He resigned on Monday. | Officials declined to comment."
        );
    }

    #[test]
    fn prose_with_punctuation_survives() {
        for line in [
            "The vote (held on Monday; see below) was 52-48, a margin of 4.",
            "\"We will win,\" she said: \"no doubt.\" A = B is not code here.",
            "Prices rose 3.5% in the U.S. and e.g. in Canada; inflation [sic] hit 4%.",
            "Its profit of 30.6bn yen ($291m; \u{a3}154m), up 31.8%, was a record.",
            "This is not a victory; this is a defeat, he wrote.",
            "\"Given it [the network] was built for everyone, it did well,\" she said.",
            "\"Our goal is that it [IPv6] should make no difference,\" he said.",
        ] {
            assert_eq!(cut(line), line);
        }
    }
}
