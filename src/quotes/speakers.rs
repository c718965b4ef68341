//! `speaker_name`: the speaker mention turned into a person's name. Titles are stripped
//! (`Sen. Bernie Sanders` -> `Bernie Sanders`), a bare surname takes the full name seen
//! earlier (`Clinton` -> `Hillary Clinton`), and pronouns and person descriptions (`he`,
//! `the spokeswoman`) go to the nearest earlier named person of compatible gender.
//!
//! Not coreference in general: the candidates are the named speakers of earlier quotes and
//! the names the article introduces with a title or a known first name.

use std::collections::HashMap;
use std::ops::Range;

use super::assemble::Draft;
use super::doc::Doc;
use super::phrases::{
    breaks_clause, breaks_clause_lower, is_clause_word, is_lower_clause_word, is_lower_title,
    is_pronoun, is_time_word, is_title, lower,
};
use super::tokens::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// This gender if known, else `other`.
    fn fits_or(self, other: Gender) -> Gender {
        if self == Gender::Unknown {
            other
        } else {
            self
        }
    }

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

/// How many named people back a pronoun or a description may look for a compatible one.
const MAX_LOOKBACK: usize = 40;

/// The people an article names, for resolving mentions: in text order, and by surname.
struct Register<'a> {
    /// Named speakers and titled names, in text order.
    people: Vec<Person>,
    /// Full names (two or three capitalised words) as text ranges, in text order.
    full: Vec<Range<usize>>,
    /// Positions in `full` by the name's last word.
    by_surname: HashMap<&'a str, Vec<usize>>,
    text: &'a str,
}

impl<'a> Register<'a> {
    fn new(doc: &Doc<'a>, drafts: &[Draft]) -> Self {
        let mut people = title_names(doc);
        people.extend(
            drafts
                .iter()
                .filter_map(|d| named_person(doc, d.speaker.clone()?)),
        );
        let full = full_names(doc);
        // `Head teacher Maria Osei told ...`: a full name whose given name tells the gender is
        // someone a later `she` may be.
        people.extend(full.iter().filter_map(|r| {
            let name = doc.slice(r.clone());
            let gender = first_name_gender(name);
            (gender != Gender::Unknown).then(|| Person {
                name: name.to_string(),
                at: r.start,
                gender,
            })
        }));
        people.sort_by_key(|p| p.at);
        let mut by_surname: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (k, range) in full.iter().enumerate() {
            let name = doc.slice(range.clone());
            if let Some((_, last)) = name.rsplit_once(' ') {
                by_surname.entry(last).or_default().push(k);
            }
        }
        Register {
            people,
            full,
            by_surname,
            text: doc.text,
        }
    }

    /// The nearest person named before `at` whose gender fits, within [`MAX_LOOKBACK`].
    fn nearest_before(&self, at: usize, gender: Gender) -> Option<&Person> {
        let end = self.people.partition_point(|p| p.at < at);
        self.people[..end]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .find(|p| p.gender.fits(gender))
    }

    /// A person's name in full: `Marchetti` becomes the `Odile Marchetti` seen before.
    fn completed(&self, p: &Person) -> String {
        if p.name.contains(' ') {
            return p.name.clone();
        }
        self.full_name(&p.name, p.at)
            .unwrap_or_else(|| p.name.clone())
    }

    /// The full name for a bare surname: a named speaker's, else the last full name before
    /// `at`, else the first after.
    fn full_name(&self, surname: &str, at: usize) -> Option<String> {
        let suffix = format!(" {surname}");
        let end = self.people.partition_point(|p| p.at < at);
        let speaker = self.people[..end]
            .iter()
            .rev()
            .find(|p| p.name.ends_with(&suffix));
        if let Some(p) = speaker {
            return Some(p.name.clone());
        }
        let list = self.by_surname.get(surname)?;
        let end = list.partition_point(|&k| self.full[k].start < at);
        let k = list[..end].last().or_else(|| list.get(end))?;
        self.text.get(self.full[*k].clone()).map(str::to_string)
    }
}

/// The resolved name of every draft's speaker, in the same order.
pub fn speaker_names(doc: &Doc, drafts: &[Draft]) -> Vec<Option<String>> {
    if drafts.iter().all(|d| d.speaker.is_none()) {
        return vec![None; drafts.len()];
    }
    let register = Register::new(doc, drafts);
    let mut seen: Vec<(Range<usize>, String)> = Vec::new();
    // One mention speaks several quotes (a mixed quotation and its partial quote): it is
    // resolved once, and looked up by its range (a scan of `seen` was quadratic in quotes).
    let mut resolved: HashMap<(usize, usize), String> = HashMap::new();
    drafts
        .iter()
        .map(|d| {
            let mention = d.speaker.clone()?;
            if let Some(name) = resolved.get(&(mention.start, mention.end)) {
                return Some(name.clone());
            }
            let name = described_earlier(doc, &seen, mention.clone())
                .unwrap_or_else(|| resolve(doc, &register, mention.clone()));
            resolved.insert((mention.start, mention.end), name.clone());
            seen.push((mention, name.clone()));
            Some(name)
        })
        .collect()
}

