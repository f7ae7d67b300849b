//! Just enough Argdata reading for the tests: maps with string keys, and
//! str, int and fd values.

#[derive(Clone, Copy)]
pub struct Ad<'a>(pub &'a [u8]);

/// Iterates over the length-prefixed subfields of a seq or map body.
pub struct Fields<'a>(&'a [u8]);

impl<'a> Iterator for Fields<'a> {
    type Item = Ad<'a>;
    fn next(&mut self) -> Option<Ad<'a>> {
        let mut len = 0usize;
        loop {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            len = (len << 7) | usize::from(b & 0x7f);
            if b & 0x80 != 0 {
                break;
            }
        }
        if len > self.0.len() {
            return None;
        }
        let (field, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(Ad(field))
    }
}

impl<'a> Ad<'a> {
    fn body(self, tag: u8) -> Option<&'a [u8]> {
        match self.0.split_first() {
            Some((&t, body)) if t == tag => Some(body),
            _ => None,
        }
    }

    pub fn str(self) -> Option<&'a [u8]> {
        let body = self.body(8)?;
        body.split_last().filter(|(nul, _)| **nul == 0).map(|(_, s)| s)
    }

    pub fn fd(self) -> Option<cloudabi::fd> {
        let b = self.body(3)?;
        let bytes: [u8; 4] = b.try_into().ok()?;
        Some(cloudabi::fd(u32::from_be_bytes(bytes)))
    }

    pub fn int(self) -> Option<i64> {
        let b = self.body(5)?;
        if b.len() > 8 {
            return None;
        }
        let mut v: i64 = if b.first().is_some_and(|x| x & 0x80 != 0) { -1 } else { 0 };
        for &x in b {
            v = (v << 8) | i64::from(x);
        }
        Some(v)
    }

    pub fn get(self, key: &[u8]) -> Option<Ad<'a>> {
        let mut fields = Fields(self.body(6)?);
        while let (Some(k), Some(v)) = (fields.next(), fields.next()) {
            if k.str() == Some(key) {
                return Some(v);
            }
        }
        None
    }
}
