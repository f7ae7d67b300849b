//! The Markdown reference: one file per naming strategy, written from the page model
//! straight into one string. Anchors are `<a id>` tags holding the spec path, so links agree
//! between the files.

use super::code::{Code, Piece};
use super::model::{FieldRow, Group, Head, Item, Model, Ref, Section, What};
use super::naming::DocNaming;
use super::text::push_md_html;
use crate::ir::{Ir, Layout, Pair};
use std::fmt::Write;

/// The Markdown file of `model`, built with `naming`.
pub(super) fn render(ir: &Ir, naming: &dyn DocNaming, model: &Model) -> String {
    // The docs' text plus a few hundred bytes of headings and declarations per section.
    let docs: usize = sections(model).map(|s| s.doc.len() + 1000).sum();
    let mut out = String::with_capacity(4096 + model.intro.len() + 2 * docs);
    out.push_str(&super::html_banner(ir));
    out.push('\n');
    out.push_str(&model.intro);
    contents(&mut out, model);
    blank_line(&mut out);
    out.push_str("## System calls\n");
    for s in &model.syscalls {
        section(&mut out, naming, s);
    }
    blank_line(&mut out);
    out.push_str("## Types\n");
    for t in &model.types {
        section(&mut out, naming, t);
    }
    out
}

fn sections(model: &Model) -> impl Iterator<Item = &Section> {
    model.syscalls.iter().chain(&model.types)
}

/// Lists every syscall and type with the first paragraph of its doc.
fn contents(out: &mut String, model: &Model) {
    for (title, sections) in [("System calls", &model.syscalls), ("Types", &model.types)] {
        blank_line(out);
        out.push_str("**");
        out.push_str(title);
        out.push_str(":**\n\n");
        for s in sections.iter() {
            out.push_str("- ");
            link(out, &s.title, &s.anchor);
            out.push_str(": ");
            summary(out, &s.doc);
            out.push('\n');
        }
    }
}

/// Appends the first paragraph of a doc, on one line.
pub(super) fn summary(out: &mut String, doc: &str) {
    let lines = doc.lines().take_while(|l| !l.trim().is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line.trim());
    }
}

fn section(out: &mut String, naming: &dyn DocNaming, s: &Section) {
    blank_line(out);
    out.push_str("### ");
    anchor_tag(out, &s.anchor);
    out.push('`');
    out.push_str(&s.title);
    out.push_str("`\n\n*");
    facts(out, s);
    out.push_str("*\n");
    if !s.doc.is_empty() {
        out.push('\n');
        out.push_str(&s.doc);
    }
    if let Some(sig) = &s.signature {
        blank_line(out);
        out.push_str("```");
        out.push_str(naming.fence());
        out.push('\n');
        plain(out, sig);
        out.push_str("\n```\n");
    }
    if !s.used_by.is_empty() {
        blank_line(out);
        out.push_str("Used by ");
        refs(out, &s.used_by, "and");
        out.push_str(".\n");
    }
    for g in &s.groups {
        group(out, g);
    }
    if let What::Syscall { noreturn: true, .. } = s.what {
        blank_line(out);
        out.push_str("Does not return.\n");
    }
    if let (Some(layout), false) = (s.layout, s.fields.is_empty()) {
        layout_table(out, &s.fields, layout);
    }
}

/// The kind and size line under a heading.
fn facts(out: &mut String, s: &Section) {
    match &s.what {
        What::Syscall { number, .. } => {
            let _ = write!(out, "System call number {number}.");
        }
        What::IntLike { base, .. } => {
            capitalized(out, s.what.describe());
            out.push_str(" over `");
            plain(out, base);
            out.push_str("`.");
        }
        What::Struct | What::Function => {
            capitalized(out, s.what.describe());
            out.push('.');
        }
    }
    if let Some(layout) = s.layout {
        out.push(' ');
        size_text(out, layout);
    }
}

/// `Size 8; alignment 8.` or, when the machines differ, both numbers.
fn size_text(out: &mut String, layout: Layout) {
    let pair = |out: &mut String, p: Pair<u64>| {
        let _ = if p.differs() {
            write!(out, "{} on 32-bit, {} on 64-bit", p.m32, p.m64)
        } else {
            write!(out, "{}", p.m32)
        };
    };
    out.push_str("Size ");
    pair(out, layout.size);
    out.push_str("; alignment ");
    pair(out, layout.align);
    out.push('.');
}

