//! What one unit looks like, and the class that follows (in the manner of jusText, on text):
//! long paragraphs full of stop words are prose; short lines, Title Case lines and lines
//! saying what page furniture says are not. Scripts without capital letters or stop words in
//! our list still count as prose when they are long and punctuated like sentences.

use super::super::bytescan::{bytes_equal, letters_and_digits};
use super::lexicon::{is_credit, is_list_header, opens_comments, weak_hits};
use super::scan::{count_words, WordCounts};

/// A unit of up to this many words that holds a strong furniture phrase is boilerplate.
pub const STRONG_PHRASE_WORDS: usize = 30;
/// A unit of up to this many words that holds a weak furniture word is boilerplate.
const WEAK_PHRASE_WORDS: usize = 4;

/// The class of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Long prose.
    Good,
    /// Shorter prose: a sentence or two.
    NearGood,
    /// A phrase of prose without a full stop: a list item, a subheading, or a teaser.
    Phrase,
    /// Too short to tell: subheadings, captions, table cells.
    Short,
    /// Short and shaped like a menu item: a few capitalised words, no sentence.
    Nav,
    /// Page furniture.
    Bad,
    /// A header announcing a list of links ("Related", "More:").
    ListHeader,
    /// Only digits and punctuation: a table cell, a page number.
    Number,
    /// A short line between numbers: a table cell (set by context, never by `class`).
    Cell,
}

/// Measurements of one unit.
#[derive(Debug, Clone, Copy, Default)]
pub struct Features {
    pub chars: usize,
    /// Words of the whole unit (estimated from the sample for a long one).
    pub words: usize,
    /// Words of the sample the other counts come from.
    pub sample_words: usize,
    pub stop: usize,
    /// Stop words written in lower case: prose has them so in any language, Title Case
    /// headings and menus capitalise them.
    pub stop_lower: usize,
    /// Capitalised words that are not stop words, and all words with letters that are not.
    pub capitalised: usize,
    pub content_words: usize,
    pub ends_sentence: bool,
    /// Sentence and clause punctuation of the whole unit; `None` when the stop words alone
    /// make it prose-worded, where [`Features::class`] never asks (see
    /// [`Features::stop_words_decide`]).
    pub sentence_marks: Option<usize>,
    pub strong: usize,
    pub weak: usize,
    pub list_header: bool,
    /// The unit starts with a number or a date (`June 9 – Tampa, FL`, `3. Establish...`):
    /// a row of data or a numbered step.
    pub data_row: bool,
    /// The unit opens a comment section ("34 Comments", "Leave a reply", "jane says:").
    pub comments: bool,
    pub has_letters: bool,
    /// Ideographs and kana in the sample (Chinese and Japanese: see `cjk.rs`).
    pub cjk: usize,
}

/// Prose needs this many characters to be [`Class::Good`]...
const GOOD_MIN_CHARS: usize = 150;
/// ...this share of stop words among its words, or sentence punctuation...
const PROSE_STOP_DENSITY: f32 = 0.25;
/// ...and this share of its stop words in lower case.
const LOWER_STOP_SHARE: f32 = 0.6;
/// Words of a paragraph of sentences long enough to be prose with a lower share of lower-case
/// stop words ([`Features::titled_prose`]), and that share.
const TITLED_PROSE_WORDS: usize = 40;
const TITLED_PROSE_LOWER_STOP_SHARE: f32 = 0.45;

impl Features {
    /// Measures `text`. A long unit whose opening already proves it dense prose
    /// ([`proven_dense_prose`]) is measured on that opening: its class and its stop density
    /// test come out as they would from its whole sample.
    pub fn of(text: &str) -> Features {
        Features::measure(text, true)
    }

