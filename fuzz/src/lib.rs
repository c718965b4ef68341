//! The checks behind copydesk's fuzz targets, one `check_*` function per target. Each takes
//! the fuzzer's bytes, runs one engine of the core on them and asserts what the engine
//! promises (offsets that slice the input exactly, scores in range, kernels that agree with
//! the plain references and with strsim). A panic is a finding.
//!
//! The same functions run on stable in the main crate's `cargo test` (tests/fuzz_smoke.rs),
//! over the seed corpora and a few thousand generated inputs, so CI exercises every target
//! without nightly. Inputs holding several texts separate them with the byte 0xFF, which never
//! occurs in UTF-8.

use _core::clean::{clean, clean_report, CleanOptions};
use _core::quotes::extract;
use _core::similarity::align::{align, AlignOp, MAX_SENTENCE_PAIRS};
use _core::similarity::copies::{
    copy_share, duplicate_groups, near_duplicates, CopyOptions, Permutations,
};
use _core::similarity::metrics::{
    self, nearest, prepare_all, reference, score_group, similarity_matrix, Metric, Simd,
};

/// The separator of texts in one fuzz input.
pub const SEPARATOR: u8 = 0xFF;

/// The texts of a fuzz input: split at [`SEPARATOR`], each decoded lossily, at most `max`.
pub fn texts(data: &[u8], max: usize) -> Vec<String> {
    data.split(|&b| b == SEPARATOR)
        .take(max)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// `text[start:end]` in Python terms (code points), asserting the range fits.
fn py_slice(chars: &[char], start: usize, end: usize, what: &str) -> String {
    assert!(
        start <= end && end <= chars.len(),
        "{what}: range {start}..{end} outside a text of {} characters",
        chars.len()
    );
    chars[start..end].iter().collect()
}

// ---- clean ------------------------------------------------------------------------------

/// Cleaning options from two bytes, one bit per step.
fn clean_options(bits: u16) -> CleanOptions {
    let on = |i: u32| bits & (1 << i) != 0;
    CleanOptions {
        html: on(0),
        entities: on(1),
        mojibake: on(2),
        control: on(3),
        nfc: on(4),
        code: on(5),
        metadata: on(6),
        boilerplate: on(7),
        join_lines: on(8),
        normalize_quotes: on(9),
        whitespace: on(10),
    }
}

/// `clean` and `clean_report` on any text with any options: no panic; the report's text is
/// `clean`'s; every removal is an exact, in-bounds slice of the input, in order, disjoint.
pub fn check_clean(data: &[u8]) {
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let options = clean_options(u16::from_le_bytes(*head));
    let text = String::from_utf8_lossy(rest);
    let cleaned = clean(&text, &options);
    let report = clean_report(&text, &options);
    assert_eq!(
        report.text, cleaned,
        "clean_report's text differs from clean"
    );
    let input = chars(&text);
    let mut previous_end = 0;
    for r in &report.removed {
        let slice = py_slice(&input, r.start, r.end, "removal");
        assert_eq!(slice, r.text, "removal text is not input[start:end]");
        assert!(
            r.start >= previous_end,
            "removals overlap or are out of order"
        );
        previous_end = r.end;
    }
}

// ---- quotes -----------------------------------------------------------------------------

/// `quotes::extract` on any text: no panic; every offset is in bounds; a quote's text is its
/// fragments joined by one space; speaker and cue are the input at their offsets.
pub fn check_quotes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let input = chars(&text);
    for q in extract(&text) {
        assert!(!q.fragments.is_empty(), "a quote without fragments");
        let parts: Vec<String> = q
            .fragments
            .iter()
            .map(|&(s, e)| py_slice(&input, s, e, "fragment"))
            .collect();
        assert_eq!(q.text, parts.join(" "), "quote text is not its fragments");
        assert_eq!(q.start, q.fragments[0].0);
        assert_eq!(q.end, q.fragments[q.fragments.len() - 1].1);
        check_mention(
            &input,
            &q.speaker,
            q.speaker_start,
            q.speaker_end,
            "speaker",
        );
        check_mention(&input, &q.cue, q.cue_start, q.cue_end, "cue");
        if q.speaker.is_none() {
            assert!(q.speaker_name.is_none(), "a speaker name without a speaker");
        }
    }
}

