//! The owned value tree.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::{Argdata, Error, Fd, Integer, MapKey, Timestamp, Type, MAX_DEPTH};

/// An owned Argdata tree: what a program builds before encoding, or gets by
/// decoding everything at once with [`Argdata::to_value`].
///
/// Floats compare by bit pattern, so `NaN == NaN` (same payload) and
/// `0.0 != -0.0`: equality means "encodes to the same bytes", which makes
/// `Value` a lawful `Eq`.
#[derive(Debug, Clone, Default)]
pub enum Value {
    /// Null, encoded as zero bytes.
    #[default]
    Null,
    /// Raw bytes.
    Binary(Vec<u8>),
    /// A bool.
    Bool(bool),
    /// A process fd; encoding renumbers it (see [`FdTable`](crate::FdTable)).
    Fd(Fd),
    /// A float.
    Float(f64),
    /// An integer in `i64::MIN..=u64::MAX`.
    Int(Integer),
    /// Key/value pairs, in order; duplicate keys are kept as they are.
    Map(Vec<(Value, Value)>),
    /// A sequence.
    Seq(Vec<Value>),
    /// A string (may contain NULs).
    Str(String),
    /// A timestamp.
    Timestamp(Timestamp),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) => true,
            (Binary(a), Binary(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Fd(a), Fd(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Int(a), Int(b)) => a == b,
            (Map(a), Map(b)) => a == b,
            (Seq(a), Seq(b)) => a == b,
            (Str(a), Str(b)) => a == b,
            (Timestamp(a), Timestamp(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Value {
    /// The type of this value.
    pub fn get_type(&self) -> Type {
        match self {
            Value::Null => Type::Null,
            Value::Binary(_) => Type::Binary,
            Value::Bool(_) => Type::Bool,
            Value::Fd(_) => Type::Fd,
            Value::Float(_) => Type::Float,
            Value::Int(_) => Type::Int,
            Value::Map(_) => Type::Map,
            Value::Seq(_) => Type::Seq,
            Value::Str(_) => Type::Str,
            Value::Timestamp(_) => Type::Timestamp,
        }
    }

    /// A seq of the given elements.
    pub fn seq<I: IntoIterator<Item = V>, V: Into<Value>>(items: I) -> Value {
        Value::Seq(items.into_iter().map(Into::into).collect())
    }

    /// A map of the given entries, in the given order.
    pub fn map<I, K, V>(entries: I) -> Value
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<Value>,
        V: Into<Value>,
    {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }

    /// The string, if this is a str.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The integer converted to `T`, if this is an int that fits.
    pub fn as_int<T: crate::ArgdataInt>(&self) -> Option<T> {
        match self {
            Value::Int(i) => i.to(),
            _ => None,
        }
    }

    /// The elements, if this is a seq.
    pub fn as_seq(&self) -> Option<&[Value]> {
        match self {
            Value::Seq(v) => Some(v),
            _ => None,
        }
    }

    /// The entries, if this is a map.
    pub fn as_map(&self) -> Option<&[(Value, Value)]> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The value of the first entry with key `key`, if this is a map.
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.as_map()?
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v))
    }

    /// Whether `ad` encodes this value (fds compared after resolving through
    /// `ad`'s mapping). Lets a `Value` be used as a [`MapKey`] without
    /// encoding it.
    fn equals_encoded(&self, ad: Argdata<'_>) -> bool {
        match self {
            Value::Null => ad.is_null(),
            Value::Binary(b) => ad.get_binary() == Ok(b.as_slice()),
            Value::Bool(b) => ad.get_bool() == Ok(*b),
            Value::Fd(fd) => match ad.get_fd() {
                Ok(got) => got == *fd,
                Err(Error::BadFd(_)) => !fd.is_valid(),
                Err(_) => false,
            },
            Value::Float(f) => ad.get_float().map(f64::to_bits) == Ok(f.to_bits()),
            Value::Int(i) => ad.get_integer() == Ok(*i),
            Value::Str(s) => s.as_str().matches_key(ad),
            Value::Timestamp(t) => ad.get_timestamp() == Ok(*t),
            Value::Seq(items) => ad.get_seq().is_ok_and(|seq| {
                let mut it = seq.iter();
                items.iter().all(|v| {
                    it.next()
                        .is_some_and(|e| e.is_ok_and(|e| v.equals_encoded(e)))
                }) && it.next().is_none()
            }),
            Value::Map(entries) => ad.get_map().is_ok_and(|map| {
                let mut it = map.iter();
                entries.iter().all(|(k, v)| {
                    it.next().is_some_and(|e| {
                        e.is_ok_and(|(ek, ev)| k.equals_encoded(ek) && v.equals_encoded(ev))
                    })
                }) && it.next().is_none()
            }),
        }
    }
}

/// Structural comparison with the encoded key; ints and timestamps compare
/// by value, so non-minimal encodings match.
impl MapKey for Value {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        self.equals_encoded(key)
    }
}

impl<'a> Argdata<'a> {
    /// Decodes the whole tree into an owned [`Value`].
    ///
    /// Fails on the first malformed node. Fds that do not resolve become
    /// [`Fd::INVALID`] rather than an error, so that a tree received without
    /// its fd table can still be inspected. Trees nested deeper than
    /// [`MAX_DEPTH`] give [`Error::TooDeep`].
    pub fn to_value(&self) -> Result<Value, Error> {
        to_value_at(*self, 0)
    }
}

