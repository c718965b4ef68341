//! Word lists for boilerplate detection, written for copydesk.
//!
//! - Stop words: the commonest function words of the languages news is most often scraped
//!   in. Prose is full of them in any of these languages; menus, link lists and credits are
//!   not. One merged set, so a page in any of them scores without knowing its language.
//! - Phrases: what page furniture says (share and follow prompts, newsletter and subscription
//!   pitches, cookie and consent notices, ad labels, "read more" and "related" lists, photo
//!   credits, copyright footers, comment prompts, navigation). They only count in short
//!   paragraphs: a long paragraph that mentions a newsletter is prose.
//! - List headers: short lines after which a list of links follows ("Related", "More:").

use regex::Regex;

use std::sync::OnceLock;

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "no",
    "not", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "she", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you",
    "your", "aber", "als", "am", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
    "des", "die", "doch", "durch", "ein", "eine", "einem", "einen", "einer", "es", "für", "hat", "ich", "ihr",
    "im", "ist", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie", "sind", "über", "um", "und",
    "uns", "vom", "von", "vor", "war", "wie", "wir", "wird", "zu", "zum", "zur", "au", "aux", "avec", "ce",
    "ces", "cette", "dans", "de", "du", "elle", "en", "est", "et", "il", "ils", "la", "le", "les", "leur",
    "lui", "mais", "ne", "nous", "ont", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "se",
    "ses", "son", "sont", "sur", "un", "une", "vous", "al", "como", "con", "da", "das", "del", "do", "dos",
    "el", "ella", "em", "entre", "era", "esta", "este", "foi", "ha", "las", "lo", "los", "mas", "muy", "na",
    "nas", "nel", "nella", "no", "non", "nos", "o", "os", "para", "pelo", "pela", "per", "pero", "por", "se",
    "ser", "sobre", "su", "sus", "também", "tem", "uma", "y", "è", "é", "gli", "il", "anche", "come",
    "questo", "sono", "più", "della", "delle", "dei", "alla", "dat", "een", "het", "niet", "ook", "van",
    "voor", "werd", "zijn", "bij", "naar", "wordt", "adalah", "akan", "atau", "dalam", "dan", "dari",
    "dengan", "di", "ini", "itu", "juga", "ke", "kepada", "oleh", "pada", "saya", "tidak", "untuk", "yang",
    "telah", "bahwa", "karena", "mereka", "kita", "ada", "att", "det", "en", "er", "och", "som", "på", "med",
    "för", "til", "og", "ikke", "af", "har", "var", "i", "w", "z", "na", "się", "nie", "jest", "że", "do",
    "to", "jak", "je", "se", "že", "ve", "jako", "bir", "ve", "bu", "da", "de", "için", "ile", "olarak",
    "çok", "в", "и", "на", "не", "что", "с", "по", "к", "это", "как", "из", "а", "о", "у", "за", "от", "для",
    "но", "он", "она", "они", "так", "же", "то", "все", "был", "была", "і", "та", "що", "це",
];

/// The longest stop word, in bytes: every one packs into a `u64`.
const MAX_STOP_WORD: usize = 8;

/// A word of up to eight bytes packed into a `u64` (little-endian, zero padded).
fn pack(word: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(buf)
}

