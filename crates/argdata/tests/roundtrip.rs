//! value -> bytes -> value over arbitrary nested trees.

use argdata::{yaml, Argdata, Fd, FdMapping, FdPolicy, FdTable, Integer, Timestamp, Value};
use proptest::collection::vec;
use proptest::prelude::*;

fn integer() -> impl Strategy<Value = Integer> {
    prop_oneof![
        any::<i64>().prop_map(Integer::from),
        any::<u64>().prop_map(Integer::from),
        (-300i64..300).prop_map(Integer::from),
        Just(Integer::MIN),
        Just(Integer::MAX),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        (any::<i64>(), 0u32..1_000_000_000),
        (-5i64..5, 0u32..1_000_000_000),
    ]
    .prop_map(|(s, n)| Timestamp::new(s, n).unwrap())
}

fn fd() -> impl Strategy<Value = Fd> {
    prop_oneof![4 => (0i32..12).prop_map(Fd::new), 1 => Just(Fd::INVALID)]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        integer().prop_map(Value::Int),
        // Every bit pattern: NaN payloads and -0.0 must survive.
        any::<u64>().prop_map(|b| Value::Float(f64::from_bits(b))),
        any::<String>().prop_map(Value::Str),
        vec(any::<u8>(), 0..40).prop_map(Value::Binary),
        timestamp().prop_map(Value::Timestamp),
        fd().prop_map(Value::Fd),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(8, 256, 10, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..10).prop_map(Value::Seq),
            vec((inner.clone(), inner), 0..10).prop_map(Value::Map),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn renumbered_round_trip(v in tree()) {
        let enc = v.encode();
        prop_assert_eq!(enc.bytes.len(), v.encoded_len());
        let ad = Argdata::with_fds(&enc.bytes, FdMapping::Table(&enc.fds));
        prop_assert_eq!(ad.to_value(), Ok(v.clone()));
        // The table holds each valid fd once, in first-appearance order.
        let mut seen = enc.fds.clone();
        seen.dedup();
        prop_assert_eq!(seen.len(), enc.fds.len());
        prop_assert!(enc.fds.iter().all(|fd| fd.is_valid()));
    }

    #[test]
    fn literal_round_trip(v in tree()) {
        let bytes = v.encode_literal();
        let ad = Argdata::with_fds(&bytes, FdMapping::Identity);
        prop_assert_eq!(ad.to_value(), Ok(v));
    }

    /// Decoding and encoding again gives the same bytes: the encoder is
    /// canonical and the decoder loses nothing.
    #[test]
    fn encoding_is_canonical(v in tree()) {
        let enc = v.encode();
        let ad = Argdata::with_fds(&enc.bytes, FdMapping::Table(&enc.fds));
        let again = ad.to_value().unwrap().encode();
        prop_assert_eq!(&again, &enc);
        // Re-encoding the bytes with a fresh table changes nothing either.
        prop_assert_eq!(ad.reencode(), enc);
    }

    /// Re-encoding literal bytes renumbers exactly as encoding the tree does.
    #[test]
    fn reencode_renumbers_like_encode(v in tree()) {
        let literal = v.encode_literal();
        let ad = Argdata::with_fds(&literal, FdMapping::Identity);
        prop_assert_eq!(ad.reencode(), v.encode());
        let mut table = FdTable::new();
        let mut out = vec![0xAA];
        v.encode_into(&mut out, FdPolicy::Renumber(&mut table));
        prop_assert_eq!(&out[1..], &v.encode().bytes[..]);
    }

    #[test]
    fn every_value_is_found_by_its_key(entries in vec((leaf(), tree()), 0..20)) {
        let map = Value::Map(entries.clone());
        let enc = map.encode();
        let ad = Argdata::with_fds(&enc.bytes, FdMapping::Table(&enc.fds));
        let m = ad.get_map().unwrap();
        for (k, _) in &entries {
            // The first entry with an equal key wins, as in the C library.
            let want = entries.iter().find(|(k2, _)| k2 == k).map(|(_, v)| v.clone());
            let got = m.get(k).unwrap().map(|a| a.to_value().unwrap());
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn yaml_prints_every_valid_tree(v in tree()) {
        let doc = v.to_yaml();
        prop_assert!(doc.starts_with(yaml::HEADER));
        prop_assert!(!doc.contains("!error"), "{}", doc);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_json_keeps_plain_data(v in leaf().prop_filter("JSON has no NaN, inf, bytes, fds or timestamps", |v| {
        matches!(v, Value::Null | Value::Bool(_) | Value::Int(_) | Value::Str(_))
    })) {
        let json = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), v);
    }
}
