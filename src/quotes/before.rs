//! Attribution that comes before a quote, in its sentence: `S said: "Q"` / `S said, "Q"` /
//! `S called it "Q"` / `S said (that) ... "partial"` / `According to S, "Q"` / `S: "Q"`.
//! The tokens given are the sentence up to the opening mark, without other quotes' words.
//!
//! The cue is the reporting verb nearest the quote in the same clause; its subject is the
//! phrase before it, else (`said Smith: "Q"`) the one after it, else the subject that opens
//! the clause (`Trump tweeted Monday, saying "Q"`).

use std::ops::Range;

use super::after::is_lowercase;
use super::attribution::{source_cue, span, word_at, Attribution};
use super::clauses::is_irregular_past;
use super::lexicon::{self, DIRECT, PARTIAL};
use super::phrases::{
    clause_subject, lower_in, nearest_person_before, np_after, np_before, subject_is_plausible,
    word_at_is,
};
use super::tokens::Tok;

/// Most words between a verb and a colon that still make an introduction
/// (`told reporters after the meeting on Monday:`).
const MAX_INTRO_WORDS: usize = 12;
/// Farthest a cue may stand before the quote it governs, in words.
const MAX_CUE_DISTANCE: usize = 25;
/// Most words between a passive cue and the quote it governs (`criticized as a "Q"`).
const MAX_PASSIVE_GAP: usize = 3;
/// How far before a noun cue an `according to` may stand and take over.
const NOUN_SOURCE_REACH: usize = 20;

/// A word before the quote that may govern it.
#[derive(Clone, Copy)]
enum Candidate {
    /// `according to` / `per` at token `j`, `n` tokens long.
    Source { j: usize, n: usize },
    /// A reporting verb or noun at token `j`; `intro` when only `:` / `,` separate it from
    /// the quote.
    Cue {
        j: usize,
        cue: lexicon::Cue,
        intro: bool,
        /// `to speak`, `was labeled`: a form that heads no clause of its own, so its subject
        /// is no speaker.
        dependent: bool,
    },
}

impl Candidate {
    /// A verb or a source (not a noun, not an `-ing` form): what heads a reporting clause.
    fn heads_clause(&self) -> bool {
        match self {
            Candidate::Source { .. } => true,
            Candidate::Cue { cue, dependent, .. } => {
                !cue.nominal && !cue.gerund && !dependent && (cue.can(DIRECT) || cue.can(PARTIAL))
            }
        }
    }
}

