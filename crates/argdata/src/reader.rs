//! Zero-copy reading of encoded Argdata.

use core::ffi::CStr;
use core::fmt;

use crate::int::decode_int;
use crate::timestamp::decode_timestamp;
use crate::{ArgdataInt, Error, Fd, FdMapping, Integer, Map, Seq, Timestamp, Type};

/// An encoded Argdata value: a byte slice plus the way to resolve its fds.
///
/// Wrapping a buffer parses and copies nothing; each getter looks only at
/// the value's own tag and payload, and validation is local to what is
/// visited. Strings and binaries are returned as slices of the buffer. No
/// method allocates or panics, whatever the bytes are.
///
/// The length of the value is the length of the slice: the encoding does not
/// record it, the enclosing subfield (or the whole buffer) does.
#[derive(Clone, Copy)]
pub struct Argdata<'a> {
    bytes: &'a [u8],
    fds: FdMapping<'a>,
}

impl<'a> Argdata<'a> {
    /// Wraps encoded bytes that carry no fds (every fd read is
    /// [`Error::BadFd`]).
    pub const fn new(bytes: &'a [u8]) -> Argdata<'a> {
        Argdata {
            bytes,
            fds: FdMapping::Unavailable,
        }
    }

    /// Wraps encoded bytes whose fd numbers resolve through `fds`.
    pub const fn with_fds(bytes: &'a [u8], fds: FdMapping<'a>) -> Argdata<'a> {
        Argdata { bytes, fds }
    }

    /// The encoded bytes of this value.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The fd mapping used by [`get_fd`](Self::get_fd), shared with every
    /// element reached through this value.
    pub const fn fd_mapping(&self) -> FdMapping<'a> {
        self.fds
    }

    /// Whether this is null (the empty encoding).
    pub const fn is_null(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The type announced by the tag. Only the tag is looked at, so a value
    /// of a known type may still turn out malformed when read.
    pub fn get_type(&self) -> Result<Type, Error> {
        match self.bytes.first() {
            None => Ok(Type::Null),
            Some(&t) => Type::from_tag(t).ok_or(Error::InvalidTag(t)),
        }
    }

    /// The payload, if the value has type `expected`.
    fn payload(&self, expected: Type) -> Result<&'a [u8], Error> {
        let found = self.get_type()?;
        if found == expected {
            // Non-null types have a tag byte, so the slice is non-empty.
            Ok(self.bytes.get(1..).unwrap_or_default())
        } else {
            Err(Error::WrongType { expected, found })
        }
    }

    /// The bytes of a binary value.
    pub fn get_binary(&self) -> Result<&'a [u8], Error> {
        self.payload(Type::Binary)
    }

    /// A bool; the payload must be empty (false) or `01` (true).
    pub fn get_bool(&self) -> Result<bool, Error> {
        match self.payload(Type::Bool)? {
            [] => Ok(false),
            [1] => Ok(true),
            _ => Err(Error::InvalidBool),
        }
    }

    /// The 4-byte number stored in an fd node, without resolving it.
    pub fn get_encoded_fd(&self) -> Result<u32, Error> {
        let p: [u8; 4] = self
            .payload(Type::Fd)?
            .try_into()
            .map_err(|_| Error::InvalidFdLength)?;
        Ok(u32::from_be_bytes(p))
    }

    /// The process fd an fd node refers to, resolved through the
    /// [`FdMapping`]; [`Error::BadFd`] if it does not resolve.
    pub fn get_fd(&self) -> Result<Fd, Error> {
        let raw = self.get_encoded_fd()?;
        self.fds.resolve(raw).ok_or(Error::BadFd(raw))
    }

    /// A float (any bit pattern, NaN payloads and -0.0 included).
    pub fn get_float(&self) -> Result<f64, Error> {
        let p: [u8; 8] = self
            .payload(Type::Float)?
            .try_into()
            .map_err(|_| Error::InvalidFloatLength)?;
        Ok(f64::from_be_bytes(p))
    }

    /// An int converted to `T`; [`Error::IntOutOfRange`] if it does not fit
    /// `T` or lies outside `i64::MIN..=u64::MAX`.
    pub fn get_int<T: ArgdataInt>(&self) -> Result<T, Error> {
        T::from_integer(self.get_integer()?).ok_or(Error::IntOutOfRange)
    }

    /// An int as an [`Integer`].
    pub fn get_integer(&self) -> Result<Integer, Error> {
        decode_int(self.payload(Type::Int)?)
    }

    /// A string, borrowed from the buffer. Embedded NULs are allowed.
    pub fn get_str(&self) -> Result<&'a str, Error> {
        let p = self.str_payload()?;
        // The terminator was checked by str_payload.
        let body = p.get(..p.len() - 1).unwrap_or_default();
        core::str::from_utf8(body).map_err(|e| Error::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })
    }

    /// A string as a C string borrowed from the buffer (the terminator is part
    /// of the encoding). Fails with [`Error::EmbeddedNul`] if it contains a
    /// NUL, like the C library's `argdata_get_str_c`.
    pub fn get_str_c(&self) -> Result<&'a CStr, Error> {
        self.get_str()?;
        CStr::from_bytes_with_nul(self.str_payload()?).map_err(|_| Error::EmbeddedNul)
    }

    fn str_payload(&self) -> Result<&'a [u8], Error> {
        let p = self.payload(Type::Str)?;
        match p.last() {
            Some(0) => Ok(p),
            _ => Err(Error::MissingNulTerminator),
        }
    }

    /// A timestamp.
    pub fn get_timestamp(&self) -> Result<Timestamp, Error> {
        decode_timestamp(self.payload(Type::Timestamp)?)
    }

    /// A seq, to be iterated. Its elements are checked only as they are
    /// reached.
    pub fn get_seq(&self) -> Result<Seq<'a>, Error> {
        Ok(Seq::new(self.payload(Type::Seq)?, self.fds))
    }

    /// A map, to be iterated or searched. Its entries are checked only as
    /// they are reached.
    pub fn get_map(&self) -> Result<Map<'a>, Error> {
        Ok(Map::new(self.payload(Type::Map)?, self.fds))
    }
}

