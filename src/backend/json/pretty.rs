//! serde_json's pretty layout (two spaces per level, `": "` after keys), written with fewer
//! and larger writes.
//!
//! serde_json's own `PrettyFormatter` writes a line's indentation one level at a time, a
//! two-byte write per level; the IR document nests ten levels deep and has some 20,000
//! lines, so that alone took about as long as everything else in serializing it. This
//! formatter writes the same bytes, each line's break and indentation in one slice.

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Spaces for the indentation of the deepest lines in one write; deeper ones (no IR
/// comes near) take several.
const SPACES: &[u8] = &[b' '; 64];

/// A [`Formatter`] whose output is byte for byte that of `serde_json::to_writer_pretty`.
#[derive(Default)]
pub(super) struct Pretty {
    /// Nesting depth: each level indents by two spaces.
    level: usize,
    /// Whether the array or object being closed has any element (an empty one closes on
    /// the same line: `[]`).
    has_value: bool,
}

impl Pretty {
    /// Ends the current line (after a comma when `comma`) and indents the next one.
    fn new_line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        let mut width = self.level * 2;
        while width > 0 {
            let chunk = width.min(SPACES.len());
            w.write_all(&SPACES[..chunk])?;
            width -= chunk;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// Serializes `value` with [`Pretty`].
    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
        value.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        // Empty and nested containers, and nesting deeper than one write of spaces.
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for i in 0..40 {
            deep = serde_json::json!({ "level": i, "inner": [deep, "x\n\"y\""], "empty": {} });
        }
        for value in [serde_json::json!([]), serde_json::json!({}), deep] {
            assert_eq!(
                pretty(&value),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
