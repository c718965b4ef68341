//! Boilerplate: the page furniture a scraper copies with an article (menus, share and follow
//! prompts, newsletter pitches, cookie notices, "Related" lists, credits, footers).
//!
//! Each unit (`units.rs`) is measured and classed (`features.rs`, `lexicon.rs`). The main
//! content is the stretch of units with the best balance of prose over the rest (a maximum
//! sum run, as boilerpipe and jusText reason about neighbours); inside it, short lines such as
//! subheadings stay, furniture and the links after a "Related:" header go; outside it only
//! long prose stays. A text with no long prose at all has no article to compare against and
//! is left alone, so a single sentence is never judged boilerplate.

mod features;
mod lexicon;
mod units;

use super::edit::{Edit, Kind};
use features::{Class, Features};
use std::ops::Range;
use units::unit_ranges;

/// Outside the main content, prose this long with this many stop words still stays (an
/// article split in two by a large advertisement block).
const OUTSIDE_MIN_CHARS: usize = 300;
const OUTSIDE_MIN_STOP_DENSITY: f32 = 0.3;

/// The edits that remove boilerplate units from `text`.
pub fn boilerplate_edits(text: &str) -> Vec<Edit> {
    let ranges = unit_ranges(text);
    if ranges.len() < 2 {
        return Vec::new();
    }
    let feats: Vec<Features> = ranges
        .iter()
        .map(|r| Features::of(&text[r.clone()]))
        .collect();
    let classes: Vec<Class> = feats.iter().map(Features::class).collect();
    if !classes.contains(&Class::Good) {
        return Vec::new();
    }
    let region = main_region(&feats, &classes);
    let keep = decide(&feats, &classes, &region);
    ranges
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| !k)
        .map(|(r, _)| Edit::remove(r, Kind::Boilerplate, ""))
        .collect()
}

/// Non-prose units in a row beyond this many weigh as a list, not as subheadings.
const FREE_SHORT_RUN: usize = 2;

/// How much each unit pulls the main content towards itself (positive) or away (negative).
/// A short line costs little alone (a subheading) and more inside a long run of short lines
/// (a list of links).
fn weights(feats: &[Features], classes: &[Class]) -> Vec<i64> {
    let mut run = 0;
    feats
        .iter()
        .zip(classes)
        .map(|(f, &c)| {
            let n = f.chars as i64;
            run = match c {
                Class::Good | Class::NearGood => 0,
                Class::Number => run,
                _ => run + 1,
            };
            match c {
                Class::Good | Class::NearGood => n,
                Class::Number => 0,
                Class::Short if run <= FREE_SHORT_RUN => -5,
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
fn main_region(feats: &[Features], classes: &[Class]) -> Range<usize> {
    let w = weights(feats, classes);
    let region = max_sum_run(&w);
    let Some(marker) = region.clone().find(|&i| feats[i].comments) else {
        return region;
    };
    let before: i64 = w[region.start..marker].iter().sum();
    let after: i64 = w[marker..region.end].iter().sum();
    if before > 0 && 4 * before >= after.max(0) / 4 {
        max_sum_run(&w[region.start..marker]).start + region.start
            ..max_sum_run(&w[region.start..marker]).end + region.start
    } else {
        region
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
    let mut in_list = false;
    for i in 0..classes.len() {
        let c = classes[i];
        match c {
            Class::ListHeader => in_list = true,
            Class::Good => in_list = false,
            _ => {}
        }
        keep[i] = if region.contains(&i) {
            matches!(
                c,
                Class::Good | Class::NearGood | Class::Short | Class::Nav | Class::Number
            ) && !(in_list && c != Class::Good)
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
    let ranges = unit_ranges(&text);
    let feats: Vec<Features> = ranges
        .iter()
        .map(|r| Features::of(&text[r.clone()]))
        .collect();
    let classes: Vec<Class> = feats.iter().map(Features::class).collect();
    let region = main_region(&feats, &classes);
    let keep = decide(&feats, &classes, &region);
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
            "{mark}{inside} {:<10} c{:<5} w{:<4} sd{:.2} tr{:.2} | {snippet}",
            format!("{:?}", classes[i]),
            f.chars,
            f.words,
            f.stop_density(),
            f.title_ratio()
        );
    }
}
