//! Reporting verbs: the cue words of attribution (`said`, `told`, `warned`, `called ... a`),
//! written as lemmas and inflected here, so every form (`say`, `says`, `said`, `saying`) is
//! known. `according to` is a cue too but spans two words: attribution matches it itself.
//!
//! Each lemma carries what it can do: introduce a quote (`"Q," she said`), govern a partial
//! quote inside its clause (`called the plan "a disaster"`), or report speech or thought
//! without marks (`he said that ...`, `she believes ...`). Not a parser: the lexicon only
//! says what a word may be; attribution decides from where it stands.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::frames::FRAMES;
use super::phrases::lower;
use crate::text::hash::BuildFnv;

/// The verb can introduce or close a direct quote: `"Q," S said` / `S said: "Q"`.
pub const DIRECT: u8 = 1;
/// The verb can govern a partial quote later in its clause: `S called it "a disaster"`.
pub const PARTIAL: u8 = 2;
/// The verb reports speech or thought without marks: `S said (that) ...`.
pub const INDIRECT: u8 = 4;

const SPEECH: u8 = DIRECT | PARTIAL | INDIRECT;
const QUOTING: u8 = DIRECT | PARTIAL;

/// Lemmas and what they can do. An entry is `base`, optionally followed by `*` (double the
/// final consonant: `admit` -> `admitted`), `+` (both spellings: `labeled`, `labelled`), and
/// `/past` or `/past/participle` for irregular verbs. A leading `~` marks a lemma whose bare
/// form is far more often a noun (`a report`), `~~` one whose `-s` form is too (`the
/// comments`): those forms are left out, the past and `-ing` forms stay.
const VERBS: &[(&str, u8)] = &[
    // Speech that introduces quotes and reports clauses.
    ("say/said", SPEECH),
    ("tell/told", SPEECH),
    ("add", SPEECH),
    ("write/wrote/written", SPEECH),
    ("warn", SPEECH),
    ("insist", SPEECH),
    ("explain", SPEECH),
    ("~note", SPEECH),
    ("argue", SPEECH),
    ("~claim", SPEECH),
    ("declare", SPEECH),
    ("announce", SPEECH),
    ("~~state", SPEECH),
    ("~reply", SPEECH),
    ("respond", SPEECH),
    ("acknowledge", SPEECH),
    ("admit*", SPEECH),
    ("concede", SPEECH),
    ("recall", SPEECH),
    ("predict", SPEECH),
    ("suggest", SPEECH),
    ("~~tweet", SPEECH),
    ("complain", SPEECH),
    ("caution", SPEECH),
    ("observe", SPEECH),
    ("~~remark", SPEECH),
    ("emphasize", SPEECH),
    ("emphasise", SPEECH),
    ("stress", SPEECH),
    ("assert", SPEECH),
    ("contend", SPEECH),
    ("maintain", SPEECH),
    ("~~counter", SPEECH),
    ("retort", SPEECH),
    ("testify", SPEECH),
    ("boast", SPEECH),
    ("brag*", SPEECH),
    ("lament", SPEECH),
    ("~~vow", SPEECH),
    ("~~promise", SPEECH),
    ("~~pledge", SPEECH),
    ("threaten", SPEECH),
    ("confirm", SPEECH),
    ("deny", SPEECH),
    ("agree", SPEECH),
    ("~~charge", SPEECH),
    ("allege", SPEECH),
    ("mention", SPEECH),
    ("~~report", SPEECH),
    ("reveal", SPEECH),
    ("repeat", SPEECH),
    ("reiterate", SPEECH),
    ("conclude", SPEECH),
    ("~~comment", SPEECH),
    ("exclaim", SPEECH),
    ("recount", SPEECH),
    ("affirm", SPEECH),
    ("assure", SPEECH),
    ("clarify", SPEECH),
    ("~~reason", SPEECH),
    ("reckon", SPEECH),
    ("remind", SPEECH),
    ("speculate", SPEECH),
    ("swear/swore/sworn", SPEECH),
    ("hint", SPEECH),
    ("inform", SPEECH),
    ("advise", SPEECH),
    ("propose", SPEECH),
    ("posit", SPEECH),
    ("proclaim", SPEECH),
    ("opine", SPEECH),
    ("~share", PARTIAL),
    ("~admire", PARTIAL),
    ("~offer", PARTIAL),
    ("recognize", INDIRECT | PARTIAL),
    ("allow", INDIRECT),
    ("grant", INDIRECT),
    ("~~signal+", SPEECH),
    ("~~point", SPEECH),
    ("~~post", SPEECH),
    ("blog*", SPEECH),
    ("write", SPEECH),
    ("predict", SPEECH),
    ("~~joke", SPEECH),
    ("quip*", SPEECH),
    ("explain", SPEECH),
    ("urge", SPEECH),
    ("~~demand", SPEECH),
    ("plead", SPEECH),
    ("ask", QUOTING),
    ("wonder", SPEECH),
    ("muse", SPEECH),
    ("continue", DIRECT),
    ("begin/began/begun", DIRECT),
    ("shout", QUOTING),
    ("yell", QUOTING),
    ("scream", QUOTING),
    ("~~cry", QUOTING),
    ("whisper", QUOTING),
    ("~~sigh", QUOTING),
    ("~~laugh", DIRECT),
    ("~~chant", QUOTING),
    ("read/read", DIRECT),
    ("interject", QUOTING),
    ("interrupt", QUOTING),
    ("snap*", QUOTING),
    ("scoff", QUOTING),
    ("sneer", QUOTING),
    ("tease", QUOTING),
    ("elaborate", QUOTING),
    ("summarize", QUOTING),
    ("~~quote", QUOTING),
    ("~cite", QUOTING),
    ("put/put", QUOTING),
    ("speak/spoke/spoken", QUOTING),
    ("~~email", QUOTING),
    ("~~text*", QUOTING),
    ("chide", QUOTING),
    ("scold", QUOTING),
    ("rebuke", QUOTING),
    ("sing/sang/sung", QUOTING),
    ("specify", PARTIAL),
    ("~~fire", QUOTING),
    ("~~hit/hit", QUOTING),
    ("snipe", QUOTING),
    ("~~blast", QUOTING),
    ("slam*", QUOTING),
    ("criticize", QUOTING),
    ("criticise", QUOTING),
    ("~~attack", QUOTING),
    ("mock", QUOTING),
    ("ridicule", QUOTING),
    ("~~praise", QUOTING),
    ("~~hail", QUOTING),
    ("dismiss", QUOTING),
    ("decry", QUOTING),
    ("denounce", QUOTING),
    ("condemn", QUOTING),
    ("lambaste", QUOTING),
    ("accuse", QUOTING),
    ("~~thank", QUOTING),
    ("applaud", QUOTING),
    ("~~welcome", QUOTING),
    ("defend", QUOTING),
    ("~~vow", QUOTING),
    ("~~pledge", QUOTING),
    // Naming and labelling: a partial quote in the clause, never a whole quote.
    ("~~call", PARTIAL),
    ("~~label+", PARTIAL),
    ("dub*", PARTIAL),
    ("~~term", PARTIAL),
    ("~~brand", PARTIAL),
    ("describe", PARTIAL),
    ("characterize", PARTIAL),
    ("characterise", PARTIAL),
    ("refer*", PARTIAL),
    ("nickname", PARTIAL),
    ("deem", PARTIAL),
    ("liken", PARTIAL),
    ("compare", PARTIAL),
    ("exhort", PARTIAL),
    ("~reference", PARTIAL),
    ("pound", PARTIAL),
    ("~~rule", INDIRECT | PARTIAL),
    ("~~rate", PARTIAL),
    ("tout", PARTIAL),
    ("invoke", PARTIAL),
    ("echo", PARTIAL),
    ("encourage", PARTIAL),
    // Stances towards what someone said or holds: they govern partial quotes in news copy
    // (`Clinton blamed the "fog of war"`, `he implied the judge was "hostile"`).
    ("~blame", PARTIAL),
    ("~credit", PARTIAL),
    ("imply", INDIRECT | PARTIAL),
    ("intimate", PARTIAL),
    ("portray", PARTIAL),
    ("~frame", PARTIAL),
    ("paint", PARTIAL),
    ("tout", PARTIAL),
    ("champion", PARTIAL),
    ("~pitch", PARTIAL),
    ("herald", PARTIAL),
    ("laud", PARTIAL),
    ("~knock", PARTIAL),
    ("~fault", PARTIAL),
    ("deride", PARTIAL),
    ("embrace", PARTIAL),
    ("reject", PARTIAL),
    ("oppose", PARTIAL),
    ("~support", PARTIAL),
    ("endorse", PARTIAL),
    ("talk", PARTIAL),
    ("~detail", PARTIAL),
    ("outline", PARTIAL),
    ("question", PARTIAL),
    ("challenge", PARTIAL),
    ("~dispute", PARTIAL),
    ("rebut*", PARTIAL),
    ("refute", PARTIAL),
    ("apologize", PARTIAL),
    ("confess", INDIRECT | PARTIAL),
    ("disclose", INDIRECT | PARTIAL),
    ("pronounce", PARTIAL),
    ("bemoan", PARTIAL),
    ("~vent", PARTIAL),
    ("ponder", PARTIAL),
    ("envision", PARTIAL),
    ("imagine", INDIRECT | PARTIAL),
    ("~name", PARTIAL),
    ("~list", PARTIAL),
    ("~want", PARTIAL),
    ("seek/sought", PARTIAL),
    ("~vow", PARTIAL),
    ("~plan*", PARTIAL),
    ("~~promise", PARTIAL),
    // Thought and evidence: reported content without marks.
    ("think/thought", INDIRECT | PARTIAL),
    ("believe", INDIRECT | PARTIAL),
    ("know/knew/known", INDIRECT | PARTIAL),
    ("expect", INDIRECT | PARTIAL),
    ("~~hope", INDIRECT | PARTIAL),
    ("~~fear", INDIRECT | PARTIAL),
    ("~~worry", INDIRECT),
    ("~~doubt", INDIRECT),
    ("suspect", INDIRECT),
    ("~~show/showed/shown", INDIRECT | PARTIAL),
    ("find/found", INDIRECT | PARTIAL),
    ("indicate", INDIRECT | PARTIAL),
    ("~~estimate", INDIRECT),
    ("feel/felt", INDIRECT | PARTIAL),
];

