//! `html=True`: a raw page in, the text of its main content out, as edits over the page so
//! every removal keeps its offsets into the HTML.
//!
//! The page is tokenized (`tokenizer.rs`) and its elements measured (`elements.rs`). Whole
//! elements go when they never hold article text (scripts, styles, navigation, headers,
//! footers, asides, forms' controls), when they are hidden, when their `class`/`id` names page
//! furniture, or when most of their text is link text; but never an element that holds most
//! of the page's text, and never `<article>`, `<main>` or `<body>`. Every other tag becomes a
//! paragraph break, a line break or nothing; whitespace inside text becomes single spaces.
//! The result is text with the page's block structure, which the text pipeline then cleans
//! (entities, code, metadata, boilerplate by the main-content region).

mod elements;
mod tags;
mod tokenizer;

use super::edit::{Edit, Kind};
use elements::{elements, Element};
use std::borrow::Cow;
use std::ops::Range;
use tokenizer::{tokenize, Token};

/// A furniture-named or link-heavy element is only dropped when it holds less than this share
/// of the page's text.
const MAX_DROPPED_SHARE: f64 = 0.5;
/// A furniture-named element with few links is only dropped below this share.
const MAX_PLAIN_FURNITURE_SHARE: f64 = 0.25;

/// The edits that turn the page `html` into structured text.
pub fn html_edits(html: &str) -> Vec<Edit> {
    let tokens = tokenize(html);
    let (els, total) = elements(html, &tokens);
    let dropped = dropped_tokens(&tokens, &els, total);
    let mut edits: Vec<Edit> = Vec::new();
    let mut pre_depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        if let Some(kind) = dropped[i] {
            let first = i;
            while i + 1 < tokens.len() && dropped[i + 1] == Some(kind) {
                i += 1;
            }
            let range = token_range(&tokens[first]).start..token_range(&tokens[i]).end;
            push(&mut edits, Edit::remove(range, kind, "\n\n"));
            i += 1;
            continue;
        }
        match &tokens[i] {
            Token::Text(r) if pre_depth == 0 => push_space_edits(html, r, &mut edits),
            Token::Text(_) => {}
            Token::Start { name, range, .. } => {
                pre_depth += usize::from(name == "pre");
                push(
                    &mut edits,
                    Edit::remove(range.clone(), Kind::Markup, tags::separator(name)),
                );
            }
            Token::End { name, range } => {
                pre_depth = pre_depth.saturating_sub(usize::from(name == "pre"));
                push(
                    &mut edits,
                    Edit::remove(range.clone(), Kind::Markup, tags::separator(name)),
                );
            }
            Token::RawText(r) => push(&mut edits, Edit::remove(r.clone(), Kind::Code, "\n\n")),
            Token::Other(r) => push(&mut edits, Edit::remove(r.clone(), Kind::Markup, "")),
        }
        i += 1;
    }
    edits
}

/// For every token, the kind of removal it falls under when an element around it goes.
fn dropped_tokens(tokens: &[Token], els: &[Element], total: usize) -> Vec<Option<Kind>> {
    let mut dropped = vec![None; tokens.len()];
    let mut covered_until = 0;
    for el in els {
        if el.start < covered_until {
            continue;
        }
        if let Some(kind) = drop_kind(el, total) {
            dropped[el.start..el.end]
                .iter_mut()
                .for_each(|d| *d = Some(kind));
            covered_until = el.end;
        }
    }
    dropped
}

/// Why an element goes, if it does.
fn drop_kind(el: &Element, total: usize) -> Option<Kind> {
    if let Some(kind) = tags::skipped(&el.name) {
        return Some(kind);
    }
    if el.main || matches!(el.name.as_str(), "html" | "body" | "main" | "article") {
        return None;
    }
    if el.hidden {
        return Some(Kind::Boilerplate);
    }
    let share = el.text as f64 / total.max(1) as f64;
    let link_share = el.link_text as f64 / el.text.max(1) as f64;
    let link_heavy = el.text > 0 && link_share > 0.5 && tags::separator(&el.name) == "\n\n";
    // A furniture name on a big block of plain text is a site naming its content "widget".
    let furniture = el.furniture && (share < MAX_PLAIN_FURNITURE_SHARE || link_share >= 0.3);
    (share < MAX_DROPPED_SHARE && (furniture || link_heavy)).then_some(Kind::Boilerplate)
}

