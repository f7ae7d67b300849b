//! The test vectors of argdata.md §7, produced by running the C library and
//! the published Rust crate. They are facts about the format: encoding must
//! give exactly these bytes and decoding must give the value back.

use argdata::{Argdata, Fd, FdMapping, Integer, Timestamp, Value};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

fn b(v: bool) -> Value {
    Value::Bool(v)
}
fn int(v: i128) -> Value {
    Value::Int(Integer::new(v).unwrap())
}
fn f(v: f64) -> Value {
    Value::Float(v)
}
fn s(v: &str) -> Value {
    Value::Str(v.to_owned())
}
fn bin(v: &[u8]) -> Value {
    Value::Binary(v.to_vec())
}
fn ts(secs: i64, nanos: u32) -> Value {
    Value::Timestamp(Timestamp::new(secs, nanos).unwrap())
}
fn fd(n: i32) -> Value {
    Value::Fd(Fd::new(n))
}

/// For values with fds: the fd table of the renumbered form, and the literal
/// form (process fd numbers written as they are).
type FdForm = Option<(&'static [i32], &'static str)>;

fn tbl(fds: &'static [i32], literal: &'static str) -> FdForm {
    Some((fds, literal))
}

#[rustfmt::skip]
fn vectors() -> Vec<(u32, &'static str, Value, &'static str, FdForm)> {
    vec![
    (1, "null", Value::Null, "", None),
    (2, "false", b(false), "02", None),
    (3, "true", b(true), "02 01", None),
    (4, "int 0", int(0), "05", None),
    (5, "int 1", int(1), "05 01", None),
    (6, "int -1", int(-1), "05 FF", None),
    (7, "int 127", int(127), "05 7F", None),
    (8, "int 128", int(128), "05 00 80", None),
    (9, "int -128", int(-128), "05 80", None),
    (10, "int -129", int(-129), "05 FF 7F", None),
    (11, "int 255", int(255), "05 00 FF", None),
    (12, "int 256", int(256), "05 01 00", None),
    (13, "int 1000", int(1000), "05 03 E8", None),
    (14, "int -1000", int(-1000), "05 FC 18", None),
    (15, "int 32767", int(32767), "05 7F FF", None),
    (16, "int 32768", int(32768), "05 00 80 00", None),
    (17, "int -32768", int(-32768), "05 80 00", None),
    (18, "int -32769", int(-32769), "05 FF 7F FF", None),
    (19, "int 65535", int(65535), "05 00 FF FF", None),
    (20, "int -256", int(-256), "05 FF 00", None),
    (21, "int -257", int(-257), "05 FE FF", None),
    (22, "int 2^31-1", int((1i128<<31)-1), "05 7F FF FF FF", None),
    (23, "int 2^31", int(1i128<<31), "05 00 80 00 00 00", None),
    (24, "int -2^31", int(-(1i128<<31)), "05 80 00 00 00", None),
    (25, "int 2^32-1", int((1i128<<32)-1), "05 00 FF FF FF FF", None),
    (26, "int 2^32", int(1i128<<32), "05 01 00 00 00 00", None),
    (27, "int i64::MAX", int(i64::MAX.into()), "05 7F FF FF FF FF FF FF FF", None),
    (28, "int i64::MIN", int(i64::MIN.into()), "05 80 00 00 00 00 00 00 00", None),
    (29, "int u64::MAX", int(u64::MAX.into()), "05 00 FF FF FF FF FF FF FF FF", None),
    (30, "int 2^63", int(1i128<<63), "05 00 80 00 00 00 00 00 00 00", None),
    (31, "float 0.0", f(0.0), "04 00 00 00 00 00 00 00 00", None),
    (32, "float -0.0", f(-0.0), "04 80 00 00 00 00 00 00 00", None),
    (33, "float 1.0", f(1.0), "04 3F F0 00 00 00 00 00 00", None),
    (34, "float 1.5", f(1.5), "04 3F F8 00 00 00 00 00 00", None),
    (35, "float -2.25", f(-2.25), "04 C0 02 00 00 00 00 00 00", None),
    (36, "float 0.1", f(0.1), "04 3F B9 99 99 99 99 99 9A", None),
    (37, "float 1e300", f(1e300), "04 7E 37 E4 3C 88 00 75 9C", None),
    (38, "float min subnormal", f(f64::from_bits(1)), "04 00 00 00 00 00 00 00 01", None),
    (39, "float +inf", f(f64::INFINITY), "04 7F F0 00 00 00 00 00 00", None),
    (40, "float -inf", f(f64::NEG_INFINITY), "04 FF F0 00 00 00 00 00 00", None),
    (41, "float NaN", f(f64::NAN), "04 7F F8 00 00 00 00 00 00", None),
    (42, "str \"\"", s(""), "08 00", None),
    (43, "str \"A\"", s("A"), "08 41 00", None),
    (44, "str \"123\"", s("123"), "08 31 32 33 00", None),
    (45, "str \"hello\"", s("hello"), "08 68 65 6C 6C 6F 00", None),
    (46, "str \"h\\u00e9\"", s("h\u{e9}"), "08 68 C3 A9 00", None),
    (47, "str U+1F600", s("\u{1F600}"), "08 F0 9F 98 80 00", None),
    (48, "str \"a\\0b\" (embedded NUL)", s("a\0b"), "08 61 00 62 00", None),
    (49, "binary empty", bin(&[]), "01", None),
    (50, "binary 00 11 22", bin(&[0x00, 0x11, 0x22]), "01 00 11 22", None),
    (51, "timestamp 0", ts(0, 0), "09", None),
    (52, "timestamp 1ns", ts(0, 1), "09 01", None),
    (53, "timestamp -1ns", ts(-1, 999_999_999), "09 FF", None),
    (54, "timestamp 10s", ts(10, 0), "09 02 54 0B E4 00", None),
    (55, "timestamp 1.5s", ts(1, 500_000_000), "09 59 68 2F 00", None),
    (56, "timestamp 2017-07-14T02:40:00.123456789Z", ts(1_500_000_000, 123_456_789), "09 14 D1 12 0D 82 71 CD 15", None),
    (57, "timestamp -1s", ts(-1, 0), "09 C4 65 36 00", None),
    (58, "timestamp 80911113678783s+24503210ns", ts(80_911_113_678_783, 24_503_210), "09 11 22 33 44 55 66 77 88 99 AA", None),
    (59, "timestamp i64::MAX s", ts(i64::MAX, 999_999_999), "09 1D CD 64 FF FF FF FF FF FF FF FF FF", None),
    (60, "timestamp i64::MIN s", ts(i64::MIN, 0), "09 E2 32 9B 00 00 00 00 00 00 00 00 00", None),
    (61, "fd 7 (top level)", fd(7), "03 00 00 00 00", tbl(&[7], "03 00 00 00 07")),
    (62, "fd 0 (top level)", fd(0), "03 00 00 00 00", tbl(&[0], "03 00 00 00 00")),
    (63, "seq [fd 5, fd 7, fd 5]", Value::seq([fd(5), fd(7), fd(5)]), "07 85 03 00 00 00 00 85 03 00 00 00 01 85 03 00 00 00 00", tbl(&[5, 7], "07 85 03 00 00 00 05 85 03 00 00 00 07 85 03 00 00 00 05")),
    (64, "map {\"out\": fd 7}", Value::map([(s("out"), fd(7))]), "06 85 08 6F 75 74 00 85 03 00 00 00 00", tbl(&[7], "06 85 08 6F 75 74 00 85 03 00 00 00 07")),
    (65, "seq []", Value::Seq(vec![]), "07", None),
    (66, "seq [[]]", Value::seq([Value::Seq(vec![])]), "07 81 07", None),
    (67, "seq [[[]]]", Value::seq([Value::seq([Value::Seq(vec![])])]), "07 83 07 81 07", None),
    (68, "seq [null]", Value::seq([Value::Null]), "07 80", None),
    (69, "seq [0, true, \"A\"]", Value::seq([int(0), b(true), s("A")]), "07 81 05 82 02 01 83 08 41 00", None),
    (70, "map {}", Value::Map(vec![]), "06", None),
    (71, "map {null: null}", Value::map([(Value::Null, Value::Null)]), "06 80 80", None),
    (72, "map {\"a\": 1}", Value::map([(s("a"), int(1))]), "06 83 08 61 00 82 05 01", None),
    (73, "map {\"k\": {\"a\": 1}, \"l\": [1, 2]}", Value::map([(s("k"), Value::map([(s("a"), int(1))])), (s("l"), Value::seq([int(1), int(2)]))]), "06 83 08 6B 00 88 06 83 08 61 00 82 05 01 83 08 6C 00 87 07 82 05 01 82 05 02", None),
    (74, "map {true: false, 5: null}", Value::map([(b(true), b(false)), (int(5), Value::Null)]), "06 82 02 01 81 02 82 05 05 80", None),
    ]
}

