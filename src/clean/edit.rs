//! Edits and the offset map: how every stage of the cleaner says what it changes, and how a
//! position in a rewritten text is carried back to the input the caller passed in.
//!
//! A stage looks at the current text and returns [`Edit`]s (a byte range, what replaces it,
//! and, for a removal, its [`Kind`]). [`Tracked::apply`] rewrites the text and, when tracking
//! is on, keeps a list of [`Piece`]s saying where each stretch of the new text came from in
//! the input. A removal is recorded straight away in input coordinates, so its text is always
//! `input[start..end]`, whatever earlier stages (entity decoding, mojibake repair) rewrote.
//!
//! This is not a diff: stages must emit sorted, non-overlapping edits.

use std::borrow::Cow;
use std::ops::Range;

/// Why a stretch of the input was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Leaked JavaScript, CSS, JSON blobs.
    Code,
    /// HTML tags and template markup.
    Markup,
    /// Share prompts, navigation, newsletter pitches, cookie notices, credits, footers.
    Boilerplate,
    /// Date fields, datelines, bylines, "Updated ..." lines, wire sign-offs.
    Metadata,
    /// Control characters that carry no text.
    Control,
}

impl Kind {
    /// The name used in reports (`"code"`, `"boilerplate"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Code => "code",
            Kind::Markup => "markup",
            Kind::Boilerplate => "boilerplate",
            Kind::Metadata => "metadata",
            Kind::Control => "control",
        }
    }
}

/// One change a stage wants: replace `range` of the current text by `with`. A `kind` makes it
/// a reported removal (`with` is then a separator such as `" "` or `"\n"`, or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub with: Cow<'static, str>,
    pub kind: Option<Kind>,
}

impl Edit {
    /// A rewrite that is not a removal (entity decoding, mojibake repair, ...).
    pub fn replace(range: Range<usize>, with: impl Into<Cow<'static, str>>) -> Self {
        Edit {
            range,
            with: with.into(),
            kind: None,
        }
    }

    /// A removal of `range`, leaving `separator` in its place.
    pub fn remove(range: Range<usize>, kind: Kind, separator: &'static str) -> Self {
        Edit {
            range,
            with: Cow::Borrowed(separator),
            kind: Some(kind),
        }
    }
}

