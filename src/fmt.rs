//! `cloudabi-gen fmt`: a spec in its canonical layout.
//!
//! The layout:
//! - one tab per nesting level; words on a line separated by one space;
//! - in a body of members (a struct, a named arm, a function's `in`, a syscall's `in` and
//!   `out` together) the names line up one space after the longest type, and in an integer
//!   type's values the names line up one space after the longest number;
//! - doc lines keep their text (`| ` and what follows, trailing spaces removed);
//! - comment lines are kept exactly as written (trailing spaces removed), where they are;
//! - one blank line before each top-level declaration (and the comments right above it),
//!   none inside a declaration, none at the start or end of the file.
//!
//! Only whitespace changes: the formatted spec declares the same ABI with the same docs,
//! and formatting it again changes nothing. The caller checks that the spec is valid first,
//! so the indentation is known to form a tree.

/// One line of the input, classified.
#[derive(Debug)]
enum Line<'a> {
    Blank,
    /// A `#` line, kept as written (without trailing spaces).
    Comment(&'a str),
    /// A doc, declaration, member or value line: its nesting depth and its text without
    /// the indentation.
    Code {
        depth: usize,
        text: &'a str,
    },
}

impl Line<'_> {
    fn depth(&self) -> Option<usize> {
        match self {
            Line::Code { depth, .. } => Some(*depth),
            _ => None,
        }
    }

    fn is_doc(&self) -> bool {
        matches!(self, Line::Code { text, .. } if text.starts_with('|'))
    }
}

/// The canonical layout of a spec's text.
pub fn format(text: &str) -> String {
    let lines = classify(text);
    let parents = parents(&lines);
    let columns = columns(&lines, &parents);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Blank => {
                if keeps_blank(&lines, i) && !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            Line::Comment(c) => {
                separate(&mut out, &lines, i);
                out.push_str(c);
                out.push('\n');
            }
            Line::Code { depth, text } => {
                separate(&mut out, &lines, i);
                for _ in 0..*depth {
                    out.push('\t');
                }
                write_code(&mut out, text, columns[i]);
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Splits the text into lines and works out each code line's depth the way the parser does:
/// a line nests under the previous one when its indentation extends that line's.
fn classify(text: &str) -> Vec<Line<'_>> {
    let mut stack: Vec<&str> = Vec::new();
    text.lines()
        .map(|raw| {
            let line = raw.trim_end();
            let body = line.trim_start();
            if body.is_empty() {
                return Line::Blank;
            }
            if body.starts_with('#') {
                return Line::Comment(line);
            }
            let indent = &line[..line.len() - body.len()];
            while stack
                .last()
                .is_some_and(|top| !(indent.len() > top.len() && indent.starts_with(top)))
            {
                stack.pop();
            }
            let depth = stack.len();
            stack.push(indent);
            Line::Code { depth, text: body }
        })
        .collect()
}

/// For each code line, the index of the line it nests under.
fn parents(lines: &[Line]) -> Vec<Option<usize>> {
    let mut open: Vec<usize> = Vec::new();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let depth = line.depth()?;
            open.truncate(depth);
            let parent = open.last().copied();
            open.push(i);
            parent
        })
        .collect()
}

/// Whether a blank line stays: only between top-level items, which comes out as one blank
/// line however many there were.
fn keeps_blank(lines: &[Line], i: usize) -> bool {
    match lines[i + 1..].iter().find(|l| !matches!(l, Line::Blank)) {
        // Comments belong to what follows them.
        Some(_) => next_item_depth(lines, i + 1) == Some(0),
        None => false,
    }
}

/// The depth of the first code line at or after `from`, skipping blanks and comments.
fn next_item_depth(lines: &[Line], from: usize) -> Option<usize> {
    lines[from..].iter().find_map(Line::depth)
}

/// Puts one blank line before a top-level declaration (or the comments right above it)
/// when the input had none there.
fn separate(out: &mut String, lines: &[Line], i: usize) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    let starts_item = match &lines[i] {
        // The first of a run of comments above a declaration.
        Line::Comment(_) => {
            !matches!(lines[i - 1], Line::Comment(_))
                && lines[i..]
                    .iter()
                    .find(|l| !matches!(l, Line::Comment(_)))
                    .is_some_and(is_declaration)
        }
        line => is_declaration(line) && !matches!(lines[i - 1], Line::Comment(_)),
    };
    if starts_item {
        out.push('\n');
    }
}

fn is_declaration(line: &Line) -> bool {
    line.depth() == Some(0) && !line.is_doc()
}

