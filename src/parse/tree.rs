//! Layer 1: lines → indentation tree. Comments and blank lines are dropped; spans are kept.
//!
//! A line is a child of the line before it when its indentation strictly extends that line's
//! indentation (compared as strings, so tabs and spaces may mix only consistently). A dedent
//! must land exactly on the indentation of an enclosing line.

use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

/// One non-blank, non-comment line and the lines nested under it.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// The line without its indentation and trailing whitespace.
    pub text: &'a str,
    pub span: Span,
    pub children: Vec<Node<'a>>,
}

/// Deeper nesting than the language ever needs is refused, which also bounds the recursion
/// of every later stage (and of dropping the tree) on hostile input.
pub const MAX_DEPTH: usize = 64;

/// A line in the first pass: where it sits, before the nested vectors are built.
struct Flat<'a> {
    text: &'a str,
    span: Span,
    /// Dropped with its subtree: badly indented, or under such a line.
    bad: bool,
    children: u32,
}

/// Builds the tree. A badly indented line is reported and dropped together with the lines
/// nested under it, so later stages do not report follow-on errors for it.
///
/// Two passes: the first finds each line's parent with a stack of open lines, the second
/// builds every child vector at its final size, so no vector grows or moves.
pub fn build<'a>(file: FileId, text: &'a str, diags: &mut Vec<Diagnostic>) -> Vec<Node<'a>> {
    let mut flat: Vec<Flat<'a>> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    // Open lines: (indentation, index in `flat`, badly indented).
    let mut stack: Vec<(&'a str, usize, bool)> = Vec::new();
    let mut roots = 0;
    let mut line_start = 0;
    while line_start < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |i| line_start + i);
        let (indent, content) = split_indent(&text[line_start..end]);
        if !content.is_empty() && !content.starts_with('#') {
            let start = line_start + indent.len();
            let indent_span = Span::new(file, line_start..start);
            let parent = place(&mut stack, indent, indent_span, diags);
            let parent_bad = parent.is_some_and(|p| p == usize::MAX || flat[p].bad);
            let bad = parent_bad || stack.len() >= MAX_DEPTH;
            if stack.len() >= MAX_DEPTH && !parent_bad {
                diags.push(
                    Diagnostic::error(
                        indent_span,
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                    )
                    .with_label("too deep"),
                );
            }
            match parent {
                Some(p) if p != usize::MAX => flat[p].children += u32::from(!bad),
                None => roots += usize::from(!bad),
                Some(_) => {}
            }
            stack.push((indent, flat.len(), parent == Some(usize::MAX)));
            flat.push(Flat {
                text: content,
                span: Span::new(file, start..start + content.len()),
                bad,
                children: 0,
            });
        }
        line_start = end + 1;
    }
    let mut lines = flat.into_iter().filter(|f| !f.bad);
    (0..roots).filter_map(|_| assemble(&mut lines)).collect()
}

/// Pops the lines `indent` closes and returns the parent of a line indented by `indent`:
/// `None` at the top level, `Some(usize::MAX)` when the indentation is invalid.
fn place(
    stack: &mut Vec<(&str, usize, bool)>,
    indent: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let mut dedented = false;
    while let Some(&(top, index, top_bad)) = stack.last() {
        if indent.len() > top.len() && indent.starts_with(top) {
            if dedented {
                diags.push(
                    Diagnostic::error(span, "invalid indentation: a dedent must return to the indentation of an enclosing line")
                        .with_label("does not match any enclosing line"),
                );
                return Some(usize::MAX);
            }
            return Some(index);
        }
        stack.pop();
        if indent == top {
            return stack.last().map(|&(_, parent, _)| parent);
        }
        // Leaving a badly indented line is not a dedent of its own: it was never a level.
        dedented |= !top_bad;
    }
    if indent.is_empty() {
        return None;
    }
    let what = if dedented {
        "does not match any enclosing line"
    } else {
        "is unexpected: a top-level declaration starts in column 1"
    };
    diags.push(
        Diagnostic::error(
            span,
            format!("invalid indentation: this indentation {what}"),
        )
        .with_label("indentation"),
    );
    Some(usize::MAX)
}

/// Takes the next line and, recursively, its children (depth is bounded by `MAX_DEPTH`).
fn assemble<'a>(lines: &mut impl Iterator<Item = Flat<'a>>) -> Option<Node<'a>> {
    let line = lines.next()?;
    let mut children = Vec::with_capacity(line.children as usize);
    for _ in 0..line.children {
        children.extend(assemble(lines));
    }
    Some(Node {
        text: line.text,
        span: line.span,
        children,
    })
}

/// Splits a line into its indentation (ASCII blanks) and its text without trailing blanks.
fn split_indent(line: &str) -> (&str, &str) {
    let bytes = line.as_bytes();
    let is_blank = |b: &u8| b.is_ascii_whitespace();
    let begin = bytes
        .iter()
        .position(|b| !is_blank(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_blank(b))
        .map_or(begin, |i| i + 1);
    (&line[..begin], &line[begin..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| {
                if n.children.is_empty() {
                    n.text.to_string()
                } else {
                    format!("{}({})", n.text, texts(&n.children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn tree(src: &str) -> (String, usize) {
        let mut diags = Vec::new();
        let nodes = build(FileId(0), src, &mut diags);
        (texts(&nodes), diags.len())
    }

    #[test]
    fn nests_by_indent_string() {
        assert_eq!(tree("a\n\tb\n\t\tc\n\td\ne\n"), ("a(b(c) d) e".into(), 0));
    }

    #[test]
    fn comments_and_blank_lines_are_dropped() {
        assert_eq!(
            tree("a\n\n  # note\n\tb # not a comment\n"),
            ("a(b # not a comment)".into(), 0)
        );
    }

    #[test]
    fn bad_dedent_is_reported_and_recovered() {
        let (t, n) = tree("a\n\t\tb\n\tc\nd\n");
        assert_eq!(n, 1);
        assert_eq!(t, "a(b) d");
    }

    #[test]
    fn indented_first_line_is_reported() {
        assert_eq!(tree("\ta\n").1, 1);
    }

    #[test]
    fn deep_nesting_is_refused_once_not_recursed_into() {
        let src: String = (0..10_000)
            .map(|d| format!("{}x\n", "\t".repeat(d)))
            .collect();
        let mut diags = Vec::new();
        let nodes = build(FileId(0), &src, &mut diags);
        assert_eq!(diags.len(), 1);
        let mut depth = 0;
        let mut node = &nodes[0];
        while let Some(child) = node.children.first() {
            node = child;
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH - 1);
    }

    #[test]
    fn spans_point_at_text() {
        let mut d = Vec::new();
        let nodes = build(FileId(0), "x\n\t  y  \r\n", &mut d);
        assert_eq!(nodes[0].children[0].span.range(), 5..6);
    }
}