/// Farthest after an earlier speaker mention its description may run (`, the regional water
/// minister`), in bytes.
const DESCRIPTION_REACH: usize = 60;

/// `the minister said` after `The finance minister, Pieter Hollis, said` (or `said Pieter
/// Hollis, the finance minister`): the latest earlier speaker whose mention or apposition
/// holds the description's head noun, resolved to a name. `seen`: earlier mentions and their
/// names, in text order.
fn described_earlier(
    doc: &Doc,
    seen: &[(Range<usize>, String)],
    mention: Range<usize>,
) -> Option<String> {
    let surface = doc.slice(mention.clone());
    if !is_person_description(surface) || name_core(doc, mention).is_some() {
        return None;
    }
    let head = surface.rsplit(' ').next()?.to_lowercase();
    let holds_head = |r: &Range<usize>| {
        let end = (r.end + DESCRIPTION_REACH).min(doc.text.len());
        let aside = doc.tokens(r.end..end);
        let apposition = if aside.first().is_some_and(|t| t.is_punct(',')) {
            let close = aside[1..]
                .iter()
                .position(|t| !t.is_word())
                .map_or(aside.len(), |c| c + 1);
            &aside[1..close]
        } else {
            &[]
        };
        doc.tokens(r.clone())
            .iter()
            .chain(apposition)
            .any(|t| t.is_word() && t.text(doc.text).eq_ignore_ascii_case(&head))
    };
    seen.iter()
        .rev()
        .find(|(r, name)| holds_head(r) && name.starts_with(char::is_uppercase))
        .map(|(_, name)| name.clone())
        .filter(|name| !is_person_description(name) || name.contains(char::is_uppercase))
}

/// The name for one speaker mention.
fn resolve(doc: &Doc, register: &Register, mention: Range<usize>) -> String {
    let surface = doc.slice(mention.clone());
    // `McConnell, who said`: the relative stands for the name before it.
    if is_relative(surface) {
        return antecedent(doc, mention.start)
            .map_or(surface.to_string(), |a| resolve(doc, register, a));
    }
    // `A parent, Dan Whitlow, said`: the name in apposition is the speaker's.
    if name_core(doc, mention.clone()).is_none() || is_person_description(surface) {
        if let Some(name) = appositive_name(doc, mention.end) {
            return doc.slice(name).to_string();
        }
    }
    if is_pronoun(surface) {
        let gender = pronoun_gender(surface);
        if gender == Gender::Unknown {
            return surface.to_string(); // they, we, I: not one named person
        }
        return register
            .nearest_before(mention.start, gender)
            .map_or(surface.to_string(), |p| register.completed(p));
    }
    let Some(core) = name_core(doc, mention.clone()) else {
        if is_person_description(surface) {
            if let Some(p) = register.nearest_before(mention.start, description_gender(surface)) {
                return p.name.clone();
            }
        }
        return surface.to_string();
    };
    if !core.contains(' ') {
        if let Some(name) = register.full_name(&core, mention.start) {
            return name;
        }
    }
    core
}

fn is_relative(word: &str) -> bool {
    word.eq_ignore_ascii_case("who") || word.eq_ignore_ascii_case("which")
}

/// The capitalised words right before `at`, a comma between allowed: what a relative pronoun
/// stands for (`Mitch McConnell, who`).
fn antecedent(doc: &Doc, at: usize) -> Option<Range<usize>> {
    let toks = doc.tokens(at.saturating_sub(120)..at);
    let mut end = toks.len();
    if end > 0 && toks[end - 1].is_punct(',') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && toks[start - 1].is_word() && is_capitalised(toks[start - 1].text(doc.text)) {
        start -= 1;
    }
    (start < end).then(|| toks[start].start..toks[end - 1].end())
}

