//! The HTML site: one self-contained page (plus its stylesheet and script) with a sidebar
//! that filters names, a section per syscall and per type, C and Rust signatures side by
//! side (switchable), and a 32/64-bit layout table per struct. Works from `file://`: no
//! network assets, no modules, only relative links.

use super::highlight;
use super::html_items;
use super::markdown::summary;
use super::model::{FieldRow, Model, Ref, Section, What};
use super::text::{push_html as escape, push_html_numeric as escape_value};
use crate::backend::OutputFile;
use crate::ir::{IntLikeKind, Ir, Layout};
use std::fmt::Write;

const STYLE: &str = include_str!("../../../templates/docs/style.css");
const SCRIPT: &str = include_str!("../../../templates/docs/search.js");

/// The files of the site, under `docs/html/`, from the models of the spec's, C's and
/// Rust's naming.
pub(super) fn render(ir: &Ir, spec: &Model, c: &Model, rust: &Model) -> Vec<OutputFile> {
    // The page is about as long as the docs' text five times over plus a few hundred
    // bytes of markup per item: reserve that once rather than grow step by step.
    let mut out = String::with_capacity(page_estimate(spec));
    page(&mut out, ir, spec, c, rust);
    let css = format!("/* {} */\n{STYLE}", banner_text(ir));
    let js = format!("// {}\n{SCRIPT}", banner_text(ir));
    vec![
        OutputFile::new("docs/html/index.html", out),
        OutputFile::new("docs/html/style.css", css),
        OutputFile::new("docs/html/search.js", js),
    ]
}

fn page_estimate(spec: &Model) -> usize {
    let sections = spec.syscalls.iter().chain(&spec.types);
    let per_section: usize = sections.map(|s| 2 * s.doc.len() + 3000).sum();
    16 * 1024 + 2 * spec.intro.len() + per_section
}

fn banner_text(ir: &Ir) -> String {
    crate::backend::banner(ir, "").trim_end().to_string()
}

/// The text of the intro's first heading, or a plain default.
fn page_title(spec: &Model) -> String {
    spec.intro
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map_or_else(|| "ABI reference".to_string(), |t| format!("{t} reference"))
}

/// The whole index page: head, sidebar, intro, then every section.
fn page(out: &mut String, ir: &Ir, spec: &Model, c: &Model, rust: &Model) {
    let title = page_title(spec);
    out.push_str(&super::html_banner(ir));
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape_value(out, &title);
    out.push_str(
        "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n\
         <body data-lang=\"c\">\n\
         <a class=\"skip\" href=\"#content\">Skip to the content</a>\n\
         <nav id=\"sidebar\" aria-label=\"Contents\">\n<div class=\"brand\"><a href=\"#top\">",
    );
    escape_value(out, &title);
    out.push_str("</a><span>generated from <code>");
    escape_value(out, ir.spec_name());
    out.push_str(
        "</code></span></div>\n<div class=\"search\">\n\
         <input id=\"search\" type=\"search\" placeholder=\"Filter names\" \
         aria-label=\"Filter names\" autocomplete=\"off\" spellcheck=\"false\">\
         <kbd title=\"Press / to search\">/</kbd>\n\
         <p id=\"search-status\" aria-live=\"polite\"></p>\n</div>\n<div class=\"toc\">\n",
    );
    toc(out, "syscalls", "System calls", &spec.syscalls, c, rust);
    toc(out, "types", "Types", &spec.types, c, rust);
    out.push_str(
        "<p class=\"no-match\" hidden>No name matches.</p>\n</div>\n</nav>\n\
         <main id=\"content\">\n<div class=\"topbar\">\n\
         <div class=\"lang-switch\" role=\"group\" aria-label=\"Names and signatures in\">\n\
         <span>Names and signatures in</span>\n\
         <button type=\"button\" data-set-lang=\"c\" aria-pressed=\"true\">C</button>\
         <button type=\"button\" data-set-lang=\"rust\" aria-pressed=\"false\">Rust</button>\n\
         </div>\n</div>\n<section class=\"intro\" id=\"top\">\n",
    );
    push_markdown_html(out, &spec.intro);
    let _ = write!(
        out,
        "\n<div class=\"overview\">\n\
         <a class=\"card\" href=\"#syscalls\"><strong>{}</strong> system calls</a>\n\
         <a class=\"card\" href=\"#types\"><strong>{}</strong> types</a>\n\
         </div>\n</section>\n<h2 class=\"part\" id=\"syscalls\">System calls</h2>\n",
        spec.syscalls.len(),
        spec.types.len()
    );
    for ((s, c), r) in spec.syscalls.iter().zip(&c.syscalls).zip(&rust.syscalls) {
        section(out, s, c, r);
    }
    out.push_str("<h2 class=\"part\" id=\"types\">Types</h2>\n");
    for ((s, c), r) in spec.types.iter().zip(&c.types).zip(&rust.types) {
        section(out, s, c, r);
    }
    out.push_str("<footer>Generated from <code>");
    escape_value(out, ir.spec_name());
    out.push_str(
        "</code> by cloudabi-gen. Anchors are spec paths: <code>#fd_read.iovs</code> links to \
         the <code>iovs</code> parameter of <code>fd_read</code>.</footer>\n</main>\n\
         <script src=\"search.js\"></script>\n</body>\n</html>\n",
    );
}

