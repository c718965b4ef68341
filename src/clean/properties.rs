//! Property tests of the whole pipeline on generated text: cleaning twice changes nothing,
//! every reported removal is exactly the input slice its offsets name, and nothing panics,
//! whatever the input (NUL bytes, controls, mojibake, entities, markup, code, any script).

use super::{clean, clean_report, CleanOptions};
use proptest::prelude::*;

/// Pieces that exercise every stage, glued at random.
const PIECES: &[&str] = &[
    "The minister said on Monday that the talks had failed and a new round would start soon.",
    "Officials declined to comment, and the ministry later denied that any deal had been reached.",
    "Home",
    "Share this article",
    "Sign up for our newsletter",
    "Related:",
    "34 Comments",
    "By Jane Doe",
    "20 Nov 2019 08:00 GMT",
    "LONDON (Reuters) - ",
    "(Reporting by Jane Doe; Editing by John Roe)",
    " Reuter",
    "window.adq=window.adq||[];adq.push({slot:\"mid\"});",
    "var x = {\"a\": 1};",
    "}",
    "{",
    ";",
    "\"key\": \"value\",",
    "<p>",
    "</p>",
    "<a href=\"x\">",
    "<script>var a=1;</script>",
    "<!--",
    "-->",
    "{{ name }}",
    "[caption id=\"1\"]",
    "&amp;",
    "&amp;quot;",
    " #39;",
    "quot;",
    "&#146;",
    "&lt;b&gt;",
    "&",
    "&#0;",
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{93}",
    "â€™",
    "Ã©",
    "Ã",
    "Ã ",
    "Â",
    "РџСЂ",
    "√©",
    "\u{fffd}",
    "caf\u{e9}",
    "e\u{301}",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "inter-",
    "national",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{2029}",
    "日本語",
    "\u{1F600}",
    "مرحبا",
    "Привет",
    "x",
    "1",
    "-",
    ".",
    "'",
    "\"",
    "|",
    "»",
    "©",
];

pub(super) fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-z ]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_report(input: &str, options: &CleanOptions) -> Result<(), TestCaseError> {
    let report = clean_report(input, options);
    prop_assert_eq!(&report.text, &clean(input, options));
    let chars: Vec<char> = input.chars().collect();
    let mut last_end = 0;
    for r in &report.removed {
        prop_assert!(r.start < r.end && r.end <= chars.len(), "{:?}", r);
        prop_assert!(r.start >= last_end, "overlap at {:?}", r);
        let slice: String = chars[r.start..r.end].iter().collect();
        prop_assert_eq!(&slice, &r.text);
        last_end = r.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn cleaning_is_idempotent(input in text_strategy()) {
        let options = CleanOptions::default();
        let once = clean(&input, &options);
        prop_assert_eq!(clean(&once, &options), once);
    }

    #[test]
    fn removals_index_the_input(input in text_strategy()) {
        check_report(&input, &CleanOptions::default())?;
    }

    #[test]
    fn html_mode_reports_exact_slices(input in text_strategy()) {
        check_report(&input, &CleanOptions { html: true, ..CleanOptions::default() })?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(input in any::<String>()) {
        let options = CleanOptions::default();
        let once = clean(&input, &options);
        prop_assert_eq!(clean(&once, &options), once);
        check_report(&input, &options)?;
    }
}
