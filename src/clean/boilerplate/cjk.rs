//! Chinese and Japanese prose: no spaces between words and none of the stop words the
//! lexicon knows, so the word-based classes would call every paragraph of it furniture. A unit
//! written mostly in ideographs and kana is classed by how many of them it holds and by its
//! clause punctuation instead.

use super::features::{Class, Features};

/// At least this many ideographs and kana make a paragraph (about 150 characters of English).
const PARAGRAPH: usize = 60;
/// At least this many, with clause marks, make a sentence.
const SENTENCE: usize = 15;

/// The class of a unit written mostly in Chinese or Japanese that the word-based classes
/// (`by_words`) call too short to tell, or `None` to keep `by_words`. Only punctuated text is
/// promoted: a headline or a link title in the script has no clause marks, and stays short.
pub fn class(text: &str, f: &Features, by_words: Class) -> Option<Class> {
    if f.cjk < SENTENCE || !matches!(by_words, Class::Short | Class::Nav | Class::Phrase) {
        return None;
    }
    let counts = Counts::of(text);
    if counts.ideographic * 2 < counts.visible {
        return None;
    }
    let punctuated = counts.clause_marks > 0 || counts.spaced_clauses > 0;
    if !punctuated {
        return None;
    }
    Some(if counts.ideographic >= PARAGRAPH {
        Class::Good
    } else {
        Class::NearGood
    })
}

/// What [`class`] counts in a unit.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    /// Han ideographs, kana and Hangul syllables.
    ideographic: usize,
    /// Characters other than whitespace.
    visible: usize,
    /// Full stops, commas and other clause marks of the script.
    clause_marks: usize,
    /// Spaces between two runs of the script: blogs set clauses apart with a space.
    spaced_clauses: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let mut counts = Counts::default();
        let mut prev_ideographic = false;
        let mut space_after_ideograph = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space_after_ideograph |= prev_ideographic;
                continue;
            }
            counts.visible += 1;
            let ideographic = is_ideographic(c);
            if ideographic {
                counts.ideographic += 1;
                counts.spaced_clauses += usize::from(space_after_ideograph);
            } else if is_clause_mark(c) {
                counts.clause_marks += 1;
            }
            prev_ideographic = ideographic;
            space_after_ideograph = false;
        }
        counts
    }
}

fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'     // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}'   // Hangul syllables
        | '\u{f900}'..='\u{faff}'   // compatibility ideographs
        | '\u{20000}'..='\u{2fa1f}' // supplementary ideographs
    )
}

/// `。`, `、`, `，`, `！`, `？`, `；`, `：` and their full-width kin.
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '\u{3001}' | '\u{3002}' | '\u{ff01}' | '\u{ff0c}' | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classed(t: &str) -> Option<Class> {
        let f = Features::of(t);
        class(t, &f, f.class())
    }

    #[test]
    fn punctuated_chinese_is_prose() {
        let blog = "一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒 披上嫣紅的彩衣";
        assert_eq!(classed(blog), Some(Class::NearGood));
        let paragraph = "美樹營地每年十二月向來是攝影班外拍的絕佳場所之一，楓紅期間入園費五十元。\
            園區給愛攝一族淨空場景，而不是散搭帳蓬之下反而影響拍照畫面與構圖取景。";
        let f = Features::of(paragraph);
        assert_eq!(class(paragraph, &f, Class::Short), Some(Class::Good));
    }

    #[test]
    fn titles_menus_and_other_scripts_keep_their_word_class() {
        assert_eq!(classed("首頁"), None);
        let title = "2ちゃん専ブラJane Styleで選択したテキストを右クリックからGoogle検索する方法";
        assert_eq!(classed(title), None);
        let english = "The ministry later denied the report, saying the talks would resume.";
        assert_eq!(classed(english), None);
        assert_eq!(
            classed("Москва и Санкт-Петербург объявили о новых мерах."),
            None
        );
    }

    #[test]
    fn counts_ideographs_marks_and_spaced_clauses() {
        let c = Counts::of("寒流報到 已將，彩衣。 ok");
        let want = Counts {
            ideographic: 8,
            visible: 12,
            clause_marks: 2,
            spaced_clauses: 1,
        };
        assert_eq!(c, want);
    }
}