fn check_mention(
    input: &[char],
    text: &Option<String>,
    start: Option<usize>,
    end: Option<usize>,
    what: &str,
) {
    match (text, start, end) {
        (Some(t), Some(s), Some(e)) => assert_eq!(&py_slice(input, s, e, what), t),
        (None, None, None) => {}
        _ => panic!("{what}: text and offsets disagree: {text:?} {start:?} {end:?}"),
    }
}

// ---- copies -----------------------------------------------------------------------------

/// `near_duplicates`, `duplicate_groups`, `copy_share` and `align` on a small corpus (texts
/// separated by 0xFF; the first byte picks the shingle size and threshold): pairs in order
/// and in range, identical texts paired, groups exactly the connected pairs, shares and spans
/// in range, every sentence of both versions in the alignment exactly once.
pub fn check_copies(data: &[u8]) {
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let corpus = texts(rest, 12);
    let refs: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let options = CopyOptions {
        shingle_size: 1 + (knobs & 3) as usize,
        threshold: f64::from(knobs >> 2) / 63.0,
        ..CopyOptions::default()
    };
    let pairs = near_duplicates(&refs, &options).expect("valid options");
    for w in pairs.windows(2) {
        assert!((w[0].a, w[0].b) < (w[1].a, w[1].b), "pairs not sorted");
    }
    for p in &pairs {
        assert!(p.a < p.b && p.b < refs.len(), "pair out of range");
        assert!(
            p.similarity.is_finite() && (options.threshold..=1.0).contains(&p.similarity),
            "similarity {} outside [threshold, 1]",
            p.similarity
        );
    }
    check_groups(&refs, &options, &pairs);
    if refs.len() >= 2 {
        check_share(refs[0], refs[1], options.shingle_size);
        check_alignment(refs[0], refs[1]);
    }
}