fn capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// A code fragment as plain text.
fn plain(out: &mut String, code: &Code) {
    for piece in &code.0 {
        out.push_str(match piece {
            Piece::Text(s) | Piece::Name(s) => s,
            Piece::Link { text, .. } => text,
        });
    }
}

/// `` [`label`](#anchor) ``
fn link(out: &mut String, label: &str, anchor: &str) {
    out.push_str("[`");
    out.push_str(label);
    out.push_str("`](#");
    out.push_str(anchor);
    out.push(')');
}

fn anchor_tag(out: &mut String, anchor: &str) {
    out.push_str("<a id=\"");
    out.push_str(anchor);
    out.push_str("\"></a>");
}

/// `a`, `a and b`, `a, b and c`, each a link.
fn refs(out: &mut String, refs: &[Ref], conjunction: &str) {
    for (i, r) in refs.iter().enumerate() {
        if i + 1 == refs.len() && i > 0 {
            out.push(' ');
            out.push_str(conjunction);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        link(out, &r.label, &r.anchor);
    }
}

fn group(out: &mut String, g: &Group) {
    blank_line(out);
    out.push_str("**");
    out.push_str(g.title);
    out.push_str(":**\n");
    for item in &g.items {
        write_item(out, item, 0);
    }
}

/// Ends what came before with an empty line, so the next block starts a new paragraph.
fn blank_line(out: &mut String) {
    while !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Four spaces per nesting level.
fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

fn write_item(out: &mut String, item: &Item, depth: usize) {
    blank_line(out);
    indent(out, depth);
    out.push_str("- ");
    if let Some(a) = &item.anchor {
        anchor_tag(out, a);
    }
    head(out, &item.head);
    out.push('\n');
    if !item.doc.is_empty() {
        blank_line(out);
        indented(out, &item.doc, depth + 1);
    }
    for child in &item.children {
        write_item(out, child, depth + 1);
    }
}

fn indented(out: &mut String, text: &str, depth: usize) {
    for line in text.lines() {
        if !line.trim().is_empty() {
            indent(out, depth);
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn head(out: &mut String, h: &Head) {
    match h {
        Head::Decl(decls) => {
            for (i, d) in decls.iter().enumerate() {
                if i > 0 {
                    out.push_str(" and ");
                }
                code(out, d);
            }
        }
        Head::Value { name, literal } => {
            out.push('`');
            out.push_str(name);
            out.push_str("` = `");
            out.push_str(literal);
            out.push('`');
        }
        Head::Use(r) => link(out, &r.label, &r.anchor),
        Head::When { tag, values } => {
            out.push_str("When `");
            out.push_str(tag);
            out.push_str("` is ");
            refs(out, values, "or");
            out.push(':');
        }
        Head::Returns(c) => code(out, c),
    }
}

/// A code fragment as inline HTML, with links to documented types and the name in bold.
fn code(out: &mut String, c: &Code) {
    out.push_str("<code>");
    for piece in &c.0 {
        match piece {
            Piece::Text(t) => push_md_html(out, t),
            Piece::Name(n) => {
                out.push_str("<strong>");
                push_md_html(out, n);
                out.push_str("</strong>");
            }
            Piece::Link { text, anchor } => {
                out.push('[');
                push_md_html(out, text);
                out.push_str("](#");
                out.push_str(anchor);
                out.push(')');
            }
        }
    }
    out.push_str("</code>");
}

fn layout_table(out: &mut String, fields: &[FieldRow], layout: Layout) {
    blank_line(out);
    out.push_str("**Layout:**\n\n");
    out.push_str("| Member | 32-bit offset | 32-bit size | 64-bit offset | 64-bit size |\n");
    out.push_str("|:--|--:|--:|--:|--:|\n");
    for f in fields {
        out.push_str("| ");
        link(out, &f.path, &f.anchor);
        let _ = writeln!(
            out,
            " | {} | {} | {} | {} |",
            f.offset.m32, f.size.m32, f.offset.m64, f.size.m64
        );
    }
    let _ = writeln!(
        out,
        "| *whole struct* | | {} (align {}) | | {} (align {}) |",
        layout.size.m32, layout.align.m32, layout.size.m64, layout.align.m64
    );
}
