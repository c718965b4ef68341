//! Fuzz target `metrics`: see `check_metrics` in ../src/lib.rs for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| copydesk_fuzz::check_metrics(data));