/// What a known word form can do (a set of [`DIRECT`], [`PARTIAL`], [`INDIRECT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub flags: u8,
    /// True for the `-ing` form (`saying`), which needs a finite verb elsewhere to be a cue
    /// of its own clause.
    pub gerund: bool,
    /// A verb form that is more often a noun (`report`, `calls`): a verb only after a word
    /// that licenses one (`to call`, `they call`, `and calls`).
    pub noun_like: bool,
    /// A noun that reports speech (`claim`, `message`): cues a partial quote in its phrase
    /// (`Trump's claim that there were "thousands of shootings"`).
    pub nominal: bool,
    /// The complements the verb reports besides a clause (`frames.rs`).
    pub frames: u16,
}

impl Cue {
    /// Can the word do `flag`?
    pub fn can(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Keyed by a few ASCII bytes, where SipHash's setup would dominate: FNV instead.
type Table = HashMap<Vec<u8>, Cue, BuildFnv>;

/// Every known form, and for each pair of first letters the set of word lengths that occur,
/// so most words are turned away before they are hashed.
struct Lexicon {
    /// The forms keyed by their lower-case bytes packed in a `u128` (no form is longer than
    /// 16 bytes): a lookup hashes and compares one integer and follows no pointer, which
    /// matters when quotes run between other work and the table is out of cache.
    forms: HashMap<u128, Cue, BuildWordKey>,
    /// Bit `n` of entry `26 * a + b` is set when a form of `n` bytes starts with the letters
    /// `a`, `b` (0 for `a`): one load turns away about nine words in ten of running text.
    lengths_by_prefix: Box<[u32; 26 * 26]>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let forms = build_forms();
    let mut lengths_by_prefix = Box::new([0u32; 26 * 26]);
    for form in forms.keys() {
        if let Some(slot) = prefix_slot(form) {
            lengths_by_prefix[slot] |= 1 << form.len().min(31);
        }
    }
    let forms = forms
        .into_iter()
        .filter_map(|(form, cue)| Some((word_key(&form)?, cue)))
        .collect();
    Lexicon {
        forms,
        lengths_by_prefix,
    }
});

/// The [`Lexicon::lengths_by_prefix`] entry of a word's first two letters (any case), if
/// both are ASCII letters.
fn prefix_slot(word: &[u8]) -> Option<usize> {
    let letter = |b: u8| {
        b.is_ascii_alphabetic()
            .then(|| usize::from(b.to_ascii_lowercase() - b'a'))
    };
    match word {
        [a, b, ..] => Some(26 * letter(*a)? + letter(*b)?),
        _ => None,
    }
}

/// `word` (at most 16 bytes) zero-padded into a `u128`; `None` for a longer word.
fn word_key(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// Hashes a [`word_key`]: two multiplications, the high bits (which the table's control bytes
/// use) mixed down.
#[derive(Default, Clone, Copy)]
struct WordKeyHasher(u64);

impl std::hash::Hasher for WordKeyHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, key: u128) {
        const K1: u64 = 0x9E37_79B9_7F4A_7C15;
        const K2: u64 = 0xD6E8_FEB8_6659_FD93;
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        self.0 = (lo.wrapping_mul(K1) ^ hi).wrapping_mul(K2);
    }
}

