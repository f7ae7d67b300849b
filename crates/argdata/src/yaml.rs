//! A YAML printer in the style of the C library's `argdata_print_yaml`, for
//! `cloudabi-run --dump`.
//!
//! The document starts with `%TAG ! tag:nuxi.nl,2015:cloudabi/` and `---`;
//! every node carries an explicit tag and every scalar is double-quoted, so the
//! output never depends on YAML's type guessing:
//!
//! ```text
//! %TAG ! tag:nuxi.nl,2015:cloudabi/
//! ---
//! !!map {
//!   ? !!str "k"
//!   : !!seq [
//!     !!int "1",
//!     !fd "3",
//!   ],
//! }
//! ```
//!
//! Differences from the C printer, all deliberate:
//! * strings are printed (the upstream code prints `""` on Linux);
//! * floats are printed shortest-round-trip (`0.1`, `1e300`) and keep the
//!   sign of zero, instead of 18 significant digits;
//! * timestamps outside years 0000..=9999 print in ISO 8601 expanded form
//!   instead of as null;
//! * corruption is marked instead of printed as null or silently cut off: a
//!   node that cannot be read prints as `!error "reason"` (a map's bad tail
//!   as an entry `? !error "reason"` with a null value), and so do ints beyond
//!   64 bits and nesting beyond [`MAX_DEPTH`].

use alloc::string::String;
use core::fmt::{self, Write};

use crate::{Argdata, Error, Type, Value, MAX_DEPTH};

/// The first two lines of every document.
pub const HEADER: &str = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";

/// Writes a whole YAML document for `ad` (header, node, final newline). Fds
/// print as the process fds `ad`'s mapping resolves them to.
pub fn write<W: Write + ?Sized>(ad: Argdata<'_>, out: &mut W) -> fmt::Result {
    out.write_str(HEADER)?;
    write_node(ad, out, 0)?;
    out.write_char('\n')
}

/// The YAML document for `ad` as a string.
pub fn to_string(ad: Argdata<'_>) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write(ad, &mut s);
    s
}

impl Value {
    /// The YAML document for this tree; fds print as their process fd
    /// numbers.
    pub fn to_yaml(&self) -> String {
        to_string(Argdata::with_fds(
            &self.encode_literal(),
            crate::FdMapping::Identity,
        ))
    }
}

fn indent<W: Write + ?Sized>(out: &mut W, depth: usize) -> fmt::Result {
    for _ in 0..depth {
        out.write_str("  ")?;
    }
    Ok(())
}

fn error<W: Write + ?Sized>(out: &mut W, e: Error) -> fmt::Result {
    write!(out, "!error \"{e}\"")
}

/// Writes one node; `depth` is its indentation level, used by its children.
fn write_node<W: Write + ?Sized>(ad: Argdata<'_>, out: &mut W, depth: usize) -> fmt::Result {
    let result = match ad.get_type() {
        Err(e) => Err(e),
        Ok(Type::Null) => Ok(out.write_str("!!null \"null\"")),
        Ok(Type::Binary) => ad.get_binary().map(|b| {
            out.write_str("!!binary \"")?;
            base64(out, b)?;
            out.write_char('"')
        }),
        Ok(Type::Bool) => ad.get_bool().map(|b| write!(out, "!!bool \"{b}\"")),
        Ok(Type::Fd) => match ad.get_fd() {
            Ok(fd) => Ok(write!(out, "!fd \"{fd}\"")),
            Err(Error::BadFd(_)) => Ok(out.write_str("!fd \"invalid\"")),
            Err(e) => Err(e),
        },
        Ok(Type::Float) => ad.get_float().map(|f| {
            out.write_str("!!float \"")?;
            float(out, f)?;
            out.write_char('"')
        }),
        Ok(Type::Int) => ad.get_integer().map(|i| write!(out, "!!int \"{i}\"")),
        Ok(Type::Str) => ad.get_str().map(|s| {
            out.write_str("!!str \"")?;
            escape(out, s)?;
            out.write_char('"')
        }),
        Ok(Type::Timestamp) => ad
            .get_timestamp()
            .map(|t| write!(out, "!!timestamp \"{t}\"")),
        Ok(Type::Seq | Type::Map) if depth >= MAX_DEPTH => Err(Error::TooDeep),
        Ok(Type::Seq) => ad.get_seq().map(|seq| {
            if seq.is_empty() {
                return out.write_str("!!seq []");
            }
            out.write_str("!!seq [\n")?;
            for e in seq {
                indent(out, depth + 1)?;
                match e {
                    Ok(e) => write_node(e, out, depth + 1)?,
                    Err(e) => error(out, e)?,
                }
                out.write_str(",\n")?;
            }
            indent(out, depth)?;
            out.write_char(']')
        }),
        Ok(Type::Map) => ad.get_map().map(|map| {
            if map.is_empty() {
                return out.write_str("!!map {}");
            }
            out.write_str("!!map {\n")?;
            for e in map {
                indent(out, depth + 1)?;
                out.write_str("? ")?;
                match e {
                    Ok((k, v)) => {
                        write_node(k, out, depth + 1)?;
                        out.write_char('\n')?;
                        indent(out, depth + 1)?;
                        out.write_str(": ")?;
                        write_node(v, out, depth + 1)?;
                    }
                    Err(e) => {
                        error(out, e)?;
                        out.write_char('\n')?;
                        indent(out, depth + 1)?;
                        out.write_str(": !!null \"null\"")?;
                    }
                }
                out.write_str(",\n")?;
            }
            indent(out, depth)?;
            out.write_char('}')
        }),
    };
    match result {
        Ok(written) => written,
        Err(e) => error(out, e),
    }
}

