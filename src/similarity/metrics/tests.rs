//! Property tests: every character metric against the O(m * n) references and strsim on
//! random Unicode (short, and long enough for two and three 64-bit blocks), the matrix and
//! top-k against pairwise scores, symmetry, bounds and cutoffs.

use proptest::prelude::*;

use super::reference;
use super::*;

/// Every character metric but hamming, which needs equal lengths.
fn char_metrics() -> impl Iterator<Item = &'static str> {
    Metric::NAMES.into_iter().filter(|&n| {
        let metric = Metric::from_name(n).unwrap();
        !metric.is_word_level() && metric != Metric::Hamming
    })
}

/// Mostly a small alphabet (so strings share characters), sometimes any code point.
fn a_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(vec!['a', 'b', 'c', 'd', 'e', ' ', 'é', '’', '中', '\u{1F600}']),
        1 => any::<char>(),
    ]
}

fn a_string(max_len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(a_char(), 0..max_len).prop_map(|v| v.into_iter().collect())
}

/// `a` with a few random edits: the near-duplicates that matter most in practice.
fn edited(a: String, edits: Vec<(u8, usize, char)>) -> String {
    let mut chars: Vec<char> = a.chars().collect();
    for (op, at, c) in edits {
        let at = if chars.is_empty() {
            0
        } else {
            at % chars.len()
        };
        match op % 4 {
            0 => chars.insert(at, c),
            1 if !chars.is_empty() => {
                chars.remove(at);
            }
            2 if !chars.is_empty() => chars[at] = c,
            3 if at + 1 < chars.len() => chars.swap(at, at + 1),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Independent pairs and near-duplicate pairs, up to `max_len` characters.
fn a_pair(max_len: usize) -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        (a_string(max_len), a_string(max_len)),
        (
            a_string(max_len),
            prop::collection::vec((any::<u8>(), any::<usize>(), a_char()), 0..6)
        )
            .prop_map(|(a, e)| (a.clone(), edited(a, e))),
    ]
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn check_against_reference(a: &str, b: &str) -> std::result::Result<(), TestCaseError> {
    let (ca, cb) = (chars(a), chars(b));
    for name in char_metrics() {
        let metric = Metric::from_name(name).unwrap();
        let got = similarity(a, b, metric).unwrap();
        let want = reference::similarity(name, &ca, &cb);
        prop_assert_eq!(got, want, "{} on {:?} / {:?}", name, a, b);
        prop_assert!((0.0..=1.0).contains(&got));
        if metric.is_symmetric() {
            prop_assert_eq!(
                got,
                similarity(b, a, metric).unwrap(),
                "{} not symmetric",
                name
            );
        }
    }
    prop_assert_eq!(
        distance(a, b, Metric::Levenshtein).unwrap(),
        reference::levenshtein(&ca, &cb)
    );
    prop_assert_eq!(
        distance(a, b, Metric::Osa).unwrap(),
        reference::osa(&ca, &cb)
    );
    prop_assert_eq!(
        distance(a, b, Metric::DamerauLevenshtein).unwrap(),
        reference::damerau(&ca, &cb)
    );
    prop_assert_eq!(
        distance(a, b, Metric::Indel).unwrap(),
        ca.len() + cb.len() - 2 * reference::lcs(&ca, &cb)
    );
    Ok(())
}

fn check_against_strsim(a: &str, b: &str) -> std::result::Result<(), TestCaseError> {
    prop_assert_eq!(
        distance(a, b, Metric::Levenshtein).unwrap(),
        strsim::levenshtein(a, b)
    );
    prop_assert_eq!(
        distance(a, b, Metric::Osa).unwrap(),
        strsim::osa_distance(a, b)
    );
    prop_assert_eq!(
        distance(a, b, Metric::DamerauLevenshtein).unwrap(),
        strsim::damerau_levenshtein(a, b)
    );
    prop_assert_eq!(
        similarity(a, b, Metric::Levenshtein).unwrap(),
        strsim::normalized_levenshtein(a, b)
    );
    prop_assert_eq!(
        similarity(a, b, Metric::DamerauLevenshtein).unwrap(),
        strsim::normalized_damerau_levenshtein(a, b)
    );
    prop_assert!((similarity(a, b, Metric::Jaro).unwrap() - strsim::jaro(a, b)).abs() < 1e-15);
    prop_assert!(
        (similarity(a, b, Metric::JaroWinkler).unwrap() - strsim::jaro_winkler(a, b)).abs() < 1e-15
    );
    if a.is_ascii() && b.is_ascii() {
        // strsim counts bytes, which are characters only for ASCII.
        prop_assert_eq!(
            similarity(a, b, Metric::SorensenDice).unwrap(),
            strsim::sorensen_dice(a, b)
        );
    }
    match strsim::hamming(a, b) {
        Ok(d) => prop_assert_eq!(distance(a, b, Metric::Hamming).unwrap(), d),
        Err(_) => prop_assert!(distance(a, b, Metric::Hamming).is_err()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn short_strings_match_reference((a, b) in a_pair(20)) {
        check_against_reference(&a, &b)?;
        check_against_strsim(&a, &b)?;
    }

    #[test]
    fn single_block_strings_match_reference((a, b) in a_pair(70)) {
        check_against_reference(&a, &b)?;
        check_against_strsim(&a, &b)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(80))]

    #[test]
    fn multi_block_strings_match_reference((a, b) in a_pair(200)) {
        check_against_reference(&a, &b)?;
        check_against_strsim(&a, &b)?;
    }

    #[test]
    fn hamming_on_equal_lengths(a in a_string(150), seed in any::<u64>()) {
        let ca = chars(&a);
        let b: String = ca.iter().enumerate().map(|(i, &c)| if (seed >> (i % 64)) & 1 == 1 { 'x' } else { c }).collect();
        let got = similarity(&a, &b, Metric::Hamming).unwrap();
        prop_assert_eq!(got, reference::similarity("hamming", &ca, &chars(&b)));
        prop_assert_eq!(distance(&a, &b, Metric::Hamming).unwrap(), strsim::hamming(&a, &b).unwrap());
    }

    #[test]
    fn cutoff_zeroes_only_pairs_below_it((a, b) in a_pair(140), step in 0u32..=20) {
        let cutoff = step as f64 / 20.0;
        for name in char_metrics() {
            let metric = Metric::from_name(name).unwrap();
            let full = similarity(&a, &b, metric).unwrap();
            let cut = similarity_with_cutoff(&a, &b, metric, cutoff).unwrap();
            prop_assert_eq!(cut, if full >= cutoff { full } else { 0.0 }, "{} cutoff {}", name, cutoff);
        }
    }

    #[test]
    fn matrix_and_nearest_agree_with_pairs(
        a in prop::collection::vec(a_string(90), 0..7),
        b in prop::collection::vec(a_string(90), 1..7),
        k in 1usize..4,
    ) {
        let (ra, rb): (Vec<&str>, Vec<&str>) = (a.iter().map(String::as_str).collect(), b.iter().map(String::as_str).collect());
        for name in ["levenshtein", "indel", "osa", "jaro_winkler", "sorensen_dice", "jaccard", "containment", "cosine"] {
            let metric = Metric::from_name(name).unwrap();
            let m = similarity_matrix(&ra, Some(&rb), metric, 0.0).unwrap();
            for (i, x) in ra.iter().enumerate() {
                for (j, y) in rb.iter().enumerate() {
                    prop_assert_eq!(m[i * rb.len() + j], similarity(x, y, metric).unwrap() as f32, "{} {:?} {:?}", name, x, y);
                }
            }
            let sym = similarity_matrix(&ra, None, metric, 0.0).unwrap();
            for (i, x) in ra.iter().enumerate() {
                for (j, y) in ra.iter().enumerate() {
                    prop_assert_eq!(sym[i * ra.len() + j], similarity(x, y, metric).unwrap() as f32);
                }
            }
            let top = nearest(&ra, Some(&rb), k, metric, 0.0).unwrap();
            for (i, x) in ra.iter().enumerate() {
                let mut want: Vec<(usize, f64)> = rb.iter().enumerate().map(|(j, y)| (j, similarity(x, y, metric).unwrap())).collect();
                want.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
                want.truncate(k);
                let got: Vec<(usize, f64)> = top.iter().filter(|t| t.0 == i).map(|t| (t.1, t.2)).collect();
                prop_assert_eq!(got, want, "{} row {}", name, i);
            }
        }
    }
}

#[test]
fn hamming_on_unequal_lengths_is_a_mismatch() {
    let err = similarity("abc", "ab", Metric::Hamming).unwrap_err();
    assert!(matches!(err, crate::Error::Mismatch(_)), "{err}");
    assert!(similarity_matrix(&["ab", "cd"], Some(&["abc"]), Metric::Hamming, 0.0).is_err());
    assert!(similarity_matrix(&["ab", "cd"], None, Metric::Hamming, 0.0).is_ok());
}

#[test]
fn empty_strings_follow_design() {
    for name in Metric::NAMES {
        let metric = Metric::from_name(name).unwrap();
        assert_eq!(similarity("", "", metric).unwrap(), 1.0, "{name}");
        if name != "hamming" {
            assert_eq!(similarity("", "abc", metric).unwrap(), 0.0, "{name}");
        }
    }
    assert_eq!(distance("", "abc", Metric::Levenshtein), Ok(3));
    assert_eq!(distance("", "abc", Metric::Indel), Ok(3));
}

#[test]
fn distance_only_for_edit_metrics() {
    assert!(distance("a", "b", Metric::Jaro).is_err());
    assert_eq!(distance("kitten", "sitting", Metric::Levenshtein), Ok(3));
}

#[test]
fn nearest_skips_self_and_applies_cutoff() {
    let texts = ["apple pie", "apple pies", "banana split", "apple pie"];
    let top = nearest(&texts, None, 2, Metric::Levenshtein, 0.5).unwrap();
    assert!(top.iter().all(|&(q, c, _)| q != c));
    assert_eq!(top[0], (0, 3, 1.0));
    assert!(top.iter().all(|&(_, _, s)| s >= 0.5));
    assert!(
        top.iter().all(|&(q, _, _)| q != 2),
        "banana split has nothing above 0.5"
    );
    assert!(nearest(&texts, None, 0, Metric::Levenshtein, 0.0).is_err());
}

#[test]
fn containment_matrix_is_not_mirrored() {
    let texts = ["the cat", "the cat sat on the mat"];
    let m = similarity_matrix(&texts, None, Metric::Containment { ngram: 1 }, 0.0).unwrap();
    assert_eq!(m, vec![1.0, 1.0, 0.4, 1.0]);
}

/// Every vector path this CPU has scores each lane exactly as the single-query path does.
fn check_lane_paths(
    queries: &[String],
    choices: &[String],
) -> std::result::Result<(), TestCaseError> {
    use super::group::{score_group, Simd};
    let query_chars: Vec<Vec<char>> = queries.iter().map(|q| chars(q)).collect();
    let choice_refs: Vec<&str> = choices.iter().map(String::as_str).collect();
    for metric in [
        Metric::Levenshtein,
        Metric::Osa,
        Metric::Indel,
        Metric::Jaro,
        Metric::JaroWinkler,
    ] {
        let prepared = prepare_all(&choice_refs, metric);
        for simd in [Simd::Avx512, Simd::Avx2, Simd::Portable, Simd::Off]
            .into_iter()
            .filter(|s| s.is_available())
        {
            for group in query_chars.chunks(simd.lanes()) {
                let lanes: Vec<&[char]> = group.iter().map(Vec::as_slice).collect();
                let mut got = vec![vec![f64::NAN; choices.len()]; group.len()];
                score_group(
                    simd,
                    metric,
                    &lanes,
                    &prepared,
                    0..choices.len(),
                    0.0,
                    |lane, j, s| got[lane][j] = s,
                );
                for (lane, q) in group.iter().enumerate() {
                    let q: String = q.iter().collect();
                    for (j, c) in choices.iter().enumerate() {
                        let want = similarity(&q, c, metric).unwrap();
                        prop_assert_eq!(
                            got[lane][j],
                            want,
                            "{:?} {:?} lane {} {:?} / {:?}",
                            simd,
                            metric,
                            lane,
                            q,
                            c
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn lane_kernels_match_single_query_short(
        queries in prop::collection::vec(a_string(70), 1..12),
        choices in prop::collection::vec(a_string(70), 1..5),
    ) {
        check_lane_paths(&queries, &choices)?;
    }

    #[test]
    fn lane_kernels_match_single_query_long(
        queries in prop::collection::vec(a_string(300), 1..10),
        choices in prop::collection::vec(a_string(300), 1..4),
    ) {
        check_lane_paths(&queries, &choices)?;
    }
}

/// A query longer than `LONGEST_CACHED` gets no pattern table (a 100-million-character row
/// used to ask for 25 GB of lane tables); every path still gives the pair's exact score.
#[test]
fn very_long_queries_score_without_a_table() {
    let long: String = "Prices rose. \u{201c}No,\u{201d} she said. "
        .repeat(query::LONGEST_CACHED / 20)
        .chars()
        .collect();
    let short = "Prices rose. She said no.";
    for metric in [
        Metric::Levenshtein,
        Metric::Indel,
        Metric::Osa,
        Metric::Jaro,
        Metric::JaroWinkler,
    ] {
        let want = similarity(short, &long, metric).unwrap() as f32;
        let m = similarity_matrix(&[&long, short], Some(&[short]), metric, 0.0).unwrap();
        assert_eq!(m[0], want, "{metric:?}");
        let prepared = prepare_all(&[&long, short], metric);
        let q = CachedQuery::new(metric, &prepared[0]);
        assert_eq!(
            q.similarity(&prepared[1], 0.0).unwrap() as f32,
            want,
            "{metric:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The one-off Jaro (shorter string as the pattern) equals the cached one either way round.
    #[test]
    fn jaro_pair_matches_the_cached_query((a, b) in a_pair(150)) {
        let (ca, cb) = (chars(&a), chars(&b));
        prop_assert_eq!(jaro::jaro_pair(&ca, &cb), reference::jaro(&ca, &cb));
        prop_assert_eq!(jaro::jaro_pair(&cb, &ca), reference::jaro(&ca, &cb));
    }
}
