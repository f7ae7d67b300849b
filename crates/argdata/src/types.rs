//! The type of an Argdata value and the tag bytes that encode it.

use core::fmt;

pub(crate) const TAG_BINARY: u8 = 0x01;
pub(crate) const TAG_BOOL: u8 = 0x02;
pub(crate) const TAG_FD: u8 = 0x03;
pub(crate) const TAG_FLOAT: u8 = 0x04;
pub(crate) const TAG_INT: u8 = 0x05;
pub(crate) const TAG_MAP: u8 = 0x06;
pub(crate) const TAG_SEQ: u8 = 0x07;
pub(crate) const TAG_STR: u8 = 0x08;
pub(crate) const TAG_TIMESTAMP: u8 = 0x09;

/// The type of an Argdata value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// The empty encoding (no tag at all).
    Null,
    /// Raw bytes (tag `01`).
    Binary,
    /// `true` or `false` (tag `02`).
    Bool,
    /// A file descriptor, as an index into the fd table (tag `03`).
    Fd,
    /// An IEEE-754 binary64 number (tag `04`).
    Float,
    /// A signed integer (tag `05`).
    Int,
    /// Key/value pairs in order (tag `06`).
    Map,
    /// A sequence of values (tag `07`).
    Seq,
    /// A UTF-8 string (tag `08`).
    Str,
    /// Nanoseconds since the Unix epoch (tag `09`).
    Timestamp,
}

impl Type {
    /// The type a tag byte announces, or `None` for an undefined tag.
    pub fn from_tag(tag: u8) -> Option<Type> {
        Some(match tag {
            TAG_BINARY => Type::Binary,
            TAG_BOOL => Type::Bool,
            TAG_FD => Type::Fd,
            TAG_FLOAT => Type::Float,
            TAG_INT => Type::Int,
            TAG_MAP => Type::Map,
            TAG_SEQ => Type::Seq,
            TAG_STR => Type::Str,
            TAG_TIMESTAMP => Type::Timestamp,
            _ => return None,
        })
    }

    /// The tag byte of this type; `None` for null, which has no tag.
    pub fn tag(self) -> Option<u8> {
        Some(match self {
            Type::Null => return None,
            Type::Binary => TAG_BINARY,
            Type::Bool => TAG_BOOL,
            Type::Fd => TAG_FD,
            Type::Float => TAG_FLOAT,
            Type::Int => TAG_INT,
            Type::Map => TAG_MAP,
            Type::Seq => TAG_SEQ,
            Type::Str => TAG_STR,
            Type::Timestamp => TAG_TIMESTAMP,
        })
    }

    /// Lower-case name, as used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Type::Null => "null",
            Type::Binary => "binary",
            Type::Bool => "bool",
            Type::Fd => "fd",
            Type::Float => "float",
            Type::Int => "int",
            Type::Map => "map",
            Type::Seq => "seq",
            Type::Str => "str",
            Type::Timestamp => "timestamp",
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for tag in 0..=255u8 {
            match Type::from_tag(tag) {
                Some(t) => assert_eq!(t.tag(), Some(tag)),
                None => assert!(tag == 0 || tag >= 0x0a),
            }
        }
        assert_eq!(Type::Null.tag(), None);
    }
}