/// The table key of a lower-cased word: the word itself packed when it fits in eight bytes,
/// else its first eight bytes mixed with its length (a longer word can share a key with
/// another, so only [`Entry::stop`] of a short word and a verified phrase are believed).
pub fn word_key(lower: &[u8]) -> u64 {
    if lower.len() <= MAX_STOP_WORD {
        pack(lower)
    } else {
        pack(&lower[..MAX_STOP_WORD]) ^ (lower.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// What the lexicon knows of one word, packed in one integer (the word loop reads it in a
/// register): bit 0 says it is a stop word in one of the languages above; the bits above it
/// hold one more than the index of the group of furniture phrases that start with it (0: none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry(u32);

impl Entry {
    /// A stop word in one of the languages above.
    #[inline]
    pub fn stop(self) -> bool {
        self.0 & 1 != 0
    }

    /// The furniture phrases that start with this word (an index into the phrase groups).
    #[inline]
    pub fn phrases(self) -> Option<u16> {
        (self.0 >> 1).checked_sub(1).map(|g| g as u16)
    }

    /// The entry, a stop word only if it was one and `still` holds.
    #[inline]
    fn stop_only_if(self, still: bool) -> Entry {
        Entry(self.0 & !u32::from(!still))
    }
}

/// Slots of the word table (a power of two, about five times the number of words, so a word
/// that is not in it mostly meets an empty slot at once).
const TABLE_SLOTS: usize = 2048;

/// Stop words and the first words of the strong phrases in one open-addressing table, so a
/// word is looked up once; each slot holds a key and its entry side by side (one cache line
/// read per probe), and key 0 marks an empty slot.
pub struct WordTable {
    slots: Box<[(u64, Entry); TABLE_SLOTS]>,
    /// A bit for each key in the table, by [`filter_bit`]: most words of a text are in no
    /// list, and a clear bit turns one away from a 2 KB array that stays in the nearest cache
    /// instead of a probe of the 32 KB table, whose slots for rare words are cold.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Strong phrases grouped by their first word, longest first in each group.
    groups: Vec<Vec<&'static str>>,
    /// For each group, when all its phrases are ASCII words with a space and a letter after
    /// the first word: the first word's length and the letters (bit 0 `a`) that can follow
    /// the space. A text without one of them there holds none of the group's phrases.
    next_letters: Vec<Option<(usize, u32)>>,
}

impl WordTable {
    fn build() -> WordTable {
        let mut t = WordTable {
            slots: Box::new([(0, Entry::default()); TABLE_SLOTS]),
            filter: Box::new([0; FILTER_WORDS]),
            groups: Vec::new(),
            next_letters: Vec::new(),
        };
        for w in STOP_WORDS {
            t.slot_mut(word_key(w.as_bytes())).0 |= 1;
        }
        let mut phrases: Vec<&'static str> = STRONG_PHRASES.to_vec();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for p in phrases {
            let first = crate::text::words::word_spans(p)
                .next()
                .expect("phrase has a word");
            let key = word_key(&p.as_bytes()[first]);
            let next = t.groups.len() as u16;
            let entry = t.slot_mut(key);
            let group = entry.phrases().unwrap_or(next);
            if group == next {
                entry.0 |= (u32::from(next) + 1) << 1;
                t.groups.push(Vec::new());
            }
            t.groups[usize::from(group)].push(p);
        }
        t.next_letters = t.groups.iter().map(|g| next_letters(g)).collect();
        t
    }

    fn slot_mut(&mut self, key: u64) -> &mut Entry {
        let mut i = slot(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) % TABLE_SLOTS;
        }
        self.slots[i].0 = key;
        let bit = filter_bit(key);
        self.filter[bit / 64] |= 1 << (bit % 64);
        &mut self.slots[i].1
    }

    /// The entry of a word by its key ([`word_key`]).
    #[inline]
    pub fn get(&self, key: u64) -> Entry {
        let bit = filter_bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return Entry::default();
        }
        let mut i = slot(key);
        loop {
            match self.slots[i] {
                (0, _) => return Entry::default(),
                (k, e) if k == key => return e,
                _ => i = (i + 1) % TABLE_SLOTS,
            }
        }
    }
}

pub fn word_table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(WordTable::build)
}

/// The home slot of a key (multiplicative hashing: the top bits of the product).
fn slot(key: u64) -> usize {
    (key.wrapping_mul(HASH) >> (64 - TABLE_SLOTS.trailing_zeros())) as usize
}

const HASH: u64 = 0x9E37_79B9_7F4A_7C15;