/// `S said: "Q"` / `S said, "Q"` / `S called it "Q"` / `According to S, "Q"` / `S: "Q"`.
///
/// An introduced quote takes the verb next to it. A partial quote takes the reporting verb
/// that heads its sentence, the way news attribution reads: in `Clinton says she appreciated
/// what she calls a "war of words"`, Clinton *says* it; the nearest cue is the fallback.
pub fn before_quote(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let candidates = candidates(text, toks);
    let Some(&first) = candidates.first() else {
        return unknown_intro_verb(text, toks).or_else(|| colon_only(text, toks));
    };
    // `by saying the words "Q"`: a noun that does not introduce the quote with a colon gives
    // way to a verb of its clause.
    // Nor does a passive or an infinitive win over a noun.
    let verb = |c: &&Candidate| match c {
        Candidate::Cue {
            cue,
            intro,
            dependent,
            ..
        } => (!cue.nominal || *intro) && !dependent,
        Candidate::Source { .. } => true,
    };
    let nearest = *candidates.iter().find(verb).unwrap_or(&first);
    // `Sanders said, going on to say that ... "Q"`: a participle clause is a clause of its own.
    let participle_start = participle_clause_start(text, toks);
    let gerund_clause = |c: &&Candidate| matches!(c, Candidate::Cue { j, cue, .. } if cue.gerund && after_comma(toks, *j));
    let chosen = match nearest {
        Candidate::Cue {
            intro: true,
            dependent: false,
            ..
        }
        | Candidate::Source { .. } => nearest,
        // `footage of Trump saying "Q"`, `Law said, noting that donors feel "Q"`: the -ing
        // clause governs the quote.
        Candidate::Cue { j, cue, .. }
            if cue.gerund
                && (named_just_before(text, toks, j)
                    || after_comma(toks, j)
                    || after_preposition(text, toks, j)) =>
        {
            nearest
        }
        // `arguing that the killings should be recognized as "Q"`: the participle clause
        // around a passive.
        Candidate::Cue {
            dependent: true, ..
        } if candidates.iter().any(|c| gerund_clause(&c)) => {
            *candidates.iter().find(gerund_clause).unwrap_or(&nearest)
        }
        // `is being criticized as a "Q"`: a passive right before the quote governs it.
        Candidate::Cue {
            j, dependent: true, ..
        } if !after_to(text, toks, j) && passive_reaches(text, toks, j) => nearest,
        Candidate::Cue { .. } => {
            let main = main_clause_start(text, toks)
                .max(dash_start(toks))
                .max(participle_start)
                .max(coordination_start(text, toks, &candidates));
            let heads = |c: &&Candidate| match c {
                Candidate::Source { .. } => true,
                Candidate::Cue { j, .. } => {
                    *j >= main
                        && c.heads_clause()
                        && relative_subject(text, toks, *j).is_none()
                        && !inside_reported_clause(text, toks, *j, c, &candidates)
                        && (np_before(text, toks, *j)
                            .is_some_and(|np| subject_is_plausible(text, toks, np))
                            || coordinated_subject(text, toks, *j).is_some())
                }
            };
            // `saying anybody who complains about X "Q"`: the participle heads its clause, not
            // the verb of a relative clause inside it.
            let heading_gerund = candidates.iter().find(|c| {
                participle_start > 0
                    && matches!(c, Candidate::Cue { j, cue, .. } if *j == participle_start && cue.gerund)
            });
            let found = candidates
                .iter()
                .rev()
                .find(heads)
                .or(heading_gerund)
                .copied();
            // `has been called a charlatan by physicians for promoting "quack"`: a passive
            // governs only a quote right after it (`was labeled "Mostly True"`).
            if let (
                None,
                Candidate::Cue {
                    j, dependent: true, ..
                },
            ) = (found, nearest)
            {
                if !after_to(text, toks, j) && !passive_reaches(text, toks, j) {
                    return None;
                }
            }
            found.unwrap_or(nearest)
        }
    };
    Some(attribute_to(text, toks, chosen))
}

/// Is the cue at `j` the verb of a clause an earlier reporting verb reports (`Law said, noting
/// that donors feel "Q"`, `saying she applauded them for "Q"`)? Then it does not head the
/// sentence: PolNeAR gives the words in marks to the outer report, and so do we (measured on
/// PolNeAR train: cue +0.16 points, speaker +0.12).
fn inside_reported_clause(
    text: &str,
    toks: &[Tok],
    j: usize,
    c: &Candidate,
    candidates: &[Candidate],
) -> bool {
    if !matches!(c, Candidate::Cue { .. }) {
        return false;
    }
    let Some((a, _)) = np_before(text, toks, j) else {
        return false;
    };
    let mut k = a;
    if k > 0 && word_at(text, toks, k - 1).is_some_and(|w| w == "that") {
        k -= 1;
    }
    let Some(gov) = k.checked_sub(1) else {
        return false;
    };
    candidates.iter().any(|o| {
        matches!(o, Candidate::Cue { j: g, cue, .. } if *g == gov && cue.can(lexicon::INDIRECT) && !cue.nominal)
    })
}

/// The token after the last `, <-ing form>` of the window: where a participle clause starts.
/// A closing mark stands for the comma a quote took inside it (`hailed the vote as
/// "fantastic," telling reporters ...`).
fn participle_clause_start(text: &str, toks: &[Tok]) -> usize {
    (1..toks.len())
        .rev()
        .find(|&k| {
            (toks[k - 1].is_punct(',') || toks[k - 1].punct.is_some_and(super::marks::is_double))
                && word_at(text, toks, k).is_some_and(|w| {
                    is_lowercase(w)
                        && (w.len() > 5 || w == "going")
                        && w.ends_with("ing")
                        && !matches!(w, "including" | "according" | "following" | "regarding")
                })
        })
        .unwrap_or(0)
}

