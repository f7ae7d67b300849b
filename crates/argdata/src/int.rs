//! Integers: minimal big-endian two's complement of any length on the wire,
//! limited to the 64-bit range `i64::MIN..=u64::MAX` when read, as in C.

use core::fmt;

use crate::Error;

/// An Argdata integer.
///
/// The format has no size limit, but the C library reads ints into
/// `intmax_t`/`uintmax_t` and so every implementation in practice exchanges
/// values in `i64::MIN..=u64::MAX`. This type holds exactly that range, so
/// that every `Integer` that can be written can also be read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Integer(i128);

impl Integer {
    /// The smallest value, `i64::MIN`.
    pub const MIN: Integer = Integer(i64::MIN as i128);
    /// The largest value, `u64::MAX`.
    pub const MAX: Integer = Integer(u64::MAX as i128);

    /// `v` as an `Integer`, or `None` outside `i64::MIN..=u64::MAX`.
    pub const fn new(v: i128) -> Option<Integer> {
        if v >= Self::MIN.0 && v <= Self::MAX.0 {
            Some(Integer(v))
        } else {
            None
        }
    }

    /// The value.
    pub const fn get(self) -> i128 {
        self.0
    }

    /// The value converted to `T`, or `None` if it does not fit.
    pub fn to<T: ArgdataInt>(self) -> Option<T> {
        T::from_integer(self)
    }
}

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

macro_rules! integer_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Integer {
            fn from(v: $t) -> Integer {
                Integer(v as i128)
            }
        }
    )*};
}
integer_from!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl TryFrom<i128> for Integer {
    type Error = Error;
    fn try_from(v: i128) -> Result<Integer, Error> {
        Integer::new(v).ok_or(Error::IntOutOfRange)
    }
}

impl TryFrom<u128> for Integer {
    type Error = Error;
    fn try_from(v: u128) -> Result<Integer, Error> {
        i128::try_from(v)
            .ok()
            .and_then(Integer::new)
            .ok_or(Error::IntOutOfRange)
    }
}

mod sealed {
    pub trait Sealed {}
}

/// Integer types that [`Argdata::get_int`](crate::Argdata::get_int) can
/// produce. Sealed: implemented for the primitive integers and [`Integer`].
pub trait ArgdataInt: Sized + sealed::Sealed {
    /// `v` as `Self`, or `None` if it does not fit.
    fn from_integer(v: Integer) -> Option<Self>;
}

macro_rules! argdata_int {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl ArgdataInt for $t {
            fn from_integer(v: Integer) -> Option<$t> {
                <$t>::try_from(v.0).ok()
            }
        }
    )*};
}
argdata_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl sealed::Sealed for Integer {}
impl ArgdataInt for Integer {
    fn from_integer(v: Integer) -> Option<Integer> {
        Some(v)
    }
}

/// Two's complement big-endian `p` (at most 16 bytes) as an `i128`.
pub(crate) fn sign_extend(p: &[u8]) -> i128 {
    debug_assert!(p.len() <= 16);
    let init: i128 = match p.first() {
        Some(b) if b & 0x80 != 0 => -1,
        _ => 0,
    };
    p.iter().fold(init, |v, &b| (v << 8) | i128::from(b))
}

/// Decodes an int payload.
///
/// Up to 8 bytes are accepted in any form (non-minimal too, as both
/// reference implementations do). Longer payloads are out of range, with one
/// exception: the 9-byte minimal form of values above `i64::MAX` (`00` then a
/// byte with its high bit set). The C library also takes a non-minimal 9-byte
/// form starting with `00` as unsigned; we refuse that, which is the stricter
/// choice and makes every accepted 9-byte payload canonical.
pub(crate) fn decode_int(p: &[u8]) -> Result<Integer, Error> {
    match p {
        [] => Ok(Integer(0)),
        _ if p.len() <= 8 => Ok(Integer(sign_extend(p))),
        [0, second, ..] if p.len() == 9 && second & 0x80 != 0 => Ok(Integer(sign_extend(p))),
        _ => Err(Error::IntOutOfRange),
    }
}