#[test]
fn there_are_74_vectors() {
    let v = vectors();
    assert_eq!(v.len(), 74);
    for (i, row) in v.iter().enumerate() {
        assert_eq!(row.0 as usize, i + 1);
    }
}

#[test]
fn encode_gives_exactly_the_vector_bytes() {
    for (n, desc, value, bytes, fds) in vectors() {
        let encoded = value.encode();
        assert_eq!(encoded.bytes, hex(bytes), "#{n} {desc}");
        assert_eq!(value.encoded_len(), encoded.bytes.len(), "#{n} {desc}");
        let table: Vec<Fd> = fds
            .map(|(t, _)| t.iter().map(|&n| Fd::new(n)).collect())
            .unwrap_or_default();
        assert_eq!(encoded.fds, table, "#{n} {desc}");
        let literal = fds.map_or(bytes, |(_, lit)| lit);
        assert_eq!(value.encode_literal(), hex(literal), "#{n} {desc}");
    }
}

#[test]
fn decode_gives_the_value_back() {
    for (n, desc, value, bytes, fds) in vectors() {
        let bytes = hex(bytes);
        let table: Vec<Fd> = fds
            .map(|(t, _)| t.iter().map(|&n| Fd::new(n)).collect())
            .unwrap_or_default();
        let ad = Argdata::with_fds(&bytes, FdMapping::Table(&table));
        assert_eq!(ad.to_value(), Ok(value.clone()), "#{n} {desc}");
        assert_eq!(ad.get_type(), Ok(value.get_type()), "#{n} {desc}");
        if let Some((_, literal)) = fds {
            let literal = hex(literal);
            let ad = Argdata::with_fds(&literal, FdMapping::Identity);
            assert_eq!(ad.to_value(), Ok(value), "#{n} {desc} (literal)");
        }
    }
}

