//! Shared by the criterion benchmark and the instruction-count runner: the
//! benchmark trees, a mirror of them for the published crate, and the
//! operations measured for each implementation.

use std::fmt;
use std::io;

use argdata::{Argdata, Value};
use argdata_published as pa;
use pa::{Argdata as _, ArgdataExt as _};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

pub use argdata_published;

// ---------------------------------------------------------------------------
// The published crate has no owned tree and no heterogeneous containers, so
// the benchmark tree is mirrored in a wrapper enum whose containers borrow
// leaked child vectors (built once, outside the measurements).

/// The benchmark tree as the published crate's values.
pub enum P {
    Null(pa::values::Null),
    Bool(pa::values::Bool),
    Int(pa::values::Int<i64>),
    UInt(pa::values::Int<u64>),
    Float(pa::values::Float),
    Str(pa::values::Str<'static>),
    Bin(pa::values::Binary<'static>),
    Seq(pa::values::Seq<'static, Vec<P>>),
    Map(pa::values::Map<'static, Vec<(P, P)>>),
}

macro_rules! each {
    ($self:ident, $x:ident => $e:expr) => {
        match $self {
            P::Null($x) => $e,
            P::Bool($x) => $e,
            P::Int($x) => $e,
            P::UInt($x) => $e,
            P::Float($x) => $e,
            P::Str($x) => $e,
            P::Bin($x) => $e,
            P::Seq($x) => $e,
            P::Map($x) => $e,
        }
    };
}

impl pa::Argdata<'static> for P {
    fn read<'a>(&'a self) -> Result<pa::Value<'a, 'static>, pa::ReadError>
    where
        'static: 'a,
    {
        each!(self, x => x.read())
    }
    fn serialize(
        &self,
        w: &mut dyn io::Write,
        fds: Option<&mut dyn pa::fd::FdMapping>,
    ) -> io::Result<()> {
        each!(self, x => x.serialize(w, fds))
    }
    fn serialized_length(&self) -> usize {
        each!(self, x => x.serialized_length())
    }
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// Mirrors `v` for the published crate (leaks; build once).
pub fn to_published(v: &Value) -> P {
    match v {
        Value::Null => P::Null(pa::null()),
        Value::Bool(b) => P::Bool(pa::bool(*b)),
        Value::Int(i) => match i.to::<i64>() {
            Some(i) => P::Int(pa::int(i)),
            None => P::UInt(pa::int(i.to::<u64>().unwrap())),
        },
        Value::Float(f) => P::Float(pa::float(*f)),
        Value::Str(s) => P::Str(pa::str(leak(s.clone()))),
        Value::Binary(b) => P::Bin(pa::binary(leak(b.clone()))),
        Value::Seq(items) => P::Seq(pa::seq(leak(items.iter().map(to_published).collect()))),
        Value::Map(entries) => P::Map(pa::map(leak(
            entries
                .iter()
                .map(|(k, v)| (to_published(k), to_published(v)))
                .collect(),
        ))),
        Value::Fd(_) | Value::Timestamp(_) => unimplemented!("not in the benchmark trees"),
    }
}

// ---------------------------------------------------------------------------
// Trees.

/// A configuration-like tree: 200 services with nested maps and seqs.
pub fn config_tree() -> Value {
    Value::map((0..200).map(|i| {
        (
            Value::from(format!("service-{i}")),
            Value::map([
                ("name", Value::from(format!("backend number {i}"))),
                ("port", Value::from(8000 + i)),
                ("enabled", Value::from(i % 3 != 0)),
                ("weight", Value::from(f64::from(i) / 7.0)),
                (
                    "tags",
                    Value::seq(["alpha", "beta", "gamma"].map(|t| format!("{t}-{i}"))),
                ),
                ("blob", Value::Binary(vec![i as u8; 32])),
                ("limit", Value::from(u64::MAX - i as u64)),
                ("parent", Value::Null),
            ]),
        )
    }))
}

/// The lookup tree: 10 000 string keys with small nested values.
pub fn big_map() -> Value {
    Value::map((0..10_000).map(|i| {
        (
            Value::from(key(i)),
            Value::seq([
                Value::from(i),
                Value::from(format!("value {i}")),
                Value::seq([true, false, true]),
            ]),
        )
    }))
}

/// The key of entry `i` of [`big_map`].
pub fn key(i: u32) -> String {
    format!("key{i:05}")
}

// ---------------------------------------------------------------------------
// Walkers, so that each implementation reads every scalar.

/// Reads every scalar with this crate.
pub fn walk_ours(ad: Argdata<'_>) -> usize {
    match ad.get_type().unwrap() {
        argdata::Type::Seq => ad
            .get_seq()
            .unwrap()
            .iter()
            .map(|e| walk_ours(e.unwrap()))
            .sum(),
        argdata::Type::Map => ad
            .get_map()
            .unwrap()
            .iter()
            .map(|e| {
                let (k, v) = e.unwrap();
                walk_ours(k) + walk_ours(v)
            })
            .sum(),
        argdata::Type::Str => ad.get_str().unwrap().len(),
        argdata::Type::Binary => ad.get_binary().unwrap().len(),
        argdata::Type::Int => ad.get_int::<u64>().map_or(1, |v| v as usize),
        argdata::Type::Float => ad.get_float().unwrap() as usize,
        argdata::Type::Bool => ad.get_bool().unwrap() as usize,
        _ => 0,
    }
}

/// Reads every scalar with the published crate.
pub fn walk_published(ad: &dyn pa::Argdata<'_>) -> usize {
    match ad.read().unwrap() {
        pa::Value::Seq(s) => s.map(|e| walk_published(&*e.unwrap())).sum(),
        pa::Value::Map(m) => m
            .map(|e| {
                let (k, v) = e.unwrap();
                walk_published(&*k) + walk_published(&*v)
            })
            .sum(),
        pa::Value::Str(s) => s.as_str().unwrap().len(),
        pa::Value::Binary(b) => b.len(),
        pa::Value::Int(_) => ad.read_int::<u64>().map_or(1, |v| v as usize),
        pa::Value::Float(f) => f as usize,
        pa::Value::Bool(b) => b as usize,
        _ => 0,
    }
}

/// Lookup in MessagePack at its best: keys are borrowed, values before the
/// match are skipped with `IgnoredAny`, only the match is decoded.
pub struct FindKey<'k>(pub &'k str);

impl<'de> DeserializeSeed<'de> for FindKey<'_> {
    type Value = Option<Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FindKey<'_> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Option<Value>, A::Error> {
        let mut found = None;
        while let Some(k) = a.next_key::<&str>()? {
            if found.is_none() && k == self.0 {
                found = Some(a.next_value::<Value>()?);
            } else {
                a.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// Encodes with the published crate.
pub fn encode_published(p: &P) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.serialized_length());
    p.serialize(&mut out, None).unwrap();
    out
}

/// Map lookup with the published crate: the length of the value found.
pub fn lookup_published(bytes: &[u8], k: &str) -> Option<usize> {
    let ad = pa::encoded(bytes);
    ad.read_map()
        .unwrap()
        .map(Result::unwrap)
        .find(|(key, _)| key.read_str() == Ok(k))
        .map(|(_, v)| v.serialized_length())
}

/// Map lookup with this crate: the length of the value found.
pub fn lookup_ours(bytes: &[u8], k: &str) -> Option<usize> {
    let map = Argdata::new(bytes).get_map().unwrap();
    map.get(k).unwrap().map(|v| v.as_bytes().len())
}

/// Map lookup in MessagePack, skipping values that do not match.
pub fn lookup_rmp_skip(bytes: &[u8], k: &str) -> Option<Value> {
    let mut de = rmp_serde::Deserializer::from_read_ref(bytes);
    FindKey(k).deserialize(&mut de).unwrap()
}

/// Map lookup in MessagePack by decoding everything first.
pub fn lookup_rmp_full(bytes: &[u8], k: &str) -> Option<Value> {
    let v = rmp_serde::from_slice::<Value>(bytes).unwrap();
    v.get(&Value::from(k)).cloned()
}
