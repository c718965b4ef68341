//! Does a stretch of words read as a clause (`the two raised $350 million`, `he would win`)
//! rather than a noun phrase (`a note of caution`) or a fragment (`stung after the crisis`)?
//! Reported content must be a clause; without a parser we ask for a subject-like first word
//! and a verb-like word soon after it.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon;
use super::phrases::{is_determiner, is_pronoun, lower};
use super::tokens::Tok;
use crate::text::hash::BuildFnv;

/// Longest aside between commas the clause test skips, in tokens.
const MAX_ASIDE_TOKENS: usize = 24;
/// How far into the content the verb must show up, in words.
const VERB_WITHIN: usize = 16;

/// Lower-case words that can open a reported clause as (or before) its subject.
const SUBJECT_OPENERS: &[&str] = &[
    "there",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "somebody",
    "all",
    "most",
    "many",
    "some",
    "few",
    "none",
    "each",
    "every",
    "any",
    "more",
    "less",
    "only",
    "neither",
    "either",
    "voters",
    "people",
    "americans",
    "officials",
    "police",
    "democrats",
    "republicans",
];

/// Auxiliaries, modals and forms of `be`, `have`, `do`: the verbs a clause most often shows.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "won't",
    "can't",
    "isn't",
    "wasn't",
    "doesn't",
    "didn't",
    "don't",
    "aren't",
    "weren't",
    "hasn't",
    "haven't",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "it's",
    "he's",
    "she's",
    "that's",
    "there's",
    "they're",
    "we're",
    "i'm",
    "you're",
];

fn lower_is(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    if word.contains('\u{2019}') {
        let normalised = word.replace('\u{2019}', "'");
        return lower(&normalised, &mut buf).is_some_and(|w| list.contains(&w));
    }
    lower(word, &mut buf).is_some_and(|w| list.contains(&w))
}

/// Word classes the clause test asks about, one bit each, so that a word is looked up once
/// rather than scanned against every list.
const AUX: u16 = 1;
const NOT_SUBJECT: u16 = 1 << 1;
const PAST: u16 = 1 << 2;
const PARTICIPLE: u16 = 1 << 3;
const SUBJECT_OPENER: u16 = 1 << 4;
/// Function words after which a word is not a verb (`of`, `the`, `was`).
const BEFORE_NOUN: u16 = 1 << 5;
const MID_ADVERB: u16 = 1 << 6;
/// Words that open an object or follow a verb (`too`, `more`, `that`).
const AFTER_VERB: u16 = 1 << 7;
const CONJUNCTION: u16 = 1 << 8;

static CLASSES: LazyLock<HashMap<&'static str, u16, BuildFnv>> = LazyLock::new(|| {
    let lists: [(&[&'static str], u16); 9] = [
        (AUXILIARIES, AUX),
        (NOT_SUBJECTS, NOT_SUBJECT),
        (IRREGULAR_PASTS, PAST),
        (IRREGULAR_PARTICIPLES, PARTICIPLE),
        (SUBJECT_OPENERS, SUBJECT_OPENER),
        (BEFORE_NOUN_WORDS, BEFORE_NOUN),
        (MID_ADVERBS, MID_ADVERB),
        (AFTER_VERB_WORDS, AFTER_VERB),
        (&["and", "or", "but", "nor"], CONJUNCTION),
    ];
    let mut table = HashMap::default();
    for (list, class) in lists {
        for &w in list {
            *table.entry(w).or_insert(0) |= class;
        }
    }
    table
});

