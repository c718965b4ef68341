//! One article as the quote rules see it: the text with its paragraphs and sentences (from
//! the shared segmenter in `crate::text::sentences`), and lookups from a byte offset to the
//! paragraph or sentence around it.

use std::ops::Range;

use super::tokens::{tokenize, Tok};
use crate::text::sentences::{paragraph_spans, sentence_spans_in};

/// The text with its segmentation and tokens, all in byte ranges.
pub struct Doc<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    /// Every word and punctuation token of the text, in order.
    pub toks: Vec<Tok>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5);
        tokenize(text, 0..text.len(), &mut toks);
        let paragraphs = paragraph_spans(text);
        let sentences = sentence_spans_in(text, &paragraphs);
        Doc {
            text,
            paragraphs,
            sentences,
            toks,
        }
    }

    /// The tokens that lie wholly inside `range`.
    pub fn tokens(&self, range: Range<usize>) -> &[Tok] {
        let a = self.toks.partition_point(|t| t.start < range.start);
        let b = self.toks.partition_point(|t| t.end() <= range.end).max(a);
        &self.toks[a..b]
    }

    /// Index of the last span in `spans` that starts at or before `pos`.
    fn span_at(spans: &[Range<usize>], pos: usize) -> Option<usize> {
        spans.partition_point(|s| s.start <= pos).checked_sub(1)
    }

    /// The sentence that holds byte `pos` (or the last one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<Range<usize>> {
        Self::span_at(&self.sentences, pos).map(|i| self.sentences[i].clone())
    }

    /// Index of the paragraph that holds byte `pos` (or the last one before it).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        Self::span_at(&self.paragraphs, pos).unwrap_or(0)
    }

    /// The text of a byte range, empty when the range is not valid.
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        self.text.get(range).unwrap_or("")
    }
}
