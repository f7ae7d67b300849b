//! Typed errors for reading and building Argdata.

use core::fmt;

use crate::Type;

/// Why a value could not be read (or, for a few variants, built).
///
/// The variants are fine-grained so that callers can report precisely what is
/// wrong; [`Error::kind`] groups them into the three situations a caller usually
/// has to tell apart, and [`Error::errno`] gives the error the C library
/// (`argdata_get_*`) returns for the same input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The value is well-formed but of another type than the one asked for.
    WrongType {
        /// The type the caller asked for.
        expected: Type,
        /// The type the value actually has.
        found: Type,
    },
    /// The first byte is not one of the defined tags (`00`, `0A`..`FF`).
    InvalidTag(u8),
    /// A bool payload that is neither empty nor the single byte `01`.
    InvalidBool,
    /// An fd payload that is not exactly 4 bytes.
    InvalidFdLength,
    /// A float payload that is not exactly 8 bytes.
    InvalidFloatLength,
    /// A str payload without its trailing `00` byte.
    MissingNulTerminator,
    /// A str payload that is not valid UTF-8.
    InvalidUtf8 {
        /// Length of the valid prefix of the string.
        valid_up_to: usize,
    },
    /// A str with an embedded NUL, asked for as a C string.
    EmbeddedNul,
    /// A seq or map subfield whose length prefix is unterminated, has a leading
    /// zero digit, overflows, or runs past the end of the container.
    InvalidSubfield {
        /// Byte offset of the bad length prefix within the container's payload.
        offset: usize,
    },
    /// A map whose last key has no value.
    MissingMapValue {
        /// Byte offset of the lone key's length prefix within the map's payload.
        offset: usize,
    },
    /// An int that does not fit the requested type, or that lies outside the
    /// 64-bit range `i64::MIN..=u64::MAX` this library (like the C library)
    /// supports.
    IntOutOfRange,
    /// A timestamp payload longer than 12 bytes, or whose seconds do not fit
    /// an `i64`; also [`Timestamp::new`](crate::Timestamp::new) with
    /// nanoseconds of a second or more.
    TimestampOutOfRange,
    /// A well-formed fd whose encoded number cannot be resolved to a process
    /// fd (not in the fd table, the `FF FF FF FF` marker, or no table at all).
    BadFd(u32),
    /// A tree nested deeper than [`MAX_DEPTH`](crate::MAX_DEPTH), refused by the
    /// recursive operations (conversion to [`Value`](crate::Value), YAML
    /// printing) so that hostile input cannot exhaust the stack.
    TooDeep,
}

/// The coarse classification of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The value is fine, it just is not what was asked for.
    WrongType,
    /// The bytes are corrupt: bad tag, bad payload, bad UTF-8 or bad structure.
    Malformed,
    /// The value is well-formed but does not fit (integer, timestamp, depth).
    OutOfRange,
    /// The value is a well-formed fd that does not resolve to a process fd.
    BadFd,
}

/// The errno the C library reports for the same situation.
///
/// Only the symbolic name is given: CloudABI, Linux and the emulator each
/// number errno values differently, so the caller maps it to its own numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Errno {
    /// `EINVAL`: wrong type or malformed payload or structure.
    Inval,
    /// `ERANGE`: value does not fit.
    Range,
    /// `EILSEQ`: invalid UTF-8 (or an embedded NUL in a C string).
    Ilseq,
    /// `EBADF`: fd that does not resolve.
    Badf,
}

impl Errno {
    /// The C macro name, e.g. `"EINVAL"`.
    pub fn name(self) -> &'static str {
        match self {
            Errno::Inval => "EINVAL",
            Errno::Range => "ERANGE",
            Errno::Ilseq => "EILSEQ",
            Errno::Badf => "EBADF",
        }
    }
}

impl Error {
    /// Which of the broad situations this error is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::WrongType { .. } => ErrorKind::WrongType,
            Error::IntOutOfRange | Error::TimestampOutOfRange | Error::TooDeep => {
                ErrorKind::OutOfRange
            }
            Error::BadFd(_) => ErrorKind::BadFd,
            Error::InvalidTag(_)
            | Error::InvalidBool
            | Error::InvalidFdLength
            | Error::InvalidFloatLength
            | Error::MissingNulTerminator
            | Error::InvalidUtf8 { .. }
            | Error::EmbeddedNul
            | Error::InvalidSubfield { .. }
            | Error::MissingMapValue { .. } => ErrorKind::Malformed,
        }
    }

    /// The errno `argdata_get_*` returns for the same input.
    ///
    /// The C library folds "wrong type" and "malformed" into `EINVAL`, except
    /// for UTF-8 problems, which are `EILSEQ`. Structural errors make the C
    /// iterators stop with `ARGDATA_ITERATOR_INVALID`; they are reported here
    /// as `EINVAL`, the error a C getter gives for such a node.
    pub fn errno(&self) -> Errno {
        match self {
            Error::InvalidUtf8 { .. } | Error::EmbeddedNul => Errno::Ilseq,
            Error::BadFd(_) => Errno::Badf,
            _ => match self.kind() {
                ErrorKind::OutOfRange => Errno::Range,
                _ => Errno::Inval,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            Error::InvalidTag(t) => write!(f, "invalid tag 0x{t:02x}"),
            Error::InvalidBool => f.write_str("invalid bool payload"),
            Error::InvalidFdLength => f.write_str("fd payload is not 4 bytes"),
            Error::InvalidFloatLength => f.write_str("float payload is not 8 bytes"),
            Error::MissingNulTerminator => f.write_str("str without NUL terminator"),
            Error::InvalidUtf8 { valid_up_to } => {
                write!(f, "invalid UTF-8 in str after {valid_up_to} bytes")
            }
            Error::EmbeddedNul => f.write_str("str contains a NUL byte"),
            Error::InvalidSubfield { offset } => {
                write!(f, "invalid subfield length at offset {offset}")
            }
            Error::MissingMapValue { offset } => {
                write!(f, "map key at offset {offset} has no value")
            }
            Error::IntOutOfRange => f.write_str("int out of range"),
            Error::TimestampOutOfRange => f.write_str("timestamp out of range"),
            Error::BadFd(raw) => write!(f, "fd {raw} does not resolve"),
            Error::TooDeep => f.write_str("nesting too deep"),
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_matches_c_split() {
        let wrong = Error::WrongType {
            expected: Type::Bool,
            found: Type::Int,
        };
        assert_eq!(wrong.errno(), Errno::Inval);
        assert_eq!(wrong.kind(), ErrorKind::WrongType);
        assert_eq!(Error::InvalidBool.errno(), Errno::Inval);
        assert_eq!(Error::InvalidBool.kind(), ErrorKind::Malformed);
        assert_eq!(Error::InvalidUtf8 { valid_up_to: 0 }.errno(), Errno::Ilseq);
        assert_eq!(Error::EmbeddedNul.errno(), Errno::Ilseq);
        assert_eq!(Error::IntOutOfRange.errno(), Errno::Range);
        assert_eq!(Error::TimestampOutOfRange.errno(), Errno::Range);
        assert_eq!(Error::BadFd(3).errno(), Errno::Badf);
        assert_eq!(Error::BadFd(3).kind(), ErrorKind::BadFd);
        assert_eq!(Errno::Range.name(), "ERANGE");
    }

    #[test]
    fn display_is_informative() {
        let e = Error::WrongType {
            expected: Type::Str,
            found: Type::Null,
        };
        assert_eq!(e.to_string(), "expected str, found null");
        assert_eq!(Error::InvalidTag(10).to_string(), "invalid tag 0x0a");
    }
}