/// Bits of the filter: eight times the slots' 2048, so about one word in thirty that is not
/// in the table still finds its bit set (and is then looked up).
const FILTER_BITS: usize = 16 * 1024;
const FILTER_WORDS: usize = FILTER_BITS / 64;

/// The filter bit of a key: the bits of the product just below those [`slot`] takes.
#[inline]
fn filter_bit(key: u64) -> usize {
    let below_slot = 64 - TABLE_SLOTS.trailing_zeros() - FILTER_BITS.trailing_zeros();
    ((key.wrapping_mul(HASH) >> below_slot) as usize) % FILTER_BITS
}

/// The lexicon entry of `word`, in any case. ASCII words are lower-cased in a register;
/// others in a small buffer (a word too long to be in the lexicon is not lower-cased).
pub fn entry(word: &str) -> Entry {
    if word.is_ascii() {
        let b = word.as_bytes();
        return entry_of_packed(pack(&b[..b.len().min(MAX_STOP_WORD)]), b.len());
    }
    const MAX_LOOKED_UP: usize = 48;
    if word.len() > MAX_LOOKED_UP / 2 {
        return Entry::default();
    }
    let mut buf = [0u8; MAX_LOOKED_UP];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if n + c.len_utf8() > MAX_LOOKED_UP {
            return Entry::default();
        }
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    word_table()
        .get(word_key(&buf[..n]))
        .stop_only_if(word.len() <= MAX_STOP_WORD && n <= MAX_STOP_WORD)
}

/// The entry of an ASCII word of `len` bytes whose first (up to) eight are packed in `head`.
#[inline]
pub fn entry_of_packed(head: u64, len: usize) -> Entry {
    let lower = lower_ascii_u64(head);
    let key = if len <= MAX_STOP_WORD {
        lower
    } else {
        lower ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    };
    word_table().get(key).stop_only_if(len <= MAX_STOP_WORD)
}

/// ASCII upper-case letters of eight packed bytes made lower-case (other bytes unchanged).
pub fn lower_ascii_u64(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // The high bit of each byte: set when the byte is at least `A` / more than `Z`.
    let ge_a = low7.wrapping_add((0x80 - u64::from(b'A')) * ONES);
    let gt_z = low7.wrapping_add((0x7f - u64::from(b'Z')) * ONES);
    let upper = ge_a & !gt_z & !x & (0x80 * ONES);
    x | (upper >> 2)
}

/// Is `word` (lower-cased) a stop word in any of the languages above?
#[cfg(test)]
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= MAX_STOP_WORD && word_table().get(word_key(word.as_bytes())).stop()
}

/// Is `word`, in any case, a stop word?
#[cfg(test)]
pub fn is_stop_word_any_case(word: &str) -> bool {
    entry(word).stop()
}

/// The length of the first word the ASCII `phrases` share and the letters that follow it and
/// a space, when each has both (see `WordTable::next_letters`).
fn next_letters(phrases: &[&str]) -> Option<(usize, u32)> {
    let first = crate::text::words::word_spans(phrases.first()?)
        .next()?
        .len();
    let mut letters = 0u32;
    for p in phrases {
        let b = p.as_bytes();
        match (p.is_ascii(), b.get(first), b.get(first + 1)) {
            (true, Some(b' '), Some(&c)) if c.is_ascii_lowercase() => {
                letters |= 1 << (c - b'a');
            }
            _ => return None,
        }
    }
    Some((first, letters))
}

/// Can a phrase of group `group` stand at `start` of `window`: is there a space and one of
/// the letters that may follow the group's first word? (Most words that open a phrase, `we`,
/// `you`, `more`, are followed by none of them.)
fn may_open_phrase(window: &str, start: usize, group: u16) -> bool {
    let Some((first, letters)) = word_table().next_letters[usize::from(group)] else {
        return true;
    };
    let b = window.as_bytes();
    b.get(start + first) == Some(&b' ')
        && b.get(start + first + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() && letters >> ((c | 0x20) - b'a') & 1 != 0)
}

