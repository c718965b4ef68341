//! Fuzz target `copies`: see `check_copies` in ../src/lib.rs for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| copydesk_fuzz::check_copies(data));
