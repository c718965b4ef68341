//! Mojibake repair: UTF-8 text that was read as a single-byte code page (`donâ€™t`,
//! `rÃ©gime`, `РґРѕСЂРѕРіРµ`), once or several times over, put back; correct text left alone.
//!
//! The idea is the one ftfy published: encode the suspicious characters back to bytes with the
//! code page that produced them and decode those bytes as UTF-8. The decisions are our own.
//! Each line is read once per code page: every character that encodes to a UTF-8 lead byte and
//! is followed by characters that encode to the continuation bytes it needs is a *candidate*
//! (see `candidates.rs`). A candidate is kept only if what it decodes to is a plausible
//! character in its context (`plausible.rs`), and a line is repaired only when the kept
//! candidates carry enough evidence for that code page. A line that re-encodes completely
//! needs less evidence than one where mojibake sits next to correct text. Repairs repeat until
//! nothing changes, which undoes double encoding.
//!
//! Not handled: legacy 8-bit text that never was UTF-8, and encodings other than those in
//! `codepages.rs`.

mod candidates;
mod plausible;

use super::edit::{Edit, Tracked};
use candidates::{find_candidates, Candidate, Encoding, Scan, ENCODINGS};
use plausible::judge;

/// Repairs mojibake in place until a pass finds nothing more (double encoding takes two).
pub fn repair(text: &mut Tracked) {
    // Every repair shortens the text, so this ends; the bound is only a guard.
    text.apply_until_stable(16, mojibake_edits);
}

/// The edits of one repair pass over `text`.
pub fn mojibake_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    if text.is_ascii() {
        return edits;
    }
    // Lines as the final text will have them: every line break the whitespace step knows
    // (LF, CR, VT, FF, U+2028, U+2029), found byte by byte.
    let b = text.as_bytes();
    // VT and FF are rare: only when the text has them is every byte looked at.
    let rare_breaks = memchr::memchr2(0x0B, 0x0C, b).is_some();
    let mut start = 0;
    let mut i = 0;
    while i <= b.len() {
        if !rare_breaks {
            i += memchr::memchr3(b'\n', b'\r', 0xE2, &b[i.min(b.len())..])
                .unwrap_or(b.len() - i.min(b.len()));
        }
        let sep = match b.get(i) {
            None => 1,
            Some(b'\n' | b'\r' | 0x0B | 0x0C) => 1,
            Some(0xE2) if matches!(b.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => 3,
            Some(_) => {
                i += 1;
                continue;
            }
        };
        let line = &text[start..i];
        if !line.is_ascii() {
            line_edits(line, start, &mut edits);
        }
        i += sep;
        start = i;
    }
    edits
}

/// What one code page makes of a line.
struct Reading {
    kept: Vec<(Candidate, char)>,
    whole_line: bool,
}

fn line_edits(line: &str, offset: usize, edits: &mut Vec<Edit>) {
    if !candidates::may_hold_mojibake(line) {
        return;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut best: Option<Reading> = None;
    for enc in ENCODINGS.iter() {
        let Some(reading) = read_as(&chars, enc) else {
            continue;
        };
        // A complete reading beats a partial one; otherwise the more common code page wins.
        let better = match &best {
            None => true,
            Some(b) => reading.whole_line && !b.whole_line,
        };
        if better {
            best = Some(reading);
        }
    }
    let Some(reading) = best else { return };
    for (cand, decoded) in reading.kept {
        let start = offset + chars[cand.start].0;
        let end = offset + chars.get(cand.end).map_or(line.len(), |c| c.0);
        edits.push(Edit::replace(start..end, cand.replacement(decoded)));
    }
}

/// Reads the line through `enc`: the candidates worth repairing, or `None` when the line
/// does not read as mojibake of this code page.
fn read_as(chars: &[(usize, char)], enc: &Encoding) -> Option<Reading> {
    let Scan {
        candidates,
        failed_leads,
        non_ascii,
        foreign,
    } = find_candidates(chars, enc)?;
    let decoded: Vec<char> = candidates.iter().map(|c| c.decoded).collect();
    let mut kept = Vec::new();
    let mut evidence = 0;
    let mut meaningful = 0;
    for (i, cand) in candidates.iter().enumerate() {
        if let Some(weight) = judge(chars, &candidates, &decoded, i, enc) {
            evidence += weight;
            meaningful += usize::from(weight > 0);
            kept.push((cand.clone(), cand.decoded));
        }
    }
    // Most of what looks like mojibake under this code page decodes to nonsense: it is not
    // this code page's mojibake.
    if candidates.len() - kept.len() > meaningful {
        return None;
    }
    // Broken leads, or characters this code page cannot have produced, outnumbering the
    // repairs: the line is something else (garbled beyond repair, or another language).
    let lost_in_kept = kept.iter().filter(|(c, _)| c.lost_byte).count();
    if kept.is_empty()
        || 2 * failed_leads > kept.len()
        || foreign.saturating_sub(lost_in_kept) > kept.len()
    {
        return None;
    }
    let covered: usize = kept
        .iter()
        .map(|(c, _)| {
            chars[c.start..c.end]
                .iter()
                .filter(|x| counts_for_coverage(x.1))
                .count()
        })
        .sum();
    let whole_line = covered == non_ascii;
    let needed = enc.min_evidence + u32::from(!whole_line);
    (evidence >= needed).then_some(Reading { kept, whole_line })
}

/// Characters a complete reading must explain: non-ASCII ones, except spaces, which the
/// whitespace step turns into plain spaces anyway (so a no-break space must not decide
/// between a complete and a partial reading).
pub(crate) fn counts_for_coverage(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

#[cfg(test)]
mod tests;
