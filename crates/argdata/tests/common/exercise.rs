// Shared by the random-input tests and the cargo-fuzz target (which
// `include!`s this file): runs every read operation over arbitrary bytes.
// Anything may fail; nothing may panic, and a few invariants must hold.

use argdata::{yaml, Argdata, Fd, FdMapping, FdPolicy, Type};

/// Calls every getter on `ad` and on everything reachable from it.
fn walk(ad: Argdata<'_>, depth: usize) {
    let _ = ad.get_type();
    let _ = ad.get_binary();
    let _ = ad.get_bool();
    let _ = ad.get_encoded_fd();
    let _ = ad.get_fd();
    let _ = ad.get_float();
    let _ = ad.get_int::<i8>();
    let _ = ad.get_int::<u64>();
    let _ = ad.get_int::<i64>();
    let _ = ad.get_integer();
    let _ = ad.get_str();
    let _ = ad.get_str_c();
    let _ = ad.get_timestamp().map(|t| t.to_string());
    // Recursion here is bounded by the test's own limit, not the input.
    if depth > 64 {
        return;
    }
    if let Ok(seq) = ad.get_seq() {
        let _ = seq.len();
        let _ = seq.get(3);
        for e in seq.iter().flatten() {
            walk(e, depth + 1);
        }
    }
    if let Ok(map) = ad.get_map() {
        let _ = map.len();
        let _ = map.get("key");
        let _ = map.get(&7u32);
        let _ = map.get(&ad);
        for (k, v) in map.iter().flatten() {
            walk(k, depth + 1);
            walk(v, depth + 1);
        }
    }
}

pub(crate) fn exercise(bytes: &[u8]) {
    let table = [Fd::new(10), Fd::new(11), Fd::new(12)];
    for mapping in [FdMapping::Unavailable, FdMapping::Identity, FdMapping::Table(&table)] {
        let ad = Argdata::with_fds(bytes, mapping);
        walk(ad, 0);
        let _ = yaml::to_string(ad);

        // Re-encoding never changes the length, so prefixes stay valid.
        let re = ad.reencode();
        assert_eq!(re.bytes.len(), bytes.len());
        let mut literal = Vec::new();
        ad.reencode_into(&mut literal, FdPolicy::Literal);
        assert_eq!(literal.len(), bytes.len());

        // Whatever decodes fully re-encodes canonically, and the canonical
        // form decodes to the same tree.
        if let Ok(value) = ad.to_value() {
            assert_eq!(value.get_type(), ad.get_type().unwrap_or(Type::Null));
            let enc = value.encode();
            assert_eq!(enc.bytes.len(), value.encoded_len());
            let again = Argdata::with_fds(&enc.bytes, FdMapping::Table(&enc.fds));
            assert_eq!(again.to_value().as_ref(), Ok(&value));
            assert_eq!(again.reencode(), enc);
        }
    }
}