/// The classes of `word` (any case; a curly apostrophe reads as a straight one).
fn classes(word: &str) -> u16 {
    let mut buf = [0u8; 16];
    let get = |w: &str, buf: &mut [u8; 16]| {
        lower(w, buf)
            .and_then(|w| CLASSES.get(w).copied())
            .unwrap_or(0)
    };
    if word.contains('\u{2019}') {
        return get(&word.replace('\u{2019}', "'"), &mut buf);
    }
    get(word, &mut buf)
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Common irregular past forms: the finite verb of many a reported clause (`the officer
/// who shot Scott`, `the bank lost money`).
const IRREGULAR_PASTS: &[&str] = &[
    "made",
    "took",
    "gave",
    "got",
    "went",
    "came",
    "saw",
    "won",
    "lost",
    "left",
    "paid",
    "kept",
    "held",
    "led",
    "met",
    "ran",
    "sent",
    "spent",
    "built",
    "brought",
    "bought",
    "caught",
    "fought",
    "sought",
    "stood",
    "became",
    "began",
    "broke",
    "chose",
    "drove",
    "fell",
    "grew",
    "heard",
    "hid",
    "hurt",
    "meant",
    "rose",
    "sat",
    "shot",
    "sold",
    "spoke",
    "stole",
    "struck",
    "threw",
    "wore",
    "wrote",
    "knew",
    "thought",
    "felt",
    "found",
    "told",
    "said",
    "put",
    "set",
    "cut",
    "let",
    "cost",
    "hit",
    "quit",
    "read",
    "lay",
    "laid",
    "tore",
    "drew",
    "forgot",
    "understood",
    "overtook",
    "undertook",
    "withdrew",
    "beat",
    "bit",
    "blew",
    "flew",
    "froze",
    "hung",
    "rang",
    "sang",
    "sank",
    "shook",
    "shrank",
    "slid",
    "spun",
    "swore",
    "swung",
    "woke",
    "won't",
    "ate",
    "dealt",
    "fed",
    "fled",
    "slept",
    "swept",
    "wept",
    "lent",
    "bent",
    "bound",
    "dug",
    "stuck",
    "struck",
    "taught",
    "wound",
];

/// Is `word` a common irregular past form (`said`, `told`, `shot`)?
pub fn is_irregular_past(word: &str) -> bool {
    classes(word) & PAST != 0
}

/// Irregular past participles: a clause does not open with one (`stung after the crisis`).
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "stung",
    "given",
    "taken",
    "done",
    "seen",
    "known",
    "shown",
    "written",
    "driven",
    "chosen",
    "spoken",
    "broken",
    "forgotten",
    "gotten",
    "hidden",
    "risen",
    "shaken",
    "stolen",
    "sworn",
    "thrown",
    "torn",
    "worn",
    "beaten",
    "bitten",
    "blown",
    "drawn",
    "flown",
    "grown",
    "frozen",
    "fallen",
    "eaten",
    "begun",
    "sung",
    "hung",
    "stuck",
    "spun",
    "won",
    "held",
    "kept",
    "left",
    "lost",
    "made",
    "meant",
    "paid",
    "sent",
    "sold",
    "spent",
    "brought",
    "bought",
    "caught",
    "taught",
    "fought",
    "sought",
    "built",
    "led",
    "struck",
    "split",
    "spread",
    "upset",
];

/// Function words that cannot open a clause as its subject (auxiliaries aside).
const NOT_SUBJECTS: &[&str] = &[
    "of",
    "to",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "about",
    "into",
    "over",
    "under",
    "against",
    "through",
    "after",
    "before",
    "during",
    "since",
    "until",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "because",
    "if",
    "when",
    "while",
    "whether",
    "how",
    "why",
    "where",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "not",
    "so",
    "too",
    "very",
    "also",
    "just",
    "even",
    "only",
    "being",
    "much",
    "little",
    "nothing",
    "something",
    "anything",
    "yes",
    "no",
    "hello",
    "goodbye",
    "thanks",
];

/// Can `word` open a clause? A capitalised word, a pronoun, a determiner, a quantifier, or a
/// lower-case noun (`leaders had agreed`, `parents still want`), not a function word, an
/// adverb or a verb form.
pub fn opens_subject(word: &str) -> bool {
    opens_subject_with(word, classes(word))
}