/// `outlined his plan and vowed to punish "Q"`: the last verb joined by `and` governs what
/// follows it; verbs before it belong to another verb phrase.
fn coordination_start(text: &str, toks: &[Tok], candidates: &[Candidate]) -> usize {
    candidates
        .iter()
        .find_map(|c| match c {
            Candidate::Cue { j, .. } if coordinated_subject(text, toks, *j).is_some() => Some(*j),
            _ => None,
        })
        .unwrap_or(0)
}

fn after_comma(toks: &[Tok], j: usize) -> bool {
    j > 0 && toks[j - 1].is_punct(',')
}

/// `by saying "Q"`, `after calling it "Q"`: a gerund that heads a prepositional clause.
fn after_preposition(text: &str, toks: &[Tok], j: usize) -> bool {
    j.checked_sub(1)
        .and_then(|p| word_at(text, toks, p))
        .is_some_and(|w| {
            ["by", "after", "before", "while", "when", "for"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
}

/// Does the passive at `j` govern the quote: right before it (`was labeled "Q"`), or through
/// `as` (`known by some Republicans as a "hug"`)?
fn passive_reaches(text: &str, toks: &[Tok], j: usize) -> bool {
    let gap: Vec<&str> = toks[j + 1..]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .collect();
    let through_as = gap
        .iter()
        .rev()
        .take(2)
        .any(|w| w.eq_ignore_ascii_case("as"));
    gap.len() <= MAX_PASSIVE_GAP || through_as
}

fn after_to(text: &str, toks: &[Tok], j: usize) -> bool {
    j > 0 && toks[j - 1].text(text).eq_ignore_ascii_case("to")
}

/// `footage of Trump saying "Q"`: a name right before the `-ing` form.
fn named_just_before(text: &str, toks: &[Tok], j: usize) -> bool {
    j > 0 && word_at(text, toks, j - 1).is_some_and(|w| !is_lowercase(w))
}

/// Subordinating words: the clause they open is not the main one (`While he said X, Ham
/// also noted "Q"`).
const SUBORDINATORS: &[&str] = &[
    "while", "when", "although", "though", "if", "because", "after", "before", "as", "since",
    "despite", "once", "unless", "whereas", "until",
];

/// The token where the main clause starts: after the comma that closes an opening
/// subordinate clause, else 0.
fn main_clause_start(text: &str, toks: &[Tok]) -> usize {
    let first = toks.iter().position(Tok::is_word);
    let opens_subordinate = first
        .and_then(|k| word_at(text, toks, k))
        .is_some_and(|w| SUBORDINATORS.iter().any(|s| w.eq_ignore_ascii_case(s)));
    if !opens_subordinate {
        return 0;
    }
    toks.iter()
        .position(|t| t.is_punct(','))
        .map_or(0, |c| c + 1)
}

/// `urged Obama to retaliate for interference -- meddling the congressman said is designed
/// to "Q"`: after a dash, a clause of its own; the token after the last dash.
fn dash_start(toks: &[Tok]) -> usize {
    let dash = |k: usize| {
        matches!(toks[k].punct, Some('\u{2014}' | '\u{2013}'))
            || k > 0
                && toks[k].is_punct('-')
                && toks[k - 1].is_punct('-')
                && toks[k - 1].end() == toks[k].start
    };
    (0..toks.len())
        .rev()
        .find(|&k| dash(k))
        .map_or(0, |d| d + 1)
}

/// The cues before the quote, nearest first, up to a clause break or [`MAX_CUE_DISTANCE`]
/// words.
fn candidates(text: &str, toks: &[Tok]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut words = 0;
    for j in (0..toks.len()).rev() {
        // `S said X, but "Q"`: a clause break hides earlier verbs only once a cue is found.
        if (ends_clause(text, toks, j) && !out.is_empty()) || words > MAX_CUE_DISTANCE {
            break;
        }
        let Some(word) = word_at(text, toks, j) else {
            continue;
        };
        words += 1;
        if let Some(n) = source_cue(text, toks, j) {
            out.push(Candidate::Source { j, n });
            continue;
        }
        // A cue is lower case, except when it opens the sentence (`Said Ellis: "Q"`).
        let opens_window = toks[..j].iter().all(|t| !t.is_word());
        if !is_lowercase(word) && !opens_window {
            continue;
        }
        let prev = j.checked_sub(1).and_then(|p| word_at(text, toks, p));
        let Some(mut cue) = lexicon::cue_at(word, prev) else {
            continue;
        };
        // `delivered a snappy retort:`: a noun cue after a determiner and an adjective (not an
        // `-s` form: `The ad claims` is a subject and its verb).
        let bare = !word.ends_with('s');
        if bare && !cue.nominal && !cue.gerund && lexicon::lookup(word).is_some_and(|c| c.nominal) {
            let modified = j >= 2
                && prev.is_some_and(is_lowercase)
                && word_at(text, toks, j - 2).is_some_and(lexicon::introduces_noun);
            cue.nominal = modified;
        }
        // `put` reports words only in `as S put it`.
        if word == "put" && word_at(text, toks, j + 1).is_none_or(|w| w != "it") {
            continue;
        }
        // `should be recognized as "intolerable"`: a passive names no speaker; `wanted to
        // speak "directly to white people"`: an infinitive heads no clause.
        let passive = !cue.nominal && super::after::is_passive(text, toks, j);
        // `going on to say`, `went on to say`: the speaker's next words, not an infinitive.
        let went_on = j >= 3
            && word_at_is(text, toks, j - 2, &["on"])
            && word_at_is(text, toks, j - 3, &["going", "went", "goes", "go"]);
        let infinitive = prev.is_some_and(|p| p.eq_ignore_ascii_case("to")) && !went_on;
        // A noun introduces a quote only before a colon (`his message: "Q"`).
        let gap = &toks[j + 1..];
        let intro = out.is_empty()
            && cue.can(DIRECT)
            && is_intro_gap(text, gap)
            && (!cue.nominal || gap.last().is_some_and(|t| t.is_punct(':')));
        if intro || cue.can(PARTIAL) {
            out.push(Candidate::Cue {
                j,
                cue,
                intro,
                dependent: passive || infinitive,
            });
        }
    }
    out
}

/// The attribution a chosen candidate gives.
fn attribute_to(text: &str, toks: &[Tok], chosen: Candidate) -> Attribution {
    let (j, cue, intro, dependent) = match chosen {
        Candidate::Source { j, n } => return according_to_before(text, toks, j, n),
        Candidate::Cue {
            j,
            cue,
            intro,
            dependent,
        } => (j, cue, intro, dependent),
    };
    // `According to a complaint by Vermont, ... "Q"`: the source, not its noun.
    if cue.nominal {
        let from = j.saturating_sub(NOUN_SOURCE_REACH);
        let source = (from..j)
            .rev()
            .find_map(|k| source_cue(text, toks, k).map(|n| (k, n)));
        if let Some((k, n)) = source {
            return according_to_before(text, toks, k, n);
        }
    }
    let opens_window = toks[..j].iter().all(|t| !t.is_word());
    if opens_window && !cue.nominal {
        // `Said Dorothy Poynter, who grew up with Ali, "Q"`
        let speaker = np_after(text, toks, j + 1).map(|np| span(toks, np));
        return Attribution {
            speaker,
            cue: Some(toks[j].range()),
            intro,
            after: false,
        };
    }
    let passive = dependent && j > 0 && !toks[j - 1].text(text).eq_ignore_ascii_case("to");
    let speaker = if passive {
        // `it was labeled "Mostly True" by PolitiFact`: the agent, if named.
        let by = toks[j + 1..]
            .iter()
            .position(|t| t.is_word() && t.text(text).eq_ignore_ascii_case("by"))
            .map(|p| j + 2 + p);
        by.and_then(|k| np_after(text, toks, k))
            .map(|np| span(toks, np))
    } else if cue.nominal {
        owner_of_noun(text, toks, j)
            .or_else(|| clause_subject(text, toks, j).map(|np| span(toks, np)))
    } else {
        subject_of(text, toks, j, intro, cue.gerund)
    };
    Attribution {
        speaker,
        cue: Some(toks[j].range()),
        intro,
        after: false,
    }
}

/// The first capitalised phrase of the tokens that is not at their very start (where any
/// word is capitalised), or is a name there.
fn first_name(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    (0..toks.len()).find_map(|k| {
        let w = word_at(text, toks, k)?;
        if is_lowercase(w) || (k == 0 && super::phrases::is_determiner(&w.to_lowercase())) {
            return None;
        }
        np_after(text, toks, k).filter(|&(a, _)| !is_lowercase(toks[a].text(text)))
    })
}

/// `Trump's latest claim`: the possessor a few words before a noun cue.
fn owner_of_noun(text: &str, toks: &[Tok], j: usize) -> Option<Range<usize>> {
    // `I had to change my answer:`: the owner is the clause's person.
    let pronoun_owner = j
        .checked_sub(1)
        .and_then(|p| word_at(text, toks, p))
        .is_some_and(|w| {
            ["my", "his", "her", "their", "our"]
                .iter()
                .any(|o| w.eq_ignore_ascii_case(o))
        });
    if pronoun_owner {
        if let Some(np) = nearest_person_before(text, toks, j - 1) {
            return Some(span(toks, np));
        }
    }
    let lowest = j.saturating_sub(4);
    (lowest..j)
        .rev()
        .map_while(|k| toks.get(k).filter(|t| t.is_word()))
        .find_map(|t| {
            let w = t.text(text);
            let stem = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))?;
            let capital = stem.chars().next().is_some_and(char::is_uppercase);
            capital.then(|| t.start..t.start + stem.len())
        })
}

/// Does a new clause start at token `j` (`; ...`, `, but ...`), hiding verbs to its left?
fn ends_clause(text: &str, toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    if t.is_punct(';') {
        return true;
    }
    // The comma may sit inside a quote that ends just before (`"...," but he said`).
    let after_comma = j > 0
        && (toks[j - 1].is_punct(',') || toks[j - 1].punct.is_some_and(super::marks::is_double));
    after_comma
        && word_at(text, toks, j).is_some_and(|w| {
            ["but", "while", "although", "whereas", "though"]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c))
        })
}

