//! The elements of a page, from its tokens: where each starts and ends (in tokens), how much
//! text it holds, how much of that is link text, whether it is hidden or named as page
//! furniture, and whether it holds the page's main prose. The stack of open elements follows
//! the usual recoveries: an end tag closes everything opened after its start tag, a stray end
//! tag is ignored, a new paragraph or list item closes the open one, body content closes the
//! head, void and self-closing elements never open.

use super::tags::{hides, is_void, names_furniture, separator};
use super::tokenizer::{attribute, Token};

/// One element.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    /// Index of its start tag.
    pub start: usize,
    /// Index of the first token after it (its end tag included).
    pub end: usize,
    /// Non-space characters of text inside it.
    pub text: usize,
    /// Of which inside links.
    pub link_text: usize,
    pub hidden: bool,
    pub furniture: bool,
    /// The element holds (or is) one of the page's main paragraphs: never dropped as furniture.
    pub main: bool,
    parent: Option<usize>,
    /// Text directly in this block, outside nested blocks and links.
    own_prose: usize,
}

/// How many open elements an end tag may close at once.
const MAX_END_TAG_SEARCH: usize = 64;
/// Blocks with at least this share of the longest block's own prose are main paragraphs.
const MAIN_SHARE: f64 = 0.5;
/// ... and at least this much of it (non-space characters).
const MAIN_MIN: usize = 80;
/// A block with this much prose of its own counts as a paragraph for its container.
const MIN_PARAGRAPH: usize = 25;

/// Elements that a new block of their kind closes when still open.
fn closes_open(new: &str, open: &str) -> bool {
    match open {
        "p" => matches!(
            new,
            "p" | "div"
                | "ul"
                | "ol"
                | "li"
                | "table"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "pre"
                | "form"
                | "figure"
                | "dl"
        ),
        "li" => new == "li",
        "dt" | "dd" => matches!(new, "dt" | "dd"),
        "td" | "th" => matches!(new, "td" | "th" | "tr"),
        "tr" => new == "tr",
        "option" => new == "option",
        // Anything that is not head matter starts the body.
        "head" => !matches!(
            new,
            "title" | "meta" | "link" | "script" | "style" | "base" | "noscript" | "template"
        ),
        _ => false,
    }
}

/// An open element: its index, and the text and link-text totals when it opened.
struct Open {
    el: usize,
    text: usize,
    links: usize,
}

/// Builds the element list in one pass over the tokens.
#[derive(Default)]
struct Builder {
    out: Vec<Element>,
    stack: Vec<Open>,
    /// Open block elements (indices into `out`), innermost last.
    blocks: Vec<usize>,
    text: usize,
    link_text: usize,
    open_links: usize,
}

impl Builder {
    fn text(&mut self, s: &str) {
        let n = s.chars().filter(|c| !c.is_whitespace()).count();
        self.text += n;
        if self.open_links > 0 {
            self.link_text += n;
        } else if let Some(&b) = self.blocks.last() {
            self.out[b].own_prose += n;
        }
    }

    fn start(
        &mut self,
        html: &str,
        i: usize,
        name: &str,
        attrs: &std::ops::Range<usize>,
        self_closing: bool,
    ) {
        while self
            .stack
            .last()
            .is_some_and(|top| closes_open(name, &self.out[top.el].name))
        {
            self.close(i);
        }
        let class = attribute(html, attrs, "class").unwrap_or("");
        let id = attribute(html, attrs, "id").unwrap_or("");
        let hidden = hides(
            attribute(html, attrs, "style"),
            attribute(html, attrs, "hidden").is_some(),
            attribute(html, attrs, "aria-hidden"),
        );
        self.out.push(Element {
            name: name.to_string(),
            start: i,
            end: i + 1,
            text: 0,
            link_text: 0,
            hidden,
            furniture: names_furniture(class) || names_furniture(id),
            main: false,
            parent: self.stack.last().map(|o| o.el),
            own_prose: 0,
        });
        if is_void(name) || self_closing {
            return;
        }
        let el = self.out.len() - 1;
        self.stack.push(Open {
            el,
            text: self.text,
            links: self.link_text,
        });
        if name == "a" {
            self.open_links += 1;
        }
        if separator(name) == "\n\n" {
            self.blocks.push(el);
        }
    }