fn opens_subject_with(word: &str, cls: u16) -> bool {
    let mut buf = [0u8; 16];
    // `he'd`, `it's`, `they're`: a pronoun with its verb attached.
    let stem = word.split(['\'', '\u{2019}']).next().unwrap_or(word);
    if is_capitalised(word)
        || is_pronoun(stem)
        || cls & SUBJECT_OPENER != 0
        || lower(word, &mut buf).is_some_and(is_determiner)
    {
        return true;
    }
    let adverb = word.len() >= 5 && word.ends_with("ly");
    let verb_form = word.ends_with("ing")
        || word.ends_with("ed")
        || cls & (PAST | PARTICIPLE) != 0
        || lexicon::lookup(word).is_some();
    word.chars().next().is_some_and(char::is_alphabetic)
        && !adverb
        && !verb_form
        && cls & (NOT_SUBJECT | AUX) == 0
}

/// Adverbs that stand between a subject and its verb (`parents still want`).
const MID_ADVERBS: &[&str] = &[
    "still",
    "also",
    "never",
    "often",
    "sometimes",
    "always",
    "already",
    "now",
    "just",
    "even",
    "really",
    "actually",
    "generally",
    "rarely",
    "seldom",
];

/// Function words after which a word is not a finite verb.
const BEFORE_NOUN_WORDS: &[&str] = &[
    "of", "a", "an", "the", "to", "for", "in", "on", "with", "his", "her", "their", "its", "our",
    "by", "from", "at", "be", "been", "is", "are", "was", "were", "this", "that",
];

/// Words that may follow a verb: adverbs of degree and negation, `that`.
const AFTER_VERB_WORDS: &[&str] = &[
    "too", "more", "less", "no", "not", "only", "also", "never", "that",
];

fn is_mid_adverb(word: &str, cls: u16) -> bool {
    // `weekly`, `likely`, `elderly` are adjectives as often: only longer `-ly` words count.
    cls & MID_ADVERB != 0
        || word.len() >= 7
            && word.ends_with("ly")
            && word.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(
                word,
                "elderly" | "monthly" | "friendly" | "quarterly" | "orderly"
            )
}

/// Endings of adjectives, which stand before nouns, not subjects before verbs.
fn has_adjective_suffix(word: &str) -> bool {
    [
        "al", "ic", "ive", "ous", "ful", "less", "ary", "able", "ible", "ian", "ese", "ish", "ern",
        "ant", "ent",
    ]
    .iter()
    .any(|s| word.len() > s.len() + 2 && word.ends_with(s))
}

/// One word of a would-be clause with its classes.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    cls: u16,
}

impl<'a> Word<'a> {
    fn new(text: &'a str) -> Self {
        Word {
            text,
            cls: classes(text),
        }
    }

    fn is(&self, class: u16) -> bool {
        self.cls & class != 0
    }

    fn is_determiner(&self) -> bool {
        let mut buf = [0u8; 16];
        lower(self.text, &mut buf).is_some_and(is_determiner)
    }
}

const NO_WORD: Word<'static> = Word { text: "", cls: 0 };