/// Shortest round-trip digits, in exponent form only where positional
/// notation would be long.
fn float<W: Write + ?Sized>(out: &mut W, f: f64) -> fmt::Result {
    if f.is_nan() {
        out.write_str(".nan")
    } else if f.is_infinite() {
        out.write_str(if f > 0.0 { ".inf" } else { "-.inf" })
    } else if f == 0.0 || (1e-4..1e16).contains(&f.abs()) {
        write!(out, "{f}")
    } else {
        write!(out, "{f:e}")
    }
}

/// YAML double-quoted scalar escaping, with the C printer's escape set.
fn escape<W: Write + ?Sized>(out: &mut W, s: &str) -> fmt::Result {
    for c in s.chars() {
        match c {
            '\0' => out.write_str("\\0")?,
            '\x07' => out.write_str("\\a")?,
            '\x08' => out.write_str("\\b")?,
            '\t' => out.write_str("\\t")?,
            '\n' => out.write_str("\\n")?,
            '\x0b' => out.write_str("\\v")?,
            '\x0c' => out.write_str("\\f")?,
            '\r' => out.write_str("\\r")?,
            '\x1b' => out.write_str("\\e")?,
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\u{85}' => out.write_str("\\N")?,
            '\u{a0}' => out.write_str("\\_")?,
            '\u{2028}' => out.write_str("\\L")?,
            '\u{2029}' => out.write_str("\\P")?,
            // Outside YAML's printable set (and the BOM, which readers strip).
            '\0'..='\x1f' | '\x7f'..='\u{9f}' => write!(out, "\\x{:02X}", c as u32)?,
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => write!(out, "\\u{:04X}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

/// Standard base64 with padding, as `!!binary` expects.
fn base64<W: Write + ?Sized>(out: &mut W, bytes: &[u8]) -> fmt::Result {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let sextet = (n >> (18 - 6 * i)) & 0x3f;
                out.write_char(char::from(ALPHABET[sextet as usize]))?;
            } else {
                out.write_char('=')?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Fd, FdMapping, Timestamp};

    fn node(v: &Value) -> String {
        let doc = v.to_yaml();
        let body = doc.strip_prefix(HEADER).unwrap();
        body.strip_suffix('\n').unwrap().to_owned()
    }

    fn node_of(bytes: &[u8]) -> String {
        let doc = to_string(Argdata::new(bytes));
        doc[HEADER.len()..doc.len() - 1].to_owned()
    }

    #[test]
    fn scalars_as_in_c() {
        assert_eq!(node(&Value::Null), r#"!!null "null""#);
        assert_eq!(node(&true.into()), r#"!!bool "true""#);
        assert_eq!(node(&false.into()), r#"!!bool "false""#);
        assert_eq!(node(&(-129).into()), r#"!!int "-129""#);
        assert_eq!(node(&u64::MAX.into()), r#"!!int "18446744073709551615""#);
        assert_eq!(node(&1.5.into()), r#"!!float "1.5""#);
        assert_eq!(node(&1.0.into()), r#"!!float "1""#);
        assert_eq!(node(&(-2.25).into()), r#"!!float "-2.25""#);
        assert_eq!(node(&f64::INFINITY.into()), r#"!!float ".inf""#);
        assert_eq!(node(&f64::NEG_INFINITY.into()), r#"!!float "-.inf""#);
        assert_eq!(node(&f64::NAN.into()), r#"!!float ".nan""#);
        assert_eq!(node(&vec![0u8, 0x11, 0x22].into()), r#"!!binary "ABEi""#);
        assert_eq!(node(&Vec::<u8>::new().into()), r#"!!binary """#);
        assert_eq!(node(&Fd::new(10).into()), r#"!fd "10""#);
        assert_eq!(node(&Fd::INVALID.into()), r#"!fd "invalid""#);
        assert_eq!(node(&"hé".into()), r#"!!str "hé""#);
        let t = Timestamp::new(1_500_000_000, 123_456_789).unwrap();
        assert_eq!(
            node(&t.into()),
            r#"!!timestamp "2017-07-14T02:40:00.123456789Z""#
        );
        assert_eq!(node(&Value::Seq(vec![])), "!!seq []");
        assert_eq!(node(&Value::Map(vec![])), "!!map {}");
    }

    #[test]
    fn floats_shortest() {
        assert_eq!(node(&0.1.into()), r#"!!float "0.1""#);
        assert_eq!(node(&1e300.into()), r#"!!float "1e300""#);
        assert_eq!(node(&5e-324.into()), r#"!!float "5e-324""#);
        assert_eq!(node(&(-0.0).into()), r#"!!float "-0""#);
    }

    #[test]
    fn string_escapes() {
        let s = "\0\x07\x08\t\n\x0b\x0c\r\x1b\"\\\u{85}\u{a0}\u{2028}\u{2029}\x01\x7f\u{feff}/é😀";
        assert_eq!(
            node(&s.into()),
            r#"!!str "\0\a\b\t\n\v\f\r\e\"\\\N\_\L\P\x01\x7F\uFEFF/é😀""#
        );
    }

    #[test]
    fn base64_padding() {
        let b64 = |b: &[u8]| {
            let mut s = String::new();
            base64(&mut s, b).unwrap();
            s
        };
        assert_eq!(b64(b"f"), "Zg==");
        assert_eq!(b64(b"fo"), "Zm8=");
        assert_eq!(b64(b"foo"), "Zm9v");
        assert_eq!(b64(b"foob"), "Zm9vYg==");
    }

    #[test]
    fn containers_as_in_c() {
        let v = Value::seq([Value::from(0), true.into(), "A".into()]);
        assert_eq!(
            v.to_yaml(),
            "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!!seq [\n  !!int \"0\",\n  !!bool \"true\",\n  !!str \"A\",\n]\n"
        );
        let v = Value::map([("k", Value::map([("a", 1)])), ("l", Value::seq([1, 2]))]);
        let expected = r#"!!map {
  ? !!str "k"
  : !!map {
    ? !!str "a"
    : !!int "1",
  },
  ? !!str "l"
  : !!seq [
    !!int "1",
    !!int "2",
  ],
}"#;
        assert_eq!(node(&v), expected);
    }

    #[test]
    fn fds_print_resolved() {
        let bytes = [7, 0x85, 3, 0, 0, 0, 0, 0x85, 3, 0, 0, 0, 5];
        let table = [Fd::new(10)];
        let doc = to_string(Argdata::with_fds(&bytes, FdMapping::Table(&table)));
        assert!(doc.contains("!fd \"10\",\n  !fd \"invalid\","), "{doc}");
    }

    #[test]
    fn corruption_is_marked() {
        assert_eq!(node_of(&[0x0a]), r#"!error "invalid tag 0x0a""#);
        assert_eq!(node_of(&[2, 2]), r#"!error "invalid bool payload""#);
        assert_eq!(
            node_of(&[7, 0x81, 5, 0x83, 5]),
            "!!seq [\n  !!int \"0\",\n  !error \"invalid subfield length at offset 2\",\n]"
        );
        assert_eq!(
            node_of(&[6, 0x81, 5]),
            "!!map {\n  ? !error \"map key at offset 0 has no value\"\n  : !!null \"null\",\n}"
        );
        let mut big = vec![5, 1];
        big.extend([0; 8]);
        assert_eq!(node_of(&big), r#"!error "int out of range""#);
    }
}
