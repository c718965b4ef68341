//! Noun phrases next to a reporting verb, found without a parser: the subject to the left of
//! `said` (`the White House press secretary said`, `Flynn, a top Trump surrogate, said`) or the
//! inverted subject to its right (`said Jane Doe, a spokeswoman`). Word classes (pronouns,
//! determiners, titles, clause words, adverbs) live here too.
//!
//! Not attribution itself: callers pick the verb; this module only measures the phrase.

use super::lexicon;
use super::tokens::Tok;

/// Longest noun phrase we accept, in words.
const MAX_NP_WORDS: usize = 8;
/// Farthest we look back over an appositive (`Flynn, a top Trump surrogate, said`), in tokens.
const MAX_APPOSITIVE: usize = 30;

/// The word in lower case, for words of up to 16 ASCII bytes.
pub fn lower<'a>(word: &'a str, buf: &'a mut [u8; 16]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    // Most words are lower case already: no copy.
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(word);
    }
    for (slot, &b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Is `word`, in any case, one of `list` (lower-case ASCII words)? Compared byte by byte with
/// the case folded on the fly: no copy, and the length turns most entries away at once.
pub fn lower_in(word: &str, list: &[&str]) -> bool {
    let bytes = word.as_bytes();
    list.iter().any(|entry| {
        entry.len() == bytes.len()
            && entry
                .bytes()
                .zip(bytes)
                .all(|(e, &b)| e == b.to_ascii_lowercase())
    })
}

/// Is token `k` a word of `list` (lower-case words), in any case?
pub fn word_at_is(text: &str, toks: &[Tok], k: usize, list: &[&str]) -> bool {
    toks.get(k)
        .is_some_and(|t| t.is_word() && lower_in(t.text(text), list))
}

/// Does `word` (any case) satisfy `pred` on its lower-case form?
fn is(word: &str, pred: fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(pred)
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(word: &str) -> bool {
    is(word, |w| {
        matches!(w, "he" | "she" | "they" | "i" | "we" | "you" | "it")
    })
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "another"
            | "one"
            | "some"
            | "many"
            | "several"
            | "both"
            | "other"
            | "most"
            | "few"
            | "two"
            | "three"
            | "four"
            | "five"
            | "no"
    )
}

/// Honorifics and offices written before a name (`Mr.`, `Sen.`, `President`).
pub fn is_title(word: &str) -> bool {
    is(word, is_lower_title)
}

/// [`is_title`] of a word already in lower case.
pub fn is_lower_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "president"
            | "vice"
            | "secretary"
            | "gen"
            | "general"
            | "lt"
            | "col"
            | "adm"
            | "sgt"
            | "capt"
            | "maj"
            | "judge"
            | "justice"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "speaker"
            | "leader"
            | "attorney"
            | "prof"
            | "professor"
            | "rev"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "ambassador"
            | "minister"
            | "prime"
            | "chief"
            | "commissioner"
            | "director"
            | "former"
            | "retired"
            | "candidate"
            | "nominee"
            | "democrat"
            | "republican"
            | "st"
            | "gop"
            | "presidential"
            | "pres"
            | "sheriff"
            | "officer"
            | "detective"
            | "det"
            | "spokesman"
            | "spokeswoman"
            | "congressman"
            | "congresswoman"
            | "rabbi"
            | "pastor"
            | "bishop"
            | "pope"
            | "king"
            | "queen"
            | "prince"
            | "princess"
    )
}

/// Lower-case particles inside names (`Bill de Blasio`, `Ludwig van Beethoven`).
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "del", "da", "di", "la", "le", "bin", "al", "ibn", "du",
];

/// Abbreviations whose full stop does not end a phrase (`Mr.`, `Sen.`, `Jr.`, `Calif.`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "adm", "sgt", "capt", "maj",
    "prof", "rev", "st", "jr", "sr", "pres", "det", "insp", "supt", "calif", "mass", "fla", "wash",
    "ill", "ind", "ariz", "conn", "mich", "minn", "tenn", "wis", "penn", "ore",
];

