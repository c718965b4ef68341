//! The measurements of the units judged in the last pass. A text that changed in a pass is
//! cleaned again, and most of its units come back byte for byte: those take their
//! measurements from the pass before instead of being measured again (measuring is most of
//! what judging boilerplate costs).

use super::features::Features;
use std::ops::Range;

/// How many units past the expected one an unchanged unit is looked for (a pass removes a
/// few units at most between two that stay).
const LOOK_AHEAD: usize = 4;

/// The last text judged, its units and their measurements.
#[derive(Default)]
pub struct Measured {
    text: String,
    ranges: Vec<Range<usize>>,
    feats: Vec<Features>,
}

impl Measured {
    /// The measurements of the units `ranges` of `text`, reusing those of equal units of the
    /// last text kept.
    pub fn features(&self, text: &str, ranges: &[Range<usize>]) -> Vec<Features> {
        let mut next = 0;
        ranges
            .iter()
            .map(|r| {
                let unit = &text[r.clone()];
                self.earlier(unit, &mut next)
                    .unwrap_or_else(|| Features::of(unit))
            })
            .collect()
    }

    /// Keeps `text`, its units and their measurements for the next pass.
    pub fn keep(&mut self, text: &str, ranges: Vec<Range<usize>>, feats: Vec<Features>) {
        self.text.clear();
        self.text.push_str(text);
        self.ranges = ranges;
        self.feats = feats;
    }

    /// The measurements of a unit of the last text equal to `unit`, looked for from the unit
    /// after the last one found (units keep their order between passes).
    fn earlier(&self, unit: &str, next: &mut usize) -> Option<Features> {
        let end = self.ranges.len().min(*next + LOOK_AHEAD);
        let found = (*next..end).find(|&k| self.text[self.ranges[k].clone()] == *unit)?;
        *next = found + 1;
        Some(self.feats[found])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Measurements as their fields print (`Features` has no equality of its own).
    fn shown(f: &[Features]) -> Vec<String> {
        f.iter().map(|f| format!("{f:?}")).collect()
    }

    fn units(text: &str) -> Vec<Range<usize>> {
        let mut start = 0;
        text.split('\n')
            .map(|l| {
                let r = start..start + l.len();
                start = r.end + 1;
                r
            })
            .collect()
    }

    #[test]
    fn reused_measurements_are_the_fresh_ones() {
        let first = "Home\nThe minister said on Monday that the talks had failed.\nShare this\nNews\nMore news today";
        let second = "The minister said on Monday that the talks had failed.\nNews\nNew line here\nMore news today";
        let mut memo = Measured::default();
        memo.keep(first, units(first), memo.features(first, &units(first)));
        let reused = memo.features(second, &units(second));
        let fresh: Vec<Features> = units(second)
            .into_iter()
            .map(|r| Features::of(&second[r]))
            .collect();
        assert_eq!(shown(&reused), shown(&fresh));
        assert_eq!(memo.earlier("News", &mut 0).map(|f| f.chars), Some(4));
    }
}
