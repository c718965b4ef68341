//! Prints the quotes copydesk finds in text files as JSON lines, one file per line, and the
//! throughput on stderr: a way to look at the rules before the Python binding exists.
//!
//! Usage: `cargo run --release --example quotes_dump -- FILE...`
//! (for PolNeAR: `$COPYDESK_DATA/polnear/data/dev/text/*.txt`).

use std::time::Instant;

use _core::quotes::{extract, Quote};

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn opt_str(s: &Option<String>) -> String {
    s.as_deref().map_or("null".to_string(), json_str)
}

fn opt_num(n: Option<usize>) -> String {
    n.map_or("null".to_string(), |n| n.to_string())
}

fn quote_json(q: &Quote) -> String {
    let frags: Vec<String> = q
        .fragments
        .iter()
        .map(|(a, b)| format!("[{a},{b}]"))
        .collect();
    format!(
        "{{\"text\":{},\"start\":{},\"end\":{},\"fragments\":[{}],\"speaker\":{},\"speaker_start\":{},\"speaker_end\":{},\"speaker_name\":{},\"cue\":{},\"cue_start\":{},\"cue_end\":{},\"kind\":\"{}\"}}",
        json_str(&q.text),
        q.start,
        q.end,
        frags.join(","),
        opt_str(&q.speaker),
        opt_num(q.speaker_start),
        opt_num(q.speaker_end),
        opt_str(&q.speaker_name),
        opt_str(&q.cue),
        opt_num(q.cue_start),
        opt_num(q.cue_end),
        q.kind.as_str(),
    )
}

fn main() {
    let mut bytes = 0usize;
    let mut seconds = 0.0f64;
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let t = Instant::now();
        let quotes = extract(&text);
        seconds += t.elapsed().as_secs_f64();
        bytes += text.len();
        let body: Vec<String> = quotes.iter().map(quote_json).collect();
        println!(
            "{{\"path\":{},\"quotes\":[{}]}}",
            json_str(&path),
            body.join(",")
        );
    }
    if seconds > 0.0 {
        eprintln!(
            "{:.1} MB/s over {} bytes",
            bytes as f64 / 1e6 / seconds,
            bytes
        );
    }
}
