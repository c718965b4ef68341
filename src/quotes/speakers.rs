//! `speaker_name`: the speaker mention turned into a person's name. Titles are stripped
//! (`Sen. Bernie Sanders` -> `Bernie Sanders`), a bare surname takes the full name seen
//! earlier (`Clinton` -> `Hillary Clinton`), and pronouns and person descriptions (`he`,
//! `the spokeswoman`) go to the nearest earlier named person of compatible gender.
//!
//! Not coreference in general: the candidates are the named speakers of earlier quotes and
//! the names the article introduces with a title or a known first name.

use std::ops::Range;

use super::assemble::Draft;
use super::doc::Doc;
use super::phrases::{is_pronoun, is_title, lower};
use super::tokens::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A named person mentioned in the article.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    at: usize,
    gender: Gender,
}

/// The resolved name of every draft's speaker, in the same order.
pub fn speaker_names(doc: &Doc, drafts: &[Draft]) -> Vec<Option<String>> {
    let mut people = title_names(doc);
    for d in drafts {
        if let Some(s) = &d.speaker {
            if let Some(p) = named_person(doc, s.clone()) {
                people.push(p);
            }
        }
    }
    people.sort_by_key(|p| p.at);
    drafts
        .iter()
        .map(|d| d.speaker.clone().map(|s| resolve(doc, &people, s)))
        .collect()
}

/// The name for one speaker mention.
fn resolve(doc: &Doc, people: &[Person], mention: Range<usize>) -> String {
    let surface = doc.slice(mention.clone());
    let earlier = || people.iter().rev().filter(|p| p.at < mention.start);
    if is_pronoun(surface) {
        let gender = pronoun_gender(surface);
        if gender == Gender::Unknown {
            return surface.to_string(); // they, we, I: not one named person
        }
        return earlier()
            .find(|p| p.gender.fits(gender))
            .map_or(surface.to_string(), |p| p.name.clone());
    }
    let Some(core) = name_core(doc, mention.clone()) else {
        let gender = description_gender(surface);
        if is_person_description(surface) {
            if let Some(p) = earlier().find(|p| p.gender.fits(gender)) {
                return p.name.clone();
            }
        }
        return surface.to_string();
    };
    if !core.contains(' ') {
        let full = earlier()
            .chain(people.iter())
            .find(|p| p.name.ends_with(&core) && p.name.len() > core.len());
        if let Some(p) = full.filter(|p| p.name.ends_with(&format!(" {core}"))) {
            return p.name.clone();
        }
    }
    core
}