impl TryFrom<Argdata<'_>> for Value {
    type Error = Error;
    fn try_from(ad: Argdata<'_>) -> Result<Value, Error> {
        ad.to_value()
    }
}

fn to_value_at(ad: Argdata<'_>, depth: usize) -> Result<Value, Error> {
    Ok(match ad.get_type()? {
        Type::Null => Value::Null,
        Type::Binary => Value::Binary(ad.get_binary()?.to_vec()),
        Type::Bool => Value::Bool(ad.get_bool()?),
        Type::Fd => Value::Fd(match ad.get_fd() {
            Err(Error::BadFd(_)) => Fd::INVALID,
            r => r?,
        }),
        Type::Float => Value::Float(ad.get_float()?),
        Type::Int => Value::Int(ad.get_integer()?),
        Type::Str => Value::Str(ad.get_str()?.to_owned()),
        Type::Timestamp => Value::Timestamp(ad.get_timestamp()?),
        Type::Seq | Type::Map if depth >= MAX_DEPTH => return Err(Error::TooDeep),
        Type::Seq => {
            let seq = ad.get_seq()?;
            // Counting costs one prefix per element and saves regrowing.
            let mut items = Vec::with_capacity(seq.iter().count());
            for e in seq {
                items.push(to_value_at(e?, depth + 1)?);
            }
            Value::Seq(items)
        }
        Type::Map => {
            let map = ad.get_map()?;
            let mut entries = Vec::with_capacity(map.iter().count());
            for e in map {
                let (k, v) = e?;
                entries.push((to_value_at(k, depth + 1)?, to_value_at(v, depth + 1)?));
            }
            Value::Map(entries)
        }
    })
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<Integer> for Value {
    fn from(i: Integer) -> Value {
        Value::Int(i)
    }
}

macro_rules! value_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Value {
                Value::Int(Integer::from(v))
            }
        }
    )*};
}
value_from_int!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<&[u8]> for Value {
    fn from(b: &[u8]) -> Value {
        Value::Binary(b.to_vec())
    }
}

impl From<Vec<u8>> for Value {
    fn from(b: Vec<u8>) -> Value {
        Value::Binary(b)
    }
}

impl From<Fd> for Value {
    fn from(fd: Fd) -> Value {
        Value::Fd(fd)
    }
}

impl From<Timestamp> for Value {
    fn from(t: Timestamp) -> Value {
        Value::Timestamp(t)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::Seq(v)
    }
}

impl From<Vec<(Value, Value)>> for Value {
    fn from(m: Vec<(Value, Value)>) -> Value {
        Value::Map(m)
    }
}

impl From<()> for Value {
    fn from(_: ()) -> Value {
        Value::Null
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}

impl FromIterator<Value> for Value {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Value {
        Value::Seq(iter.into_iter().collect())
    }
}

impl FromIterator<(Value, Value)> for Value {
    fn from_iter<I: IntoIterator<Item = (Value, Value)>>(iter: I) -> Value {
        Value::Map(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FdMapping;

    #[test]
    fn decode_nested() {
        let bytes = [
            6, 0x83, 8, b'k', 0, 0x88, 6, 0x83, 8, b'a', 0, 0x82, 5, 1, 0x83, 8, b'l', 0, 0x87, 7,
            0x82, 5, 1, 0x82, 5, 2,
        ];
        let v = Argdata::new(&bytes).to_value().unwrap();
        let expected = Value::map([("k", Value::map([("a", 1)])), ("l", Value::seq([1, 2]))]);
        assert_eq!(v, expected);
        assert_eq!(v.get(&"l".into()), Some(&Value::seq([1, 2])));
    }

    #[test]
    fn unresolved_fds_become_invalid() {
        let bytes = [7, 0x85, 3, 0, 0, 0, 0, 0x85, 3, 0, 0, 0, 1];
        let table = [Fd::new(10)];
        let v = Argdata::with_fds(&bytes, FdMapping::Table(&table))
            .to_value()
            .unwrap();
        assert_eq!(v, Value::seq([Fd::new(10), Fd::INVALID]));
    }

    #[test]
    fn float_equality_is_bitwise() {
        assert_eq!(Value::Float(f64::NAN), Value::Float(f64::NAN));
        assert_ne!(Value::Float(0.0), Value::Float(-0.0));
    }

    #[test]
    fn depth_limit() {
        let mut bytes = vec![7];
        for _ in 0..MAX_DEPTH + 1 {
            let len = bytes.len();
            let mut outer = vec![7];
            crate::len::write_len(&mut outer, len);
            outer.extend_from_slice(&bytes);
            bytes = outer;
        }
        assert_eq!(Argdata::new(&bytes).to_value(), Err(Error::TooDeep));
    }

    #[test]
    fn value_as_map_key() {
        // {[1]: "one"}
        let bytes = [6, 0x84, 7, 0x82, 5, 1, 0x85, 8, b'o', b'n', b'e', 0];
        let map = Argdata::new(&bytes).get_map().unwrap();
        let key = Value::seq([1]);
        assert_eq!(map.get(&key).unwrap().unwrap().get_str(), Ok("one"));
        assert_eq!(map.get(&Value::seq([1, 2])), Ok(None));
        assert_eq!(map.get(&Value::Seq(vec![])), Ok(None));
    }
}