#[test]
fn typed_getters_on_vectors() {
    let get = |h: &str| hex(h);
    assert_eq!(
        Argdata::new(&get("05 00 FF FF FF FF FF FF FF FF")).get_int::<u64>(),
        Ok(u64::MAX)
    );
    assert_eq!(
        Argdata::new(&get("05 80 00 00 00 00 00 00 00")).get_int::<i64>(),
        Ok(i64::MIN)
    );
    assert_eq!(Argdata::new(&get("05 FF 7F")).get_int::<i16>(), Ok(-129));
    assert!(Argdata::new(&get("05 FF 7F")).get_int::<i8>().is_err());
    let nan = Argdata::new(&get("04 7F F8 00 00 00 00 00 00"))
        .get_float()
        .unwrap();
    assert_eq!(nan.to_bits(), f64::NAN.to_bits());
    assert_eq!(
        Argdata::new(&get("08 F0 9F 98 80 00")).get_str(),
        Ok("\u{1F600}")
    );
    assert_eq!(
        Argdata::new(&get("01 00 11 22")).get_binary(),
        Ok(&[0u8, 0x11, 0x22][..])
    );
    let t = Argdata::new(&get("09 14 D1 12 0D 82 71 CD 15"))
        .get_timestamp()
        .unwrap();
    assert_eq!(t.to_string(), "2017-07-14T02:40:00.123456789Z");
    let t = Argdata::new(&get("09 11 22 33 44 55 66 77 88 99 AA"))
        .get_timestamp()
        .unwrap();
    assert_eq!(t.as_nanos(), 0x1122_3344_5566_7788_99AA);
}

/// The multi-byte length prefix vectors: a seq holding one long value.
#[test]
fn long_vectors() {
    let cases: &[(Value, usize, &str, &str)] = &[
        (s(&"a".repeat(125)), 129, "07 FF 08 61 61 61", "61 00"),
        (s(&"a".repeat(126)), 131, "07 01 80 08 61 61", "61 00"),
        (s(&"a".repeat(127)), 132, "07 01 81 08 61 61", "61 00"),
        (s(&"a".repeat(16381)), 16386, "07 7F FF 08 61 61", "61 00"),
        (s(&"a".repeat(16382)), 16388, "07 01 00 80 08 61", "61 00"),
        (s(&"a".repeat(16383)), 16389, "07 01 00 81 08 61", "61 00"),
        (
            bin(&vec![0; (1 << 21) - 1]),
            2_097_157,
            "07 01 00 00 80 01",
            "00 00",
        ),
    ];
    for (element, total, first, last) in cases {
        let value = Value::seq([element.clone()]);
        let bytes = value.encode().bytes;
        assert_eq!(bytes.len(), *total);
        assert!(bytes.starts_with(&hex(first)), "{first}");
        assert!(bytes.ends_with(&hex(last)), "{last}");
        assert_eq!(value.encoded_len(), *total);
        assert_eq!(Argdata::new(&bytes).to_value(), Ok(value));
    }
}

/// Other byte sequences quoted in argdata.md.
#[test]
fn other_documented_encodings() {
    // §1.7, the upstream README's example.
    let v = Value::seq([int(0), b(true), s("A")]);
    assert_eq!(v.encode().bytes, hex("07 81 05 82 02 01 83 08 41 00"));
    // §3, what goes over a pipe after the 8-byte length.
    assert_eq!(
        Value::seq([s("hi")]).encode().bytes,
        hex("07 84 08 68 69 00")
    );
}
