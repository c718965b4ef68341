//! Boilerplate: the page furniture a scraper copies with an article (menus, share and follow
//! prompts, newsletter pitches, cookie notices, "Related" lists, credits, footers).
//!
//! Each unit (`units.rs`) is measured and classed (`features.rs`, `lexicon.rs`). The main
//! content is the stretch of units with the best balance of prose over the rest (a maximum
//! sum run, as boilerpipe and jusText reason about neighbours); inside it, short lines such as
//! subheadings stay, furniture and the links after a "Related:" header go; outside it only
//! long prose stays. A text with no long prose at all has no article to compare against and
//! is left alone, so a single sentence is never judged boilerplate.

mod cjk;
mod features;
mod lexicon;
mod memo;
mod scan;
mod units;

use super::blocks::Block;
use super::edit::{Edit, Kind};
use crate::text::hash::BuildFnv;
use features::{Class, Features};
pub use memo::Measured;
use std::ops::Range;
use units::unit_ranges;

/// Outside the main content, prose this long with this many stop words still stays (an
/// article split in two by a large advertisement block).
const OUTSIDE_MIN_CHARS: usize = 300;
const OUTSIDE_MIN_STOP_DENSITY: f32 = 0.3;

/// The edits that remove boilerplate units from `text`.
#[cfg(test)]
pub fn boilerplate_edits(text: &str) -> Vec<Edit> {
    boilerplate_edits_in(text, &super::blocks::blocks(text), &mut Measured::default())
}

/// The edits that remove boilerplate units from `text`, whose blocks are `blocks`; units
/// that `measured` holds from the last pass are not measured again.
pub fn boilerplate_edits_in(text: &str, blocks: &[Block], measured: &mut Measured) -> Vec<Edit> {
    let Some(judged) = judge(text, blocks, measured) else {
        return Vec::new();
    };
    let edits = judged
        .ranges
        .iter()
        .zip(judged.keep)
        .filter(|(_, k)| !k)
        .map(|(r, _)| Edit::remove(r.clone(), Kind::Boilerplate, ""))
        .collect();
    measured.keep(text, judged.ranges, judged.feats);
    edits
}

/// Every unit of a text and what was decided about it (the middle fields serve the tuning
/// aid at the end of this file).
#[cfg_attr(not(test), allow(dead_code))]
struct Judged {
    ranges: Vec<Range<usize>>,
    feats: Vec<Features>,
    classes: Vec<Class>,
    region: Range<usize>,
    keep: Vec<bool>,
}

/// Judges the units of `text`; `None` when there is nothing to judge (one unit, or no long
/// prose to compare the rest against).
fn judge(text: &str, blocks: &[Block], measured: &mut Measured) -> Option<Judged> {
    let ranges = unit_ranges(blocks);
    if ranges.len() < 2 {
        return None;
    }
    let feats = measured.features(text, &ranges);
    let classes = ranges
        .iter()
        .zip(&feats)
        .map(|(r, f)| {
            let by_words = f.class();
            cjk::class(&text[r.clone()], f, by_words).unwrap_or(by_words)
        })
        .collect();
    let classes = table_cells(&feats, classes);
    if !classes.contains(&Class::Good) {
        return None;
    }
    let keys = dedup_keys(text, &ranges);
    let region = main_region(&feats, &classes, &repeats(&keys));
    let mut keep = decide(&feats, &classes, &region);
    drop_repeats(&keys, &mut keep);
    Some(Judged {
        ranges,
        feats,
        classes,
        region,
        keep,
    })
}

/// Short lines next to a number are table cells (`Kyle Busch` between `1` and `5040`), and
/// short lines that start with a number or a date are rows of data (`June 9 – Tampa, FL`):
/// they weigh nothing either way, like the numbers.
fn table_cells(feats: &[Features], mut classes: Vec<Class>) -> Vec<Class> {
    let numbers: Vec<bool> = classes.iter().map(|&c| c == Class::Number).collect();
    for i in 0..classes.len() {
        let beside_number =
            (i > 0 && numbers[i - 1]) || numbers.get(i + 1).copied().unwrap_or(false);
        if (beside_number || feats[i].data_row) && matches!(classes[i], Class::Nav | Class::Short) {
            classes[i] = Class::Cell;
        }
    }
    classes
}

