//! Every malformed and edge input of argdata.md §2.3, with the error the C
//! library gives (or the documented stricter choice).
//!
//! fd table used for decoding, as in the probes: 0 -> 10, 1 -> 11, 2 -> 12.

use argdata::{yaml, Argdata, Errno, Error, ErrorKind, Fd, FdMapping, Type, Value};

const TABLE: [Fd; 3] = [Fd::new(10), Fd::new(11), Fd::new(12)];

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn ad(bytes: &[u8]) -> Argdata<'_> {
    Argdata::with_fds(bytes, FdMapping::Table(&TABLE))
}

/// Runs every getter and checks each gives `e`, the C library's EINVAL
/// reported as a typed error.
fn all_getters_fail(bytes: &[u8], e: Error) {
    let a = ad(bytes);
    assert_eq!(a.get_binary().err(), Some(e));
    assert_eq!(a.get_bool().err(), Some(e));
    assert_eq!(a.get_fd().err(), Some(e));
    assert_eq!(a.get_float().err(), Some(e));
    assert_eq!(a.get_int::<i64>().err(), Some(e));
    assert_eq!(a.get_int::<u64>().err(), Some(e));
    assert_eq!(a.get_str().err(), Some(e));
    assert_eq!(a.get_timestamp().err(), Some(e));
    assert_eq!(a.get_seq().err(), Some(e));
    assert_eq!(a.get_map().err(), Some(e));
    assert_eq!(e.errno(), Errno::Inval);
}

#[test]
fn rows_01_to_03_undefined_tags() {
    for (h, tag) in [("00", 0), ("0A", 10), ("FF", 255)] {
        let bytes = hex(h);
        all_getters_fail(&bytes, Error::InvalidTag(tag));
        assert_eq!(ad(&bytes).get_type(), Err(Error::InvalidTag(tag)));
        assert_eq!(Error::InvalidTag(tag).kind(), ErrorKind::Malformed);
        assert!(yaml::to_string(ad(&bytes)).contains("!error"));
    }
}

#[test]
fn rows_04_to_06_bad_bool() {
    for h in ["02 00", "02 01 01", "02 02"] {
        let e = ad(&hex(h)).get_bool().unwrap_err();
        assert_eq!(e, Error::InvalidBool, "{h}");
        assert_eq!(e.errno(), Errno::Inval);
    }
}

#[test]
fn rows_07_to_09_bad_fd_length() {
    for h in ["03", "03 00 00 00", "03 00 00 00 00 00"] {
        let e = ad(&hex(h)).get_fd().unwrap_err();
        assert_eq!(e, Error::InvalidFdLength, "{h}");
        assert_eq!(e.errno(), Errno::Inval);
    }
}

#[test]
fn rows_10_11_unresolvable_fds() {
    let bytes = hex("03 00 00 00 03");
    assert_eq!(ad(&bytes).get_fd(), Err(Error::BadFd(3)));
    assert_eq!(Error::BadFd(3).errno(), Errno::Badf);
    assert_eq!(ad(&bytes).get_encoded_fd(), Ok(3));
    assert!(yaml::to_string(ad(&bytes)).contains("!fd \"invalid\""));
    let bytes = hex("03 FF FF FF FF");
    assert_eq!(ad(&bytes).get_fd(), Err(Error::BadFd(u32::MAX)));
    // And resolvable ones, for contrast.
    assert_eq!(ad(&hex("03 00 00 00 02")).get_fd(), Ok(Fd::new(12)));
}

#[test]
fn rows_12_to_14_bad_float_length() {
    for h in [
        "04",
        "04 3F F8 00 00 00 00 00",
        "04 3F F8 00 00 00 00 00 00 00",
    ] {
        let e = ad(&hex(h)).get_float().unwrap_err();
        assert_eq!(e, Error::InvalidFloatLength, "{h}");
        assert_eq!(e.errno(), Errno::Inval);
    }
}