/// One group of the sidebar: a heading with a count and a filterable list of names.
fn toc(out: &mut String, group: &str, title: &str, spec: &[Section], c: &Model, rust: &Model) {
    let (c, rust) = if group == "syscalls" {
        (&c.syscalls, &rust.syscalls)
    } else {
        (&c.types, &rust.types)
    };
    let _ = write!(
        out,
        "<h2 data-group=\"{group}\"><a href=\"#{group}\">{title}</a> \
         <span class=\"count\">{}</span></h2>\n<ul data-group=\"{group}\">",
        spec.len()
    );
    let mut scratch = String::new();
    for ((s, c), r) in spec.iter().zip(c).zip(rust) {
        out.push_str("\n<li data-names=\"");
        search_names(out, s, c, r);
        out.push_str("\"><a href=\"#");
        escape_value(out, &s.anchor);
        out.push_str("\" title=\"");
        plain_summary(out, &mut scratch, &s.doc);
        out.push_str("\">");
        match s.what {
            What::Syscall { number, .. } => {
                out.push_str("<span class=\"name\">");
                escape_value(out, &s.anchor);
                let _ = write!(out, "</span><span class=\"num\">{number}</span>");
            }
            _ => {
                let (class, short) = kind(&s.what);
                let _ = write!(out, "<span class=\"k k-{class}\">{short}</span>");
                out.push_str("<span class=\"name\">");
                escape_value(out, &s.anchor);
                out.push_str("</span>");
            }
        }
        out.push_str("</a></li>");
    }
    out.push_str("\n</ul>\n");
}

/// Lower-case names the search box matches against: spec, C and Rust.
fn search_names(out: &mut String, s: &Section, c: &Section, r: &Section) {
    for (i, name) in [s.anchor.as_str(), bare(&c.title), bare(&r.title)]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        let start = out.len();
        escape_value(out, name);
        out[start..].make_ascii_lowercase();
        if !name.is_ascii() {
            // Rare: redo the tail with full Unicode lower-casing.
            out.truncate(start);
            escape_value(out, &name.to_lowercase());
        }
    }
}

