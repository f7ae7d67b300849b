//! Encoding: canonical bytes from a [`Value`], and re-encoding of received
//! bytes, both with fd renumbering.

use alloc::vec::Vec;

use crate::fd::INVALID_ENCODED_FD;
use crate::int::{int_size, write_int};
use crate::len::{len_size, read_subfield, write_len};
use crate::types::*;
use crate::{Argdata, Fd, FdTable, Value};

/// What to write for the fds of a tree.
#[derive(Debug)]
pub enum FdPolicy<'t> {
    /// Write each process fd's own number (the invalid fd as `FF FF FF FF`).
    /// This is what `cloudabi-run` hands to `cloudabi-reexec`, which
    /// renumbers later.
    Literal,
    /// Write indices into this table, adding fds in order of first
    /// appearance; the table is what the child receives as fds `0..n`.
    Renumber(&'t mut FdTable),
}

impl FdPolicy<'_> {
    fn encode(&mut self, fd: Fd) -> u32 {
        match (self, fd.get()) {
            (_, None) => INVALID_ENCODED_FD,
            (FdPolicy::Literal, Some(n)) => n.unsigned_abs(),
            (FdPolicy::Renumber(t), Some(_)) => t.insert(fd),
        }
    }
}

/// Encoded bytes together with the fd table they refer to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The encoded value.
    pub bytes: Vec<u8>,
    /// Process fds in encoded-number order: `fds[i]` must become fd `i` of
    /// the process that reads `bytes`.
    pub fds: Vec<Fd>,
}

impl Value {
    /// Number of bytes [`encode`](Self::encode) produces.
    pub fn encoded_len(&self) -> usize {
        match self {
            Value::Seq(items) => 1 + items.iter().map(subfield_len).sum::<usize>(),
            Value::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| subfield_len(k) + subfield_len(v))
                    .sum::<usize>()
            }
            _ => self.scalar_len(),
        }
    }

    fn scalar_len(&self) -> usize {
        match self {
            Value::Null => 0,
            Value::Binary(b) => 1 + b.len(),
            Value::Bool(b) => 1 + usize::from(*b),
            Value::Fd(_) => 5,
            Value::Float(_) => 9,
            Value::Int(i) => 1 + int_size(i.get()),
            Value::Str(s) => 2 + s.len(),
            Value::Timestamp(t) => 1 + int_size(t.as_nanos()),
            Value::Seq(_) | Value::Map(_) => unreachable!("containers are measured"),
        }
    }

    /// Canonical encoding with fds renumbered `0..n` in order of first
    /// appearance, plus the table of process fds in that order.
    pub fn encode(&self) -> Encoded {
        let mut table = FdTable::new();
        let mut bytes = Vec::new();
        self.encode_into(&mut bytes, FdPolicy::Renumber(&mut table));
        Encoded {
            bytes,
            fds: table.into_vec(),
        }
    }

    /// Canonical encoding with process fd numbers written as they are.
    pub fn encode_literal(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.encode_into(&mut bytes, FdPolicy::Literal);
        bytes
    }

    /// Appends the canonical encoding to `out`.
    ///
    /// Sizes are computed once in a first pass, so the whole tree is encoded
    /// in time linear in its size, however deep it is.
    pub fn encode_into(&self, out: &mut Vec<u8>, mut fds: FdPolicy<'_>) {
        let mut sizes = Vec::new();
        let total = measure(self, &mut sizes);
        out.reserve(total);
        let mut cursor = 0;
        write(self, out, &sizes, &mut cursor, &mut fds);
    }
}

fn subfield_len(v: &Value) -> usize {
    let n = v.encoded_len();
    len_size(n) + n
}

/// Computes the encoded length of `v` and records the length of every
/// container in pre-order, so that `write` knows each prefix in advance.
fn measure(v: &Value, sizes: &mut Vec<usize>) -> usize {
    let slot = sizes.len();
    let mut total = 1;
    let mut child = |c: &Value, sizes: &mut Vec<usize>| {
        let n = measure(c, sizes);
        total += len_size(n) + n;
    };
    match v {
        Value::Seq(items) => {
            sizes.push(0);
            for c in items {
                child(c, sizes);
            }
        }
        Value::Map(entries) => {
            sizes.push(0);
            for (k, v) in entries {
                child(k, sizes);
                child(v, sizes);
            }
        }
        _ => return v.scalar_len(),
    }
    sizes[slot] = total;
    total
}