#[test]
fn rows_15_16_missing_terminator() {
    for h in ["08", "08 41"] {
        let e = ad(&hex(h)).get_str().unwrap_err();
        assert_eq!(e, Error::MissingNulTerminator, "{h}");
        assert_eq!(e.errno(), Errno::Inval);
        assert_eq!(ad(&hex(h)).get_str_c().unwrap_err(), e);
    }
}

#[test]
fn rows_17_to_21_invalid_utf8() {
    for h in [
        "08 C0 80 00",
        "08 ED A0 80 00",
        "08 F4 90 80 80 00",
        "08 FF 00",
        "08 C3 00",
    ] {
        let e = ad(&hex(h)).get_str().unwrap_err();
        assert_eq!(e, Error::InvalidUtf8 { valid_up_to: 0 }, "{h}");
        assert_eq!(e.errno(), Errno::Ilseq);
        assert_eq!(ad(&hex(h)).get_str_c().unwrap_err().errno(), Errno::Ilseq);
    }
}

#[test]
fn row_22_embedded_nul() {
    let bytes = hex("08 61 00 62 00");
    assert_eq!(ad(&bytes).get_str(), Ok("a\0b"));
    assert_eq!(ad(&bytes).get_str().unwrap().len(), 3);
    assert_eq!(ad(&bytes).get_str_c(), Err(Error::EmbeddedNul));
    assert_eq!(Error::EmbeddedNul.errno(), Errno::Ilseq);
}

#[test]
fn rows_23_to_25_timestamp_out_of_range() {
    let mut too_long = vec![0x09];
    too_long.extend([0x00; 13]);
    let mut seconds_too_big = hex("09 7F");
    seconds_too_big.extend([0xFF; 11]);
    let two_to_63 = hex("09 1D CD 65 00 00 00 00 00 00 00 00 00");
    let below_min = hex("09 E2 32 9A FF FF FF FF FF FF FF FF FF");
    for bytes in [too_long, seconds_too_big, two_to_63, below_min] {
        let e = ad(&bytes).get_timestamp().unwrap_err();
        assert_eq!(e, Error::TimestampOutOfRange);
        assert_eq!(e.errno(), Errno::Range);
    }
}

#[test]
fn rows_26_to_30_int_out_of_range() {
    // 2^64, -2^63-1, then non-minimal 9- and 10-byte forms that the C
    // library refuses and the published crate accepted.
    for h in [
        "05 01 00 00 00 00 00 00 00 00",
        "05 FF 7F FF FF FF FF FF FF FF",
        "05 FF FF FF FF FF FF FF FF FF",
        "05 FF 80 00 00 00 00 00 00 00",
        "05 00 00 FF FF FF FF FF FF FF FF",
    ] {
        let bytes = hex(h);
        let a = ad(&bytes);
        assert_eq!(a.get_int::<i64>(), Err(Error::IntOutOfRange), "{h}");
        assert_eq!(a.get_int::<u64>(), Err(Error::IntOutOfRange), "{h}");
        assert_eq!(a.get_int::<i128>(), Err(Error::IntOutOfRange), "{h}");
        assert_eq!(Error::IntOutOfRange.errno(), Errno::Range);
        assert_eq!(Error::IntOutOfRange.kind(), ErrorKind::OutOfRange);
    }
    // Range checks against the requested type.
    assert_eq!(
        ad(&hex("05 FF")).get_int::<u32>(),
        Err(Error::IntOutOfRange)
    );
    assert_eq!(
        ad(&hex("05 01 00")).get_int::<u8>(),
        Err(Error::IntOutOfRange)
    );
}

#[test]
fn rows_31_32_non_minimal_accepted() {
    assert_eq!(ad(&hex("05 00")).get_int::<i32>(), Ok(0));
    assert_eq!(ad(&hex("05 FF FF")).get_int::<i32>(), Ok(-1));
    assert_eq!(ad(&hex("05 00 7F")).get_int::<i32>(), Ok(127));
    let t = ad(&hex("09 00")).get_timestamp().unwrap();
    assert_eq!((t.secs(), t.subsec_nanos()), (0, 0));
}