type BuildWordKey = std::hash::BuildHasherDefault<WordKeyHasher>;

/// Nouns that report speech; their plurals are added. They cue partial quotes, and direct
/// ones after a colon (`his message: "It's about me."`).
const NOUNS: &[&str] = &[
    "claim",
    "statement",
    "message",
    "remark",
    "comment",
    "word",
    "phrase",
    "slogan",
    "call",
    "chant",
    "description",
    "promise",
    "pledge",
    "warning",
    "accusation",
    "charge",
    "headline",
    "assertion",
    "argument",
    "vow",
    "nickname",
    "term",
    "label",
    "tweet",
    "post",
    "reference",
    "complaint",
    "criticism",
    "praise",
    "suggestion",
    "insistence",
    "allegation",
    "prediction",
    "quip",
    "joke",
    "retort",
    "rebuke",
    "answer",
    "response",
    "reply",
    "pitch",
    "plea",
];

fn build_forms() -> Table {
    let mut forms = Table::default();
    for &(entry, flags) in VERBS {
        for (form, gerund, noun_like) in inflect(entry) {
            let blank = Cue {
                flags: 0,
                gerund,
                noun_like: true,
                nominal: false,
                frames: 0,
            };
            let cue = forms.entry(form.into_bytes()).or_insert(blank);
            cue.flags |= flags;
            cue.noun_like &= noun_like;
        }
    }
    // Frames add to a form's entry. A verb known only by its frames (`order`, `press`) gets
    // one too, its bare and `-s` forms taken for nouns unless a context licenses a verb.
    for &(entry, frames) in FRAMES {
        for (form, gerund, noun_like) in inflect(&format!("~~{entry}")) {
            let blank = Cue {
                flags: 0,
                gerund,
                noun_like,
                nominal: false,
                frames: 0,
            };
            forms.entry(form.into_bytes()).or_insert(blank).frames |= frames;
        }
    }
    for noun in NOUNS {
        for form in [noun.to_string(), third_person(noun)] {
            let blank = Cue {
                flags: 0,
                gerund: false,
                noun_like: true,
                nominal: false,
                frames: 0,
            };
            let cue = forms.entry(form.into_bytes()).or_insert(blank);
            cue.nominal = true;
        }
    }
    forms
}