/// Index of the first byte of `v`'s minimal encoding in `v.to_be_bytes()`.
#[cfg(feature = "alloc")]
fn minimal_start(v: i128) -> usize {
    // A leading byte is redundant when it only repeats the sign of the next.
    let redundant = if v < 0 {
        (!v).leading_zeros()
    } else {
        v.leading_zeros()
    };
    // One sign bit must remain; zero needs no bytes at all.
    if v == 0 {
        16
    } else {
        ((redundant - 1) / 8) as usize
    }
}

/// Number of payload bytes of `v`'s minimal encoding.
#[cfg(feature = "alloc")]
pub(crate) fn int_size(v: i128) -> usize {
    16 - minimal_start(v)
}

/// Appends `v`'s minimal encoding (payload only, no tag).
#[cfg(feature = "alloc")]
pub(crate) fn write_int(out: &mut alloc::vec::Vec<u8>, v: i128) {
    out.extend_from_slice(&v.to_be_bytes()[minimal_start(v)..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(v: i128) -> Vec<u8> {
        let mut out = Vec::new();
        write_int(&mut out, v);
        assert_eq!(out.len(), int_size(v));
        out
    }

    #[test]
    fn minimal_forms() {
        assert_eq!(enc(0), [] as [u8; 0]);
        assert_eq!(enc(1), [0x01]);
        assert_eq!(enc(-1), [0xff]);
        assert_eq!(enc(127), [0x7f]);
        assert_eq!(enc(128), [0x00, 0x80]);
        assert_eq!(enc(-128), [0x80]);
        assert_eq!(enc(-129), [0xff, 0x7f]);
        assert_eq!(
            enc(u64::MAX.into()),
            [0, 255, 255, 255, 255, 255, 255, 255, 255]
        );
        assert_eq!(enc(i128::MIN).len(), 16);
        assert_eq!(enc(i128::MAX).len(), 16);
    }

    #[test]
    fn decode_round_trips_the_64_bit_range() {
        let samples = [
            i128::from(i64::MIN),
            i128::from(i64::MIN) + 1,
            -1,
            0,
            1,
            i128::from(i64::MAX),
            i128::from(i64::MAX) + 1,
            i128::from(u64::MAX),
        ];
        for v in samples {
            assert_eq!(decode_int(&enc(v)), Ok(Integer(v)));
        }
        for v in [i128::from(i64::MIN) - 1, i128::from(u64::MAX) + 1] {
            assert_eq!(decode_int(&enc(v)), Err(Error::IntOutOfRange));
        }
    }

    #[test]
    fn decode_leniency_matches_c() {
        assert_eq!(decode_int(&[0x00]), Ok(Integer(0)));
        assert_eq!(decode_int(&[0xff, 0xff]), Ok(Integer(-1)));
        assert_eq!(decode_int(&[0x00, 0x7f]), Ok(Integer(127)));
        assert_eq!(decode_int(&[0xff; 9]), Err(Error::IntOutOfRange));
        let mut nine = [0u8; 9];
        nine[8] = 1;
        assert_eq!(decode_int(&nine), Err(Error::IntOutOfRange));
    }

    #[test]
    fn conversions() {
        assert_eq!(Integer::new(-1).unwrap().to::<u8>(), None);
        assert_eq!(Integer::from(300u16).to::<u8>(), None);
        assert_eq!(Integer::from(300u16).to::<i16>(), Some(300));
        assert_eq!(Integer::MAX.to::<u64>(), Some(u64::MAX));
        assert_eq!(Integer::MIN.to::<i64>(), Some(i64::MIN));
        assert_eq!(Integer::try_from(u128::MAX), Err(Error::IntOutOfRange));
        assert_eq!(Integer::try_from(-1i128), Ok(Integer(-1)));
        assert_eq!(Integer::from(7u8).to_string(), "7");
    }
}