/// For each line, the column (in characters after the indentation) its last word starts
/// at when it is aligned with its siblings.
fn columns(lines: &[Line], parents: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut widest: Vec<Option<usize>> = vec![None; lines.len()];
    let mut aligned = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        let (Line::Code { text, .. }, Some(parent)) = (line, parents[i]) else {
            continue;
        };
        if !aligns(lines, parents, parent, text) {
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let head = words[..words.len() - 1]
            .iter()
            .map(|w| w.len())
            .sum::<usize>()
            + words.len().saturating_sub(2);
        let group = group(lines, parents, parent);
        widest[group] = Some(widest[group].map_or(head, |w| w.max(head)));
        aligned[i] = true;
    }
    (0..lines.len())
        .map(|i| {
            let group = group(lines, parents, parents[i]?);
            aligned[i].then(|| widest[group].map(|w| w + 1)).flatten()
        })
        .collect()
}

/// The line whose members align together: the parent, except that a syscall's `in` and
/// `out` align as one body.
fn group(lines: &[Line], parents: &[Option<usize>], parent: usize) -> usize {
    let section =
        matches!(&lines[parent], Line::Code { text, .. } if *text == "in" || *text == "out");
    match parents[parent] {
        Some(owner) if section && first_word(&lines[owner]) == Some("syscall") => owner,
        _ => parent,
    }
}

fn first_word<'a>(line: &Line<'a>) -> Option<&'a str> {
    match line {
        Line::Code { text, .. } => text.split_whitespace().next(),
        _ => None,
    }
}

/// Whether a line lines its last word up with its siblings: a member (`TYPE NAME`, not a
/// variant) in a body of members, or a value (`NUMBER NAME`) of an integer type.
fn aligns(lines: &[Line], parents: &[Option<usize>], parent: usize, text: &str) -> bool {
    let Line::Code {
        text: parent_text,
        depth: parent_depth,
    } = &lines[parent]
    else {
        return false;
    };
    let words = text.split_whitespace().count();
    if words < 2 || text.starts_with('|') || text.starts_with('@') {
        return false;
    }
    let keyword = parent_text.split_whitespace().next().unwrap_or("");
    let grandparent = parents[parent].and_then(|g| first_word(&lines[g]));
    match keyword {
        "enum" | "flags" | "opaque" | "alias" if *parent_depth == 0 => words == 2,
        "struct" => !text.starts_with("variant "),
        "in" => true,
        // A function's `out` holds a bare return type, not a member.
        "out" => grandparent == Some("syscall"),
        _ => false,
    }
}

/// Writes a code line's words with single spaces, the last one at `column` when aligned.
fn write_code(out: &mut String, text: &str, column: Option<usize>) {
    if text.starts_with('|') {
        out.push_str(text);
        return;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let start = out.len();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i + 1 == words.len() && i > 0 {
            if let Some(column) = column {
                let written = out[start..].chars().count();
                for _ in written..column {
                    out.push(' ');
                }
            }
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn members_and_values_line_up_and_blank_lines_are_canonical() {
        let messy = "\n\n# header\n| Root doc.\n\n\n\nenum   uint8 e\n\t| E.\n\n\t0 a\n\t\t| A.\n\t100   bb\n\t\t| B.\nstruct s  \n\t| S.\n\tuint8 x\n\t\t|   keeps its inner spacing\n\t\t# a comment, as written\n\tcrange char     name\n\t\t| N.\n\tvariant x\n\t\t0 a\n\t\t\tuint8 only\n\n\n";
        let want = "# header\n| Root doc.\n\nenum uint8 e\n\t| E.\n\t0   a\n\t\t| A.\n\t100 bb\n\t\t| B.\n\nstruct s\n\t| S.\n\tuint8       x\n\t\t|   keeps its inner spacing\n\t\t# a comment, as written\n\tcrange char name\n\t\t| N.\n\tvariant x\n\t\t0 a\n\t\t\tuint8 only\n";
        assert_eq!(format(messy), want);
        assert_eq!(format(want), want, "formatting is idempotent");
    }

    #[test]
    fn a_function_return_type_is_not_a_member() {
        let spec = "function f\n\t| F.\n\tin\n\t\tuint8 a\n\t\t\t| A.\n\t\tsize  bb\n\t\t\t| B.\n\tout\n\t\tptr void\n";
        let want = "function f\n\t| F.\n\tin\n\t\tuint8 a\n\t\t\t| A.\n\t\tsize  bb\n\t\t\t| B.\n\tout\n\t\tptr void\n";
        assert_eq!(format(spec), want);
    }

    #[test]
    fn comments_above_a_declaration_go_with_it() {
        let spec = "alias uint8 a\n\t| A.\n# about b\nalias uint8 b\n\t| B.\n";
        let want = "alias uint8 a\n\t| A.\n\n# about b\nalias uint8 b\n\t| B.\n";
        assert_eq!(format(spec), want);
    }
}

#[cfg(test)]
mod spec_tests {
    #[test]
    fn our_spec_is_canonical() {
        let formatted = super::format(crate::DEFAULT_SPEC);
        if formatted != crate::DEFAULT_SPEC {
            let first = formatted
                .lines()
                .zip(crate::DEFAULT_SPEC.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "spec/cloudabi.txt is not in canonical layout from line {}: {:?}",
                first + 1,
                formatted.lines().nth(first)
            );
        }
    }
}