/// A listed abbreviation or a single initial (`John F. Kennedy`).
fn is_listed_abbreviation(word: &str) -> bool {
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || is(word, |w| ABBREVIATIONS.contains(&w))
}

/// Inside a phrase, also any short capitalised word before a dot: state and party tags
/// (`R-Ky.`, `D-N.Y.`).
fn is_abbreviation(word: &str) -> bool {
    let short_capital = word.len() <= 5
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic());
    short_capital || is_listed_abbreviation(word)
}

/// Words that end a noun phrase: conjunctions, relatives, prepositions, auxiliaries.
pub fn is_clause_word(word: &str) -> bool {
    is(word, is_lower_clause_word)
}

/// [`is_clause_word`] of a word already in lower case.
pub fn is_lower_clause_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "nor"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "while"
            | "because"
            | "if"
            | "as"
            | "so"
            | "than"
            | "then"
            | "since"
            | "after"
            | "before"
            | "during"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "by"
            | "with"
            | "about"
            | "into"
            | "over"
            | "under"
            | "against"
            | "through"
            | "not"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "also"
            | "there"
            | "here"
            | "what"
            | "why"
            | "how"
            | "yet"
            | "though"
            | "although"
            | "unless"
            | "until"
            | "whether"
            | "whatever"
            | "even"
            | "just"
            | "only"
            | "said"
            | "says"
            | "say"
            | "told"
            | "like"
            | "up"
            | "out"
            | "off"
            | "down"
            | "for"
            | "of"
            | "all"
            | "now"
            | "every"
            | "him"
            | "them"
            | "me"
            | "us"
            | "without"
            | "within"
            | "toward"
            | "towards"
            | "among"
            | "amid"
            | "across"
            | "behind"
            | "between"
            | "per"
            | "via"
            | "it's"
    )
}

/// Auxiliaries, negation and adverbs that may stand between a subject and its verb
/// (`Trump has repeatedly said`).
pub fn is_aux_or_adverb(word: &str) -> bool {
    let first_lower = word.chars().next().is_some_and(char::is_lowercase);
    if first_lower && word.len() >= 5 && word.ends_with("ly") {
        return !is(word, |w| {
            matches!(w, "family" | "rally" | "ally" | "bully" | "daily" | "italy")
        });
    }
    is(word, |w| {
        matches!(
            w,
            "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "would"
                | "will"
                | "could"
                | "can"
                | "should"
                | "might"
                | "may"
                | "must"
                | "did"
                | "do"
                | "does"
                | "also"
                | "later"
                | "then"
                | "once"
                | "again"
                | "often"
                | "always"
                | "never"
                | "not"
                | "still"
                | "already"
                | "just"
                | "even"
                | "first"
                | "further"
                | "too"
                | "since"
                | "long"
                | "ever"
                | "soon"
                | "last"
                | "now"
                | "n't"
                | "pointedly"
        )
    })
}

/// Day names and other time words that follow `said` without being its subject.
pub fn is_time_word(word: &str) -> bool {
    is(word, |w| {
        matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "tonight"
                | "yesterday"
                | "earlier"
                | "last"
                | "this"
                | "late"
                | "early"
                | "recently"
                | "afterward"
                | "afterwards"
                | "previously"
                | "later"
                | "next"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "again"
        )
    })
}

/// May `word` stand inside a noun phrase?
pub fn is_np_word(word: &str) -> bool {
    if word.ends_with("n't") || word.ends_with("n\u{2019}t") {
        return false;
    }
    if word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    {
        return !is_clause_word(word) || is_title(word);
    }
    !is_clause_word(word)
        && !is_aux_or_adverb(word)
        && !((word.ends_with("ed") || word.ends_with("ing")) && lexicon::lookup(word).is_some())
}