fn seq_items(bytes: &[u8]) -> Vec<Result<Argdata<'_>, Error>> {
    ad(bytes).get_seq().unwrap().iter().collect()
}

#[test]
fn rows_33_to_37_bad_seq_prefix_at_start() {
    let mut overflow = hex("07");
    overflow.extend([0x7F; 10]);
    overflow.push(0x81);
    for bytes in [
        hex("07 82 05"),
        hex("07 05"),
        overflow,
        // Leading zero digits: C refuses them, the published crate did not.
        hex("07 00 81 05"),
        hex("07 00 00 81 05"),
    ] {
        let items = seq_items(&bytes);
        assert_eq!(
            items,
            [Err(Error::InvalidSubfield { offset: 0 })],
            "{bytes:02X?}"
        );
        assert_eq!(Error::InvalidSubfield { offset: 0 }.errno(), Errno::Inval);
        assert!(ad(&bytes).to_value().is_err());
    }
}

#[test]
fn rows_38_39_bad_map_prefix() {
    for bytes in [hex("06 00 80 80"), hex("06 82 08 61 00 85 03 00 00 00 00")] {
        let items: Vec<_> = ad(&bytes).get_map().unwrap().iter().collect();
        assert_eq!(items.len(), 1);
        assert!(
            matches!(items[0], Err(Error::InvalidSubfield { .. })),
            "{bytes:02X?}"
        );
    }
}

#[test]
fn rows_40_41_good_element_then_bad_prefix() {
    for h in ["07 81 05 01", "07 81 05 83 05"] {
        let bytes = hex(h);
        let items = seq_items(&bytes);
        assert_eq!(items.len(), 2, "{h}");
        assert_eq!(items[0].unwrap().get_int::<u8>(), Ok(0));
        assert_eq!(items[1], Err(Error::InvalidSubfield { offset: 2 }));
    }
}

#[test]
fn rows_42_43_odd_maps() {
    let bytes = hex("06 81 05");
    let items: Vec<_> = ad(&bytes).get_map().unwrap().iter().collect();
    assert_eq!(items, [Err(Error::MissingMapValue { offset: 0 })]);
    assert_eq!(Error::MissingMapValue { offset: 0 }.errno(), Errno::Inval);

    let bytes = hex("06 81 05 82 05 01 82 05 02");
    let items: Vec<_> = ad(&bytes).get_map().unwrap().iter().collect();
    assert_eq!(items.len(), 2);
    let (k, v) = items[0].unwrap();
    assert_eq!((k.get_int::<u8>(), v.get_int::<u8>()), (Ok(0), Ok(1)));
    assert_eq!(items[1], Err(Error::MissingMapValue { offset: 5 }));
}

#[test]
fn row_44_bad_element_in_good_seq() {
    let bytes = hex("07 82 02 05");
    let items = seq_items(&bytes);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].unwrap().get_bool(), Err(Error::InvalidBool));
}

#[test]
fn row_45_empty_is_null() {
    let a = ad(&[]);
    assert_eq!(a.get_type(), Ok(Type::Null));
    assert!(a.is_null());
    assert_eq!(a.to_value(), Ok(Value::Null));
    let e = a.get_bool().unwrap_err();
    assert_eq!(
        e,
        Error::WrongType {
            expected: Type::Bool,
            found: Type::Null
        }
    );
    assert_eq!(e.kind(), ErrorKind::WrongType);
    assert_eq!(e.errno(), Errno::Inval);
    assert_eq!(a.get_str().unwrap_err().kind(), ErrorKind::WrongType);
    assert_eq!(a.get_seq().unwrap_err().kind(), ErrorKind::WrongType);
    assert!(yaml::to_string(a).contains("!!null \"null\""));
}

#[test]
fn wrong_type_is_not_malformed() {
    let e = ad(&hex("05 01")).get_str().unwrap_err();
    assert_eq!(
        e,
        Error::WrongType {
            expected: Type::Str,
            found: Type::Int
        }
    );
    assert_eq!(e.kind(), ErrorKind::WrongType);
}
