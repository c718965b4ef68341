//! Reported speech in a headline, where every word is capitalised and the lower-case tests of
//! `reports.rs` cannot find the verb: `Mike Pence Says Too Much Is Made of Trump's Tweets`,
//! `Clinton Hid Health Problems From Public, Former White House Doctor Says`.

use super::phrases::lower_in;
use super::reports::{Report, MIN_CONTENT_WORDS};
use super::tokens::Tok;

/// Share of capitalised words (of four letters or more) that makes a sentence a headline.
const HEADLINE_SHARE: f32 = 0.8;

/// Verbs that report speech in headlines, in title case.
const HEADLINE_VERBS: &[&str] = &["Says", "Say", "Said", "Tells", "Told", "Warns", "Claims"];

/// The report of a headline sentence, if it is one and has a reporting verb: `S Says C`, or
/// `C, S Says` at its end.
pub fn headline_report(text: &str, toks: &[Tok]) -> Option<Report> {
    // The verb first: most sentences have none, and the test is cheap.
    let verb = toks
        .iter()
        .position(|t| t.is_word() && HEADLINE_VERBS.contains(&t.text(text)))?;
    if !is_headline(text, toks) {
        return None;
    }
    let words = |r: &[Tok]| r.iter().filter(|t| t.is_word()).count();
    let comma = toks[..verb].iter().rposition(|t| t.is_punct(','));
    let trailing = comma.filter(|&c| words(&toks[verb + 1..]) == 0 && c > 0);
    let (content, speaker) = match trailing {
        // `C, S Says.`
        Some(c) => (&toks[..c], &toks[c + 1..verb]),
        // `S Says C`
        None => (&toks[verb + 1..], &toks[..verb]),
    };
    let content_words: Vec<&Tok> = content.iter().filter(|t| t.is_word()).collect();
    let speaker_words: Vec<&Tok> = speaker.iter().filter(|t| t.is_word()).collect();
    let (first, last) = (content_words.first()?, content_words.last()?);
    let (who, who_end) = (speaker_words.first()?, speaker_words.last()?);
    (content_words.len() >= MIN_CONTENT_WORDS && speaker_words.len() <= 6).then(|| Report {
        fragments: std::iter::once(first.start..last.end()).collect(),
        speaker: Some(who.start..who_end.end()),
        cue: toks[verb].range(),
    })
}

/// Most words of a speaker before a headline colon (`Pat Caddell: ...`).
const MAX_COLON_SPEAKER_WORDS: usize = 3;

/// Labels that open a headline with a colon and name no one (`Update: ...`).
const HEADLINE_LABELS: &[&str] = &[
    "update",
    "updated",
    "breaking",
    "exclusive",
    "watch",
    "video",
    "photos",
    "analysis",
    "opinion",
    "editorial",
    "review",
    "live",
    "listen",
    "read",
    "correction",
    "note",
    "q",
    "wow",
    "boom",
    "whoa",
    "revealed",
    "shocking",
];

/// A one-word kicker before a headline's colon (`Update:`, `Wow:`, `BOOM:`, `HUFFPOLLSTER:`):
/// a known label, or a long word in capitals (an acronym that names a source is short).
fn is_kicker(word: &str) -> bool {
    let shouted = word.chars().count() >= 6 && word.chars().all(|c| c.is_ascii_uppercase());
    shouted || lower_in(word, HEADLINE_LABELS)
}

/// Words that name a series or a page, not a source (`Monday's Morning Email:`, `Paid
/// Notice:`, `Delegate Update:`).
const HEADLINE_SERIES: &[&str] = &[
    "email",
    "notice",
    "update",
    "newsletter",
    "briefing",
    "roundup",
    "digest",
];

/// Function words, capitalised in a headline, that a source's name does not hold.
const HEADLINE_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "over", "of", "in", "on", "at", "for", "to", "with", "from", "by", "and",
    "or", "is", "are", "how", "why", "what", "who", "when", "where",
];