/// The strong phrase of group `group` that starts at byte `start` of `window` (which starts
/// at a word), longest first, as the end of the match and whether it stands as whole words
/// (a match that runs on into a word counts for nothing but is still consumed, as a search
/// over the text would).
pub fn phrase_at(window: &str, start: usize, group: u16) -> Option<(usize, bool)> {
    if !may_open_phrase(window, start, group) {
        return None;
    }
    each_phrase_at(window, start, group)
}

/// [`phrase_at`] trying every phrase of the group.
fn each_phrase_at(window: &str, start: usize, group: u16) -> Option<(usize, bool)> {
    let rest = &window[start..];
    for phrase in &word_table().groups[usize::from(group)] {
        let Some(len) = prefix_len_ignoring_case(rest, phrase) else {
            continue;
        };
        let end = start + len;
        let whole = !window[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        return Some((end, whole));
    }
    None
}

/// The length of the prefix of `text` that equals `lower` (lower case) ignoring case.
fn prefix_len_ignoring_case(text: &str, lower: &str) -> Option<usize> {
    if lower.is_ascii() {
        let t = text.as_bytes().get(..lower.len())?;
        // The phrases of a group share their first word, so a mismatch is most likely at the
        // end: its last byte is compared first.
        let last_differs = t
            .last()
            .zip(lower.as_bytes().last())
            .is_some_and(|(a, b)| !a.eq_ignore_ascii_case(b));
        if last_differs {
            return None;
        }
        return t
            .eq_ignore_ascii_case(lower.as_bytes())
            .then_some(lower.len());
    }
    let mut want = lower.chars();
    let mut len = 0;
    for c in text.chars() {
        let Some(w) = want.next() else { break };
        if c.to_lowercase().ne(std::iter::once(w)) {
            return None;
        }
        len += c.len_utf8();
    }
    want.next().is_none().then_some(len)
}

/// Phrases of page furniture that prose rarely uses: they mark a paragraph of up to
/// [`super::features::STRONG_PHRASE_WORDS`] words. Matched case-insensitively on word
/// boundaries.
#[rustfmt::skip]
const STRONG_PHRASES: &[&str] = &[
    "share this", "share on", "share via", "share the story", "share article", "click to share", "tweet this",
    "pin it", "email this", "follow us", "follow me on", "like us on", "find us on", "connect with us",
    "join us on", "copy link", "link copied", "newsletter", "newsletters", "subscribe", "sign up", "sign in",
    "log in", "log out", "create an account", "create a free account", "my account", "already a subscriber",
    "delivered to your inbox", "unsubscribe", "email address", "enter your email", "free trial", "abonnieren",
    "assine", "suscríbete", "cookie policy", "cookie settings", "cookie preferences", "privacy policy",
    "terms of use", "terms of service", "terms and conditions", "terms & conditions", "your privacy",
    "we use cookies", "uses cookies", "gdpr", "ad choices", "adchoices", "do not sell my", "sitemap",
    "impressum", "datenschutz", "advertisement", "advertise with us", "sponsored content", "paid content",
    "paid post", "partner content", "skip ad", "ad feedback", "anzeige", "publicidade", "publicidad",
    "pubblicità", "publicité", "read full", "continue reading", "keep reading", "related articles",
    "related stories", "related content", "related coverage", "recommended for you", "you may also like",
    "you might also like", "you might like", "more stories", "most read", "most viewed", "trending now",
    "also read", "read also", "read next", "up next", "next article", "previous article", "next post",
    "previous post", "top stories", "editor's picks", "editors' picks", "load more", "weiterlesen",
    "lesen sie auch", "lire aussi", "lire la suite", "leia mais", "leia também", "leer más", "lee también",
    "leggi anche", "baca juga", "lees meer", "getty images", "shutterstock", "file photo", "afp photo",
    "ap photo", "reuters photo", "photo credit", "image credit", "all rights reserved", "leave a comment",
    "leave a reply", "post a comment", "add a comment", "join the discussion", "join the conversation",
    "be the first to comment", "report abuse", "show comments", "view comments", "skip to content",
    "skip to main content", "toggle navigation", "back to top", "listen to this article", "min read",
    "minute read", "reading time", "click here", "download the app", "get the app", "watch now",
    "enable javascript", "javascript is disabled", "update your browser", "filed under",
    "improve your experience", "by continuing to", "you agree to", "accept cookies", "manage preferences",
    "we value your privacy", "privacy settings", "read more:", "see more:", "more from our",
];

/// Single words that mark page furniture only when a paragraph is just a few words long:
/// prose uses them all the time ("Facebook said on Tuesday ...").
#[rustfmt::skip]
const WEAK_PHRASES: &[&str] = &[
    "share", "shares", "tweet", "whatsapp", "linkedin", "pinterest", "reddit", "flipboard", "facebook",
    "twitter", "instagram", "youtube", "email", "print", "comments", "comment", "reply", "home", "menu",
    "search", "close", "open", "loading", "related", "recommended", "trending", "photo", "photos", "image",
    "images", "video", "videos", "gallery", "credit", "getty", "cookies", "cookie", "privacy", "register",
    "login", "premium", "subscription", "subscribers", "sponsored", "promoted", "presented by", "advertise",
    "contact us", "about us", "careers", "listen", "topics", "tags", "categories", "category", "rss",
    "accessibility", "consent", "teilen", "partager", "compartilhar", "compartir", "condividi", "bagikan",
    "werbung", "iklan", "advertising", "copyright", "cookies", "read more", "see more", "see all", "view all",
    "show more", "most popular", "more",
];

/// Short lines after which a list of links follows.
#[rustfmt::skip]
const LIST_HEADERS: &[&str] = &[
    "more", "related", "read more", "see also", "also read", "read also", "related articles",
    "related stories", "related content", "related coverage", "recommended", "you may also like",
    "you might also like", "trending", "most popular", "most read", "more stories", "more from", "up next",
    "top stories", "latest news", "editor's picks", "don't miss", "topics", "tags", "baca juga",
    "leia também", "lesen sie auch", "lire aussi", "leggi anche", "lee también",
];

/// One alternation of literal lower-case phrases, longest first, searched in lower-cased
/// text: the regex engine then runs it as a multi-literal search. Word boundaries are checked
/// on each hit rather than in the pattern for the same reason.
fn phrase_regex(phrases: &[&str]) -> Regex {
    let mut phrases: Vec<&str> = phrases.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alts: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"(?:{})", alts.join("|"))).expect("phrase regex")
}

