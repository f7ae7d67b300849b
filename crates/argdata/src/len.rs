//! The length prefix of seq and map subfields.
//!
//! Big-endian base 128 where the high bit marks the *last* byte (the opposite
//! of LEB128), so `80` is 0 and `01 80` is 128.

/// Parses one subfield at the start of `rest`.
///
/// Returns the subfield's bytes and the total number of bytes it occupies
/// (prefix included), or `None` if the prefix is unterminated, has a leading
/// zero digit, overflows, or announces more bytes than `rest` has.
#[inline]
pub(crate) fn read_subfield(rest: &[u8]) -> Option<(&[u8], usize)> {
    match *rest.first()? {
        // Elements shorter than 128 bytes, by far the most common case.
        b if b & 0x80 != 0 => {
            let len = usize::from(b & 0x7f);
            rest.get(1..=len).map(|body| (body, len + 1))
        }
        // A leading zero digit would give every length several encodings;
        // the C library refuses it and so do we, which keeps them canonical.
        0 => None,
        _ => read_long_subfield(rest),
    }
}

fn read_long_subfield(rest: &[u8]) -> Option<(&[u8], usize)> {
    let mut len: usize = 0;
    for (i, &b) in rest.iter().enumerate() {
        len = len.checked_mul(128)?.checked_add(usize::from(b & 0x7f))?;
        if b & 0x80 != 0 {
            let start = i + 1;
            let body = rest.get(start..)?.get(..len)?;
            return Some((body, start + len));
        }
    }
    None
}

/// Number of bytes [`write_len`] uses for `len`.
#[cfg(feature = "alloc")]
pub(crate) fn len_size(len: usize) -> usize {
    let bits = usize::BITS - len.leading_zeros();
    (bits as usize).div_ceil(7).max(1)
}

/// Appends the minimal prefix for `len`.
#[cfg(feature = "alloc")]
pub(crate) fn write_len(out: &mut alloc::vec::Vec<u8>, len: usize) {
    if len < 0x80 {
        // Truncation is exact: len fits in 7 bits.
        out.push(len as u8 | 0x80);
        return;
    }
    let n = len_size(len);
    for i in (0..n).rev() {
        // Truncation to the low 7 bits is the point of the cast.
        let digit = ((len >> (7 * i)) & 0x7f) as u8;
        out.push(if i == 0 { digit | 0x80 } else { digit });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(len: usize) -> Vec<u8> {
        let mut v = Vec::new();
        write_len(&mut v, len);
        assert_eq!(v.len(), len_size(len));
        v
    }

    #[test]
    fn spec_table() {
        let table: &[(usize, &[u8])] = &[
            (0, &[0x80]),
            (1, &[0x81]),
            (6, &[0x86]),
            (127, &[0xff]),
            (128, &[0x01, 0x80]),
            (129, &[0x01, 0x81]),
            (16383, &[0x7f, 0xff]),
            (16384, &[0x01, 0x00, 0x80]),
            (1 << 21, &[0x01, 0x00, 0x00, 0x80]),
        ];
        for &(len, bytes) in table {
            assert_eq!(enc(len), bytes, "len {len}");
        }
        // 64 bits at 7 bits per byte.
        assert_eq!(enc(usize::MAX).len(), 10);
    }

    #[test]
    fn reads_back() {
        for len in [0usize, 1, 127, 128, 300, 16383, 16384] {
            let mut buf = enc(len);
            let prefix = buf.len();
            buf.resize(prefix + len + 3, 0xaa);
            let (body, used) = read_subfield(&buf).unwrap();
            assert_eq!(body.len(), len);
            assert_eq!(used, prefix + len);
        }
    }

    #[test]
    fn rejects_bad_prefixes() {
        assert_eq!(read_subfield(&[0x82, 0x05]), None);
        assert_eq!(read_subfield(&[0x05]), None);
        assert_eq!(read_subfield(&[0x01, 0x80]), None);
        assert_eq!(read_subfield(&[]), None);
        assert_eq!(read_subfield(&[0x00, 0x81, 0x05]), None);
        let mut overflow = vec![0x7f; 10];
        overflow.push(0x81);
        assert_eq!(read_subfield(&overflow), None);
    }
}
