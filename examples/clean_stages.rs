//! Times the pipeline on NUL-separated texts from stdin with each step switched off in turn:
//! a rough per-step cost profile. `cargo run --release --example clean_stages < texts`
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .expect("read stdin");
    let texts: Vec<&str> = input.split('\0').collect();
    let base = _core::clean::CleanOptions::default();
    // The best of five runs: the machine is shared, and the minimum is the least disturbed.
    let time = |o: &_core::clean::CleanOptions| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for x in &texts {
                std::hint::black_box(_core::clean::clean(x, o));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        input.len() as f64 / 1e6 / best
    };
    println!("all on: {:.1} MB/s", time(&base));
    let variants: Vec<(&str, _core::clean::CleanOptions)> = vec![
        (
            "entities",
            _core::clean::CleanOptions {
                entities: false,
                ..base.clone()
            },
        ),
        (
            "mojibake",
            _core::clean::CleanOptions {
                mojibake: false,
                ..base.clone()
            },
        ),
        (
            "control",
            _core::clean::CleanOptions {
                control: false,
                ..base.clone()
            },
        ),
        (
            "nfc",
            _core::clean::CleanOptions {
                nfc: false,
                ..base.clone()
            },
        ),
        (
            "code",
            _core::clean::CleanOptions {
                code: false,
                ..base.clone()
            },
        ),
        (
            "metadata",
            _core::clean::CleanOptions {
                metadata: false,
                ..base.clone()
            },
        ),
        (
            "boilerplate",
            _core::clean::CleanOptions {
                boilerplate: false,
                ..base.clone()
            },
        ),
        (
            "join_lines",
            _core::clean::CleanOptions {
                join_lines: false,
                ..base.clone()
            },
        ),
        (
            "whitespace",
            _core::clean::CleanOptions {
                whitespace: false,
                ..base.clone()
            },
        ),
    ];
    for (name, o) in &variants {
        println!("without {name}: {:.1} MB/s", time(o));
    }
    let none = _core::clean::CleanOptions {
        entities: false,
        mojibake: false,
        control: false,
        nfc: false,
        code: false,
        metadata: false,
        boilerplate: false,
        join_lines: false,
        whitespace: false,
        ..base.clone()
    };
    println!("all off: {:.1} MB/s", time(&none));
    let only: Vec<(&str, _core::clean::CleanOptions)> = vec![
        (
            "entities",
            _core::clean::CleanOptions {
                entities: true,
                ..none.clone()
            },
        ),
        (
            "mojibake",
            _core::clean::CleanOptions {
                mojibake: true,
                ..none.clone()
            },
        ),
        (
            "control",
            _core::clean::CleanOptions {
                control: true,
                ..none.clone()
            },
        ),
        (
            "nfc",
            _core::clean::CleanOptions {
                nfc: true,
                ..none.clone()
            },
        ),
        (
            "code",
            _core::clean::CleanOptions {
                code: true,
                ..none.clone()
            },
        ),
        (
            "metadata",
            _core::clean::CleanOptions {
                metadata: true,
                ..none.clone()
            },
        ),
        (
            "boilerplate",
            _core::clean::CleanOptions {
                boilerplate: true,
                ..none.clone()
            },
        ),
        (
            "join_lines",
            _core::clean::CleanOptions {
                join_lines: true,
                ..none.clone()
            },
        ),
        (
            "whitespace",
            _core::clean::CleanOptions {
                whitespace: true,
                ..none.clone()
            },
        ),
    ];
    for (name, o) in &only {
        println!("only {name}: {:.1} MB/s", time(o));
    }
}
