//! The fuzz targets of `fuzz/` on stable, as a plain test: every `check_*` over its seed
//! corpus (`fuzz/corpus/TARGET/`) and over generated inputs built from the fragments that broke
//! text tools before (quote runs, braces, entities, mojibake, emoji, combining marks, controls).
//! Cheap enough for every CI run; the long coverage-guided runs are in FUZZING.md.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

/// Pieces the generator strings together.
const FRAGMENTS: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "{",
    "}",
    "[",
    "]",
    "<p>",
    "</p>",
    "<script>var a = {b: 1};</script>",
    "&amp;",
    "&quot;",
    "&#39;",
    "&#x1F600;",
    "\u{e2}\u{80}\u{99}",
    "\u{c3}\u{a9}",
    "\u{1F600}",
    "\u{1F1EB}\u{1F1F7}",
    "e\u{301}",
    "\u{0}",
    "\u{1b}[0m",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "\n\n",
    "\n",
    " ",
    "\t",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Mr.",
    "Jane Doe",
    "Reuters",
    ".",
    ",",
    ":",
    "-",
    "\u{2014}",
    "the",
    "word",
    "Share this",
    "Updated",
    "\u{4e2d}\u{6587}",
    "\u{5d0}",
    "\u{fffd}",
    "\u{ff}",
];

/// A small deterministic generator (xorshift), so a failure reproduces from its number.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One fuzz input: a knob byte or two, then fragments, sometimes a text separator or
    /// raw bytes that are not UTF-8.
    fn input(&mut self, max_pieces: usize) -> Vec<u8> {
        let mut out = vec![self.next() as u8, self.next() as u8];
        let repeat = self.below(4) == 0;
        for _ in 0..self.below(max_pieces) {
            let piece = FRAGMENTS[self.below(FRAGMENTS.len())].as_bytes();
            let times = if repeat { 1 + self.below(40) } else { 1 };
            for _ in 0..times {
                out.extend_from_slice(piece);
            }
            match self.below(12) {
                0 => out.push(checks::SEPARATOR),
                1 => out.push(0x80 | self.next() as u8 & 0x3f),
                _ => {}
            }
        }
        out
    }
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
        .iter()
        .map(|f| std::fs::read(f).expect("seed"))
        .collect()
}

fn run(target: &str, check: fn(&[u8]), generated: usize, max_pieces: usize) {
    for seed in seeds(target) {
        check(&seed);
    }
    let mut gen = Gen(0x5eed_0000 ^ target.len() as u64);
    for _ in 0..generated {
        check(&gen.input(max_pieces));
    }
}

#[test]
fn clean_target() {
    run("clean", checks::check_clean, 400, 60);
}

#[test]
fn quotes_target() {
    run("quotes", checks::check_quotes, 400, 80);
}

#[test]
fn copies_target() {
    run("copies", checks::check_copies, 300, 80);
}

#[test]
fn metrics_target() {
    run("metrics", checks::check_metrics, 400, 30);
}

#[test]
fn kernels_target() {
    run("kernels", checks::check_kernels, 60, 24);
}
