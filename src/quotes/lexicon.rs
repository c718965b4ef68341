//! Reporting verbs: the cue words of attribution (`said`, `told`, `warned`, `called ... a`),
//! written as lemmas and inflected here, so every form (`say`, `says`, `said`, `saying`) is
//! known. `according to` is a cue too but spans two words: attribution matches it itself.
//!
//! Each lemma carries what it can do: introduce a quote (`"Q," she said`), govern a partial
//! quote inside its clause (`called the plan "a disaster"`), or report speech or thought
//! without marks (`he said that ...`, `she believes ...`). Not a parser: the lexicon only
//! says what a word may be; attribution decides from where it stands.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

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
    ("~tweet", SPEECH),
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
    ("~report", SPEECH),
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
    ("~~promise", PARTIAL),
    // Thought and evidence: reported content without marks.
    ("think/thought", INDIRECT | PARTIAL),
    ("believe", INDIRECT | PARTIAL),
    ("know/knew/known", INDIRECT),
    ("expect", INDIRECT),
    ("~~hope", INDIRECT),
    ("~~fear", INDIRECT),
    ("~~worry", INDIRECT),
    ("~~doubt", INDIRECT),
    ("suspect", INDIRECT),
    ("~~show/showed/shown", INDIRECT | PARTIAL),
    ("find/found", INDIRECT | PARTIAL),
    ("indicate", INDIRECT | PARTIAL),
    ("~~estimate", INDIRECT),
    ("feel/felt", INDIRECT),
];

/// What a known word form can do (a set of [`DIRECT`], [`PARTIAL`], [`INDIRECT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub flags: u8,
    /// True for the `-ing` form (`saying`), which needs a finite verb elsewhere to be a cue
    /// of its own clause.
    pub gerund: bool,
}

impl Cue {
    /// Can the word do `flag`?
    pub fn can(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// FNV-1a: lexicon keys are a few ASCII bytes, where SipHash's setup dominates.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<String, Cue, BuildHasherDefault<Fnv>>;

static FORMS: LazyLock<Table> = LazyLock::new(build_forms);

fn build_forms() -> Table {
    let mut forms = Table::default();
    for &(entry, flags) in VERBS {
        for (form, gerund) in inflect(entry) {
            let cue = forms.entry(form).or_insert(Cue { flags: 0, gerund });
            cue.flags |= flags;
        }
    }
    forms
}

/// Every form of a lexicon entry, each with whether it is the `-ing` form.
fn inflect(entry: &str) -> Vec<(String, bool)> {
    let nouns = entry.len() - entry.trim_start_matches('~').len();
    let mut parts = entry.trim_start_matches('~').split('/');
    let head = parts.next().unwrap_or_default();
    let double = head.ends_with('*');
    let both = head.ends_with('+');
    let base = head.trim_end_matches(['*', '+']);
    let irregular: Vec<&str> = parts.collect();
    let mut out = Vec::new();
    if nouns == 0 {
        out.push((base.to_string(), false));
    }
    if nouns < 2 {
        out.push((third_person(base), false));
    }
    if irregular.is_empty() {
        out.push((past(base, double), false));
        if both {
            out.push((past(base, true), false));
        }
    } else {
        out.extend(irregular.iter().map(|f| (f.to_string(), false)));
    }
    out.push((gerund(base, double), true));
    if both {
        out.push((gerund(base, true), true));
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

/// The cue entry of `word` (any case), if it is a reporting verb form.
pub fn lookup(word: &str) -> Option<Cue> {
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if bytes.len() < 2 || bytes.len() > buf.len() || !bytes[0].is_ascii_alphabetic() {
        return None;
    }
    for (slot, &b) in buf.iter_mut().zip(bytes) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
    FORMS.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn noun_forms_are_left_out() {
        for w in ["comments", "comment", "state", "report", "calls", "show"] {
            assert!(lookup(w).is_none(), "{w}");
        }
        for w in [
            "commented",
            "reports",
            "called",
            "showed",
            "shown",
            "calling",
        ] {
            assert!(lookup(w).is_some(), "{w}");
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
