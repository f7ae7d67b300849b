//! encode, full decode and "find key k in a map of 10 000 entries", each
//! measured for this crate, the published `argdata` 0.1.2 and MessagePack
//! through `rmp-serde`, on the same trees.

use std::hint::black_box;
use std::time::Duration;

use argdata::{Argdata, Value};
use argdata_bench_compare::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// ---------------------------------------------------------------------------

fn encode(c: &mut Criterion) {
    let tree = config_tree();
    let published = to_published(&tree);
    let ours = tree.encode().bytes;
    let mut g = c.benchmark_group("encode");
    g.throughput(Throughput::Bytes(ours.len() as u64));
    g.bench_function("argdata (this crate)", |b| {
        b.iter(|| black_box(&tree).encode())
    });
    g.bench_function("argdata 0.1.2", |b| {
        b.iter(|| encode_published(black_box(&published)))
    });
    g.bench_function("rmp-serde", |b| {
        b.iter(|| rmp_serde::to_vec(black_box(&tree)).unwrap())
    });
    g.finish();
}

fn decode(c: &mut Criterion) {
    let tree = config_tree();
    let ours = tree.encode().bytes;
    let mp = rmp_serde::to_vec(&tree).unwrap();
    println!(
        "config tree: argdata {} bytes, MessagePack {} bytes",
        ours.len(),
        mp.len()
    );
    assert_eq!(Argdata::new(&ours).to_value().unwrap(), tree);
    assert_eq!(rmp_serde::from_slice::<Value>(&mp).unwrap(), tree);
    let expected = walk_ours(Argdata::new(&ours));
    assert_eq!(walk_published(&argdata_published::encoded(&ours)), expected);

    let mut g = c.benchmark_group("decode");
    g.throughput(Throughput::Bytes(ours.len() as u64));
    g.bench_function("walk: argdata (this crate)", |b| {
        b.iter(|| walk_ours(Argdata::new(black_box(&ours))))
    });
    g.bench_function("walk: argdata 0.1.2", |b| {
        b.iter(|| walk_published(&argdata_published::encoded(black_box(&ours))))
    });
    g.bench_function("owned tree: argdata (this crate)", |b| {
        b.iter(|| Argdata::new(black_box(&ours)).to_value().unwrap())
    });
    g.bench_function("owned tree: rmp-serde", |b| {
        b.iter(|| rmp_serde::from_slice::<Value>(black_box(&mp)).unwrap())
    });
    g.finish();
}

fn lookup(c: &mut Criterion) {
    let tree = big_map();
    let ours = tree.encode().bytes;
    let mp = rmp_serde::to_vec(&tree).unwrap();
    println!(
        "10 000-entry map: argdata {} bytes, MessagePack {} bytes",
        ours.len(),
        mp.len()
    );
    for (name, k) in [
        ("first", key(0)),
        ("middle", key(5000)),
        ("last", key(9999)),
    ] {
        let want = tree.get(&Value::from(k.as_str())).unwrap().clone();
        let got_ours = Argdata::new(&ours)
            .get_map()
            .unwrap()
            .get(k.as_str())
            .unwrap();
        assert_eq!(got_ours.unwrap().to_value().unwrap(), want);
        assert_eq!(lookup_published(&ours, &k), lookup_ours(&ours, &k));
        assert_eq!(lookup_rmp_skip(&mp, &k), Some(want.clone()));
        assert_eq!(lookup_rmp_full(&mp, &k), Some(want));

        let mut g = c.benchmark_group(format!("lookup/{name}"));
        g.bench_function("argdata (this crate)", |b| {
            b.iter(|| lookup_ours(black_box(&ours), black_box(&k)))
        });
        g.bench_function("argdata 0.1.2", |b| {
            b.iter(|| lookup_published(black_box(&ours), black_box(&k)))
        });
        g.bench_function("rmp-serde (skip values)", |b| {
            b.iter(|| lookup_rmp_skip(black_box(&mp), black_box(&k)))
        });
        g.bench_function("rmp-serde (decode all, then search)", |b| {
            b.iter(|| lookup_rmp_full(black_box(&mp), black_box(&k)))
        });
        g.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = encode, decode, lookup
}
criterion_main!(benches);