fn pronoun_gender(word: &str) -> Gender {
    let mut buf = [0u8; 16];
    match lower(word, &mut buf) {
        Some("he") => Gender::Male,
        Some("she") => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn description_gender(mention: &str) -> Gender {
    let lower_mention = mention.to_lowercase();
    let has = |w: &str| {
        lower_mention
            .split(|c: char| !c.is_alphabetic())
            .any(|x| x == w)
    };
    if [
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "woman",
        "mother",
        "wife",
        "daughter",
        "sister",
    ]
    .iter()
    .any(|w| has(w))
    {
        Gender::Female
    } else if [
        "spokesman",
        "chairman",
        "congressman",
        "man",
        "father",
        "husband",
        "son",
        "brother",
    ]
    .iter()
    .any(|w| has(w))
    {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// A singular description of a person (`the senator`, `a spokeswoman for the party`).
fn is_person_description(mention: &str) -> bool {
    let head = mention
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4);
    head.into_iter().any(|w| is_title(w) || is_person_noun(w))
}

fn is_person_noun(word: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| {
        matches!(
            w,
            "official"
                | "aide"
                | "adviser"
                | "advisor"
                | "lawyer"
                | "spokesperson"
                | "strategist"
                | "businessman"
                | "businesswoman"
                | "woman"
                | "man"
                | "candidate"
                | "lawmaker"
                | "economist"
                | "analyst"
                | "pollster"
                | "author"
                | "host"
                | "anchor"
                | "star"
                | "billionaire"
                | "mogul"
                | "surrogate"
                | "manager"
                | "chair"
                | "founder"
        )
    })
}

/// The name inside a mention: its last run of capitalised words, titles stripped.
fn name_core(doc: &Doc, mention: Range<usize>) -> Option<String> {
    let toks = doc.tokens(mention);
    let words: Vec<&Tok> = toks.iter().filter(|t| t.is_word()).collect();
    let mut end = words.len();
    // Drop what follows the name (`Sanders (D-Vt.)` keeps `Sanders`).
    while end > 0 && !is_capitalised(words[end - 1].text(doc.text)) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_capitalised(words[start - 1].text(doc.text)) {
        start -= 1;
    }
    while start < end && is_title(words[start].text(doc.text)) {
        start += 1;
    }
    (start < end).then(|| join_words(doc, &words[start..end]))
}

/// The words from first to last as written, with the spacing and dots of the text.
fn join_words(doc: &Doc, words: &[&Tok]) -> String {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => doc.slice(a.start..b.end).to_string(),
        _ => String::new(),
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A speaker mention that names someone (`Donna Brazile`, `Mr. Obama`).
fn named_person(doc: &Doc, mention: Range<usize>) -> Option<Person> {
    let surface = doc.slice(mention.clone());
    if is_pronoun(surface) {
        return None;
    }
    let name = name_core(doc, mention.clone())?;
    let gender = title_gender(surface).unwrap_or_else(|| first_name_gender(&name));
    Some(Person {
        name,
        at: mention.start,
        gender,
    })
}

/// People the article introduces with a title (`Mr. Obama`, `Sen. Tim Kaine`).
fn title_names(doc: &Doc) -> Vec<Person> {
    let toks = &doc.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let capital = doc
            .text
            .as_bytes()
            .get(t.start)
            .is_some_and(u8::is_ascii_uppercase);
        if !capital {
            i += 1;
            continue;
        }
        let w = t.text(doc.text);
        if t.is_word() && is_honorific(w) {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|d| d.is_punct('.')) {
                j += 1;
            }
            let start = j;
            while j < toks.len()
                && j < start + 3
                && toks[j].is_word()
                && is_capitalised(toks[j].text(doc.text))
                && !is_title(toks[j].text(doc.text))
            {
                j += 1;
            }
            if j > start {
                let name = doc.slice(toks[start].start..toks[j - 1].end).to_string();
                let gender = title_gender(w).unwrap_or_else(|| first_name_gender(&name));
                out.push(Person {
                    name,
                    at: t.start,
                    gender,
                });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Titles that stand before a person's name, capitalised.
fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Miss"
            | "Dr"
            | "Sen"
            | "Senator"
            | "Rep"
            | "Gov"
            | "Governor"
            | "President"
            | "Gen"
            | "Judge"
            | "Mayor"
            | "Secretary"
            | "Speaker"
    )
}

fn title_gender(mention: &str) -> Option<Gender> {
    let first = mention
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut buf = [0u8; 16];
    match lower(first, &mut buf) {
        Some("mr") => Some(Gender::Male),
        Some("mrs" | "ms" | "miss") => Some(Gender::Female),
        _ => None,
    }
}

/// Gender from a few common given names; unknown otherwise.
fn first_name_gender(name: &str) -> Gender {
    let first = name.split(' ').next().unwrap_or("");
    let mut buf = [0u8; 16];
    match lower(first, &mut buf) {
        Some(
            "hillary" | "melania" | "ivanka" | "kellyanne" | "elizabeth" | "nancy" | "michelle"
            | "sarah" | "mary" | "susan" | "karen" | "lisa" | "jennifer" | "linda" | "patricia"
            | "barbara" | "margaret" | "jessica" | "emily" | "anna" | "donna" | "debbie" | "maria"
            | "laura" | "amy" | "kate" | "katie" | "rachel" | "julie" | "hope" | "huma" | "jane"
            | "dianne" | "claire" | "kamala" | "angela" | "theresa" | "chelsea" | "sheryl" | "jill"
            | "marsha" | "nikki" | "carly" | "condoleezza" | "madeleine" | "ruth" | "sonia"
            | "elena" | "samantha" | "heather" | "stephanie" | "nicole" | "joan",
        ) => Gender::Female,
        Some(
            "donald" | "barack" | "bill" | "mike" | "michael" | "tim" | "bernie" | "john" | "james"
            | "robert" | "david" | "william" | "richard" | "joseph" | "joe" | "thomas" | "charles"
            | "chris" | "christopher" | "daniel" | "paul" | "mark" | "george" | "steven" | "steve"
            | "kevin" | "brian" | "jeff" | "rudy" | "newt" | "ted" | "marco" | "jeb" | "rand"
            | "mitch" | "harry" | "chuck" | "reince" | "sean" | "corey" | "eric" | "jared" | "gary"
            | "ben" | "jim" | "tom" | "peter" | "frank" | "andrew" | "jason" | "matt" | "ryan"
            | "scott" | "jack" | "henry" | "vladimir" | "barry" | "lindsey" | "jon" | "tony"
            | "anthony" | "adam" | "josh" | "dan" | "ron" | "roger" | "lester" | "chris's" | "rick"
            | "mitt" | "al" | "jesse" | "martin" | "colin" | "dick",
        ) => Gender::Male,
        _ => Gender::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteKind;

    fn names(t: &str, mentions: &[&str]) -> Vec<Option<String>> {
        let doc = Doc::new(t);
        let drafts: Vec<Draft> = mentions
            .iter()
            .map(|m| {
                let s = t.find(m).unwrap();
                Draft {
                    fragments: vec![],
                    speaker: Some(s..s + m.len()),
                    cue: None,
                    kind: QuoteKind::Direct,
                    paragraph: 0,
                    floating: false,
                }
            })
            .collect();
        speaker_names(&doc, &drafts)
    }

    #[test]
    fn titles_stripped_and_surnames_completed() {
        let t = "Sen. Bernie Sanders spoke. Later Sanders left.";
        assert_eq!(
            names(t, &["Sen. Bernie Sanders", "Sanders left"])[0].as_deref(),
            Some("Bernie Sanders")
        );
        let t = "Hillary Clinton spoke first. Then Clinton said no.";
        assert_eq!(
            names(t, &["Hillary Clinton", "Clinton said"])[1].as_deref(),
            Some("Hillary Clinton")
        );
    }

    #[test]
    fn pronouns_take_the_nearest_compatible_person() {
        let t = "Mr. Obama spoke, then Ms. Brazile spoke. He said no.";
        assert_eq!(names(t, &["He"])[0].as_deref(), Some("Obama"));
        let t = "Donna Brazile, a spokeswoman, spoke. Then the spokeswoman left.";
        assert_eq!(
            names(t, &["Donna Brazile", "the spokeswoman"])[1].as_deref(),
            Some("Donna Brazile")
        );
        assert_eq!(
            names("They said no.", &["They"])[0].as_deref(),
            Some("They")
        );
    }
}