/// `, Dan Whitlow,` right after `at`: a name of two or three capitalised words between
/// commas.
fn appositive_name(doc: &Doc, at: usize) -> Option<Range<usize>> {
    let toks = doc.tokens(at..(at + 80).min(doc.text.len()));
    if !toks.first()?.is_punct(',') {
        return None;
    }
    // `, Professor Colm Devlin,`: titles before the name are skipped, with their dots.
    let first = 1 + toks[1..]
        .iter()
        .take_while(|t| t.is_punct('.') || t.is_word() && is_title(t.text(doc.text)))
        .count();
    let words = toks[first..]
        .iter()
        .take_while(|t| {
            t.is_word() && is_capitalised(t.text(doc.text)) && !is_title(t.text(doc.text))
        })
        .count();
    let closed = toks.get(first + words).is_some_and(|t| t.is_punct(','));
    ((2..=3).contains(&words) && closed).then(|| toks[first].start..toks[first + words - 1].end())
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
    // `Parents at Lindqvist Primary`: a group named by a place is no person's name.
    // So is `Café owners on Mill Street`: a plural head before the preposition.
    let plural_head = words.windows(2).any(|w| {
        let head = w[0].text(doc.text);
        head.ends_with('s')
            && !is_title(head)
            && matches!(
                w[1].text(doc.text),
                "at" | "in" | "from" | "of" | "for" | "on"
            )
    }) && words.len() >= 3;
    if plural_head {
        return None;
    }
    let mut end = words.len();
    // Drop what follows the name (`Sanders (D-Vt.)` keeps `Sanders`, `Marchetti on Saturday`
    // keeps `Marchetti`).
    loop {
        let word = |k: usize| words[k].text(doc.text);
        if end > 0 && !is_capitalised(word(end - 1)) {
            end -= 1;
        } else if end > 1 && is_time_word(word(end - 1)) && is_preposition_word(word(end - 2)) {
            end -= 2;
        } else {
            break;
        }
    }
    // `Union officials`, `Passenger groups`, `Her supervisor`: capitalised words that modify a
    // lower-case head noun name a group or a place, not the speaker.
    let modifies_head = end > 0
        && words.get(end).is_some_and(|w| {
            let w = w.text(doc.text);
            !is_clause_word(w) && !breaks_clause(w) && !is_time_word(w) && !is_preposition_word(w)
        })
        && words[end - 1].end() + 1 == words[end].start;
    if modifies_head {
        return None;
    }
    let mut start = end;
    while start > 0 && is_capitalised(words[start - 1].text(doc.text)) {
        start -= 1;
    }
    // `Charlotte Mayor Jennifer Roberts` -> `Jennifer Roberts`; `The Clinton` -> `Clinton`
    if let Some(last_title) = (start..end)
        .rev()
        .find(|&k| is_title(words[k].text(doc.text)))
    {
        start = last_title + 1;
    }
    while start < end && is_leading_article(words[start].text(doc.text)) {
        start += 1;
    }
    (start < end).then(|| join_words(doc, &words[start..end]))
}

/// Prepositions and particles that may follow a name in a mention (`Marchetti on Saturday`,
/// `Lowe at the shelter`).
fn is_preposition_word(word: &str) -> bool {
    matches!(
        word,
        "on" | "in" | "at" | "of" | "for" | "from" | "with" | "to" | "by" | "and" | "or"
    )
}

fn is_leading_article(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "Her"
            | "His"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "Another"
            | "Each"
            | "Every"
            | "This"
            | "That"
            | "Many"
            | "Some"
            | "Most"
            | "Several"
            | "Other"
            | "Both"
            | "All"
            | "Few"
            | "These"
            | "Those"
    )
}

/// Runs of two or three capitalised words anywhere in the article (`Brian Deese`): what a
/// bare surname (`Mr. Deese`) is completed from.
fn full_names(doc: &Doc) -> Vec<Range<usize>> {
    let toks = &doc.toks;
    let bytes = doc.text.as_bytes();
    let name_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            // Cheap tests first: most tokens are not capitalised words.
            let capital = bytes.get(t.start).is_some_and(u8::is_ascii_uppercase);
            capital && t.is_word() && t.end() - t.start > 1 && {
                let w = t.text(doc.text);
                // Lowered once for the three lists (each would lower it again).
                let mut buf = [0u8; 16];
                !is_leading_article(w)
                    && lower(w, &mut buf).is_none_or(|l| {
                        !is_lower_title(l) && !is_lower_clause_word(l) && !breaks_clause_lower(l)
                    })
            }
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && j < i + 3 && name_word(j) {
            j += 1;
        }
        if j - i >= 2 {
            out.push(toks[i].start..toks[j - 1].end());
        }
        i = j;
    }
    out
}