/// The speaker of the verb at `j`.
fn subject_of(
    text: &str,
    toks: &[Tok],
    j: usize,
    intro: bool,
    gerund: bool,
) -> Option<Range<usize>> {
    if gerund {
        // `footage of Trump saying "Q"`: the name right before the -ing form.
        let adjacent = np_before(text, toks, j).filter(|&(_, b)| b == j);
        let named = adjacent
            .and_then(|np| capitalised_tail(text, toks, np))
            .filter(|&(_, b)| !super::phrases::is_time_word(toks[b - 1].text(text)));
        if let Some(np) = named {
            return Some(span(toks, np));
        }
        if let Some(np) = attribution_before_participle(text, toks, j) {
            return Some(span(toks, np));
        }
        if let Some(np) = finite_subject_before(text, toks, j) {
            return Some(span(toks, np));
        }
    } else {
        // `McConnell, who in 2010 said`, `the department which reported`: the relative.
        if let Some(k) = relative_subject(text, toks, j) {
            return Some(toks[k].range());
        }
        // `I laughed and said, "Q"`: the subject of the clause the first verb heads.
        if let Some(np) = coordinated_subject(text, toks, j) {
            return Some(span(toks, np));
        }
        if let Some(np) =
            np_before(text, toks, j).filter(|&np| subject_is_plausible(text, toks, np))
        {
            return Some(span(toks, np));
        }
        if intro {
            let inverted = np_after(text, toks, j + 1).filter(|&(_, b)| {
                toks.get(b)
                    .is_none_or(|t| matches!(t.punct, Some(':' | ',')))
            });
            if let Some(np) = inverted {
                return Some(span(toks, np));
            }
        }
    }
    clause_subject(text, toks, j)
        .or_else(|| {
            gerund
                .then(|| nearest_person_before(text, toks, j))
                .flatten()
        })
        .map(|np| span(toks, np))
}

