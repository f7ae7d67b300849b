//! Seqs and maps: iteration over subfields without decoding them, and map
//! lookup by key.

use core::fmt;
use core::iter::FusedIterator;

use crate::len::read_subfield;
use crate::types::TAG_STR;
use crate::{Argdata, Error, FdMapping, Integer};

/// The run of subfields that forms a seq or map payload. Stepping over an
/// element reads only its length prefix.
#[derive(Clone)]
struct Subfields<'a> {
    rest: &'a [u8],
    payload_len: usize,
}

impl<'a> Subfields<'a> {
    fn new(payload: &'a [u8]) -> Self {
        Subfields {
            rest: payload,
            payload_len: payload.len(),
        }
    }

    /// Position in the payload, only needed for error reports, so it is
    /// derived rather than tracked on every step.
    fn offset(&self) -> usize {
        self.payload_len - self.rest.len()
    }

    /// The next subfield. After an error the run is over: a bad length makes
    /// everything after it unreachable.
    #[inline]
    fn next(&mut self) -> Option<Result<&'a [u8], Error>> {
        if self.rest.is_empty() {
            return None;
        }
        match read_subfield(self.rest) {
            Some((body, used)) => {
                self.rest = self.rest.get(used..).unwrap_or_default();
                Some(Ok(body))
            }
            None => {
                let offset = self.offset();
                self.rest = &[];
                Some(Err(Error::InvalidSubfield { offset }))
            }
        }
    }
}

/// A seq value: elements are reached by iteration.
#[derive(Clone, Copy)]
pub struct Seq<'a> {
    payload: &'a [u8],
    fds: FdMapping<'a>,
}

impl<'a> Seq<'a> {
    pub(crate) fn new(payload: &'a [u8], fds: FdMapping<'a>) -> Self {
        Seq { payload, fds }
    }

    /// Iterates over the elements. A structural error is yielded once, after
    /// the good elements before it, and ends the iteration.
    pub fn iter(&self) -> SeqIter<'a> {
        SeqIter {
            fields: Subfields::new(self.payload),
            fds: self.fds,
        }
    }

    /// Element `index` (reached by `index` hops), or `None` past the end.
    pub fn get(&self, index: usize) -> Result<Option<Argdata<'a>>, Error> {
        self.iter().nth(index).transpose()
    }

    /// Number of elements; walks the seq and checks its structure.
    pub fn len(&self) -> Result<usize, Error> {
        self.iter().try_fold(0, |n, e| e.map(|_| n + 1))
    }

    /// Whether the seq has no elements.
    pub fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }

    /// The payload: the encoded elements with their length prefixes.
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }
}

impl fmt::Debug for Seq<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for Seq<'a> {
    type Item = Result<Argdata<'a>, Error>;
    type IntoIter = SeqIter<'a>;
    fn into_iter(self) -> SeqIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Seq<'a> {
    type Item = Result<Argdata<'a>, Error>;
    type IntoIter = SeqIter<'a>;
    fn into_iter(self) -> SeqIter<'a> {
        self.iter()
    }
}

/// Iterator over a [`Seq`]'s elements.
#[derive(Clone)]
pub struct SeqIter<'a> {
    fields: Subfields<'a>,
    fds: FdMapping<'a>,
}

impl<'a> Iterator for SeqIter<'a> {
    type Item = Result<Argdata<'a>, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        let fds = self.fds;
        self.fields
            .next()
            .map(|r| r.map(|body| Argdata::with_fds(body, fds)))
    }
}

impl FusedIterator for SeqIter<'_> {}

impl fmt::Debug for SeqIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SeqIter")
            .field("offset", &self.fields.offset())
            .finish_non_exhaustive()
    }
}

/// A map value: key/value pairs in encoded order, duplicates possible.
#[derive(Clone, Copy)]
pub struct Map<'a> {
    payload: &'a [u8],
    fds: FdMapping<'a>,
}

impl<'a> Map<'a> {
    pub(crate) fn new(payload: &'a [u8], fds: FdMapping<'a>) -> Self {
        Map { payload, fds }
    }

    /// Iterates over the entries. A structural error is yielded once, after
    /// the good entries before it, and ends the iteration.
    pub fn iter(&self) -> MapIter<'a> {
        MapIter {
            fields: Subfields::new(self.payload),
            fds: self.fds,
        }
    }

    /// The value of the first entry whose key matches `key`.
    ///
    /// A linear scan that reads only the keys and the values' length
    /// prefixes. `Ok(None)` means the map is well-formed up to its end and has
    /// no such key; an error means the map is corrupt before a match.
    pub fn get<K: MapKey + ?Sized>(&self, key: &K) -> Result<Option<Argdata<'a>>, Error> {
        // The iterator's loop, without building entries that do not match.
        let mut fields = Subfields::new(self.payload);
        loop {
            let at = fields.offset();
            let Some(k) = fields.next() else {
                return Ok(None);
            };
            let k = k?;
            let v = match fields.next() {
                Some(v) => v?,
                None => return Err(Error::MissingMapValue { offset: at }),
            };
            if key.matches_key(Argdata::with_fds(k, self.fds)) {
                return Ok(Some(Argdata::with_fds(v, self.fds)));
            }
        }
    }

    /// Number of entries; walks the map and checks its structure.
    pub fn len(&self) -> Result<usize, Error> {
        self.iter().try_fold(0, |n, e| e.map(|_| n + 1))
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }

    /// The payload: the encoded keys and values with their length prefixes.
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }
}

impl fmt::Debug for Map<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for Map<'a> {
    type Item = Result<(Argdata<'a>, Argdata<'a>), Error>;
    type IntoIter = MapIter<'a>;
    fn into_iter(self) -> MapIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Map<'a> {
    type Item = Result<(Argdata<'a>, Argdata<'a>), Error>;
    type IntoIter = MapIter<'a>;
    fn into_iter(self) -> MapIter<'a> {
        self.iter()
    }
}