/// Is `word` (between `prev` and `next`) likely a finite verb?
fn is_verb_like(word: Word, prev: Word, next: Word) -> bool {
    // `a veto and attempted ...`, `willingness to change ACA but has been`: a verb after a
    // conjunction is not the clause's first.
    if prev.is(CONJUNCTION) {
        return false;
    }
    if word.is(AUX) {
        return true;
    }
    let w = word.text;
    if !w.starts_with(char::is_lowercase) || prev.is(BEFORE_NOUN) {
        return false;
    }
    let past = w.len() > 4 && w.ends_with("ed");
    let third = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    // Not after any lower-case word: `political leaders` is no subject and verb.
    let after_subject = is_capitalised(prev.text)
        || is_pronoun(prev.text)
        || prev.is(SUBJECT_OPENER)
        || prev.is_determiner();
    let after_adverb = is_mid_adverb(prev.text, prev.cls)
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !word.is(NOT_SUBJECT | AUX)
        && !word.is_determiner()
        && !matches!(w, "more" | "less" | "most" | "as" | "too");
    // `the school's new timetable leaves too little time`: after a noun, an `-s` form that an
    // object or adverb follows.
    let object_next = next.is_determiner()
        || is_pronoun(next.text)
        || next.is(AFTER_VERB)
        || next.text.starts_with(char::is_lowercase)
            && !next.is(NOT_SUBJECT | AUX)
            && !next.text.ends_with("ly");
    let after_noun = !prev.is(NOT_SUBJECT | AUX) && !prev.text.ends_with("ly") && object_next;
    // `the prison system accounts for`: an `-s` form after a singular noun (not after an
    // adjective: `political leaders`); `Christians make up`, `children live`: a bare form after
    // a plural.
    let singular_noun = prev.text.starts_with(char::is_lowercase)
        && !prev.text.ends_with('s')
        && !prev.is(NOT_SUBJECT | AUX)
        && !prev.is_determiner()
        && !has_adjective_suffix(prev.text);
    let plural_noun = (prev.text.ends_with('s') && !prev.text.ends_with("ss")
        || matches!(
            prev.text,
            "children" | "people" | "men" | "women" | "police"
        ))
        && !prev.is(NOT_SUBJECT | AUX)
        && !is_pronoun(prev.text);
    let bare = !w.ends_with('s')
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !word.is(NOT_SUBJECT | AUX)
        && !word.is_determiner();
    past || word.is(PAST)
        || (third && (after_subject || after_noun || singular_noun))
        || (bare && plural_noun && object_next)
        || after_adverb
        || lexicon::cue_at(w, Some(prev.text)).is_some_and(|c| !c.gerund && !c.nominal)
}

/// Words after a comma that open an aside inside a noun phrase (`The program, which was
/// created in 1990, has`; `Vinson, a police officer, was`): the search skips to its end.
const ASIDE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whose",
    "whom",
    "where",
    "a",
    "an",
    "the",
    "including",
    "like",
    "such",
    "once",
    "now",
    "then",
    "both",
    "each",
    "not",
];

/// Adverbs that open a sentence before a comma (`However, ...`).
fn is_sentence_adverb(word: &str) -> bool {
    (word.len() >= 5 && word.ends_with("ly"))
        || lower_is(
            word,
            &[
                "however",
                "instead",
                "still",
                "meanwhile",
                "moreover",
                "also",
                "yet",
                "indeed",
                "now",
                "today",
                "overall",
                "besides",
                "nonetheless",
                "nevertheless",
                "conversely",
                "similarly",
                "finally",
                "first",
                "second",
                "again",
                "so",
                "thus",
                "therefore",
                "otherwise",
                "instead",
                "rather",
                "later",
                "earlier",
                "then",
            ],
        )
}

/// Prepositions and subordinators that open a phrase before the subject and its comma.
const LEADING_PHRASE_OPENERS: &[&str] = &[
    "unlike", "like", "in", "on", "at", "after", "before", "since", "despite", "with", "for", "as",
    "if", "when", "while", "although", "though", "because", "during", "without", "by", "under",
    "amid", "to", "from", "once", "until", "unless", "whether",
];

