//! Scoring a group of queries (one per SIMD lane) against a run of choices: builds the lane
//! pattern once, runs the multi-query kernels of `multi.rs` on each choice and hands every
//! finished score to a sink (a matrix slot, a top-k heap). The CPU's vector width is detected
//! at run time, so one wheel runs on any x86-64 and uses AVX2 or AVX-512 where present;
//! `COPYDESK_SIMD=avx512|avx2|portable|off` forces a narrower path for benchmarks and tests.
//! Everything the kernels call must inline into the `#[target_feature]` entry points below
//! (closures marked `#[inline(always)]` too): code left out of line runs without the vector
//! features, several times slower (check with `objdump -d` for calls inside `run_avx2`).

use std::ops::Range;
use std::sync::OnceLock;

use super::jaro;
use super::metric::Metric;
use super::multi::{self, LanePattern};
use super::prepared::Prepared;
use super::query::{apply_cutoff, normalized};

/// The vector instruction set the multi-query kernels run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Simd {
    /// 8 lanes of 64 bits.
    Avx512,
    /// 4 lanes of 64 bits.
    Avx2,
    /// 2 lanes of 64 bits (SSE2, which every x86-64 has, or plain words elsewhere).
    Portable,
    /// No grouping: one query at a time through the single-query kernels.
    Off,
}

impl Simd {
    /// Queries per group.
    pub fn lanes(self) -> usize {
        match self {
            Simd::Avx512 => 8,
            Simd::Avx2 => 4,
            Simd::Portable => 2,
            Simd::Off => 1,
        }
    }

    /// True when this CPU can run the path.
    pub fn is_available(self) -> bool {
        match self {
            #[cfg(target_arch = "x86_64")]
            Simd::Avx512 => {
                is_x86_feature_detected!("avx512f")
                    && is_x86_feature_detected!("avx512vl")
                    && is_x86_feature_detected!("avx512bw")
                    && Simd::Avx2.is_available()
            }
            // Every feature `run_avx2` enables, BMI included: a CPU (or a VM) may expose AVX2
            // without BMI, and calling the entry point there would be undefined behaviour.
            #[cfg(target_arch = "x86_64")]
            Simd::Avx2 => {
                is_x86_feature_detected!("avx2")
                    && is_x86_feature_detected!("popcnt")
                    && is_x86_feature_detected!("bmi1")
                    && is_x86_feature_detected!("bmi2")
            }
            #[cfg(not(target_arch = "x86_64"))]
            Simd::Avx512 | Simd::Avx2 => false,
            Simd::Portable | Simd::Off => true,
        }
    }

    /// The widest available path, or the one `COPYDESK_SIMD` names when the CPU has it.
    pub fn detect() -> Simd {
        static CHOSEN: OnceLock<Simd> = OnceLock::new();
        *CHOSEN.get_or_init(|| {
            let forced = match std::env::var("COPYDESK_SIMD").as_deref() {
                Ok("avx512") => Some(Simd::Avx512),
                Ok("avx2") => Some(Simd::Avx2),
                Ok("portable") => Some(Simd::Portable),
                Ok("off") => Some(Simd::Off),
                _ => None,
            };
            forced
                .into_iter()
                .chain([Simd::Avx512, Simd::Avx2, Simd::Portable])
                .find(|s| s.is_available())
                .unwrap_or(Simd::Portable)
        })
    }
}

/// True when the multi-query kernels can score `metric`.
pub fn supports(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::Levenshtein | Metric::Indel | Metric::Osa | Metric::Jaro | Metric::JaroWinkler
    )
}

/// Scores each of `queries` (at most `simd.lanes()`, all [`supports`]-ed) against
/// `choices[cols]`, calling `sink(lane, choice, score)`; scores below `cutoff` are 0.0.
pub fn score_group<S: FnMut(usize, usize, f64)>(
    simd: Simd,
    metric: Metric,
    queries: &[&[char]],
    choices: &[Prepared],
    cols: Range<usize>,
    cutoff: f64,
    sink: S,
) {
    assert!(
        queries.len() <= simd.lanes(),
        "a group holds at most one query per lane"
    );
    let job = Job {
        metric,
        queries,
        choices,
        cols,
        cutoff,
    };
    match simd {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `run_avx512` is safe Rust compiled with `#[target_feature]`; calling it is
        // sound exactly when the CPU has every feature it enables (avx512f/vl/bw, avx2,
        // popcnt, bmi1, bmi2), and the match guard checks `is_available` at run time right
        // here, whatever the caller asked for. Everything inside indexes through bounds-checked
        // slices and arrays, so no other invariant is involved. The `kernels` fuzz target runs
        // this path against the single-query kernels (FUZZING.md).
        Simd::Avx512 if Simd::Avx512.is_available() => unsafe { job.run_avx512(sink) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above: the guard checks AVX2, POPCNT, BMI1 and BMI2, every feature
        // `run_avx2` enables, at run time; the body is safe, bounds-checked Rust.
        Simd::Avx2 if Simd::Avx2.is_available() => unsafe { job.run_avx2(sink) },
        Simd::Off => job.run::<1, S>(sink),
        _ => job.run::<2, S>(sink),
    }
}

/// The arguments of one [`score_group`] call.
struct Job<'a> {
    metric: Metric,
    queries: &'a [&'a [char]],
    choices: &'a [Prepared],
    cols: Range<usize>,
    cutoff: f64,
}

impl Job<'_> {
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512vl,avx512bw,avx2,popcnt,bmi1,bmi2")]
    fn run_avx512<S: FnMut(usize, usize, f64)>(self, sink: S) {
        self.run::<8, S>(sink)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt,bmi1,bmi2")]
    fn run_avx2<S: FnMut(usize, usize, f64)>(self, sink: S) {
        self.run::<4, S>(sink)
    }

    #[inline(always)]
    fn run<const L: usize, S: FnMut(usize, usize, f64)>(self, mut sink: S) {
        let pattern = LanePattern::<L>::for_lanes(self.queries);
        let lens: [usize; L] = std::array::from_fn(|l| self.queries.get(l).map_or(0, |q| q.len()));
        let used = self.queries.len();
        for j in self.cols.clone() {
            let text = self.choices[j].as_chars();
            let n = text.len();
            match self.metric {
                Metric::Levenshtein | Metric::Osa => {
                    let d = if self.metric == Metric::Osa {
                        multi::myers::<L, true>(&pattern, &lens, text)
                    } else {
                        multi::myers::<L, false>(&pattern, &lens, text)
                    };
                    for lane in 0..used {
                        sink(
                            lane,
                            j,
                            apply_cutoff(normalized(d[lane], lens[lane].max(n)), self.cutoff),
                        );
                    }
                }
                Metric::Indel => {
                    let lcs = multi::lcs(&pattern, &lens, text);
                    for lane in 0..used {
                        let d = lens[lane] + n - 2 * lcs[lane];
                        sink(
                            lane,
                            j,
                            apply_cutoff(normalized(d, lens[lane] + n), self.cutoff),
                        );
                    }
                }
                _ => {
                    let (matches, transpositions) = multi::jaro_counts(&pattern, &lens, text);
                    for lane in 0..used {
                        let query = self.queries[lane];
                        let mut score =
                            jaro::from_counts(matches[lane], transpositions[lane], query, text);
                        if self.metric == Metric::JaroWinkler {
                            score = jaro::winkler(score, query, text);
                        }
                        sink(lane, j, apply_cutoff(score, self.cutoff));
                    }
                }
            }
        }
    }
}
