//! Loads the embedded spec N times (default 1), for profilers such as callgrind. With
//! `--time`, also reports the fastest of 50 batches of N parses and of N full loads.
use std::time::{Duration, Instant};

fn fastest(n: usize, mut f: impl FnMut()) -> Duration {
    (0..50)
        .map(|_| {
            let start = Instant::now();
            (0..n).for_each(|_| f());
            start.elapsed() / n as u32
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    if args.iter().any(|a| a == "--time") {
        let spec = cloudabi_gen::DEFAULT_SPEC;
        let file = cloudabi_gen::source::FileId(0);
        let parse = fastest(n, || {
            drop(std::hint::black_box(cloudabi_gen::parse::parse(file, spec)))
        });
        let load = fastest(n, || {
            drop(std::hint::black_box(cloudabi_gen::default_ir().unwrap()))
        });
        println!(
            "parse: {parse:?}  parse+resolve+validate+layout: {load:?}  (fastest batch of {n})"
        );
        return;
    }
    for _ in 0..n {
        std::hint::black_box(cloudabi_gen::default_ir().expect("the embedded spec is valid"));
    }
}