fn token_range(t: &Token) -> Range<usize> {
    match t {
        Token::Text(r) | Token::RawText(r) | Token::Other(r) => r.clone(),
        Token::Start { range, .. } | Token::End { range, .. } => range.clone(),
    }
}

/// Whitespace inside text renders as one space: runs holding line breaks, tabs or several
/// spaces are rewritten.
fn push_space_edits(html: &str, r: &Range<usize>, edits: &mut Vec<Edit>) {
    let b = html.as_bytes();
    let mut i = r.start;
    while i < r.end {
        if !b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < r.end && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i - start > 1 || b[start] != b' ' {
            push(edits, Edit::replace(start..i, Cow::Borrowed(" ")));
        }
    }
}

/// Appends `edit`, merging it into the previous one when both are removals of the same kind
/// that touch (a run of tags is one removal, with the strongest separator among them).
fn push(edits: &mut Vec<Edit>, edit: Edit) {
    if let Some(last) = edits.last_mut() {
        if last.kind.is_some() && last.kind == edit.kind && last.range.end == edit.range.start {
            last.range.end = edit.range.end;
            if edit.with.len() > last.with.len() {
                last.with = edit.with;
            }
            return;
        }
    }
    edits.push(edit);
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply_to_str;
    use super::*;

    fn text(html: &str) -> String {
        apply_to_str(html, &html_edits(html))
    }

    #[test]
    fn keeps_article_drops_furniture() {
        let html = "<html><head><title>T</title><script>var x=1;</script></head><body>\
            <nav><ul><li><a href=/>Home</a></li></ul></nav>\
            <article><h1>Big  news</h1><p>The minister\n said <a href=x>today</a> it failed.</p><p>Second.</p></article>\
            <div class=\"share-buttons\">Share on Twitter</div><footer>(c) Site</footer></body></html>";
        let out = text(html);
        let paras: Vec<&str> = out
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(
            paras,
            ["Big news", "The minister said today it failed.", "Second."]
        );
    }

    #[test]
    fn link_lists_and_hidden_go() {
        let html = "<div><p>Prose that is long enough to be the main text of this little page, surely.</p>\
            <ul class=x><li><a>One link</a></li><li><a>Two link</a></li></ul><div style=\"display: none\">hid</div></div>";
        assert_eq!(
            text(html).split_whitespace().collect::<Vec<_>>().join(" "),
            "Prose that is long enough to be the main text of this little page, surely."
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(text("<pre>a\n  b</pre>").trim(), "a\n  b");
    }
}

/// Prints the dropped elements of the page named by `COPYDESK_EXPLAIN` (a tuning aid).
#[cfg(test)]
#[test]
#[ignore]
fn explain_drops() {
    let Ok(path) = std::env::var("COPYDESK_EXPLAIN") else {
        return;
    };
    let html = std::fs::read_to_string(path).expect("read");
    let tokens = tokenize(&html);
    let (els, total) = elements(&html, &tokens);
    let mut covered_until = 0;
    for el in &els {
        if el.start < covered_until {
            continue;
        }
        if let Some(kind) = drop_kind(el, total) {
            covered_until = el.end;
            if el.text > 200 {
                let at = token_range(&tokens[el.start]);
                println!(
                    "{kind:?} <{}> text {} links {} of {total} at {:?}: {}",
                    el.name,
                    el.text,
                    el.link_text,
                    at,
                    &html[at.clone()].chars().take(120).collect::<String>()
                );
            }
        }
    }
}
