//! Regression tests for the bugs found in the published `argdata` 0.1.2
//! crate (argdata.md §5), each checked against the C library's behaviour.

use argdata::{Argdata, Fd, FdMapping, FdPolicy, Type, Value};

/// Bug 1: `float(x)` was written with the int tag `05`.
#[test]
fn floats_are_written_with_the_float_tag() {
    assert_eq!(
        Value::Float(1.5).encode().bytes,
        [0x04, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0]
    );
    // What 0.1.2 wrote reads back as an int, which is why it is a bug.
    let buggy = [0x05, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        Argdata::new(&buggy).get_int::<i64>(),
        Ok(4_609_434_218_613_702_656)
    );
    assert!(Argdata::new(&buggy).get_float().is_err());
}

/// Bug 2: `invalid_fd()` was written as `05 FF FF FF FF`.
#[test]
fn invalid_fds_are_written_with_the_fd_tag() {
    let v = Value::Fd(Fd::INVALID);
    assert_eq!(v.encode().bytes, [0x03, 0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(v.encode_literal(), [0x03, 0xFF, 0xFF, 0xFF, 0xFF]);
    let bytes = v.encode().bytes;
    assert_eq!(Argdata::new(&bytes).get_type(), Ok(Type::Fd));
    // A negative process fd is the invalid fd, as for argdata_create_fd.
    assert_eq!(Value::Fd(Fd::new(-5)).encode().bytes, bytes);
}

/// Bug 3: re-serializing an encoded seq or map with an fd map wrote zero
/// bytes and reported success.
#[test]
fn reencoding_containers_writes_them() {
    let input = [
        0x06, 0x85, 0x08, b'o', b'u', b't', 0x00, 0x85, 0x03, 0, 0, 0, 1,
    ];
    let table = [Fd::new(20), Fd::new(21)];
    let e = Argdata::with_fds(&input, FdMapping::Table(&table)).reencode();
    assert_eq!(
        e.bytes,
        [0x06, 0x85, 0x08, b'o', b'u', b't', 0x00, 0x85, 0x03, 0, 0, 0, 0]
    );
    assert_eq!(e.fds, [Fd::new(21)]);
    let seq = [0x07, 0x81, 0x05, 0x85, 0x03, 0, 0, 0, 0];
    let e = Argdata::with_fds(&seq, FdMapping::Table(&table)).reencode();
    assert_eq!(e.bytes, seq);
    assert_eq!(e.fds, [Fd::new(20)]);
}

/// Bug 4: re-serializing a malformed fd node (`03 00 07`) wrote 5 bytes, so
/// the enclosing length prefixes no longer matched. The C library copies
/// such nodes unchanged, and so do we.
#[test]
fn reencoding_keeps_malformed_fd_nodes() {
    let input = [0x07, 0x83, 0x03, 0x00, 0x07, 0x85, 0x03, 0, 0, 0, 0];
    let table = [Fd::new(9)];
    let ad = Argdata::with_fds(&input, FdMapping::Table(&table));
    let e = ad.reencode();
    assert_eq!(e.bytes, input);
    assert_eq!(e.fds, [Fd::new(9)]);
    let mut literal = Vec::new();
    ad.reencode_into(&mut literal, FdPolicy::Literal);
    assert_eq!(
        literal,
        [0x07, 0x83, 0x03, 0x00, 0x07, 0x85, 0x03, 0, 0, 0, 9]
    );
    let elems: Vec<_> = Argdata::new(&literal).get_seq().unwrap().iter().collect();
    assert_eq!(elems.len(), 2);
}

/// Bug 5 (decoder leniency) is covered row by row in `malformed.rs`:
/// leading-zero length prefixes and over-long ints are refused as in C.
#[test]
fn leading_zero_prefix_is_refused() {
    let bytes = [0x07, 0x00, 0x81, 0x05];
    let seq = Argdata::new(&bytes).get_seq().unwrap();
    assert!(seq.iter().next().unwrap().is_err());
}
