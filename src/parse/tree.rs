//! Layer 1: lines → indentation tree. Comments and blank lines are dropped; spans are kept.
//!
//! A line is a child of the line before it when its indentation strictly extends that line's
//! indentation (compared as strings, so tabs and spaces may mix only consistently). A dedent
//! must land exactly on the indentation of an enclosing line.

use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

/// One non-blank, non-comment line. Its nested lines are [`Tree::children`].
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    /// The line without its indentation and trailing whitespace.
    pub text: &'a str,
    pub span: Span,
    /// Where the children sit in the tree's node array: start and count.
    children: (u32, u32),
}

/// All lines in one array, laid out so that the children of every line are contiguous
/// (breadth-first): any line's children are a plain slice, and building or dropping the
/// tree costs one allocation however many lines there are.
#[derive(Debug, Clone, Default)]
pub struct Tree<'a> {
    source: &'a str,
    nodes: Vec<Node<'a>>,
    roots: u32,
}

impl<'a> Tree<'a> {
    /// The text the tree was built from; spans index into it.
    pub fn source(&self) -> &'a str {
        self.source
    }

    pub fn roots(&self) -> &[Node<'a>] {
        &self.nodes[..self.roots as usize]
    }

    pub fn children(&self, node: &Node<'a>) -> &[Node<'a>] {
        let (start, len) = node.children;
        &self.nodes[start as usize..(start + len) as usize]
    }
}

/// Deeper nesting than the language ever needs is refused, which also bounds the recursion
/// of every later stage (and of dropping the tree) on hostile input.
pub const MAX_DEPTH: usize = 64;

/// A line in the first pass, in file order, linked to its parent's other children.
struct Flat<'a> {
    text: &'a str,
    span: Span,
    /// Dropped with its subtree: badly indented, or under such a line.
    bad: bool,
    // Indices in `flat` as u32: the first pass's array of a 50 KB spec then stays under
    // the allocator's threshold for a mapping of its own (fresh pages, unmapped after).
    first_child: Option<u32>,
    last_child: Option<u32>,
    next_sibling: Option<u32>,
}

/// Builds the tree. A badly indented line is reported and dropped together with the lines
/// nested under it, so later stages do not report follow-on errors for it.
///
/// Two passes: the first finds each line's parent with a stack of open lines, the second
/// builds every child vector at its final size, so no vector grows or moves.
pub fn build<'a>(file: FileId, text: &'a str, diags: &mut Vec<Diagnostic>) -> Tree<'a> {
    // Spec lines average about 30 bytes: reserving a little more is cheaper than counting.
    let mut flat: Vec<Flat<'a>> = Vec::with_capacity(text.len() / 24 + 1);
    // Open lines: (indentation, index in `flat`, badly indented).
    let mut stack: Vec<(&'a str, usize, bool)> = Vec::new();
    let (mut first_root, mut last_root): (Option<u32>, Option<u32>) = (None, None);
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
            let index = flat.len();
            if !bad {
                let index = index as u32;
                let previous = match parent {
                    Some(p) => {
                        flat[p].first_child.get_or_insert(index);
                        flat[p].last_child.replace(index)
                    }
                    None => {
                        first_root.get_or_insert(index);
                        last_root.replace(index)
                    }
                };
                if let Some(prev) = previous {
                    flat[prev as usize].next_sibling = Some(index);
                }
            }
            stack.push((indent, index, parent == Some(usize::MAX)));
            let span = Span::new(file, start..start + content.len());
            flat.push(Flat {
                text: content,
                span,
                bad,
                first_child: None,
                last_child: None,
                next_sibling: None,
            });
        }
        line_start = end + 1;
    }
    breadth_first(text, &flat, first_root)
}

/// Lays the kept lines out breadth-first, so each line's children are contiguous.
fn breadth_first<'a>(source: &'a str, flat: &[Flat<'a>], first_root: Option<u32>) -> Tree<'a> {
    let siblings =
        |first: Option<u32>| std::iter::successors(first, |&i| flat[i as usize].next_sibling);
    let mut order: Vec<u32> = siblings(first_root).collect();
    let roots = order.len() as u32;
    let mut nodes = Vec::with_capacity(flat.len());
    let mut next = 0;
    while next < order.len() {
        let line = &flat[order[next] as usize];
        let start = order.len() as u32;
        order.extend(siblings(line.first_child));
        let count = order.len() as u32 - start;
        nodes.push(Node {
            text: line.text,
            span: line.span,
            children: (start, count),
        });
        next += 1;
    }
    Tree {
        source,
        nodes,
        roots,
    }
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

    fn texts(tree: &Tree, nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| {
                if tree.children(n).is_empty() {
                    n.text.to_string()
                } else {
                    format!("{}({})", n.text, texts(tree, tree.children(n)))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn tree(src: &str) -> (String, usize) {
        let mut diags = Vec::new();
        let tree = build(FileId(0), src, &mut diags);
        (texts(&tree, tree.roots()), diags.len())
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
        let tree = build(FileId(0), &src, &mut diags);
        assert_eq!(diags.len(), 1);
        let mut depth = 0;
        let mut node = &tree.roots()[0];
        while let Some(child) = tree.children(node).first() {
            node = child;
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH - 1);
    }

    #[test]
    fn spans_point_at_text() {
        let mut d = Vec::new();
        let tree = build(FileId(0), "x\n\t  y  \r\n", &mut d);
        assert_eq!(tree.children(&tree.roots()[0])[0].span.range(), 5..6);
    }
}
