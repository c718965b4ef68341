//! Scenario tests of copy detection on small hand-written stories: the edits outlets make to a
//! wire story, and a different story on the same topic that shares a paragraph of background.

use super::*;

const HEADLINE: &str = "Harbour bridge to close for six months of repairs";

const LEDE: &str =
    "The Kingsport harbour bridge will close to traffic for six months from March while \
    engineers replace corroded steel cables, the city council said on Tuesday.";

const BODY: &[&str] = &[
    "About 40,000 vehicles cross the bridge every day, and officials expect long delays on the \
     two ring roads that will take the diverted traffic.",
    "Council leader Maria Okafor said the closure was unavoidable after inspectors found that \
     several cables had lost more than a fifth of their strength.",
    "\"We cannot take risks with a structure that carries this many people,\" she told reporters \
     at the town hall.",
    "A free ferry service will run every fifteen minutes between the two harbour piers during \
     the works, paid for by the regional transport fund.",
    "Local businesses on the north shore said they feared losing customers, and the chamber of \
     commerce asked for a rates discount while the bridge is shut.",
    "The repairs are expected to cost 28 million pounds, shared between the council and the \
     national roads agency.",
    "Engineers will work in two shifts, and night-time noise limits will be relaxed for the \
     heaviest lifting operations.",
    "The bridge opened in 1968 and was last refurbished in the early 1990s, when its deck was \
     resurfaced and the lighting replaced.",
    "Cyclists and pedestrians will be able to use a temporary walkway on the east side for most \
     of the closure.",
    "The council will publish a detailed diversion map on its website next week.",
];

/// The background paragraph that a different story pastes in.
const BACKGROUND: &str =
    "The bridge opened in 1968 and was last refurbished in the early 1990s, when \
    its deck was resurfaced and the lighting replaced. About 40,000 vehicles cross the bridge \
    every day.";

fn wire() -> String {
    format!("{HEADLINE}\n\n{LEDE}\n\n{}", BODY.join("\n\n"))
}

fn similarity(a: &str, b: &str) -> f64 {
    let pairs = near_duplicates(&[a, b], &CopyOptions::default()).expect("valid options");
    pairs.first().map_or(0.0, |p| p.similarity)
}

#[test]
fn trimmed_copy_is_a_copy() {
    let copy = format!(
        "Kingsport bridge shut for repairs\n\n{LEDE}\n\n{}",
        BODY[..6].join(" ")
    );
    assert!(similarity(&wire(), &copy) >= CopyOptions::default().threshold);
}

#[test]
fn copy_with_added_paragraphs_is_a_copy() {
    let copy = format!(
        "{HEADLINE}\n\nKINGSPORT (Daily Courier) - {LEDE}\n\n{}\n\nOur reporter visited the ferry piers on \
         Wednesday and found queues already forming.\n\nRead more about the city's transport plans in \
         Saturday's edition, with a full guide to the diversions.\n\n{}",
        BODY[..5].join("\n\n"),
        BODY[5..].join("\n\n")
    );
    assert!(similarity(&wire(), &copy) >= 0.5);
}