/// `Pence: Gennifer Flowers Won't Be at Debate`, `Poll: Clinton and Trump in dead heat`: a
/// headline (the article's first paragraph, `toks` being its sentence) that gives a source
/// of one to three capitalised words, a colon, and what the source says.
pub fn headline_colon(text: &str, toks: &[Tok]) -> Option<Report> {
    let colon = toks.iter().position(|t| t.is_punct(':'))?;
    let speaker = &toks[..colon];
    let names = speaker.iter().filter(|t| t.is_word()).count();
    // A name: capitalised words, none of them a function word (`The Latest:`, `Stealth
    // Over Health:` are a column's name and a headline's own words).
    let capitalised = speaker.iter().all(|t| {
        !t.is_word() || {
            let w = t.text(text);
            w.starts_with(char::is_uppercase) && !lower_in(w, HEADLINE_FUNCTION_WORDS)
        }
    }) && speaker.first().is_some_and(Tok::is_word);
    let label = speaker.len() == 1 && is_kicker(speaker[0].text(text))
        || speaker
            .iter()
            .any(|t| lower_in(t.text(text), HEADLINE_SERIES));
    let content: Vec<&Tok> = toks[colon + 1..].iter().filter(|t| t.is_word()).collect();
    let ok = (1..=MAX_COLON_SPEAKER_WORDS).contains(&names)
        && capitalised
        && !label
        && content.len() >= MIN_CONTENT_WORDS;
    let (first, last) = (content.first()?, content.last()?);
    ok.then(|| Report {
        fragments: std::iter::once(first.start..last.end()).collect(),
        speaker: Some(speaker[0].start..speaker[colon - 1].end()),
        cue: toks[colon].range(),
    })
}

/// Are most longer words capitalised, as in a headline?
fn is_headline(text: &str, toks: &[Tok]) -> bool {
    let long: Vec<&str> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .filter(|w| w.len() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised as f32 >= HEADLINE_SHARE * long.len() as f32
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn report(t: &str) -> Option<(String, String, String)> {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        headline_report(t, &toks).map(|r| {
            (
                t[r.fragments[0].clone()].to_string(),
                t[r.speaker.unwrap()].to_string(),
                t[r.cue].to_string(),
            )
        })
    }

    #[test]
    fn speaker_first_and_speaker_last() {
        let (c, s, v) =
            report("Obama Says African-American Museum Will Tell of Suffering.").unwrap();
        assert_eq!(
            (c.as_str(), s.as_str(), v.as_str()),
            (
                "African-American Museum Will Tell of Suffering",
                "Obama",
                "Says"
            )
        );
        let (c, s, _) =
            report("Clinton Hid Past Health Problems From Public, Former White House Doctor Says.")
                .unwrap();
        assert_eq!(
            (c.as_str(), s.as_str()),
            (
                "Clinton Hid Past Health Problems From Public",
                "Former White House Doctor"
            )
        );
    }

    #[test]
    fn a_source_and_a_colon_in_a_headline() {
        let t = "Poll: Clinton and Trump in dead heat heading into first debate.";
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        let r = headline_colon(t, &toks).unwrap();
        assert_eq!(&t[r.speaker.unwrap()], "Poll");
        assert_eq!(
            &t[r.fragments[0].clone()],
            "Clinton and Trump in dead heat heading into first debate"
        );
        for t in [
            "Update: Clinton and Trump in dead heat.",
            "The Latest: Trump's leaked taxes not from Connecticut.",
            "Stealth Over Health: Clinton Was Headed to ER.",
            "BOOM: Trump Just Fired A Missile At Hillary.",
            "Wow: Glenn Beck Just Responded With One Brutal Line.",
            "Monday's Morning Email: Putin's Involvement In The Hack.",
        ] {
            let mut toks = Vec::new();
            tokenize(t, 0..t.len(), &mut toks);
            assert!(headline_colon(t, &toks).is_none(), "{t}");
        }
    }

    #[test]
    fn prose_is_no_headline() {
        assert!(report("The senator says the plan Will Fail in the end.").is_none());
    }
}