    /// Measures `text`; `settle` lets the word count stop early where that cannot change the
    /// class or the stop density test.
    fn measure(text: &str, settle: bool) -> Features {
        let ascii = text.is_ascii();
        // A long paragraph is judged on its opening: the ratios do not change past it, and
        // the cost of a text stays proportional to its number of paragraphs.
        let sample = prefix(text, SAMPLE_BYTES);
        let sampled = sample.len() < text.len();
        let window = prefix(sample, if sampled { STRONG_SAMPLE } else { SAMPLE_BYTES });
        let chars = if ascii { text.len() } else { count_chars(text) };
        let counts = count_words(sample, window.len(), |c, rest| {
            settle && proven_dense_prose(c, rest, chars)
        });
        let mut f = Features {
            chars,
            words: counts.words,
            stop: counts.stop,
            stop_lower: counts.stop_lower,
            capitalised: counts.capitalised,
            content_words: counts.content_words,
            ..Features::default()
        };
        f.ends_sentence = text.trim_end().ends_with([
            '.', '!', '?', '\u{2026}', '"', '\u{201d}', '\u{3002}', '\u{ff01}', '\u{ff1f}', ')',
        ]);
        if counts.cjk > 0 {
            // Chinese and Japanese write words without spaces: a run of ideographs or kana is
            // one token to the tokenizer but several words to a reader, and three times the
            // text of a Latin letter.
            let cjk = counts.cjk;
            f.cjk = cjk;
            f.words += cjk / 2;
            f.chars += 2 * cjk * text.len() / sample.len().max(1);
        }
        f.has_letters = counts.letters || text.chars().any(char::is_alphabetic);
        f.data_row = starts_with_number_or_date(text);
        f.sample_words = f.words;
        if sampled {
            // Scale the word count of the sample up to the whole paragraph (the shares of
            // stop and capitalised words are taken within the sample).
            f.words = f.words * text.len() / sample.len().max(1);
        }
        // A copyright sign counts as a phrase.
        f.strong = counts.strong + if ascii { 0 } else { copyright_signs(window) };
        if f.words > STRONG_PHRASE_WORDS && f.strong < 2 {
            // In a long paragraph one phrase is a mention, two are a notice.
            f.strong = 0;
        }
        if f.words <= STRONG_PHRASE_WORDS {
            f.strong += usize::from(is_credit(text));
            f.list_header = f.words <= 4 && is_list_header(text);
            f.comments = f.words <= 12 && opens_comments(text);
        }
        if f.words <= WEAK_PHRASE_WORDS {
            f.weak = weak_hits(text);
        }
        if !f.stop_words_decide() {
            f.sentence_marks = Some(count_sentence_marks(text, ascii));
        }
        f
    }

    /// Do the stop words alone make the unit prose-worded? Then [`Features::class`] never
    /// looks at its punctuation (both of its sentence tests are behind an `||` that a stop
    /// density of 0.25 in lower case already satisfies), and counting it over the whole
    /// unit, a tenth of the cost of judging long prose, is skipped.
    fn stop_words_decide(&self) -> bool {
        self.stop_density() >= PROSE_STOP_DENSITY && self.lower_stop_share() >= LOWER_STOP_SHARE
    }

    /// Share of words that are stop words.
    pub fn stop_density(&self) -> f32 {
        self.stop as f32 / self.sample_words.max(1) as f32
    }

    /// Share of stop words written in lower case (1 when there are none).
    pub fn lower_stop_share(&self) -> f32 {
        if self.stop == 0 {
            1.0
        } else {
            self.stop_lower as f32 / self.stop as f32
        }
    }

    /// Share of content words that are capitalised (Title Case headings and menus are high).
    pub fn title_ratio(&self) -> f32 {
        self.capitalised as f32 / self.content_words.max(1) as f32
    }

    /// A few words, all capitalised, no sentence: a menu item or a link.
    fn is_nav_like(&self) -> bool {
        self.words <= 6 && !self.ends_sentence && self.title_ratio() >= 0.8
    }