/// The subject of the verb at token `verb`: token index range, or None.
pub fn np_before(text: &str, toks: &[Tok], verb: usize) -> Option<(usize, usize)> {
    let mut end = verb.min(toks.len());
    // `Trump this week also said`: auxiliaries, adverbs and a time phrase are no part of it.
    let skippable = |w: &str| {
        is_aux_or_adverb(w)
            || w.starts_with(char::is_lowercase)
                && (is_time_word(w) || matches!(w, "this" | "last" | "next"))
    };
    loop {
        if end > 0 && toks[end - 1].is_word() && skippable(toks[end - 1].text(text)) {
            end -= 1;
        } else if end > 1
            && toks[end - 1].is_word()
            && is_time_word(toks[end - 1].text(text))
            && is(toks[end - 2].text(text), |w| w == "on")
        {
            end -= 2; // `Marchetti on Saturday said`
        } else {
            break;
        }
    }
    let last = toks.get(end.checked_sub(1)?)?;
    if last.is_punct(',') && end >= 2 && toks[end - 2].is_punct(')') {
        return np_before_appositive(text, toks, end - 2); // `Kasich (R-OH), said`
    }
    if last.is_punct(',') || last.is_punct(')') {
        return np_before_appositive(text, toks, end - 1);
    }
    let word = last.text(text);
    if is_pronoun(word) {
        return Some((end - 1, end));
    }
    if is(word, |w| w == "who") {
        let comma = end.checked_sub(2)?;
        let np = toks[comma]
            .is_punct(',')
            .then(|| np_core_before(text, toks, comma))
            .flatten()?;
        return Some(past_age(text, toks, np));
    }
    np_core_before(text, toks, end).map(|(a, b)| with_approximator(text, toks, (a, b)))
}

/// `about 2,000 people`: before a number, `about`, `over`, `nearly` mean roughly and belong
/// to the phrase.
fn with_approximator(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    let number = toks[a].text(text).starts_with(|c: char| c.is_ascii_digit());
    let approximator = a > 0
        && toks[a - 1].is_word()
        && is(toks[a - 1].text(text), |w| {
            matches!(
                w,
                "about" | "over" | "under" | "around" | "nearly" | "almost" | "some"
            )
        });
    if number && approximator {
        (a - 1, b)
    } else {
        (a, b)
    }
}

/// `Hanna Lowe, 71, who`: an age set off by commas stands for no one; the name before it
/// does.
fn past_age(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    let age = b == a + 1 && toks[a].text(text).bytes().all(|c| c.is_ascii_digit());
    if !(age && a >= 2 && toks[a - 1].is_punct(',')) {
        return (a, b);
    }
    np_core_before(text, toks, a - 1).unwrap_or((a, b))
}

/// `Flynn, a top Trump surrogate, said` / `Sanders (D-Vt.) said`: the phrase before the
/// opening comma or bracket of the aside that ends at token `close`.
fn np_before_appositive(text: &str, toks: &[Tok], close: usize) -> Option<(usize, usize)> {
    let want = if toks[close].is_punct(')') { '(' } else { ',' };
    let lowest = close.saturating_sub(MAX_APPOSITIVE);
    let mut k = close;
    while k > lowest {
        k -= 1;
        let t = &toks[k];
        if t.is_punct(want) {
            // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`
            if k > 0 && toks[k - 1].is_punct(')') && want == ',' {
                return np_before_appositive(text, toks, k - 1);
            }
            return np_core_before(text, toks, k).map(|np| past_age(text, toks, np));
        }
        let sentence_punct = if want == '(' {
            matches!(t.punct, Some('"' | '\u{201c}' | '\u{201d}'))
        } else {
            matches!(
                t.punct,
                Some('.' | '!' | '?' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}')
            )
        };
        if sentence_punct {
            let is_abbrev_dot = t.is_punct('.')
                && k > 0
                && toks[k - 1].is_word()
                && is_abbreviation(toks[k - 1].text(text));
            if !is_abbrev_dot {
                return None;
            }
        }
    }
    None
}