fn write(v: &Value, out: &mut Vec<u8>, sizes: &[usize], cursor: &mut usize, fds: &mut FdPolicy) {
    match v {
        Value::Null => {}
        Value::Binary(b) => {
            out.push(TAG_BINARY);
            out.extend_from_slice(b);
        }
        Value::Bool(b) => {
            out.push(TAG_BOOL);
            if *b {
                out.push(1);
            }
        }
        Value::Fd(fd) => {
            out.push(TAG_FD);
            out.extend_from_slice(&fds.encode(*fd).to_be_bytes());
        }
        Value::Float(f) => {
            out.push(TAG_FLOAT);
            out.extend_from_slice(&f.to_bits().to_be_bytes());
        }
        Value::Int(i) => {
            out.push(TAG_INT);
            write_int(out, i.get());
        }
        Value::Str(s) => {
            out.push(TAG_STR);
            out.extend_from_slice(s.as_bytes());
            out.push(0);
        }
        Value::Timestamp(t) => {
            out.push(TAG_TIMESTAMP);
            write_int(out, t.as_nanos());
        }
        Value::Seq(items) => {
            *cursor += 1;
            out.push(TAG_SEQ);
            for c in items {
                write_subfield(c, out, sizes, cursor, fds);
            }
        }
        Value::Map(entries) => {
            *cursor += 1;
            out.push(TAG_MAP);
            for (k, v) in entries {
                write_subfield(k, out, sizes, cursor, fds);
                write_subfield(v, out, sizes, cursor, fds);
            }
        }
    }
}

fn write_subfield(
    v: &Value,
    out: &mut Vec<u8>,
    sizes: &[usize],
    cursor: &mut usize,
    fds: &mut FdPolicy,
) {
    let n = match v {
        Value::Seq(_) | Value::Map(_) => sizes[*cursor],
        _ => v.scalar_len(),
    };
    write_len(out, n);
    write(v, out, sizes, cursor, fds);
}

impl Argdata<'_> {
    /// Re-encodes received bytes for passing on, renumbering their fds.
    ///
    /// Each fd node is resolved through this value's [`FdMapping`]
    /// (`FF FF FF FF` if it does not resolve) and written according to
    /// `fds`. Everything else, including malformed fd nodes and anything
    /// after a malformed subfield, is copied verbatim, so the output always
    /// has exactly the input's length and every length prefix stays valid.
    /// (The published crate wrote nothing for seqs and maps here and grew
    /// malformed fd nodes to 5 bytes.)
    ///
    /// [`FdMapping`]: crate::FdMapping
    pub fn reencode_into(&self, out: &mut Vec<u8>, mut fds: FdPolicy<'_>) {
        let base = out.len();
        out.extend_from_slice(self.as_bytes());
        let mapping = self.fd_mapping();
        let mut renumber = |raw: u32| match mapping.resolve(raw) {
            Some(fd) => fds.encode(fd),
            None => INVALID_ENCODED_FD,
        };
        // An explicit stack of unvisited subfield runs, so that hostile
        // nesting depth cannot overflow the call stack.
        let mut stack: Vec<(&[u8], usize)> = Vec::new();
        let out = &mut out[base..];
        visit(self.as_bytes(), 0, &mut stack, out, &mut renumber);
        while let Some((rest, at)) = stack.pop() {
            let Some((body, used)) = read_subfield(rest) else {
                continue;
            };
            if let Some(tail) = rest.get(used..).filter(|t| !t.is_empty()) {
                stack.push((tail, at + used));
            }
            visit(body, at + used - body.len(), &mut stack, out, &mut renumber);
        }
    }

    /// [`reencode_into`](Self::reencode_into) a new buffer, renumbering fds
    /// into a new table.
    pub fn reencode(&self) -> Encoded {
        let mut table = FdTable::new();
        let mut bytes = Vec::new();
        self.reencode_into(&mut bytes, FdPolicy::Renumber(&mut table));
        Encoded {
            bytes,
            fds: table.into_vec(),
        }
    }
}