/// Hits of `re` in `text` (lower-cased first) that stand as whole words.
fn whole_word_hits(re: &Regex, text: &str) -> usize {
    let mut buf = [0u8; 512];
    let owned;
    let text = if text.is_ascii() && text.len() <= buf.len() {
        let lower = &mut buf[..text.len()];
        lower.copy_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).unwrap_or_default()
    } else {
        owned = text.to_lowercase();
        owned.as_str()
    };
    let alnum_before = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let alnum_after = |i: usize| text[i..].chars().next().is_some_and(char::is_alphanumeric);
    re.find_iter(text)
        .filter(|m| !alnum_before(m.start()) && !alnum_after(m.end()))
        .count()
}

/// How many weak furniture words `text` holds.
pub fn weak_hits(text: &str) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    whole_word_hits(RE.get_or_init(|| phrase_regex(WEAK_PHRASES)), text)
}

/// A photo credit or caption label: `Photo: AFP via Getty`, `Photograph: Reuters`,
/// `Image credit: NASA`.
pub fn is_credit(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:photo|photograph|picture|image|credit|illustration|video|foto|bild)s?(?:\s+(?:by|credit|courtesy))?\s*:")
            .expect("credit regex")
    })
    .is_match(text)
}

/// Does `text` (a short line) open a comment section: "34 Comments", "12 responses to ...",
/// "Leave a Reply", "jane_doe says:"?
pub fn opens_comments(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:\d+\s+(?:comments?|responses?|replies|reactions|thoughts on)(?-u:\b)|(?:reader\s+)?comments?\s*(?:\(\d+\))?\s*:?\s*$|comments are closed|(?:leave|post|add|write) a (?:reply|comment)|join the (?:discussion|conversation)|show comments|view comments|be the first to comment|\S+(?:\s\S+){0,2}\s+(?:says|wrote):\s*$)",
        )
        .expect("comments regex")
    })
    .is_match(text)
}