/// The words of a would-be clause, up to [`VERB_WITHIN`], with asides between commas left out
/// and a leading sentence adverb (`However,`) skipped. A comma that opens anything else ends
/// the clause: `a note of caution, should Clinton attempt ...` is no clause.
fn clause_words<'a>(text: &'a str, toks: &[Tok]) -> Vec<&'a str> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < toks.len() && words.len() < VERB_WITHIN {
        let t = &toks[i];
        if t.is_word() {
            let w = t.text(text);
            // `a veto and attempted to make ...`: a second verb phrase, the clause had none.
            let coordinated_verb = lower_is(w, &["and", "or", "but"])
                && toks.get(i + 1).is_some_and(|n| {
                    let n = n.text(text);
                    n.len() > 4 && n.ends_with("ed") && n.starts_with(char::is_lowercase)
                });
            if coordinated_verb {
                break;
            }
            words.push(w);
        } else if t.is_punct(',') {
            let next = toks
                .get(i + 1)
                .filter(|n| n.is_word())
                .map(|n| n.text(text));
            // `However, slower growth ... is`, `Unlike Patriot, Mr. Clarke has ...`: an
            // opening adverb or phrase before the subject.
            let opener_done = words.len() == 1 && is_sentence_adverb(words[0])
                || words
                    .first()
                    .is_some_and(|w| lower_is(w, LEADING_PHRASE_OPENERS));
            let participle_aside = next.is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && (w.ends_with("ed") || classes(w) & PARTICIPLE != 0 || w == "run")
            });
            if opener_done {
                words.clear();
            } else if next.is_some_and(|w| lower_is(w, ASIDE_OPENERS)) || participle_aside {
                // An aside is short and closed by a comma.
                let close = toks[i + 1..]
                    .iter()
                    .take(MAX_ASIDE_TOKENS)
                    .position(|t| t.is_punct(','));
                match close {
                    Some(c) => i += c + 1,
                    None => break,
                }
            } else {
                break;
            }
        }
        i += 1;
    }
    words
}

/// Do the words of `toks` open with a subject and show a finite verb soon after?
pub fn looks_like_clause(text: &str, toks: &[Tok]) -> bool {
    if toks
        .first()
        .is_some_and(|t| !t.is_word() && !t.is_punct('$'))
    {
        return false;
    }
    let words: Vec<Word> = clause_words(text, toks)
        .into_iter()
        .map(Word::new)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !opens_subject_with(first.text, first.cls)
        || matches!(
            first.text,
            "it" | "this" | "then" | "no" | "yes" | "It" | "This" | "Then"
        ) && words.len() < 3
    {
        return false;
    }
    // `it's too early`, `they're coming`: the subject brings its verb along.
    let contracted = first.text.contains(['\'', '\u{2019}']) && first.is(AUX) && words.len() >= 3;
    contracted
        || (1..words.len()).any(|k| {
            is_verb_like(
                words[k],
                words[k - 1],
                words.get(k + 1).copied().unwrap_or(NO_WORD),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn clause(t: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(t, 0..t.len(), &mut toks);
        looks_like_clause(t, &toks)
    }

    #[test]
    fn clauses() {
        assert!(clause("the two raised $350 million through the program"));
        assert!(clause("he would win the state"));
        assert!(clause("Clinton beats Trump by 46 percent"));
        assert!(clause("there are also national security concerns"));
    }

    #[test]
    fn clauses_with_asides_openers_and_bare_plurals() {
        assert!(clause(
            "The program, which was created in 1990, has expanded"
        ));
        assert!(clause(
            "However, slower growth in developed nations is being offset"
        ));
        assert!(clause("Unlike Patriot, Mr. Clarke has few investors"));
        assert!(clause("leaders had agreed to put together a plan"));
        assert!(clause("Christians make up less than half of 1 percent"));
        assert!(clause("the school's new timetable leaves too little time"));
        assert!(clause("it's too early to discuss strategies"));
    }

    #[test]
    fn not_clauses() {
        assert!(!clause(
            "a note of caution, should Clinton attempt a return"
        ));
        assert!(!clause(
            "stung after the euro crisis highlighted differences"
        ));
        assert!(!clause("Machado since the Monday night debate"));
        assert!(!clause(
            "Ivanka Trump, the Republican presidential nominee's eldest daughter"
        ));
        assert!(!clause("a veto and attempted to make the case"));
        assert!(!clause("The average weekly benefit"));
        assert!(!clause("political leaders in Europe and beyond"));
    }
}
