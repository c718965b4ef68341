//! Complement frames of reporting verbs: what a verb reports when no clause follows it. News
//! attributes more than clauses: `Palmieri called on Trump to apologize`, `Clinton cited
//! derogatory comments`, `Lawmakers asked whether the deals required ...`, `the NAACP called
//! for a moratorium`, `Clinton wants to triple the program`. Each lemma lists the frames it
//! takes; the lexicon inflects them with its own entries, so `cites`, `cited`, `citing` all
//! match.
//!
//! A bare object is content for verbs whose object is what was said (`cited the audit`,
//! `denied the report`); for verbs of stance (`criticized the plan`, `praised the senator`)
//! the target is content too, but only the target and its modifiers (`TARGET`). An infinitive counts after verbs of intention and
//! commitment (`wants to`, `vowed to`, `agreed to`): news attribution (PolNeAR's among it)
//! treats a stated plan or promise as the source's position.
//!
//! Only the frames: `reports.rs` finds the subject and decides where the content ends.

use super::lexicon;

/// `V to <verb phrase>`: `wants to repeal`, `agreed to pay`, `vowed to veto`.
pub const TO: u16 = 1;
/// `V <hearer> to <verb phrase>`: `urged Congress to act`.
pub const OBJECT_TO: u16 = 2;
/// `V <noun phrase>`: `cited the audit`.
pub const OBJECT: u16 = 4;
/// `V <wh-clause>`: `asked whether`, `explained why`.
pub const WH: u16 = 8;
/// `V for <noun phrase>`: `called for a moratorium`.
pub const FOR: u16 = 16;
/// `V on <hearer> to <verb phrase>` / `V on <noun phrase>`: `called on Trump to apologize`.
pub const ON: u16 = 32;
/// `V about <noun phrase>`: `talked about jobs`.
pub const ABOUT: u16 = 64;
/// `V <target>`: a stance towards someone or something (`endorsed Sanders in the primary`,
/// `accused Obama of bungling the recovery`). PolNeAR attributes the stance with the target as
/// its content; the content is the target and its modifiers, never a coordinated verb phrase
/// (`endorsed Trump last week and has appeared at his side`).
pub const TARGET: u16 = 128;
/// `V to <noun phrase>`: what a speaker points to (`referring to the party's convention`,
/// `pointed to the polls`).
pub const TO_NP: u16 = 256;

/// Lemmas (lexicon notation: `*` doubles the final consonant, `/` lists irregular forms) and
/// their frames.
pub const FRAMES: &[(&str, u16)] = &[
    ("want", TO),
    ("plan*", TO),
    ("hope", TO),
    ("agree", TO),
    ("vow", TO),
    ("pledge", TO),
    ("promise", TO),
    ("refuse", TO),
    ("threaten", TO),
    ("intend", TO),
    ("seek/sought", TO),
    ("offer", TO),
    ("decline", TO),
    ("propose", TO | OBJECT),
    ("decide", TO | WH),
    ("tell/told", OBJECT_TO | ABOUT),
    ("ask", OBJECT_TO | WH | ABOUT | FOR),
    ("urge", OBJECT_TO),
    ("call", FOR | ON),
    ("encourage", OBJECT_TO),
    ("warn", OBJECT_TO | ABOUT),
    ("press", OBJECT_TO | FOR),
    ("invite", OBJECT_TO),
    ("advise", OBJECT_TO),
    ("order", OBJECT_TO),
    ("convince", OBJECT_TO),
    ("push", FOR),
    ("argue", FOR),
    ("advocate", FOR),
    ("lobby", FOR),
    ("cite", OBJECT),
    ("mention", OBJECT),
    ("criticize", FOR | TARGET),
    ("criticise", FOR | TARGET),
    ("accuse", TARGET),
    ("defend", TARGET),
    ("reject", TARGET),
    ("denounce", TARGET),
    ("dismiss", TARGET),
    ("condemn", TARGET),
    ("applaud", TARGET),
    ("hail", TARGET),
    ("blast", TARGET),
    ("slam*", TARGET),
    ("welcome", TARGET),
    ("blame", TARGET),
    ("mock", TARGET),
    ("question", OBJECT | WH),
    ("describe", OBJECT | WH),
    ("outline", OBJECT),
    ("detail", OBJECT),
    ("deny", OBJECT),
    ("acknowledge", OBJECT),
    ("announce", OBJECT),
    ("discuss", OBJECT | WH),
    ("explain", WH | OBJECT),
    ("echo", OBJECT),
    ("dispute", OBJECT),
    ("praise", FOR | TARGET),
    ("demand", OBJECT),
    ("repeat", OBJECT),
    ("reiterate", OBJECT),
    ("recommend", OBJECT),
    ("talk", ABOUT),
    ("refer*", TO_NP),
    ("point", TO_NP),
    ("speak/spoke/spoken", ABOUT),
    ("complain", ABOUT),
    ("worry", ABOUT),
    ("write/wrote/written", ABOUT),
    ("comment", ON),
    ("insist", ON),
    ("wonder", WH),
    ("know/knew/known", WH),
    ("reveal", WH | OBJECT),
];

/// The frames of a word form (any case), 0 for none. The lexicon holds them, so a word is
/// looked up once for its cue and its frames.
pub fn frames_of(word: &str) -> u16 {
    lexicon::lookup(word).map_or(0, |c| c.frames)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_carry_their_frames() {
        assert_ne!(frames_of("wants") & TO, 0);
        assert_ne!(frames_of("sought") & TO, 0);
        assert_ne!(frames_of("Called") & FOR, 0);
        assert_ne!(frames_of("citing") & OBJECT, 0);
        assert_eq!(frames_of("praised") & OBJECT, 0);
        assert_eq!(frames_of("walked"), 0);
    }
}