/// Patches `node` (found at offset `at`) if it is a well-formed fd, or queues
/// its subfields if it is a container.
fn visit<'b>(
    node: &'b [u8],
    at: usize,
    stack: &mut Vec<(&'b [u8], usize)>,
    out: &mut [u8],
    renumber: &mut impl FnMut(u32) -> u32,
) {
    match node {
        [TAG_FD, a, b, c, d] => {
            let new = renumber(u32::from_be_bytes([*a, *b, *c, *d]));
            if let Some(slot) = out.get_mut(at + 1..at + 5) {
                slot.copy_from_slice(&new.to_be_bytes());
            }
        }
        [TAG_SEQ | TAG_MAP, payload @ ..] if !payload.is_empty() => stack.push((payload, at + 1)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FdMapping;

    #[test]
    fn renumbers_in_first_appearance_order() {
        let v = Value::seq([Fd::new(5), Fd::new(7), Fd::new(5)]);
        let e = v.encode();
        assert_eq!(
            e.bytes,
            [7, 0x85, 3, 0, 0, 0, 0, 0x85, 3, 0, 0, 0, 1, 0x85, 3, 0, 0, 0, 0]
        );
        assert_eq!(e.fds, [Fd::new(5), Fd::new(7)]);
        assert_eq!(
            v.encode_literal(),
            [7, 0x85, 3, 0, 0, 0, 5, 0x85, 3, 0, 0, 0, 7, 0x85, 3, 0, 0, 0, 5]
        );
    }

    #[test]
    fn invalid_fd_keeps_the_fd_tag() {
        let v = Value::Fd(Fd::INVALID);
        assert_eq!(v.encode().bytes, [3, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(v.encode().fds, []);
        assert_eq!(v.encode_literal(), [3, 0xff, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn float_uses_the_float_tag() {
        let v = Value::Float(1.5);
        assert_eq!(v.encode_literal(), [4, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn encoded_len_matches() {
        let v = Value::map([
            (
                Value::from("k"),
                Value::seq(vec![Value::from("a".repeat(200)); 3]),
            ),
            (Value::from(1), Value::Null),
        ]);
        assert_eq!(v.encoded_len(), v.encode_literal().len());
    }

    #[test]
    fn reencode_renumbers_like_c() {
        // The example from the C library: table {0 -> 10, 2 -> 12}.
        let input = [
            7, 0x85, 3, 0, 0, 0, 2, 0x85, 3, 0, 0, 0, 0, 0x85, 3, 0, 0, 0, 2,
        ];
        let f = |raw: u32| match raw {
            0 => Some(Fd::new(10)),
            2 => Some(Fd::new(12)),
            _ => None,
        };
        let e = Argdata::with_fds(&input, FdMapping::Func(&f)).reencode();
        assert_eq!(
            e.bytes,
            [7, 0x85, 3, 0, 0, 0, 0, 0x85, 3, 0, 0, 0, 1, 0x85, 3, 0, 0, 0, 0]
        );
        assert_eq!(e.fds, [Fd::new(12), Fd::new(10)]);
    }

    #[test]
    fn reencode_copies_malformed_parts_verbatim() {
        // A short fd node, a nested map with an fd, then a bad prefix.
        let input = [
            7, 0x83, 3, 0, 7, 0x88, 6, 0x80, 0x85, 3, 0, 0, 0, 1, 0x85, 3, 0, 0,
        ];
        let table = [Fd::new(10), Fd::new(11)];
        let e = Argdata::with_fds(&input, FdMapping::Table(&table)).reencode();
        let mut expected = input;
        expected[13] = 0;
        assert_eq!(e.bytes, expected);
        assert_eq!(e.fds, [Fd::new(11)]);
    }

    #[test]
    fn reencode_unresolved_fd_is_invalid() {
        let input = [3, 0, 0, 0, 9];
        let e = Argdata::new(&input).reencode();
        assert_eq!(e.bytes, [3, 0xff, 0xff, 0xff, 0xff]);
        let mut lit = Vec::new();
        Argdata::with_fds(&input, FdMapping::Identity).reencode_into(&mut lit, FdPolicy::Literal);
        assert_eq!(lit, input);
    }
}
