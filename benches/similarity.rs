//! Speed of the similarity kernels against strsim, the reference crate, on one thread:
//! `similarity_matrix` over news headlines (10-80 characters) and long sentences, against
//! strsim's pairwise functions on the same pairs. Prints one ratio (strsim time / copydesk
//! time) per case. Inputs come from the evaluation data (COPYDESK_DATA, default
//! ../shared/data) and are never copied into the repository; without the data it says so
//! and exits. `BENCH_LINES=file` times one file of lines (one string per line) instead.
//!
//! Run: `RAYON_NUM_THREADS=1 cargo bench --bench similarity`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use _core::similarity::metrics::{similarity_matrix, Metric};

fn data_dir() -> PathBuf {
    std::env::var_os("COPYDESK_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

/// The quoted fields of one line of AG News' CSV (`"class","title","description"`).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    while chars.peek().is_some() {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    ('"', Some('"')) => {
                        chars.next();
                        field.push('"');
                    }
                    ('"', _) => break,
                    _ => field.push(c),
                }
            }
        }
        for c in chars.by_ref() {
            if c == ',' {
                break;
            }
            field.push(c);
        }
        fields.push(field);
    }
    fields
}

/// AG News titles and description sentences whose length in characters is in `range`.
fn ag_news(column: usize, range: std::ops::RangeInclusive<usize>) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(data_dir().join("ag-news-test/test.csv")).ok()?;
    Some(
        text.lines()
            .filter_map(|l| csv_fields(l).into_iter().nth(column))
            .filter(|s| range.contains(&s.chars().count()))
            .collect(),
    )
}

fn time<R>(f: impl Fn() -> R) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        std::hint::black_box(f());
        best = best.min(start.elapsed());
    }
    best
}

fn copydesk(a: &[&str], b: &[&str], metric: Metric) -> Duration {
    time(|| similarity_matrix(a, Some(b), metric, 0.0).unwrap())
}

fn strsim_matrix(a: &[&str], b: &[&str], f: fn(&str, &str) -> f64) -> Duration {
    time(|| {
        let mut out = Vec::with_capacity(a.len() * b.len());
        for x in a {
            for y in b {
                out.push(f(x, y) as f32);
            }
        }
        out
    })
}

fn report(case: &str, a: &[&str], b: &[&str], metric: Metric, reference: fn(&str, &str) -> f64) {
    let ours = copydesk(a, b, metric);
    let theirs = strsim_matrix(a, b, reference);
    let pairs = (a.len() * b.len()) as f64;
    println!(
        "{case:<28} {:>9.1} ns/pair copydesk {:>9.1} ns/pair strsim  ratio strsim/copydesk {:>6.1}",
        ours.as_nanos() as f64 / pairs,
        theirs.as_nanos() as f64 / pairs,
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}

fn lines_file(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("BENCH_LINES is readable")
        .lines()
        .map(str::to_string)
        .collect()
}

fn main() {
    if let Ok(path) = std::env::var("BENCH_LINES") {
        let lines = lines_file(&path);
        let n = lines.len().min(4000) / 2;
        let (a, b): (Vec<&str>, Vec<&str>) = (
            lines[..n].iter().map(String::as_str).collect(),
            lines[n..2 * n].iter().map(String::as_str).collect(),
        );
        for name in std::env::var("BENCH_METRICS")
            .unwrap_or("levenshtein".into())
            .split(',')
        {
            let metric = Metric::from_name(name).unwrap();
            let d = copydesk(&a, &b, metric);
            println!(
                "{name:<20} {n}x{n}: {:.1} ns/pair",
                d.as_nanos() as f64 / (n * n) as f64
            );
        }
        return;
    }
    let (Some(heads), Some(long)) = (ag_news(1, 10..=80), ag_news(2, 200..=400)) else {
        println!("skipped: no AG News data under {}", data_dir().display());
        return;
    };
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let (ha, hb) = (&heads[..600], &heads[600..1200]);
    report(
        "headlines levenshtein",
        ha,
        hb,
        Metric::Levenshtein,
        strsim::normalized_levenshtein,
    );
    report(
        "headlines jaro_winkler",
        ha,
        hb,
        Metric::JaroWinkler,
        strsim::jaro_winkler,
    );
    report("headlines osa", ha, hb, Metric::Osa, |a, b| {
        let n = a.chars().count().max(b.chars().count());
        if n == 0 {
            1.0
        } else {
            1.0 - strsim::osa_distance(a, b) as f64 / n as f64
        }
    });
    let (la, lb) = (&long[..100], &long[100..200]);
    report(
        "long levenshtein",
        la,
        lb,
        Metric::Levenshtein,
        strsim::normalized_levenshtein,
    );
    report(
        "long jaro_winkler",
        la,
        lb,
        Metric::JaroWinkler,
        strsim::jaro_winkler,
    );
}