/// Units shorter than this (in bytes) may repeat: "Share", "Read more".
const MIN_DEDUP_LEN: usize = 20;
/// A unit's fingerprint covers its length and this many opening bytes.
const DEDUP_BYTES: usize = 256;

/// The fingerprints of the units that may repeat one another. A fingerprint takes in the
/// unit's length in eighths, and for the same opening bytes a different length always gives a
/// different fingerprint (every mixing step is invertible), so a unit whose length in eighths
/// no other unit shares can only match another by a 64-bit hash collision: it gets none, and
/// most paragraphs of an article are never hashed.
fn dedup_keys(text: &str, ranges: &[Range<usize>]) -> Vec<Option<u64>> {
    let size = |r: &Range<usize>| (r.len() >= MIN_DEDUP_LEN).then_some(r.len() / 8);
    let mut sizes: Vec<usize> = ranges.iter().filter_map(size).collect();
    sizes.sort_unstable();
    let shared = |s: usize| {
        let first = sizes.partition_point(|&x| x < s);
        sizes.get(first + 1) == Some(&s)
    };
    ranges
        .iter()
        .map(|r| {
            size(r)
                .filter(|&s| shared(s))
                .and_then(|_| dedup_key(&text[r.clone()]))
        })
        .collect()
}

/// A unit's fingerprint for repeats: a hash of its opening bytes with ASCII letters
/// lower-cased and whitespace runs folded to one space, plus its length (a collision would
/// only drop one repeated-looking unit). Text with nothing to fold is hashed in place, eight
/// bytes at a time; other text is folded into a buffer first.
fn dedup_key(text: &str) -> Option<u64> {
    if text.len() < MIN_DEDUP_LEN {
        return None;
    }
    let window = &text.as_bytes()[..text.len().min(DEDUP_BYTES)];
    let mut buf = [0u8; DEDUP_BYTES];
    let folded = if needs_folding(window) {
        let n = fold_into(window, &mut buf);
        &buf[..n]
    } else {
        window
    };
    Some(chunk_hash(folded, text.len() / 8))
}

/// Does `window` hold whitespace other than single spaces? (Folds without early exits, which
/// the compiler turns into vector code.)
fn needs_folding(window: &[u8]) -> bool {
    let breaks = window.iter().fold(false, |acc, &b| {
        acc | matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')
    });
    let pairs = window
        .iter()
        .zip(&window[1..])
        .fold(false, |acc, (&a, &b)| acc | (a == b' ' && b == b' '));
    breaks || pairs
}

/// Copies `window` into `buf` with ASCII whitespace runs as one space; the folded length.
fn fold_into(window: &[u8], buf: &mut [u8; DEDUP_BYTES]) -> usize {
    let mut n = 0;
    let mut in_space = false;
    for &b in window {
        if b.is_ascii_whitespace() {
            if in_space {
                continue;
            }
            in_space = true;
            buf[n] = b' ';
        } else {
            in_space = false;
            buf[n] = b;
        }
        n += 1;
    }
    n
}

/// A hash of `bytes` with ASCII letters lower-cased, eight bytes at a time, and of `extra`.
fn chunk_hash(bytes: &[u8], extra: usize) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K) ^ extra as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h ^ lexicon::lower_ascii_u64(x))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ lexicon::lower_ascii_u64(u64::from_le_bytes(tail))).wrapping_mul(K);
    h ^ (h >> 32)
}

/// Up to this many units, repeats are found by comparing with every earlier key (a few dozen
/// compares cost less than building a hash set).
const SMALL_UNITS: usize = 48;

/// Which units repeat an earlier one (a menu shown twice, a second copy of the article).
fn repeats(keys: &[Option<u64>]) -> Vec<bool> {
    if keys.len() <= SMALL_UNITS {
        return keys
            .iter()
            .enumerate()
            .map(|(i, k)| k.is_some() && keys[..i].contains(k))
            .collect();
    }
    let mut seen = std::collections::HashSet::with_hasher(BuildFnv::default());
    keys.iter()
        .map(|k| k.is_some_and(|k| !seen.insert(k)))
        .collect()
}

