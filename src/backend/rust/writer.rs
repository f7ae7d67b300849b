//! A small source writer for Rust: lines at the current indentation, doc comments, and the
//! few layout decisions that depend on width, made the way rustfmt makes them (default
//! configuration, 100 columns), so that the generated crate is rustfmt-clean without
//! being parsed and printed again.
//!
//! Only the constructs the backend emits are covered: function signatures, argument and
//! element lists, and `let x = match f(..) {` heads. Everything else is written in a shape
//! rustfmt leaves as it is (blocks on their own lines, no `if`/`else` on one line).

use std::fmt::Write as _;

/// rustfmt's `max_width`.
pub(crate) const MAX_WIDTH: usize = 100;
/// rustfmt's `fn_call_width`: the widest argument list kept on one line.
pub(crate) const CALL_WIDTH: usize = 60;
/// rustfmt's `array_width`: the widest array literal kept on one line.
pub(crate) const ARRAY_WIDTH: usize = 60;
/// rustfmt's `chain_width`: the widest method chain kept on one line.
pub(crate) const CHAIN_WIDTH: usize = 60;

const INDENT: &str = "    ";

/// How a function signature ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SigEnd {
    /// ` {`: a body follows (the writer indents for it).
    Body,
    /// `;`: a declaration in a trait or an `extern` block.
    Decl,
}

/// Rust text under construction.
pub(crate) struct RustWriter {
    out: String,
    indent: usize,
}

impl RustWriter {
    /// A writer whose text starts with `capacity` bytes reserved.
    pub(crate) fn with_capacity(capacity: usize) -> RustWriter {
        RustWriter {
            out: String::with_capacity(capacity),
            indent: 0,
        }
    }

    /// A writer for a piece of text that will be copied into this one at its current
    /// indentation.
    pub(crate) fn nested(&self) -> RustWriter {
        RustWriter {
            out: String::new(),
            indent: self.indent,
        }
    }

    /// The text written so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Columns taken by the current indentation.
    pub(crate) fn indent_width(&self) -> usize {
        self.indent * INDENT.len()
    }

