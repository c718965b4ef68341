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

/// Slots of the stop-word table (a power of two, well above the number of words).
const TABLE_SLOTS: usize = 1024;

/// The stop words packed into an open-addressing table (0 marks an empty slot).
fn stop_table() -> &'static [u64; TABLE_SLOTS] {
    static TABLE: OnceLock<Box<[u64; TABLE_SLOTS]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new([0u64; TABLE_SLOTS]);
        for w in STOP_WORDS {
            let key = pack(w.as_bytes());
            let mut i = slot(key);
            while t[i] != 0 && t[i] != key {
                i = (i + 1) % TABLE_SLOTS;
            }
            t[i] = key;
        }
        t
    })
}

/// The home slot of a packed word (multiplicative hashing).
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize % TABLE_SLOTS
}

fn in_table(key: u64) -> bool {
    let t = stop_table();
    let mut i = slot(key);
    loop {
        match t[i] {
            0 => return false,
            k if k == key => return true,
            _ => i = (i + 1) % TABLE_SLOTS,
        }
    }
}

/// Is `word` (lower-cased) a stop word in any of the languages above?
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= MAX_STOP_WORD && in_table(pack(word.as_bytes()))
}

/// Is `word`, in any case, a stop word? Lower-cases ASCII words without allocating.
pub fn is_stop_word_any_case(word: &str) -> bool {
    if word.len() > MAX_STOP_WORD {
        return false;
    }
    if word.is_ascii() {
        let mut buf = [0u8; MAX_STOP_WORD];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return in_table(pack(lower));
    }
    is_stop_word(&word.to_lowercase())
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

/// How many strong furniture phrases `text` holds (a copyright sign counts as one).
pub fn strong_hits(text: &str) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let signs = text.matches('\u{a9}').count();
    whole_word_hits(RE.get_or_init(|| phrase_regex(STRONG_PHRASES)), text) + signs
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
    fn phrases_match_on_word_boundaries() {
        assert_eq!(strong_hits("Share this article"), 1);
        assert_eq!(weak_hits("Facebook"), 1);
        assert_eq!(strong_hits("Sign up for our newsletter"), 2);
        assert_eq!(
            strong_hits("The shareholders met") + weak_hits("The shareholders met"),
            0
        );
        assert_eq!(
            strong_hits("\u{a9} 2019 The Associated Press. All rights reserved."),
            2
        );
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