    /// A long paragraph of sentences, dense in stop words, whose stop words are capitalised
    /// more often than prose's because it names works (`with films In The Name Of The Father
    /// (1994), The Crucible (1997) and Gangs Of New York (2003).`): a heading or a menu is
    /// never this long, nor ends a sentence.
    fn titled_prose(&self) -> bool {
        self.ends_sentence
            && self.words >= TITLED_PROSE_WORDS
            && self.stop_density() >= PROSE_STOP_DENSITY
            && self.lower_stop_share() >= TITLED_PROSE_LOWER_STOP_SHARE
    }

    /// Long and punctuated like running text, whatever the language.
    fn sentence_like(&self) -> bool {
        debug_assert!(self.sentence_marks.is_some() || self.stop_words_decide());
        self.sentence_marks.is_some_and(|m| m * 60 >= self.chars) && self.title_ratio() < 0.4
    }

    /// The class these measurements give.
    pub fn class(&self) -> Class {
        if self.list_header {
            return Class::ListHeader;
        }
        if !self.has_letters {
            return if self.words > 0 {
                Class::Number
            } else {
                Class::Bad
            };
        }
        // A real sentence may mention one furniture phrase ("... request for comment.").
        let full_sentence = self.ends_sentence && self.words >= 8 && self.title_ratio() < 0.5;
        let strong = if full_sentence {
            self.strong >= 2
        } else {
            self.strong > 0
        };
        if strong || (self.weak > 0 && !self.ends_sentence) || self.comments {
            return Class::Bad;
        }
        let sd = self.stop_density();
        let lower_stops = self.lower_stop_share() >= LOWER_STOP_SHARE;
        let prose_words = (sd >= PROSE_STOP_DENSITY && lower_stops)
            || self.sentence_like()
            || self.titled_prose();
        let sentence = self.ends_sentence
            && self.words >= 6
            && ((sd >= 0.15 && lower_stops)
                || self.sentence_like()
                || (self.words >= 8 && self.title_ratio() < 0.4));
        if self.chars >= GOOD_MIN_CHARS && prose_words {
            Class::Good
        } else if self.chars >= 40 && sentence {
            Class::NearGood
        } else if self.words >= 5 && sd >= 0.25 && lower_stops && self.title_ratio() < 0.5 {
            Class::Phrase
        } else if self.is_nav_like() {
            Class::Nav
        } else {
            Class::Short
        }
    }
}

/// Is a long unit surely dense prose whatever the rest of its sample holds, given the counts
/// `c` of its opening (the whole phrase window) and that `rest`? Then both its class
/// ([`Class::Good`]) and the stop density test that keeps prose outside the main content
/// come out the same from the opening's counts as from the whole sample's, and the rest is
/// not counted.
///
/// The rest, ASCII (so no CJK to add), holds at most `starts` words (word bytes after a
/// non-word byte) and at most `capitals` words with a capital letter. So the whole sample's
/// stop density is at least `stop / (words + starts)` (no new stop word, as many new words as
/// can be), and its lower-case share of stop words at least `stop_lower / (stop + capitals)`
/// (every capitalised new word a stop word); the opening's own ratios are above both bounds
/// too. Float division is monotone, so bounds that pass a threshold pass it for both. With
/// more than [`STRONG_PHRASE_WORDS`] words nothing else `class` reads can differ: phrases are
/// all counted by the window's end, and list headers, comment openers and weak hits are
/// looked for only in shorter units.
fn proven_dense_prose(c: &WordCounts, rest: &str, chars: usize) -> bool {
    if chars < GOOD_MIN_CHARS || c.words <= STRONG_PHRASE_WORDS || c.cjk > 0 || !c.letters {
        return false;
    }
    let Some((starts, capitals)) = ascii_word_starts_and_capitals(rest.as_bytes()) else {
        return false;
    };
    let density = c.stop as f32 / (c.words + starts) as f32;
    let lower_share = c.stop_lower as f32 / (c.stop + capitals).max(1) as f32;
    density >= super::OUTSIDE_MIN_STOP_DENSITY && lower_share >= LOWER_STOP_SHARE
}