    fn push_indent(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str(INDENT);
        }
    }

    /// Goes one level deeper, as after a block opened in raw text.
    pub(crate) fn indent_in(&mut self) {
        self.indent += 1;
    }

    /// One line at the current indentation.
    pub(crate) fn line(&mut self, text: &str) {
        self.push_indent();
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// One line made of pieces, at the current indentation.
    pub(crate) fn line_of(&mut self, pieces: &[&str]) {
        self.push_indent();
        pieces.iter().for_each(|p| self.out.push_str(p));
        self.out.push('\n');
    }

    /// A formatted line at the current indentation.
    pub(crate) fn line_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        self.push_indent();
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    /// An empty line.
    pub(crate) fn blank(&mut self) {
        self.out.push('\n');
    }

    /// Text copied as it is (already indented, each line ending in a newline).
    pub(crate) fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// A line that opens a block (`... {`): what follows is indented one more level.
    pub(crate) fn open(&mut self, text: &str) {
        self.line(text);
        self.indent += 1;
    }

    /// [`RustWriter::open`] with a formatted line.
    pub(crate) fn open_fmt(&mut self, args: std::fmt::Arguments<'_>) {
        self.line_fmt(args);
        self.indent += 1;
    }

    /// A line that closes a block (`}`, `};`, `})`), one level out.
    pub(crate) fn close(&mut self, text: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.line(text);
    }

    /// `// SAFETY:` and the reasons an unsafe block that follows is sound, one comment line
    /// each (the first after the marker).
    pub(crate) fn safety(&mut self, reasons: &[&str]) {
        for (i, line) in reasons.iter().enumerate() {
            let marker = if i == 0 { "// SAFETY: " } else { "// " };
            self.line_of(&[marker, line]);
        }
    }

    /// An `unsafe {` block, after its `// SAFETY:` comment, around statements that follow
    /// (closed with `close("}")`). Used for the bodies of `unsafe fn`s, whose operations need
    /// a block of their own under `unsafe_op_in_unsafe_fn`; the block must hold more than a
    /// single expression, which rustfmt would join onto one line (see [`Self::unsafe_call`]).
    pub(crate) fn open_unsafe(&mut self, reasons: &[&str]) {
        self.safety(reasons);
        self.open("unsafe {");
    }

    /// `unsafe { head(args) }tail` after its `// SAFETY:` comment: on one line when the call
    /// fits on one, as rustfmt joins a block of one expression; else the block on lines of
    /// its own around the call.
    pub(crate) fn unsafe_call<S: AsRef<str>>(
        &mut self,
        reasons: &[&str],
        head: &str,
        args: &[S],
        tail: &str,
    ) {
        self.safety(reasons);
        let width = joined_width(args);
        let one_line = "unsafe { ".len() + head.len() + width + 2 + " }".len() + tail.len();
        if width <= CALL_WIDTH && self.fits(one_line) {
            self.push_indent();
            self.out.push_str("unsafe { ");
            self.out.push_str(head);
            self.out.push('(');
            push_joined(&mut self.out, args);
            self.out.push_str(") }");
            self.out.push_str(tail);
            self.out.push('\n');
            return;
        }
        self.open("unsafe {");
        self.call(head, args, "");
        self.indent -= 1;
        self.line_of(&["}", tail]);
    }

    /// Outer doc comment lines (`///`); an empty line is a bare `///`.
    pub(crate) fn doc<S: AsRef<str>>(&mut self, lines: &[S]) {
        self.comment_lines("///", lines.iter().map(AsRef::as_ref));
    }

    /// [`Self::doc`] for each line of a text, trailing blank lines left out: a spec doc as
    /// rendered, commented without first being split into a `String` per line.
    pub(crate) fn doc_text(&mut self, text: &str) {
        self.comment_lines("///", text.trim_end().lines());
    }

    /// Inner doc comment lines (`//!`).
    pub(crate) fn inner_doc<S: AsRef<str>>(&mut self, lines: &[S]) {
        self.comment_lines("//!", lines.iter().map(AsRef::as_ref));
    }

    fn comment_lines<'a>(&mut self, marker: &str, lines: impl Iterator<Item = &'a str>) {
        for line in lines {
            let line = line.trim_end();
            self.push_indent();
            self.out.push_str(marker);
            if !line.is_empty() {
                self.out.push(' ');
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
    }

    /// Whether `width` more columns fit on a line at the current indentation.
    pub(crate) fn fits(&self, width: usize) -> bool {
        self.indent_width() + width <= MAX_WIDTH
    }

    /// `head(items)tail` on one line when the items take at most `limit` columns and the
    /// line fits; else `head(`, one item per line with a trailing comma, and `)tail`.
    /// `open` and `close` are the brackets (`(`/`)` or `[`/`]`).
    pub(crate) fn list<S: AsRef<str>>(
        &mut self,
        head: &str,
        (open, close): (&str, &str),
        items: &[S],
        tail: &str,
        limit: usize,
    ) {
        let width = joined_width(items);
        if width <= limit && self.fits(head.len() + open.len() + width + close.len() + tail.len()) {
            self.push_indent();
            self.out.push_str(head);
            self.out.push_str(open);
            push_joined(&mut self.out, items);
            self.out.push_str(close);
            self.out.push_str(tail);
            self.out.push('\n');
            return;
        }
        self.line_of(&[head, open]);
        self.indent += 1;
        for item in items {
            self.line_of(&[item.as_ref(), ","]);
        }
        self.indent -= 1;
        self.line_of(&[close, tail]);
    }

    /// A call statement or expression line: `head(args)tail`, laid out as rustfmt lays out
    /// calls whose arguments are simple (no closures or blocks to overflow).
    pub(crate) fn call<S: AsRef<str>>(&mut self, head: &str, args: &[S], tail: &str) {
        self.list(head, ("(", ")"), args, tail, CALL_WIDTH);
    }

    /// `head(arg)tail` for a macro whose one argument is a simple expression: on one line
    /// when it fits, else the argument on a line of its own (rustfmt adds no trailing comma
    /// inside a macro's parentheses).
    pub(crate) fn macro_call(&mut self, head: &str, arg: &str, tail: &str) {
        if self.fits(head.len() + arg.len() + 2 + tail.len()) {
            self.line_of(&[head, "(", arg, ")", tail]);
            return;
        }
        self.line_of(&[head, "("]);
        self.indent += 1;
        self.line(arg);
        self.indent -= 1;
        self.line_of(&[")", tail]);
    }

    /// A function signature: `head(params) -> ret {` or `... ;`, on one line when it fits,
    /// else with the return type on a line of its own (a declaration exactly one column
    /// too long), else with one parameter per line. `ret` is empty for `()`. A body is
    /// opened (indented) after `{`.
    pub(crate) fn signature<S: AsRef<str>>(
        &mut self,
        head: &str,
        params: &[S],
        ret: &str,
        end: SigEnd,
    ) {
        let arrow = if ret.is_empty() { 0 } else { 4 + ret.len() };
        let end_text = match end {
            SigEnd::Body => " {",
            SigEnd::Decl => ";",
        };
        let one_line = self.indent_width() + head.len() + joined_width(params) + 2 + arrow;
        let limit = match end {
            SigEnd::Body => MAX_WIDTH,
            // rustfmt reserves a column for ` {` after a declaration's return type too.
            SigEnd::Decl if ret.is_empty() => MAX_WIDTH,
            SigEnd::Decl => MAX_WIDTH - 1,
        };
        if one_line + end_text.len() <= limit || params.is_empty() {
            self.push_indent();
            self.out.push_str(head);
            self.out.push('(');
            push_joined(&mut self.out, params);
            self.out.push(')');
            if !ret.is_empty() {
                self.out.push_str(" -> ");
                self.out.push_str(ret);
            }
            self.out.push_str(end_text);
            self.out.push('\n');
        } else if end == SigEnd::Decl && !ret.is_empty() && one_line + 1 == MAX_WIDTH {
            self.push_indent();
            self.out.push_str(head);
            self.out.push('(');
            push_joined(&mut self.out, params);
            self.out.push_str(")\n");
            self.indent += 1;
            self.line_of(&["-> ", ret, end_text]);
            self.indent -= 1;
        } else {
            self.line_of(&[head, "("]);
            self.indent += 1;
            for p in params {
                self.line_of(&[p.as_ref(), ","]);
            }
            self.indent -= 1;
            if ret.is_empty() {
                self.line_of(&[")", end_text]);
            } else {
                self.line_of(&[") -> ", ret, end_text]);
            }
        }
        if end == SigEnd::Body {
            self.indent += 1;
        }
    }
}

/// Columns taken by items joined with `, `.
pub(crate) fn joined_width<S: AsRef<str>>(items: &[S]) -> usize {
    let text: usize = items.iter().map(|i| i.as_ref().len()).sum();
    text + items.len().saturating_sub(1) * 2
}

/// Appends items joined with `, `.
pub(crate) fn push_joined<S: AsRef<str>>(out: &mut String, items: &[S]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_break_where_rustfmt_breaks_them() {
        let mut w = RustWriter::with_capacity(0);
        w.signature("fn short", &["a: u8"], "u8", SigEnd::Decl);
        let long = "p".repeat(90);
        w.signature("fn long", &[long.as_str(), "b: u8"], "", SigEnd::Body);
        w.line("x");
        w.close("}");
        assert_eq!(
            w.finish(),
            format!("fn short(a: u8) -> u8;\nfn long(\n    {long},\n    b: u8,\n) {{\n    x\n}}\n")
        );
    }

    #[test]
    fn a_declaration_one_column_too_long_moves_its_return_type() {
        let mut w = RustWriter::with_capacity(0);
        w.indent = 1;
        // `    fn f(a: ...) -> R;` is exactly 100 columns.
        let param = format!(
            "a: {}",
            "T".repeat(100 - "    fn f(".len() - ") -> RRRR;".len() - 3)
        );
        w.signature("fn f", &[param.as_str()], "RRRR", SigEnd::Decl);
        assert_eq!(w.finish(), format!("    fn f({param})\n        -> RRRR;\n"));
    }

    #[test]
    fn lists_go_vertical_past_their_width() {
        let mut w = RustWriter::with_capacity(0);
        w.call("f", &["a", "b"], ";");
        let many: Vec<String> = (0..12).map(|i| format!("arg{i}")).collect();
        w.call("g", &many, ";");
        let text = w.finish();
        assert!(text.starts_with("f(a, b);\ng(\n    arg0,\n"));
        assert!(text.ends_with("    arg11,\n);\n"));
    }
}