/// `Hours later, she issued a statement calling on "Q"`, `Speaking in Salem, New Hampshire,
/// Trump went after Bush, calling him "Q"`: who does what an `-ing` form at `j` says is the
/// subject of the main clause's verb, the first finite verb with a subject right before it;
/// not an opening adverbial, a place or a name in a clause between.
fn finite_subject_before(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let k = (main_clause_start(text, toks)..j).find(|&k| is_finite_verb(text, toks, k))?;
    // `he has since issued`, not `was impressed` (a passive or an adjective).
    if super::after::is_passive(text, toks, k) {
        return None;
    }
    let mut v = k;
    while v > 0 && toks[v - 1].is_word() && super::phrases::is_aux_or_adverb(toks[v - 1].text(text))
    {
        v -= 1;
    }
    let copula = v > 0 && word_at(text, toks, v - 1).is_some_and(|w| lower_in(w, COPULAS));
    let (a, b) = np_before(text, toks, k).filter(|_| !copula)?;
    // `Bush, Florida's former governor, also attacked`: the subject before an aside.
    let adjacent = b == v || v > 0 && matches!(toks[v - 1].punct, Some(',' | ')'));
    (adjacent && subject_is_plausible(text, toks, (a, b))).then_some((a, b))
}

/// `..., Nefzi said, adding, "Q"`: an `-ing` form right after an attribution continues it, so
/// its subject is that attribution's speaker, not the subject of the clause it reports. (Not
/// `said Nefzi, adding`: a phrase after a verb is more often its object, `attacked Trump,
/// saying`.)
fn attribution_before_participle(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    if j < 3 || !toks[j - 1].is_punct(',') {
        return None;
    }
    let v = j - 2;
    let prev = word_at(text, toks, v - 1);
    let reports = word_at(text, toks, v).is_some_and(|w| {
        is_lowercase(w)
            && lexicon::cue_at(w, prev).is_some_and(|c| c.can(DIRECT) && !c.gerund && !c.nominal)
    });
    if !reports {
        return None;
    }
    np_before(text, toks, v)
        .filter(|&(_, b)| b == v)
        .filter(|&np| subject_is_plausible(text, toks, np))
}