#[test]
fn copy_with_leaked_page_code_is_a_copy() {
    let script = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag(\"js\",new Date());";
    let json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-01\"}";
    let mut paras: Vec<String> = BODY.iter().map(|s| s.to_string()).collect();
    paras[2] = format!("{script}{}", paras[2]);
    paras[6] = format!("{json}{}", paras[6]);
    let copy = format!("{HEADLINE}\n\n{LEDE}\n\n{}", paras.join("\n\n"));
    assert_eq!(
        similarity(&wire(), &copy),
        1.0,
        "page code must not count as text"
    );
    // A boilerplate line is text to this normaliser (the cleaner's job), yet barely matters.
    let with_boilerplate = copy.replace(LEDE, &format!("{LEDE}\n\nAdvertisement"));
    assert!(similarity(&wire(), &with_boilerplate) > 0.95);
}

#[test]
fn same_topic_story_sharing_background_is_not_a_copy() {
    let other = format!(
        "Ferry operators hire extra crews for bridge closure\n\nTwo ferry companies in Kingsport are \
         recruiting forty extra deckhands ahead of the harbour bridge closure, which begins in March.\n\n\
         The firms expect passenger numbers to triple while the crossing is shut, and have leased two \
         additional boats from operators in the south.\n\n{BACKGROUND}\n\nApplicants need a sea survival \
         certificate, which the companies will pay for. Training starts next month at the north pier."
    );
    assert!(similarity(&wire(), &other) < CopyOptions::default().threshold);
    // The pasted background is still visible to copy_share.
    assert!(copy_share(&wire(), &other, 3).share > 0.2);
}

#[test]
fn exact_duplicates_are_all_paired() {
    let w = wire();
    let spaced = w.replace("\n\n", "\n\n\n").to_uppercase();
    let texts = [
        w.as_str(),
        "An unrelated note about weather in the hills.",
        spaced.as_str(),
        w.as_str(),
        "",
    ];
    let pairs = near_duplicates(&texts, &CopyOptions::default()).unwrap();
    let found: Vec<(usize, usize, f64)> = pairs.iter().map(|p| (p.a, p.b, p.similarity)).collect();
    assert_eq!(found, vec![(0, 2, 1.0), (0, 3, 1.0), (2, 3, 1.0)]);
}

#[test]
fn groups_name_the_earliest_version() {
    let w = wire();
    let copy = format!("{LEDE}\n\n{}", BODY[..7].join(" "));
    let texts = [
        copy.as_str(),
        "Nothing to see here at all, just a short note.",
        w.as_str(),
    ];
    let dates = [Some(20), Some(5), Some(10)];
    let g = duplicate_groups(&texts, &CopyOptions::default(), Some(&dates)).unwrap();
    assert_eq!(g.group, vec![0, 1, 0]);
    assert_eq!(g.original, vec![2, 1, 2]);
}

#[test]
fn invalid_options_are_errors() {
    let bad = CopyOptions {
        bands: 7,
        ..CopyOptions::default()
    };
    assert!(matches!(
        near_duplicates(&["x"], &bad),
        Err(Error::InvalidOption { .. })
    ));
    let bad = CopyOptions {
        threshold: 1.5,
        ..CopyOptions::default()
    };
    assert!(near_duplicates(&["x"], &bad).is_err());
}

#[test]
fn chunked_index_matches_one_batch() {
    let w = wire();
    let copy = format!("{LEDE}\n\n{}", BODY[..8].join(" "));
    let texts = [
        "first unrelated text about farming subsidies",
        w.as_str(),
        copy.as_str(),
        w.as_str(),
    ];
    let mut index = CopyIndex::new(CopyOptions::default()).unwrap();
    index.add(&texts[..2]);
    index.add(&texts[2..]);
    assert_eq!(
        index.pairs(&texts).unwrap(),
        near_duplicates(&texts, &CopyOptions::default()).unwrap()
    );
    assert!(index.pairs(&texts[..3]).is_err());
}

/// `duplicate_groups` of `texts`, checked against the components of every pair
/// `near_duplicates` lists.
fn groups_of_every_pair(texts: &[&str]) -> Groups {
    let options = CopyOptions::default();
    let pairs = near_duplicates(texts, &options).unwrap();
    let every = group_rows(texts.len(), pairs.iter().map(|p| (p.a, p.b)), None);
    let grouped = duplicate_groups(texts, &options, None).unwrap();
    assert_eq!(grouped, every);
    grouped
}

/// Versions of the wire story (a paragraph dropped, a word changed), other stories, and the
/// same-topic story: `duplicate_groups` skips pairs already joined, and must still group rows
/// exactly as the connected components of every verified pair.
#[test]
fn grouping_skips_joined_pairs_and_keeps_the_components() {
    let mut texts: Vec<String> = (0..60)
        .map(|i| {
            let mut body: Vec<&str> = BODY.to_vec();
            if i % 3 == 0 {
                body.remove(i % body.len());
            }
            let text = format!("{HEADLINE}\n\n{LEDE}\n\n{}", body.join("\n\n"));
            text.replacen("vehicles", &format!("vehicles{i}"), 1)
        })
        .collect();
    texts.push(format!(
        "{BACKGROUND} A new school will open on the north shore next year."
    ));
    texts.push("An unrelated note about the weather in the hills this weekend.".into());
    texts.push(texts[5].clone());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let options = CopyOptions::default();
    let grouped = groups_of_every_pair(&refs);
    assert_eq!(grouped.group[..60], [0; 60]);

    let mut index = CopyIndex::new(options).unwrap();
    index.add(&refs);
    let candidates = index.candidates();
    let mut joined = UnionFind::new(refs.len());
    let some = index
        .verify_unjoined(&refs, &candidates, 0..candidates.len(), &mut joined)
        .unwrap();
    assert!(
        some.len() < candidates.len() / 2,
        "{} of {}",
        some.len(),
        candidates.len()
    );
}

/// Stories drawn from one small vocabulary, each in versions with many words changed, so
/// that buckets mix stories, some candidate pairs fail verification and the pairs still apart
/// after the star pass are real work: the groups are still the components of every verified
/// pair.
#[test]
fn grouping_in_two_passes_matches_every_pair_on_noisy_versions() {
    let mut state = 11u64;
    let mut next = |n: u64| {
        state = super::shingle::mix64(state.wrapping_add(1));
        state % n
    };
    let vocab: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
    let mut texts = Vec::new();
    for _story in 0..6 {
        let story: Vec<usize> = (0..120).map(|_| next(400) as usize).collect();
        for _version in 0..25 {
            let mut words = story.clone();
            for _ in 0..next(40) {
                words[next(120) as usize] = next(400) as usize;
            }
            let text: Vec<&str> = words.iter().map(|&w| vocab[w].as_str()).collect();
            texts.push(text.join(" "));
        }
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let grouped = groups_of_every_pair(&refs);
    let groups: std::collections::HashSet<usize> = grouped.group.iter().copied().collect();
    assert!(
        groups.len() > 6,
        "some versions stay apart: {} groups",
        groups.len()
    );
}
