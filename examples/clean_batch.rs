//! Cleans NUL-separated texts from stdin and writes the results NUL-separated to stdout:
//! a way to score the cleaner from a script before the Python binding exists.
//! `cargo run --release --example clean_batch [-- --html]`
//!
//! Instruction counts per stage: `COPYDESK_WARM=1 valgrind --tool=callgrind
//! --collect-atstart=no --toggle-collect='clean_batch::measured' clean_batch < texts`
//! counts one round after a warm-up round has built every regex and table.

use std::io::{Read, Write};

fn main() {
    let html = std::env::args().any(|a| a == "--html");
    let mut options = _core::clean::CleanOptions {
        html,
        ..Default::default()
    };
    if let Ok(only) = std::env::var("COPYDESK_ONLY") {
        // Profiling aid: every text step off but the one named.
        let o = &mut options;
        (o.entities, o.mojibake, o.control, o.nfc, o.code) = (false, false, false, false, false);
        (o.metadata, o.boilerplate, o.join_lines, o.whitespace) = (false, false, false, false);
        match only.as_str() {
            "boilerplate" => o.boilerplate = true,
            "code" => o.code = true,
            "mojibake" => o.mojibake = true,
            "whitespace" => o.whitespace = true,
            "metadata" => o.metadata = true,
            "control" => o.control = true,
            "nfc" => o.nfc = true,
            "entities" => o.entities = true,
            "join_lines" => o.join_lines = true,
            _ => {}
        }
    }
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .expect("read stdin");
    let input = String::from_utf8_lossy(&input);
    let texts: Vec<&str> = input.split('\0').collect();
    if std::env::var_os("COPYDESK_WARM").is_some() {
        for t in &texts {
            std::hint::black_box(_core::clean::clean(t, &options));
        }
    }
    let start = std::time::Instant::now();
    let cleaned = measured(&texts, &options);
    eprintln!(
        "{:.1} MB/s",
        input.len() as f64 / 1e6 / start.elapsed().as_secs_f64()
    );
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, text) in cleaned.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\0").expect("write");
        }
        out.write_all(text.as_bytes()).expect("write");
    }
}

/// One round of cleaning over every text (a function of its own so a profiler can count it).
#[inline(never)]
fn measured(texts: &[&str], options: &_core::clean::CleanOptions) -> Vec<String> {
    texts
        .iter()
        .map(|t| _core::clean::clean(t, options))
        .collect()
}
