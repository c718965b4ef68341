//! The exact verification score of a candidate pair, over the two documents' shingle sets.
//!
//! `similarity = (jaccard + containment) / 2 * lead_gate`, where
//! - `jaccard = |A ∩ B| / |A ∪ B|` rewards two versions of the same length;
//! - `containment = |A ∩ B| / min(|A|, |B|)` keeps a trimmed copy (a subset of the original)
//!   high although its Jaccard falls with every cut paragraph;
//! - `lead_gate = min(1, lead / lead_floor)`, with `lead` the smaller of the two shares of each
//!   version's lead (its opening shingles) found anywhere in the other. A copy carries the top
//!   of its story, even under a new headline and a shortened lede; a different story that
//!   pasted in a few paragraphs of background has its own opening, so its lead is not in the
//!   other text and the gate closes. This is what separates "same story, heavily edited" from
//!   "same topic, shared background" when both share a third of their shingles.

use super::shingle::{intersection_size, ShingleProfile};

/// The parts of a verification, all in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Shingle Jaccard.
    pub jaccard: f64,
    /// Share of the smaller shingle set found in the larger.
    pub containment: f64,
    /// The smaller of the two lead shares (see the module comment).
    pub lead: f64,
    /// The combined score that the threshold applies to.
    pub similarity: f64,
}

/// Scores two profiles; `lead_floor` is the lead share at which the gate is fully open
/// (0 switches the gate off).
pub fn verify(a: &ShingleProfile, b: &ShingleProfile, lead_floor: f64) -> Verdict {
    if a.is_empty() || b.is_empty() {
        return Verdict {
            jaccard: 0.0,
            containment: 0.0,
            lead: 0.0,
            similarity: 0.0,
        };
    }
    let shared = intersection_size(&a.set, &b.set) as f64;
    let jaccard = shared / ((a.set.len() + b.set.len()) as f64 - shared).max(1.0);
    let containment = shared / a.set.len().min(b.set.len()) as f64;
    let lead = lead_share(a, b).min(lead_share(b, a));
    let gate = if lead_floor > 0.0 {
        (lead / lead_floor).min(1.0)
    } else {
        1.0
    };
    Verdict {
        jaccard,
        containment,
        lead,
        similarity: (jaccard + containment) / 2.0 * gate,
    }
}

/// Share of `a`'s lead shingles found anywhere in `b`.
fn lead_share(a: &ShingleProfile, b: &ShingleProfile) -> f64 {
    intersection_size(&a.lead, &b.set) as f64 / a.lead.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(range: std::ops::Range<u64>) -> ShingleProfile {
        ShingleProfile::new(&range.collect::<Vec<_>>(), 0.2)
    }

    #[test]
    fn identical_is_one() {
        let v = verify(&profile(0..50), &profile(0..50), 0.1);
        assert_eq!(v.similarity, 1.0);
    }

    #[test]
    fn trimmed_copy_keeps_containment() {
        let v = verify(&profile(0..100), &profile(0..60), 0.1);
        assert!((v.jaccard - 0.6).abs() < 1e-12 && v.containment == 1.0);
        assert!((v.similarity - 0.8).abs() < 1e-12);
    }

    #[test]
    fn shared_middle_without_lead_is_gated() {
        // b's opening (100..130) is its own; it shares a block with a's middle.
        let a = profile(0..100);
        let b: Vec<u64> = (100..130).chain(40..80).collect();
        let v = verify(&a, &ShingleProfile::new(&b, 0.2), 0.1);
        assert!(v.containment > 0.5 && v.lead == 0.0 && v.similarity == 0.0);
    }

    #[test]
    fn empty_is_zero() {
        assert_eq!(verify(&profile(0..0), &profile(0..5), 0.1).similarity, 0.0);
    }
}