/// Words of a noun phrase ending just before token `end`, read leftwards.
fn np_core_before(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    let mut words = 0;
    while start > 0 && words < MAX_NP_WORDS {
        let t = &toks[start - 1];
        if t.is_word() {
            let w = t.text(text);
            let mut buf = [0u8; 16];
            // `mother of three`, `one of the two`: after `of`, a determiner is inside.
            let after_of = start >= 2
                && toks[start - 2].is_word()
                && toks[start - 2].text(text).eq_ignore_ascii_case("of");
            if lower(w, &mut buf).is_some_and(is_determiner) && !after_of {
                // `that Trump called`: before a name, `that` opens a clause.
                let complementizer = matches!(lower(w, &mut buf), Some("that" | "this"))
                    && toks
                        .get(start)
                        .is_some_and(|n| n.text(text).starts_with(char::is_uppercase));
                if !complementizer {
                    start -= 1;
                }
                break;
            }
            // `the minister of the economy`, `a spokeswoman for the campaign`
            let inner_of = words > 0
                && lower(w, &mut buf).is_some_and(|w| w == "of" || w == "for")
                && start >= 2
                && toks[start - 2].is_word()
                && is_np_word(toks[start - 2].text(text))
                && !is_pronoun(toks[start - 2].text(text));
            // `Commission on Presidential Debates`: a preposition inside a proper name.
            let inner_of = inner_of
                || words > 0
                    && lower(w, &mut buf)
                        .is_some_and(|w| matches!(w, "on" | "in" | "at" | "and" | "from"))
                    && toks.get(start).is_some_and(|n| {
                        is_capitalised(n.text(text)) && !is_time_word(n.text(text))
                    })
                    && start >= 2
                    && toks[start - 2].is_word()
                    && is_capitalised(toks[start - 2].text(text))
                    && !is_title(toks[start - 2].text(text))
                    && !is_clause_word(toks[start - 2].text(text));
            if !inner_of && (!is_np_word(w) || (is_pronoun(w) && words > 0)) {
                break;
            }
            // `In a Bloomberg interview Trump declared`: a name ends where lower case begins.
            let name_so_far = words > 0
                && toks[start..end]
                    .iter()
                    .filter(|t| t.is_word())
                    .all(|t| is_capitalised(t.text(text)));
            let particle = is(w, |w| NAME_PARTICLES.contains(&w));
            if name_so_far && !inner_of && !particle && !is_capitalised(w) && !is_title(w) {
                break;
            }
            start -= 1;
            words += 1;
            if is_pronoun(w) {
                break;
            }
        } else if joins_phrase(text, toks, start - 1) {
            start -= 1;
        } else {
            break;
        }
    }
    while start < end && !toks[start].is_word() {
        start += 1;
    }
    (start < end).then_some((start, end))
}

/// Prepositions that join a subject's head to its complement (`supporters in Congress`,
/// `a lawyer for the news outlets`).
const SUBJECT_PREPOSITIONS: &[&str] = &["of", "for", "in", "at", "from", "with", "on"];
/// Most prepositional phrases a subject is extended over.
const MAX_SUBJECT_PREPOSITIONS: usize = 2;

/// The subject phrase `(a, b)` grown leftwards over the prepositional phrases it is the
/// object of: `Congress` in `Developers and supporters in Congress say` becomes the whole
/// phrase. The head before each preposition must be a noun (no verb form, no pronoun).
pub fn np_over_prepositions(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    let mut a = a;
    for _ in 0..MAX_SUBJECT_PREPOSITIONS {
        let Some(prep) = a.checked_sub(1).filter(|&p| {
            toks[p].is_word() && is(toks[p].text(text), |w| SUBJECT_PREPOSITIONS.contains(&w))
        }) else {
            break;
        };
        let Some((a2, b2)) = np_core_before(text, toks, prep).filter(|&(_, e)| e == prep) else {
            break;
        };
        let head = toks[b2 - 1].text(text);
        let verb_form = head.ends_with("ed")
            || head.ends_with("ing")
            || super::clauses::is_irregular_past(head)
            || lexicon::lookup(head).is_some_and(|c| !c.noun_like && !c.nominal);
        if verb_form || is_pronoun(head) || head.ends_with("'s") || head.ends_with("\u{2019}s") {
            break;
        }
        a = a2;
    }
    (a, b)
}