/// Two values are equal when their encodings are; fd mappings are ignored.
impl PartialEq for Argdata<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Argdata<'_> {}

impl fmt::Debug for Argdata<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Argdata")
            .field("bytes", &self.bytes)
            .field("fds", &self.fds)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars() {
        assert!(Argdata::new(&[]).is_null());
        assert_eq!(Argdata::new(&[2, 1]).get_bool(), Ok(true));
        assert_eq!(Argdata::new(&[2]).get_bool(), Ok(false));
        assert_eq!(Argdata::new(&[1, 7]).get_binary(), Ok(&[7u8][..]));
        assert_eq!(Argdata::new(&[5, 0xff]).get_int::<i8>(), Ok(-1));
        assert_eq!(
            Argdata::new(&[5, 0xff]).get_int::<u8>(),
            Err(Error::IntOutOfRange)
        );
        assert_eq!(Argdata::new(&[8, b'h', b'i', 0]).get_str(), Ok("hi"));
        assert_eq!(
            Argdata::new(&[8, b'h', b'i', 0])
                .get_str_c()
                .unwrap()
                .to_bytes(),
            b"hi"
        );
    }

    #[test]
    fn wrong_type() {
        assert_eq!(
            Argdata::new(&[]).get_str(),
            Err(Error::WrongType {
                expected: Type::Str,
                found: Type::Null
            })
        );
        assert_eq!(Argdata::new(&[0x0a]).get_str(), Err(Error::InvalidTag(10)));
        assert_eq!(Argdata::new(&[0x0a]).get_type(), Err(Error::InvalidTag(10)));
    }

    #[test]
    fn fds_resolve_through_the_mapping() {
        let bytes = [3, 0, 0, 0, 1];
        assert_eq!(Argdata::new(&bytes).get_fd(), Err(Error::BadFd(1)));
        assert_eq!(Argdata::new(&bytes).get_encoded_fd(), Ok(1));
        let id = Argdata::with_fds(&bytes, FdMapping::Identity);
        assert_eq!(id.get_fd(), Ok(Fd::new(1)));
        let table = [Fd::new(10), Fd::new(11)];
        let t = Argdata::with_fds(&bytes, FdMapping::Table(&table));
        assert_eq!(t.get_fd(), Ok(Fd::new(11)));
    }

    #[test]
    fn str_c_refuses_embedded_nul() {
        let ad = Argdata::new(&[8, b'a', 0, b'b', 0]);
        assert_eq!(ad.get_str(), Ok("a\0b"));
        assert_eq!(ad.get_str_c(), Err(Error::EmbeddedNul));
    }
}