/// Every form of a lexicon entry, each with whether it is the `-ing` form and whether it is
/// more often a noun.
pub fn inflect(entry: &str) -> Vec<(String, bool, bool)> {
    let nouns = entry.len() - entry.trim_start_matches('~').len();
    let mut parts = entry.trim_start_matches('~').split('/');
    let head = parts.next().unwrap_or_default();
    let double = head.ends_with('*');
    let both = head.ends_with('+');
    let base = head.trim_end_matches(['*', '+']);
    let irregular: Vec<&str> = parts.collect();
    let mut out = vec![
        (base.to_string(), false, nouns >= 1),
        (third_person(base), false, nouns >= 2),
    ];
    if irregular.is_empty() {
        out.push((past(base, double), false, false));
        if both {
            out.push((past(base, true), false, false));
        }
    } else {
        out.extend(irregular.iter().map(|f| (f.to_string(), false, false)));
    }
    out.push((gerund(base, double), true, false));
    if both {
        out.push((gerund(base, true), true, false));
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `y` after a consonant turns into `ie`/`i` before a suffix (`deny` -> `denies`, `denied`).
fn consonant_y(base: &str) -> bool {
    let b = base.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

fn third_person(base: &str) -> String {
    if consonant_y(base) {
        format!("{}ies", &base[..base.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

fn past(base: &str, double: bool) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if consonant_y(base) {
        format!("{}ied", &base[..base.len() - 1])
    } else if double {
        format!("{base}{}ed", &base[base.len() - 1..])
    } else {
        format!("{base}ed")
    }
}

fn gerund(base: &str, double: bool) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if base.ends_with('e') && !["ee", "ye", "oe"].iter().any(|s| base.ends_with(s)) {
        format!("{}ing", &base[..base.len() - 1])
    } else if double {
        format!("{base}{}ing", &base[base.len() - 1..])
    } else {
        format!("{base}ing")
    }
}

/// Words after which a form is a noun: `the claims`, `his comments`, `Trump's claims`.
pub fn introduces_noun(prev: &str) -> bool {
    let mut buf = [0u8; 16];
    let possessive = prev.ends_with("'s") || prev.ends_with("\u{2019}s");
    possessive
        || lower(prev, &mut buf).is_some_and(|w| {
            [
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
                "those", "this", "that", "such", "recent", "latest", "earlier", "false",
                "repeated", "few", "many", "several", "some", "more", "other", "two", "three",
                "four", "five",
            ]
            .contains(&w)
        })
}

/// Words after which a noun-like form is a verb: `to call`, `they call`, `and calls`.
fn licenses_verb(prev: &str, third_person: bool) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(prev, &mut buf) else {
        return false;
    };
    let proper_noun = third_person
        && prev.starts_with(|c: char| c.is_ascii_uppercase())
        && !w.ends_with("'s")
        && !matches!(
            w,
            "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "our"
        );
    proper_noun
        || w.len() >= 5 && w.ends_with("ly")
        || matches!(
            w,
            "to" | "will"
                | "would"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "they"
                | "we"
                | "you"
                | "i"
                | "he"
                | "she"
                | "and"
                | "or"
                | "also"
                | "often"
                | "always"
                | "who"
                | "which"
                | "that"
                | "cannot"
        )
}

/// The cue that `word` is where it stands, after the word `prev` (None at a clause start):
/// a noun-like verb form counts as a verb only when `prev` licenses one, and otherwise as a
/// noun cue if it is one.
pub fn cue_at(word: &str, prev: Option<&str>) -> Option<Cue> {
    if prev.is_some_and(|p| p.eq_ignore_ascii_case("so") || p.eq_ignore_ascii_case("self")) {
        return None; // `so-called`, `self-described`: adjectives
    }
    let cue = lookup(word)?;
    if !cue.noun_like {
        // A verb form that is also a noun cue (`claims`): a noun after a determiner. An `-s`
        // form there that is no noun cue is a plural of no reporting use (`a few questions`).
        let after_determiner = prev.is_some_and(introduces_noun);
        let relative = prev.is_some_and(|p| p.eq_ignore_ascii_case("that"));
        if after_determiner && !relative && !cue.nominal && word.ends_with('s') && !cue.gerund {
            return None;
        }
        return Some(Cue {
            nominal: cue.nominal && after_determiner,
            ..cue
        });
    }
    let third_person = word.ends_with('s');
    if cue.flags != 0 && prev.is_some_and(|p| licenses_verb(p, third_person)) {
        return Some(Cue {
            nominal: false,
            ..cue
        });
    }
    cue.nominal.then_some(Cue {
        flags: PARTIAL | DIRECT,
        gerund: false,
        ..cue
    })
}

/// The cue entry of `word` (any case), if it is a reporting verb form or a noun cue, out of
/// context: see [`cue_at`].
pub fn lookup(word: &str) -> Option<Cue> {
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    let lexicon = &*LEXICON;
    let slot = prefix_slot(bytes)?;
    if lexicon.lengths_by_prefix[slot] & (1 << bytes.len()) == 0 {
        return None;
    }
    for (slot, &b) in buf.iter_mut().zip(bytes) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *slot = b.to_ascii_lowercase();
    }
    lexicon.forms.get(&u128::from_le_bytes(buf)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_fits_a_word_key() {
        let forms = build_forms();
        assert_eq!(LEXICON.forms.len(), forms.len());
        for form in forms.keys() {
            let word = std::str::from_utf8(form).unwrap();
            assert!(lookup(word).is_some(), "{word}");
        }
    }

    #[test]
    fn regular_inflections() {
        for w in [
            "say", "says", "said", "saying", "denies", "denied", "argued", "arguing",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
        for w in [
            "admitted",
            "admitting",
            "labeled",
            "labelled",
            "quipped",
            "told",
            "written",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
    }

    #[test]
    fn case_and_flags() {
        let said = lookup("Said").unwrap();
        assert!(said.can(DIRECT) && said.can(INDIRECT) && !said.gerund);
        assert!(lookup("saying").unwrap().gerund);
        let called = lookup("called").unwrap();
        assert!(called.can(PARTIAL) && !called.can(DIRECT));
    }

    #[test]
    fn noun_forms_need_a_verb_context() {
        for w in ["comments", "comment", "state", "report", "calls", "show"] {
            let verb = cue_at(w, Some("the")).is_some_and(|c| !c.nominal);
            assert!(!verb, "{w}");
        }
        assert!(cue_at("calls", Some("and")).is_some_and(|c| !c.nominal && c.can(PARTIAL)));
        assert!(cue_at("call", Some("to")).is_some_and(|c| !c.nominal));
        assert!(cue_at("claim", Some("Trump's")).is_some_and(|c| c.nominal));
        for w in ["commented", "called", "showed", "shown", "calling"] {
            assert!(cue_at(w, Some("the")).is_some_and(|c| !c.nominal), "{w}");
        }
    }

    #[test]
    fn other_words_are_not_cues() {
        for w in [
            "the",
            "senator",
            "x",
            "",
            "s\u{e4}gen",
            "extraordinarilylongword",
        ] {
            assert!(lookup(w).is_none(), "{w}");
        }
    }
}