// The outside-content density is the higher one, so passing it passes the prose test too.
const _: () = assert!(super::OUTSIDE_MIN_STOP_DENSITY >= PROSE_STOP_DENSITY);

/// When `b` is ASCII: how many ASCII word bytes follow a non-word byte (or open `b`), and how
/// many bytes are capital letters. Eight bytes at a time, as masks with 0x80 in each byte
/// that is a word start or a capital, added up lane by lane (a lane counts at most one a
/// chunk) and across lanes at the end: the baseline x86-64 has no population count
/// instruction.
fn ascii_word_starts_and_capitals(b: &[u8]) -> Option<(usize, usize)> {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = HIGHS >> 7;
    let (mut starts, mut capitals) = (0, 0);
    // 0x80 in the top byte when the byte before the chunk is a word byte.
    let mut before = 0u64;
    let mut high = 0u64;
    for block in b.chunks(8 * 255) {
        let (mut start_lanes, mut capital_lanes) = (0u64, 0u64);
        let mut chunks = block.chunks_exact(8);
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            high |= x;
            let (letters, digits) = letters_and_digits(x);
            let word = letters | digits | bytes_equal(x, b'_');
            let word_before = (word << 8) | (before >> 56);
            start_lanes += (word & !word_before & HIGHS) >> 7;
            capital_lanes += (letters & !((x & (0x20 * ONES)) << 2)) >> 7;
            before = word;
        }
        starts += lane_sum(start_lanes);
        capitals += lane_sum(capital_lanes);
        let mut prev_word = before >> 63 == 1;
        for &c in chunks.remainder() {
            high |= u64::from(c);
            let word = c.is_ascii_alphanumeric() || c == b'_';
            starts += usize::from(word && !prev_word);
            capitals += usize::from(c.is_ascii_uppercase());
            prev_word = word;
        }
    }
    (high & HIGHS == 0).then_some((starts, capitals))
}

/// The sum of the eight bytes of `x`.
fn lane_sum(x: u64) -> usize {
    let pairs = (x & 0x00FF_00FF_00FF_00FF) + ((x >> 8) & 0x00FF_00FF_00FF_00FF);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// Long paragraphs are measured on this many leading bytes.
const SAMPLE_BYTES: usize = 400;

/// The first `max` bytes of `text`, cut back to a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Long paragraphs are searched for furniture phrases in this many leading bytes.
const STRONG_SAMPLE: usize = 300;

/// Code points in `text`: the bytes that start one (byte-sized counts over blocks of 255,
/// which the compiler turns into vector compares).
fn count_chars(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40));
            usize::from(n)
        })
        .sum()
}

/// How many `©` (bytes C2 A9) `text` holds.
fn copyright_signs(text: &str) -> usize {
    let b = text.as_bytes();
    memchr::memchr_iter(0xA9, b)
        .filter(|&i| i > 0 && b[i - 1] == 0xC2)
        .count()
}

/// Sentence and clause punctuation, Latin and CJK (。、，), counted on bytes.
fn count_sentence_marks(text: &str, ascii: bool) -> usize {
    let b = text.as_bytes();
    // Byte-sized counts over blocks of 255, which the compiler turns into vector compares.
    let latin: usize = b
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &c| {
                let mark = (c == b'.') | (c == b'!') | (c == b'?') | (c == b',') | (c == b';');
                n + u8::from(mark)
            });
            usize::from(n)
        })
        .sum();
    if ascii {
        return latin;
    }
    let cjk = memchr::memchr2_iter(0xE3, 0xEF, b)
        .filter(|&i| {
            matches!(
                b.get(i..i + 3),
                Some([0xE3, 0x80, 0x81 | 0x82] | [0xEF, 0xBC, 0x8C])
            )
        })
        .count();
    latin + cjk
}