/// An article never says the same paragraph twice: keep the first kept copy only.
fn drop_repeats(keys: &[Option<u64>], keep: &mut [bool]) {
    if keys.len() <= SMALL_UNITS {
        for i in 0..keys.len() {
            if keep[i] && keys[i].is_some() {
                keep[i] = !(0..i).any(|j| keep[j] && keys[j] == keys[i]);
            }
        }
        return;
    }
    let mut kept = std::collections::HashSet::with_hasher(BuildFnv::default());
    for (k, keep) in keys.iter().zip(keep.iter_mut()) {
        if let (true, Some(k)) = (*keep, k) {
            *keep = kept.insert(*k);
        }
    }
}

/// Non-prose units in a row beyond this many weigh as a list, not as subheadings.
const FREE_SHORT_RUN: usize = 2;

/// How much each unit pulls the main content towards itself (positive) or away (negative).
/// A short line costs little alone (a subheading) and more inside a long run of short lines
/// (a list of links).
fn weights(feats: &[Features], classes: &[Class], repeated: &[bool]) -> Vec<i64> {
    let mut run = 0;
    feats
        .iter()
        .zip(classes)
        .zip(repeated)
        .map(|((f, &c), &rep)| {
            let n = f.chars as i64;
            run = match c {
                Class::Good | Class::NearGood => 0,
                Class::Number | Class::Cell | Class::Phrase => run,
                _ => run + 1,
            };
            let free = run <= FREE_SHORT_RUN;
            if rep {
                // A repeat neither draws the main content nor pushes it away.
                return 0;
            }
            match c {
                Class::Good => n,
                Class::NearGood => n,
                Class::Phrase => n / 2,
                Class::Number | Class::Cell => 0,
                Class::Short if free => -5,
                Class::Short => -(10 + n / 2),
                Class::Nav => -(10 + n),
                Class::Bad => -(30 + n),
                Class::ListHeader => -50,
            }
        })
        .collect()
}

/// The run of units with the largest total weight (Kadane's algorithm), cut before a
/// comment section when the part before it carries the article.
fn main_region(feats: &[Features], classes: &[Class], repeated: &[bool]) -> Range<usize> {
    let w = weights(feats, classes, repeated);
    let mut region = max_sum_run(&w);
    if let Some(marker) = region.clone().find(|&i| feats[i].comments) {
        let before: i64 = w[region.start..marker].iter().sum();
        let after: i64 = w[marker..region.end].iter().sum();
        if before > 0 && 4 * before >= after {
            let inner = max_sum_run(&w[region.start..marker]);
            region = inner.start + region.start..inner.end + region.start;
        }
    }
    extend_back_over_lines(classes, extend_over_table(classes, region))
}

/// Short lines in sentence case right before the main content (a standfirst, a list of what
/// is new) belong to it; a menu item, furniture or a number stops the walk back.
fn extend_back_over_lines(classes: &[Class], mut region: Range<usize>) -> Range<usize> {
    let mut steps = 0;
    while region.start > 0
        && steps < MAX_LEADING_LINES
        && matches!(classes[region.start - 1], Class::Short | Class::Phrase)
    {
        region.start -= 1;
        steps += 1;
    }
    region
}

/// How many short lines before the main content may join it.
const MAX_LEADING_LINES: usize = 8;

/// A table or schedule right after the prose belongs to the article (cells weigh nothing,
/// so the maximum-sum run stops before them); a short heading over it comes along.
fn extend_over_table(classes: &[Class], mut region: Range<usize>) -> Range<usize> {
    let is_cell = |i: usize| matches!(classes.get(i), Some(Class::Cell | Class::Number));
    let is_heading = |i: usize| {
        matches!(
            classes.get(i),
            Some(Class::Short | Class::Nav | Class::Phrase)
        )
    };
    loop {
        let next = region.end;
        if is_cell(next) {
            region.end += 1;
        } else if is_heading(next) && is_cell(next + 1) {
            region.end += 2;
        } else {
            return region;
        }
    }
}

fn max_sum_run(w: &[i64]) -> Range<usize> {
    let mut best = (i64::MIN, 0..0);
    let mut sum = 0i64;
    let mut start = 0;
    for (i, &x) in w.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += x;
        if sum > best.0 {
            best = (sum, start..i + 1);
        }
    }
    best.1
}

