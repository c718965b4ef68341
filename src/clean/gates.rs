//! Which character-repair steps have anything to look for in a text, from one pass over its
//! bytes ([`ByteSummary`]). Each of these steps scans the whole text for bytes of its own;
//! on already-clean English text none of them finds one, so one shared scan that says so
//! replaces four. A gate only ever skips a step that would have made no edit (the tests
//! below hold each gate to that against the step itself).

use super::bytescan::{byte_summary, ByteSummary};
use super::edit::Tracked;
use super::whitespace;
use memchr::memmem;
use std::sync::LazyLock;

/// U+00A0 and U+0085, the whitespace characters of two bytes.
static NO_BREAK_OR_NEXT_LINE: LazyLock<[memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memmem::Finder::new(b"\xC2\xA0"),
        memmem::Finder::new(b"\xC2\x85"),
    ]
});

/// The byte summary of the current text, taken again only after the text has changed (a
/// step that edits nothing leaves the summary true).
pub struct Gates {
    changes: usize,
    bytes: ByteSummary,
}

impl Gates {
    pub fn new(t: &Tracked) -> Gates {
        Gates {
            changes: t.changes(),
            bytes: byte_summary(t.text().as_bytes()),
        }
    }

    /// The summary of `t`'s text as it is now.
    fn bytes(&mut self, t: &Tracked) -> ByteSummary {
        if t.changes() != self.changes {
            *self = Gates::new(t);
        }
        self.bytes
    }

    /// Might the text hold a C0 control, DEL, or an invisible character (U+200B, U+2060,
    /// U+FEFF, whose UTF-8 starts with 0xE2 or 0xEF)?
    pub fn c0(&mut self, t: &Tracked) -> bool {
        let b = self.bytes(t);
        b.controls || b.max >= 0xE2 || memchr::memchr(0x7F, t.text().as_bytes()).is_some()
    }

    /// Might the text hold mojibake? Not when it is ASCII.
    pub fn mojibake(&mut self, t: &Tracked) -> bool {
        self.bytes(t).max >= 0x80
    }

    /// Might the text hold a C1 control (bytes C2 80 to C2 9F)?
    pub fn c1(&mut self, t: &Tracked) -> bool {
        self.bytes(t).max >= 0xC2
    }

    /// Might the whitespace step have an edit to make? Not when the text holds no C0 control
    /// but `\n`, no character from U+0800 up and no U+0085 or U+00A0 (so its only
    /// whitespace is spaces and line breaks) and those are already as the step leaves them.
    pub fn whitespace(&mut self, t: &Tracked) -> bool {
        let b = self.bytes(t);
        let text = t.text();
        let odd_spaces = b.controls
            || b.max >= 0xE0
            || (b.max >= 0xC2
                && NO_BREAK_OR_NEXT_LINE
                    .iter()
                    .any(|p| p.find(text.as_bytes()).is_some()));
        odd_spaces || !whitespace::spaces_and_breaks_are_normal(text)
    }

    /// Might the text hold a character that is not NFC? Characters below U+0300 (lead
    /// bytes below 0xCC) are NFC and compose with nothing before them.
    pub fn nfc(&mut self, t: &Tracked) -> bool {
        self.bytes(t).max >= 0xCC
    }
}

#[cfg(test)]
mod tests {
    use super::super::{control, mojibake, nfc, properties::text_strategy};
    use super::*;
    use proptest::prelude::*;

    /// Every gate that says "nothing to look for" is right: the step makes no edit.
    fn gates_hold(text: &str) -> Result<(), TestCaseError> {
        let t = Tracked::new(text, false);
        let mut g = Gates::new(&t);
        if !g.c0(&t) {
            prop_assert!(control::c0_edits(text).is_empty());
        }
        if !g.mojibake(&t) {
            prop_assert!(mojibake::mojibake_edits(text).is_empty());
        }
        if !g.c1(&t) {
            prop_assert!(control::c1_edits(text).is_empty());
        }
        if !g.nfc(&t) {
            prop_assert!(nfc::nfc_edits(text).is_empty());
        }
        if !g.whitespace(&t) {
            prop_assert!(whitespace::whitespace_edits(text).is_empty());
        }
        Ok(())
    }

    #[test]
    fn gates_open_on_what_their_step_fixes() {
        for (text, c0, c1, nfc) in [
            ("plain \u{a3}5 text\n", false, true, false),
            ("tab\there", true, false, false),
            ("zero\u{200b}width", true, true, true),
            ("e\u{301}", false, true, true),
            ("c1 \u{93}quote", false, true, false),
            ("ascii", false, false, false),
        ] {
            let t = Tracked::new(text, false);
            let mut g = Gates::new(&t);
            assert_eq!((g.c0(&t), g.c1(&t), g.nfc(&t)), (c0, c1, nfc), "{text:?}");
        }
    }

    #[test]
    fn summary_follows_edits() {
        let mut t = Tracked::new("ascii only", false);
        let mut g = Gates::new(&t);
        assert!(!g.mojibake(&t));
        t.apply(&[super::super::edit::Edit::replace(0..5, "caf\u{e9}")]);
        assert!(g.mojibake(&t));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn a_closed_gate_skips_only_steps_with_nothing_to_do(text in text_strategy()) {
            gates_hold(&text)?;
        }

        #[test]
        fn closed_gates_on_spaced_text(text in "[ab \n\t\r\u{a0}\u{85}\u{a3}\u{7ff}\u{800}\u{2009}]{0,40}") {
            gates_hold(&text)?;
        }

        #[test]
        fn closed_gates_on_latin_text(text in "[a-zA-Z .,;&'\"\n\t\u{a3}\u{e9}\u{a0}\u{85}\u{93}\u{7f}\u{1}\u{2c6}\u{2ff}\u{300}]{0,80}") {
            gates_hold(&text)?;
        }
    }
}