/// Is the punctuation token at `i` inside a phrase (`Mr.`, `D-Calif.`, `Sanders'`)?
fn joins_phrase(text: &str, toks: &[Tok], i: usize) -> bool {
    let prev_word = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|t| t.is_word());
    let next_word = toks.get(i + 1).filter(|t| t.is_word());
    let digits =
        |t: Option<&Tok>| t.is_some_and(|t| t.text(text).bytes().all(|c| c.is_ascii_digit()));
    // `2,000 people`, `2.5 million`: a separator inside a number.
    let in_number = digits(prev_word)
        && digits(next_word)
        && prev_word.is_some_and(|p| p.end() == toks[i].start)
        && next_word.is_some_and(|n| n.start == toks[i].end());
    match toks[i].punct {
        Some(',' | '.') if in_number => true,
        Some('.') => prev_word.is_some_and(|p| is_abbreviation(p.text(text))),
        Some('-' | '&' | '/' | '\u{2019}' | '\'') => {
            prev_word.is_some_and(|p| p.end() == toks[i].start)
                && next_word.is_none_or(|n| n.start == toks[i].end())
        }
        _ => false,
    }
}

/// The inverted subject that starts at token `from` (`said Jane Doe, a spokeswoman`).
pub fn np_after(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let first = toks.get(from).filter(|t| t.is_word())?;
    let w = first.text(text);
    if is_pronoun(w) {
        return Some((from, from + 1));
    }
    if is_time_word(w) {
        return None;
    }
    let mut end = from;
    let mut words = 0;
    while end < toks.len() && words < MAX_NP_WORDS {
        let t = &toks[end];
        if t.is_word() {
            let w = t.text(text);
            let mut buf = [0u8; 16];
            let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
            let det = !initial && lower(w, &mut buf).is_some_and(is_determiner);
            if (det && words > 0) || (!det && !is_np_word(w)) || is_time_word(w) {
                break;
            }
            // `Sanders stepped up`: a past form after a name is its verb.
            let after_name =
                end > from && toks[end - 1].is_word() && is_capitalised(toks[end - 1].text(text));
            let verb_form = w.len() > 4 && w.ends_with("ed")
                || lexicon::lookup(w).is_some_and(|c| !c.noun_like && !c.nominal)
                || super::clauses::is_irregular_past(w);
            if after_name && verb_form && w.starts_with(char::is_lowercase) {
                break;
            }
            words += 1;
        } else if !joins_phrase(text, toks, end) {
            break;
        }
        end += 1;
    }
    while end > from && !toks[end - 1].is_word() && !toks[end - 1].is_punct('.') {
        end -= 1;
    }
    // A trailing dot stays only after a listed abbreviation (`Jr.`), not after `Obama.`
    let listed = |k: usize| k > from && is_listed_abbreviation(toks[k - 1].text(text));
    if end > from && toks[end - 1].is_punct('.') && !listed(end - 1) {
        end -= 1;
    }
    (words > 0 && end > from).then_some((from, end))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A name: the run of capitalised words (with initials and hyphens) starting at token
/// `from`, or a pronoun there.
pub fn name_after(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let first = toks.get(from).filter(|t| t.is_word())?;
    if is_pronoun(first.text(text)) {
        return Some((from, from + 1));
    }
    let mut end = from;
    while end < toks.len() && end < from + MAX_NP_WORDS {
        let t = &toks[end];
        let word_ok = t.is_word() && is_capitalised(t.text(text)) && !is_clause_word(t.text(text));
        let joins = end > from && !t.is_word() && joins_phrase(text, toks, end);
        if !(word_ok || joins) {
            break;
        }
        end += 1;
    }
    while end > from && !toks[end - 1].is_word() {
        end -= 1;
    }
    (end > from).then_some((from, end))
}

/// The nearest pronoun or capitalised name before token `j` in the clause: the last resort
/// for a speaker (`When he returned he began by saying, "Q"`).
pub fn nearest_person_before(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let lowest = j.saturating_sub(20);
    (lowest..j.min(toks.len())).rev().find_map(|k| {
        let t = &toks[k];
        if !t.is_word() {
            return None;
        }
        let w = t.text(text);
        let sentence_start = !toks[..k].iter().any(Tok::is_word);
        if is(w, |w| matches!(w, "he" | "she" | "they" | "i" | "we")) {
            return Some((k, k + 1));
        }
        let name = is_capitalised(w) && !is_clause_word(w) && !is_title(w) && !sentence_start;
        name.then(|| {
            let mut a = k;
            while a > 0 && toks[a - 1].is_word() && is_capitalised(toks[a - 1].text(text)) {
                a -= 1;
            }
            (a, k + 1)
        })
    })
}

/// Words that start a new clause, so what follows them is not a quote's speaker.
pub fn breaks_clause(word: &str) -> bool {
    is(word, breaks_clause_lower)
}

/// [`breaks_clause`] of a word already in lower case.
pub fn breaks_clause_lower(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "that"
            | "which"
            | "when"
            | "while"
            | "because"
            | "if"
            | "so"
            | "then"
            | "where"
            | "although"
            | "though"
            | "whether"
            | "than"
            | "as"
            | "is"
            | "was"
            | "are"
            | "were"
    )
}