fn section(out: &mut String, s: &Section, c: &Section, r: &Section) {
    let (kind_class, _) = kind(&s.what);
    out.push_str("<section class=\"entry\" id=\"");
    escape_value(out, &s.anchor);
    out.push_str("\">\n<header class=\"entry-head\">\n<h3><a class=\"self\" href=\"#");
    escape_value(out, &s.anchor);
    out.push_str("\">");
    escape_value(out, &s.anchor);
    let _ = write!(
        out,
        "</a></h3>\n<span class=\"kind k-{kind_class}\">{}</span>",
        s.what.describe()
    );
    for (lang, title) in [("c", &c.title), ("rust", &r.title)] {
        if bare(title) != s.anchor {
            out.push_str("\n<code class=\"lang-name lang-");
            out.push_str(lang);
            out.push_str("\">");
            escape_value(out, title);
            out.push_str("</code>");
        }
    }
    out.push_str("\n</header>\n<ul class=\"facts\">");
    facts(out, s, c, r);
    out.push_str("</ul>\n<div class=\"doc\">");
    push_markdown_html(out, &s.doc);
    out.push_str("</div>");
    // Both signatures or none: the C and Rust namings declare the same kinds of things.
    if let Some(cs) = &c.signature {
        out.push_str("\n<pre class=\"sig lang-c\"><code>");
        highlight::push_html(out, cs, None);
        out.push_str("</code></pre>\n<pre class=\"sig lang-rust\"><code>");
        if let Some(rs) = &r.signature {
            highlight::push_html(out, rs, None);
        }
        out.push_str("</code></pre>");
    }
    for ((g, cg), rg) in s.groups.iter().zip(&c.groups).zip(&r.groups) {
        out.push_str("\n<h4>");
        escape_value(out, g.title);
        out.push_str("</h4>\n");
        html_items::items(out, &g.items, &cg.items, &rg.items);
    }
    if let What::Syscall { noreturn: true, .. } = s.what {
        out.push_str("\n<p class=\"noreturn\">Does not return.</p>");
    }
    if let (Some(l), false) = (s.layout, s.fields.is_empty()) {
        layout(out, &s.fields, l);
    }
    if !s.used_by.is_empty() {
        out.push_str("\n<p class=\"used-by\">Used by ");
        used_by(out, &s.used_by);
        out.push_str(".</p>");
    }
    out.push_str("\n</section>\n");
}

/// `fd_read()` without the parentheses, for searching.
fn bare(title: &str) -> &str {
    title.trim_end_matches("()")
}

/// The CSS class and the sidebar's short label of a section's kind.
fn kind(what: &What) -> (&'static str, &'static str) {
    match what {
        What::Syscall { .. } => ("syscall", "fn"),
        What::IntLike { kind, .. } => match kind {
            IntLikeKind::Enum => ("enum", "enum"),
            IntLikeKind::Flags => ("flags", "flags"),
            IntLikeKind::Opaque => ("opaque", "opaque"),
            IntLikeKind::Alias => ("alias", "alias"),
        },
        What::Struct => ("struct", "struct"),
        What::Function => ("function", "func"),
    }
}

/// A badge under the heading; `lang` is `c` or `rust` for a fact about one language only.
fn fact(out: &mut String, lang: &str, text: std::fmt::Arguments) {
    if lang.is_empty() {
        out.push_str("<li>");
    } else {
        let _ = write!(out, "<li class=\"lang-{lang}\">");
    }
    let start = out.len();
    let _ = out.write_fmt(text);
    escape_tail(out, start);
    out.push_str("</li>");
}

/// Escapes what was written to `out` from `start` on, in the rare case it needs it.
fn escape_tail(out: &mut String, start: usize) {
    if out[start..].bytes().any(|b| b"&<>\"'".contains(&b)) {
        let tail = out.split_off(start);
        escape_value(out, &tail);
    }
}

/// Small facts shown as badges under the heading.
fn facts(out: &mut String, s: &Section, c: &Section, r: &Section) {
    match (&s.what, &c.what, &r.what) {
        (What::Syscall { number, noreturn }, _, _) => {
            fact(out, "", format_args!("number {number}"));
            if *noreturn {
                fact(out, "", format_args!("does not return"));
            }
        }
        (What::IntLike { .. }, What::IntLike { base: cb, .. }, What::IntLike { base: rb, .. }) => {
            for (lang, base) in [("c", cb), ("rust", rb)] {
                fact(out, lang, format_args!("stored as {}", Plain(base)));
            }
        }
        _ => {}
    }
    if let Some(layout) = s.layout {
        layout_facts(out, layout);
    }
}

