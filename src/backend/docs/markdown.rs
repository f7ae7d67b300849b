//! The Markdown reference: one file per naming strategy, rendered from the page model.
//! Anchors are `<a id>` tags holding the spec path, so links agree between the files.

use super::code::{Code, Piece};
use super::model::{FieldRow, Group, Head, Item, Model, Ref, Section, What};
use super::naming::DocNaming;
use super::text::escape_md_html;
use crate::ir::{Ir, Layout};
use std::fmt::Write;

/// The Markdown file of `model`, built with `naming`.
pub(super) fn render(ir: &Ir, naming: &dyn DocNaming, model: &Model) -> String {
    let mut out = super::html_banner(ir);
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

/// Lists every syscall and type with the first paragraph of its doc.
fn contents(out: &mut String, model: &Model) {
    for (title, sections) in [("System calls", &model.syscalls), ("Types", &model.types)] {
        blank_line(out);
        let _ = writeln!(out, "**{title}:**\n");
        for s in sections.iter() {
            let _ = writeln!(out, "- [`{}`](#{}): {}", s.title, s.anchor, summary(&s.doc));
        }
    }
}

/// The first paragraph of a doc, on one line.
pub(super) fn summary(doc: &str) -> String {
    let para: Vec<&str> = doc
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    para.join(" ")
}

fn section(out: &mut String, naming: &dyn DocNaming, s: &Section) {
    blank_line(out);
    let _ = writeln!(out, "### <a id=\"{}\"></a>`{}`\n", s.anchor, s.title);
    let _ = writeln!(out, "*{}*", facts(s));
    if !s.doc.is_empty() {
        let _ = write!(out, "\n{}", s.doc);
    }
    if let Some(sig) = &s.signature {
        blank_line(out);
        let _ = write!(out, "```{}\n{}\n```\n", naming.fence(), sig.plain());
    }
    if !s.used_by.is_empty() {
        blank_line(out);
        let _ = writeln!(out, "Used by {}.", refs(&s.used_by, "and"));
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
pub(super) fn facts(s: &Section) -> String {
    let mut text = match &s.what {
        What::Syscall { number, .. } => format!("System call number {number}."),
        What::IntLike { base, .. } => {
            format!("{} over `{}`.", capitalize(s.what.describe()), base.plain())
        }
        What::Struct | What::Function => format!("{}.", capitalize(s.what.describe())),
    };
    if let Some(layout) = s.layout {
        text.push(' ');
        text.push_str(&size_text(layout));
    }
    text
}

/// `Size 8, alignment 8.` or, when the machines differ, both numbers.
pub(super) fn size_text(layout: Layout) -> String {
    let pair = |p: crate::ir::Pair<u64>| {
        if p.differs() {
            format!("{} on 32-bit, {} on 64-bit", p.m32, p.m64)
        } else {
            p.m32.to_string()
        }
    };
    format!(
        "Size {}; alignment {}.",
        pair(layout.size),
        pair(layout.align)
    )
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// `a`, `a and b`, `a, b and c`, each a link.
fn refs(refs: &[Ref], conjunction: &str) -> String {
    let links: Vec<String> = refs
        .iter()
        .map(|r| format!("[`{}`](#{})", r.label, r.anchor))
        .collect();
    match links.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

fn group(out: &mut String, g: &Group) {
    blank_line(out);
    let _ = writeln!(out, "**{}:**", g.title);
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

fn write_item(out: &mut String, item: &Item, depth: usize) {
    let indent = "    ".repeat(depth);
    let anchor = item
        .anchor
        .as_ref()
        .map_or_else(String::new, |a| format!("<a id=\"{a}\"></a>"));
    blank_line(out);
    let _ = writeln!(out, "{indent}- {anchor}{}", head(&item.head));
    if !item.doc.is_empty() {
        blank_line(out);
        indented(out, &item.doc, depth + 1);
    }
    for child in &item.children {
        write_item(out, child, depth + 1);
    }
}

fn indented(out: &mut String, text: &str, depth: usize) {
    let indent = "    ".repeat(depth);
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}

fn head(h: &Head) -> String {
    match h {
        Head::Decl(decls) => {
            let decls: Vec<String> = decls.iter().map(code).collect();
            decls.join(" and ")
        }
        Head::Value { name, literal } => format!("`{name}` = `{literal}`"),
        Head::Use(r) => format!("[`{}`](#{})", r.label, r.anchor),
        Head::When { tag, values } => format!("When `{tag}` is {}:", refs(values, "or")),
        Head::Returns(c) => code(c),
    }
}

/// A code fragment as inline HTML, with links to documented types and the name in bold.
fn code(c: &Code) -> String {
    let mut s = String::from("<code>");
    for piece in &c.0 {
        match piece {
            Piece::Text(t) => s.push_str(&escape_md_html(t)),
            Piece::Name(n) => {
                let _ = write!(s, "<strong>{}</strong>", escape_md_html(n));
            }
            Piece::Link { text, anchor } => {
                let _ = write!(s, "[{}](#{anchor})", escape_md_html(text));
            }
        }
    }
    s.push_str("</code>");
    s
}

fn layout_table(out: &mut String, fields: &[FieldRow], layout: Layout) {
    blank_line(out);
    out.push_str("**Layout:**\n\n");
    out.push_str("| Member | 32-bit offset | 32-bit size | 64-bit offset | 64-bit size |\n");
    out.push_str("|:--|--:|--:|--:|--:|\n");
    for f in fields {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} | {} | {} |",
            f.path, f.anchor, f.offset.m32, f.size.m32, f.offset.m64, f.size.m64
        );
    }
    let _ = writeln!(
        out,
        "| *whole struct* | | {} (align {}) | | {} (align {}) |",
        layout.size.m32, layout.align.m32, layout.size.m64, layout.align.m64
    );
}
