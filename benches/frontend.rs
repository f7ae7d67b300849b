//! Front-end speed: parse, resolve, validate and lay out our spec; and the JSON backend.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn frontend(c: &mut Criterion) {
    let spec = cloudabi_gen::DEFAULT_SPEC;
    c.bench_function("parse only (tree + declarations)", |b| {
        b.iter(|| cloudabi_gen::parse::parse(cloudabi_gen::source::FileId(0), black_box(spec)))
    });
    c.bench_function("parse + resolve + validate + layout", |b| {
        b.iter(|| cloudabi_gen::load("spec/cloudabi.txt", black_box(spec)).unwrap())
    });
    let ir = cloudabi_gen::default_ir().unwrap();
    c.bench_function("json backend", |b| {
        b.iter(|| cloudabi_gen::backend::json::generate(black_box(&ir)))
    });
}

criterion_group!(benches, frontend);
criterion_main!(benches);