fn check_groups(refs: &[&str], options: &CopyOptions, pairs: &[_core::similarity::copies::Pair]) {
    let groups = duplicate_groups(refs, options, None).expect("valid options");
    assert_eq!(groups.group.len(), refs.len());
    // Plain components of the pairs, by repeated relabelling (the corpus is tiny).
    let mut label: Vec<usize> = (0..refs.len()).collect();
    loop {
        let mut changed = false;
        for p in pairs {
            let low = label[p.a].min(label[p.b]);
            for i in [p.a, p.b] {
                if label[i] != low {
                    label[i] = low;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for i in 0..refs.len() {
        for j in 0..refs.len() {
            assert_eq!(
                label[i] == label[j],
                groups.group[i] == groups.group[j],
                "groups are not the connected pairs"
            );
        }
    }
}

fn check_share(a: &str, b: &str, k: usize) {
    let share = copy_share(a, b, k);
    assert!((0.0..=1.0).contains(&share.share), "share {}", share.share);
    let nb = b.chars().count();
    let mut previous_end = 0;
    for &(s, e) in &share.spans {
        assert!(previous_end <= s && s < e && e <= nb, "span {s}..{e}");
        previous_end = e;
    }
    let own = copy_share(b, b, k);
    if !own.spans.is_empty() {
        assert_eq!(own.share, 1.0, "a text is not wholly taken from itself");
    }
}

fn check_alignment(a: &str, b: &str) {
    let (ca, cb) = (chars(a), chars(b));
    let mut seen_a = Vec::new();
    let mut seen_b = Vec::new();
    let alignment = match align(a, b) {
        Ok(alignment) => alignment,
        Err(_) => {
            let sentences = |t| _core::text::sentences::sentence_spans(t).len();
            assert!(
                sentences(a) * sentences(b) > MAX_SENTENCE_PAIRS,
                "align failed"
            );
            return;
        }
    };
    for step in alignment.steps {
        assert!((0.0..=1.0).contains(&step.score), "score {}", step.score);
        if let (Some((s, e)), Some(t)) = (step.a_span, &step.a_text) {
            assert_eq!(&py_slice(&ca, s, e, "a sentence"), t);
        }
        if let (Some((s, e)), Some(t)) = (step.b_span, &step.b_text) {
            assert_eq!(&py_slice(&cb, s, e, "b sentence"), t);
        }
        seen_a.extend(step.a_index);
        seen_b.extend(step.b_index);
        match step.op {
            AlignOp::Added => assert!(step.a_index.is_none() && step.b_index.is_some()),
            AlignOp::Removed => assert!(step.a_index.is_some() && step.b_index.is_none()),
            _ => assert!(step.a_index.is_some() && step.b_index.is_some()),
        }
    }
    for seen in [&mut seen_a, &mut seen_b] {
        seen.sort_unstable();
        assert!(
            seen.iter().enumerate().all(|(i, &s)| i == s),
            "a sentence is missing or repeated in the alignment: {seen:?}"
        );
    }
}

// ---- metrics ----------------------------------------------------------------------------

/// The character metrics by name (the first eight of the documented names; the reference
/// knows them by the same names).
fn char_metrics() -> &'static [&'static str] {
    &Metric::NAMES[..8]
}

/// Every metric on a pair of texts: the kernels' similarity and distance equal the plain
/// references exactly and agree with strsim; scores are in [0, 1]; a cutoff zeroes exactly
/// the pairs below it; word metrics stay in range.
pub fn check_metrics(data: &[u8]) {
    let Some((&knob, rest)) = data.split_first() else {
        return;
    };
    let mut pair = texts(rest, 2);
    pair.resize(2, String::new());
    let (a, b) = (pair[0].as_str(), pair[1].as_str());
    let (ca, cb) = (chars(a), chars(b));
    let cutoff = f64::from(knob) / 255.0;
    for &name in char_metrics() {
        let metric = Metric::from_name(name).expect("known metric");
        if metric == Metric::Hamming && ca.len() != cb.len() {
            assert!(metrics::similarity(a, b, metric).is_err());
            continue;
        }
        let got = metrics::similarity(a, b, metric).expect("similarity");
        let want = reference::similarity(name, &ca, &cb);
        assert_eq!(
            got, want,
            "{name} differs from the reference on {a:?} / {b:?}"
        );
        let cut = metrics::similarity_with_cutoff(a, b, metric, cutoff).expect("cutoff");
        let expected = if got >= cutoff { got } else { 0.0 };
        assert_eq!(cut, expected, "{name} with cutoff {cutoff}");
    }
    check_distances(a, b, &ca, &cb);
    check_strsim(a, b);
    for &name in &Metric::NAMES[8..] {
        let metric = Metric::from_name(name)
            .and_then(|m| m.with_ngram(1 + usize::from(knob % 3)))
            .expect("word metric");
        let s = metrics::similarity(a, b, metric).expect("word similarity");
        assert!((0.0..=1.0).contains(&s), "{name} gave {s}");
    }
}

fn check_distances(a: &str, b: &str, ca: &[char], cb: &[char]) {
    let d = |m| metrics::distance(a, b, m).expect("distance");
    assert_eq!(d(Metric::Levenshtein), reference::levenshtein(ca, cb));
    assert_eq!(d(Metric::Osa), reference::osa(ca, cb));
    assert_eq!(d(Metric::DamerauLevenshtein), reference::damerau(ca, cb));
    assert_eq!(
        d(Metric::Indel),
        ca.len() + cb.len() - 2 * reference::lcs(ca, cb)
    );
}

fn check_strsim(a: &str, b: &str) {
    let d = |m| metrics::distance(a, b, m).expect("distance");
    let s = |m| metrics::similarity(a, b, m).expect("similarity");
    assert_eq!(d(Metric::Levenshtein), strsim::levenshtein(a, b));
    assert_eq!(d(Metric::Osa), strsim::osa_distance(a, b));
    assert_eq!(
        d(Metric::DamerauLevenshtein),
        strsim::damerau_levenshtein(a, b)
    );
    assert!((s(Metric::Jaro) - strsim::jaro(a, b)).abs() < 1e-15);
    assert!((s(Metric::JaroWinkler) - strsim::jaro_winkler(a, b)).abs() < 1e-15);
    let separator = |t: &str| t.contains(|c| ('\u{1c}'..='\u{1f}').contains(&c));
    if a.is_ascii() && b.is_ascii() && !separator(a) && !separator(b) {
        // strsim counts bytes, which are characters only for ASCII; and copydesk drops
        // whitespace as Python's `str.isspace` sees it, which also counts the information
        // separators U+001C..U+001F (a documented difference the fuzzer found).
        assert_eq!(s(Metric::SorensenDice), strsim::sorensen_dice(a, b));
    }
    match strsim::hamming(a, b) {
        Ok(h) => assert_eq!(d(Metric::Hamming), h),
        Err(_) => assert!(metrics::distance(a, b, Metric::Hamming).is_err()),
    }
}

// ---- kernels ----------------------------------------------------------------------------

/// The metrics the multi-query (SIMD lane) kernels score.
const LANE_METRICS: [Metric; 5] = [
    Metric::Levenshtein,
    Metric::Osa,
    Metric::Indel,
    Metric::Jaro,
    Metric::JaroWinkler,
];

/// The bit-parallel multi-query kernels on every vector path this CPU has (AVX-512, AVX2,
/// SSE2, one at a time) score every lane exactly as the single-pair path does, with and
/// without a cutoff; dense matrices and top-k agree with pairs; the MinHash signature is the
/// same on the AVX2 and baseline builds.
pub fn check_kernels(data: &[u8]) {
    let Some((&knob, rest)) = data.split_first() else {
        return;
    };
    let all = texts(rest, 24);
    let split = (all.len() / 2).max(1);
    let (queries, choices) = all.split_at(split.min(all.len()));
    let cutoff = if knob & 1 == 0 {
        0.0
    } else {
        f64::from(knob) / 255.0
    };
    for metric in LANE_METRICS {
        check_lanes(metric, queries, choices, cutoff);
        check_grid(metric, queries, choices);
    }
    check_minhash(knob, rest);
}

fn check_lanes(metric: Metric, queries: &[String], choices: &[String], cutoff: f64) {
    let refs: Vec<&str> = choices.iter().map(String::as_str).collect();
    let prepared = prepare_all(&refs, metric);
    let query_chars: Vec<Vec<char>> = queries.iter().map(|q| chars(q)).collect();
    for simd in [Simd::Avx512, Simd::Avx2, Simd::Portable, Simd::Off] {
        if !simd.is_available() {
            continue;
        }
        for (g, group) in query_chars.chunks(simd.lanes()).enumerate() {
            let lanes: Vec<&[char]> = group.iter().map(Vec::as_slice).collect();
            let mut got = vec![vec![f64::NAN; refs.len()]; group.len()];
            score_group(
                simd,
                metric,
                &lanes,
                &prepared,
                0..refs.len(),
                cutoff,
                |lane, j, s| got[lane][j] = s,
            );
            for (lane, row) in got.iter().enumerate() {
                let q = queries[g * simd.lanes() + lane].as_str();
                for (j, c) in refs.iter().enumerate() {
                    let want =
                        metrics::similarity_with_cutoff(q, c, metric, cutoff).expect("similarity");
                    assert_eq!(
                        row[j], want,
                        "{simd:?} {metric:?} lane {lane}: {q:?} / {c:?} (cutoff {cutoff})"
                    );
                }
            }
        }
    }
}

fn check_grid(metric: Metric, queries: &[String], choices: &[String]) {
    let q: Vec<&str> = queries.iter().map(String::as_str).collect();
    let c: Vec<&str> = choices.iter().map(String::as_str).collect();
    let pair = |x: &str, y: &str| metrics::similarity(x, y, metric).expect("pair") as f32;
    let m = similarity_matrix(&q, Some(&c), metric, 0.0).expect("matrix");
    for (i, x) in q.iter().enumerate() {
        for (j, y) in c.iter().enumerate() {
            assert_eq!(
                m[i * c.len() + j],
                pair(x, y),
                "matrix {metric:?} [{i}, {j}]"
            );
        }
    }
    let own = similarity_matrix(&q, None, metric, 0.0).expect("matrix");
    for (i, x) in q.iter().enumerate() {
        for (j, y) in q.iter().enumerate() {
            assert_eq!(own[i * q.len() + j], pair(x, y), "self matrix {metric:?}");
        }
    }
    let found = nearest(&q, None, 2, metric, 0.0).expect("nearest");
    for m in &found {
        assert_ne!(m.0, m.1, "a query matched itself");
        let want = metrics::similarity(q[m.0], q[m.1], metric).expect("pair");
        assert_eq!(m.2, want, "nearest score");
    }
    for w in found.windows(2) {
        assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].2 >= w[1].2));
    }
}

fn check_minhash(knob: u8, bytes: &[u8]) {
    let permutations = Permutations::new(1 + usize::from(knob % 40), u64::from(knob));
    let shingles: Vec<u64> = bytes
        .chunks(8)
        .map(|c| {
            let mut word = [0u8; 8];
            word[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        })
        .collect();
    let mut signatures = Vec::new();
    for simd in [Simd::Avx2, Simd::Portable] {
        let mut out = vec![0u32; permutations.len()];
        permutations.signature_on(simd, &shingles, &mut out);
        signatures.push(out);
    }
    assert_eq!(
        signatures[0], signatures[1],
        "AVX2 and baseline signatures differ"
    );
}
