//! `serde` support for the owned tree and the scalar types.
//!
//! The mapping onto serde's data model: null is unit, binary is bytes, ints
//! are `i64` (or `u64` above `i64::MAX`), fds are their process number as an
//! `i32` (`-1` when invalid), timestamps are the tuple `(secs, nanos)`. Self-
//! describing formats such as JSON or MessagePack do not keep the last two
//! apart from ints and seqs, so a [`Value`] read back from them has an int or
//! a seq where the original had an fd or a timestamp.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::{Fd, Integer, Timestamp, Value};

impl Serialize for Integer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(self.get()) {
            Ok(v) => s.serialize_i64(v),
            // The Integer range ends at u64::MAX, so this cannot fail.
            Err(_) => s.serialize_u64(self.to::<u64>().unwrap_or(u64::MAX)),
        }
    }
}

struct IntegerVisitor;

impl Visitor<'_> for IntegerVisitor {
    type Value = Integer;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer in i64::MIN..=u64::MAX")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Integer, E> {
        Ok(v.into())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Integer, E> {
        Ok(v.into())
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Integer, E> {
        Integer::new(v).ok_or_else(|| E::custom("integer out of range"))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Integer, E> {
        Integer::try_from(v).map_err(|_| E::custom("integer out of range"))
    }
}

impl<'de> Deserialize<'de> for Integer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Integer, D::Error> {
        d.deserialize_any(IntegerVisitor)
    }
}

impl Serialize for Fd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.get().unwrap_or(-1))
    }
}

impl<'de> Deserialize<'de> for Fd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fd, D::Error> {
        i32::deserialize(d).map(Fd::new)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.secs(), self.subsec_nanos()).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let (secs, nanos) = <(i64, u32)>::deserialize(d)?;
        Timestamp::new(secs, nanos).map_err(de::Error::custom)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Binary(b) => s.serialize_bytes(b),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Fd(fd) => fd.serialize(s),
            Value::Float(f) => s.serialize_f64(*f),
            Value::Int(i) => i.serialize(s),
            Value::Str(v) => s.serialize_str(v),
            Value::Timestamp(t) => t.serialize(s),
            Value::Seq(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any Argdata value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        IntegerVisitor.visit_i128(v).map(Value::Int)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        IntegerVisitor.visit_u128(v).map(Value::Int)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Binary(v.to_vec()))
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Value, E> {
        Ok(Value::Binary(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        // Cap the hint: it comes from the input and must not drive allocation.
        let mut items = Vec::with_capacity(a.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = a.next_element()? {
            items.push(v);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(a.size_hint().unwrap_or(0).min(4096));
        while let Some(e) = a.next_entry()? {
            entries.push(e);
        }
        Ok(Value::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip() {
        let v = Value::map([
            (Value::from("a"), Value::seq([Value::from(1), Value::Null])),
            (Value::from("b"), Value::from(u64::MAX)),
            (Value::from("c"), Value::from(-2.5)),
            (Value::from("d"), Value::from(true)),
        ]);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            json,
            r#"{"a":[1,null],"b":18446744073709551615,"c":-2.5,"d":true}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), v);
    }

    #[test]
    fn scalars() {
        let t = Timestamp::new(-1, 5).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "[-1,5]");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), t);
        assert!(serde_json::from_str::<Timestamp>("[0,1000000000]").is_err());
        assert_eq!(serde_json::to_string(&Fd::INVALID).unwrap(), "-1");
        assert_eq!(serde_json::from_str::<Fd>("4").unwrap(), Fd::new(4));
        assert_eq!(
            serde_json::from_str::<Integer>("-9223372036854775808").unwrap(),
            Integer::MIN
        );
        assert!(serde_json::from_str::<Integer>("18446744073709551616").is_err());
        // Lossy by design: fds and timestamps come back as what they map to.
        let v = Value::seq([Value::Fd(Fd::new(3)), Value::Timestamp(t)]);
        let back: Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, Value::seq([Value::from(3), Value::seq([-1, 5])]));
    }
}