/// Verbs before an adjective (`didn't seem impressed`), which a past participle can look like.
const COPULAS: &[&str] = &[
    "seem", "seems", "seemed", "appear", "appears", "appeared", "look", "looks", "looked",
    "become", "became", "remain", "remained", "get", "got", "feel", "felt",
];

/// A past-tense verb or a reporting verb (not its `-ing` form, not a noun) at token `k`.
fn is_finite_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(w) = word_at(text, toks, k) else {
        return false;
    };
    let prev = k.checked_sub(1).and_then(|p| word_at(text, toks, p));
    is_lowercase(w)
        && (w.len() > 4 && w.ends_with("ed")
            || is_irregular_past(w)
            || lexicon::cue_at(w, prev).is_some_and(|c| !c.gerund && !c.nominal))
}

/// Most tokens between a relative pronoun and its verb (`who in 2010 said`).
const MAX_RELATIVE_GAP: usize = 4;

/// A `who` or `which` a few words before the verb at `j`, with only adverbs or a short
/// phrase of time between (`who in 2010 said`, `which only reported`): its index.
fn relative_subject(text: &str, toks: &[Tok], j: usize) -> Option<usize> {
    let lowest = j.saturating_sub(MAX_RELATIVE_GAP + 1);
    for k in (lowest..j).rev() {
        let t = &toks[k];
        if !t.is_word() {
            return None;
        }
        let w = t.text(text);
        if w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which") {
            return Some(k);
        }
        let filler = super::phrases::is_aux_or_adverb(w)
            || matches!(w, "only" | "just" | "then" | "later" | "once" | "first")
            || super::phrases::is_time_word(w)
            || w.chars().all(|c| c.is_ascii_digit())
            || ["in", "on", "at", "during", "last", "this"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p));
        if !filler {
            return None;
        }
    }
    None
}

/// The capitalised words that end the phrase `np` (`footage of Trump` -> `Trump`).
fn capitalised_tail(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let mut start = b;
    while start > a && !is_lowercase(toks[start - 1].text(text)) {
        start -= 1;
    }
    let words = toks[start..b].iter().any(|t| t.is_word());
    (start < b && words && toks[start].is_word()).then_some((start, b))
}

