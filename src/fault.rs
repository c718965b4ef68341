//! A test switch, not a feature: while armed, any text equal to [`MARKER`] makes the engine
//! that reads it panic. copydesk's own tests arm it (through `_core._arm_test_panic`) to prove,
//! for every public function, that a panic deep inside one row becomes an error naming the
//! row, that `errors="null"` turns it into a missing value, and that the interpreter lives on.
//!
//! Each engine checks once per text at its entry (cleaning, quotes, the metrics' preparation,
//! the copy normaliser that copies and alignment share). Disarmed, the check is one relaxed
//! atomic load per text.

use std::sync::atomic::{AtomicBool, Ordering};

static ARMED: AtomicBool = AtomicBool::new(false);

/// The text that panics while the switch is armed (no real text looks like it).
pub const MARKER: &str = "\u{0}copydesk test panic\u{0}";

/// Arms (`true`) or disarms the switch for the whole process.
pub fn arm(on: bool) {
    ARMED.store(on, Ordering::SeqCst);
}

/// Panics when the switch is armed and `text` is the marker.
#[inline]
pub fn check(text: &str) {
    if ARMED.load(Ordering::Relaxed) && text == MARKER {
        panic!("a test panic inside the engine");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_armed_marker_panics() {
        check(MARKER);
        arm(true);
        check("ordinary text");
        assert!(std::panic::catch_unwind(|| check(MARKER)).is_err());
        arm(false);
        check(MARKER);
    }
}