/// A preposition, in any case.
pub fn is_preposition(word: &str) -> bool {
    is(word, |w| {
        matches!(
            w,
            "through"
                | "of"
                | "in"
                | "on"
                | "at"
                | "with"
                | "from"
                | "by"
                | "for"
                | "to"
                | "about"
                | "into"
                | "after"
                | "before"
                | "during"
                | "over"
                | "under"
                | "against"
                | "like"
                | "than"
                | "toward"
                | "towards"
                | "among"
                | "between"
                | "without"
        )
    })
}

/// Words that open an adverbial before the subject (`In an interview, ...`, `After the
/// debate, ...`).
fn opens_adverbial(word: &str) -> bool {
    is_preposition(word)
        || is(word, |w| {
            matches!(
                w,
                "when"
                    | "while"
                    | "as"
                    | "although"
                    | "though"
                    | "despite"
                    | "asked"
                    | "since"
                    | "because"
                    | "if"
                    | "following"
                    | "according"
                    | "amid"
                    | "earlier"
                    | "later"
                    | "last"
                    | "this"
                    | "yesterday"
                    | "speaking"
                    | "writing"
                    | "unlike"
                    | "but"
                    | "and"
                    | "still"
                    | "meanwhile"
                    | "however"
                    | "instead"
                    | "now"
                    | "then"
                    | "so"
            )
        })
}