/// `S V1 ... and V2`: the subject of the clause that holds `and`, read from the last comma
/// before it (`Once, when ..., I laughed and said`).
fn coordinated_subject(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let mut v = j;
    while v > 0 && toks[v - 1].is_word() && super::phrases::is_aux_or_adverb(toks[v - 1].text(text))
    {
        v -= 1;
    }
    let and = v.checked_sub(1)?;
    if !word_at(text, toks, and).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        return None;
    }
    let from = toks[..and]
        .iter()
        .rposition(|t| matches!(t.punct, Some(',' | ';' | ':')))
        .map_or(0, |c| c + 1);
    // `Though she called X "Q1" and called for "Q2"`: a subordinator before the subject.
    let subordinated = word_at(text, toks, from).is_some_and(|w| {
        [
            "though", "although", "while", "when", "if", "because", "as", "since", "after",
        ]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
    });
    let from = from + usize::from(subordinated && from + 1 < and);
    let (a, b) = clause_subject(text, &toks[from..], and - from)?;
    Some((from + a, from + b))
}

/// `According to S, "Q"` or `according to S, ... "partial"`.
fn according_to_before(text: &str, toks: &[Tok], j: usize, n: usize) -> Attribution {
    let np = np_after(text, toks, j + n);
    let after = np.map_or(j + n, |(_, b)| b);
    let intro = is_intro_gap(text, &toks[after.min(toks.len())..]);
    let speaker = np.map(|s| span(toks, s));
    Attribution {
        speaker,
        cue: Some(toks[j].start..toks[j + n - 1].end()),
        intro,
        after: false,
    }
}

/// Is what stands between the verb and the quote only an introduction: nothing, `:`, `,`,
/// or a short phrase ending in `:` or `,` (`told reporters:`, `said in a statement,`)?
fn is_intro_gap(text: &str, gap: &[Tok]) -> bool {
    let words = || gap.iter().filter(|t| t.is_word());
    match gap.last() {
        None => true,
        Some(t) if t.is_punct(':') => words().count() <= MAX_INTRO_WORDS,
        Some(t) if t.is_punct(',') => {
            words().count() <= 4 && words().all(|w| !super::phrases::breaks_clause(w.text(text)))
        }
        Some(_) => false,
    }
}

/// Particles that may follow an introducing verb (`shot back:`).
const PARTICLES: &[&str] = &["back", "out", "up", "on", "in", "off"];

/// `Hillary shot back, "Q"` / `Trump fumed: "Q"`: a past-tense verb not in the lexicon right
/// before the `,` or `:` that introduces the quote, with a name or pronoun as its subject.
fn unknown_intro_verb(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let mark = toks.len().checked_sub(1)?;
    if !matches!(toks[mark].punct, Some(',' | ':')) {
        return None;
    }
    let mut j = mark.checked_sub(1)?;
    if word_at(text, toks, j).is_some_and(|w| PARTICLES.contains(&w)) {
        j = j.checked_sub(1)?;
    }
    let verb = word_at(text, toks, j)?;
    let past = verb.len() > 4 && verb.ends_with("ed") || super::after::is_irregular_past(verb);
    if !past || !is_lowercase(verb) {
        return None;
    }
    let (a, b) =
        np_before(text, toks, j).filter(|&(a, b)| b == j && !is_lowercase(toks[a].text(text)))?;
    let speaker = Some(span(toks, (a, b)));
    Some(Attribution {
        speaker,
        cue: Some(toks[j].range()),
        intro: true,
        after: false,
    })
}

/// `Smith: "Q"` (a name and a colon, no verb): the colon is the cue.
fn colon_only(text: &str, toks: &[Tok]) -> Option<Attribution> {
    let colon = toks.len().checked_sub(1)?;
    if !toks[colon].is_punct(':') {
        return None;
    }
    // `Sanders: "Q"`, `Here's Clinton in December 1992: "Q"`: the name before the colon, or
    // the first one of the clause. `<a heading> - Philip Bump: "Q"`: a dash starts the clause.
    let capitalised =
        |(a, _): &(usize, usize)| word_at(text, toks, *a).is_some_and(|w| !is_lowercase(w));
    let opens_clause = |a: usize| {
        a == 0 || a < colon && matches!(toks[a - 1].punct, Some('-' | '\u{2013}' | '\u{2014}'))
    };
    let speaker = np_before(text, toks, colon)
        .filter(|np| opens_clause(np.0) && capitalised(np))
        .or_else(|| first_name(text, &toks[..colon]))
        .map(|np| span(toks, np));
    Some(Attribution {
        speaker,
        cue: Some(toks[colon].range()),
        intro: true,
        after: false,
    })
}