/// Iterator over a [`Map`]'s entries.
#[derive(Clone)]
pub struct MapIter<'a> {
    fields: Subfields<'a>,
    fds: FdMapping<'a>,
}

impl<'a> Iterator for MapIter<'a> {
    type Item = Result<(Argdata<'a>, Argdata<'a>), Error>;
    fn next(&mut self) -> Option<Self::Item> {
        let at = self.fields.offset();
        let key = match self.fields.next()? {
            Ok(k) => k,
            Err(e) => return Some(Err(e)),
        };
        let value = match self.fields.next() {
            Some(Ok(v)) => v,
            Some(Err(e)) => return Some(Err(e)),
            None => return Some(Err(Error::MissingMapValue { offset: at })),
        };
        let fds = self.fds;
        Some(Ok((
            Argdata::with_fds(key, fds),
            Argdata::with_fds(value, fds),
        )))
    }
}

impl FusedIterator for MapIter<'_> {}

impl fmt::Debug for MapIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapIter")
            .field("offset", &self.fields.offset())
            .finish_non_exhaustive()
    }
}

/// Something a map key can be compared with, without decoding or allocating.
pub trait MapKey {
    /// Whether the encoded `key` equals `self`. Malformed keys match nothing.
    fn matches_key(&self, key: Argdata<'_>) -> bool;
}

impl<K: MapKey + ?Sized> MapKey for &K {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        (**self).matches_key(key)
    }
}

/// Compares the encoding directly: equal to a `&str` implies valid UTF-8, so
/// the key never needs validating.
impl MapKey for str {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        match key.as_bytes() {
            [TAG_STR, body @ .., 0] => body == self.as_bytes(),
            _ => false,
        }
    }
}

#[cfg(feature = "alloc")]
impl MapKey for alloc::string::String {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        self.as_str().matches_key(key)
    }
}

impl MapKey for bool {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        key.get_bool() == Ok(*self)
    }
}

/// Compares values, so non-minimal int encodings match too.
impl MapKey for Integer {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        key.get_integer() == Ok(*self)
    }
}

macro_rules! int_key {
    ($($t:ty),*) => {$(
        impl MapKey for $t {
            fn matches_key(&self, key: Argdata<'_>) -> bool {
                Integer::from(*self).matches_key(key)
            }
        }
    )*};
}
int_key!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// Compares encodings byte for byte.
impl MapKey for Argdata<'_> {
    fn matches_key(&self, key: Argdata<'_>) -> bool {
        self.as_bytes() == key.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seq_iteration() {
        let bytes = [7, 0x81, 5, 0x82, 2, 1, 0x83, 8, b'A', 0];
        let seq = Argdata::new(&bytes).get_seq().unwrap();
        let items: Vec<_> = seq.iter().collect::<Result<_, _>>().unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].get_int::<i32>(), Ok(0));
        assert_eq!(items[1].get_bool(), Ok(true));
        assert_eq!(items[2].get_str(), Ok("A"));
        assert_eq!(seq.len(), Ok(3));
        assert_eq!(seq.get(2).unwrap().unwrap().get_str(), Ok("A"));
        assert_eq!(seq.get(3), Ok(None));
    }

    #[test]
    fn seq_error_ends_iteration() {
        let bytes = [7, 0x81, 5, 0x83, 5];
        let seq = Argdata::new(&bytes).get_seq().unwrap();
        let items: Vec<_> = seq.iter().collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert_eq!(items[1], Err(Error::InvalidSubfield { offset: 2 }));
        assert_eq!(seq.len(), Err(Error::InvalidSubfield { offset: 2 }));
    }

    #[test]
    fn map_lookup() {
        // {"k": {"a": 1}, "l": [1, 2]}
        let bytes = [
            6, 0x83, 8, b'k', 0, 0x88, 6, 0x83, 8, b'a', 0, 0x82, 5, 1, 0x83, 8, b'l', 0, 0x87, 7,
            0x82, 5, 1, 0x82, 5, 2,
        ];
        let map = Argdata::new(&bytes).get_map().unwrap();
        let k = map.get("k").unwrap().unwrap().get_map().unwrap();
        assert_eq!(k.get("a").unwrap().unwrap().get_int::<u8>(), Ok(1));
        let l = map.get("l").unwrap().unwrap().get_seq().unwrap();
        assert_eq!(l.len(), Ok(2));
        assert_eq!(map.get("zz"), Ok(None));
        assert_eq!(map.get(&1u8), Ok(None));
        assert_eq!(map.len(), Ok(2));
    }

    #[test]
    fn map_keys_of_other_types() {
        // {true: false, 5: null}
        let bytes = [6, 0x82, 2, 1, 0x81, 2, 0x82, 5, 5, 0x80];
        let map = Argdata::new(&bytes).get_map().unwrap();
        assert_eq!(map.get(&true).unwrap().unwrap().get_bool(), Ok(false));
        assert!(map.get(&5i64).unwrap().unwrap().is_null());
        assert!(map.get(&Argdata::new(&[5, 5])).unwrap().unwrap().is_null());
        assert_eq!(map.get(&false), Ok(None));
    }

    #[test]
    fn map_with_lone_key() {
        let bytes = [6, 0x81, 5, 0x82, 5, 1, 0x82, 5, 2];
        let map = Argdata::new(&bytes).get_map().unwrap();
        let items: Vec<_> = map.iter().collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1], Err(Error::MissingMapValue { offset: 5 }));
        assert_eq!(map.get("x"), Err(Error::MissingMapValue { offset: 5 }));
    }
}