/// Which units stay.
fn decide(feats: &[Features], classes: &[Class], region: &Range<usize>) -> Vec<bool> {
    let mut keep = vec![false; classes.len()];
    // After a "Related:" header, short lines are its links until prose resumes.
    let mut in_list = false;
    for (i, &c) in classes.iter().enumerate() {
        if i == region.start {
            in_list = false;
        }
        match c {
            Class::ListHeader => in_list = true,
            Class::Good | Class::NearGood => in_list = false,
            _ => {}
        }
        keep[i] = if region.contains(&i) {
            match c {
                Class::Good | Class::NearGood | Class::Number | Class::Cell => true,
                Class::Short | Class::Nav | Class::Phrase => !in_list,
                Class::Bad | Class::ListHeader => false,
            }
        } else {
            c == Class::Good
                && feats[i].chars >= OUTSIDE_MIN_CHARS
                && feats[i].stop_density() >= OUTSIDE_MIN_STOP_DENSITY
        };
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply_to_str;
    use super::*;

    fn strip(t: &str) -> String {
        let out = apply_to_str(t, &boilerplate_edits(t));
        out.split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("|")
    }

    const P1: &str = "Two United States service members have been killed in a helicopter crash in Afghanistan, the US military said in a statement on Wednesday.";
    const P2: &str = "The Afghan Taliban, however, claimed responsibility for shooting down the helicopter, which it said crashed in Logar province south of the capital Kabul.";
    const P3: &str = "It did not reveal the crash location and said it was withholding the names of those killed until next of kin could be told.";

    #[test]
    fn keeps_article_with_subheading_drops_furniture() {
        let t = format!("Home\n\nNews\n\nSport\n\nWeather\n\n{P1} {P3}\n\nMore:\n\nAfghan woman politician sees talks as hope\n\n{P2}\n\nHostage swap\n\n{P3} {P1}\n\nShare this article\n\nSign up for our newsletter\n\nPrivacy Policy\n\nCookie Policy");
        assert_eq!(strip(&t), format!("{P1} {P3}|{P2}|Hostage swap|{P3} {P1}"));
    }

    #[test]
    fn repeats_agree_for_few_and_many_units() {
        // Keys 0..7 repeat with gaps, some units have none; the first 40 take the compare
        // path, all 120 the hash-set path.
        let keys: Vec<Option<u64>> = (0..120u64)
            .map(|i| (i % 5 != 0).then_some(i * 7 % 11))
            .collect();
        let keep: Vec<bool> = (0..120).map(|i| i % 3 != 0).collect();
        let many = (repeats(&keys), {
            let mut k = keep.clone();
            drop_repeats(&keys, &mut k);
            k
        });
        let few = (repeats(&keys[..40]), {
            let mut k = keep[..40].to_vec();
            drop_repeats(&keys[..40], &mut k);
            k
        });
        assert_eq!(few.0, many.0[..40]);
        assert_eq!(few.1, many.1[..40]);
        assert!(few.0.contains(&true) && few.1.contains(&false));
    }

    #[test]
    fn leaves_texts_without_prose_alone() {
        for t in [
            "Connect with us on Facebook",
            "Join our fan list and receive news, events, and more!\nShare",
        ] {
            assert_eq!(strip(t), t.replace('\n', "|"));
        }
    }
}

/// Prints how each unit of the file named by `COPYDESK_EXPLAIN` is judged (a tuning aid:
/// `COPYDESK_EXPLAIN=page.txt cargo test --lib explain_units -- --ignored --nocapture`).
#[cfg(test)]
#[test]
#[ignore]
fn explain_units() {
    let Ok(path) = std::env::var("COPYDESK_EXPLAIN") else {
        return;
    };
    let raw = std::fs::read_to_string(path).expect("read");
    let opts = super::CleanOptions {
        boilerplate: false,
        whitespace: false,
        ..Default::default()
    };
    let text = super::clean(&raw, &opts);
    let Some(Judged {
        ranges,
        feats,
        classes,
        region,
        keep,
    }) = judge(
        &text,
        &super::blocks::blocks(&text),
        &mut Measured::default(),
    )
    else {
        return;
    };
    for (i, r) in ranges.iter().enumerate() {
        let f = &feats[i];
        let mark = if keep[i] { "+" } else { "-" };
        let inside = if region.contains(&i) { "R" } else { " " };
        let snippet: String = text[r.clone()]
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " ");
        println!(
            "{mark}{inside} {:<10} c{:<5} w{:<4} sd{:.2} ls{:.2} tr{:.2} | {snippet}",
            format!("{:?}", classes[i]),
            f.chars,
            f.words,
            f.stop_density(),
            f.lower_stop_share(),
            f.title_ratio()
        );
    }
}
