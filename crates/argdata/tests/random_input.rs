//! The reader on arbitrary and on corrupted bytes: the stable-toolchain
//! counterpart of the cargo-fuzz target in `fuzz/`.

mod common {
    include!("common/exercise.rs");
}

use argdata::{Fd, Integer, Timestamp, Value};
use proptest::collection::vec;
use proptest::prelude::*;

fn small_tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::Float),
        "[a-z\\x00\\u{e9}]{0,6}".prop_map(Value::Str),
        vec(any::<u8>(), 0..6).prop_map(Value::Binary),
        (0i32..4).prop_map(|n| Value::Fd(Fd::new(n))),
        any::<i64>().prop_map(|s| Value::Timestamp(Timestamp::new(s, 0).unwrap())),
        Just(Value::Int(Integer::MAX)),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..5).prop_map(Value::Seq),
            vec((inner.clone(), inner), 0..4).prop_map(Value::Map),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes(bytes in vec(any::<u8>(), 0..96)) {
        common::exercise(&bytes);
    }

    /// Bytes that start with a container tag, so iteration gets exercised
    /// far more than with uniform bytes.
    #[test]
    fn arbitrary_containers(tag in 6u8..=7, body in vec(any::<u8>(), 0..96)) {
        let mut bytes = vec![tag];
        bytes.extend(body);
        common::exercise(&bytes);
    }

    /// Valid encodings with bytes overwritten or cut off.
    #[test]
    fn corrupted_encodings(
        tree in small_tree(),
        edits in vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = tree.encode().bytes;
        for (at, byte) in edits {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
        }
        common::exercise(&bytes);
        let keep = cut.index(bytes.len() + 1);
        common::exercise(&bytes[..keep]);
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    // 200 000 levels of [[[...]]]. Lengths are computed inside out first so
    // the buffer can be written outside in, in linear time.
    let prefix = |n: usize| {
        let mut d = Vec::new();
        let mut n = n;
        loop {
            d.push((n & 0x7f) as u8);
            n >>= 7;
            if n == 0 {
                break;
            }
        }
        d.reverse();
        *d.last_mut().unwrap() |= 0x80;
        d
    };
    let mut lens = vec![1usize];
    for _ in 0..200_000 {
        let inner = *lens.last().unwrap();
        lens.push(1 + prefix(inner).len() + inner);
    }
    let mut bytes = Vec::with_capacity(*lens.last().unwrap());
    for &inner in lens[..lens.len() - 1].iter().rev() {
        bytes.push(7);
        bytes.extend(prefix(inner));
    }
    bytes.push(7);
    assert_eq!(bytes.len(), *lens.last().unwrap());
    common::exercise(&bytes);
}
