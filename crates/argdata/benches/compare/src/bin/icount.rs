//! Runs one measured operation N times, for instruction counting under
//! `valgrind --tool=callgrind`, which is repeatable on a shared machine where
//! wall-clock benchmarks are not. `run-icount.sh` runs each operation with
//! N and with 0 iterations and reports the difference divided by N.

use std::hint::black_box;

use argdata::Argdata;
use argdata_bench_compare::*;

/// Keeps the result alive as far as the optimizer can tell, then drops it.
fn consume<T>(v: T) {
    black_box(&v);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let op = args[1].as_str();
    let n: usize = args[2].parse().unwrap();
    let config = config_tree();
    let big = big_map();
    let published = to_published(&config);
    let config_bytes = config.encode().bytes;
    let config_mp = rmp_serde::to_vec(&config).unwrap();
    let big_bytes = big.encode().bytes;
    let big_mp = rmp_serde::to_vec(&big).unwrap();
    let last = key(9999);
    for _ in 0..n {
        match op {
            "encode/ours" => consume(black_box(&config).encode()),
            "encode/published" => consume(encode_published(black_box(&published))),
            "encode/rmp" => consume(rmp_serde::to_vec(black_box(&config)).unwrap()),
            "walk/ours" => consume(walk_ours(Argdata::new(black_box(&config_bytes)))),
            "walk/published" => consume(walk_published(&argdata_published::encoded(black_box(
                &config_bytes,
            )))),
            "owned/ours" => consume(Argdata::new(black_box(&config_bytes)).to_value()),
            "owned/rmp" => consume(rmp_serde::from_slice::<argdata::Value>(black_box(
                &config_mp,
            ))),
            "lookup-last/ours" => consume(lookup_ours(black_box(&big_bytes), &last)),
            "lookup-last/published" => consume(lookup_published(black_box(&big_bytes), &last)),
            "lookup-last/rmp-skip" => consume(lookup_rmp_skip(black_box(&big_mp), &last)),
            "lookup-last/rmp-full" => consume(lookup_rmp_full(black_box(&big_mp), &last)),
            _ => panic!("unknown operation {op}"),
        }
    }
}