/// Could the phrase `np` be the subject of the verb after it? Not a lone determiner (`that
/// described`), not a possessive (`Clinton's comments`), not the object of a preposition
/// (`marching through the streets chanted`).
pub fn subject_is_plausible(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> bool {
    let first = toks[a].text(text);
    let last = toks[b - 1].text(text);
    let mut buf = [0u8; 16];
    // `another said`, `some say`, `many argue` stand alone; `that described` does not.
    let stands_alone = [
        "another", "one", "some", "many", "several", "both", "most", "few",
    ];
    let lone_determiner = b - a == 1
        && lower(first, &mut buf).is_some_and(|w| is_determiner(w) && !stands_alone.contains(&w));
    let possessive = last.ends_with("'s") || last.ends_with("\u{2019}s");
    let after_preposition =
        a > 0 && toks[a - 1].is_word() && is_preposition(toks[a - 1].text(text));
    // `dialing back plans`: a participle with its particle or object opens no subject
    // (`restructuring experts` does).
    let participle = first.ends_with("ing")
        && first.starts_with(char::is_lowercase)
        && toks.get(a + 1).is_some_and(|n| {
            let mut buf = [0u8; 16];
            lower(n.text(text), &mut buf).is_some_and(|w| {
                is_determiner(w)
                    || matches!(w, "back" | "up" | "out" | "down" | "off" | "on" | "in")
            })
        });
    !lone_determiner && !possessive && !after_preposition && !participle
}

/// The subject that opens the clause holding token `j`: `Donald Trump is telling a veterans
/// group ...`, `In an interview, the senator ... said`.
pub fn clause_subject(text: &str, toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let j = j.min(toks.len());
    let mut start = toks[..j]
        .iter()
        .rposition(|t| matches!(t.punct, Some(';' | ':')))
        .map_or(0, |p| p + 1);
    while start < j && !toks[start].is_word() {
        start += 1;
    }
    // Skip opening adverbials up to their comma: `On July 6, 2015, Sanders made ...`,
    // `Conversely, PolitiFact rated ...`.
    for _ in 0..3 {
        let opener = toks.get(start).is_some_and(|t| {
            let w = t.text(text);
            opens_adverbial(w) || w.chars().all(|c| c.is_ascii_digit()) || w.ends_with("ly")
        });
        if !opener {
            break;
        }
        // The comma may sit inside a title in quotes (`On "The Steve Harvey Show," the ...`),
        // whose words are left out: then the closing mark ends the phrase.
        let comma = toks[start..j].iter().enumerate().position(|(k, t)| {
            t.is_punct(',')
                || k > 0
                    && t.punct.is_some_and(super::marks::is_double)
                    && toks[start + k - 1]
                        .punct
                        .is_some_and(super::marks::is_double)
        })?;
        start += comma + 1;
    }
    let (a, b) = np_after(text, toks, start)?;
    (b <= j && subject_is_plausible(text, toks, (a, b))).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        /// `lower_in` folds case on the fly: the same answer as lowering first.
        #[test]
        fn lower_in_matches_lowering_first(word in "[a-zA-Z\u{c9}\u{e9}']{0,18}") {
            let list = ["said", "that", "he", "o'brien", "according", "x"];
            let mut buf = [0u8; 16];
            let plain = lower(&word, &mut buf).is_some_and(|w| list.contains(&w));
            prop_assert_eq!(lower_in(&word, &list), plain);
        }
    }

    fn toks(t: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(t, 0..t.len(), &mut v);
        v
    }

    fn before(t: &str, verb: &str) -> Option<String> {
        let k = toks(t);
        let v = k.iter().position(|x| x.text(t) == verb)?;
        np_before(t, &k, v).map(|(a, b)| t[k[a].start..k[b - 1].end()].to_string())
    }

    fn after(t: &str, verb: &str) -> Option<String> {
        let k = toks(t);
        let v = k.iter().position(|x| x.text(t) == verb)?;
        np_after(t, &k, v + 1).map(|(a, b)| t[k[a].start..k[b - 1].end()].to_string())
    }

    #[test]
    fn subjects_before_the_verb() {
        assert_eq!(
            before("Clinton campaign spokesman Brian Fallon said", "said").unwrap(),
            "Clinton campaign spokesman Brian Fallon"
        );
        assert_eq!(before("But he has repeatedly said", "said").unwrap(), "he");
        assert_eq!(
            before("Flynn, a top Trump surrogate, said", "said").unwrap(),
            "Flynn"
        );
        assert_eq!(
            before("In an interview, the senator told", "told").unwrap(),
            "the senator"
        );
        assert_eq!(before("Mr. Obama said", "said").unwrap(), "Mr. Obama");
        assert_eq!(
            before("Sen. Bernie Sanders (D-Vt.) said", "said").unwrap(),
            "Sen. Bernie Sanders"
        );
        assert!(before("and then said", "said").is_none());
    }

    #[test]
    fn subjects_after_the_verb() {
        assert_eq!(
            after("said Jane Doe, a spokeswoman", "said").unwrap(),
            "Jane Doe"
        );
        assert_eq!(
            after("said the senator, who", "said").unwrap(),
            "the senator"
        );
        assert_eq!(
            after("said Sen. Jane Doe (D-Calif.)", "said").unwrap(),
            "Sen. Jane Doe"
        );
        assert_eq!(after("said he.", "said").unwrap(), "he");
        assert!(after("said Thursday.", "said").is_none());
        assert!(after("said in a statement", "said").is_none());
    }
}