/// A code fragment as plain text, without building a string.
struct Plain<'a>(&'a super::code::Code);

impl std::fmt::Display for Plain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use super::code::Piece;
        for piece in &self.0 .0 {
            f.write_str(match piece {
                Piece::Text(s) | Piece::Name(s) => s,
                Piece::Link { text, .. } => text,
            })?;
        }
        Ok(())
    }
}

/// `1 byte`, `8 bytes`.
struct Bytes(u64);

impl std::fmt::Display for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => f.write_str("1 byte"),
            n => write!(f, "{n} bytes"),
        }
    }
}

/// Size and alignment, per machine when they differ.
fn layout_facts(out: &mut String, l: Layout) {
    if l.size.differs() || l.align.differs() {
        let (s32, s64) = (Bytes(l.size.m32), Bytes(l.size.m64));
        fact(
            out,
            "",
            format_args!("32-bit: {s32}, align {}", l.align.m32),
        );
        fact(
            out,
            "",
            format_args!("64-bit: {s64}, align {}", l.align.m64),
        );
        fact(out, "", format_args!("machine-dependent"));
    } else {
        let size = Bytes(l.size.m32);
        fact(out, "", format_args!("{size}, align {}", l.align.m32));
        if l.machine_dep {
            fact(out, "", format_args!("machine-dependent"));
        }
    }
}

/// Links to the sections that use a type, separated by commas.
fn used_by(out: &mut String, refs: &[Ref]) {
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str("<a href=\"#");
        escape(out, &r.anchor);
        out.push_str("\"><code>");
        escape(out, &r.label);
        out.push_str("</code></a>");
    }
}

/// A struct's layout table: offset and size of every field on both machines.
fn layout(out: &mut String, fields: &[FieldRow], total: Layout) {
    out.push_str(
        "\n<h4>Layout</h4>\n<div class=\"table-wrap\">\n<table class=\"layout\">\n<thead>\n\
         <tr><th rowspan=\"2\" scope=\"col\">Field</th><th colspan=\"2\" scope=\"colgroup\">\
         32-bit</th><th colspan=\"2\" scope=\"colgroup\">64-bit</th></tr>\n\
         <tr><th scope=\"col\">offset</th><th scope=\"col\">size</th><th scope=\"col\">offset\
         </th><th scope=\"col\">size</th></tr>\n</thead>\n<tbody>",
    );
    for f in fields {
        out.push_str(if f.offset.differs() || f.size.differs() {
            "\n<tr class=\"differs\"><td><a href=\"#"
        } else {
            "\n<tr><td><a href=\"#"
        });
        escape_value(out, &f.anchor);
        out.push_str("\"><code>");
        escape_value(out, &f.path);
        let _ = write!(
            out,
            "</code></a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.offset.m32, f.size.m32, f.offset.m64, f.size.m64
        );
    }
    let _ = write!(
        out,
        "\n</tbody>\n<tfoot>\n<tr><th scope=\"row\">whole struct</th>\
         <td colspan=\"2\">{} bytes, align {}</td><td colspan=\"2\">{} bytes, align {}</td></tr>\n\
         </tfoot>\n</table>\n</div>",
        total.size.m32, total.align.m32, total.size.m64, total.align.m64
    );
}

/// Appends a doc's first paragraph as plain text, for tooltips: without code marks,
/// brackets and link targets. `scratch` is reused between calls.
fn plain_summary(out: &mut String, scratch: &mut String, doc: &str) {
    scratch.clear();
    summary(scratch, doc);
    let start = out.len();
    let mut in_target = false;
    let mut chars = scratch.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '`' | '[' | ']' if !in_target => {
                if ch == ']' && chars.peek() == Some(&'(') {
                    in_target = true;
                }
            }
            ')' if in_target => in_target = false,
            _ if in_target => {}
            ch => out.push(ch),
        }
    }
    escape_tail(out, start);
}

/// Appends doc Markdown as HTML (see [`doc_html`](super::doc_html)).
pub(super) fn push_markdown_html(out: &mut String, md: &str) {
    super::doc_html::push(out, md);
}
