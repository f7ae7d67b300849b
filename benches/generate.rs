//! Generator speed: each backend on our spec, all of them as `cargo xtask gen` runs them,
//! and the whole pipeline (load + every backend) on specs made of 10, 30 and 100 renamed
//! copies of ours, to see that the cost grows linearly.
//!
//! `cargo bench --bench generate`. Under `cargo test` (each benchmark run once, unoptimised)
//! only the 10-copy spec is built, to keep the test run short.

use cloudabi_gen::backend;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn per_backend(c: &mut Criterion) {
    let ir = cloudabi_gen::default_ir().unwrap();
    let mut group = c.benchmark_group("backend");
    for b in backend::all() {
        group.bench_function(b.name, |bench| bench.iter(|| (b.generate)(black_box(&ir))));
    }
    group.finish();
    c.bench_function("all backends (threads, as gen runs them)", |bench| {
        bench.iter(|| backend::generate_all(black_box(&ir)))
    });
}

fn scale(c: &mut Criterion) {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benchmarking {
        &[1, 10, 30, 100]
    } else {
        &[10]
    };
    let mut group = c.benchmark_group("load + all backends, n copies");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for &n in sizes {
        let spec = cloudabi_gen::copies::copies(cloudabi_gen::DEFAULT_SPEC, n).unwrap();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &spec, |bench, spec| {
            bench.iter(|| {
                let ir = cloudabi_gen::load("copies.txt", black_box(spec)).unwrap();
                backend::generate_all(&ir)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, per_backend, scale);
criterion_main!(benches);