/// The words from first to last as written, with the spacing and dots of the text.
fn join_words(doc: &Doc, words: &[&Tok]) -> String {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => doc.slice(a.start..b.end()).to_string(),
        _ => String::new(),
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A speaker mention that names someone (`Donna Brazile`, `Mr. Obama`, `Her son, Erik
/// Olsen,`).
fn named_person(doc: &Doc, mention: Range<usize>) -> Option<Person> {
    let surface = doc.slice(mention.clone());
    if is_pronoun(surface) {
        return None;
    }
    let Some(name) = name_core(doc, mention.clone()) else {
        let name = doc.slice(appositive_name(doc, mention.end)?).to_string();
        return Some(Person {
            gender: description_gender(surface).fits_or(first_name_gender(&name)),
            name,
            at: mention.start,
        });
    };
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
                let name = doc.slice(toks[start].start..toks[j - 1].end()).to_string();
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
            | "melanie" | "megyn" | "ivana" | "loretta" | "janet" | "kelly" | "dianne" | "claire"
            | "kamala" | "angela" | "theresa" | "chelsea" | "sheryl" | "jill" | "marsha" | "nikki"
            | "carly" | "condoleezza" | "madeleine" | "ruth" | "sonia" | "elena" | "samantha"
            | "heather" | "stephanie" | "nicole" | "joan",
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
    fn offices_before_names_and_surnames_from_anywhere() {
        let t = "Charlotte Mayor Jennifer Roberts spoke.";
        assert_eq!(
            names(t, &["Charlotte Mayor Jennifer Roberts"])[0].as_deref(),
            Some("Jennifer Roberts")
        );
        let t = "Brian Deese runs the office. Later Mr. Deese spoke.";
        assert_eq!(names(t, &["Mr. Deese"])[0].as_deref(), Some("Brian Deese"));
        let t = "When Clinton spoke, many experts agreed.";
        assert_eq!(names(t, &["Clinton"])[0].as_deref(), Some("Clinton"));
    }

    #[test]
    fn appositive_names_relatives_and_given_names() {
        let t = "A parent, Dan Whitlow, said no.";
        assert_eq!(names(t, &["A parent"])[0].as_deref(), Some("Dan Whitlow"));
        let t = "It was Mitch McConnell, who said no.";
        assert_eq!(names(t, &["who"])[0].as_deref(), Some("Mitch McConnell"));
        // A full name whose given name tells the gender is a later pronoun's antecedent.
        let t = "Head teacher Maria Osei spoke. Then she left.";
        assert_eq!(names(t, &["she"])[0].as_deref(), Some("Maria Osei"));
        let t = "Parents at Lindqvist Primary say no.";
        assert_eq!(
            names(t, &["Parents at Lindqvist Primary"])[0].as_deref(),
            Some("Parents at Lindqvist Primary")
        );
    }

    #[test]
    fn sample_corpus_speaker_bugs() {
        // A possessive before the head noun is no name; the apposition after a title is.
        let t = "Her supervisor, Professor Colm Devlin, said the find was rare.";
        assert_eq!(
            names(t, &["Her supervisor"])[0].as_deref(),
            Some("Colm Devlin")
        );
        // A time phrase after the name is no part of it.
        let t = "Sen. Odile Marchetti on Saturday called the budget a betrayal.";
        assert_eq!(
            names(t, &["Sen. Odile Marchetti on Saturday"])[0].as_deref(),
            Some("Odile Marchetti")
        );
        // A pronoun takes the full name, not the bare surname of the last mention.
        let t = "Sen. Odile Marchetti spoke. Marchetti told supporters no. Then she added more.";
        assert_eq!(
            names(t, &["Sen. Odile Marchetti", "Marchetti told", "she"])[2].as_deref(),
            Some("Odile Marchetti")
        );
        // `the minister` is the speaker described as a minister, not the nearest name.
        let t = "The finance minister, Pieter Hollis, said no. Sen. Odile Marchetti said yes. \
                 Then the minister said no again.";
        assert_eq!(
            names(
                t,
                &[
                    "The finance minister",
                    "Sen. Odile Marchetti",
                    "the minister"
                ]
            )[2]
            .as_deref(),
            Some("Pieter Hollis")
        );
        // Groups named by a place or a capitalised modifier keep their mention.
        let t = "Union officials said no. Café owners on Mill Street said yes.";
        assert_eq!(
            names(t, &["Union officials", "Café owners on Mill Street"]),
            [
                Some("Union officials".to_string()),
                Some("Café owners on Mill Street".to_string())
            ]
        );
        // The son named in apposition is the `he` who speaks next.
        let t = "Marguerite Olsen died. Her son, Erik Olsen, said she was brave. Then he wept.";
        assert_eq!(
            names(t, &["Her son", "he"])[1].as_deref(),
            Some("Erik Olsen")
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