/// Is `text` (a short line) a header announcing a list of links?
pub fn is_list_header(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '.', '»', '›', '>', '-', '–', '—'])
        .trim();
    let lower = t.to_lowercase();
    LIST_HEADERS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_across_languages() {
        for w in ["the", "und", "les", "para", "yang", "что"] {
            assert!(is_stop_word(w), "{w}");
        }
        assert!(!is_stop_word("minister"));
    }

    #[test]
    fn the_filter_passes_every_word_in_the_table() {
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        for p in STRONG_PHRASES {
            let first = crate::text::words::word_spans(p).next().expect("a word");
            assert!(entry(&p[first]).phrases().is_some(), "{p}");
        }
    }

    #[test]
    fn weak_words_match_on_word_boundaries() {
        assert_eq!(weak_hits("Facebook"), 1);
        assert_eq!(weak_hits("The shareholders met"), 0);
    }

    #[test]
    fn entries_in_any_case() {
        assert!(entry("The").stop() && entry("F\u{dc}R").stop() && !entry("Minister").stop());
        assert!(
            entry("NEWSLETTER").phrases().is_some() && entry("Suscr\u{cd}bete").phrases().is_some()
        );
        assert_eq!(entry("newsletterxyz"), Entry::default());
        assert_eq!(
            lower_ascii_u64(pack(b"A@Z[az\xc1\xda")),
            pack(b"a@z[az\xc1\xda")
        );
    }

    proptest::proptest! {
        /// The quick test of the letter after a phrase's first word loses no phrase.
        #[test]
        fn quick_phrase_test_keeps_every_match(text in "(?:[Ss]hare|SHARE|[Yy]ou|[Ww]e|[Mm]ore|[Rr]ead|[Tt]erms|[Ee]ditors'|[Nn]ewsletter|[Ss]uscr\u{ed}bete|this|on|may|might|also|like|use|cookies|&|conditions|stories|more:|picks| |  |,|\\.|-|x|\u{e9}){0,12}") {
            for (start, _) in text.char_indices() {
                let word: String = text[start..].chars().take_while(|c| c.is_alphanumeric() || *c == '\'').collect();
                if let Some(group) = entry(&word).phrases() {
                    proptest::prop_assert_eq!(phrase_at(&text, start, group), each_phrase_at(&text, start, group), "{:?} at {}", text, start);
                }
            }
        }
    }

    #[test]
    fn credits() {
        assert!(is_credit("Photograph: AFP via Getty"));
        assert!(is_credit("Image credit: NASA"));
        assert!(!is_credit("Photographers gathered outside the court."));
    }

    #[test]
    fn comment_openers() {
        for t in [
            "34 Comments",
            "34 responses to \u{201c}Anthony Lynn\u{201d}",
            "Leave a Reply",
            "thelastchargersfan says:",
            "Comments",
        ] {
            assert!(opens_comments(t), "{t}");
        }
        assert!(!opens_comments(
            "The minister says the comments were taken out of context."
        ));
    }

    #[test]
    fn list_headers() {
        assert!(is_list_header("More:"));
        assert!(is_list_header("Related Articles"));
        assert!(!is_list_header("More than 2,500 civilians died"));
    }
}