    fn end(&mut self, i: usize, name: &str) {
        // Look a bounded way down the stack: a stray end tag deep in broken markup is ignored
        // rather than searched for (keeps the pass linear).
        let found = self
            .stack
            .iter()
            .rev()
            .take(MAX_END_TAG_SEARCH)
            .position(|o| self.out[o.el].name == name);
        if let Some(k) = found {
            let depth = self.stack.len() - 1 - k;
            while self.stack.len() > depth {
                self.close(i + 1);
            }
        }
    }

    /// Closes the top element at token index `end`.
    fn close(&mut self, end: usize) {
        let Some(open) = self.stack.pop() else { return };
        let el = &mut self.out[open.el];
        el.end = end;
        el.text = self.text - open.text;
        el.link_text = self.link_text - open.links;
        if el.name == "a" {
            self.open_links = self.open_links.saturating_sub(1);
        }
        if self.blocks.last() == Some(&open.el) {
            self.blocks.pop();
        }
    }

    fn finish(mut self, tokens: usize) -> (Vec<Element>, usize) {
        while !self.stack.is_empty() {
            self.close(tokens);
        }
        mark_main(&mut self.out);
        (self.out, self.text)
    }
}

/// Marks as main, with all their ancestors: the blocks with the most prose of their own, and
/// the container whose paragraphs add up to the most prose (each paragraph counting fully for
/// its parent and half for its grandparent, as readability scores containers).
fn mark_main(out: &mut [Element]) {
    let best = out.iter().map(|e| e.own_prose).max().unwrap_or(0);
    let threshold = ((best as f64 * MAIN_SHARE) as usize).max(MAIN_MIN);
    let mut container_score = vec![0usize; out.len()];
    for e in out.iter().filter(|e| e.own_prose >= MIN_PARAGRAPH) {
        if let Some(p) = e.parent {
            container_score[p] += 2 * e.own_prose;
            if let Some(g) = out[p].parent {
                container_score[g] += e.own_prose;
            }
        }
    }
    let container = (0..out.len())
        .max_by_key(|&i| container_score[i])
        .filter(|&i| container_score[i] > 0);
    let seeds = (0..out.len())
        .filter(|&i| out[i].own_prose >= threshold)
        .chain(container);
    for seed in seeds.collect::<Vec<_>>() {
        let mut at = Some(seed);
        while let Some(e) = at {
            if out[e].main && e != seed {
                break;
            }
            out[e].main = true;
            at = out[e].parent;
        }
    }
}

/// The elements of `tokens`, in start order, and the page's total text.
pub fn elements(html: &str, tokens: &[Token]) -> (Vec<Element>, usize) {
    let mut b = Builder::default();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(r) => b.text(&html[r.clone()]),
            Token::Start {
                name,
                attrs,
                self_closing,
                ..
            } => b.start(html, i, name, attrs, *self_closing),
            Token::End { name, .. } => b.end(i, name),
            Token::RawText(_) | Token::Other(_) => {}
        }
    }
    b.finish(tokens.len())
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::tokenize;
    use super::*;

    #[test]
    fn spans_and_text() {
        let html =
            "<div class=\"share-bar\"><a href=x>Tweet</a></div><p>One<p>Two <a>link</a></div>";
        let toks = tokenize(html);
        let (els, total) = elements(html, &toks);
        let names: Vec<(&str, usize, usize, bool)> = els
            .iter()
            .map(|e| (e.name.as_str(), e.text, e.link_text, e.furniture))
            .collect();
        assert_eq!(
            names,
            [
                ("div", 5, 5, true),
                ("a", 5, 5, false),
                ("p", 3, 0, false),
                ("p", 7, 4, false),
                ("a", 4, 4, false)
            ]
        );
        assert_eq!(total, 15);
    }

    #[test]
    fn main_prose_and_its_ancestors() {
        let long = "word ".repeat(40);
        let html = format!("<body><div class=rail><ul><li><a>x</a></li></ul><div><p>{long}</p></div></div><p>short</p></body>");
        let toks = tokenize(&html);
        let (els, _) = elements(&html, &toks);
        let main: Vec<&str> = els
            .iter()
            .filter(|e| e.main)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(main, ["body", "div", "div", "p"]);
    }
}