/// Applies sorted, non-overlapping `edits` to a plain string (no offset map).
pub fn apply_to_str(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for e in edits {
        out.push_str(&text[last..e.range.start]);
        out.push_str(&e.with);
        last = e.range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A removal in input byte offsets; the public report converts them to code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRemoval {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// A stretch of the current text and the input range it stands for. A copied piece maps
/// byte for byte; a rewritten one maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Start in the current text; the piece ends where the next one starts.
    out: usize,
    src: usize,
    src_end: usize,
    copied: bool,
}

/// The text being cleaned, with (optionally) its map back to the input and the removals so far.
#[derive(Debug, Clone)]
pub struct Tracked {
    text: String,
    /// `None` when tracking is off: plain `clean()` does not pay for the map.
    pieces: Option<Vec<Piece>>,
    removals: Vec<RawRemoval>,
    /// How many applied edits changed the text: a pass that adds none was a no-op.
    changes: usize,
}

impl Tracked {
    /// Starts from `input`; `track` turns on the offset map and the removal log.
    pub fn new(input: &str, track: bool) -> Self {
        let pieces = track.then(|| {
            if input.is_empty() {
                Vec::new()
            } else {
                vec![Piece {
                    out: 0,
                    src: 0,
                    src_end: input.len(),
                    copied: true,
                }]
            }
        });
        Tracked {
            text: input.to_string(),
            pieces,
            removals: Vec::new(),
            changes: 0,
        }
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many edits have changed the text so far.
    pub fn changes(&self) -> usize {
        self.changes
    }

    /// Ends the pipeline: the text and the removals (input byte ranges, sorted, disjoint).
    pub fn finish(self) -> (String, Vec<RawRemoval>) {
        (self.text, disjoint(self.removals))
    }

    /// Applies sorted, non-overlapping `edits` to the current text.
    pub fn apply(&mut self, edits: &[Edit]) {
        if edits.is_empty() {
            return;
        }
        debug_assert!(edits.windows(2).all(|w| w[0].range.end <= w[1].range.start));
        let old = self.text.as_str();
        self.changes += edits
            .iter()
            .filter(|e| old[e.range.clone()] != *e.with)
            .count();
        let grow: usize = edits.iter().map(|e| e.with.len()).sum();
        let mut out = String::with_capacity(old.len() + grow);
        let mut last = 0;
        let mut new_pieces = self
            .pieces
            .as_ref()
            .map(|p| Vec::with_capacity(p.len() + 2 * edits.len()));
        let mut removals = Vec::new();
        for edit in edits {
            let Range { start, end } = edit.range.clone();
            out.push_str(&old[last..start]);
            if let Some(np) = new_pieces.as_mut() {
                self.copy_pieces(last..start, out.len() - (start - last), np);
                let src = self.to_input(start..end);
                if let Some(kind) = edit.kind.filter(|_| start < end) {
                    removals.push(RawRemoval {
                        range: src.clone(),
                        kind,
                    });
                }
                if !edit.with.is_empty() {
                    // A removal's separator stands for no input text: a later removal that
                    // covers it must not claim the removed span a second time.
                    let src = if edit.kind.is_some() {
                        src.end..src.end
                    } else {
                        src
                    };
                    np.push(Piece {
                        out: out.len(),
                        src: src.start,
                        src_end: src.end,
                        copied: false,
                    });
                }
            }
            out.push_str(&edit.with);
            last = end;
        }
        out.push_str(&old[last..]);
        if let Some(np) = new_pieces.as_mut() {
            self.copy_pieces(last..old.len(), out.len() - (old.len() - last), np);
        }
        self.removals.extend(removals);
        self.text = out;
        if new_pieces.is_some() {
            self.pieces = new_pieces;
        }
    }

    /// Applies `edits_of` again and again until it has nothing to change (at most `rounds`).
    pub fn apply_until_stable(&mut self, rounds: usize, edits_of: fn(&str) -> Vec<Edit>) {
        for _ in 0..rounds {
            let edits = edits_of(self.text());
            if edits.is_empty() {
                return;
            }
            self.apply(&edits);
        }
    }

    /// The input range that `range` of the current text stands for (empty without tracking).
    pub fn to_input(&self, range: Range<usize>) -> Range<usize> {
        let Some(pieces) = self.pieces.as_ref() else {
            return 0..0;
        };
        if pieces.is_empty() {
            return 0..0;
        }
        let start = self.map_start(pieces, range.start);
        let end = self.map_end(pieces, range.end).max(start);
        start..end
    }

    /// Index of the piece containing byte `pos` of the current text (the last piece for `len`).
    fn piece_at(pieces: &[Piece], pos: usize) -> usize {
        pieces.partition_point(|p| p.out <= pos).saturating_sub(1)
    }

    fn piece_end(&self, pieces: &[Piece], i: usize) -> usize {
        pieces.get(i + 1).map_or(self.text.len(), |p| p.out)
    }

    fn map_start(&self, pieces: &[Piece], pos: usize) -> usize {
        let i = Self::piece_at(pieces, pos);
        let p = pieces[i];
        if pos >= self.piece_end(pieces, i) {
            return p.src_end;
        }
        if p.copied {
            p.src + (pos - p.out)
        } else {
            p.src
        }
    }

    fn map_end(&self, pieces: &[Piece], pos: usize) -> usize {
        if pos == 0 {
            return pieces[0].src;
        }
        let i = Self::piece_at(pieces, pos - 1);
        let p = pieces[i];
        if p.copied {
            p.src + (pos - p.out)
        } else {
            p.src_end
        }
    }

    /// Appends to `into` the pieces covering `range` of the current text, placed at `at` in
    /// the new text; neighbouring copied pieces that continue each other are merged.
    fn copy_pieces(&self, range: Range<usize>, at: usize, into: &mut Vec<Piece>) {
        let Some(pieces) = self.pieces.as_ref() else {
            return;
        };
        if range.is_empty() {
            return;
        }
        let mut i = Self::piece_at(pieces, range.start);
        while i < pieces.len() && pieces[i].out < range.end {
            let p = pieces[i];
            let p_end = self.piece_end(pieces, i);
            let lo = range.start.max(p.out);
            let hi = range.end.min(p_end);
            if lo < hi {
                let piece = if p.copied {
                    Piece {
                        out: at + (lo - range.start),
                        src: p.src + (lo - p.out),
                        src_end: p.src + (hi - p.out),
                        copied: true,
                    }
                } else {
                    Piece {
                        out: at + (lo - range.start),
                        ..p
                    }
                };
                push_merged(into, piece);
            }
            i += 1;
        }
    }
}

fn push_merged(into: &mut Vec<Piece>, piece: Piece) {
    if let Some(prev) = into.last_mut() {
        if prev.copied && piece.copied && prev.src_end == piece.src {
            prev.src_end = piece.src_end;
            return;
        }
    }
    into.push(piece);
}

/// Makes removals disjoint: a later stage's removal can cover a rewritten piece whose input
/// also holds an earlier removal; the earlier one keeps its span and the later one keeps the
/// rest. The result is sorted by start.
fn disjoint(removals: Vec<RawRemoval>) -> Vec<RawRemoval> {
    let mut taken: Vec<Range<usize>> = Vec::new(); // sorted, disjoint
    let mut out = Vec::with_capacity(removals.len());
    for r in removals {
        let mut pos = r.range.start;
        let first = taken.partition_point(|t| t.end <= r.range.start);
        for t in &taken[first..] {
            if t.start >= r.range.end {
                break;
            }
            if t.start > pos {
                out.push(RawRemoval {
                    range: pos..t.start,
                    kind: r.kind,
                });
            }
            pos = pos.max(t.end);
        }
        if pos < r.range.end {
            out.push(RawRemoval {
                range: pos..r.range.end,
                kind: r.kind,
            });
        }
        insert_range(&mut taken, r.range);
    }
    out.sort_by_key(|r| (r.range.start, r.range.end));
    out
}

/// Inserts `range` into sorted disjoint `ranges`, merging what it touches.
fn insert_range(ranges: &mut Vec<Range<usize>>, range: Range<usize>) {
    let lo = ranges.partition_point(|t| t.end < range.start);
    let hi = ranges.partition_point(|t| t.start <= range.end);
    if lo >= hi {
        ranges.insert(lo, range);
        return;
    }
    let merged = ranges[lo].start.min(range.start)..ranges[hi - 1].end.max(range.end);
    ranges.splice(lo..hi, std::iter::once(merged));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tracked(s: &str) -> Tracked {
        Tracked::new(s, true)
    }

    #[test]
    fn removal_text_is_input_slice_after_rewrites() {
        let input = "a&amp;b CODE; rest";
        let mut t = tracked(input);
        t.apply(&[Edit::replace(1..6, "&")]);
        assert_eq!(t.text(), "a&b CODE; rest");
        let code = t.text().find("CODE").unwrap();
        t.apply(&[Edit::remove(code..code + 6, Kind::Code, "")]);
        let (text, removed) = t.finish();
        assert_eq!(text, "a&b rest");
        assert_eq!(removed.len(), 1);
        assert_eq!(&input[removed[0].range.clone()], "CODE; ");
    }

    #[test]
    fn removal_over_rewritten_piece_takes_its_whole_source() {
        let input = "x &quot;y&quot; z";
        let mut t = tracked(input);
        t.apply(&[Edit::replace(2..8, "\""), Edit::replace(9..15, "\"")]);
        assert_eq!(t.text(), "x \"y\" z");
        t.apply(&[Edit::remove(2..5, Kind::Boilerplate, "")]);
        let (_, removed) = t.finish();
        assert_eq!(&input[removed[0].range.clone()], "&quot;y&quot;");
    }

    #[test]
    fn later_removal_does_not_reclaim_earlier_one() {
        let input = "keep. junk{x:1}junk. keep";
        let mut t = tracked(input);
        t.apply(&[Edit::remove(10..15, Kind::Code, " ")]);
        assert_eq!(t.text(), "keep. junk junk. keep");
        t.apply(&[Edit::remove(6..16, Kind::Boilerplate, "")]);
        let (text, removed) = t.finish();
        assert_eq!(text, "keep.  keep");
        let got: Vec<_> = removed
            .iter()
            .map(|r| (&input[r.range.clone()], r.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("junk", Kind::Boilerplate),
                ("{x:1}", Kind::Code),
                ("junk.", Kind::Boilerplate)
            ]
        );
    }

    #[test]
    fn untracked_applies_edits_only() {
        let mut t = Tracked::new("abc", false);
        t.apply(&[Edit::remove(1..2, Kind::Code, "")]);
        let (text, removed) = t.finish();
        assert_eq!(text, "ac");
        assert!(removed.is_empty());
    }

    #[test]
    fn maps_positions_after_deletions() {
        let input = "0123456789";
        let mut t = tracked(input);
        t.apply(&[Edit::remove(2..5, Kind::Code, "")]);
        assert_eq!(t.text(), "0156789");
        assert_eq!(t.to_input(2..4), 5..7);
        assert_eq!(t.to_input(0..7), 0..10);
    }
}
