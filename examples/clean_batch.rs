//! Cleans NUL-separated texts from stdin and writes the results NUL-separated to stdout:
//! a way to score the cleaner from a script before the Python binding exists.
//! `cargo run --release --example clean_batch [-- --html]`

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
            _ => {}
        }
    }
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .expect("read stdin");
    let input = String::from_utf8_lossy(&input);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let start = std::time::Instant::now();
    for (i, text) in input.split('\0').enumerate() {
        if i > 0 {
            out.write_all(b"\0").expect("write");
        }
        out.write_all(_core::clean::clean(text, &options).as_bytes())
            .expect("write");
    }
    eprintln!(
        "{:.1} MB/s",
        input.len() as f64 / 1e6 / start.elapsed().as_secs_f64()
    );
}