/// `12 ...`, `June 9 ...`, `Sept. 14 ...`: the way rows of schedules and results begin.
fn starts_with_number_or_date(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let mut parts = t.splitn(3, ' ');
    let (Some(first), Some(second)) = (parts.next(), parts.next()) else {
        return false;
    };
    let month = first.trim_end_matches('.');
    second.starts_with(|c: char| c.is_ascii_digit()) && super::super::metadata::is_month_name(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(t: &str) -> Class {
        Features::of(t).class()
    }

    /// A paragraph well past the sample, opening on names (BBC tech/273 has this shape).
    fn long_paragraph() -> String {
        let opening = "The lawsuit was filed against Peter James Holloway, a Kingston University student, and Daniel Morgan Fletcher of Ontario. Both are thought to run three firms - ClickRoute LLC., Mailforge LLC. and Mailforge Inc - that are accused of sending millions of unwanted messages. ";
        let body = "The attorney general said the messages broke the law because they did not say that they were adverts and they used subject lines that misled the people who got them. ";
        format!("{opening}{}", body.repeat(10))
    }

    #[test]
    fn counts_chars_across_blocks() {
        for t in ["", "abc", "caf\u{e9} \u{201c}x\u{201d} \u{4e2d}\u{1f600}"] {
            let long = t.repeat(40);
            assert_eq!(count_chars(&long), long.chars().count());
        }
    }

    #[test]
    fn long_paragraph_keeps_its_stop_word_share() {
        let text = long_paragraph();
        let whole = Features::measure(&text, false);
        let sample = Features::of(prefix(&text, SAMPLE_BYTES));
        assert!(whole.words > 4 * sample.words);
        assert_eq!(whole.stop_density(), sample.stop_density());
    }

    /// Words and marks to build units from: stop words in both cases, content words,
    /// sentence and clause marks, a furniture phrase, non-ASCII and CJK text.
    const WORDS: &[&str] = &[
        "the",
        "The",
        "THE",
        "and",
        "of",
        "to",
        "in",
        "is",
        "die",
        "und",
        "de",
        "la",
        "minister",
        "Minister",
        "said",
        "talks",
        "Geneva",
        "Home",
        "News",
        "caf\u{e9}",
        "\u{c9}t\u{e9}",
        "\u{4e2d}\u{6587}",
        ",",
        ".",
        ";",
        "!",
        "?",
        "\u{3001}",
        "\u{3002}",
        "2019",
        "-",
        "Share this article",
        "\u{a9}",
    ];

    proptest::proptest! {
        /// Counting the punctuation only where the stop words leave the class open gives
        /// the class that counting it always gives.
        #[test]
        fn lazy_marks_keep_the_class(picks in proptest::collection::vec(0..WORDS.len(), 0..120)) {
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let lazy = Features::of(&text);
            let mut full = lazy;
            full.sentence_marks = Some(count_sentence_marks(&text, text.is_ascii()));
            proptest::prop_assert_eq!(lazy.class(), full.class(), "{}", text);
        }
    }

    /// A unit of `picks` words, stop words heavy, long enough to be sampled.
    fn long_unit(picks: &[usize]) -> String {
        picks
            .iter()
            .map(|&i| WORDS[i])
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What the judge reads of a unit: its class, its length and the outside-content test.
    fn verdict(f: &Features) -> (Class, usize, bool) {
        (
            f.class(),
            f.chars,
            f.stop_density() >= super::super::OUTSIDE_MIN_STOP_DENSITY,
        )
    }

    #[test]
    fn counts_word_starts_and_capitals_across_chunks() {
        let plain = |b: &[u8]| {
            let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
            let starts = (0..b.len())
                .filter(|&i| word(b[i]) && (i == 0 || !word(b[i - 1])))
                .count();
            (starts, b.iter().filter(|c| c.is_ascii_uppercase()).count())
        };
        for t in [
            "",
            "a",
            " The cat_1 sat; ON the MAT, don't x-y 42 ",
            "abcdefgh ijklmnop Qrstuvw",
            "12345678_abcdefgh.A",
        ] {
            for start in 0..t.len().min(9) {
                let b = &t.as_bytes()[start..];
                assert_eq!(
                    ascii_word_starts_and_capitals(b),
                    Some(plain(b)),
                    "{t:?} from {start}"
                );
            }
        }
        let long = "A b C_d e1 ".repeat(700);
        assert_eq!(
            ascii_word_starts_and_capitals(long.as_bytes()),
            Some(plain(long.as_bytes()))
        );
        for t in ["caf\u{e9} au lait", "abcdefghijklmno\u{e9}"] {
            assert_eq!(ascii_word_starts_and_capitals(t.as_bytes()), None);
        }
    }

    #[test]
    fn settles_long_prose_early() {
        let text = "The attorney general said that the messages broke the law because they did not say that they were adverts and that they used subject lines that misled the people who got them. ".repeat(4);
        let settled = Features::of(&text);
        let full = Features::measure(&text, false);
        assert!(settled.sample_words < full.sample_words);
        assert_eq!(verdict(&settled), verdict(&full));
    }

    proptest::proptest! {
        /// Stopping the count early gives the verdict the full count gives.
        #[test]
        fn settling_keeps_the_verdict(picks in proptest::collection::vec(0..WORDS.len(), 60..200)) {
            let text = long_unit(&picks);
            proptest::prop_assert_eq!(verdict(&Features::of(&text)), verdict(&Features::measure(&text, false)), "{}", text);
        }

        #[test]
        fn settling_keeps_the_verdict_of_stop_heavy_prose(picks in proptest::collection::vec(0..12usize, 60..200), extra in proptest::collection::vec(0..WORDS.len(), 0..40)) {
            let text = format!("{} {}", long_unit(&picks), long_unit(&extra));
            proptest::prop_assert_eq!(verdict(&Features::of(&text)), verdict(&Features::measure(&text, false)), "{}", text);
        }
    }

    #[test]
    fn classes() {
        assert_eq!(class("Two United States service members have been killed in a helicopter crash in Afghanistan, the US military said in a statement on Wednesday."), Class::NearGood);
        assert_eq!(class("Two United States service members have been killed in a helicopter crash in Afghanistan, the US military said in a statement on Wednesday. It did not reveal the crash location."), Class::Good);
        assert_eq!(class("Sign up for our Newsletter."), Class::Bad);
        assert_eq!(class("Facebook"), Class::Bad);
        assert_eq!(class("Hostage swap"), Class::Short);
        assert_eq!(class("Whose Truth Is It Anyway? How The World Was Won And Lost In The Last Century Of Our Time"), Class::Short);
        assert_eq!(class("Auf Europas größter Expo und Conference für die Digitalbranche werden dieses Jahr mehr als 40.000 Besucher erwartet, mit über 1.000 Ausstellern."), Class::NearGood);
        assert_eq!(class("Latin America"), Class::Nav);
        assert_eq!(class("More:"), Class::ListHeader);
        assert_eq!(class(&long_paragraph()), Class::Good);
        assert_eq!(class("Die elektronische Patientenakte ist seit Jahren in der Diskussion, und die Einführung wird immer wieder verschoben, weil die Beteiligten sich nicht einigen."), Class::Good);
        // Titles of works capitalise their stop words; a long paragraph of sentences is prose.
        let titled = "Marlow was in Venice with The Lady Of The Lake (1991), A Song For The Road (1996), The Last Of The Summer Boats (2001), Out Of The Blue (2002) and The House On The Hill By The Sea (2004). The festival calls her one of the most daring actors of her time. She will be handed the award at a gala on the last night, and the festival will show two of her films.";
        assert_eq!(class(titled), Class::Good);
        let f = Features::of(titled);
        assert!(
            f.lower_stop_share() < LOWER_STOP_SHARE,
            "{}",
            f.lower_stop_share()
        );
    }
}
