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

struct Open<'a> {
    indent: &'a str,
    node: Node<'a>,
    /// Badly indented: reported, then dropped with everything nested under it, so its
    /// contents cause no follow-on errors in the wrong place.
    bad: bool,
}

/// Builds the tree. A badly indented line is reported and dropped together with the lines
/// nested under it, so later stages do not report follow-on errors for it.
pub fn build<'a>(file: FileId, text: &'a str, diags: &mut Vec<Diagnostic>) -> Vec<Node<'a>> {
    let mut roots = Vec::new();
    let mut stack: Vec<Open<'a>> = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..end];
        let (indent, content) = split_indent(line);
        if !content.is_empty() && !content.starts_with('#') {
            let start = line_start + indent.len();
            let node = Node {
                text: content,
                span: Span::new(file, start..start + content.len()),
                children: Vec::new(),
            };
            place(&mut stack, &mut roots, indent, node, line_start, diags);
        }
        line_start = end + 1;
    }
    while let Some(open) = stack.pop() {
        attach(&mut stack, &mut roots, open);
    }
    roots
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

fn place<'a>(
    stack: &mut Vec<Open<'a>>,
    roots: &mut Vec<Node<'a>>,
    indent: &'a str,
    node: Node<'a>,
    line_start: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let mut dedented = false;
    loop {
        let Some(top) = stack.last() else {
            if !indent.is_empty() {
                let span = Span::new(node.span.file, line_start..line_start + indent.len());
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
            }
            let bad = !indent.is_empty();
            stack.push(Open { indent, node, bad });
            return;
        };
        if indent == top.indent {
            let sibling = stack.pop().expect("checked above");
            attach(stack, roots, sibling);
            stack.push(Open {
                indent,
                node,
                bad: false,
            });
            return;
        }
        if indent.starts_with(top.indent) {
            if dedented {
                let span = Span::new(node.span.file, line_start..line_start + indent.len());
                diags.push(
                    Diagnostic::error(
                        span,
                        "invalid indentation: a dedent must return to the indentation of an enclosing line",
                    )
                    .with_label("does not match any enclosing line"),
                );
            }
            stack.push(Open {
                indent,
                node,
                bad: dedented,
            });
            return;
        }
        let closed = stack.pop().expect("checked above");
        let was_bad = closed.bad;
        attach(stack, roots, closed);
        // Leaving a badly indented line is not a dedent of its own: it was never a level.
        dedented |= !was_bad;
    }
}

fn attach<'a>(stack: &mut [Open<'a>], roots: &mut Vec<Node<'a>>, open: Open<'a>) {
    if open.bad {
        return;
    }
    match stack.last_mut() {
        Some(parent) => parent.node.children.push(open.node),
        None => roots.push(open.node),
    }
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
    fn spans_point_at_text() {
        let mut d = Vec::new();
        let nodes = build(FileId(0), "x\n\t  y  \r\n", &mut d);
        assert_eq!(nodes[0].children[0].span.range(), 5..6);
    }
}
